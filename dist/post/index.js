import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 908:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _post_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(219);
/** The post step's entry point (action.yml `post`). */

await (0,_post_js__WEBPACK_IMPORTED_MODULE_0__/* .post */ .bE)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 219:
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
    Tags: 'tags',
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
    DryRun: 'dry-run',
    RepositoryPolicy: 'repository-policy',
    PullPrincipals: 'pull-principals',
    RepositoryTags: 'repository-tags',
    PushByDigest: 'push-by-digest',
    MergeDigests: 'merge-digests',
    Summary: 'summary',
    ReplicateToRegions: 'replicate-to-regions',
    ScanFailOn: 'scan-fail-on',
    ScanTimeout: 'scan-timeout',
    RegistryType: 'registry-type',
    Description: 'description',
    About: 'about',
    StoragePrice: 'storage-price',
    HttpProxy: 'http-proxy',
    NoProxy: 'no-proxy'
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
    ScanFindings: 'scan-findings'
};
/** Values the main step hands to the post step. */
const State = {
    IsPost: 'is-post',
    LoggedInRegistries: 'logged-in-registries',
    /** the docker config folder the login was written to, when it was written there (not by docker login) */
    LoginConfigDir: 'login-config-dir',
    /** the temporary folders the main step made (a JSON list), removed by the post step if a cancel left them */
    TempDirs: 'temp-dirs'
};
/** How the temporary folders the action makes are named: the post step removes only such folders. */
const TEMP_DIR_PREFIX = 'ecr-build-push-';
const DEFAULT_PLATFORMS = (/* unused pure expression or super */ null && (['linux/amd64', 'linux/arm64']));
const DEFAULT_TAG_MUTABILITY = 'IMMUTABLE_WITH_EXCLUSION';
const DEFAULT_MUTABILITY_EXCLUSIONS = (/* unused pure expression or super */ null && (['latest']));
const USER_AGENT = 'ecr-build-push';
/** ECR Public's registry host; its API answers in us-east-1 only. */
const PUBLIC_REGISTRY = 'public.ecr.aws';
const PUBLIC_API_REGION = 'us-east-1';
/**
 * ECR's published storage price, US$ per GB-month of compressed image data, US East
 * (N. Virginia), as on the ECR pricing page in March 2026; public repositories: 50 GB free,
 * then the same price. `storage-price` overrides it (other regions, later prices).
 */
const STORAGE_PRICE_USD_PER_GB_MONTH = 0.1;
const STORAGE_PRICE_AS_OF = 'March 2026, us-east-1';

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/docker.ts
/**
 * The one way the action runs docker: an argv array (never a shell string), stdin passed
 * as data, output captured and, for builds, streamed to the log. Tests replace it with a
 * recorder.
 *
 * Every docker process is bounded. Each runs in a process group of its own (docker starts
 * the buildx plugin as its child), so a cancel reaches the whole group: SIGINT first —
 * what Ctrl-C sends, on which buildx cancels the build in BuildKit — and SIGKILL if the
 * group is still there a few seconds later. A command that is not streamed gets a timeout
 * too; a build is bounded by the cancel (and the job's timeout). Whatever is still running
 * when the step's process exits is killed with it.
 *
 * Streamed output is the children's, not the action's: it goes to the log between
 * `::stop-commands::<token>` and `::<token>::`, so no line a build prints (`::set-output`,
 * `::add-mask::`, `##[save-state …]`) is taken by the runner as a workflow command.
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
    const resume = stream ? (0,external_node_crypto_namespaceObject.randomUUID)() : '';
    // The command line too is inside: its arguments (build args, labels, paths) are the workflow's, not the action's.
    if (stream)
        process.stdout.write(`::stop-commands::${resume}\n[command]${[command, ...args].join(' ')}\n`);
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_namespaceObject.spawn)(command, args, {
            detached: true,
            stdio: [options.input ? 'pipe' : 'ignore', 'pipe', 'pipe'],
            env: { ...process.env, ...options.env }
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
            if (timedOut)
                out.stderr += `\nERROR: docker ${args.slice(0, 2).join(' ')} gave no result in ${Math.round((timeoutMs ?? 0) / 1000)} s and was stopped`;
            finish({ exitCode: timedOut ? 124 : (code ?? 128 + signalNumber(signal)), ...out });
        });
    });
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

;// CONCATENATED MODULE: ./src/registry/docker-config.ts
/**
 * Docker's config file (`$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`), for a
 * login kept there: where docker keeps credentials when no credential store or helper
 * does, in the format `docker login` writes. The main step adds the registry's entry and
 * the post step removes it, each without a docker process. Node built-ins only: the post
 * step's bundle stays small.
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
    const file = await (0,promises_namespaceObject.realpath)(external_node_path_default().join(configDir, 'config.json')).catch(() => external_node_path_default().join(configDir, 'config.json'));
    const temporary = external_node_path_default().join(external_node_path_default().dirname(file), `.config.json.${process.pid}.tmp`);
    try {
        await (0,promises_namespaceObject.writeFile)(temporary, `${JSON.stringify(config, null, '\t')}\n`, { mode: 0o600 });
        await (0,promises_namespaceObject.rename)(temporary, file);
    }
    catch (error) {
        await (0,promises_namespaceObject.rm)(temporary, { force: true });
        throw new Error(`could not write ${file}: ${error.message}`, { cause: error });
    }
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: ./src/errors.ts
/**
 * Errors the action reports to the user. Each carries a one-line message that says what
 * is wrong and how to fix it; `main` prints it with `core.setFailed` and nothing else.
 */
/** A workflow input is invalid. Raised before any AWS write or docker call. */
class errors_InputError extends Error {
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
    throw new errors_InputError(name, `'${value}' is not a boolean: use true or false.`);
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
/** A policy input: the JSON itself, or a path (relative to the workspace) to a JSON file. */
function readPolicyText(name, value, workspace) {
    if (value.startsWith('{') || value.startsWith('['))
        return value;
    const file = path.resolve(workspace, value);
    if (!existsSync(file) || !statSync(file).isFile()) {
        throw new InputError(name, `'${value}' is neither JSON nor a file in the workspace: give the policy JSON or a path to it.`);
    }
    return readFileSync(file, 'utf8');
}
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
 * `skip-logout` — out of docker's config file where the main step wrote the login there,
 * else with `docker logout` — and removes the temporary folders the main step recorded
 * and did not remove itself (it was cancelled). Warns and never fails the job.
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
 * the same way, without a docker process, while the file still keeps it; otherwise
 * `docker logout`.
 */
async function logout(run, registries, warn = warning, configDir) {
    const done = [];
    for (const registry of registries) {
        if (configDir !== undefined && (await removeFromConfigFile(configDir, registry, warn))) {
            done.push(registry);
            continue;
        }
        const result = await run(['logout', registry]);
        if (result.exitCode === 0)
            done.push(registry);
        else
            warn(`docker logout ${registry} failed: ${lastLine(result)}`);
    }
    return done;
}
/** True when the config file keeps this registry's credentials itself and no longer holds them. */
async function removeFromConfigFile(configDir, registry, warn) {
    const config = await fileStoreConfig(configDir, registry);
    if (config === undefined)
        return false;
    if (config.auths === undefined || !(registry in config.auths))
        return true;
    delete config.auths[registry];
    try {
        await writeDockerConfig(configDir, config);
        return true;
    }
    catch (error) {
        warn(`Removing the login to ${registry} from docker's config failed (${error.message}); trying docker logout.`);
        return false;
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
async function post(env = process.env, run = docker) {
    try {
        for (const dir of await removeTempDirs(env[`STATE_${State.TempDirs}`] ?? ''))
            info(`Removed ${dir}, left by the main step`);
    }
    catch (error) {
        warning(`Post step: ${error.message}`);
    }
    try {
        const registries = JSON.parse(env[`STATE_${State.LoggedInRegistries}`] || '[]');
        if (parseBoolean(Input.SkipLogout, getInput(env, Input.SkipLogout), false)) {
            if (registries.length > 0)
                info(`Staying logged in to ${registries.join(', ')} (skip-logout).`);
        }
        else {
            const configDir = env[`STATE_${State.LoginConfigDir}`] || undefined;
            for (const r of await logout(run, registries, warning, configDir))
                info(`Logged out of ${r}`);
        }
    }
    catch (error) {
        warning(`Post step: ${error.message}`);
    }
}


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
