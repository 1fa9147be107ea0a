/**
 * `push-by-digest`: buildx exports the platform image as an OCI layout (`--output
 * type=oci,tar=false`, which every builder driver does, the docker driver included), and
 * this module pushes the layout to the repository by digest over the registry API: the
 * blobs the repository doesn't have yet, then each image manifest, then the index if the
 * layout holds one — untagged, for a later `merge-digests`. Transient failures (5xx, 429,
 * reset connections) are retried.
 *
 * What a large image costs is kept to what the repository lacks (docs/benchmarks.md):
 * before the build, `prefillLayout` puts an empty file in the layout under each blob the
 * repository already has and the build is likely to make again (the layers of the registry
 * cache it imports), and buildx's layout writer skips a blob whose file exists — so those
 * are never written to disk; the push asks the registry about each blob before reading it,
 * and reads a blob it uploads once, hashing it on the way (checked before the upload is
 * closed: a corrupt layout is never stored).
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import { Readable } from 'node:stream'
import path from 'node:path'
import { ActionError } from '../errors.js'
import type { RetryDeps } from '../retry.js'
import { INDEX_MEDIA_TYPES, type Descriptor, type RegistryClient } from './client.js'
import { withRegistryRetry } from './refusals.js'

export interface LayoutPush {
  /** digest of what the layout's index.json names: the image manifest, or an index */
  digest: string
  mediaType: string
  platform?: Descriptor['platform']
  /** blobs uploaded, and blobs the repository already had */
  uploaded: number
  skipped: number
  bytesUploaded: number
  /** of the skipped, those the build didn't write to the layout (prefillLayout) */
  leftOut: number
}

/** uploads at once: dockerd's default (max-concurrent-uploads) */
const PARALLEL_UPLOADS = 5

function blobPath(layout: string, digest: string): string {
  const [algorithm, hex] = digest.split(':')
  if (algorithm !== 'sha256' || !/^[0-9a-f]{64}$/.test(hex ?? '')) throw new ActionError(`The OCI layout names a blob '${digest}' that is not a sha256 digest.`)
  return path.join(layout, 'blobs', algorithm, hex ?? '')
}

/** A manifest's bytes from the layout, checked against its descriptor: a corrupt layout is never pushed. */
async function verifiedManifest(layout: string, d: Descriptor): Promise<Buffer> {
  const body = await readFile(blobPath(layout, d.digest)).catch(() => undefined)
  if (body === undefined) throw new ActionError(`The OCI layout lacks manifest ${d.digest}: the build's export is incomplete; run the job again.`)
  if (`sha256:${createHash('sha256').update(body).digest('hex')}` !== d.digest) throw new ActionError(`Blob ${d.digest} in the OCI layout does not match its digest: run the job again.`)
  return body
}

/** The size of a blob the repository lacks, as the layout holds it; an empty placeholder (prefillLayout) is explained. */
async function blobSize(layout: string, d: Descriptor, prefilled: ReadonlySet<string>): Promise<number> {
  const size = (await stat(blobPath(layout, d.digest)).catch(() => undefined))?.size
  if (prefilled.has(d.digest) && size === 0 && d.size !== 0) {
    throw new ActionError(`The repository no longer has blob ${d.digest}, which its registry cache named when the build started, so the build didn't export it: run the job again.`)
  }
  if (size === undefined) throw new ActionError(`The OCI layout lacks blob ${d.digest}: the build's export is incomplete; run the job again.`)
  if (d.size !== undefined && size !== d.size) throw new ActionError(`Blob ${d.digest} in the OCI layout is ${size} bytes, its descriptor says ${d.size}: run the job again.`)
  return size
}

/** A blob read once: its bytes for the upload, hashed on the way; `check` throws unless they had its digest. */
function hashedRead(file: string, digest: string): { body: Readable; check: () => void } {
  const hash = createHash('sha256')
  async function* read(): AsyncGenerator<Buffer> {
    for await (const chunk of createReadStream(file)) {
      hash.update(chunk as Buffer)
      yield chunk as Buffer
    }
  }
  const check = (): void => {
    if (`sha256:${hash.digest('hex')}` !== digest) throw new ActionError(`Blob ${digest} in the OCI layout does not match its digest: run the job again.`)
  }
  return { body: Readable.from(read()), check }
}

interface ManifestJson {
  mediaType?: string
  config?: Descriptor
  layers?: Descriptor[]
  manifests?: Descriptor[]
}

/** Pushes the blobs a manifest needs that the repository lacks, a few at a time; a blob it has is never read. */
async function pushBlobs(client: RegistryClient, repository: string, layout: string, blobs: Descriptor[], retry: RetryDeps, tally: LayoutPush, prefilled: ReadonlySet<string>): Promise<void> {
  const queue = [...new Map(blobs.map(b => [b.digest, b])).values()]
  let failed = false
  const worker = async (): Promise<void> => {
    for (let d = queue.shift(); d !== undefined && !failed; d = queue.shift()) {
      const blob = d
      const file = blobPath(layout, blob.digest)
      const size = await withRegistryRetry(client.registry, `the upload of ${blob.digest.slice(0, 19)}…`, retry, async () => {
        if (await client.blobExists(repository, blob.digest)) return undefined
        const bytes = await blobSize(layout, blob, prefilled)
        const { body, check } = hashedRead(file, blob.digest)
        await client.uploadBlob(repository, blob.digest, bytes, body, check)
        return bytes
      })
      if (size !== undefined) {
        tally.uploaded++
        tally.bytesUploaded += size
      } else {
        tally.skipped++
        if (prefilled.has(blob.digest)) tally.leftOut++
      }
    }
  }
  // On the first failure the other uploads finish what they are sending and take no more;
  // nothing is still talking to the registry when the error is reported.
  const results = await Promise.allSettled(
    Array.from({ length: PARALLEL_UPLOADS }, () =>
      worker().catch((error: unknown) => {
        failed = true
        throw error
      })
    )
  )
  const failure = results.find(r => r.status === 'rejected')
  if (failure) throw failure.reason
}

/** Pushes one manifest (an image's, or an index after its children) by its digest. */
async function pushManifest(client: RegistryClient, repository: string, layout: string, d: Descriptor, retry: RetryDeps, tally: LayoutPush, prefilled: ReadonlySet<string>): Promise<void> {
  const body = await verifiedManifest(layout, d)
  const manifest = JSON.parse(body.toString('utf8')) as ManifestJson
  if (INDEX_MEDIA_TYPES.includes(d.mediaType) || manifest.manifests !== undefined) {
    for (const child of manifest.manifests ?? []) await pushManifest(client, repository, layout, child, retry, tally, prefilled)
  } else {
    await pushBlobs(client, repository, layout, [...(manifest.config ? [manifest.config] : []), ...(manifest.layers ?? [])], retry, tally, prefilled)
  }
  const digest = await withRegistryRetry(client.registry, `the manifest ${d.digest.slice(0, 19)}…`, retry, () => client.putManifest(repository, d.digest, d.mediaType, body))
  if (digest !== '' && digest !== d.digest) throw new ActionError(`The registry stored manifest ${d.digest} as ${digest}: it changed the manifest; push again.`)
}

/** Pushes what an OCI layout's index.json names to `repository`, by digest, untagged; `prefilled`: what prefillLayout put there. */
export async function pushLayout(client: RegistryClient, repository: string, layout: string, retry: RetryDeps, prefilled: ReadonlySet<string> = new Set()): Promise<LayoutPush> {
  const index = JSON.parse(await readFile(path.join(layout, 'index.json'), 'utf8')) as { manifests?: Descriptor[] }
  const top = index.manifests ?? []
  if (top.length !== 1 || top[0] === undefined) {
    throw new ActionError(`buildx exported ${top.length} images to the OCI layout; push-by-digest expects one (an image, or an index of platforms).`)
  }
  const root = top[0]
  const tally: LayoutPush = { digest: root.digest, mediaType: root.mediaType, uploaded: 0, skipped: 0, bytesUploaded: 0, leftOut: 0 }
  if (root.platform) tally.platform = root.platform
  await pushManifest(client, repository, layout, root, retry, tally, prefilled)
  return tally
}

/**
 * Before the build: an empty file in the layout for each layer of the manifests under
 * `tags` (the registry caches the build imports), which the repository has, so buildx's
 * layout writer — which skips a blob whose file exists — doesn't write them again. Returns
 * their digests. A cache that can't be read leaves the layout empty: the build then writes
 * every blob, which costs time, not correctness (the push asks the registry about each).
 */
export async function prefillLayout(client: RegistryClient, repository: string, layout: string, tags: string[], log: (message: string) => void): Promise<Set<string>> {
  const digests = new Set<string>()
  for (const tag of tags) {
    const manifest = await client
      .manifest(repository, tag)
      .catch((error: unknown) => void log(`The registry cache ${tag} could not be read (${(error as Error).message}): the layout gets every blob.`))
    for (const layer of manifest?.layers ?? []) if (layer.size !== 0) digests.add(layer.digest)
  }
  await mkdir(path.join(layout, 'blobs', 'sha256'), { recursive: true })
  await Promise.all([...digests].map(d => writeFile(blobPath(layout, d), '')))
  return digests
}
