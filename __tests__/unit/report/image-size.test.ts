/** Sizes and the storage estimate for the summary, from manifests; the archive's price. */
import { describe, expect, test } from '@jest/globals'
import { formatBytes, formatCost, sizeLines, sizeReport, type PlatformManifest, archiveCostLine } from '../../../src/report/image-size.js'

const MiB = 1024 ** 2

const d = (c: string, size: number) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: `sha256:${c.repeat(64)}`, size })

const image = (platform: string, config: string, ...layers: [string, number][]): PlatformManifest => ({
  platform,
  digest: `sha256:${platform === 'linux/amd64' ? '1' : '2'}${'0'.repeat(63)}`,
  manifest: { digest: '', mediaType: 'application/vnd.oci.image.manifest.v1+json', config: d(config, 1000), layers: layers.map(([c, s]) => d(c, s)) }
})

const AMD = image('linux/amd64', 'a', ['b', 30 * MiB], ['c', 10 * MiB])

const ARM = image('linux/arm64', 'd', ['e', 28 * MiB], ['c', 10 * MiB])

test('per platform: config and layers; all platforms: shared blobs once', () => {
  const r = sizeReport([AMD, ARM], undefined, 0.1)
  expect(r.platforms).toEqual([
    { platform: 'linux/amd64', bytes: 40 * MiB + 1000 },
    { platform: 'linux/arm64', bytes: 38 * MiB + 1000 }
  ])
  expect(r.totalBytes).toBe(68 * MiB + 2000)
  expect(r.addedBytes).toBeUndefined()
})

test('added: only blobs the earlier image lacked', () => {
  const before = image('linux/amd64', 'f', ['b', 30 * MiB])
  expect(sizeReport([AMD, ARM], [before], 0.1).addedBytes).toBe(10 * MiB + 28 * MiB + 2000)
  expect(sizeReport([AMD], [AMD], 0.1).addedBytes).toBe(0)
})

test('the monthly estimate: GB-months at the price, once per region stored', () => {
  const one = image('linux/amd64', 'a', ['b', 1024 * MiB - 1000])
  expect(sizeReport([one], undefined, 0.1).monthlyCost).toBeCloseTo(0.1, 10)
  expect(sizeReport([one], undefined, 0.1, 3).monthlyCost).toBeCloseTo(0.3, 10)
})

test('formatting', () => {
  expect(formatBytes(512)).toBe('512 B')
  expect(formatBytes(1536)).toBe('1.5 KB')
  expect(formatBytes(68 * MiB)).toBe('68.0 MB')
  expect(formatCost(0.0066)).toBe('$0.0066')
  expect(formatCost(12.5)).toBe('$12.50')
  expect(formatCost(0.1)).toBe('$0.10')
})

test('the summary lines name the price and where it came from', () => {
  const lines = sizeLines(sizeReport([AMD, ARM], [AMD], 0.1, 2), 0.1, "ECR's price, March 2026, us-east-1")
  expect(lines).toEqual([
    'linux/amd64: 40.0 MB compressed',
    'linux/arm64: 38.0 MB compressed',
    'all platforms: 68.0 MB (shared layers once)',
    "added by this push: 28.0 MB (layers the earlier latest didn't have)",
    "storage: about $0.013 a month in 2 regions at $0.10 per GB-month (ECR's price, March 2026, us-east-1)"
  ])
  expect(sizeLines(sizeReport([AMD], undefined, 0.1), 0.1, 'x')[1]).toBe('added by this push: not known (no earlier latest to compare with)')
  // A push by digest knows exactly what it uploaded.
  expect(sizeLines({ ...sizeReport([AMD], undefined, 0.1), addedBytes: 2048, addedBy: 'upload' }, 0.1, 'x')[1]).toBe("added by this push: 2.0 KB (blobs the repository didn't have, as uploaded)")
})

describe('the archive price', () => {
  const price = { perGbMonth: 0.1, restorePerGb: 0.03, minimumDays: 90, asOf: 'March 2026, us-east-1' }

  test('with the size ECR reports: the month in the archive and the restore', () => {
    expect(archiveCostLine(3 * 1024 ** 3, price)).toBe(
      "Archive: 3.0 GB at about $0.30 a month, restoring it about $0.090; $0.10 per GB-month in the archive, 90 days minimum; restoring $0.030 per GB (ECR's prices, March 2026, us-east-1)."
    )
  })

  test('without a size: the rates alone', () => {
    expect(archiveCostLine(undefined, price)).toBe("Archive: $0.10 per GB-month in the archive, 90 days minimum; restoring $0.030 per GB (ECR's prices, March 2026, us-east-1).")
  })
})
