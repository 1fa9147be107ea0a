export const id = 434;
export const ids = [434];
export const modules = {

/***/ 5434:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   defaultProvider: () => (/* reexport safe */ _aws_sdk_credential_provider_node_dist_cjs_index_js__WEBPACK_IMPORTED_MODULE_0__.v6)
/* harmony export */ });
/* harmony import */ var _aws_sdk_credential_provider_node_dist_cjs_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5861);
/**
 * The SDK's own default credential chain, in a chunk of its own: credential-chain-stub.ts
 * loads it when a client first needs credentials it was not given.
 */
// The package's file itself: its name is the stub's, in the bundle (tsconfig.json `paths`).



/***/ })

};
