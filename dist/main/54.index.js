export const id = 54;
export const ids = [54];
export const modules = {

/***/ 6054:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   proxyAgents: () => (/* binding */ proxyAgents)
/* harmony export */ });
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var agent_base__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(319);
/* harmony import */ var http_proxy_agent__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8947);
/* harmony import */ var https_proxy_agent__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1566);
/* harmony import */ var _proxy_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1290);





class ProxyRouter extends agent_base__WEBPACK_IMPORTED_MODULE_1__/* .Agent */ .g6 {
    config;
    direct;
    viaProxy = new Map();
    constructor(scheme, config, direct) {
        // https:// keeps its connections (each a tunnel to one host, reused as it is); http://
        // doesn't: a kept connection would be reused here without http-proxy-agent, whose
        // absolute-URI request line the proxy needs on every request.
        super({ keepAlive: scheme === 'https:' });
        this.config = config;
        this.direct = direct;
        // What node's http/https modules check a request's agent against.
        this.protocol = scheme;
    }
    connect(_req, opts) {
        const scheme = opts.secureEndpoint ? 'https:' : 'http:';
        const host = node_net__WEBPACK_IMPORTED_MODULE_0___default().isIPv6(opts.host ?? '') ? `[${opts.host}]` : (opts.host ?? '');
        const proxy = (0,_proxy_js__WEBPACK_IMPORTED_MODULE_4__/* .proxyFor */ .i)(new URL(`${scheme}//${host}:${opts.port}`), this.config);
        if (proxy === '')
            return this.direct[scheme];
        const key = `${scheme} ${proxy}`;
        let agent = this.viaProxy.get(key);
        if (agent === undefined) {
            agent = opts.secureEndpoint ? new https_proxy_agent__WEBPACK_IMPORTED_MODULE_3__/* .HttpsProxyAgent */ .b(proxy, { keepAlive: true }) : new http_proxy_agent__WEBPACK_IMPORTED_MODULE_2__/* .HttpProxyAgent */ .s(proxy, { keepAlive: true });
            this.viaProxy.set(key, agent);
        }
        return agent;
    }
    destroy() {
        for (const agent of this.viaProxy.values())
            agent.destroy();
        super.destroy();
    }
}
/** Agents for http:// and https:// that follow `config`, going directly through `direct`. */
function proxyAgents(config, direct) {
    return { 'http:': new ProxyRouter('http:', config, direct), 'https:': new ProxyRouter('https:', config, direct) };
}


/***/ })

};
