/**
 * The report: the run's outputs and its job summary, from what the run did and found (plain
 * data: nothing here reads a registry or waits). The pipeline writes it before it fails a
 * run on the scan gate's verdict, so a failing scan still leaves the outputs and the counts.
 */
import * as core from '@actions/core'
import { STORAGE_PRICE_AS_OF, STORAGE_PRICE_USD_PER_GB_MONTH } from '../settings/prices.js'
import { replicaUris } from '../settings/registry-host.js'
import type { Settings } from '../settings/types.js'
import { sizeLines, sizeReport, type PlatformManifest } from './image-size.js'
import { imageOutputs, outputBase, setOutputs } from './outputs.js'
import { writeSummary, type SummaryData } from './summary.js'

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
  /** floating ref tags left on a newer image (they only move forward): left out like `latest` */
  keptTags?: string[]
  /** the labels and annotations the build set (outputs) */
  labels?: string[]
  annotations?: string[]
}

/** Where the image went, as the report tells it. */
export interface ReportDestination {
  uri: string
  registry: string
  changes: string[]
  notes?: string[]
  lifecycle: string
  warnings: string[]
}

/** ECR managed signing's outcome as the report tells it (aws/signature.ts). */
export interface SignatureOutcome {
  state: string
  /** the job summary's line */
  line: string
  /** the run's warning, when it doesn't fail on it */
  warning?: string
}

/** What the run did and found: plain data, read before the report. */
export interface RunReport {
  destination: ReportDestination
  pushed: Pushed
  /** the platform images of what was pushed (empty when not read) */
  images: PlatformManifest[]
  /** why they could not be read, when they couldn't */
  unread?: string
  /** the platform images `latest` named before this run */
  latestBefore: PlatformManifest[] | undefined
  /** the scan gate's line and findings, when it ran */
  scan?: { line: string; counts?: Record<string, number> }
  /** ECR managed signing's outcome (signing-stage.ts) */
  signature?: SignatureOutcome
  /** what each platform image has attached (supply/attest-stage.ts), when read */
  attachments?: SummaryData['attachments']
  /** the copies `copy-to` made: each repository's URI and what was done there */
  copies?: { uri: string; line: string }[]
  /** seconds per stage, in the order they ran */
  times: [string, number][]
}

/** Writes the outputs and the job summary. */
export async function report(settings: Settings, run: RunReport): Promise<void> {
  const { build, image, repository } = settings
  const { destination, pushed, images, unread, scan, signature } = run
  const kept = new Set([...(pushed.keptTags ?? []), ...(pushed.latestKept ? ['latest'] : [])])
  const pushedTags = build.pushByDigest ? { ...image, tags: [], latest: false } : { ...image, tags: image.tags.filter(t => !kept.has(t)), latest: image.latest && !pushed.latestKept }
  const replicas = build.pushByDigest ? [] : replicaUris(`${destination.uri}:${image.version}`, repository.replicateToRegions)
  const outputs = imageOutputs({
    ...outputBase(pushedTags, destination.uri, destination.registry),
    digest: pushed.digest,
    metadata: pushed.metadata,
    skipped: !pushed.built,
    replicaUris: replicas,
    ...(scan?.counts !== undefined ? { scanFindings: scan.counts } : {}),
    ...(signature ? { signature: signature.state } : {}),
    labels: pushed.labels ?? [],
    annotations: pushed.annotations ?? [],
    copiedUris: (run.copies ?? []).map(c => `${c.uri}@${pushed.digest}`)
  })
  setOutputs(outputs)
  core.info(`${pushed.built ? 'Pushed' : 'Kept'} ${outputs['image-digest-uri']}`)
  if (signature?.warning !== undefined) core.warning(signature.warning)
  if (!settings.summary) return
  const sizes = sizeReport(images, run.latestBefore, settings.storagePrice, 1 + repository.replicateToRegions.length)
  if (!pushed.built) sizes.addedBytes = 0
  if (pushed.uploaded !== undefined) Object.assign(sizes, { addedBytes: pushed.uploaded, addedBy: 'upload' })
  const priceSource =
    (settings.storagePrice === STORAGE_PRICE_USD_PER_GB_MONTH ? `ECR's price, ${STORAGE_PRICE_AS_OF}` : 'storage-price') +
    (repository.type === 'public' ? '; ECR Public: the first 50 GB a month are free' : '')
  await writeSummary({
    repository: repository.name,
    pushed: true,
    skipped: !pushed.built,
    timings: run.times,
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
    warnings: signature?.warning !== undefined ? [...destination.warnings, signature.warning] : destination.warnings,
    ...(images.length > 0 ? { size: { lines: sizeLines(sizes, settings.storagePrice, priceSource) } } : unread !== undefined ? { size: { lines: [`not known: ${unread}`] } } : {}),
    ...(scan !== undefined ? { scan: scan.line } : {}),
    ...(signature ? { signature: signature.line } : {}),
    replicas,
    ...(run.attachments !== undefined ? { attachments: run.attachments } : {}),
    ...(run.copies !== undefined && run.copies.length > 0 ? { copies: run.copies.map(c => c.line) } : {})
  })
}

/** The registry cache as the summary names it: the tag written, and any other the build read. */
function cacheLine(uri: string, cache: Settings['build']['cache']): string {
  const others = cache.from.filter(t => t !== cache.tag)
  return `ecr (${uri}:${cache.tag}${others.length > 0 ? `; also read: ${others.join(', ')}` : ''})`
}
