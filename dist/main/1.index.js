export const id = 1;
export const ids = [1];
export const modules = {

/***/ 7001:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  pushPipeline: () => (/* binding */ pushPipeline)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 20 modules
var core = __webpack_require__(3110);
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
var build_builder = __webpack_require__(8079);
// EXTERNAL MODULE: ./src/build/buildx.ts + 3 modules
var buildx = __webpack_require__(5264);
// EXTERNAL MODULE: ./src/build/plan.ts
var plan = __webpack_require__(4713);
// EXTERNAL MODULE: ./src/build/record.ts
var record = __webpack_require__(991);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
// EXTERNAL MODULE: ./src/registry/docker-config.ts
var docker_config = __webpack_require__(26);
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
async function dockerLogin(docker, credentials, configDir = (0,docker_config/* dockerConfigDir */.kG)()) {
    const { registry, username, password } = credentials;
    if (await storeInConfigFile(configDir, credentials))
        return { registry, configDir };
    const result = await docker(['login', '--username', username, '--password-stdin', registry], {
        input: Buffer.from(password, 'utf8')
    });
    if (result.exitCode !== 0) {
        throw new errors/* ActionError */.lZ(`docker login to ${registry} failed: ${(0,src_docker/* lastLine */.fM)(result)}`);
    }
    return { registry };
}
/** Writes the login to config.json when docker keeps credentials there; false when a credential store or helper does, or the file can't be read. */
async function storeInConfigFile(configDir, { registry, username, password }) {
    const config = await (0,docker_config/* fileStoreConfig */.GL)(configDir, registry);
    if (config === undefined)
        return false;
    config.auths = { ...config.auths, [registry]: { auth: Buffer.from(`${username}:${password}`, 'utf8').toString('base64') } };
    try {
        await (0,docker_config/* writeDockerConfig */._D)(configDir, config);
    }
    catch (error) {
        throw new errors/* ActionError */.lZ(`Could not store docker's credentials: ${error.message}`);
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
        throw new errors/* ActionError */.lZ(`The registry has no ${digest} in ${repository} to tag: run the job again.`);
    for (const tag of tags) {
        const stored = await (0,refusals/* withRegistryRetry */.ox)(client.registry, `the tag '${tag}'`, retry, () => client.putManifest(repository, tag, manifest.mediaType, manifest.body));
        if (stored !== '' && stored !== digest)
            throw new errors/* ActionError */.lZ(`The registry stored '${tag}' as ${stored}, not ${digest}: run the job again.`);
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
    return new errors/* ActionError */.lZ(`ECR's scan of ${what} ${seen}: run the job again later, or raise scan-timeout (now ${wait.timeoutSeconds} s).`);
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
            throw new errors/* ActionError */.lZ(`ECR's scan of ${what} ended ${status}${out?.imageScanStatus?.description ? ` (${out.imageScanStatus.description})` : ''}, so scan-fail-on can't vouch for the image: fix the cause, or remove scan-fail-on.`);
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
            ...(pushed.builder !== undefined ? { builder: pushed.builder } : {}),
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
        throw new errors/* ActionError */.lZ(`ECR's scan found ${failures.join(', ')} in ${repository.name}@${pushed.digest} (scan-fail-on: ${gate}): fix them and push a new version; the counts are in the job summary, the findings in the ECR console.`);
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
/** The pipeline's stages, each a group in the log, timed for the job summary; none starts after a cancel. */

class Stages {
    signal;
    /** seconds per stage, in the order they ran */
    times = [];
    constructor(signal) {
        this.signal = signal;
    }
    async run(name, fn) {
        this.signal?.throwIfAborted();
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
 * `PipelineDeps` or the AWS SDK, which the unit tests replace. A cancel (the retry
 * policy's signal) stops the docker process running and starts no further stage, try or
 * tag.
 */
















async function pushPipeline(settings, deps) {
    const { aws, build, image, repository } = settings;
    const stages = new Stages(deps.retry.signal);
    const [session, builder] = await stages.run('sign-in', () => Promise.all([
        (0,sign_in/* signIn */.Jv)(aws, { env: deps.env, getIDToken: deps.getIDToken, setSecret: core/* setSecret */.Pq }),
        // A merge builds nothing: it only needs buildx.
        (0,build_builder/* checkBuilder */.ub)(deps.docker, build.mergeDigests.length > 0 ? [] : build.platforms, build.builder)
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
            ? await stages.run('merge', () => merge(settings, deps, destination, registry, builder))
            : await stages.run('build+push', () => buildPush(settings, deps, destination, registry, builder));
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
    const { configDir } = await dockerLogin(docker, credentials, (0,docker_config/* dockerConfigDir */.kG)(env));
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
async function merge(settings, deps, destination, registry, builder) {
    const { build, image } = settings;
    await (0,buildx/* mergeIndex */.$)(deps.docker, destination.uri, image.tags, build.mergeDigests, deps.retry, builder.use);
    const digest = (await registry.manifest(destination.path, image.version))?.digest ?? '';
    return { digest, metadata: {}, built: true, outcome: `merged ${build.mergeDigests.length} platform images into one index`, builder: (0,build_builder/* describeBuilder */.nG)(builder) };
}
/**
 * buildx pushes the version (or, by digest, exports the image the action uploads); once it
 * has exited successfully, the other tags are put on the digest its metadata file names.
 */
async function buildPush(settings, deps, destination, registry, builder) {
    const { build, image } = settings;
    const tags = (0,plan/* tagRoutes */.ZS)(build, image);
    const built = await (0,buildx/* buildAndPush */.s)(deps.docker, build, (0,plan/* imageReferences */.Ef)(destination.uri, tags.buildx), (0,plan/* labelsFor */.dS)(deps.env, image.version), {
        tempDir: deps.env.RUNNER_TEMP,
        repositoryUri: destination.uri,
        retry: deps.retry,
        byDigest: { registry, repository: destination.path },
        buildxConfigDir: (0,record/* buildxConfigDir */.iL)(deps.env),
        builder: builder.use
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
        builder: (0,build_builder/* describeBuilder */.nG)(builder),
        ...(built.bytesUploaded !== undefined ? { uploaded: built.bytesUploaded } : {})
    };
}


/***/ })

};
