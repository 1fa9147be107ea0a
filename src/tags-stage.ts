/**
 * The tags besides the version, put once the run's checks have passed. buildx pushes the
 * image under its version only (a merge makes the index under it, a re-run finds it there);
 * the workflow's other `tags`, the ref tags (`sha-1a2b3c4`, `1.2`, `1`, a branch's) and
 * `latest` follow here, after the provenance is attached, the scan gate has passed and the
 * signature is there. A check that failed leaves each of them where it was: whatever deploys
 * `latest`, `1.2` or `stable` never gets an image the run failed. `latest` and the floating
 * ref tags only move forward (registry/latest.ts); on a re-run the workflow's tags move back
 * to the existing image (registry/tags.ts).
 */
import * as core from '@actions/core'
import type { Destination } from './aws/destination.js'
import { imageReferences, tagRoutes } from './build/plan.js'
import type { RegistryClient } from './registry/client.js'
import { followRefTags } from './registry/follow-tags.js'
import { LATEST, moveLatest, readAhead, type ReadAhead } from './registry/latest.js'
import { addTags, moveTags } from './registry/tags.js'
import type { Pushed } from './report/report.js'
import type { RetryDeps } from './retry.js'
import type { Settings } from './settings/types.js'

export interface TagsAt {
  destination: Pick<Destination, 'uri' | 'path' | 'mutability'>
  registry: RegistryClient
  retry: RetryDeps
  /** what `latest` named before the run, read for the summary: awaited before `latest` moves */
  latestRead: Promise<unknown>
  /** the reads `latest`'s check makes, started once the image is pushed (latestReadAhead) */
  latestAhead?: Promise<ReadAhead | undefined> | undefined
}

/** The tags this stage puts: every tag but the version, for a push that has tags (none by digest). */
export const tagsAfterChecks = (settings: Settings): string[] => tagRoutes(settings.build, settings.image).api

/**
 * What `latest`'s check reads (what it names, and the facts of that image and this run's),
 * started once the image is pushed and read while the attest stage, the scan gate and the
 * signature go on: once they passed, only `latest` is read again and put. Undefined when
 * `latest` isn't moved by this run or moves without the check.
 */
export function latestReadAhead(settings: Settings, at: Pick<TagsAt, 'destination' | 'registry' | 'retry'>, digest: string): Promise<ReadAhead | undefined> | undefined {
  if (!tagsAfterChecks(settings).includes(LATEST) || settings.image.latestMayMoveBack) return undefined
  return readAhead(at.registry, at.destination.path, LATEST, digest, at.retry)
}

/**
 * Puts the tags after the version on the pushed image — or, when a check failed (`held`:
 * which, in words), leaves them all where they were and says so. Returns what was pushed,
 * its outcome and the tags the outputs name brought up to date.
 * @param rerun a re-run that built nothing: the tags move back to the existing image; immutable ones stay with a warning
 */
export async function putTags(settings: Settings, at: TagsAt, pushed: Pushed, rerun: boolean, held: string | undefined): Promise<Pushed> {
  const { image } = settings
  const later = tagsAfterChecks(settings)
  if (later.length === 0) return pushed
  if (held !== undefined) {
    core.warning(`${later.map(t => `'${t}'`).join(', ')} left where ${later.length === 1 ? 'it was' : 'they were'}: ${held}.`)
    return { ...pushed, outcome: `${pushed.outcome}; ${later.join(', ')} not put: ${held}`, latestKept: later.includes(LATEST), keptTags: later.filter(t => t !== LATEST) }
  }
  const { destination, registry, retry } = at
  const repo = { name: destination.path, mutability: destination.mutability }
  const others = later.filter(t => t !== LATEST && !image.floating.includes(t) && !image.once.includes(t))
  // A re-run moves the tags that name another image back (moveTags); a new image gets them all.
  let moved = others
  if (rerun) moved = await moveTags(registry, repo, pushed.digest, others, retry)
  else await addTags(registry, repo.name, pushed.digest, others, retry)
  const refs = await followRefTags(registry, repo, pushed.digest, image, retry, rerun)
  await at.latestRead
  const latest = later.includes(LATEST)
    ? await moveLatest(registry, repo.name, pushed.digest, retry, {
        allowBack: image.latestMayMoveBack,
        ...(rerun ? { mutability: repo.mutability } : {}),
        ...(at.latestAhead ? { ahead: at.latestAhead } : {})
      })
    : undefined
  const kept = new Set([...refs.kept.map(k => k.tag), ...(latest?.action === 'kept' ? [LATEST] : [])])
  let outcome = pushed.outcome
  if (rerun) {
    const all = [...moved, ...refs.tagged, ...(latest?.action === 'moved' ? [LATEST] : [])]
    if (all.length > 0) outcome += `; moved ${all.join(', ')} to it`
  } else {
    const tagged = later.filter(t => !kept.has(t))
    if (tagged.length > 0) core.info(`Tagged ${pushed.digest} as ${tagged.join(', ')}`)
  }
  if (latest?.action === 'kept') outcome += `; ${latest.why}`
  if (refs.kept.length > 0) outcome += `; ${refs.kept.map(k => k.why).join('; ')}`
  // The metadata names every tag, as when buildx pushes them all.
  const metadata =
    typeof pushed.metadata['image.name'] === 'string'
      ? {
          ...pushed.metadata,
          'image.name': imageReferences(
            destination.uri,
            image.tags.filter(t => !kept.has(t))
          ).join(',')
        }
      : pushed.metadata
  return { ...pushed, metadata, outcome, ...(latest?.action === 'kept' ? { latestKept: true } : {}), ...(refs.kept.length > 0 ? { keptTags: refs.kept.map(k => k.tag) } : {}) }
}

/** Which check failed, in words, for `putTags`' `held`; undefined when none did. */
export function failedCheck(checks: { gate?: unknown; signature?: unknown; attest?: unknown }): string | undefined {
  if (checks.gate !== undefined) return 'scan-fail-on did not pass'
  if (checks.signature !== undefined) return 'require-signature: the image is not signed'
  if (checks.attest !== undefined) return 'the provenance was not attached'
  return undefined
}
