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
 *
 * With the registry's ENHANCED scanning (Amazon Inspector), no basic scan is started: the
 * gate waits for Inspector's first result (PENDING until then, ACTIVE once scanned) and
 * counts the `enhancedFindings` by severity, every page of them; UNTRIAGED (Inspector has
 * not rated it yet) counts as UNDEFINED, the lowest severity. Statuses that carry no
 * current findings (FINDINGS_UNAVAILABLE, SCAN_ELIGIBILITY_EXPIRED, …) fail the gate.
 */
import { DescribeImageScanFindingsCommand, StartImageScanCommand, type DescribeImageScanFindingsCommandOutput, type ECRClient } from '@aws-sdk/client-ecr'
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
  /** enhanced scanning: the findings' ARNs per severity, of all platform images */
  arns?: Partial<Record<Severity, string[]>>
}

/** One image's findings: counts per severity, and (enhanced) the findings' ARNs per severity. */
interface ImageFindings {
  counts: SeverityCounts
  arns?: Partial<Record<Severity, string[]>>
}

/** An enhanced finding's severity as the gate ranks it: UNTRIAGED (and anything unknown) as UNDEFINED. */
export function enhancedSeverity(severity: string | undefined): Severity {
  return (SEVERITIES as readonly string[]).includes(severity ?? '') ? (severity as Severity) : 'UNDEFINED'
}

/** Counts and ARNs per severity of enhanced findings. */
export function countEnhanced(findings: { severity?: string | undefined; findingArn?: string | undefined }[], into: ImageFindings = { counts: {}, arns: {} }): ImageFindings {
  const arns = (into.arns ??= {})
  for (const f of findings) {
    const s = enhancedSeverity(f.severity)
    into.counts[s] = (into.counts[s] ?? 0) + 1
    if (f.findingArn) (arns[s] ??= []).push(f.findingArn)
  }
  return into
}

/** The ARNs of the findings at the failing severities, at most `max`, then "and N more". */
export function failingArns(arns: Partial<Record<Severity, string[]>> | undefined, threshold: Severity, max = 10): string[] {
  const limit = SEVERITIES.indexOf(threshold)
  const all = SEVERITIES.filter((_, i) => i <= limit).flatMap(s => arns?.[s] ?? [])
  return all.length > max ? [...all.slice(0, max), `and ${all.length - max} more`] : all
}

/** Why an enhanced scan's status gives the gate nothing to judge. */
const ENHANCED_ENDS: Record<string, string> = {
  FINDINGS_UNAVAILABLE: "Inspector's findings for it aren't available",
  SCAN_ELIGIBILITY_EXPIRED: 'the image is no longer eligible for Inspector scanning, so its findings are not kept current',
  UNSUPPORTED_IMAGE: "Inspector can't scan its operating system or package manager",
  LIMIT_EXCEEDED: "Inspector's scanning limit was reached",
  IMAGE_ARCHIVED: 'the image is archived'
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

async function waitForOne(ecr: ECRClient, repository: string, image: PlatformImage, wait: ScanWait, deadline: number, abortSignal: AbortSignal, enhanced: boolean): Promise<ImageFindings> {
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
    if (DONE.has(status) && out !== undefined) {
      if (!enhanced && out.imageScanFindings?.enhancedFindings === undefined) return { counts: (out.imageScanFindings?.findingSeverityCounts ?? {}) as SeverityCounts }
      return readEnhanced(ecr, repository, image.digest, out, bounded)
    }
    if (!WAITING.has(status) && status !== 'NOT_STARTED') {
      const why = enhanced ? ENHANCED_ENDS[status] : undefined
      throw new ActionError(
        `ECR's ${enhanced ? 'enhanced ' : ''}scan of ${what} ended ${status}${why ? `: ${why}` : ''}${out?.imageScanStatus?.description ? ` (${out.imageScanStatus.description})` : ''}, so scan-fail-on can't vouch for the image: fix the cause, or remove scan-fail-on.`
      )
    }
    // Enhanced scanning: Inspector scans on its own; a basic scan can't be started.
    if (status === 'NOT_STARTED' && !started && !enhanced) {
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
    wait.log(`Waiting for ECR's ${enhanced ? 'enhanced (Inspector) ' : ''}scan of ${what}: ${status} (${elapsed} s of ${wait.timeoutSeconds} s)`)
    await wait.sleep(interval)
  }
}

/**
 * Waits for every platform image's scan (together, under one deadline) and adds up their
 * findings. No image to judge is refused: the gate never passes on nothing.
 */
export async function waitForScans(ecr: ECRClient, repository: string, images: PlatformImage[], wait: ScanWait, enhanced = false): Promise<ScanResult> {
  if (images.length === 0) throw new ActionError(`scan-fail-on has no platform image of ${repository} to judge: run the job again, or remove scan-fail-on.`)
  const deadline = wait.now() + wait.timeoutSeconds * 1000
  const abortSignal = (wait.deadline ?? AbortSignal.timeout)(wait.timeoutSeconds * 1000)
  const found = await Promise.all(images.map(image => waitForOne(ecr, repository, image, wait, deadline, abortSignal, enhanced)))
  const perImage = images.map((image, i) => ({ ...image, counts: found[i]?.counts ?? {} }))
  const result: ScanResult = { total: addCounts(found.map(f => f.counts)), perImage }
  if (found.some(f => f.arns !== undefined)) {
    const arns: Partial<Record<Severity, string[]>> = {}
    for (const f of found) for (const [s, list] of Object.entries(f.arns ?? {}) as [Severity, string[]][]) (arns[s] ??= []).push(...list)
    result.arns = arns
  }
  return result
}

/** Every page of an enhanced scan's findings, from the first answer on; each page bounded by the gate's deadline. */
async function readEnhanced(
  ecr: ECRClient,
  repository: string,
  digest: string,
  first: DescribeImageScanFindingsCommandOutput,
  bounded: <T>(call: (options: { abortSignal: AbortSignal }) => Promise<T>) => Promise<T>
): Promise<ImageFindings> {
  const found = countEnhanced(first.imageScanFindings?.enhancedFindings ?? [])
  for (let nextToken = first.nextToken; nextToken !== undefined;) {
    const token: string = nextToken
    const page = await bounded(options => ecr.send(new DescribeImageScanFindingsCommand({ repositoryName: repository, imageId: { imageDigest: digest }, nextToken: token, maxResults: 1000 }), options))
    countEnhanced(page.imageScanFindings?.enhancedFindings ?? [], found)
    nextToken = page.nextToken
  }
  // ECR's own counts, where it sends them, are never undercut by what the pages listed.
  for (const [severity, n] of Object.entries(first.imageScanFindings?.findingSeverityCounts ?? {})) {
    const s = enhancedSeverity(severity)
    found.counts[s] = Math.max(found.counts[s] ?? 0, n)
  }
  return found
}
