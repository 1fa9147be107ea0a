/**
 * Stage 3, `existing-repository: leave` — a repository the run didn't create gets no write
 * call at all (mutability, scan on push, lifecycle policy, access policy, tags). What the
 * workflow's settings would change is read and said instead, in the log and the summary,
 * so a team that manages the repository elsewhere (Terraform, CloudFormation) sees the drift
 * without the action fighting it.
 */
import { GetRepositoryPolicyCommand, ListTagsForResourceCommand, type ECRClient } from '@aws-sdk/client-ecr'
import { Input } from '../constants.js'
import type { Settings } from '../settings/types.js'
import { deferScanOnPush, type RegistryScanning } from './registry-scanning.js'
import { describeMutability, planLifecycle, planRepository, type RepositoryChange, type RepositoryState } from './repository-plan.js'
import { ensureAccessPolicy, ensureResourceTags, unlessNotFound } from './stated-settings.js'

const LEFT = `${Input.ExistingRepository}: leave`

export interface LeftAlone {
  warnings: string[]
  /** each setting that differs from the workflow's, and that it was left so; or that nothing differs */
  notes: string[]
  /** the lifecycle policy: as it is, and what the workflow's would have done */
  lifecycle: string
}

/** A difference the reconcile would have written, in words. */
function difference(c: RepositoryChange): string {
  switch (c.kind) {
    case 'create':
      return 'the repository would be created'
    case 'tag-mutability':
      return `tag mutability is ${describeMutability(c.from)}; the workflow's settings make it ${describeMutability(c.to)}`
    case 'scan-on-push':
      return `scan on push is ${c.from ? 'on' : 'off'}; scan-on-push states ${c.to ? 'on' : 'off'}`
  }
}

/**
 * Reads what the reconcile would compare (the lifecycle policy, and the access policy and
 * tags only when the workflow states them) and writes nothing.
 * @param policy the repository's lifecycle policy text (read beside the describe)
 */
export async function leaveAsItIs(
  ecr: ECRClient,
  current: RepositoryState,
  desired: Settings['repository'],
  movingTags: string[],
  policy: () => Promise<string | undefined>,
  registryScanning?: () => Promise<RegistryScanning | undefined>
): Promise<LeftAlone> {
  const name = desired.name
  const reconciled = await deferScanOnPush(planRepository(current, desired, movingTags), name, registryScanning)
  // The warnings of the repository as it stays: tags its own mutability keeps frozen, encryption.
  const kept = planRepository(current, { ...desired, tagMutability: current.mutability.mode, tagMutabilityExclusions: current.mutability.exclusions, tagMutabilityStated: true, scanOnPush: current.scanOnPush }, movingTags)
  const differences = reconciled.changes.map(difference)
  // The comparisons of the reconcile, with writes that only note what they would have written.
  const access = await ensureAccessPolicy(desired.accessPolicy, false, {
    read: () => unlessNotFound(async () => (await ecr.send(new GetRepositoryPolicyCommand({ repositoryName: name }))).policyText, 'RepositoryPolicyNotFoundException'),
    write: async () => undefined
  })
  if (access !== undefined) differences.push(`the access policy differs from ${desired.accessPolicy?.source ?? 'the stated one'}`)
  const tags = await ensureResourceTags(desired.tags, {
    list: async () => (await ecr.send(new ListTagsForResourceCommand({ resourceArn: current.arn }))).tags ?? [],
    add: async () => undefined
  })
  if (tags !== undefined) differences.push(`the stated ${tags} are missing or have other values`)
  const lifecycle = planLifecycle(await policy(), desired.lifecycle, false)
  const notes =
    differences.length > 0
      ? differences.map(d => `left as it is (${LEFT}): ${d}`)
      : [`left as it is (${LEFT}): it matches the workflow's settings`]
  return {
    warnings: kept.warnings,
    notes: [...notes, ...(reconciled.notes ?? [])],
    lifecycle: lifecycle.put ? `left as it is (${LEFT}): the workflow's policy would be put (${lifecycle.reason})` : lifecycle.reason
  }
}
