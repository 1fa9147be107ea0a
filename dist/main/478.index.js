export const id = 478;
export const ids = [478,809];
export const modules = {

/***/ 4427:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ leastPrivilegePolicy),
/* harmony export */   _: () => (/* binding */ pushRefusedHint)
/* harmony export */ });
/* harmony import */ var _registry_host_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(637);
/**
 * The least-privilege IAM policy for what these inputs make the action do, scoped to the
 * repository's ARN. Pure; printed by dry runs and documented in the README.
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
    const actions = pushActions((0,_registry_host_js__WEBPACK_IMPORTED_MODULE_0__/* .parseRegistryHost */ .TZ)(registry)?.kind === 'public' ? 'ecr-public' : 'ecr');
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
    const partition = (0,_registry_host_js__WEBPACK_IMPORTED_MODULE_0__/* .partitionOf */ .iQ)(settings.aws.region);
    const arn = `arn:${partition}:ecr:${settings.aws.region}:${account}:repository/${repository.name}`;
    const actions = ['ecr:DescribeRepositories', 'ecr:GetLifecyclePolicy', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'];
    if (build.push)
        actions.push(...pushActions('ecr'));
    if (repository.create)
        actions.push('ecr:CreateRepository');
    actions.push('ecr:PutImageTagMutability', 'ecr:PutImageScanningConfiguration');
    // The default policy goes only on a repository the run creates; a stated one on any.
    if (repository.create || repository.lifecycle.stated)
        actions.push('ecr:PutLifecyclePolicy');
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
            Resource: `arn:${partition}:iam::${account}:role/aws-service-role/replication.ecr.amazonaws.com/AWSServiceRoleForECRReplication`
        });
    }
    if (repository.encryption.type === 'KMS') {
        const key = repository.encryption.kmsKey?.startsWith('arn:') ? repository.encryption.kmsKey : `arn:${partition}:kms:${settings.aws.region}:${account}:key/*`;
        statements.push({ Sid: 'Encryption', Effect: 'Allow', Action: ['kms:CreateGrant', 'kms:RetireGrant', 'kms:DescribeKey'], Resource: key });
    }
    return { Version: '2012-10-17', Statement: statements };
}


/***/ }),

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

/***/ 4713:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ef: () => (/* binding */ imageReferences),
/* harmony export */   H9: () => (/* binding */ parseBuilderInspect),
/* harmony export */   ST: () => (/* binding */ layoutDir),
/* harmony export */   ZS: () => (/* binding */ tagRoutes),
/* harmony export */   dS: () => (/* binding */ labelsFor),
/* harmony export */   w$: () => (/* binding */ buildxArgs),
/* harmony export */   z3: () => (/* binding */ missingPlatforms)
/* harmony export */ });
/* unused harmony exports ociLabels, cacheArgs */
/** `<repository>:<tag>` for every tag, the version first. */
function imageReferences(repository, tags) {
    return tags.map(tag => `${repository}:${tag}`);
}
/**
 * Which tags buildx pushes and which the registry API then puts on the same image: a push
 * sends the version only and the others (latest, tags) follow as one request each; a
 * build that isn't pushed, or is pushed by digest, gives buildx every tag.
 */
function tagRoutes(build, image) {
    if (!build.push || build.pushByDigest)
        return { buildx: image.tags, api: [] };
    return { buildx: [image.version], api: image.tags.filter(t => t !== image.version) };
}
/** OCI annotations-as-labels that tie the image to its commit; the workflow's own labels win. */
function ociLabels(version, run) {
    const labels = [`org.opencontainers.image.version=${version}`, `org.opencontainers.image.created=${run.created}`];
    if (run.sha !== '')
        labels.push(`org.opencontainers.image.revision=${run.sha}`);
    if (run.sourceUrl !== '')
        labels.push(`org.opencontainers.image.source=${run.sourceUrl}`);
    return labels;
}
/**
 * The `--cache-from` / `--cache-to` pair. ECR takes a registry cache only as an OCI image
 * manifest (`image-manifest=true,oci-mediatypes=true`); a failed cache export never fails
 * the build.
 * @param repositoryUri where an `ecr` cache lives; undefined when the run has no registry
 */
function cacheArgs(cache, repositoryUri) {
    if (cache.type === 'gha') {
        return ['--cache-from', 'type=gha', '--cache-to', 'type=gha,mode=max,ignore-error=true'];
    }
    if (cache.type === 'ecr' && repositoryUri !== undefined) {
        const ref = `${repositoryUri}:${cache.tag}`;
        return [
            '--cache-from',
            `type=registry,ref=${ref}`,
            '--cache-to',
            `type=registry,ref=${ref},mode=max,image-manifest=true,oci-mediatypes=true,ignore-error=true`
        ];
    }
    return [];
}
function buildxArgs(build, references, labels, metadataFile, repositoryUri) {
    const args = ['buildx', 'build', '--platform', build.platforms.join(',')];
    if (build.file !== '')
        args.push('--file', build.file);
    if (build.target !== undefined)
        args.push('--target', build.target);
    // By digest: exported as an OCI layout beside the metadata file, which the action then
    // pushes untagged (oci-push.ts) — on any builder driver, the docker driver included.
    if (build.pushByDigest) {
        args.push('--output', `type=oci,dest=${layoutDir(metadataFile)},tar=false`);
    }
    else {
        for (const ref of references)
            args.push('--tag', ref);
    }
    for (const label of [...labels, ...build.labels])
        args.push('--label', label);
    for (const arg of build.buildArgs)
        args.push('--build-arg', arg);
    args.push(...cacheArgs(build.cache, repositoryUri));
    // By default no attestations: they show up in ECR as unknown/unknown images, and Lambda
    // and SageMaker refuse an index that holds them.
    args.push(`--provenance=${build.provenance}`, `--sbom=${build.sbom}`);
    args.push('--metadata-file', metadataFile);
    if (build.push && !build.pushByDigest)
        args.push('--push');
    args.push(build.context);
    return args;
}
/** Where a push-by-digest build exports its OCI layout: beside its metadata file. */
function layoutDir(metadataFile) {
    return `${metadataFile.replace(/[^/]*$/, '')}oci-layout`;
}
/** The builder can build a requested platform when it lists it (buildx marks some with `*`). */
function missingPlatforms(requested, available) {
    const have = new Set(available.map(p => p.replace(/\*$/, '').trim()));
    return requested.filter(p => !have.has(p));
}
/** Reads `docker buildx inspect` output: the builder's name, driver and every node's platforms. */
function parseBuilderInspect(text) {
    const info = { name: '', driver: '', platforms: [] };
    for (const line of text.split('\n')) {
        const m = /^([A-Za-z ]+):\s*(.*)$/.exec(line.trim());
        if (!m)
            continue;
        const [, key = '', value = ''] = m;
        if (key === 'Name' && info.name === '')
            info.name = value;
        else if (key === 'Driver' && info.driver === '')
            info.driver = value;
        else if (key === 'Platforms')
            info.platforms.push(...value.split(',').map(p => p.trim()).filter(p => p !== ''));
    }
    return info;
}
/** The OCI labels for this run, from the runner's variables. */
function labelsFor(env, version) {
    const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
    return ociLabels(version, {
        sha: env.GITHUB_SHA ?? '',
        sourceUrl: env.GITHUB_REPOSITORY ? `${server}/${env.GITHUB_REPOSITORY}` : '',
        created: new Date().toISOString()
    });
}


/***/ }),

/***/ 637:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TZ: () => (/* binding */ parseRegistryHost),
/* harmony export */   Z8: () => (/* binding */ registryInRegion),
/* harmony export */   iQ: () => (/* binding */ partitionOf)
/* harmony export */ });
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7242);
/**
 * The one parser of registry host names. ECR's private registries are
 * `<account>.dkr.ecr[-fips].<region>.<suffix>` (or dual-stack `<account>.dkr-ecr.<region>.on.aws`),
 * where the suffix follows the partition; ECR Public is `public.ecr.aws`.
 */

/** Each partition's DNS suffix and the prefixes of its regions. */
const PARTITIONS = [
    { partition: 'aws-cn', suffix: 'amazonaws.com.cn', regions: /^cn-/ },
    { partition: 'aws-us-gov', suffix: 'amazonaws.com', regions: /^us-gov-/ },
    { partition: 'aws-iso', suffix: 'c2s.ic.gov', regions: /^us-iso-/ },
    { partition: 'aws-iso-b', suffix: 'sc2s.sgov.gov', regions: /^us-isob-/ },
    { partition: 'aws-iso-e', suffix: 'cloud.adc-e.uk', regions: /^eu-isoe-/ },
    { partition: 'aws-iso-f', suffix: 'csp.hci.ic.gov', regions: /^us-isof-/ },
    { partition: 'aws-eusc', suffix: 'amazonaws.eu', regions: /^eusc-/ },
    { partition: 'aws', suffix: 'amazonaws.com', regions: /^/ }
];
/** The partition a region belongs to (`aws` for the commercial regions). */
function partitionOf(region) {
    return PARTITIONS.find(p => p.regions.test(region))?.partition ?? 'aws';
}
/** A registry host (or an image reference starting with one) as account, region and partition; undefined for any other host. */
function parseRegistryHost(hostOrReference) {
    const host = hostOrReference.replace(/^https?:\/\//, '').split('/')[0]?.toLowerCase() ?? '';
    if (host === _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .PUBLIC_REGISTRY */ .uD)
        return { kind: 'public', host };
    const m = /^(\d{12})\.(?:dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.(.+)|dkr-ecr(?:-fips)?\.([a-z0-9-]+)\.on\.aws)$/.exec(host);
    if (!m)
        return undefined;
    const account = m[1] ?? '';
    const region = m[2] ?? m[4] ?? '';
    const partition = PARTITIONS.find(p => p.regions.test(region));
    if (partition === undefined || (m[3] !== undefined && m[3] !== partition.suffix))
        return undefined;
    return { kind: 'private', account, region, partition: partition.partition, host };
}
/** The same repository in another region's registry of the account: what replication makes. */
function registryInRegion(registry, region) {
    const suffix = PARTITIONS.find(p => p.partition === registry.partition)?.suffix ?? 'amazonaws.com';
    return `${registry.account}.dkr.ecr.${region}.${suffix}`;
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


/***/ }),

/***/ 5468:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   am: () => (/* binding */ imageOutputs),
/* harmony export */   n0: () => (/* binding */ setOutputs),
/* harmony export */   zx: () => (/* binding */ outputBase)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3360);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7242);
/**
 * Stage 6 — outputs. Computed by one pure function so that every run sets the same keys.
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
        [_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Output */ .k7.ScanFindings]: v.scanFindings !== undefined ? JSON.stringify(v.scanFindings) : ''
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
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3360);
/**
 * The job summary: what was shipped and what was done to the repository, in one table and
 * a few lines.
 */

const code = (s) => `<code>${s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</code>`;
/** Markdown/HTML for the summary; pure, so tests read exactly what users see. */
function renderSummary(d) {
    const rows = [
        ['Image', code(d.imageUri)],
        ['Build', d.outcome],
        ['Pinned', d.imageDigestUri !== '' ? code(d.imageDigestUri) : 'not pushed'],
        ['Tags', d.tags.map(code).join(' ')],
        [
            'Platforms',
            d.platformDigests && d.platformDigests.length > 0
                ? d.platformDigests.map(p => `${p.platform} ${code(p.digest)}`).join('<br>')
                : d.platforms.join(', ')
        ],
        ['Repository', d.repositoryChanges.length > 0 ? d.repositoryChanges.join('<br>') : 'no changes']
    ];
    if (d.lifecycle !== '')
        rows.push(['Lifecycle policy', d.lifecycle]);
    if (d.scan !== undefined)
        rows.push(['Scan', d.scan]);
    if (d.replicas !== undefined && d.replicas.length > 0)
        rows.push(['Replicas', d.replicas.map(code).join('<br>')]);
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
/* harmony export */   isTransient: () => (/* binding */ isTransient),
/* harmony export */   retry: () => (/* binding */ retry),
/* harmony export */   sleep: () => (/* binding */ sleep)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3360);
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
const TRANSIENT_NAMES = /^(Throttling|ThrottlingException|RequestLimitExceeded|TooManyRequestsException|InternalFailure|InternalError|ServiceUnavailable|ServiceUnavailableException|ServerException|IDPCommunicationError|RequestTimeout|RequestTimeoutException|TimeoutError)$/;
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
    if (e.transient === true || e.$retryable)
        return true;
    if (TRANSIENT_NAMES.test(e.name ?? ''))
        return true;
    const status = e.status ?? e.$metadata?.httpStatusCode ?? 0;
    if (status >= 500 || status === 429)
        return true;
    return NETWORK_CODES.test(e.code ?? '');
}
/**
 * Runs `fn` until it succeeds, fails in a way that is not transient, or has been tried
 * `policy.attempts` times; each retry is logged with what failed and the wait.
 */
async function retry(what, fn, policy = defaultRetry, transient = isTransient) {
    for (let attempt = 1;; attempt++) {
        try {
            return await fn(attempt);
        }
        catch (error) {
            if (attempt >= policy.attempts || !transient(error))
                throw error;
            const wait = policy.delay(attempt + 1);
            policy.log(`${what} failed (${error.message}); trying again in ${Number((wait / 1000).toFixed(1))}s (${attempt + 1} of ${policy.attempts}).`);
            await policy.sleep(wait);
        }
    }
}


/***/ })

};
