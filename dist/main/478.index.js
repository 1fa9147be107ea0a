export const id = 478;
export const ids = [478];
export const modules = {

/***/ 8478:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   buildOnly: () => (/* binding */ buildOnly)
/* harmony export */ });
/* harmony import */ var _build_builder_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8079);
/* harmony import */ var _build_buildx_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(68);
/* harmony import */ var _build_plan_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4713);
/* harmony import */ var _report_outputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5468);
/* harmony import */ var _report_summary_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7994);
/**
 * `push: false` (e.g. pull requests): the image built for every platform, nothing pushed,
 * no AWS and no login; the outputs and the summary say so.
 */





async function buildOnly(settings, { env, docker }) {
    const { build, image, repository } = settings;
    await (0,_build_builder_js__WEBPACK_IMPORTED_MODULE_0__/* .checkBuilder */ .ub)(docker, build.platforms);
    const result = await (0,_build_buildx_js__WEBPACK_IMPORTED_MODULE_1__/* .buildAndPush */ .s)(docker, build, (0,_build_plan_js__WEBPACK_IMPORTED_MODULE_4__/* .imageReferences */ .Ef)(repository.name, image.tags), (0,_build_plan_js__WEBPACK_IMPORTED_MODULE_4__/* .labelsFor */ .dS)(env, image.version), { tempDir: env.RUNNER_TEMP });
    const outputs = (0,_report_outputs_js__WEBPACK_IMPORTED_MODULE_2__/* .imageOutputs */ .am)({ ...(0,_report_outputs_js__WEBPACK_IMPORTED_MODULE_2__/* .outputBase */ .zx)(image, repository.name, ''), digest: '', metadata: result.metadata, skipped: false });
    (0,_report_outputs_js__WEBPACK_IMPORTED_MODULE_2__/* .setOutputs */ .n0)(outputs);
    if (settings.summary)
        await (0,_report_summary_js__WEBPACK_IMPORTED_MODULE_3__/* .writeSummary */ .Sy)({
            repository: repository.name,
            pushed: false,
            outcome: 'built, not pushed (push: false)',
            imageUri: outputs['image-uri'],
            imageDigestUri: '',
            digest: '',
            tags: image.tags,
            platforms: build.platforms,
            repositoryChanges: [],
            lifecycle: 'not checked (push: false)',
            warnings: []
        });
}


/***/ }),

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
// EXTERNAL MODULE: ./src/registry/client.ts + 2 modules
var registry_client = __webpack_require__(2551);
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
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2551);
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
