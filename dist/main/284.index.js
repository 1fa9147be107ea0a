export const id = 284;
export const ids = [284];
export const modules = {

/***/ 9144:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ explainCertificateError)
/* harmony export */ });
/* unused harmony export isCertificateError */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/**
 * A TLS certificate the runner can't accept is no passing fault: it fails the same way each
 * time, so it is never tried again. It is explained in one line — the host, what is wrong
 * with its certificate (from node's error code), and what fixes it.
 */

const UNTRUSTED = "this runner doesn't trust";
const PRIVATE_CA = "if the host uses a private CA (or a TLS-inspecting proxy sits in between), give the job NODE_EXTRA_CA_CERTS=<that CA's certificate, PEM> (docker needs it too, in /etc/docker/certs.d/<host>/ca.crt)";
/** What each of node's certificate errors says about the certificate, and what fixes it. */
const PROBLEMS = {
    DEPTH_ZERO_SELF_SIGNED_CERT: { what: `is self-signed, and ${UNTRUSTED} it`, fix: PRIVATE_CA },
    SELF_SIGNED_CERT_IN_CHAIN: { what: `comes from a self-signed CA ${UNTRUSTED} (an unknown CA)`, fix: PRIVATE_CA },
    UNABLE_TO_GET_ISSUER_CERT_LOCALLY: { what: `comes from a CA ${UNTRUSTED} (an unknown CA)`, fix: PRIVATE_CA },
    UNABLE_TO_GET_ISSUER_CERT: { what: `comes from a CA ${UNTRUSTED} (an unknown CA)`, fix: PRIVATE_CA },
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: {
        what: `comes from a CA ${UNTRUSTED} (an unknown CA, or a chain the host sends incomplete)`,
        fix: PRIVATE_CA
    },
    CERT_UNTRUSTED: { what: `is not trusted by this runner`, fix: PRIVATE_CA },
    CERT_SIGNATURE_FAILURE: { what: 'has a signature that does not verify', fix: 'the host must present a valid certificate' },
    CERT_HAS_EXPIRED: { what: 'has expired', fix: 'the host (or the proxy in between) must renew it; a CA the runner trusts does not make it valid' },
    CERT_NOT_YET_VALID: { what: 'is not valid yet', fix: "check the runner's clock" },
    CERT_REVOKED: { what: 'has been revoked', fix: 'the host must present a valid certificate' },
    ERR_TLS_CERT_ALTNAME_INVALID: {
        what: 'is for another host name',
        fix: 'use the host name the certificate names (check AWS_ENDPOINT_URL and the registry), or have the certificate name this host'
    }
};
/** Whether an error is a certificate the runner refused (node's error code). */
function isCertificateError(error) {
    const code = typeof error === 'object' && error !== null ? error.code : undefined;
    return typeof code === 'string' && Object.hasOwn(PROBLEMS, code);
}
/**
 * The explanation of a refused certificate, as the run's one-line error; undefined for any
 * other error. `host` is where the request went (`host`, or `host:port` for a port other than 443).
 */
function explainCertificateError(host, error) {
    if (!isCertificateError(error))
        return undefined;
    const code = error.code;
    const problem = PROBLEMS[code];
    return Object.assign(new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`The TLS certificate of ${host} ${problem.what} (${code}): ${problem.fix.replace('<host>', host)}.`), { code });
}


/***/ }),

/***/ 5284:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createTransport: () => (/* binding */ createTransport)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _agents_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3662);
/* harmony import */ var _certificates_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9144);
/**
 * HTTP for the registry API and the OIDC token request, on node:http and node:https — the
 * modules the AWS SDK loads anyway. The global fetch would do, but its first call loads a
 * second HTTP stack: about 80 ms before the version lookup on a 2-core runner
 * (docs/benchmarks.md). This keeps what
 * the registry client needs of fetch: redirects followed, with the Authorization header
 * dropped once one leaves the origin (ECR sends blob reads to a signed S3 URL, which must
 * not get it), bodies as text, bytes or a stream, and connections kept alive per client.
 * Every request is bounded: a connection that doesn't open, an answer that doesn't come
 * and a connection gone silent fail it with ETIMEDOUT (which the retries try again), and
 * connections go through the job's proxy (the run's `NetworkSettings`, network/agents.ts). Errors name the method and
 * URL, never a header; a certificate the runner refuses is explained (network/certificates.ts).
 */




/** fetch's limit */
const MAX_REDIRECTS = 20;
/**
 * A transport with its own keep-alive connections (one per client: nothing shared across
 * runs in tests), through the proxy of the `network` it is handed, bounded by its timeouts
 * unless given. Without a `network`: directly, with the default timeouts.
 */
function createTransport(options = {}) {
    const network = options.network ?? _agents_js__WEBPACK_IMPORTED_MODULE_2__/* .DIRECT_NETWORK */ .fz;
    const agents = options.agents ?? network.agents();
    const bounds = { ...network.timeouts, ...options.timeouts };
    return async (url, init = {}) => {
        let method = (init.method ?? 'GET').toUpperCase();
        let body = init.body;
        const headers = { ...init.headers };
        const origin = url.origin;
        for (let hops = 0;; hops++) {
            const res = await send(agents, url, method, headers, body, bounds, init.streamBody === true);
            const location = res.headers.get('location');
            if (![301, 302, 303, 307, 308].includes(res.status) || location === null || hops >= MAX_REDIRECTS)
                return res;
            // A streamed body can't be sent twice: the caller gets the redirect itself.
            if ((res.status === 307 || res.status === 308) && body !== undefined && typeof body !== 'string' && !(body instanceof Uint8Array))
                return res;
            if (res.status === 303 ? method !== 'HEAD' : (res.status === 301 || res.status === 302) && method === 'POST') {
                method = 'GET';
                body = undefined;
                for (const name of Object.keys(headers))
                    if (/^content-/i.test(name))
                        delete headers[name];
            }
            url = new URL(location, url);
            if (url.origin !== origin)
                for (const name of Object.keys(headers))
                    if (/^authorization$/i.test(name))
                        delete headers[name];
        }
    };
}
function send(agents, url, method, headers, body, bounds, streamBody = false) {
    const where = `${method} ${url.origin}${url.pathname}`;
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
        return Promise.reject(new Error(`${where}: not an http(s) URL`));
    const lib = url.protocol === 'https:' ? (node_https__WEBPACK_IMPORTED_MODULE_1___default()) : (node_http__WEBPACK_IMPORTED_MODULE_0___default());
    const fixed = typeof body === 'string' ? Buffer.from(body) : body instanceof Uint8Array ? body : undefined;
    const stream = body !== undefined && typeof body !== 'string' && !(body instanceof Uint8Array) ? body : undefined;
    return new Promise((resolve, reject) => {
        const timers = [];
        const req = lib.request(url, { method, agent: agents[url.protocol], headers: fixed ? { ...headers, 'content-length': String(fixed.length) } : headers }, res => {
            for (const timer of timers)
                clearTimeout(timer);
            const status = res.statusCode ?? 0;
            if (streamBody && status >= 200 && status < 300)
                return resolve(streamed(status, res));
            const chunks = [];
            res.on('data', (chunk) => chunks.push(chunk));
            res.on('error', error => reject(failed(url, where, error)));
            res.on('end', () => resolve(response(res.statusCode ?? 0, res.headers, Buffer.concat(chunks))));
        });
        // Rejected at once: a request still waiting for its socket (a proxy that never answers CONNECT) reports no error of its own.
        const timeout = (ms, what) => () => {
            const error = Object.assign(new Error(`${what} in ${ms / 1000}s`), { code: 'ETIMEDOUT' });
            reject(failed(url, where, error));
            req.destroy(error);
        };
        const expectAnswer = () => timers.push(setTimeout(timeout(bounds.response, 'no answer'), bounds.response));
        const connecting = setTimeout(timeout(bounds.connect, 'no connection'), bounds.connect);
        timers.push(connecting);
        req.once('socket', socket => (socket.connecting ? socket.once('connect', () => clearTimeout(connecting)) : clearTimeout(connecting)));
        // A small request is answered within the bound from the start; a streamed upload, from its last byte.
        if (stream)
            req.once('finish', expectAnswer);
        else
            expectAnswer();
        req.setTimeout(bounds.idle, timeout(bounds.idle, 'nothing received'));
        req.once('close', () => timers.forEach(clearTimeout));
        req.on('error', error => reject(failed(url, where, error)));
        if (fixed)
            req.end(fixed);
        else if (stream) {
            stream.on('error', (error) => req.destroy(error));
            stream.pipe(req);
        }
        else
            req.end();
    });
}
/**
 * A transport error naming the request, never a header; its code (ECONNRESET, ETIMEDOUT …)
 * kept for the retry's decision. A refused certificate is explained instead.
 */
function failed(url, where, error) {
    return (0,_certificates_js__WEBPACK_IMPORTED_MODULE_3__/* .explainCertificateError */ .V)(url.host, error) ?? Object.assign(new Error(`${where}: ${error.message}`), error.code !== undefined ? { code: error.code } : {});
}
/** An answer whose body the caller streams; reading it whole instead still works. */
function streamed(status, res) {
    const whole = async () => {
        const chunks = [];
        for await (const chunk of res)
            chunks.push(chunk);
        return Buffer.concat(chunks);
    };
    return {
        ...response(status, res.headers, Buffer.alloc(0)),
        text: async () => (await whole()).toString('utf8'),
        json: async () => JSON.parse((await whole()).toString('utf8')),
        arrayBuffer: async () => new Uint8Array(await whole()).buffer,
        stream: res
    };
}
function response(status, headers, body) {
    return {
        status,
        ok: status >= 200 && status < 300,
        headers: {
            get(name) {
                const value = headers[name.toLowerCase()];
                return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
            }
        },
        text: async () => body.toString('utf8'),
        json: async () => JSON.parse(body.toString('utf8')),
        arrayBuffer: async () => body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength)
    };
}


/***/ })

};
