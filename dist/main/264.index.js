export const id = 264;
export const ids = [264];
export const modules = {

/***/ 5264:
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
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/registry/already-tagged.ts
var already_tagged = __webpack_require__(8752);
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
        throw new errors/* ActionError */.lZ(`The OCI layout names a blob '${digest}' that is not a sha256 digest.`);
    return external_node_path_default().join(layout, 'blobs', algorithm, hex ?? '');
}
/** Reads a blob and checks it against its descriptor: a corrupt layout is never pushed. */
async function verifiedBlob(layout, d) {
    const file = blobPath(layout, d.digest);
    const size = (await (0,promises_.stat)(file).catch(() => undefined))?.size;
    if (size === undefined)
        throw new errors/* ActionError */.lZ(`The OCI layout lacks blob ${d.digest}: the build's export is incomplete; run the job again.`);
    if (d.size !== undefined && size !== d.size)
        throw new errors/* ActionError */.lZ(`Blob ${d.digest} in the OCI layout is ${size} bytes, its descriptor says ${d.size}: run the job again.`);
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for await (const chunk of (0,external_node_fs_.createReadStream)(file))
        hash.update(chunk);
    if (`sha256:${hash.digest('hex')}` !== d.digest)
        throw new errors/* ActionError */.lZ(`Blob ${d.digest} in the OCI layout does not match its digest: run the job again.`);
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
        throw new errors/* ActionError */.lZ(`The registry stored manifest ${d.digest} as ${digest}: it changed the manifest; push again.`);
}
/** Pushes what an OCI layout's index.json names to `repository`, by digest, untagged. */
async function pushLayout(client, repository, layout, retry) {
    const index = JSON.parse(await (0,promises_.readFile)(external_node_path_default().join(layout, 'index.json'), 'utf8'));
    const top = index.manifests ?? [];
    if (top.length !== 1 || top[0] === undefined) {
        throw new errors/* ActionError */.lZ(`buildx exported ${top.length} images to the OCI layout; push-by-digest expects one (an image, or an index of platforms).`);
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
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 20 modules
var core = __webpack_require__(3110);
;// CONCATENATED MODULE: ./src/temp-dirs.ts
/**
 * The temporary folders the main step makes (buildx's metadata file and, for
 * push-by-digest, the OCI layout beside it, in the runner's temporary folder). Each is
 * recorded in the step's state the moment it exists and removed when its stage ends; one
 * a cancel left behind (the runner kills the step's processes 10 s after its SIGINT) is
 * removed by the post step, which reads the same state (post.ts).
 */




const made = new Set();
const record = () => core/* saveState */.LZ(constants/* State */.Uw.TempDirs, JSON.stringify([...made]));
/** A new folder in `parent`, recorded in the step's state. */
async function makeTempDir(parent) {
    const dir = await (0,promises_.mkdtemp)(external_node_path_default().join(parent, constants/* TEMP_DIR_PREFIX */.Qx));
    made.add(dir);
    record();
    return dir;
}
/** Removes a folder makeTempDir made, and takes it out of the step's state. */
async function removeTempDir(dir) {
    await (0,promises_.rm)(dir, { recursive: true, force: true });
    made.delete(dir);
    record();
}

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

// EXTERNAL MODULE: ./src/build/plan.ts
var plan = __webpack_require__(4713);
// EXTERNAL MODULE: ./src/build/record.ts
var build_record = __webpack_require__(991);
;// CONCATENATED MODULE: ./src/build/buildx.ts
/**
 * Stage 5, effects: runs the one `docker buildx build` (again only while buildx says its
 * push to this repository failed in a way that may pass), reads its result from the
 * metadata file buildx writes and, when it failed, its reason from the build's record
 * (never from its log: failure.ts, record.ts), and for `push-by-digest` uploads the OCI
 * layout it exported (layout-push.ts). A merge makes the index with `buildx imagetools create`.
 */













/** Builds (and pushes) the image; its digest and metadata come from buildx's metadata file. */
async function buildAndPush(docker, build, references, labels, options = {}) {
    const policy = options.retry ?? retry.defaultRetry;
    const dir = await makeTempDir(options.tempDir ?? external_node_os_default().tmpdir());
    const metadataFile = external_node_path_default().join(dir, 'metadata.json');
    // Only a push to the repository can fail in a way another try may mend; an export to a
    // local layout (by digest) or no push at all cannot.
    const pushedTo = build.push && !build.pushByDigest ? options.repositoryUri : undefined;
    try {
        const args = (0,plan/* buildxArgs */.w$)(build, references, labels, metadataFile, options.repositoryUri, options.builder);
        // Build-argument and secret values go in buildx's environment, never its argv or the log;
        // so do the runner's cache variables, for a gha cache only.
        const env = (0,plan/* buildxEnv */.aW)(build);
        const inherit = (0,plan/* buildxInherit */.gT)(build);
        const found = await (0,retry.retry)('The push', async () => {
            const before = options.buildxConfigDir !== undefined ? await (0,build_record/* listBuildRefs */.r3)(options.buildxConfigDir) : undefined;
            const result = await docker(args, { stream: true, ...(Object.keys(env).length > 0 ? { env } : {}), ...(inherit.length > 0 ? { inherit } : {}) });
            if (result.exitCode === 0)
                return undefined;
            const failure = (await recordedFailure(docker, options, before, build.context)) ?? failureFromOutput(result);
            throw explainBuildFailure(failure, pushedTo);
        }, policy).catch(alreadyThere(pushedTo === undefined ? [] : references.map(r => r.slice(pushedTo.length + 1)), options.alreadyPushed, policy, 'The push'));
        if (found !== undefined)
            return { digest: found.digest, metadata: {}, found: found.tag };
        const metadata = await readMetadata(metadataFile);
        const built = typeof metadata['containerimage.digest'] === 'string' ? metadata['containerimage.digest'] : '';
        if (build.pushByDigest && build.push) {
            if (options.byDigest === undefined)
                throw new errors/* ActionError */.lZ('push-by-digest has no registry to push to.');
            const pushed = await pushLayout(options.byDigest.registry, options.byDigest.repository, (0,plan/* layoutDir */.ST)(metadataFile), policy);
            if (built !== '' && built !== pushed.digest)
                throw new errors/* ActionError */.lZ(`buildx built ${built} but exported ${pushed.digest}: run the job again.`);
            policy.log(`Pushed ${pushed.digest} by digest: ${pushed.uploaded} blobs uploaded (${pushed.bytesUploaded} bytes), ${pushed.skipped} already in the repository.`);
            return { digest: pushed.digest, metadata, bytesUploaded: pushed.bytesUploaded };
        }
        if (build.push && !/^sha256:[0-9a-f]{64}$/.test(built))
            throw new errors/* ActionError */.lZ('buildx pushed the image but reported no digest in its metadata file.');
        return { digest: built, metadata };
    }
    finally {
        // The layout of a push-by-digest build holds every layer: never left on the runner.
        await removeTempDir(dir);
    }
}
/** The failure the build's record states, when buildx noted the build (record.ts). */
async function recordedFailure(docker, { buildxConfigDir: configDir, builder }, before, context) {
    if (configDir === undefined || before === undefined)
        return undefined;
    const ref = await (0,build_record/* findBuildRef */.Xy)(configDir, before, context);
    return ref === undefined ? undefined : (0,build_record/* readBuildFailure */.ns)(docker, ref, builder);
}
async function readMetadata(file) {
    try {
        return JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
    }
    catch (error) {
        throw new errors/* ActionError */.lZ(`buildx wrote no readable metadata file (${error.message}).`);
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
    const policy = options.retry ?? retry.defaultRetry;
    const seconds = options.timeoutSeconds ?? constants/* DEFAULT_MERGE_TIMEOUT_SECONDS */.dz;
    const refs = [];
    for (const tag of tags)
        refs.push('--tag', `${repositoryUri}:${tag}`);
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
    }, policy).catch(alreadyThere(tags, alreadyMerged, policy, 'The merge'));
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
        throw new errors/* ActionError */.lZ(`${what} failed ${policy.attempts} times (${error.message}); the registry may be having trouble: run the job again.`);
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
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4713);
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
    return namesExactly(top.manifests.map(m => m.digest), expected) ? top.digest : undefined;
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


/***/ })

};
