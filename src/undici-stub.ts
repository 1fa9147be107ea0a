/**
 * What the bundle gives @actions/http-client for `undici` (tsconfig.json's `paths` maps the
 * name here; ncc follows it). http-client imports undici only for `ProxyAgent`, which it
 * builds in `getAgentDispatcher()`, for fetch-based clients such as Octokit; this action has
 * none. Its one use of http-client, the OIDC token request (`core.getIDToken`), goes
 * through node:http and keeps http-client's proxy support (`https_proxy`, `no_proxy`).
 * The real undici is 0.9 MB of a 2.3 MB bundle and, once loaded, makes itself the global
 * fetch's dispatcher: leaving it out starts the main step about 40 ms sooner
 * (docs/benchmarks.md). A test checks the bundle holds none of it.
 */
export class ProxyAgent {
  constructor() {
    throw new Error('undici is not part of the ecr-build-push bundle (src/undici-stub.ts): this action makes no fetch-based requests through a proxy.')
  }
}
