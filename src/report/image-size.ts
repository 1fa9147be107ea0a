/**
 * Sizes and storage cost for the summary, from the manifests alone (plain data: the reads are
 * in registry/platform-images.ts) (what ECR bills is the
 * compressed layers and configs it stores, each blob once per repository).
 *
 * - each platform image's compressed size: its config and layers;
 * - what this push added: blobs the image `latest` pointed to before didn't have (ECR
 *   stores a blob once, so shared base layers cost nothing more) — or, for a push by
 *   digest, exactly what the upload sent;
 * - the month's storage estimate for the image: its distinct blobs at the GB-month price,
 *   once more for each region it is replicated to.
 */

/** An image manifest as the sizes read it: its config's and layers' digests and sizes (a registry Manifest). */
export interface SizedManifest {
  digest: string
  mediaType: string
  config?: { digest: string; size?: number }
  layers?: { digest: string; size?: number }[]
}

/** A platform image and its manifest (registry/platform-images.ts reads them). */
export interface PlatformManifest {
  platform: string
  digest: string
  manifest: SizedManifest
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

function blobs(m: SizedManifest): Map<string, number> {
  const out = new Map<string, number>()
  for (const d of [...(m.config ? [m.config] : []), ...(m.layers ?? [])]) out.set(d.digest, d.size ?? 0)
  return out
}

export function sizeReport(images: PlatformManifest[], previous: PlatformManifest[] | undefined, price: number, regions = 1): SizeReport {
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

/** The summary's size lines: per platform, added by this push, and the month's storage estimate. */
export function sizeLines(r: SizeReport, price: number, priceSource: string): string[] {
  const lines = r.platforms.map(p => `${p.platform || 'image'}: ${formatBytes(p.bytes)} compressed`)
  if (r.platforms.length > 1) lines.push(`all platforms: ${formatBytes(r.totalBytes)} (shared layers once)`)
  const how = r.addedBy === 'upload' ? "blobs the repository didn't have, as uploaded" : "layers the earlier latest didn't have"
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
