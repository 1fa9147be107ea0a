/**
 * The action's HTTP transport: what it keeps of fetch (redirects, Authorization only within
 * the origin, bodies, headers) on node:http against local servers, and through a real local proxy.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'
import { createTransport } from '../../../src/network/http.js'
import { RegistryClient } from '../../../src/registry/client.js'
import { DEFAULT_TIMEOUTS, networkSettings } from '../../../src/network/agents.js'
import { startProxy, type FakeProxy } from '../../fixtures/fake-proxy.js'
import type { ProxyConfig } from '../../../src/settings/types.js'

interface Seen {
  method: string
  path: string
  authorization: string | undefined
  contentType: string | undefined
  body: string
}

let seen: Seen[] = []

let registry: http.Server

let storage: http.Server

let registryBase = ''

let storageBase = ''

function server(handle: (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void): http.Server {
  return http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString()
      seen.push({ method: req.method ?? '', path: req.url ?? '', authorization: req.headers.authorization, contentType: req.headers['content-type'], body })
      handle(req, res, body)
    })
  })
}

beforeAll(async () => {
  registry = server((req, res) => {
    const path = req.url ?? ''
    if (path === '/blob' || path === '/v2/team/web/blobs/sha256:c') return void res.writeHead(307, { location: `${storageBase}/signed?x=1` }).end()
    if (path === '/moved') return void res.writeHead(301, { location: '/here' }).end()
    if (path === '/see-other') return void res.writeHead(303, { location: '/here' }).end()
    if (path === '/temporary') return void res.writeHead(307, { location: '/here' }).end()
    if (path === '/loop') return void res.writeHead(302, { location: '/loop' }).end()
    if (path === '/silent') return // never answers
    if (path === '/headers')
      return void res
        .writeHead(200, [
          ['X-Many', 'a'],
          ['X-Many', 'b'],
          ['Docker-Content-Digest', 'sha256:d']
        ])
        .end('{"ok":true}')
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ path }))
  })
  storage = server((_req, res) => void res.writeHead(200).end('{"layer":1}'))
  for (const s of [registry, storage]) await new Promise<void>(resolve => s.listen(0, '127.0.0.1', resolve))
  registryBase = `http://127.0.0.1:${(registry.address() as AddressInfo).port}`
  storageBase = `http://localhost:${(storage.address() as AddressInfo).port}`
})

afterAll(() => {
  registry.closeAllConnections()
  storage.closeAllConnections()
  registry.close()
  storage.close()
})

beforeEach(() => (seen = []))

const auth = { authorization: 'Basic c2VjcmV0' }

test('a redirect to another origin is followed without the Authorization header', async () => {
  const res = await createTransport()(new URL('/blob', registryBase), { headers: auth })
  expect(res.status).toBe(200)
  expect(await res.json()).toEqual({ layer: 1 })
  expect(seen.map(s => [s.path, s.authorization])).toEqual([
    ['/blob', 'Basic c2VjcmV0'],
    ['/signed?x=1', undefined]
  ])
})

test("the registry client's blob read follows ECR's redirect to storage (a presigned URL) without the password", async () => {
  const client = new RegistryClient({ registry: 'registry.test', username: 'AWS', password: 'secret' }, registryBase)
  expect(await client.jsonBlob('team/web', 'sha256:c')).toEqual({ layer: 1 })
  expect(seen.map(s => [s.path, s.authorization])).toEqual([
    ['/v2/team/web/blobs/sha256:c', `Basic ${Buffer.from('AWS:secret').toString('base64')}`],
    ['/signed?x=1', undefined]
  ])
})

test('a redirect within the origin keeps it; 301 and 302 turn a POST into a GET, 303 anything but HEAD', async () => {
  const send = createTransport()
  await send(new URL('/moved', registryBase), { method: 'POST', headers: { ...auth, 'content-type': 'text/plain' }, body: 'x' })
  await send(new URL('/see-other', registryBase), { method: 'PUT', body: 'y' })
  await send(new URL('/see-other', registryBase), { method: 'HEAD' })
  expect(seen.map(s => [s.method, s.path, s.authorization ?? '', s.contentType ?? '', s.body])).toEqual([
    ['POST', '/moved', 'Basic c2VjcmV0', 'text/plain', 'x'],
    ['GET', '/here', 'Basic c2VjcmV0', '', ''],
    ['PUT', '/see-other', '', '', 'y'],
    ['GET', '/here', '', '', ''],
    ['HEAD', '/see-other', '', '', ''],
    ['HEAD', '/here', '', '', '']
  ])
})

test('307 sends the same method and body again; a streamed body, which cannot be sent twice, gets the redirect back', async () => {
  const send = createTransport()
  expect((await send(new URL('/temporary', registryBase), { method: 'PUT', body: new Uint8Array([104, 105]) })).status).toBe(200)
  expect(seen.map(s => [s.method, s.path, s.body])).toEqual([
    ['PUT', '/temporary', 'hi'],
    ['PUT', '/here', 'hi']
  ])
  seen = []
  const res = await send(new URL('/temporary', registryBase), { method: 'PATCH', headers: { 'content-length': '3' }, body: Readable.from([Buffer.from('abc')]) })
  expect(res.status).toBe(307)
  expect(seen.map(s => [s.method, s.path, s.body])).toEqual([['PATCH', '/temporary', 'abc']])
})

test('a redirect loop ends after 20 hops with the last redirect', async () => {
  const res = await createTransport()(new URL('/loop', registryBase))
  expect(res.status).toBe(302)
  expect(seen).toHaveLength(21)
})

test('headers are read case-insensitively, repeated ones joined as fetch joins them', async () => {
  const res = await createTransport()(new URL('/headers', registryBase))
  expect(res.ok).toBe(true)
  expect(res.headers.get('Docker-Content-Digest')).toBe('sha256:d')
  expect(res.headers.get('x-many')).toBe('a, b')
  expect(res.headers.get('location')).toBeNull()
  expect(Buffer.from(await res.arrayBuffer()).toString()).toBe('{"ok":true}')
})

test('a server that goes silent, and one that is not there: the method and URL, never a header', async () => {
  const silent = createTransport({ timeouts: { response: 200 } })(new URL('/silent', registryBase), { headers: auth })
  await expect(silent).rejects.toThrow(`GET ${registryBase}/silent: no answer in 0.2s`)
  const closed = createTransport()(new URL('http://127.0.0.1:9/v2/'), { headers: auth })
  await expect(closed).rejects.toThrow(/^GET http:\/\/127\.0\.0\.1:9\/v2\/: connect ECONNREFUSED/)
  await closed.catch((error: Error) => expect(error.message).not.toContain('c2VjcmV0'))
})

describe('the registry transport through a proxy', () => {
  const DIRECT: ProxyConfig = { https: '', http: '', noProxy: [], source: '' }

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
