/**
 * RegistryClient: basic auth as ECR takes it, the token dance a registry like public.ecr.aws
 * asks for (401 with a Bearer challenge → a token for that scope → again), manifests read once
 * by digest, and requests side by side.
 */
import { createHash } from 'node:crypto'
import { createReadStream, mkdtempSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createTransport, type HttpTransport } from '../../../src/network/http.js'
import { RegistryClient, RegistryError } from '../../../src/registry/client.js'

const MANIFEST = JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: { digest: 'sha256:c', size: 1 }, layers: [] })

let requests: string[] = []

let server: http.Server

let base = ''

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    requests.push(`${req.method} ${url.pathname}${url.search}`)
    if (url.pathname === '/token') {
      if (req.headers.authorization !== `Basic ${Buffer.from('AWS:pw').toString('base64')}`) return void res.writeHead(401).end()
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token: `t-${url.searchParams.get('scope')}` }))
    }
    if (req.headers.authorization !== 'Bearer t-repository:alias/web:pull') {
      return void res.writeHead(401, { 'www-authenticate': `Bearer realm="${base}/token",service="registry.test",scope="repository:alias/web:pull"` }).end()
    }
    if (url.pathname.endsWith('/sha256:missing')) return void res.writeHead(404).end()
    if (url.pathname.endsWith('/no-digest')) return void res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json' }).end(MANIFEST)
    res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json', 'docker-content-digest': 'sha256:m' }).end(MANIFEST)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => server.close())

beforeEach(() => (requests = []))

const client = (password = 'pw') => new RegistryClient({ registry: 'registry.test', username: 'AWS', password }, base)

test('a Bearer challenge: one token for the scope, then the request again; the token is reused', async () => {
  const registry = client()
  expect((await registry.manifest('alias/web', 'latest'))?.digest).toBe('sha256:m')
  expect(requests).toEqual(['GET /v2/alias/web/manifests/latest', 'GET /token?service=registry.test&scope=repository%3Aalias%2Fweb%3Apull', 'GET /v2/alias/web/manifests/latest'])
  requests = []
  await registry.manifest('alias/web', 'latest')
  expect(requests).toEqual(['GET /v2/alias/web/manifests/latest'])
})

test('a manifest served without Docker-Content-Digest: its digest is that of the bytes, never empty', async () => {
  const manifest = await client().manifest('alias/web', 'no-digest')
  expect(manifest?.digest).toBe(`sha256:${createHash('sha256').update(MANIFEST).digest('hex')}`)
})

test('a token service that refuses the password: the 401 is reported, without looping', async () => {
  await expect(client('wrong').manifest('alias/web', 'latest')).rejects.toBeInstanceOf(RegistryError)
  expect(requests).toHaveLength(2)
})

test('a manifest by digest is read once for every caller; by tag, and a digest not found, each time', async () => {
  const registry = client()
  await registry.manifest('alias/web', 'latest')
  requests = []
  const [raw, parsed, again] = await Promise.all([registry.manifestBytes('alias/web', 'sha256:m'), registry.manifest('alias/web', 'sha256:m'), registry.manifestBytes('alias/web', 'sha256:m')])
  expect(raw?.body.toString()).toBe(MANIFEST)
  expect(again).toBe(raw)
  expect(parsed?.digest).toBe('sha256:m')
  expect(requests).toEqual(['GET /v2/alias/web/manifests/sha256:m'])
  requests = []
  await registry.manifest('alias/web', 'latest')
  await registry.manifest('alias/web', 'latest')
  expect(await registry.manifest('alias/web', 'sha256:missing')).toBeUndefined()
  expect(await registry.manifest('alias/web', 'sha256:missing')).toBeUndefined()
  expect(requests).toEqual(['GET /v2/alias/web/manifests/latest', 'GET /v2/alias/web/manifests/latest', 'GET /v2/alias/web/manifests/sha256:missing', 'GET /v2/alias/web/manifests/sha256:missing'])
})

/**
 * A registry like public.ecr.aws: a token grants the scopes it was asked for, reads need
 * pull and writes push; some answers are held back so that requests side by side cross.
 */
describe('requests side by side on a registry with scoped tokens', () => {
  let scoped: http.Server
  let at = ''
  let log: string[] = []
  let putBodies: string[] = []
  const hold = { headChallenge: 0, uploadStart: 0 }
  const grants = (authorization: string, needed: string): boolean =>
    authorization.startsWith('Bearer tok:') &&
    authorization
      .slice('Bearer tok:'.length)
      .split(' ')
      .some(s => s.startsWith('repository:alias/web:') && needed.split(',').every(a => s.slice('repository:alias/web:'.length).split(',').includes(a)))
  const wait = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

  beforeAll(async () => {
    scoped = http.createServer((req, res) => {
      void (async () => {
        const url = new URL(req.url ?? '/', 'http://x')
        log.push(`${req.method} ${url.pathname}${url.search}`)
        if (url.pathname === '/token') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token: `tok:${url.searchParams.getAll('scope').join(' ')}` }))
        const writes = req.method !== 'GET' && req.method !== 'HEAD'
        const needed = writes ? 'pull,push' : 'pull'
        if (!grants(req.headers.authorization ?? '', needed)) {
          if (req.method === 'HEAD') await wait(hold.headChallenge)
          req.resume()
          return void res.writeHead(401, { 'www-authenticate': `Bearer realm="${at}/token",service="registry.test",scope="repository:alias/web:${needed}"` }).end()
        }
        const chunks: Buffer[] = []
        for await (const chunk of req) chunks.push(chunk as Buffer)
        if (req.method === 'PUT') putBodies.push(Buffer.concat(chunks).toString())
        if (req.method === 'HEAD') return void res.writeHead(404).end()
        if (req.method === 'POST') {
          await wait(hold.uploadStart)
          return void res.writeHead(202, { location: '/v2/alias/web/blobs/uploads/u1' }).end()
        }
        if (req.method === 'PATCH') return void res.writeHead(202, { location: '/v2/alias/web/blobs/uploads/u1' }).end()
        res.writeHead(201).end()
      })()
    })
    await new Promise<void>(resolve => scoped.listen(0, '127.0.0.1', resolve))
    at = `http://127.0.0.1:${(scoped.address() as AddressInfo).port}`
  })
  afterAll(() => scoped.close())
  beforeEach(() => {
    log = []
    putBodies = []
    hold.headChallenge = 0
    hold.uploadStart = 0
  })

  const fetchTransport = createTransport()
  const scopedClient = () => new RegistryClient({ registry: 'registry.test', username: 'AWS', password: 'pw' }, at)

  test('challenged together: one token for all, and none of them is refused', async () => {
    const registry = scopedClient()
    expect(await Promise.all(['sha256:1', 'sha256:2', 'sha256:3', 'sha256:4'].map(d => registry.blobExists('alias/web', d)))).toEqual([false, false, false, false])
    expect(log.filter(l => l.startsWith('GET /token'))).toEqual(['GET /token?service=registry.test&scope=repository%3Aalias%2Fweb%3Apull'])
  })

  test('a token service that cannot be reached: the requests challenged together fail, and no rejection is left unhandled', async () => {
    const closed = http.createServer()
    await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise(resolve => closed.close(resolve))
    const transport: HttpTransport = async (url, init) => (url.pathname === '/token' ? fetchTransport(new URL(`http://127.0.0.1:${port}/token`), init) : fetchTransport(url, init))
    const registry = new RegistryClient({ registry: 'registry.test', username: 'AWS', password: 'pw' }, at, transport)
    const results = await Promise.allSettled([registry.blobExists('alias/web', 'sha256:1'), registry.blobExists('alias/web', 'sha256:2')])
    expect(results.map(r => r.status)).toEqual(['rejected', 'rejected'])
    expect(log.filter(l => l.startsWith('HEAD'))).toHaveLength(2)
  })

  test("a read's late challenge does not take push away from an upload in flight", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'registry-api-'))
    const file = path.join(dir, 'blob')
    writeFileSync(file, 'layer')
    hold.headChallenge = 100
    hold.uploadStart = 250
    const registry = scopedClient()
    await expect(Promise.all([registry.blobExists('alias/web', 'sha256:1'), registry.uploadBlob('alias/web', 'sha256:2', 5, createReadStream(file))])).resolves.toEqual([false, undefined])
    expect(log).toContain('PATCH /v2/alias/web/blobs/uploads/u1')
    expect(log.filter(l => l.startsWith('GET /token'))).toEqual(['GET /token?service=registry.test&scope=repository%3Aalias%2Fweb%3Apull%2Cpush'])
  })

  test('uploadSmall: two requests, the bytes in the PUT that closes the upload with their digest', async () => {
    const registry = scopedClient()
    const body = Buffer.from('{"_type":"statement"}')
    const digest = `sha256:${createHash('sha256').update(body).digest('hex')}`
    await registry.uploadSmall('alias/web', digest, body)
    expect(log.filter(l => !l.startsWith('GET /token'))).toEqual(
      expect.arrayContaining(['POST /v2/alias/web/blobs/uploads/', `PUT /v2/alias/web/blobs/uploads/u1?digest=${encodeURIComponent(digest)}`])
    )
    expect(log.filter(l => l.startsWith('PATCH'))).toEqual([])
    expect(putBodies).toEqual([body.toString()])
  })
})
