export const id = 760;
export const ids = [760];
export const modules = {

/***/ 6447:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bN: () => (/* binding */ sdkConfig),
/* harmony export */   df: () => (/* binding */ tagIamActions),
/* harmony export */   eq: () => (/* binding */ holdWrites),
/* harmony export */   m: () => (/* binding */ MAX_ATTEMPTS),
/* harmony export */   yv: () => (/* binding */ createEcrClient)
/* harmony export */ });
/* unused harmony export WRITE_OPERATION */
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8249);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7242);
/**
 * The AWS SDK clients, created once per run with the region, the signed-in credentials
 * and the action's user agent. Endpoints follow the SDK's own configuration
 * (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_ECR, AWS_ENDPOINT_URL_STS).
 *
 * Retries: the SDK's standard strategy (jittered exponential backoff) retries throttling,
 * 5xx and network errors — up to MAX_ATTEMPTS tries — and nothing that can't succeed
 * (access denied, validation, missing resources).
 */


const MAX_ATTEMPTS = 6;
function sdkConfig(session) {
    return {
        region: session.region,
        customUserAgent: _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .USER_AGENT */ ._O,
        maxAttempts: MAX_ATTEMPTS,
        ...(session.credentials ? { credentials: session.credentials } : {})
    };
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
    return client;
}
/** ECR operations that change something. */
const WRITE_OPERATION = /^(Create|Put|Set|Tag|Untag|Delete|Start|Batch(Delete|Put)|Initiate|Upload|Complete)/;
/**
 * Holds every write call until `ready()` settles (and fails it if that fails): reads go at
 * once; the first write asks for what must succeed before anything may change — the
 * builder check, which a run that writes nothing never needs.
 */
function holdWrites(client, ready) {
    client.middlewareStack.add((next, context) => async (args) => {
        if (WRITE_OPERATION.test(String(context.commandName).replace(/Command$/, '')))
            await ready();
        return next(args);
    }, { step: 'initialize', name: 'holdWrites' });
    return client;
}
function createEcrClient(session, writesAfter) {
    const client = tagIamActions(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_1__/* .ECRClient */ .S70(sdkConfig(session)), 'ecr');
    return writesAfter ? holdWrites(client, writesAfter) : client;
}


/***/ }),

/***/ 5458:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parse: () => (/* binding */ parse)
/* harmony export */ });
/**
 * What the bundle gives @aws-sdk/core for `bowser` (tsconfig.json's `paths` maps the name
 * here; ncc follows it): a browser user-agent parser the SDK requires only in the user agent
 * it builds inside a browser (`window.navigator`), never on a runner. 33 KB less to compile
 * before the sign-in.
 */
const parse = () => ({});


/***/ }),

/***/ 7415:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   defaultProvider: () => (/* binding */ defaultProvider)
/* harmony export */ });
const defaultProvider = (init = {}) => {
    let chain;
    return async (props) => {
        chain ??= Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(434)]).then(__webpack_require__.bind(__webpack_require__, 5434)).then(m => m.defaultProvider(init));
        return (await chain)(props);
    };
};


/***/ }),

/***/ 3029:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jv: () => (/* binding */ signIn),
/* harmony export */   rG: () => (/* binding */ exportCredentials)
/* harmony export */ });
/* unused harmony exports isRetryableAwsError, tokenClaims */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1988);
/* harmony import */ var _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1695);
/* harmony import */ var _aws_clients_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6447);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/**
 * Stage 2 — credentials. With `role-to-assume`, trades the job's GitHub OIDC token for
 * temporary credentials (STS AssumeRoleWithWebIdentity); without it, the SDK's default
 * chain is used as is. Every credential is masked the moment it exists and stays in
 * memory unless `export-credentials` asks for it in later steps.
 */




const defaultDeps = () => ({
    env: process.env,
    getIDToken: aud => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getIDToken */ .V9(aud),
    setSecret: v => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(v)
});
/** Throttling, 5xx and network errors: worth another try. Access denied and the like: never. */
function isRetryableAwsError(error) {
    const e = error;
    if (e.$retryable)
        return true;
    if (/^(Throttling|ThrottlingException|RequestLimitExceeded|TooManyRequestsException|InternalFailure|ServiceUnavailable|IDPCommunicationError|RequestTimeout)$/.test(e.name ?? ''))
        return true;
    if ((e.$metadata?.httpStatusCode ?? 0) >= 500)
        return true;
    return /ECONNRESET|ETIMEDOUT|EPIPE|ECONNREFUSED|EAI_AGAIN|socket hang up/i.test(`${e.code ?? ''} ${e.name ?? ''} ${error.message ?? ''}`);
}
const sleepFor = (ms) => new Promise(resolve => setTimeout(resolve, ms));
/** The non-secret claims of a JWT, for error messages. Never logs the token itself. */
function tokenClaims(token) {
    try {
        const payload = token.split('.')[1] ?? '';
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
        const keep = ['sub', 'aud', 'repository', 'ref', 'environment', 'job_workflow_ref'];
        return Object.fromEntries(Object.entries(claims).filter(([k]) => keep.includes(k)));
    }
    catch {
        return {};
    }
}
/** `firstToken`: a token already requested (main.ts asks for it while the SDK loads); later attempts ask again. */
async function signIn(aws, deps = defaultDeps(), firstToken) {
    if (aws.roleToAssume === undefined)
        return { region: aws.region };
    if (!deps.env.ACTIONS_ID_TOKEN_REQUEST_URL || !deps.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .l("role-to-assume needs the job's GitHub OIDC token, but the runner gave none: add 'permissions: id-token: write' to the job (and contents: read).");
    }
    // One SDK attempt per call: each retry gets a fresh OIDC token, as a token is short-lived.
    const sts = new _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_3__/* .STSClient */ .iM({ ...(0,_aws_clients_js__WEBPACK_IMPORTED_MODULE_1__/* .sdkConfig */ .bN)({ region: aws.region }), maxAttempts: 1 });
    let result;
    // '' until the first token arrives; the error path below reads it either way.
    // eslint-disable-next-line no-useless-assignment
    let token = '';
    try {
        for (let attempt = 1;; attempt++) {
            token = await (attempt === 1 && firstToken !== undefined ? firstToken : deps.getIDToken(aws.audience));
            deps.setSecret(token);
            try {
                result = await sts.send(new _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_3__/* .AssumeRoleWithWebIdentityCommand */ .WH({
                    RoleArn: aws.roleToAssume,
                    RoleSessionName: aws.roleSessionName,
                    WebIdentityToken: token,
                    DurationSeconds: aws.roleDurationSeconds
                }));
                break;
            }
            catch (error) {
                if (attempt >= _aws_clients_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_ATTEMPTS */ .m || !isRetryableAwsError(error))
                    throw error;
                // Jittered exponential backoff: 0.2 s, 0.4 s, 0.8 s … (full jitter).
                await (deps.sleep ?? sleepFor)(Math.random() * 200 * 2 ** (attempt - 1));
            }
        }
    }
    catch (error) {
        const name = error.name;
        if (name === 'AccessDenied' || name === 'AccessDeniedException' || name === 'InvalidIdentityToken') {
            const claims = tokenClaims(token);
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .l(`Could not assume ${aws.roleToAssume} with the job's OIDC token (${name}: ${error.message}). ` +
                `The role's trust policy must allow token.actions.githubusercontent.com with aud '${String(claims.aud ?? aws.audience)}' ` +
                `and sub '${String(claims.sub ?? '?')}': e.g. Condition {"StringEquals": {"token.actions.githubusercontent.com:aud": "${String(claims.aud ?? aws.audience)}"}, ` +
                `"StringLike": {"token.actions.githubusercontent.com:sub": "repo:${String(claims.repository ?? '<owner>/<repo>')}:*"}}.`);
        }
        throw error;
    }
    const c = result.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .l(`STS returned no credentials for ${aws.roleToAssume}.`);
    }
    deps.setSecret(c.AccessKeyId);
    deps.setSecret(c.SecretAccessKey);
    deps.setSecret(c.SessionToken);
    const credentials = {
        accessKeyId: c.AccessKeyId,
        secretAccessKey: c.SecretAccessKey,
        sessionToken: c.SessionToken,
        ...(c.Expiration ? { expiration: c.Expiration } : {})
    };
    return { region: aws.region, credentials };
}
/** `export-credentials: true`: later steps of the job get the same identity and region. */
function exportCredentials(session, exportVariable = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .exportVariable */ .dN) {
    exportVariable('AWS_REGION', session.region);
    exportVariable('AWS_DEFAULT_REGION', session.region);
    const c = session.credentials;
    if (!c)
        return;
    exportVariable('AWS_ACCESS_KEY_ID', c.accessKeyId);
    exportVariable('AWS_SECRET_ACCESS_KEY', c.secretAccessKey);
    if (c.sessionToken)
        exportVariable('AWS_SESSION_TOKEN', c.sessionToken);
}


/***/ }),

/***/ 2623:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C7: () => (/* binding */ askTag),
/* harmony export */   Fu: () => (/* binding */ moveTags),
/* harmony export */   N0: () => (/* binding */ findExistingVersion),
/* harmony export */   vI: () => (/* binding */ decideVersion)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1988);
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8249);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _oci_push_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5383);
/* harmony import */ var _registry_api_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(511);
/* harmony import */ var _repository_plan_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9795);
/**
 * Re-runs: before building, look the version tag up in the registry. When it already holds
 * an image built from this commit, a re-run has nothing to build; when it holds one built
 * from another commit, an immutable tag can't take the new one, so the run stops before
 * building and says why.
 */






const REVISION = 'org.opencontainers.image.revision';
/** Pure: what to do about a version tag that may already exist. */
function decideVersion(existing, run, mode) {
    if (existing === undefined)
        return { build: true };
    if (mode === 'skip') {
        return { build: false, reason: `${run.version} already exists (${existing.digest}); if-version-exists: skip` };
    }
    if (existing.revision !== '' && existing.revision === run.sha && mode === 'auto') {
        return { build: false, reason: `${run.version} was already built from this commit (${run.sha.slice(0, 7)})` };
    }
    const from = existing.revision !== '' ? `commit ${existing.revision}` : 'an image without a revision label';
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .l(`Tag '${run.version}' already exists in '${run.repository}', built from ${from}; this run is commit ${run.sha}. ` +
        'Bump the version (or use if-version-exists: skip to keep the existing image).');
}
/** The revision label of the first platform image an index (or image manifest) names. */
async function revisionOf(registry, repository, manifest) {
    let image = manifest;
    if (manifest.manifests) {
        const child = manifest.manifests.find(m => _registry_api_js__WEBPACK_IMPORTED_MODULE_3__/* .MANIFEST_MEDIA_TYPES */ .$T.includes(m.mediaType) && m.platform?.os !== 'unknown');
        image = child ? await registry.manifest(repository, child.digest) : undefined;
    }
    if (!image?.config)
        return '';
    const config = (await registry.jsonBlob(repository, image.config.digest));
    return config.config?.Labels?.[REVISION] ?? '';
}
/**
 * What a tag names, asked of ECR's API (BatchGetImage) rather than the registry: it needs
 * no registry token, so it goes out beside the token's request, one round trip sooner.
 * Undefined when there is no such tag (or no repository yet); it throws on anything else
 * ECR answers, and the registry is asked instead (findExistingVersion).
 */
async function askTag(ecr, repository, tag) {
    try {
        const out = await ecr.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_5__/* .BatchGetImageCommand */ .P8n({
            repositoryName: repository,
            imageIds: [{ imageTag: tag }],
            // Every kind docker pushes: else ECR may answer for one platform of an index.
            acceptedMediaTypes: [..._registry_api_js__WEBPACK_IMPORTED_MODULE_3__/* .INDEX_MEDIA_TYPES */ .kA, ..._registry_api_js__WEBPACK_IMPORTED_MODULE_3__/* .MANIFEST_MEDIA_TYPES */ .$T]
        }));
        const image = out.images?.[0];
        const digest = image?.imageId?.imageDigest;
        if (image?.imageManifest !== undefined && digest !== undefined)
            return (0,_registry_api_js__WEBPACK_IMPORTED_MODULE_3__/* .parseManifest */ .Ng)(image.imageManifest, image.imageManifestMediaType ?? '', digest);
        const failure = out.failures?.[0];
        if (failure?.failureCode === 'ImageNotFound')
            return undefined;
        throw new Error(`BatchGetImage ${repository}:${tag}: ${failure?.failureCode ?? 'no image'} ${failure?.failureReason ?? ''}`);
    }
    catch (error) {
        if (error.name === 'RepositoryNotFoundException')
            return undefined;
        throw error;
    }
}
/**
 * The image the version tag names, if any, with its revision label. `asked` is the tag's
 * manifest from ECR's API (askTag), when it was asked; the registry answers when it wasn't
 * or that failed.
 */
async function findExistingVersion(registry, repository, version, asked) {
    const manifest = asked ? await asked.catch(() => registry.manifest(repository, version)) : await registry.manifest(repository, version);
    if (manifest === undefined)
        return undefined;
    return { digest: manifest.digest, revision: await revisionOf(registry, repository, manifest) };
}
/**
 * A skipped version still moves the tags that follow it (`latest`, and any the repository
 * lets move) when they point elsewhere: the existing index put under each, by the registry
 * API (oci-push.ts), one request a tag. Returns the tags moved.
 */
async function moveTags(registry, repo, digest, tags, retry) {
    const moving = [];
    for (const tag of tags) {
        const current = await registry.manifest(repo.name, tag);
        if (current?.digest === digest)
            continue;
        if (current !== undefined && !(0,_repository_plan_js__WEBPACK_IMPORTED_MODULE_4__/* .isTagMutable */ .bo)(tag, repo.mutability)) {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`'${tag}' points to another image and the repository keeps it immutable: left as it is.`);
            continue;
        }
        moving.push(tag);
    }
    await (0,_oci_push_js__WEBPACK_IMPORTED_MODULE_2__/* .addTags */ .J)(registry, repo.name, digest, moving, retry);
    return moving;
}


/***/ }),

/***/ 7729:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   am: () => (/* binding */ imageOutputs),
/* harmony export */   n0: () => (/* binding */ setOutputs),
/* harmony export */   zx: () => (/* binding */ outputBase)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1988);
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

/***/ 2091:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i9: () => (/* binding */ inspectPublicRepository),
/* harmony export */   lh: () => (/* binding */ createPublicClient),
/* harmony export */   ou: () => (/* binding */ ensurePublicRepository),
/* harmony export */   vR: () => (/* binding */ getPublicRegistryCredentials)
/* harmony export */ });
/* unused harmony exports catalogBadges, planCatalog */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1988);
/* harmony import */ var _aws_clients_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6447);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8301);
/* harmony import */ var _registry_login_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7432);
/**
 * `registry-type: public` — the repository and login for ECR Public (public.ecr.aws).
 * ECR Public's API answers in us-east-1 only. A repository has catalog data (shown in the
 * ECR Public Gallery) instead of lifecycle, mutability and scanning settings: the
 * description and about text the workflow states, and the architectures and operating
 * systems of the platforms it pushes. The catalog is only ever added to — architectures
 * and OS are merged, unstated text is kept — and a repository with a logo is not written
 * (the API can't hand the logo back to keep it), only warned about.
 *
 * The client is loaded on demand: private runs never load it.
 */






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
    if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_5__/* .sameJson */ .Vk)(JSON.stringify(catalog.architectures), JSON.stringify(current?.architectures ?? [])))
        changed.push(`architectures ${catalog.architectures?.join(', ')}`);
    if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_5__/* .sameJson */ .Vk)(JSON.stringify(catalog.operatingSystems), JSON.stringify(current?.operatingSystems ?? [])))
        changed.push(`operating systems ${catalog.operatingSystems?.join(', ')}`);
    return changed.length > 0 ? { catalog, changed } : undefined;
}
async function createPublicClient(session, writesAfter) {
    const sdk = await __webpack_require__.e(/* import() */ 821).then(__webpack_require__.t.bind(__webpack_require__, 9821, 19));
    const tagged = (0,_aws_clients_js__WEBPACK_IMPORTED_MODULE_1__/* .tagIamActions */ .df)(new sdk.ECRPUBLICClient((0,_aws_clients_js__WEBPACK_IMPORTED_MODULE_1__/* .sdkConfig */ .bN)({ ...session, region: _constants_js__WEBPACK_IMPORTED_MODULE_2__/* .PUBLIC_API_REGION */ .cp })), 'ecr-public');
    const client = writesAfter ? (0,_aws_clients_js__WEBPACK_IMPORTED_MODULE_1__/* .holdWrites */ .eq)(tagged, writesAfter) : tagged;
    return { sdk, client };
}
async function describe({ sdk, client }, name) {
    try {
        const repo = (await client.send(new sdk.DescribeRepositoriesCommand({ repositoryNames: [name] }))).repositories?.[0];
        return repo ? { uri: repo.repositoryUri ?? '', arn: repo.repositoryArn ?? '' } : undefined;
    }
    catch (error) {
        if (error.name === 'RepositoryNotFoundException')
            return undefined;
        throw error;
    }
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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .l(`Public repository '${name}' does not exist: create it, or set create-repository: true to let the action create it.`);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .l(`ECR Public did not describe repository '${name}'.`);
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
        if (desired.tags.length > 0) {
            const have = new Map(((await client.send(new sdk.ListTagsForResourceCommand({ resourceArn: repo.arn }))).tags ?? []).map(t => [t.Key, t.Value]));
            const missing = desired.tags.filter(t => have.get(t.Key) !== t.Value);
            if (missing.length > 0) {
                await client.send(new sdk.TagResourceCommand({ resourceArn: repo.arn, tags: missing }));
                changes.push(`tags ${missing.map(t => `${t.Key}=${t.Value}`).join(', ')}`);
            }
        }
    }
    if (desired.accessPolicy !== undefined) {
        let currentPolicy;
        if (!created) {
            try {
                currentPolicy = (await client.send(new sdk.GetRepositoryPolicyCommand({ repositoryName: name }))).policyText;
            }
            catch (error) {
                if (error.name !== 'RepositoryPolicyNotFoundException')
                    throw error;
            }
        }
        if (currentPolicy === undefined || !(0,_json_js__WEBPACK_IMPORTED_MODULE_5__/* .sameJson */ .Vk)(currentPolicy, desired.accessPolicy.text)) {
            await client.send(new sdk.SetRepositoryPolicyCommand({ repositoryName: name, policyText: desired.accessPolicy.text }));
            changes.push(`access policy ${currentPolicy === undefined ? 'set' : 'replaced'} (${desired.accessPolicy.source})`);
        }
    }
    return { uri: repo.uri, registry: repo.uri.split('/')[0] ?? _constants_js__WEBPACK_IMPORTED_MODULE_2__/* .PUBLIC_REGISTRY */ .uD, created, changes, warnings };
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
/** docker's credentials for public.ecr.aws: user AWS and a 12-hour token (ecr-public:GetAuthorizationToken). */
async function getPublicRegistryCredentials({ sdk, client }, setSecret = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq) {
    const token = (await client.send(new sdk.GetAuthorizationTokenCommand({}))).authorizationData?.authorizationToken;
    if (!token)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .l('ECR Public GetAuthorizationToken returned no token.');
    return { registry: _constants_js__WEBPACK_IMPORTED_MODULE_2__/* .PUBLIC_REGISTRY */ .uD, ...(0,_registry_login_js__WEBPACK_IMPORTED_MODULE_4__/* .decodeToken */ .oL)(token, setSecret) };
}


/***/ }),

/***/ 7432:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U2: () => (/* binding */ getRegistryCredentials),
/* harmony export */   a1: () => (/* binding */ dockerLogin),
/* harmony export */   oL: () => (/* binding */ decodeToken)
/* harmony export */ });
/* unused harmony export login */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1988);
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8249);
/* harmony import */ var _docker_config_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7706);
/* harmony import */ var _docker_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3871);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/**
 * Stage 4 — registry login. Gets an ECR authorization token and logs docker in: the entry
 * `docker login` writes, written to docker's config file, or `docker login` with the
 * password on stdin (never `-p`) where a credential store or helper keeps credentials.
 * The post step logs out again unless `skip-logout` (post.ts).
 */





async function getRegistryCredentials(ecr, setSecret = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq) {
    const out = await ecr.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_4__/* .GetAuthorizationTokenCommand */ .Eu6({}));
    const data = out.authorizationData?.[0];
    if (!data?.authorizationToken || !data.proxyEndpoint) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .l('ECR GetAuthorizationToken returned no token.');
    }
    return { registry: data.proxyEndpoint.replace(/^https?:\/\//, '').replace(/\/+$/, ''), ...decodeToken(data.authorizationToken, setSecret) };
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
async function dockerLogin(docker, credentials, configDir = (0,_docker_config_js__WEBPACK_IMPORTED_MODULE_1__/* .dockerConfigDir */ .kG)()) {
    const { registry, username, password } = credentials;
    if (await storeInConfigFile(configDir, credentials))
        return { registry, configDir };
    const result = await docker(['login', '--username', username, '--password-stdin', registry], {
        input: Buffer.from(password, 'utf8')
    });
    if (result.exitCode !== 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .l(`docker login to ${registry} failed: ${(0,_docker_js__WEBPACK_IMPORTED_MODULE_2__/* .lastLine */ .fM)(result)}`);
    }
    return { registry };
}
/** Writes the login to config.json when docker keeps credentials there; false when a credential store or helper does, or the file can't be read. */
async function storeInConfigFile(configDir, { registry, username, password }) {
    const config = await (0,_docker_config_js__WEBPACK_IMPORTED_MODULE_1__/* .fileStoreConfig */ .GL)(configDir, registry);
    if (config === undefined)
        return false;
    config.auths = { ...config.auths, [registry]: { auth: Buffer.from(`${username}:${password}`, 'utf8').toString('base64') } };
    try {
        await (0,_docker_config_js__WEBPACK_IMPORTED_MODULE_1__/* .writeDockerConfig */ ._D)(configDir, config);
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .l(`Could not store docker's credentials: ${error.message}`);
    }
    return true;
}
async function login(ecr, docker, setSecret = core.setSecret, configDir = dockerConfigDir()) {
    return dockerLogin(docker, await getRegistryCredentials(ecr, setSecret), configDir);
}


/***/ }),

/***/ 8925:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A3: () => (/* binding */ planReplication),
/* harmony export */   Ix: () => (/* binding */ replicaUris),
/* harmony export */   RF: () => (/* binding */ ensureReplication),
/* harmony export */   XF: () => (/* binding */ readReplication)
/* harmony export */ });
/* unused harmony exports MAX_RULES, MAX_DESTINATIONS */
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8249);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/**
 * Cross-region replication (`replicate-to-regions`). ECR keeps one replication
 * configuration per registry, shared by every repository, so the action reads it, adds
 * what this repository needs and writes it back whole: another rule is never dropped or
 * changed (missing regions get a rule of their own), and nothing is written when the
 * repository already replicates to every region.
 *
 * Planning is pure (`planReplication`); `ensureReplication` makes the two calls.
 */


/** ECR's limits: rules per registry, destinations per rule. */
const MAX_RULES = 10;
const MAX_DESTINATIONS = 25;
/** Whether a rule copies `repository` to `region` of this account. */
function covers(rule, repository, region, account) {
    const toRegion = (rule.destinations ?? []).some(d => d.region === region && d.registryId === account);
    const filters = rule.repositoryFilters ?? [];
    const matches = filters.length === 0 || filters.some(f => f.filterType === 'PREFIX_MATCH' && repository.startsWith(f.filter ?? '\u0000'));
    return toRegion && matches;
}
function planReplication(current, repository, regions, account) {
    const missing = regions.filter(region => !current.some(rule => covers(rule, repository, region, account)));
    if (missing.length === 0)
        return { missing, rules: current, change: '' };
    // Existing rules are never changed, not even one naming only this repository: it may be
    // the user's own (e.g. with a deletion setting); the missing regions get a rule of their own.
    if (current.length >= MAX_RULES) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`The registry's replication configuration already has ${current.length} rules, ECR's limit: add ${missing.join(', ')} to a rule that matches '${repository}' by hand, or remove replicate-to-regions.`);
    }
    const rules = [...current, { destinations: missing.map(region => ({ region, registryId: account })), repositoryFilters: [{ filter: repository, filterType: 'PREFIX_MATCH' }] }];
    return { missing, rules, change: `replication to ${missing.join(', ')} added (registry replication rule ${rules.length} of ${rules.length})` };
}
/** The account and the registry's current rules (ecr:DescribeRegistry). */
async function readReplication(ecr) {
    const out = await ecr.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_1__/* .DescribeRegistryCommand */ .IRV({}));
    return { account: out.registryId ?? '', rules: out.replicationConfiguration?.rules ?? [] };
}
/** Makes sure the registry replicates `repository` to every region; returns the change made, or ''. */
async function ensureReplication(ecr, repository, regions) {
    if (regions.length === 0)
        return '';
    const { account, rules } = await readReplication(ecr);
    const plan = planReplication(rules, repository, regions, account);
    if (plan.missing.length === 0)
        return '';
    await ecr.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_1__/* .PutReplicationConfigurationCommand */ .xhm({ replicationConfiguration: { rules: plan.rules } }));
    return plan.change;
}
/** Where the replicas of an image appear: the same repository and tag in each region's registry. */
function replicaUris(imageUri, regions) {
    const match = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?\/(.+)$/.exec(imageUri);
    if (!match)
        return [];
    const [, account, , cn, rest] = match;
    return regions.map(region => `${account}.dkr.ecr.${region}.amazonaws.com${cn ?? ''}/${rest}`);
}


/***/ }),

/***/ 3627:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fl: () => (/* binding */ inspectRepository),
/* harmony export */   uQ: () => (/* binding */ describeChange),
/* harmony export */   z0: () => (/* binding */ ensureRepository)
/* harmony export */ });
/* unused harmony export toRepositoryState */
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8249);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8301);
/* harmony import */ var _repository_plan_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9795);
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
        encryption
    };
}
async function describe(ecr, name) {
    try {
        const out = await ecr.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_2__/* .DescribeRepositoriesCommand */ .pE_({ repositoryNames: [name] }));
        const repo = out.repositories?.[0];
        return repo ? toRepositoryState(repo) : undefined;
    }
    catch (error) {
        if (error.name === 'RepositoryNotFoundException')
            return undefined;
        throw error;
    }
}
async function readRepositoryPolicy(ecr, name) {
    try {
        return (await ecr.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_2__/* .GetRepositoryPolicyCommand */ .MeN({ repositoryName: name }))).policyText;
    }
    catch (error) {
        if (error.name === 'RepositoryPolicyNotFoundException')
            return undefined;
        throw error;
    }
}
async function readLifecyclePolicy(ecr, name) {
    try {
        const out = await ecr.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_2__/* .GetLifecyclePolicyCommand */ .O0C({ repositoryName: name }));
        return out.lifecyclePolicyText;
    }
    catch (error) {
        if (error.name === 'LifecyclePolicyNotFoundException')
            return undefined;
        throw error;
    }
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
        case 'create':
            return `created the repository: ${(0,_repository_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .describeMutability */ .yk)(c.mutability)}, scan on push ${c.scanOnPush ? 'on' : 'off'}, ${c.encryption.type} encryption`;
        case 'tag-mutability':
            return `tag mutability ${(0,_repository_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .describeMutability */ .yk)(c.from)} → ${(0,_repository_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .describeMutability */ .yk)(c.to)}`;
        case 'scan-on-push':
            return `scan on push ${c.from ? 'on' : 'off'} → ${c.to ? 'on' : 'off'}`;
    }
}
/** Carries out one change; returns the created repository's URI for `create`. */
async function apply(ecr, name, c, tags = []) {
    switch (c.kind) {
        case 'create': {
            const out = await ecr.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_2__/* .CreateRepositoryCommand */ .WTe({
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
            await ecr.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_2__/* .PutImageTagMutabilityCommand */ .cKn({
                repositoryName: name,
                imageTagMutability: c.to.mode,
                ...(c.to.exclusions.length > 0 ? { imageTagMutabilityExclusionFilters: exclusionFilters(c.to) } : {})
            }));
            return undefined;
        case 'scan-on-push':
            await ecr.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_2__/* .PutImageScanningConfigurationCommand */ .BlZ({
                repositoryName: name,
                imageScanningConfiguration: { scanOnPush: c.to }
            }));
            return undefined;
    }
}
/** What `ensureRepository` would do, from read calls only (dry runs). */
async function inspectRepository(ecr, desired, movingTags) {
    const { current, policy } = await describeWithPolicy(ecr, desired.name);
    const plan = (0,_repository_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .planRepository */ ._B)(current, desired, movingTags);
    const currentPolicy = current === undefined ? undefined : await policy();
    return { current, ...plan, currentPolicy, lifecycle: (0,_repository_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .planLifecycle */ .E_)(currentPolicy, desired.lifecycle) };
}

/**
 * Makes sure the repository exists and matches the workflow.
 * @param movingTags tags the run pushes that must be able to move (for warnings)
 * @param onExists lets docker log in while the settings are still being reconciled
 */
async function ensureRepository(ecr, desired, movingTags, region, 
/** Called once the repository is known to exist, before its settings are reconciled. */
onExists = () => undefined) {
    const name = desired.name;
    const read = await describeWithPolicy(ecr, name);
    let current = read.current;
    if (current !== undefined)
        onExists();
    if (current === undefined && !desired.create) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`Repository '${name}' does not exist in ${region}: create it, or set create-repository: true to let the action create it.`);
    }
    let uri = current?.uri ?? '';
    let created = false;
    const changes = [];
    let warnings = [];
    let mutability = current?.mutability;
    if (current === undefined) {
        const [create] = (0,_repository_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .planRepository */ ._B)(undefined, desired, movingTags).changes;
        if (create?.kind !== 'create')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`Nothing planned to create repository '${name}'.`);
        try {
            uri = (await apply(ecr, name, create, desired.tags)) ?? '';
            onExists();
            created = true;
            mutability = create.mutability;
            changes.push(describeChange(create));
        }
        catch (error) {
            // Another job created it between our describe and create: reconcile with what is there.
            if (error.name !== 'RepositoryAlreadyExistsException')
                throw error;
            current = await describe(ecr, name);
            onExists();
            uri = current?.uri ?? '';
            mutability = current?.mutability;
        }
    }
    if (current !== undefined) {
        const plan = (0,_repository_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .planRepository */ ._B)(current, desired, movingTags);
        warnings = plan.warnings;
        for (const change of plan.changes) {
            await apply(ecr, name, change);
            if (change.kind === 'tag-mutability')
                mutability = change.to;
            changes.push(describeChange(change));
        }
    }
    // Stated only: an access policy or tags the workflow doesn't name are never read or touched.
    if (desired.accessPolicy !== undefined) {
        const currentAccess = created ? undefined : await readRepositoryPolicy(ecr, name);
        if (currentAccess === undefined || !(0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .sameJson */ .Vk)(currentAccess, desired.accessPolicy.text)) {
            await ecr.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_2__/* .SetRepositoryPolicyCommand */ .IOA({ repositoryName: name, policyText: desired.accessPolicy.text }));
            changes.push(`access policy ${currentAccess === undefined ? 'set' : 'replaced'} (${desired.accessPolicy.source})`);
        }
    }
    if (desired.tags.length > 0 && !created && current !== undefined) {
        const have = new Map(((await ecr.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_2__/* .ListTagsForResourceCommand */ .a_e({ resourceArn: current.arn }))).tags ?? []).map(t => [t.Key, t.Value]));
        const missing = desired.tags.filter(t => have.get(t.Key) !== t.Value);
        if (missing.length > 0) {
            await ecr.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_2__/* .TagResourceCommand */ .eqU({ resourceArn: current.arn, tags: missing }));
            changes.push(`tags ${missing.map(t => `${t.Key}=${t.Value}`).join(', ')}`);
        }
    }
    // A repository created by this run has no policy to read.
    const currentPolicy = created ? undefined : await read.policy();
    const lifecycle = (0,_repository_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .planLifecycle */ .E_)(currentPolicy, desired.lifecycle);
    if (lifecycle.put) {
        await ecr.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_2__/* .PutLifecyclePolicyCommand */ .Rcn({ repositoryName: name, lifecyclePolicyText: lifecycle.text }));
        changes.push(`lifecycle policy put (${lifecycle.reason})`);
    }
    if (uri === '' || mutability === undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`ECR did not describe repository '${name}'.`);
    return {
        uri,
        registry: uri.split('/')[0] ?? '',
        created,
        mutability,
        changes,
        warnings,
        lifecycle: lifecycle.put ? `put (${lifecycle.reason})` : lifecycle.reason,
        lifecyclePut: lifecycle.put
    };
}


/***/ }),

/***/ 8855:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Sy: () => (/* binding */ writeSummary),
/* harmony export */   pD: () => (/* binding */ writePlan)
/* harmony export */ });
/* unused harmony exports renderSummary, renderPlan */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1988);
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


/***/ })

};
