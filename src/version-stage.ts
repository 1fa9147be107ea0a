/**
 * The version stage's reads: the version tag as the registry has it and — for an existing
 * version on ECR — its storage class; beside them, what `latest` named before the run.
 */
import { readStorageState, restoreCommand } from './aws/image-status.js'
import type { Destination } from './aws/destination.js'
import type { RegistryClient } from './registry/client.js'
import { findExistingVersion, type ExistingVersion } from './registry/existing-version.js'
import { readTag } from './registry/already-tagged.js'
import { LATEST } from './registry/latest.js'
import { withRegistryRetry } from './registry/refusals.js'
import { readPlatformImages } from './registry/platform-images.js'
import type { PlatformManifest } from './report/image-size.js'
import type { RetryDeps } from './retry.js'
import type { Env, Settings } from './settings/types.js'
import { judgeProvenance, reuseClaim } from './supply/reuse.js'

/** The version tag as the registry has it (a per-platform push has none; a read that fails in a passing way is tried again). */
export async function lookUpVersion(settings: Settings, registry: RegistryClient, path: string, retry: RetryDeps): Promise<ExistingVersion | undefined> {
  const { build, image } = settings
  return build.pushByDigest ? undefined : withRegistryRetry(registry.registry, `reading the tag '${image.version}'`, retry, () => findExistingVersion(registry, path, image.version))
}

/**
 * For the summary's "added by this push": the platform images `latest` named before this
 * run; undefined when it named none or the read failed (the summary then says less). Started
 * beside the version look-up and awaited only before `latest` moves: off the run's path.
 */
export function readLatestBefore(settings: Settings, registry: RegistryClient, path: string, retry: RetryDeps): Promise<PlatformManifest[] | undefined> {
  return settings.summary && settings.image.latest ? imagesUnder(registry, path, LATEST, retry).catch(() => undefined) : Promise.resolve(undefined)
}

/**
 * An existing version on ECR with what ECR says of its storage class (one DescribeImages
 * call, made only when the tag exists): an image that isn't ACTIVE is marked, and
 * decideVersion moves no tag to it. ECR Public has no archive.
 */
export async function withStorageState(settings: Settings, destination: Destination, existing: ExistingVersion, signal?: AbortSignal): Promise<ExistingVersion> {
  if (destination.ecr === undefined) return existing
  const name = settings.repository.name
  const state = await readStorageState(destination.ecr, name, existing.digest, signal)
  if (state?.status === 'ACTIVE') return existing
  const restore = restoreCommand(name, existing.digest, settings.aws.region)
  return {
    ...existing,
    archive: { status: state?.status ?? 'UNLISTED', restore, ...(state?.bytes !== undefined ? { bytes: state.bytes } : {}), ...(state?.archivedAt ? { archivedAt: state.archivedAt } : {}) }
  }
}

/** The platform images a tag names now; undefined when it names none. */
async function imagesUnder(registry: RegistryClient, path: string, tag: string, retry: RetryDeps): Promise<PlatformManifest[] | undefined> {
  const top = await readTag(registry, path, tag, retry)
  return top ? readPlatformImages(registry, path, top.digest, retry) : undefined
}

/**
 * `if-version-exists: auto` reuses an existing version on its provenance only (supply/reuse.ts):
 * the verdict is added to it. An archived image is never reused, so not judged.
 */
export async function withProvenance(settings: Settings, registry: RegistryClient, path: string, existing: ExistingVersion, deps: { env: Env; retry: RetryDeps }): Promise<ExistingVersion> {
  if (settings.image.ifVersionExists !== 'auto' || existing.archive !== undefined) return existing
  return { ...existing, provenance: await judgeProvenance(registry, path, existing.digest, reuseClaim(deps.env), deps.retry) }
}
