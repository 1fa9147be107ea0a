/**
 * The ECR repository: what the run reads of it, the plan that makes it match the workflow
 * (`planRepositorySettings`, read calls only: what a dry run prints), and the writes of that
 * plan carried out (`applyRepositorySettings`). A repository that already matches costs two
 * read calls and no write.
 */
import {
  CreateRepositoryCommand,
  DescribeRepositoriesCommand,
  GetLifecyclePolicyCommand,
  GetRepositoryPolicyCommand,
  ListTagsForResourceCommand,
  PutImageScanningConfigurationCommand,
  PutImageTagMutabilityCommand,
  PutLifecyclePolicyCommand,
  SetRepositoryPolicyCommand,
  TagResourceCommand,
  type ECRClient,
  type Repository
} from '@aws-sdk/client-ecr'
import { ActionError } from '../errors.js'
import type { Settings, TagMutability } from '../settings/types.js'
import { creationDefaults } from './creation-template.js'
import { leaveAsItIs } from './leave-repository.js'
import { deferScanOnPush, type RegistryScanning } from './registry-scanning.js'
import { createdByThisRun, planLifecycle, planRepository, type LifecyclePlan, type RepositoryPlan, type RepositoryState } from './repository-plan.js'
import type { Mutability } from '../settings/tag-mutability.js'
import { describeWrite, type ResourceTag, type SettingWrite } from './setting-writes.js'
import { planAccessPolicy, planTags, unlessNotFound } from './stated-settings.js'

export interface RepositoryResult {
  uri: string
  /** `<account>.dkr.ecr.<region>.amazonaws.com` */
  registry: string
  created: boolean
  mutability: Mutability
  /** What this run changed, in the user's words; empty when nothing. */
  changes: string[]
  warnings: string[]
  /** What the run left alone on purpose, in words (when anything). */
  notes?: string[]
  /** What happened to the lifecycle policy: put (and why) or kept (and why). */
  lifecycle: string
  /** Whether this run put the lifecycle policy (then it is among `changes`). */
  lifecyclePut: boolean
}

/** What the run read of the repository: only what the workflow states is read. */
export interface RepositoryReads {
  /** undefined: no such repository */
  current: RepositoryState | undefined
  lifecyclePolicy: string | undefined
  /** read when the workflow states an access policy */
  accessPolicy?: string | undefined
  /** read when the workflow states tags */
  tags?: ResourceTag[]
}

/** The writes that make the repository match the workflow, from read calls only. */
export interface RepositorySettingsPlan {
  name: string
  current: RepositoryState | undefined
  /** what the repository is made to match: the workflow's settings, with its creation template's when the run creates it */
  desired: Settings['repository']
  /** in order; a `create` comes first */
  writes: SettingWrite[]
  warnings: string[]
  notes: string[]
  lifecycle: LifecyclePlan
  /** the repository's lifecycle policy as read; undefined when it has none */
  currentPolicy: string | undefined
  /** the run stops before any write, saying this */
  stop?: string
}

const exclusionFilters = (m: Mutability): { filterType: 'WILDCARD'; filter: string }[] => m.exclusions.map(filter => ({ filterType: 'WILDCARD', filter }))

export function toRepositoryState(r: Repository): RepositoryState {
  const mode = (r.imageTagMutability ?? 'MUTABLE') as TagMutability
  const encryption: RepositoryState['encryption'] = { type: r.encryptionConfiguration?.encryptionType ?? 'AES256' }
  if (r.encryptionConfiguration?.kmsKey) encryption.kmsKey = r.encryptionConfiguration.kmsKey
  return {
    uri: r.repositoryUri ?? '',
    arn: r.repositoryArn ?? '',
    mutability: {
      mode,
      exclusions: (r.imageTagMutabilityExclusionFilters ?? []).map(f => f.filter ?? '').filter(f => f !== '')
    },
    scanOnPush: r.imageScanningConfiguration?.scanOnPush ?? false,
    encryption,
    ...(r.createdAt ? { createdAt: r.createdAt } : {})
  }
}

async function describe(ecr: ECRClient, name: string): Promise<RepositoryState | undefined> {
  const repo = await unlessNotFound(async () => (await ecr.send(new DescribeRepositoriesCommand({ repositoryNames: [name] }))).repositories?.[0], 'RepositoryNotFoundException')
  return repo ? toRepositoryState(repo) : undefined
}

/**
 * The repository and its lifecycle policy, asked side by side: one round trip where the
 * repository exists (almost every run); then the access policy and the tags the workflow
 * states. `known`: the repository as just described (no second describe).
 */
export async function readRepository(ecr: ECRClient, desired: Settings['repository'], known?: RepositoryState): Promise<RepositoryReads> {
  const name = desired.name
  const described = known ?? describe(ecr, name)
  const policy = unlessNotFound(async () => (await ecr.send(new GetLifecyclePolicyCommand({ repositoryName: name }))).lifecyclePolicyText, 'LifecyclePolicyNotFoundException')
  // Handled at once: a policy read that fails because there is no repository is no error.
  policy.catch(() => undefined)
  const current = await described
  if (current === undefined) return { current, lifecyclePolicy: undefined }
  const arn = current.arn
  const [lifecyclePolicy, accessPolicy, tags] = await Promise.all([
    policy,
    desired.accessPolicy !== undefined
      ? unlessNotFound(async () => (await ecr.send(new GetRepositoryPolicyCommand({ repositoryName: name }))).policyText, 'RepositoryPolicyNotFoundException')
      : undefined,
    desired.tags.length > 0 ? ecr.send(new ListTagsForResourceCommand({ resourceArn: arn })).then(out => (out.tags ?? []).map(t => ({ Key: t.Key ?? '', Value: t.Value ?? '' }))) : undefined
  ])
  return { current, lifecyclePolicy, ...(desired.accessPolicy !== undefined ? { accessPolicy } : {}), ...(tags !== undefined ? { tags } : {}) }
}

/**
 * The writes, in order, for a repository plan (a create, or mutability and scanning), the
 * access policy, the tags and the lifecycle policy. Pure.
 * @param fresh the run creates the repository (or created it): nothing of it to compare
 */
export function settingWrites(base: RepositoryPlan, desired: Settings['repository'], reads: RepositoryReads, fresh: boolean): { writes: SettingWrite[]; lifecycle: LifecyclePlan } {
  const writes: SettingWrite[] = base.changes.map(c => (c.kind === 'create' && desired.tags.length > 0 ? { ...c, tags: desired.tags } : c))
  const access = planAccessPolicy(desired.accessPolicy, fresh ? undefined : reads.accessPolicy)
  // A repository created by this run got its tags with it.
  const tags = fresh || reads.current === undefined ? undefined : planTags(desired.tags, reads.tags ?? [], reads.current.arn)
  const lifecycle = planLifecycle(fresh ? undefined : reads.lifecyclePolicy, desired.lifecycle, fresh)
  for (const write of [access, tags]) if (write !== undefined) writes.push(write)
  if (lifecycle.put) writes.push({ kind: 'lifecycle', text: lifecycle.text, reason: lifecycle.reason })
  return { writes, lifecycle }
}

/**
 * What the run does to the repository, from read calls only: what a push carries out and a
 * dry run prints. A missing repository is planned with its creation template's settings.
 * @param movingTags tags the run pushes that must be able to move (for warnings)
 * @param registryScanning the registry's scanning configuration, read when scan on push differs from the workflow's
 */
export async function planRepositorySettings(
  ecr: ECRClient,
  stated: Settings['repository'],
  movingTags: string[],
  region: string,
  registryScanning?: () => Promise<RegistryScanning | undefined>,
  known?: KnownRepository
): Promise<RepositorySettingsPlan> {
  const name = stated.name
  const reads = known?.createdByThisRun ? { current: known.current, lifecyclePolicy: undefined } : await readRepository(ecr, stated, known?.current)
  const { current } = reads
  if (current === undefined && !stated.create) {
    const stop = `Repository '${name}' does not exist in ${region}: create it, or set create-repository: true to let the action create it.`
    return { name, current, desired: stated, writes: [], warnings: [], notes: [], lifecycle: planLifecycle(undefined, stated.lifecycle, false), currentPolicy: undefined, stop }
  }
  const defaults = current === undefined ? await creationDefaults(ecr, stated, movingTags) : undefined
  const desired = defaults?.repository ?? (known?.createdByThisRun ? known.desired : stated)
  const base: RepositoryPlan = defaults ?? (await deferScanOnPush(planRepository(current, desired, movingTags), name, registryScanning))
  const fresh = current === undefined || known?.createdByThisRun === true
  const plan = { name, current, desired, ...settingWrites(base, desired, reads, fresh), currentPolicy: reads.lifecyclePolicy, warnings: base.warnings, notes: base.notes ?? [] }
  // existing-repository: leave — a repository this run didn't create gets no write, only what differs said.
  return stated.existing === 'leave' && current !== undefined && !fresh ? leaveAsItIs(plan, current, movingTags) : plan
}

/** Carries out one write; the created repository's URI for `create`. */
async function apply(ecr: ECRClient, name: string, w: SettingWrite): Promise<string | undefined> {
  switch (w.kind) {
    case 'create': {
      const mutability = w.mutability.exclusions.length > 0 ? { imageTagMutabilityExclusionFilters: exclusionFilters(w.mutability) } : {}
      const encryptionConfiguration = { encryptionType: w.encryption.type, ...(w.encryption.kmsKey ? { kmsKey: w.encryption.kmsKey } : {}) }
      const tags = w.tags !== undefined && w.tags.length > 0 ? { tags: w.tags } : {}
      const input = { repositoryName: name, imageTagMutability: w.mutability.mode, ...mutability, imageScanningConfiguration: { scanOnPush: w.scanOnPush }, ...tags, encryptionConfiguration }
      return (await ecr.send(new CreateRepositoryCommand(input))).repository?.repositoryUri
    }
    case 'tag-mutability':
      await ecr.send(
        new PutImageTagMutabilityCommand({ repositoryName: name, imageTagMutability: w.to.mode, ...(w.to.exclusions.length > 0 ? { imageTagMutabilityExclusionFilters: exclusionFilters(w.to) } : {}) })
      )
      return undefined
    case 'scan-on-push':
      await ecr.send(new PutImageScanningConfigurationCommand({ repositoryName: name, imageScanningConfiguration: { scanOnPush: w.to } }))
      return undefined
    case 'access-policy':
      await ecr.send(new SetRepositoryPolicyCommand({ repositoryName: name, policyText: w.text }))
      return undefined
    case 'tags':
      await ecr.send(new TagResourceCommand({ resourceArn: w.resourceArn, tags: w.tags }))
      return undefined
    case 'lifecycle':
      await ecr.send(new PutLifecyclePolicyCommand({ repositoryName: name, lifecyclePolicyText: w.text }))
      return undefined
    default:
      throw new ActionError(`ECR has no write '${w.kind}'.`)
  }
}

/**
 * Carries out the plan's writes. A create that finds the repository there already
 * (RepositoryAlreadyExistsException) plans again against what is there: another job created
 * it between the plan's describe and the create (reconciled with the workflow), or this run
 * did and ECR's answer was lost (repository-plan.ts says how to tell).
 */
export async function applyRepositorySettings(ecr: ECRClient, plan: RepositorySettingsPlan, replan: (known: KnownRepository) => Promise<RepositorySettingsPlan>): Promise<RepositoryResult> {
  if (plan.stop !== undefined) throw new ActionError(plan.stop)
  const [first, ...rest] = plan.writes
  if (first?.kind !== 'create') return carryOut(ecr, plan, plan.writes, { uri: plan.current?.uri ?? '', created: false, mutability: plan.current?.mutability, changes: [] })
  const createSentAt = Date.now()
  let attempts: number | undefined
  try {
    const uri = (await apply(ecr, plan.name, first)) ?? ''
    return carryOut(ecr, plan, rest, { uri, created: true, mutability: first.mutability, changes: [describeWrite(first)] })
  } catch (error) {
    if ((error as Error).name !== 'RepositoryAlreadyExistsException') throw error
    attempts = (error as { $metadata?: { attempts?: number } }).$metadata?.attempts
  }
  const current = await describe(ecr, plan.name)
  if (current === undefined) throw new ActionError(`ECR did not describe repository '${plan.name}'.`)
  const byThisRun = createdByThisRun(attempts, current.createdAt, createSentAt)
  const again = await replan({ current, createdByThisRun: byThisRun, desired: plan.desired })
  const changes = byThisRun ? [`${describeWrite(first)} — by this run: ECR's answer was lost, and the repository its retry found was created at ${current.createdAt?.toISOString() ?? '?'}`] : []
  return carryOut(ecr, again, again.writes, { uri: current.uri, created: byThisRun, mutability: current.mutability, changes })
}

/** The repository as described after a create found it there, and whether this run created it. */
export interface KnownRepository {
  current: RepositoryState
  createdByThisRun: boolean
  desired: Settings['repository']
}

async function carryOut(
  ecr: ECRClient,
  plan: RepositorySettingsPlan,
  writes: SettingWrite[],
  state: { uri: string; created: boolean; mutability: Mutability | undefined; changes: string[] }
): Promise<RepositoryResult> {
  let { mutability } = state
  const changes = [...state.changes]
  for (const write of writes) {
    await apply(ecr, plan.name, write)
    if (write.kind === 'tag-mutability') mutability = write.to
    changes.push(describeWrite(write))
  }
  if (state.uri === '' || mutability === undefined) throw new ActionError(`ECR did not describe repository '${plan.name}'.`)
  const { lifecycle } = plan
  return {
    uri: state.uri,
    registry: state.uri.split('/')[0] ?? '',
    created: state.created,
    mutability,
    changes,
    warnings: plan.warnings,
    ...(plan.notes.length > 0 ? { notes: plan.notes } : {}),
    lifecycle: lifecycle.put ? `put (${lifecycle.reason})` : lifecycle.reason,
    lifecyclePut: lifecycle.put
  }
}

/**
 * Makes sure the repository exists and matches the workflow: its plan, carried out.
 * @param movingTags tags the run pushes that must be able to move (for warnings)
 */
export async function ensureRepository(
  ecr: ECRClient,
  stated: Settings['repository'],
  movingTags: string[],
  region: string,
  /** the registry's scanning configuration, read when scan on push differs from the workflow's */
  registryScanning?: () => Promise<RegistryScanning | undefined>
): Promise<RepositoryResult> {
  const plan = await planRepositorySettings(ecr, stated, movingTags, region, registryScanning)
  return applyRepositorySettings(ecr, plan, known => planRepositorySettings(ecr, stated, movingTags, region, registryScanning, known))
}
