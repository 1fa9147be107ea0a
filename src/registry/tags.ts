/**
 * Tags put on an image the repository already has, over the registry API: after a build
 * (buildx pushes the version; the other tags follow, one request each) and on a re-run
 * that builds nothing (the tags move back to the existing image). `latest` goes through
 * latest.ts, which moves it only forward.
 */
import * as core from '@actions/core'
import { ActionError } from '../errors.js'
import type { RetryDeps } from '../retry.js'
import type { RegistryClient } from './client.js'
import { foundTag, readTag } from './already-tagged.js'
import { ImmutableTagError, withRegistryRetry } from './refusals.js'
import { isTagMutable, type Mutability } from '../settings/tag-mutability.js'

/**
 * Puts an image the repository has under more tags: its manifest (for a multi-platform
 * image, the index) read once and PUT again byte for byte under each tag — what `crane
 * tag` and `buildx imagetools create` do. One request a tag, where buildx pushes each tag
 * in full (every blob checked again, every platform manifest sent again).
 */
export async function addTags(client: RegistryClient, repository: string, digest: string, tags: string[], retry: RetryDeps): Promise<void> {
  if (tags.length === 0) return
  const manifest = await withRegistryRetry(client.registry, `reading ${digest.slice(0, 19)}…`, retry, () => client.manifestBytes(repository, digest))
  if (manifest === undefined) throw new ActionError(`The registry has no ${digest} in ${repository} to tag: run the job again.`)
  for (const tag of tags) {
    try {
      const stored = await withRegistryRetry(client.registry, `the tag '${tag}'`, retry, () => client.putManifest(repository, tag, manifest.mediaType, manifest.body))
      if (stored !== '' && stored !== digest) throw new ActionError(`The registry stored '${tag}' as ${stored}, not ${digest}: run the job again.`)
    } catch (error) {
      // An immutable tag refused on a try after a lost answer: fine when it names this digest (already-tagged.ts).
      if (!(error instanceof ImmutableTagError) || error.tag !== tag || (await readTag(client, repository, tag, retry))?.digest !== digest) throw error
      core.info(foundTag(tag, digest))
    }
  }
}

/**
 * A skipped version still moves the tags that follow it (those the repository lets move;
 * `latest` through latest.ts) when they point elsewhere: the existing index put under each,
 * one request a tag. Returns the tags moved.
 */
export async function moveTags(registry: RegistryClient, repo: { name: string; mutability: Mutability }, digest: string, tags: string[], retry: RetryDeps): Promise<string[]> {
  const moving: string[] = []
  for (const tag of tags) {
    const current = await readTag(registry, repo.name, tag, retry)
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

/**
 * Tags fixed to one build (`sha-1a2b3c4`): put where the repository lacks them; one that
 * names another image already (the same commit built by an earlier run) is left as it is.
 * Returns the tags put.
 */
export async function putMissing(registry: RegistryClient, repository: string, digest: string, tags: string[], retry: RetryDeps): Promise<string[]> {
  const missing: string[] = []
  for (const tag of tags) {
    const current = await readTag(registry, repository, tag, retry)
    if (current === undefined) missing.push(tag)
    else if (current.digest !== digest) core.info(`'${tag}' names ${current.digest} already, and names one build only: left as it is.`)
  }
  await addTags(registry, repository, digest, missing, retry)
  return missing
}
