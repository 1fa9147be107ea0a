/**
 * The OIDC token request to the runner's endpoint: the request token and audience, the token
 * masked, its bounds and retries, and the proxy.
 */
import { requestIdToken } from '../../../src/aws/oidc-token.js'
import { networkSettings } from '../../../src/network/agents.js'
import { createTransport } from '../../../src/network/http.js'
import { isTransient } from '../../../src/retry.js'
import type { ProxyConfig } from '../../../src/settings/types.js'
import { startProxy } from '../../fixtures/fake-proxy.js'
import { answeringServer } from '../../fixtures/answering-server.js'

const DIRECT: ProxyConfig = { https: '', http: '', noProxy: [], source: '' }

const SHORT = { connect: 1000, awsResponse: 400, response: 400, idle: 2000 }

describe('the OIDC token request', () => {
  const env = (base: string) => ({ ACTIONS_ID_TOKEN_REQUEST_URL: `${base}/token?api-version=2.0`, ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token' })

  test('asks with the request token and the audience; the token is masked', async () => {
    const seen: string[] = []
    const oidc = await answeringServer((_n, _b, req) => {
      seen.push(`${req.url} ${req.headers.authorization}`)
      return { status: 200, body: JSON.stringify({ value: 'the.jwt' }), type: 'application/json' }
    })
    const masked: string[] = []
    try {
      expect(await requestIdToken(env(oidc.base), 'sts.amazonaws.com', v => masked.push(v))).toBe('the.jwt')
      expect(seen).toEqual(['/token?api-version=2.0&audience=sts.amazonaws.com Bearer request-token'])
      expect(masked).toEqual(['the.jwt'])
    } finally {
      oidc.close()
    }
  })

  test('an endpoint that never answers fails the try at the response bound (ETIMEDOUT: tried again); a 5xx is transient, a 4xx is not', async () => {
    const transport = createTransport({ network: await networkSettings(DIRECT, { timeouts: SHORT }) })
    const oidc = await answeringServer(n => (n === 1 ? undefined : n === 2 ? { status: 503, body: '' } : { status: 403, body: '' }))
    try {
      const hung = await requestIdToken(env(oidc.base), 'aud', () => undefined, transport).catch((e: unknown) => e)
      expect(hung).toMatchObject({ code: 'ETIMEDOUT' })
      expect(isTransient(hung)).toBe(true)
      const unavailable = await requestIdToken(env(oidc.base), 'aud', () => undefined, transport).catch((e: unknown) => e)
      expect(unavailable).toMatchObject({ status: 503 })
      expect(isTransient(unavailable)).toBe(true)
      const refused = await requestIdToken(env(oidc.base), 'aud', () => undefined, transport).catch((e: unknown) => e)
      expect(isTransient(refused)).toBe(false)
    } finally {
      oidc.close()
    }
  })

  test('through the proxy, which the request reaches by the endpoint host name', async () => {
    const oidc = await answeringServer(() => ({ status: 200, body: JSON.stringify({ value: 'jwt' }), type: 'application/json' }))
    const proxy = await startProxy({ targets: { 'oidc.test': oidc.port } })
    try {
      const network = await networkSettings({ https: proxy.url, http: proxy.url, noProxy: [], source: 'test' })
      expect(await requestIdToken(env(`http://oidc.test:${oidc.port}`), 'aud', () => undefined, createTransport({ network }))).toBe('jwt')
      expect(proxy.log).toEqual([{ method: 'GET', target: `oidc.test:${oidc.port}` }])
    } finally {
      await proxy.close()
      oidc.close()
    }
  })
})
