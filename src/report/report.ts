/**
 * Stage 6 — report: the platform images of what was pushed, the scan gate, the outputs and
 * the job summary; then the gate's verdict, so a failing scan still leaves the outputs and
 * the counts behind.
 */
import * as core from '@actions/core'
import { STORAGE_PRICE_AS_OF, STORAGE_PRICE_USD_PER_GB_MONTH } from '../constants.js'
import type { Destination } from '../aws/destination.js'
import { replicaUris } from '../aws/replication.js'
import { coveringRule } from '../aws/registry-scanning.js'
import { failingArns, formatCounts, gateFailures, waitForScans, type ScanWait } from '../aws/scan-gate.js'
import { ActionError } from '../errors.js'
import type { RegistryClient } from '../registry/client.js'
import { sleep, type RetryPolicy } from '../retry.js'
import type { Settings } from '../settings/types.js'
import type { Stages } from '../stages.js'
import { readPlatformImages, sizeLines, sizeReport, type PlatformManifest } from './image-size.js'
import { imageOutputs, outputBase, setOutputs } from './outputs.js'
import { writeSummary, type SummaryData } from './summary.js'
import { readAttachments } from '../supply/attest.js'

/** What the push stage did. */
export interface Pushed {
  digest: string
  metadata: Record<string, unknown>
  /** what happened, in words */
  outcome: string
  /** false when the version existed and nothing was built */
  built: boolean
  /** push-by-digest: the bytes the upload sent */
  uploaded?: number
  /** the builder that built or merged it, in words */
  builder?: string
  /** `latest` was not moved to it (it only moves forward): left out of the outputs and the summary's tags */
  latestKept?: boolean
}

export async function report(
  settings: Settings,
  stages: Stages,
  destination: Destination,
  registry: RegistryClient,
  pushed: Pushed,
  latestBefore: PlatformManifest[] | undefined,
  retry: RetryPolicy
): Promise<void> {
  const { build, image, repository } = settings
  const gate = settings.scan.failOn
  const { images, unread } = settings.summary || gate !== undefined ? await platformImages(settings, registry, destination.path, pushed.digest, retry) : { images: [] }
  const ecr = destination.ecr
  // The gate judges every platform image or fails the run: never "passed" on nothing.
  const enhanced = destination.scanning?.scanType === 'ENHANCED'
  const unjudged = gate === undefined ? undefined : (unread ?? (ecr === undefined ? 'this registry has no scans: remove scan-fail-on.' : unscanned(destination, repository.name)))
  if (gate !== undefined && enhanced && unjudged === undefined) core.info(`Scan gate: the registry's ENHANCED scanning (Amazon Inspector) scans ${repository.name}; awaiting its findings.`)
  const scan =
    gate !== undefined && ecr !== undefined && unjudged === undefined
      ? await stages.run('scan', () => waitForScans(ecr, repository.name, images.map(({ platform, digest }) => ({ platform, digest })), scanWait(settings.scan.timeoutSeconds), enhanced))
      : undefined
  const failures = scan && gate ? gateFailures(scan.total, gate) : []
  const arns = scan?.arns !== undefined && gate !== undefined && failures.length > 0 ? failingArns(scan.arns, gate) : []

  const pushedTags = build.pushByDigest
    ? { ...image, tags: [], latest: false }
    : pushed.latestKept
      ? { ...image, tags: image.tags.filter(t => t !== 'latest'), latest: false }
      : image
  const replicas = build.pushByDigest ? [] : replicaUris(`${destination.uri}:${image.version}`, repository.replicateToRegions)
  const outputs = imageOutputs({
    ...outputBase(pushedTags, destination.uri, destination.registry),
    digest: pushed.digest,
    metadata: pushed.metadata,
    skipped: !pushed.built,
    replicaUris: replicas,
    ...(scan ? { scanFindings: scan.total } : {})
  })
  setOutputs(outputs)
  core.info(`${pushed.built ? 'Pushed' : 'Kept'} ${outputs['image-digest-uri']}`)
  if (settings.summary) {
    const sizes = sizeReport(images, latestBefore, settings.storagePrice, 1 + repository.replicateToRegions.length)
    if (!pushed.built) sizes.addedBytes = 0
    if (pushed.uploaded !== undefined) Object.assign(sizes, { addedBytes: pushed.uploaded, addedBy: 'upload' })
    const priceSource =
      (settings.storagePrice === STORAGE_PRICE_USD_PER_GB_MONTH ? `ECR's price, ${STORAGE_PRICE_AS_OF}` : 'storage-price') +
      (repository.type === 'public' ? '; ECR Public: the first 50 GB a month are free' : '')
    await writeSummary({
      repository: repository.name,
      pushed: true,
      skipped: !pushed.built,
      timings: stages.times,
      outcome: pushed.outcome,
      imageUri: outputs['image-uri'],
      imageDigestUri: outputs['image-digest-uri'],
      digest: pushed.digest,
      tags: build.pushByDigest ? image.tags : pushedTags.tags,
      platforms: build.platforms,
      ...(pushed.builder !== undefined ? { builder: pushed.builder } : {}),
      platformDigests: images.filter(i => i.platform !== '').map(({ platform, digest }) => ({ platform, digest })),
      cache: build.cache.type === 'ecr' ? cacheLine(destination.uri, build.cache) : build.cache.type,
      repositoryChanges: [...destination.changes, ...(destination.notes ?? []).map(n => `note: ${n}`)],
      lifecycle: destination.lifecycle,
      warnings: destination.warnings,
      ...(images.length > 0 ? { size: { lines: sizeLines(sizes, settings.storagePrice, priceSource) } } : unread !== undefined ? { size: { lines: [`not known: ${unread}`] } } : {}),
      ...(scan && gate
        ? { scan: `${formatCounts(scan.total)} — scan-fail-on ${gate}: ${failures.length > 0 ? 'failed' : 'passed'}${arns.length > 0 ? `<br>findings: ${arns.map(a => (a.startsWith('arn:') ? `\`${a}\`` : a)).join('<br>')}` : ''}` }
        : {}),
      ...(unjudged !== undefined ? { scan: `not judged — scan-fail-on ${gate}: failed (${unjudged})` } : {}),
      replicas,
      ...(images.length > 0 ? { attachments: await attachments(registry, destination.path, images, retry) } : {})
    })
  }
  if (unjudged !== undefined) {
    const which = pushed.digest !== '' ? `${repository.name}@${pushed.digest}` : `${repository.name}:${image.version}`
    throw new ActionError(`scan-fail-on can't judge ${which}: ${unjudged}`)
  }
  if (failures.length > 0) {
    if (arns.length > 0) core.info(`Findings at or above ${gate}: ${arns.join(', ')}`)
    throw new ActionError(
      `ECR's scan found ${failures.join(', ')} in ${repository.name}@${pushed.digest} (scan-fail-on: ${gate}): fix them and push a new version; the counts ${arns.length > 0 ? 'and the findings\' ARNs are in the job summary, the findings' : 'are in the job summary, the findings'} in the ECR console.`
    )
  }
}

/**
 * The platform images of what was pushed, each read tried again while it fails in a way
 * that may pass; when they can't be read (or there are none), why not, in one line.
 */
async function platformImages(settings: Settings, registry: RegistryClient, path: string, digest: string, retry: RetryPolicy): Promise<{ images: PlatformManifest[]; unread?: string }> {
  const { build } = settings
  const single = build.platforms.length === 1 && build.mergeDigests.length === 0 ? (build.platforms[0] ?? '') : ''
  try {
    const images = await readPlatformImages(registry, path, digest, retry, single)
    if (images.length > 0) return { images }
    const fix = settings.scan.failOn !== undefined ? ': push an image built for a platform, or remove scan-fail-on.' : '.'
    return { images, unread: `its index names no platform image (only attestations)${fix}` }
  } catch (error) {
    // A cancel ends the run; anything else is why the images are unknown.
    retry.signal?.throwIfAborted()
    return { images: [], unread: (error as Error).message.replace(/\s+/g, ' ') }
  }
}

/** What each platform image has attached (supply/attest.ts); a read that failed for good is said, not fatal. */
async function attachments(registry: RegistryClient, path: string, images: PlatformManifest[], retry: RetryPolicy): Promise<NonNullable<SummaryData['attachments']>> {
  try {
    return await readAttachments(registry, path, images.map(({ platform, digest }) => ({ platform, digest })), retry)
  } catch (error) {
    retry.signal?.throwIfAborted()
    return (error as Error).message.replace(/\s+/g, ' ')
  }
}

/** Why the registry's ENHANCED scanning won't scan this repository (no rule covers it); undefined when it will, or the scanning is basic. */
function unscanned(destination: Destination, repository: string): string | undefined {
  const scanning = destination.scanning
  if (scanning?.scanType !== 'ENHANCED' || coveringRule(scanning, repository) !== undefined) return undefined
  return `the registry's ENHANCED scanning has no rule covering ${repository}, so Amazon Inspector doesn't scan it (and no basic scan can be started): add a rule whose filter covers it, or remove scan-fail-on.`
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

/** The registry cache as the summary names it: the tag written, and any other the build read. */
function cacheLine(uri: string, cache: Settings['build']['cache']): string {
  const others = cache.from.filter(t => t !== cache.tag)
  return `ecr (${uri}:${cache.tag}${others.length > 0 ? `; also read: ${others.join(', ')}` : ''})`
}
