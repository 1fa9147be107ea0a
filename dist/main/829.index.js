export const id = 829;
export const ids = [829];
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
/* unused harmony exports useDualstack, refuseWritesAfter */
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8249);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7242);
/* harmony import */ var _network_agents_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3662);
/* harmony import */ var _network_certificates_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9144);
/* harmony import */ var _session_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9401);
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
 * Every call is bounded (network/agents.ts): a connection that doesn't open, or an answer
 * that doesn't come, fails the attempt with the SDK's TimeoutError, which the same strategy
 * retries; calls go through the job's proxy when it has one.
 *
 * The run's cancel travels with the session: once it has aborted, a client made with the
 * session starts no write (nor another try of one) — the rest of a reconcile's Put* calls
 * are refused with the cancel's reason, unsent; reads still go.
 */





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
        customUserAgent: _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .USER_AGENT */ ._O,
        maxAttempts: MAX_ATTEMPTS,
        useDualstackEndpoint: useDualstack(session, service),
        requestHandler: (0,_network_agents_js__WEBPACK_IMPORTED_MODULE_1__/* .sdkRequestHandler */ .Mt)(),
        ...(session.credentials ? { credentials: (0,_session_js__WEBPACK_IMPORTED_MODULE_3__/* .credentialProvider */ .PX)(session.credentials) } : {})
    };
}
/**
 * A client made with the session: a call refused as expired is sent again with renewed
 * credentials, and no write starts after the run's cancel.
 */
function withSession(client, session) {
    if (session.signal)
        refuseWritesAfter(client, session.signal);
    return session.credentials ? (0,_session_js__WEBPACK_IMPORTED_MODULE_3__/* .renewOnExpiredToken */ .rV)(client, session.credentials) : client;
}
/** Operations that change something in AWS (ECR's and ECR Public's, by their names). */
const WRITE_OPERATION = /^(Create|Put|Delete|Set|Batch(Delete|Put)|Tag|Untag|Start|Update|Initiate|Upload|Complete|Replicate)[A-Z]/;
/**
 * Once `signal` has aborted, a write operation is refused with its reason before it is sent.
 * Checked on every try (after the SDK's retry middleware): a write the SDK would try again
 * after the cancel is refused too. The refusal is no error the SDK retries.
 */
function refuseWritesAfter(client, signal) {
    client.middlewareStack.add((next, context) => async (args) => {
        if (signal.aborted && WRITE_OPERATION.test(String(context.commandName)))
            throw signal.reason;
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
            throw (0,_network_certificates_js__WEBPACK_IMPORTED_MODULE_2__/* .explainCertificateError */ .V)(host, error) ?? error;
        }
    }, { step: 'deserialize', name: 'explainCertificateErrors' });
    return client;
}
function createEcrClient(session) {
    return tagIamActions(withSession(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_4__/* .ECRClient */ .S70(sdkConfig(session, 'ECR')), session), 'ecr');
}


/***/ }),

/***/ 7964:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   requestIdToken: () => (/* binding */ requestIdToken)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _registry_http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8851);
/**
 * The job's GitHub OIDC token, asked of the runner as `core.getIDToken` asks for it
 * (GET $ACTIONS_ID_TOKEN_REQUEST_URL&audience=…, `Authorization: Bearer
 * $ACTIONS_ID_TOKEN_REQUEST_TOKEN`, answer `{"value": "<jwt>"}`), but over the action's own
 * transport: bounded like every request (a runner endpoint that never answers fails the
 * try, and the sign-in tries again), and through the proxy the workflow's `http-proxy` /
 * `no-proxy` inputs name, where core's client reads only the environment.
 */


async function requestIdToken(env, audience, setSecret, transport = (0,_registry_http_js__WEBPACK_IMPORTED_MODULE_1__/* .createTransport */ .o)()) {
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
/* harmony export */   i9: () => (/* binding */ inspectPublicRepository),
/* harmony export */   lh: () => (/* binding */ createPublicClient),
/* harmony export */   ou: () => (/* binding */ ensurePublicRepository)
/* harmony export */ });
/* unused harmony exports catalogBadges, planCatalog */
/* harmony import */ var _clients_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(201);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _stated_settings_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4426);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8301);





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
    if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .sameJson */ .Vk)(JSON.stringify(catalog.architectures), JSON.stringify(current?.architectures ?? [])))
        changed.push(`architectures ${catalog.architectures?.join(', ')}`);
    if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .sameJson */ .Vk)(JSON.stringify(catalog.operatingSystems), JSON.stringify(current?.operatingSystems ?? [])))
        changed.push(`operating systems ${catalog.operatingSystems?.join(', ')}`);
    return changed.length > 0 ? { catalog, changed } : undefined;
}
async function createPublicClient(session) {
    const sdk = await __webpack_require__.e(/* import() */ 821).then(__webpack_require__.t.bind(__webpack_require__, 9821, 19));
    const client = (0,_clients_js__WEBPACK_IMPORTED_MODULE_0__/* .tagIamActions */ .df)((0,_clients_js__WEBPACK_IMPORTED_MODULE_0__/* .withSession */ .fQ)(new sdk.ECRPUBLICClient((0,_clients_js__WEBPACK_IMPORTED_MODULE_0__/* .sdkConfig */ .bN)({ ...session, region: _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .PUBLIC_API_REGION */ .cp }, 'ECR_PUBLIC')), session), 'ecr-public');
    return { sdk, client };
}
async function describe({ sdk, client }, name) {
    const repo = await (0,_stated_settings_js__WEBPACK_IMPORTED_MODULE_4__/* .unlessNotFound */ .CA)(async () => (await client.send(new sdk.DescribeRepositoriesCommand({ repositoryNames: [name] }))).repositories?.[0], 'RepositoryNotFoundException');
    return repo ? { uri: repo.repositoryUri ?? '', arn: repo.repositoryArn ?? '' } : undefined;
}
/** Makes sure the public repository exists with the stated catalog data, access policy and tags. */
async function ensurePublicRepository(pub, desired, platforms) {
    const { sdk, client } = pub;
    const name = desired.name;
    const changes = [];
    const warnings = [];
    let repo = await describe(pub, name);
    let created = false;
    if (repo === undefined) {
        if (!desired.create) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`Public repository '${name}' does not exist: create it, or set create-repository: true to let the action create it.`);
        }
        const catalogData = planCatalog(undefined, desired.catalog, platforms)?.catalog;
        try {
            const out = await client.send(new sdk.CreateRepositoryCommand({ repositoryName: name, ...(catalogData ? { catalogData } : {}), ...(desired.tags.length > 0 ? { tags: desired.tags } : {}) }));
            repo = { uri: out.repository?.repositoryUri ?? '', arn: out.repository?.repositoryArn ?? '' };
            created = true;
            changes.push(`created the public repository${catalogData ? ` with catalog data (${catalogData.architectures?.join(', ')}; ${catalogData.operatingSystems?.join(', ')})` : ''}`);
        }
        catch (error) {
            if (error.name !== 'RepositoryAlreadyExistsException')
                throw error;
            repo = await describe(pub, name);
        }
    }
    if (repo === undefined || repo.uri === '')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`ECR Public did not describe repository '${name}'.`);
    if (!created) {
        const current = (await client.send(new sdk.GetRepositoryCatalogDataCommand({ repositoryName: name }))).catalogData;
        const plan = planCatalog(current, desired.catalog, platforms);
        if (plan !== undefined && current?.logoUrl) {
            warnings.push(`catalog data not updated (${plan.changed.join(', ')}): the repository has a logo, which ECR Public's API can't keep on update; change it in the console.`);
        }
        else if (plan !== undefined) {
            await client.send(new sdk.PutRepositoryCatalogDataCommand({ repositoryName: name, catalogData: plan.catalog }));
            changes.push(`catalog data: ${plan.changed.join('; ')}`);
        }
        const arn = repo.arn;
        const tagged = await (0,_stated_settings_js__WEBPACK_IMPORTED_MODULE_4__/* .ensureResourceTags */ .Uw)(desired.tags, {
            list: async () => (await client.send(new sdk.ListTagsForResourceCommand({ resourceArn: arn }))).tags ?? [],
            add: async (tags) => void (await client.send(new sdk.TagResourceCommand({ resourceArn: arn, tags })))
        });
        if (tagged !== undefined)
            changes.push(tagged);
    }
    const access = await (0,_stated_settings_js__WEBPACK_IMPORTED_MODULE_4__/* .ensureAccessPolicy */ .F9)(desired.accessPolicy, created, {
        read: () => (0,_stated_settings_js__WEBPACK_IMPORTED_MODULE_4__/* .unlessNotFound */ .CA)(async () => (await client.send(new sdk.GetRepositoryPolicyCommand({ repositoryName: name }))).policyText, 'RepositoryPolicyNotFoundException'),
        write: async (policyText) => void (await client.send(new sdk.SetRepositoryPolicyCommand({ repositoryName: name, policyText })))
    });
    if (access !== undefined)
        changes.push(access);
    return { uri: repo.uri, registry: repo.uri.split('/')[0] ?? _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .PUBLIC_REGISTRY */ .uD, created, changes, warnings };
}
/** What `ensurePublicRepository` would do, from read calls only (dry runs): the URI when it exists, and a line per change. */
async function inspectPublicRepository(pub, desired, platforms) {
    const repo = await describe(pub, desired.name);
    if (repo === undefined) {
        if (!desired.create)
            return { uri: undefined, lines: ['missing, and create-repository is false: the run would fail'] };
        const plan = planCatalog(undefined, desired.catalog, platforms);
        return { uri: undefined, lines: [`would create the public repository with catalog data: ${plan?.changed.join('; ') ?? 'none'}`] };
    }
    const current = (await pub.client.send(new pub.sdk.GetRepositoryCatalogDataCommand({ repositoryName: desired.name }))).catalogData;
    const plan = planCatalog(current, desired.catalog, platforms);
    if (plan === undefined)
        return { uri: repo.uri, lines: ['no changes: the catalog data already says it all'] };
    return {
        uri: repo.uri,
        lines: [current?.logoUrl ? `catalog data would not be updated (${plan.changed.join('; ')}): the repository has a logo` : `would change catalog data: ${plan.changed.join('; ')}`]
    };
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
/* harmony import */ var _repository_plan_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2129);
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
    return filter.includes('*') ? (0,_repository_plan_js__WEBPACK_IMPORTED_MODULE_0__/* .matchesFilter */ .yy)(name, filter) : name.includes(filter);
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
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8249);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _registry_host_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(637);
/* harmony import */ var _session_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9401);
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
    const out = await ecr.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_5__/* .GetAuthorizationTokenCommand */ .Eu6({}));
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
    return { registry: _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .PUBLIC_REGISTRY */ .uD, ...decodeToken(data.authorizationToken, setSecret), ...(data.expiresAt ? { expiration: data.expiresAt } : {}) };
}
/** The registry's credentials from `get`, asked for again when they are about to run out. */
async function registryToken(get) {
    return new _session_js__WEBPACK_IMPORTED_MODULE_4__/* .Renewable */ .eR("the registry's token", await get(), get, { log: line => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(line) });
}
/** The dual-stack name of an ECR registry host; a host that has none fails the run naming it. */
function dualStackRegistry(host) {
    const dual = (0,_registry_host_js__WEBPACK_IMPORTED_MODULE_3__/* .dualStackHost */ .T_)(host);
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

/***/ 5107:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A3: () => (/* binding */ planReplication),
/* harmony export */   Hm: () => (/* binding */ DEFAULT_REPLICATION_WRITE),
/* harmony export */   Ix: () => (/* binding */ replicaUris),
/* harmony export */   RF: () => (/* binding */ ensureReplication),
/* harmony export */   XF: () => (/* binding */ readReplication)
/* harmony export */ });
/* unused harmony exports MAX_RULES, MAX_DESTINATIONS */
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8249);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3110);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _registry_host_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(637);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9809);
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





/** ECR's limits: rules per registry, destinations per rule. */
const MAX_RULES = 10;
const MAX_DESTINATIONS = 25;
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`The registry's replication configuration already has ${current.length} rules, ECR's limit: add ${missing.join(', ')} to a rule that matches '${repository}' by hand, or remove replicate-to-regions.`);
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
    const out = await ecr.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_4__/* .DescribeRegistryCommand */ .IRV({}));
    return { account: out.registryId ?? '', rules: out.replicationConfiguration?.rules ?? [] };
}
const DEFAULT_REPLICATION_WRITE = { retry: _retry_js__WEBPACK_IMPORTED_MODULE_3__.defaultRetry, settleMs: 2000, log: line => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(line) };
/**
 * Makes sure the registry replicates `repository` to every region; returns the change made,
 * or ''. A write is checked by reading the configuration again; a rule another writer
 * dropped meanwhile is merged and written again, up to `write.retry.attempts` times.
 */
async function ensureReplication(ecr, repository, regions, write = DEFAULT_REPLICATION_WRITE) {
    if (regions.length === 0)
        return '';
    let change = '';
    let logged = '';
    const once = async () => {
        const { account, rules } = await readReplication(ecr);
        const plan = planReplication(rules, repository, regions, account);
        if (plan.covered !== '' && plan.covered !== logged) {
            write.log(`Replication of ${repository}: ${plan.covered}.`);
            logged = plan.covered;
        }
        if (plan.missing.length === 0)
            return;
        await write.beforeWrite?.();
        await ecr.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_4__/* .PutReplicationConfigurationCommand */ .xhm({ replicationConfiguration: { rules: plan.rules } }));
        change = plan.change;
        await write.retry.sleep(write.settleMs);
        const dropped = uncovered((await readReplication(ecr)).rules, repository, regions, account);
        if (dropped.length > 0) {
            throw new _retry_js__WEBPACK_IMPORTED_MODULE_3__.TransientError(`another writer replaced the registry's replication configuration after this run's write, dropping ${repository} → ${dropped.join(', ')}`);
        }
    };
    try {
        // Only a dropped rule is tried again here: the SDK retries the calls themselves.
        await (0,_retry_js__WEBPACK_IMPORTED_MODULE_3__.retry)("The registry's replication configuration", once, write.retry, error => error instanceof _retry_js__WEBPACK_IMPORTED_MODULE_3__.TransientError);
    }
    catch (error) {
        if (!(error instanceof _retry_js__WEBPACK_IMPORTED_MODULE_3__.TransientError))
            throw error;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`${error.message}, ${write.retry.attempts} times: run the job again, or let the other writer (e.g. your Terraform) keep a rule that replicates ${repository} to ${regions.join(', ')}.`);
    }
    return change;
}
/** Where the replicas of an image appear: the same repository and tag in each region's registry. */
function replicaUris(imageUri, regions) {
    const registry = (0,_registry_host_js__WEBPACK_IMPORTED_MODULE_2__/* .parseRegistryHost */ .TZ)(imageUri);
    if (registry?.kind !== 'private')
        return [];
    const rest = imageUri.slice(imageUri.indexOf('/'));
    return regions.map(region => `${(0,_registry_host_js__WEBPACK_IMPORTED_MODULE_2__/* .registryInRegion */ .Z8)(registry, region)}${rest}`);
}


/***/ }),

/***/ 3330:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  uQ: () => (/* binding */ describeChange),
  z0: () => (/* binding */ ensureRepository),
  Fl: () => (/* binding */ inspectRepository)
});

// UNUSED EXPORTS: toRepositoryState

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecr/dist-cjs/index.js
var dist_cjs = __webpack_require__(8249);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
// EXTERNAL MODULE: ./src/aws/repository-plan.ts
var repository_plan = __webpack_require__(2129);
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
    const exclusions = (0,repository_plan/* withCacheFilter */.Pe)(m.exclusions, cacheFilter);
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
        const frozen = movingTags.filter(t => !(0,repository_plan/* isTagMutable */.bo)(t, m));
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
    const changes = (0,repository_plan/* planRepository */._B)(undefined, defaults.repository, movingTags).changes.map(c => (c.kind === 'create' && template !== undefined ? { ...c, template } : c));
    return { repository: defaults.repository, warnings: defaults.warnings, changes };
}

// EXTERNAL MODULE: ./src/aws/registry-scanning.ts
var registry_scanning = __webpack_require__(8756);
// EXTERNAL MODULE: ./src/aws/stated-settings.ts
var stated_settings = __webpack_require__(4426);
;// CONCATENATED MODULE: ./src/aws/repository.ts
/**
 * Stage 3, effects — reads the ECR repository and its lifecycle policy, then makes only the
 * write calls the plan asks for. A repository that already matches costs two read calls
 * and no write.
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
function readLifecyclePolicy(ecr, name) {
    return (0,stated_settings/* unlessNotFound */.CA)(async () => (await ecr.send(new dist_cjs/* GetLifecyclePolicyCommand */.O0C({ repositoryName: name }))).lifecyclePolicyText, 'LifecyclePolicyNotFoundException');
}
/**
 * The repository and its lifecycle policy, asked side by side: one round trip where the
 * repository exists (almost every run). The policy is a promise, read again when the
 * first read found no repository (one created since, by this run or another).
 */
async function describeWithPolicy(ecr, name) {
    const described = describe(ecr, name);
    const early = readLifecyclePolicy(ecr, name).then(text => ({ text }), (error) => ({ error }));
    return {
        current: await described,
        policy: async () => {
            const read = await early;
            if ('text' in read)
                return read.text;
            if (read.error.name === 'RepositoryNotFoundException')
                return readLifecyclePolicy(ecr, name);
            throw read.error;
        }
    };
}
function describeChange(c) {
    switch (c.kind) {
        case 'create': {
            const t = c.template;
            const from = (setting) => (t?.settings.includes(setting) ? ` from template ${t.prefix}` : '');
            const key = c.encryption.kmsKey && from('encryption') !== '' ? ` (${c.encryption.kmsKey})` : '';
            const tags = t?.settings.includes('tags') ? `, tags ${t.tags.join(', ')}${from('tags')}` : '';
            return `created the repository: ${(0,repository_plan/* describeMutability */.yk)(c.mutability)}${from('tag mutability')}, scan on push ${c.scanOnPush ? 'on' : 'off'}, ${c.encryption.type} encryption${key}${from('encryption')}${tags}`;
        }
        case 'tag-mutability':
            return `tag mutability ${(0,repository_plan/* describeMutability */.yk)(c.from)} → ${(0,repository_plan/* describeMutability */.yk)(c.to)}`;
        case 'scan-on-push':
            return `scan on push ${c.from ? 'on' : 'off'} → ${c.to ? 'on' : 'off'}`;
    }
}
/** Carries out one change; returns the created repository's URI for `create`. */
async function apply(ecr, name, c, tags = []) {
    switch (c.kind) {
        case 'create': {
            const out = await ecr.send(new dist_cjs/* CreateRepositoryCommand */.WTe({
                repositoryName: name,
                imageTagMutability: c.mutability.mode,
                ...(c.mutability.exclusions.length > 0
                    ? { imageTagMutabilityExclusionFilters: exclusionFilters(c.mutability) }
                    : {}),
                imageScanningConfiguration: { scanOnPush: c.scanOnPush },
                ...(tags.length > 0 ? { tags } : {}),
                encryptionConfiguration: {
                    encryptionType: c.encryption.type,
                    ...(c.encryption.kmsKey ? { kmsKey: c.encryption.kmsKey } : {})
                }
            }));
            return out.repository?.repositoryUri;
        }
        case 'tag-mutability':
            await ecr.send(new dist_cjs/* PutImageTagMutabilityCommand */.cKn({
                repositoryName: name,
                imageTagMutability: c.to.mode,
                ...(c.to.exclusions.length > 0 ? { imageTagMutabilityExclusionFilters: exclusionFilters(c.to) } : {})
            }));
            return undefined;
        case 'scan-on-push':
            await ecr.send(new dist_cjs/* PutImageScanningConfigurationCommand */.BlZ({
                repositoryName: name,
                imageScanningConfiguration: { scanOnPush: c.to }
            }));
            return undefined;
    }
}
/** What `ensureRepository` would do, from read calls only (dry runs). */
async function inspectRepository(ecr, desired, movingTags, registryScanning) {
    const { current, policy } = await describeWithPolicy(ecr, desired.name);
    // A missing repository would be created by the run (unless create-repository is false, which fails it), with its template's settings.
    const defaults = current === undefined && desired.create ? await creationDefaults(ecr, desired, movingTags) : { repository: desired, warnings: [], changes: [] };
    const plan = current === undefined && desired.create
        ? { changes: defaults.changes, warnings: defaults.warnings }
        : await (0,registry_scanning/* deferScanOnPush */.jQ)((0,repository_plan/* planRepository */._B)(current, desired, movingTags), desired.name, registryScanning);
    const currentPolicy = current === undefined ? undefined : await policy();
    return { current, ...plan, currentPolicy, lifecycle: (0,repository_plan/* planLifecycle */.E_)(currentPolicy, defaults.repository.lifecycle, current === undefined) };
}

/**
 * Makes sure the repository exists and matches the workflow.
 * @param movingTags tags the run pushes that must be able to move (for warnings)
 */
async function ensureRepository(ecr, stated, movingTags, region, 
/** the registry's scanning configuration, read when scan on push differs from the workflow's */
registryScanning) {
    const name = stated.name;
    /** what the repository is made to match: the workflow's settings, and its template's when this run creates it */
    let desired = stated;
    const read = await describeWithPolicy(ecr, name);
    let current = read.current;
    if (current === undefined && !desired.create) {
        throw new errors/* ActionError */.lZ(`Repository '${name}' does not exist in ${region}: create it, or set create-repository: true to let the action create it.`);
    }
    let uri = current?.uri ?? '';
    let created = false;
    const changes = [];
    const warnings = [];
    let notes = [];
    let mutability = current?.mutability;
    if (current === undefined) {
        const defaults = await creationDefaults(ecr, desired, movingTags);
        warnings.push(...defaults.warnings);
        const [create] = defaults.changes;
        if (create?.kind !== 'create')
            throw new errors/* ActionError */.lZ(`Nothing planned to create repository '${name}'.`);
        const createSentAt = Date.now();
        try {
            uri = (await apply(ecr, name, create, defaults.repository.tags)) ?? '';
            created = true;
            mutability = create.mutability;
            changes.push(describeChange(create));
        }
        catch (error) {
            if (error.name !== 'RepositoryAlreadyExistsException')
                throw error;
            // Another job created it between our describe and create (reconciled with what is
            // there), or this run did and ECR's answer was lost (repository-plan.ts says how to tell).
            current = await describe(ecr, name);
            uri = current?.uri ?? '';
            mutability = current?.mutability;
            created = (0,repository_plan/* createdByThisRun */.Nv)(error.$metadata?.attempts, current?.createdAt, createSentAt);
            if (created)
                changes.push(`${describeChange(create)} — by this run: ECR's answer was lost, and the repository its retry found was created at ${current?.createdAt?.toISOString() ?? '?'}`);
        }
        if (created)
            desired = defaults.repository;
    }
    if (current !== undefined) {
        const plan = await (0,registry_scanning/* deferScanOnPush */.jQ)((0,repository_plan/* planRepository */._B)(current, desired, movingTags), name, registryScanning);
        warnings.push(...plan.warnings);
        notes = plan.notes ?? [];
        for (const change of plan.changes) {
            await apply(ecr, name, change);
            if (change.kind === 'tag-mutability')
                mutability = change.to;
            changes.push(describeChange(change));
        }
    }
    // Stated only: an access policy or tags the workflow doesn't name are never read or touched.
    const access = await (0,stated_settings/* ensureAccessPolicy */.F9)(desired.accessPolicy, created, {
        read: () => (0,stated_settings/* unlessNotFound */.CA)(async () => (await ecr.send(new dist_cjs/* GetRepositoryPolicyCommand */.MeN({ repositoryName: name }))).policyText, 'RepositoryPolicyNotFoundException'),
        write: async (policyText) => void (await ecr.send(new dist_cjs/* SetRepositoryPolicyCommand */.IOA({ repositoryName: name, policyText })))
    });
    // A repository created by this run got its tags with it.
    const arn = current?.arn;
    const tagged = created || arn === undefined
        ? undefined
        : await (0,stated_settings/* ensureResourceTags */.Uw)(desired.tags, {
            list: async () => (await ecr.send(new dist_cjs/* ListTagsForResourceCommand */.a_e({ resourceArn: arn }))).tags ?? [],
            add: async (tags) => void (await ecr.send(new dist_cjs/* TagResourceCommand */.eqU({ resourceArn: arn, tags })))
        });
    for (const change of [access, tagged])
        if (change !== undefined)
            changes.push(change);
    // A repository created by this run has no policy to read.
    const currentPolicy = created ? undefined : await read.policy();
    const lifecycle = (0,repository_plan/* planLifecycle */.E_)(currentPolicy, desired.lifecycle, created);
    if (lifecycle.put) {
        await ecr.send(new dist_cjs/* PutLifecyclePolicyCommand */.Rcn({ repositoryName: name, lifecyclePolicyText: lifecycle.text }));
        changes.push(`lifecycle policy put (${lifecycle.reason})`);
    }
    if (uri === '' || mutability === undefined)
        throw new errors/* ActionError */.lZ(`ECR did not describe repository '${name}'.`);
    return {
        uri,
        registry: uri.split('/')[0] ?? '',
        created,
        mutability,
        changes,
        warnings,
        ...(notes.length > 0 ? { notes } : {}),
        lifecycle: lifecycle.put ? `put (${lifecycle.reason})` : lifecycle.reason,
        lifecyclePut: lifecycle.put
    };
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

/***/ 2369:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  rG: () => (/* binding */ exportCredentials),
  Jv: () => (/* binding */ signIn)
});

// UNUSED EXPORTS: STS_THROTTLE_ATTEMPTS, STS_THROTTLE_MAX_WAIT_MS, stsRetry, tokenClaims

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
/** The condition that matches this token, and why: the format its claims show. */
function matchFor(claim, repo) {
    const sub = claim('sub');
    const jobWorkflow = claim('job_workflow_ref');
    const caller = workflowFile(claim('workflow_ref'));
    const reusable = jobWorkflow !== undefined && (caller !== undefined ? workflowFile(jobWorkflow) !== caller : !jobWorkflow.startsWith(`${repo}/`));
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
        return { claim: 'sub', op: 'StringEquals', value: `repo:${repo}:ref:${ref}`, because: 'the token has no readable sub: GitHub\'s default format for a branch is shown' };
    }
    const tag = /^repo:[^:]+:ref:refs\/tags\/(.+)$/.exec(sub)?.[1];
    if (tag !== undefined) {
        return { claim: 'sub', op: 'StringLike', value: `repo:${repo}:ref:refs/tags/${/^[^0-9]*/.exec(tag)?.[0] ?? ''}*`, because: "GitHub's default sub for a tag (ref:refs/tags/…)" };
    }
    if (/^repo:[^:]+:ref:refs\/heads\/.+$/.test(sub))
        return { claim: 'sub', op: 'StringEquals', value: sub, because: "GitHub's default sub for a branch (ref:refs/heads/…)" };
    if (/^repo:[^:]+:ref:.+$/.test(sub))
        return { claim: 'sub', op: 'StringEquals', value: sub, because: "GitHub's default sub for a ref (ref:…)" };
    if (/^repo:[^:]+:environment:.+$/.test(sub))
        return { claim: 'sub', op: 'StringEquals', value: sub, because: "GitHub's default sub for a job with an environment (environment:…, which replaces the ref)" };
    const keys = [...new Set([...sub.matchAll(CUSTOM_KEYS)].map(m => m[1] ?? ''))];
    const ids = keys.some(k => k.endsWith('_id')) ? '; IDs stay the same when the repository or its owner is renamed' : '';
    return {
        claim: 'sub',
        op: 'StringEquals',
        value: sub,
        because: `a sub customized with GitHub's OIDC customization API (include_claim_keys${keys.length > 0 ? `: ${keys.join(', ')}` : ''}${ids}): match it exactly as the token has it`
    };
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
    const repo = claim('repository') ?? /^repo:([^:]+):/.exec(sub ?? '')?.[1] ?? '<owner>/<repo>';
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
 * Stage 2 — credentials. With `role-to-assume`, trades the job's GitHub OIDC token for
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
    if (aws.roleToAssume === undefined)
        return { region: aws.region, dualStack: aws.dualStack };
    if (!deps.env.ACTIONS_ID_TOKEN_REQUEST_URL || !deps.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
        throw new errors/* ActionError */.lZ("role-to-assume needs the job's GitHub OIDC token, but the runner gave none: add 'permissions: id-token: write' to the job (and contents: read).");
    }
    const assume = assumeRole(aws, aws.roleToAssume, deps);
    const credentials = new session/* Renewable */.eR("the role's session", await assume(), assume, { log: line => core/* info */.pq(line) });
    return { region: aws.region, dualStack: aws.dualStack, credentials };
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
 * tried again. The run's cancel ends any wait.
 */
function stsRetry(wait, log, signal) {
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
        log,
        ...(signal ? { signal } : {})
    };
}
/** One sign-in as `roleArn`, each time it is called: a fresh OIDC token, AssumeRoleWithWebIdentity, every credential masked. */
function assumeRole(aws, roleArn, deps) {
    // One SDK attempt per try: each retry gets a fresh OIDC token, as a token is short-lived.
    const sts = (0,clients/* explainCertificates */.i0)(new dist_cjs/* STSClient */.iM({ ...(0,clients/* sdkConfig */.bN)({ region: aws.region, dualStack: aws.dualStack }, 'STS'), maxAttempts: 1 }));
    const policy = stsRetry(deps.sleep ?? retry.sleep, message => core/* info */.pq(message), deps.signal);
    return async () => {
        let token = '';
        let result;
        try {
            result = await (0,retry.retry)('AssumeRoleWithWebIdentity', async () => {
                token = await deps.getIDToken(aws.audience);
                deps.setSecret(token);
                return sts.send(new dist_cjs/* AssumeRoleWithWebIdentityCommand */.WH({ RoleArn: roleArn, RoleSessionName: aws.roleSessionName, WebIdentityToken: token, DurationSeconds: aws.roleDurationSeconds }));
            }, policy);
        }
        catch (error) {
            const name = error.name;
            if (name === 'AccessDenied' || name === 'AccessDeniedException' || name === 'InvalidIdentityToken') {
                throw new errors/* ActionError */.lZ(`Could not assume ${roleArn} with the job's OIDC token (${name}: ${(0,errors/* logSafe */.sN)(error.message)}). ${trustPolicyHint(tokenClaims(token), aws.audience)}`);
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

/***/ 4426:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CA: () => (/* binding */ unlessNotFound),
/* harmony export */   F9: () => (/* binding */ ensureAccessPolicy),
/* harmony export */   Uw: () => (/* binding */ ensureResourceTags)
/* harmony export */ });
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8301);
/**
 * The two repository settings ECR and ECR Public share, reconciled the same way for both:
 * the access policy and the resource tags. Only what the workflow states is read or
 * written — an access policy or a tag it doesn't name is never touched — and a repository
 * that already matches costs reads only. Each registry's client comes in as the few calls
 * it needs, so the logic is written once.
 */

/** Sets the stated access policy where the repository's differs; the change in words, or undefined. */
async function ensureAccessPolicy(stated, created, calls) {
    if (stated === undefined)
        return undefined;
    // A repository this run created has no policy to read.
    const current = created ? undefined : await calls.read();
    if (current !== undefined && (0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .sameJson */ .Vk)(current, stated.text))
        return undefined;
    await calls.write(stated.text);
    return `access policy ${current === undefined ? 'set' : 'replaced'} (${stated.source})`;
}
/** Adds the stated tags the repository lacks (or holds with another value); the change in words, or undefined. */
async function ensureResourceTags(stated, calls) {
    if (stated.length === 0)
        return undefined;
    const have = new Map((await calls.list()).map(t => [t.Key, t.Value]));
    const missing = stated.filter(t => have.get(t.Key) !== t.Value);
    if (missing.length === 0)
        return undefined;
    await calls.add(missing);
    return `tags ${missing.map(t => `${t.Key}=${t.Value}`).join(', ')}`;
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
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _report_image_size_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5133);
/* harmony import */ var _image_config_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3689);




/** What the existing image's label claims, as a claim: nothing the registry vouches for. */
function labelClaim(revision, sha) {
    if (revision === '')
        return 'with no revision label';
    return revision === sha ? `labelled as built from this commit (${sha.slice(0, 7)})` : `labelled as built from commit ${revision} (this run is ${sha.slice(0, 7)})`;
}
/**
 * Pure: what to do about a version tag that may already exist. `skip` keeps it (the
 * workflow chose to trust whoever pushed it); `auto` and `fail` stop, since nothing the
 * action can read yet shows that the image was built from this commit.
 */
function decideVersion(existing, run, mode) {
    if (existing === undefined)
        return { build: true };
    // No tag moves to an image that can't be pulled, whatever the mode.
    if (existing.archive !== undefined && mode === 'skip') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`Tag '${run.version}' in '${run.repository}' names ${existing.digest}, and ${archivedWords(existing.archive)}. ${archivedAdvice(existing.archive)}`);
    }
    if (mode === 'skip') {
        return { build: false, reason: `${run.version} already exists (${existing.digest}); if-version-exists: skip` };
    }
    const why = mode === 'fail'
        ? 'if-version-exists: fail stops whenever the tag exists'
        : "a label is written by whoever pushed the image, so it can't show that the image was built from this commit";
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`Tag '${run.version}' already exists in '${run.repository}' (${existing.digest}), ${labelClaim(existing.revision, run.sha)}; ${why}. ` +
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
        perGbMonth: _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .ARCHIVE_PRICE_USD_PER_GB_MONTH */ .hS,
        restorePerGb: _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .ARCHIVE_RESTORE_USD_PER_GB */ .Zm,
        minimumDays: _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .ARCHIVE_MINIMUM_DAYS */ .Az,
        asOf: _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .ARCHIVE_PRICE_AS_OF */ .g$
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
    const config = await (0,_image_config_js__WEBPACK_IMPORTED_MODULE_3__/* .firstImageConfig */ .mo)(registry, repository, manifest);
    return { digest: manifest.digest, revision: config?.labels[_image_config_js__WEBPACK_IMPORTED_MODULE_3__/* .LABEL */ .d_.revision] ?? '' };
}


/***/ }),

/***/ 5133:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FP: () => (/* binding */ sizeLines),
/* harmony export */   Mo: () => (/* binding */ sizeReport),
/* harmony export */   W2: () => (/* binding */ readPlatformImages),
/* harmony export */   yT: () => (/* binding */ archiveCostLine)
/* harmony export */ });
/* unused harmony exports formatBytes, formatCost */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _registry_image_config_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3689);
/* harmony import */ var _registry_refusals_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(390);
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
 * out), or the image itself (named `single`). Each read that fails in a way that may pass
 * is tried again under `policy`; an empty digest, a read that fails for good, or a digest
 * the registry has no manifest for throws an ActionError saying so. A child the registry
 * doesn't have is kept by its descriptor (its digest is still what ECR scans).
 */
async function readPlatformImages(registry, repository, digest, policy, single = '') {
    if (digest === '')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ('the run has no digest of the pushed image (the registry named none): run the job again.');
    const read = (what, reference) => (0,_registry_refusals_js__WEBPACK_IMPORTED_MODULE_2__/* .withRegistryRetry */ .ox)(registry.registry, `reading ${what} ${reference.slice(0, 19)}…`, policy, () => registry.manifest(repository, reference));
    const top = await read('the pushed image', digest);
    if (top === undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ('the registry has no such manifest (was it deleted during the run?): run the job again.');
    // A one-platform build pushes the image itself; `single` names its platform.
    if (top.manifests === undefined)
        return [{ platform: single, digest: top.digest || digest, manifest: top }];
    const children = top.manifests.filter(_registry_image_config_js__WEBPACK_IMPORTED_MODULE_1__/* .isPlatformImage */ .Xg);
    return Promise.all(children.map(async (m) => {
        const p = m.platform;
        const manifest = (await read('the platform image', m.digest)) ?? { digest: m.digest, mediaType: m.mediaType };
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


/***/ })

};
