export const id = 500;
export const ids = [500,809];
export const modules = {

/***/ 68:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  sf: () => (/* binding */ buildAndPush),
  $R: () => (/* binding */ mergeIndex),
  n_: () => (/* binding */ readDockerfile)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/settings/build.ts + 3 modules
var build = __webpack_require__(8893);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/registry/already-tagged.ts
var already_tagged = __webpack_require__(8752);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: ./src/registry/client.ts + 1 modules
var registry_client = __webpack_require__(9405);
// EXTERNAL MODULE: ./src/registry/refusals.ts
var refusals = __webpack_require__(390);
;// CONCATENATED MODULE: ./src/registry/layout-push.ts
/**
 * `push-by-digest`: buildx exports the platform image as an OCI layout (`--output
 * type=oci,tar=false`, which every builder driver does, the docker driver included), and
 * this module pushes the layout to the repository by digest over the registry API: the
 * blobs the repository doesn't have yet, then each image manifest, then the index if the
 * layout holds one — untagged, for a later `merge-digests`. Transient failures (5xx, 429,
 * reset connections) are retried.
 *
 * What a large image costs is kept to what the repository lacks (docs/benchmarks.md):
 * before the build, `prefillLayout` puts an empty file in the layout under each blob the
 * repository already has and the build is likely to make again (the layers of the registry
 * cache it imports), and buildx's layout writer skips a blob whose file exists — so those
 * are never written to disk; the push asks the registry about each blob before reading it,
 * and reads a blob it uploads once, hashing it on the way (checked before the upload is
 * closed: a corrupt layout is never stored).
 */








/** uploads at once: dockerd's default (max-concurrent-uploads) */
const PARALLEL_UPLOADS = 5;
function blobPath(layout, digest) {
    const [algorithm, hex] = digest.split(':');
    if (algorithm !== 'sha256' || !/^[0-9a-f]{64}$/.test(hex ?? ''))
        throw new errors/* ActionError */.lZ(`The OCI layout names a blob '${digest}' that is not a sha256 digest.`);
    return external_node_path_default().join(layout, 'blobs', algorithm, hex ?? '');
}
/** A manifest's bytes from the layout, checked against its descriptor: a corrupt layout is never pushed. */
async function verifiedManifest(layout, d) {
    const body = await (0,promises_.readFile)(blobPath(layout, d.digest)).catch(() => undefined);
    if (body === undefined)
        throw new errors/* ActionError */.lZ(`The OCI layout lacks manifest ${d.digest}: the build's export is incomplete; run the job again.`);
    if (`sha256:${(0,external_node_crypto_.createHash)('sha256').update(body).digest('hex')}` !== d.digest)
        throw new errors/* ActionError */.lZ(`Blob ${d.digest} in the OCI layout does not match its digest: run the job again.`);
    return body;
}
/** The size of a blob the repository lacks, as the layout holds it; an empty placeholder (prefillLayout) is explained. */
async function blobSize(layout, d, prefilled) {
    const size = (await (0,promises_.stat)(blobPath(layout, d.digest)).catch(() => undefined))?.size;
    if (prefilled.has(d.digest) && size === 0 && d.size !== 0) {
        throw new errors/* ActionError */.lZ(`The repository no longer has blob ${d.digest}, which its registry cache named when the build started, so the build didn't export it: run the job again.`);
    }
    if (size === undefined)
        throw new errors/* ActionError */.lZ(`The OCI layout lacks blob ${d.digest}: the build's export is incomplete; run the job again.`);
    if (d.size !== undefined && size !== d.size)
        throw new errors/* ActionError */.lZ(`Blob ${d.digest} in the OCI layout is ${size} bytes, its descriptor says ${d.size}: run the job again.`);
    return size;
}
/** A blob read once: its bytes for the upload, hashed on the way; `check` throws unless they had its digest. */
function hashedRead(file, digest) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    async function* read() {
        for await (const chunk of (0,external_node_fs_.createReadStream)(file)) {
            hash.update(chunk);
            yield chunk;
        }
    }
    const check = () => {
        if (`sha256:${hash.digest('hex')}` !== digest)
            throw new errors/* ActionError */.lZ(`Blob ${digest} in the OCI layout does not match its digest: run the job again.`);
    };
    return { body: external_node_stream_.Readable.from(read()), check };
}
/** Pushes the blobs a manifest needs that the repository lacks, a few at a time; a blob it has is never read. */
async function pushBlobs(client, repository, layout, blobs, retry, tally, prefilled) {
    const queue = [...new Map(blobs.map(b => [b.digest, b])).values()];
    let failed = false;
    const worker = async () => {
        for (let d = queue.shift(); d !== undefined && !failed; d = queue.shift()) {
            const blob = d;
            const file = blobPath(layout, blob.digest);
            const size = await (0,refusals/* withRegistryRetry */.ox)(client.registry, `the upload of ${blob.digest.slice(0, 19)}…`, retry, async () => {
                if (await client.blobExists(repository, blob.digest))
                    return undefined;
                const bytes = await blobSize(layout, blob, prefilled);
                const { body, check } = hashedRead(file, blob.digest);
                await client.uploadBlob(repository, blob.digest, bytes, body, check);
                return bytes;
            });
            if (size !== undefined) {
                tally.uploaded++;
                tally.bytesUploaded += size;
            }
            else {
                tally.skipped++;
                if (prefilled.has(blob.digest))
                    tally.leftOut++;
            }
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
async function pushManifest(client, repository, layout, d, retry, tally, prefilled) {
    const body = await verifiedManifest(layout, d);
    const manifest = JSON.parse(body.toString('utf8'));
    if (registry_client.INDEX_MEDIA_TYPES.includes(d.mediaType) || manifest.manifests !== undefined) {
        for (const child of manifest.manifests ?? [])
            await pushManifest(client, repository, layout, child, retry, tally, prefilled);
    }
    else {
        await pushBlobs(client, repository, layout, [...(manifest.config ? [manifest.config] : []), ...(manifest.layers ?? [])], retry, tally, prefilled);
    }
    const digest = await (0,refusals/* withRegistryRetry */.ox)(client.registry, `the manifest ${d.digest.slice(0, 19)}…`, retry, () => client.putManifest(repository, d.digest, d.mediaType, body));
    if (digest !== '' && digest !== d.digest)
        throw new errors/* ActionError */.lZ(`The registry stored manifest ${d.digest} as ${digest}: it changed the manifest; push again.`);
}
/** Pushes what an OCI layout's index.json names to `repository`, by digest, untagged; `prefilled`: what prefillLayout put there. */
async function pushLayout(client, repository, layout, retry, prefilled = new Set()) {
    const index = JSON.parse(await (0,promises_.readFile)(external_node_path_default().join(layout, 'index.json'), 'utf8'));
    const top = index.manifests ?? [];
    if (top.length !== 1 || top[0] === undefined) {
        throw new errors/* ActionError */.lZ(`buildx exported ${top.length} images to the OCI layout; push-by-digest expects one (an image, or an index of platforms).`);
    }
    const root = top[0];
    const tally = { digest: root.digest, mediaType: root.mediaType, uploaded: 0, skipped: 0, bytesUploaded: 0, leftOut: 0 };
    if (root.platform)
        tally.platform = root.platform;
    await pushManifest(client, repository, layout, root, retry, tally, prefilled);
    return tally;
}
/**
 * Before the build: an empty file in the layout for each layer of the manifests under
 * `tags` (the registry caches the build imports), which the repository has, so buildx's
 * layout writer — which skips a blob whose file exists — doesn't write them again. Returns
 * their digests. A cache that can't be read leaves the layout empty: the build then writes
 * every blob, which costs time, not correctness (the push asks the registry about each).
 */
async function prefillLayout(client, repository, layout, tags, log) {
    const digests = new Set();
    for (const tag of tags) {
        const manifest = await client
            .manifest(repository, tag)
            .catch((error) => void log(`The registry cache ${tag} could not be read (${error.message}): the layout gets every blob.`));
        for (const layer of manifest?.layers ?? [])
            if (layer.size !== 0)
                digests.add(layer.digest);
    }
    await (0,promises_.mkdir)(external_node_path_default().join(layout, 'blobs', 'sha256'), { recursive: true });
    await Promise.all([...digests].map(d => (0,promises_.writeFile)(blobPath(layout, d), '')));
    return digests;
}

// EXTERNAL MODULE: ./src/retry.ts
var retry = __webpack_require__(9809);
// EXTERNAL MODULE: ./src/temp-dirs.ts
var temp_dirs = __webpack_require__(1022);
// EXTERNAL MODULE: ./src/docker.ts
var docker = __webpack_require__(3871);
// EXTERNAL MODULE: ./src/build/builder.ts
var builder = __webpack_require__(8079);
;// CONCATENATED MODULE: ./src/build/failure.ts
/**
 * What a failed `docker buildx build` or `imagetools create` means, decided from what
 * buildx itself states — its build record, or its own `ERROR:` line — never from the lines
 * a build step printed (a test or a package manager prints "503", "connection reset" or
 * "failed to push" too, and `#9 12.503` is a timestamp).
 *
 * A build is tried again only when buildx says its push to this repository failed
 * (`failed to push <repository>:<tag>: …`) and the registry did not refuse it for good;
 * a failed step (`process "…" did not complete successfully: exit code: N`), a missing
 * file, a Dockerfile error or anything else fails the run at once with buildx's words.
 */





/** How many of a failed step's last lines the failure shows. */
const STEP_LINES = 5;
/** A step's name (its Dockerfile instruction) is cut to this many characters in the failure. */
const STEP_NAME_LENGTH = 120;
/**
 * buildx's own last error line, without the `ERROR: failed to build: failed to solve: `
 * it puts before the error. In `--progress plain` output every line a step prints starts
 * with `#<step> <seconds>` (and in the failed step's excerpt, with `<seconds>`); the
 * error buildx ends with does not. Undefined when there is none (docker itself failed).
 */
function buildxErrorLine(output) {
    const line = output
        .split('\n')
        .map(l => l.replace(/\r$/, ''))
        .findLast(l => l.startsWith('ERROR: '));
    return line?.slice('ERROR: '.length).replace(/^(failed to build: )?(failed to solve: )?/, '');
}
/** The failure from buildx's output alone: its error line, else docker's last line. */
function failureFromOutput(result) {
    return { message: buildxErrorLine(result.stderr) ?? (0,docker/* lastLine */.fM)(result), logs: [] };
}
/**
 * What a failed build means.
 * @param repositoryUri the repository buildx pushed to; undefined when it pushed nowhere
 */
function explainBuildFailure(failure, repositoryUri) {
    const { message, step } = failure;
    if (step !== undefined)
        return stepFailure(failure, step);
    if (repositoryUri !== undefined && isPushTo(message, repositoryUri))
        return namedRefusal(message, repositoryUri) ?? new retry.TransientError(message);
    return (0,builder/* toolFailure */.Lu)({ exitCode: 1, stdout: '', stderr: message }) ?? new errors/* ActionError */.lZ(`docker buildx build failed: ${message}`);
}
/**
 * The refusal of buildx's push, explained. An immutable tag stays an ImmutableTagError (which
 * the action may find already naming this run's build) only when buildx's own words
 * (`failed to push <repository>:<tag>: …`) name the tag the registry refused.
 */
function namedRefusal(message, repositoryUri) {
    const refusal = (0,refusals/* registryRefusal */.AE)(message, repositoryUri);
    if (!(refusal instanceof refusals/* ImmutableTagError */.zF) || message.startsWith(`failed to push ${repositoryUri}:${refusal.tag}:`))
        return refusal;
    return new errors/* ActionError */.lZ(refusal.message);
}
/** buildx's `failed to push <repository>:<tag>: …` (or `@<digest>`) for this repository. */
function isPushTo(message, repositoryUri) {
    return message.startsWith(`failed to push ${repositoryUri}:`) || message.startsWith(`failed to push ${repositoryUri}@`);
}
function stepFailure({ message, logs }, step) {
    const name = step.length > STEP_NAME_LENGTH ? `${step.slice(0, STEP_NAME_LENGTH - 1)}…` : step;
    const last = logs.slice(-STEP_LINES);
    const tail = last.length > 0 ? `\nIts last lines:\n${last.map(l => `  ${l}`).join('\n')}` : '';
    return new errors/* ActionError */.lZ(`The build failed at ${name}: ${message}${tail}`);
}
/** A registry error that may pass when tried again: a 5xx or 429 answer, a connection cut or timed out. */
const PASSING = /unexpected status[^\n]*\b(5\d\d|429)\b|\b(5\d\d|429) (Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout|Too Many Requests)\b|connection reset|broken pipe|i\/o timeout|TLS handshake timeout|unexpected EOF/i;
/**
 * A failed `buildx imagetools create` (a merge): it runs no build step, so its error is
 * buildx's own words about the registry — a refusal explained, a passing fault retried.
 * @param repositoryUri the repository merged into, for the permissions a refusal needs
 */
function explainMergeFailure(result, repositoryUri) {
    const message = buildxErrorLine(result.stderr) ?? (0,docker/* lastLine */.fM)(result);
    const tool = (0,builder/* toolFailure */.Lu)(result);
    if (tool)
        return tool;
    const refusal = (0,refusals/* registryRefusal */.AE)(message, repositoryUri);
    if (refusal)
        return refusal;
    return PASSING.test(message) ? new retry.TransientError(message) : new errors/* ActionError */.lZ(`docker buildx imagetools create failed: ${message}`);
}

// EXTERNAL MODULE: ./src/build/plan.ts + 1 modules
var plan = __webpack_require__(1963);
// EXTERNAL MODULE: ./src/build/record.ts
var record = __webpack_require__(991);
;// CONCATENATED MODULE: ./src/build/buildx.ts
/**
 * The build's effects: runs the one `docker buildx build` (again only while buildx says its
 * push to this repository failed in a way that may pass), reads its result from the
 * metadata file buildx writes and, when it failed, its reason from the build's record
 * (never from its log: failure.ts, record.ts), and for `push-by-digest` uploads the OCI
 * layout it exported (layout-push.ts). A merge makes the index with `buildx imagetools create`.
 */













/** Builds (and pushes) the image; its digest and metadata come from buildx's metadata file. */
async function buildAndPush(docker, build, references, labels, options = {}) {
    const tries = options.retry ?? { policy: retry.defaultRetry };
    const { policy } = tries;
    const dir = await (0,temp_dirs/* makeTempDir */.m)(options.tempDir ?? external_node_os_default().tmpdir());
    const metadataFile = external_node_path_default().join(dir, 'metadata.json');
    // Only a push to the repository can fail in a way another try may mend; an export to a
    // local layout (by digest) or no push at all cannot.
    const pushedTo = build.push && !build.pushByDigest ? options.repositoryUri : undefined;
    try {
        const args = (0,plan/* buildxArgs */.w$)(build, references, labels, metadataFile, options.repositoryUri, options.builder, (0,plan/* cacheMode */.Mq)(await readDockerfile(build)), options.driver);
        // Build-argument and secret values go in buildx's environment, never its argv or the log;
        // so do the runner's cache variables, for a gha cache only.
        const env = (0,plan/* buildxEnv */.aW)(build);
        const inherit = (0,plan/* buildxInherit */.gT)(build);
        // By digest on the docker driver: the action pushes the layout buildx exports.
        const layoutPush = build.pushByDigest && build.push && !(0,plan/* ownPushByDigest */.CH)(options.driver ?? 'docker');
        if (layoutPush && options.byDigest === undefined)
            throw new errors/* ActionError */.lZ('push-by-digest has no registry to push to.');
        const byDigest = layoutPush ? options.byDigest : undefined;
        const runBuild = (argv) => (0,retry.retry)('The push', async () => {
            const before = options.buildxConfigDir !== undefined ? await (0,record/* listBuildRefs */.r3)(options.buildxConfigDir) : undefined;
            const result = await docker(argv, { stream: true, ...(Object.keys(env).length > 0 ? { env } : {}), ...(inherit.length > 0 ? { inherit } : {}) });
            if (result.exitCode === 0)
                return;
            const failure = (await recordedFailure(docker, options, before, build.context)) ?? failureFromOutput(result);
            throw explainBuildFailure(failure, pushedTo);
        }, tries);
        // By digest with a registry cache: the layers the repository has from the cache aren't
        // written to the layout. With no cache yet (a first push), the cache goes first, alone,
        // sending every layer to the repository; the layout then leaves them all out.
        let prefilled = new Set();
        let buildArgs = args;
        if (byDigest !== undefined && build.cache.type === 'ecr' && build.options?.cacheTo === undefined) {
            const prefill = (tags) => prefillLayout(byDigest.registry, byDigest.repository, (0,plan/* layoutDir */.ST)(metadataFile), [...new Set(tags)], m => policy.log(m));
            prefilled = await prefill([build.cache.tag, ...build.cache.from]);
            if (prefilled.size === 0) {
                policy.log(`No registry cache yet: the build sends its layers to the repository with the cache (${build.cache.tag}) first.`);
                await runBuild((0,plan/* cacheOnlyArgs */.Sx)(args));
                prefilled = await prefill([build.cache.tag]);
                // The same solve's cache was just exported: the layout build doesn't export it again.
                buildArgs = (0,plan/* withoutCacheExport */.H1)(args);
            }
        }
        const found = await runBuild(buildArgs).then(() => undefined, alreadyThere(pushedTo === undefined ? [] : references.map(r => r.slice(pushedTo.length + 1)), options.alreadyPushed, policy, 'The push'));
        if (found !== undefined)
            return { digest: found.digest, metadata: {}, found: found.tag };
        const metadata = await readMetadata(metadataFile);
        const built = typeof metadata['containerimage.digest'] === 'string' ? metadata['containerimage.digest'] : '';
        if (byDigest !== undefined) {
            const pushed = await pushLayout(byDigest.registry, byDigest.repository, (0,plan/* layoutDir */.ST)(metadataFile), tries, prefilled);
            if (built !== '' && built !== pushed.digest)
                throw new errors/* ActionError */.lZ(`buildx built ${built} but exported ${pushed.digest}: run the job again.`);
            policy.log(`Pushed ${pushed.digest} by digest: ${pushed.uploaded} blobs uploaded (${pushed.bytesUploaded} bytes), ${pushed.skipped} already in the repository (${pushed.leftOut} of them never written to the layout: the registry cache had them).`);
            return { digest: pushed.digest, metadata, bytesUploaded: pushed.bytesUploaded };
        }
        if (build.push && !/^sha256:[0-9a-f]{64}$/.test(built))
            throw new errors/* ActionError */.lZ('buildx pushed the image but reported no digest in its metadata file.');
        return { digest: built, metadata };
    }
    finally {
        // The layout of a push-by-digest build holds every layer: never left on the runner.
        await (0,temp_dirs/* removeTempDir */.C)(dir);
    }
}
/** The failure the build's record states, when buildx noted the build (record.ts). */
async function recordedFailure(docker, { buildxConfigDir: configDir, builder }, before, context) {
    if (configDir === undefined || before === undefined)
        return undefined;
    const ref = await (0,record/* findBuildRef */.Xy)(configDir, before, context);
    return ref === undefined ? undefined : (0,record/* readBuildFailure */.ns)(docker, ref, builder);
}
/** The build's Dockerfile, for its cache mode; undefined when it isn't a local file of a sane size. */
async function readDockerfile(build) {
    if (build.cache.type === 'none' || /^[a-z]+:\/\/|^git@|^-$/i.test(build.context))
        return undefined;
    const file = build.file !== '' ? build.file : external_node_path_default().join(build.context, 'Dockerfile');
    const size = (await (0,promises_.stat)(file).catch(() => undefined))?.size;
    return size !== undefined && size < 1 << 20 ? (0,promises_.readFile)(file, 'utf8').catch(() => undefined) : undefined;
}
async function readMetadata(file) {
    try {
        return JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
    }
    catch (error) {
        throw new errors/* ActionError */.lZ(`buildx wrote no readable metadata file (${error.message}).`, { cause: error });
    }
}
/** A try of the merge that got no answer in time (the command was stopped). */
class MergeStalled extends Error {
    constructor(seconds) {
        super(`The merge got no answer from the registry in ${seconds} s: docker buildx imagetools create was stopped`);
    }
}
/**
 * Pushes under every tag the index made from the images native runners each pushed by
 * digest (a merge): `buildx imagetools create`, which ECR takes (`docker manifest create`
 * does not). Each try is bounded by `timeoutSeconds`. A try that got no answer in that
 * time is tried once more (a stalled connection is no proof the registry is broken), and
 * a second stall fails the run; a failure that may pass is tried again by `retry`.
 */
async function mergeIndex(docker, repositoryUri, tags, digests, options = {}, alreadyMerged) {
    const tries = options.retry ?? { policy: retry.defaultRetry };
    const { policy } = tries;
    const seconds = options.timeoutSeconds ?? build/* DEFAULT_MERGE_TIMEOUT_SECONDS */.dz;
    const refs = [];
    for (const tag of tags)
        refs.push('--tag', `${repositoryUri}:${tag}`);
    for (const annotation of options.annotations ?? [])
        refs.push('--annotation', annotation);
    for (const digest of digests)
        refs.push(`${repositoryUri}@${digest}`);
    const args = (0,plan/* buildxCommand */.I0)(options.builder ?? {}, ['imagetools', 'create'], refs);
    const merge = () => (0,retry.retry)('The merge', async () => {
        const result = await docker(args, { stream: true, timeoutMs: seconds * 1000 });
        if (result.timedOut === true)
            throw new MergeStalled(seconds);
        if (result.exitCode !== 0)
            throw explainMergeFailure(result, repositoryUri);
        return undefined;
    }, tries).catch(alreadyThere(tags, alreadyMerged, policy, 'The merge'));
    try {
        return await merge();
    }
    catch (error) {
        if (!(error instanceof MergeStalled))
            throw error;
        policy.log(`${error.message}; a stalled connection is no proof the registry is broken: trying the merge once more.`);
        return merge().catch((again) => {
            if (!(again instanceof MergeStalled))
                throw again;
            throw new errors/* ActionError */.lZ(`${again.message}, twice: the registry may be having trouble: run the job again (merge-timeout sets how long a merge may take).`);
        });
    }
}
/**
 * A failure that ends the push, unless the registry refused one of `tags` as immutable and
 * `check` finds it already naming what this run pushed: then that tag and digest.
 */
function alreadyThere(tags, check, policy, what) {
    return async (error) => {
        if (error instanceof refusals/* ImmutableTagError */.zF && check !== undefined && tags.includes(error.tag)) {
            const digest = await check(error.tag);
            if (digest !== undefined) {
                policy.log((0,already_tagged/* foundTag */.jb)(error.tag, digest));
                return { tag: error.tag, digest };
            }
        }
        return givenUp(what, policy)(error);
    };
}
/** A transient failure that outlasted every try, in words; any other error as it is. */
function givenUp(what, policy) {
    return error => {
        if (!(error instanceof retry.TransientError))
            throw error;
        throw new errors/* ActionError */.lZ(`${what} failed ${policy.attempts} times (${error.message}); the registry may be having trouble: run the job again.`, { cause: error });
    };
}


/***/ }),

/***/ 991:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Xy: () => (/* binding */ findBuildRef),
/* harmony export */   iL: () => (/* binding */ buildxConfigDir),
/* harmony export */   ns: () => (/* binding */ readBuildFailure),
/* harmony export */   r3: () => (/* binding */ listBuildRefs)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _registry_docker_config_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(240);
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1963);
/**
 * A build's record, as BuildKit keeps it: how the action learns why a build failed.
 *
 * `docker buildx history inspect <ref> --format json` gives a build's status and, when it
 * failed, its error as data: the step that failed (`Name`), buildx's message for it
 * (`Message`: `process "…" did not complete successfully: exit code: N`) and the step's
 * last lines of output (`Logs`). Nothing in it is read from the build's log.
 *
 * buildx names the record in its metadata file (`buildx.build.ref`) only when the build
 * succeeded. A failed build's record is found where buildx notes each build it starts:
 * `<buildx config>/refs/<builder>/<node>/<ref>`, a small JSON file naming the context
 * folder (what docker/build-push-action reads for its summary). The action lists that
 * folder before the build; the one new file naming this context is this build's.
 */




/** A history inspect answers at once; one that doesn't is not waited for. */
const INSPECT_TIMEOUT_MS = 30_000;
/** Where buildx keeps its state: $BUILDX_CONFIG, else `buildx` in docker's config folder. */
function buildxConfigDir(env) {
    return env.BUILDX_CONFIG || node_path__WEBPACK_IMPORTED_MODULE_1___default().join((0,_registry_docker_config_js__WEBPACK_IMPORTED_MODULE_2__/* .dockerConfigDir */ .kG)(env), 'buildx');
}
/** Every build buildx has noted, as `<builder>/<node>/<ref>`; empty when there is no such folder yet. */
async function listBuildRefs(configDir) {
    const refs = new Set();
    const root = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(configDir, 'refs');
    for (const builder of await entries(root)) {
        for (const node of await entries(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(root, builder))) {
            for (const ref of await entries(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(root, builder, node)))
                refs.add(`${builder}/${node}/${ref}`);
        }
    }
    return refs;
}
const entries = (dir) => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(dir).catch(() => []);
/**
 * The ref of the build buildx started on `context` since `before` was listed; undefined
 * when it noted none (it stopped before starting the build) or more than one (another
 * build of the same folder ran beside it: then no record is taken for this one's).
 */
async function findBuildRef(configDir, before, context) {
    const found = [];
    for (const entry of await listBuildRefs(configDir)) {
        if (before.has(entry))
            continue;
        const state = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(configDir, 'refs', entry), 'utf8')
            .then(text => JSON.parse(text))
            .catch(() => undefined);
        if (state?.LocalPath === context)
            found.push(entry.split('/').at(-1) ?? '');
    }
    return found.length === 1 ? found[0] : undefined;
}
/** The failure a build's record states; undefined when there is no record, or it states none. */
async function readBuildFailure(docker, ref, use = {}) {
    // On the builder (and docker context) the build ran on.
    const result = await docker((0,_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .buildxCommand */ .I0)(use, ['history', 'inspect'], [ref, '--format', 'json']), { timeoutMs: INSPECT_TIMEOUT_MS });
    if (result.exitCode !== 0)
        return undefined;
    let record;
    try {
        record = JSON.parse(result.stdout);
    }
    catch {
        return undefined;
    }
    const error = record.Error;
    if (typeof error?.Message !== 'string' || error.Message === '')
        return undefined;
    return {
        message: error.Message,
        ...(typeof error.Name === 'string' && error.Name !== '' ? { step: error.Name } : {}),
        logs: Array.isArray(error.Logs) ? error.Logs.filter((l) => typeof l === 'string') : []
    };
}


/***/ }),

/***/ 8752:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Db: () => (/* binding */ tagHoldsMerge),
/* harmony export */   bj: () => (/* binding */ buildIdentity),
/* harmony export */   fr: () => (/* binding */ tagHoldsBuild),
/* harmony export */   jb: () => (/* binding */ foundTag),
/* harmony export */   zW: () => (/* binding */ readTag)
/* harmony export */ });
/* unused harmony exports isThisBuild, namesExactly */
/* harmony import */ var _image_config_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3689);
/* harmony import */ var _refusals_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(390);


function keyValues(pairs) {
    const out = {};
    for (const pair of pairs) {
        const at = pair.indexOf('=');
        if (at > 0)
            out[pair.slice(0, at)] = pair.slice(at + 1);
    }
    return out;
}
/**
 * Pure: the labels this run's build gives its images (the workflow's own win, as on
 * buildx's command line); undefined when the workflow replaces the action's created time,
 * the one label that tells this run's images from another run's.
 */
function buildIdentity(actionLabels, workflowLabels, platforms) {
    const own = keyValues(actionLabels);
    const labels = { ...own, ...keyValues(workflowLabels) };
    const mark = own[_image_config_js__WEBPACK_IMPORTED_MODULE_0__/* .LABEL */ .d_.created];
    return mark !== undefined && labels[_image_config_js__WEBPACK_IMPORTED_MODULE_0__/* .LABEL */ .d_.created] === mark ? { labels, platforms } : undefined;
}
/** arm64's only variant is v8 (and amd64's v1): registries and buildx write it or not. */
const platformKey = (p) => p.replace(/^([^/]+)\/(arm64\/v8|amd64\/v1)$/, (_, os, arch) => `${os}/${arch.split('/')[0]}`);
/** Pure: the same values, each as often, in any order. */
function sameItems(a, b) {
    const x = [...a].sort();
    const y = [...b].sort();
    return x.length === y.length && x.every((v, i) => v === y[i]);
}
/** Pure: the platform images under a tag are this run's build — each carries all its labels, and they are exactly its platforms. */
function isThisBuild(configs, build) {
    if (!sameItems(configs.map(c => platformKey(c.platform)), build.platforms.map(platformKey)))
        return false;
    return configs.every(c => Object.entries(build.labels).every(([k, v]) => c.labels[k] === v));
}
/** Pure: an index names exactly these manifests, in any order. */
function namesExactly(children, expected) {
    return sameItems(children, expected);
}
/** What a tag names now, read with the retries of any registry read; undefined when there is no such tag. */
function readTag(registry, repository, tag, retry) {
    return (0,_refusals_js__WEBPACK_IMPORTED_MODULE_1__/* .withRegistryRetry */ .ox)(registry.registry, `reading the tag '${tag}'`, retry, () => registry.manifest(repository, tag));
}
/** The digest `tag` names when it is this run's build; undefined when it names something else (or nothing). */
async function tagHoldsBuild(registry, repository, tag, build, retry) {
    if (build === undefined)
        return undefined;
    const top = await readTag(registry, repository, tag, retry);
    if (top === undefined)
        return undefined;
    const configs = await (0,_refusals_js__WEBPACK_IMPORTED_MODULE_1__/* .withRegistryRetry */ .ox)(registry.registry, `reading the images '${tag}' names`, retry, () => (0,_image_config_js__WEBPACK_IMPORTED_MODULE_0__/* .imageConfigs */ .bL)(registry, repository, top));
    return configs !== undefined && isThisBuild(configs, build) ? top.digest : undefined;
}
/**
 * The digest `tag` names when it is the index made from exactly these digests: an image
 * digest stands for itself, an index's for its children (`imagetools create` merges them).
 */
async function tagHoldsMerge(registry, repository, tag, digests, retry) {
    const top = await readTag(registry, repository, tag, retry);
    if (top?.manifests === undefined)
        return undefined;
    const expected = await (0,_refusals_js__WEBPACK_IMPORTED_MODULE_1__/* .withRegistryRetry */ .ox)(registry.registry, 'reading the merged images', retry, async () => {
        const given = await Promise.all(digests.map(d => registry.manifest(repository, d)));
        return given.flatMap((m, i) => (m?.manifests !== undefined ? m.manifests.map(c => c.digest) : [digests[i] ?? '']));
    });
    return namesExactly(top.manifests.map(m => m.digest), expected)
        ? top.digest
        : undefined;
}
/** The log line for a tag the registry would not write again because it already names what this run wrote. */
function foundTag(tag, digest) {
    return `Found tag '${tag}' already naming this run's image (${digest}): the registry refused to write the immutable tag again, so an earlier try was stored though its answer was lost.`;
}


/***/ }),

/***/ 240:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  kG: () => (/* binding */ dockerConfigDir),
  B1: () => (/* binding */ editDockerConfig),
  fR: () => (/* binding */ replaceFile)
});

// UNUSED EXPORTS: fileStoreConfig, readDockerConfig, writeDockerConfig

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
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
        await (0,external_node_timers_promises_.setTimeout)(pause + Math.floor(Math.random() * pause));
    }
}
/** True when this call created the lock file; false when it exists. */
async function create(lock, token) {
    let handle;
    try {
        handle = await (0,promises_.open)(lock, 'wx', 0o600);
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
        await (0,promises_.rm)(lock, { force: true });
        throw error;
    }
    await handle.close();
    return true;
}
/** The lock file as it is now; undefined when it is gone. */
async function inspect(lock) {
    try {
        const [info, text] = await Promise.all([(0,promises_.stat)(lock), (0,promises_.readFile)(lock, 'utf8')]);
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
        await (0,promises_.rename)(lock, aside);
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return;
        throw error;
    }
    const moved = await inspect(aside);
    if (moved !== undefined && moved.identity !== seen.identity)
        await (0,promises_.link)(aside, lock).catch(() => undefined);
    await (0,promises_.rm)(aside, { force: true });
}
/** Removes the lock if it is still this holder's (a stale-lock take-over may have replaced it). */
async function release(lock, token) {
    const text = await (0,promises_.readFile)(lock, 'utf8').catch(() => '');
    if (parseHolder(text)?.token === token)
        await (0,promises_.rm)(lock, { force: true });
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
    await replaceFile(await configFile(configDir), `${JSON.stringify(config, null, '\t')}\n`);
}
/** Replaces a file atomically (a file beside it, then a rename), readable by its owner only. */
async function replaceFile(file, text) {
    const temporary = external_node_path_default().join(external_node_path_default().dirname(file), `.${external_node_path_default().basename(file)}.${process.pid}.tmp`);
    try {
        await (0,promises_.writeFile)(temporary, text, { mode: 0o600 });
        await (0,promises_.rename)(temporary, file);
    }
    catch (error) {
        await (0,promises_.rm)(temporary, { force: true });
        throw new Error(`could not write ${file}: ${error.message}`, { cause: error });
    }
}
/** config.json's real path: a symlink's target (the file written, and the lock beside it). */
const configFile = (configDir) => (0,promises_.realpath)(external_node_path_default().join(configDir, 'config.json')).catch(() => external_node_path_default().join(configDir, 'config.json'));
/**
 * Reads config.json, lets `edit` change it and writes it back if it changed, all under
 * config.json's lock; `edit` is also given config.json's real path (files kept beside it
 * are changed under the same lock). Undefined (and `edit` not run) when docker keeps this
 * registry's credentials elsewhere or can't read the file (see fileStoreConfig).
 */
async function editDockerConfig(configDir, registry, edit, lock) {
    await (0,promises_.mkdir)(configDir, { recursive: true, mode: 0o700 });
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


/***/ }),

/***/ 3689:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Xg: () => (/* binding */ isPlatformImage),
/* harmony export */   bL: () => (/* binding */ imageConfigs),
/* harmony export */   d_: () => (/* binding */ LABEL),
/* harmony export */   mo: () => (/* binding */ firstImageConfig)
/* harmony export */ });
/* unused harmony export parseConfig */
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9405);
/**
 * What an image's config says about it — its labels, its own `created` time, its platform —
 * read from the registry: for the first platform image a tag names (re-runs, `latest`'s
 * rule) or for every one (whether a tag names this run's build).
 */

const LABEL = {
    version: 'org.opencontainers.image.version',
    created: 'org.opencontainers.image.created',
    revision: 'org.opencontainers.image.revision'
};
/** An index entry that is a platform image: not an attestation manifest (which buildx lists as unknown/unknown). */
function isPlatformImage(d) {
    return _client_js__WEBPACK_IMPORTED_MODULE_0__.MANIFEST_MEDIA_TYPES.includes(d.mediaType) && d.platform?.os !== 'unknown' && d.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest';
}
/** Pure: an image config blob as the facts the action reads from it. */
function parseConfig(blob) {
    const c = (typeof blob === 'object' && blob !== null ? blob : {});
    const labels = {};
    const given = c.config?.Labels;
    if (typeof given === 'object' && given !== null)
        for (const [k, v] of Object.entries(given))
            if (typeof v === 'string')
                labels[k] = v;
    const text = (v) => (typeof v === 'string' ? v : '');
    const platform = text(c.os) !== '' && text(c.architecture) !== '' ? [c.os, c.architecture, ...(text(c.variant) !== '' ? [c.variant] : [])].join('/') : '';
    return { labels, created: text(c.created), platform };
}
/** The image manifests a manifest stands for (an index's platform images, or the image itself); undefined when the registry lacks one. */
async function platformImages(registry, repository, manifest, first) {
    if (manifest.manifests === undefined)
        return [manifest];
    const children = manifest.manifests.filter(isPlatformImage);
    const read = await Promise.all((first ? children.slice(0, 1) : children).map(c => registry.manifest(repository, c.digest)));
    return read.every(m => m !== undefined) ? read : undefined;
}
async function readConfig(registry, repository, image) {
    return image.config ? parseConfig(await registry.jsonBlob(repository, image.config.digest)) : undefined;
}
/** The config of the first platform image a manifest stands for; undefined when it names none the registry has. */
async function firstImageConfig(registry, repository, manifest) {
    const [image] = (await platformImages(registry, repository, manifest, true)) ?? [];
    return image ? readConfig(registry, repository, image) : undefined;
}
/** The configs of every platform image a manifest stands for; undefined when one of them can't be found. */
async function imageConfigs(registry, repository, manifest) {
    const images = await platformImages(registry, repository, manifest, false);
    if (images === undefined || images.length === 0)
        return undefined;
    const configs = await Promise.all(images.map(image => readConfig(registry, repository, image)));
    return configs.every(c => c !== undefined) ? configs : undefined;
}


/***/ }),

/***/ 8765:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ pushRefusedHint),
/* harmony export */   s: () => (/* binding */ pushActions)
/* harmony export */ });
/* harmony import */ var _settings_registry_host_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5777);
/**
 * The IAM actions a push needs on the repository, and the end of a refused push's error
 * that names them (the registry client's refusals and the least-privilege policy share them).
 */

/** What a push needs on the repository, as `ecr:` or `ecr-public:` actions. */
function pushActions(service) {
    return ['BatchCheckLayerAvailability', 'InitiateLayerUpload', 'UploadLayerPart', 'CompleteLayerUpload', 'PutImage'].map(a => `${service}:${a}`);
}
/**
 * The end of a refused push's error: the actions the role needs, as ECR Public names them
 * when `registry` (a host, or an image reference) is public.ecr.aws.
 */
function pushRefusedHint(registry) {
    const actions = pushActions((0,_settings_registry_host_js__WEBPACK_IMPORTED_MODULE_0__/* .parseRegistryHost */ .TZ)(registry)?.kind === 'public' ? 'ecr-public' : 'ecr');
    return `the role needs ${actions.slice(0, -1).join(', ')} and ${actions.at(-1) ?? ''} on the repository.`;
}


/***/ }),

/***/ 390:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AE: () => (/* binding */ registryRefusal),
/* harmony export */   ox: () => (/* binding */ withRegistryRetry),
/* harmony export */   zF: () => (/* binding */ ImmutableTagError)
/* harmony export */ });
/* unused harmony exports immutableTagRefusal, missingRepository, pushRefused */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _push_actions_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8765);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9809);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9405);
/**
 * What a registry's refusals mean, in one line with the fix — the same words whether the
 * refusal reached the action through buildx or through its own registry client.
 */




/** ECR's own words for an overwrite of an immutable tag (the registry's error message). */
const IMMUTABLE = /The image tag '([^']+)' already exists in the '([^']+)' repository/;
/**
 * The registry refused to overwrite a tag its repository keeps immutable; `tag` and
 * `repository` as the registry named them. A write tried again after its answer was lost
 * meets this too: the caller may then find the tag already naming what it wrote
 * (already-tagged.ts), which is no failure.
 */
class ImmutableTagError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ {
    tag;
    repository;
    constructor(tag, repository) {
        super(`Tag '${tag}' already exists in '${repository}', which keeps it immutable: bump the version, or, if '${tag}' is meant to move, ` +
            `add it to tag-mutability-exclusions (with tag-mutability: IMMUTABLE_WITH_EXCLUSION).`);
        this.tag = tag;
        this.repository = repository;
    }
}
/** The explanation for an immutable tag's refusal in `text`; undefined when it says no such thing. */
function immutableTagRefusal(text) {
    const m = IMMUTABLE.exec(text);
    return m ? new ImmutableTagError(m[1] ?? '', m[2] ?? '') : undefined;
}
function missingRepository(name) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`The registry has no repository '${name}': it was deleted during the run, or the push went to another registry.`);
}
/** A push the registry refused for want of permission; `registry` names where it went (ECR or ECR Public). */
function pushRefused(what, registry) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`The registry refused ${what}: ${(0,_push_actions_js__WEBPACK_IMPORTED_MODULE_1__/* .pushRefusedHint */ ._)(registry)}`);
}
/**
 * The explanation for a push the registry refused for good, from buildx's own error about
 * it (`failed to push <ref>: …`): an immutable tag, a repository that isn't there, or no
 * permission. Undefined when it says no such thing.
 * @param registry where the push went (a host or an image reference), for the permissions a refusal needs
 */
function registryRefusal(message, registry) {
    const immutable = immutableTagRefusal(message);
    if (immutable)
        return immutable;
    const missing = /repository with name '([^']+)' does not exist|NAME_UNKNOWN|name unknown/i.exec(message);
    if (missing)
        return missingRepository(missing[1] ?? registry);
    if (/\b(401|403)\b|unauthorized|authentication required|denied|forbidden/i.test(message))
        return pushRefused('the push', registry);
    return undefined;
}
/**
 * A registry request of the action's own client, tried again while it fails in a way that
 * may pass, and explained when it fails in a way that never will.
 * @param registry the registry's host, for the permissions a refusal needs
 */
async function withRegistryRetry(registry, what, tries, fn) {
    try {
        return await (0,_retry_js__WEBPACK_IMPORTED_MODULE_2__.retry)(what, fn, tries);
    }
    catch (error) {
        throw explainRegistryError(registry, what, error, tries.policy);
    }
}
function explainRegistryError(registry, what, error, policy) {
    const message = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .logSafe */ .sN)(error.message);
    if ((0,_retry_js__WEBPACK_IMPORTED_MODULE_2__.isTransient)(error))
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${what} failed ${policy.attempts} times (${message}); the registry may be having trouble: run the job again.`, { cause: error });
    if (!(error instanceof _client_js__WEBPACK_IMPORTED_MODULE_3__.RegistryError))
        return error;
    if (error.status === 401 || error.status === 403)
        return pushRefused(`${what} (${error.status})`, registry);
    if (error.status === 404 && /NAME_UNKNOWN/.test(message)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`The registry has no such repository for ${what}: it was deleted during the run, or the push went to another registry.`, { cause: error });
    }
    // ECR: 400 TAG_INVALID, naming the tag and the repository.
    const immutable = error.status === 400 && (error.code === undefined || error.code === 'TAG_INVALID') ? immutableTagRefusal(message) : undefined;
    return immutable ?? new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`The registry refused ${what}: ${message}`, { cause: error });
}


/***/ }),

/***/ 5468:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   am: () => (/* binding */ imageOutputs),
/* harmony export */   n0: () => (/* binding */ setOutputs),
/* harmony export */   zx: () => (/* binding */ outputBase)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3110);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7242);
/**
 * The outputs, computed by one pure function so that every run sets the same keys.
 * No output holds a masked value: GitHub drops job outputs that do, and these are meant
 * to be passed to deploy jobs.
 */


function imageOutputs(v) {
    return {
        [_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Output */ .k7.Registry]: v.registry,
        [_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Output */ .k7.RepositoryUri]: v.repositoryUri,
        [_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Output */ .k7.ImageUri]: `${v.repositoryUri}:${v.version}`,
        [_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Output */ .k7.LatestUri]: v.latest ? `${v.repositoryUri}:latest` : '',
        [_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Output */ .k7.Digest]: v.digest,
        [_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Output */ .k7.ImageDigestUri]: v.digest !== '' ? `${v.repositoryUri}@${v.digest}` : '',
        [_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Output */ .k7.Tags]: v.tags.map(t => `${v.repositoryUri}:${t}`).join('\n'),
        [_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Output */ .k7.Version]: v.version,
        [_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Output */ .k7.Metadata]: JSON.stringify(v.metadata),
        [_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Output */ .k7.Skipped]: String(v.skipped),
        [_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Output */ .k7.ReplicaUris]: (v.replicaUris ?? []).join('\n'),
        [_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Output */ .k7.ScanFindings]: v.scanFindings !== undefined ? JSON.stringify(v.scanFindings) : '',
        [_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Output */ .k7.Signature]: v.signature ?? '',
        // What actions/attest-build-provenance takes with push-to-registry: the image's name without a tag, and its digest.
        [_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Output */ .k7.SubjectName]: v.digest !== '' ? v.repositoryUri : '',
        [_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Output */ .k7.SubjectDigest]: v.digest,
        [_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Output */ .k7.Labels]: (v.labels ?? []).join('\n'),
        [_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Output */ .k7.Annotations]: (v.annotations ?? []).join('\n'),
        [_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Output */ .k7.CopiedUris]: (v.copiedUris ?? []).join('\n')
    };
}
function setOutputs(values, setOutput = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH) {
    for (const [name, value] of Object.entries(values))
        setOutput(name, value);
}
/** The outputs that follow from the settings and the repository alone. */
function outputBase(image, repositoryUri, registry) {
    return { registry, repositoryUri, version: image.version, tags: image.tags, latest: image.latest };
}


/***/ }),

/***/ 7994:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Sy: () => (/* binding */ writeSummary),
/* harmony export */   pD: () => (/* binding */ writePlan)
/* harmony export */ });
/* unused harmony exports renderSummary, renderPlan */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3110);
/**
 * The job summary: what was shipped and what was done to the repository, in one table and
 * a few lines.
 */

const code = (s) => `<code>${s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</code>`;
/** Per platform image, what refers to it: `linux/amd64 <code>sha256:…</code>: provenance (SLSA v1)`. */
function attachmentsCell(a) {
    if (typeof a === 'string')
        return `not known: ${a}`;
    return a.map(p => `${p.platform || 'image'} ${code(`${p.digest.slice(0, 19)}…`)}: ${p.attached.length > 0 ? p.attached.join(', ') : 'nothing attached'}`).join('<br>');
}
/** Markdown/HTML for the summary; pure, so tests read exactly what users see. */
function renderSummary(d) {
    const rows = [
        ['Image', code(d.imageUri)],
        ['Build', d.outcome],
        ['Pinned', d.imageDigestUri !== '' ? code(d.imageDigestUri) : 'not pushed'],
        ['Tags', d.tags.map(code).join(' ')],
        ['Platforms', d.platformDigests && d.platformDigests.length > 0 ? d.platformDigests.map(p => `${p.platform} ${code(p.digest)}`).join('<br>') : d.platforms.join(', ')],
        ...(d.builder !== undefined ? [['Builder', d.builder]] : []),
        ['Repository', d.repositoryChanges.length > 0 ? d.repositoryChanges.join('<br>') : 'no changes']
    ];
    if (d.lifecycle !== '')
        rows.push(['Lifecycle policy', d.lifecycle]);
    if (d.scan !== undefined)
        rows.push(['Scan', d.scan]);
    if (d.signature !== undefined)
        rows.push(['Signature', d.signature.replace(/`([^`]+)`/g, (_, s) => code(s))]);
    if (d.replicas !== undefined && d.replicas.length > 0)
        rows.push(['Replicas', d.replicas.map(code).join('<br>')]);
    if (d.attachments !== undefined)
        rows.push(['Supply chain', attachmentsCell(d.attachments)]);
    if (d.copies !== undefined && d.copies.length > 0)
        rows.push(['Copies', d.copies.join('<br>')]);
    if (d.size !== undefined && d.size.lines.length > 0)
        rows.push(['Size', d.size.lines.join('<br>')]);
    if (d.cache !== undefined)
        rows.push(['Cache', d.cache]);
    if (d.timings && d.timings.length > 0)
        rows.push(['Time', d.timings.map(([stage, s]) => `${stage} ${s.toFixed(1)} s`).join(' · ')]);
    const lines = [
        `### ${d.skipped ? 'Already pushed' : d.pushed ? 'Pushed' : 'Built (not pushed)'} ${code(d.repository)}`,
        '',
        '<table>',
        ...rows.map(([k, v]) => `<tr><th align="left">${k}</th><td>${v}</td></tr>`),
        '</table>',
        ''
    ];
    for (const w of d.warnings)
        lines.push(`> [!WARNING]`, `> ${w}`, '');
    return lines.join('\n');
}
const fence = (lang, text) => ['```' + lang, text, '```'].join('\n');
/** The plan of a dry run: what the action would do, and nothing done. */
function renderPlan(p) {
    const lines = [
        `### Plan for ${code(p.repository)} (dry run: nothing was changed, built or pushed)`,
        '',
        `**Repository**`,
        '',
        ...p.repositoryLines.map(l => `- ${l}`),
        '',
        `**Lifecycle policy**: ${p.lifecycle}`,
        ''
    ];
    if (p.lifecycleText !== undefined) {
        if (p.currentLifecycleText !== undefined)
            lines.push('Now:', '', fence('json', p.currentLifecycleText), '');
        lines.push(p.currentLifecycleText !== undefined ? 'Would become:' : 'Would be put:', '', fence('json', p.lifecycleText), '');
    }
    lines.push(`**Image**: ${code(p.imageUri)} — ${p.build}`, '', `**Tags**: ${p.tags.map(code).join(' ')}`, '', '**Build command**', '', fence('sh', p.command.map(a => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ')), '', '**IAM policy these inputs need**', '', fence('json', p.iamPolicy), '');
    return lines.join('\n');
}
async function writePlan(p) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.addRaw(renderPlan(p), true).write();
}
async function writeSummary(d) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.addRaw(renderSummary(d), true).write();
}


/***/ }),

/***/ 9809:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TransientError: () => (/* binding */ TransientError),
/* harmony export */   defaultRetry: () => (/* binding */ defaultRetry),
/* harmony export */   isThrottling: () => (/* binding */ isThrottling),
/* harmony export */   isTransient: () => (/* binding */ isTransient),
/* harmony export */   retry: () => (/* binding */ retry),
/* harmony export */   sleep: () => (/* binding */ sleep)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3110);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/**
 * The one retry helper: one policy type, one sleep, and the one place that decides what is
 * worth another try. STS, the registry client and buildx pushes all go through `retry`.
 * Errors that can never succeed (access denied, an immutable tag, a missing repository, a
 * failed build step) are never retried.
 */


const sleep = (ms) => new Promise(resolve => setTimeout(resolve, ms));
/** 2 s, 4 s, 8 s: four tries over about 14 s, for registry writes and pushes. */
const defaultRetry = {
    attempts: 4,
    delay: attempt => 2000 * 2 ** (attempt - 2),
    sleep,
    log: message => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(message)
};
/** An error the code that saw it knows to be passing (a push that buildx says failed on a 5xx). */
class TransientError extends Error {
    name = 'TransientError';
    transient = true;
}
const TRANSIENT_NAMES = /^(InternalFailure|InternalError|ServiceUnavailable|ServiceUnavailableException|ServerException|IDPCommunicationError|RequestTimeout|RequestTimeoutException|TimeoutError)$/;
const THROTTLING_NAMES = /^(Throttling|ThrottlingException|RequestLimitExceeded|TooManyRequestsException)$/;
const NETWORK_CODES = /^(ECONNRESET|ETIMEDOUT|EPIPE|ECONNREFUSED|EAI_AGAIN|ENOTFOUND|ECONNABORTED|EHOSTUNREACH|ENETUNREACH|UND_ERR_SOCKET)$/;
/**
 * Whether an error may pass when tried again: throttling, 5xx and 429 answers (from AWS or
 * the registry), connections reset, refused or timed out, and errors marked transient.
 * Decided from the error's name, code and status, never from free text.
 */
function isTransient(error) {
    if (typeof error !== 'object' || error === null)
        return false;
    const e = error;
    if (e.transient === true || e.$retryable || isThrottling(error))
        return true;
    if (TRANSIENT_NAMES.test(e.name ?? ''))
        return true;
    const status = e.status ?? e.$metadata?.httpStatusCode ?? 0;
    if (status >= 500)
        return true;
    return NETWORK_CODES.test(e.code ?? '');
}
/** Whether an error asks the caller to slow down: a throttling error's name, or HTTP 429. */
function isThrottling(error) {
    if (typeof error !== 'object' || error === null)
        return false;
    const e = error;
    return THROTTLING_NAMES.test(e.name ?? '') || (e.status ?? e.$metadata?.httpStatusCode) === 429;
}
/**
 * Runs `fn` until it succeeds, fails in a way that is not transient, or has been tried
 * `policy.attempts` times (errors of `policy.slowDown`: its `attempts`, counted apart);
 * each retry is logged with what failed and the wait. After `cancel` no try starts, and a
 * wait ends at it.
 */
async function retry(what, fn, { policy, cancel } = { policy: defaultRetry }, transient = isTransient) {
    const { slowDown } = policy;
    let failed = 0;
    let slowed = 0;
    for (let attempt = 1;; attempt++) {
        cancel?.throwIfAborted();
        try {
            return await fn(attempt);
        }
        catch (error) {
            cancel?.throwIfAborted();
            if (!transient(error))
                throw error;
            const budget = slowDown?.when(error) === true ? slowDown : undefined;
            const tries = budget ? ++slowed : ++failed;
            const { attempts, delay } = budget ?? policy;
            if (tries >= attempts)
                throw error;
            const wait = delay(tries + 1);
            // The message may be a registry's or AWS's words: one line, no workflow command in it.
            policy.log(`${what} failed (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .logSafe */ .sN)(error.message)}); trying again in ${Number((wait / 1000).toFixed(1))}s (${tries + 1} of ${attempts}${budget ? ` ${budget.name}` : ''}).`);
            await sleepUntilCancel(policy.sleep, wait, cancel);
        }
    }
}
/** The policy's sleep, cut short (rejecting with the cancel's reason) when the run is cancelled. */
async function sleepUntilCancel(wait, ms, cancel) {
    if (cancel === undefined)
        return wait(ms);
    let onAbort = () => undefined;
    const cancelled = new Promise((_resolve, reject) => {
        onAbort = () => reject(cancel.reason);
        cancel.addEventListener('abort', onAbort, { once: true });
    });
    try {
        await Promise.race([wait(ms), cancelled]);
    }
    finally {
        cancel.removeEventListener('abort', onAbort);
    }
}


/***/ }),

/***/ 1022:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ removeTempDir),
/* harmony export */   m: () => (/* binding */ makeTempDir)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3110);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7242);
/**
 * The temporary folders the main step makes (buildx's metadata file and, for
 * push-by-digest, the OCI layout beside it, in the runner's temporary folder). Each is
 * recorded in the step's state the moment it exists and removed when its stage ends; one
 * a cancel left behind (the runner kills the step's processes 10 s after its SIGINT) is
 * removed by the post step, which reads the same state (post.ts).
 */




const made = new Set();
const record = () => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .State */ .Uw.TempDirs, JSON.stringify([...made]));
/** A new folder in `parent`, recorded in the step's state. */
async function makeTempDir(parent) {
    const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdtemp)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(parent, _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .TEMP_DIR_PREFIX */ .Qx));
    made.add(dir);
    record();
    return dir;
}
/** Removes a folder makeTempDir made, and takes it out of the step's state. */
async function removeTempDir(dir) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(dir, { recursive: true, force: true });
    made.delete(dir);
    record();
}


/***/ })

};
