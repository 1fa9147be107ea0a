export const id = 945;
export const ids = [945];
export const modules = {

/***/ 4323:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   buildAndPush: () => (/* binding */ buildAndPush),
/* harmony export */   checkBuilder: () => (/* binding */ checkBuilder),
/* harmony export */   classifyBuildFailure: () => (/* binding */ classifyBuildFailure),
/* harmony export */   defaultRetry: () => (/* binding */ defaultRetry),
/* harmony export */   explainFailure: () => (/* binding */ explainFailure),
/* harmony export */   finishBuild: () => (/* binding */ finishBuild),
/* harmony export */   mergeIndex: () => (/* binding */ mergeIndex),
/* harmony export */   startBuild: () => (/* binding */ startBuild)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1988);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _build_plan_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5147);
/* harmony import */ var _docker_config_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7706);
/* harmony import */ var _docker_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3871);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3916);
/* harmony import */ var _iam_policy_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(5553);
/* harmony import */ var _oci_push_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(5383);
/**
 * Stage 5, effects — checks that the builder can build every requested platform, starts
 * the one `docker buildx build` (as buildx's plugin executable where docker has one; early,
 * at a credential gate, from early-build.ts), finishes it (retries) and reads its result
 * from the metadata file (never from the log). A push-by-digest build exports an OCI
 * layout, which oci-push.ts uploads; a merge makes the index with `buildx imagetools create`.
 */










/** Docker itself can't run: missing, without buildx, or no daemon. One line with the fix. */
function toolFailure(result) {
    const text = `${result.stderr}\n${result.stdout}`;
    if (result.exitCode === 127 || /ENOENT|Unable to locate executable/i.test(text)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ActionError */ .l('docker is not installed on this runner: use a runner with Docker (e.g. ubuntu-latest).');
    }
    if (/is not a docker command|unknown command "buildx"|unknown flag: --platform/i.test(text)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ActionError */ .l('docker buildx is not installed: add docker/setup-buildx-action before this step.');
    }
    if (/Cannot connect to the Docker daemon|Is the docker daemon running|docker\.sock/i.test(text)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ActionError */ .l('the Docker daemon is not running: start it (or use a runner where it runs) before this step.');
    }
    return undefined;
}
function explainDockerFailure(what, result) {
    return toolFailure(result) ?? new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ActionError */ .l(`${what} failed: ${(0,_docker_js__WEBPACK_IMPORTED_MODULE_6__/* .lastLine */ .fM)(result)}`);
}
async function checkBuilder(docker, platforms) {
    // The image store is asked about at once: only the docker driver needs it, but in parallel it costs nothing.
    const [inspect, info] = await Promise.all([
        docker(['buildx', 'inspect', '--bootstrap']),
        platforms.length > 1 ? docker(['info', '--format', '{{json .DriverStatus}}']) : undefined
    ]);
    if (inspect.exitCode !== 0)
        throw explainDockerFailure('docker buildx inspect', inspect);
    const builder = (0,_build_plan_js__WEBPACK_IMPORTED_MODULE_4__/* .parseBuilderInspect */ .H9)(inspect.stdout);
    if (builder.driver === 'docker' && info !== undefined) {
        if (info.exitCode !== 0)
            throw explainDockerFailure('docker info', info);
        if (!info.stdout.includes('io.containerd.snapshotter')) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ActionError */ .l(`the '${builder.name}' builder uses the docker driver without the containerd image store, which can't build several platforms at once: add docker/setup-buildx-action before this step (or turn on the containerd image store).`);
        }
    }
    const missing = (0,_build_plan_js__WEBPACK_IMPORTED_MODULE_4__/* .missingPlatforms */ .z3)(platforms, builder.platforms);
    if (missing.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ActionError */ .l(`the '${builder.name}' builder can't build ${missing.join(', ')} (it has ${builder.platforms.join(', ') || 'no platforms'}): add docker/setup-qemu-action before this step, or build that platform on a runner of its own.`);
    }
    return builder;
}
/**
 * A docker step's failure, explained: when it fails, the builder check runs (if nothing
 * ran it yet) and, when that fails too, its one line with the fix is the error. A run that
 * works never pays for the check — two docker CLI starts, ~0.3 s of CPU.
 */
async function explainFailure(work, check) {
    return work.catch(async (error) => {
        await check();
        throw error;
    });
}
/**
 * Tells a push that may succeed when tried again (5xx, reset connections, timeouts) from
 * one that never will (an immutable tag, a missing repository, no permission, a failed
 * build step), which is explained instead.
 */
function classifyBuildFailure(output, what = 'docker buildx build') {
    const immutable = /The image tag '([^']+)' already exists in the '([^']+)' repository/.exec(output);
    if (immutable) {
        const [, tag, repository] = immutable;
        return {
            retry: false,
            error: new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ActionError */ .l(`Tag '${tag}' already exists in '${repository}', which keeps it immutable: bump the version, or, if '${tag}' is meant to move, ` +
                `add it to tag-mutability-exclusions (with tag-mutability: IMMUTABLE_WITH_EXCLUSION).`)
        };
    }
    const missing = /repository with name '([^']+)' does not exist|NAME_UNKNOWN/.exec(output);
    if (missing) {
        return {
            retry: false,
            error: new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ActionError */ .l(`The registry has no repository '${missing[1] ?? ''}': it was deleted during the run, or the push went to another registry.`)
        };
    }
    if (/\b(401|403)\b|unauthorized|authentication required|denied/i.test(output) && /push/i.test(output)) {
        return {
            retry: false,
            error: new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ActionError */ .l(`The registry refused the push: ${(0,_iam_policy_js__WEBPACK_IMPORTED_MODULE_9__/* .pushRefusedHint */ ._x)(output)}`)
        };
    }
    const transient = /failed to push|failed commit on ref|unexpected status[^\n]*\b5\d\d\b|\b50[0234]\b|connection reset|broken pipe|i\/o timeout|TLS handshake timeout|unexpected EOF/i;
    const match = transient.exec(output);
    if (match)
        return { retry: true, reason: match[0] };
    return { retry: false, error: new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ActionError */ .l(`${what} failed: ${(0,_docker_js__WEBPACK_IMPORTED_MODULE_6__/* .lastLine */ .fM)({ exitCode: 1, stdout: output, stderr: '' })}`) };
}
const defaultRetry = {
    attempts: 4,
    delay: attempt => 2000 * 2 ** (attempt - 2),
    sleep: ms => new Promise(resolve => setTimeout(resolve, ms)),
    log: message => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(message)
};
/**
 * Pushes under every tag the index made from the images native runners each pushed by
 * digest (a merge): `buildx imagetools create`, which ECR takes (`docker manifest create`
 * does not).
 */
async function mergeIndex(docker, repositoryUri, tags, digests) {
    const args = ['buildx', 'imagetools', 'create'];
    for (const tag of tags)
        args.push('--tag', `${repositoryUri}:${tag}`);
    for (const digest of digests)
        args.push(`${repositoryUri}@${digest}`);
    const result = await docker(args, { stream: true });
    if (result.exitCode !== 0) {
        const failure = classifyBuildFailure(`${result.stderr}\n${result.stdout}`, 'docker buildx imagetools create');
        throw failure.retry ? explainDockerFailure('docker buildx imagetools create', result) : (toolFailure(result) ?? failure.error);
    }
}
/** Starts `docker buildx build`, writing its metadata to a folder of its own. */
async function startBuild(docker, build, references, labels, options = {}) {
    const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdtemp)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(options.tempDir ?? node_os__WEBPACK_IMPORTED_MODULE_2___default().tmpdir(), 'ecr-build-push-'));
    const metadataFile = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, 'metadata.json');
    const argv = (0,_build_plan_js__WEBPACK_IMPORTED_MODULE_4__/* .buildxArgs */ .w$)(build, references, labels, metadataFile, options.repositoryUri);
    const plugin = options.configDir !== undefined ? await (0,_docker_config_js__WEBPACK_IMPORTED_MODULE_5__/* .findCliPlugin */ .n0)('buildx', options.configDir) : undefined;
    // The plugin standalone takes the arguments after `buildx`.
    const args = plugin !== undefined ? argv.slice(1) : argv;
    const watch = options.repositoryUri !== undefined ? watchPush(options.repositoryUri) : undefined;
    const run = (onOutput) => docker(args, {
        stream: true,
        ...(plugin !== undefined ? { program: plugin } : {}),
        ...(options.env ? { env: options.env } : {}),
        ...(options.holdOutput ? { holdOutput: options.holdOutput } : {}),
        ...(onOutput ? { onOutput } : {})
    });
    const first = run(watch?.take);
    const pushed = watch ? Promise.race([watch.digest, first.then(() => undefined, () => undefined)]) : Promise.resolve(undefined);
    let ended = false;
    void first.finally(() => (ended = true)).catch(() => undefined);
    const processes = options.processes ?? { find: _docker_js__WEBPACK_IMPORTED_MODULE_6__/* .findDocker */ .ce, signal: _docker_js__WEBPACK_IMPORTED_MODULE_6__/* .signal */ .vP };
    // The metadata file's path is on this build's command line only: it finds the process.
    const until = (ms) => Promise.race([first.catch(() => undefined), new Promise(resolve => setTimeout(resolve, ms))]);
    return {
        first,
        again: () => run(),
        pushed,
        metadataFile,
        running: async (limitMs = 250) => {
            const since = performance.now();
            while (!ended && performance.now() - since < limitMs && (await processes.find(metadataFile)).length === 0)
                await until(1);
        },
        cancel: async () => {
            // Ctrl-C, as a terminal sends it: to the docker CLI and to its buildx plugin, each as
            // soon as it is seen (the plugin starts a moment after the CLI), and buildx cancels
            // the build. Still running a second later, they are killed; buildkit then ends the
            // build with its session.
            const signalled = new Set();
            const since = performance.now();
            while (!ended) {
                const kill = performance.now() - since > 1000;
                for (const pid of await processes.find(metadataFile)) {
                    if (kill || !signalled.has(pid))
                        processes.signal(pid, kill ? 'SIGKILL' : 'SIGINT');
                    signalled.add(pid);
                }
                await until(20);
            }
        }
    };
}
/** Reads buildx's output line by line for the push of the image under a tag of `repositoryUri`. */
function watchPush(repositoryUri) {
    let found;
    const digest = new Promise(resolve => (found = resolve));
    let partial = '';
    let done = false;
    return {
        digest,
        take: data => {
            if (done)
                return;
            const lines = (partial + data.toString('utf8')).split('\n');
            partial = lines.pop() ?? '';
            for (const line of lines) {
                const pushed = (0,_build_plan_js__WEBPACK_IMPORTED_MODULE_4__/* .pushedManifest */ .F2)(line, repositoryUri);
                if (pushed !== undefined) {
                    done = true;
                    found(pushed);
                    return;
                }
            }
        }
    };
}
async function buildAndPush(docker, build, references, labels, options = {}) {
    return finishBuild(build, await startBuild(docker, build, references, labels, options), options);
}
/**
 * Waits for a started build, tries it again while its push fails in a way that may pass
 * (up to `retry.attempts` in all), then reads its result; a push-by-digest build's
 * layout is uploaded, then removed.
 */
async function finishBuild(build, started, options = {}) {
    try {
        return await buildThenPush(build, started, options.retry ?? defaultRetry, options.byDigest);
    }
    finally {
        // The layout of a push-by-digest build holds every layer: never leave it on the runner.
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)((0,_build_plan_js__WEBPACK_IMPORTED_MODULE_4__/* .layoutDir */ .ST)(started.metadataFile), { recursive: true, force: true });
    }
}
async function buildThenPush(build, started, retry, byDigest) {
    const { metadataFile } = started;
    for (let attempt = 1;; attempt++) {
        const result = await (attempt === 1 ? started.first : started.again());
        if (result.exitCode === 0)
            break;
        const failure = classifyBuildFailure(`${result.stderr}\n${result.stdout}`);
        if (!failure.retry)
            throw toolFailure(result) ?? failure.error;
        if (!build.push)
            throw explainDockerFailure('docker buildx build', result);
        if (attempt >= retry.attempts) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ActionError */ .l(`The push failed ${attempt} times (${failure.reason}); the registry may be having trouble: run the job again.`);
        }
        const wait = retry.delay(attempt + 1);
        retry.log(`Push failed (${failure.reason}); trying again in ${wait / 1000}s (${attempt + 1} of ${retry.attempts}).`);
        await retry.sleep(wait);
    }
    let metadata;
    try {
        metadata = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(metadataFile, 'utf8'));
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ActionError */ .l(`buildx wrote no readable metadata file (${error.message}).`);
    }
    const built = typeof metadata['containerimage.digest'] === 'string' ? metadata['containerimage.digest'] : '';
    if (build.pushByDigest && build.push) {
        if (byDigest === undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ActionError */ .l('push-by-digest has no registry to push to.');
        const pushed = await (0,_oci_push_js__WEBPACK_IMPORTED_MODULE_8__/* .pushLayout */ .B)(byDigest.registry, byDigest.repository, (0,_build_plan_js__WEBPACK_IMPORTED_MODULE_4__/* .layoutDir */ .ST)(metadataFile), retry);
        if (built !== '' && built !== pushed.digest)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ActionError */ .l(`buildx built ${built} but exported ${pushed.digest}: run the job again.`);
        retry.log(`Pushed ${pushed.digest} by digest: ${pushed.uploaded} blobs uploaded (${pushed.bytesUploaded} bytes), ${pushed.skipped} already in the repository.`);
        return { digest: pushed.digest, metadata, bytesUploaded: pushed.bytesUploaded };
    }
    if (build.push && !/^sha256:[0-9a-f]{64}$/.test(built)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ActionError */ .l('buildx pushed the image but reported no digest in its metadata file.');
    }
    return { digest: built, metadata };
}


/***/ }),

/***/ 7706:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GL: () => (/* binding */ fileStoreConfig),
/* harmony export */   TO: () => (/* binding */ readDockerConfig),
/* harmony export */   _D: () => (/* binding */ writeDockerConfig),
/* harmony export */   kG: () => (/* binding */ dockerConfigDir),
/* harmony export */   n0: () => (/* binding */ findCliPlugin)
/* harmony export */ });
/* unused harmony export cliPluginDirs */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/**
 * Docker's config file (`$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`), for a
 * login kept there: where docker keeps credentials when no credential store or helper
 * does, in the format `docker login` writes. The main step adds the registry's entry and
 * the post step removes it, each without a docker process. Node built-ins only: the post
 * step's bundle stays small.
 */



/** Where docker keeps its configuration: $DOCKER_CONFIG, else ~/.docker (as the docker CLI decides). */
function dockerConfigDir(env = process.env) {
    return env.DOCKER_CONFIG || node_path__WEBPACK_IMPORTED_MODULE_2___default().join(env.HOME || node_os__WEBPACK_IMPORTED_MODULE_1___default().homedir(), '.docker');
}
/** config.json as an object: `{}` when there is no file yet; undefined when it can't be read as a JSON object. */
async function readDockerConfig(configDir) {
    let config;
    try {
        config = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(configDir, 'config.json'), 'utf8'));
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
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(configDir, { recursive: true, mode: 0o700 });
    const file = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(configDir, 'config.json')).catch(() => node_path__WEBPACK_IMPORTED_MODULE_2___default().join(configDir, 'config.json'));
    const temporary = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(file), `.config.json.${process.pid}.tmp`);
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(temporary, `${JSON.stringify(config, null, '\t')}\n`, { mode: 0o600 });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rename)(temporary, file);
    }
    catch (error) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(temporary, { force: true });
        throw new Error(`could not write ${file}: ${error.message}`, { cause: error });
    }
}
/** Where the docker CLI looks for its plugins on Linux, in its order: the config's extra folders, the user's, the system's. */
function cliPluginDirs(configDir, config) {
    const extra = Array.isArray(config.cliPluginsExtraDirs) ? config.cliPluginsExtraDirs.filter(d => typeof d === 'string') : [];
    return [
        ...extra,
        node_path__WEBPACK_IMPORTED_MODULE_2___default().join(configDir, 'cli-plugins'),
        '/usr/local/lib/docker/cli-plugins',
        '/usr/local/libexec/docker/cli-plugins',
        '/usr/lib/docker/cli-plugins',
        '/usr/libexec/docker/cli-plugins'
    ];
}
/**
 * The executable the docker CLI would run for `docker <name>` (`docker-<name>` in the
 * first plugin folder that has it), on Linux; undefined elsewhere, or when none has it or
 * the config can't be read — then `docker <name>` finds it itself.
 */
async function findCliPlugin(name, configDir) {
    if (process.platform !== 'linux')
        return undefined;
    const config = await readDockerConfig(configDir);
    if (config === undefined)
        return undefined;
    for (const dir of cliPluginDirs(configDir, config)) {
        const file = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, `docker-${name}`);
        if (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.access)(file, node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.constants.X_OK).then(() => true, () => false))
            return file;
    }
    return undefined;
}


/***/ }),

/***/ 5553:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Tk: () => (/* binding */ leastPrivilegePolicy),
/* harmony export */   _x: () => (/* binding */ pushRefusedHint),
/* harmony export */   l5: () => (/* binding */ parseRegistry)
/* harmony export */ });
/** `<account>.dkr.ecr.<region>.amazonaws.com` → account, region */
function parseRegistry(registry) {
    const m = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$/.exec(registry);
    return m ? { account: m[1] ?? '', region: m[2] ?? '' } : undefined;
}
/** What a push needs on the repository, as `ecr:` or `ecr-public:` actions. */
function pushActions(service) {
    return ['BatchCheckLayerAvailability', 'InitiateLayerUpload', 'UploadLayerPart', 'CompleteLayerUpload', 'PutImage'].map(a => `${service}:${a}`);
}
/**
 * The end of a refused push's error: the actions the role needs, as ECR Public names them
 * when `pushedTo` (the registry, or buildx's output, which names it) is public.ecr.aws.
 */
function pushRefusedHint(pushedTo) {
    const actions = pushActions(/(^|[^\w.-])public\.ecr\.aws\b/.test(pushedTo) ? 'ecr-public' : 'ecr');
    return `the role needs ${actions.slice(0, -1).join(', ')} and ${actions.at(-1) ?? ''} on the repository.`;
}
/** ECR Public: the token (with STS's bearer token under it) and the public repository. */
function publicPolicy(settings, account) {
    const { repository, build } = settings;
    const actions = ['ecr-public:DescribeRepositories', 'ecr-public:GetRepositoryCatalogData', 'ecr-public:PutRepositoryCatalogData'];
    if (build.push)
        actions.push(...pushActions('ecr-public'));
    if (repository.create)
        actions.push('ecr-public:CreateRepository');
    if (repository.accessPolicy !== undefined)
        actions.push('ecr-public:GetRepositoryPolicy', 'ecr-public:SetRepositoryPolicy');
    if (repository.tags.length > 0)
        actions.push('ecr-public:ListTagsForResource', 'ecr-public:TagResource');
    return {
        Version: '2012-10-17',
        Statement: [
            { Sid: 'Login', Effect: 'Allow', Action: ['ecr-public:GetAuthorizationToken', 'sts:GetServiceBearerToken'], Resource: '*' },
            { Sid: 'Repository', Effect: 'Allow', Action: actions, Resource: `arn:aws:ecr-public::${account}:repository/${repository.name}` }
        ]
    };
}
function leastPrivilegePolicy(settings, account) {
    const { repository, build } = settings;
    if (repository.type === 'public')
        return publicPolicy(settings, account);
    const arn = `arn:aws:ecr:${settings.aws.region}:${account}:repository/${repository.name}`;
    const actions = ['ecr:DescribeRepositories', 'ecr:GetLifecyclePolicy', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'];
    if (build.push)
        actions.push(...pushActions('ecr'));
    if (repository.create)
        actions.push('ecr:CreateRepository');
    actions.push('ecr:PutImageTagMutability', 'ecr:PutImageScanningConfiguration', 'ecr:PutLifecyclePolicy');
    if (repository.accessPolicy !== undefined)
        actions.push('ecr:GetRepositoryPolicy', 'ecr:SetRepositoryPolicy');
    if (repository.tags.length > 0)
        actions.push('ecr:ListTagsForResource', 'ecr:TagResource');
    if (settings.scan.failOn !== undefined)
        actions.push('ecr:DescribeImageScanFindings', 'ecr:StartImageScan');
    const statements = [
        { Sid: 'Login', Effect: 'Allow', Action: ['ecr:GetAuthorizationToken'], Resource: '*' },
        { Sid: 'Repository', Effect: 'Allow', Action: actions, Resource: arn }
    ];
    if (repository.replicateToRegions.length > 0) {
        // The registry's replication configuration; the first one also creates ECR's service-linked role.
        statements.push({ Sid: 'Replication', Effect: 'Allow', Action: ['ecr:DescribeRegistry', 'ecr:PutReplicationConfiguration'], Resource: '*' }, {
            Sid: 'ReplicationRole',
            Effect: 'Allow',
            Action: ['iam:CreateServiceLinkedRole'],
            Resource: `arn:aws:iam::${account}:role/aws-service-role/replication.ecr.amazonaws.com/AWSServiceRoleForECRReplication`
        });
    }
    if (repository.encryption.type === 'KMS') {
        const key = repository.encryption.kmsKey?.startsWith('arn:') ? repository.encryption.kmsKey : `arn:aws:kms:${settings.aws.region}:${account}:key/*`;
        statements.push({ Sid: 'Encryption', Effect: 'Allow', Action: ['kms:CreateGrant', 'kms:RetireGrant', 'kms:DescribeKey'], Resource: key });
    }
    return { Version: '2012-10-17', Statement: statements };
}


/***/ }),

/***/ 5383:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ pushLayout),
/* harmony export */   J: () => (/* binding */ addTags)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _build_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4323);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3916);
/* harmony import */ var _iam_policy_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5553);
/* harmony import */ var _registry_api_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(511);
/**
 * `push-by-digest`: buildx exports the platform image as an OCI layout (`--output
 * type=oci,tar=false`, which every builder driver does, the docker driver included), and
 * this module pushes the layout to the repository by digest over the registry API: the
 * blobs the repository doesn't have yet (each checked against its digest and size first),
 * then each image manifest, then the index if the layout holds one — untagged, for a
 * later `merge-digests`. It also puts a pushed image under more tags (`addTags`). Transient
 * failures (5xx, 429, reset connections) are retried.
 */








const PARALLEL_UPLOADS = 4;
function blobPath(layout, digest) {
    const [algorithm, hex] = digest.split(':');
    if (algorithm !== 'sha256' || !/^[0-9a-f]{64}$/.test(hex ?? ''))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ActionError */ .l(`The OCI layout names a blob '${digest}' that is not a sha256 digest.`);
    return node_path__WEBPACK_IMPORTED_MODULE_3___default().join(layout, 'blobs', algorithm, hex ?? '');
}
/** Reads a blob and checks it against its descriptor: a corrupt layout is never pushed. */
async function verifiedBlob(layout, d) {
    const file = blobPath(layout, d.digest);
    const size = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(file).catch(() => undefined))?.size;
    if (size === undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ActionError */ .l(`The OCI layout lacks blob ${d.digest}: the build's export is incomplete; run the job again.`);
    if (d.size !== undefined && size !== d.size)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ActionError */ .l(`Blob ${d.digest} in the OCI layout is ${size} bytes, its descriptor says ${d.size}: run the job again.`);
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    for await (const chunk of (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(file))
        hash.update(chunk);
    if (`sha256:${hash.digest('hex')}` !== d.digest)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ActionError */ .l(`Blob ${d.digest} in the OCI layout does not match its digest: run the job again.`);
    return file;
}
/** Retries what may succeed when tried again; explains what never will. */
async function withRetry(client, what, retry, fn) {
    for (let attempt = 1;; attempt++) {
        try {
            return await fn();
        }
        catch (error) {
            const status = error instanceof _registry_api_js__WEBPACK_IMPORTED_MODULE_6__/* .RegistryError */ .gl ? error.status : 0;
            if (status === 401 || status === 403) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ActionError */ .l(`The registry refused ${what} (${status}): ${(0,_iam_policy_js__WEBPACK_IMPORTED_MODULE_7__/* .pushRefusedHint */ ._x)(client.registry)}`);
            }
            if (status === 404 && /NAME_UNKNOWN/.test(error.message)) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ActionError */ .l(`The registry has no such repository for ${what}: it was deleted during the run, or the push went to another registry.`);
            }
            const transient = error instanceof _registry_api_js__WEBPACK_IMPORTED_MODULE_6__/* .RegistryError */ .gl ? status >= 500 || status === 429 : !(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ActionError */ .l);
            if (!transient && error instanceof _registry_api_js__WEBPACK_IMPORTED_MODULE_6__/* .RegistryError */ .gl) {
                // An immutable tag gets the same explanation as when buildx pushes it.
                const explained = (0,_build_js__WEBPACK_IMPORTED_MODULE_4__.classifyBuildFailure)(error.message);
                const immutable = !explained.retry && /already exists in '[^']+', which keeps it immutable/.test(explained.error.message);
                throw immutable ? explained.error : new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ActionError */ .l(`The registry refused ${what}: ${error.message}`);
            }
            if (!transient)
                throw error;
            if (attempt >= retry.attempts)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ActionError */ .l(`${what} failed ${attempt} times (${error.message}); the registry may be having trouble: run the job again.`);
            const wait = retry.delay(attempt + 1);
            retry.log(`${what} failed (${error.message}); trying again in ${wait / 1000}s (${attempt + 1} of ${retry.attempts}).`);
            await retry.sleep(wait);
        }
    }
}
/** Pushes the blobs `m` needs that the repository lacks, a few at a time. */
async function pushBlobs(client, repository, layout, blobs, retry, tally) {
    const queue = [...new Map(blobs.map(b => [b.digest, b])).values()];
    let failed = false;
    const worker = async () => {
        for (let d = queue.shift(); d !== undefined && !failed; d = queue.shift()) {
            const blob = d;
            const file = await verifiedBlob(layout, blob);
            const size = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(file)).size;
            const uploaded = await withRetry(client, `the upload of ${blob.digest.slice(0, 19)}…`, retry, async () => {
                if (await client.blobExists(repository, blob.digest))
                    return false;
                await client.uploadBlob(repository, blob.digest, size, file);
                return true;
            });
            if (uploaded) {
                tally.uploaded++;
                tally.bytesUploaded += size;
            }
            else
                tally.skipped++;
        }
    };
    // On the first failure the other uploads finish what they are sending and take no more;
    // nothing is still talking to the registry when the error is reported.
    const results = await Promise.allSettled(Array.from({ length: PARALLEL_UPLOADS }, () => worker().catch((error) => {
        failed = true;
        throw error;
    })));
    const failure = results.find(r => r.status === 'rejected');
    if (failure)
        throw failure.reason;
}
/** Pushes one manifest (an image's, or an index after its children) by its digest. */
async function pushManifest(client, repository, layout, d, retry, tally) {
    const file = await verifiedBlob(layout, d);
    const body = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(file);
    const manifest = JSON.parse(body.toString('utf8'));
    if (_registry_api_js__WEBPACK_IMPORTED_MODULE_6__/* .INDEX_MEDIA_TYPES */ .kA.includes(d.mediaType) || manifest.manifests !== undefined) {
        for (const child of manifest.manifests ?? [])
            await pushManifest(client, repository, layout, child, retry, tally);
    }
    else {
        await pushBlobs(client, repository, layout, [...(manifest.config ? [manifest.config] : []), ...(manifest.layers ?? [])], retry, tally);
    }
    const digest = await withRetry(client, `the manifest ${d.digest.slice(0, 19)}…`, retry, () => client.putManifest(repository, d.digest, d.mediaType, body));
    if (digest !== '' && digest !== d.digest)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ActionError */ .l(`The registry stored manifest ${d.digest} as ${digest}: it changed the manifest; push again.`);
}
/** Pushes what an OCI layout's index.json names to `repository`, by digest, untagged. */
async function pushLayout(client, repository, layout, retry) {
    const index = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(layout, 'index.json'), 'utf8'));
    const top = index.manifests ?? [];
    if (top.length !== 1 || top[0] === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ActionError */ .l(`buildx exported ${top.length} images to the OCI layout; push-by-digest expects one (an image, or an index of platforms).`);
    }
    const root = top[0];
    const tally = { digest: root.digest, mediaType: root.mediaType, uploaded: 0, skipped: 0, bytesUploaded: 0 };
    if (root.platform)
        tally.platform = root.platform;
    await pushManifest(client, repository, layout, root, retry, tally);
    return tally;
}
/**
 * Puts an image the repository has under more tags: its manifest (for a multi-platform
 * image, the index) read once and PUT again byte for byte under each tag — what `crane
 * tag` and `buildx imagetools create` do. One request a tag, where buildx pushes each tag
 * in full (every blob checked again, every platform manifest sent again).
 */
async function addTags(client, repository, digest, tags, retry) {
    if (tags.length === 0)
        return;
    const manifest = await withRetry(client, `reading ${digest.slice(0, 19)}…`, retry, () => client.manifestBytes(repository, digest));
    if (manifest === undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ActionError */ .l(`The registry has no ${digest} in ${repository} to tag: run the job again.`);
    for (const tag of tags) {
        const stored = await withRetry(client, `the tag '${tag}'`, retry, () => client.putManifest(repository, tag, manifest.mediaType, manifest.body));
        if (stored !== '' && stored !== digest)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ActionError */ .l(`The registry stored '${tag}' as ${stored}, not ${digest}: run the job again.`);
    }
}


/***/ }),

/***/ 511:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  kA: () => (/* binding */ INDEX_MEDIA_TYPES),
  $T: () => (/* binding */ MANIFEST_MEDIA_TYPES),
  bP: () => (/* binding */ RegistryClient),
  gl: () => (/* binding */ RegistryError),
  Ng: () => (/* binding */ parseManifest)
});

// UNUSED EXPORTS: mergeScopes, parseBearerChallenge, scopeCovers

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
;// CONCATENATED MODULE: ./src/http.ts
/**
 * HTTP for the registry API, on node:http and node:https — the modules the AWS SDK loads
 * anyway. The global fetch would do, but its first call loads a second HTTP stack: about
 * 80 ms before the version lookup on a 2-core runner (docs/benchmarks.md). This keeps what
 * the registry client needs of fetch: redirects followed, with the Authorization header
 * dropped once one leaves the origin (ECR sends blob reads to a signed S3 URL, which must
 * not get it), bodies as text, bytes or a stream, and connections kept alive per client.
 * Errors name the method and URL, never a header.
 */


/** fetch's limit */
const MAX_REDIRECTS = 20;
/** A registry that says nothing for this long has gone away (fetch would wait 5 minutes). */
const IDLE_TIMEOUT_MS = 60_000;
/** A transport with its own keep-alive connections (one per client: nothing shared across runs in tests). */
function createTransport(idleTimeoutMs = IDLE_TIMEOUT_MS) {
    const agents = { 'http:': new (external_node_http_default()).Agent({ keepAlive: true }), 'https:': new (external_node_https_default()).Agent({ keepAlive: true }) };
    return async (url, init = {}) => {
        let method = (init.method ?? 'GET').toUpperCase();
        let body = init.body;
        const headers = { ...init.headers };
        const origin = url.origin;
        for (let hops = 0;; hops++) {
            const res = await send(agents, url, method, headers, body, idleTimeoutMs);
            const location = res.headers.get('location');
            if (![301, 302, 303, 307, 308].includes(res.status) || location === null || hops >= MAX_REDIRECTS)
                return res;
            // A streamed body can't be sent twice: the caller gets the redirect itself.
            if ((res.status === 307 || res.status === 308) && body !== undefined && typeof body !== 'string' && !(body instanceof Uint8Array))
                return res;
            if (res.status === 303 ? method !== 'HEAD' : (res.status === 301 || res.status === 302) && method === 'POST') {
                method = 'GET';
                body = undefined;
                for (const name of Object.keys(headers))
                    if (/^content-/i.test(name))
                        delete headers[name];
            }
            url = new URL(location, url);
            if (url.origin !== origin)
                for (const name of Object.keys(headers))
                    if (/^authorization$/i.test(name))
                        delete headers[name];
        }
    };
}
function send(agents, url, method, headers, body, idleTimeoutMs) {
    const where = `${method} ${url.origin}${url.pathname}`;
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
        return Promise.reject(new Error(`${where}: not an http(s) URL`));
    const lib = url.protocol === 'https:' ? (external_node_https_default()) : (external_node_http_default());
    const fixed = typeof body === 'string' ? Buffer.from(body) : body instanceof Uint8Array ? body : undefined;
    return new Promise((resolve, reject) => {
        const req = lib.request(url, { method, agent: agents[url.protocol], headers: fixed ? { ...headers, 'content-length': String(fixed.length) } : headers }, res => {
            const chunks = [];
            res.on('data', (chunk) => chunks.push(chunk));
            res.on('error', error => reject(new Error(`${where}: ${error.message}`)));
            res.on('end', () => resolve(response(res.statusCode ?? 0, res.headers, Buffer.concat(chunks))));
        });
        req.setTimeout(idleTimeoutMs, () => req.destroy(new Error(`no answer in ${idleTimeoutMs / 1000}s`)));
        req.on('error', error => reject(new Error(`${where}: ${error.message}`)));
        if (fixed)
            req.end(fixed);
        else if (body !== undefined && typeof body !== 'string' && !(body instanceof Uint8Array)) {
            body.on('error', (error) => req.destroy(error));
            body.pipe(req);
        }
        else
            req.end();
    });
}
function response(status, headers, body) {
    return {
        status,
        ok: status >= 200 && status < 300,
        headers: {
            get(name) {
                const value = headers[name.toLowerCase()];
                return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
            }
        },
        text: async () => body.toString('utf8'),
        json: async () => JSON.parse(body.toString('utf8')),
        arrayBuffer: async () => body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength)
    };
}

;// CONCATENATED MODULE: ./src/registry-api.ts
/**
 * A small client for the registry's HTTP API v2 (the OCI distribution API docker itself
 * speaks). It reads what a tag points to before building (the manifest, an image's config
 * with its labels), and pushes an OCI layout by digest (blobs, then manifests), for
 * `push-by-digest`. It uses the registry password the login stage already holds, as
 * basic auth; the Authorization header never reaches a log line or an error.
 */


const INDEX_MEDIA_TYPES = [
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.docker.distribution.manifest.list.v2+json'
];
const MANIFEST_MEDIA_TYPES = [
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.v2+json'
];
/** A manifest's JSON with its digest; its media type from the JSON, else the one it was served as. */
function parseManifest(json, mediaType, digest) {
    const body = JSON.parse(json);
    return { ...body, mediaType: body.mediaType ?? mediaType, digest };
}
class RegistryError extends Error {
    status;
    name = 'RegistryError';
    constructor(status, message) {
        super(message);
        this.status = status;
    }
}
class RegistryClient {
    auth;
    transport;
    /** `https://<registry>`; tests may point it at a plain-HTTP registry. */
    base;
    constructor(auth, base, transport = createTransport()) {
        this.auth = auth;
        this.transport = transport;
        this.base = base ?? `https://${auth.registry}`;
    }
    /** The registry's host, as signed in to. */
    get registry() {
        return this.auth.registry;
    }
    /** A bearer token the registry's token service gave, once it asked for one (ECR Public). */
    bearer;
    get basic() {
        return `Basic ${Buffer.from(`${this.auth.username}:${this.auth.password}`).toString('base64')}`;
    }
    get authorization() {
        return this.bearer ? `Bearer ${this.bearer.token}` : this.basic;
    }
    async get(path, accept) {
        return this.send('GET', `/v2/${path}`, { headers: { accept: accept.join(', ') } });
    }
    /**
     * A request with the registry's credentials; `url` may be a path or a Location the
     * registry gave. ECR takes the password as basic auth; a registry that answers 401 with a
     * Bearer challenge (public.ecr.aws) gets the token dance: the password buys a token from
     * the realm for the challenged scope, and the request is sent again with it (a streamed
     * body can't be sent twice, but uploads start with a POST that has none).
     *
     * Requests run side by side (four blob uploads at once), so a 401 may answer a request
     * sent before another one got a token: it is sent again with the token now held when that
     * token covers the challenge, and the 401 is final only for a request that carried such a
     * token. A token asked for also covers what the held one did, so a pull challenge never
     * takes push away from an upload in flight; one fetch per scope serves every request.
     */
    async send(method, url, init = {}) {
        const go = (authorization) => this.transport(new URL(url, this.base), { method, ...init, headers: { authorization, ...init.headers } });
        const sent = this.authorization;
        const res = await go(sent);
        const challenge = res.status === 401 ? parseBearerChallenge(res.headers.get('www-authenticate') ?? '') : undefined;
        const streamed = init.body !== undefined && typeof init.body !== 'string' && !(init.body instanceof Uint8Array);
        if (challenge === undefined || streamed)
            return res;
        const held = this.bearer;
        let token;
        if (held !== undefined && scopeCovers(held.scope, challenge.scope)) {
            if (`Bearer ${held.token}` === sent)
                return res;
            token = held.token;
        }
        else {
            const scope = mergeScopes(held?.scope ?? '', challenge.scope);
            token = await this.token(challenge.realm, challenge.service, scope);
            if (token === undefined)
                return res;
            if (this.bearer === undefined || scopeCovers(scope, this.bearer.scope))
                this.bearer = { scope, token };
        }
        await res.arrayBuffer().catch(() => undefined);
        return go(`Bearer ${token}`);
    }
    /** Token fetches in flight, by realm, service and scope: requests challenged together share one. */
    tokenFetches = new Map();
    token(realm, service, scope) {
        const key = `${realm} ${service} ${scope}`;
        let fetching = this.tokenFetches.get(key);
        if (fetching === undefined) {
            fetching = this.fetchToken(realm, service, scope);
            this.tokenFetches.set(key, fetching);
            const done = () => void this.tokenFetches.delete(key);
            fetching.then(done, done);
        }
        return fetching;
    }
    async fetchToken(realm, service, scope) {
        const tokenUrl = new URL(realm);
        if (service)
            tokenUrl.searchParams.set('service', service);
        for (const one of scope.split(' ').filter(Boolean))
            tokenUrl.searchParams.append('scope', one);
        const tokenRes = await this.transport(tokenUrl, { headers: { authorization: this.basic } });
        if (!tokenRes.ok) {
            await tokenRes.arrayBuffer().catch(() => undefined);
            return undefined;
        }
        const body = (await tokenRes.json());
        return body.token ?? body.access_token ?? undefined;
    }
    /** Whether the repository already holds a blob (HEAD). */
    async blobExists(repository, digest) {
        const res = await this.send('HEAD', `/v2/${repository}/blobs/${digest}`);
        if (res.status === 404)
            return false;
        if (!res.ok)
            throw new RegistryError(res.status, `HEAD ${repository} blob ${digest}: ${res.status}`);
        return true;
    }
    /**
     * Uploads a blob from a file, streamed (never held in memory): start an upload, send the
     * whole blob in one PATCH, then close it with its digest — what docker does, and ECR takes.
     */
    async uploadBlob(repository, digest, size, file) {
        const started = await this.send('POST', `/v2/${repository}/blobs/uploads/`);
        await expect(started, [202], `start an upload to ${repository}`);
        const patched = await this.send('PATCH', registry_api_location(started), {
            headers: { 'content-type': 'application/octet-stream', 'content-length': String(size) },
            body: (0,external_node_fs_.createReadStream)(file)
        });
        await expect(patched, [202], `upload ${digest} to ${repository}`);
        const closeUrl = new URL(registry_api_location(patched), this.base);
        closeUrl.searchParams.set('digest', digest);
        const closed = await this.send('PUT', closeUrl.toString(), { headers: { 'content-length': '0' } });
        await expect(closed, [201], `complete the upload of ${digest} to ${repository}`);
    }
    /** PUTs a manifest under a digest or tag; returns the digest the registry computed. */
    async putManifest(repository, reference, mediaType, body) {
        const res = await this.send('PUT', `/v2/${repository}/manifests/${reference}`, {
            headers: { 'content-type': mediaType },
            body
        });
        await expect(res, [201], `PUT ${repository}@${reference} manifest`);
        return res.headers.get('docker-content-digest') ?? '';
    }
    /** The manifest a tag or digest names; undefined when the registry has no such tag. */
    async manifest(repository, reference) {
        const raw = await this.manifestBytes(repository, reference);
        return raw === undefined ? undefined : parseManifest(raw.body.toString('utf8'), raw.mediaType, raw.digest);
    }
    /** Manifests read by digest: content-addressed, so one read serves every caller (tagging and the summary read the new index at once). */
    byDigest = new Map();
    /**
     * A manifest's exact bytes, with its media type and digest (to put it under a tag as it
     * is); undefined when there is none. By digest, a found manifest is read once.
     */
    async manifestBytes(repository, reference) {
        if (!reference.startsWith('sha256:'))
            return this.readManifest(repository, reference);
        const key = `${repository}@${reference}`;
        let read = this.byDigest.get(key);
        if (read === undefined) {
            read = this.readManifest(repository, reference);
            this.byDigest.set(key, read);
            // Only what was found is kept: a miss or a failure is asked again next time.
            read.then(m => m ?? this.byDigest.delete(key), () => this.byDigest.delete(key));
        }
        return read;
    }
    async readManifest(repository, reference) {
        const res = await this.get(`${repository}/manifests/${reference}`, [...INDEX_MEDIA_TYPES, ...MANIFEST_MEDIA_TYPES]);
        if (res.status === 404)
            return undefined;
        if (!res.ok)
            throw new RegistryError(res.status, `GET ${repository}:${reference} manifest: ${res.status} ${await res.text()}`);
        return {
            mediaType: res.headers.get('content-type') ?? '',
            digest: res.headers.get('docker-content-digest') ?? '',
            body: Buffer.from(await res.arrayBuffer())
        };
    }
    /** A JSON blob (an image config); the registry may redirect to storage (ECR: S3). */
    async jsonBlob(repository, digest) {
        // Authorization is not forwarded across origins (http.ts), which is what a signed S3 URL needs.
        const res = await this.get(`${repository}/blobs/${digest}`, ['application/json', '*/*']);
        if (!res.ok)
            throw new RegistryError(res.status, `GET ${repository} blob ${digest}: ${res.status}`);
        return res.json();
    }
}
function registry_api_location(res) {
    const value = res.headers.get('location');
    if (!value)
        throw new RegistryError(res.status, 'the registry gave no upload location');
    return value;
}
/** Fails with the status and the registry's error code (e.g. NAME_UNKNOWN), never the request headers. */
async function expect(res, ok, what) {
    if (ok.includes(res.status)) {
        // Let the connection be reused.
        await res.arrayBuffer().catch(() => undefined);
        return;
    }
    const text = await res.text().catch(() => '');
    let code;
    try {
        code = (JSON.parse(text).errors ?? []).map(e => `${e.code}: ${e.message}`).join('; ');
    }
    catch {
        code = text.slice(0, 200);
    }
    throw new RegistryError(res.status, `${what}: ${res.status}${code ? ` ${code}` : ''}`);
}
/**
 * A token scope (`repository:alias/web:pull,push`, several separated by spaces) as the
 * actions granted per resource; a scope of another shape is kept whole (no actions).
 */
function scopeActions(scope) {
    const granted = new Map();
    for (const one of scope.split(' ').filter(Boolean)) {
        const m = /^([^:]+:.+):([^:]*)$/.exec(one);
        if (!m) {
            granted.set(one, undefined);
            continue;
        }
        const resource = m[1] ?? one;
        granted.set(resource, new Set([...(granted.get(resource) ?? []), ...(m[2] ?? '').split(',').filter(Boolean)]));
    }
    return granted;
}
/** Whether a token for scope `held` grants all that `wanted` asks. */
function scopeCovers(held, wanted) {
    const have = scopeActions(held);
    return [...scopeActions(wanted)].every(([resource, actions]) => have.has(resource) && [...(actions ?? [])].every(a => have.get(resource)?.has(a)));
}
/** One scope asking for all that both ask. */
function mergeScopes(a, b) {
    const merged = scopeActions(a);
    for (const [resource, actions] of scopeActions(b)) {
        const before = merged.get(resource);
        merged.set(resource, actions === undefined && before === undefined ? undefined : new Set([...(before ?? []), ...(actions ?? [])]));
    }
    return [...merged].map(([resource, actions]) => (actions === undefined ? resource : `${resource}:${[...actions].join(',')}`)).join(' ');
}
/** `Bearer realm="…",service="…",scope="…"` → its parts; undefined for other schemes. */
function parseBearerChallenge(header) {
    if (!/^Bearer\s/i.test(header))
        return undefined;
    const params = Object.fromEntries([...header.matchAll(/(\w+)="([^"]*)"/g)].map(m => [m[1], m[2]]));
    return params.realm ? { realm: params.realm, service: params.service ?? '', scope: params.scope ?? '' } : undefined;
}


/***/ })

};
