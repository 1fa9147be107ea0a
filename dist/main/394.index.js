export const id = 394;
export const ids = [394];
export const modules = {

/***/ 4394:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   planOnly: () => (/* binding */ planOnly)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3110);
/* harmony import */ var _aws_clients_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(201);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7242);
/* harmony import */ var _build_plan_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4713);
/* harmony import */ var _build_builder_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8079);
/* harmony import */ var _aws_sign_in_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2369);
/* harmony import */ var _registry_existing_version_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6527);
/* harmony import */ var _aws_iam_policy_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4427);
/* harmony import */ var _registry_host_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(637);
/* harmony import */ var _report_outputs_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(5468);
/* harmony import */ var _aws_public_repository_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(3765);
/* harmony import */ var _aws_registry_token_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(8318);
/* harmony import */ var _registry_client_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(1017);
/* harmony import */ var _aws_replication_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(5107);
/* harmony import */ var _aws_repository_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(3330);
/* harmony import */ var _aws_registry_scanning_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(8756);
/* harmony import */ var _report_summary_js__WEBPACK_IMPORTED_MODULE_16__ = __webpack_require__(7994);
/**
 * Plan mode (`dry-run: true`): signs in and only reads — the repository, its lifecycle
 * policy, the version tag — then prints and summarizes what a run would do.
 */

















/**
 * `dry-run: true`: signs in and reads (repository, lifecycle policy, the version tag),
 * then prints the plan. No write call, no docker login, no build.
 */
async function planOnly(settings, { env, docker }) {
    const { build, image, repository } = settings;
    const labels = (0,_build_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .labelsFor */ .dS)(env, image.version);
    /** What the run would do about the version tag as it is now. */
    const versionLine = (existing) => {
        try {
            const decision = (0,_registry_existing_version_js__WEBPACK_IMPORTED_MODULE_6__/* .decideVersion */ .v)(existing, { sha: env.GITHUB_SHA ?? '', version: image.version, repository: repository.name }, image.ifVersionExists);
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
    let scanBy = "ECR's scan";
    if (build.push && repository.type === 'public') {
        const pub = await (0,_aws_public_repository_js__WEBPACK_IMPORTED_MODULE_10__/* .createPublicClient */ .lh)(await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os('Sign in to AWS', () => (0,_aws_sign_in_js__WEBPACK_IMPORTED_MODULE_5__/* .signIn */ .Jv)(settings.aws)));
        const inspection = await (0,_aws_public_repository_js__WEBPACK_IMPORTED_MODULE_10__/* .inspectPublicRepository */ .i9)(pub, repository, build.platforms);
        registryHost = _constants_js__WEBPACK_IMPORTED_MODULE_2__/* .PUBLIC_REGISTRY */ .uD;
        repoUri = inspection.uri ?? `${_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .PUBLIC_REGISTRY */ .uD}/<alias>/${repository.name}`;
        repositoryLines = inspection.lines;
        lifecycle = 'none: ECR Public has no lifecycle policies';
        const existing = inspection.uri !== undefined
            ? await (0,_registry_existing_version_js__WEBPACK_IMPORTED_MODULE_6__/* .findExistingVersion */ .N)(new _registry_client_js__WEBPACK_IMPORTED_MODULE_12__.RegistryClient(await (0,_aws_registry_token_js__WEBPACK_IMPORTED_MODULE_11__/* .getPublicRegistryCredentials */ .vR)(pub)), inspection.uri.slice(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .PUBLIC_REGISTRY */ .uD.length + 1), image.version)
            : undefined;
        buildLine = versionLine(existing);
    }
    else if (build.push) {
        const ecr = (0,_aws_clients_js__WEBPACK_IMPORTED_MODULE_1__/* .createEcrClient */ .yv)(await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os('Sign in to AWS', () => (0,_aws_sign_in_js__WEBPACK_IMPORTED_MODULE_5__/* .signIn */ .Jv)(settings.aws)));
        const movingTags = image.tags.filter(t => t !== image.version);
        const mustStayMutable = repository.cacheTag !== undefined ? [...movingTags, repository.cacheTag] : movingTags;
        const scanning = (0,_aws_registry_scanning_js__WEBPACK_IMPORTED_MODULE_15__/* .registryScanningReader */ .ud)(ecr);
        const [inspection, credentials, replication, scanConfig] = await Promise.all([
            (0,_aws_repository_js__WEBPACK_IMPORTED_MODULE_14__/* .inspectRepository */ .Fl)(ecr, repository, mustStayMutable, scanning.get),
            (0,_aws_registry_token_js__WEBPACK_IMPORTED_MODULE_11__/* .getRegistryCredentials */ .U2)(ecr, undefined, settings.aws.dualStack),
            repository.replicateToRegions.length > 0 ? (0,_aws_replication_js__WEBPACK_IMPORTED_MODULE_13__/* .readReplication */ .XF)(ecr) : undefined,
            settings.scan.failOn !== undefined ? scanning.get() : undefined
        ]);
        if (scanConfig?.scanType === 'ENHANCED')
            scanBy = "ECR's enhanced scan (Amazon Inspector, the registry's configuration)";
        const refused = scanning.warning();
        if (refused !== undefined)
            inspection.warnings.push(refused);
        registryHost = credentials.registry;
        repoUri = `${registryHost}/${repository.name}`;
        repositoryLines = [
            ...(inspection.current === undefined && !repository.create
                ? [`missing, and create-repository is false: the run would fail`]
                : inspection.changes.map(c => `would ${c.kind === 'create' ? 'create' : 'change'}: ${(0,_aws_repository_js__WEBPACK_IMPORTED_MODULE_14__/* .describeChange */ .uQ)(c)}`)),
            ...inspection.warnings.map(w => `note: ${w}`),
            ...(inspection.notes ?? []).map(n => `note: ${n}`)
        ];
        if (replication !== undefined) {
            const plan = (0,_aws_replication_js__WEBPACK_IMPORTED_MODULE_13__/* .planReplication */ .A3)(replication.rules, repository.name, repository.replicateToRegions, replication.account);
            if (plan.covered !== '')
                repositoryLines.push(`note: replication: ${plan.covered}`);
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
            ? await (0,_registry_existing_version_js__WEBPACK_IMPORTED_MODULE_6__/* .findExistingVersion */ .N)(new _registry_client_js__WEBPACK_IMPORTED_MODULE_12__.RegistryClient(credentials), repository.name, image.version)
            : undefined;
        buildLine = versionLine(existing);
    }
    if (settings.scan.failOn !== undefined && buildLine.startsWith('would be built')) {
        buildLine += `, then ${scanBy} awaited (up to ${settings.scan.timeoutSeconds} s) and the run failed at or above ${settings.scan.failOn}`;
    }
    // As a run does it: buildx pushes the version, the registry API then puts the other tags on the same index.
    const tags = (0,_build_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .tagRoutes */ .ZS)(build, image);
    if (tags.api.length > 0 && buildLine.startsWith('would be built'))
        buildLine += `; then ${tags.api.join(', ')} put on the same image by the registry API`;
    // A named builder is looked at (not started) to show how buildx reaches it.
    let use = {};
    if (build.builder !== undefined) {
        const builder = await (0,_build_builder_js__WEBPACK_IMPORTED_MODULE_4__/* .inspectBuilder */ .IK)(docker, build.builder, false).catch((error) => error);
        if (builder instanceof Error)
            buildLine = `the run would stop: ${builder.message}`;
        use = builder instanceof Error ? { builder: build.builder } : builder.use;
    }
    // As the run's: build arguments and secrets by name only, their values in buildx's environment.
    const command = ['docker', ...(0,_build_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .buildxArgs */ .w$)(build, (0,_build_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .imageReferences */ .Ef)(repoUri, tags.buildx), labels, '<metadata-file>', build.push ? repoUri : undefined, use)];
    const host = (0,_registry_host_js__WEBPACK_IMPORTED_MODULE_8__/* .parseRegistryHost */ .TZ)(registryHost);
    const account = host?.kind === 'private' ? host.account : '<account>';
    const iamPolicy = JSON.stringify((0,_aws_iam_policy_js__WEBPACK_IMPORTED_MODULE_7__/* .leastPrivilegePolicy */ .T)(settings, account), null, 2);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Dry run: nothing will be changed, built or pushed.`);
    for (const line of repositoryLines)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Repository ${repository.name}: ${line}`);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Lifecycle policy: ${lifecycle}`);
    if (lifecycleText !== undefined)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(lifecycleText);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Image ${repoUri}:${image.version}: ${buildLine}`);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Build command: ${command.join(' ')}`);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`IAM policy for these inputs:\n${iamPolicy}`);
    (0,_report_outputs_js__WEBPACK_IMPORTED_MODULE_9__/* .setOutputs */ .n0)((0,_report_outputs_js__WEBPACK_IMPORTED_MODULE_9__/* .imageOutputs */ .am)({ ...(0,_report_outputs_js__WEBPACK_IMPORTED_MODULE_9__/* .outputBase */ .zx)(image, repoUri, registryHost), digest: '', metadata: {}, skipped: false }));
    if (settings.summary) {
        await (0,_report_summary_js__WEBPACK_IMPORTED_MODULE_16__/* .writePlan */ .pD)({
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
