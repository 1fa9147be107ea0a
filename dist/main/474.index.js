export const id = 474;
export const ids = [474];
export const modules = {

/***/ 5474:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  planOnly: () => (/* binding */ planOnly)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 12 modules
var core = __webpack_require__(1988);
// EXTERNAL MODULE: ./src/aws-clients.ts
var aws_clients = __webpack_require__(6447);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
// EXTERNAL MODULE: ./src/build-plan.ts
var build_plan = __webpack_require__(5147);
// EXTERNAL MODULE: ./src/credentials.ts
var src_credentials = __webpack_require__(3029);
// EXTERNAL MODULE: ./src/existing-version.ts
var existing_version = __webpack_require__(2623);
;// CONCATENATED MODULE: ./src/iam-policy.ts
/** `<account>.dkr.ecr.<region>.amazonaws.com` → account, region */
function parseRegistry(registry) {
    const m = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$/.exec(registry);
    return m ? { account: m[1] ?? '', region: m[2] ?? '' } : undefined;
}
/** ECR Public: the token (with STS's bearer token under it) and the public repository. */
function publicPolicy(settings, account) {
    const { repository, build } = settings;
    const actions = ['ecr-public:DescribeRepositories', 'ecr-public:GetRepositoryCatalogData', 'ecr-public:PutRepositoryCatalogData'];
    if (build.push) {
        actions.push('ecr-public:BatchCheckLayerAvailability', 'ecr-public:InitiateLayerUpload', 'ecr-public:UploadLayerPart', 'ecr-public:CompleteLayerUpload', 'ecr-public:PutImage');
    }
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
    const arn = `arn:aws:ecr:${settings.aws.region}:${account}:repository/${repository.name}`;
    const actions = ['ecr:DescribeRepositories', 'ecr:GetLifecyclePolicy', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'];
    if (build.push) {
        actions.push('ecr:BatchCheckLayerAvailability', 'ecr:InitiateLayerUpload', 'ecr:UploadLayerPart', 'ecr:CompleteLayerUpload', 'ecr:PutImage');
    }
    if (repository.create)
        actions.push('ecr:CreateRepository');
    actions.push('ecr:PutImageTagMutability', 'ecr:PutImageScanningConfiguration', 'ecr:PutLifecyclePolicy');
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
            Resource: `arn:aws:iam::${account}:role/aws-service-role/replication.ecr.amazonaws.com/AWSServiceRoleForECRReplication`
        });
    }
    if (repository.encryption.type === 'KMS') {
        const key = repository.encryption.kmsKey?.startsWith('arn:') ? repository.encryption.kmsKey : `arn:aws:kms:${settings.aws.region}:${account}:key/*`;
        statements.push({ Sid: 'Encryption', Effect: 'Allow', Action: ['kms:CreateGrant', 'kms:RetireGrant', 'kms:DescribeKey'], Resource: key });
    }
    return { Version: '2012-10-17', Statement: statements };
}

// EXTERNAL MODULE: ./src/outputs.ts
var outputs = __webpack_require__(7729);
// EXTERNAL MODULE: ./src/public-repository.ts
var public_repository = __webpack_require__(2091);
// EXTERNAL MODULE: ./src/registry-api.ts + 1 modules
var registry_api = __webpack_require__(511);
// EXTERNAL MODULE: ./src/registry-login.ts
var registry_login = __webpack_require__(7432);
// EXTERNAL MODULE: ./src/replication.ts
var src_replication = __webpack_require__(8925);
// EXTERNAL MODULE: ./src/repository.ts
var src_repository = __webpack_require__(3627);
// EXTERNAL MODULE: ./src/summary.ts
var summary = __webpack_require__(8855);
;// CONCATENATED MODULE: ./src/dry-run.ts
/**
 * Plan mode (`dry-run: true`): signs in and only reads — the repository, its lifecycle
 * policy, the version tag — then prints and summarizes what a run would do.
 */














/**
 * `dry-run: true`: signs in and reads (repository, lifecycle policy, the version tag),
 * then prints the plan. No write call, no docker login, no build.
 */
async function planOnly(settings, { env }) {
    const { build, image, repository } = settings;
    const labels = (0,build_plan/* labelsFor */.dS)(env, image.version);
    /** What the run would do about the version tag as it is now. */
    const versionLine = (existing) => {
        try {
            const decision = (0,existing_version/* decideVersion */.vI)(existing, { sha: env.GITHUB_SHA ?? '', version: image.version, repository: repository.name }, image.ifVersionExists);
            return decision.build ? 'would be built and pushed' : `would be skipped: ${decision.reason}`;
        }
        catch (error) {
            return `the run would stop: ${error.message}`;
        }
    };
    let registryHost = '';
    let repoUri = repository.name;
    let repositoryLines = ['not checked: push: false makes no AWS call'];
    let lifecycle = 'not checked (push: false)';
    let lifecycleText;
    let currentLifecycleText;
    let buildLine = 'would be built (push: false: not pushed)';
    if (build.push && repository.type === 'public') {
        const pub = await (0,public_repository/* createPublicClient */.lh)(await core/* group */.Os('Sign in to AWS', () => (0,src_credentials/* signIn */.Jv)(settings.aws)));
        const inspection = await (0,public_repository/* inspectPublicRepository */.i9)(pub, repository, build.platforms);
        registryHost = constants/* PUBLIC_REGISTRY */.uD;
        repoUri = inspection.uri ?? `${constants/* PUBLIC_REGISTRY */.uD}/<alias>/${repository.name}`;
        repositoryLines = inspection.lines;
        lifecycle = 'none: ECR Public has no lifecycle policies';
        const existing = inspection.uri !== undefined
            ? await (0,existing_version/* findExistingVersion */.N0)(new registry_api/* RegistryClient */.bP(await (0,public_repository/* getPublicRegistryCredentials */.vR)(pub)), inspection.uri.slice(constants/* PUBLIC_REGISTRY */.uD.length + 1), image.version)
            : undefined;
        buildLine = versionLine(existing);
    }
    else if (build.push) {
        const ecr = (0,aws_clients/* createEcrClient */.yv)(await core/* group */.Os('Sign in to AWS', () => (0,src_credentials/* signIn */.Jv)(settings.aws)));
        const movingTags = image.tags.filter(t => t !== image.version);
        const mustStayMutable = repository.cacheTag !== undefined ? [...movingTags, repository.cacheTag] : movingTags;
        const [inspection, credentials, replication] = await Promise.all([
            (0,src_repository/* inspectRepository */.Fl)(ecr, repository, mustStayMutable),
            (0,registry_login/* getRegistryCredentials */.U2)(ecr),
            repository.replicateToRegions.length > 0 ? (0,src_replication/* readReplication */.XF)(ecr) : undefined
        ]);
        registryHost = credentials.registry;
        repoUri = inspection.current?.uri ?? `${registryHost}/${repository.name}`;
        repositoryLines = [
            ...(inspection.current === undefined && !repository.create
                ? [`missing, and create-repository is false: the run would fail`]
                : inspection.changes.map(c => `would ${c.kind === 'create' ? 'create' : 'change'}: ${(0,src_repository/* describeChange */.uQ)(c)}`)),
            ...inspection.warnings.map(w => `note: ${w}`)
        ];
        if (replication !== undefined) {
            const plan = (0,src_replication/* planReplication */.A3)(replication.rules, repository.name, repository.replicateToRegions, replication.account);
            if (plan.missing.length > 0)
                repositoryLines.push(`would change: ${plan.change}`);
        }
        if (repositoryLines.length === 0)
            repositoryLines = ['no changes: it already matches the workflow'];
        lifecycle = inspection.lifecycle.put ? `would be put (${inspection.lifecycle.reason})` : inspection.lifecycle.reason;
        if (inspection.lifecycle.put) {
            lifecycleText = JSON.stringify(inspection.lifecycle.policy, null, 2);
            if (inspection.currentPolicy !== undefined)
                currentLifecycleText = JSON.stringify(JSON.parse(inspection.currentPolicy), null, 2);
        }
        const existing = inspection.current
            ? await (0,existing_version/* findExistingVersion */.N0)(new registry_api/* RegistryClient */.bP(credentials), repository.name, image.version)
            : undefined;
        buildLine = versionLine(existing);
    }
    if (settings.scan.failOn !== undefined && buildLine.startsWith('would be built')) {
        buildLine += `, then ECR's scan awaited (up to ${settings.scan.timeoutSeconds} s) and the run failed at or above ${settings.scan.failOn}`;
    }
    // As a run does it: buildx pushes the version, the registry API then puts the other tags on the same index.
    const tags = (0,build_plan/* tagRoutes */.ZS)(build, image);
    if (tags.api.length > 0 && buildLine.startsWith('would be built'))
        buildLine += `; then ${tags.api.join(', ')} put on the same image by the registry API`;
    const args = (0,build_plan/* buildxArgs */.w$)(build, (0,build_plan/* imageReferences */.Ef)(repoUri, tags.buildx), labels, '<metadata-file>', build.push ? repoUri : undefined);
    // Build-argument values may be secrets: the plan shows their names only.
    const command = ['docker', ...args.map((a, i) => (args[i - 1] === '--build-arg' ? `${a.split('=')[0]}=***` : a))];
    const account = parseRegistry(registryHost)?.account ?? '<account>';
    const iamPolicy = JSON.stringify(leastPrivilegePolicy(settings, account), null, 2);
    core/* info */.pq(`Dry run: nothing will be changed, built or pushed.`);
    for (const line of repositoryLines)
        core/* info */.pq(`Repository ${repository.name}: ${line}`);
    core/* info */.pq(`Lifecycle policy: ${lifecycle}`);
    if (lifecycleText !== undefined)
        core/* info */.pq(lifecycleText);
    core/* info */.pq(`Image ${repoUri}:${image.version}: ${buildLine}`);
    core/* info */.pq(`Build command: ${command.join(' ')}`);
    core/* info */.pq(`IAM policy for these inputs:\n${iamPolicy}`);
    (0,outputs/* setOutputs */.n0)((0,outputs/* imageOutputs */.am)({ ...(0,outputs/* outputBase */.zx)(image, repoUri, registryHost), digest: '', metadata: {}, skipped: false }));
    if (settings.summary) {
        await (0,summary/* writePlan */.pD)({
            repository: repository.name,
            imageUri: `${repoUri}:${image.version}`,
            repositoryLines,
            lifecycle,
            ...(lifecycleText !== undefined ? { lifecycleText } : {}),
            ...(currentLifecycleText !== undefined ? { currentLifecycleText } : {}),
            tags: image.tags,
            version: image.version,
            build: buildLine,
            command,
            iamPolicy
        });
    }
}


/***/ })

};
