/**
 * copy-to's copy by digest, against a small in-process registry (several repositories of
 * one registry, or two registries): children before the index, blobs mounted where the
 * registry mounts, else streamed and checked; the version tag kept when it already names
 * the image, refused where it is immutable and names another.
 */
import { createHash, randomUUID } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { ActionError } from '../../src/errors.js'
import { RegistryClient } from '../../src/registry/client.js'
import { copyImage } from '../../src/registry/copy.js'
import type { RetryDeps } from '../../src/retry.js'
import type { OtherRegistryDeps } from '../../src/aws/other-registries.js'
import { copyToDestinations } from '../../src/other-registries-stage.js'
import type { Settings } from '../../src/settings/types.js'
import { stdoutOf } from '../fixtures/stdout.js'

const sha = (b: Buffer | string) => `sha256:${createHash('sha256').update(b).digest('hex')}`
const MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
const INDEX = 'application/vnd.oci.image.index.v1+json'

interface Registry {
  base: string
  blobs: Map<string, Buffer>
  manifests: Map<string, { type: string; body: Buffer }>
  requests: string[]
  mounts: boolean
  immutable: boolean
  /** a blob served with other bytes than its digest */
  corrupt?: string
  close: () => Promise<void>
}

async function startRegistry(): Promise<Registry> {
  const r = { blobs: new Map(), manifests: new Map(), requests: [] as string[], mounts: false, immutable: false } as Omit<Registry, 'base' | 'close'> & Partial<Registry>
  const uploads = new Map<string, Buffer[]>()
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      const url = new URL(req.url ?? '/', 'http://x')
      r.requests.push(`${req.method} ${url.pathname}${url.searchParams.has('mount') ? '?mount' : ''}`)
      let m: RegExpExecArray | null
      if ((m = /^\/v2\/(.+)\/blobs\/(sha256:[0-9a-f]+)$/.exec(url.pathname))) {
        const blob = r.blobs.get(`${m[1]}@${m[2]}`)
        if (!blob) return void res.writeHead(404).end()
        if (req.method === 'HEAD') return void res.writeHead(200, { 'content-length': blob.length }).end()
        return void res.writeHead(200).end(m[2] === r.corrupt ? Buffer.alloc(blob.length, 1) : blob)
      }
      if (req.method === 'POST' && (m = /^\/v2\/(.+)\/blobs\/uploads\/$/.exec(url.pathname))) {
        const from = url.searchParams.get('from')
        const digest = url.searchParams.get('mount') ?? ''
        const there = r.blobs.get(`${from}@${digest}`)
        if (r.mounts && there) {
          r.blobs.set(`${m[1]}@${digest}`, there)
          return void res.writeHead(201).end()
        }
        const id = randomUUID()
        uploads.set(id, [])
        return void res.writeHead(202, { location: `/v2/${m[1]}/blobs/uploads/${id}` }).end()
      }
      if ((m = /^\/v2\/(.+)\/blobs\/uploads\/(.+)$/.exec(url.pathname))) {
        const parts = uploads.get(m[2] ?? '')
        if (!parts) return void res.writeHead(404).end()
        if (req.method === 'DELETE') return void (uploads.delete(m[2] ?? ''), res.writeHead(204).end())
        if (req.method === 'PATCH') return void (parts.push(body), res.writeHead(202, { location: url.pathname }).end())
        const whole = Buffer.concat(parts)
        const digest = url.searchParams.get('digest') ?? ''
        if (sha(whole) !== digest) return void res.writeHead(400).end('{"errors":[{"code":"DIGEST_INVALID","message":"x"}]}')
        r.blobs.set(`${m[1]}@${digest}`, whole)
        return void res.writeHead(201).end()
      }
      if ((m = /^\/v2\/(.+)\/manifests\/(.+)$/.exec(url.pathname))) {
        const key = `${m[1]}:${m[2]}`
        if (req.method === 'GET' || req.method === 'HEAD') {
          const found = r.manifests.get(key)
          if (!found) return void res.writeHead(404).end()
          return void res.writeHead(200, { 'content-type': found.type, 'docker-content-digest': sha(found.body) }).end(found.body)
        }
        if (r.immutable && !(m[2] ?? '').startsWith('sha256:') && r.manifests.has(key)) {
          return void res.writeHead(400).end(JSON.stringify({ errors: [{ code: 'TAG_INVALID', message: `The image tag '${m[2]}' already exists in the '${m[1]}' repository and cannot be overwritten because the repository is immutable.` }] }))
        }
        r.manifests.set(key, { type: String(req.headers['content-type']), body })
        return void res.writeHead(201, { 'docker-content-digest': sha(body) }).end()
      }
      res.writeHead(404).end()
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  r.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  r.close = () => new Promise(resolve => server.close(() => resolve()))
  return r as Registry
}

/** An image of two platforms in `repo`: its index digest and its children. */
function pushImage(r: Registry, repo: string, tag: string, marker = 'a'): { digest: string; children: string[]; blobs: string[] } {
  const children: string[] = []
  const blobs: string[] = []
  const descriptors = ['amd64', 'arm64'].map(arch => {
    const config = Buffer.from(JSON.stringify({ architecture: arch, marker }))
    const layer = Buffer.from(`layer of ${arch} ${marker} `.repeat(5000))
    for (const b of [config, layer]) r.blobs.set(`${repo}@${sha(b)}`, b)
    blobs.push(sha(config), sha(layer))
    const body = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MANIFEST, config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha(config), size: config.length }, layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: sha(layer), size: layer.length }] }))
    r.manifests.set(`${repo}:${sha(body)}`, { type: MANIFEST, body })
    children.push(sha(body))
    return { mediaType: MANIFEST, digest: sha(body), size: body.length, platform: { os: 'linux', architecture: arch } }
  })
  const index = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: INDEX, manifests: descriptors }))
  r.manifests.set(`${repo}:${sha(index)}`, { type: INDEX, body: index })
  r.manifests.set(`${repo}:${tag}`, { type: INDEX, body: index })
  return { digest: sha(index), children, blobs }
}

const retry: RetryDeps = { policy: { attempts: 2, delay: () => 0, sleep: async () => undefined, log: () => undefined } }
const client = (r: Registry, registry = 'registry.test') => new RegistryClient({ registry, username: 'AWS', password: 'p' }, r.base)

let one: Registry
let two: Registry
beforeEach(async () => {
  one = await startRegistry()
  two = await startRegistry()
})
afterEach(async () => {
  await one.close()
  await two.close()
})

test('to another registry: every blob streamed over, children before the index, then the tag; digests unchanged', async () => {
  const image = pushImage(one, 'team/app', '1.0.0')
  const counts = await copyImage({ client: client(one, 'one.test'), repository: 'team/app' }, { client: client(two, 'two.test'), repository: 'acme/app' }, image.digest, '1.0.0', retry)
  expect(counts).toEqual({ manifests: 3, present: 0, mounted: 0, uploaded: 4, tagKept: false })
  for (const b of image.blobs) expect(two.blobs.get(`acme/app@${b}`)).toEqual(one.blobs.get(`team/app@${b}`))
  expect(two.manifests.get('acme/app:1.0.0')?.body).toEqual(one.manifests.get('team/app:1.0.0')?.body)
  const puts = two.requests.filter(q => q.startsWith('PUT /v2/acme/app/manifests/'))
  expect(puts).toEqual([...image.children.map(c => `PUT /v2/acme/app/manifests/${c}`), `PUT /v2/acme/app/manifests/${image.digest}`, 'PUT /v2/acme/app/manifests/1.0.0'])
  expect(one.requests.some(q => q.includes('?mount'))).toBe(false)
})

test('in the same registry: blobs mounted where the registry mounts, else the started upload is cancelled and the blob streamed', async () => {
  const image = pushImage(one, 'team/app', '1.0.0')
  one.mounts = true
  const mounted = await copyImage({ client: client(one), repository: 'team/app' }, { client: client(one), repository: 'team/mirror' }, image.digest, '1.0.0', retry)
  expect(mounted).toMatchObject({ mounted: 4, uploaded: 0 })
  one.mounts = false
  one.requests = []
  const streamed = await copyImage({ client: client(one), repository: 'team/app' }, { client: client(one), repository: 'team/other' }, image.digest, '1.0.0', retry)
  expect(streamed).toMatchObject({ mounted: 0, uploaded: 4 })
  expect(one.requests.filter(q => q.startsWith('DELETE'))).toHaveLength(4)
  expect(one.manifests.get('team/other:1.0.0')?.body).toEqual(one.manifests.get('team/app:1.0.0')?.body)
})

test('a second copy uploads nothing and keeps the tag that already names the image', async () => {
  const image = pushImage(one, 'team/app', '1.0.0')
  const ends = [{ client: client(one, 'one.test'), repository: 'team/app' }, { client: client(two, 'two.test'), repository: 'acme/app' }] as const
  await copyImage(...ends, image.digest, '1.0.0', retry)
  two.immutable = true
  const again = await copyImage(...ends, image.digest, '1.0.0', retry)
  expect(again).toEqual({ manifests: 3, present: 4, mounted: 0, uploaded: 0, tagKept: true })
})

test('an immutable tag naming another image is refused, as the push would be', async () => {
  const image = pushImage(one, 'team/app', '1.0.0')
  pushImage(two, 'acme/app', '1.0.0', 'other')
  two.immutable = true
  const copying = copyImage({ client: client(one, 'one.test'), repository: 'team/app' }, { client: client(two, 'two.test'), repository: 'acme/app' }, image.digest, '1.0.0', retry)
  await expect(copying).rejects.toThrow(/Tag '1.0.0' already exists in 'acme\/app', which keeps it immutable/)
})

test('a blob read with other bytes than its digest is never stored', async () => {
  const image = pushImage(one, 'team/app', '1.0.0')
  one.corrupt = image.blobs[1] ?? ''
  const copying = copyImage({ client: client(one, 'one.test'), repository: 'team/app' }, { client: client(two, 'two.test'), repository: 'acme/app' }, image.digest, '1.0.0', retry)
  await expect(copying).rejects.toBeInstanceOf(ActionError)
  expect(two.blobs.has(`acme/app@${image.blobs[1]}`)).toBe(false)
  expect(two.manifests.has('acme/app:1.0.0')).toBe(false)
})

test("copy-to's destinations: the run's registry (an ECR Public run's alias kept), another registry with its own token", async () => {
  const image = pushImage(one, 'alias/app', '1.0.0')
  const settings = {
    aws: { roleSessionName: 'run' },
    image: { version: '1.0.0' },
    repository: { name: 'app' },
    registries: { read: [], copyTo: [{ repository: 'mirror' }, { registry: { kind: 'private', host: 'two.test', account: '210987654321', region: 'eu-west-1' }, repository: 'acme/app' }] }
  } as unknown as Settings
  const tokens: OtherRegistryDeps = {
    sessionFor: async (_, session) => session,
    token: async registry => {
      const current = { registry: registry.host, username: 'AWS', password: 'p' }
      return { current, get: async () => current }
    }
  }
  const copied = await stdoutOf(async () => {
    const done = await copyToDestinations(settings, { region: 'us-east-1' }, { registry: client(one, 'public.ecr.aws'), path: 'alias/app', digest: image.digest, retry }, c => new RegistryClient(c, two.base), tokens)
    expect(done.map(c => c.uri)).toEqual(['public.ecr.aws/alias/mirror', 'two.test/acme/app'])
  })
  expect(copied).toContain('Copied to public.ecr.aws/alias/mirror:1.0.0 — 3 manifests, blobs: 4 uploaded')
  expect(one.manifests.get('alias/mirror:1.0.0')?.body).toEqual(one.manifests.get('alias/app:1.0.0')?.body)
  expect(two.manifests.get('acme/app:1.0.0')?.body).toEqual(one.manifests.get('alias/app:1.0.0')?.body)
})
