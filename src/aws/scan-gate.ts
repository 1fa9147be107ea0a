/**
 * The scanning gate (`scan-fail-on`): after the push, waits — bounded by `scan-timeout`,
 * with a progress line per poll — for ECR's scan of each platform image, adds up the
 * findings per severity and fails the run at or above the threshold.
 *
 * ECR scans image manifests, not an index, so a multi-platform image is judged by its
 * platform images together. A repository without scan on push gets the scan started here
 * (basic scanning allows one scan per image per day; a scan already started is awaited).
 * A scan that can't finish (FAILED, UNSUPPORTED_IMAGE, …) fails the gate: it can't vouch
 * for the image.
 */
import {
  DescribeImageScanFindingsCommand,
  StartImageScanCommand,
  type DescribeImageScanFindingsCommandOutput,
  type ECRClient
} from '@aws-sdk/client-ecr'
import { ActionError } from '../errors.js'
import { SEVERITIES, type Severity } from '../settings/types.js'

export type SeverityCounts = Partial<Record<Severity, number>>

export interface PlatformImage {
  /** e.g. linux/arm64; '' for an image pushed on its own */
  platform: string
  digest: string
}

export interface ScanResult {
  /** Findings of all platform images together. */
  total: SeverityCounts
  perImage: { platform: string; digest: string; counts: SeverityCounts }[]
}

export interface ScanWait {
  timeoutSeconds: number
  /** milliseconds before poll n + 1 (n ≥ 1), for each image on its own */
  interval: (poll: number) => number
  sleep: (ms: number) => Promise<void>
  log: (line: string) => void
  now: () => number
}

/** Statuses after which findings can be read; ACTIVE is enhanced (continuous) scanning's. */
const DONE = new Set(['COMPLETE', 'ACTIVE'])
const WAITING = new Set(['IN_PROGRESS', 'PENDING'])

/** Severities at or above `threshold` that have findings, most severe first: empty passes. */
export function gateFailures(total: SeverityCounts, threshold: Severity): string[] {
  const limit = SEVERITIES.indexOf(threshold)
  return SEVERITIES.filter((s, i) => i <= limit && (total[s] ?? 0) > 0).map(s => `${total[s]} ${s}`)
}

export function addCounts(all: SeverityCounts[]): SeverityCounts {
  const total: SeverityCounts = {}
  for (const counts of all) for (const [s, n] of Object.entries(counts) as [Severity, number][]) total[s] = (total[s] ?? 0) + n
  return total
}

/** Findings per severity, in ECR's order, e.g. "1 CRITICAL, 3 HIGH"; "no findings". */
export function formatCounts(counts: SeverityCounts): string {
  const parts = SEVERITIES.filter(s => (counts[s] ?? 0) > 0).map(s => `${counts[s]} ${s}`)
  return parts.length > 0 ? parts.join(', ') : 'no findings'
}

async function waitForOne(ecr: ECRClient, repository: string, image: PlatformImage, wait: ScanWait, deadline: number): Promise<SeverityCounts> {
  const what = `${image.platform || 'image'} ${image.digest.slice(0, 19)}…`
  const start = wait.now()
  let started = false
  for (let poll = 1; ; poll++) {
    let out: DescribeImageScanFindingsCommandOutput | undefined
    try {
      out = await ecr.send(new DescribeImageScanFindingsCommand({ repositoryName: repository, imageId: { imageDigest: image.digest } }))
    } catch (error) {
      if ((error as Error).name !== 'ScanNotFoundException') throw error
    }
    const status = out?.imageScanStatus?.status ?? 'NOT_STARTED'
    if (DONE.has(status)) return (out?.imageScanFindings?.findingSeverityCounts ?? {}) as SeverityCounts
    if (!WAITING.has(status) && status !== 'NOT_STARTED') {
      throw new ActionError(
        `ECR's scan of ${what} ended ${status}${out?.imageScanStatus?.description ? ` (${out.imageScanStatus.description})` : ''}, so scan-fail-on can't vouch for the image: fix the cause, or remove scan-fail-on.`
      )
    }
    if (status === 'NOT_STARTED' && !started) {
      started = true
      try {
        await ecr.send(new StartImageScanCommand({ repositoryName: repository, imageId: { imageDigest: image.digest } }))
        wait.log(`Started ECR's scan of ${what} (the repository doesn't scan on push).`)
      } catch (error) {
        // Scan on push got there first, or today's scan exists: wait for it.
        if ((error as Error).name !== 'LimitExceededException') throw error
      }
    }
    const elapsed = Math.round((wait.now() - start) / 1000)
    const interval = wait.interval(poll)
    if (wait.now() + interval > deadline) {
      throw new ActionError(
        `ECR's scan of ${what} was still ${status} after ${elapsed} s: run the job again later, or raise scan-timeout (now ${wait.timeoutSeconds} s).`
      )
    }
    wait.log(`Waiting for ECR's scan of ${what}: ${status} (${elapsed} s of ${wait.timeoutSeconds} s)`)
    await wait.sleep(interval)
  }
}

/** Waits for every platform image's scan (together, under one deadline) and adds up their findings. */
export async function waitForScans(ecr: ECRClient, repository: string, images: PlatformImage[], wait: ScanWait): Promise<ScanResult> {
  const deadline = wait.now() + wait.timeoutSeconds * 1000
  const counts = await Promise.all(images.map(image => waitForOne(ecr, repository, image, wait, deadline)))
  const perImage = images.map((image, i) => ({ ...image, counts: counts[i] ?? {} }))
  return { total: addCounts(counts), perImage }
}
