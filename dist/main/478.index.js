export const id = 478;
export const ids = [478];
export const modules = {

/***/ 8478:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   buildOnly: () => (/* binding */ buildOnly)
/* harmony export */ });
/* harmony import */ var _build_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4323);
/* harmony import */ var _docker_config_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7706);
/* harmony import */ var _build_plan_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5147);
/* harmony import */ var _outputs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7729);
/* harmony import */ var _summary_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8855);
/**
 * `push: false` (e.g. pull requests): the image built for every platform, nothing pushed,
 * no AWS and no login; the outputs and the summary say so. The builder check explains a
 * build that fails.
 */





async function buildOnly(settings, { env, docker }) {
    const { build, image, repository } = settings;
    const result = await (0,_build_js__WEBPACK_IMPORTED_MODULE_0__.explainFailure)((0,_build_js__WEBPACK_IMPORTED_MODULE_0__.buildAndPush)(docker, build, (0,_build_plan_js__WEBPACK_IMPORTED_MODULE_2__/* .imageReferences */ .Ef)(repository.name, image.tags), (0,_build_plan_js__WEBPACK_IMPORTED_MODULE_2__/* .labelsFor */ .dS)(env, image.version), { tempDir: env.RUNNER_TEMP, configDir: (0,_docker_config_js__WEBPACK_IMPORTED_MODULE_1__/* .dockerConfigDir */ .kG)(env) }), () => (0,_build_js__WEBPACK_IMPORTED_MODULE_0__.checkBuilder)(docker, build.platforms));
    const outputs = (0,_outputs_js__WEBPACK_IMPORTED_MODULE_3__/* .imageOutputs */ .am)({ ...(0,_outputs_js__WEBPACK_IMPORTED_MODULE_3__/* .outputBase */ .zx)(image, repository.name, ''), digest: '', metadata: result.metadata, skipped: false });
    (0,_outputs_js__WEBPACK_IMPORTED_MODULE_3__/* .setOutputs */ .n0)(outputs);
    if (settings.summary)
        await (0,_summary_js__WEBPACK_IMPORTED_MODULE_4__/* .writeSummary */ .Sy)({
            repository: repository.name,
            pushed: false,
            outcome: 'built, not pushed (push: false)',
            imageUri: outputs['image-uri'],
            imageDigestUri: '',
            digest: '',
            tags: image.tags,
            platforms: build.platforms,
            repositoryChanges: [],
            lifecycle: 'not checked (push: false)',
            warnings: []
        });
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
