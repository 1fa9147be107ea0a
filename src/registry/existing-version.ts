/**
 * Re-runs: before building, look the version tag up in the registry. An existing tag is
 * kept only when the workflow says so (`if-version-exists: skip`): its revision label is
 * written by whoever pushed the image, so it can't show which commit the image was built
 * from, and anyone with push rights could label an image with a release's commit. Otherwise
 * the run stops before building (and before docker's login) and says why.
 */
import { ActionError } from '../errors.js'
import type { IfVersionExists } from '../settings/types.js'
import type { RegistryClient } from './client.js'
import { firstImageConfig, LABEL } from './image-config.js'

export interface ExistingVersion {
  digest: string
  /** `org.opencontainers.image.revision` of the image's config; '' when it has none */
  revision: string
}

export type VersionDecision = { build: true } | { build: false; reason: string }

/** What the existing image's label claims, as a claim: nothing the registry vouches for. */
function labelClaim(revision: string, sha: string): string {
  if (revision === '') return 'with no revision label'
  return revision === sha ? `labelled as built from this commit (${sha.slice(0, 7)})` : `labelled as built from commit ${revision} (this run is ${sha.slice(0, 7)})`
}

/**
 * Pure: what to do about a version tag that may already exist. `skip` keeps it (the
 * workflow chose to trust whoever pushed it); `auto` and `fail` stop, since nothing the
 * action can read yet shows that the image was built from this commit.
 */
export function decideVersion(
  existing: ExistingVersion | undefined,
  run: { sha: string; version: string; repository: string },
  mode: IfVersionExists
): VersionDecision {
  if (existing === undefined) return { build: true }
  if (mode === 'skip') {
    return { build: false, reason: `${run.version} already exists (${existing.digest}); if-version-exists: skip` }
  }
  const why =
    mode === 'fail'
      ? 'if-version-exists: fail stops whenever the tag exists'
      : "a label is written by whoever pushed the image, so it can't show that the image was built from this commit"
  throw new ActionError(
    `Tag '${run.version}' already exists in '${run.repository}' (${existing.digest}), ${labelClaim(existing.revision, run.sha)}; ${why}. ` +
      'Bump the version, or set if-version-exists: skip to keep the existing image (trusting whoever pushed it).'
  )
}

/** The image the version tag names in the registry, if any, with its revision label. */
export async function findExistingVersion(registry: RegistryClient, repository: string, version: string): Promise<ExistingVersion | undefined> {
  const manifest = await registry.manifest(repository, version)
  if (manifest === undefined) return undefined
  const config = await firstImageConfig(registry, repository, manifest)
  return { digest: manifest.digest, revision: config?.labels[LABEL.revision] ?? '' }
}
