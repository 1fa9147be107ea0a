/**
 * The action's own HTTP: which proxy a request takes (inputs over the environment, NO_PROXY
 * as Go reads it), the credentials masked, the registry transport through a real local
 * proxy, its bounds (a proxy that never answers CONNECT, a TLS server that never speaks), and
 * certificates the runner refuses, explained in one line.
 */
import http from 'node:http'
import https from 'node:https'
import net, { type AddressInfo } from 'node:net'
import { ActionError, InputError } from '../../src/errors.js'
import { DEFAULT_TIMEOUTS, networkSettings } from '../../src/network/agents.js'
import { explainCertificateError, isCertificateError } from '../../src/network/certificates.js'
import { proxyFor } from '../../src/network/proxy.js'
import { createTransport } from '../../src/network/http.js'
import { proxySecrets, readNetwork, redactProxy, UNSHOWN_PROXY } from '../../src/settings/network.js'
import type { ProxyConfig } from '../../src/settings/types.js'
import { startProxy, type FakeProxy } from '../fixtures/fake-proxy.js'
import { selfSigned } from '../fixtures/tls.js'

const DIRECT: ProxyConfig = { https: '', http: '', noProxy: [], source: '' }

describe('readNetwork: the http-proxy and no-proxy inputs win over the environment', () => {
  test('the environment: https_proxy for https, http_proxy for http, the lower-case spelling first; a proxy without a scheme is http', () => {
    expect(readNetwork({ HTTPS_PROXY: 'http://upper:3128', https_proxy: 'http://lower:3128', HTTP_PROXY: 'proxy.corp:8080', NO_PROXY: '.internal, 10.0.0.0/8 ,localhost' }).proxy).toEqual({
      https: 'http://lower:3128',
      http: 'http://proxy.corp:8080',
      noProxy: ['.internal', '10.0.0.0/8', 'localhost'],
      source: 'the environment'
    })
    expect(readNetwork({}).proxy).toEqual({ https: '', http: '', noProxy: [], source: 'the environment' })
  })

  test('the inputs: one proxy for both schemes, and their own no-proxy list', () => {
    const env = { HTTPS_PROXY: 'http://env:1', NO_PROXY: 'env.example', 'INPUT_HTTP-PROXY': 'http://alice:s3cret@proxy.corp:3128', 'INPUT_NO-PROXY': 'a.example\n.b.example' }
    expect(readNetwork(env).proxy).toEqual({
      https: 'http://alice:s3cret@proxy.corp:3128',
      http: 'http://alice:s3cret@proxy.corp:3128',
      noProxy: ['a.example', '.b.example'],
      source: 'http-proxy'
    })
    // no-proxy alone overrides NO_PROXY for the environment's proxy
    expect(readNetwork({ HTTPS_PROXY: 'http://env:1', NO_PROXY: 'env.example', 'INPUT_NO-PROXY': '*' }).proxy.noProxy).toEqual(['*'])
  })

  test('a bad http-proxy is one line naming the input, never its credentials, whatever their form', () => {
    const bads = ['socks5://alice:s3cret@proxy:1080', 'proxy.corp:3128', 'http://', 'ftp://proxy', 'user:s3cret@proxy:3128', 'http://user:s3/cret@proxy:3128', 'socks5://ghp_s3cret@proxy:1080', 'http://alice:s3cret@[bad']
    for (const bad of bads) {
      const error = (() => {
        try {
          readNetwork({ 'INPUT_HTTP-PROXY': bad })
        } catch (e) {
          return e as Error
        }
        return undefined
      })()
      expect(error).toBeInstanceOf(InputError)
      expect(error?.message).toMatch(/^Input 'http-proxy': ('.*'|<a value not shaped like a URL, not shown>) is not a proxy URL: use http:\/\/host:port, or http:\/\/user:password@host:port\.$/)
      expect(error?.message).not.toMatch(/s3cret|s3\/cret/)
    }
  })

  test('a proxy variable that is no URL fails the run naming it, password hidden', () => {
    expect(() => readNetwork({ HTTPS_PROXY: 'http://alice:s3cret@[bad' })).toThrow(ActionError)
    expect(() => readNetwork({ HTTPS_PROXY: 'http://alice:s3cret@[bad' })).toThrow(
      "HTTPS_PROXY in the job's environment is not a proxy URL (<a value not shaped like a URL, not shown>): use http://host:port, or unset it."
    )
    expect(() => readNetwork({ HTTPS_PROXY: 'http://alice:pa/ss@proxy:3128' })).toThrow("HTTPS_PROXY in the job's environment is not a proxy URL ('http://***@proxy:3128')")
  })

  test.each([
    ['http://alice:p@ss@proxy:3128', 'http://***@proxy:3128'],
    // a password with `/`, which URL parsing takes for the end of the host
    ['http://user:pa/ss@host:3128', 'http://***@host:3128'],
    // no scheme, as HTTPS_PROXY may be written
    ['user:pass@proxy:3128', '***@proxy:3128'],
    // a token as the user name
    ['http://ghp_0123456789abcdef@proxy:3128', 'http://***@proxy:3128'],
    ['https://x-access-token:ghp_abc@proxy.corp', 'https://***@proxy.corp'],
    // percent-encoded credentials
    ['http://al%40ice:s3cr%2Ft%40@proxy:3128/', 'http://***@proxy:3128/'],
    ['socks5://alice:s3cret@[::1]:1080', 'socks5://***@[::1]:1080'],
    ['http://proxy:3128', 'http://proxy:3128'],
    ['proxy.corp:3128', 'proxy.corp:3128'],
    // what can't be parsed shows nothing of itself
    ['http://alice:s3cret@[bad', UNSHOWN_PROXY],
    ['http://alice:s3 cret@proxy:3128 trailing', UNSHOWN_PROXY],
    ['http://proxy:3128/path?token=s3cret', UNSHOWN_PROXY],
    ['s3cret-without-a-host@', UNSHOWN_PROXY],
    ['http://', UNSHOWN_PROXY]
  ])('redactProxy(%j) → %j', (value, shown) => {
    expect(redactProxy(value)).toBe(shown)
  })

  test('proxySecrets: the URL, and the password or a lone user name (a token), as written and decoded', () => {
    expect(proxySecrets('http://alice:s3cr%40t@proxy:3128')).toEqual(['http://alice:s3cr%40t@proxy:3128', 's3cr%40t', 's3cr@t'])
    expect(proxySecrets('http://user:pa/ss@host:3128')).toEqual(['http://user:pa/ss@host:3128', 'pa/ss'])
    expect(proxySecrets('user:pass@proxy:3128')).toEqual(['user:pass@proxy:3128', 'pass'])
    expect(proxySecrets('http://ghp_0123456789abcdef@proxy:3128')).toEqual(['http://ghp_0123456789abcdef@proxy:3128', 'ghp_0123456789abcdef'])
    expect(proxySecrets('http://a:100%@proxy:3128')).toEqual(['http://a:100%@proxy:3128', '100%'])
    expect(proxySecrets('http://proxy:3128')).toEqual([])
  })
})

describe('proxyFor: NO_PROXY as Go (and so docker) reads it', () => {
  const config = (noProxy: string[]): ProxyConfig => ({ https: 'http://p:1', http: 'http://q:2', noProxy, source: 'test' })
  const via = (url: string, noProxy: string[] = []) => proxyFor(new URL(url), config(noProxy))

  test.each([
    ['https://123456789012.dkr.ecr.us-east-1.amazonaws.com/v2/', [], 'http://p:1'],
    ['http://aws.stack.test:4566/', [], 'http://q:2'],
    ['https://localhost/v2/', [], ''],
    ['http://127.0.0.1:4566/', [], ''],
    ['http://127.1.2.3/', [], ''],
    ['https://[::1]:443/', [], ''],
    ['https://a.example.com/', ['example.com'], ''],
    ['https://example.com/', ['example.com'], ''],
    ['https://notexample.com/', ['example.com'], 'http://p:1'],
    ['https://example.com/', ['.example.com'], 'http://p:1'],
    ['https://a.example.com/', ['.example.com'], ''],
    ['https://a.example.com/', ['*.example.com'], ''],
    ['https://example.com/', ['*.example.com'], 'http://p:1'],
    ['http://aws.stack.test:4566/', ['aws.stack.test:4566'], ''],
    ['http://aws.stack.test:4567/', ['aws.stack.test:4566'], 'http://q:2'],
    ['https://public.ecr.aws/token', ['public.ecr.aws:443'], ''],
    ['https://10.1.2.3/', ['10.0.0.0/8'], ''],
    ['https://11.1.2.3/', ['10.0.0.0/8'], 'http://p:1'],
    ['https://192.168.1.5/', ['192.168.1.5'], ''],
    ['https://[2001:db8::1]/', ['2001:db8::/32'], ''],
    ['https://anything.example/', ['*'], ''],
    ['ftp://x.example/', [], '']
  ])('%s with NO_PROXY %j → %j', (url, noProxy, expected) => {
    expect(via(url, noProxy)).toBe(expected)
  })

  test('a scheme without a proxy goes directly', () => {
    expect(proxyFor(new URL('https://x.example/'), { https: '', http: 'http://q:2', noProxy: [], source: '' })).toBe('')
  })
})

describe('networkSettings', () => {
  test("masks a proxy's URL and password before anything could print them, and logs it with the password hidden", async () => {
    const masked: string[] = []
    const lines: string[] = []
    await networkSettings(
      { https: 'http://alice:s3cr%40t@proxy.corp:3128', http: 'http://alice:s3cr%40t@proxy.corp:3128', noProxy: ['.internal'], source: 'http-proxy' },
      { setSecret: v => masked.push(v), log: l => lines.push(l) }
    )
    expect(masked).toEqual(['http://alice:s3cr%40t@proxy.corp:3128', 's3cr%40t', 's3cr@t'])
    expect(lines).toEqual([
      "The action's own requests (OIDC, AWS, the registry API) go through the proxy http://***@proxy.corp:3128, from http-proxy; directly to .internal; docker pushes through the daemon's own proxy settings."
    ])
  })

  test('a token given as the user name is masked and not logged; two proxies are logged each without credentials', async () => {
    const masked: string[] = []
    const lines: string[] = []
    await networkSettings(
      { https: 'http://ghp_0123456789abcdef@proxy.corp:3128', http: 'user:pass@plain.corp:8080', noProxy: [], source: 'the environment' },
      { setSecret: v => masked.push(v), log: l => lines.push(l) }
    )
    expect(masked).toEqual(['http://ghp_0123456789abcdef@proxy.corp:3128', 'ghp_0123456789abcdef', 'user:pass@plain.corp:8080', 'pass'])
    expect(lines[0]).toContain('the proxy http://***@proxy.corp:3128 for https, ***@plain.corp:8080 for http, from the environment')
  })

  test('no proxy: nothing masked, nothing logged, plain keep-alive agents', async () => {
    const masked: string[] = []
    const lines: string[] = []
    const network = await networkSettings(DIRECT, { setSecret: v => masked.push(v), log: l => lines.push(l) })
    expect([masked, lines]).toEqual([[], []])
    const agents = network.agents()
    expect(agents['https:']).toBeInstanceOf(https.Agent)
    expect((agents['http:'] as http.Agent & { keepAlive: boolean }).keepAlive).toBe(true)
  })
})

describe('the registry transport through a proxy', () => {
  let target: http.Server
  let targetPort = 0
  let proxy: FakeProxy
  const seen: string[] = []

  beforeAll(async () => {
    target = http.createServer((req, res) => {
      seen.push(`${req.method} ${req.headers.host} ${req.url}`)
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}')
    })
    await new Promise<void>(resolve => target.listen(0, '127.0.0.1', resolve))
    targetPort = (target.address() as AddressInfo).port
  })
  afterAll(() => target.close())
  afterEach(async () => {
    await proxy?.close()
    seen.length = 0
  })

  test('http:// goes through the proxy as an absolute URI, with the credentials the URL carries; no-proxy hosts and loopback go directly', async () => {
    proxy = await startProxy({ targets: { 'registry.test': targetPort }, auth: { user: 'alice', password: 's3cret' } })
    const withAuth = proxy.url.replace('http://', 'http://alice:s3cret@')
    const network = await networkSettings({ https: withAuth, http: withAuth, noProxy: ['direct.test'], source: 'test' })
    const send = createTransport({ network })
    const res = await send(new URL(`http://registry.test:${targetPort}/v2/`), { headers: { authorization: 'Basic c2VjcmV0' } })
    expect(await res.json()).toEqual({ ok: true })
    await send(new URL(`http://127.0.0.1:${targetPort}/direct`))
    expect(proxy.log).toEqual([{ method: 'GET', target: `registry.test:${targetPort}`, user: 'alice' }])
    expect(seen).toEqual([`GET registry.test:${targetPort} /v2/`, `GET 127.0.0.1:${targetPort} /direct`])
    // The no-proxy host is not sent to the proxy (it is looked up directly, and there is no such host).
    await expect(send(new URL('http://direct.test/v2/'))).rejects.toThrow(/ENOTFOUND|EAI_AGAIN/)
    expect(proxy.log).toHaveLength(1)
  })

  test('https:// is tunnelled with CONNECT; a proxy that wants other credentials answers 407, which is returned, not retried', async () => {
    proxy = await startProxy({ targets: { 'registry.test': targetPort }, auth: { user: 'alice', password: 's3cret' } })
    const network = await networkSettings({ https: proxy.url.replace('http://', 'http://bob:wrong@'), http: '', noProxy: [], source: 'test' })
    const res = await createTransport({ network })(new URL('https://registry.test/v2/'))
    expect(res.status).toBe(407)
    expect(proxy.log).toEqual([{ method: 'CONNECT', target: 'registry.test:443', user: 'bob', refused: 407 }])
  })

  test('two network settings side by side: a client keeps the proxy and timeouts of the settings it is made with, whichever was made last', async () => {
    proxy = await startProxy({ targets: { 'registry.test': targetPort } })
    const viaProxy = await networkSettings({ https: proxy.url, http: proxy.url, noProxy: [], source: 'test' })
    const direct = await networkSettings(DIRECT, { timeouts: { ...DEFAULT_TIMEOUTS, connect: 1234 } })
    expect([viaProxy.timeouts.connect, direct.timeouts.connect]).toEqual([DEFAULT_TIMEOUTS.connect, 1234])
    expect(viaProxy.sdkRequestHandler()).toMatchObject({ connectionTimeout: DEFAULT_TIMEOUTS.connect, httpAgent: expect.anything(), httpsAgent: expect.anything() })
    expect(direct.sdkRequestHandler()).toEqual({ connectionTimeout: 1234, requestTimeout: DEFAULT_TIMEOUTS.awsResponse, throwOnRequestTimeout: true, socketTimeout: DEFAULT_TIMEOUTS.awsResponse })
    // Clients made after both: the proxied one reaches registry.test through the proxy; the direct one looks it up itself (there is no such host).
    const url = new URL(`http://registry.test:${targetPort}/v2/`)
    expect((await createTransport({ network: viaProxy })(url)).status).toBe(200)
    await expect(createTransport({ network: direct })(url)).rejects.toThrow(/ENOTFOUND|EAI_AGAIN/)
    expect((await createTransport({ network: viaProxy })(url)).status).toBe(200)
    expect(proxy.log.map(l => l.target)).toEqual([`registry.test:${targetPort}`, `registry.test:${targetPort}`])
  })

  test('http:// through the proxy: every request on a kept-alive connection names its absolute URI, as a proxy requires', async () => {
    proxy = await startProxy({ targets: { 'registry.test': targetPort } })
    const network = await networkSettings({ https: proxy.url, http: proxy.url, noProxy: [], source: 'test' })
    const transport = createTransport({ network })
    const url = new URL(`http://registry.test:${targetPort}/v2/`)
    for (let i = 0; i < 3; i++) expect((await transport(url)).status).toBe(200)
  })

  test('a proxy that never answers CONNECT fails the request once the connect bound is up (ETIMEDOUT, which retries try again)', async () => {
    proxy = await startProxy({ targets: {}, hangConnect: true })
    const network = await networkSettings({ https: proxy.url, http: proxy.url, noProxy: [], source: 'test' })
    const started = Date.now()
    const error = (await createTransport({ network, timeouts: { connect: 300 } })(new URL('https://registry.test/v2/')).catch((e: unknown) => e)) as NodeJS.ErrnoException
    expect(error.message).toBe('GET https://registry.test/v2/: no connection in 0.3s')
    expect(error.code).toBe('ETIMEDOUT')
    expect(Date.now() - started).toBeLessThan(3000)
  })
})

describe('bounds and certificates of the transport', () => {
  let silent: net.Server
  let tlsServer: https.Server
  const cert = selfSigned('registry.test')
  let silentPort = 0
  let tlsPort = 0

  beforeAll(async () => {
    // Accepts connections and never says a word: not even a TLS handshake.
    silent = net.createServer(() => undefined)
    tlsServer = https.createServer({ cert: cert.cert, key: cert.key }, (_req, res) => res.writeHead(200).end('{}'))
    await new Promise<void>(resolve => silent.listen(0, '127.0.0.1', resolve))
    await new Promise<void>(resolve => tlsServer.listen(0, '127.0.0.1', resolve))
    silentPort = (silent.address() as AddressInfo).port
    tlsPort = (tlsServer.address() as AddressInfo).port
  })
  afterAll(() => {
    silent.close()
    tlsServer.closeAllConnections()
    tlsServer.close()
  })

  test('a TLS server that never answers the handshake: the answer bound fails the request', async () => {
    const send = createTransport({ timeouts: { response: 300 } })
    await expect(send(new URL(`https://127.0.0.1:${silentPort}/v2/`))).rejects.toMatchObject({ code: 'ETIMEDOUT', message: `GET https://127.0.0.1:${silentPort}/v2/: no answer in 0.3s` })
  })

  test('a self-signed certificate: one line naming the host, what is wrong and NODE_EXTRA_CA_CERTS; not a transient error', async () => {
    const error = (await createTransport()(new URL(`https://127.0.0.1:${tlsPort}/v2/`)).catch((e: unknown) => e)) as ActionError & { code: string }
    expect(error).toBeInstanceOf(ActionError)
    expect(error.code).toBe('DEPTH_ZERO_SELF_SIGNED_CERT')
    expect(error.message).toBe(
      `The TLS certificate of 127.0.0.1:${tlsPort} is self-signed, and this runner doesn't trust it (DEPTH_ZERO_SELF_SIGNED_CERT): if the host uses a private CA ` +
        `(or a TLS-inspecting proxy sits in between), give the job NODE_EXTRA_CA_CERTS=<that CA's certificate, PEM> (docker needs it too, in /etc/docker/certs.d/127.0.0.1:${tlsPort}/ca.crt).`
    )
    expect(error.message).not.toContain('\n')
  })

  test('a trusted certificate for another name: "is for another host name"', async () => {
    const agents = { 'http:': new http.Agent(), 'https:': new https.Agent({ ca: cert.cert }) }
    const error = (await createTransport({ agents })(new URL(`https://127.0.0.1:${tlsPort}/v2/`)).catch((e: unknown) => e)) as Error
    expect(error.message).toMatch(/^The TLS certificate of 127\.0\.0\.1:\d+ is for another host name \(ERR_TLS_CERT_ALTNAME_INVALID\): use the host name the certificate names/)
  })

  test.each([
    ['SELF_SIGNED_CERT_IN_CHAIN', 'comes from a self-signed CA this runner doesn\'t trust (an unknown CA)', 'NODE_EXTRA_CA_CERTS'],
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', "comes from a CA this runner doesn't trust (an unknown CA)", 'NODE_EXTRA_CA_CERTS'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', "comes from a CA this runner doesn't trust (an unknown CA, or a chain the host sends incomplete)", 'NODE_EXTRA_CA_CERTS'],
    ['CERT_HAS_EXPIRED', 'has expired', 'must renew it'],
    ['CERT_NOT_YET_VALID', 'is not valid yet', "runner's clock"]
  ])('%s is explained: %s', (code, what, fix) => {
    const explained = explainCertificateError('registry.example', Object.assign(new Error('x'), { code }))
    expect(explained?.message).toContain(`The TLS certificate of registry.example ${what}`)
    expect(explained?.message).toContain(fix)
  })

  test('other errors are not certificate errors', () => {
    expect(isCertificateError(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toBe(false)
    expect(isCertificateError(Object.assign(new Error('x'), { code: 'toString' }))).toBe(false)
    expect(explainCertificateError('h', new Error('x'))).toBeUndefined()
  })
})
