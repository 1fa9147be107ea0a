/**
 * The ref tags after the version (settings/ref-tags.ts): fixed ones put where missing,
 * floating ones moved only forward, each judged like `latest` (latest.ts). The outcome
 * names what moved and what stayed, and the report leaves the kept ones out of the outputs.
 */
import type { Mutability } from '../settings/tag-mutability.js'
import type { RetryDeps } from '../retry.js'
import type { Settings } from '../settings/types.js'
import type { RegistryClient } from './client.js'
import { moveForward } from './latest.js'
import { putMissing } from './tags.js'

export interface RefTagsFollowed {
  /** tags now naming the image (put or moved) */
  tagged: string[]
  /** floating tags left on another image, with why in words */
  kept: { tag: string; why: string }[]
}

/**
 * @param rerun a re-run: a floating tag the repository keeps immutable is left as it is (with a warning) rather than refused
 */
export async function followRefTags(
  registry: RegistryClient,
  repo: { name: string; mutability: Mutability },
  digest: string,
  image: Pick<Settings['image'], 'floating' | 'once'>,
  retry: RetryDeps,
  rerun = false
): Promise<RefTagsFollowed> {
  const tagged = await putMissing(registry, repo.name, digest, image.once, retry)
  const kept: RefTagsFollowed['kept'] = []
  for (const tag of image.floating) {
    const move = await moveForward(registry, repo.name, tag, digest, retry, { allowBack: false, ...(rerun ? { mutability: repo.mutability } : {}) })
    if (move.action === 'kept') kept.push({ tag, why: move.why })
    else if (move.action === 'moved') tagged.push(tag)
  }
  return { tagged, kept }
}
