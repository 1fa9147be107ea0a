export const id = 987;
export const ids = [987];
export const modules = {

/***/ 201:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bN: () => (/* binding */ sdkConfig),
/* harmony export */   df: () => (/* binding */ tagIamActions),
/* harmony export */   fQ: () => (/* binding */ withSession),
/* harmony export */   i0: () => (/* binding */ explainCertificates),
/* harmony export */   m: () => (/* binding */ MAX_ATTEMPTS),
/* harmony export */   yv: () => (/* binding */ createEcrClient)
/* harmony export */ });
/* unused harmony exports USER_AGENT, useDualstack, refuseWritesAfter */
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8249);
/* harmony import */ var _network_agents_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3662);
/* harmony import */ var _network_certificates_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9144);
/* harmony import */ var _session_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9401);
/**
 * The AWS SDK clients, created once per run with the region, the signed-in credentials
 * and the action's user agent. Endpoints follow the SDK's own configuration
 * (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_ECR, AWS_ENDPOINT_URL_STS); with `dual-stack` they are
 * the dual-stack ones (`ecr.<region>.api.aws`), unless such a variable names the endpoint:
 * an explicit endpoint wins, and the SDK refuses both at once.
 *
 * Retries: the SDK's standard strategy (jittered exponential backoff) retries throttling,
 * 5xx and network errors — up to MAX_ATTEMPTS tries — and nothing that can't succeed
 * (access denied, validation, missing resources, a certificate the runner refuses).
 *
 * Every call is bounded by the session's network settings (network/agents.ts): a connection
 * that doesn't open, or an answer that doesn't come, fails the attempt with the SDK's
 * TimeoutError, which the same strategy retries; calls go through the job's proxy when it
 * has one.
 *
 * The run's cancel travels with the session: once it has aborted, a client made with the
 * session starts no write (nor another try of one) — the rest of a reconcile's Put* calls
 * are refused with the cancel's reason, unsent; reads still go.
 */




/** What the SDK clients add to their user agent: the action's name. */
const USER_AGENT = 'ecr-build-push';
const MAX_ATTEMPTS = 6;
/**
 * The SDK's dual-stack switch, always set (the SDK would otherwise read
 * AWS_USE_DUALSTACK_ENDPOINT itself): on with `dual-stack`, off when the job names the
 * service's endpoint, which the SDK then uses as it is.
 */
function useDualstack(session, service, env = process.env) {
    const explicit = (env.AWS_ENDPOINT_URL ?? '') !== '' || (env[`AWS_ENDPOINT_URL_${service}`] ?? '') !== '';
    return session.dualStack === true && !explicit;
}
function sdkConfig(session, service) {
    return {
        region: session.region,
        customUserAgent: USER_AGENT,
        maxAttempts: MAX_ATTEMPTS,
        useDualstackEndpoint: useDualstack(session, service),
        requestHandler: (session.network ?? _network_agents_js__WEBPACK_IMPORTED_MODULE_0__/* .DIRECT_NETWORK */ .fz).sdkRequestHandler(),
        ...(session.credentials ? { credentials: (0,_session_js__WEBPACK_IMPORTED_MODULE_2__/* .credentialProvider */ .PX)(session.credentials) } : {})
    };
}
/**
 * A client made with the session: a call refused as expired is sent again with renewed
 * credentials, and no write starts after the run's cancel.
 */
function withSession(client, session) {
    if (session.cancel)
        refuseWritesAfter(client, session.cancel);
    return session.credentials ? (0,_session_js__WEBPACK_IMPORTED_MODULE_2__/* .renewOnExpiredToken */ .rV)(client, session.credentials) : client;
}
/** Operations that change something in AWS (ECR's and ECR Public's, by their names). */
const WRITE_OPERATION = /^(Create|Put|Delete|Set|Batch(Delete|Put)|Tag|Untag|Start|Update|Initiate|Upload|Complete|Replicate)[A-Z]/;
/**
 * Once `cancel` has aborted, a write operation is refused with its reason before it is sent.
 * Checked on every try (after the SDK's retry middleware): a write the SDK would try again
 * after the cancel is refused too. The refusal is no error the SDK retries.
 */
function refuseWritesAfter(client, cancel) {
    client.middlewareStack.add((next, context) => async (args) => {
        if (cancel.aborted && WRITE_OPERATION.test(String(context.commandName)))
            throw cancel.reason;
        return next(args);
    }, { step: 'finalizeRequest', priority: 'low', name: 'refuseWritesAfterCancel' });
    return client;
}
/** Tags every error a client's calls throw with the IAM action (`<service>:<Operation>`), for explanations. */
function tagIamActions(client, service) {
    client.middlewareStack.add((next, context) => async (args) => {
        try {
            return await next(args);
        }
        catch (error) {
            if (error instanceof Error)
                error.iamAction = `${service}:${String(context.commandName).replace(/Command$/, '')}`;
            throw error;
        }
    }, { step: 'initialize', name: 'iamActionOnError' });
    return explainCertificates(client);
}
/**
 * A certificate the runner refuses fails a call at once and is explained with the host the
 * call went to: the handler's error is read where it leaves the handler, before the SDK's
 * retry middleware (which tries nothing that is not transient) sees it.
 */
function explainCertificates(client) {
    client.middlewareStack.add(next => async (args) => {
        try {
            return await next(args);
        }
        catch (error) {
            const request = args.request;
            const host = `${request?.hostname ?? 'the AWS endpoint'}${request?.port !== undefined && request.port !== 443 ? `:${request.port}` : ''}`;
            throw (0,_network_certificates_js__WEBPACK_IMPORTED_MODULE_1__/* .explainCertificateError */ .V)(host, error) ?? error;
        }
    }, { step: 'deserialize', name: 'explainCertificateErrors' });
    return client;
}
function createEcrClient(session) {
    return tagIamActions(withSession(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_3__/* .ECRClient */ .S70(sdkConfig(session, 'ECR')), session), 'ecr');
}


/***/ }),

/***/ 2210:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  v: () => (/* binding */ PUBLIC_LIFECYCLE),
  Zq: () => (/* binding */ applyDestination),
  QC: () => (/* binding */ planDestination),
  jv: () => (/* binding */ plannedWrites)
});

// UNUSED EXPORTS: movingTags

// EXTERNAL MODULE: ./src/aws/clients.ts
var clients = __webpack_require__(201);
// EXTERNAL MODULE: ./src/aws/public-repository.ts
var public_repository = __webpack_require__(3765);
// EXTERNAL MODULE: ./src/aws/registry-token.ts
var registry_token = __webpack_require__(8318);
// EXTERNAL MODULE: ./src/aws/registry-scanning.ts
var registry_scanning = __webpack_require__(8756);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecr/dist-cjs/index.js
var dist_cjs = __webpack_require__(8249);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 20 modules
var core = __webpack_require__(3110);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/retry.ts
var retry = __webpack_require__(9809);
;// CONCATENATED MODULE: ./src/aws/replication.ts
/**
 * Cross-region replication (`replicate-to-regions`). ECR keeps one replication
 * configuration per registry, shared by every repository, so the action reads it, adds
 * what this repository needs and writes it back whole: another rule is never dropped or
 * changed (missing regions get a rule of their own), and nothing is written when the
 * repository already replicates to every region.
 *
 * ECR has no conditional write: another writer (a second job, a Terraform apply) that read
 * the configuration before this write and writes it back after it drops this rule. So the
 * configuration is read again a moment after the write; when this repository's rule is
 * gone, it is merged into what is there now and written again (a few tries, with backoff).
 * Each write starts from the latest read, so the other writer's rules stay.
 *
 * ECR filters repositories by name prefix only (`PREFIX_MATCH`): the rule the action adds
 * has the repository's full name as its prefix, so it also replicates every repository
 * whose name begins with it (`team/web` → `team/web-api`, `team/webhooks`); the change line
 * says so. Coverage is decided the way ECR replicates: a rule counts for a region when its
 * destinations include that region of this account and it has no filter or a filter that is
 * a prefix of this repository's name — a rule for a longer name (a sibling such as
 * `team/web-api`) never counts for `team/web`. The log names the rule that covers each
 * region already.
 *
 * Planning is pure (`planReplication`); `ensureReplication` makes the calls.
 */




/** ECR's limit of rules per registry (its 25 destinations per rule are checked with the input: settings/repository.ts). */
const MAX_RULES = 10;
/** The filters of a rule that match `repository` (ECR's PREFIX_MATCH: the filter begins its name); every repository for a rule without filters. */
function matchingFilters(rule, repository) {
    const filters = rule.repositoryFilters ?? [];
    if (filters.length === 0)
        return 'all';
    return filters.filter(f => f.filterType === 'PREFIX_MATCH' && f.filter !== undefined && repository.startsWith(f.filter)).map(f => f.filter ?? '');
}
/** Whether a rule copies `repository` to `region` of this account. */
function covers(rule, repository, region, account) {
    const toRegion = (rule.destinations ?? []).some(d => d.region === region && d.registryId === account);
    const filters = matchingFilters(rule, repository);
    return toRegion && (filters === 'all' || filters.length > 0);
}
/** The regions no rule of `rules` copies `repository` to. */
function uncovered(rules, repository, regions, account) {
    return regions.filter(region => !rules.some(rule => covers(rule, repository, region, account)));
}
/** "the registry's rules already copy it to eu-west-1 (rule 1, prefix 'team/')", for the regions some rule covers; '' when none. */
function describeCoverage(rules, repository, regions, account) {
    const parts = regions.flatMap(region => {
        const index = rules.findIndex(rule => covers(rule, repository, region, account));
        const rule = rules[index];
        if (rule === undefined)
            return [];
        const filters = matchingFilters(rule, repository);
        const which = filters === 'all' ? 'every repository' : `prefix ${filters.map(f => `'${f}'`).join(', ')}`;
        return [`${region} (rule ${index + 1}, ${which})`];
    });
    return parts.length > 0 ? `the registry's rules already copy it to ${parts.join(', ')}` : '';
}
/** ECR matches by prefix only: what the action's rule for `repository` also replicates. */
const prefixNote = (repository) => `ECR's filters are prefixes: the rule's filter '${repository}' also replicates every repository whose name begins with it, e.g. '${repository}-api'`;
function planReplication(current, repository, regions, account) {
    const missing = uncovered(current, repository, regions, account);
    const covered = describeCoverage(current, repository, regions, account);
    if (missing.length === 0)
        return { missing, rules: current, change: '', covered };
    // Existing rules are never changed, not even one naming only this repository: it may be
    // the user's own (e.g. with a deletion setting); the missing regions get a rule of their own.
    if (current.length >= MAX_RULES) {
        throw new errors/* ActionError */.lZ(`The registry's replication configuration already has ${current.length} rules, ECR's limit: add ${missing.join(', ')} to a rule that matches '${repository}' by hand, or remove replicate-to-regions.`);
    }
    const rules = [...current, { destinations: missing.map(region => ({ region, registryId: account })), repositoryFilters: [{ filter: repository, filterType: 'PREFIX_MATCH' }] }];
    return {
        missing,
        rules,
        change: `replication to ${missing.join(', ')} added (registry replication rule ${rules.length} of ${rules.length}); ${prefixNote(repository)}`,
        covered
    };
}
/** The account and the registry's current rules (ecr:DescribeRegistry). */
async function readReplication(ecr) {
    const out = await ecr.send(new dist_cjs/* DescribeRegistryCommand */.IRV({}));
    return { account: out.registryId ?? '', rules: out.replicationConfiguration?.rules ?? [] };
}
const DEFAULT_REPLICATION_WRITE = { retry: retry.defaultRetry, settleMs: 2000, log: line => core/* info */.pq(line) };
/** What the repository needs of the registry's replication configuration, from one read. */
async function readReplicationPlan(ecr, repository, regions) {
    const { account, rules } = await readReplication(ecr);
    return { account, plan: planReplication(rules, repository, regions, account) };
}
/**
 * Makes sure the registry replicates `repository` to every region; returns the change made,
 * or ''. A write is checked by reading the configuration again; a rule another writer
 * dropped meanwhile is merged and written again, up to `write.retry.attempts` times.
 * @param planned the configuration as the run's plan read it (the first try writes from it)
 */
async function ensureReplication(ecr, repository, regions, write = DEFAULT_REPLICATION_WRITE, planned) {
    if (regions.length === 0)
        return '';
    let change = '';
    let logged = '';
    let read = planned;
    const once = async () => {
        const { account, plan } = read ?? (await readReplicationPlan(ecr, repository, regions));
        read = undefined;
        if (plan.covered !== '' && plan.covered !== logged) {
            write.log(`Replication of ${repository}: ${plan.covered}.`);
            logged = plan.covered;
        }
        if (plan.missing.length === 0)
            return;
        await write.beforeWrite?.();
        await ecr.send(new dist_cjs/* PutReplicationConfigurationCommand */.xhm({ replicationConfiguration: { rules: plan.rules } }));
        change = plan.change;
        await write.retry.sleep(write.settleMs);
        const dropped = uncovered((await readReplication(ecr)).rules, repository, regions, account);
        if (dropped.length > 0) {
            throw new retry.TransientError(`another writer replaced the registry's replication configuration after this run's write, dropping ${repository} → ${dropped.join(', ')}`);
        }
    };
    try {
        // Only a dropped rule is tried again here: the SDK retries the calls themselves.
        await (0,retry.retry)("The registry's replication configuration", once, { policy: write.retry }, error => error instanceof retry.TransientError);
    }
    catch (error) {
        if (!(error instanceof retry.TransientError))
            throw error;
        throw new errors/* ActionError */.lZ(`${error.message}, ${write.retry.attempts} times: run the job again, or let the other writer (e.g. your Terraform) keep a rule that replicates ${repository} to ${regions.join(', ')}.`, { cause: error });
    }
    return change;
}

// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
// EXTERNAL MODULE: ./src/settings/lifecycle-policy.ts
var lifecycle_policy = __webpack_require__(5940);
// EXTERNAL MODULE: ./src/settings/tag-mutability.ts
var tag_mutability = __webpack_require__(8338);
;// CONCATENATED MODULE: ./src/aws/repository-plan.ts



/** The input that states the default policy, for a repository that has none: `lifecycle-keep-count: 100`. */
const DEFAULT_POLICY_INPUT = `${constants/* Input */.pd.LifecycleKeepCount}: ${lifecycle_policy/* DEFAULT_LIFECYCLE */.Pb.keepCount}`;
const keepsTagsImmutable = (m) => m.mode === 'IMMUTABLE' || m.mode === 'IMMUTABLE_WITH_EXCLUSION';
/** An IMMUTABLE_WITH_EXCLUSION repository whose exclusions keep this run's cache tag mutable (room allowing). */
function withCacheTag(m, cacheTag, cacheFilter) {
    if (cacheTag === undefined || cacheFilter === undefined || m.mode !== 'IMMUTABLE_WITH_EXCLUSION' || (0,tag_mutability/* isTagMutable */.bo)(cacheTag, m))
        return m;
    const exclusions = (0,tag_mutability/* withCacheFilter */.Pe)(m.exclusions, cacheFilter);
    return exclusions.length > 5 ? m : { mode: m.mode, exclusions };
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
    const target = desired.tagMutabilityStated || !keepsTagsImmutable(current.mutability) ? wanted : withCacheTag(current.mutability, desired.cacheTag, desired.cacheFilter);
    let mutability = current.mutability;
    if (!(0,tag_mutability/* sameMutability */.pn)(current.mutability, target)) {
        changes.push({ kind: 'tag-mutability', from: current.mutability, to: target });
        mutability = target;
    }
    const frozen = movingTags.filter(t => !(0,tag_mutability/* isTagMutable */.bo)(t, mutability));
    if (frozen.length > 0) {
        warnings.push(`the repository keeps ${frozen.map(t => `'${t}'`).join(', ')} immutable, so pushing it again will be refused: ` +
            (desired.tagMutability === 'MUTABLE_WITH_EXCLUSION' && !desired.tagMutabilityStated
                ? `set tag-mutability: MUTABLE_WITH_EXCLUSION (versions *.*.* and sha-* stay immutable) to let floating tags move.`
                : `set tag-mutability: IMMUTABLE_WITH_EXCLUSION with tag-mutability-exclusions: ${frozen.join(',')} to let it move.`));
    }
    if (current.scanOnPush !== desired.scanOnPush) {
        changes.push({ kind: 'scan-on-push', from: current.scanOnPush, to: desired.scanOnPush });
    }
    // Encryption the workflow doesn't state (a creation template's, say) is not compared.
    const enc = desired.encryption;
    const keyDiffers = enc.kmsKey?.startsWith('arn:') === true && current.encryption.kmsKey !== enc.kmsKey;
    if (desired.encryptionStated !== false && (current.encryption.type !== enc.type || keyDiffers)) {
        const now = current.encryption.kmsKey ? `${current.encryption.type} (${current.encryption.kmsKey})` : current.encryption.type;
        warnings.push(`the repository is encrypted with ${now}, not ${enc.kmsKey ? `${enc.type} (${enc.kmsKey})` : enc.type}: ECR sets encryption only when a repository is created, so it stays as it is.`);
    }
    return { changes, warnings };
}
/** Rule by rule, what a policy does, e.g. "Protect latest; Keep the newest 100 tagged images". */
function describePolicy(policy) {
    return policy.rules.map(r => r.description ?? `rule ${r.rulePriority}`).join('; ');
}
/**
 * The lifecycle policy to put, if any. A repository this run creates gets the stated policy
 * or the default one; an existing repository gets only a stated one: a repository that
 * deliberately has no policy keeps every image until the workflow states one.
 *
 * @param current the repository's lifecycle policy text; undefined when it has none
 * @param created whether this run created the repository (then there is nothing to read)
 */
function planLifecycle(current, intent, created) {
    const text = (0,lifecycle_policy/* formatLifecyclePolicy */.sj)(intent.policy);
    if (created) {
        return { put: true, policy: intent.policy, text, reason: `new repository: ${intent.source}` };
    }
    if (!intent.stated) {
        return current === undefined
            ? {
                put: false,
                reason: `none: the repository has no lifecycle policy and the workflow states none, so none is put and no image expires. ` +
                    `${DEFAULT_POLICY_INPUT} would put the default policy (${describePolicy(intent.policy)})`
            }
            : { put: false, reason: 'kept the existing policy (the workflow states none)' };
    }
    if (current === undefined) {
        return { put: true, policy: intent.policy, text, reason: `no policy yet: ${intent.source}` };
    }
    if ((0,lifecycle_policy/* lifecyclePoliciesEqual */.Jl)(current, intent.policy)) {
        return { put: false, reason: `already as stated by ${intent.source}` };
    }
    return { put: true, policy: intent.policy, text, reason: `differs from ${intent.source}` };
}
/** How far the runner's clock may be ahead of AWS's when a repository's createdAt is compared with it. */
const CLOCK_ALLOWANCE_MS = 60_000;
/**
 * Whether a repository that this run's CreateRepository found already there
 * (RepositoryAlreadyExistsException) was made by this very run, whose answer was lost.
 *
 * - Found on the create's first attempt: another writer made it between the run's describe
 *   and its create. Adopted: it is theirs.
 * - Found on a later attempt (the SDK tried the create again after a connection reset, a
 *   timeout or a 5xx): an earlier attempt of this run may have reached ECR, which created
 *   the repository, and its answer was lost on the way back. ECR's createdAt tells: a
 *   repository created no earlier than this run's first CreateRepository was sent (less
 *   CLOCK_ALLOWANCE_MS, for a runner clock ahead of AWS's) was created by this run — the
 *   describe just before found no repository, so it can't be older. A clock further ahead,
 *   or no createdAt, leaves it adopted: no policy the workflow doesn't state is put on a
 *   repository the run can't tell it created.
 *
 * Another writer creating the same name within the seconds of this run's tries is the one
 * case this can't tell apart; that repository is seconds old, with nothing pushed yet and no
 * policy of its own, and gets the policy its creator would have put.
 *
 * @param attempts the SDK's tries of the CreateRepository that ended with AlreadyExists ($metadata.attempts)
 * @param createSentAt when this run sent its first CreateRepository (epoch ms, the runner's clock)
 */
function createdByThisRun(attempts, createdAt, createSentAt) {
    if ((attempts ?? 1) < 2 || createdAt === undefined)
        return false;
    return createdAt.getTime() >= createSentAt - CLOCK_ALLOWANCE_MS;
}

;// CONCATENATED MODULE: ./src/aws/creation-template.ts
/**
 * ECR's repository creation templates as the defaults of a repository this run creates.
 * A template (`appliedFor` CREATE_ON_PUSH) holds the settings the registry's owners want on
 * new repositories under a name prefix; the action reads them only when the repository does
 * not exist yet, so a converged run makes no extra call.
 *
 * Precedence, setting by setting: what the workflow states, else the template's, else the
 * action's own default. Source: ECR API Reference, CreateRepositoryCreationTemplate
 * (`prefix`: "there is always an assumed / applied to the end of the prefix"; `ROOT` for
 * every repository no other template matches) and the RepositoryCreationTemplate shape.
 */





const ROOT = 'ROOT';
function fromApi(t) {
    const template = {
        prefix: t.prefix ?? '',
        appliedFor: t.appliedFor ?? [],
        tags: (t.resourceTags ?? []).filter(x => x.Key !== undefined).map(x => ({ Key: x.Key ?? '', Value: x.Value ?? '' }))
    };
    const enc = t.encryptionConfiguration;
    if (enc?.encryptionType)
        template.encryption = { type: enc.encryptionType, ...(enc.kmsKey ? { kmsKey: enc.kmsKey } : {}) };
    if (t.imageTagMutability) {
        const exclusions = (t.imageTagMutabilityExclusionFilters ?? []).map(f => f.filter ?? '').filter(f => f !== '');
        template.mutability = { mode: t.imageTagMutability, exclusions };
    }
    if (t.repositoryPolicy)
        template.repositoryPolicy = t.repositoryPolicy;
    if (t.lifecyclePolicy)
        template.lifecyclePolicy = t.lifecyclePolicy;
    return template;
}
/**
 * The template ECR would apply to a repository pushed under `name`: the longest prefix `p`
 * with `name` beginning `p/` (a trailing `/` of the prefix is the same prefix), else `ROOT`.
 * Only CREATE_ON_PUSH templates: those are for repositories created by pushes.
 */
function pickTemplate(name, templates) {
    const forPush = templates.filter(t => t.appliedFor.includes('CREATE_ON_PUSH'));
    let best;
    let length = -1;
    for (const t of forPush) {
        if (t.prefix === ROOT)
            continue;
        const p = t.prefix.replace(/\/+$/, '');
        if (p !== '' && name.startsWith(`${p}/`) && p.length > length) {
            best = t;
            length = p.length;
        }
    }
    return best ?? forPush.find(t => t.prefix === ROOT);
}
/** A template's mutability, with the registry cache's tags kept mutable where its exclusions have room. */
function templateMutability(m, cacheFilter) {
    if (m.mode !== 'IMMUTABLE_WITH_EXCLUSION' || cacheFilter === undefined)
        return m;
    const exclusions = (0,tag_mutability/* withCacheFilter */.Pe)(m.exclusions, cacheFilter);
    return exclusions.length > 5 ? m : { mode: m.mode, exclusions };
}
/**
 * The settings of a repository the run creates: stated → template → the action's default,
 * for each setting. Pure. Throws (before any write) when the template's mutability keeps a
 * tag this run must move immutable and the workflow states no mutability.
 * @param movingTags the tags the run pushes again each time (`latest`, the cache tag)
 */
function withTemplate(desired, template, movingTags) {
    if (template === undefined)
        return { repository: desired };
    const from = `from template ${template.prefix}`;
    const repository = { ...desired };
    const fromTemplate = [];
    if (!desired.tagMutabilityStated && template.mutability !== undefined) {
        const m = templateMutability(template.mutability, desired.cacheFilter);
        const frozen = movingTags.filter(t => !(0,tag_mutability/* isTagMutable */.bo)(t, m));
        if (frozen.length > 0) {
            throw new errors/* ActionError */.lZ(`Repository creation template '${template.prefix}' makes new repositories ${m.mode}${m.exclusions.length > 0 ? ` (${m.exclusions.join(', ')})` : ''}, ` +
                `so this run could not move ${frozen.map(t => `'${t}'`).join(', ')}: state ${constants/* Input */.pd.TagMutability} (e.g. IMMUTABLE_WITH_EXCLUSION with ${constants/* Input */.pd.TagMutabilityExclusions}: ${frozen.join(',')}) in the workflow, ` +
                `or set ${constants/* Input */.pd.Latest}: false.`);
        }
        repository.tagMutability = m.mode;
        repository.tagMutabilityExclusions = m.exclusions;
        fromTemplate.push('tag mutability');
    }
    if (!desired.encryptionStated && template.encryption !== undefined) {
        repository.encryption = template.encryption;
        fromTemplate.push('encryption');
    }
    const stated = new Set(desired.tags.map(t => t.Key));
    const templateTags = template.tags.filter(t => !stated.has(t.Key));
    if (templateTags.length > 0) {
        repository.tags = [...templateTags, ...desired.tags];
        fromTemplate.push('tags');
    }
    if (!desired.lifecycle.stated && template.lifecyclePolicy !== undefined) {
        repository.lifecycle = { stated: false, policy: JSON.parse(template.lifecyclePolicy), source: `the policy ${from}` };
        fromTemplate.push('lifecycle policy');
    }
    if (desired.accessPolicy === undefined && template.repositoryPolicy !== undefined) {
        repository.accessPolicy = { text: template.repositoryPolicy, source: from };
        fromTemplate.push('access policy');
    }
    return { repository, template: { prefix: template.prefix, settings: fromTemplate, tags: templateTags.map(t => `${t.Key}=${t.Value}`) } };
}
/** Pages of 100; a registry has at most a few hundred templates. */
const MAX_PAGES = 20;
/**
 * Every template of the registry, paginated and bounded. `undefined` when the role may not
 * read them (AccessDeniedException): the caller warns and goes on without.
 */
async function readTemplates(ecr) {
    const templates = [];
    let nextToken;
    for (let page = 0; page < MAX_PAGES; page++) {
        let out;
        try {
            out = await ecr.send(new dist_cjs/* DescribeRepositoryCreationTemplatesCommand */.v18({ maxResults: 100, ...(nextToken ? { nextToken } : {}) }));
        }
        catch (error) {
            if (error.name === 'AccessDeniedException')
                return undefined;
            throw error;
        }
        templates.push(...(out?.repositoryCreationTemplates ?? []).map(fromApi));
        nextToken = out?.nextToken;
        if (!nextToken)
            return templates;
    }
    throw new errors/* ActionError */.lZ(`ECR listed more than ${MAX_PAGES * 100} repository creation templates: the action reads at most that many.`);
}
const TEMPLATES_DENIED = "could not read the registry's repository creation templates (AccessDeniedException): the repository is created with the workflow's settings and the action's defaults. Allow ecr:DescribeRepositoryCreationTemplates to have its template apply.";
/** The defaults of a repository the run is about to create: the matching template read and merged; a warning when the role may not read templates. */
async function templateDefaults(ecr, desired, movingTags) {
    const templates = await readTemplates(ecr);
    if (templates === undefined)
        return { repository: desired, warnings: [TEMPLATES_DENIED] };
    return { ...withTemplate(desired, pickTemplate(desired.name, templates), movingTags), warnings: [] };
}
/** A repository's settings with its creation template's (creation-template.ts); the create change names what came from it. */
async function creationDefaults(ecr, desired, movingTags) {
    const defaults = await templateDefaults(ecr, desired, movingTags);
    const { template } = defaults;
    const changes = planRepository(undefined, defaults.repository, movingTags).changes.map(c => (c.kind === 'create' && template !== undefined ? { ...c, template } : c));
    return { repository: defaults.repository, warnings: defaults.warnings, changes };
}

// EXTERNAL MODULE: ./src/aws/setting-writes.ts
var setting_writes = __webpack_require__(1514);
;// CONCATENATED MODULE: ./src/aws/leave-repository.ts
/**
 * `existing-repository: leave` — a repository the run didn't create gets no write call at
 * all (mutability, scan on push, lifecycle policy, access policy, tags). The plan's writes
 * become what it says instead, in the log and the summary, so a team that manages the
 * repository elsewhere (Terraform, CloudFormation) sees the drift without the action
 * fighting it. Pure: the plan (repository.ts) has read all it compares.
 */




const LEFT = `${constants/* Input */.pd.ExistingRepository}: leave`;
/** A difference the reconcile would have written, in words. */
function difference(w) {
    switch (w.kind) {
        case 'tag-mutability':
            return `tag mutability is ${(0,tag_mutability/* describeMutability */.yk)(w.from)}; the workflow's settings make it ${(0,tag_mutability/* describeMutability */.yk)(w.to)}`;
        case 'scan-on-push':
            return `scan on push is ${w.from ? 'on' : 'off'}; scan-on-push states ${w.to ? 'on' : 'off'}`;
        case 'access-policy':
            return `the access policy differs from ${w.source}`;
        case 'tags':
            return `the stated tags ${w.tags.map(t => `${t.Key}=${t.Value}`).join(', ')} are missing or have other values`;
        default:
            return `the workflow's settings would make this change: ${(0,setting_writes/* describeWrite */.dd)(w)}`;
    }
}
/** The plan of an existing repository under `leave`: no writes; each one it had is said as a difference. */
function leaveAsItIs(plan, current, movingTags) {
    const differences = plan.writes.filter(w => w.kind !== 'lifecycle').map(difference);
    // The warnings of the repository as it stays: tags its own mutability keeps frozen, encryption.
    const kept = planRepository(current, { ...plan.desired, tagMutability: current.mutability.mode, tagMutabilityExclusions: current.mutability.exclusions, tagMutabilityStated: true, scanOnPush: current.scanOnPush }, movingTags);
    const notes = differences.length > 0 ? differences.map(d => `left as it is (${LEFT}): ${d}`) : [`left as it is (${LEFT}): it matches the workflow's settings`];
    const lifecycle = plan.lifecycle.put ? { put: false, reason: `left as it is (${LEFT}): the workflow's policy would be put (${plan.lifecycle.reason})` } : plan.lifecycle;
    return { ...plan, writes: [], warnings: kept.warnings, notes: [...notes, ...plan.notes], lifecycle };
}

// EXTERNAL MODULE: ./src/aws/stated-settings.ts
var stated_settings = __webpack_require__(4426);
;// CONCATENATED MODULE: ./src/aws/repository.ts
/**
 * The ECR repository: what the run reads of it, the plan that makes it match the workflow
 * (`planRepositorySettings`, read calls only: what a dry run prints), and the writes of that
 * plan carried out (`applyRepositorySettings`). A repository that already matches costs two
 * read calls and no write.
 */








const exclusionFilters = (m) => m.exclusions.map(filter => ({ filterType: 'WILDCARD', filter }));
function toRepositoryState(r) {
    const mode = (r.imageTagMutability ?? 'MUTABLE');
    const encryption = { type: r.encryptionConfiguration?.encryptionType ?? 'AES256' };
    if (r.encryptionConfiguration?.kmsKey)
        encryption.kmsKey = r.encryptionConfiguration.kmsKey;
    return {
        uri: r.repositoryUri ?? '',
        arn: r.repositoryArn ?? '',
        mutability: {
            mode,
            exclusions: (r.imageTagMutabilityExclusionFilters ?? []).map(f => f.filter ?? '').filter(f => f !== '')
        },
        scanOnPush: r.imageScanningConfiguration?.scanOnPush ?? false,
        encryption,
        ...(r.createdAt ? { createdAt: r.createdAt } : {})
    };
}
async function describe(ecr, name) {
    const repo = await (0,stated_settings/* unlessNotFound */.CA)(async () => (await ecr.send(new dist_cjs/* DescribeRepositoriesCommand */.pE_({ repositoryNames: [name] }))).repositories?.[0], 'RepositoryNotFoundException');
    return repo ? toRepositoryState(repo) : undefined;
}
/**
 * The repository and its lifecycle policy, asked side by side: one round trip where the
 * repository exists (almost every run); then the access policy and the tags the workflow
 * states. `known`: the repository as just described (no second describe).
 */
async function readRepository(ecr, desired, known) {
    const name = desired.name;
    const described = known ?? describe(ecr, name);
    const policy = (0,stated_settings/* unlessNotFound */.CA)(async () => (await ecr.send(new dist_cjs/* GetLifecyclePolicyCommand */.O0C({ repositoryName: name }))).lifecyclePolicyText, 'LifecyclePolicyNotFoundException');
    // Handled at once: a policy read that fails because there is no repository is no error.
    policy.catch(() => undefined);
    const current = await described;
    if (current === undefined)
        return { current, lifecyclePolicy: undefined };
    const arn = current.arn;
    const [lifecyclePolicy, accessPolicy, tags] = await Promise.all([
        policy,
        desired.accessPolicy !== undefined
            ? (0,stated_settings/* unlessNotFound */.CA)(async () => (await ecr.send(new dist_cjs/* GetRepositoryPolicyCommand */.MeN({ repositoryName: name }))).policyText, 'RepositoryPolicyNotFoundException')
            : undefined,
        desired.tags.length > 0 ? ecr.send(new dist_cjs/* ListTagsForResourceCommand */.a_e({ resourceArn: arn })).then(out => (out.tags ?? []).map(t => ({ Key: t.Key ?? '', Value: t.Value ?? '' }))) : undefined
    ]);
    return { current, lifecyclePolicy, ...(desired.accessPolicy !== undefined ? { accessPolicy } : {}), ...(tags !== undefined ? { tags } : {}) };
}
/**
 * The writes, in order, for a repository plan (a create, or mutability and scanning), the
 * access policy, the tags and the lifecycle policy. Pure.
 * @param fresh the run creates the repository (or created it): nothing of it to compare
 */
function settingWrites(base, desired, reads, fresh) {
    const writes = base.changes.map(c => (c.kind === 'create' && desired.tags.length > 0 ? { ...c, tags: desired.tags } : c));
    const access = (0,stated_settings/* planAccessPolicy */.gU)(desired.accessPolicy, fresh ? undefined : reads.accessPolicy);
    // A repository created by this run got its tags with it.
    const tags = fresh || reads.current === undefined ? undefined : (0,stated_settings/* planTags */.Vd)(desired.tags, reads.tags ?? [], reads.current.arn);
    const lifecycle = planLifecycle(fresh ? undefined : reads.lifecyclePolicy, desired.lifecycle, fresh);
    for (const write of [access, tags])
        if (write !== undefined)
            writes.push(write);
    if (lifecycle.put)
        writes.push({ kind: 'lifecycle', text: lifecycle.text, reason: lifecycle.reason });
    return { writes, lifecycle };
}
/**
 * What the run does to the repository, from read calls only: what a push carries out and a
 * dry run prints. A missing repository is planned with its creation template's settings.
 * @param movingTags tags the run pushes that must be able to move (for warnings)
 * @param registryScanning the registry's scanning configuration, read when scan on push differs from the workflow's
 */
async function planRepositorySettings(ecr, stated, movingTags, region, registryScanning, known) {
    const name = stated.name;
    const reads = known?.createdByThisRun ? { current: known.current, lifecyclePolicy: undefined } : await readRepository(ecr, stated, known?.current);
    const { current } = reads;
    if (current === undefined && !stated.create) {
        const stop = `Repository '${name}' does not exist in ${region}: create it, or set create-repository: true to let the action create it.`;
        return { name, current, desired: stated, writes: [], warnings: [], notes: [], lifecycle: planLifecycle(undefined, stated.lifecycle, false), currentPolicy: undefined, stop };
    }
    const defaults = current === undefined ? await creationDefaults(ecr, stated, movingTags) : undefined;
    const desired = defaults?.repository ?? (known?.createdByThisRun ? known.desired : stated);
    const base = defaults ?? (await (0,registry_scanning/* deferScanOnPush */.jQ)(planRepository(current, desired, movingTags), name, registryScanning));
    const fresh = current === undefined || known?.createdByThisRun === true;
    const plan = { name, current, desired, ...settingWrites(base, desired, reads, fresh), currentPolicy: reads.lifecyclePolicy, warnings: base.warnings, notes: base.notes ?? [] };
    // existing-repository: leave — a repository this run didn't create gets no write, only what differs said.
    return stated.existing === 'leave' && current !== undefined && !fresh ? leaveAsItIs(plan, current, movingTags) : plan;
}
/** Carries out one write; the created repository's URI for `create`. */
async function apply(ecr, name, w) {
    switch (w.kind) {
        case 'create': {
            const mutability = w.mutability.exclusions.length > 0 ? { imageTagMutabilityExclusionFilters: exclusionFilters(w.mutability) } : {};
            const encryptionConfiguration = { encryptionType: w.encryption.type, ...(w.encryption.kmsKey ? { kmsKey: w.encryption.kmsKey } : {}) };
            const tags = w.tags !== undefined && w.tags.length > 0 ? { tags: w.tags } : {};
            const input = { repositoryName: name, imageTagMutability: w.mutability.mode, ...mutability, imageScanningConfiguration: { scanOnPush: w.scanOnPush }, ...tags, encryptionConfiguration };
            return (await ecr.send(new dist_cjs/* CreateRepositoryCommand */.WTe(input))).repository?.repositoryUri;
        }
        case 'tag-mutability':
            await ecr.send(new dist_cjs/* PutImageTagMutabilityCommand */.cKn({ repositoryName: name, imageTagMutability: w.to.mode, ...(w.to.exclusions.length > 0 ? { imageTagMutabilityExclusionFilters: exclusionFilters(w.to) } : {}) }));
            return undefined;
        case 'scan-on-push':
            await ecr.send(new dist_cjs/* PutImageScanningConfigurationCommand */.BlZ({ repositoryName: name, imageScanningConfiguration: { scanOnPush: w.to } }));
            return undefined;
        case 'access-policy':
            await ecr.send(new dist_cjs/* SetRepositoryPolicyCommand */.IOA({ repositoryName: name, policyText: w.text }));
            return undefined;
        case 'tags':
            await ecr.send(new dist_cjs/* TagResourceCommand */.eqU({ resourceArn: w.resourceArn, tags: w.tags }));
            return undefined;
        case 'lifecycle':
            await ecr.send(new dist_cjs/* PutLifecyclePolicyCommand */.Rcn({ repositoryName: name, lifecyclePolicyText: w.text }));
            return undefined;
        default:
            throw new errors/* ActionError */.lZ(`ECR has no write '${w.kind}'.`);
    }
}
/**
 * Carries out the plan's writes. A create that finds the repository there already
 * (RepositoryAlreadyExistsException) plans again against what is there: another job created
 * it between the plan's describe and the create (reconciled with the workflow), or this run
 * did and ECR's answer was lost (repository-plan.ts says how to tell).
 */
async function applyRepositorySettings(ecr, plan, replan) {
    if (plan.stop !== undefined)
        throw new errors/* ActionError */.lZ(plan.stop);
    const [first, ...rest] = plan.writes;
    if (first?.kind !== 'create')
        return carryOut(ecr, plan, plan.writes, { uri: plan.current?.uri ?? '', created: false, mutability: plan.current?.mutability, changes: [] });
    const createSentAt = Date.now();
    let attempts;
    try {
        const uri = (await apply(ecr, plan.name, first)) ?? '';
        return carryOut(ecr, plan, rest, { uri, created: true, mutability: first.mutability, changes: [(0,setting_writes/* describeWrite */.dd)(first)] });
    }
    catch (error) {
        if (error.name !== 'RepositoryAlreadyExistsException')
            throw error;
        attempts = error.$metadata?.attempts;
    }
    const current = await describe(ecr, plan.name);
    if (current === undefined)
        throw new errors/* ActionError */.lZ(`ECR did not describe repository '${plan.name}'.`);
    const byThisRun = createdByThisRun(attempts, current.createdAt, createSentAt);
    const again = await replan({ current, createdByThisRun: byThisRun, desired: plan.desired });
    const changes = byThisRun ? [`${(0,setting_writes/* describeWrite */.dd)(first)} — by this run: ECR's answer was lost, and the repository its retry found was created at ${current.createdAt?.toISOString() ?? '?'}`] : [];
    return carryOut(ecr, again, again.writes, { uri: current.uri, created: byThisRun, mutability: current.mutability, changes });
}
async function carryOut(ecr, plan, writes, state) {
    let { mutability } = state;
    const changes = [...state.changes];
    for (const write of writes) {
        await apply(ecr, plan.name, write);
        if (write.kind === 'tag-mutability')
            mutability = write.to;
        changes.push((0,setting_writes/* describeWrite */.dd)(write));
    }
    if (state.uri === '' || mutability === undefined)
        throw new errors/* ActionError */.lZ(`ECR did not describe repository '${plan.name}'.`);
    const { lifecycle } = plan;
    return {
        uri: state.uri,
        registry: state.uri.split('/')[0] ?? '',
        created: state.created,
        mutability,
        changes,
        warnings: plan.warnings,
        ...(plan.notes.length > 0 ? { notes: plan.notes } : {}),
        lifecycle: lifecycle.put ? `put (${lifecycle.reason})` : lifecycle.reason,
        lifecyclePut: lifecycle.put
    };
}
/**
 * Makes sure the repository exists and matches the workflow: its plan, carried out.
 * @param movingTags tags the run pushes that must be able to move (for warnings)
 */
async function ensureRepository(ecr, stated, movingTags, region, 
/** the registry's scanning configuration, read when scan on push differs from the workflow's */
registryScanning) {
    const plan = await planRepositorySettings(ecr, stated, movingTags, region, registryScanning);
    return applyRepositorySettings(ecr, plan, known => planRepositorySettings(ecr, stated, movingTags, region, registryScanning, known));
}

;// CONCATENATED MODULE: ./src/aws/destination.ts






/** The tags the run pushes again each time, which the repository must let move (not the version, nor the ref tags put once). */
function movingTags(settings) {
    const { image, repository } = settings;
    const moving = image.tags.filter(t => t !== image.version && !image.once.includes(t));
    return repository.cacheTag !== undefined ? [...moving, repository.cacheTag] : moving;
}
/** Every write of the plan, in the order a push makes them: the repository's, then the registry's replication. */
function plannedWrites(plan) {
    const replication = plan.type === 'private' ? plan.replication?.plan : undefined;
    const registry = replication !== undefined && replication.missing.length > 0 ? [{ kind: 'replication', rules: replication.rules, change: replication.change }] : [];
    return [...plan.repository.writes, ...registry];
}
/** The plan of a run: the repository, its registry's replication and the registry's token, read side by side; nothing written. */
async function planDestination(settings, session) {
    const { repository } = settings;
    if (repository.type === 'public') {
        const pub = await (0,public_repository/* createPublicClient */.lh)(session);
        const [planned, credentials] = await Promise.all([(0,public_repository/* planPublicRepository */.hz)(pub, repository, settings.build.platforms), (0,registry_token/* registryToken */.pd)(() => (0,registry_token/* getPublicRegistryCredentials */.vR)(pub))]);
        return { type: 'public', pub, repository: planned, credentials, warnings: [] };
    }
    const ecr = (0,clients/* createEcrClient */.yv)(session);
    // Read once, only when it matters: for the gate (beside the other reads), or for scan-on-push drift.
    const scanning = (0,registry_scanning/* registryScanningReader */.ud)(ecr);
    const regions = repository.replicateToRegions;
    const plan = (known) => planRepositorySettings(ecr, repository, movingTags(settings), settings.aws.region, scanning.get, known);
    const [planned, replication, credentials, scanConfig] = await Promise.all([
        plan(),
        regions.length > 0 ? readReplicationPlan(ecr, repository.name, regions) : undefined,
        (0,registry_token/* registryToken */.pd)(() => (0,registry_token/* getRegistryCredentials */.U2)(ecr, undefined, settings.aws.dualStack)),
        settings.scan.failOn !== undefined ? scanning.get() : undefined
    ]);
    const refused = scanning.warning();
    return {
        type: 'private',
        ecr,
        repository: planned,
        replan: plan,
        ...(replication !== undefined ? { replication } : {}),
        ...(scanConfig !== undefined ? { scanning: scanConfig } : {}),
        credentials,
        warnings: refused !== undefined ? [refused] : []
    };
}
/** The plan's writes carried out: the repository as the workflow states it, and where the image goes. */
async function applyDestination(settings, plan) {
    return plan.type === 'public' ? publicDestination(settings, plan) : privateDestination(settings, plan);
}
async function privateDestination(settings, plan) {
    const { repository } = settings;
    const { ecr } = plan;
    const repo = await applyRepositorySettings(ecr, plan.repository, plan.replan);
    // After the repository's writes, whose checks may stop the run first.
    const replication = plan.replication !== undefined ? await ensureReplication(ecr, repository.name, repository.replicateToRegions, DEFAULT_REPLICATION_WRITE, plan.replication) : '';
    const changes = replication !== '' ? [...repo.changes, replication] : repo.changes;
    // ECR names the repository by its IPv4 registry name; dual-stack pushes to the same registry by its other name.
    const dualStack = settings.aws.dualStack;
    return {
        uri: dualStack ? (0,registry_token/* onDualStack */.SH)(repo.uri) : repo.uri,
        registry: dualStack ? (0,registry_token/* dualStackRegistry */.aH)(repo.registry) : repo.registry,
        path: repository.name,
        changes,
        warnings: [...repo.warnings, ...plan.warnings],
        ...(repo.notes !== undefined ? { notes: repo.notes } : {}),
        lifecycle: repo.lifecyclePut ? '' : repo.lifecycle,
        mutability: repo.mutability,
        credentials: plan.credentials,
        ecr,
        ...(plan.scanning !== undefined ? { scanning: plan.scanning } : {})
    };
}
async function publicDestination(settings, plan) {
    const { pub } = plan;
    const repo = await (0,public_repository/* applyPublicRepository */.WJ)(pub, plan.repository, known => (0,public_repository/* planPublicRepository */.hz)(pub, settings.repository, settings.build.platforms, known));
    return {
        uri: repo.uri,
        registry: repo.registry,
        path: repo.uri.slice(repo.registry.length + 1),
        changes: repo.changes,
        warnings: repo.warnings,
        lifecycle: PUBLIC_LIFECYCLE,
        mutability: { mode: 'MUTABLE', exclusions: [] },
        credentials: plan.credentials
    };
}
/** What the summary says of the lifecycle policy on ECR Public. */
const PUBLIC_LIFECYCLE = 'none: ECR Public has no lifecycle policies';


/***/ }),

/***/ 7964:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   requestIdToken: () => (/* binding */ requestIdToken)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _network_http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5284);
/**
 * The job's GitHub OIDC token, asked of the runner as `core.getIDToken` asks for it
 * (GET $ACTIONS_ID_TOKEN_REQUEST_URL&audience=…, `Authorization: Bearer
 * $ACTIONS_ID_TOKEN_REQUEST_TOKEN`, answer `{"value": "<jwt>"}`), but over the action's own
 * transport: bounded like every request (a runner endpoint that never answers fails the
 * try, and the sign-in tries again), and through the proxy the workflow's `http-proxy` /
 * `no-proxy` inputs name, where core's client reads only the environment.
 */


async function requestIdToken(env, audience, setSecret, transport = (0,_network_http_js__WEBPACK_IMPORTED_MODULE_1__.createTransport)()) {
    const url = new URL(env.ACTIONS_ID_TOKEN_REQUEST_URL ?? '');
    url.searchParams.set('audience', audience);
    const res = await transport(url, { headers: { authorization: `Bearer ${env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? ''}`, accept: 'application/json' } });
    if (!res.ok) {
        await res.arrayBuffer().catch(() => undefined);
        // A status, as the registry's errors carry one: 5xx and 429 are tried again, any other is not.
        throw Object.assign(new Error(`The runner's OIDC endpoint answered ${res.status} to the request for the job's token`), { status: res.status });
    }
    const value = (await res.json().catch(() => ({}))).value;
    if (typeof value !== 'string' || value === '')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ("The runner's OIDC endpoint answered without a token.");
    setSecret(value);
    return value;
}


/***/ }),

/***/ 3765:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WJ: () => (/* binding */ applyPublicRepository),
/* harmony export */   hz: () => (/* binding */ planPublicRepository),
/* harmony export */   lh: () => (/* binding */ createPublicClient)
/* harmony export */ });
/* unused harmony exports catalogBadges, planCatalog, ensurePublicRepository */
/* harmony import */ var _clients_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(201);
/* harmony import */ var _settings_registry_host_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5777);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _setting_writes_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1514);
/* harmony import */ var _stated_settings_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4426);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8301);






const ARCHITECTURES = { amd64: 'x86-64', arm64: 'ARM 64', arm: 'ARM', '386': 'x86' };
const SYSTEMS = { linux: 'Linux', windows: 'Windows' };
/** The Gallery's architecture and OS badges for these platforms, e.g. linux/arm64 → ARM 64, Linux. */
function catalogBadges(platforms) {
    const architectures = new Set();
    const operatingSystems = new Set();
    for (const p of platforms) {
        const [os = '', arch = ''] = p.split('/');
        if (ARCHITECTURES[arch])
            architectures.add(ARCHITECTURES[arch]);
        if (SYSTEMS[os])
            operatingSystems.add(SYSTEMS[os]);
    }
    return { architectures: [...architectures], operatingSystems: [...operatingSystems] };
}
/** The catalog data to write, or undefined when the current one already says it all. Pure. */
function planCatalog(current, stated, platforms) {
    const badges = catalogBadges(platforms);
    const merge = (have, want) => [...new Set([...(have ?? []), ...want])];
    const catalog = {
        ...(current?.description !== undefined ? { description: current.description } : {}),
        ...(current?.aboutText !== undefined ? { aboutText: current.aboutText } : {}),
        ...(current?.usageText !== undefined ? { usageText: current.usageText } : {}),
        architectures: merge(current?.architectures, badges.architectures),
        operatingSystems: merge(current?.operatingSystems, badges.operatingSystems)
    };
    if (stated.description !== undefined)
        catalog.description = stated.description;
    if (stated.about !== undefined)
        catalog.aboutText = stated.about;
    const changed = [];
    if (catalog.description !== current?.description)
        changed.push('description');
    if (catalog.aboutText !== current?.aboutText)
        changed.push('about');
    if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_4__/* .sameJson */ .Vk)(JSON.stringify(catalog.architectures), JSON.stringify(current?.architectures ?? [])))
        changed.push(`architectures ${catalog.architectures?.join(', ')}`);
    if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_4__/* .sameJson */ .Vk)(JSON.stringify(catalog.operatingSystems), JSON.stringify(current?.operatingSystems ?? [])))
        changed.push(`operating systems ${catalog.operatingSystems?.join(', ')}`);
    return changed.length > 0 ? { catalog, changed } : undefined;
}
async function createPublicClient(session) {
    const sdk = await __webpack_require__.e(/* import() */ 821).then(__webpack_require__.t.bind(__webpack_require__, 9821, 19));
    const client = (0,_clients_js__WEBPACK_IMPORTED_MODULE_0__/* .tagIamActions */ .df)((0,_clients_js__WEBPACK_IMPORTED_MODULE_0__/* .withSession */ .fQ)(new sdk.ECRPUBLICClient((0,_clients_js__WEBPACK_IMPORTED_MODULE_0__/* .sdkConfig */ .bN)({ ...session, region: _settings_registry_host_js__WEBPACK_IMPORTED_MODULE_1__/* .PUBLIC_API_REGION */ .cp }, 'ECR_PUBLIC')), session), 'ecr-public');
    return { sdk, client };
}
async function describe({ sdk, client }, name) {
    const repo = await (0,_stated_settings_js__WEBPACK_IMPORTED_MODULE_5__/* .unlessNotFound */ .CA)(async () => (await client.send(new sdk.DescribeRepositoriesCommand({ repositoryNames: [name] }))).repositories?.[0], 'RepositoryNotFoundException');
    return repo ? { uri: repo.repositoryUri ?? '', arn: repo.repositoryArn ?? '' } : undefined;
}
/**
 * What the run does to the public repository, from read calls only: the catalog data, the
 * tags and the access policy the workflow states, compared with the repository's.
 * `known`: the repository as just described (no second describe).
 */
async function planPublicRepository(pub, desired, platforms, known) {
    const { sdk, client } = pub;
    const name = desired.name;
    const current = known ?? (await describe(pub, name));
    if (current === undefined) {
        if (!desired.create)
            return { name, current, writes: [], stop: `Public repository '${name}' does not exist: create it, or set create-repository: true to let the action create it.` };
        const catalog = planCatalog(undefined, desired.catalog, platforms)?.catalog;
        const access = (0,_stated_settings_js__WEBPACK_IMPORTED_MODULE_5__/* .planAccessPolicy */ .gU)(desired.accessPolicy, undefined);
        return { name, current, writes: [{ kind: 'create-public', ...(catalog ? { catalog } : {}), tags: desired.tags }, ...(access ? [access] : [])] };
    }
    const [catalogData, policy, tags] = await Promise.all([
        client.send(new sdk.GetRepositoryCatalogDataCommand({ repositoryName: name })).then(out => out.catalogData),
        desired.accessPolicy !== undefined
            ? (0,_stated_settings_js__WEBPACK_IMPORTED_MODULE_5__/* .unlessNotFound */ .CA)(async () => (await client.send(new sdk.GetRepositoryPolicyCommand({ repositoryName: name }))).policyText, 'RepositoryPolicyNotFoundException')
            : undefined,
        desired.tags.length > 0 ? client.send(new sdk.ListTagsForResourceCommand({ resourceArn: current.arn })).then(out => out.tags ?? []) : []
    ]);
    const catalog = planCatalog(catalogData, desired.catalog, platforms);
    // The API can't hand the logo back to keep it: a repository with one is not written.
    const heldByLogo = catalog !== undefined && catalogData?.logoUrl ? catalog.changed : undefined;
    const writes = [
        heldByLogo === undefined && catalog !== undefined ? { kind: 'catalog', ...catalog } : undefined,
        (0,_stated_settings_js__WEBPACK_IMPORTED_MODULE_5__/* .planTags */ .Vd)(desired.tags, tags, current.arn),
        (0,_stated_settings_js__WEBPACK_IMPORTED_MODULE_5__/* .planAccessPolicy */ .gU)(desired.accessPolicy, policy)
    ];
    return { name, current, writes: writes.filter(w => w !== undefined), ...(heldByLogo !== undefined ? { heldByLogo } : {}) };
}
/** Carries out one write; the created repository's URI and ARN for `create-public`. */
async function apply({ sdk, client }, name, w) {
    switch (w.kind) {
        case 'create-public': {
            const out = await client.send(new sdk.CreateRepositoryCommand({ repositoryName: name, ...(w.catalog ? { catalogData: w.catalog } : {}), ...(w.tags.length > 0 ? { tags: w.tags } : {}) }));
            return { uri: out.repository?.repositoryUri ?? '', arn: out.repository?.repositoryArn ?? '' };
        }
        case 'catalog':
            await client.send(new sdk.PutRepositoryCatalogDataCommand({ repositoryName: name, catalogData: w.catalog }));
            return undefined;
        case 'tags':
            await client.send(new sdk.TagResourceCommand({ resourceArn: w.resourceArn, tags: w.tags }));
            return undefined;
        case 'access-policy':
            await client.send(new sdk.SetRepositoryPolicyCommand({ repositoryName: name, policyText: w.text }));
            return undefined;
        default:
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`ECR Public has no write '${w.kind}'.`);
    }
}
/**
 * Carries out the plan's writes. A create that finds the repository there already (another
 * job created it since the plan's describe) plans again against what is there.
 */
async function applyPublicRepository(pub, plan, replan) {
    if (plan.stop !== undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(plan.stop);
    let repo = plan.current;
    let { writes, heldByLogo } = plan;
    let created = false;
    const changes = [];
    const [first, ...rest] = writes;
    if (first?.kind === 'create-public') {
        try {
            repo = await apply(pub, plan.name, first);
            created = true;
            changes.push((0,_setting_writes_js__WEBPACK_IMPORTED_MODULE_3__/* .describeWrite */ .dd)(first));
            writes = rest;
        }
        catch (error) {
            if (error.name !== 'RepositoryAlreadyExistsException')
                throw error;
            repo = await describe(pub, plan.name);
            if (repo === undefined)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`ECR Public did not describe repository '${plan.name}'.`);
            ({ writes, heldByLogo } = await replan(repo));
        }
    }
    if (repo === undefined || repo.uri === '')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`ECR Public did not describe repository '${plan.name}'.`);
    for (const write of writes) {
        await apply(pub, plan.name, write);
        changes.push((0,_setting_writes_js__WEBPACK_IMPORTED_MODULE_3__/* .describeWrite */ .dd)(write));
    }
    const warnings = heldByLogo !== undefined ? [logoWarning(heldByLogo)] : [];
    return { uri: repo.uri, registry: repo.uri.split('/')[0] ?? _settings_registry_host_js__WEBPACK_IMPORTED_MODULE_1__/* .PUBLIC_REGISTRY */ .uD, created, changes, warnings };
}
/** Why the catalog data was not written: the logo. */
function logoWarning(changed) {
    return `catalog data not updated (${changed.join(', ')}): the repository has a logo, which ECR Public's API can't keep on update; change it in the console.`;
}
/** Makes sure the public repository exists with the stated catalog data, access policy and tags: its plan, carried out. */
async function ensurePublicRepository(pub, desired, platforms) {
    const plan = await planPublicRepository(pub, desired, platforms);
    return applyPublicRepository(pub, plan, known => planPublicRepository(pub, desired, platforms, known));
}


/***/ }),

/***/ 8756:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   jQ: () => (/* binding */ deferScanOnPush),
/* harmony export */   sq: () => (/* binding */ coveringRule),
/* harmony export */   ud: () => (/* binding */ registryScanningReader)
/* harmony export */ });
/* unused harmony exports matchesRepositoryFilter, registryDecidesScanning */
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8249);
/* harmony import */ var _settings_tag_mutability_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8338);
/**
 * The registry's scanning configuration (GetRegistryScanningConfiguration), which decides
 * how ECR scans images before a repository's own `scanOnPush` does:
 *
 * - ENHANCED (Amazon Inspector): the repository's `scanOnPush` is ignored; the registry's
 *   rules say which repositories are scanned (on push or continuously), and findings come
 *   as `enhancedFindings`. A basic scan can't be started.
 * - BASIC with a rule whose filter covers the repository: the registry's rule (scan on push,
 *   or manual) takes precedence over the repository's setting.
 * - BASIC with no rule covering it: the repository's own `scanOnPush` decides.
 *
 * Read at most once per run, and only when it matters (scan-on-push drift, or the gate).
 * A role without ecr:GetRegistryScanningConfiguration gets one warning and the action goes
 * on as if the repository's setting decided.
 */


/**
 * Does a registry scanning rule's WILDCARD filter cover this repository name? As the ECR
 * user guide describes it: a filter with no `*` matches every name that contains it; a `*`
 * stands for zero or more characters, and the name must match the filter as a whole.
 */
function matchesRepositoryFilter(name, filter) {
    // With a `*`, the same matching as the tag filters of tag mutability.
    return filter.includes('*') ? (0,_settings_tag_mutability_js__WEBPACK_IMPORTED_MODULE_0__/* .matchesFilter */ .yy)(name, filter) : name.includes(filter);
}
/** The first rule with a filter covering the repository, with that filter. */
function coveringRule(config, repository) {
    for (const rule of config.rules) {
        const filter = rule.filters.find(f => matchesRepositoryFilter(repository, f));
        if (filter !== undefined)
            return { rule, filter };
    }
    return undefined;
}
/**
 * Why the repository's own scan-on-push is not what decides, in words; undefined when it is
 * (BASIC without a rule covering the repository, or a configuration that couldn't be read).
 */
function registryDecidesScanning(config, repository) {
    if (config === undefined)
        return undefined;
    const covering = coveringRule(config, repository);
    const rule = covering ? `rule ${covering.rule.scanFrequency} (filter '${covering.filter}')` : 'no rule covering this repository, so it is not scanned';
    if (config.scanType === 'ENHANCED')
        return `the registry's ENHANCED scanning (Amazon Inspector) decides how it is scanned: ${rule}`;
    if (covering === undefined)
        return undefined;
    return `the registry's BASIC scanning ${rule} decides how it is scanned`;
}
/** Reads the configuration on the first `get` only; an AccessDenied becomes one warning. */
function registryScanningReader(ecr) {
    let read;
    let refused;
    return {
        get: () => (read ??= ecr.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_1__/* .GetRegistryScanningConfigurationCommand */ .Mhg({})).then(out => ({
            scanType: out?.scanningConfiguration?.scanType === 'ENHANCED' ? 'ENHANCED' : 'BASIC',
            rules: (out?.scanningConfiguration?.rules ?? []).map(r => ({
                scanFrequency: r.scanFrequency ?? 'MANUAL',
                filters: (r.repositoryFilters ?? []).map(f => f.filter ?? '').filter(f => f !== '')
            }))
        }), (error) => {
            if (error.name !== 'AccessDeniedException')
                throw error;
            refused =
                `the role may not read the registry's scanning configuration (ecr:GetRegistryScanningConfiguration), ` +
                    `so the repository's own scan-on-push is taken to decide: grant it to let the action see when the registry's configuration decides.`;
            return undefined;
        })),
        warning: () => refused
    };
}
/**
 * A repository plan with the scan-on-push change left out when the registry's configuration
 * decides (ECR would ignore it), and a note saying so instead (a note, not a warning: with
 * enhanced scanning the repository's setting is expected to be stale). Reads the configuration only
 * when the plan has that change.
 */
async function deferScanOnPush(plan, repository, read) {
    const change = plan.changes.find(c => c.kind === 'scan-on-push');
    if (change?.kind !== 'scan-on-push' || read === undefined)
        return plan;
    const decides = registryDecidesScanning(await read(), repository);
    if (decides === undefined)
        return plan;
    return {
        changes: plan.changes.filter(c => c !== change),
        warnings: plan.warnings,
        notes: [...(plan.notes ?? []), `scan on push is ${change.from ? 'on' : 'off'} on the repository, not ${change.to ? 'on' : 'off'} as scan-on-push states, and left so: ${decides}.`]
    };
}


/***/ }),

/***/ 8318:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SH: () => (/* binding */ onDualStack),
/* harmony export */   U2: () => (/* binding */ getRegistryCredentials),
/* harmony export */   aH: () => (/* binding */ dualStackRegistry),
/* harmony export */   pd: () => (/* binding */ registryToken),
/* harmony export */   vR: () => (/* binding */ getPublicRegistryCredentials)
/* harmony export */ });
/* unused harmony export decodeToken */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3110);
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8249);
/* harmony import */ var _settings_registry_host_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5777);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _session_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9401);
/**
 * The registry's credentials, from ECR's (or ECR Public's) authorization token: user `AWS`
 * and a password that lasts 12 hours (`expiresAt`). The token and the password are masked
 * the moment they exist. `registryToken` holds them and asks again when they are about to
 * run out (session.ts), so the registry client still signs in after a long build.
 */






/**
 * ECR's token for the account's registry. Its proxyEndpoint is the IPv4 name; with
 * `dualStack` the registry is the same registry's dual-stack name, which docker logs in to
 * and pushes to.
 */
async function getRegistryCredentials(ecr, setSecret = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq, dualStack = false) {
    const out = await ecr.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_4__/* .GetAuthorizationTokenCommand */ .Eu6({}));
    const data = out.authorizationData?.[0];
    if (!data?.authorizationToken || !data.proxyEndpoint) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ('ECR GetAuthorizationToken returned no token.');
    }
    const proxyHost = data.proxyEndpoint.replace(/^https?:\/\//, '').replace(/\/+$/, '');
    return {
        registry: dualStack ? dualStackRegistry(proxyHost) : proxyHost,
        ...decodeToken(data.authorizationToken, setSecret),
        ...(data.expiresAt ? { expiration: data.expiresAt } : {})
    };
}
/** An ECR (or ECR Public) token is base64 of `user:password`; both the token and the password are masked. */
function decodeToken(token, setSecret) {
    setSecret(token);
    const decoded = Buffer.from(token, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const password = decoded.slice(colon + 1);
    setSecret(password);
    return { username: decoded.slice(0, colon), password };
}
/** docker's credentials for public.ecr.aws: user AWS and a 12-hour token (ecr-public:GetAuthorizationToken). */
async function getPublicRegistryCredentials({ sdk, client }, setSecret = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq) {
    const data = (await client.send(new sdk.GetAuthorizationTokenCommand({}))).authorizationData;
    if (!data?.authorizationToken)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ('ECR Public GetAuthorizationToken returned no token.');
    return { registry: _settings_registry_host_js__WEBPACK_IMPORTED_MODULE_1__/* .PUBLIC_REGISTRY */ .uD, ...decodeToken(data.authorizationToken, setSecret), ...(data.expiresAt ? { expiration: data.expiresAt } : {}) };
}
/** The registry's credentials from `get`, asked for again when they are about to run out. */
async function registryToken(get) {
    return new _session_js__WEBPACK_IMPORTED_MODULE_3__/* .Renewable */ .eR("the registry's token", await get(), get, { log: line => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(line) });
}
/** The dual-stack name of an ECR registry host; a host that has none fails the run naming it. */
function dualStackRegistry(host) {
    const dual = (0,_settings_registry_host_js__WEBPACK_IMPORTED_MODULE_1__/* .dualStackHost */ .T_)(host);
    if (dual === undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`dual-stack is on, but ECR's registry ${host} has no dual-stack name: set dual-stack: false.`);
    return dual;
}
/** An image or repository URI on the same registry's dual-stack name. */
function onDualStack(uri) {
    const host = uri.split('/')[0] ?? '';
    return `${dualStackRegistry(host)}${uri.slice(host.length)}`;
}


/***/ }),

/***/ 9401:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PX: () => (/* binding */ credentialProvider),
/* harmony export */   eR: () => (/* binding */ Renewable),
/* harmony export */   rV: () => (/* binding */ renewOnExpiredToken)
/* harmony export */ });
/* unused harmony exports RENEWAL_MARGIN_MS, renewalTime */
const RENEWAL_MARGIN_MS = 5 * 60_000;
/** When to renew something that expires at `expiration`, got at `receivedAt` (epoch ms); Infinity: never before it is refused. */
function renewalTime(expiration, receivedAt) {
    if (expiration === undefined)
        return Infinity;
    const lifetime = expiration.getTime() - receivedAt;
    if (!(lifetime > 0))
        return Infinity;
    return expiration.getTime() - Math.min(RENEWAL_MARGIN_MS, lifetime / 4);
}
/** A credential with its expiration, renewed when due; renewals asked for together make one. */
class Renewable {
    what;
    renew;
    options;
    held;
    due;
    renewing;
    /** how many times it was renewed */
    renewals = 0;
    /**
     * @param what how the log names it, e.g. "the role's session"
     * @param renew gets a new one (signs in again, asks ECR again)
     */
    constructor(what, first, renew, options = {}) {
        this.what = what;
        this.renew = renew;
        this.options = options;
        this.held = first;
        this.due = renewalTime(first.expiration, this.now());
    }
    now() {
        return (this.options.now ?? Date.now)();
    }
    /** What is held now, renewed or not (for docker's login and exported variables). */
    get current() {
        return this.held;
    }
    /** What is held, renewed first when it is due; `force`: renewed now (it was refused as expired). */
    async get(force = false) {
        if (!force && this.now() < this.due)
            return this.held;
        this.renewing ??= this.renewNow(force).finally(() => (this.renewing = undefined));
        return this.renewing;
    }
    async renewNow(force) {
        const was = this.held.expiration?.toISOString() ?? 'an unknown time';
        const fresh = await this.renew();
        this.held = fresh;
        this.due = renewalTime(fresh.expiration, this.now());
        this.renewals++;
        this.options.log?.(`Renewed ${this.what} (${force ? 'AWS refused it as expired' : `it expires at ${was}`}); the new one lasts until ${fresh.expiration?.toISOString() ?? 'an unknown time'}.`);
        return fresh;
    }
}
/**
 * The SDK's credential provider for renewable credentials: what is held, renewed first when
 * due. `forceRefresh` only makes the SDK ask again: renewing after a refusal is
 * `renewOnExpiredToken`'s, once for calls refused together.
 */
function credentialProvider(credentials) {
    return async () => credentials.get();
}
/** What AWS answers for a call signed with expired credentials: ECR and ECR Public, STS. */
const EXPIRED = new Set(['ExpiredTokenException', 'ExpiredToken']);
/**
 * A call refused as expired is sent once more with renewed credentials: renewed unless
 * other credentials are held already (calls refused together renew once), then handed to
 * the client's own cache of them (`forceRefresh`). A second refusal is the call's error.
 */
function renewOnExpiredToken(client, credentials) {
    client.middlewareStack.add(next => async (args) => {
        const signedWith = credentials.current.accessKeyId;
        try {
            return await next(args);
        }
        catch (error) {
            if (!EXPIRED.has(error.name))
                throw error;
            if (credentials.current.accessKeyId === signedWith)
                await credentials.get(true);
            await client.config.credentials({ forceRefresh: true });
            return next(args);
        }
    }, { step: 'initialize', name: 'renewOnExpiredToken' });
    return client;
}


/***/ }),

/***/ 1514:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dd: () => (/* binding */ describeWrite),
/* harmony export */   nR: () => (/* binding */ announceWrite)
/* harmony export */ });
/* unused harmony export callOf */
/* harmony import */ var _settings_tag_mutability_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8338);

/** The API operation that makes each write (ECR's, or ECR Public's for the public kinds and the shared ones there). */
const OPERATIONS = {
    create: 'CreateRepository',
    'tag-mutability': 'PutImageTagMutability',
    'scan-on-push': 'PutImageScanningConfiguration',
    'access-policy': 'SetRepositoryPolicy',
    tags: 'TagResource',
    lifecycle: 'PutLifecyclePolicy',
    replication: 'PutReplicationConfiguration',
    'create-public': 'CreateRepository',
    catalog: 'PutRepositoryCatalogData'
};
/** The call a write makes, as IAM names it: `ecr:TagResource`, `ecr-public:PutRepositoryCatalogData`. */
function callOf(write, service) {
    return `${service}:${OPERATIONS[write.kind]}`;
}
/** What a write changes, in the user's words (the log and the summary say "would …" before it in a dry run). */
function describeWrite(w) {
    switch (w.kind) {
        case 'create': {
            const t = w.template;
            const from = (setting) => (t?.settings.includes(setting) ? ` from template ${t.prefix}` : '');
            const key = w.encryption.kmsKey && from('encryption') !== '' ? ` (${w.encryption.kmsKey})` : '';
            const tags = t?.settings.includes('tags') ? `, tags ${t.tags.join(', ')}${from('tags')}` : '';
            return `created the repository: ${(0,_settings_tag_mutability_js__WEBPACK_IMPORTED_MODULE_0__/* .describeMutability */ .yk)(w.mutability)}${from('tag mutability')}, scan on push ${w.scanOnPush ? 'on' : 'off'}, ${w.encryption.type} encryption${key}${from('encryption')}${tags}`;
        }
        case 'tag-mutability':
            return `tag mutability ${(0,_settings_tag_mutability_js__WEBPACK_IMPORTED_MODULE_0__/* .describeMutability */ .yk)(w.from)} → ${(0,_settings_tag_mutability_js__WEBPACK_IMPORTED_MODULE_0__/* .describeMutability */ .yk)(w.to)}`;
        case 'scan-on-push':
            return `scan on push ${w.from ? 'on' : 'off'} → ${w.to ? 'on' : 'off'}`;
        case 'access-policy':
            return `access policy ${w.replaces ? 'replaced' : 'set'} (${w.source})`;
        case 'tags':
            return `tags ${w.tags.map(t => `${t.Key}=${t.Value}`).join(', ')}`;
        case 'lifecycle':
            return `lifecycle policy put (${w.reason})`;
        case 'replication':
            return w.change;
        case 'create-public':
            return `created the public repository${w.catalog ? ` with catalog data (${w.catalog.architectures?.join(', ')}; ${w.catalog.operatingSystems?.join(', ')})` : ''}`;
        case 'catalog':
            return `catalog data: ${w.changed.join('; ')}`;
    }
}
/** How a dry run announces a write: "would create: …" for a repository, "would change: …" for the rest. */
function announceWrite(w) {
    return `would ${w.kind === 'create' || w.kind === 'create-public' ? 'create' : 'change'}: ${describeWrite(w)}`;
}


/***/ }),

/***/ 2369:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  rG: () => (/* binding */ exportCredentials),
  Ie: () => (/* binding */ runSession)
});

// UNUSED EXPORTS: STS_THROTTLE_ATTEMPTS, STS_THROTTLE_MAX_WAIT_MS, signIn, stsRetry, tokenClaims

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 20 modules
var core = __webpack_require__(3110);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sts/dist-cjs/index.js
var dist_cjs = __webpack_require__(1695);
// EXTERNAL MODULE: ./src/aws/clients.ts
var clients = __webpack_require__(201);
// EXTERNAL MODULE: ./src/aws/oidc-token.ts
var oidc_token = __webpack_require__(7964);
// EXTERNAL MODULE: ./src/aws/session.ts
var session = __webpack_require__(9401);
;// CONCATENATED MODULE: ./src/aws/trust-hint.ts
/**
 * What a role's trust policy must say to let this job's GitHub OIDC token in, read from the
 * token's claims, for every `sub` format GitHub issues: the default ones (a branch, a tag,
 * an environment, a pull request), a sub customized with the OIDC customization API
 * (`include_claim_keys`, e.g. `repository_owner_id:…:repository_id:…:context:…`) and a job
 * that runs a reusable workflow (matched on the `job_workflow_ref` claim).
 */
const KEY = 'token.actions.githubusercontent.com';
/** The claims a trust policy compares; the rest of the token never leaves it. */
const HINT_CLAIMS = ['sub', 'aud', 'repository', 'ref', 'environment', 'job_workflow_ref', 'workflow_ref'];
/** The claim keys GitHub's OIDC customization API puts into a sub (`include_claim_keys`). */
const CUSTOM_KEYS = /(?:^|:)(repo|context|repository|repository_id|repository_owner|repository_owner_id|repository_visibility|job_workflow_ref|job_workflow_sha|workflow|workflow_ref|workflow_sha|environment|environment_node_id|ref|ref_type|ref_protected|event_name|head_ref|base_ref|actor|actor_id|runner_environment|enterprise|enterprise_id):/g;
/** The workflow file a `<owner>/<repo>/<path>@<ref>` claim names, without its ref. */
const workflowFile = (ref) => ref?.replace(/@.*$/, '');
/**
 * What a sub names its repository by: `acme/web`, or `acme@123456/web@456789` with GitHub's
 * immutable subject claims (repositories created or renamed since 15 July 2026, or opted
 * in), which a trust policy must match as the token has it.
 */
const subjectRepository = (sub) => /^repo:([^:]+):/.exec(sub ?? '')?.[1];
const IMMUTABLE = /^[^@/]+@\d+\/[^@/]+@\d+$/;
/** The condition that matches this token, and why: the format its claims show. */
function matchFor(claim, repo) {
    const sub = claim('sub');
    const jobWorkflow = claim('job_workflow_ref');
    const caller = workflowFile(claim('workflow_ref'));
    const reusable = jobWorkflow !== undefined && (caller !== undefined ? workflowFile(jobWorkflow) !== caller : !jobWorkflow.startsWith(`${claim('repository') ?? repo.replace(/@\d+/g, '')}/`));
    if (reusable) {
        return {
            claim: 'job_workflow_ref',
            op: 'StringEquals',
            value: jobWorkflow,
            because: `the job runs the reusable workflow ${jobWorkflow} (its job_workflow_ref${caller !== undefined ? `, not the caller's workflow_ref ${caller}` : ''}): match job_workflow_ref, pinned to a protected ref, with the caller's sub, as any repository that can call the workflow gets a token naming it`
        };
    }
    if (sub === undefined) {
        const ref = claim('ref') ?? 'refs/heads/main';
        return { claim: 'sub', op: 'StringEquals', value: `repo:${repo}:ref:${ref}`, because: "the token has no readable sub: GitHub's default format for a branch is shown" };
    }
    const ids = IMMUTABLE.test(repo) ? ' with immutable owner and repository IDs (owner@id/repository@id)' : '';
    // A tag's sub, default or customized: the tag's leading non-digits and a wildcard (values hold no ':', GitHub writes it %3A).
    const tag = /(^|:)ref:refs\/tags\/([^:]+)/.exec(sub);
    if (tag?.[2] !== undefined && /^repo:[^:]+:ref:refs\/tags\/[^:]+$/.test(sub)) {
        return { claim: 'sub', op: 'StringLike', value: `repo:${repo}:ref:refs/tags/${/^[^0-9]*/.exec(tag[2])?.[0] ?? ''}*`, because: `GitHub's default sub${ids} for a tag (ref:refs/tags/…)` };
    }
    if (/^repo:[^:]+:ref:refs\/heads\/.+$/.test(sub))
        return { claim: 'sub', op: 'StringEquals', value: sub, because: `GitHub's default sub${ids} for a branch (ref:refs/heads/…)` };
    if (/^repo:[^:]+:ref:.+$/.test(sub))
        return { claim: 'sub', op: 'StringEquals', value: sub, because: `GitHub's default sub${ids} for a ref (ref:…)` };
    if (/^repo:[^:]+:environment:.+$/.test(sub))
        return { claim: 'sub', op: 'StringEquals', value: sub, because: `GitHub's default sub${ids} for a job with an environment (environment:…, which replaces the ref)` };
    const keys = [...new Set([...sub.matchAll(CUSTOM_KEYS)].map(m => m[1] ?? ''))];
    const stable = keys.some(k => k.endsWith('_id')) || ids !== '' ? '; IDs stay the same when the repository or its owner is renamed' : '';
    const customized = `a sub customized with GitHub's OIDC customization API (include_claim_keys${keys.length > 0 ? `: ${keys.join(', ')}` : ''}${stable})`;
    if (tag?.[2] !== undefined) {
        // Only the tag varies from release to release: the same sub with the tag's leading non-digits and a wildcard.
        const value = `${sub.slice(0, tag.index + (tag[1] ?? '').length)}ref:refs/tags/${/^[^0-9]*/.exec(tag[2])?.[0] ?? ''}*${sub.slice(tag.index + tag[0].length)}`;
        return { claim: 'sub', op: 'StringLike', value, because: `${customized} for a tag: match it as the token has it, the tag as a pattern` };
    }
    return { claim: 'sub', op: 'StringEquals', value: sub, because: `${customized}: match it exactly as the token has it` };
}
/**
 * What the role's trust policy must say to let this job's token in, as one sentence: the
 * condition that matches this token (exact, or a tag pattern), what in the token shows its
 * format, and never `repo:<owner>/<repo>:*`, which lets any branch — anyone who can push
 * one — assume the role. A pull request's token is told to stay out of a push role.
 */
function trustPolicyHint(claims, audience) {
    const claim = (key) => (typeof claims[key] === 'string' && claims[key] !== '' ? claims[key] : undefined);
    const aud = claim('aud') ?? audience;
    const sub = claim('sub');
    // The repository as the sub names it (with its IDs under immutable subject claims), else by its name.
    const repo = subjectRepository(sub) ?? claim('repository') ?? '<owner>/<repo>';
    const must = `The role's trust policy must allow ${KEY} with aud '${aud}' and sub '${sub ?? '?'}'`;
    if (sub !== undefined && /(?:^|:)pull_request$/.test(sub)) {
        return `${must}; but this job runs for a pull request, which should not assume a role that pushes: build pull requests with push: false (a trust policy that lets them in lets any pull request's code push).`;
    }
    const match = matchFor(claim, repo);
    // A reusable workflow's ref alone would let in every repository that calls it: the caller's sub stays.
    const callerSub = match.claim === 'job_workflow_ref' && sub !== undefined ? `, "${KEY}:sub": "${sub}"` : '';
    const condition = match.op === 'StringEquals'
        ? `{"StringEquals": {"${KEY}:aud": "${aud}"${callerSub}, "${KEY}:${match.claim}": "${match.value}"}}`
        : `{"StringEquals": {"${KEY}:aud": "${aud}"}, "StringLike": {"${KEY}:${match.claim}": "${match.value}"}}`;
    const allow = match.claim === 'sub' ? must : `${must} and job_workflow_ref '${match.value}'`;
    return (`${allow} (${match.because}), e.g. Condition ${condition}: name a protected branch, tag pattern (a ruleset guarding those tags) or environment, ` +
        `never repo:${repo}:*, which lets any branch, and so anyone who can push one, assume the role.`);
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/retry.ts
var retry = __webpack_require__(9809);
;// CONCATENATED MODULE: ./src/aws/sign-in.ts
/**
 * Sign-in. With `role-to-assume`, trades the job's GitHub OIDC token for
 * temporary credentials (STS AssumeRoleWithWebIdentity), and again when they are about to
 * run out; without it, the SDK's default chain is used as is. Every credential is masked
 * the moment it exists and stays in memory unless `export-credentials` asks for it in
 * later steps.
 */








const defaultDeps = () => ({
    env: process.env,
    getIDToken: aud => (0,oidc_token.requestIdToken)(process.env, aud, core/* setSecret */.Pq),
    setSecret: v => core/* setSecret */.Pq(v)
});
/** The non-secret claims of a JWT, for error messages. Never logs the token itself. */
function tokenClaims(token) {
    try {
        const payload = token.split('.')[1] ?? '';
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
        return Object.fromEntries(Object.entries(claims).filter(([k]) => HINT_CLAIMS.includes(k)));
    }
    catch {
        return {};
    }
}
/**
 * With `role-to-assume`: the job's OIDC token traded for the role's temporary credentials,
 * which sign in again the same way when they are about to run out (session.ts); without
 * it, the SDK's default chain.
 */
async function signIn(aws, deps = defaultDeps()) {
    const { network } = deps;
    if (aws.roleToAssume === undefined)
        return { region: aws.region, dualStack: aws.dualStack, ...(network ? { network } : {}) };
    if (!deps.env.ACTIONS_ID_TOKEN_REQUEST_URL || !deps.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
        throw new errors/* ActionError */.lZ("role-to-assume needs the job's GitHub OIDC token, but the runner gave none: add 'permissions: id-token: write' to the job (and contents: read).");
    }
    const assume = assumeRole(aws, aws.roleToAssume, deps);
    const credentials = new session/* Renewable */.eR("the role's session", await assume(), assume, { log: line => core/* info */.pq(line) });
    return { region: aws.region, dualStack: aws.dualStack, credentials, ...(network ? { network } : {}) };
}
/**
 * The run's AWS session — a push's and a dry run's alike — signed in with the run's OIDC
 * token source, environment and network settings. The cancel goes with the session: the
 * clients made with it start no write after it (clients.ts).
 */
async function runSession(aws, deps) {
    const { cancel } = deps;
    const session = await signIn(aws, { env: deps.env, getIDToken: deps.getIDToken, setSecret: core/* setSecret */.Pq, cancel, network: deps.network });
    return cancel ? { ...session, cancel } : session;
}
/** STS throttling's budget: tries, and the longest wait between two (full jitter below it). */
const STS_THROTTLE_ATTEMPTS = 12;
const STS_THROTTLE_MAX_WAIT_MS = 6000;
/**
 * How AssumeRoleWithWebIdentity is tried again. Many jobs signing in at once (a matrix) get
 * STS throttling, and STS's IDPCommunicationError means GitHub's OIDC provider did not
 * answer STS in time: both pass when the callers spread out, so they get 12 tries with
 * exponential waits of full jitter (up to 0.25 s, 0.5 s, 1 s … capped at 6 s: at most about
 * 44 s of waiting, 22 s on average), as configure-aws-credentials retries for tens of
 * seconds. Other passing errors (5xx, a connection reset or timed out) keep the 6 tries of
 * every AWS call (counted apart), each of which may itself wait out a response timeout.
 * Errors that can't pass (AccessDenied, InvalidIdentityToken, an expired token) are not
 * tried again. (The run's cancel, which ends any wait, is handed to `retry` beside it.)
 */
function stsRetry(wait, log) {
    return {
        attempts: clients/* MAX_ATTEMPTS */.m,
        // Jittered exponential backoff: up to 0.2 s, 0.4 s, 0.8 s … (full jitter).
        delay: attempt => Math.random() * 200 * 2 ** (attempt - 2),
        slowDown: {
            name: 'while throttled',
            when: error => (0,retry.isThrottling)(error) || error?.name === 'IDPCommunicationError',
            attempts: STS_THROTTLE_ATTEMPTS,
            delay: attempt => Math.random() * Math.min(STS_THROTTLE_MAX_WAIT_MS, 250 * 2 ** (attempt - 2))
        },
        sleep: wait,
        log
    };
}
/** One sign-in as `roleArn`, each time it is called: a fresh OIDC token, AssumeRoleWithWebIdentity, every credential masked. */
function assumeRole(aws, roleArn, deps) {
    // One SDK attempt per try: each retry gets a fresh OIDC token, as a token is short-lived.
    const sts = (0,clients/* explainCertificates */.i0)(new dist_cjs/* STSClient */.iM({ ...(0,clients/* sdkConfig */.bN)({ region: aws.region, dualStack: aws.dualStack, ...(deps.network ? { network: deps.network } : {}) }, 'STS'), maxAttempts: 1 }));
    const policy = stsRetry(deps.sleep ?? retry.sleep, message => core/* info */.pq(message));
    return async () => {
        let token = '';
        let result;
        try {
            result = await (0,retry.retry)('AssumeRoleWithWebIdentity', async () => {
                token = await deps.getIDToken(aws.audience);
                deps.setSecret(token);
                return sts.send(new dist_cjs/* AssumeRoleWithWebIdentityCommand */.WH({ RoleArn: roleArn, RoleSessionName: aws.roleSessionName, WebIdentityToken: token, DurationSeconds: aws.roleDurationSeconds }));
            }, { policy, cancel: deps.cancel });
        }
        catch (error) {
            const name = error.name;
            if (name === 'AccessDenied' || name === 'AccessDeniedException' || name === 'InvalidIdentityToken') {
                throw new errors/* ActionError */.lZ(`Could not assume ${roleArn} with the job's OIDC token (${name}: ${(0,errors/* logSafe */.sN)(error.message)}). ${trustPolicyHint(tokenClaims(token), aws.audience)}`, {
                    cause: error
                });
            }
            throw error;
        }
        const c = result.Credentials;
        if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) {
            throw new errors/* ActionError */.lZ(`STS returned no credentials for ${roleArn}.`);
        }
        deps.setSecret(c.AccessKeyId);
        deps.setSecret(c.SecretAccessKey);
        deps.setSecret(c.SessionToken);
        return {
            accessKeyId: c.AccessKeyId,
            secretAccessKey: c.SecretAccessKey,
            sessionToken: c.SessionToken,
            ...(c.Expiration ? { expiration: c.Expiration } : {})
        };
    };
}
/** `export-credentials: true`: later steps of the job get the same identity and region. */
function exportCredentials(session, exportVariable = core/* exportVariable */.dN) {
    exportVariable('AWS_REGION', session.region);
    exportVariable('AWS_DEFAULT_REGION', session.region);
    const c = session.credentials?.current;
    if (!c)
        return;
    exportVariable('AWS_ACCESS_KEY_ID', c.accessKeyId);
    exportVariable('AWS_SECRET_ACCESS_KEY', c.secretAccessKey);
    if (c.sessionToken)
        exportVariable('AWS_SESSION_TOKEN', c.sessionToken);
}


/***/ }),

/***/ 2154:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lg: () => (/* binding */ requireProblem),
/* harmony export */   PS: () => (/* binding */ profileWords),
/* harmony export */   pz: () => (/* binding */ readSigningPlan)
/* harmony export */ });
/* unused harmony exports signingFilterMatches, coveringProfiles, planSigning */
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8249);
/* harmony import */ var _settings_tag_mutability_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8338);
/**
 * ECR managed signing (AWS Signer): which Signer profiles sign this repository's images.
 *
 * The registry's signing configuration (GetSigningConfiguration) holds up to 10 rules, each
 * a Signer profile and optional repository filters (`WILDCARD_MATCH`: `*` stands for any
 * characters, the name is matched as a whole; a rule without filters covers every
 * repository). ECR signs a pushed image once with each profile whose rule covers the
 * repository, using the identity that pushed it (so that role needs `signer:SignPayload` on
 * the profile).
 *
 * Read once per run, beside the other reads after the repository stage. Fail closed: with
 * `require-signature`, a configuration that can't be read, or one that signs nothing here,
 * stops the run before its build (requireProblem); without it, the first is a warning
 * (aws/signature.ts).
 */


/** Does a signing rule's WILDCARD_MATCH filter cover this repository name? */
const signingFilterMatches = (repository, filter) => (0,_settings_tag_mutability_js__WEBPACK_IMPORTED_MODULE_0__/* .matchesFilter */ .yy)(repository, filter);
/** The profiles whose rules cover the repository, each once, in the configuration's order. */
function coveringProfiles(rules, repository) {
    const found = [];
    for (const rule of rules) {
        if (found.some(p => p.arn === rule.profileArn))
            continue;
        if (rule.filters.length === 0) {
            found.push({ arn: rule.profileArn });
            continue;
        }
        const filter = rule.filters.find(f => signingFilterMatches(repository, f));
        if (filter !== undefined)
            found.push({ arn: rule.profileArn, filter });
    }
    return found;
}
/** The plan from a configuration's rules (undefined: the registry has none). */
function planSigning(rules, repository) {
    if (rules === undefined)
        return { kind: 'none', why: 'the registry has no signing configuration (ECR managed signing is not set up)' };
    const profiles = coveringProfiles(rules, repository);
    if (profiles.length === 0)
        return { kind: 'none', why: `the registry's signing configuration has no rule whose repository filters match ${repository}` };
    return { kind: 'signed', profiles };
}
/**
 * Reads the registry's signing configuration: SigningConfigurationNotFoundException is "none";
 * any other refusal (AccessDenied, an unknown operation, …) makes the plan `unreadable`, naming
 * the error. A cancel is passed on.
 */
async function readSigningPlan(ecr, repository, signal) {
    try {
        const out = await ecr.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_1__/* .GetSigningConfigurationCommand */ .tUh({}), signal ? { abortSignal: signal } : {});
        const rules = out?.signingConfiguration?.rules;
        return planSigning(rules?.map(r => ({ profileArn: r.signingProfileArn ?? '', filters: (r.repositoryFilters ?? []).map(f => f.filter ?? '').filter(f => f !== '') })).filter(r => r.profileArn !== ''), repository);
    }
    catch (error) {
        signal?.throwIfAborted();
        const e = error;
        if (e.name === 'SigningConfigurationNotFoundException')
            return planSigning(undefined, repository);
        return { kind: 'unreadable', why: `the registry's signing configuration could not be read (${e.name}: ${e.message.replace(/\s+/g, ' ')})` };
    }
}
/** The profiles in words: `the Signer profile <arn>` or `the Signer profiles <arn>, <arn>`. */
function profileWords(profiles) {
    return `the Signer profile${profiles.length === 1 ? '' : 's'} ${profiles.map(p => p.arn).join(', ')}`;
}
/** Why a run with `require-signature` must stop before building; undefined when ECR will sign its image. */
function requireProblem(plan, repository) {
    switch (plan.kind) {
        case 'signed':
            return undefined;
        case 'unreadable':
            return `require-signature is true, but ${plan.why}: grant the role ecr:GetSigningConfiguration (on *), or remove require-signature.`;
        case 'none':
            return (`require-signature is true, but ${plan.why}, so ECR won't sign ${repository}'s images: add a signing rule covering it ` +
                `(ECR → Private registry → Managed signing, or PutSigningConfiguration) with a Signer profile the pushing role may sign with (signer:SignPayload), or remove require-signature.`);
    }
}


/***/ }),

/***/ 4426:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CA: () => (/* binding */ unlessNotFound),
/* harmony export */   Vd: () => (/* binding */ planTags),
/* harmony export */   gU: () => (/* binding */ planAccessPolicy)
/* harmony export */ });
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8301);
/**
 * The two repository settings ECR and ECR Public share, planned the same way for both: the
 * access policy and the resource tags. Only what the workflow states is read or written —
 * an access policy or a tag it doesn't name is never touched — and a repository that
 * already matches gets no write. Pure: the reads come in, the write to make (if any) goes out.
 */

/**
 * The stated access policy, where the repository's differs.
 * @param current the repository's policy text; undefined when it has none (or this run creates it)
 */
function planAccessPolicy(stated, current) {
    if (stated === undefined)
        return undefined;
    if (current !== undefined && (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .sameJson */ .Vk)(current, stated.text))
        return undefined;
    return { kind: 'access-policy', text: stated.text, source: stated.source, replaces: current !== undefined };
}
/** The stated tags the repository lacks (or holds with another value); undefined when it has them all. */
function planTags(stated, have, resourceArn) {
    if (stated.length === 0)
        return undefined;
    const current = new Map(have.map(t => [t.Key, t.Value]));
    const missing = stated.filter(t => current.get(t.Key) !== t.Value);
    return missing.length > 0 ? { kind: 'tags', resourceArn, tags: missing } : undefined;
}
/** A read that answers undefined for the error `notFound` names (no such repository, no policy). */
async function unlessNotFound(read, notFound) {
    try {
        return await read();
    }
    catch (error) {
        if (error.name === notFound)
            return undefined;
        throw error;
    }
}


/***/ }),

/***/ 6527:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ findExistingVersion),
/* harmony export */   v: () => (/* binding */ decideVersion)
/* harmony export */ });
/* harmony import */ var _settings_prices_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9627);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _report_image_size_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5133);
/* harmony import */ var _image_config_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3689);
/**
 * Re-runs: before building, look the version tag up in the registry. An existing tag is
 * kept only when the workflow says so (`if-version-exists: skip`): its revision label is
 * written by whoever pushed the image, so it can't show which commit the image was built
 * from, and anyone with push rights could label an image with a release's commit. Otherwise
 * the run stops before building (and before docker's login) and says why.
 */




/** What the existing image's label claims, as a claim: nothing the registry vouches for. */
function labelClaim(revision, sha) {
    if (revision === '')
        return 'with no revision label';
    return revision === sha ? `labelled as built from this commit (${sha.slice(0, 7)})` : `labelled as built from commit ${revision} (this run is ${sha.slice(0, 7)})`;
}
/**
 * Pure: what to do about a version tag that may already exist. `skip` keeps it (the
 * workflow chose to trust whoever pushed it); `auto` keeps it only when its provenance
 * referrers show this repository's allowed workflow built it from this commit (never on its
 * label); `fail` always stops.
 */
function decideVersion(existing, run, mode) {
    if (existing === undefined)
        return { build: true };
    // No tag moves to an image that can't be pulled, whatever the mode.
    if (existing.archive !== undefined && mode === 'skip') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Tag '${run.version}' in '${run.repository}' names ${existing.digest}, and ${archivedWords(existing.archive)}. ${archivedAdvice(existing.archive)}`);
    }
    if (mode === 'skip') {
        return { build: false, reason: `${run.version} already exists (${existing.digest}); if-version-exists: skip` };
    }
    const proof = existing.provenance;
    if (mode === 'auto' && existing.archive === undefined && proof?.ok === true) {
        return {
            build: false,
            reason: `${run.version} already exists (${existing.digest}) and its provenance shows it was built from this commit (${run.sha.slice(0, 7)}) by ${proof.workflow}; if-version-exists: auto`
        };
    }
    const why = mode === 'fail'
        ? 'if-version-exists: fail stops whenever the tag exists'
        : proof?.ok === false
            ? `a label is written by whoever pushed the image, and its provenance doesn't show that this workflow built it from this commit (${proof.why})`
            : "a label is written by whoever pushed the image, so it can't show that the image was built from this commit";
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`Tag '${run.version}' already exists in '${run.repository}' (${existing.digest}), ${labelClaim(existing.revision, run.sha)}; ${why}. ` +
        (existing.archive === undefined
            ? 'Bump the version, or set if-version-exists: skip to keep the existing image (trusting whoever pushed it).'
            : `Bump the version. Besides, ${archivedWords(existing.archive)}. ${archivedAdvice(existing.archive)}`));
}
/** How ECR keeps the image, in words: why it is no release as it is. */
function archivedWords(a) {
    const since = a.archivedAt !== undefined ? ` since ${a.archivedAt.toISOString().slice(0, 10)}` : '';
    if (a.status === 'ACTIVATING')
        return "ECR is restoring it from its archive (imageStatus ACTIVATING): it can't be pulled until the restore is done";
    if (a.status === 'ARCHIVED')
        return `ECR has archived it${since} (imageStatus ARCHIVED): an archived image can't be pulled`;
    return "ECR's DescribeImages doesn't list it (without a status filter it lists active images only): it may be archived";
}
/** What to do: restore it (the exact command) and run again, or push a new version; and what the archive costs. */
function archivedAdvice(a) {
    const cost = (0,_report_image_size_js__WEBPACK_IMPORTED_MODULE_2__/* .archiveCostLine */ .yT)(a.bytes, {
        perGbMonth: _settings_prices_js__WEBPACK_IMPORTED_MODULE_3__/* .ARCHIVE_PRICE_USD_PER_GB_MONTH */ .hS,
        restorePerGb: _settings_prices_js__WEBPACK_IMPORTED_MODULE_3__/* .ARCHIVE_RESTORE_USD_PER_GB */ .Zm,
        minimumDays: _settings_prices_js__WEBPACK_IMPORTED_MODULE_3__/* .ARCHIVE_MINIMUM_DAYS */ .Az,
        asOf: _settings_prices_js__WEBPACK_IMPORTED_MODULE_3__/* .ARCHIVE_PRICE_AS_OF */ .g$
    });
    const restore = a.status === 'ACTIVATING'
        ? 'Run the job again once it is ACTIVE (ECR restores within about 20 minutes)'
        : `Restore it with \`${a.restore}\` and run the job again once it is ACTIVE (ECR restores within about 20 minutes)`;
    return `No tag was moved. ${restore}, or bump the version to push a new image. ${cost}`;
}
/** The image the version tag names in the registry, if any, with its revision label. */
async function findExistingVersion(registry, repository, version) {
    const manifest = await registry.manifest(repository, version);
    if (manifest === undefined)
        return undefined;
    const config = await (0,_image_config_js__WEBPACK_IMPORTED_MODULE_1__/* .firstImageConfig */ .mo)(registry, repository, manifest);
    return { digest: manifest.digest, revision: config?.labels[_image_config_js__WEBPACK_IMPORTED_MODULE_1__/* .LABEL */ .d_.revision] ?? '' };
}


/***/ }),

/***/ 6292:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  k0: () => (/* binding */ LATEST),
  n9: () => (/* binding */ moveForward),
  f0: () => (/* binding */ moveLatest),
  Ek: () => (/* binding */ readAhead)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 20 modules
var core = __webpack_require__(3110);
// EXTERNAL MODULE: ./src/settings/tag-mutability.ts
var tag_mutability = __webpack_require__(8338);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/registry/already-tagged.ts
var already_tagged = __webpack_require__(8752);
// EXTERNAL MODULE: ./src/registry/image-config.ts
var image_config = __webpack_require__(3689);
// EXTERNAL MODULE: ./src/settings/semver.ts
var semver = __webpack_require__(9029);
;// CONCATENATED MODULE: ./src/registry/latest-rule.ts
/**
 * `latest` only moves forward — pure. Two runs racing (an older commit finishing last) or
 * the re-run of an old release job must not move `latest` back to an older image without
 * anyone noticing. The image `latest` names now and the one this run would put there are
 * compared by their `org.opencontainers.image.version` labels when both are semver (a
 * leading `v` allowed), else by their created time; the reads are in latest.ts.
 */

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
 * Whether `latest` (or another tag that only moves forward) may move from `current` (undefined: there is no `latest` yet) to `next`:
 * backwards when both versions are semver and the new one is lower; otherwise (not both
 * semver, or equal) when the new image was created before the current one. A current image
 * with neither data to compare (pushed by another tool) lets it move, and the log says so.
 */
function judgeLatest(current, next, tag = 'latest') {
    if (current === undefined || current.digest === next.digest)
        return { move: true };
    const [from, to] = [(0,semver/* parseSemver */.k)(current.version), (0,semver/* parseSemver */.k)(next.version)];
    if (from !== undefined && to !== undefined) {
        const order = (0,semver/* compareSemver */.m)(to, from);
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
        ? `'${tag}' named ${current.digest}, which has ${from === undefined ? 'neither a semver version label nor a' : 'no'} created time to compare with (pushed by another tool?): moved it to this run's image`
        : `this run's image has no created time to compare with ${describeImage(current)}: moved '${tag}' to it`;
    return { move: true, note };
}

// EXTERNAL MODULE: ./src/registry/refusals.ts
var refusals = __webpack_require__(390);
// EXTERNAL MODULE: ./src/registry/tags.ts
var tags = __webpack_require__(7906);
;// CONCATENATED MODULE: ./src/registry/latest.ts
/**
 * `latest` moved to this run's image — only forward; so are the floating ref tags (`1.2`,
 * `1`, a branch's tag: settings/ref-tags.ts). Right before the move, what the registry
 * holds under the tag now is read and judged against this run's image (latest-rule.ts):
 * going back is refused with a warning that names the image that stays and why, and the
 * run still succeeds (its version tag is pushed). When the image the tag names can't be
 * read, it is not moved either (fail closed). `latest-may-move-back: true` moves `latest`
 * without the check.
 */








const LATEST = 'latest';
/**
 * The reads moveForward's check makes, made ahead — beside the attest stage, while the run's
 * checks go on — so that once they passed only the tag is read again and put: two requests
 * one after the other, not five. Silent (no retry lines in another stage's log group);
 * undefined when the tag names no other image or a read failed: moveForward then reads
 * itself, as without it.
 */
async function readAhead(registry, repository, tag, digest, retry) {
    const quiet = { ...retry, policy: { ...retry.policy, log: () => undefined } };
    try {
        const current = await (0,already_tagged/* readTag */.zW)(registry, repository, tag, quiet);
        if (current === undefined || current.digest === digest)
            return undefined;
        const facts = await readBoth(registry, repository, tag, current, digest, quiet);
        return { current: current.digest, facts };
    }
    catch {
        return undefined;
    }
}
/** The facts of the image `tag` names now (`now`) and of this run's image `digest`. */
async function readBoth(registry, repository, tag, now, digest, retry) {
    const next = await (0,refusals/* withRegistryRetry */.ox)(registry.registry, `reading ${digest.slice(0, 19)}…`, retry, () => registry.manifest(repository, digest));
    if (next === undefined)
        throw new errors/* ActionError */.lZ(`the registry has no ${digest}`);
    return (0,refusals/* withRegistryRetry */.ox)(registry.registry, `reading the images of '${tag}' and this run`, retry, () => Promise.all([readFacts(registry, repository, now), readFacts(registry, repository, next)]));
}
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
function moveLatest(registry, repository, digest, retry, options) {
    return moveForward(registry, repository, LATEST, digest, retry, options);
}
/** Moves `tag` to `digest` unless that would move it back (or whether it would can't be known). */
async function moveForward(registry, repository, tag, digest, retry, options) {
    const backHint = tag === LATEST ? ' Set latest-may-move-back: true to move it back.' : '';
    let current;
    let facts;
    let reading = `what '${tag}' names`;
    try {
        current = await (0,already_tagged/* readTag */.zW)(registry, repository, tag, retry);
        if (current?.digest === digest)
            return { action: 'unchanged' };
        if (current !== undefined && options.mutability !== undefined && !(0,tag_mutability/* isTagMutable */.bo)(tag, options.mutability)) {
            return keep(`'${tag}' points to another image and the repository keeps it immutable: left as it is.`, `${tag} kept: the repository keeps it immutable`);
        }
        if (current !== undefined && !options.allowBack) {
            reading = `the image '${tag}' names (${current.digest}) or this run's (${digest})`;
            const ahead = await options.ahead;
            facts = ahead?.current === current.digest ? ahead.facts : await readBoth(registry, repository, tag, current, digest, retry);
        }
    }
    catch (error) {
        if (retry.cancel?.aborted)
            throw error;
        return keep(`'${tag}' was not moved: ${reading} could not be read (${error.message}), so whether this run's image is newer is not known. Run the job again to move it${tag === LATEST ? ', or set latest-may-move-back: true' : ''}.`, `${tag} kept: ${reading} could not be read`);
    }
    if (facts !== undefined) {
        const [now, next] = facts;
        const verdict = judgeLatest(now, next, tag);
        if (!verdict.move) {
            return keep(`'${tag}' stays on ${describeImage(now)}: ${verdict.why}, and '${tag}' only moves forward.${backHint}`, `${tag} kept on ${describeImage(now)}: ${verdict.why}`);
        }
        if (verdict.note !== undefined)
            core/* info */.pq(verdict.note);
    }
    await (0,tags/* addTags */.JE)(registry, repository, digest, [tag], retry);
    return { action: 'moved' };
}


/***/ }),

/***/ 9975:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gd: () => (/* binding */ pushedImages),
/* harmony export */   K2: () => (/* binding */ listPlatformImages),
/* harmony export */   W2: () => (/* binding */ readPlatformImages)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _image_config_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3689);
/* harmony import */ var _refusals_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(390);
/**
 * The platform images a pushed digest (or a tag) stands for, read from the registry: what
 * the scan gate judges and the summary sizes.
 */



/**
 * The platform images a pushed digest stands for: an index's children (attestations left
 * out), or the image itself (named `single`). Each read that fails in a way that may pass
 * is tried again under `retry`; an empty digest, a read that fails for good, or a digest
 * the registry has no manifest for throws an ActionError saying so. A child the registry
 * doesn't have is kept by its descriptor (its digest is still what ECR scans).
 */
async function readPlatformImages(registry, repository, digest, retry, single = '') {
    const { top, images } = await topAndImages(registry, repository, digest, retry, single);
    if (top.manifests === undefined)
        return images.map(i => ({ ...i, manifest: top }));
    return Promise.all(images.map(async (i) => ({ ...i, manifest: (await readManifest(registry, repository, retry, 'the platform image', i.digest)) ?? { digest: i.digest, mediaType: i.mediaType } })));
}
/**
 * The same platform images by their platform and digest only, as the index names them: one
 * read (a read by digest the client shares with readPlatformImages' of the same digest).
 */
async function listPlatformImages(registry, repository, digest, retry, single = '') {
    return (await topAndImages(registry, repository, digest, retry, single)).images.map(({ platform, digest }) => ({ platform, digest }));
}
const readManifest = (registry, repository, retry, what, reference) => (0,_refusals_js__WEBPACK_IMPORTED_MODULE_2__/* .withRegistryRetry */ .ox)(registry.registry, `reading ${what} ${reference.slice(0, 19)}…`, retry, () => registry.manifest(repository, reference));
async function topAndImages(registry, repository, digest, retry, single) {
    if (digest === '')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ('the run has no digest of the pushed image (the registry named none): run the job again.');
    const top = await readManifest(registry, repository, retry, 'the pushed image', digest);
    if (top === undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ('the registry has no such manifest (was it deleted during the run?): run the job again.');
    // A one-platform build pushes the image itself; `single` names its platform.
    if (top.manifests === undefined)
        return { top, images: [{ platform: single, digest: top.digest || digest, mediaType: top.mediaType }] };
    const platform = (p) => (p ? `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}` : '');
    return { top, images: top.manifests.filter(_image_config_js__WEBPACK_IMPORTED_MODULE_1__/* .isPlatformImage */ .Xg).map(m => ({ platform: platform(m.platform), digest: m.digest, mediaType: m.mediaType })) };
}
/**
 * The platform images of what was pushed, each read tried again while it fails in a way
 * that may pass; when they can't be read (or there are none), why not, in one line.
 * @param single the one platform a single-platform build was for ('' otherwise)
 * @param gated the scan gate will judge them (its fix is named when there are none)
 */
async function pushedImages(registry, path, digest, retry, { single, gated, cancel }) {
    try {
        const images = await readPlatformImages(registry, path, digest, retry, single);
        if (images.length > 0)
            return { images };
        return { images, unread: `its index names no platform image (only attestations)${gated ? ': push an image built for a platform, or remove scan-fail-on.' : '.'}` };
    }
    catch (error) {
        // A cancel ends the run; anything else is why the images are unknown.
        cancel?.throwIfAborted();
        return { images: [], unread: error.message.replace(/\s+/g, ' ') };
    }
}


/***/ }),

/***/ 7906:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fu: () => (/* binding */ moveTags),
/* harmony export */   JE: () => (/* binding */ addTags),
/* harmony export */   Sh: () => (/* binding */ putMissing)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3110);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _already_tagged_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8752);
/* harmony import */ var _refusals_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(390);
/* harmony import */ var _settings_tag_mutability_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8338);
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
    const manifest = await (0,_refusals_js__WEBPACK_IMPORTED_MODULE_3__/* .withRegistryRetry */ .ox)(client.registry, `reading ${digest.slice(0, 19)}…`, retry, () => client.manifestBytes(repository, digest));
    if (manifest === undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`The registry has no ${digest} in ${repository} to tag: run the job again.`);
    for (const tag of tags) {
        try {
            const stored = await (0,_refusals_js__WEBPACK_IMPORTED_MODULE_3__/* .withRegistryRetry */ .ox)(client.registry, `the tag '${tag}'`, retry, () => client.putManifest(repository, tag, manifest.mediaType, manifest.body));
            if (stored !== '' && stored !== digest)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`The registry stored '${tag}' as ${stored}, not ${digest}: run the job again.`);
        }
        catch (error) {
            // An immutable tag refused on a try after a lost answer: fine when it names this digest (already-tagged.ts).
            if (!(error instanceof _refusals_js__WEBPACK_IMPORTED_MODULE_3__/* .ImmutableTagError */ .zF) || error.tag !== tag || (await (0,_already_tagged_js__WEBPACK_IMPORTED_MODULE_2__/* .readTag */ .zW)(client, repository, tag, retry))?.digest !== digest)
                throw error;
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq((0,_already_tagged_js__WEBPACK_IMPORTED_MODULE_2__/* .foundTag */ .jb)(tag, digest));
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
        const current = await (0,_already_tagged_js__WEBPACK_IMPORTED_MODULE_2__/* .readTag */ .zW)(registry, repo.name, tag, retry);
        if (current?.digest === digest)
            continue;
        if (current !== undefined && !(0,_settings_tag_mutability_js__WEBPACK_IMPORTED_MODULE_4__/* .isTagMutable */ .bo)(tag, repo.mutability)) {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`'${tag}' points to another image and the repository keeps it immutable: left as it is.`);
            continue;
        }
        moving.push(tag);
    }
    await addTags(registry, repo.name, digest, moving, retry);
    return moving;
}
/**
 * Tags fixed to one build (`sha-1a2b3c4`): put where the repository lacks them; one that
 * names another image already (the same commit built by an earlier run) is left as it is.
 * Returns the tags put.
 */
async function putMissing(registry, repository, digest, tags, retry) {
    const missing = [];
    for (const tag of tags) {
        const current = await (0,_already_tagged_js__WEBPACK_IMPORTED_MODULE_2__/* .readTag */ .zW)(registry, repository, tag, retry);
        if (current === undefined)
            missing.push(tag);
        else if (current.digest !== digest)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`'${tag}' names ${current.digest} already, and names one build only: left as it is.`);
    }
    await addTags(registry, repository, digest, missing, retry);
    return missing;
}


/***/ }),

/***/ 5133:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FP: () => (/* binding */ sizeLines),
/* harmony export */   Mo: () => (/* binding */ sizeReport),
/* harmony export */   yT: () => (/* binding */ archiveCostLine)
/* harmony export */ });
/* unused harmony exports formatBytes, formatCost */
/**
 * Sizes and storage cost for the summary, from the manifests alone (plain data: the reads are
 * in registry/platform-images.ts) (what ECR bills is the
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
/** The summary's size lines: per platform, added by this push, and the month's storage estimate. */
function sizeLines(r, price, priceSource) {
    const lines = r.platforms.map(p => `${p.platform || 'image'}: ${formatBytes(p.bytes)} compressed`);
    if (r.platforms.length > 1)
        lines.push(`all platforms: ${formatBytes(r.totalBytes)} (shared layers once)`);
    const how = r.addedBy === 'upload' ? "blobs the repository didn't have, as uploaded" : "layers the earlier latest didn't have";
    lines.push(r.addedBytes === undefined ? 'added by this push: not known (no earlier latest to compare with)' : `added by this push: ${formatBytes(r.addedBytes)} (${how})`);
    const where = r.regions > 1 ? ` in ${r.regions} regions` : '';
    lines.push(`storage: about ${formatCost(r.monthlyCost)} a month${where} at ${formatCost(price)} per GB-month (${priceSource})`);
    return lines;
}
/**
 * What an archived image costs, for the run's message: its month in the archive and its
 * restore, from the size ECR reports (the largest platform image of an index, so a floor).
 */
function archiveCostLine(bytes, price) {
    const rates = `${formatCost(price.perGbMonth)} per GB-month in the archive, ${price.minimumDays} days minimum; restoring ${formatCost(price.restorePerGb)} per GB (ECR's prices, ${price.asOf})`;
    if (bytes === undefined)
        return `Archive: ${rates}.`;
    const gb = bytes / GB;
    return `Archive: ${formatBytes(bytes)} at about ${formatCost(gb * price.perGbMonth)} a month, restoring it about ${formatCost(gb * price.restorePerGb)}; ${rates}.`;
}


/***/ }),

/***/ 2316:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D2: () => (/* binding */ provenanceStatement),
/* harmony export */   gR: () => (/* binding */ workflowRefOf),
/* harmony export */   nn: () => (/* binding */ PREDICATE_TYPE_ANNOTATION),
/* harmony export */   se: () => (/* binding */ provenanceMismatch),
/* harmony export */   tM: () => (/* binding */ workflowRun),
/* harmony export */   us: () => (/* binding */ SLSA_PROVENANCE_V1),
/* harmony export */   wn: () => (/* binding */ subjectName),
/* harmony export */   xy: () => (/* binding */ IN_TOTO_MEDIA_TYPE)
/* harmony export */ });
/* unused harmony exports STATEMENT_V1, WORKFLOW_BUILD_TYPE */
const IN_TOTO_MEDIA_TYPE = 'application/vnd.in-toto+json';
const SLSA_PROVENANCE_V1 = 'https://slsa.dev/provenance/v1';
const STATEMENT_V1 = 'https://in-toto.io/Statement/v1';
const WORKFLOW_BUILD_TYPE = 'https://actions.github.io/buildtypes/workflow/v1';
/** The annotation (on a referrer manifest and its layer) naming the statement's predicate type. */
const PREDICATE_TYPE_ANNOTATION = 'in-toto.io/predicate-type';
/** `acme/web/.github/workflows/release.yml@refs/heads/main` (GITHUB_WORKFLOW_REF) as its parts. */
function workflowRun(env) {
    const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
    const repository = env.GITHUB_REPOSITORY ? `${server}/${env.GITHUB_REPOSITORY}` : '';
    const workflowRef = env.GITHUB_WORKFLOW_REF ?? '';
    const at = workflowRef.lastIndexOf('@');
    const prefix = `${env.GITHUB_REPOSITORY ?? ''}/`;
    const file = at < 0 ? '' : workflowRef.slice(0, at);
    return {
        repository,
        path: file.startsWith(prefix) ? file.slice(prefix.length) : file,
        ref: at < 0 ? (env.GITHUB_REF ?? '') : workflowRef.slice(at + 1),
        sha: env.GITHUB_SHA ?? ''
    };
}
/** `path@ref`, as the allowed workflow refs are written. */
const workflowRefOf = (w) => `${w.path}@${w.ref}`;
/** An in-toto subject's name for a platform image: `pkg:docker/<uri>@<version>?platform=linux%2Famd64`. */
const subjectName = (uri, version, platform) => `pkg:docker/${uri}@${version}${platform === '' ? '' : `?platform=${encodeURIComponent(platform)}`}`;
/** The in-toto statement (SLSA provenance v1) for one platform image. */
function provenanceStatement(i) {
    const { env, build } = i;
    const run = workflowRun(env);
    const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
    const hosted = env.RUNNER_ENVIRONMENT === 'self-hosted' ? 'self-hosted' : 'github-hosted';
    const buildFacts = { platform: i.platform, context: build.context, file: build.file || 'Dockerfile', ...(build.target !== undefined ? { target: build.target } : {}) };
    if (i.mode === 'max') {
        buildFacts.buildArgs = [...new Set(build.buildArgs.map(a => a.slice(0, a.indexOf('='))))];
        buildFacts.secrets = build.secrets.map(s => s.id);
        buildFacts.cache = build.cache.type;
    }
    const github = {};
    for (const [key, name] of [
        ['event_name', 'GITHUB_EVENT_NAME'],
        ['repository_id', 'GITHUB_REPOSITORY_ID'],
        ['repository_owner_id', 'GITHUB_REPOSITORY_OWNER_ID'],
        ['runner_environment', 'RUNNER_ENVIRONMENT']
    ]) {
        const value = env[name];
        if (value)
            github[key] = value;
    }
    const runId = env.GITHUB_RUN_ID;
    return {
        _type: STATEMENT_V1,
        subject: [{ name: subjectName(i.uri, i.version, i.platform), digest: { sha256: i.digest.replace(/^sha256:/, '') } }],
        predicateType: SLSA_PROVENANCE_V1,
        predicate: {
            buildDefinition: {
                buildType: WORKFLOW_BUILD_TYPE,
                externalParameters: { workflow: { ref: run.ref, repository: run.repository, path: run.path } },
                internalParameters: { github, build: buildFacts },
                resolvedDependencies: run.repository === '' ? [] : [{ uri: `git+${run.repository}@${run.ref}`, digest: { gitCommit: run.sha } }]
            },
            runDetails: {
                builder: { id: `https://github.com/actions/runner/${hosted}` },
                metadata: {
                    ...(runId && run.repository ? { invocationId: `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${runId}/attempts/${env.GITHUB_RUN_ATTEMPT ?? '1'}` } : {}),
                    startedOn: i.startedOn,
                    finishedOn: i.finishedOn
                }
            }
        }
    };
}
/**
 * Whether a statement shows the image was built by this repository's allowed workflow from
 * this commit: undefined when it does, else why not (in words, for the run's message).
 */
function provenanceMismatch(statement, claim) {
    const s = (typeof statement === 'object' && statement !== null ? statement : {});
    if (s.predicateType !== SLSA_PROVENANCE_V1)
        return `its statement is not SLSA provenance v1 (${String(s.predicateType)})`;
    const hex = claim.digest.replace(/^sha256:/, '');
    if (!Array.isArray(s.subject) || !s.subject.some(x => x.digest?.sha256 === hex))
        return `its statement is about another image than ${claim.digest}`;
    const def = s.predicate?.buildDefinition;
    const workflow = def?.externalParameters?.workflow;
    if (workflow?.repository !== claim.repository)
        return `it was built by ${String(workflow?.repository)}, not ${claim.repository}`;
    const commits = (def?.resolvedDependencies ?? []).map(d => d.digest?.gitCommit);
    if (!commits.includes(claim.sha))
        return `it was built from commit ${String(commits[0])}, not ${claim.sha.slice(0, 7)}`;
    const ref = `${String(workflow.path)}@${String(workflow.ref)}`;
    if (!claim.workflowRefs.includes(ref))
        return `it was built by the workflow ${ref}, which is not an allowed one (${claim.workflowRefs.join(', ')})`;
    return undefined;
}


/***/ }),

/***/ 7799:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K0: () => (/* binding */ attach),
/* harmony export */   T4: () => (/* binding */ predicateTypeOf),
/* harmony export */   et: () => (/* binding */ subjectOf),
/* harmony export */   ty: () => (/* binding */ storeSharedConfig),
/* harmony export */   xt: () => (/* binding */ listReferrers)
/* harmony export */ });
/* unused harmony exports referrersTag, artifactManifest, keepTag */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _registry_client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9405);
/* harmony import */ var _registry_refusals_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(390);
/* harmony import */ var _provenance_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2316);
/**
 * OCI 1.1 referrers: a statement stored as an artifact manifest whose `subject` is a
 * platform image's manifest, so `oras discover`, cosign and ECR's console find it beside the
 * image and the index the tags name keeps only platform images (no `unknown/unknown`).
 *
 * A registry that indexed the subject answers the manifest PUT with `OCI-Subject` (ECR does);
 * one that doesn't gets the OCI referrers tag schema: an index under `sha256-<hex>` of the
 * subject listing its referrers, which the action reads, adds to and puts back.
 */





const OCI_MANIFEST = _registry_client_js__WEBPACK_IMPORTED_MODULE_2__.MANIFEST_MEDIA_TYPES[0] ?? '';
const OCI_INDEX = _registry_client_js__WEBPACK_IMPORTED_MODULE_2__.INDEX_MEDIA_TYPES[0] ?? '';
/** The OCI empty descriptor's blob, `{}`: an artifact's config. */
const EMPTY = { mediaType: 'application/vnd.oci.empty.v1+json', body: Buffer.from('{}') };
const sha256 = (body) => `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(body).digest('hex')}`;
/** `sha256-<hex>`: the referrers tag schema's tag for a subject. */
const referrersTag = (digest) => digest.replace(':', '-');
/** The subject's descriptor as the registry has it (media type and size of its manifest). */
async function subjectOf(registry, repository, digest, retry) {
    const raw = await (0,_registry_refusals_js__WEBPACK_IMPORTED_MODULE_3__/* .withRegistryRetry */ .ox)(registry.registry, `reading ${digest.slice(0, 19)}…`, retry, () => registry.manifestBytes(repository, digest));
    if (raw === undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`The registry has no ${digest} in ${repository} to attach to: run the job again.`);
    return { mediaType: raw.mediaType || OCI_MANIFEST, digest, size: raw.body.length };
}
/** Pure: the artifact manifest of one statement about `subject`. */
function artifactManifest(subject, artifactType, predicateType, statement, created) {
    return Buffer.from(JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        artifactType,
        config: { mediaType: EMPTY.mediaType, digest: sha256(EMPTY.body), size: EMPTY.body.length },
        layers: [{ mediaType: artifactType, digest: sha256(statement), size: statement.length, annotations: { [_provenance_js__WEBPACK_IMPORTED_MODULE_4__/* .PREDICATE_TYPE_ANNOTATION */ .nn]: predicateType } }],
        subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
        annotations: { [_provenance_js__WEBPACK_IMPORTED_MODULE_4__/* .PREDICATE_TYPE_ANNOTATION */ .nn]: predicateType, 'org.opencontainers.image.created': created }
    }));
}
/** A blob stored unless the repository has it. */
async function storeBlob(registry, repository, blob, retry) {
    const d = sha256(blob);
    await (0,_registry_refusals_js__WEBPACK_IMPORTED_MODULE_3__/* .withRegistryRetry */ .ox)(registry.registry, `the upload of ${d.slice(0, 19)}…`, retry, async () => {
        if (!(await registry.blobExists(repository, d)))
            await registry.uploadBlob(repository, d, blob.length, blob);
    });
}
/**
 * The config every referrer shares (the OCI empty blob), stored once for referrers attached
 * side by side — each waits for this one store: two uploads of it at once made the registry
 * refuse a referrer now and then (`MANIFEST_BLOB_UNKNOWN`).
 */
const storeSharedConfig = (registry, repository, retry) => storeBlob(registry, repository, EMPTY.body, retry);
/**
 * A statement's blob, uploaded without asking first: a statement is new with each run (its
 * times), and a blob uploaded twice is stored once. Two requests (client.ts uploadSmall).
 */
async function uploadStatement(registry, repository, statement, retry) {
    const d = sha256(statement);
    await (0,_registry_refusals_js__WEBPACK_IMPORTED_MODULE_3__/* .withRegistryRetry */ .ox)(registry.registry, `the upload of ${d.slice(0, 19)}…`, retry, () => registry.uploadSmall(repository, d, statement));
}
/**
 * Stores a statement as a referrer of `subject` (its descriptor, or its read under way);
 * retried where the registry may pass. `sharedConfig`: storeSharedConfig under way for
 * every referrer of the run; without it, the shared config is stored here.
 */
async function attach(registry, repository, subject, artifact, retry, sharedConfig = storeSharedConfig(registry, repository, retry)) {
    // The artifact's blobs go up beside the subject's read, when it is still being read.
    const [known] = await Promise.all([subject, sharedConfig, uploadStatement(registry, repository, artifact.statement, retry)]);
    const manifest = artifactManifest(known, artifact.artifactType, artifact.predicateType, artifact.statement, artifact.created);
    const digest = sha256(manifest);
    const stored = await (0,_registry_refusals_js__WEBPACK_IMPORTED_MODULE_3__/* .withRegistryRetry */ .ox)(registry.registry, `the ${artifact.predicateType} referrer of ${known.digest.slice(0, 19)}…`, retry, () => registry.storeManifest(repository, digest, OCI_MANIFEST, manifest));
    if (stored.subject === known.digest) {
        if (artifact.keepTag === true)
            await putKeepTag(registry, repository, known.digest, digest, manifest, retry);
        return { digest, via: 'referrers-api' };
    }
    const entry = { mediaType: OCI_MANIFEST, digest, size: manifest.length, artifactType: artifact.artifactType, annotations: { [_provenance_js__WEBPACK_IMPORTED_MODULE_4__/* .PREDICATE_TYPE_ANNOTATION */ .nn]: artifact.predicateType } };
    await addToReferrersTag(registry, repository, known.digest, entry, retry);
    return { digest, via: 'tag-schema' };
}
/**
 * `sha256-<subject hex>.<referrer hex, 16>`: a tag of the referrer's own, on ECR. ECR's
 * lifecycle rules expire a referrer within 24 hours of its subject's deletion, but nothing
 * in them keeps an untagged referrer from an `untagged` rule while its subject lives (only
 * images an index references are kept so); tagged, and protected by the policy's
 * `sha256-*` rule (settings/lifecycle-policy.ts), it lives exactly as long as its image.
 * Unique per referrer, so never overwritten: a tag already naming it is fine.
 */
const keepTag = (subject, referrer) => `${referrersTag(subject)}.${referrer.replace(/^sha256:/, '').slice(0, 16)}`;
async function putKeepTag(registry, repository, subject, digest, manifest, retry) {
    const tag = keepTag(subject, digest);
    try {
        await (0,_registry_refusals_js__WEBPACK_IMPORTED_MODULE_3__/* .withRegistryRetry */ .ox)(registry.registry, `the tag '${tag}'`, retry, () => registry.putManifest(repository, tag, OCI_MANIFEST, manifest));
    }
    catch (error) {
        if (!(error instanceof _registry_refusals_js__WEBPACK_IMPORTED_MODULE_3__/* .ImmutableTagError */ .zF) || (await registry.manifest(repository, tag))?.digest !== digest)
            throw error;
    }
}
/** The tag schema: the subject's `sha256-<hex>` index with `entry` in it (read, added to, put back). */
async function addToReferrersTag(registry, repository, subject, entry, retry) {
    const tag = referrersTag(subject);
    const current = await (0,_registry_refusals_js__WEBPACK_IMPORTED_MODULE_3__/* .withRegistryRetry */ .ox)(registry.registry, `reading the tag '${tag}'`, retry, () => registry.manifest(repository, tag));
    const listed = current?.manifests ?? [];
    if (listed.some(d => d.digest === entry.digest))
        return;
    const index = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [...listed, entry] }));
    try {
        await (0,_registry_refusals_js__WEBPACK_IMPORTED_MODULE_3__/* .withRegistryRetry */ .ox)(registry.registry, `the tag '${tag}'`, retry, () => registry.putManifest(repository, tag, OCI_INDEX, index));
    }
    catch (error) {
        if (!(error instanceof _registry_refusals_js__WEBPACK_IMPORTED_MODULE_3__/* .ImmutableTagError */ .zF))
            throw error;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`The registry lists referrers by the tag '${tag}' (it has no referrers API), and ${repository} keeps that tag immutable: ` +
            `add 'sha256-*' to tag-mutability-exclusions (as for latest), or set provenance: false and sbom: false.`);
    }
}
/** What refers to `digest`: from the referrers API, else from the tag schema's index; [] when nothing does. */
async function listReferrers(registry, repository, digest, retry) {
    const viaApi = await (0,_registry_refusals_js__WEBPACK_IMPORTED_MODULE_3__/* .withRegistryRetry */ .ox)(registry.registry, `reading the referrers of ${digest.slice(0, 19)}…`, retry, () => registry.referrers(repository, digest));
    if (viaApi !== undefined)
        return viaApi;
    const tag = referrersTag(digest);
    const index = await (0,_registry_refusals_js__WEBPACK_IMPORTED_MODULE_3__/* .withRegistryRetry */ .ox)(registry.registry, `reading the tag '${tag}'`, retry, () => registry.manifest(repository, tag));
    return index?.manifests ?? [];
}
/** A referrer's predicate type (`in-toto.io/predicate-type`), '' when it names none. */
const predicateTypeOf = (d) => d.annotations?.[_provenance_js__WEBPACK_IMPORTED_MODULE_4__/* .PREDICATE_TYPE_ANNOTATION */ .nn] ?? '';


/***/ }),

/***/ 3525:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  h8: () => (/* binding */ lookUpVersion),
  xA: () => (/* binding */ readLatestBefore),
  wI: () => (/* binding */ withProvenance),
  D8: () => (/* binding */ withStorageState)
});

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
                `allow ecr:DescribeImages on the repository for the role (a run with dry-run: true prints the whole least-privilege policy).`, { cause: error });
        }
        throw new errors/* ActionError */.lZ(`Could not read the storage class of the existing image ${digest} (DescribeImages: ${name}): no tag was moved; run the job again.`, { cause: error });
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

// EXTERNAL MODULE: ./src/registry/existing-version.ts
var existing_version = __webpack_require__(6527);
// EXTERNAL MODULE: ./src/registry/already-tagged.ts
var already_tagged = __webpack_require__(8752);
// EXTERNAL MODULE: ./src/registry/latest.ts + 1 modules
var latest = __webpack_require__(6292);
// EXTERNAL MODULE: ./src/registry/refusals.ts
var refusals = __webpack_require__(390);
// EXTERNAL MODULE: ./src/registry/platform-images.ts
var platform_images = __webpack_require__(9975);
// EXTERNAL MODULE: ./src/supply/provenance.ts
var provenance = __webpack_require__(2316);
// EXTERNAL MODULE: ./src/supply/referrers.ts
var supply_referrers = __webpack_require__(7799);
;// CONCATENATED MODULE: ./src/supply/reuse.ts
/**
 * A re-run's reuse rests on provenance, not a label: `if-version-exists: auto` keeps an
 * existing version only when every platform image of it has a provenance referrer naming
 * this repository, this commit and an allowed workflow ref (this run's own workflow file at
 * its ref). Reads that fail for good fail the run (fail closed): nothing is reused on a
 * statement the action could not read.
 */




/** The claim a run makes: its repository, commit and workflow ref. */
function reuseClaim(env) {
    const run = (0,provenance/* workflowRun */.tM)(env);
    return { repository: run.repository, sha: run.sha, workflowRefs: run.path === '' ? [] : [(0,provenance/* workflowRefOf */.gR)(run)] };
}
/** Judges the provenance referrers of every platform image `digest` stands for. */
async function judgeProvenance(registry, path, digest, claim, retry) {
    if (claim.repository === '' || claim.sha === '' || claim.workflowRefs.length === 0) {
        return { ok: false, why: 'this run names no repository, commit or workflow ref (GITHUB_REPOSITORY, GITHUB_SHA, GITHUB_WORKFLOW_REF) to compare its provenance with' };
    }
    const images = await (0,platform_images/* readPlatformImages */.W2)(registry, path, digest, retry);
    if (images.length === 0)
        return { ok: false, why: 'its index names no platform image' };
    for (const image of images) {
        const why = await imageMismatch(registry, path, { ...claim, digest: image.digest }, retry);
        if (why !== undefined)
            return { ok: false, why: `${image.platform || 'the image'} ${image.digest.slice(0, 19)}…: ${why}` };
    }
    return { ok: true, workflow: claim.workflowRefs[0] ?? '' };
}
/** undefined when one of the image's provenance referrers matches the claim; else why none does. */
async function imageMismatch(registry, path, claim, retry) {
    const referrers = (await (0,supply_referrers/* listReferrers */.xt)(registry, path, claim.digest, retry)).filter(d => (0,supply_referrers/* predicateTypeOf */.T4)(d) === provenance/* SLSA_PROVENANCE_V1 */.us);
    if (referrers.length === 0)
        return 'it has no SLSA provenance referrer';
    let why = '';
    for (const referrer of referrers) {
        const manifest = await (0,refusals/* withRegistryRetry */.ox)(registry.registry, `reading the provenance ${referrer.digest.slice(0, 19)}…`, retry, () => registry.manifest(path, referrer.digest));
        const layer = manifest?.layers?.[0];
        if (manifest?.subject?.digest !== claim.digest || layer === undefined) {
            why = 'its provenance referrer is not about it';
            continue;
        }
        const statement = await (0,refusals/* withRegistryRetry */.ox)(registry.registry, `reading the statement ${layer.digest.slice(0, 19)}…`, retry, () => registry.jsonBlob(path, layer.digest));
        const mismatch = (0,provenance/* provenanceMismatch */.se)(statement, claim);
        if (mismatch === undefined)
            return undefined;
        why = mismatch;
    }
    return why;
}

;// CONCATENATED MODULE: ./src/version-stage.ts
/**
 * The version stage's reads: the version tag as the registry has it and — for an existing
 * version on ECR — its storage class; beside them, what `latest` named before the run.
 */







/** The version tag as the registry has it (a per-platform push has none; a read that fails in a passing way is tried again). */
async function lookUpVersion(settings, registry, path, retry) {
    const { build, image } = settings;
    return build.pushByDigest ? undefined : (0,refusals/* withRegistryRetry */.ox)(registry.registry, `reading the tag '${image.version}'`, retry, () => (0,existing_version/* findExistingVersion */.N)(registry, path, image.version));
}
/**
 * For the summary's "added by this push": the platform images `latest` named before this
 * run; undefined when it named none or the read failed (the summary then says less). Started
 * beside the version look-up and awaited only before `latest` moves: off the run's path.
 */
function readLatestBefore(settings, registry, path, retry) {
    return settings.summary && settings.image.latest ? imagesUnder(registry, path, latest/* LATEST */.k0, retry).catch(() => undefined) : Promise.resolve(undefined);
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
    return {
        ...existing,
        archive: { status: state?.status ?? 'UNLISTED', restore, ...(state?.bytes !== undefined ? { bytes: state.bytes } : {}), ...(state?.archivedAt ? { archivedAt: state.archivedAt } : {}) }
    };
}
/** The platform images a tag names now; undefined when it names none. */
async function imagesUnder(registry, path, tag, retry) {
    const top = await (0,already_tagged/* readTag */.zW)(registry, path, tag, retry);
    return top ? (0,platform_images/* readPlatformImages */.W2)(registry, path, top.digest, retry) : undefined;
}
/**
 * `if-version-exists: auto` reuses an existing version on its provenance only (supply/reuse.ts):
 * the verdict is added to it. An archived image is never reused, so not judged.
 */
async function withProvenance(settings, registry, path, existing, deps) {
    if (settings.image.ifVersionExists !== 'auto' || existing.archive !== undefined)
        return existing;
    return { ...existing, provenance: await judgeProvenance(registry, path, existing.digest, reuseClaim(deps.env), deps.retry) };
}


/***/ })

};
