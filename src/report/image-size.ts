/**
 * Sizes and storage cost for the summary, from the manifests alone (what ECR bills is the
 * compressed layers and configs it stores, each blob once per repository).
 *
 * - each platform image's compressed size: its config and layers;
 * - what this push added: blobs the image `latest` pointed to before didn't have (ECR
 *   stores a blob once, so shared base layers cost nothing more) — or, for a push by
 *   digest, exactly what the upload sent;
 * - the month's storage estimate for the image: its distinct blobs at the GB-month price,
 *   once more for each region it is replicated to.
 */
import { ActionError } from '../errors.js'
import type { Manifest, RegistryClient } from '../registry/client.js'
import { isPlatformImage } from '../registry/image-config.js'
import { withRegistryRetry } from '../registry/refusals.js'
import type { RetryPolicy } from '../retry.js'

export interface PlatformManifest {
  platform: string
  digest: string
  manifest: Manifest
}

export interface SizeReport {
  platforms: { platform: string; bytes: number }[]
  /** distinct blobs across the platforms */
  totalBytes: number
  /** blobs the previous image didn't have; undefined when there was nothing to compare with */
  addedBytes: number | undefined
  /** how `addedBytes` is known: compared with the earlier latest, or counted by the upload itself */
  addedBy: 'latest' | 'upload'
  /** US$ a month for the image in every region it is stored in */
  monthlyCost: number
  regions: number
}

const GB = 1024 ** 3

function blobs(m: Manifest): Map<string, number> {
  const out = new Map<string, number>()
  for (const d of [...(m.config ? [m.config] : []), ...(m.layers ?? [])]) out.set(d.digest, d.size ?? 0)
  return out
}

export function sizeReport(
  images: PlatformManifest[],
  previous: PlatformManifest[] | undefined,
  price: number,
  regions = 1
): SizeReport {
  const all = new Map<string, number>()
  const platforms = images.map(({ platform, manifest }) => {
    const own = blobs(manifest)
    for (const [digest, size] of own) all.set(digest, size)
    return { platform, bytes: [...own.values()].reduce((a, b) => a + b, 0) }
  })
  const totalBytes = [...all.values()].reduce((a, b) => a + b, 0)
  let addedBytes: number | undefined
  if (previous !== undefined) {
    const had = new Set(previous.flatMap(p => [...blobs(p.manifest).keys()]))
    addedBytes = [...all].filter(([digest]) => !had.has(digest)).reduce((a, [, size]) => a + size, 0)
  }
  return { platforms, totalBytes, addedBytes, addedBy: 'latest', monthlyCost: (totalBytes / GB) * price * regions, regions }
}

/** 1536 → "1.5 KB"; binary units, as AWS bills GB. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`
}

/** US$ with enough digits for small images: $0.0042 */
export function formatCost(usd: number): string {
  return usd >= 1 ? `$${usd.toFixed(2)}` : `$${usd.toPrecision(2)}`
}

/**
 * The platform images a pushed digest stands for: an index's children (attestations left
 * out), or the image itself (named `single`). Each read that fails in a way that may pass
 * is tried again under `policy`; an empty digest, a read that fails for good, or a digest
 * the registry has no manifest for throws an ActionError saying so. A child the registry
 * doesn't have is kept by its descriptor (its digest is still what ECR scans).
 */
export async function readPlatformImages(
  registry: RegistryClient,
  repository: string,
  digest: string,
  policy: RetryPolicy,
  single = ''
): Promise<PlatformManifest[]> {
  if (digest === '') throw new ActionError('the run has no digest of the pushed image (the registry named none): run the job again.')
  const read = (what: string, reference: string): Promise<Manifest | undefined> =>
    withRegistryRetry(registry.registry, `reading ${what} ${reference.slice(0, 19)}…`, policy, () => registry.manifest(repository, reference))
  const top = await read('the pushed image', digest)
  if (top === undefined) throw new ActionError('the registry has no such manifest (was it deleted during the run?): run the job again.')
  // A one-platform build pushes the image itself; `single` names its platform.
  if (top.manifests === undefined) return [{ platform: single, digest: top.digest || digest, manifest: top }]
  const children = top.manifests.filter(isPlatformImage)
  return Promise.all(
    children.map(async m => {
      const p = m.platform
      const manifest = (await read('the platform image', m.digest)) ?? { digest: m.digest, mediaType: m.mediaType }
      return { platform: p ? `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}` : '', digest: m.digest, manifest }
    })
  )
}

/** The summary's size lines: per platform, added by this push, and the month's storage estimate. */
export function sizeLines(r: SizeReport, price: number, priceSource: string): string[] {
  const lines = r.platforms.map(p => `${p.platform || 'image'}: ${formatBytes(p.bytes)} compressed`)
  if (r.platforms.length > 1) lines.push(`all platforms: ${formatBytes(r.totalBytes)} (shared layers once)`)
  const how = r.addedBy === 'upload' ? 'blobs the repository didn\'t have, as uploaded' : "layers the earlier latest didn't have"
  lines.push(r.addedBytes === undefined ? 'added by this push: not known (no earlier latest to compare with)' : `added by this push: ${formatBytes(r.addedBytes)} (${how})`)
  const where = r.regions > 1 ? ` in ${r.regions} regions` : ''
  lines.push(`storage: about ${formatCost(r.monthlyCost)} a month${where} at ${formatCost(price)} per GB-month (${priceSource})`)
  return lines
}

/** ECR's archive storage class: its GB-month price, the restore fee per GB, the minimum stay. */
export interface ArchivePrice {
  perGbMonth: number
  restorePerGb: number
  minimumDays: number
  asOf: string
}

/**
 * What an archived image costs, for the run's message: its month in the archive and its
 * restore, from the size ECR reports (the largest platform image of an index, so a floor).
 */
export function archiveCostLine(bytes: number | undefined, price: ArchivePrice): string {
  const rates = `${formatCost(price.perGbMonth)} per GB-month in the archive, ${price.minimumDays} days minimum; restoring ${formatCost(price.restorePerGb)} per GB (ECR's prices, ${price.asOf})`
  if (bytes === undefined) return `Archive: ${rates}.`
  const gb = bytes / GB
  return `Archive: ${formatBytes(bytes)} at about ${formatCost(gb * price.perGbMonth)} a month, restoring it about ${formatCost(gb * price.restorePerGb)}; ${rates}.`
}

/**
 * The platform images of what was pushed, each read tried again while it fails in a way
 * that may pass; when they can't be read (or there are none), why not, in one line.
 * @param single the one platform a single-platform build was for ('' otherwise)
 * @param gated the scan gate will judge them (its fix is named when there are none)
 */
export async function pushedImages(
  registry: RegistryClient,
  path: string,
  digest: string,
  retry: RetryPolicy,
  { single, gated, cancel }: { single: string; gated: boolean; cancel?: AbortSignal | undefined }
): Promise<{ images: PlatformManifest[]; unread?: string }> {
  try {
    const images = await readPlatformImages(registry, path, digest, retry, single)
    if (images.length > 0) return { images }
    return { images, unread: `its index names no platform image (only attestations)${gated ? ': push an image built for a platform, or remove scan-fail-on.' : '.'}` }
  } catch (error) {
    // A cancel ends the run; anything else is why the images are unknown.
    cancel?.throwIfAborted()
    return { images: [], unread: (error as Error).message.replace(/\s+/g, ' ') }
  }
}
