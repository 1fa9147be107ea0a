export const id = 779;
export const ids = [779];
export const modules = {

/***/ 1779:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  pushPipeline: () => (/* binding */ pushPipeline)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 20 modules
var core = __webpack_require__(3110);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: ./src/aws/clients.ts
var clients = __webpack_require__(201);
// EXTERNAL MODULE: ./src/aws/public-repository.ts
var public_repository = __webpack_require__(3765);
// EXTERNAL MODULE: ./src/aws/registry-token.ts
var registry_token = __webpack_require__(8318);
// EXTERNAL MODULE: ./src/aws/registry-scanning.ts
var registry_scanning = __webpack_require__(8756);
// EXTERNAL MODULE: ./src/aws/replication.ts
var aws_replication = __webpack_require__(5107);
// EXTERNAL MODULE: ./src/aws/repository.ts + 1 modules
var aws_repository = __webpack_require__(3330);
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
    // Read once, only when it matters: for the gate (beside the other reads), or for scan-on-push drift.
    const scanning = (0,registry_scanning/* registryScanningReader */.ud)(ecr);
    const ensured = (0,aws_repository/* ensureRepository */.z0)(ecr, repository, movingTags(settings), settings.aws.region, scanning.get);
    const [repo, replication, credentials, scanConfig] = await Promise.all([
        ensured,
        // Read side by side; a replication write waits for the repository, whose checks may stop the run first.
        (0,aws_replication/* ensureReplication */.RF)(ecr, repository.name, repository.replicateToRegions, { ...aws_replication/* DEFAULT_REPLICATION_WRITE */.Hm, beforeWrite: () => ensured }),
        (0,registry_token/* registryToken */.pd)(() => (0,registry_token/* getRegistryCredentials */.U2)(ecr, undefined, settings.aws.dualStack)),
        settings.scan.failOn !== undefined ? scanning.get() : undefined
    ]);
    const changes = replication !== '' ? [...repo.changes, replication] : repo.changes;
    const refused = scanning.warning();
    // ECR names the repository by its IPv4 registry name; dual-stack pushes to the same registry by its other name.
    const dualStack = settings.aws.dualStack;
    return {
        uri: dualStack ? (0,registry_token/* onDualStack */.SH)(repo.uri) : repo.uri,
        registry: dualStack ? (0,registry_token/* dualStackRegistry */.aH)(repo.registry) : repo.registry,
        path: repository.name,
        changes,
        warnings: refused !== undefined ? [...repo.warnings, refused] : repo.warnings,
        ...(repo.notes !== undefined ? { notes: repo.notes } : {}),
        lifecycle: repo.lifecyclePut ? '' : repo.lifecycle,
        mutability: repo.mutability,
        credentials,
        ecr,
        ...(scanConfig !== undefined ? { scanning: scanConfig } : {})
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

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecr/dist-cjs/index.js
var dist_cjs = __webpack_require__(8249);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/aws/image-status.ts
/**
 * A re-run's one question to ECR about the image its version tag names: is it in the
 * standard storage class? An image in ECR's archive can't be pulled until it is restored
 * (UpdateImageStorageClass to STANDARD, done within about 20 minutes), so it is no release
 * to keep or to move tags to. One DescribeImages call by digest, made only when the tag
 * exists (ECR only: ECR Public has no archive). The SDK's client bounds it (timeouts, its
 * retries), and the run's cancel aborts it.
 */


const STATUSES = new Set(['ACTIVE', 'ARCHIVED', 'ACTIVATING']);
/** The exact command that restores an image to ECR's standard storage class. */
function restoreCommand(repository, digest, region) {
    return `aws ecr update-image-storage-class --region ${region} --repository-name ${repository} --image-id imageDigest=${digest} --target-storage-class STANDARD`;
}
/**
 * The storage state of `digest` in `repository`. An answer that doesn't list the image
 * (ECR lists only ACTIVE images where no status filter is given, so an archived one may be
 * missing) is reported as ARCHIVED-or-missing: the run can't show the image is pullable.
 * An image listed without a status predates ECR's archive and is taken as ACTIVE.
 * AccessDenied names the permission; any other failure fails the run with ECR's error name.
 */
async function readStorageState(ecr, repository, digest, signal) {
    let out;
    try {
        out = await ecr.send(new dist_cjs/* DescribeImagesCommand */.ji5({ repositoryName: repository, imageIds: [{ imageDigest: digest }] }), signal ? { abortSignal: signal } : {});
    }
    catch (error) {
        const name = error instanceof Error ? error.name : 'Error';
        if (name === 'ImageNotFoundException')
            return undefined;
        if (/AccessDenied/.test(name)) {
            throw new errors/* ActionError */.lZ(`AWS refused ecr:DescribeImages (${name}): a re-run reads whether the existing image ${digest} is archived before keeping it or moving any tag to it; ` +
                `allow ecr:DescribeImages on the repository for the role (a run with dry-run: true prints the whole least-privilege policy).`);
        }
        throw new errors/* ActionError */.lZ(`Could not read the storage class of the existing image ${digest} (DescribeImages: ${name}): no tag was moved; run the job again.`);
    }
    const detail = out.imageDetails?.find(d => d.imageDigest === digest);
    if (detail === undefined)
        return undefined;
    const status = detail.imageStatus ?? 'ACTIVE';
    if (!STATUSES.has(status)) {
        throw new errors/* ActionError */.lZ(`ECR reports the existing image ${digest} as '${status}', a storage state this action doesn't know: no tag was moved; restore the image or push a new version.`);
    }
    return {
        status: status,
        ...(detail.imageSizeInBytes !== undefined ? { bytes: detail.imageSizeInBytes } : {}),
        ...(detail.lastArchivedAt !== undefined ? { archivedAt: detail.lastArchivedAt } : {})
    };
}

// EXTERNAL MODULE: ./src/aws/sign-in.ts + 1 modules
var sign_in = __webpack_require__(2369);
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
// EXTERNAL MODULE: ./src/registry/docker-config.ts + 1 modules
var docker_config = __webpack_require__(240);
// EXTERNAL MODULE: ./src/registry/existing-version.ts
var existing_version = __webpack_require__(6527);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/registry/config-login.ts
/**
 * The registry login the main step writes into docker's config file, and how the post step
 * takes it out again without taking anyone else's: jobs on a self-hosted runner that share
 * `~/.docker` log in to the same registry side by side, and the user may have had a login
 * there before the run.
 *
 * The main step remembers the entry it wrote only as a SHA-256 of it (step state: nothing
 * to log in with), and the entry it replaced, if any, in a file of its own in the runner's
 * temporary folder, readable by its owner only, that the post step reads and deletes. That
 * entry is a credential: the step state (GITHUB_STATE) is a file too, but its values become
 * the post step's environment, which any process of the user can read, and nothing deletes
 * it before the job ends. The copy adds no reader: config.json, which held it, is a file of
 * the same user, also readable by its owner only.
 *
 * The post step, under the config's lock: the entry still the one written → the replaced
 * one back (or none); another entry since (another job logged in) → left alone, said in one
 * line, and handed off: what this run replaced is kept beside config.json (HANDOFF, owner
 * only) under the hash of this run's entry, so the run that replaced it, putting this run's
 * entry back at its end, puts back the older one instead — once every run has ended the
 * config holds what it held before the first, and no run's token. Node built-ins only: the
 * post step's bundle stays small.
 */





const REPLACED_PREFIX = `${constants/* TEMP_DIR_PREFIX */.Qx}replaced-login-`;
/** Beside config.json: entries of runs that ended while another run's login covered theirs. */
const HANDOFF = 'ecr-build-push-handoff.json';
/** A handoff outlives no token it is about: ECR's last 12 hours. */
const HANDOFF_TTL_MS = 12 * 3600_000;
/** SHA-256 of an entry as JSON with its keys sorted: the same entry whoever wrote the file. */
function entryHash(entry) {
    const sorted = typeof entry === 'object' && entry !== null && !Array.isArray(entry) ? Object.fromEntries(Object.entries(entry).sort(([a], [b]) => (a < b ? -1 : 1))) : entry;
    return (0,external_node_crypto_.createHash)('sha256').update(JSON.stringify(sorted)).digest('hex');
}
/**
 * Main step: puts `entry` in the config for the registry; undefined when docker keeps the
 * registry's credentials elsewhere. `earlier` is this run's own earlier login (a renewed
 * token): while its entry is still there, what it replaced stays what this one replaces;
 * if another run's entry covers it, it is handed off as at the post step.
 */
async function writeLogin(configDir, registry, entry, tempDir, earlier) {
    let saved;
    try {
        const done = await (0,docker_config/* editDockerConfig */.B1)(configDir, registry, async (config, file) => {
            const current = config.auths?.[registry];
            let replaced = earlier?.replaced;
            if (earlier === undefined || current === undefined || entryHash(current) !== earlier.sha256) {
                if (earlier !== undefined && current !== undefined)
                    await handOff(file, earlier, await readReplaced(earlier.replaced).catch(() => undefined));
                if (earlier?.replaced !== undefined)
                    await removeReplaced(earlier.replaced);
                replaced = saved = current === undefined ? undefined : await saveReplaced(tempDir, current);
            }
            config.auths = { ...config.auths, [registry]: entry };
            return { registry, sha256: entryHash(entry), ...(replaced !== undefined ? { replaced } : {}) };
        });
        return done?.result;
    }
    catch (error) {
        if (saved !== undefined)
            await removeReplaced(saved);
        throw error;
    }
}
/** What the post step does with the entry it finds: `written` unknown (no record) → removed, as docker logout would. */
function decideUndo(current, written) {
    if (current === undefined)
        return 'gone';
    if (written === undefined)
        return 'remove';
    if (entryHash(current) !== written.sha256)
        return 'changed';
    return written.replaced !== undefined ? 'restore' : 'remove';
}
/**
 * Post step: undoes the login in the config (decideUndo); undefined when docker keeps the
 * registry's credentials elsewhere now. A replaced entry that can't be read back is warned
 * about, and the run's own entry still removed.
 */
async function undoLogin(configDir, registry, written, warn) {
    let replaced;
    try {
        replaced = await readReplaced(written?.replaced);
    }
    catch (error) {
        warn(`The login to ${registry} this run replaced in docker's config could not be read back (${error.message}); removing this run's.`);
    }
    const done = await editDockerConfig(configDir, registry, async (config, file) => {
        const decision = decideUndo(config.auths?.[registry], written);
        if (decision === 'gone')
            return decision;
        if (decision === 'changed' && written !== undefined) {
            await handOff(file, written, replaced);
            return decision;
        }
        const back = decision === 'restore' ? await takeHandedOff(file, replaced) : undefined;
        const { [registry]: _, ...others } = config.auths ?? {};
        config.auths = back !== undefined ? { ...others, [registry]: back } : others;
        return back !== undefined ? 'restored' : 'removed';
    });
    return done?.result;
}
/** Records that this run's entry, covered by another run's, stands for the entry it replaced. */
async function handOff(file, written, replaced) {
    const handoff = await readHandoff(file);
    const stands = resolve(handoff, replaced);
    // An entry that would stand for itself (two runs given the same token) needs no handoff.
    if (stands === undefined || entryHash(stands) !== written.sha256)
        handoff[written.sha256] = { replaced: stands ?? null, at: Date.now() };
    await writeHandoff(file, handoff);
}
/** The entry to put back: through the handoffs of runs that have ended, to the one before them. */
async function takeHandedOff(file, entry) {
    if (entry === undefined)
        return undefined;
    const handoff = await readHandoff(file);
    const before = Object.keys(handoff).length;
    const back = resolve(handoff, entry);
    if (Object.keys(handoff).length !== before)
        await writeHandoff(file, handoff);
    return back;
}
/** Follows (and takes out) the handoffs from `entry`; undefined: none to put back. */
function resolve(handoff, entry) {
    while (entry !== undefined && entry !== null) {
        const step = handoff[entryHash(entry)];
        if (step === undefined)
            return entry;
        delete handoff[entryHash(entry)];
        entry = step.replaced;
    }
    return undefined;
}
async function readHandoff(file) {
    let text;
    try {
        text = await (0,promises_.readFile)(external_node_path_default().join(external_node_path_default().dirname(file), HANDOFF), 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return {};
        throw error;
    }
    const handoff = JSON.parse(text);
    if (typeof handoff !== 'object' || handoff === null || Array.isArray(handoff))
        throw new Error(`${HANDOFF} beside docker's config is not a JSON object`);
    return handoff;
}
/** Writes the handoffs (owner only) without those older than any token; no file when none is left. */
async function writeHandoff(file, handoff) {
    const kept = Object.entries(handoff).filter(([, h]) => Date.now() - h.at < HANDOFF_TTL_MS);
    const target = external_node_path_default().join(external_node_path_default().dirname(file), HANDOFF);
    if (kept.length === 0)
        await (0,promises_.rm)(target, { force: true });
    else
        await (0,docker_config/* replaceFile */.fR)(target, `${JSON.stringify(Object.fromEntries(kept))}\n`);
}
/** Keeps a replaced entry in a new file only its owner reads. */
async function saveReplaced(dir, entry) {
    const file = external_node_path_default().join(dir, `${REPLACED_PREFIX}${(0,external_node_crypto_.randomUUID)()}.json`);
    await (0,promises_.writeFile)(file, JSON.stringify(entry), { mode: 0o600, flag: 'wx' });
    return file;
}
/** Only files the action names as its own: the path comes from the step state. */
const isReplacedFile = (file) => external_node_path_default().isAbsolute(file) && external_node_path_default().basename(file).startsWith(REPLACED_PREFIX);
/** The entry a replaced-entry file keeps; undefined for no file. */
async function readReplaced(file) {
    if (file === undefined)
        return undefined;
    if (!isReplacedFile(file))
        throw new Error(`${file} is not a file the action wrote`);
    return JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
}
/** Deletes the file keeping a replaced entry (the post step, whatever it did with the login). */
async function removeReplaced(file) {
    if (isReplacedFile(file))
        await (0,promises_.rm)(file, { force: true });
}

// EXTERNAL MODULE: ./src/docker.ts
var src_docker = __webpack_require__(3871);
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
 * helper keeps it. Either way the password is on no command line, and the post step
 * takes the login out again: in the config file, only the entry this run wrote, and the
 * one it replaced back (config-login.ts).
 */
async function dockerLogin(docker, credentials, configDir = (0,docker_config/* dockerConfigDir */.kG)(), options = {}) {
    const { registry, username, password } = credentials;
    const written = await storeInConfigFile(configDir, credentials, options);
    if (written !== undefined)
        return { registry, configDir, written };
    const result = await docker(['login', '--username', username, '--password-stdin', registry], {
        input: Buffer.from(password, 'utf8')
    });
    if (result.exitCode !== 0) {
        throw new errors/* ActionError */.lZ(`docker login to ${registry} failed: ${(0,src_docker/* lastLine */.fM)(result)}`);
    }
    return { registry };
}
/** Writes the login to config.json when docker keeps credentials there; undefined when a credential store or helper does, or the file can't be read. */
async function storeInConfigFile(configDir, { registry, username, password }, options) {
    const entry = { auth: Buffer.from(`${username}:${password}`, 'utf8').toString('base64') };
    try {
        return await writeLogin(configDir, registry, entry, options.tempDir ?? external_node_os_default().tmpdir(), options.earlier?.written);
    }
    catch (error) {
        throw new errors/* ActionError */.lZ(`Could not store docker's credentials: ${error.message}`);
    }
}
/**
 * A notice for a self-hosted runner's job without a docker config of its own: its logins,
 * contexts and builders are in a folder every job of the machine's user shares.
 */
function sharedConfigNotice(env) {
    if (env.RUNNER_ENVIRONMENT !== 'self-hosted' || env.DOCKER_CONFIG)
        return undefined;
    return (`DOCKER_CONFIG is not set: this job shares docker's config (${(0,docker_config/* dockerConfigDir */.kG)(env)}), and its registry logins, with every job of this machine's user. ` +
        "Give each job its own: DOCKER_CONFIG: ${{ runner.temp }}/docker-config in the job's env (README: Self-hosted runners → Shared docker config).");
}

// EXTERNAL MODULE: ./src/registry/refusals.ts
var refusals = __webpack_require__(390);
// EXTERNAL MODULE: ./src/registry/already-tagged.ts
var already_tagged = __webpack_require__(8752);
// EXTERNAL MODULE: ./src/aws/repository-plan.ts
var repository_plan = __webpack_require__(2129);
// EXTERNAL MODULE: ./src/registry/image-config.ts
var image_config = __webpack_require__(3689);
;// CONCATENATED MODULE: ./src/registry/latest-rule.ts
/**
 * `latest` only moves forward — pure. Two runs racing (an older commit finishing last) or
 * the re-run of an old release job must not move `latest` back to an older image without
 * anyone noticing. The image `latest` names now and the one this run would put there are
 * compared by their `org.opencontainers.image.version` labels when both are semver (a
 * leading `v` allowed), else by their created time; the reads are in latest.ts.
 */
const NUMBER = '0|[1-9]\\d*';
const PRE_ID = `(?:${NUMBER}|\\d*[A-Za-z-][0-9A-Za-z-]*)`;
const SEMVER = new RegExp(`^v?(${NUMBER})\\.(${NUMBER})\\.(${NUMBER})(?:-(${PRE_ID}(?:\\.${PRE_ID})*))?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?$`);
/** A semantic version (semver.org 2.0.0), with or without a leading `v`; undefined for anything else. */
function parseSemver(text) {
    const m = SEMVER.exec(text);
    if (!m)
        return undefined;
    return { core: [m[1] ?? '0', m[2] ?? '0', m[3] ?? '0'], pre: m[4] !== undefined ? m[4].split('.') : [] };
}
/** Numbers without leading zeros, of any length: the longer is larger. */
const compareNumbers = (a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
const isNumber = (id) => /^\d+$/.test(id);
/** semver's precedence: < 0 when `a` is lower, 0 when equal (build metadata ignored), > 0 when higher. */
function compareSemver(a, b) {
    for (let i = 0; i < 3; i++) {
        const c = compareNumbers(a.core[i] ?? '0', b.core[i] ?? '0');
        if (c !== 0)
            return Math.sign(c);
    }
    // A pre-release is lower than its release.
    if (a.pre.length === 0 || b.pre.length === 0)
        return Math.sign(b.pre.length - a.pre.length);
    for (let i = 0; i < Math.min(a.pre.length, b.pre.length); i++) {
        const x = a.pre[i] ?? '';
        const y = b.pre[i] ?? '';
        if (x === y)
            continue;
        // Numeric identifiers are lower than alphanumeric ones; alphanumeric ones compare in ASCII order.
        if (isNumber(x) && isNumber(y))
            return Math.sign(compareNumbers(x, y));
        if (isNumber(x) !== isNumber(y))
            return isNumber(x) ? -1 : 1;
        return x < y ? -1 : 1;
    }
    return Math.sign(a.pre.length - b.pre.length);
}
const time = (created) => {
    const ms = created === '' ? NaN : Date.parse(created);
    return Number.isNaN(ms) ? undefined : ms;
};
/** An image in words for the log: `2.0.0 (sha256:0123456789ab…, created 2026-…)`. */
function describeImage(image) {
    const details = [`${image.digest.slice(0, 19)}…`, ...(image.created !== '' ? [`created ${image.created}`] : [])];
    return `${image.version !== '' ? `${image.version} ` : ''}(${details.join(', ')})`;
}
/**
 * Whether `latest` may move from `current` (undefined: there is no `latest` yet) to `next`:
 * backwards when both versions are semver and the new one is lower; otherwise (not both
 * semver, or equal) when the new image was created before the current one. A current image
 * with neither data to compare (pushed by another tool) lets it move, and the log says so.
 */
function judgeLatest(current, next) {
    if (current === undefined || current.digest === next.digest)
        return { move: true };
    const [from, to] = [parseSemver(current.version), parseSemver(next.version)];
    if (from !== undefined && to !== undefined) {
        const order = compareSemver(to, from);
        if (order < 0)
            return { move: false, why: `this run's version ${next.version} is lower than ${current.version}` };
        if (order > 0)
            return { move: true };
    }
    const [then, now] = [time(current.created), time(next.created)];
    if (then !== undefined && now !== undefined) {
        return now < then ? { move: false, why: `this run's image was created ${next.created}, before ${current.created}` } : { move: true };
    }
    const note = then === undefined
        ? `'latest' named ${current.digest}, which has ${from === undefined ? 'neither a semver version label nor a' : 'no'} created time to compare with (pushed by another tool?): moved it to this run's image`
        : `this run's image has no created time to compare with ${describeImage(current)}: moved 'latest' to it`;
    return { move: true, note };
}

;// CONCATENATED MODULE: ./src/registry/tags.ts
/**
 * Tags put on an image the repository already has, over the registry API: after a build
 * (buildx pushes the version; the other tags follow, one request each) and on a re-run
 * that builds nothing (the tags move back to the existing image). `latest` goes through
 * latest.ts, which moves it only forward.
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
        try {
            const stored = await (0,refusals/* withRegistryRetry */.ox)(client.registry, `the tag '${tag}'`, retry, () => client.putManifest(repository, tag, manifest.mediaType, manifest.body));
            if (stored !== '' && stored !== digest)
                throw new errors/* ActionError */.lZ(`The registry stored '${tag}' as ${stored}, not ${digest}: run the job again.`);
        }
        catch (error) {
            // An immutable tag refused on a try after a lost answer: fine when it names this digest (already-tagged.ts).
            if (!(error instanceof refusals/* ImmutableTagError */.zF) || error.tag !== tag || (await (0,already_tagged/* readTag */.zW)(client, repository, tag, retry))?.digest !== digest)
                throw error;
            core/* info */.pq((0,already_tagged/* foundTag */.jb)(tag, digest));
        }
    }
}
/**
 * A skipped version still moves the tags that follow it (those the repository lets move;
 * `latest` through latest.ts) when they point elsewhere: the existing index put under each,
 * one request a tag. Returns the tags moved.
 */
async function moveTags(registry, repo, digest, tags, retry) {
    const moving = [];
    for (const tag of tags) {
        const current = await (0,already_tagged/* readTag */.zW)(registry, repo.name, tag, retry);
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

;// CONCATENATED MODULE: ./src/registry/latest.ts
/**
 * `latest` moved to this run's image — only forward. Right before the move, what the
 * registry holds under `latest` now is read and judged against this run's image
 * (latest-rule.ts): going back is refused with a warning that names the image that stays
 * and why, and the run still succeeds (its version tag is pushed). When the image `latest`
 * names can't be read, it is not moved either (fail closed). `latest-may-move-back: true`
 * moves it without the check.
 */








const LATEST = 'latest';
/** The facts the rule judges, from the config of the first platform image `manifest` stands for. */
async function readFacts(registry, repository, manifest) {
    const config = await (0,image_config/* firstImageConfig */.mo)(registry, repository, manifest);
    if (config === undefined)
        throw new errors/* ActionError */.lZ(`${manifest.digest} names no platform image the registry has`);
    return { digest: manifest.digest, version: config.labels[image_config/* LABEL */.d_.version] ?? '', created: config.created || (config.labels[image_config/* LABEL */.d_.created] ?? '') };
}
function keep(warning, why) {
    core/* warning */.$e(warning);
    return { action: 'kept', why };
}
/** Moves `latest` to `digest` unless that would move it back (or whether it would can't be known). */
async function moveLatest(registry, repository, digest, retry, options) {
    let current;
    let facts;
    let reading = `what '${LATEST}' names`;
    try {
        current = await (0,already_tagged/* readTag */.zW)(registry, repository, LATEST, retry);
        if (current?.digest === digest)
            return { action: 'unchanged' };
        if (current !== undefined && options.mutability !== undefined && !(0,repository_plan/* isTagMutable */.bo)(LATEST, options.mutability)) {
            return keep(`'${LATEST}' points to another image and the repository keeps it immutable: left as it is.`, `${LATEST} kept: the repository keeps it immutable`);
        }
        if (current !== undefined && !options.allowBack) {
            const now = current;
            reading = `the image '${LATEST}' names (${now.digest}) or this run's (${digest})`;
            const next = await (0,refusals/* withRegistryRetry */.ox)(registry.registry, `reading ${digest.slice(0, 19)}…`, retry, () => registry.manifest(repository, digest));
            if (next === undefined)
                throw new errors/* ActionError */.lZ(`the registry has no ${digest}`);
            facts = await (0,refusals/* withRegistryRetry */.ox)(registry.registry, `reading the images of '${LATEST}' and this run`, retry, () => Promise.all([readFacts(registry, repository, now), readFacts(registry, repository, next)]));
        }
    }
    catch (error) {
        if (retry.signal?.aborted)
            throw error;
        return keep(`'${LATEST}' was not moved: ${reading} could not be read (${error.message}), so whether this run's image is newer is not known. Run the job again to move it, or set latest-may-move-back: true.`, `${LATEST} kept: ${reading} could not be read`);
    }
    if (facts !== undefined) {
        const [now, next] = facts;
        const verdict = judgeLatest(now, next);
        if (!verdict.move) {
            return keep(`'${LATEST}' stays on ${describeImage(now)}: ${verdict.why}, and '${LATEST}' only moves forward. Set latest-may-move-back: true to move it back.`, `${LATEST} kept on ${describeImage(now)}: ${verdict.why}`);
        }
        if (verdict.note !== undefined)
            core/* info */.pq(verdict.note);
    }
    await addTags(registry, repository, digest, [LATEST], retry);
    return { action: 'moved' };
}

// EXTERNAL MODULE: ./src/report/image-size.ts
var image_size = __webpack_require__(5133);
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
 *
 * With the registry's ENHANCED scanning (Amazon Inspector), no basic scan is started: the
 * gate waits for Inspector's first result (PENDING until then, ACTIVE once scanned) and
 * counts the `enhancedFindings` by severity, every page of them; UNTRIAGED (Inspector has
 * not rated it yet) counts as UNDEFINED, the lowest severity. Statuses that carry no
 * current findings (FINDINGS_UNAVAILABLE, SCAN_ELIGIBILITY_EXPIRED, …) fail the gate.
 */



/** An enhanced finding's severity as the gate ranks it: UNTRIAGED (and anything unknown) as UNDEFINED. */
function enhancedSeverity(severity) {
    return types/* SEVERITIES */.o.includes(severity ?? '') ? severity : 'UNDEFINED';
}
/** Counts and ARNs per severity of enhanced findings. */
function countEnhanced(findings, into = { counts: {}, arns: {} }) {
    const arns = (into.arns ??= {});
    for (const f of findings) {
        const s = enhancedSeverity(f.severity);
        into.counts[s] = (into.counts[s] ?? 0) + 1;
        if (f.findingArn)
            (arns[s] ??= []).push(f.findingArn);
    }
    return into;
}
/** The ARNs of the findings at the failing severities, at most `max`, then "and N more". */
function failingArns(arns, threshold, max = 10) {
    const limit = types/* SEVERITIES */.o.indexOf(threshold);
    const all = types/* SEVERITIES */.o.filter((_, i) => i <= limit).flatMap(s => arns?.[s] ?? []);
    return all.length > max ? [...all.slice(0, max), `and ${all.length - max} more`] : all;
}
/** Why an enhanced scan's status gives the gate nothing to judge. */
const ENHANCED_ENDS = {
    FINDINGS_UNAVAILABLE: "Inspector's findings for it aren't available",
    SCAN_ELIGIBILITY_EXPIRED: 'the image is no longer eligible for Inspector scanning, so its findings are not kept current',
    UNSUPPORTED_IMAGE: "Inspector can't scan its operating system or package manager",
    LIMIT_EXCEEDED: "Inspector's scanning limit was reached",
    IMAGE_ARCHIVED: 'the image is archived'
};
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
async function waitForOne(ecr, repository, image, wait, deadline, abortSignal, enhanced) {
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
        if (DONE.has(status) && out !== undefined) {
            if (!enhanced && out.imageScanFindings?.enhancedFindings === undefined)
                return { counts: (out.imageScanFindings?.findingSeverityCounts ?? {}) };
            return readEnhanced(ecr, repository, image.digest, out, bounded);
        }
        if (!WAITING.has(status) && status !== 'NOT_STARTED') {
            const why = enhanced ? ENHANCED_ENDS[status] : undefined;
            throw new errors/* ActionError */.lZ(`ECR's ${enhanced ? 'enhanced ' : ''}scan of ${what} ended ${status}${why ? `: ${why}` : ''}${out?.imageScanStatus?.description ? ` (${out.imageScanStatus.description})` : ''}, so scan-fail-on can't vouch for the image: fix the cause, or remove scan-fail-on.`);
        }
        // Enhanced scanning: Inspector scans on its own; a basic scan can't be started.
        if (status === 'NOT_STARTED' && !started && !enhanced) {
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
        wait.log(`Waiting for ECR's ${enhanced ? 'enhanced (Inspector) ' : ''}scan of ${what}: ${status} (${elapsed} s of ${wait.timeoutSeconds} s)`);
        await wait.sleep(interval);
    }
}
/**
 * Waits for every platform image's scan (together, under one deadline) and adds up their
 * findings. No image to judge is refused: the gate never passes on nothing.
 */
async function waitForScans(ecr, repository, images, wait, enhanced = false) {
    if (images.length === 0)
        throw new errors/* ActionError */.lZ(`scan-fail-on has no platform image of ${repository} to judge: run the job again, or remove scan-fail-on.`);
    const deadline = wait.now() + wait.timeoutSeconds * 1000;
    const abortSignal = (wait.deadline ?? AbortSignal.timeout)(wait.timeoutSeconds * 1000);
    const found = await Promise.all(images.map(image => waitForOne(ecr, repository, image, wait, deadline, abortSignal, enhanced)));
    const perImage = images.map((image, i) => ({ ...image, counts: found[i]?.counts ?? {} }));
    const result = { total: addCounts(found.map(f => f.counts)), perImage };
    if (found.some(f => f.arns !== undefined)) {
        const arns = {};
        for (const f of found)
            for (const [s, list] of Object.entries(f.arns ?? {}))
                (arns[s] ??= []).push(...list);
        result.arns = arns;
    }
    return result;
}
/** Every page of an enhanced scan's findings, from the first answer on; each page bounded by the gate's deadline. */
async function readEnhanced(ecr, repository, digest, first, bounded) {
    const found = countEnhanced(first.imageScanFindings?.enhancedFindings ?? []);
    for (let nextToken = first.nextToken; nextToken !== undefined;) {
        const token = nextToken;
        const page = await bounded(options => ecr.send(new dist_cjs/* DescribeImageScanFindingsCommand */.TQ0({ repositoryName: repository, imageId: { imageDigest: digest }, nextToken: token, maxResults: 1000 }), options));
        countEnhanced(page.imageScanFindings?.enhancedFindings ?? [], found);
        nextToken = page.nextToken;
    }
    // ECR's own counts, where it sends them, are never undercut by what the pages listed.
    for (const [severity, n] of Object.entries(first.imageScanFindings?.findingSeverityCounts ?? {})) {
        const s = enhancedSeverity(severity);
        found.counts[s] = Math.max(found.counts[s] ?? 0, n);
    }
    return found;
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










async function report(settings, stages, destination, registry, pushed, latestBefore, retry) {
    const { build, image, repository } = settings;
    const gate = settings.scan.failOn;
    const { images, unread } = settings.summary || gate !== undefined ? await platformImages(settings, registry, destination.path, pushed.digest, retry) : { images: [] };
    const ecr = destination.ecr;
    // The gate judges every platform image or fails the run: never "passed" on nothing.
    const enhanced = destination.scanning?.scanType === 'ENHANCED';
    const unjudged = gate === undefined ? undefined : (unread ?? (ecr === undefined ? 'this registry has no scans: remove scan-fail-on.' : unscanned(destination, repository.name)));
    if (gate !== undefined && enhanced && unjudged === undefined)
        core/* info */.pq(`Scan gate: the registry's ENHANCED scanning (Amazon Inspector) scans ${repository.name}; awaiting its findings.`);
    const scan = gate !== undefined && ecr !== undefined && unjudged === undefined
        ? await stages.run('scan', () => waitForScans(ecr, repository.name, images.map(({ platform, digest }) => ({ platform, digest })), scanWait(settings.scan.timeoutSeconds), enhanced))
        : undefined;
    const failures = scan && gate ? gateFailures(scan.total, gate) : [];
    const arns = scan?.arns !== undefined && gate !== undefined && failures.length > 0 ? failingArns(scan.arns, gate) : [];
    const pushedTags = build.pushByDigest
        ? { ...image, tags: [], latest: false }
        : pushed.latestKept
            ? { ...image, tags: image.tags.filter(t => t !== 'latest'), latest: false }
            : image;
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
        const sizes = (0,image_size/* sizeReport */.Mo)(images, latestBefore, settings.storagePrice, 1 + repository.replicateToRegions.length);
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
            tags: build.pushByDigest ? image.tags : pushedTags.tags,
            platforms: build.platforms,
            ...(pushed.builder !== undefined ? { builder: pushed.builder } : {}),
            platformDigests: images.filter(i => i.platform !== '').map(({ platform, digest }) => ({ platform, digest })),
            cache: build.cache.type === 'ecr' ? cacheLine(destination.uri, build.cache) : build.cache.type,
            repositoryChanges: [...destination.changes, ...(destination.notes ?? []).map(n => `note: ${n}`)],
            lifecycle: destination.lifecycle,
            warnings: destination.warnings,
            ...(images.length > 0 ? { size: { lines: (0,image_size/* sizeLines */.FP)(sizes, settings.storagePrice, priceSource) } } : unread !== undefined ? { size: { lines: [`not known: ${unread}`] } } : {}),
            ...(scan && gate
                ? { scan: `${formatCounts(scan.total)} — scan-fail-on ${gate}: ${failures.length > 0 ? 'failed' : 'passed'}${arns.length > 0 ? `<br>findings: ${arns.map(a => (a.startsWith('arn:') ? `\`${a}\`` : a)).join('<br>')}` : ''}` }
                : {}),
            ...(unjudged !== undefined ? { scan: `not judged — scan-fail-on ${gate}: failed (${unjudged})` } : {}),
            replicas
        });
    }
    if (unjudged !== undefined) {
        const which = pushed.digest !== '' ? `${repository.name}@${pushed.digest}` : `${repository.name}:${image.version}`;
        throw new errors/* ActionError */.lZ(`scan-fail-on can't judge ${which}: ${unjudged}`);
    }
    if (failures.length > 0) {
        if (arns.length > 0)
            core/* info */.pq(`Findings at or above ${gate}: ${arns.join(', ')}`);
        throw new errors/* ActionError */.lZ(`ECR's scan found ${failures.join(', ')} in ${repository.name}@${pushed.digest} (scan-fail-on: ${gate}): fix them and push a new version; the counts ${arns.length > 0 ? 'and the findings\' ARNs are in the job summary, the findings' : 'are in the job summary, the findings'} in the ECR console.`);
    }
}
/**
 * The platform images of what was pushed, each read tried again while it fails in a way
 * that may pass; when they can't be read (or there are none), why not, in one line.
 */
async function platformImages(settings, registry, path, digest, retry) {
    const { build } = settings;
    const single = build.platforms.length === 1 && build.mergeDigests.length === 0 ? (build.platforms[0] ?? '') : '';
    try {
        const images = await (0,image_size/* readPlatformImages */.W2)(registry, path, digest, retry, single);
        if (images.length > 0)
            return { images };
        const fix = settings.scan.failOn !== undefined ? ': push an image built for a platform, or remove scan-fail-on.' : '.';
        return { images, unread: `its index names no platform image (only attestations)${fix}` };
    }
    catch (error) {
        // A cancel ends the run; anything else is why the images are unknown.
        retry.signal?.throwIfAborted();
        return { images: [], unread: error.message.replace(/\s+/g, ' ') };
    }
}
/** Why the registry's ENHANCED scanning won't scan this repository (no rule covers it); undefined when it will, or the scanning is basic. */
function unscanned(destination, repository) {
    const scanning = destination.scanning;
    if (scanning?.scanType !== 'ENHANCED' || (0,registry_scanning/* coveringRule */.sq)(scanning, repository) !== undefined)
        return undefined;
    return `the registry's ENHANCED scanning has no rule covering ${repository}, so Amazon Inspector doesn't scan it (and no basic scan can be started): add a rule whose filter covers it, or remove scan-fail-on.`;
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
/** The registry cache as the summary names it: the tag written, and any other the build read. */
function cacheLine(uri, cache) {
    const others = cache.from.filter(t => t !== cache.tag);
    return `ecr (${uri}:${cache.tag}${others.length > 0 ? `; also read: ${others.join(', ')}` : ''})`;
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
 * policy's signal) stops the docker process running and starts no further stage, try,
 * tag or AWS write.
 */





















async function pushPipeline(settings, deps) {
    const { aws, build, image, repository } = settings;
    const stages = new Stages(deps.retry.signal);
    const [signedIn, builder] = await stages.run('sign-in', () => Promise.all([
        (0,sign_in/* signIn */.Jv)(aws, { env: deps.env, getIDToken: deps.getIDToken, setSecret: core/* setSecret */.Pq, ...(deps.retry.signal ? { signal: deps.retry.signal } : {}) }),
        // A merge builds nothing: it only needs buildx.
        (0,build_builder/* checkBuilder */.ub)(deps.docker, build.mergeDigests.length > 0 ? [] : build.platforms, build.builder)
    ]));
    // The cancel goes with the session: the AWS clients made with it start no write after it (aws/clients.ts).
    const session = deps.retry.signal ? { ...signedIn, signal: deps.retry.signal } : signedIn;
    if (aws.exportCredentials)
        (0,sign_in/* exportCredentials */.rG)(session);
    const destination = await stages.run('repository', () => prepareDestination(settings, session));
    for (const change of destination.changes)
        core/* info */.pq(`Repository ${repository.name}: ${change}`);
    for (const note of destination.notes ?? [])
        core/* info */.pq(`Repository ${repository.name}: note: ${note}`);
    if (destination.lifecycle !== '')
        core/* info */.pq(`Lifecycle policy: ${destination.lifecycle}`);
    for (const warning of destination.warnings)
        core/* warning */.$e(warning);
    const registry = deps.registry(destination.credentials);
    const { existing, latestBefore } = await stages.run('version', async () => {
        const found = await lookUpVersion(settings, registry, destination.path, deps.retry);
        return { ...found, existing: found.existing && (await withStorageState(settings, destination, found.existing, deps.retry.signal)) };
    });
    const decision = (0,existing_version/* decideVersion */.v)(existing, { sha: deps.env.GITHUB_SHA ?? '', version: image.version, repository: repository.name }, image.ifVersionExists);
    const loggedIn = destination.credentials.current;
    const firstLogin = await stages.run('login', () => login(deps, loggedIn));
    const pushed = !decision.build && existing !== undefined
        ? await stages.run('reuse', () => reuse(settings, deps, destination, registry, existing, decision))
        : build.mergeDigests.length > 0
            ? await stages.run('merge', () => merge(settings, deps, destination, registry, builder))
            : await stages.run('build+push', () => buildPush(settings, deps, destination, registry, builder));
    await report(settings, stages, destination, registry, pushed, latestBefore, deps.retry);
    await renewForLaterSteps(settings, deps, session, destination, loggedIn, firstLogin);
}
/**
 * What the job's later steps were given still works after a long run: docker is logged in
 * again when the registry's token was renewed since the login (buildx pushed with the
 * first; tags and reads use the registry client, which renews its own), and with
 * `export-credentials` the role's renewed credentials are exported again.
 */
async function renewForLaterSteps(settings, deps, session, destination, loggedIn, firstLogin) {
    const token = await destination.credentials.get();
    if (token.password !== loggedIn.password)
        await login(deps, token, firstLogin);
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
        settings.summary && image.latest ? imagesUnder(registry, path, LATEST, retry).catch(() => undefined) : undefined
    ]);
    return { existing, latestBefore };
}
/**
 * An existing version on ECR with what ECR says of its storage class (one DescribeImages
 * call, made only when the tag exists): an image that isn't ACTIVE is marked, and
 * decideVersion moves no tag to it. ECR Public has no archive.
 */
async function withStorageState(settings, destination, existing, signal) {
    if (destination.ecr === undefined)
        return existing;
    const name = settings.repository.name;
    const state = await readStorageState(destination.ecr, name, existing.digest, signal);
    if (state?.status === 'ACTIVE')
        return existing;
    const restore = restoreCommand(name, existing.digest, settings.aws.region);
    return { ...existing, archive: { status: state?.status ?? 'UNLISTED', restore, ...(state?.bytes !== undefined ? { bytes: state.bytes } : {}), ...(state?.archivedAt ? { archivedAt: state.archivedAt } : {}) } };
}
/** The platform images a tag names now; undefined when it names none. */
async function imagesUnder(registry, path, tag, retry) {
    const top = await (0,already_tagged/* readTag */.zW)(registry, path, tag, retry);
    return top ? (0,image_size/* readPlatformImages */.W2)(registry, path, top.digest, retry) : undefined;
}
/**
 * Logs docker in, and tells the post step what to log out of — and, for a login written to
 * docker's config file, which entry this run wrote (config-login.ts). A self-hosted job
 * sharing its user's docker config is told how to have its own.
 */
async function login({ docker, env }, credentials, earlier) {
    core/* saveState */.LZ(constants/* State */.Uw.LoggedInRegistries, JSON.stringify([credentials.registry]));
    const notice = earlier === undefined ? sharedConfigNotice(env) : undefined;
    if (notice !== undefined)
        core/* notice */.lm(notice);
    const done = await dockerLogin(docker, credentials, (0,docker_config/* dockerConfigDir */.kG)(env), { tempDir: env.RUNNER_TEMP || external_node_os_default().tmpdir(), ...(earlier ? { earlier } : {}) });
    if (done.configDir !== undefined)
        core/* saveState */.LZ(constants/* State */.Uw.LoginConfigDir, done.configDir);
    if (done.written !== undefined)
        core/* saveState */.LZ(constants/* State */.Uw.LoginWritten, JSON.stringify(done.written));
    core/* info */.pq(`Logged in to ${credentials.registry}`);
    return done;
}
/** A re-run: nothing is built; the tags that follow the version move back to the existing image, `latest` only forward. */
async function reuse(settings, deps, destination, registry, existing, decision) {
    const reason = decision.build ? '' : decision.reason;
    core/* info */.pq(`Not building: ${reason}.`);
    const moved = await moveTags(registry, { name: destination.path, mutability: destination.mutability }, existing.digest, followers(settings.image), deps.retry);
    const latest = await followLatest(settings, deps, destination, registry, existing.digest, true);
    if (latest?.action === 'moved')
        moved.push(LATEST);
    return { digest: existing.digest, metadata: {}, built: false, ...withLatest(`skipped: ${reason}${moved.length > 0 ? `; moved ${moved.join(', ')} to it` : ''}`, latest) };
}
/**
 * The index made from the digests per-platform runs pushed, under every tag but `latest`,
 * which then moves to it only forward. A tag the registry refused because it already names
 * that index (a lost answer) is taken as merged, and the tags imagetools had not reached yet
 * are put over the registry API. Its digest is read back from the version tag.
 */
async function merge(settings, deps, destination, registry, builder) {
    const { build, image } = settings;
    const tags = image.tags.filter(t => t !== LATEST);
    const check = (tag) => (0,already_tagged/* tagHoldsMerge */.Db)(registry, destination.path, tag, build.mergeDigests, deps.retry);
    const found = await (0,buildx/* mergeIndex */.$)(deps.docker, destination.uri, tags, build.mergeDigests, { retry: deps.retry, builder: builder.use, timeoutSeconds: build.mergeTimeoutSeconds }, check);
    const index = found ?? (await (0,refusals/* withRegistryRetry */.ox)(registry.registry, `reading the merged index '${image.version}'`, deps.retry, () => registry.manifest(destination.path, image.version)));
    if (index === undefined) {
        throw new errors/* ActionError */.lZ(`The merge exited successfully, but the registry has no '${image.version}' in ${destination.path} after it: run the job again.`);
    }
    const { digest } = index;
    if (found !== undefined) {
        const missing = [];
        for (const tag of tags)
            if ((await (0,already_tagged/* readTag */.zW)(registry, destination.path, tag, deps.retry))?.digest !== digest)
                missing.push(tag);
        await addTags(registry, destination.path, digest, missing, deps.retry);
    }
    const latest = await followLatest(settings, deps, destination, registry, digest);
    const outcome = `merged ${build.mergeDigests.length} platform images into one index${found ? `; found '${found.tag}' already naming it` : ''}`;
    return { digest, metadata: {}, built: true, ...withLatest(outcome, latest), builder: (0,build_builder/* describeBuilder */.nG)(builder) };
}
/**
 * buildx pushes the version (or, by digest, exports the image the action uploads); once it
 * has exited successfully, the other tags are put on the digest its metadata file names,
 * `latest` last and only forward. A version tag the registry refused because it already
 * names this run's build (a lost answer) is taken as pushed.
 */
async function buildPush(settings, deps, destination, registry, builder) {
    const { build, image } = settings;
    const tags = (0,plan/* tagRoutes */.ZS)(build, image);
    const labels = (0,plan/* labelsFor */.dS)(deps.env, image.version);
    const identity = (0,already_tagged/* buildIdentity */.bj)(labels, build.labels, build.platforms);
    const built = await (0,buildx/* buildAndPush */.s)(deps.docker, build, (0,plan/* imageReferences */.Ef)(destination.uri, tags.buildx), labels, {
        tempDir: deps.env.RUNNER_TEMP,
        repositoryUri: destination.uri,
        retry: deps.retry,
        byDigest: { registry, repository: destination.path },
        buildxConfigDir: (0,record/* buildxConfigDir */.iL)(deps.env),
        builder: builder.use,
        alreadyPushed: tag => (0,already_tagged/* tagHoldsBuild */.fr)(registry, destination.path, tag, identity, deps.retry)
    });
    const others = tags.api.filter(t => t !== LATEST);
    await addTags(registry, destination.path, built.digest, others, deps.retry);
    const latest = tags.api.includes(LATEST) ? await followLatest(settings, deps, destination, registry, built.digest) : undefined;
    const tagged = tags.api.filter(t => t !== LATEST || latest?.action !== 'kept');
    if (tagged.length > 0)
        core/* info */.pq(`Tagged ${built.digest} as ${tagged.join(', ')}`);
    let metadata = built.metadata;
    // The metadata names every tag, as when buildx pushes them all.
    if (tags.api.length > 0 && typeof metadata['image.name'] === 'string')
        metadata = { ...metadata, 'image.name': (0,plan/* imageReferences */.Ef)(destination.uri, pushedTags(image, latest)).join(',') };
    const outcome = build.pushByDigest ? 'built and pushed by digest (untagged), for a merge' : `built and pushed${built.found !== undefined ? `; found '${built.found}' already naming it` : ''}`;
    return {
        digest: built.digest,
        metadata,
        built: true,
        ...withLatest(outcome, latest),
        builder: (0,build_builder/* describeBuilder */.nG)(builder),
        ...(built.bytesUploaded !== undefined ? { uploaded: built.bytesUploaded } : {})
    };
}
/** The tags besides the version that follow it; `latest` apart, as it only moves forward. */
const followers = (image) => image.tags.filter(t => t !== image.version && t !== LATEST);
/** `latest` moved to the run's image, only forward (registry/latest.ts); undefined when the run doesn't push it. */
async function followLatest(settings, deps, destination, registry, digest, rerun = false) {
    const { image } = settings;
    if (!image.tags.includes(LATEST) || image.version === LATEST)
        return undefined;
    return moveLatest(registry, destination.path, digest, deps.retry, { allowBack: image.latestMayMoveBack, ...(rerun ? { mutability: destination.mutability } : {}) });
}
/** Every tag the run pushed: `latest` only when it moved (or already named the image). */
const pushedTags = (image, latest) => image.tags.filter(t => t !== LATEST || latest?.action !== 'kept');
/** The outcome with `latest` kept in words, and the report told to leave `latest` out of the outputs. */
function withLatest(outcome, latest) {
    return latest?.action === 'kept' ? { outcome: `${outcome}; ${latest.why}`, latestKept: true } : { outcome };
}


/***/ })

};
