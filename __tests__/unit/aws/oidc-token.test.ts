/**
 * The OIDC token request to the runner's endpoint: the request token and audience, the token
 * masked, its bounds and retries, and the proxy.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { requestIdToken } from '../../../src/aws/oidc-token.js'
import { configureNetwork } from '../../../src/network/agents.js'
import { isTransient } from '../../../src/retry.js'
import type { ProxyConfig } from '../../../src/settings/types.js'
import { startProxy } from '../../fixtures/fake-proxy.js'

const DIRECT: ProxyConfig = { https: '', http: '', noProxy: [], source: '' }

const SHORT = { connect: 1000, awsResponse: 400, response: 400, idle: 2000 }

/** A server that answers with `answer(n)` for its n-th request (1-based); `undefined`: never answers. */
async function server(answer: (n: number, body: string, req: http.IncomingMessage) => { status: number; body: string; type?: string } | undefined) {
  const requests: { target: string; body: string }[] = []
  const srv = http.createServer((req, res) => {
    let body = ''
    req.on('data', (c: Buffer) => (body += c.toString()))
    req.on('end', () => {
      requests.push({ target: req.headers['x-amz-target']?.toString() ?? req.url ?? '', body })
      const a = answer(requests.length, body, req)
      if (a) res.writeHead(a.status, { 'content-type': a.type ?? 'application/x-amz-json-1.1' }).end(a.body)
    })
  })
  await new Promise<void>(resolve => srv.listen(0, '127.0.0.1', resolve))
  const port = (srv.address() as AddressInfo).port
  return {
    port,
    base: `http://127.0.0.1:${port}`,
    requests,
    close: () => {
      srv.closeAllConnections()
      srv.close()
    }
  }
}

afterEach(async () => configureNetwork(DIRECT))

describe('the OIDC token request', () => {
  const env = (base: string) => ({ ACTIONS_ID_TOKEN_REQUEST_URL: `${base}/token?api-version=2.0`, ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token' })

  test('asks with the request token and the audience; the token is masked', async () => {
    const seen: string[] = []
    const oidc = await server((_n, _b, req) => {
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
    await configureNetwork(DIRECT, { timeouts: SHORT })
    const oidc = await server(n => (n === 1 ? undefined : n === 2 ? { status: 503, body: '' } : { status: 403, body: '' }))
    try {
      const hung = await requestIdToken(env(oidc.base), 'aud', () => undefined).catch((e: unknown) => e)
      expect(hung).toMatchObject({ code: 'ETIMEDOUT' })
      expect(isTransient(hung)).toBe(true)
      const unavailable = await requestIdToken(env(oidc.base), 'aud', () => undefined).catch((e: unknown) => e)
      expect(unavailable).toMatchObject({ status: 503 })
      expect(isTransient(unavailable)).toBe(true)
      const refused = await requestIdToken(env(oidc.base), 'aud', () => undefined).catch((e: unknown) => e)
      expect(isTransient(refused)).toBe(false)
    } finally {
      oidc.close()
    }
  })

  test('through the proxy, which the request reaches by the endpoint host name', async () => {
    const oidc = await server(() => ({ status: 200, body: JSON.stringify({ value: 'jwt' }), type: 'application/json' }))
    const proxy = await startProxy({ targets: { 'oidc.test': oidc.port } })
    try {
      await configureNetwork({ https: proxy.url, http: proxy.url, noProxy: [], source: 'test' })
      expect(await requestIdToken(env(`http://oidc.test:${oidc.port}`), 'aud', () => undefined)).toBe('jwt')
      expect(proxy.log).toEqual([{ method: 'GET', target: `oidc.test:${oidc.port}` }])
    } finally {
      await proxy.close()
      oidc.close()
    }
  })
})
