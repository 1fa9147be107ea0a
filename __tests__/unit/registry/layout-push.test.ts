/**
 * push-by-digest's upload: an OCI layout pushed to a registry by digest, against a small
 * in-process registry that speaks the upload protocol (POST, PATCH, PUT ?digest=) and can
 * fail on purpose.
 */
import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { RetryDeps } from '../../../src/retry.js'
import { ActionError } from '../../../src/errors.js'
import { prefillLayout, pushLayout } from '../../../src/registry/layout-push.js'
import { addTags } from '../../../src/registry/tags.js'
import { RegistryClient } from '../../../src/registry/client.js'
import type { HttpResponse, HttpTransport } from '../../../src/network/http.js'
import { INDEX, MANIFEST, UploadRegistry, writeLayout } from '../../fixtures/upload-registry.js'

const registry = new UploadRegistry()
beforeAll(() => registry.start())
afterAll(() => registry.close())
beforeEach(() => registry.reset())

const client = (password = 'secret') => registry.client(password)

const logs: string[] = []

const retry: RetryDeps = { policy: { attempts: 3, delay: () => 0, sleep: async () => undefined, log: (m: string) => logs.push(m) } }

test('pushes the blobs, then the manifest by its digest; the registry serves it back', async () => {
  const l = writeLayout()
  const result = await pushLayout(client(), 'team/web', l.dir, retry)
  expect(result).toMatchObject({ digest: l.root, mediaType: MANIFEST, platform: { architecture: 'arm64', os: 'linux' }, uploaded: 3, skipped: 0, bytesUploaded: l.bytes })
  expect(registry.requests.filter(r => r.startsWith('PUT /v2/team/web/manifests/'))).toEqual([`PUT /v2/team/web/manifests/${l.root}`])
  const served = await client().manifest('team/web', l.root)
  expect(served?.digest).toBe(l.root)
  expect(served?.layers).toHaveLength(2)
  rmSync(l.dir, { recursive: true })
})

test('blobs the repository has are not sent again', async () => {
  const l = writeLayout()
  await pushLayout(client(), 'team/web', l.dir, retry)
  registry.requests = []
  const again = await pushLayout(client(), 'team/web', l.dir, retry)
  expect(again).toMatchObject({ uploaded: 0, skipped: 3, bytesUploaded: 0 })
  expect(registry.requests.filter(r => r.startsWith('PATCH') || r.startsWith('POST'))).toEqual([])
})

test('an index: every platform image first (shared blobs once), then the index', async () => {
  const l = writeLayout(['amd64', 'arm64'])
  const result = await pushLayout(client(), 'team/web', l.dir, retry)
  expect(result).toMatchObject({ digest: l.root, mediaType: INDEX, uploaded: 5 })
  const puts = registry.requests.filter(r => r.startsWith('PUT /v2/team/web/manifests/'))
  expect(puts).toHaveLength(3)
  expect(puts[2]).toBe(`PUT /v2/team/web/manifests/${l.root}`)
  expect((await client().manifest('team/web', l.root))?.manifests).toHaveLength(2)
})

test('a 500 on an upload and on the manifest PUT: tried again, and it succeeds', async () => {
  logs.length = 0
  registry.faults = [
    { method: 'PATCH', status: 500, count: 1 },
    { method: 'PUT', status: 503, count: 1 }
  ]
  const l = writeLayout()
  await expect(pushLayout(client(), 'team/web', l.dir, retry)).resolves.toMatchObject({ digest: l.root })
  expect(logs).toHaveLength(2)
  expect(logs[0]).toMatch(/^the upload of sha256:.{12}… failed \(upload sha256:.* 500\); trying again in 0s \(2 of 3\)\.$/)
})

test('a registry that keeps failing: one line after the last try', async () => {
  registry.faults = [{ method: 'POST', status: 502, count: 99 }]
  await expect(pushLayout(client(), 'team/web', writeLayout().dir, retry)).rejects.toThrow(/failed 3 times .*run the job again/)
})

test('refused credentials: the permissions to grant, at once, and the password nowhere', async () => {
  const error = await pushLayout(client('wrong'), 'team/web', writeLayout().dir, retry).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(ActionError)
  expect((error as Error).message).toMatch(/The registry refused .* \(401\): the role needs ecr:BatchCheckLayerAvailability, ecr:InitiateLayerUpload/)
  expect((error as Error).message).not.toContain('wrong')
  expect(registry.requests.filter(r => r.startsWith('HEAD'))).toHaveLength(3)
})

test('refused on ECR Public: the permissions by their ecr-public names', async () => {
  const publicClient = new RegistryClient({ registry: 'public.ecr.aws', username: 'AWS', password: 'wrong' }, registry.base)
  const error = await pushLayout(publicClient, 'team/web', writeLayout().dir, retry).catch((e: unknown) => e)
  expect((error as Error).message).toMatch(/\(401\): the role needs ecr-public:BatchCheckLayerAvailability, .* and ecr-public:PutImage on the repository\.$/)
})

test('a repository the registry does not know: NAME_UNKNOWN explained, not retried', async () => {
  registry.faults = [
    { method: 'HEAD', status: 404, count: 0 },
    { method: 'POST', status: 404, count: 99, body: '{"errors":[{"code":"NAME_UNKNOWN","message":"repository name not known to registry"}]}' }
  ]
  await expect(pushLayout(client(), 'team/gone', writeLayout().dir, retry)).rejects.toThrow('The registry has no such repository')
  // One start per blob at most (uploads run side by side), none tried again, none after the error.
  const posts = registry.requests.filter(r => r.startsWith('POST')).length
  expect(posts).toBeGreaterThanOrEqual(1)
  expect(posts).toBeLessThanOrEqual(3)
  await new Promise(resolve => setTimeout(resolve, 50))
  expect(registry.requests.filter(r => r.startsWith('POST'))).toHaveLength(posts)
  expect(registry.requests.filter(r => r.startsWith('PUT'))).toEqual([])
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
    expect(sent).toEqual(['POST https://registry.test/v2/team/web/blobs/uploads/ (with the password)', 'PATCH https://registry.test/v2/team/web/blobs/uploads/1?_state=a (with the password)'])
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
  const l = writeLayout()
  const manifest = path.join(l.dir, 'blobs', 'sha256', l.root.slice(7))
  writeFileSync(manifest, '{"tampered": true}')
  await expect(pushLayout(client(), 'team/web', l.dir, retry)).rejects.toThrow(`Blob ${l.root} in the OCI layout`)
  expect(registry.requests).toEqual([])
})

describe('a large image costs what the repository lacks', () => {
  /** The layer blobs of the layout's one image manifest. */
  const layersOf = (dir: string, root: string): { digest: string; size: number }[] =>
    (JSON.parse(readFileSync(path.join(dir, 'blobs', 'sha256', root.slice(7)), 'utf8')) as { layers: { digest: string; size: number }[] }).layers
  const blobFile = (dir: string, digest: string) => path.join(dir, 'blobs', 'sha256', digest.slice(7))

  test('a blob the repository has is never read: an empty placeholder for it pushes fine, counted as left out', async () => {
    const first = writeLayout()
    await pushLayout(client(), 'team/web', first.dir, retry)
    const l = writeLayout(['arm64'], { build: '2' })
    const shared = layersOf(l.dir, l.root)
    for (const layer of shared) writeFileSync(blobFile(l.dir, layer.digest), '')
    registry.requests = []
    const result = await pushLayout(client(), 'team/web', l.dir, retry, new Set(shared.map(d => d.digest)))
    expect(result).toMatchObject({ digest: l.root, uploaded: 1, skipped: 2, leftOut: 2 })
    expect(registry.requests.filter(r => r.startsWith('PATCH'))).toHaveLength(1)
  })

  test('a layer corrupted on disk is caught while it is sent, and its upload is never closed', async () => {
    const l = writeLayout()
    const [layer] = layersOf(l.dir, l.root).slice(-1)
    writeFileSync(blobFile(l.dir, layer!.digest), Buffer.alloc(layer!.size, 'x'))
    await expect(pushLayout(client(), 'team/web', l.dir, retry)).rejects.toThrow(`Blob ${layer!.digest} in the OCI layout does not match its digest: run the job again.`)
    expect(registry.blobs.has(`team/web@${layer!.digest}`)).toBe(false)
    expect(registry.requests.filter(r => r.startsWith('PUT /v2/team/web/manifests/'))).toEqual([])
    // Uploads closed: the two good blobs only.
    expect(registry.requests.filter(r => r.startsWith('PUT /v2/team/web/blobs/uploads/'))).toHaveLength(2)
  })

  test('a placeholder for a blob the repository no longer has: one line, nothing half-pushed', async () => {
    const l = writeLayout()
    const [layer] = layersOf(l.dir, l.root)
    writeFileSync(blobFile(l.dir, layer!.digest), '')
    await expect(pushLayout(client(), 'team/web', l.dir, retry, new Set([layer!.digest]))).rejects.toThrow(
      `The repository no longer has blob ${layer!.digest}, which its registry cache named when the build started, so the build didn't export it: run the job again.`
    )
    expect(registry.requests.filter(r => r.startsWith('PUT /v2/team/web/manifests/'))).toEqual([])
  })

  test("prefillLayout: an empty file for each layer of the caches' manifests; a missing cache adds none, an unreadable one is said", async () => {
    const cache = writeLayout(['amd64'])
    await pushLayout(client(), 'team/web', cache.dir, retry)
    await addTags(client(), 'team/web', cache.root, ['buildcache'], retry)
    const dir = mkdtempSync(path.join(os.tmpdir(), 'prefill-'))
    const said: string[] = []
    const prefilled = await prefillLayout(client(), 'team/web', path.join(dir, 'oci-layout'), ['buildcache', 'buildcache--other'], m => said.push(m))
    const layers = layersOf(cache.dir, cache.root).map(d => d.digest)
    expect([...prefilled].sort()).toEqual([...layers].sort())
    for (const d of layers) expect(readFileSync(blobFile(path.join(dir, 'oci-layout'), d), 'utf8')).toBe('')
    expect(said).toEqual([])
    registry.faults = [{ method: 'GET', status: 500, count: 9 }]
    const none = await prefillLayout(client(), 'team/web', path.join(dir, 'other'), ['buildcache'], m => said.push(m))
    expect(none.size).toBe(0)
    expect(said).toEqual([expect.stringMatching(/^The registry cache buildcache could not be read \(.*500.*\): the layout gets every blob\.$/)])
  })
})
