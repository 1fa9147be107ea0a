/**
 * RegistryClient's auth: basic auth as ECR takes it, and the token dance a registry like
 * public.ecr.aws asks for (401 with a Bearer challenge → a token for that scope → again).
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { parseBearerChallenge, RegistryClient, RegistryError } from '../../src/registry-api.js'

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
      return void res
        .writeHead(401, { 'www-authenticate': `Bearer realm="${base}/token",service="registry.test",scope="repository:alias/web:pull"` })
        .end()
    }
    if (url.pathname.endsWith('/sha256:missing')) return void res.writeHead(404).end()
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

test('a token service that refuses the password: the 401 is reported, without looping', async () => {
  await expect(client('wrong').manifest('alias/web', 'latest')).rejects.toBeInstanceOf(RegistryError)
  expect(requests).toHaveLength(2)
})

test('parseBearerChallenge', () => {
  expect(parseBearerChallenge('Bearer realm="https://public.ecr.aws/token",service="public.ecr.aws",scope="aws"')).toEqual({
    realm: 'https://public.ecr.aws/token',
    service: 'public.ecr.aws',
    scope: 'aws'
  })
  expect(parseBearerChallenge('Basic realm="x"')).toBeUndefined()
})

test('a manifest by digest is read once for every caller; by tag, and a digest not found, each time', async () => {
  const registry = client()
  await registry.manifest('alias/web', 'latest')
  requests = []
  const [raw, parsed, again] = await Promise.all([
    registry.manifestBytes('alias/web', 'sha256:m'),
    registry.manifest('alias/web', 'sha256:m'),
    registry.manifestBytes('alias/web', 'sha256:m')
  ])
  expect(raw?.body.toString()).toBe(MANIFEST)
  expect(again).toBe(raw)
  expect(parsed?.digest).toBe('sha256:m')
  expect(requests).toEqual(['GET /v2/alias/web/manifests/sha256:m'])
  requests = []
  await registry.manifest('alias/web', 'latest')
  await registry.manifest('alias/web', 'latest')
  expect(await registry.manifest('alias/web', 'sha256:missing')).toBeUndefined()
  expect(await registry.manifest('alias/web', 'sha256:missing')).toBeUndefined()
  expect(requests).toEqual([
    'GET /v2/alias/web/manifests/latest',
    'GET /v2/alias/web/manifests/latest',
    'GET /v2/alias/web/manifests/sha256:missing',
    'GET /v2/alias/web/manifests/sha256:missing'
  ])
})
