/**
 * The scan gate (`scan-fail-on`) as a stage of the run: whether it can judge what was pushed
 * at all, the wait for ECR's scans (scan-gate.ts, bounded by `scan-timeout`), and the verdict
 * — the summary's line, the findings for the outputs, and the run's failure, which the
 * pipeline throws once the outputs and the summary are written. The gate judges every
 * platform image or fails the run: never "passed" on nothing.
 */
import * as core from '@actions/core'
import type { ECRClient } from '@aws-sdk/client-ecr'
import { ActionError } from '../errors.js'
import { sleep } from '../retry.js'
import type { Settings } from '../settings/types.js'
import { coveringRule, type RegistryScanning } from './registry-scanning.js'
import { failingArns, formatCounts, gateFailures, waitForScans, type PlatformImage, type ScanResult, type ScanWait, type SeverityCounts } from './scan-gate.js'

/** What the gate needs of where the image went: ECR's client (ECR Public has no scans) and the registry's scanning configuration. */
export interface GateTarget {
  ecr?: ECRClient
  scanning?: RegistryScanning
}

export interface GateVerdict {
  /** the summary's line */
  line: string
  /** the findings per severity, for the outputs; undefined when no scan was read */
  counts?: SeverityCounts
  /** the run's failure; undefined when the gate passed */
  failure?: ActionError
}

/**
 * Why the gate can't judge the pushed image; undefined when it can.
 * @param unread why the platform images could not be read, if they couldn't
 */
export function unjudgeable(settings: Settings, target: GateTarget, unread: string | undefined): string | undefined {
  if (unread !== undefined) return unread
  if (target.ecr === undefined) return 'this registry has no scans: remove scan-fail-on.'
  const name = settings.repository.name
  const scanning = target.scanning
  if (scanning?.scanType !== 'ENHANCED' || coveringRule(scanning, name) !== undefined) return undefined
  return `the registry's ENHANCED scanning has no rule covering ${name}, so Amazon Inspector doesn't scan it (and no basic scan can be started): add a rule whose filter covers it, or remove scan-fail-on.`
}

/** Waits (up to scan-timeout) for ECR's scan of every platform image, and adds up their findings. */
export async function awaitScans(settings: Settings, target: Required<Pick<GateTarget, 'ecr'>> & GateTarget, images: PlatformImage[]): Promise<ScanResult> {
  const name = settings.repository.name
  const enhanced = target.scanning?.scanType === 'ENHANCED'
  if (enhanced) core.info(`Scan gate: the registry's ENHANCED scanning (Amazon Inspector) scans ${name}; awaiting its findings.`)
  return waitForScans(
    target.ecr,
    name,
    images.map(({ platform, digest }) => ({ platform, digest })),
    scanWait(settings.scan.timeoutSeconds),
    enhanced
  )
}

/** The gate's verdict on the scans it read, or on why it could judge nothing. */
export function gateVerdict(settings: Settings, digest: string, scan: ScanResult | undefined, unjudged: string | undefined): GateVerdict {
  const { repository, image } = settings
  const gate = settings.scan.failOn
  if (gate === undefined) return { line: '' }
  if (unjudged !== undefined || scan === undefined) {
    const why = unjudged ?? 'no scan was read'
    const which = digest !== '' ? `${repository.name}@${digest}` : `${repository.name}:${image.version}`
    return { line: `not judged — scan-fail-on ${gate}: failed (${why})`, failure: new ActionError(`scan-fail-on can't judge ${which}: ${why}`) }
  }
  const failures = gateFailures(scan.total, gate)
  const arns = scan.arns !== undefined && failures.length > 0 ? failingArns(scan.arns, gate) : []
  const findings = arns.length > 0 ? `<br>findings: ${arns.map(a => (a.startsWith('arn:') ? `\`${a}\`` : a)).join('<br>')}` : ''
  const line = `${formatCounts(scan.total)} — scan-fail-on ${gate}: ${failures.length > 0 ? 'failed' : 'passed'}${findings}`
  if (failures.length === 0) return { line, counts: scan.total }
  if (arns.length > 0) core.info(`Findings at or above ${gate}: ${arns.join(', ')}`)
  const where = arns.length > 0 ? "and the findings' ARNs are in the job summary, the findings" : 'are in the job summary, the findings'
  const failure = new ActionError(
    `ECR's scan found ${failures.join(', ')} in ${repository.name}@${digest} (scan-fail-on: ${gate}): fix them and push a new version; the counts ${where} in the ECR console.`
  )
  return { line, counts: scan.total, failure }
}

/** Polls quickly at first (scans of small images finish in seconds), then every 5 s. */
function scanWait(timeoutSeconds: number): ScanWait {
  return {
    timeoutSeconds,
    interval: poll => Math.min(1000 * 2 ** (poll - 1), 5000),
    sleep,
    log: line => core.info(line),
    now: () => Date.now()
  }
}
