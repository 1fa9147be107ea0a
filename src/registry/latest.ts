/**
 * `latest` moved to this run's image — only forward; so are the floating ref tags (`1.2`,
 * `1`, a branch's tag: settings/ref-tags.ts). Right before the move, what the registry
 * holds under the tag now is read and judged against this run's image (latest-rule.ts):
 * going back is refused with a warning that names the image that stays and why, and the
 * run still succeeds (its version tag is pushed). When the image the tag names can't be
 * read, it is not moved either (fail closed). `latest-may-move-back: true` moves `latest`
 * without the check.
 */
import * as core from '@actions/core'
import { isTagMutable, type Mutability } from '../settings/tag-mutability.js'
import { ActionError } from '../errors.js'
import type { RetryDeps } from '../retry.js'
import { readTag } from './already-tagged.js'
import type { Manifest, RegistryClient } from './client.js'
import { firstImageConfig, LABEL } from './image-config.js'
import { describeImage, judgeLatest, type ImageFacts } from './latest-rule.js'
import { withRegistryRetry } from './refusals.js'
import { addTags } from './tags.js'

export const LATEST = 'latest'

export type LatestMove =
  | { action: 'moved' }
  /** `latest` named this image already */
  | { action: 'unchanged' }
  /** `latest` stays where it is: `why`, in words for the outcome */
  | { action: 'kept'; why: string }

export interface LatestOptions {
  /** `latest-may-move-back`: move without the check */
  allowBack: boolean
  /** a re-run: `latest` that the repository keeps immutable is left as it is (with a warning) rather than refused */
  mutability?: Mutability
}

/** The facts the rule judges, from the config of the first platform image `manifest` stands for. */
async function readFacts(registry: RegistryClient, repository: string, manifest: Manifest): Promise<ImageFacts> {
  const config = await firstImageConfig(registry, repository, manifest)
  if (config === undefined) throw new ActionError(`${manifest.digest} names no platform image the registry has`)
  return { digest: manifest.digest, version: config.labels[LABEL.version] ?? '', created: config.created || (config.labels[LABEL.created] ?? '') }
}

function keep(warning: string, why: string): LatestMove {
  core.warning(warning)
  return { action: 'kept', why }
}

/** Moves `latest` to `digest` unless that would move it back (or whether it would can't be known). */
export function moveLatest(registry: RegistryClient, repository: string, digest: string, retry: RetryDeps, options: LatestOptions): Promise<LatestMove> {
  return moveForward(registry, repository, LATEST, digest, retry, options)
}

/** Moves `tag` to `digest` unless that would move it back (or whether it would can't be known). */
export async function moveForward(registry: RegistryClient, repository: string, tag: string, digest: string, retry: RetryDeps, options: LatestOptions): Promise<LatestMove> {
  const backHint = tag === LATEST ? ' Set latest-may-move-back: true to move it back.' : ''
  let current: Manifest | undefined
  let facts: [ImageFacts, ImageFacts] | undefined
  let reading = `what '${tag}' names`
  try {
    current = await readTag(registry, repository, tag, retry)
    if (current?.digest === digest) return { action: 'unchanged' }
    if (current !== undefined && options.mutability !== undefined && !isTagMutable(tag, options.mutability)) {
      return keep(`'${tag}' points to another image and the repository keeps it immutable: left as it is.`, `${tag} kept: the repository keeps it immutable`)
    }
    if (current !== undefined && !options.allowBack) {
      const now = current
      reading = `the image '${tag}' names (${now.digest}) or this run's (${digest})`
      const next = await withRegistryRetry(registry.registry, `reading ${digest.slice(0, 19)}…`, retry, () => registry.manifest(repository, digest))
      if (next === undefined) throw new ActionError(`the registry has no ${digest}`)
      facts = await withRegistryRetry(registry.registry, `reading the images of '${tag}' and this run`, retry, () =>
        Promise.all([readFacts(registry, repository, now), readFacts(registry, repository, next)])
      )
    }
  } catch (error) {
    if (retry.cancel?.aborted) throw error
    return keep(
      `'${tag}' was not moved: ${reading} could not be read (${(error as Error).message}), so whether this run's image is newer is not known. Run the job again to move it${tag === LATEST ? ', or set latest-may-move-back: true' : ''}.`,
      `${tag} kept: ${reading} could not be read`
    )
  }
  if (facts !== undefined) {
    const [now, next] = facts
    const verdict = judgeLatest(now, next, tag)
    if (!verdict.move) {
      return keep(`'${tag}' stays on ${describeImage(now)}: ${verdict.why}, and '${tag}' only moves forward.${backHint}`, `${tag} kept on ${describeImage(now)}: ${verdict.why}`)
    }
    if (verdict.note !== undefined) core.info(verdict.note)
  }
  await addTags(registry, repository, digest, [tag], retry)
  return { action: 'moved' }
}
