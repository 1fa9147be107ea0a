import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 908:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _post_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(578);
/** The post step's entry point (action.yml `post`). */

await (0,_post_js__WEBPACK_IMPORTED_MODULE_0__/* .post */ .b)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 578:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  b: () => (/* binding */ post)
});

// UNUSED EXPORTS: logout

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_namespaceObject);
;// CONCATENATED MODULE: ./src/constants.ts
/** Names the workflow, the runner and the post step see. Written once, here. */
const constants_Input = {
    RoleToAssume: 'role-to-assume',
    AwsRegion: 'aws-region',
    Audience: 'audience',
    RoleSessionName: 'role-session-name',
    RoleDurationSeconds: 'role-duration-seconds',
    ExportCredentials: 'export-credentials',
    Repository: 'repository',
    CreateRepository: 'create-repository',
    TagMutability: 'tag-mutability',
    TagMutabilityExclusions: 'tag-mutability-exclusions',
    ScanOnPush: 'scan-on-push',
    Encryption: 'encryption',
    KmsKey: 'kms-key',
    LifecyclePolicy: 'lifecycle-policy',
    LifecycleKeepCount: 'lifecycle-keep-count',
    LifecycleExpireDays: 'lifecycle-expire-days',
    LifecycleUntaggedDays: 'lifecycle-untagged-days',
    LifecycleProtectTags: 'lifecycle-protect-tags',
    Version: 'version',
    Latest: 'latest',
    Tags: 'tags',
    Platforms: 'platforms',
    Context: 'context',
    File: 'file',
    Target: 'target',
    BuildArgs: 'build-args',
    Labels: 'labels',
    Push: 'push',
    SkipLogout: 'skip-logout',
    IfVersionExists: 'if-version-exists',
    Cache: 'cache',
    CacheTag: 'cache-tag',
    Provenance: 'provenance',
    Sbom: 'sbom',
    DryRun: 'dry-run',
    RepositoryPolicy: 'repository-policy',
    PullPrincipals: 'pull-principals',
    RepositoryTags: 'repository-tags',
    PushByDigest: 'push-by-digest',
    MergeDigests: 'merge-digests',
    Summary: 'summary',
    ReplicateToRegions: 'replicate-to-regions',
    ScanFailOn: 'scan-fail-on',
    ScanTimeout: 'scan-timeout',
    RegistryType: 'registry-type',
    Description: 'description',
    About: 'about',
    StoragePrice: 'storage-price'
};
const Output = {
    Registry: 'registry',
    RepositoryUri: 'repository-uri',
    ImageUri: 'image-uri',
    LatestUri: 'latest-uri',
    Digest: 'digest',
    ImageDigestUri: 'image-digest-uri',
    Tags: 'tags',
    Version: 'version',
    Metadata: 'metadata',
    Skipped: 'skipped',
    ReplicaUris: 'replica-uris',
    ScanFindings: 'scan-findings'
};
/** Values the main step hands to the post step. */
const State = {
    IsPost: 'is-post',
    LoggedInRegistries: 'logged-in-registries',
    /** the docker config folder the login was written to, when it was written there (not by docker login) */
    LoginConfigDir: 'login-config-dir'
};
const constants_DEFAULT_PLATFORMS = (/* unused pure expression or super */ null && (['linux/amd64', 'linux/arm64']));
const constants_DEFAULT_TAG_MUTABILITY = 'IMMUTABLE_WITH_EXCLUSION';
const constants_DEFAULT_MUTABILITY_EXCLUSIONS = (/* unused pure expression or super */ null && (['latest']));
const LATEST_TAG = 'latest';
const USER_AGENT = 'ecr-build-push';
/** ECR Public's registry host; its API answers in us-east-1 only. */
const PUBLIC_REGISTRY = 'public.ecr.aws';
const constants_PUBLIC_API_REGION = 'us-east-1';
/**
 * ECR's published storage price, US$ per GB-month of compressed image data, US East
 * (N. Virginia), as on the ECR pricing page in March 2026; public repositories: 50 GB free,
 * then the same price. `storage-price` overrides it (other regions, later prices).
 */
const constants_STORAGE_PRICE_USD_PER_GB_MONTH = 0.1;
const STORAGE_PRICE_AS_OF = 'March 2026, us-east-1';

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: ./src/docker.ts
/**
 * The one way the action runs docker: an argv array (never a shell string), stdin passed
 * as data, output captured. Tests replace it with a recorder.
 */


const docker = async (args, options = {}) => {
    // Loaded on the first docker command: a run that stops at a bad input never needs it.
    const exec = await __nccwpck_require__.e(/* import() */ 260).then(__nccwpck_require__.bind(__nccwpck_require__, 260));
    const program = options.program ?? 'docker';
    const held = options.stream === true && options.holdOutput !== undefined ? holdBack(`[command]${program} ${args.join(' ')}`, options.holdOutput) : undefined;
    const watch = options.stream === true ? options.onOutput : undefined;
    const listener = held && watch ? (data) => (held(data), watch(data)) : (held ?? watch);
    try {
        return await exec.getExecOutput(program, args, {
            ignoreReturnCode: true,
            silent: options.stream !== true || held !== undefined,
            ...(listener ? { listeners: { stdout: listener, stderr: listener } } : {}),
            ...(options.env ? { env: { ...withoutUndefined(process.env), ...options.env } } : {}),
            ...(options.input ? { input: options.input } : {})
        });
    }
    catch (error) {
        // @actions/exec throws when the executable is not on PATH.
        return { exitCode: 127, stdout: '', stderr: error.message };
    }
};
/** A writer that keeps what it is given until `until` settles: then the log gets it, or nothing does. */
function holdBack(command, until) {
    let kept = [Buffer.from(`${command}${(external_node_os_default()).EOL}`)];
    let open = false;
    until.then(() => {
        for (const chunk of kept ?? [])
            process.stdout.write(chunk);
        kept = undefined;
        open = true;
    }, () => (kept = undefined));
    return data => {
        if (open)
            process.stdout.write(data);
        else
            kept?.push(data);
    };
}
function withoutUndefined(env) {
    return Object.fromEntries(Object.entries(env).filter((e) => e[1] !== undefined));
}
/**
 * This process's docker commands whose command line holds `marker` (a path only that
 * command has), with the plugin each runs (`docker buildx` runs docker-buildx with the
 * same arguments), by process ID. Linux only, where /proc tells a process's children and
 * command line; elsewhere it finds none.
 */
async function findDocker(marker) {
    if (process.platform !== 'linux')
        return [];
    const found = [];
    const look = async (parent) => {
        for (const pid of await childPids(parent)) {
            const argv = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
            if (!argv.split('\0').includes(marker))
                continue;
            found.push(pid);
            await look(pid);
        }
    };
    await look(process.pid);
    return found;
}
/** Sends a signal to a process; false when it is gone already. */
function signal(pid, name) {
    try {
        process.kill(pid, name);
        return true;
    }
    catch {
        return false;
    }
}
async function childPids(parent) {
    const children = await readFile(`/proc/${parent}/task/${parent}/children`, 'utf8').catch(() => undefined);
    if (children !== undefined)
        return children.split(' ').filter(Boolean).map(Number);
    // Kernels without that file: every process's parent, from its stat line.
    const pids = (await readdir('/proc').catch(() => [])).filter(name => /^\d+$/.test(name));
    const stats = await Promise.all(pids.map(async (pid) => [Number(pid), await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '')]));
    // `pid (comm) state ppid …`: comm may hold spaces and parentheses, so read after the last ')'.
    return stats.filter(([, stat]) => Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent).map(([pid]) => pid);
}
/** The last meaningful line docker printed, for one-line error messages. */
function lastLine(result) {
    const lines = `${result.stderr}\n${result.stdout}`
        .split('\n')
        .map(l => l.trim())
        .filter(l => l !== '');
    return lines.findLast(l => /error/i.test(l)) ?? lines.at(-1) ?? `exit code ${result.exitCode}`;
}

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
;// CONCATENATED MODULE: ./src/docker-config.ts
/**
 * Docker's config file (`$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`), for a
 * login kept there: where docker keeps credentials when no credential store or helper
 * does, in the format `docker login` writes. The main step adds the registry's entry and
 * the post step removes it, each without a docker process. Node built-ins only: the post
 * step's bundle stays small.
 */



/** Where docker keeps its configuration: $DOCKER_CONFIG, else ~/.docker (as the docker CLI decides). */
function dockerConfigDir(env = process.env) {
    return env.DOCKER_CONFIG || path.join(env.HOME || os.homedir(), '.docker');
}
/** config.json as an object: `{}` when there is no file yet; undefined when it can't be read as a JSON object. */
async function readDockerConfig(configDir) {
    let config;
    try {
        config = JSON.parse(await (0,promises_namespaceObject.readFile)(external_node_path_default().join(configDir, 'config.json'), 'utf8'));
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
    await (0,promises_namespaceObject.mkdir)(configDir, { recursive: true, mode: 0o700 });
    const file = await (0,promises_namespaceObject.realpath)(external_node_path_default().join(configDir, 'config.json')).catch(() => external_node_path_default().join(configDir, 'config.json'));
    const temporary = external_node_path_default().join(external_node_path_default().dirname(file), `.config.json.${process.pid}.tmp`);
    try {
        await (0,promises_namespaceObject.writeFile)(temporary, `${JSON.stringify(config, null, '\t')}\n`, { mode: 0o600 });
        await (0,promises_namespaceObject.rename)(temporary, file);
    }
    catch (error) {
        await (0,promises_namespaceObject.rm)(temporary, { force: true });
        throw new Error(`could not write ${file}: ${error.message}`, { cause: error });
    }
}
/** Where the docker CLI looks for its plugins on Linux, in its order: the config's extra folders, the user's, the system's. */
function cliPluginDirs(configDir, config) {
    const extra = Array.isArray(config.cliPluginsExtraDirs) ? config.cliPluginsExtraDirs.filter(d => typeof d === 'string') : [];
    return [
        ...extra,
        path.join(configDir, 'cli-plugins'),
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
        const file = path.join(dir, `docker-${name}`);
        if (await access(file, constants.X_OK).then(() => true, () => false))
            return file;
    }
    return undefined;
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: ./src/errors.ts
/**
 * Errors the action reports to the user. Each carries a one-line message that says what
 * is wrong and how to fix it; `main` prints it with `core.setFailed` and nothing else.
 */
/** A workflow input is invalid. Raised before any AWS write or docker call. */
class errors_InputError extends Error {
    input;
    name = 'InputError';
    constructor(input, detail) {
        super(`Input '${input}': ${detail}`);
        this.input = input;
    }
}
/** Something outside the inputs stops the run (permissions, tools, AWS state). */
class ActionError extends (/* unused pure expression or super */ null && (Error)) {
    name = 'ActionError';
}

;// CONCATENATED MODULE: ./src/lifecycle-policy.ts
/**
 * ECR lifecycle policies: validation with ECR's documented rules, the policy generated from
 * the `lifecycle-*` shorthand inputs, and comparison. Pure: no I/O.
 *
 * Sources: Amazon ECR User Guide, "Lifecycle policy properties", "How lifecycle policies
 * work" (evaluation rules) and "Examples of lifecycle policies"; ECR API Reference,
 * PutLifecyclePolicy (lifecyclePolicyText: 100–30,720 characters).
 * A policy ECR accepts must never be refused here; where the documentation is silent, the
 * check is left out.
 */


const MAX_POLICY_LENGTH = 30720;
const MAX_RULES = 50;
const MAX_WILDCARDS = 4;
/** The policy the action puts when the workflow states none. */
const lifecycle_policy_DEFAULT_LIFECYCLE = { keepCount: 100, untaggedDays: 14, protectTags: ['latest'] };
const RULE_KEYS = (/* unused pure expression or super */ null && (['rulePriority', 'description', 'selection', 'action']));
const SELECTION_KEYS = (/* unused pure expression or super */ null && (['tagStatus', 'tagPatternList', 'tagPrefixList', 'storageClass', 'countType', 'countUnit', 'countNumber']));
const ACTION_KEYS = (/* unused pure expression or super */ null && (['type', 'targetStorageClass']));
const COUNT_TYPES = (/* unused pure expression or super */ null && (['imageCountMoreThan', 'sinceImagePushed', 'sinceImagePulled', 'sinceImageTransitioned']));
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPositiveInteger = (v) => typeof v === 'number' && Number.isInteger(v) && v >= 1;
function unknownKey(obj, allowed) {
    return Object.keys(obj).find(k => !allowed.includes(k));
}
/**
 * Parses and validates a lifecycle policy. Throws `InputError(input, …)` at the first
 * problem, naming where it is (`rules[1].selection.countNumber`) and what to change.
 */
function lifecycle_policy_validateLifecyclePolicy(text, input) {
    const fail = (where, what) => {
        throw new InputError(input, where === '' ? what : `${where}: ${what}`);
    };
    if (text.length > MAX_POLICY_LENGTH) {
        fail('', `the policy is ${text.length} characters; ECR takes at most ${MAX_POLICY_LENGTH}.`);
    }
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (error) {
        return fail('', `is not valid JSON (${error.message}): give a lifecycle policy in ECR's JSON format.`);
    }
    if (!isObject(parsed))
        return fail('', 'the policy must be a JSON object with a "rules" list.');
    const extra = unknownKey(parsed, ['rules']);
    if (extra !== undefined)
        fail('', `unknown property "${extra}": a lifecycle policy has only "rules".`);
    const rules = parsed.rules;
    if (!Array.isArray(rules) || rules.length === 0)
        fail('rules', 'give a list of 1 to 50 rules.');
    if (rules.length > MAX_RULES)
        fail('rules', `has ${rules.length} rules; ECR takes at most ${MAX_RULES}.`);
    const seen = new Map();
    const untaggedRule = new Map();
    rules.forEach((rule, i) => {
        const at = `rules[${i}]`;
        if (!isObject(rule))
            return fail(at, 'each rule must be an object with rulePriority, selection and action.');
        const bad = unknownKey(rule, RULE_KEYS);
        if (bad !== undefined)
            fail(at, `unknown property "${bad}": a rule has ${RULE_KEYS.join(', ')}.`);
        if (!isPositiveInteger(rule.rulePriority))
            fail(`${at}.rulePriority`, 'must be a whole number of 1 or more.');
        const priority = rule.rulePriority;
        if (seen.has(priority))
            fail(`${at}.rulePriority`, `${priority} is also the priority of rules[${seen.get(priority)}]: each rule needs its own.`);
        seen.set(priority, i);
        if (rule.description !== undefined && typeof rule.description !== 'string')
            fail(`${at}.description`, 'must be a string.');
        const sel = rule.selection;
        if (!isObject(sel))
            return fail(`${at}.selection`, 'is required: an object with tagStatus, countType and countNumber.');
        const badSel = unknownKey(sel, SELECTION_KEYS);
        if (badSel !== undefined)
            fail(`${at}.selection`, `unknown property "${badSel}": a selection has ${SELECTION_KEYS.join(', ')}.`);
        const status = sel.tagStatus;
        if (status !== 'tagged' && status !== 'untagged' && status !== 'any') {
            fail(`${at}.selection.tagStatus`, 'must be "tagged", "untagged" or "any".');
        }
        const lists = ['tagPatternList', 'tagPrefixList'].filter(k => sel[k] !== undefined);
        if (status === 'tagged') {
            if (lists.length !== 1) {
                fail(`${at}.selection`, 'a "tagged" rule needs exactly one of tagPatternList or tagPrefixList.');
            }
            const key = lists[0];
            const list = sel[key];
            if (!Array.isArray(list) || list.length === 0 || !list.every(t => typeof t === 'string' && t !== '')) {
                fail(`${at}.selection.${key}`, 'must be a non-empty list of tag strings.');
            }
            if (key === 'tagPatternList') {
                for (const pattern of list) {
                    if ((pattern.match(/\*/g) ?? []).length > MAX_WILDCARDS) {
                        fail(`${at}.selection.tagPatternList`, `"${pattern}" has more than ${MAX_WILDCARDS} wildcards (*).`);
                    }
                }
            }
        }
        else if (lists.length > 0) {
            fail(`${at}.selection.${lists[0]}`, `a "${String(status)}" rule takes no tag list: remove it or use tagStatus "tagged".`);
        }
        if (status === 'untagged') {
            const storageKey = String(sel.storageClass ?? 'standard');
            const earlier = untaggedRule.get(storageKey);
            if (earlier !== undefined) {
                fail(`${at}.selection.tagStatus`, `only one rule may select untagged images, and rules[${earlier}] already does.`);
            }
            untaggedRule.set(storageKey, i);
        }
        const countType = sel.countType;
        if (!COUNT_TYPES.includes(countType))
            fail(`${at}.selection.countType`, `must be one of ${COUNT_TYPES.join(', ')}.`);
        if (countType === 'imageCountMoreThan') {
            if (sel.countUnit !== undefined)
                fail(`${at}.selection.countUnit`, 'imageCountMoreThan takes no countUnit: remove it.');
        }
        else if (sel.countUnit !== 'days') {
            fail(`${at}.selection.countUnit`, `${countType} needs "countUnit": "days".`);
        }
        if (!isPositiveInteger(sel.countNumber))
            fail(`${at}.selection.countNumber`, 'must be a whole number of 1 or more.');
        const storage = sel.storageClass;
        if (storage !== undefined && storage !== 'standard' && storage !== 'archive') {
            fail(`${at}.selection.storageClass`, 'must be "standard" or "archive".');
        }
        if (countType === 'sinceImageTransitioned' && storage !== 'archive') {
            fail(`${at}.selection.storageClass`, 'sinceImageTransitioned selects archived images: set "storageClass": "archive".');
        }
        const action = rule.action;
        if (!isObject(action))
            return fail(`${at}.action`, 'is required: {"type": "expire"} or {"type": "transition", "targetStorageClass": "archive"}.');
        const badAction = unknownKey(action, ACTION_KEYS);
        if (badAction !== undefined)
            fail(`${at}.action`, `unknown property "${badAction}": an action has type and targetStorageClass.`);
        if (action.type === 'expire') {
            if (action.targetStorageClass !== undefined)
                fail(`${at}.action.targetStorageClass`, 'is only for "transition": remove it.');
        }
        else if (action.type === 'transition') {
            if (action.targetStorageClass !== 'archive')
                fail(`${at}.action.targetStorageClass`, 'a transition needs "targetStorageClass": "archive".');
            if (storage === 'archive')
                fail(`${at}.selection.storageClass`, 'archived images can only be expired, not transitioned to archive again.');
            if (countType === 'sinceImageTransitioned')
                fail(`${at}.selection.countType`, 'a transition selects by sinceImagePushed, sinceImagePulled or imageCountMoreThan.');
        }
        else {
            fail(`${at}.action.type`, 'must be "expire" or "transition".');
        }
    });
    // Evaluated last: a rule with tagStatus "any" must have the highest priority. Rules on
    // archived images (storageClass "archive") are evaluated apart from those on standard ones.
    const typed = rules.map((r, i) => ({ r, i, storage: r.selection.storageClass ?? 'standard' }));
    for (const { r, i, storage } of typed) {
        const peers = typed.filter(t => t.storage === storage);
        const highest = Math.max(...peers.map(t => t.r.rulePriority));
        if (r.selection.tagStatus === 'any' && r.rulePriority !== highest) {
            fail(`rules[${i}].rulePriority`, `a rule with tagStatus "any" must have the highest rulePriority (${highest} is higher): renumber it to be evaluated last.`);
        }
    }
    return parsed;
}
/**
 * The policy for the shorthand inputs. ECR never lets a lower-priority rule expire an image
 * that a higher-priority rule's tag selection matched, so each protected pattern gets a
 * first rule of its own that selects it and can never expire anything in practice (more than
 * 10,000 images under one pattern would be needed; ECR's default quota is 20,000 images per
 * repository and a protected tag such as `latest` names one). Patterns go in separate rules
 * because a tag list in one rule selects only images that match every entry.
 */
function lifecycle_policy_generateLifecyclePolicy(opts) {
    const rules = [];
    for (const pattern of opts.protectTags) {
        rules.push({
            rulePriority: rules.length + 1,
            description: `Protect ${pattern}`,
            selection: { tagStatus: 'tagged', tagPatternList: [pattern], countType: 'imageCountMoreThan', countNumber: 10000 },
            action: { type: 'expire' }
        });
    }
    rules.push({
        rulePriority: rules.length + 1,
        description: `Expire untagged images after ${opts.untaggedDays} days`,
        selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: opts.untaggedDays },
        action: { type: 'expire' }
    });
    if (opts.expireDays !== undefined) {
        rules.push({
            rulePriority: rules.length + 1,
            description: `Expire tagged images after ${opts.expireDays} days`,
            selection: { tagStatus: 'tagged', tagPatternList: ['*'], countType: 'sinceImagePushed', countUnit: 'days', countNumber: opts.expireDays },
            action: { type: 'expire' }
        });
    }
    else {
        const keep = opts.keepCount ?? lifecycle_policy_DEFAULT_LIFECYCLE.keepCount;
        rules.push({
            rulePriority: rules.length + 1,
            description: `Keep the newest ${keep} tagged images`,
            selection: { tagStatus: 'tagged', tagPatternList: ['*'], countType: 'imageCountMoreThan', countNumber: keep },
            action: { type: 'expire' }
        });
    }
    return { rules };
}
/** Key order and white space don't matter; rules are compared in priority order (as ECR applies them). */
function byPriority(policy) {
    const parsed = parseJson(policy);
    if (isObject(parsed) && Array.isArray(parsed.rules)) {
        const rules = [...parsed.rules].sort((a, b) => (a.rulePriority ?? 0) - (b.rulePriority ?? 0));
        return { ...parsed, rules };
    }
    return parsed;
}
function lifecycle_policy_lifecyclePoliciesEqual(a, b) {
    return sameJson(byPriority(a), byPriority(b));
}
/** The text sent to ECR. */
function lifecycle_policy_formatLifecyclePolicy(policy) {
    return JSON.stringify(policy);
}

;// CONCATENATED MODULE: ./src/repository-plan.ts

/** Does ECR match this tag with a `*` wildcard filter? */
function repository_plan_matchesFilter(tag, filter) {
    const pattern = filter.split('*').map(part => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
    return new RegExp(`^${pattern.join('.*')}$`).test(tag);
}
/** May an existing tag be overwritten in a repository with this mutability? */
function isTagMutable(tag, m) {
    const excluded = m.exclusions.some(f => repository_plan_matchesFilter(tag, f));
    switch (m.mode) {
        case 'MUTABLE':
            return true;
        case 'IMMUTABLE':
            return false;
        case 'IMMUTABLE_WITH_EXCLUSION':
            return excluded;
        case 'MUTABLE_WITH_EXCLUSION':
            return !excluded;
    }
}
function sameMutability(a, b) {
    if (a.mode !== b.mode)
        return false;
    const x = [...new Set(a.exclusions)].sort();
    const y = [...new Set(b.exclusions)].sort();
    return x.length === y.length && x.every((f, i) => f === y[i]);
}
function describeMutability(m) {
    return m.exclusions.length > 0 ? `${m.mode} (${m.exclusions.join(', ')})` : m.mode;
}
const keepsTagsImmutable = (m) => m.mode === 'IMMUTABLE' || m.mode === 'IMMUTABLE_WITH_EXCLUSION';
/** An IMMUTABLE_WITH_EXCLUSION repository with the cache tag among its exclusions (room allowing). */
function withCacheTag(m, cacheTag) {
    if (cacheTag === undefined || m.mode !== 'IMMUTABLE_WITH_EXCLUSION' || isTagMutable(cacheTag, m) || m.exclusions.length >= 5)
        return m;
    return { mode: m.mode, exclusions: [...m.exclusions, cacheTag] };
}
/**
 * @param current the repository as described, or undefined when it does not exist
 * @param movingTags tags this run pushes that must be able to move (e.g. `latest`)
 */
function planRepository(current, desired, movingTags) {
    const wanted = { mode: desired.tagMutability, exclusions: desired.tagMutabilityExclusions };
    if (current === undefined) {
        return {
            changes: [{ kind: 'create', mutability: wanted, scanOnPush: desired.scanOnPush, encryption: desired.encryption }],
            warnings: []
        };
    }
    const changes = [];
    const warnings = [];
    // Unstated mutability leaves an immutable repository as it is, but for the action's own
    // registry cache tag, which every build rewrites.
    const target = desired.tagMutabilityStated || !keepsTagsImmutable(current.mutability) ? wanted : withCacheTag(current.mutability, desired.cacheTag);
    let mutability = current.mutability;
    if (!sameMutability(current.mutability, target)) {
        changes.push({ kind: 'tag-mutability', from: current.mutability, to: target });
        mutability = target;
    }
    const frozen = movingTags.filter(t => !isTagMutable(t, mutability));
    if (frozen.length > 0) {
        warnings.push(`the repository keeps ${frozen.map(t => `'${t}'`).join(', ')} immutable, so pushing it again will be refused: ` +
            `set tag-mutability: IMMUTABLE_WITH_EXCLUSION with tag-mutability-exclusions: ${frozen.join(',')} to let it move.`);
    }
    if (current.scanOnPush !== desired.scanOnPush) {
        changes.push({ kind: 'scan-on-push', from: current.scanOnPush, to: desired.scanOnPush });
    }
    const enc = desired.encryption;
    const keyDiffers = enc.kmsKey?.startsWith('arn:') === true && current.encryption.kmsKey !== enc.kmsKey;
    if (current.encryption.type !== enc.type || keyDiffers) {
        const now = current.encryption.kmsKey ? `${current.encryption.type} (${current.encryption.kmsKey})` : current.encryption.type;
        warnings.push(`the repository is encrypted with ${now}, not ${enc.kmsKey ? `${enc.type} (${enc.kmsKey})` : enc.type}: ECR sets encryption only when a repository is created, so it stays as it is.`);
    }
    return { changes, warnings };
}
/**
 * @param current the repository's lifecycle policy text; undefined when it has none
 * @param created whether this run created the repository (then there is nothing to read)
 */
function planLifecycle(current, intent) {
    const text = formatLifecyclePolicy(intent.policy);
    if (current === undefined) {
        return { put: true, policy: intent.policy, text, reason: `no policy yet: ${intent.source}` };
    }
    if (!intent.stated) {
        return { put: false, reason: 'kept the existing policy (the workflow states none)' };
    }
    if (lifecyclePoliciesEqual(current, intent.policy)) {
        return { put: false, reason: `already as stated by ${intent.source}` };
    }
    return { put: true, policy: intent.policy, text, reason: `differs from ${intent.source}` };
}

;// CONCATENATED MODULE: ./src/version.ts
/**
 * The version tag when the workflow gives none: the git tag that triggered the run
 * (`refs/tags/v1.2.3` → `1.2.3`), otherwise `sha-<first 7 of the commit>`.
 */


function version_deriveVersion(run) {
    const tag = run.ref.startsWith('refs/tags/') ? run.ref.slice('refs/tags/'.length) : '';
    if (tag !== '') {
        // v1.2.3 → 1.2.3; other tags are kept, with characters an image tag can't hold replaced.
        const version = (/^v\d/.test(tag) ? tag.slice(1) : tag).replace(/[^A-Za-z0-9_.-]/g, '-').replace(/^[.-]+/, '');
        if (version !== '')
            return version.slice(0, 128);
    }
    if (!/^[0-9a-f]{7,}$/i.test(run.sha)) {
        throw new InputError(Input.Version, 'is empty and GITHUB_SHA is not set: give the version tag to push.');
    }
    return `sha-${run.sha.slice(0, 7).toLowerCase()}`;
}

;// CONCATENATED MODULE: ./src/inputs.ts
/**
 * Stage 1 — inputs. Reads every workflow input once, validates it and returns one typed
 * `Settings` object. Nothing here calls AWS or docker: every input error is raised before
 * the first AWS write or docker call, as one line that names the input and the fix.
 */







const TAG_MUTABILITIES = (/* unused pure expression or super */ null && ([
    'MUTABLE',
    'IMMUTABLE',
    'IMMUTABLE_WITH_EXCLUSION',
    'MUTABLE_WITH_EXCLUSION'
]));
/** ECR's finding severities, most severe first. */
const SEVERITIES = (/* unused pure expression or super */ null && (['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL', 'UNDEFINED']));
/** The value the runner passes for an input (`INPUT_<NAME>`), trimmed; '' when unset. */
function getInput(env, name) {
    return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
/** Items of a list input: separated by commas or newlines, trimmed, empties dropped. */
function parseList(value) {
    return value
        .split(/[,\n]/)
        .map(s => s.trim())
        .filter(s => s !== '');
}
/** Items of a one-per-line input (values may contain commas). */
function parseLines(value) {
    return value
        .split('\n')
        .map(s => s.trim())
        .filter(s => s !== '');
}
function parseBoolean(name, value, fallback) {
    if (value === '')
        return fallback;
    const v = value.toLowerCase();
    if (v === 'true')
        return true;
    if (v === 'false')
        return false;
    throw new errors_InputError(name, `'${value}' is not a boolean: use true or false.`);
}
function parseInteger(name, value, range) {
    if (value === '')
        return undefined;
    if (!/^\d+$/.test(value)) {
        throw new InputError(name, `'${value}' is not a whole number: use a number from ${range.min} to ${range.max}.`);
    }
    const n = Number(value);
    if (n < range.min || n > range.max) {
        throw new InputError(name, `${value} is out of range: use a number from ${range.min} to ${range.max}.`);
    }
    return n;
}
/** ECR repository names: lowercase path components, 2–256 characters. */
const REPOSITORY_NAME = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
/** Docker image tags: what `docker buildx build --tag` and ECR both accept. */
const IMAGE_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const MUTABILITY_FILTER = /^[0-9a-zA-Z._*-]{1,128}$/;
const KMS_KEY = /^(?:arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(?:key\/[0-9a-zA-Z-]+|alias\/[\w/.-]+)|alias\/[\w/.-]+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/;
const BUILD_TARGET = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const KEY_VALUE = /^[A-Za-z_][A-Za-z0-9_.-]*=/;
const PLATFORM_OS = (/* unused pure expression or super */ null && (['linux', 'windows']));
const PLATFORM_ARCH = (/* unused pure expression or super */ null && (['amd64', 'arm64', 'arm', '386', 'ppc64le', 's390x', 'riscv64', 'mips64le', 'loong64']));
const REMOTE_CONTEXT = /^(?:https?:\/\/|git@|git:\/\/)/;
function validateRepositoryName(name) {
    if (name === '')
        throw new InputError(Input.Repository, 'is required: name the ECR repository, e.g. team/web.');
    if (name.length < 2 || name.length > 256 || !REPOSITORY_NAME.test(name)) {
        throw new InputError(Input.Repository, `'${name}' is not a valid ECR repository name: use 2–256 lowercase letters, digits and . _ - separated by /, e.g. team/web.`);
    }
    return name;
}
function validateTag(input, tag) {
    if (!IMAGE_TAG.test(tag)) {
        throw new InputError(input, `'${tag}' is not a valid image tag: use up to 128 letters, digits, _ . - (not starting with . or -).`);
    }
    return tag;
}
function validatePlatform(platform) {
    const [os, arch, variant, ...rest] = platform.split('/');
    const ok = os !== undefined &&
        PLATFORM_OS.includes(os) &&
        arch !== undefined &&
        PLATFORM_ARCH.includes(arch) &&
        rest.length === 0 &&
        (variant === undefined || /^v\d+$/.test(variant));
    if (!ok) {
        throw new InputError(Input.Platforms, `'${platform}' is not a platform buildx knows: use os/arch[/variant], e.g. linux/amd64,linux/arm64.`);
    }
    return platform;
}
/** A policy input: the JSON itself, or a path (relative to the workspace) to a JSON file. */
function readPolicyText(name, value, workspace) {
    if (value.startsWith('{') || value.startsWith('['))
        return value;
    const file = path.resolve(workspace, value);
    if (!existsSync(file) || !statSync(file).isFile()) {
        throw new InputError(name, `'${value}' is neither JSON nor a file in the workspace: give the policy JSON or a path to it.`);
    }
    return readFileSync(file, 'utf8');
}
function readLifecycle(env, workspace, protectDefault) {
    const policyInput = getInput(env, Input.LifecyclePolicy);
    const keepCount = parseInteger(Input.LifecycleKeepCount, getInput(env, Input.LifecycleKeepCount), { min: 1, max: 10000 });
    const expireDays = parseInteger(Input.LifecycleExpireDays, getInput(env, Input.LifecycleExpireDays), { min: 1, max: 36500 });
    const untaggedDays = parseInteger(Input.LifecycleUntaggedDays, getInput(env, Input.LifecycleUntaggedDays), {
        min: 1,
        max: 36500
    });
    const protectInput = getInput(env, Input.LifecycleProtectTags);
    const protectTags = parseList(protectInput);
    for (const t of protectTags) {
        if (!/^[A-Za-z0-9_.*-]{1,128}$/.test(t) || (t.match(/\*/g) ?? []).length > 4) {
            throw new InputError(Input.LifecycleProtectTags, `'${t}' is not a tag pattern ECR accepts: use letters, digits, _ . - and at most 4 * wildcards.`);
        }
    }
    const shorthandStated = keepCount !== undefined || expireDays !== undefined || untaggedDays !== undefined || protectInput !== '';
    if (policyInput !== '') {
        if (shorthandStated) {
            throw new InputError(Input.LifecyclePolicy, 'is given together with lifecycle-keep-count / -expire-days / -untagged-days / -protect-tags: use either the full policy or the shorthand inputs.');
        }
        const text = readPolicyText(Input.LifecyclePolicy, policyInput, workspace);
        return { stated: true, policy: validateLifecyclePolicy(text, Input.LifecyclePolicy), source: 'lifecycle-policy' };
    }
    if (keepCount !== undefined && expireDays !== undefined) {
        throw new InputError(Input.LifecycleExpireDays, 'is given together with lifecycle-keep-count: keep the newest N images or expire them after N days, not both.');
    }
    const tagRule = expireDays !== undefined ? { expireDays } : { keepCount: keepCount ?? DEFAULT_LIFECYCLE.keepCount };
    const policy = generateLifecyclePolicy({
        ...tagRule,
        untaggedDays: untaggedDays ?? DEFAULT_LIFECYCLE.untaggedDays,
        protectTags: protectInput !== '' ? protectTags : protectDefault
    });
    return shorthandStated
        ? { stated: true, policy, source: 'lifecycle-* inputs' }
        : { stated: false, policy, source: 'default policy' };
}
function readMutability(env, cacheTag) {
    const modeInput = getInput(env, Input.TagMutability);
    const exclusionsInput = getInput(env, Input.TagMutabilityExclusions);
    const mode = (modeInput === '' ? DEFAULT_TAG_MUTABILITY : modeInput.toUpperCase());
    if (!TAG_MUTABILITIES.includes(mode)) {
        throw new InputError(Input.TagMutability, `'${modeInput}' is not a tag mutability: use ${TAG_MUTABILITIES.join(', ')}.`);
    }
    const withExclusions = mode.endsWith('_WITH_EXCLUSION');
    const listed = exclusionsInput === '' ? (withExclusions ? DEFAULT_MUTABILITY_EXCLUSIONS : []) : parseList(exclusionsInput);
    if (!withExclusions && listed.length > 0) {
        throw new InputError(Input.TagMutabilityExclusions, `only applies to IMMUTABLE_WITH_EXCLUSION and MUTABLE_WITH_EXCLUSION, not ${mode}: remove it or change tag-mutability.`);
    }
    if (withExclusions && (listed.length < 1 || listed.length > 5)) {
        throw new InputError(Input.TagMutabilityExclusions, `has ${listed.length} filters: ECR takes 1 to 5.`);
    }
    // The registry cache is rewritten by every build: its tag must stay mutable.
    const addCache = mode === 'IMMUTABLE_WITH_EXCLUSION' && cacheTag !== undefined && !listed.some(f => matchesFilter(cacheTag, f));
    const exclusions = addCache ? [...listed, cacheTag] : listed;
    if (exclusions.length > 5) {
        throw new InputError(Input.TagMutabilityExclusions, `has 5 filters and the registry cache needs one more for '${cacheTag}': drop one, or set cache-tag to a tag a filter already matches.`);
    }
    for (const f of exclusions) {
        if (!MUTABILITY_FILTER.test(f)) {
            throw new InputError(Input.TagMutabilityExclusions, `'${f}' is not a filter ECR accepts: use up to 128 letters, digits, . _ - and * wildcards.`);
        }
    }
    return { mutability: mode, exclusions: [...new Set(exclusions)], stated: modeInput !== '' || exclusionsInput !== '' };
}
const ACCOUNT_ID = /^\d{12}$/;
const ORG_ID = /^o-[a-z0-9]{10,32}$/;
const PRINCIPAL_ARN = /^arn:aws[a-z-]*:iam::\d{12}:(?:root|role\/[\w+=,.@/-]+|user\/[\w+=,.@/-]+)$/;
const PULL_ACTIONS = (/* unused pure expression or super */ null && (['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability']));
/** A repository policy as ECR takes it: an IAM policy document with statements, ≤ 10,240 characters. */
function validateRepositoryPolicy(text) {
    const fail = (what) => {
        throw new InputError(Input.RepositoryPolicy, what);
    };
    if (text.length > 10240)
        fail(`the policy is ${text.length} characters; ECR takes at most 10240.`);
    let policy;
    try {
        policy = JSON.parse(text);
    }
    catch (error) {
        return fail(`is not valid JSON (${error.message}): give a repository policy document.`);
    }
    const statements = policy.Statement;
    const list = Array.isArray(statements) ? statements : statements !== undefined ? [statements] : [];
    if (typeof policy !== 'object' || policy === null || list.length === 0)
        fail('needs a "Statement" list: give an IAM policy document.');
    list.forEach((st, i) => {
        if (st.Effect !== 'Allow' && st.Effect !== 'Deny')
            fail(`Statement[${i}].Effect must be "Allow" or "Deny".`);
        if (st.Principal === undefined && st.NotPrincipal === undefined)
            fail(`Statement[${i}] needs a Principal: a repository policy says who may do what.`);
        const actions = [].concat(st.Action ?? st.NotAction ?? []);
        if (actions.length === 0 || !actions.every(a => typeof a === 'string' && (a === '*' || /^ecr:[A-Za-z*]+$/.test(a)))) {
            fail(`Statement[${i}].Action must name ecr: actions (e.g. ecr:BatchGetImage).`);
        }
    });
    return text;
}
/** The pull-only statement for `pull-principals`: accounts, role/user ARNs, or an organization. */
function pullPolicy(principals) {
    const arns = [];
    const orgs = [];
    for (const p of principals) {
        if (ACCOUNT_ID.test(p))
            arns.push(`arn:aws:iam::${p}:root`);
        else if (PRINCIPAL_ARN.test(p))
            arns.push(p);
        else if (ORG_ID.test(p))
            orgs.push(p);
        else {
            throw new InputError(Input.PullPrincipals, `'${p}' is not a principal: use a 12-digit account ID, an IAM role or user ARN, or an organization ID (o-…).`);
        }
    }
    const Statement = [];
    if (arns.length > 0)
        Statement.push({ Sid: 'PullByPrincipal', Effect: 'Allow', Principal: { AWS: arns }, Action: PULL_ACTIONS });
    if (orgs.length > 0) {
        Statement.push({
            Sid: 'PullByOrganization',
            Effect: 'Allow',
            Principal: '*',
            Action: PULL_ACTIONS,
            Condition: { StringEquals: { 'aws:PrincipalOrgID': orgs } }
        });
    }
    return JSON.stringify({ Version: '2012-10-17', Statement });
}
function readAccessPolicy(env, workspace) {
    const policyInput = getInput(env, Input.RepositoryPolicy);
    const principals = parseList(getInput(env, Input.PullPrincipals));
    if (policyInput !== '' && principals.length > 0) {
        throw new InputError(Input.PullPrincipals, 'is given together with repository-policy: put the pull statement in the policy, or use pull-principals alone.');
    }
    if (policyInput !== '') {
        return { text: validateRepositoryPolicy(readPolicyText(Input.RepositoryPolicy, policyInput, workspace)), source: 'repository-policy' };
    }
    if (principals.length > 0)
        return { text: pullPolicy(principals), source: 'pull-principals' };
    return undefined;
}
function readResourceTags(env) {
    const tags = parseLines(getInput(env, Input.RepositoryTags)).map(line => {
        const at = line.indexOf('=');
        const Key = at > 0 ? line.slice(0, at).trim() : '';
        const Value = line.slice(at + 1).trim();
        if (Key === '' || Key.length > 128 || Value.length > 256 || /^aws:/i.test(Key) || !/^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u.test(`${Key}${Value}`)) {
            throw new InputError(Input.RepositoryTags, `'${line}' is not a tag ECR accepts: one key=value per line, key up to 128 and value up to 256 characters, not starting with aws:.`);
        }
        return { Key, Value };
    });
    if (tags.length > 50)
        throw new InputError(Input.RepositoryTags, `has ${tags.length} tags: ECR takes at most 50.`);
    return tags;
}
function readReplication(env, region) {
    const regions = [...new Set(parseList(getInput(env, Input.ReplicateToRegions)))];
    for (const r of regions) {
        if (!REGION.test(r))
            throw new InputError(Input.ReplicateToRegions, `'${r}' is not an AWS region code: use codes like eu-west-1, ap-northeast-2.`);
        if (r === region)
            throw new InputError(Input.ReplicateToRegions, `lists ${r}, the repository's own region: list only the other regions to copy images to.`);
    }
    if (regions.length > 25)
        throw new InputError(Input.ReplicateToRegions, `lists ${regions.length} regions: an ECR replication rule takes at most 25.`);
    return regions;
}
function readScan(env) {
    const failOnInput = getInput(env, Input.ScanFailOn);
    const failOn = failOnInput.toUpperCase();
    if (failOnInput !== '' && !SEVERITIES.includes(failOn)) {
        throw new InputError(Input.ScanFailOn, `'${failOnInput}' is not a severity: use ${SEVERITIES.join(', ')}, or leave it empty for no gate.`);
    }
    const timeoutSeconds = parseInteger(Input.ScanTimeout, getInput(env, Input.ScanTimeout), { min: 10, max: 3600 }) ?? 600;
    return { ...(failOnInput !== '' ? { failOn } : {}), timeoutSeconds };
}
function readStoragePrice(env) {
    const value = getInput(env, Input.StoragePrice);
    if (value === '')
        return STORAGE_PRICE_USD_PER_GB_MONTH;
    if (!/^\d+(?:\.\d+)?$/.test(value) || Number(value) > 100) {
        throw new InputError(Input.StoragePrice, `'${value}' is not a price: give US$ per GB-month as a number, e.g. 0.10.`);
    }
    return Number(value);
}
/** ECR Public's catalog text: as given, or read from a file in the workspace (`about` is markdown). */
function readCatalog(env, workspace) {
    const description = getInput(env, Input.Description);
    const aboutInput = getInput(env, Input.About);
    let about = aboutInput;
    if (/^[\w./-]+\.(?:md|markdown|txt)$/i.test(aboutInput)) {
        const file = path.resolve(workspace, aboutInput);
        if (!existsSync(file))
            throw new InputError(Input.About, `'${aboutInput}' looks like a file but is not in the workspace: check it out first or give the text itself.`);
        about = readFileSync(file, 'utf8');
    }
    if (description.length > 1024)
        throw new InputError(Input.Description, `is ${description.length} characters: ECR Public takes at most 1024.`);
    if (about.length > 25600)
        throw new InputError(Input.About, `is ${about.length} characters: ECR Public takes at most 25600.`);
    return { ...(description !== '' ? { description } : {}), ...(about !== '' ? { about } : {}) };
}
/**
 * ECR Public has no lifecycle policies, tag immutability, scanning, encryption settings or
 * replication: a workflow that states one of them is told so instead of being ignored.
 */
function refuseForPublic(env) {
    const unsupported = [
        [Input.TagMutability, v => v !== ''],
        [Input.TagMutabilityExclusions, v => v !== ''],
        [Input.LifecyclePolicy, v => v !== ''],
        [Input.LifecycleKeepCount, v => v !== ''],
        [Input.LifecycleExpireDays, v => v !== ''],
        [Input.LifecycleUntaggedDays, v => v !== ''],
        [Input.LifecycleProtectTags, v => v !== ''],
        [Input.Encryption, v => v !== '' && v.toUpperCase() !== 'AES256'],
        [Input.KmsKey, v => v !== ''],
        [Input.ReplicateToRegions, v => v !== ''],
        [Input.ScanFailOn, v => v !== ''],
        [Input.PullPrincipals, v => v !== '']
    ];
    for (const [name, stated] of unsupported) {
        if (stated(getInput(env, name))) {
            throw new InputError(name, `is not available with registry-type: public (ECR Public has no such setting): remove it.`);
        }
    }
}
function readRegistryType(env) {
    const value = (getInput(env, Input.RegistryType) || 'private').toLowerCase();
    if (value !== 'private' && value !== 'public') {
        throw new InputError(Input.RegistryType, `'${value}' is not a registry type: use private (ECR) or public (ECR Public, public.ecr.aws).`);
    }
    if (value === 'public')
        refuseForPublic(env);
    for (const name of [Input.Description, Input.About]) {
        if (value === 'private' && getInput(env, name) !== '') {
            throw new InputError(name, 'is catalog data of ECR Public: set registry-type: public, or remove it.');
        }
    }
    return value;
}
function readBuildKeyValues(name, value) {
    const items = parseLines(value);
    for (const item of items) {
        if (!KEY_VALUE.test(item)) {
            throw new InputError(name, `'${item}' is not KEY=VALUE: give one KEY=VALUE per line.`);
        }
    }
    return items;
}
const CACHE_TYPES = (/* unused pure expression or super */ null && (['ecr', 'gha', 'none']));
const PROVENANCE = /^(?:true|false|mode=(?:min|max))$/;
const IF_VERSION_EXISTS = (/* unused pure expression or super */ null && (['auto', 'fail', 'skip']));
/** Empty: the registry cache for private repositories, none for public ones (it would publish every build stage). */
function readCache(env, registryType) {
    const typeInput = getInput(env, Input.Cache) || (registryType === 'public' ? 'none' : 'ecr');
    const type = typeInput.toLowerCase();
    if (!CACHE_TYPES.includes(type)) {
        throw new InputError(Input.Cache, `'${typeInput}' is not a cache: use ecr, gha or none.`);
    }
    return { type, tag: validateTag(Input.CacheTag, getInput(env, Input.CacheTag) || 'buildcache') };
}
function readBuild(env, workspace, cache) {
    const listed = parseList(getInput(env, Input.Platforms));
    const platforms = [...new Set((listed.length > 0 ? listed : DEFAULT_PLATFORMS).map(validatePlatform))];
    const contextInput = getInput(env, Input.Context) || '.';
    const remote = REMOTE_CONTEXT.test(contextInput);
    const context = remote ? contextInput : path.resolve(workspace, contextInput);
    if (!remote && !(existsSync(context) && statSync(context).isDirectory())) {
        throw new InputError(Input.Context, `'${contextInput}' is not a directory in the workspace: check out the code first (actions/checkout) or fix the path.`);
    }
    const fileInput = getInput(env, Input.File);
    let file = '';
    if (fileInput !== '') {
        file = path.resolve(workspace, fileInput);
        if (!existsSync(file))
            throw new InputError(Input.File, `'${fileInput}' does not exist: give the Dockerfile's path.`);
    }
    else if (!remote) {
        file = path.join(context, 'Dockerfile');
        if (!existsSync(file)) {
            throw new InputError(Input.File, `there is no Dockerfile in '${contextInput}': add one or give its path in 'file'.`);
        }
    }
    const target = getInput(env, Input.Target);
    if (target !== '' && !BUILD_TARGET.test(target)) {
        throw new InputError(Input.Target, `'${target}' is not a build stage name: use the name after AS in the Dockerfile.`);
    }
    const settings = {
        platforms,
        context,
        file,
        buildArgs: readBuildKeyValues(Input.BuildArgs, getInput(env, Input.BuildArgs)),
        labels: readBuildKeyValues(Input.Labels, getInput(env, Input.Labels)),
        push: parseBoolean(Input.Push, getInput(env, Input.Push), true),
        cache,
        provenance: readProvenance(env),
        sbom: parseBoolean(Input.Sbom, getInput(env, Input.Sbom), false),
        ...readSplitBuild(env)
    };
    if (target !== '')
        settings.target = target;
    return settings;
}
/** @param needed false for build-only runs (push: false), which make no AWS call */
function readSplitBuild(env) {
    const pushByDigest = parseBoolean(Input.PushByDigest, getInput(env, Input.PushByDigest), false);
    const mergeDigests = [...new Set(parseList(getInput(env, Input.MergeDigests)))];
    for (const d of mergeDigests) {
        if (!/^sha256:[0-9a-f]{64}$/.test(d)) {
            throw new InputError(Input.MergeDigests, `'${d}' is not an image digest: give the sha256:… digests the push-by-digest runs output.`);
        }
    }
    if (pushByDigest && mergeDigests.length > 0) {
        throw new InputError(Input.MergeDigests, 'is given together with push-by-digest: push each platform by digest first, then merge in a later job.');
    }
    return { pushByDigest, mergeDigests };
}
function readProvenance(env) {
    const value = getInput(env, Input.Provenance) || 'false';
    if (!PROVENANCE.test(value)) {
        throw new InputError(Input.Provenance, `'${value}' is not a provenance setting: use false, true, mode=min or mode=max.`);
    }
    return value;
}
function readIfVersionExists(env) {
    const value = (getInput(env, Input.IfVersionExists) || 'auto').toLowerCase();
    if (!IF_VERSION_EXISTS.includes(value)) {
        throw new InputError(Input.IfVersionExists, `'${value}' is not a choice: use auto, fail or skip.`);
    }
    return value;
}
function readAws(env, needed) {
    const region = getInput(env, Input.AwsRegion) || env.AWS_REGION || env.AWS_DEFAULT_REGION || '';
    if (region === '' && needed) {
        throw new InputError(Input.AwsRegion, 'no region: set aws-region (e.g. us-east-1) or AWS_REGION in the job.');
    }
    if (region !== '' && !REGION.test(region)) {
        throw new InputError(Input.AwsRegion, `'${region}' is not an AWS region code: use one like us-east-1 or ap-northeast-2.`);
    }
    const roleToAssume = getInput(env, Input.RoleToAssume);
    if (roleToAssume !== '' && !ROLE_ARN.test(roleToAssume)) {
        throw new InputError(Input.RoleToAssume, `'${roleToAssume}' is not an IAM role ARN: use arn:aws:iam::<12-digit account>:role/<name>.`);
    }
    const roleSessionName = getInput(env, Input.RoleSessionName) || 'GitHubActions';
    if (!SESSION_NAME.test(roleSessionName)) {
        throw new InputError(Input.RoleSessionName, `'${roleSessionName}' is not a session name STS accepts: use 2–64 of letters, digits and + = , . @ _ -.`);
    }
    const audience = getInput(env, Input.Audience) || 'sts.amazonaws.com';
    const aws = {
        region,
        audience,
        roleSessionName,
        roleDurationSeconds: parseInteger(Input.RoleDurationSeconds, getInput(env, Input.RoleDurationSeconds), { min: 900, max: 43200 }) ?? 3600,
        exportCredentials: parseBoolean(Input.ExportCredentials, getInput(env, Input.ExportCredentials), false)
    };
    if (roleToAssume !== '')
        aws.roleToAssume = roleToAssume;
    return aws;
}
function readEncryption(env) {
    const typeInput = getInput(env, Input.Encryption);
    const type = (typeInput || 'AES256').toUpperCase();
    if (type !== 'AES256' && type !== 'KMS') {
        throw new InputError(Input.Encryption, `'${typeInput}' is not an encryption type: use AES256 or KMS.`);
    }
    const kmsKey = getInput(env, Input.KmsKey);
    if (kmsKey === '')
        return { type };
    if (type !== 'KMS') {
        throw new InputError(Input.KmsKey, 'is only used with encryption: KMS: set encryption to KMS or remove kms-key.');
    }
    if (!KMS_KEY.test(kmsKey)) {
        throw new InputError(Input.KmsKey, `'${kmsKey}' is not a KMS key: use a key ARN, key ID, alias ARN or alias/<name>.`);
    }
    return { type, kmsKey };
}
const optional = (key, value) => (value === undefined ? {} : { [key]: value });
/**
 * Reads and validates every input. `env` is the step's environment (INPUT_* and GITHUB_*);
 * relative paths resolve against GITHUB_WORKSPACE (the runner's working directory).
 */
function readSettings(env = process.env) {
    const workspace = env.GITHUB_WORKSPACE || process.cwd();
    const push = parseBoolean(Input.Push, getInput(env, Input.Push), true);
    const name = validateRepositoryName(getInput(env, Input.Repository));
    const registryType = readRegistryType(env);
    // ECR Public's API answers in us-east-1 only; the region input is then only for signing in.
    const aws = readAws(env, push && registryType === 'private');
    if (registryType === 'public' && aws.region === '')
        aws.region = PUBLIC_API_REGION;
    const cache = readCache(env, registryType);
    const ecrCacheTag = cache.type === 'ecr' ? cache.tag : undefined;
    const { mutability, exclusions, stated } = readMutability(env, ecrCacheTag);
    const versionInput = getInput(env, Input.Version);
    const version = versionInput !== ''
        ? validateTag(Input.Version, versionInput)
        : deriveVersion({ ref: env.GITHUB_REF ?? '', sha: env.GITHUB_SHA ?? '' });
    const latest = parseBoolean(Input.Latest, getInput(env, Input.Latest), true);
    const extraTags = parseList(getInput(env, Input.Tags)).map(t => validateTag(Input.Tags, t));
    const tags = [...new Set([version, ...(latest ? ['latest'] : []), ...extraTags])];
    if (ecrCacheTag !== undefined && tags.includes(ecrCacheTag)) {
        throw new InputError(Input.CacheTag, `'${ecrCacheTag}' is also an image tag this run pushes: give the cache a tag of its own.`);
    }
    return {
        aws,
        repository: {
            name,
            create: parseBoolean(Input.CreateRepository, getInput(env, Input.CreateRepository), true),
            tagMutability: mutability,
            tagMutabilityExclusions: exclusions,
            tagMutabilityStated: stated,
            ...(ecrCacheTag !== undefined ? { cacheTag: ecrCacheTag } : {}),
            scanOnPush: parseBoolean(Input.ScanOnPush, getInput(env, Input.ScanOnPush), true),
            encryption: readEncryption(env),
            lifecycle: readLifecycle(env, workspace, [...DEFAULT_LIFECYCLE.protectTags, ...(ecrCacheTag ? [ecrCacheTag] : [])]),
            ...optional('accessPolicy', readAccessPolicy(env, workspace)),
            tags: readResourceTags(env),
            replicateToRegions: readReplication(env, aws.region),
            type: registryType,
            catalog: readCatalog(env, workspace)
        },
        scan: readScan(env),
        storagePrice: readStoragePrice(env),
        image: { version, ifVersionExists: readIfVersionExists(env), latest, tags },
        build: readBuild(env, workspace, cache),
        skipLogout: parseBoolean(Input.SkipLogout, getInput(env, Input.SkipLogout), false),
        dryRun: parseBoolean(Input.DryRun, getInput(env, Input.DryRun), false),
        summary: parseBoolean(Input.Summary, getInput(env, Input.Summary), true)
    };
}

;// CONCATENATED MODULE: ./src/post.ts
/**
 * Post step: logs docker out of the registries the main step logged in to, unless
 * `skip-logout` — out of docker's config file where the main step wrote the login there,
 * else with `docker logout`. Warns and never fails the job.
 *
 * It runs at the end of every job that uses the action, so it loads as little as it can:
 * no AWS SDK and no @actions/core (whose HTTP client is most of a bundle). The three
 * runner conventions it needs are written out here: state arrives as STATE_<name>, a log
 * line is a line on stdout, a warning is the `::warning::` command.
 */





/** `::warning::` with the runner's escaping of %, CR and LF. */
const warning = (message) => {
    process.stdout.write(`::warning::${message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}${(external_node_os_default()).EOL}`);
};
const info = (message) => {
    process.stdout.write(`${message}${(external_node_os_default()).EOL}`);
};
/**
 * Forgets the registry credentials; returns the registries logged out. Warns, never fails.
 * A login the main step wrote to docker's config file (`configDir`) is taken out of it
 * the same way, without a docker process, while the file still keeps it; otherwise
 * `docker logout`.
 */
async function logout(run, registries, warn = warning, configDir) {
    const done = [];
    for (const registry of registries) {
        if (configDir !== undefined && (await removeFromConfigFile(configDir, registry, warn))) {
            done.push(registry);
            continue;
        }
        const result = await run(['logout', registry]);
        if (result.exitCode === 0)
            done.push(registry);
        else
            warn(`docker logout ${registry} failed: ${lastLine(result)}`);
    }
    return done;
}
/** True when the config file keeps this registry's credentials itself and no longer holds them. */
async function removeFromConfigFile(configDir, registry, warn) {
    const config = await fileStoreConfig(configDir, registry);
    if (config === undefined)
        return false;
    if (config.auths === undefined || !(registry in config.auths))
        return true;
    delete config.auths[registry];
    try {
        await writeDockerConfig(configDir, config);
        return true;
    }
    catch (error) {
        warn(`Removing the login to ${registry} from docker's config failed (${error.message}); trying docker logout.`);
        return false;
    }
}
async function post(env = process.env, run = docker) {
    try {
        const registries = JSON.parse(env[`STATE_${State.LoggedInRegistries}`] || '[]');
        if (parseBoolean(constants_Input.SkipLogout, getInput(env, constants_Input.SkipLogout), false)) {
            if (registries.length > 0)
                info(`Staying logged in to ${registries.join(', ')} (skip-logout).`);
        }
        else {
            const configDir = env[`STATE_${State.LoginConfigDir}`] || undefined;
            for (const r of await logout(run, registries, warning, configDir))
                info(`Logged out of ${r}`);
        }
    }
    catch (error) {
        warning(`Post step: ${error.message}`);
    }
}


/***/ }),

/***/ 613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(908);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
