/**
 * Re-runs: before building, look the version tag up in the registry. When it already holds
 * an image built from this commit, a re-run has nothing to build; when it holds one built
 * from another commit, an immutable tag can't take the new one, so the run stops before
 * building and says why.
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

/** Pure: what to do about a version tag that may already exist. */
export function decideVersion(
  existing: ExistingVersion | undefined,
  run: { sha: string; version: string; repository: string },
  mode: IfVersionExists
): VersionDecision {
  if (existing === undefined) return { build: true }
  if (mode === 'skip') {
    return { build: false, reason: `${run.version} already exists (${existing.digest}); if-version-exists: skip` }
  }
  if (existing.revision !== '' && existing.revision === run.sha && mode === 'auto') {
    return { build: false, reason: `${run.version} was already built from this commit (${run.sha.slice(0, 7)})` }
  }
  const from = existing.revision !== '' ? `commit ${existing.revision}` : 'an image without a revision label'
  throw new ActionError(
    `Tag '${run.version}' already exists in '${run.repository}', built from ${from}; this run is commit ${run.sha}. ` +
      'Bump the version (or use if-version-exists: skip to keep the existing image).'
  )
}

/** The image the version tag names in the registry, if any, with its revision label. */
export async function findExistingVersion(registry: RegistryClient, repository: string, version: string): Promise<ExistingVersion | undefined> {
  const manifest = await registry.manifest(repository, version)
  if (manifest === undefined) return undefined
  const config = await firstImageConfig(registry, repository, manifest)
  return { digest: manifest.digest, revision: config?.labels[LABEL.revision] ?? '' }
}
