export const id = 988;
export const ids = [988,809];
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
    // A re-run reads whether the image its version tag names is archived (aws/image-status.ts).
    if (build.push && !build.pushByDigest)
        actions.push('ecr:DescribeImages');
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
        { Sid: 'Repository', Effect: 'Allow', Action: actions, Resource: arn },
        // Whether the registry's scanning configuration, not the repository's scan on push, decides (and how the gate reads findings).
        { Sid: 'RegistryScanning', Effect: 'Allow', Action: ['ecr:GetRegistryScanningConfiguration'], Resource: '*' }
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
    // A repository the run creates takes the defaults of the registry's creation template (creation-template.ts).
    if (repository.create)
        statements.push({ Sid: 'CreationTemplates', Effect: 'Allow', Action: ['ecr:DescribeRepositoryCreationTemplates'], Resource: '*' });
    return { Version: '2012-10-17', Statement: statements };
}


/***/ }),

/***/ 8079:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IK: () => (/* binding */ inspectBuilder),
/* harmony export */   Lu: () => (/* binding */ toolFailure),
/* harmony export */   nG: () => (/* binding */ describeBuilder),
/* harmony export */   ub: () => (/* binding */ checkBuilder)
/* harmony export */ });
/* unused harmony export dockerFailure */
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
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ('docker is not installed on this runner: use a runner with Docker (e.g. ubuntu-latest).');
    }
    if (/is not a docker command|unknown command "buildx"|unknown flag: --platform/i.test(text)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ('docker buildx is not installed: add docker/setup-buildx-action before this step.');
    }
    if (/Cannot connect to the Docker daemon|Is the docker daemon running|docker\.sock/i.test(text)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ('the Docker daemon is not running: start it (or use a runner where it runs) before this step.');
    }
    return undefined;
}
function dockerFailure(what, result) {
    return toolFailure(result) ?? new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${what} failed: ${(0,_docker_js__WEBPACK_IMPORTED_MODULE_1__/* .lastLine */ .fM)(result)}`);
}
/**
 * Checks the builder can build `platforms` (none: only that buildx runs, as for a merge).
 * @param name the `builder` input: a builder an earlier step created; undefined: the current one
 */
async function checkBuilder(docker, platforms, name) {
    // The image store matters only to the docker driver, but asked beside the inspect it costs
    // nothing; a named builder's engine is known only from its driver, so asked after it.
    const engineInfo = (use) => docker([...(use.context !== undefined ? ['--context', use.context] : []), 'info', '--format', '{{json .DriverStatus}}']);
    const [builder, early] = await Promise.all([
        inspectBuilder(docker, name, true),
        platforms.length > 1 && name === undefined ? engineInfo({}) : undefined
    ]);
    const { use } = builder;
    if (builder.driver === 'docker' && platforms.length > 1) {
        const info = early ?? (await engineInfo(use));
        if (info.exitCode !== 0)
            throw dockerFailure('docker info', info);
        if (!info.stdout.includes('io.containerd.snapshotter')) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`the '${builder.name}' builder uses the docker driver without the containerd image store, which can't build several platforms at once: add docker/setup-buildx-action before this step (or turn on the containerd image store).`);
        }
    }
    const missing = (0,_plan_js__WEBPACK_IMPORTED_MODULE_2__/* .missingPlatforms */ .z3)(platforms, builder.platforms);
    if (missing.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`the '${builder.name}' builder can't build ${missing.join(', ')} (it has ${builder.platforms.join(', ') || 'no platforms'}): add docker/setup-qemu-action before this step, or build that platform on a runner of its own.`);
    }
    return builder;
}
/**
 * The builder as `docker buildx inspect` describes it, and how to reach it.
 * @param bootstrap start it if it isn't running (a dry run only looks)
 */
async function inspectBuilder(docker, name, bootstrap) {
    const result = await docker((0,_plan_js__WEBPACK_IMPORTED_MODULE_2__/* .buildxCommand */ .I0)(name !== undefined ? { builder: name } : {}, ['inspect', ...(bootstrap ? ['--bootstrap'] : [])]));
    if (result.exitCode !== 0) {
        if (name === undefined || toolFailure(result) !== undefined)
            throw dockerFailure('docker buildx inspect', result);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`the builder '${name}' can't be used (${(0,_docker_js__WEBPACK_IMPORTED_MODULE_1__/* .lastLine */ .fM)(result)}): create it in an earlier step (docker buildx create --name ${name}, or docker/setup-buildx-action with name: ${name}), or leave builder empty for the job's current builder.`);
    }
    const builder = (0,_plan_js__WEBPACK_IMPORTED_MODULE_2__/* .parseBuilderInspect */ .H9)(result.stdout);
    return { ...builder, use: (0,_plan_js__WEBPACK_IMPORTED_MODULE_2__/* .builderUse */ .zi)(name, builder.driver) };
}
/** The builder in words, for the summary: its name, driver, and the docker context buildx runs in. */
function describeBuilder(builder) {
    const via = builder.use.context !== undefined ? `, run as docker --context ${builder.use.context} buildx` : '';
    return `${builder.name} (${builder.driver || 'unknown'} driver${via})`;
}


/***/ }),

/***/ 4713:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ef: () => (/* binding */ imageReferences),
/* harmony export */   H9: () => (/* binding */ parseBuilderInspect),
/* harmony export */   I0: () => (/* binding */ buildxCommand),
/* harmony export */   ST: () => (/* binding */ layoutDir),
/* harmony export */   ZS: () => (/* binding */ tagRoutes),
/* harmony export */   aW: () => (/* binding */ buildxEnv),
/* harmony export */   dS: () => (/* binding */ labelsFor),
/* harmony export */   gT: () => (/* binding */ buildxInherit),
/* harmony export */   w$: () => (/* binding */ buildxArgs),
/* harmony export */   z3: () => (/* binding */ missingPlatforms),
/* harmony export */   zi: () => (/* binding */ builderUse)
/* harmony export */ });
/* unused harmony exports ociLabels, cacheArgs */
/* harmony import */ var _child_env_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5387);
/**
 * Stage 5, planning — the image references to push and the `docker buildx build` argv.
 * Pure: the same settings always give the same argv, an array that never passes through
 * a shell.
 */

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
 * The `--cache-from` / `--cache-to` arguments: a registry cache is read from each of its
 * tags (another ref than the default branch: its own and the default branch's) and written
 * to one. ECR takes a registry cache only as an OCI image manifest
 * (`image-manifest=true,oci-mediatypes=true`); a failed cache export never fails the build.
 * @param repositoryUri where an `ecr` cache lives; undefined when the run has no registry
 */
function cacheArgs(cache, repositoryUri) {
    if (cache.type === 'gha') {
        return ['--cache-from', 'type=gha', '--cache-to', 'type=gha,mode=max,ignore-error=true'];
    }
    if (cache.type === 'ecr' && repositoryUri !== undefined) {
        return [
            ...cache.from.flatMap(tag => ['--cache-from', `type=registry,ref=${repositoryUri}:${tag}`]),
            '--cache-to',
            `type=registry,ref=${repositoryUri}:${cache.tag},mode=max,image-manifest=true,oci-mediatypes=true,ignore-error=true`
        ];
    }
    return [];
}
/** How to reach the named builder, from its driver (`docker buildx inspect`). */
function builderUse(name, driver) {
    if (name === undefined)
        return {};
    return driver === 'docker' ? { builder: name, context: name } : { builder: name };
}
/** `[--context C] buildx <command…> [--builder B] <args…>`: the argv after `docker`. */
function buildxCommand(use, command, args = []) {
    return [...(use.context !== undefined ? ['--context', use.context] : []), 'buildx', ...command, ...(use.builder !== undefined ? ['--builder', use.builder] : []), ...args];
}
/**
 * The build's argv. Values that may be secret never appear in it: a build argument is
 * passed by name (`--build-arg NAME`, which buildx reads from its environment) and a
 * secret by the variable that holds it (`--secret id=…,env=…`); `buildxEnv` gives both.
 */
function buildxArgs(build, references, labels, metadataFile, repositoryUri, use = {}) {
    const args = ['--platform', build.platforms.join(',')];
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
    for (const name of new Set(build.buildArgs.map(argName)))
        args.push('--build-arg', name);
    for (const secret of build.secrets)
        args.push('--secret', `id=${secret.id},env=${secret.env}`);
    args.push(...cacheArgs(build.cache, repositoryUri));
    // By default no attestations: they show up in ECR as unknown/unknown images, and Lambda
    // and SageMaker refuse an index that holds them.
    args.push(`--provenance=${build.provenance}`, `--sbom=${build.sbom}`);
    args.push('--metadata-file', metadataFile);
    if (build.push && !build.pushByDigest)
        args.push('--push');
    args.push(build.context);
    return buildxCommand(use, ['build'], args);
}
const argName = (arg) => arg.slice(0, arg.indexOf('='));
/** The variables the build's buildx gets on top of the step's: each build argument's value, each secret's. */
function buildxEnv(build) {
    const env = {};
    // As on buildx's command line, the last value of a repeated argument wins.
    for (const arg of build.buildArgs)
        env[argName(arg)] = arg.slice(arg.indexOf('=') + 1);
    for (const secret of build.secrets)
        env[secret.env] = secret.value;
    return env;
}
/** The runner's variables the build's buildx gets besides every docker command's: the gha cache's (its URL and token), for a gha cache only. */
function buildxInherit(build) {
    return build.cache.type === 'gha' ? _child_env_js__WEBPACK_IMPORTED_MODULE_0__/* .GHA_CACHE_VARIABLES */ .eZ : [];
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

/***/ 3689:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Xg: () => (/* binding */ isPlatformImage),
/* harmony export */   bL: () => (/* binding */ imageConfigs),
/* harmony export */   d_: () => (/* binding */ LABEL),
/* harmony export */   mo: () => (/* binding */ firstImageConfig)
/* harmony export */ });
/* unused harmony export parseConfig */
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1017);
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

/***/ 390:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AE: () => (/* binding */ registryRefusal),
/* harmony export */   ox: () => (/* binding */ withRegistryRetry),
/* harmony export */   zF: () => (/* binding */ ImmutableTagError)
/* harmony export */ });
/* unused harmony exports immutableTagRefusal, missingRepository, pushRefused */
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
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`The registry refused ${what}: ${(0,_aws_iam_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .pushRefusedHint */ ._)(registry)}`);
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
async function withRegistryRetry(registry, what, policy, fn) {
    try {
        return await (0,_retry_js__WEBPACK_IMPORTED_MODULE_2__.retry)(what, fn, policy);
    }
    catch (error) {
        throw explainRegistryError(registry, what, error, policy);
    }
}
function explainRegistryError(registry, what, error, policy) {
    const message = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .logSafe */ .sN)(error.message);
    if ((0,_retry_js__WEBPACK_IMPORTED_MODULE_2__.isTransient)(error))
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${what} failed ${policy.attempts} times (${message}); the registry may be having trouble: run the job again.`);
    if (!(error instanceof _client_js__WEBPACK_IMPORTED_MODULE_3__.RegistryError))
        return error;
    if (error.status === 401 || error.status === 403)
        return pushRefused(`${what} (${error.status})`, registry);
    if (error.status === 404 && /NAME_UNKNOWN/.test(message)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`The registry has no such repository for ${what}: it was deleted during the run, or the push went to another registry.`);
    }
    // ECR: 400 TAG_INVALID, naming the tag and the repository.
    const immutable = error.status === 400 && (error.code === undefined || error.code === 'TAG_INVALID') ? immutableTagRefusal(message) : undefined;
    return immutable ?? new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`The registry refused ${what}: ${message}`);
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
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3110);
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
        ...(d.builder !== undefined ? [['Builder', d.builder]] : []),
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
 * each retry is logged with what failed and the wait.
 */
async function retry(what, fn, policy = defaultRetry, transient = isTransient) {
    const { signal, slowDown } = policy;
    let failed = 0;
    let slowed = 0;
    for (let attempt = 1;; attempt++) {
        signal?.throwIfAborted();
        try {
            return await fn(attempt);
        }
        catch (error) {
            signal?.throwIfAborted();
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
            await sleepUnlessAborted(policy, wait);
        }
    }
}
/** The policy's sleep, cut short (rejecting with the cancel's reason) when the run is cancelled. */
async function sleepUnlessAborted({ sleep: wait, signal }, ms) {
    if (signal === undefined)
        return wait(ms);
    let onAbort = () => undefined;
    const cancelled = new Promise((_resolve, reject) => {
        onAbort = () => reject(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
        await Promise.race([wait(ms), cancelled]);
    }
    finally {
        signal.removeEventListener('abort', onAbort);
    }
}


/***/ })

};
