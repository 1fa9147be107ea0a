/**
 * The scanning gate (`scan-fail-on`): after the push, waits — bounded by `scan-timeout`,
 * with a progress line per poll — for ECR's scan of each platform image, adds up the
 * findings per severity and fails the run at or above the threshold.
 *
 * ECR scans image manifests, not an index, so a multi-platform image is judged by its
 * platform images together. A repository without scan on push gets the scan started here
 * (basic scanning allows one scan per image per day; a scan already started is awaited).
 * A scan that can't finish (FAILED, UNSUPPORTED_IMAGE, …) fails the gate: it can't vouch
 * for the image. The deadline bounds the polls themselves too: a poll still unanswered at
 * `scan-timeout` is aborted, and the gate fails as when the scan is still running.
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
  /** a signal that aborts after `ms` (AbortSignal.timeout; tests abort it themselves) */
  deadline?: (ms: number) => AbortSignal
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

/** The gate's failure when the scan is not done by the deadline; `status` is the last one read. */
function stillWaiting(what: string, status: string | undefined, elapsed: number, wait: ScanWait): ActionError {
  const seen = status === undefined ? `had no answer from ECR after ${elapsed} s` : `was still ${status} after ${elapsed} s`
  return new ActionError(`ECR's scan of ${what} ${seen}: run the job again later, or raise scan-timeout (now ${wait.timeoutSeconds} s).`)
}

async function waitForOne(ecr: ECRClient, repository: string, image: PlatformImage, wait: ScanWait, deadline: number, abortSignal: AbortSignal): Promise<SeverityCounts> {
  const what = `${image.platform || 'image'} ${image.digest.slice(0, 19)}…`
  const start = wait.now()
  let started = false
  let status: string | undefined
  // A poll the deadline cut short fails the gate like a scan still running.
  const bounded = async <T>(call: (options: { abortSignal: AbortSignal }) => Promise<T>): Promise<T> => {
    try {
      return await call({ abortSignal })
    } catch (error) {
      if (abortSignal.aborted) throw stillWaiting(what, status, Math.round((wait.now() - start) / 1000), wait)
      throw error
    }
  }
  for (let poll = 1; ; poll++) {
    let out: DescribeImageScanFindingsCommandOutput | undefined
    try {
      out = await bounded(options => ecr.send(new DescribeImageScanFindingsCommand({ repositoryName: repository, imageId: { imageDigest: image.digest } }), options))
    } catch (error) {
      if ((error as Error).name !== 'ScanNotFoundException') throw error
    }
    status = out?.imageScanStatus?.status ?? 'NOT_STARTED'
    if (DONE.has(status)) return (out?.imageScanFindings?.findingSeverityCounts ?? {}) as SeverityCounts
    if (!WAITING.has(status) && status !== 'NOT_STARTED') {
      throw new ActionError(
        `ECR's scan of ${what} ended ${status}${out?.imageScanStatus?.description ? ` (${out.imageScanStatus.description})` : ''}, so scan-fail-on can't vouch for the image: fix the cause, or remove scan-fail-on.`
      )
    }
    if (status === 'NOT_STARTED' && !started) {
      started = true
      try {
        await bounded(options => ecr.send(new StartImageScanCommand({ repositoryName: repository, imageId: { imageDigest: image.digest } }), options))
        wait.log(`Started ECR's scan of ${what} (the repository doesn't scan on push).`)
      } catch (error) {
        // Scan on push got there first, or today's scan exists: wait for it.
        if ((error as Error).name !== 'LimitExceededException') throw error
      }
    }
    const elapsed = Math.round((wait.now() - start) / 1000)
    const interval = wait.interval(poll)
    if (wait.now() + interval > deadline) throw stillWaiting(what, status, elapsed, wait)
    wait.log(`Waiting for ECR's scan of ${what}: ${status} (${elapsed} s of ${wait.timeoutSeconds} s)`)
    await wait.sleep(interval)
  }
}

/**
 * Waits for every platform image's scan (together, under one deadline) and adds up their
 * findings. No image to judge is refused: the gate never passes on nothing.
 */
export async function waitForScans(ecr: ECRClient, repository: string, images: PlatformImage[], wait: ScanWait): Promise<ScanResult> {
  if (images.length === 0) throw new ActionError(`scan-fail-on has no platform image of ${repository} to judge: run the job again, or remove scan-fail-on.`)
  const deadline = wait.now() + wait.timeoutSeconds * 1000
  const abortSignal = (wait.deadline ?? AbortSignal.timeout)(wait.timeoutSeconds * 1000)
  const counts = await Promise.all(images.map(image => waitForOne(ecr, repository, image, wait, deadline, abortSignal)))
  const perImage = images.map((image, i) => ({ ...image, counts: counts[i] ?? {} }))
  return { total: addCounts(counts), perImage }
}
