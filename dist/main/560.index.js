export const id = 560;
export const ids = [560];
export const modules = {

/***/ 5560:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ship: () => (/* binding */ ship)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 12 modules
var core = __webpack_require__(1988);
// EXTERNAL MODULE: ./src/aws-clients.ts
var aws_clients = __webpack_require__(6447);
// EXTERNAL MODULE: ./src/build.ts
var src_build = __webpack_require__(4323);
// EXTERNAL MODULE: ./src/build-plan.ts
var build_plan = __webpack_require__(5147);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
// EXTERNAL MODULE: ./src/credentials.ts
var src_credentials = __webpack_require__(3029);
// EXTERNAL MODULE: ./src/docker-config.ts
var docker_config = __webpack_require__(7706);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/existing-version.ts
var existing_version = __webpack_require__(2623);
// EXTERNAL MODULE: ./src/registry-api.ts + 1 modules
var registry_api = __webpack_require__(511);
;// CONCATENATED MODULE: ./src/image-size.ts
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
    const children = top.manifests.filter(m => registry_api/* MANIFEST_MEDIA_TYPES */.$T.includes(m.mediaType) && m.platform?.os !== 'unknown');
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

// EXTERNAL MODULE: ./src/oci-push.ts
var oci_push = __webpack_require__(5383);
// EXTERNAL MODULE: ./src/outputs.ts
var src_outputs = __webpack_require__(7729);
// EXTERNAL MODULE: ./src/public-repository.ts
var public_repository = __webpack_require__(2091);
// EXTERNAL MODULE: ./src/registry-login.ts
var registry_login = __webpack_require__(7432);
// EXTERNAL MODULE: ./src/replication.ts
var src_replication = __webpack_require__(8925);
// EXTERNAL MODULE: ./src/repository.ts
var src_repository = __webpack_require__(3627);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecr/dist-cjs/index.js
var dist_cjs = __webpack_require__(8249);
// EXTERNAL MODULE: ./src/inputs.ts + 1 modules
var inputs = __webpack_require__(3014);
;// CONCATENATED MODULE: ./src/scan-gate.ts
/**
 * The scanning gate (`scan-fail-on`): after the push, waits — bounded by `scan-timeout`,
 * with a progress line per poll — for ECR's scan of each platform image, adds up the
 * findings per severity and fails the run at or above the threshold.
 *
 * ECR scans image manifests, not an index, so a multi-platform image is judged by its
 * platform images together. A repository without scan on push gets the scan started here
 * (basic scanning allows one scan per image per day; a scan already started is awaited).
 * A scan that can't finish (FAILED, UNSUPPORTED_IMAGE, …) fails the gate: it can't vouch
 * for the image.
 */



/** Statuses after which findings can be read; ACTIVE is enhanced (continuous) scanning's. */
const DONE = new Set(['COMPLETE', 'ACTIVE']);
const WAITING = new Set(['IN_PROGRESS', 'PENDING']);
/** Severities at or above `threshold` that have findings, most severe first: empty passes. */
function gateFailures(total, threshold) {
    const limit = inputs/* SEVERITIES */.oC.indexOf(threshold);
    return inputs/* SEVERITIES */.oC.filter((s, i) => i <= limit && (total[s] ?? 0) > 0).map(s => `${total[s]} ${s}`);
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
    const parts = inputs/* SEVERITIES */.oC.filter(s => (counts[s] ?? 0) > 0).map(s => `${counts[s]} ${s}`);
    return parts.length > 0 ? parts.join(', ') : 'no findings';
}
async function waitForOne(ecr, repository, image, wait, deadline) {
    const what = `${image.platform || 'image'} ${image.digest.slice(0, 19)}…`;
    const start = wait.now();
    let started = false;
    for (let poll = 1;; poll++) {
        let out;
        try {
            out = await ecr.send(new dist_cjs/* DescribeImageScanFindingsCommand */.TQ0({ repositoryName: repository, imageId: { imageDigest: image.digest } }));
        }
        catch (error) {
            if (error.name !== 'ScanNotFoundException')
                throw error;
        }
        const status = out?.imageScanStatus?.status ?? 'NOT_STARTED';
        if (DONE.has(status))
            return (out?.imageScanFindings?.findingSeverityCounts ?? {});
        if (!WAITING.has(status) && status !== 'NOT_STARTED') {
            throw new errors/* ActionError */.l(`ECR's scan of ${what} ended ${status}${out?.imageScanStatus?.description ? ` (${out.imageScanStatus.description})` : ''}, so scan-fail-on can't vouch for the image: fix the cause, or remove scan-fail-on.`);
        }
        if (status === 'NOT_STARTED' && !started) {
            started = true;
            try {
                await ecr.send(new dist_cjs/* StartImageScanCommand */.Qc9({ repositoryName: repository, imageId: { imageDigest: image.digest } }));
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
        if (wait.now() + interval > deadline) {
            throw new errors/* ActionError */.l(`ECR's scan of ${what} was still ${status} after ${elapsed} s: run the job again later, or raise scan-timeout (now ${wait.timeoutSeconds} s).`);
        }
        wait.log(`Waiting for ECR's scan of ${what}: ${status} (${elapsed} s of ${wait.timeoutSeconds} s)`);
        await wait.sleep(interval);
    }
}
/** Waits for every platform image's scan (together, under one deadline) and adds up their findings. */
async function waitForScans(ecr, repository, images, wait) {
    const deadline = wait.now() + wait.timeoutSeconds * 1000;
    const counts = await Promise.all(images.map(image => waitForOne(ecr, repository, image, wait, deadline)));
    const perImage = images.map((image, i) => ({ ...image, counts: counts[i] ?? {} }));
    return { total: addCounts(counts), perImage };
}

// EXTERNAL MODULE: ./src/summary.ts
var summary = __webpack_require__(8855);
;// CONCATENATED MODULE: ./src/ship.ts
/**
 * The push pipeline, after the inputs: credentials → repository (ECR or ECR Public) →
 * login → push (build, merge, or reuse) → report (scan gate, outputs, summary). Each stage
 * lives in its own module; this one wires them, running beside each other what can.
 * main.ts loads it once the inputs are valid and the builder check and the OIDC token
 * request are under way: it brings the AWS SDK, most of the bundle.
 */



















/** Times each stage for the summary; sequential stages are grouped in the log. */
class Stages {
    times = [];
    /** Stages are listed in the order they started; those that overlap show their own time. */
    async run(name, fn, group = true) {
        const start = performance.now();
        const entry = [name, 0];
        this.times.push(entry);
        try {
            return group ? await core/* group */.Os(name, fn) : await fn();
        }
        finally {
            entry[1] = (performance.now() - start) / 1000;
        }
    }
}
/**
 * ECR: the repository (and replication) is reconciled while the token is fetched, the
 * version tag looked up and — once the repository is known to exist — docker logs in.
 */
async function privateTarget(settings, session, stages, startLogin, writesAfter, registryKnown) {
    const { build, image, repository } = settings;
    const ecr = (0,aws_clients/* createEcrClient */.yv)(session, writesAfter);
    const movingTags = image.tags.filter(t => t !== image.version);
    const mustStayMutable = repository.cacheTag !== undefined ? [...movingTags, repository.cacheTag] : movingTags;
    let exists;
    const known = new Promise(resolve => (exists = resolve));
    // The version tag is asked of ECR's API beside the token (an untagged per-platform push has none).
    const asked = build.pushByDigest ? undefined : (0,existing_version/* askTag */.C7)(ecr, repository.name, image.version);
    asked?.catch(() => undefined);
    const [repo, replication, { credentials, registry, existing }] = await Promise.all([
        stages.run('repository', () => (0,src_repository/* ensureRepository */.z0)(ecr, repository, mustStayMutable, settings.aws.region, exists), false),
        (0,src_replication/* ensureReplication */.RF)(ecr, repository.name, repository.replicateToRegions),
        (0,registry_login/* getRegistryCredentials */.U2)(ecr).then(async (credentials) => {
            // Without a role's ARN to foresee it, the registry is known from here: the build may start.
            registryKnown(credentials.registry);
            // Docker logs in beside the version lookup: almost every run builds (a re-run that
            // turns out to need nothing has logged in for nothing, and the post step logs out).
            void known.then(() => startLogin(credentials));
            const registry = new registry_api/* RegistryClient */.bP(credentials);
            const existing = asked === undefined ? undefined : await (0,existing_version/* findExistingVersion */.N0)(registry, repository.name, image.version, asked);
            return { credentials, registry, existing };
        })
    ]);
    if (replication !== '')
        repo.changes.push(replication);
    return { repo, credentials, registry, path: repository.name, existing, ecr };
}
/** ECR Public: the alias is only known once the repository is, so the version lookup waits for it. */
async function publicTarget(settings, session, stages, startLogin, writesAfter) {
    const { build, image, repository } = settings;
    const pub = await (0,public_repository/* createPublicClient */.lh)(session, writesAfter);
    const [repo, credentials] = await Promise.all([
        stages.run('repository', () => (0,public_repository/* ensurePublicRepository */.ou)(pub, repository, build.platforms), false),
        (0,public_repository/* getPublicRegistryCredentials */.vR)(pub)
    ]);
    const registry = new registry_api/* RegistryClient */.bP(credentials);
    const path = repo.uri.slice(repo.registry.length + 1);
    const existing = build.pushByDigest ? undefined : await (0,existing_version/* findExistingVersion */.N0)(registry, path, image.version);
    if (existing === undefined)
        startLogin(credentials);
    const lifecycle = 'none: ECR Public has no lifecycle policies';
    return { repo: { ...repo, lifecycle, lifecyclePut: false, mutability: { mode: 'MUTABLE', exclusions: [] } }, credentials, registry, path, existing };
}
async function ship(settings, { env, docker }, { builderCheck, idToken, early }) {
    const { image, repository } = settings;
    const stages = new Stages();
    const signingIn = stages.run('sign-in', () => (0,src_credentials/* signIn */.Jv)(settings.aws, undefined, idToken));
    signingIn.catch(() => undefined);
    // With a role, ECR's client is made and its first calls go through the SDK while STS
    // answers: they wait for the role's credentials at the signing step, then go out.
    const { region, roleToAssume } = settings.aws;
    const session = roleToAssume === undefined
        ? { region }
        : { region, credentials: async () => (await signingIn).credentials ?? Promise.reject(new errors/* ActionError */.l(`STS returned no credentials for ${roleToAssume}.`)) };
    // One login per run, started as early as it may be; every later use waits for the same one.
    let loggedIn;
    const startLogin = credentials => {
        loggedIn ??= stages.run('login', async () => {
            core/* saveState */.LZ(constants/* State */.Uw.LoggedInRegistries, JSON.stringify([credentials.registry]));
            const { configDir } = await (0,registry_login/* dockerLogin */.a1)(docker, credentials);
            if (configDir !== undefined)
                core/* saveState */.LZ(constants/* State */.Uw.LoginConfigDir, configDir);
            core/* info */.pq(`Logged in to ${credentials.registry}`);
        }, false);
        // A failed login is reported where the run needs it, not as an unhandled rejection.
        loggedIn.catch(() => undefined);
    };
    const targeting = repository.type === 'public'
        ? publicTarget(settings, session, stages, startLogin, builderCheck)
        : privateTarget(settings, session, stages, startLogin, builderCheck, registry => void early.start(registry));
    targeting.catch(() => undefined);
    // A failed sign-in is the run's error, not the calls that waited for it.
    const signedIn = await signingIn;
    if (settings.aws.exportCredentials)
        (0,src_credentials/* exportCredentials */.rG)(signedIn);
    const target = await targeting;
    const { repo, credentials, registry, path, existing } = target;
    for (const change of repo.changes)
        core/* info */.pq(`Repository ${repository.name}: ${change}`);
    if (!repo.lifecyclePut)
        core/* info */.pq(`Lifecycle policy: ${repo.lifecycle}`);
    for (const warning of repo.warnings)
        core/* warning */.$e(warning);
    // Re-runs: an existing version tag is reused or refused before anything is built.
    const decision = (0,existing_version/* decideVersion */.vI)(existing, { sha: env.GITHUB_SHA ?? '', version: image.version, repository: repository.name }, image.ifVersionExists);
    const login = () => {
        startLogin(credentials);
        return loggedIn ?? Promise.resolve();
    };
    // What latest was before this run, for the size a push adds: read once, just before the
    // run moves it (while buildx exports the cache), not while the build starts.
    let previousRead;
    const previous = {
        read: () => (previousRead ??= settings.summary && image.latest ? readImages(registry, path, 'latest').catch(() => undefined) : Promise.resolve(undefined)),
        taken: () => previousRead ?? Promise.resolve(undefined)
    };
    const explained = (work) => (0,src_build.explainFailure)(work, builderCheck);
    const pushed = await push(settings, { env, docker }, stages, target, decision, { login: () => explained(login()), explained, previous }, await early.current());
    await report(settings, stages, target, decision, pushed, previous.taken());
}
/** The platform images of what was pushed, for the summary and the scan gate; none when neither needs them. */
function platformImages(settings, registry, path, digest) {
    const { build } = settings;
    if (!settings.summary && settings.scan.failOn === undefined)
        return Promise.resolve([]);
    const single = build.platforms.length === 1 && build.mergeDigests.length === 0 ? (build.platforms[0] ?? '') : '';
    return readPlatformImages(registry, path, digest, single).catch(() => []);
}
/** Stage 5: reuse the existing version (moving tags back), merge per-platform digests, or build and push. */
async function push(settings, { env, docker }, stages, target, decision, { login, explained, previous }, earlyBuild) {
    const { build, image } = settings;
    const { repo, registry, path, existing, credentials } = target;
    // A build started early goes on if it pushes where ECR says the repository is; else it
    // is interrupted at once (a re-run builds nothing; a foreseen URI can differ).
    const early = decision.build && earlyBuild?.repositoryUri === repo.uri ? earlyBuild : undefined;
    if (earlyBuild !== undefined && early === undefined)
        void earlyBuild.dispose();
    if (!decision.build && existing !== undefined) {
        core/* info */.pq(`Not building: ${decision.reason}.`);
        // The job's later steps find docker logged in, as after a build.
        const [moved] = await Promise.all([
            (0,existing_version/* moveTags */.Fu)(registry, { name: path, mutability: repo.mutability }, existing.digest, image.tags.filter(t => t !== image.version), src_build.defaultRetry),
            login()
        ]);
        return { digest: existing.digest, metadata: {}, outcome: `skipped: ${decision.reason}${moved.length > 0 ? `; moved ${moved.join(', ')} to it` : ''}` };
    }
    // The build's own credentials come from its gate: the job's login goes on beside it.
    const loggedIn = early ? login() : undefined;
    if (!early)
        await login();
    if (build.mergeDigests.length > 0) {
        await previous.read();
        const digest = await stages.run('merge', async () => {
            await explained((0,src_build.mergeIndex)(docker, repo.uri, image.tags, build.mergeDigests));
            return (await registry.manifest(path, image.version))?.digest ?? '';
        });
        return { digest, metadata: {}, outcome: `merged ${build.mergeDigests.length} platform images into one index` };
    }
    const tags = (0,build_plan/* tagRoutes */.ZS)(build, image);
    let images;
    const byDigest = { registry, repository: path };
    const result = await stages.run('build+push', async () => {
        let started;
        if (early) {
            core/* info */.pq(`The build started ${((performance.now() - early.startedAt) / 1000).toFixed(1)} s ago, when the registry was known; it gets the registry's credentials now.`);
            started = await early.release(credentials);
        }
        else {
            started = await (0,src_build.startBuild)(docker, build, (0,build_plan/* imageReferences */.Ef)(repo.uri, tags.buildx), (0,build_plan/* labelsFor */.dS)(env, image.version), {
                tempDir: env.RUNNER_TEMP,
                repositoryUri: repo.uri,
                configDir: (0,docker_config/* dockerConfigDir */.kG)(env)
            });
        }
        const building = (0,src_build.finishBuild)(build, started, { byDigest }).finally(() => early?.dispose());
        /** The other tags put on the pushed index, and the summary's reads of its platform images. */
        const follow = (digest) => {
            images = platformImages(settings, registry, path, digest);
            return { digest, tagged: previous.read().then(() => (0,oci_push/* addTags */.J)(registry, path, digest, tags.api, src_build.defaultRetry)) };
        };
        // As soon as buildx says it is done pushing the version's index (it then exports the
        // cache before it ends), not after. Its "done" also ends a push that failed: the tags
        // go on only if the registry has that index (addTags reads it first); if not, or on
        // any error, they are put after the build, as without this.
        const followed = started.pushed.then(digest => {
            if (digest === undefined)
                return undefined;
            const { tagged } = follow(digest);
            return { digest, tagged: tagged.then(() => true, () => false) };
        });
        const [built] = await Promise.all([explained(building), loggedIn]);
        const first = await followed;
        // The digest buildx reports at its end is the one that counts (a retried push may differ).
        const tagged = first !== undefined && (await first.tagged) && first.digest === built.digest;
        if (!tagged)
            await follow(built.digest).tagged;
        if (tags.api.length === 0)
            return built;
        core/* info */.pq(`Tagged ${built.digest} as ${tags.api.join(', ')}`);
        // The metadata names every tag, as when buildx pushes them all.
        const metadata = typeof built.metadata['image.name'] === 'string' ? { ...built.metadata, 'image.name': (0,build_plan/* imageReferences */.Ef)(repo.uri, image.tags).join(',') } : built.metadata;
        return { ...built, metadata };
    });
    return {
        ...(images ? { images } : {}),
        digest: result.digest,
        metadata: result.metadata,
        outcome: build.pushByDigest ? 'built and pushed by digest (untagged), for a merge' : 'built and pushed',
        ...(result.bytesUploaded !== undefined ? { uploaded: result.bytesUploaded } : {})
    };
}
/**
 * Stage 6: the platform images, the scan gate, the outputs and the summary — then the
 * gate's verdict, so a failing scan still leaves the outputs and the findings behind.
 */
async function report(settings, stages, target, decision, { digest, metadata, outcome, uploaded, images: reading }, previous) {
    const { build, image, repository } = settings;
    const { repo, registry, path } = target;
    const gate = settings.scan.failOn;
    const images = await (reading ?? platformImages(settings, registry, path, digest));
    const scan = gate !== undefined && target.ecr !== undefined
        ? await stages.run('scan', () => waitForScans(target.ecr, repository.name, images.map(({ platform, digest }) => ({ platform, digest })), scanWait(settings.scan.timeoutSeconds)))
        : undefined;
    const failures = scan && gate ? gateFailures(scan.total, gate) : [];
    const pushedTags = build.pushByDigest ? { ...image, tags: [], latest: false } : image;
    const replicas = build.pushByDigest ? [] : (0,src_replication/* replicaUris */.Ix)(`${repo.uri}:${image.version}`, repository.replicateToRegions);
    const outputs = (0,src_outputs/* imageOutputs */.am)({
        ...(0,src_outputs/* outputBase */.zx)(pushedTags, repo.uri, repo.registry),
        digest,
        metadata,
        skipped: !decision.build,
        replicaUris: replicas,
        ...(scan ? { scanFindings: scan.total } : {})
    });
    (0,src_outputs/* setOutputs */.n0)(outputs);
    core/* info */.pq(`${decision.build ? 'Pushed' : 'Kept'} ${outputs['image-digest-uri']}`);
    if (settings.summary) {
        const sizes = sizeReport(images, await previous, settings.storagePrice, 1 + repository.replicateToRegions.length);
        if (!decision.build)
            sizes.addedBytes = 0;
        if (uploaded !== undefined)
            Object.assign(sizes, { addedBytes: uploaded, addedBy: 'upload' });
        const priceSource = (settings.storagePrice === constants/* STORAGE_PRICE_USD_PER_GB_MONTH */.Uz ? `ECR's price, ${constants/* STORAGE_PRICE_AS_OF */.Hm}` : 'storage-price') +
            (repository.type === 'public' ? '; ECR Public: the first 50 GB a month are free' : '');
        await (0,summary/* writeSummary */.Sy)({
            repository: repository.name,
            pushed: true,
            skipped: !decision.build,
            timings: stages.times,
            outcome,
            imageUri: outputs['image-uri'],
            imageDigestUri: outputs['image-digest-uri'],
            digest,
            tags: image.tags,
            platforms: build.platforms,
            platformDigests: images.filter(i => i.platform !== '').map(({ platform, digest }) => ({ platform, digest })),
            cache: build.cache.type === 'ecr' ? `ecr (${repo.uri}:${build.cache.tag})` : build.cache.type,
            repositoryChanges: repo.changes,
            lifecycle: repo.lifecyclePut ? '' : repo.lifecycle,
            warnings: repo.warnings,
            ...(images.length > 0 ? { size: { lines: sizeLines(sizes, settings.storagePrice, priceSource) } } : {}),
            ...(scan && gate ? { scan: `${formatCounts(scan.total)} — scan-fail-on ${gate}: ${failures.length > 0 ? 'failed' : 'passed'}` } : {}),
            replicas
        });
    }
    if (failures.length > 0) {
        throw new errors/* ActionError */.l(`ECR's scan found ${failures.join(', ')} in ${repository.name}@${digest} (scan-fail-on: ${gate}): fix them and push a new version; the counts are in the job summary, the findings in the ECR console.`);
    }
}
/** Polls quickly at first (scans of small images finish in seconds), then every 5 s. */
function scanWait(timeoutSeconds) {
    return {
        timeoutSeconds,
        interval: poll => Math.min(1000 * 2 ** (poll - 1), 5000),
        sleep: ms => new Promise(resolve => setTimeout(resolve, ms)),
        log: line => core/* info */.pq(line),
        now: () => Date.now()
    };
}
/** The platform images a tag names now; undefined when it names none. */
async function readImages(registry, path, tag) {
    const top = await registry.manifest(path, tag);
    return top ? readPlatformImages(registry, path, top.digest) : undefined;
}


/***/ })

};
