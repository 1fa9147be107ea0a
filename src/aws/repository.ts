/**
 * Stage 3, effects — reads the ECR repository and its lifecycle policy, then makes only the
 * write calls the plan asks for. A repository that already matches costs two read calls
 * and no write.
 */
import {
  CreateRepositoryCommand,
  DescribeRepositoriesCommand,
  GetLifecyclePolicyCommand,
  GetRepositoryPolicyCommand,
  ListTagsForResourceCommand,
  SetRepositoryPolicyCommand,
  TagResourceCommand,
  PutImageScanningConfigurationCommand,
  PutImageTagMutabilityCommand,
  PutLifecyclePolicyCommand,
  type ECRClient,
  type Repository
} from '@aws-sdk/client-ecr'
import { ActionError } from '../errors.js'
import { creationDefaults } from './creation-template.js'
import { leaveAsItIs } from './leave-repository.js'
import { deferScanOnPush, type RegistryScanning } from './registry-scanning.js'
import { ensureAccessPolicy, ensureResourceTags, unlessNotFound } from './stated-settings.js'
import type { Settings, TagMutability } from '../settings/types.js'
import { createdByThisRun, describeMutability, planLifecycle, planRepository, type LifecyclePlan, type Mutability, type RepositoryChange, type RepositoryState } from './repository-plan.js'

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

const exclusionFilters = (m: Mutability): { filterType: 'WILDCARD'; filter: string }[] =>
  m.exclusions.map(filter => ({ filterType: 'WILDCARD', filter }))

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

function readLifecyclePolicy(ecr: ECRClient, name: string): Promise<string | undefined> {
  return unlessNotFound(async () => (await ecr.send(new GetLifecyclePolicyCommand({ repositoryName: name }))).lifecyclePolicyText, 'LifecyclePolicyNotFoundException')
}

/**
 * The repository and its lifecycle policy, asked side by side: one round trip where the
 * repository exists (almost every run). The policy is a promise, read again when the
 * first read found no repository (one created since, by this run or another).
 */
async function describeWithPolicy(
  ecr: ECRClient,
  name: string
): Promise<{ current: RepositoryState | undefined; policy: () => Promise<string | undefined> }> {
  const described = describe(ecr, name)
  const early = readLifecyclePolicy(ecr, name).then(
    text => ({ text }),
    (error: unknown) => ({ error })
  )
  return {
    current: await described,
    policy: async () => {
      const read = await early
      if ('text' in read) return read.text
      if ((read.error as Error).name === 'RepositoryNotFoundException') return readLifecyclePolicy(ecr, name)
      throw read.error
    }
  }
}

export function describeChange(c: RepositoryChange): string {
  switch (c.kind) {
    case 'create': {
      const t = c.template
      const from = (setting: string): string => (t?.settings.includes(setting) ? ` from template ${t.prefix}` : '')
      const key = c.encryption.kmsKey && from('encryption') !== '' ? ` (${c.encryption.kmsKey})` : ''
      const tags = t?.settings.includes('tags') ? `, tags ${t.tags.join(', ')}${from('tags')}` : ''
      return `created the repository: ${describeMutability(c.mutability)}${from('tag mutability')}, scan on push ${c.scanOnPush ? 'on' : 'off'}, ${c.encryption.type} encryption${key}${from('encryption')}${tags}`
    }
    case 'tag-mutability':
      return `tag mutability ${describeMutability(c.from)} → ${describeMutability(c.to)}`
    case 'scan-on-push':
      return `scan on push ${c.from ? 'on' : 'off'} → ${c.to ? 'on' : 'off'}`
  }
}

/** Carries out one change; returns the created repository's URI for `create`. */
async function apply(
  ecr: ECRClient,
  name: string,
  c: RepositoryChange,
  tags: { Key: string; Value: string }[] = []
): Promise<string | undefined> {
  switch (c.kind) {
    case 'create': {
      const out = await ecr.send(
        new CreateRepositoryCommand({
          repositoryName: name,
          imageTagMutability: c.mutability.mode,
          ...(c.mutability.exclusions.length > 0
            ? { imageTagMutabilityExclusionFilters: exclusionFilters(c.mutability) }
            : {}),
          imageScanningConfiguration: { scanOnPush: c.scanOnPush },
          ...(tags.length > 0 ? { tags } : {}),
          encryptionConfiguration: {
            encryptionType: c.encryption.type,
            ...(c.encryption.kmsKey ? { kmsKey: c.encryption.kmsKey } : {})
          }
        })
      )
      return out.repository?.repositoryUri
    }
    case 'tag-mutability':
      await ecr.send(
        new PutImageTagMutabilityCommand({
          repositoryName: name,
          imageTagMutability: c.to.mode,
          ...(c.to.exclusions.length > 0 ? { imageTagMutabilityExclusionFilters: exclusionFilters(c.to) } : {})
        })
      )
      return undefined
    case 'scan-on-push':
      await ecr.send(
        new PutImageScanningConfigurationCommand({
          repositoryName: name,
          imageScanningConfiguration: { scanOnPush: c.to }
        })
      )
      return undefined
  }
}

export interface RepositoryInspection {
  current: RepositoryState | undefined
  changes: RepositoryChange[]
  warnings: string[]
  notes?: string[]
  currentPolicy: string | undefined
  lifecycle: LifecyclePlan
}

/** What `ensureRepository` would do, from read calls only (dry runs). */
export async function inspectRepository(
  ecr: ECRClient,
  desired: Settings['repository'],
  movingTags: string[],
  registryScanning?: () => Promise<RegistryScanning | undefined>
): Promise<RepositoryInspection> {
  const { current, policy } = await describeWithPolicy(ecr, desired.name)
  // A missing repository would be created by the run (unless create-repository is false, which fails it), with its template's settings.
  const defaults = current === undefined && desired.create ? await creationDefaults(ecr, desired, movingTags) : { repository: desired, warnings: [], changes: [] }
  const plan =
    current === undefined && desired.create
      ? { changes: defaults.changes, warnings: defaults.warnings }
      : await deferScanOnPush(planRepository(current, desired, movingTags), desired.name, registryScanning)
  const currentPolicy = current === undefined ? undefined : await policy()
  return { current, ...plan, currentPolicy, lifecycle: planLifecycle(currentPolicy, defaults.repository.lifecycle, current === undefined) }
}

/**
 * Makes sure the repository exists and matches the workflow.
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
  const name = stated.name
  /** what the repository is made to match: the workflow's settings, and its template's when this run creates it */
  let desired = stated
  const read = await describeWithPolicy(ecr, name)
  let current = read.current
  if (current === undefined && !desired.create) {
    throw new ActionError(
      `Repository '${name}' does not exist in ${region}: create it, or set create-repository: true to let the action create it.`
    )
  }

  let uri = current?.uri ?? ''
  let created = false
  const changes: string[] = []
  const warnings: string[] = []
  let notes: string[] = []
  let mutability = current?.mutability

  if (current === undefined) {
    const defaults = await creationDefaults(ecr, desired, movingTags)
    warnings.push(...defaults.warnings)
    const [create] = defaults.changes
    if (create?.kind !== 'create') throw new ActionError(`Nothing planned to create repository '${name}'.`)
    const createSentAt = Date.now()
    try {
      uri = (await apply(ecr, name, create, defaults.repository.tags)) ?? ''
      created = true
      mutability = create.mutability
      changes.push(describeChange(create))
    } catch (error) {
      if ((error as Error).name !== 'RepositoryAlreadyExistsException') throw error
      // Another job created it between our describe and create (reconciled with what is
      // there), or this run did and ECR's answer was lost (repository-plan.ts says how to tell).
      current = await describe(ecr, name)
      uri = current?.uri ?? ''
      mutability = current?.mutability
      created = createdByThisRun((error as { $metadata?: { attempts?: number } }).$metadata?.attempts, current?.createdAt, createSentAt)
      if (created) changes.push(`${describeChange(create)} — by this run: ECR's answer was lost, and the repository its retry found was created at ${current?.createdAt?.toISOString() ?? '?'}`)
    }
    if (created) desired = defaults.repository
  }
  if (current !== undefined && !created && stated.existing === 'leave') {
    const left = await leaveAsItIs(ecr, current, stated, movingTags, read.policy, registryScanning)
    return { uri, registry: uri.split('/')[0] ?? '', created, mutability: current.mutability, changes: [], ...left, lifecyclePut: false }
  }
  if (current !== undefined) {
    const plan = await deferScanOnPush(planRepository(current, desired, movingTags), name, registryScanning)
    warnings.push(...plan.warnings)
    notes = plan.notes ?? []
    for (const change of plan.changes) {
      await apply(ecr, name, change)
      if (change.kind === 'tag-mutability') mutability = change.to
      changes.push(describeChange(change))
    }
  }

  // Stated only: an access policy or tags the workflow doesn't name are never read or touched.
  const access = await ensureAccessPolicy(desired.accessPolicy, created, {
    read: () => unlessNotFound(async () => (await ecr.send(new GetRepositoryPolicyCommand({ repositoryName: name }))).policyText, 'RepositoryPolicyNotFoundException'),
    write: async policyText => void (await ecr.send(new SetRepositoryPolicyCommand({ repositoryName: name, policyText })))
  })
  // A repository created by this run got its tags with it.
  const arn = current?.arn
  const tagged =
    created || arn === undefined
      ? undefined
      : await ensureResourceTags(desired.tags, {
          list: async () => (await ecr.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags ?? [],
          add: async tags => void (await ecr.send(new TagResourceCommand({ resourceArn: arn, tags })))
        })
  for (const change of [access, tagged]) if (change !== undefined) changes.push(change)

  // A repository created by this run has no policy to read.
  const currentPolicy = created ? undefined : await read.policy()
  const lifecycle = planLifecycle(currentPolicy, desired.lifecycle, created)
  if (lifecycle.put) {
    await ecr.send(new PutLifecyclePolicyCommand({ repositoryName: name, lifecyclePolicyText: lifecycle.text }))
    changes.push(`lifecycle policy put (${lifecycle.reason})`)
  }

  if (uri === '' || mutability === undefined) throw new ActionError(`ECR did not describe repository '${name}'.`)
  return {
    uri,
    registry: uri.split('/')[0] ?? '',
    created,
    mutability,
    changes,
    warnings,
    ...(notes.length > 0 ? { notes } : {}),
    lifecycle: lifecycle.put ? `put (${lifecycle.reason})` : lifecycle.reason,
    lifecyclePut: lifecycle.put
  }
}
