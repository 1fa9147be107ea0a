/**
 * What the bundle gives @actions/http-client for `undici` (tsconfig.json's `paths` maps the
 * name here; ncc follows it). http-client imports undici only for `ProxyAgent`, which it
 * builds in `getAgentDispatcher()`, for fetch-based clients such as Octokit; this action has
 * none, and asks for the OIDC token itself (aws/oidc-token.ts) rather than through
 * `core.getIDToken`.
 * The real undici is 0.9 MB of a 2.3 MB bundle and, once loaded, makes itself the global
 * fetch's dispatcher: leaving it out starts the main step about 40 ms sooner
 * (docs/benchmarks.md). A test checks the bundle holds none of it.
 */
export class ProxyAgent {
  constructor() {
    throw new Error('undici is not part of the ecr-build-push bundle (src/undici-stub.ts): this action makes no fetch-based requests through a proxy.')
  }
}
