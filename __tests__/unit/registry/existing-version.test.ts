/**
 * An existing version tag: re-run decisions (skip, fail, overwrite), an archived image never
 * becomes a kept release, and the version tag looked up in the registry.
 */
import { describe, expect, test } from '@jest/globals'
import { createHash, randomUUID } from 'node:crypto'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { ActionError } from '../../../src/errors.js'
import { decideVersion, type ArchivedImage, findExistingVersion } from '../../../src/registry/existing-version.js'
import { restoreCommand } from '../../../src/aws/image-status.js'
import type { RetryPolicy } from '../../../src/retry.js'
import { pushLayout } from '../../../src/registry/layout-push.js'
import { addTags } from '../../../src/registry/tags.js'
import { RegistryClient } from '../../../src/registry/client.js'

const SHA = 'a'.repeat(40)

const OTHER = 'b'.repeat(40)

const run = { sha: SHA, version: '1.2.3', repository: 'team/web' }

const existing = (revision: string) => ({ digest: `sha256:${'c'.repeat(64)}`, revision })

describe('decideVersion', () => {
  const DIGEST = `sha256:${'c'.repeat(64)}`
  const UNTRUSTED = "a label is written by whoever pushed the image, so it can't show that the image was built from this commit"
  const WAYS_OUT = 'Bump the version, or set if-version-exists: skip to keep the existing image (trusting whoever pushed it).'

  test.each(['auto', 'fail', 'skip'] as const)('no such tag: build (%s)', mode => {
    expect(decideVersion(undefined, run, mode)).toEqual({ build: true })
  })

  // The label is a claim anyone with push rights can make: with auto, no label earns a reuse.
  test.each([
    ['this commit', SHA, `labelled as built from this commit (aaaaaaa); ${UNTRUSTED}`],
    ['another commit', OTHER, `labelled as built from commit ${OTHER} (this run is aaaaaaa); ${UNTRUSTED}`],
    ['no commit (no label)', '', `with no revision label; ${UNTRUSTED}`]
  ])('auto, an image whose label names %s: stop before building, the label named as a claim', (_, revision, middle) => {
    expect(() => decideVersion(existing(revision), run, 'auto')).toThrow(
      new ActionError(`Tag '1.2.3' already exists in 'team/web' (${DIGEST}), ${middle}. ${WAYS_OUT}`)
    )
  })

  test.each([SHA, OTHER, ''])('fail: stop whatever the label says (%j)', revision => {
    expect(() => decideVersion(existing(revision), run, 'fail')).toThrow(`(${DIGEST}), `)
    expect(() => decideVersion(existing(revision), run, 'fail')).toThrow(`if-version-exists: fail stops whenever the tag exists. ${WAYS_OUT}`)
  })

  test.each([SHA, OTHER, ''])('skip: keep the existing image whatever the label says (%j)', revision => {
    expect(decideVersion(existing(revision), run, 'skip')).toEqual({ build: false, reason: `1.2.3 already exists (${DIGEST}); if-version-exists: skip` })
  })
})

const DIGEST = `sha256:${'c'.repeat(64)}`

const RESTORE = restoreCommand('team/web', DIGEST, 'eu-west-1')

const archived = (status: ArchivedImage['status'], extra: Partial<ArchivedImage> = {}) => ({ digest: DIGEST, revision: SHA, archive: { status, restore: RESTORE, ...extra } })

describe('decideVersion on an image ECR keeps out of reach', () => {
  test('the restore command names the repository, the digest and the region', () => {
    expect(RESTORE).toBe(`aws ecr update-image-storage-class --region eu-west-1 --repository-name team/web --image-id imageDigest=${DIGEST} --target-storage-class STANDARD`)
  })

  test('skip on an archived image fails: no release that cannot be pulled', () => {
    const decide = () => decideVersion(archived('ARCHIVED', { archivedAt: new Date('2026-06-30T10:00:00Z'), bytes: 1024 ** 3 }), run, 'skip')
    expect(decide).toThrow(ActionError)
    expect(decide).toThrow(`Tag '1.2.3' in 'team/web' names ${DIGEST}, and ECR has archived it since 2026-06-30 (imageStatus ARCHIVED): an archived image can't be pulled. No tag was moved.`)
    expect(decide).toThrow(`Restore it with \`${RESTORE}\` and run the job again once it is ACTIVE`)
    expect(decide).toThrow('or bump the version to push a new image. Archive: 1.0 GB at about $0.10 a month, restoring it about $0.030;')
  })

  test('skip on an image being restored fails, saying to wait for ACTIVE', () => {
    const decide = () => decideVersion(archived('ACTIVATING'), run, 'skip')
    expect(decide).toThrow("ECR is restoring it from its archive (imageStatus ACTIVATING): it can't be pulled until the restore is done. No tag was moved. Run the job again once it is ACTIVE")
    expect(decide).not.toThrow('update-image-storage-class')
  })

  test('skip on an image DescribeImages does not list fails, as it may be archived', () => {
    expect(() => decideVersion(archived('UNLISTED'), run, 'skip')).toThrow("ECR's DescribeImages doesn't list it (without a status filter it lists active images only): it may be archived. No tag was moved. Restore it with")
  })

  test.each(['auto', 'fail'] as const)('%s: the stop names the archive and the restore too', mode => {
    const decide = () => decideVersion(archived('ARCHIVED'), run, mode)
    expect(decide).toThrow(`Tag '1.2.3' already exists in 'team/web' (${DIGEST})`)
    expect(decide).toThrow(`Bump the version. Besides, ECR has archived it (imageStatus ARCHIVED): an archived image can't be pulled. No tag was moved. Restore it with \`${RESTORE}\``)
  })

  test('an active image is kept with skip as before', () => {
    expect(decideVersion({ digest: DIGEST, revision: SHA }, run, 'skip')).toEqual({ build: false, reason: `1.2.3 already exists (${DIGEST}); if-version-exists: skip` })
  })
})

describe("the version tag in the registry", () => {
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
})
