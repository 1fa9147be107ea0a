export const id = 900;
export const ids = [900];
export const modules = {

/***/ 900:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  planOnly: () => (/* binding */ planOnly),
  repositoryLines: () => (/* binding */ repositoryLines)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 20 modules
var core = __webpack_require__(3110);
// EXTERNAL MODULE: ./src/settings/registry-host.ts
var registry_host = __webpack_require__(5777);
// EXTERNAL MODULE: ./src/build/buildx.ts + 2 modules
var buildx = __webpack_require__(68);
// EXTERNAL MODULE: ./src/build/plan.ts + 1 modules
var plan = __webpack_require__(1963);
// EXTERNAL MODULE: ./src/build/builder.ts
var build_builder = __webpack_require__(8079);
// EXTERNAL MODULE: ./src/aws/destination.ts + 5 modules
var destination = __webpack_require__(2210);
// EXTERNAL MODULE: ./src/registry/push-actions.ts
var push_actions = __webpack_require__(8765);
;// CONCATENATED MODULE: ./src/aws/other-registries-policy.ts
/**
 * What `read-registries` and `copy-to` add to the least-privilege policy (iam-policy.ts):
 * pulls from each registry read (any of its repositories: the Dockerfile names them), the
 * push actions on each copy's repository, ECR Public's token for public.ecr.aws, and
 * sts:AssumeRole on a registry's own role — whose own policy then needs what the registry
 * does (README: IAM).
 */

const PULL = ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability'];
const PUSH = ['BatchCheckLayerAvailability', 'InitiateLayerUpload', 'UploadLayerPart', 'CompleteLayerUpload', 'PutImage'];
const PUBLIC_LOGIN = ['ecr-public:GetAuthorizationToken', 'sts:GetServiceBearerToken'];
const repositoryArn = (registry, name) => `arn:${(0,registry_host/* partitionOf */.iQ)(registry.region)}:ecr:${registry.region}:${registry.account}:repository/${name}`;
/** The statements, with the run's own registry (`account`, `region`) for copies inside it. */
function otherRegistryStatements(settings, account) {
    const { read = [], copyTo = [] } = settings.registries ?? {};
    const own = { account, region: settings.aws.region };
    const roles = new Set();
    const withRole = (r) => (r?.role !== undefined ? (roles.add(r.role), true) : false);
    const pulls = [];
    let publicLogin = false;
    for (const r of read) {
        if (withRole(r))
            continue;
        if (r.kind === 'public')
            publicLogin = true;
        else
            pulls.push(repositoryArn(r, '*'));
    }
    const pushes = [];
    const publicPushes = [];
    for (const c of copyTo) {
        if (withRole(c.registry))
            continue;
        if (c.registry?.kind === 'public') {
            publicLogin = true;
            publicPushes.push(`arn:aws:ecr-public::${account}:repository/${c.repository.split('/').slice(1).join('/')}`);
        }
        else
            pushes.push(repositoryArn(c.registry ?? own, c.repository));
    }
    const statements = [];
    if (pulls.length > 0)
        statements.push({ Sid: 'ReadRegistries', Effect: 'Allow', Action: PULL, Resource: pulls });
    if (pushes.length > 0)
        statements.push({ Sid: 'CopyTo', Effect: 'Allow', Action: ['ecr:BatchGetImage', ...PUSH.map(a => `ecr:${a}`)], Resource: pushes });
    if (publicPushes.length > 0)
        statements.push({ Sid: 'CopyToPublic', Effect: 'Allow', Action: ['ecr-public:BatchCheckLayerAvailability', ...PUSH.slice(1).map(a => `ecr-public:${a}`)], Resource: publicPushes });
    if (publicLogin)
        statements.push({ Sid: 'PublicLogin', Effect: 'Allow', Action: PUBLIC_LOGIN, Resource: '*' });
    if (roles.size > 0)
        statements.push({ Sid: 'RegistryRoles', Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: [...roles] });
    return statements;
}

;// CONCATENATED MODULE: ./src/aws/iam-policy.ts
/**
 * The least-privilege IAM policy for what these inputs make the action do, scoped to the
 * repository's ARN. Pure; printed by dry runs and documented in the README.
 */



/** ECR Public: the token (with STS's bearer token under it) and the public repository. */
function publicPolicy(settings, account) {
    const { repository, build } = settings;
    const actions = ['ecr-public:DescribeRepositories', 'ecr-public:GetRepositoryCatalogData', 'ecr-public:PutRepositoryCatalogData'];
    if (build.push)
        actions.push(...(0,push_actions/* pushActions */.s)('ecr-public'));
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
            { Sid: 'Repository', Effect: 'Allow', Action: actions, Resource: `arn:aws:ecr-public::${account}:repository/${repository.name}` },
            ...otherRegistryStatements(settings, account)
        ]
    };
}
/**
 * ECR managed signing: the run reads the registry's signing configuration and the pushed
 * image's signing status; ECR signs with the pusher's identity, so the role needs
 * signer:SignPayload on each profile whose rule covers the repository — the profiles the
 * dry run read, or (not read, with require-signature) any of the account's profiles in the region.
 */
function signingStatements(settings, account, partition, signing) {
    const statements = [{ Sid: 'ManagedSigning', Effect: 'Allow', Action: ['ecr:GetSigningConfiguration'], Resource: '*' }];
    if (signing?.kind === 'signed') {
        statements.push({ Sid: 'SignOnPush', Effect: 'Allow', Action: ['signer:SignPayload'], Resource: signing.profiles.map(p => p.arn) });
    }
    else if (signing?.kind !== 'none' && settings.signing.require) {
        statements.push({ Sid: 'SignOnPush', Effect: 'Allow', Action: ['signer:SignPayload'], Resource: `arn:${partition}:signer:${settings.aws.region}:${account}:/signing-profiles/*` });
    }
    return statements;
}
function leastPrivilegePolicy(settings, account, signing) {
    const { repository, build } = settings;
    if (repository.type === 'public')
        return publicPolicy(settings, account);
    const partition = (0,registry_host/* partitionOf */.iQ)(settings.aws.region);
    const arn = `arn:${partition}:ecr:${settings.aws.region}:${account}:repository/${repository.name}`;
    const actions = ['ecr:DescribeRepositories', 'ecr:GetLifecyclePolicy', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'];
    if (build.push)
        actions.push(...(0,push_actions/* pushActions */.s)('ecr'));
    // A re-run reads whether the image its version tag names is archived (aws/image-status.ts).
    if (build.push && !build.pushByDigest)
        actions.push('ecr:DescribeImages');
    // Whether ECR signed the pushed image (managed signing).
    if (build.push)
        actions.push('ecr:DescribeImageSigningStatus');
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
    if (build.push)
        statements.push(...signingStatements(settings, account, partition, signing));
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
    statements.push(...otherRegistryStatements(settings, account));
    if (repository.create)
        statements.push({ Sid: 'CreationTemplates', Effect: 'Allow', Action: ['ecr:DescribeRepositoryCreationTemplates'], Resource: '*' });
    return { Version: '2012-10-17', Statement: statements };
}

// EXTERNAL MODULE: ./src/aws/sign-in.ts + 1 modules
var sign_in = __webpack_require__(2369);
// EXTERNAL MODULE: ./src/aws/setting-writes.ts
var setting_writes = __webpack_require__(1514);
// EXTERNAL MODULE: ./src/registry/existing-version.ts
var existing_version = __webpack_require__(6527);
// EXTERNAL MODULE: ./src/report/outputs.ts
var outputs = __webpack_require__(5468);
// EXTERNAL MODULE: ./src/aws/signing.ts
var aws_signing = __webpack_require__(2154);
// EXTERNAL MODULE: ./src/retry.ts
var retry = __webpack_require__(9809);
// EXTERNAL MODULE: ./src/version-stage.ts + 2 modules
var version_stage = __webpack_require__(3525);
// EXTERNAL MODULE: ./src/report/summary.ts
var summary = __webpack_require__(7994);
;// CONCATENATED MODULE: ./src/dry-run.ts
/**
 * Plan mode (`dry-run: true`): signs in as a push does and makes the push's own plan
 * (aws/destination.ts) — read calls only — then prints and summarizes it: every write the
 * push would make, what it leaves alone, the version tag's fate, the build command and the
 * IAM policy. No write call, no docker login, no build.
 */
















/** What the plan says of the repository, in lines: each write the push would make, then what it leaves alone. */
function repositoryLines(plan) {
    if (plan.repository.stop !== undefined)
        return ['missing, and create-repository is false: the run would fail'];
    const lines = (0,destination/* plannedWrites */.jv)(plan).map(setting_writes/* announceWrite */.nR);
    const held = plan.type === 'public' ? plan.repository.heldByLogo : undefined;
    if (held !== undefined)
        lines.push(`catalog data would not be updated (${held.join('; ')}): the repository has a logo`);
    const notes = plan.type === 'private' ? [...plan.repository.warnings, ...plan.warnings, ...plan.repository.notes] : plan.warnings;
    lines.push(...notes.map(n => `note: ${n}`));
    const covered = plan.type === 'private' ? plan.replication?.plan.covered : undefined;
    if (covered)
        lines.push(`note: replication: ${covered}`);
    return lines.length > 0 ? lines : ['no changes: it already matches the workflow'];
}
/** The lifecycle policy: what the plan does with it, and (when it would be put) the texts before and after. */
function lifecycleOf(plan) {
    if (plan.type === 'public')
        return { line: destination/* PUBLIC_LIFECYCLE */.v };
    const { lifecycle, current } = plan.repository;
    if (!lifecycle.put)
        return { line: lifecycle.reason };
    const before = current !== undefined ? plan.repository.currentPolicy : undefined;
    return {
        line: `would be put (${lifecycle.reason})`,
        text: JSON.stringify(lifecycle.policy, null, 2),
        ...(before !== undefined ? { currentText: JSON.stringify(JSON.parse(before), null, 2) } : {})
    };
}
/** Where the image would go, and the version tag as the registry has it now (a repository that doesn't exist yet has none). */
async function destinationOf(settings, plan, deps) {
    const { name } = settings.repository;
    const registry = plan.credentials.current.registry;
    const found = plan.type === 'public' ? plan.repository.current?.uri : plan.repository.current && `${registry}/${name}`;
    const uri = found ?? (plan.type === 'public' ? `${registry_host/* PUBLIC_REGISTRY */.uD}/<alias>/${name}` : `${registry}/${name}`);
    const client = deps.registry(plan.credentials);
    const path = (found ?? '').slice(registry.length + 1);
    if (found === undefined)
        return { registry, uri, existing: undefined, client, path };
    const existing = await (0,existing_version/* findExistingVersion */.N)(client, path, settings.image.version);
    return { registry, uri, existing, client, path };
}
async function planOnly(settings, deps) {
    const { build, image, repository } = settings;
    const { env, docker } = deps;
    const labels = (0,plan/* labelsFor */.dS)(env, image.version);
    /** What the run would do about the version tag as it is now. */
    const versionLine = async (found, client, path) => {
        try {
            // As the run judges it: auto reuses on the image's provenance (supply/reuse.ts).
            const existing = found && (await (0,version_stage/* withProvenance */.wI)(settings, client, path, found, { env, retry: { policy: retry.defaultRetry } }));
            const decision = (0,existing_version/* decideVersion */.v)(existing, { sha: env.GITHUB_SHA ?? '', version: image.version, repository: repository.name }, image.ifVersionExists);
            return decision.build ? 'would be built and pushed' : `would be skipped: ${decision.reason}`;
        }
        catch (error) {
            return `the run would stop: ${error.message}`;
        }
    };
    let registryHost = '';
    let repoUri = repository.name;
    let lines = ['not checked: push: false makes no AWS call'];
    let lifecycle = { line: 'not checked (push: false)' };
    let buildLine = 'would be built (push: false: not pushed)';
    let scanBy = "ECR's scan";
    let signing;
    if (build.push) {
        const session = await core/* group */.Os('Sign in to AWS', () => (0,sign_in/* runSession */.Ie)(settings.aws, deps));
        const plan = await (0,destination/* planDestination */.QC)(settings, session);
        const where = await destinationOf(settings, plan, deps);
        registryHost = where.registry;
        repoUri = where.uri;
        lines = repositoryLines(plan);
        lifecycle = lifecycleOf(plan);
        buildLine = await versionLine(where.existing, where.client, where.path);
        if (plan.type === 'private' && plan.scanning?.scanType === 'ENHANCED')
            scanBy = "ECR's enhanced scan (Amazon Inspector, the registry's configuration)";
        if (plan.type === 'private')
            signing = await (0,aws_signing/* readSigningPlan */.pz)(plan.ecr, repository.name, deps.cancel);
    }
    if (settings.scan.failOn !== undefined && buildLine.startsWith('would be built')) {
        buildLine += `, then ${scanBy} awaited (up to ${settings.scan.timeoutSeconds} s) and the run failed at or above ${settings.scan.failOn}`;
    }
    // As a run does it: buildx pushes the version, the registry API then puts the other tags on the same index.
    const tags = (0,plan/* tagRoutes */.ZS)(build, image);
    if (tags.api.length > 0 && buildLine.startsWith('would be built'))
        buildLine += `; then ${tags.api.join(', ')} put on the same image by the registry API once the run's checks pass`;
    if (signing !== undefined && buildLine.startsWith('would be built'))
        buildLine += signingLine(settings, signing);
    // A named builder is looked at (not started) to show how buildx reaches it.
    let use = {};
    if (build.builder !== undefined) {
        const builder = await (0,build_builder/* inspectBuilder */.IK)(docker, build.builder, false).catch((error) => error);
        if (builder instanceof Error)
            buildLine = `the run would stop: ${builder.message}`;
        use = builder instanceof Error ? { builder: build.builder } : builder.use;
    }
    // As the run's: build arguments and secrets by name only, their values in buildx's environment.
    const command = ['docker', ...(0,plan/* buildxArgs */.w$)(build, (0,plan/* imageReferences */.Ef)(repoUri, tags.buildx), labels, '<metadata-file>', build.push ? repoUri : undefined, use, (0,plan/* cacheMode */.Mq)(await (0,buildx/* readDockerfile */.n_)(build)))];
    const host = (0,registry_host/* parseRegistryHost */.TZ)(registryHost);
    const account = host?.kind === 'private' ? host.account : '<account>';
    const iamPolicy = JSON.stringify(leastPrivilegePolicy(settings, account, signing), null, 2);
    core/* info */.pq(`Dry run: nothing will be changed, built or pushed.`);
    for (const line of lines)
        core/* info */.pq(`Repository ${repository.name}: ${line}`);
    core/* info */.pq(`Lifecycle policy: ${lifecycle.line}`);
    if (lifecycle.text !== undefined)
        core/* info */.pq(lifecycle.text);
    core/* info */.pq(`Image ${repoUri}:${image.version}: ${buildLine}`);
    core/* info */.pq(`Build command: ${command.join(' ')}`);
    core/* info */.pq(`IAM policy for these inputs:\n${iamPolicy}`);
    (0,outputs/* setOutputs */.n0)((0,outputs/* imageOutputs */.am)({ ...(0,outputs/* outputBase */.zx)(image, repoUri, registryHost), digest: '', metadata: {}, skipped: false }));
    if (settings.summary) {
        await (0,summary/* writePlan */.pD)({
            repository: repository.name,
            imageUri: `${repoUri}:${image.version}`,
            repositoryLines: lines,
            lifecycle: lifecycle.line,
            ...(lifecycle.text !== undefined ? { lifecycleText: lifecycle.text } : {}),
            ...(lifecycle.currentText !== undefined ? { currentLifecycleText: lifecycle.currentText } : {}),
            tags: image.tags,
            version: image.version,
            build: buildLine,
            command,
            iamPolicy
        });
    }
}
/** What ECR managed signing would do after the push, as the plan's words. */
function signingLine(settings, signing) {
    const problem = settings.signing.require ? (0,aws_signing/* requireProblem */.Lg)(signing, settings.repository.name) : undefined;
    if (problem !== undefined)
        return `; but the run would stop before building: ${problem}`;
    if (signing.kind === 'signed')
        return `, then ECR's managed signing with ${(0,aws_signing/* profileWords */.PS)(signing.profiles)} awaited (up to ${settings.signing.timeoutSeconds} s)`;
    return signing.kind === 'none' ? `; unsigned: ${signing.why}` : `; signature not known: ${signing.why}`;
}


/***/ })

};
