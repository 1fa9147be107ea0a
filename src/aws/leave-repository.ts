/**
 * `existing-repository: leave` — a repository the run didn't create gets no write call at
 * all (mutability, scan on push, lifecycle policy, access policy, tags). The plan's writes
 * become what it says instead, in the log and the summary, so a team that manages the
 * repository elsewhere (Terraform, CloudFormation) sees the drift without the action
 * fighting it. Pure: the plan (repository.ts) has read all it compares.
 */
import { Input } from '../constants.js'
import type { Settings } from '../settings/types.js'
import { planRepository, type LifecyclePlan, type RepositoryState } from './repository-plan.js'
import { describeMutability } from '../settings/tag-mutability.js'
import { describeWrite, type SettingWrite } from './setting-writes.js'

const LEFT = `${Input.ExistingRepository}: leave`

/** A difference the reconcile would have written, in words. */
function difference(w: SettingWrite): string {
  switch (w.kind) {
    case 'tag-mutability':
      return `tag mutability is ${describeMutability(w.from)}; the workflow's settings make it ${describeMutability(w.to)}`
    case 'scan-on-push':
      return `scan on push is ${w.from ? 'on' : 'off'}; scan-on-push states ${w.to ? 'on' : 'off'}`
    case 'access-policy':
      return `the access policy differs from ${w.source}`
    case 'tags':
      return `the stated tags ${w.tags.map(t => `${t.Key}=${t.Value}`).join(', ')} are missing or have other values`
    default:
      return `the workflow's settings would make this change: ${describeWrite(w)}`
  }
}

/** The parts of a repository's plan (repository.ts RepositorySettingsPlan) that `leave` changes. */
interface LeavablePlan {
  desired: Settings['repository']
  writes: SettingWrite[]
  warnings: string[]
  notes: string[]
  lifecycle: LifecyclePlan
}

/** The plan of an existing repository under `leave`: no writes; each one it had is said as a difference. */
export function leaveAsItIs<P extends LeavablePlan>(plan: P, current: RepositoryState, movingTags: string[]): P {
  const differences = plan.writes.filter(w => w.kind !== 'lifecycle').map(difference)
  // The warnings of the repository as it stays: tags its own mutability keeps frozen, encryption.
  const kept = planRepository(
    current,
    { ...plan.desired, tagMutability: current.mutability.mode, tagMutabilityExclusions: current.mutability.exclusions, tagMutabilityStated: true, scanOnPush: current.scanOnPush },
    movingTags
  )
  const notes = differences.length > 0 ? differences.map(d => `left as it is (${LEFT}): ${d}`) : [`left as it is (${LEFT}): it matches the workflow's settings`]
  const lifecycle = plan.lifecycle.put ? { put: false as const, reason: `left as it is (${LEFT}): the workflow's policy would be put (${plan.lifecycle.reason})` } : plan.lifecycle
  return { ...plan, writes: [], warnings: kept.warnings, notes: [...notes, ...plan.notes], lifecycle }
}
