/**
 * Re-runs: before building, look the version tag up in the registry. When it already holds
 * an image built from this commit, a re-run has nothing to build; when it holds one built
 * from another commit, an immutable tag can't take the new one, so the run stops before
 * building and says why.
 */
import * as core from '@actions/core'
import { BatchGetImageCommand, type ECRClient } from '@aws-sdk/client-ecr'
import type { RetryPolicy } from './build.js'
import { ActionError } from './errors.js'
import { addTags } from './oci-push.js'
import { INDEX_MEDIA_TYPES, MANIFEST_MEDIA_TYPES, parseManifest, type Manifest, type RegistryClient } from './registry-api.js'
import { isTagMutable, type Mutability } from './repository-plan.js'

export type IfVersionExists = 'auto' | 'fail' | 'skip'

export interface ExistingVersion {
  digest: string
  /** `org.opencontainers.image.revision` of the image's config; '' when it has none */
  revision: string
}

export type VersionDecision = { build: true } | { build: false; reason: string }

const REVISION = 'org.opencontainers.image.revision'

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

/** The revision label of the first platform image an index (or image manifest) names. */
async function revisionOf(registry: RegistryClient, repository: string, manifest: Manifest): Promise<string> {
  let image: Manifest | undefined = manifest
  if (manifest.manifests) {
    const child = manifest.manifests.find(
      m => MANIFEST_MEDIA_TYPES.includes(m.mediaType) && m.platform?.os !== 'unknown'
    )
    image = child ? await registry.manifest(repository, child.digest) : undefined
  }
  if (!image?.config) return ''
  const config = (await registry.jsonBlob(repository, image.config.digest)) as { config?: { Labels?: Record<string, string> } }
  return config.config?.Labels?.[REVISION] ?? ''
}

/**
 * What a tag names, asked of ECR's API (BatchGetImage) rather than the registry: it needs
 * no registry token, so it goes out beside the token's request, one round trip sooner.
 * Undefined when there is no such tag (or no repository yet); it throws on anything else
 * ECR answers, and the registry is asked instead (findExistingVersion).
 */
export async function askTag(ecr: ECRClient, repository: string, tag: string): Promise<Manifest | undefined> {
  try {
    const out = await ecr.send(
      new BatchGetImageCommand({
        repositoryName: repository,
        imageIds: [{ imageTag: tag }],
        // Every kind docker pushes: else ECR may answer for one platform of an index.
        acceptedMediaTypes: [...INDEX_MEDIA_TYPES, ...MANIFEST_MEDIA_TYPES]
      })
    )
    const image = out.images?.[0]
    const digest = image?.imageId?.imageDigest
    if (image?.imageManifest !== undefined && digest !== undefined) return parseManifest(image.imageManifest, image.imageManifestMediaType ?? '', digest)
    const failure = out.failures?.[0]
    if (failure?.failureCode === 'ImageNotFound') return undefined
    throw new Error(`BatchGetImage ${repository}:${tag}: ${failure?.failureCode ?? 'no image'} ${failure?.failureReason ?? ''}`)
  } catch (error) {
    if ((error as Error).name === 'RepositoryNotFoundException') return undefined
    throw error
  }
}

/**
 * The image the version tag names, if any, with its revision label. `asked` is the tag's
 * manifest from ECR's API (askTag), when it was asked; the registry answers when it wasn't
 * or that failed.
 */
export async function findExistingVersion(
  registry: RegistryClient,
  repository: string,
  version: string,
  asked?: Promise<Manifest | undefined>
): Promise<ExistingVersion | undefined> {
  const manifest = asked ? await asked.catch(() => registry.manifest(repository, version)) : await registry.manifest(repository, version)
  if (manifest === undefined) return undefined
  return { digest: manifest.digest, revision: await revisionOf(registry, repository, manifest) }
}

/**
 * A skipped version still moves the tags that follow it (`latest`, and any the repository
 * lets move) when they point elsewhere: the existing index put under each, by the registry
 * API (oci-push.ts), one request a tag. Returns the tags moved.
 */
export async function moveTags(
  registry: RegistryClient,
  repo: { name: string; mutability: Mutability },
  digest: string,
  tags: string[],
  retry: RetryPolicy
): Promise<string[]> {
  const moving: string[] = []
  for (const tag of tags) {
    const current = await registry.manifest(repo.name, tag)
    if (current?.digest === digest) continue
    if (current !== undefined && !isTagMutable(tag, repo.mutability)) {
      core.warning(`'${tag}' points to another image and the repository keeps it immutable: left as it is.`)
      continue
    }
    moving.push(tag)
  }
  await addTags(registry, repo.name, digest, moving, retry)
  return moving
}
