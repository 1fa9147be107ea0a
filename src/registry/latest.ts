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
  /** the reads the check needs, made ahead (readAhead): used when the tag still names the image they read */
  ahead?: Promise<ReadAhead | undefined>
}

/** What the check reads besides the tag itself, read ahead: the image the tag named then, and the facts of it and of the run's image. */
export interface ReadAhead {
  current: string
  facts: [ImageFacts, ImageFacts]
}

/**
 * The reads moveForward's check makes, made ahead — beside the attest stage, while the run's
 * checks go on — so that once they passed only the tag is read again and put: two requests
 * one after the other, not five. Silent (no retry lines in another stage's log group);
 * undefined when the tag names no other image or a read failed: moveForward then reads
 * itself, as without it.
 */
export async function readAhead(registry: RegistryClient, repository: string, tag: string, digest: string, retry: RetryDeps): Promise<ReadAhead | undefined> {
  const quiet: RetryDeps = { ...retry, policy: { ...retry.policy, log: () => undefined } }
  try {
    const current = await readTag(registry, repository, tag, quiet)
    if (current === undefined || current.digest === digest) return undefined
    const facts = await readBoth(registry, repository, tag, current, digest, quiet)
    return { current: current.digest, facts }
  } catch {
    return undefined
  }
}

/** The facts of the image `tag` names now (`now`) and of this run's image `digest`. */
async function readBoth(registry: RegistryClient, repository: string, tag: string, now: Manifest, digest: string, retry: RetryDeps): Promise<[ImageFacts, ImageFacts]> {
  const next = await withRegistryRetry(registry.registry, `reading ${digest.slice(0, 19)}…`, retry, () => registry.manifest(repository, digest))
  if (next === undefined) throw new ActionError(`the registry has no ${digest}`)
  return withRegistryRetry(registry.registry, `reading the images of '${tag}' and this run`, retry, () => Promise.all([readFacts(registry, repository, now), readFacts(registry, repository, next)]))
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
      reading = `the image '${tag}' names (${current.digest}) or this run's (${digest})`
      const ahead = await options.ahead
      facts = ahead?.current === current.digest ? ahead.facts : await readBoth(registry, repository, tag, current, digest, retry)
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
