/**
 * `push-by-digest`: buildx exports the platform image as an OCI layout (`--output
 * type=oci,tar=false`, which every builder driver does, the docker driver included), and
 * this module pushes the layout to the repository by digest over the registry API: the
 * blobs the repository doesn't have yet (each checked against its digest and size first),
 * then each image manifest, then the index if the layout holds one — untagged, for a
 * later `merge-digests`. Transient failures (5xx, 429,
 * reset connections) are retried.
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { ActionError } from '../errors.js'
import type { RetryPolicy } from '../retry.js'
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
}

const PARALLEL_UPLOADS = 4

function blobPath(layout: string, digest: string): string {
  const [algorithm, hex] = digest.split(':')
  if (algorithm !== 'sha256' || !/^[0-9a-f]{64}$/.test(hex ?? '')) throw new ActionError(`The OCI layout names a blob '${digest}' that is not a sha256 digest.`)
  return path.join(layout, 'blobs', algorithm, hex ?? '')
}

/** Reads a blob and checks it against its descriptor: a corrupt layout is never pushed. */
async function verifiedBlob(layout: string, d: Descriptor): Promise<string> {
  const file = blobPath(layout, d.digest)
  const size = (await stat(file).catch(() => undefined))?.size
  if (size === undefined) throw new ActionError(`The OCI layout lacks blob ${d.digest}: the build's export is incomplete; run the job again.`)
  if (d.size !== undefined && size !== d.size) throw new ActionError(`Blob ${d.digest} in the OCI layout is ${size} bytes, its descriptor says ${d.size}: run the job again.`)
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  if (`sha256:${hash.digest('hex')}` !== d.digest) throw new ActionError(`Blob ${d.digest} in the OCI layout does not match its digest: run the job again.`)
  return file
}

interface ManifestJson {
  mediaType?: string
  config?: Descriptor
  layers?: Descriptor[]
  manifests?: Descriptor[]
}

/** Pushes the blobs `m` needs that the repository lacks, a few at a time. */
async function pushBlobs(client: RegistryClient, repository: string, layout: string, blobs: Descriptor[], retry: RetryPolicy, tally: LayoutPush): Promise<void> {
  const queue = [...new Map(blobs.map(b => [b.digest, b])).values()]
  let failed = false
  const worker = async (): Promise<void> => {
    for (let d = queue.shift(); d !== undefined && !failed; d = queue.shift()) {
      const blob = d
      const file = await verifiedBlob(layout, blob)
      const size = (await stat(file)).size
      const uploaded = await withRegistryRetry(client.registry, `the upload of ${blob.digest.slice(0, 19)}…`, retry, async () => {
        if (await client.blobExists(repository, blob.digest)) return false
        await client.uploadBlob(repository, blob.digest, size, file)
        return true
      })
      if (uploaded) {
        tally.uploaded++
        tally.bytesUploaded += size
      } else tally.skipped++
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
async function pushManifest(client: RegistryClient, repository: string, layout: string, d: Descriptor, retry: RetryPolicy, tally: LayoutPush): Promise<void> {
  const file = await verifiedBlob(layout, d)
  const body = await readFile(file)
  const manifest = JSON.parse(body.toString('utf8')) as ManifestJson
  if (INDEX_MEDIA_TYPES.includes(d.mediaType) || manifest.manifests !== undefined) {
    for (const child of manifest.manifests ?? []) await pushManifest(client, repository, layout, child, retry, tally)
  } else {
    await pushBlobs(client, repository, layout, [...(manifest.config ? [manifest.config] : []), ...(manifest.layers ?? [])], retry, tally)
  }
  const digest = await withRegistryRetry(client.registry, `the manifest ${d.digest.slice(0, 19)}…`, retry, () => client.putManifest(repository, d.digest, d.mediaType, body))
  if (digest !== '' && digest !== d.digest) throw new ActionError(`The registry stored manifest ${d.digest} as ${digest}: it changed the manifest; push again.`)
}

/** Pushes what an OCI layout's index.json names to `repository`, by digest, untagged. */
export async function pushLayout(client: RegistryClient, repository: string, layout: string, retry: RetryPolicy): Promise<LayoutPush> {
  const index = JSON.parse(await readFile(path.join(layout, 'index.json'), 'utf8')) as { manifests?: Descriptor[] }
  const top = index.manifests ?? []
  if (top.length !== 1 || top[0] === undefined) {
    throw new ActionError(`buildx exported ${top.length} images to the OCI layout; push-by-digest expects one (an image, or an index of platforms).`)
  }
  const root = top[0]
  const tally: LayoutPush = { digest: root.digest, mediaType: root.mediaType, uploaded: 0, skipped: 0, bytesUploaded: 0 }
  if (root.platform) tally.platform = root.platform
  await pushManifest(client, repository, layout, root, retry, tally)
  return tally
}
