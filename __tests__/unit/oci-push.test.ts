/**
 * push-by-digest's upload: an OCI layout pushed to a registry by digest, against a small
 * in-process registry that speaks the upload protocol (POST, PATCH, PUT ?digest=) and can
 * fail on purpose.
 */
import { createHash, randomUUID } from 'node:crypto'
import { createReadStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import type { RetryDeps } from '../../src/retry.js'
import { jest } from '@jest/globals'
import { ActionError } from '../../src/errors.js'
import { findExistingVersion } from '../../src/registry/existing-version.js'
import { prefillLayout, pushLayout } from '../../src/registry/layout-push.js'
import { addTags, moveTags } from '../../src/registry/tags.js'
import { RegistryClient } from '../../src/registry/client.js'
import type { HttpResponse, HttpTransport } from '../../src/network/http.js'

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
const retry: RetryDeps = { policy: { attempts: 3, delay: () => 0, sleep: async () => undefined, log: (m: string) => logs.push(m) } }

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

test('pushes the blobs, then the manifest by its digest; the registry serves it back', async () => {
  const l = layout()
  const result = await pushLayout(client(), 'team/web', l.dir, retry)
  expect(result).toMatchObject({ digest: l.root, mediaType: MANIFEST, platform: { architecture: 'arm64', os: 'linux' }, uploaded: 3, skipped: 0, bytesUploaded: l.bytes })
  expect(requests.filter(r => r.startsWith('PUT /v2/team/web/manifests/'))).toEqual([`PUT /v2/team/web/manifests/${l.root}`])
  const served = await client().manifest('team/web', l.root)
  expect(served?.digest).toBe(l.root)
  expect(served?.layers).toHaveLength(2)
  rmSync(l.dir, { recursive: true })
})

test('blobs the repository has are not sent again', async () => {
  const l = layout()
  await pushLayout(client(), 'team/web', l.dir, retry)
  requests = []
  const again = await pushLayout(client(), 'team/web', l.dir, retry)
  expect(again).toMatchObject({ uploaded: 0, skipped: 3, bytesUploaded: 0 })
  expect(requests.filter(r => r.startsWith('PATCH') || r.startsWith('POST'))).toEqual([])
})

test('an index: every platform image first (shared blobs once), then the index', async () => {
  const l = layout(['amd64', 'arm64'])
  const result = await pushLayout(client(), 'team/web', l.dir, retry)
  expect(result).toMatchObject({ digest: l.root, mediaType: INDEX, uploaded: 5 })
  const puts = requests.filter(r => r.startsWith('PUT /v2/team/web/manifests/'))
  expect(puts).toHaveLength(3)
  expect(puts[2]).toBe(`PUT /v2/team/web/manifests/${l.root}`)
  expect((await client().manifest('team/web', l.root))?.manifests).toHaveLength(2)
})

test('a 500 on an upload and on the manifest PUT: tried again, and it succeeds', async () => {
  logs.length = 0
  faults = [
    { method: 'PATCH', status: 500, count: 1 },
    { method: 'PUT', status: 503, count: 1 }
  ]
  const l = layout()
  await expect(pushLayout(client(), 'team/web', l.dir, retry)).resolves.toMatchObject({ digest: l.root })
  expect(logs).toHaveLength(2)
  expect(logs[0]).toMatch(/^the upload of sha256:.{12}… failed \(upload sha256:.* 500\); trying again in 0s \(2 of 3\)\.$/)
})

test('a registry that keeps failing: one line after the last try', async () => {
  faults = [{ method: 'POST', status: 502, count: 99 }]
  await expect(pushLayout(client(), 'team/web', layout().dir, retry)).rejects.toThrow(/failed 3 times .*run the job again/)
})

test('refused credentials: the permissions to grant, at once, and the password nowhere', async () => {
  const error = await pushLayout(client('wrong'), 'team/web', layout().dir, retry).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(ActionError)
  expect((error as Error).message).toMatch(/The registry refused .* \(401\): the role needs ecr:BatchCheckLayerAvailability, ecr:InitiateLayerUpload/)
  expect((error as Error).message).not.toContain('wrong')
  expect(requests.filter(r => r.startsWith('HEAD'))).toHaveLength(3)
})

test('refused on ECR Public: the permissions by their ecr-public names', async () => {
  const publicClient = new RegistryClient({ registry: 'public.ecr.aws', username: 'AWS', password: 'wrong' }, base)
  const error = await pushLayout(publicClient, 'team/web', layout().dir, retry).catch((e: unknown) => e)
  expect((error as Error).message).toMatch(/\(401\): the role needs ecr-public:BatchCheckLayerAvailability, .* and ecr-public:PutImage on the repository\.$/)
})

test('a repository the registry does not know: NAME_UNKNOWN explained, not retried', async () => {
  faults = [{ method: 'HEAD', status: 404, count: 0 }, { method: 'POST', status: 404, count: 99, body: '{"errors":[{"code":"NAME_UNKNOWN","message":"repository name not known to registry"}]}' }]
  await expect(pushLayout(client(), 'team/gone', layout().dir, retry)).rejects.toThrow('The registry has no such repository')
  // One start per blob at most (uploads run side by side), none tried again, none after the error.
  const posts = requests.filter(r => r.startsWith('POST')).length
  expect(posts).toBeGreaterThanOrEqual(1)
  expect(posts).toBeLessThanOrEqual(3)
  await new Promise(resolve => setTimeout(resolve, 50))
  expect(requests.filter(r => r.startsWith('POST'))).toHaveLength(posts)
  expect(requests.filter(r => r.startsWith('PUT'))).toEqual([])
})

describe("an upload's Location: the registry's own https origin only, where the password may go", () => {
  const answer = (status: number, location?: string): HttpResponse => ({
    status,
    ok: status < 300,
    headers: { get: name => (name === 'location' ? (location ?? null) : null) },
    text: async () => '',
    json: async () => ({}),
    arrayBuffer: async () => new ArrayBuffer(0)
  })
  /** A registry at https://registry.test that answers the POST and the PATCH with these Locations; every request it got. */
  function upload(postLocation: string, patchLocation = '/v2/team/web/blobs/uploads/1?_state=b') {
    const sent: string[] = []
    const transport: HttpTransport = async (url, init = {}) => {
      if (init.body !== undefined && typeof init.body !== 'string' && !(init.body instanceof Uint8Array)) (init.body as NodeJS.ReadableStream & { destroy(): void }).destroy()
      sent.push(`${init.method} ${url.href}${init.headers?.authorization ? ' (with the password)' : ''}`)
      return init.method === 'POST' ? answer(202, postLocation) : init.method === 'PATCH' ? answer(202, patchLocation) : answer(201)
    }
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'blob-')), 'blob')
    writeFileSync(file, 'blob')
    const run = new RegistryClient({ registry: 'registry.test', username: 'AWS', password: 'secret' }, undefined, transport).uploadBlob('team/web', 'sha256:abc', 4, createReadStream(file))
    return { sent, run }
  }

  test.each([
    ['https://elsewhere.test/v2/team/web/blobs/uploads/1', 'https://elsewhere.test'],
    ['//elsewhere.test/uploads/1', 'https://elsewhere.test'],
    ['http://registry.test/v2/team/web/blobs/uploads/1', 'http://registry.test'],
    ['https://registry.test:8443/v2/team/web/blobs/uploads/1', 'https://registry.test:8443']
  ])('the POST answers %s: refused naming %s, nothing sent there', async (location, shown) => {
    const { sent, run } = upload(location)
    const error = (await run.catch((e: unknown) => e)) as Error
    expect(error).toBeInstanceOf(ActionError)
    expect(error.message).toBe(
      `The registry registry.test gave an upload location on ${shown}; the action sends the registry's password only to https://registry.test itself, so it stopped there: check that the registry (and AWS_ENDPOINT_URL) are the ones the job should use.`
    )
    expect(sent).toEqual(['POST https://registry.test/v2/team/web/blobs/uploads/ (with the password)'])
  })

  test("the PATCH answers with another origin: the upload isn't closed there", async () => {
    const { sent, run } = upload('/v2/team/web/blobs/uploads/1?_state=a', 'https://elsewhere.test/close')
    await expect(run).rejects.toThrow('gave an upload location on https://elsewhere.test;')
    expect(sent).toEqual([
      'POST https://registry.test/v2/team/web/blobs/uploads/ (with the password)',
      'PATCH https://registry.test/v2/team/web/blobs/uploads/1?_state=a (with the password)'
    ])
  })

  test('Locations on the registry itself, relative or absolute, are followed', async () => {
    const { sent, run } = upload('/v2/team/web/blobs/uploads/1?_state=a', 'https://registry.test/v2/team/web/blobs/uploads/1?_state=b')
    await run
    expect(sent).toEqual([
      'POST https://registry.test/v2/team/web/blobs/uploads/ (with the password)',
      'PATCH https://registry.test/v2/team/web/blobs/uploads/1?_state=a (with the password)',
      'PUT https://registry.test/v2/team/web/blobs/uploads/1?_state=b&digest=sha256%3Aabc (with the password)'
    ])
  })
})

test('a corrupt layout is refused before anything is sent', async () => {
  const l = layout()
  const manifest = path.join(l.dir, 'blobs', 'sha256', l.root.slice(7))
  writeFileSync(manifest, '{"tampered": true}')
  await expect(pushLayout(client(), 'team/web', l.dir, retry)).rejects.toThrow(`Blob ${l.root} in the OCI layout`)
  expect(requests).toEqual([])
})

describe('a large image costs what the repository lacks', () => {
  /** The layer blobs of the layout's one image manifest. */
  const layersOf = (dir: string, root: string): { digest: string; size: number }[] =>
    (JSON.parse(readFileSync(path.join(dir, 'blobs', 'sha256', root.slice(7)), 'utf8')) as { layers: { digest: string; size: number }[] }).layers
  const blobFile = (dir: string, digest: string) => path.join(dir, 'blobs', 'sha256', digest.slice(7))

  test('a blob the repository has is never read: an empty placeholder for it pushes fine, counted as left out', async () => {
    const first = layout()
    await pushLayout(client(), 'team/web', first.dir, retry)
    const l = layout(['arm64'], { build: '2' })
    const shared = layersOf(l.dir, l.root)
    for (const layer of shared) writeFileSync(blobFile(l.dir, layer.digest), '')
    requests = []
    const result = await pushLayout(client(), 'team/web', l.dir, retry, new Set(shared.map(d => d.digest)))
    expect(result).toMatchObject({ digest: l.root, uploaded: 1, skipped: 2, leftOut: 2 })
    expect(requests.filter(r => r.startsWith('PATCH'))).toHaveLength(1)
  })

  test('a layer corrupted on disk is caught while it is sent, and its upload is never closed', async () => {
    const l = layout()
    const [layer] = layersOf(l.dir, l.root).slice(-1)
    writeFileSync(blobFile(l.dir, layer!.digest), Buffer.alloc(layer!.size, 'x'))
    await expect(pushLayout(client(), 'team/web', l.dir, retry)).rejects.toThrow(`Blob ${layer!.digest} in the OCI layout does not match its digest: run the job again.`)
    expect(blobs.has(`team/web@${layer!.digest}`)).toBe(false)
    expect(requests.filter(r => r.startsWith('PUT /v2/team/web/manifests/'))).toEqual([])
    // Uploads closed: the two good blobs only.
    expect(requests.filter(r => r.startsWith('PUT /v2/team/web/blobs/uploads/'))).toHaveLength(2)
  })

  test('a placeholder for a blob the repository no longer has: one line, nothing half-pushed', async () => {
    const l = layout()
    const [layer] = layersOf(l.dir, l.root)
    writeFileSync(blobFile(l.dir, layer!.digest), '')
    await expect(pushLayout(client(), 'team/web', l.dir, retry, new Set([layer!.digest]))).rejects.toThrow(
      `The repository no longer has blob ${layer!.digest}, which its registry cache named when the build started, so the build didn't export it: run the job again.`
    )
    expect(requests.filter(r => r.startsWith('PUT /v2/team/web/manifests/'))).toEqual([])
  })

  test("prefillLayout: an empty file for each layer of the caches' manifests; a missing cache adds none, an unreadable one is said", async () => {
    const cache = layout(['amd64'])
    await pushLayout(client(), 'team/web', cache.dir, retry)
    await addTags(client(), 'team/web', cache.root, ['buildcache'], retry)
    const dir = mkdtempSync(path.join(os.tmpdir(), 'prefill-'))
    const said: string[] = []
    const prefilled = await prefillLayout(client(), 'team/web', path.join(dir, 'oci-layout'), ['buildcache', 'buildcache--other'], m => said.push(m))
    const layers = layersOf(cache.dir, cache.root).map(d => d.digest)
    expect([...prefilled].sort()).toEqual([...layers].sort())
    for (const d of layers) expect(readFileSync(blobFile(path.join(dir, 'oci-layout'), d), 'utf8')).toBe('')
    expect(said).toEqual([])
    faults = [{ method: 'GET', status: 500, count: 9 }]
    const none = await prefillLayout(client(), 'team/web', path.join(dir, 'other'), ['buildcache'], m => said.push(m))
    expect(none.size).toBe(0)
    expect(said).toEqual([expect.stringMatching(/^The registry cache buildcache could not be read \(.*500.*\): the layout gets every blob\.$/)])
  })
})

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

describe('findExistingVersion: the version tag looked up in the registry', () => {
  const SHA = '0123abcdef4567890123abcdef4567890123abcd'

  test('an index: the tag, its first platform image and that image’s config, for the revision label', async () => {
    const l = layout(['amd64', 'arm64'], { 'org.opencontainers.image.revision': SHA })
    await pushLayout(client(), 'team/web', l.dir, retry)
    await addTags(client(), 'team/web', l.root, ['v1'], retry)
    requests = []
    expect(await findExistingVersion(client(), 'team/web', 'v1')).toEqual({ digest: l.root, revision: SHA })
    expect(requests[0]).toBe('GET /v2/team/web/manifests/v1')
    expect(requests.filter(r => r.startsWith('GET /v2/team/web/manifests/'))).toHaveLength(2)
    expect(requests.filter(r => r.includes('/blobs/'))).toHaveLength(1)
  })

  test('an image manifest without a revision label: the digest, and an empty revision', async () => {
    const l = layout(['amd64'])
    await pushLayout(client(), 'team/web', l.dir, retry)
    await addTags(client(), 'team/web', l.root, ['v1'], retry)
    expect(await findExistingVersion(client(), 'team/web', 'v1')).toEqual({ digest: l.root, revision: '' })
  })

  test('no such tag: undefined, after one request', async () => {
    requests = []
    await expect(findExistingVersion(client(), 'team/web', 'v2')).resolves.toBeUndefined()
    expect(requests).toEqual(['GET /v2/team/web/manifests/v2'])
  })
})
