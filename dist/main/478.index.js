export const id = 478;
export const ids = [478];
export const modules = {

/***/ 8478:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   buildOnly: () => (/* binding */ buildOnly)
/* harmony export */ });
/* harmony import */ var _build_builder_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8079);
/* harmony import */ var _build_buildx_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(68);
/* harmony import */ var _build_metadata_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4443);
/* harmony import */ var _build_plan_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1963);
/* harmony import */ var _build_record_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(991);
/* harmony import */ var _report_outputs_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5468);
/* harmony import */ var _report_summary_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7994);
/**
 * `push: false` (e.g. pull requests): the image built for every platform, nothing pushed,
 * no AWS and no login; the outputs and the summary say so.
 */







async function buildOnly(settings, { env, docker }) {
    const { build, image, repository } = settings;
    const builder = await (0,_build_builder_js__WEBPACK_IMPORTED_MODULE_0__/* .checkBuilder */ .ub)(docker, build.platforms, build.builder, build.options?.load === true);
    const labels = (0,_build_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .labelsFor */ .dS)(env, image.version);
    const annotated = { ...build, annotations: (0,_build_metadata_js__WEBPACK_IMPORTED_MODULE_2__/* .annotationsForBuild */ .UT)(labels, build) };
    const result = await (0,_build_buildx_js__WEBPACK_IMPORTED_MODULE_1__/* .buildAndPush */ .sf)(docker, annotated, (0,_build_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .imageReferences */ .Ef)(repository.name, image.tags), labels, {
        tempDir: env.RUNNER_TEMP,
        buildxConfigDir: (0,_build_record_js__WEBPACK_IMPORTED_MODULE_4__/* .buildxConfigDir */ .iL)(env),
        builder: builder.use
    });
    const outputs = (0,_report_outputs_js__WEBPACK_IMPORTED_MODULE_5__/* .imageOutputs */ .am)({
        ...(0,_report_outputs_js__WEBPACK_IMPORTED_MODULE_5__/* .outputBase */ .zx)(image, repository.name, ''),
        digest: '',
        metadata: result.metadata,
        skipped: false,
        labels: (0,_build_metadata_js__WEBPACK_IMPORTED_MODULE_2__/* .mergedLabels */ .E2)(labels, build.labels),
        annotations: annotated.annotations
    });
    (0,_report_outputs_js__WEBPACK_IMPORTED_MODULE_5__/* .setOutputs */ .n0)(outputs);
    if (settings.summary)
        await (0,_report_summary_js__WEBPACK_IMPORTED_MODULE_6__/* .writeSummary */ .Sy)({
            repository: repository.name,
            pushed: false,
            outcome: `built, not pushed (push: false)${build.options?.load === true ? `; loaded into the job's Docker engine as ${image.tags.map(t => `${repository.name}:${t}`).join(', ')}` : ''}`,
            imageUri: outputs['image-uri'],
            imageDigestUri: '',
            digest: '',
            tags: image.tags,
            platforms: build.platforms,
            builder: (0,_build_builder_js__WEBPACK_IMPORTED_MODULE_0__/* .describeBuilder */ .nG)(builder),
            repositoryChanges: [],
            lifecycle: 'not checked (push: false)',
            warnings: []
        });
}


/***/ })

};
