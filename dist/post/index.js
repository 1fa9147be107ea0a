import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 833:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ cancelOnSignals)
/* harmony export */ });
/* unused harmony export CANCEL_GRACE_MS */
/* harmony import */ var _docker_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(114);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(916);
/**
 * The runner's cancel. When a job is cancelled the runner sends the step's process SIGINT,
 * SIGTERM 7.5 s later, and kills the process tree 2.5 s after that; the post step still
 * runs. On the first signal the run's AbortSignal aborts: the docker process running is
 * stopped (SIGINT to its process group, as Ctrl-C: buildx cancels the build in BuildKit),
 * no later stage, retry or tag starts, and main reports the cancel and exits non-zero.
 * Should the run not have ended a few seconds later (an AWS call that never answers), or
 * should a second signal come, every docker process left is killed and the step exits.
 */


/** How long the run has, after the first signal, to stop by itself: well before the runner's SIGTERM. */
const CANCEL_GRACE_MS = 5000;
/**
 * @param giveUp what happens when the run has not stopped in time: by default the docker
 *   processes are killed and the process exits with 1 (tests pass their own)
 */
function cancelOnSignals(giveUp = exitNow, graceMs = CANCEL_GRACE_MS) {
    const controller = new AbortController();
    let timer;
    const on = (signal) => {
        if (controller.signal.aborted)
            return giveUp(controller.signal.reason);
        const reason = new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CancelledError */ .cc(signal);
        controller.abort(reason);
        timer = setTimeout(() => giveUp(reason), graceMs);
        // The timer alone must not hold the step open once the run has stopped.
        timer.unref();
    };
    const onInterrupt = () => on('SIGINT');
    const onTerminate = () => on('SIGTERM');
    process.on('SIGINT', onInterrupt);
    process.on('SIGTERM', onTerminate);
    return {
        signal: controller.signal,
        dispose() {
            clearTimeout(timer);
            process.off('SIGINT', onInterrupt);
            process.off('SIGTERM', onTerminate);
        }
    };
}
function exitNow(reason) {
    (0,_docker_js__WEBPACK_IMPORTED_MODULE_0__/* .killAll */ .E7)();
    process.stdout.write(`::error::${reason.message}\n`);
    process.exit(1);
}


/***/ }),

/***/ 114:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  T3: () => (/* binding */ docker),
  E7: () => (/* binding */ killAll),
  fM: () => (/* binding */ lastLine),
  l_: () => (/* binding */ withSignal)
});

// UNUSED EXPORTS: DEFAULT_TIMEOUT_MS, KILL_GRACE_MS, run

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(598);
;// CONCATENATED MODULE: ./src/child-env.ts
/**
 * The environment a docker process gets: what docker, the buildx plugin and a credential
 * helper read, and nothing else of the step's. An allow-list, not a deny-list: the step's
 * environment holds the raw inputs (`INPUT_*`, the build secrets among them), the runner's
 * tokens (`ACTIONS_*`, `GITHUB_TOKEN`), AWS credentials (the job's own, and the action's with
 * `export-credentials`) and whatever else the workflow sets; none of it is docker's business,
 * and a variable a child can read is one a `--build-arg NAME` can bake into an image.
 */
/** Variables passed as they are (matched without regard to case, as Windows names them). */
// prettier-ignore
const NAMES = new Set([
    // the process itself
    'PATH', 'HOME', 'USER', 'LOGNAME', 'LANG', 'LANGUAGE', 'TZ', 'TMPDIR', 'TEMP', 'TMP', 'NO_COLOR', 'CI',
    'SOURCE_DATE_EPOCH',
    // proxies and certificates, for buildx's own connections (a remote builder, imagetools)
    'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'ALL_PROXY', 'SSL_CERT_FILE', 'SSL_CERT_DIR',
    // reaching an engine or builder: DOCKER_HOST=ssh://…, kubernetes builders, WSL, sudo
    'SSH_AUTH_SOCK', 'KUBECONFIG', 'WSL_DISTRO_NAME', 'SUDO_UID', 'SUDO_GID', 'SUDO_USER', 'SUDO_COMMAND',
    // credential helpers (secretservice, pass) on self-hosted runners
    'DBUS_SESSION_BUS_ADDRESS', 'PASSWORD_STORE_DIR', 'GNUPGHOME',
    // the docker CLI's own (docs.docker.com: "Use the Docker command line")
    'DOCKER_API_VERSION', 'DOCKER_AUTH_CONFIG', 'DOCKER_BUILDKIT', 'DOCKER_CERT_PATH', 'DOCKER_CONFIG',
    'DOCKER_CONTENT_TRUST', 'DOCKER_CONTENT_TRUST_SERVER', 'DOCKER_CONTEXT', 'DOCKER_CUSTOM_HEADERS',
    'DOCKER_DEFAULT_PLATFORM', 'DOCKER_HIDE_LEGACY_COMMANDS', 'DOCKER_HOST', 'DOCKER_TLS', 'DOCKER_TLS_VERIFY',
    // what buildx records of the run in provenance (util/ghutil), none of them secret
    'GITHUB_ACTIONS', 'GITHUB_ACTOR', 'GITHUB_ACTOR_ID', 'GITHUB_TRIGGERING_ACTOR', 'GITHUB_EVENT_NAME',
    'GITHUB_EVENT_PATH', 'GITHUB_REF', 'GITHUB_REF_NAME', 'GITHUB_REF_PROTECTED', 'GITHUB_REF_TYPE',
    'GITHUB_REPOSITORY', 'GITHUB_REPOSITORY_ID', 'GITHUB_REPOSITORY_OWNER', 'GITHUB_REPOSITORY_OWNER_ID', 'GITHUB_JOB',
    'GITHUB_RUN_ATTEMPT', 'GITHUB_RUN_ID', 'GITHUB_RUN_NUMBER', 'GITHUB_SERVER_URL', 'GITHUB_WORKFLOW',
    'GITHUB_WORKFLOW_REF', 'GITHUB_WORKFLOW_SHA', 'GITHUB_SHA', 'GITHUB_WORKSPACE', 'GITHUB_API_URL',
    'GITHUB_BASE_REF', 'GITHUB_HEAD_REF', 'RUNNER_OS', 'RUNNER_ARCH', 'RUNNER_NAME', 'RUNNER_ENVIRONMENT',
    'RUNNER_TRACKING_ID', 'RUNNER_TEMP', 'RUNNER_TOOL_CACHE', 'RUNNER_WORKSPACE', 'RUNNER_DEBUG', 'IMAGEOS',
    'IMAGEVERSION',
    // Windows
    'SYSTEMROOT', 'SYSTEMDRIVE', 'COMSPEC', 'PATHEXT', 'WINDIR', 'USERPROFILE', 'APPDATA', 'LOCALAPPDATA',
    'PROGRAMDATA', 'PROGRAMFILES', 'USERNAME'
]);
/** Families passed whole: locale, XDG folders, buildx's and BuildKit's settings, the docker CLI's. */
const PREFIXES = ['LC_', 'XDG_', 'BUILDX_', 'BUILDKIT_', 'DOCKER_CLI_'];
/**
 * What buildx's `type=gha` cache reads from its environment (build/opt.go addGithubToken):
 * given to the build only when its cache is GitHub's.
 */
const GHA_CACHE_VARIABLES = (/* unused pure expression or super */ null && (['ACTIONS_CACHE_URL', 'ACTIONS_RESULTS_URL', 'ACTIONS_RUNTIME_TOKEN', 'ACTIONS_CACHE_SERVICE_V2']));
/** Whether a docker process gets this variable of the step's environment. */
function passedToDocker(name) {
    const upper = name.toUpperCase();
    return NAMES.has(upper) || PREFIXES.some(p => upper.startsWith(p));
}
/**
 * A docker process's environment: the allowed variables of `parent`, the ones named in
 * `inherit` (e.g. GHA_CACHE_VARIABLES), then `extra` (a build's argument and secret values).
 */
function childEnv(parent, inherit = [], extra = {}) {
    const env = {};
    for (const [name, value] of Object.entries(parent)) {
        if (value !== undefined && (passedToDocker(name) || inherit.includes(name)))
            env[name] = value;
    }
    return { ...env, ...extra };
}

;// CONCATENATED MODULE: ./src/docker.ts
/**
 * The one way the action runs docker: an argv array (never a shell string), stdin passed
 * as data, output captured and, for builds, streamed to the log. Tests replace it with a
 * recorder.
 *
 * Every docker process is bounded. Each runs in a process group of its own (docker starts
 * the buildx plugin as its child), so a cancel reaches the whole group: SIGINT first —
 * what Ctrl-C sends, on which buildx cancels the build in BuildKit — and SIGKILL if the
 * group is still there a few seconds later. Every command but the build has a timeout too
 * (5 minutes unless its caller sets one: the merge's is `merge-timeout`); a build is bounded
 * by the cancel (and the job's timeout). Whatever is still running when the step's process
 * exits is killed with it.
 *
 * Streamed output is the children's, not the action's: it goes to the log between
 * `::stop-commands::<token>` and `::<token>::`, so no line a build prints (`::set-output`,
 * `::add-mask::`, `##[save-state …]`) is taken by the runner as a workflow command.
 *
 * A docker process gets the step's environment only as far as docker needs it
 * (child-env.ts): no input, token or AWS credential of the step reaches it.
 */



/** A command that is not a build (inspect, login, history) has this long. */
const DEFAULT_TIMEOUT_MS = 5 * 60_000;
/** How long a process group has to exit after SIGINT before it gets SIGKILL. */
const KILL_GRACE_MS = 3000;
/** A streamed build's captured output keeps its last this-many characters per stream (the log has it all). */
const CAPTURE_LIMIT = 1 << 20;
/** Process groups still running, killed when the step's process exits. */
const running = new Set();
const docker = (args, options = {}) => run('docker', args, options);
/** Runs `command` as the docker wrapper runs docker (exported for its tests, which start a stand-in). */
function run(command, args, options = {}) {
    if (options.signal?.aborted)
        return Promise.reject(options.signal.reason);
    const stream = options.stream === true;
    const resume = stream ? (0,external_node_crypto_.randomUUID)() : '';
    // The command line too is inside: its arguments (build args, labels, paths) are the workflow's, not the action's.
    if (stream)
        process.stdout.write(`::stop-commands::${resume}\n[command]${[command, ...args].join(' ')}\n`);
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_namespaceObject.spawn)(command, args, {
            detached: true,
            stdio: [options.input ? 'pipe' : 'ignore', 'pipe', 'pipe'],
            env: childEnv(process.env, options.inherit, options.env)
        });
        running.add(child);
        const out = { stdout: '', stderr: '' };
        let lastChar = '\n';
        const take = (name) => (chunk) => {
            const text = chunk.toString();
            out[name] += text;
            if (out[name].length > 2 * CAPTURE_LIMIT && stream)
                out[name] = out[name].slice(-CAPTURE_LIMIT);
            // Both of the child's streams go to the step's stdout: one stream keeps their order
            // against the resume line below.
            if (stream && text !== '') {
                process.stdout.write(text);
                lastChar = text.at(-1) ?? lastChar;
            }
        };
        child.stdout?.on('data', take('stdout'));
        child.stderr?.on('data', take('stderr'));
        if (options.input)
            child.stdin?.end(options.input);
        child.stdin?.on('error', () => undefined);
        let timedOut = false;
        let killTimer;
        const stop = () => {
            signalGroup(child, 'SIGINT');
            killTimer ??= setTimeout(() => signalGroup(child, 'SIGKILL'), KILL_GRACE_MS);
        };
        const timeoutMs = options.timeoutMs ?? (stream ? undefined : DEFAULT_TIMEOUT_MS);
        const timer = timeoutMs === undefined
            ? undefined
            : setTimeout(() => {
                timedOut = true;
                stop();
            }, timeoutMs);
        options.signal?.addEventListener('abort', stop, { once: true });
        const finish = (result) => {
            running.delete(child);
            clearTimeout(timer);
            clearTimeout(killTimer);
            options.signal?.removeEventListener('abort', stop);
            if (stream)
                process.stdout.write(`${lastChar === '\n' ? '' : '\n'}::${resume}::\n`);
            if (options.signal?.aborted)
                reject(options.signal.reason);
            else if (result instanceof Error)
                reject(result);
            else
                resolve(result);
        };
        // docker not on PATH: the exit code a shell gives, and spawn's message (…ENOENT).
        child.on('error', error => finish({ exitCode: 127, stdout: '', stderr: error.message }));
        child.on('close', (code, signal) => {
            if (!timedOut)
                return finish({ exitCode: code ?? 128 + signalNumber(signal), ...out });
            out.stderr += `\nERROR: ${commandName(command, args)} gave no result in ${Math.round((timeoutMs ?? 0) / 1000)} s and was stopped`;
            finish({ exitCode: 124, ...out, timedOut: true });
        });
    });
}
/** `docker buildx imagetools create`: the command and its words before the first flag, past a leading `--context NAME`. */
function commandName(command, args) {
    const words = args[0] === '--context' ? args.slice(2) : args;
    const end = words.findIndex(w => w.startsWith('-'));
    return [command, ...words.slice(0, end === -1 ? words.length : end).slice(0, 4)].join(' ');
}
/** Docker with the run's cancel on every command (a command's own signal wins). */
function withSignal(docker, signal) {
    return signal === undefined ? docker : (args, options = {}) => docker(args, { signal, ...options });
}
/** A signal to the child's process group: docker and the buildx plugin it started, even when docker itself has gone. */
function signalGroup(child, signal) {
    if (child.pid === undefined)
        return;
    try {
        process.kill(-child.pid, signal);
    }
    catch {
        // The group has gone already.
    }
}
function signalNumber(signal) {
    return signal === 'SIGKILL' ? 9 : signal === 'SIGTERM' ? 15 : signal === 'SIGINT' ? 2 : 0;
}
/** SIGKILL to every docker process group still running (the step's process is about to exit). */
function killAll() {
    for (const child of running)
        signalGroup(child, 'SIGKILL');
}
process.on('exit', killAll);
/** The last meaningful line docker printed, for one-line error messages. */
function lastLine(result) {
    const lines = `${result.stderr}\n${result.stdout}`
        .split('\n')
        .map(l => l.trim())
        .filter(l => l !== '');
    return lines.findLast(l => /error/i.test(l)) ?? lines.at(-1) ?? `exit code ${result.exitCode}`;
}


/***/ }),

/***/ 916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   cc: () => (/* binding */ CancelledError),
/* harmony export */   dz: () => (/* binding */ InputError)
/* harmony export */ });
/* unused harmony exports ActionError, logSafe, errorDetail */
/**
 * Errors the action reports to the user. Each carries a one-line message that says what
 * is wrong and how to fix it; `main` prints it with `core.setFailed`, and its stack (with
 * the error it was made from, its `cause`) with `core.debug` (errorDetail).
 */
/** A workflow input is invalid. Raised before any AWS write or docker call. */
class InputError extends Error {
    input;
    name = 'InputError';
    constructor(input, detail) {
        super(`Input '${input}': ${detail}`);
        this.input = input;
    }
}
/** Something outside the inputs stops the run (permissions, tools, AWS state). */
class ActionError extends (/* unused pure expression or super */ null && (Error)) {
    name = 'ActionError';
}
/** The runner cancelled the run (SIGINT, then SIGTERM): the reason of the run's AbortSignal. */
class CancelledError extends Error {
    signal;
    name = 'CancelledError';
    constructor(signal) {
        super(`The run was cancelled (${signal}): its docker processes were stopped, and nothing was pushed or tagged after the cancel.`);
        this.signal = signal;
    }
}
/**
 * Text the action did not write — a registry's or AWS's error message, buildx's words about
 * a push — made safe for one line of the log. The runner reads the step's output line by
 * line and takes a line that starts with `::` (after blanks) as a workflow command, and
 * `##[` anywhere in a line (the older form): such text could set an output, mask words or
 * fail the step. Line breaks are written as `\n` (so no later line starts with `::`), a
 * leading `::` and every `##[` are broken up. core.setFailed, warning and error escape line
 * breaks in their message themselves (`%0A`, which the runner only decodes inside that one
 * command); core.info prints its text as it is, so untrusted text goes through this first.
 */
function logSafe(text) {
    return text
        .replace(/\r\n|\r|\n/g, '\\n')
        .replace(/##\[/g, '## [')
        .replace(/^(\s*):(?=:)/, '$1: ');
}
/** An error's stack, then its causes' (`Caused by: …`), for core.debug: what the one-line message leaves out. */
function errorDetail(error) {
    const lines = [];
    for (let e = error, depth = 0; e !== undefined && depth < 5; e = e instanceof Error ? e.cause : undefined, depth++) {
        const text = e instanceof Error ? (e.stack ?? `${e.name}: ${e.message}`) : String(e);
        lines.push(depth === 0 ? text : `Caused by: ${text}`);
    }
    return lines.join('\n');
}


/***/ }),

/***/ 908:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cancel_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(833);
/* harmony import */ var _docker_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(114);
/* harmony import */ var _post_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(569);
/** The post step's entry point (action.yml `post`): a cancel stops its docker commands too. */



const cancel = (0,_cancel_js__WEBPACK_IMPORTED_MODULE_0__/* .cancelOnSignals */ .d)();
await (0,_post_js__WEBPACK_IMPORTED_MODULE_2__/* .post */ .bE)(process.env, (0,_docker_js__WEBPACK_IMPORTED_MODULE_1__/* .withSignal */ .l_)(_docker_js__WEBPACK_IMPORTED_MODULE_1__/* .docker */ .T3, cancel.signal));
cancel.dispose();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 569:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  bE: () => (/* binding */ post)
});

// UNUSED EXPORTS: logout, removeTempDirs

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_namespaceObject);
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
;// CONCATENATED MODULE: ./src/constants.ts
/** Names the workflow, the runner and the post step see. Written once, here. */
const Input = {
    RoleToAssume: 'role-to-assume',
    AwsRegion: 'aws-region',
    Audience: 'audience',
    RoleSessionName: 'role-session-name',
    RoleDurationSeconds: 'role-duration-seconds',
    ExportCredentials: 'export-credentials',
    DualStack: 'dual-stack',
    Repository: 'repository',
    CreateRepository: 'create-repository',
    TagMutability: 'tag-mutability',
    TagMutabilityExclusions: 'tag-mutability-exclusions',
    ScanOnPush: 'scan-on-push',
    Encryption: 'encryption',
    KmsKey: 'kms-key',
    LifecyclePolicy: 'lifecycle-policy',
    LifecycleKeepCount: 'lifecycle-keep-count',
    LifecycleExpireDays: 'lifecycle-expire-days',
    LifecycleUntaggedDays: 'lifecycle-untagged-days',
    LifecycleProtectTags: 'lifecycle-protect-tags',
    Version: 'version',
    Latest: 'latest',
    LatestMayMoveBack: 'latest-may-move-back',
    Tags: 'tags',
    RefTags: 'ref-tags',
    Annotations: 'annotations',
    Platforms: 'platforms',
    Context: 'context',
    File: 'file',
    Target: 'target',
    BuildArgs: 'build-args',
    Secrets: 'secrets',
    SecretEnvs: 'secret-envs',
    Builder: 'builder',
    Labels: 'labels',
    Push: 'push',
    SkipLogout: 'skip-logout',
    IfVersionExists: 'if-version-exists',
    Cache: 'cache',
    CacheTag: 'cache-tag',
    Provenance: 'provenance',
    Sbom: 'sbom',
    SbomGenerator: 'sbom-generator',
    DryRun: 'dry-run',
    RepositoryPolicy: 'repository-policy',
    PullPrincipals: 'pull-principals',
    RepositoryTags: 'repository-tags',
    PushByDigest: 'push-by-digest',
    MergeDigests: 'merge-digests',
    MergeTimeout: 'merge-timeout',
    Summary: 'summary',
    ReplicateToRegions: 'replicate-to-regions',
    ScanFailOn: 'scan-fail-on',
    ScanTimeout: 'scan-timeout',
    RequireSignature: 'require-signature',
    SignatureTimeout: 'signature-timeout',
    RegistryType: 'registry-type',
    Description: 'description',
    About: 'about',
    StoragePrice: 'storage-price',
    HttpProxy: 'http-proxy',
    NoProxy: 'no-proxy',
    ExistingRepository: 'existing-repository',
    // docker/build-push-action's pass-through build options, under its names
    BuildContexts: 'build-contexts',
    NoCache: 'no-cache',
    NoCacheFilters: 'no-cache-filters',
    Pull: 'pull',
    Ssh: 'ssh',
    Network: 'network',
    ShmSize: 'shm-size',
    Ulimit: 'ulimit',
    AddHosts: 'add-hosts',
    CacheFrom: 'cache-from',
    CacheTo: 'cache-to',
    Load: 'load',
    ReadRegistries: 'read-registries',
    CopyTo: 'copy-to'
};
const Output = {
    Registry: 'registry',
    RepositoryUri: 'repository-uri',
    ImageUri: 'image-uri',
    LatestUri: 'latest-uri',
    Digest: 'digest',
    ImageDigestUri: 'image-digest-uri',
    Tags: 'tags',
    Version: 'version',
    Metadata: 'metadata',
    Skipped: 'skipped',
    ReplicaUris: 'replica-uris',
    ScanFindings: 'scan-findings',
    Signature: 'signature',
    SubjectName: 'subject-name',
    SubjectDigest: 'subject-digest',
    Labels: 'labels',
    Annotations: 'annotations',
    CopiedUris: 'copied-uris'
};
/** Values the main step hands to the post step. */
const State = {
    IsPost: 'is-post',
    LoggedInRegistries: 'logged-in-registries',
    /** the docker config folder the login was written to, when it was written there (not by docker login) */
    LoginConfigDir: 'login-config-dir',
    /** the entry written there, as a hash, and where the entry it replaced is kept (config-login.ts WrittenLogin) */
    LoginWritten: 'login-written',
    /** the logins to the registries a build reads from (`read-registries`): a JSON list of {registry, written?} */
    ReadLogins: 'read-logins',
    /** the temporary folders the main step made (a JSON list), removed by the post step if a cancel left them */
    TempDirs: 'temp-dirs'
};
/** How the temporary folders the action makes are named (temp-dirs.ts): the post step removes only such folders. */
const TEMP_DIR_PREFIX = 'ecr-build-push-';

// EXTERNAL MODULE: ./src/docker.ts + 2 modules
var docker = __nccwpck_require__(114);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(598);
;// CONCATENATED MODULE: external "node:timers/promises"
const external_node_timers_promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");
;// CONCATENATED MODULE: ./src/registry/file-lock.ts
/**
 * A lock file beside a file that several processes read, change and write back (docker's
 * config.json, which the jobs of a self-hosted runner can share): `<file>.lock`, created
 * exclusively (O_EXCL), holding who took it — pid, host, time and a token of its own. A
 * process waits for it a bounded time; a lock whose holder is gone (its pid no longer runs
 * on this host) or that is older than any holder keeps one is stale and taken over.
 * Node built-ins only: the post step uses it too. Programs that don't know the lock (the
 * docker CLI) don't wait for it.
 */




const WAIT_MS = 15_000;
const STALE_MS = 10_000;
/** Runs `fn` holding `<file>.lock`; throws when the lock can't be had within the wait. */
async function withFileLock(file, fn, options = {}) {
    const lock = `${file}.lock`;
    const token = await acquire(lock, options.waitMs ?? WAIT_MS, options.staleMs ?? STALE_MS);
    try {
        return await fn();
    }
    finally {
        await release(lock, token);
    }
}
async function acquire(lock, waitMs, staleMs) {
    const token = (0,external_node_crypto_.randomUUID)();
    const deadline = Date.now() + waitMs;
    for (let pause = 10;; pause = Math.min(pause * 2, 200)) {
        if (await create(lock, token))
            return token;
        const seen = await inspect(lock);
        if (seen === undefined)
            continue;
        if (isStale(seen, staleMs)) {
            await breakStale(lock, seen);
            continue;
        }
        if (Date.now() >= deadline) {
            const by = seen.holder ? `process ${seen.holder.pid} on ${seen.holder.host}` : 'another process';
            throw new Error(`${lock} is held by ${by} for ${Math.round(seen.ageMs / 1000)} s; remove it if no docker login is running`);
        }
        await (0,external_node_timers_promises_namespaceObject.setTimeout)(pause + Math.floor(Math.random() * pause));
    }
}
/** True when this call created the lock file; false when it exists. */
async function create(lock, token) {
    let handle;
    try {
        handle = await (0,promises_namespaceObject.open)(lock, 'wx', 0o600);
    }
    catch (error) {
        if (error.code === 'EEXIST')
            return false;
        throw error;
    }
    try {
        await handle.writeFile(JSON.stringify({ pid: process.pid, host: external_node_os_default().hostname(), at: Date.now(), token }));
    }
    catch (error) {
        await handle.close();
        await (0,promises_namespaceObject.rm)(lock, { force: true });
        throw error;
    }
    await handle.close();
    return true;
}
/** The lock file as it is now; undefined when it is gone. */
async function inspect(lock) {
    try {
        const [info, text] = await Promise.all([(0,promises_namespaceObject.stat)(lock), (0,promises_namespaceObject.readFile)(lock, 'utf8')]);
        return { holder: parseHolder(text), identity: `${info.ino}:${info.mtimeMs}:${text}`, ageMs: Date.now() - info.mtimeMs };
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw error;
    }
}
function parseHolder(text) {
    try {
        const h = JSON.parse(text);
        return typeof h.pid === 'number' && typeof h.host === 'string' && typeof h.token === 'string' ? h : undefined;
    }
    catch {
        return undefined; // being written, or not ours: its age decides
    }
}
/** Stale: its holder's process is gone from this host, or it is older than any holder keeps it. */
function isStale(seen, staleMs) {
    if (seen.ageMs > staleMs)
        return true;
    return seen.holder !== undefined && seen.holder.host === external_node_os_default().hostname() && !running(seen.holder.pid);
}
function running(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (error) {
        return error.code === 'EPERM';
    }
}
/**
 * Takes a stale lock away: moved aside first (a rename happens once, so two waiters can't
 * both remove it), then checked to be the file judged stale; a lock another waiter took in
 * between is put back.
 */
async function breakStale(lock, seen) {
    const aside = `${lock}.stale-${(0,external_node_crypto_.randomUUID)()}`;
    try {
        await (0,promises_namespaceObject.rename)(lock, aside);
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return;
        throw error;
    }
    const moved = await inspect(aside);
    if (moved !== undefined && moved.identity !== seen.identity)
        await (0,promises_namespaceObject.link)(aside, lock).catch(() => undefined);
    await (0,promises_namespaceObject.rm)(aside, { force: true });
}
/** Removes the lock if it is still this holder's (a stale-lock take-over may have replaced it). */
async function release(lock, token) {
    const text = await (0,promises_namespaceObject.readFile)(lock, 'utf8').catch(() => '');
    if (parseHolder(text)?.token === token)
        await (0,promises_namespaceObject.rm)(lock, { force: true });
}

;// CONCATENATED MODULE: ./src/registry/docker-config.ts
/**
 * Docker's config file (`$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`), for a
 * login kept there: where docker keeps credentials when no credential store or helper
 * does, in the format `docker login` writes. The main step adds the registry's entry and
 * the post step takes it out again, each without a docker process, each reading, changing
 * and writing the file under its lock (file-lock.ts): jobs that share the file don't lose
 * each other's changes. Node built-ins only: the post step's bundle stays small.
 */




/** Where docker keeps its configuration: $DOCKER_CONFIG, else ~/.docker (as the docker CLI decides). */
function dockerConfigDir(env = process.env) {
    return env.DOCKER_CONFIG || path.join(env.HOME || os.homedir(), '.docker');
}
/** config.json as an object: `{}` when there is no file yet; undefined when it can't be read as a JSON object. */
async function readDockerConfig(configDir) {
    let config;
    try {
        config = JSON.parse(await (0,promises_namespaceObject.readFile)(external_node_path_default().join(configDir, 'config.json'), 'utf8'));
    }
    catch (error) {
        return error.code === 'ENOENT' ? {} : undefined;
    }
    return typeof config === 'object' && config !== null && !Array.isArray(config) ? config : undefined;
}
/**
 * The config when docker keeps this registry's credentials in the file itself: `{}` when
 * there is no file yet; undefined when a credential store or helper keeps them, or the
 * file can't be read as JSON (then `docker login`/`logout` decide, and explain).
 */
async function fileStoreConfig(configDir, registry) {
    const c = await readDockerConfig(configDir);
    return c === undefined || c.credsStore || c.credHelpers?.[registry] ? undefined : c;
}
/**
 * Replaces config.json atomically (a file beside it, then a rename), readable by its owner
 * only. A config.json that is a symlink keeps being one: its target is replaced, as the
 * docker CLI does.
 */
async function writeDockerConfig(configDir, config) {
    await (0,promises_namespaceObject.mkdir)(configDir, { recursive: true, mode: 0o700 });
    await replaceFile(await configFile(configDir), `${JSON.stringify(config, null, '\t')}\n`);
}
/** Replaces a file atomically (a file beside it, then a rename), readable by its owner only. */
async function replaceFile(file, text) {
    const temporary = external_node_path_default().join(external_node_path_default().dirname(file), `.${external_node_path_default().basename(file)}.${process.pid}.tmp`);
    try {
        await (0,promises_namespaceObject.writeFile)(temporary, text, { mode: 0o600 });
        await (0,promises_namespaceObject.rename)(temporary, file);
    }
    catch (error) {
        await (0,promises_namespaceObject.rm)(temporary, { force: true });
        throw new Error(`could not write ${file}: ${error.message}`, { cause: error });
    }
}
/** config.json's real path: a symlink's target (the file written, and the lock beside it). */
const configFile = (configDir) => (0,promises_namespaceObject.realpath)(external_node_path_default().join(configDir, 'config.json')).catch(() => external_node_path_default().join(configDir, 'config.json'));
/**
 * Reads config.json, lets `edit` change it and writes it back if it changed, all under
 * config.json's lock; `edit` is also given config.json's real path (files kept beside it
 * are changed under the same lock). Undefined (and `edit` not run) when docker keeps this
 * registry's credentials elsewhere or can't read the file (see fileStoreConfig).
 */
async function docker_config_editDockerConfig(configDir, registry, edit, lock) {
    await (0,promises_namespaceObject.mkdir)(configDir, { recursive: true, mode: 0o700 });
    const file = await configFile(configDir);
    return withFileLock(file, async () => {
        const config = await fileStoreConfig(configDir, registry);
        if (config === undefined)
            return undefined;
        const before = JSON.stringify(config);
        const result = await edit(config, file);
        if (JSON.stringify(config) !== before)
            await writeDockerConfig(configDir, config);
        return { result };
    }, lock);
}

;// CONCATENATED MODULE: ./src/registry/config-login.ts
/**
 * The registry login the main step writes into docker's config file, and how the post step
 * takes it out again without taking anyone else's: jobs on a self-hosted runner that share
 * `~/.docker` log in to the same registry side by side, and the user may have had a login
 * there before the run.
 *
 * The main step remembers the entry it wrote only as a SHA-256 of it (step state: nothing
 * to log in with), and the entry it replaced, if any, in a file of its own in the runner's
 * temporary folder, readable by its owner only, that the post step reads and deletes. That
 * entry is a credential: the step state (GITHUB_STATE) is a file too, but its values become
 * the post step's environment, which any process of the user can read, and nothing deletes
 * it before the job ends. The copy adds no reader: config.json, which held it, is a file of
 * the same user, also readable by its owner only.
 *
 * The post step, under the config's lock: the entry still the one written → the replaced
 * one back (or none); another entry since (another job logged in) → left alone, said in one
 * line, and handed off: what this run replaced is kept beside config.json (HANDOFF, owner
 * only) under the hash of this run's entry, so the run that replaced it, putting this run's
 * entry back at its end, puts back the older one instead — once every run has ended the
 * config holds what it held before the first, and no run's token. Node built-ins only: the
 * post step's bundle stays small.
 */





const REPLACED_PREFIX = `${TEMP_DIR_PREFIX}replaced-login-`;
/** Beside config.json: entries of runs that ended while another run's login covered theirs. */
const HANDOFF = 'ecr-build-push-handoff.json';
/** A handoff outlives no token it is about: ECR's last 12 hours. */
const HANDOFF_TTL_MS = 12 * 3600_000;
/** SHA-256 of an entry as JSON with its keys sorted: the same entry whoever wrote the file. */
function entryHash(entry) {
    const sorted = typeof entry === 'object' && entry !== null && !Array.isArray(entry) ? Object.fromEntries(Object.entries(entry).sort(([a], [b]) => (a < b ? -1 : 1))) : entry;
    return (0,external_node_crypto_.createHash)('sha256').update(JSON.stringify(sorted)).digest('hex');
}
/**
 * Main step: puts `entry` in the config for the registry; undefined when docker keeps the
 * registry's credentials elsewhere. `earlier` is this run's own earlier login (a renewed
 * token): while its entry is still there, what it replaced stays what this one replaces;
 * if another run's entry covers it, it is handed off as at the post step.
 */
async function writeLogin(configDir, registry, entry, tempDir, earlier) {
    let saved;
    try {
        const done = await editDockerConfig(configDir, registry, async (config, file) => {
            const current = config.auths?.[registry];
            let replaced = earlier?.replaced;
            if (earlier === undefined || current === undefined || entryHash(current) !== earlier.sha256) {
                if (earlier !== undefined && current !== undefined)
                    await handOff(file, earlier, await readReplaced(earlier.replaced).catch(() => undefined));
                if (earlier?.replaced !== undefined)
                    await removeReplaced(earlier.replaced);
                replaced = saved = current === undefined ? undefined : await saveReplaced(tempDir, current);
            }
            config.auths = { ...config.auths, [registry]: entry };
            return { registry, sha256: entryHash(entry), ...(replaced !== undefined ? { replaced } : {}) };
        });
        return done?.result;
    }
    catch (error) {
        if (saved !== undefined)
            await removeReplaced(saved);
        throw error;
    }
}
/** What the post step does with the entry it finds: `written` unknown (no record) → removed, as docker logout would. */
function decideUndo(current, written) {
    if (current === undefined)
        return 'gone';
    if (written === undefined)
        return 'remove';
    if (entryHash(current) !== written.sha256)
        return 'changed';
    return written.replaced !== undefined ? 'restore' : 'remove';
}
/**
 * Post step: undoes the login in the config (decideUndo); undefined when docker keeps the
 * registry's credentials elsewhere now. A replaced entry that can't be read back is warned
 * about, and the run's own entry still removed.
 */
async function undoLogin(configDir, registry, written, warn) {
    let replaced;
    try {
        replaced = await readReplaced(written?.replaced);
    }
    catch (error) {
        warn(`The login to ${registry} this run replaced in docker's config could not be read back (${error.message}); removing this run's.`);
    }
    const done = await docker_config_editDockerConfig(configDir, registry, async (config, file) => {
        const decision = decideUndo(config.auths?.[registry], written);
        if (decision === 'gone')
            return decision;
        if (decision === 'changed' && written !== undefined) {
            await handOff(file, written, replaced);
            return decision;
        }
        const back = decision === 'restore' ? await takeHandedOff(file, replaced) : undefined;
        const { [registry]: _, ...others } = config.auths ?? {};
        config.auths = back !== undefined ? { ...others, [registry]: back } : others;
        return back !== undefined ? 'restored' : 'removed';
    });
    return done?.result;
}
/** Records that this run's entry, covered by another run's, stands for the entry it replaced. */
async function handOff(file, written, replaced) {
    const handoff = await readHandoff(file);
    const stands = resolve(handoff, replaced);
    // An entry that would stand for itself (two runs given the same token) needs no handoff.
    if (stands === undefined || entryHash(stands) !== written.sha256)
        handoff[written.sha256] = { replaced: stands ?? null, at: Date.now() };
    await writeHandoff(file, handoff);
}
/** The entry to put back: through the handoffs of runs that have ended, to the one before them. */
async function takeHandedOff(file, entry) {
    if (entry === undefined)
        return undefined;
    const handoff = await readHandoff(file);
    const before = Object.keys(handoff).length;
    const back = resolve(handoff, entry);
    if (Object.keys(handoff).length !== before)
        await writeHandoff(file, handoff);
    return back;
}
/** Follows (and takes out) the handoffs from `entry`; undefined: none to put back. */
function resolve(handoff, entry) {
    while (entry !== undefined && entry !== null) {
        const step = handoff[entryHash(entry)];
        if (step === undefined)
            return entry;
        delete handoff[entryHash(entry)];
        entry = step.replaced;
    }
    return undefined;
}
async function readHandoff(file) {
    let text;
    try {
        text = await (0,promises_namespaceObject.readFile)(external_node_path_default().join(external_node_path_default().dirname(file), HANDOFF), 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return {};
        throw error;
    }
    const handoff = JSON.parse(text);
    if (typeof handoff !== 'object' || handoff === null || Array.isArray(handoff))
        throw new Error(`${HANDOFF} beside docker's config is not a JSON object`);
    return handoff;
}
/** Writes the handoffs (owner only) without those older than any token; no file when none is left. */
async function writeHandoff(file, handoff) {
    const kept = Object.entries(handoff).filter(([, h]) => Date.now() - h.at < HANDOFF_TTL_MS);
    const target = external_node_path_default().join(external_node_path_default().dirname(file), HANDOFF);
    if (kept.length === 0)
        await (0,promises_namespaceObject.rm)(target, { force: true });
    else
        await replaceFile(target, `${JSON.stringify(Object.fromEntries(kept))}\n`);
}
/** Keeps a replaced entry in a new file only its owner reads. */
async function saveReplaced(dir, entry) {
    const file = path.join(dir, `${REPLACED_PREFIX}${randomUUID()}.json`);
    await writeFile(file, JSON.stringify(entry), { mode: 0o600, flag: 'wx' });
    return file;
}
/** Only files the action names as its own: the path comes from the step state. */
const isReplacedFile = (file) => external_node_path_default().isAbsolute(file) && external_node_path_default().basename(file).startsWith(REPLACED_PREFIX);
/** The entry a replaced-entry file keeps; undefined for no file. */
async function readReplaced(file) {
    if (file === undefined)
        return undefined;
    if (!isReplacedFile(file))
        throw new Error(`${file} is not a file the action wrote`);
    return JSON.parse(await (0,promises_namespaceObject.readFile)(file, 'utf8'));
}
/** Deletes the file keeping a replaced entry (the post step, whatever it did with the login). */
async function removeReplaced(file) {
    if (isReplacedFile(file))
        await (0,promises_namespaceObject.rm)(file, { force: true });
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(916);
;// CONCATENATED MODULE: ./src/settings/input.ts
/**
 * How the runner hands inputs to the step (`INPUT_<NAME>`) and the parsers every section
 * of the settings shares: lists, booleans, whole numbers, tags, policy files.
 */



/** The value the runner passes for an input (`INPUT_<NAME>`), trimmed; '' when unset. */
function getInput(env, name) {
    return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
/** Items of a list input: separated by commas or newlines, trimmed, empties dropped. */
function parseList(value) {
    return value
        .split(/[,\n]/)
        .map(s => s.trim())
        .filter(s => s !== '');
}
/** Items of a one-per-line input (values may contain commas). */
function parseLines(value) {
    return value
        .split('\n')
        .map(s => s.trim())
        .filter(s => s !== '');
}
function parseBoolean(name, value, fallback) {
    if (value === '')
        return fallback;
    const v = value.toLowerCase();
    if (v === 'true')
        return true;
    if (v === 'false')
        return false;
    throw new errors/* InputError */.dz(name, `'${value}' is not a boolean: use true or false.`);
}
function parseInteger(name, value, range) {
    if (value === '')
        return undefined;
    if (!/^\d+$/.test(value)) {
        throw new InputError(name, `'${value}' is not a whole number: use a number from ${range.min} to ${range.max}.`);
    }
    const n = Number(value);
    if (n < range.min || n > range.max) {
        throw new InputError(name, `${value} is out of range: use a number from ${range.min} to ${range.max}.`);
    }
    return n;
}
/** Docker image tags: what `docker buildx build --tag` and ECR both accept. */
const IMAGE_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
function validateTag(input, tag) {
    if (!IMAGE_TAG.test(tag)) {
        throw new InputError(input, `'${tag}' is not a valid image tag: use up to 128 letters, digits, _ . - (not starting with . or -).`);
    }
    return tag;
}
/**
 * A policy input: the JSON itself, or a path (relative to the workspace) to a JSON file.
 * An error echoes the value only when it reads as a path (one short line): never policy text.
 */
function readPolicyText(name, value, workspace) {
    if (value.startsWith('{') || value.startsWith('['))
        return { text: value };
    const file = path.resolve(workspace, value);
    if (!existsSync(file) || !statSync(file).isFile()) {
        const shown = /^[^\n]{1,200}$/.test(value) ? `'${value}' is` : 'is';
        throw new InputError(name, `${shown} neither JSON nor a file in the workspace: give the policy JSON or a path to it.`);
    }
    return { text: readFileSync(file, 'utf8'), file: value };
}
/** How an error names a policy: the file it came from, if any. */
const policySource = (file) => (file === undefined ? '' : `the file '${file}' `);
function readKeyValues(name, value) {
    const items = parseLines(value);
    for (const item of items) {
        if (!KEY_VALUE.test(item)) {
            throw new InputError(name, `'${item}' is not KEY=VALUE: give one KEY=VALUE per line.`);
        }
    }
    return items;
}
const KEY_VALUE = /^[A-Za-z_][A-Za-z0-9_.-]*=/;

;// CONCATENATED MODULE: ./src/post.ts
/**
 * Post step: logs docker out of the registries the main step logged in to, unless
 * `skip-logout` — out of docker's config file where the main step wrote the login there
 * (only the entry it wrote, the one it replaced put back), else with `docker logout` —
 * and removes the temporary folders the main step recorded and did not remove itself (it
 * was cancelled). Warns and never fails the job.
 *
 * It runs at the end of every job that uses the action, so it loads as little as it can:
 * no AWS SDK and no @actions/core (whose HTTP client is most of a bundle). The three
 * runner conventions it needs are written out here: state arrives as STATE_<name>, a log
 * line is a line on stdout, a warning is the `::warning::` command.
 */







/** `::warning::` with the runner's escaping of %, CR and LF. */
const warning = (message) => {
    process.stdout.write(`::warning::${message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}${(external_node_os_default()).EOL}`);
};
const info = (message) => {
    process.stdout.write(`${message}${(external_node_os_default()).EOL}`);
};
/**
 * Forgets the registry credentials; returns the registries logged out. Warns, never fails.
 * A login the main step wrote to docker's config file (`configDir`) is taken out of it
 * without a docker process while the file still keeps credentials itself — only while the
 * entry is still the one this run wrote, the entry it replaced put back (config-login.ts);
 * otherwise `docker logout`.
 */
async function logout(run, registries, { warn = warning, info: say = info, configDir, written } = {}) {
    const done = [];
    for (const registry of registries) {
        const undone = configDir === undefined ? undefined : await undoInConfigFile(configDir, registry, written?.registry === registry ? written : undefined, warn);
        if (undone === 'changed') {
            say(`Left the login to ${registry} in docker's config: it is no longer the one this run wrote (another job logged in since).`);
            continue;
        }
        if (undone !== undefined) {
            say(undone === 'restored' ? `Logged out of ${registry}; the login this run replaced is back` : `Logged out of ${registry}`);
            done.push(registry);
            continue;
        }
        const result = await run(['logout', registry]);
        if (result.exitCode === 0) {
            say(`Logged out of ${registry}`);
            done.push(registry);
        }
        else
            warn(`docker logout ${registry} failed: ${(0,docker/* lastLine */.fM)(result)}`);
    }
    return done;
}
/**
 * undoLogin, or undefined — docker logout then — when the config file doesn't keep the
 * login, or can't be changed (its lock not had in time): a credential left behind is worse
 * than another job having to log in again.
 */
async function undoInConfigFile(configDir, registry, written, warn) {
    try {
        return await undoLogin(configDir, registry, written, warn);
    }
    catch (error) {
        warn(`Removing the login to ${registry} from docker's config failed (${error.message}); trying docker logout.`);
        return undefined;
    }
}
/**
 * Removes the temporary folders the main step recorded (temp-dirs.ts) that are still
 * there; only absolute paths of folders the action names as its own. Returns those removed.
 */
async function removeTempDirs(recorded, warn = warning) {
    const dirs = JSON.parse(recorded || '[]');
    const removed = [];
    for (const dir of Array.isArray(dirs) ? dirs : []) {
        if (typeof dir !== 'string' || !external_node_path_default().isAbsolute(dir) || !external_node_path_default().basename(dir).startsWith(TEMP_DIR_PREFIX))
            continue;
        try {
            await (0,promises_namespaceObject.rm)(dir, { recursive: true });
            removed.push(dir);
        }
        catch (error) {
            if (error.code !== 'ENOENT')
                warn(`Removing ${dir} failed: ${error.message}`);
        }
    }
    return removed;
}
async function post(env = process.env, run = docker/* docker */.T3) {
    try {
        for (const dir of await removeTempDirs(env[`STATE_${State.TempDirs}`] ?? ''))
            info(`Removed ${dir}, left by the main step`);
    }
    catch (error) {
        warning(`Post step: ${error.message}`);
    }
    const written = parseWritten(env[`STATE_${State.LoginWritten}`]);
    const readLogins = parseReadLogins(env[`STATE_${State.ReadLogins}`]);
    try {
        const registries = JSON.parse(env[`STATE_${State.LoggedInRegistries}`] || '[]');
        if (parseBoolean(Input.SkipLogout, getInput(env, Input.SkipLogout), false)) {
            const all = [...registries, ...readLogins.map(r => r.registry)];
            if (all.length > 0)
                info(`Staying logged in to ${all.join(', ')} (skip-logout).`);
        }
        else {
            await logout(run, registries, { configDir: env[`STATE_${State.LoginConfigDir}`] || undefined, ...(written ? { written } : {}) });
            for (const other of readLogins)
                await logout(run, [other.registry], { configDir: other.configDir, ...(other.written ? { written: other.written } : {}) });
        }
    }
    catch (error) {
        warning(`Post step: ${error.message}`);
    }
    finally {
        for (const w of [written, ...readLogins.map(r => r.written)]) {
            if (w?.replaced !== undefined)
                await removeReplaced(w.replaced).catch(error => warning(`Post step: ${error.message}`));
        }
    }
}
/** The logins to `read-registries` the main step made; none when there is no record (or it can't be read). */
function parseReadLogins(text) {
    try {
        const logins = JSON.parse(text || '[]');
        return (Array.isArray(logins) ? logins : []).flatMap((l) => {
            if (typeof l?.registry !== 'string')
                return [];
            const written = validWritten(l.written);
            return [{ registry: l.registry, ...(typeof l.configDir === 'string' ? { configDir: l.configDir } : {}), ...(written ? { written } : {}) }];
        });
    }
    catch {
        return [];
    }
}
/** The main step's record of the entry it wrote; undefined when there is none (or it can't be read). */
function parseWritten(text) {
    try {
        return validWritten(JSON.parse(text || 'null'));
    }
    catch {
        return undefined;
    }
}
function validWritten(value) {
    const w = value;
    const valid = typeof w?.registry === 'string' && typeof w.sha256 === 'string' && (w.replaced === undefined || typeof w.replaced === 'string');
    return valid ? w : undefined;
}


/***/ }),

/***/ 598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(908);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
