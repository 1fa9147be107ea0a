/**
 * Tags over the registry API: more tags on a pushed image, one PUT each; a skipped version
 * takes back the tags that follow it.
 */
import { createHash, randomUUID } from 'node:crypto'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { jest } from '@jest/globals'
import type { RetryPolicy } from '../../../src/retry.js'
import { ActionError } from '../../../src/errors.js'
import { pushLayout } from '../../../src/registry/layout-push.js'
import { addTags, moveTags } from '../../../src/registry/tags.js'
import { RegistryClient } from '../../../src/registry/client.js'

const sha = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`

const MANIFEST = 'application/vnd.oci.image.manifest.v1+json'

const INDEX = 'application/vnd.oci.image.index.v1+json'

/** The registry: blobs and manifests in memory, every request logged, faults by method. */
const blobs = new Map<string, Buffer>()

const manifests = new Map<string, { type: string; body: Buffer }>()

const uploads = new Map<string, Buffer[]>()

let requests: string[] = []

let faults: { method: string; status: number; count: number; body?: string }[] = []

/** tags the repository keeps immutable */
let immutable = new Set<string>()

let server: http.Server

let base = ''

function handle(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer): void {
  const url = new URL(req.url ?? '/', 'http://x')
  requests.push(`${req.method} ${url.pathname}`)
  if (req.headers.authorization !== `Basic ${Buffer.from('AWS:secret').toString('base64')}`) return void res.writeHead(401).end()
  const fault = faults.find(f => f.method === req.method && f.count > 0)
  if (fault) {
    fault.count--
    return void res.writeHead(fault.status, { 'content-type': 'application/json' }).end(fault.body ?? '')
  }
  let m: RegExpExecArray | null
  if (req.method === 'HEAD' && (m = /^\/v2\/(.+)\/blobs\/(.+)$/.exec(url.pathname))) return void res.writeHead(blobs.has(`${m[1]}@${m[2]}`) ? 200 : 404).end()
  if (req.method === 'GET' && (m = /^\/v2\/(.+)\/blobs\/(sha256:.+)$/.exec(url.pathname))) {
    const blob = blobs.get(`${m[1]}@${m[2]}`)
    return void (blob ? res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(blob) : res.writeHead(404).end())
  }
  if (req.method === 'POST' && /\/blobs\/uploads\/$/.test(url.pathname)) {
    const id = randomUUID()
    uploads.set(id, [])
    return void res.writeHead(202, { location: `${url.pathname}${id}?_state=x` }).end()
  }
  if ((m = /^\/v2\/(.+)\/blobs\/uploads\/(.+)$/.exec(url.pathname))) {
    const parts = uploads.get(m[2] ?? '')
    if (!parts) return void res.writeHead(404).end()
    if (req.method === 'PATCH') {
      parts.push(body)
      return void res.writeHead(202, { location: `${url.pathname}?_state=y` }).end()
    }
    if (req.method === 'PUT') {
      const data = Buffer.concat(parts)
      if (sha(data) !== url.searchParams.get('digest')) return void res.writeHead(400).end('{"errors":[{"code":"DIGEST_INVALID","message":"digest mismatch"}]}')
      blobs.set(`${m[1]}@${url.searchParams.get('digest')}`, data)
      return void res.writeHead(201).end()
    }
  }
  if ((m = /^\/v2\/(.+)\/manifests\/(.+)$/.exec(url.pathname))) {
    if (req.method === 'PUT') {
      const reference = m[2] ?? ''
      const held = manifests.get(`${m[1]}@${reference}`)
      if (immutable.has(reference) && held !== undefined && sha(held.body) !== sha(body)) {
        const message = `The image tag '${reference}' already exists in the '${m[1]}' repository and cannot be overwritten because the repository is immutable.`
        return void res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ code: 'TAG_INVALID', message }] }))
      }
      manifests.set(`${m[1]}@${sha(body)}`, { type: String(req.headers['content-type']), body })
      if (!reference.startsWith('sha256:')) manifests.set(`${m[1]}@${reference}`, { type: String(req.headers['content-type']), body })
      return void res.writeHead(201, { 'docker-content-digest': sha(body) }).end()
    }
    const found = manifests.get(`${m[1]}@${m[2]}`)
    if (!found) return void res.writeHead(404).end()
    return void res.writeHead(200, { 'content-type': found.type, 'docker-content-digest': sha(found.body) }).end(found.body)
  }
  res.writeHead(404).end()
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => handle(req, res, Buffer.concat(chunks)))
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => server.close())

beforeEach(() => {
  blobs.clear()
  manifests.clear()
  immutable = new Set()
  requests = []
  faults = []
})

const client = (password = 'secret') => new RegistryClient({ registry: 'registry.test', username: 'AWS', password }, base)

const logs: string[] = []

const retry: RetryPolicy = { attempts: 3, delay: () => 0, sleep: async () => undefined, log: (m: string) => logs.push(m) }

/** Writes an OCI layout like buildx's: blobs by digest and an index.json naming the root. */
function layout(platforms: string[] = ['arm64'], labels?: Record<string, string>): { dir: string; root: string; bytes: number } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'layout-'))
  mkdirSync(path.join(dir, 'blobs', 'sha256'), { recursive: true })
  const put = (b: Buffer) => {
    writeFileSync(path.join(dir, 'blobs', 'sha256', sha(b).slice(7)), b)
    return { digest: sha(b), size: b.length }
  }
  let bytes = 0
  const shared = Buffer.from('a layer every platform shares')
  const images = platforms.map(arch => {
    const config = Buffer.from(JSON.stringify({ architecture: arch, os: 'linux', ...(labels ? { config: { Labels: labels } } : {}) }))
    const layer = Buffer.from(`the ${arch} layer `.repeat(1000))
    const layers = [put(shared), put(layer)].map(d => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', ...d }))
    const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MANIFEST, config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...put(config) }, layers }))
    bytes += config.length + layer.length
    return { mediaType: MANIFEST, ...put(manifest), platform: { architecture: arch, os: 'linux' } }
  })
  bytes += shared.length
  const root = images.length === 1 ? images[0]! : { mediaType: INDEX, ...put(Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: INDEX, manifests: images }))) }
  writeFileSync(path.join(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, mediaType: INDEX, manifests: [root] }))
  writeFileSync(path.join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}')
  return { dir, root: root.digest, bytes }
}

describe('addTags: more tags on a pushed image, one PUT each', () => {
  test('the index is read once and put under each tag byte for byte, with its media type', async () => {
    const { dir, root } = layout(['amd64', 'arm64'])
    await pushLayout(client(), 'team/web', dir, retry)
    requests = []
    await addTags(client(), 'team/web', root, ['latest', 'stable'], retry)
    expect(requests).toEqual([`GET /v2/team/web/manifests/${root}`, 'PUT /v2/team/web/manifests/latest', 'PUT /v2/team/web/manifests/stable'])
    for (const tag of ['latest', 'stable']) {
      expect(manifests.get(`team/web@${tag}`)?.type).toBe(INDEX)
      expect(sha(manifests.get(`team/web@${tag}`)?.body ?? Buffer.alloc(0))).toBe(root)
    }
  })

  test('no tags: no request', async () => {
    await addTags(client(), 'team/web', 'sha256:' + '0'.repeat(64), [], retry)
    expect(requests).toEqual([])
  })

  test('a 500 on a tag is tried again; an immutable tag holding another image is explained as a buildx push would be', async () => {
    const first = layout(['amd64'])
    const second = layout(['arm64'])
    await pushLayout(client(), 'team/web', first.dir, retry)
    await pushLayout(client(), 'team/web', second.dir, retry)
    faults = [{ method: 'PUT', status: 500, count: 1 }]
    await addTags(client(), 'team/web', first.root, ['latest'], retry)
    expect(sha(manifests.get('team/web@latest')?.body ?? Buffer.alloc(0))).toBe(first.root)
    immutable.add('latest')
    const refused = addTags(client(), 'team/web', second.root, ['latest'], retry)
    await expect(refused).rejects.toBeInstanceOf(ActionError)
    await expect(refused).rejects.toThrow("Tag 'latest' already exists in 'team/web', which keeps it immutable: bump the version")
    expect(sha(manifests.get('team/web@latest')?.body ?? Buffer.alloc(0))).toBe(first.root)
  })

  test('an image the repository does not have: one line, no tag written', async () => {
    await expect(addTags(client(), 'team/web', 'sha256:' + '1'.repeat(64), ['latest'], retry)).rejects.toThrow(/has no sha256:1{64} in team\/web to tag/)
    expect(requests.filter(r => r.startsWith('PUT'))).toEqual([])
  })
})

describe('moveTags: a skipped version takes back the tags that follow it', () => {
  test('a tag elsewhere is moved, one already there is left, an immutable one elsewhere is left with a warning', async () => {
    const old = layout(['amd64'])
    const current = layout(['arm64'])
    await pushLayout(client(), 'team/web', old.dir, retry)
    await pushLayout(client(), 'team/web', current.dir, retry)
    await addTags(client(), 'team/web', current.root, ['latest', 'stable', 'pinned'], retry)
    await addTags(client(), 'team/web', old.root, ['edge'], retry)
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
    requests = []
    const moved = await moveTags(
      client(),
      { name: 'team/web', mutability: { mode: 'IMMUTABLE_WITH_EXCLUSION', exclusions: ['latest', 'edge'] } },
      old.root,
      ['latest', 'edge', 'pinned'],
      retry
    )
    const warnings = write.mock.calls.map(c => String(c[0])).filter(l => l.startsWith('::warning::'))
    write.mockRestore()
    expect(moved).toEqual(['latest'])
    expect(sha(manifests.get('team/web@latest')?.body ?? Buffer.alloc(0))).toBe(old.root)
    expect(sha(manifests.get('team/web@pinned')?.body ?? Buffer.alloc(0))).toBe(current.root)
    expect(warnings.join('')).toContain("'pinned' points to another image and the repository keeps it immutable: left as it is.")
    // No docker: the tags looked up, the index read once, one PUT for the tag moved.
    expect(requests.filter(r => !r.startsWith('GET /v2/team/web/manifests/latest') && !r.startsWith('GET /v2/team/web/manifests/edge') && !r.startsWith('GET /v2/team/web/manifests/pinned'))).toEqual([
      `GET /v2/team/web/manifests/${old.root}`,
      'PUT /v2/team/web/manifests/latest'
    ])
  })
})
