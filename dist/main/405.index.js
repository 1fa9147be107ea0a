export const id = 405;
export const ids = [405,284];
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


/***/ }),

/***/ 8134:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OL: () => (/* binding */ mergeScopes),
/* harmony export */   OZ: () => (/* binding */ parseBearerChallenge),
/* harmony export */   au: () => (/* binding */ ownLocation),
/* harmony export */   pp: () => (/* binding */ scopeCovers),
/* harmony export */   xq: () => (/* binding */ tokenRealm)
/* harmony export */ });
/* harmony import */ var _settings_registry_host_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5777);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/**
 * The pure parts of the Bearer token dance a registry like public.ecr.aws asks for: the
 * challenge, the scopes a token grants, and where the registry's password may be sent for
 * one — over https to the registry's own host or to ECR Public's token service, nowhere
 * else, whatever realm a challenge names. And where an upload may go on with it: the
 * registry's own origin only.
 */


/**
 * The token service a challenge names, if the registry's password may go there: the
 * registry itself (same origin as the client's base), or https on the registry's own host
 * or on public.ecr.aws. Any other realm is refused, before anything is sent to it.
 */
function tokenRealm(realm, base, registry) {
    let url;
    try {
        url = new URL(realm);
    }
    catch {
        url = undefined;
    }
    const own = new URL(`https://${registry}`).hostname;
    if (url !== undefined && (url.origin === new URL(base).origin || (url.protocol === 'https:' && (url.hostname === own || url.hostname === _settings_registry_host_js__WEBPACK_IMPORTED_MODULE_0__/* .PUBLIC_REGISTRY */ .uD))))
        return url;
    const shown = url !== undefined ? url.origin : `'${realm.slice(0, 100)}'`;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`The registry ${registry} asked for its password to be sent to ${shown} for a token; the action sends it only over https to ${own} itself or to ${_settings_registry_host_js__WEBPACK_IMPORTED_MODULE_0__/* .PUBLIC_REGISTRY */ .uD}, ` +
        'so it stopped there: check that the registry (and AWS_ENDPOINT_URL) are the ones the job should use.');
}
/**
 * Where an upload goes on, from the registry's `Location`: only on the registry's own origin
 * (`base`) — ECR's upload locations are on its host — since the next request carries the
 * registry's password. Another host, or plain http, is refused before anything is sent there.
 */
function ownLocation(location, base, registry) {
    const own = new URL(base);
    let url;
    try {
        url = new URL(location, own);
    }
    catch {
        url = undefined;
    }
    if (url?.origin === own.origin)
        return url;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`The registry ${registry} gave an upload location on ${url === undefined ? 'an address that is no URL' : `${url.protocol}//${url.host}`}; the action sends the registry's password only to ${own.origin} itself, ` +
        'so it stopped there: check that the registry (and AWS_ENDPOINT_URL) are the ones the job should use.');
}
/**
 * A token scope (`repository:alias/web:pull,push`, several separated by spaces) as the
 * actions granted per resource; a scope of another shape is kept whole (no actions).
 */
function scopeActions(scope) {
    const granted = new Map();
    for (const one of scope.split(' ').filter(Boolean)) {
        const m = /^([^:]+:.+):([^:]*)$/.exec(one);
        if (!m) {
            granted.set(one, undefined);
            continue;
        }
        const resource = m[1] ?? one;
        granted.set(resource, new Set([...(granted.get(resource) ?? []), ...(m[2] ?? '').split(',').filter(Boolean)]));
    }
    return granted;
}
/** Whether a token for scope `held` grants all that `wanted` asks. */
function scopeCovers(held, wanted) {
    const have = scopeActions(held);
    return [...scopeActions(wanted)].every(([resource, actions]) => have.has(resource) && [...(actions ?? [])].every(a => have.get(resource)?.has(a)));
}
/** One scope asking for all that both ask. */
function mergeScopes(a, b) {
    const merged = scopeActions(a);
    for (const [resource, actions] of scopeActions(b)) {
        const before = merged.get(resource);
        merged.set(resource, actions === undefined && before === undefined ? undefined : new Set([...(before ?? []), ...(actions ?? [])]));
    }
    return [...merged].map(([resource, actions]) => (actions === undefined ? resource : `${resource}:${[...actions].join(',')}`)).join(' ');
}
/** `Bearer realm="…",service="…",scope="…"` → its parts; undefined for other schemes. */
function parseBearerChallenge(header) {
    if (!/^Bearer\s/i.test(header))
        return undefined;
    const params = Object.fromEntries([...header.matchAll(/(\w+)="([^"]*)"/g)].map(m => [m[1], m[2]]));
    return params.realm ? { realm: params.realm, service: params.service ?? '', scope: params.scope ?? '' } : undefined;
}


/***/ }),

/***/ 9405:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  INDEX_MEDIA_TYPES: () => (/* binding */ INDEX_MEDIA_TYPES),
  MANIFEST_MEDIA_TYPES: () => (/* binding */ MANIFEST_MEDIA_TYPES),
  RegistryClient: () => (/* binding */ RegistryClient),
  RegistryError: () => (/* reexport */ RegistryError),
  parseManifest: () => (/* binding */ parseManifest)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/registry/bearer.ts
var bearer = __webpack_require__(8134);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/registry/answer.ts
/** What a registry's answer says when it is not the one asked for: its status and error code, safe for the log. */

class RegistryError extends Error {
    status;
    code;
    name = 'RegistryError';
    constructor(status, message, 
    /** the registry's first error code (`TAG_INVALID`, `NAME_UNKNOWN` …), when its answer gave one */
    code) {
        super(message);
        this.status = status;
        this.code = code;
    }
}
/** Fails with the status and the registry's error code (e.g. NAME_UNKNOWN), never the request headers. */
async function expect(res, ok, what) {
    if (ok.includes(res.status)) {
        // Let the connection be reused.
        await res.arrayBuffer().catch(() => undefined);
        return;
    }
    const { text, code } = await errorText(res);
    throw new RegistryError(res.status, `${what}: ${res.status}${text}`, code);
}
/**
 * What a registry's error answer says (` CODE: message; …`, else the start of its body),
 * made safe for the log: it reaches the retry's log lines and the run's error; and the
 * first error's code, which decides what a refusal means.
 */
async function errorText(res) {
    const body = await res.text().catch(() => '');
    let said;
    let code;
    try {
        const errors = JSON.parse(body).errors ?? [];
        said = errors.map(e => `${e.code}: ${e.message}`).join('; ');
        code = errors[0]?.code;
    }
    catch {
        said = body.slice(0, 200);
    }
    return { text: said === '' ? '' : ` ${(0,errors/* logSafe */.sN)(said)}`, ...(code !== undefined ? { code } : {}) };
}

// EXTERNAL MODULE: ./src/network/http.ts
var http = __webpack_require__(5284);
;// CONCATENATED MODULE: ./src/registry/client.ts
/**
 * A small client for the registry's HTTP API v2 (the OCI distribution API docker itself
 * speaks). It reads what a tag points to before building (the manifest, an image's config
 * with its labels), and pushes an OCI layout by digest (blobs, then manifests), for
 * `push-by-digest`. It uses the registry password the login stage already holds, as
 * basic auth, sent only to the registry's own origin; the Authorization header never
 * reaches a log line or an error.
 */





const INDEX_MEDIA_TYPES = ['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json'];
const MANIFEST_MEDIA_TYPES = ['application/vnd.oci.image.manifest.v1+json', 'application/vnd.docker.distribution.manifest.v2+json'];
/** A manifest's JSON with its digest; its media type from the JSON, else the one it was served as. */
function parseManifest(json, mediaType, digest) {
    const body = JSON.parse(json);
    return { ...body, mediaType: body.mediaType ?? mediaType, digest };
}
class RegistryClient {
    auth;
    transport;
    /** `https://<registry>`; tests may point it at a plain-HTTP registry. */
    base;
    constructor(auth, base, transport = (0,http.createTransport)()) {
        this.auth = auth;
        this.transport = transport;
        this.base = base ?? `https://${this.registry}`;
    }
    /** The registry's host, as signed in to. */
    get registry() {
        return ('current' in this.auth ? this.auth.current : this.auth).registry;
    }
    /** A bearer token the registry's token service gave, once it asked for one (ECR Public). */
    bearer;
    /** The password as basic auth, renewed first when it is about to run out. */
    async basic() {
        const { username, password } = 'current' in this.auth ? await this.auth.get() : this.auth;
        return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
    }
    async authorization() {
        return this.bearer ? `Bearer ${this.bearer.token}` : this.basic();
    }
    async get(path, accept) {
        return this.send('GET', `/v2/${path}`, { headers: { accept: accept.join(', ') } });
    }
    /**
     * A request with the registry's credentials; `url` may be a path or a Location the
     * registry gave. ECR takes the password as basic auth; a registry that answers 401 with a
     * Bearer challenge (public.ecr.aws) gets the token dance: the password buys a token from
     * the realm for the challenged scope, and the request is sent again with it (a streamed
     * body can't be sent twice, but uploads start with a POST that has none).
     *
     * Requests run side by side (four blob uploads at once), so a 401 may answer a request
     * sent before another one got a token: it is sent again with the token now held when that
     * token covers the challenge, and the 401 is final only for a request that carried such a
     * token. A token asked for also covers what the held one did, so a pull challenge never
     * takes push away from an upload in flight; one fetch per scope serves every request.
     * Public for the registry calls other modules make (copy.ts: blob reads and mounts).
     */
    async send(method, url, init = {}) {
        const go = (authorization) => this.transport(new URL(url, this.base), { method, ...init, headers: { authorization, ...init.headers } });
        const sent = await this.authorization();
        const res = await go(sent);
        const challenge = res.status === 401 ? (0,bearer/* parseBearerChallenge */.OZ)(res.headers.get('www-authenticate') ?? '') : undefined;
        const streamed = init.body !== undefined && typeof init.body !== 'string' && !(init.body instanceof Uint8Array);
        if (challenge === undefined || streamed)
            return res;
        const held = this.bearer;
        let token;
        if (held !== undefined && (0,bearer/* scopeCovers */.pp)(held.scope, challenge.scope)) {
            if (`Bearer ${held.token}` === sent)
                return res;
            token = held.token;
        }
        else {
            const scope = (0,bearer/* mergeScopes */.OL)(held?.scope ?? '', challenge.scope);
            token = await this.token(challenge.realm, challenge.service, scope);
            if (token === undefined)
                return res;
            if (this.bearer === undefined || (0,bearer/* scopeCovers */.pp)(scope, this.bearer.scope))
                this.bearer = { scope, token };
        }
        await res.arrayBuffer().catch(() => undefined);
        return go(`Bearer ${token}`);
    }
    /** Token fetches in flight, by realm, service and scope: requests challenged together share one. */
    tokenFetches = new Map();
    token(realm, service, scope) {
        const key = `${realm} ${service} ${scope}`;
        let fetching = this.tokenFetches.get(key);
        if (fetching === undefined) {
            fetching = this.fetchToken(realm, service, scope);
            this.tokenFetches.set(key, fetching);
            const done = () => void this.tokenFetches.delete(key);
            fetching.then(done, done);
        }
        return fetching;
    }
    async fetchToken(realm, service, scope) {
        const tokenUrl = (0,bearer/* tokenRealm */.xq)(realm, this.base, this.registry);
        if (service)
            tokenUrl.searchParams.set('service', service);
        for (const one of scope.split(' ').filter(Boolean))
            tokenUrl.searchParams.append('scope', one);
        const tokenRes = await this.transport(tokenUrl, { headers: { authorization: await this.basic() } });
        if (!tokenRes.ok) {
            await tokenRes.arrayBuffer().catch(() => undefined);
            return undefined;
        }
        const body = (await tokenRes.json());
        return body.token ?? body.access_token ?? undefined;
    }
    /** Whether the repository already holds a blob (HEAD). */
    async blobExists(repository, digest) {
        const res = await this.send('HEAD', `/v2/${repository}/blobs/${digest}`);
        if (res.status === 404)
            return false;
        if (!res.ok)
            throw new RegistryError(res.status, `HEAD ${repository} blob ${digest}: ${res.status}`);
        return true;
    }
    /**
     * Uploads a blob — a stream (never held in memory) or small bytes: start an upload, send
     * the whole blob in one PATCH — what docker does, and ECR takes — then close it with its
     * digest, unless `beforeClose` throws (the caller's check of what was sent).
     */
    async uploadBlob(repository, digest, size, body, beforeClose = () => undefined) {
        const started = await this.send('POST', `/v2/${repository}/blobs/uploads/`);
        await expect(started, [202], `start an upload to ${repository}`);
        const patchUrl = this.uploadLocation(started);
        const patched = await this.send('PATCH', patchUrl.toString(), {
            headers: { 'content-type': 'application/octet-stream', 'content-length': String(size) },
            body
        });
        await expect(patched, [202], `upload ${digest} to ${repository}`);
        beforeClose();
        const closeUrl = this.uploadLocation(patched);
        closeUrl.searchParams.set('digest', digest);
        const closed = await this.send('PUT', closeUrl.toString(), { headers: { 'content-length': '0' } });
        await expect(closed, [201], `complete the upload of ${digest} to ${repository}`);
    }
    /**
     * Uploads small bytes in two requests where uploadBlob takes three: start an upload, then
     * close it with the bytes in the same request (the OCI spec's monolithic upload, POST then
     * PUT; what containerd's pusher, and so buildx, does against ECR).
     */
    async uploadSmall(repository, digest, body) {
        const started = await this.send('POST', `/v2/${repository}/blobs/uploads/`);
        await expect(started, [202], `start an upload to ${repository}`);
        const closeUrl = this.uploadLocation(started);
        closeUrl.searchParams.set('digest', digest);
        const closed = await this.send('PUT', closeUrl.toString(), { headers: { 'content-type': 'application/octet-stream', 'content-length': String(body.length) }, body });
        await expect(closed, [201], `upload ${digest} to ${repository}`);
    }
    /** PUTs a manifest under a digest or tag; returns the digest the registry computed. */
    async putManifest(repository, reference, mediaType, body) {
        return (await this.storeManifest(repository, reference, mediaType, body)).digest;
    }
    /** The same, with the `OCI-Subject` the registry answered: OCI 1.1, it indexed the manifest's `subject` as a referrer. */
    async storeManifest(repository, reference, mediaType, body) {
        const res = await this.send('PUT', `/v2/${repository}/manifests/${reference}`, { headers: { 'content-type': mediaType }, body });
        await expect(res, [201], `PUT ${repository}@${reference} manifest`);
        const subject = res.headers.get('oci-subject');
        return { digest: res.headers.get('docker-content-digest') ?? '', ...(subject ? { subject } : {}) };
    }
    /** The referrers API (OCI 1.1): what refers to `digest`; undefined when the registry has no such API (404). */
    async referrers(repository, digest) {
        const res = await this.get(`${repository}/referrers/${digest}`, [INDEX_MEDIA_TYPES[0] ?? '']);
        if (res.status === 404)
            return (await res.arrayBuffer().catch(() => undefined), undefined);
        if (!res.ok)
            throw new RegistryError(res.status, `GET ${repository} referrers of ${digest}: ${res.status}${(await errorText(res)).text}`);
        return (await res.json()).manifests ?? [];
    }
    /** The manifest a tag or digest names; undefined when the registry has no such tag. */
    async manifest(repository, reference) {
        const raw = await this.manifestBytes(repository, reference);
        return raw === undefined ? undefined : parseManifest(raw.body.toString('utf8'), raw.mediaType, raw.digest);
    }
    /** Manifests read by digest: content-addressed, so one read serves every caller (tagging and the summary read the new index at once). */
    byDigest = new Map();
    /**
     * A manifest's exact bytes, with its media type and digest (to put it under a tag as it
     * is); undefined when there is none. By digest, a found manifest is read once.
     */
    async manifestBytes(repository, reference) {
        if (!reference.startsWith('sha256:'))
            return this.readManifest(repository, reference);
        const key = `${repository}@${reference}`;
        let read = this.byDigest.get(key);
        if (read === undefined) {
            read = this.readManifest(repository, reference);
            this.byDigest.set(key, read);
            // Only what was found is kept: a miss or a failure is asked again next time.
            read.then(m => m ?? this.byDigest.delete(key), () => this.byDigest.delete(key));
        }
        return read;
    }
    async readManifest(repository, reference) {
        const res = await this.get(`${repository}/manifests/${reference}`, [...INDEX_MEDIA_TYPES, ...MANIFEST_MEDIA_TYPES]);
        if (res.status === 404)
            return undefined;
        if (!res.ok)
            throw new RegistryError(res.status, `GET ${repository}:${reference} manifest: ${res.status}${(await errorText(res)).text}`);
        const body = Buffer.from(await res.arrayBuffer());
        // A registry that sends no Docker-Content-Digest: the digest is that of the bytes served.
        const digest = res.headers.get('docker-content-digest') || `sha256:${(0,external_node_crypto_.createHash)('sha256').update(body).digest('hex')}`;
        return { mediaType: res.headers.get('content-type') ?? '', digest, body };
    }
    /** Where an upload goes on: the registry's `Location`, on its own origin only (bearer.ts). */
    uploadLocation(res) {
        const value = res.headers.get('location');
        if (!value)
            throw new RegistryError(res.status, 'the registry gave no upload location');
        return (0,bearer/* ownLocation */.au)(value, this.base, this.registry);
    }
    /**
     * A JSON blob (an image config); the registry may redirect to storage (ECR: a presigned
     * S3 URL), which the transport follows without the Authorization header (http.ts).
     */
    async jsonBlob(repository, digest) {
        const res = await this.get(`${repository}/blobs/${digest}`, ['application/json', '*/*']);
        if (!res.ok)
            throw new RegistryError(res.status, `GET ${repository} blob ${digest}: ${res.status}`);
        return res.json();
    }
}


/***/ })

};
