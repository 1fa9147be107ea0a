/**
 * `copy-to`: the pushed image copied by digest to another repository over the registry API,
 * without building again. Every platform image first (its blobs, then its manifest by
 * digest), then the index by digest, then the version tag — so a tag never names what the
 * destination lacks, and the copy's digests are the source's (the manifests' bytes as they
 * are). A blob the destination has is skipped; in the same registry it is mounted from the
 * source repository when the registry allows it (ECR: the BLOB_MOUNTING account setting),
 * else it is streamed from the source's GET into the destination's upload — read once,
 * hashed on the way and checked before the upload is closed, never on disk.
 *
 * The version tag: one that already names the image is left as it is; another is put over
 * it, which a repository that keeps its tags immutable refuses, as buildx's push would be.
 */
import { createHash } from 'node:crypto'
import { PassThrough } from 'node:stream'
import { ActionError } from '../errors.js'
import type { RetryDeps } from '../retry.js'
import { INDEX_MEDIA_TYPES, parseManifest, RegistryError, type Descriptor, type RegistryClient } from './client.js'
import { ownLocation } from './bearer.js'
import { withRegistryRetry } from './refusals.js'

export interface CopyEnd {
  client: RegistryClient
  repository: string
}

export interface CopyCounts {
  manifests: number
  /** blobs the destination had, mounted from the source, streamed over */
  present: number
  mounted: number
  uploaded: number
  /** the version tag already named the image */
  tagKept: boolean
}

/** Blob copies at once. */
const PARALLEL_BLOBS = 4

/** Copies the image `digest` names from `source` to `target`, tagged `tag`. */
export async function copyImage(source: CopyEnd, target: CopyEnd, digest: string, tag: string, retry: RetryDeps): Promise<CopyCounts> {
  const counts: CopyCounts = { manifests: 0, present: 0, mounted: 0, uploaded: 0, tagKept: false }
  const top = await copyManifest(source, target, digest, retry, counts)
  const where = `${target.client.registry}/${target.repository}`
  const existing = await withRegistryRetry(target.client.registry, `reading '${tag}' in ${where}`, retry, () => target.client.manifest(target.repository, tag))
  if (existing?.digest === digest) counts.tagKept = true
  else await withRegistryRetry(target.client.registry, `tagging the copy '${tag}' in ${where}`, retry, () => target.client.putManifest(target.repository, tag, top.mediaType, top.body))
  return counts
}

/** A manifest and everything it names, by digest, children first. */
async function copyManifest(source: CopyEnd, target: CopyEnd, digest: string, retry: RetryDeps, counts: CopyCounts): Promise<{ mediaType: string; body: Buffer }> {
  const what = `${source.client.registry}/${source.repository}@${digest}`
  const raw = await withRegistryRetry(source.client.registry, `reading ${what}`, retry, () => source.client.manifestBytes(source.repository, digest))
  if (raw === undefined) throw new ActionError(`Copying: the registry has no ${what} any more; run the job again.`)
  if (`sha256:${createHash('sha256').update(raw.body).digest('hex')}` !== digest) throw new ActionError(`Copying: ${what} was served with other bytes than its digest; run the job again.`)
  const manifest = parseManifest(raw.body.toString('utf8'), raw.mediaType, digest)
  if (INDEX_MEDIA_TYPES.includes(manifest.mediaType)) {
    for (const child of manifest.manifests ?? []) await copyManifest(source, target, child.digest, retry, counts)
  } else {
    const blobs = [...(manifest.config ? [manifest.config] : []), ...(manifest.layers ?? [])]
    await inParallel(blobs, PARALLEL_BLOBS, async blob => {
      const done = await withRegistryRetry(target.client.registry, `copying blob ${blob.digest} to ${target.repository}`, retry, () => copyBlob(source, target, blob))
      counts[done]++
    })
  }
  const put = await withRegistryRetry(target.client.registry, `putting ${digest} to ${target.client.registry}/${target.repository}`, retry, () =>
    target.client.putManifest(target.repository, digest, manifest.mediaType, raw.body)
  )
  if (put !== '' && put !== digest) throw new ActionError(`Copying: ${target.client.registry} stored ${digest} as ${put}; the copy would not be the same image.`)
  counts.manifests++
  return { mediaType: manifest.mediaType, body: raw.body }
}

/** One blob: already there, mounted from the source (same registry), or streamed over. */
export async function copyBlob(source: CopyEnd, target: CopyEnd, blob: Descriptor): Promise<'present' | 'mounted' | 'uploaded'> {
  if (await target.client.blobExists(target.repository, blob.digest)) return 'present'
  if (source.client.registry === target.client.registry && (await mount(source, target, blob.digest))) return 'mounted'
  const res = await source.client.send('GET', `/v2/${source.repository}/blobs/${blob.digest}`, { streamBody: true })
  if (!res.ok || res.stream === undefined) {
    await res.arrayBuffer().catch(() => undefined)
    throw new RegistryError(res.status, `GET ${source.repository} blob ${blob.digest}: ${res.status}`)
  }
  const size = blob.size ?? Number(res.headers.get('content-length') ?? NaN)
  if (!Number.isSafeInteger(size)) throw new ActionError(`Copying: blob ${blob.digest} has no size.`)
  const hash = createHash('sha256')
  let bytes = 0
  const body = new PassThrough()
  res.stream.on('data', (chunk: Buffer) => {
    hash.update(chunk)
    bytes += chunk.length
  })
  res.stream.on('error', error => body.destroy(error))
  res.stream.pipe(body)
  await target.client.uploadBlob(target.repository, blob.digest, size, body, () => {
    const got = `sha256:${hash.digest('hex')}`
    if (got !== blob.digest || bytes !== size) throw new ActionError(`Copying: blob ${blob.digest} read from ${source.repository} was ${bytes} bytes of ${got}; nothing was stored. Run the job again.`)
  })
  return 'uploaded'
}

/**
 * A cross-repository mount (`POST …/blobs/uploads/?mount=&from=`): true when the registry
 * mounted it (201). A registry that doesn't mount starts an upload instead (202), which is
 * cancelled again: the blob is streamed over in an upload of its own.
 */
async function mount(source: CopyEnd, target: CopyEnd, digest: string): Promise<boolean> {
  const query = new URLSearchParams({ mount: digest, from: source.repository })
  const res = await target.client.send('POST', `/v2/${target.repository}/blobs/uploads/?${query.toString()}`)
  await res.arrayBuffer().catch(() => undefined)
  if (res.status === 201) return true
  const location = res.headers.get('location')
  if (res.status === 202 && location !== null) {
    const own = (): string => ownLocation(location, target.client.base, target.client.registry).toString()
    const cancelled = await Promise.resolve()
      .then(() => target.client.send('DELETE', own()))
      .catch(() => undefined)
    await cancelled?.arrayBuffer().catch(() => undefined)
  }
  return false
}

async function inParallel<T>(items: T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T
      await fn(item)
    }
  }
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker))
}
