export const id = 594;
export const ids = [594];
export const modules = {

/***/ 8079:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lu: () => (/* binding */ toolFailure),
/* harmony export */   Ri: () => (/* binding */ dockerFailure),
/* harmony export */   ub: () => (/* binding */ checkBuilder)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _docker_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3871);
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4713);
/**
 * The builder check: the builder buildx will use can build every platform asked for, and
 * docker itself can run. It runs before anything is written to AWS, so a runner without
 * QEMU or buildx fails with the fix, not with a half-made repository.
 */



/** Docker itself can't run: missing, without buildx, or no daemon. One line with the fix. */
function toolFailure(result) {
    const text = `${result.stderr}\n${result.stdout}`;
    if (result.exitCode === 127 || /ENOENT|Unable to locate executable/i.test(text)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l('docker is not installed on this runner: use a runner with Docker (e.g. ubuntu-latest).');
    }
    if (/is not a docker command|unknown command "buildx"|unknown flag: --platform/i.test(text)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l('docker buildx is not installed: add docker/setup-buildx-action before this step.');
    }
    if (/Cannot connect to the Docker daemon|Is the docker daemon running|docker\.sock/i.test(text)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l('the Docker daemon is not running: start it (or use a runner where it runs) before this step.');
    }
    return undefined;
}
function dockerFailure(what, result) {
    return toolFailure(result) ?? new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`${what} failed: ${(0,_docker_js__WEBPACK_IMPORTED_MODULE_1__/* .lastLine */ .f)(result)}`);
}
/** Checks the builder can build `platforms` (none: only that buildx runs, as for a merge). */
async function checkBuilder(docker, platforms) {
    // The image store matters only to the docker driver, but asked beside the inspect it costs nothing.
    const [inspect, info] = await Promise.all([
        docker(['buildx', 'inspect', '--bootstrap']),
        platforms.length > 1 ? docker(['info', '--format', '{{json .DriverStatus}}']) : undefined
    ]);
    if (inspect.exitCode !== 0)
        throw dockerFailure('docker buildx inspect', inspect);
    const builder = (0,_plan_js__WEBPACK_IMPORTED_MODULE_2__/* .parseBuilderInspect */ .H9)(inspect.stdout);
    if (builder.driver === 'docker' && info !== undefined) {
        if (info.exitCode !== 0)
            throw dockerFailure('docker info', info);
        if (!info.stdout.includes('io.containerd.snapshotter')) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`the '${builder.name}' builder uses the docker driver without the containerd image store, which can't build several platforms at once: add docker/setup-buildx-action before this step (or turn on the containerd image store).`);
        }
    }
    const missing = (0,_plan_js__WEBPACK_IMPORTED_MODULE_2__/* .missingPlatforms */ .z3)(platforms, builder.platforms);
    if (missing.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`the '${builder.name}' builder can't build ${missing.join(', ')} (it has ${builder.platforms.join(', ') || 'no platforms'}): add docker/setup-qemu-action before this step, or build that platform on a runner of its own.`);
    }
    return builder;
}


/***/ }),

/***/ 68:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  s: () => (/* binding */ buildAndPush),
  $: () => (/* binding */ mergeIndex)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/registry/client.ts + 1 modules
var registry_client = __webpack_require__(1017);
// EXTERNAL MODULE: ./src/registry/refusals.ts
var refusals = __webpack_require__(390);
;// CONCATENATED MODULE: ./src/registry/layout-push.ts
/**
 * `push-by-digest`: buildx exports the platform image as an OCI layout (`--output
 * type=oci,tar=false`, which every builder driver does, the docker driver included), and
 * this module pushes the layout to the repository by digest over the registry API: the
 * blobs the repository doesn't have yet (each checked against its digest and size first),
 * then each image manifest, then the index if the layout holds one — untagged, for a
 * later `merge-digests`. Transient failures (5xx, 429,
 * reset connections) are retried.
 */







const PARALLEL_UPLOADS = 4;
function blobPath(layout, digest) {
    const [algorithm, hex] = digest.split(':');
    if (algorithm !== 'sha256' || !/^[0-9a-f]{64}$/.test(hex ?? ''))
        throw new errors/* ActionError */.l(`The OCI layout names a blob '${digest}' that is not a sha256 digest.`);
    return external_node_path_default().join(layout, 'blobs', algorithm, hex ?? '');
}
/** Reads a blob and checks it against its descriptor: a corrupt layout is never pushed. */
async function verifiedBlob(layout, d) {
    const file = blobPath(layout, d.digest);
    const size = (await (0,promises_.stat)(file).catch(() => undefined))?.size;
    if (size === undefined)
        throw new errors/* ActionError */.l(`The OCI layout lacks blob ${d.digest}: the build's export is incomplete; run the job again.`);
    if (d.size !== undefined && size !== d.size)
        throw new errors/* ActionError */.l(`Blob ${d.digest} in the OCI layout is ${size} bytes, its descriptor says ${d.size}: run the job again.`);
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for await (const chunk of (0,external_node_fs_.createReadStream)(file))
        hash.update(chunk);
    if (`sha256:${hash.digest('hex')}` !== d.digest)
        throw new errors/* ActionError */.l(`Blob ${d.digest} in the OCI layout does not match its digest: run the job again.`);
    return file;
}
/** Pushes the blobs `m` needs that the repository lacks, a few at a time. */
async function pushBlobs(client, repository, layout, blobs, retry, tally) {
    const queue = [...new Map(blobs.map(b => [b.digest, b])).values()];
    let failed = false;
    const worker = async () => {
        for (let d = queue.shift(); d !== undefined && !failed; d = queue.shift()) {
            const blob = d;
            const file = await verifiedBlob(layout, blob);
            const size = (await (0,promises_.stat)(file)).size;
            const uploaded = await (0,refusals/* withRegistryRetry */.ox)(client.registry, `the upload of ${blob.digest.slice(0, 19)}…`, retry, async () => {
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
    const body = await (0,promises_.readFile)(file);
    const manifest = JSON.parse(body.toString('utf8'));
    if (registry_client.INDEX_MEDIA_TYPES.includes(d.mediaType) || manifest.manifests !== undefined) {
        for (const child of manifest.manifests ?? [])
            await pushManifest(client, repository, layout, child, retry, tally);
    }
    else {
        await pushBlobs(client, repository, layout, [...(manifest.config ? [manifest.config] : []), ...(manifest.layers ?? [])], retry, tally);
    }
    const digest = await (0,refusals/* withRegistryRetry */.ox)(client.registry, `the manifest ${d.digest.slice(0, 19)}…`, retry, () => client.putManifest(repository, d.digest, d.mediaType, body));
    if (digest !== '' && digest !== d.digest)
        throw new errors/* ActionError */.l(`The registry stored manifest ${d.digest} as ${digest}: it changed the manifest; push again.`);
}
/** Pushes what an OCI layout's index.json names to `repository`, by digest, untagged. */
async function pushLayout(client, repository, layout, retry) {
    const index = JSON.parse(await (0,promises_.readFile)(external_node_path_default().join(layout, 'index.json'), 'utf8'));
    const top = index.manifests ?? [];
    if (top.length !== 1 || top[0] === undefined) {
        throw new errors/* ActionError */.l(`buildx exported ${top.length} images to the OCI layout; push-by-digest expects one (an image, or an index of platforms).`);
    }
    const root = top[0];
    const tally = { digest: root.digest, mediaType: root.mediaType, uploaded: 0, skipped: 0, bytesUploaded: 0 };
    if (root.platform)
        tally.platform = root.platform;
    await pushManifest(client, repository, layout, root, retry, tally);
    return tally;
}

// EXTERNAL MODULE: ./src/retry.ts
var retry = __webpack_require__(9809);
// EXTERNAL MODULE: ./src/build/builder.ts
var builder = __webpack_require__(8079);
// EXTERNAL MODULE: ./src/docker.ts
var docker = __webpack_require__(3871);
;// CONCATENATED MODULE: ./src/build/failure.ts
/**
 * What a failed `docker buildx build` or `imagetools create` means: a push that may pass
 * when tried again (the registry answered 5xx, a connection was reset), or a failure that
 * never will (an immutable tag, a missing repository, no permission, a failed build step),
 * explained in one line.
 */





/** @param registry where the push went (a host or an image reference), for the permissions a refusal needs */
function classifyBuildFailure(result, what, registry) {
    const output = `${result.stderr}\n${result.stdout}`;
    const tool = (0,builder/* toolFailure */.Lu)(result);
    if (tool)
        return tool;
    const immutable = (0,refusals/* immutableTagRefusal */.RZ)(output);
    if (immutable)
        return immutable;
    const missing = /repository with name '([^']+)' does not exist|NAME_UNKNOWN/.exec(output);
    if (missing)
        return (0,refusals/* missingRepository */.nE)(missing[1] ?? '');
    if (/\b(401|403)\b|unauthorized|authentication required|denied/i.test(output) && /push/i.test(output))
        return (0,refusals/* pushRefused */.H)('the push', registry);
    const transient = /failed to push|failed commit on ref|unexpected status[^\n]*\b5\d\d\b|\b50[0234]\b|connection reset|broken pipe|i\/o timeout|TLS handshake timeout|unexpected EOF/i;
    const match = transient.exec(output);
    if (match)
        return new retry.TransientError(match[0]);
    return new errors/* ActionError */.l(`${what} failed: ${(0,docker/* lastLine */.f)(result)}`);
}

// EXTERNAL MODULE: ./src/build/plan.ts
var plan = __webpack_require__(4713);
;// CONCATENATED MODULE: ./src/build/buildx.ts
/**
 * Stage 5, effects: runs the one `docker buildx build` (again while its push fails in a
 * way that may pass), reads its result from the metadata file buildx writes (never from
 * its log), and for `push-by-digest` uploads the OCI layout it exported (layout-push.ts).
 * A merge makes the index with `buildx imagetools create`.
 */









/** Builds (and pushes) the image; its digest and metadata come from buildx's metadata file. */
async function buildAndPush(docker, build, references, labels, options = {}) {
    const policy = options.retry ?? retry.defaultRetry;
    const dir = await (0,promises_.mkdtemp)(external_node_path_default().join(options.tempDir ?? external_node_os_default().tmpdir(), 'ecr-build-push-'));
    const metadataFile = external_node_path_default().join(dir, 'metadata.json');
    try {
        const args = (0,plan/* buildxArgs */.w$)(build, references, labels, metadataFile, options.repositoryUri);
        await (0,retry.retry)('The push', async () => {
            const result = await docker(args, { stream: true });
            if (result.exitCode === 0)
                return;
            const failure = classifyBuildFailure(result, 'docker buildx build', references[0] ?? '');
            // Nothing was pushed: there is no registry to blame.
            throw build.push || !(failure instanceof retry.TransientError) ? failure : (0,builder/* dockerFailure */.Ri)('docker buildx build', result);
        }, policy).catch(givenUp('The push', policy));
        const metadata = await readMetadata(metadataFile);
        const built = typeof metadata['containerimage.digest'] === 'string' ? metadata['containerimage.digest'] : '';
        if (build.pushByDigest && build.push) {
            if (options.byDigest === undefined)
                throw new errors/* ActionError */.l('push-by-digest has no registry to push to.');
            const pushed = await pushLayout(options.byDigest.registry, options.byDigest.repository, (0,plan/* layoutDir */.ST)(metadataFile), policy);
            if (built !== '' && built !== pushed.digest)
                throw new errors/* ActionError */.l(`buildx built ${built} but exported ${pushed.digest}: run the job again.`);
            policy.log(`Pushed ${pushed.digest} by digest: ${pushed.uploaded} blobs uploaded (${pushed.bytesUploaded} bytes), ${pushed.skipped} already in the repository.`);
            return { digest: pushed.digest, metadata, bytesUploaded: pushed.bytesUploaded };
        }
        if (build.push && !/^sha256:[0-9a-f]{64}$/.test(built))
            throw new errors/* ActionError */.l('buildx pushed the image but reported no digest in its metadata file.');
        return { digest: built, metadata };
    }
    finally {
        // The layout of a push-by-digest build holds every layer: never left on the runner.
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
}
async function readMetadata(file) {
    try {
        return JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
    }
    catch (error) {
        throw new errors/* ActionError */.l(`buildx wrote no readable metadata file (${error.message}).`);
    }
}
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
    await (0,retry.retry)('The merge', async () => {
        const result = await docker(args, { stream: true });
        if (result.exitCode !== 0)
            throw classifyBuildFailure(result, 'docker buildx imagetools create', repositoryUri);
    }).catch(givenUp('The merge', retry.defaultRetry));
}
/** A transient failure that outlasted every try, in words; any other error as it is. */
function givenUp(what, policy) {
    return error => {
        if (!(error instanceof retry.TransientError))
            throw error;
        throw new errors/* ActionError */.l(`${what} failed ${policy.attempts} times (${error.message}); the registry may be having trouble: run the job again.`);
    };
}


/***/ }),

/***/ 8594:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  pushPipeline: () => (/* binding */ pushPipeline)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 11 modules
var core = __webpack_require__(3360);
// EXTERNAL MODULE: ./src/aws/clients.ts
var clients = __webpack_require__(201);
// EXTERNAL MODULE: ./src/aws/public-repository.ts
var public_repository = __webpack_require__(3765);
// EXTERNAL MODULE: ./src/aws/registry-token.ts
var registry_token = __webpack_require__(8318);
// EXTERNAL MODULE: ./src/aws/replication.ts
var aws_replication = __webpack_require__(5107);
// EXTERNAL MODULE: ./src/aws/repository.ts
var aws_repository = __webpack_require__(2190);
;// CONCATENATED MODULE: ./src/aws/destination.ts





/** The tags the run pushes again each time, which the repository must let move. */
function movingTags(settings) {
    const { image, repository } = settings;
    const moving = image.tags.filter(t => t !== image.version);
    return repository.cacheTag !== undefined ? [...moving, repository.cacheTag] : moving;
}
async function prepareDestination(settings, session) {
    return settings.repository.type === 'public' ? publicDestination(settings, session) : privateDestination(settings, session);
}
async function privateDestination(settings, session) {
    const { repository } = settings;
    const ecr = (0,clients/* createEcrClient */.yv)(session);
    const [repo, replication, credentials] = await Promise.all([
        (0,aws_repository/* ensureRepository */.z0)(ecr, repository, movingTags(settings), settings.aws.region),
        (0,aws_replication/* ensureReplication */.RF)(ecr, repository.name, repository.replicateToRegions),
        (0,registry_token/* registryToken */.pd)(() => (0,registry_token/* getRegistryCredentials */.U2)(ecr))
    ]);
    const changes = replication !== '' ? [...repo.changes, replication] : repo.changes;
    return {
        uri: repo.uri,
        registry: repo.registry,
        path: repository.name,
        changes,
        warnings: repo.warnings,
        lifecycle: repo.lifecyclePut ? '' : repo.lifecycle,
        mutability: repo.mutability,
        credentials,
        ecr
    };
}
async function publicDestination(settings, session) {
    const pub = await (0,public_repository/* createPublicClient */.lh)(session);
    const [repo, credentials] = await Promise.all([(0,public_repository/* ensurePublicRepository */.ou)(pub, settings.repository, settings.build.platforms), (0,registry_token/* registryToken */.pd)(() => (0,registry_token/* getPublicRegistryCredentials */.vR)(pub))]);
    return {
        uri: repo.uri,
        registry: repo.registry,
        path: repo.uri.slice(repo.registry.length + 1),
        changes: repo.changes,
        warnings: repo.warnings,
        lifecycle: 'none: ECR Public has no lifecycle policies',
        mutability: { mode: 'MUTABLE', exclusions: [] },
        credentials
    };
}

// EXTERNAL MODULE: ./src/aws/sign-in.ts
var sign_in = __webpack_require__(9030);
// EXTERNAL MODULE: ./src/build/builder.ts
var builder = __webpack_require__(8079);
// EXTERNAL MODULE: ./src/build/buildx.ts + 2 modules
var buildx = __webpack_require__(68);
// EXTERNAL MODULE: ./src/build/plan.ts
var plan = __webpack_require__(4713);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
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
    return env.DOCKER_CONFIG || external_node_path_default().join(env.HOME || external_node_os_default().homedir(), '.docker');
}
/** config.json as an object: `{}` when there is no file yet; undefined when it can't be read as a JSON object. */
async function readDockerConfig(configDir) {
    let config;
    try {
        config = JSON.parse(await (0,promises_.readFile)(external_node_path_default().join(configDir, 'config.json'), 'utf8'));
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
    await (0,promises_.mkdir)(configDir, { recursive: true, mode: 0o700 });
    const file = await (0,promises_.realpath)(external_node_path_default().join(configDir, 'config.json')).catch(() => external_node_path_default().join(configDir, 'config.json'));
    const temporary = external_node_path_default().join(external_node_path_default().dirname(file), `.config.json.${process.pid}.tmp`);
    try {
        await (0,promises_.writeFile)(temporary, `${JSON.stringify(config, null, '\t')}\n`, { mode: 0o600 });
        await (0,promises_.rename)(temporary, file);
    }
    catch (error) {
        await (0,promises_.rm)(temporary, { force: true });
        throw new Error(`could not write ${file}: ${error.message}`, { cause: error });
    }
}

// EXTERNAL MODULE: ./src/registry/existing-version.ts
var existing_version = __webpack_require__(6527);
// EXTERNAL MODULE: ./src/docker.ts
var src_docker = __webpack_require__(3871);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/registry/login.ts
/**
 * Stage 4 — registry login. Logs docker in with the registry's credentials: the entry
 * `docker login` writes, written to docker's config file, or `docker login` with the
 * password on stdin (never `-p`) where a credential store or helper keeps credentials.
 * The post step logs out again unless `skip-logout` (post.ts).
 */



/**
 * Logs docker in to the registry. Where docker keeps credentials in its config file — no
 * credential store, no helper for this registry, as on GitHub's runners — the entry
 * `docker login` would write there is written directly: the same file and format, written
 * atomically, readable by its owner only. That skips a docker process and its check of the
 * password with the registry (the daemon's round trip to the registry), which would
 * otherwise sit between the reconcile and the build; the token is ECR's own, a moment old.
 * With a credential store or helper, `docker login` with the password on stdin, so the
 * helper keeps it. Either way the password is on no command line, and the post step's
 * `docker logout` removes it.
 */
async function dockerLogin(docker, credentials, configDir = dockerConfigDir()) {
    const { registry, username, password } = credentials;
    if (await storeInConfigFile(configDir, credentials))
        return { registry, configDir };
    const result = await docker(['login', '--username', username, '--password-stdin', registry], {
        input: Buffer.from(password, 'utf8')
    });
    if (result.exitCode !== 0) {
        throw new errors/* ActionError */.l(`docker login to ${registry} failed: ${(0,src_docker/* lastLine */.f)(result)}`);
    }
    return { registry };
}
/** Writes the login to config.json when docker keeps credentials there; false when a credential store or helper does, or the file can't be read. */
async function storeInConfigFile(configDir, { registry, username, password }) {
    const config = await fileStoreConfig(configDir, registry);
    if (config === undefined)
        return false;
    config.auths = { ...config.auths, [registry]: { auth: Buffer.from(`${username}:${password}`, 'utf8').toString('base64') } };
    try {
        await writeDockerConfig(configDir, config);
    }
    catch (error) {
        throw new errors/* ActionError */.l(`Could not store docker's credentials: ${error.message}`);
    }
    return true;
}

// EXTERNAL MODULE: ./src/registry/refusals.ts
var refusals = __webpack_require__(390);
// EXTERNAL MODULE: ./src/aws/repository-plan.ts
var repository_plan = __webpack_require__(2129);
;// CONCATENATED MODULE: ./src/registry/tags.ts
/**
 * Tags put on an image the repository already has, over the registry API: after a build
 * (buildx pushes the version; `latest` and the other tags follow, one request each) and on
 * a re-run that builds nothing (the tags move back to the existing image).
 */




/**
 * Puts an image the repository has under more tags: its manifest (for a multi-platform
 * image, the index) read once and PUT again byte for byte under each tag — what `crane
 * tag` and `buildx imagetools create` do. One request a tag, where buildx pushes each tag
 * in full (every blob checked again, every platform manifest sent again).
 */
async function addTags(client, repository, digest, tags, retry) {
    if (tags.length === 0)
        return;
    const manifest = await (0,refusals/* withRegistryRetry */.ox)(client.registry, `reading ${digest.slice(0, 19)}…`, retry, () => client.manifestBytes(repository, digest));
    if (manifest === undefined)
        throw new errors/* ActionError */.l(`The registry has no ${digest} in ${repository} to tag: run the job again.`);
    for (const tag of tags) {
        const stored = await (0,refusals/* withRegistryRetry */.ox)(client.registry, `the tag '${tag}'`, retry, () => client.putManifest(repository, tag, manifest.mediaType, manifest.body));
        if (stored !== '' && stored !== digest)
            throw new errors/* ActionError */.l(`The registry stored '${tag}' as ${stored}, not ${digest}: run the job again.`);
    }
}
/**
 * A skipped version still moves the tags that follow it (`latest`, and any the repository
 * lets move) when they point elsewhere: the existing index put under each,, one request a tag. Returns the tags moved.
 */
async function moveTags(registry, repo, digest, tags, retry) {
    const moving = [];
    for (const tag of tags) {
        const current = await registry.manifest(repo.name, tag);
        if (current?.digest === digest)
            continue;
        if (current !== undefined && !(0,repository_plan/* isTagMutable */.bo)(tag, repo.mutability)) {
            core/* warning */.$e(`'${tag}' points to another image and the repository keeps it immutable: left as it is.`);
            continue;
        }
        moving.push(tag);
    }
    await addTags(registry, repo.name, digest, moving, retry);
    return moving;
}

// EXTERNAL MODULE: ./src/registry/client.ts + 1 modules
var client = __webpack_require__(1017);
;// CONCATENATED MODULE: ./src/report/image-size.ts
/**
 * Sizes and storage cost for the summary, from the manifests alone (what ECR bills is the
 * compressed layers and configs it stores, each blob once per repository).
 *
 * - each platform image's compressed size: its config and layers;
 * - what this push added: blobs the image `latest` pointed to before didn't have (ECR
 *   stores a blob once, so shared base layers cost nothing more) — or, for a push by
 *   digest, exactly what the upload sent;
 * - the month's storage estimate for the image: its distinct blobs at the GB-month price,
 *   once more for each region it is replicated to.
 */

const GB = 1024 ** 3;
function blobs(m) {
    const out = new Map();
    for (const d of [...(m.config ? [m.config] : []), ...(m.layers ?? [])])
        out.set(d.digest, d.size ?? 0);
    return out;
}
function sizeReport(images, previous, price, regions = 1) {
    const all = new Map();
    const platforms = images.map(({ platform, manifest }) => {
        const own = blobs(manifest);
        for (const [digest, size] of own)
            all.set(digest, size);
        return { platform, bytes: [...own.values()].reduce((a, b) => a + b, 0) };
    });
    const totalBytes = [...all.values()].reduce((a, b) => a + b, 0);
    let addedBytes;
    if (previous !== undefined) {
        const had = new Set(previous.flatMap(p => [...blobs(p.manifest).keys()]));
        addedBytes = [...all].filter(([digest]) => !had.has(digest)).reduce((a, [, size]) => a + size, 0);
    }
    return { platforms, totalBytes, addedBytes, addedBy: 'latest', monthlyCost: (totalBytes / GB) * price * regions, regions };
}
/** 1536 → "1.5 KB"; binary units, as AWS bills GB. */
function formatBytes(bytes) {
    const units = ['B', 'KB', 'MB', 'GB', 'TB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
/** US$ with enough digits for small images: $0.0042 */
function formatCost(usd) {
    return usd >= 1 ? `$${usd.toFixed(2)}` : `$${usd.toPrecision(2)}`;
}
/**
 * The platform images a pushed digest stands for: an index's children (attestations left
 * out), or the image itself (named `single`). Empty when the registry can't be read: sizes are informative.
 */
async function readPlatformImages(registry, repository, digest, single = '') {
    if (digest === '')
        return [];
    const top = await registry.manifest(repository, digest);
    if (top === undefined)
        return [];
    // A one-platform build pushes the image itself; `single` names its platform.
    if (top.manifests === undefined)
        return [{ platform: single, digest: top.digest || digest, manifest: top }];
    const children = top.manifests.filter(m => client.MANIFEST_MEDIA_TYPES.includes(m.mediaType) && m.platform?.os !== 'unknown');
    return Promise.all(children.map(async (m) => {
        const p = m.platform;
        const manifest = (await registry.manifest(repository, m.digest)) ?? { digest: m.digest, mediaType: m.mediaType };
        return { platform: p ? `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}` : '', digest: m.digest, manifest };
    }));
}
/** The summary's size lines: per platform, added by this push, and the month's storage estimate. */
function sizeLines(r, price, priceSource) {
    const lines = r.platforms.map(p => `${p.platform || 'image'}: ${formatBytes(p.bytes)} compressed`);
    if (r.platforms.length > 1)
        lines.push(`all platforms: ${formatBytes(r.totalBytes)} (shared layers once)`);
    const how = r.addedBy === 'upload' ? 'blobs the repository didn\'t have, as uploaded' : "layers the earlier latest didn't have";
    lines.push(r.addedBytes === undefined ? 'added by this push: not known (no earlier latest to compare with)' : `added by this push: ${formatBytes(r.addedBytes)} (${how})`);
    const where = r.regions > 1 ? ` in ${r.regions} regions` : '';
    lines.push(`storage: about ${formatCost(r.monthlyCost)} a month${where} at ${formatCost(price)} per GB-month (${priceSource})`);
    return lines;
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecr/dist-cjs/index.js
var dist_cjs = __webpack_require__(8249);
// EXTERNAL MODULE: ./src/settings/types.ts
var types = __webpack_require__(1664);
;// CONCATENATED MODULE: ./src/aws/scan-gate.ts
/**
 * The scanning gate (`scan-fail-on`): after the push, waits — bounded by `scan-timeout`,
 * with a progress line per poll — for ECR's scan of each platform image, adds up the
 * findings per severity and fails the run at or above the threshold.
 *
 * ECR scans image manifests, not an index, so a multi-platform image is judged by its
 * platform images together. A repository without scan on push gets the scan started here
 * (basic scanning allows one scan per image per day; a scan already started is awaited).
 * A scan that can't finish (FAILED, UNSUPPORTED_IMAGE, …) fails the gate: it can't vouch
 * for the image. The deadline bounds the polls themselves too: a poll still unanswered at
 * `scan-timeout` is aborted, and the gate fails as when the scan is still running.
 */



/** Statuses after which findings can be read; ACTIVE is enhanced (continuous) scanning's. */
const DONE = new Set(['COMPLETE', 'ACTIVE']);
const WAITING = new Set(['IN_PROGRESS', 'PENDING']);
/** Severities at or above `threshold` that have findings, most severe first: empty passes. */
function gateFailures(total, threshold) {
    const limit = types/* SEVERITIES */.o.indexOf(threshold);
    return types/* SEVERITIES */.o.filter((s, i) => i <= limit && (total[s] ?? 0) > 0).map(s => `${total[s]} ${s}`);
}
function addCounts(all) {
    const total = {};
    for (const counts of all)
        for (const [s, n] of Object.entries(counts))
            total[s] = (total[s] ?? 0) + n;
    return total;
}
/** Findings per severity, in ECR's order, e.g. "1 CRITICAL, 3 HIGH"; "no findings". */
function formatCounts(counts) {
    const parts = types/* SEVERITIES */.o.filter(s => (counts[s] ?? 0) > 0).map(s => `${counts[s]} ${s}`);
    return parts.length > 0 ? parts.join(', ') : 'no findings';
}
/** The gate's failure when the scan is not done by the deadline; `status` is the last one read. */
function stillWaiting(what, status, elapsed, wait) {
    const seen = status === undefined ? `had no answer from ECR after ${elapsed} s` : `was still ${status} after ${elapsed} s`;
    return new errors/* ActionError */.l(`ECR's scan of ${what} ${seen}: run the job again later, or raise scan-timeout (now ${wait.timeoutSeconds} s).`);
}
async function waitForOne(ecr, repository, image, wait, deadline, abortSignal) {
    const what = `${image.platform || 'image'} ${image.digest.slice(0, 19)}…`;
    const start = wait.now();
    let started = false;
    let status;
    // A poll the deadline cut short fails the gate like a scan still running.
    const bounded = async (call) => {
        try {
            return await call({ abortSignal });
        }
        catch (error) {
            if (abortSignal.aborted)
                throw stillWaiting(what, status, Math.round((wait.now() - start) / 1000), wait);
            throw error;
        }
    };
    for (let poll = 1;; poll++) {
        let out;
        try {
            out = await bounded(options => ecr.send(new dist_cjs/* DescribeImageScanFindingsCommand */.TQ0({ repositoryName: repository, imageId: { imageDigest: image.digest } }), options));
        }
        catch (error) {
            if (error.name !== 'ScanNotFoundException')
                throw error;
        }
        status = out?.imageScanStatus?.status ?? 'NOT_STARTED';
        if (DONE.has(status))
            return (out?.imageScanFindings?.findingSeverityCounts ?? {});
        if (!WAITING.has(status) && status !== 'NOT_STARTED') {
            throw new errors/* ActionError */.l(`ECR's scan of ${what} ended ${status}${out?.imageScanStatus?.description ? ` (${out.imageScanStatus.description})` : ''}, so scan-fail-on can't vouch for the image: fix the cause, or remove scan-fail-on.`);
        }
        if (status === 'NOT_STARTED' && !started) {
            started = true;
            try {
                await bounded(options => ecr.send(new dist_cjs/* StartImageScanCommand */.Qc9({ repositoryName: repository, imageId: { imageDigest: image.digest } }), options));
                wait.log(`Started ECR's scan of ${what} (the repository doesn't scan on push).`);
            }
            catch (error) {
                // Scan on push got there first, or today's scan exists: wait for it.
                if (error.name !== 'LimitExceededException')
                    throw error;
            }
        }
        const elapsed = Math.round((wait.now() - start) / 1000);
        const interval = wait.interval(poll);
        if (wait.now() + interval > deadline)
            throw stillWaiting(what, status, elapsed, wait);
        wait.log(`Waiting for ECR's scan of ${what}: ${status} (${elapsed} s of ${wait.timeoutSeconds} s)`);
        await wait.sleep(interval);
    }
}
/** Waits for every platform image's scan (together, under one deadline) and adds up their findings. */
async function waitForScans(ecr, repository, images, wait) {
    const deadline = wait.now() + wait.timeoutSeconds * 1000;
    const abortSignal = (wait.deadline ?? AbortSignal.timeout)(wait.timeoutSeconds * 1000);
    const counts = await Promise.all(images.map(image => waitForOne(ecr, repository, image, wait, deadline, abortSignal)));
    const perImage = images.map((image, i) => ({ ...image, counts: counts[i] ?? {} }));
    return { total: addCounts(counts), perImage };
}

// EXTERNAL MODULE: ./src/retry.ts
var retry = __webpack_require__(9809);
// EXTERNAL MODULE: ./src/report/outputs.ts
var report_outputs = __webpack_require__(5468);
// EXTERNAL MODULE: ./src/report/summary.ts
var summary = __webpack_require__(7994);
;// CONCATENATED MODULE: ./src/report/report.ts
/**
 * Stage 6 — report: the platform images of what was pushed, the scan gate, the outputs and
 * the job summary; then the gate's verdict, so a failing scan still leaves the outputs and
 * the counts behind.
 */









async function report(settings, stages, destination, registry, pushed, latestBefore) {
    const { build, image, repository } = settings;
    const gate = settings.scan.failOn;
    const images = settings.summary || gate !== undefined ? await platformImages(settings, registry, destination.path, pushed.digest) : [];
    const ecr = destination.ecr;
    const scan = gate !== undefined && ecr !== undefined
        ? await stages.run('scan', () => waitForScans(ecr, repository.name, images.map(({ platform, digest }) => ({ platform, digest })), scanWait(settings.scan.timeoutSeconds)))
        : undefined;
    const failures = scan && gate ? gateFailures(scan.total, gate) : [];
    const pushedTags = build.pushByDigest ? { ...image, tags: [], latest: false } : image;
    const replicas = build.pushByDigest ? [] : (0,aws_replication/* replicaUris */.Ix)(`${destination.uri}:${image.version}`, repository.replicateToRegions);
    const outputs = (0,report_outputs/* imageOutputs */.am)({
        ...(0,report_outputs/* outputBase */.zx)(pushedTags, destination.uri, destination.registry),
        digest: pushed.digest,
        metadata: pushed.metadata,
        skipped: !pushed.built,
        replicaUris: replicas,
        ...(scan ? { scanFindings: scan.total } : {})
    });
    (0,report_outputs/* setOutputs */.n0)(outputs);
    core/* info */.pq(`${pushed.built ? 'Pushed' : 'Kept'} ${outputs['image-digest-uri']}`);
    if (settings.summary) {
        const sizes = sizeReport(images, latestBefore, settings.storagePrice, 1 + repository.replicateToRegions.length);
        if (!pushed.built)
            sizes.addedBytes = 0;
        if (pushed.uploaded !== undefined)
            Object.assign(sizes, { addedBytes: pushed.uploaded, addedBy: 'upload' });
        const priceSource = (settings.storagePrice === constants/* STORAGE_PRICE_USD_PER_GB_MONTH */.Uz ? `ECR's price, ${constants/* STORAGE_PRICE_AS_OF */.Hm}` : 'storage-price') +
            (repository.type === 'public' ? '; ECR Public: the first 50 GB a month are free' : '');
        await (0,summary/* writeSummary */.Sy)({
            repository: repository.name,
            pushed: true,
            skipped: !pushed.built,
            timings: stages.times,
            outcome: pushed.outcome,
            imageUri: outputs['image-uri'],
            imageDigestUri: outputs['image-digest-uri'],
            digest: pushed.digest,
            tags: image.tags,
            platforms: build.platforms,
            platformDigests: images.filter(i => i.platform !== '').map(({ platform, digest }) => ({ platform, digest })),
            cache: build.cache.type === 'ecr' ? `ecr (${destination.uri}:${build.cache.tag})` : build.cache.type,
            repositoryChanges: destination.changes,
            lifecycle: destination.lifecycle,
            warnings: destination.warnings,
            ...(images.length > 0 ? { size: { lines: sizeLines(sizes, settings.storagePrice, priceSource) } } : {}),
            ...(scan && gate ? { scan: `${formatCounts(scan.total)} — scan-fail-on ${gate}: ${failures.length > 0 ? 'failed' : 'passed'}` } : {}),
            replicas
        });
    }
    if (failures.length > 0) {
        throw new errors/* ActionError */.l(`ECR's scan found ${failures.join(', ')} in ${repository.name}@${pushed.digest} (scan-fail-on: ${gate}): fix them and push a new version; the counts are in the job summary, the findings in the ECR console.`);
    }
}
/** The platform images of what was pushed; none when the registry can't be read (sizes are informative). */
function platformImages(settings, registry, path, digest) {
    const { build } = settings;
    const single = build.platforms.length === 1 && build.mergeDigests.length === 0 ? (build.platforms[0] ?? '') : '';
    return readPlatformImages(registry, path, digest, single).catch(() => []);
}
/** Polls quickly at first (scans of small images finish in seconds), then every 5 s. */
function scanWait(timeoutSeconds) {
    return {
        timeoutSeconds,
        interval: poll => Math.min(1000 * 2 ** (poll - 1), 5000),
        sleep: retry.sleep,
        log: line => core/* info */.pq(line),
        now: () => Date.now()
    };
}

;// CONCATENATED MODULE: ./src/stages.ts
/** The pipeline's stages, each a group in the log, timed for the job summary. */

class Stages {
    /** seconds per stage, in the order they ran */
    times = [];
    async run(name, fn) {
        const start = performance.now();
        try {
            return await core/* group */.Os(name, fn);
        }
        finally {
            this.times.push([name, (performance.now() - start) / 1000]);
        }
    }
}

;// CONCATENATED MODULE: ./src/pipeline.ts
/**
 * A push, as a sequence of stages, each awaited before the next:
 *
 *   1. sign-in     credentials (OIDC → STS, or the job's own), and the builder check beside
 *                  them: nothing is written to AWS before docker can build what was asked;
 *   2. repository  the repository made to match the workflow, and the registry's token;
 *   3. version     whether the version tag exists already (a re-run), and what `latest` is;
 *   4. login       docker logged in to the registry (the post step logs out);
 *   5. push        build and push, merge per-platform digests, or reuse the existing image;
 *   6. report      scan gate, outputs, job summary; then docker's login and the exported
 *                  credentials renewed for the job's later steps if they were during the run.
 *
 * The role's session and the registry's token are renewed when they are about to run out
 * (aws/session.ts), so the calls after a long build — tags, the scan gate — still work.
 *
 * What runs side by side does so inside a stage. Every effect comes in through
 * `PipelineDeps` or the AWS SDK, which the unit tests replace.
 */















async function pushPipeline(settings, deps) {
    const { aws, build, image, repository } = settings;
    const stages = new Stages();
    const [session] = await stages.run('sign-in', () => Promise.all([
        (0,sign_in/* signIn */.Jv)(aws, { env: deps.env, getIDToken: deps.getIDToken, setSecret: core/* setSecret */.Pq }),
        // A merge builds nothing: it only needs buildx.
        (0,builder/* checkBuilder */.ub)(deps.docker, build.mergeDigests.length > 0 ? [] : build.platforms)
    ]));
    if (aws.exportCredentials)
        (0,sign_in/* exportCredentials */.rG)(session);
    const destination = await stages.run('repository', () => prepareDestination(settings, session));
    for (const change of destination.changes)
        core/* info */.pq(`Repository ${repository.name}: ${change}`);
    if (destination.lifecycle !== '')
        core/* info */.pq(`Lifecycle policy: ${destination.lifecycle}`);
    for (const warning of destination.warnings)
        core/* warning */.$e(warning);
    const registry = deps.registry(destination.credentials);
    const { existing, latestBefore } = await stages.run('version', () => lookUpVersion(settings, registry, destination.path, deps.retry));
    const decision = (0,existing_version/* decideVersion */.v)(existing, { sha: deps.env.GITHUB_SHA ?? '', version: image.version, repository: repository.name }, image.ifVersionExists);
    const loggedIn = destination.credentials.current;
    await stages.run('login', () => login(deps, loggedIn));
    const pushed = !decision.build && existing !== undefined
        ? await stages.run('reuse', () => reuse(settings, deps, destination, registry, existing, decision))
        : build.mergeDigests.length > 0
            ? await stages.run('merge', () => merge(settings, deps, destination, registry))
            : await stages.run('build+push', () => buildPush(settings, deps, destination, registry));
    await report(settings, stages, destination, registry, pushed, latestBefore);
    await renewForLaterSteps(settings, deps, session, destination, loggedIn);
}
/**
 * What the job's later steps were given still works after a long run: docker is logged in
 * again when the registry's token was renewed since the login (buildx pushed with the
 * first; tags and reads use the registry client, which renews its own), and with
 * `export-credentials` the role's renewed credentials are exported again.
 */
async function renewForLaterSteps(settings, deps, session, destination, loggedIn) {
    const token = await destination.credentials.get();
    if (token.password !== loggedIn.password)
        await login(deps, token);
    if (settings.aws.exportCredentials && (session.credentials?.renewals ?? 0) > 0)
        (0,sign_in/* exportCredentials */.rG)(session);
}
/**
 * The version tag as the registry has it (a per-platform push has none; a read that fails
 * in a passing way is tried again), and — for the summary's "added by this push" — the
 * platform images `latest` named before this run.
 */
async function lookUpVersion(settings, registry, path, retry) {
    const { build, image } = settings;
    const [existing, latestBefore] = await Promise.all([
        build.pushByDigest ? undefined : (0,refusals/* withRegistryRetry */.ox)(registry.registry, `reading the tag '${image.version}'`, retry, () => (0,existing_version/* findExistingVersion */.N)(registry, path, image.version)),
        settings.summary && image.latest ? readTag(registry, path, 'latest').catch(() => undefined) : undefined
    ]);
    return { existing, latestBefore };
}
/** The platform images a tag names now; undefined when it names none. */
async function readTag(registry, path, tag) {
    const top = await registry.manifest(path, tag);
    return top ? readPlatformImages(registry, path, top.digest) : undefined;
}
/** Logs docker in, and tells the post step what to log out of. */
async function login({ docker, env }, credentials) {
    core/* saveState */.LZ(constants/* State */.Uw.LoggedInRegistries, JSON.stringify([credentials.registry]));
    const { configDir } = await dockerLogin(docker, credentials, dockerConfigDir(env));
    if (configDir !== undefined)
        core/* saveState */.LZ(constants/* State */.Uw.LoginConfigDir, configDir);
    core/* info */.pq(`Logged in to ${credentials.registry}`);
}
/** A re-run: nothing is built; the tags that follow the version move back to the existing image. */
async function reuse(settings, deps, destination, registry, existing, decision) {
    const { image } = settings;
    const reason = decision.build ? '' : decision.reason;
    core/* info */.pq(`Not building: ${reason}.`);
    const others = image.tags.filter(t => t !== image.version);
    const moved = await moveTags(registry, { name: destination.path, mutability: destination.mutability }, existing.digest, others, deps.retry);
    return { digest: existing.digest, metadata: {}, built: false, outcome: `skipped: ${reason}${moved.length > 0 ? `; moved ${moved.join(', ')} to it` : ''}` };
}
/** The index made from the digests per-platform runs pushed, under every tag. */
async function merge(settings, deps, destination, registry) {
    const { build, image } = settings;
    await (0,buildx/* mergeIndex */.$)(deps.docker, destination.uri, image.tags, build.mergeDigests);
    const digest = (await registry.manifest(destination.path, image.version))?.digest ?? '';
    return { digest, metadata: {}, built: true, outcome: `merged ${build.mergeDigests.length} platform images into one index` };
}
/**
 * buildx pushes the version (or, by digest, exports the image the action uploads); once it
 * has exited successfully, the other tags are put on the digest its metadata file names.
 */
async function buildPush(settings, deps, destination, registry) {
    const { build, image } = settings;
    const tags = (0,plan/* tagRoutes */.ZS)(build, image);
    const built = await (0,buildx/* buildAndPush */.s)(deps.docker, build, (0,plan/* imageReferences */.Ef)(destination.uri, tags.buildx), (0,plan/* labelsFor */.dS)(deps.env, image.version), {
        tempDir: deps.env.RUNNER_TEMP,
        repositoryUri: destination.uri,
        retry: deps.retry,
        byDigest: { registry, repository: destination.path }
    });
    let metadata = built.metadata;
    if (tags.api.length > 0) {
        await addTags(registry, destination.path, built.digest, tags.api, deps.retry);
        core/* info */.pq(`Tagged ${built.digest} as ${tags.api.join(', ')}`);
        // The metadata names every tag, as when buildx pushes them all.
        if (typeof metadata['image.name'] === 'string')
            metadata = { ...metadata, 'image.name': (0,plan/* imageReferences */.Ef)(destination.uri, image.tags).join(',') };
    }
    return {
        digest: built.digest,
        metadata,
        built: true,
        outcome: build.pushByDigest ? 'built and pushed by digest (untagged), for a merge' : 'built and pushed',
        ...(built.bytesUploaded !== undefined ? { uploaded: built.bytesUploaded } : {})
    };
}


/***/ }),

/***/ 390:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ pushRefused),
/* harmony export */   RZ: () => (/* binding */ immutableTagRefusal),
/* harmony export */   nE: () => (/* binding */ missingRepository),
/* harmony export */   ox: () => (/* binding */ withRegistryRetry)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _aws_iam_policy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4427);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9809);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1017);
/**
 * What a registry's refusals mean, in one line with the fix — the same words whether the
 * refusal reached the action through buildx or through its own registry client.
 */




/** ECR's own words for an overwrite of an immutable tag (the registry's error message). */
const IMMUTABLE = /The image tag '([^']+)' already exists in the '([^']+)' repository/;
/** The explanation for an immutable tag's refusal in `text`; undefined when it says no such thing. */
function immutableTagRefusal(text) {
    const m = IMMUTABLE.exec(text);
    if (!m)
        return undefined;
    const [, tag, repository] = m;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`Tag '${tag}' already exists in '${repository}', which keeps it immutable: bump the version, or, if '${tag}' is meant to move, ` +
        `add it to tag-mutability-exclusions (with tag-mutability: IMMUTABLE_WITH_EXCLUSION).`);
}
function missingRepository(name) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`The registry has no repository '${name}': it was deleted during the run, or the push went to another registry.`);
}
/** A push the registry refused for want of permission; `registry` names where it went (ECR or ECR Public). */
function pushRefused(what, registry) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`The registry refused ${what}: ${(0,_aws_iam_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .pushRefusedHint */ ._)(registry)}`);
}
/**
 * A registry request of the action's own client, tried again while it fails in a way that
 * may pass, and explained when it fails in a way that never will.
 * @param registry the registry's host, for the permissions a refusal needs
 */
async function withRegistryRetry(registry, what, policy, fn) {
    try {
        return await (0,_retry_js__WEBPACK_IMPORTED_MODULE_2__.retry)(what, fn, policy);
    }
    catch (error) {
        throw explainRegistryError(registry, what, error, policy);
    }
}
function explainRegistryError(registry, what, error, policy) {
    const message = error.message;
    if ((0,_retry_js__WEBPACK_IMPORTED_MODULE_2__.isTransient)(error))
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`${what} failed ${policy.attempts} times (${message}); the registry may be having trouble: run the job again.`);
    if (!(error instanceof _client_js__WEBPACK_IMPORTED_MODULE_3__.RegistryError))
        return error;
    if (error.status === 401 || error.status === 403)
        return pushRefused(`${what} (${error.status})`, registry);
    if (error.status === 404 && /NAME_UNKNOWN/.test(message)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`The registry has no such repository for ${what}: it was deleted during the run, or the push went to another registry.`);
    }
    return immutableTagRefusal(message) ?? new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`The registry refused ${what}: ${message}`);
}


/***/ })

};
