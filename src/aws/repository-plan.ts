/**
 * The repository's plan — what to do to the ECR repository so that it matches what the
 * workflow states. Pure: it compares the repository as ECR describes it with the settings
 * and returns the changes; `repository.ts` carries them out.
 *
 * Two rules keep what users already have: a setting the workflow does not state never
 * loosens immutability, and a lifecycle policy the workflow does not state is never put on
 * a repository this run did not create (nor does it replace one).
 */
import type { LifecycleIntent, LifecyclePolicy, Settings } from '../settings/types.js'
import { Input } from '../constants.js'
import { DEFAULT_LIFECYCLE, formatLifecyclePolicy, lifecyclePoliciesEqual } from '../settings/lifecycle-policy.js'
import { isTagMutable, sameMutability, withCacheFilter, type Mutability } from '../settings/tag-mutability.js'

/** The input that states the default policy, for a repository that has none: `lifecycle-keep-count: 100`. */
export const DEFAULT_POLICY_INPUT = `${Input.LifecycleKeepCount}: ${DEFAULT_LIFECYCLE.keepCount}`

/** The repository as ECR describes it. */
export interface RepositoryState {
  uri: string
  arn: string
  mutability: Mutability
  scanOnPush: boolean
  encryption: { type: string; kmsKey?: string }
  /** when ECR created it, when it says */
  createdAt?: Date
}

export type RepositoryChange =
  | {
      kind: 'create'
      mutability: Mutability
      scanOnPush: boolean
      encryption: Settings['repository']['encryption']
      /** the repository creation template whose settings it takes, and which (creation-template.ts) */
      template?: { prefix: string; settings: string[]; tags: string[] }
      /** the resource tags it is created with */
      tags?: { Key: string; Value: string }[]
    }
  | { kind: 'tag-mutability'; from: Mutability; to: Mutability }
  | { kind: 'scan-on-push'; from: boolean; to: boolean }

export interface RepositoryPlan {
  changes: RepositoryChange[]
  /** Things the user should know that the action will not change. */
  warnings: string[]
  /** What the action leaves alone on purpose, in words (e.g. the registry's scanning decides). */
  notes?: string[]
}

export type LifecyclePlan = { put: true; policy: LifecyclePolicy; text: string; reason: string } | { put: false; reason: string }

const keepsTagsImmutable = (m: Mutability): boolean => m.mode === 'IMMUTABLE' || m.mode === 'IMMUTABLE_WITH_EXCLUSION'

/** An IMMUTABLE_WITH_EXCLUSION repository whose exclusions keep this run's cache tag mutable (room allowing). */
function withCacheTag(m: Mutability, cacheTag: string | undefined, cacheFilter: string | undefined): Mutability {
  if (cacheTag === undefined || cacheFilter === undefined || m.mode !== 'IMMUTABLE_WITH_EXCLUSION' || isTagMutable(cacheTag, m)) return m
  const exclusions = withCacheFilter(m.exclusions, cacheFilter)
  return exclusions.length > 5 ? m : { mode: m.mode, exclusions }
}

/**
 * @param current the repository as described, or undefined when it does not exist
 * @param movingTags tags this run pushes that must be able to move (e.g. `latest`)
 */
export function planRepository(current: RepositoryState | undefined, desired: Settings['repository'], movingTags: string[]): RepositoryPlan {
  const wanted: Mutability = { mode: desired.tagMutability, exclusions: desired.tagMutabilityExclusions }
  if (current === undefined) {
    return {
      changes: [{ kind: 'create', mutability: wanted, scanOnPush: desired.scanOnPush, encryption: desired.encryption }],
      warnings: []
    }
  }

  const changes: RepositoryChange[] = []
  const warnings: string[] = []

  // Unstated mutability leaves an immutable repository as it is, but for the action's own
  // registry cache tag, which every build rewrites.
  const target = desired.tagMutabilityStated || !keepsTagsImmutable(current.mutability) ? wanted : withCacheTag(current.mutability, desired.cacheTag, desired.cacheFilter)
  let mutability = current.mutability
  if (!sameMutability(current.mutability, target)) {
    changes.push({ kind: 'tag-mutability', from: current.mutability, to: target })
    mutability = target
  }
  const frozen = movingTags.filter(t => !isTagMutable(t, mutability))
  if (frozen.length > 0) {
    warnings.push(
      `the repository keeps ${frozen.map(t => `'${t}'`).join(', ')} immutable, so pushing it again will be refused: ` +
        (desired.tagMutability === 'MUTABLE_WITH_EXCLUSION' && !desired.tagMutabilityStated
          ? `set tag-mutability: MUTABLE_WITH_EXCLUSION (versions *.*.* and sha-* stay immutable) to let floating tags move.`
          : `set tag-mutability: IMMUTABLE_WITH_EXCLUSION with tag-mutability-exclusions: ${frozen.join(',')} to let it move.`)
    )
  }

  if (current.scanOnPush !== desired.scanOnPush) {
    changes.push({ kind: 'scan-on-push', from: current.scanOnPush, to: desired.scanOnPush })
  }

  // Encryption the workflow doesn't state (a creation template's, say) is not compared.
  const enc = desired.encryption
  const keyDiffers = enc.kmsKey?.startsWith('arn:') === true && current.encryption.kmsKey !== enc.kmsKey
  if (desired.encryptionStated !== false && (current.encryption.type !== enc.type || keyDiffers)) {
    const now = current.encryption.kmsKey ? `${current.encryption.type} (${current.encryption.kmsKey})` : current.encryption.type
    warnings.push(`the repository is encrypted with ${now}, not ${enc.kmsKey ? `${enc.type} (${enc.kmsKey})` : enc.type}: ECR sets encryption only when a repository is created, so it stays as it is.`)
  }
  return { changes, warnings }
}

/** Rule by rule, what a policy does, e.g. "Protect latest; Keep the newest 100 tagged images". */
function describePolicy(policy: LifecyclePolicy): string {
  return policy.rules.map(r => r.description ?? `rule ${r.rulePriority}`).join('; ')
}

/**
 * The lifecycle policy to put, if any. A repository this run creates gets the stated policy
 * or the default one; an existing repository gets only a stated one: a repository that
 * deliberately has no policy keeps every image until the workflow states one.
 *
 * @param current the repository's lifecycle policy text; undefined when it has none
 * @param created whether this run created the repository (then there is nothing to read)
 */
export function planLifecycle(current: string | undefined, intent: LifecycleIntent, created: boolean): LifecyclePlan {
  const text = formatLifecyclePolicy(intent.policy)
  if (created) {
    return { put: true, policy: intent.policy, text, reason: `new repository: ${intent.source}` }
  }
  if (!intent.stated) {
    return current === undefined
      ? {
          put: false,
          reason:
            `none: the repository has no lifecycle policy and the workflow states none, so none is put and no image expires. ` +
            `${DEFAULT_POLICY_INPUT} would put the default policy (${describePolicy(intent.policy)})`
        }
      : { put: false, reason: 'kept the existing policy (the workflow states none)' }
  }
  if (current === undefined) {
    return { put: true, policy: intent.policy, text, reason: `no policy yet: ${intent.source}` }
  }
  if (lifecyclePoliciesEqual(current, intent.policy)) {
    return { put: false, reason: `already as stated by ${intent.source}` }
  }
  return { put: true, policy: intent.policy, text, reason: `differs from ${intent.source}` }
}

/** How far the runner's clock may be ahead of AWS's when a repository's createdAt is compared with it. */
export const CLOCK_ALLOWANCE_MS = 60_000

/**
 * Whether a repository that this run's CreateRepository found already there
 * (RepositoryAlreadyExistsException) was made by this very run, whose answer was lost.
 *
 * - Found on the create's first attempt: another writer made it between the run's describe
 *   and its create. Adopted: it is theirs.
 * - Found on a later attempt (the SDK tried the create again after a connection reset, a
 *   timeout or a 5xx): an earlier attempt of this run may have reached ECR, which created
 *   the repository, and its answer was lost on the way back. ECR's createdAt tells: a
 *   repository created no earlier than this run's first CreateRepository was sent (less
 *   CLOCK_ALLOWANCE_MS, for a runner clock ahead of AWS's) was created by this run — the
 *   describe just before found no repository, so it can't be older. A clock further ahead,
 *   or no createdAt, leaves it adopted: no policy the workflow doesn't state is put on a
 *   repository the run can't tell it created.
 *
 * Another writer creating the same name within the seconds of this run's tries is the one
 * case this can't tell apart; that repository is seconds old, with nothing pushed yet and no
 * policy of its own, and gets the policy its creator would have put.
 *
 * @param attempts the SDK's tries of the CreateRepository that ended with AlreadyExists ($metadata.attempts)
 * @param createSentAt when this run sent its first CreateRepository (epoch ms, the runner's clock)
 */
export function createdByThisRun(attempts: number | undefined, createdAt: Date | undefined, createSentAt: number): boolean {
  if ((attempts ?? 1) < 2 || createdAt === undefined) return false
  return createdAt.getTime() >= createSentAt - CLOCK_ALLOWANCE_MS
}
