/**
 * Re-runs: before building, look the version tag up in the registry. An existing tag is
 * kept only when the workflow says so (`if-version-exists: skip`): its revision label is
 * written by whoever pushed the image, so it can't show which commit the image was built
 * from, and anyone with push rights could label an image with a release's commit. Otherwise
 * the run stops before building (and before docker's login) and says why.
 */
import { ARCHIVE_MINIMUM_DAYS, ARCHIVE_PRICE_AS_OF, ARCHIVE_PRICE_USD_PER_GB_MONTH, ARCHIVE_RESTORE_USD_PER_GB } from '../settings/prices.js'
import { ActionError } from '../errors.js'
import { archiveCostLine } from '../report/image-size.js'
import type { IfVersionExists } from '../settings/types.js'
import type { RegistryClient } from './client.js'
import { firstImageConfig, LABEL } from './image-config.js'

export interface ExistingVersion {
  digest: string
  /** `org.opencontainers.image.revision` of the image's config; '' when it has none */
  revision: string
  /** set when ECR doesn't show the image in its standard storage class (ECR only) */
  archive?: ArchivedImage
  /** `if-version-exists: auto`: what the image's provenance referrers show (supply/reuse.ts) */
  provenance?: { ok: true; workflow: string } | { ok: false; why: string }
}

/** An existing image ECR keeps out of reach: archived, being restored, or not listed as active. */
export interface ArchivedImage {
  /** ECR's imageStatus; UNLISTED when DescribeImages didn't list the image */
  status: 'ARCHIVED' | 'ACTIVATING' | 'UNLISTED'
  /** the command that restores it */
  restore: string
  bytes?: number
  archivedAt?: Date
}

export type VersionDecision = { build: true } | { build: false; reason: string }

/** What the existing image's label claims, as a claim: nothing the registry vouches for. */
function labelClaim(revision: string, sha: string): string {
  if (revision === '') return 'with no revision label'
  return revision === sha ? `labelled as built from this commit (${sha.slice(0, 7)})` : `labelled as built from commit ${revision} (this run is ${sha.slice(0, 7)})`
}

/**
 * Pure: what to do about a version tag that may already exist. `skip` keeps it (the
 * workflow chose to trust whoever pushed it); `auto` keeps it only when its provenance
 * referrers show this repository's allowed workflow built it from this commit (never on its
 * label); `fail` always stops.
 */
export function decideVersion(existing: ExistingVersion | undefined, run: { sha: string; version: string; repository: string }, mode: IfVersionExists): VersionDecision {
  if (existing === undefined) return { build: true }
  // No tag moves to an image that can't be pulled, whatever the mode.
  if (existing.archive !== undefined && mode === 'skip') {
    throw new ActionError(`Tag '${run.version}' in '${run.repository}' names ${existing.digest}, and ${archivedWords(existing.archive)}. ${archivedAdvice(existing.archive)}`)
  }
  if (mode === 'skip') {
    return { build: false, reason: `${run.version} already exists (${existing.digest}); if-version-exists: skip` }
  }
  const proof = existing.provenance
  if (mode === 'auto' && existing.archive === undefined && proof?.ok === true) {
    return {
      build: false,
      reason: `${run.version} already exists (${existing.digest}) and its provenance shows it was built from this commit (${run.sha.slice(0, 7)}) by ${proof.workflow}; if-version-exists: auto`
    }
  }
  const why =
    mode === 'fail'
      ? 'if-version-exists: fail stops whenever the tag exists'
      : proof?.ok === false
        ? `a label is written by whoever pushed the image, and its provenance doesn't show that this workflow built it from this commit (${proof.why})`
        : "a label is written by whoever pushed the image, so it can't show that the image was built from this commit"
  throw new ActionError(
    `Tag '${run.version}' already exists in '${run.repository}' (${existing.digest}), ${labelClaim(existing.revision, run.sha)}; ${why}. ` +
      (existing.archive === undefined
        ? 'Bump the version, or set if-version-exists: skip to keep the existing image (trusting whoever pushed it).'
        : `Bump the version. Besides, ${archivedWords(existing.archive)}. ${archivedAdvice(existing.archive)}`)
  )
}

/** How ECR keeps the image, in words: why it is no release as it is. */
function archivedWords(a: ArchivedImage): string {
  const since = a.archivedAt !== undefined ? ` since ${a.archivedAt.toISOString().slice(0, 10)}` : ''
  if (a.status === 'ACTIVATING') return "ECR is restoring it from its archive (imageStatus ACTIVATING): it can't be pulled until the restore is done"
  if (a.status === 'ARCHIVED') return `ECR has archived it${since} (imageStatus ARCHIVED): an archived image can't be pulled`
  return "ECR's DescribeImages doesn't list it (without a status filter it lists active images only): it may be archived"
}

/** What to do: restore it (the exact command) and run again, or push a new version; and what the archive costs. */
function archivedAdvice(a: ArchivedImage): string {
  const cost = archiveCostLine(a.bytes, {
    perGbMonth: ARCHIVE_PRICE_USD_PER_GB_MONTH,
    restorePerGb: ARCHIVE_RESTORE_USD_PER_GB,
    minimumDays: ARCHIVE_MINIMUM_DAYS,
    asOf: ARCHIVE_PRICE_AS_OF
  })
  const restore =
    a.status === 'ACTIVATING'
      ? 'Run the job again once it is ACTIVE (ECR restores within about 20 minutes)'
      : `Restore it with \`${a.restore}\` and run the job again once it is ACTIVE (ECR restores within about 20 minutes)`
  return `No tag was moved. ${restore}, or bump the version to push a new image. ${cost}`
}

/** The image the version tag names in the registry, if any, with its revision label. */
export async function findExistingVersion(registry: RegistryClient, repository: string, version: string): Promise<ExistingVersion | undefined> {
  const manifest = await registry.manifest(repository, version)
  if (manifest === undefined) return undefined
  const config = await firstImageConfig(registry, repository, manifest)
  return { digest: manifest.digest, revision: config?.labels[LABEL.revision] ?? '' }
}
