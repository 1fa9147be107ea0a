/**
 * Where the image goes: the repository made to match the workflow (ECR or ECR Public), and
 * the registry's credentials. One plan, from read calls only (`planDestination`): a push
 * carries out its writes (`applyDestination`), a dry run prints them (dry-run.ts). The
 * repository's reads, the replication read, the token request and the registry's scanning
 * configuration go out side by side; the writes follow in order, the repository's first.
 */
import type { ECRClient } from '@aws-sdk/client-ecr'
import type { RegistryCredentials } from '../registry/client.js'
import type { Settings } from '../settings/types.js'
import { createEcrClient, type AwsSession } from './clients.js'
import { applyPublicRepository, createPublicClient, planPublicRepository, type PublicClient, type PublicRepositoryPlan } from './public-repository.js'
import { dualStackRegistry, getPublicRegistryCredentials, getRegistryCredentials, onDualStack, registryToken } from './registry-token.js'
import { registryScanningReader, type RegistryScanning } from './registry-scanning.js'
import { DEFAULT_REPLICATION_WRITE, ensureReplication, readReplicationPlan, type ReplicationRead } from './replication.js'
import { applyRepositorySettings, planRepositorySettings, type KnownRepository, type RepositorySettingsPlan } from './repository.js'
import type { Mutability } from '../settings/tag-mutability.js'
import type { Renewable } from './session.js'
import type { SettingWrite } from './setting-writes.js'

export interface Destination {
  /** `<registry>/<repository path>` */
  uri: string
  registry: string
  /** the repository's path in the registry's HTTP API: `<name>`, or `<alias>/<name>` on ECR Public */
  path: string
  /** what this run changed, in the user's words */
  changes: string[]
  warnings: string[]
  /** what the run left alone on purpose (e.g. scan on push, which the registry's scanning decides) */
  notes?: string[]
  /** what happened to the lifecycle policy, when it was not put (a put is among the changes) */
  lifecycle: string
  mutability: Mutability
  /** the registry's credentials, renewed when they are about to run out */
  credentials: Renewable<RegistryCredentials>
  /** ECR only: the client the scan gate uses */
  ecr?: ECRClient
  /** ECR with the scan gate: the registry's scanning configuration (undefined when it couldn't be read) */
  scanning?: RegistryScanning
}

/** The tags the run pushes again each time, which the repository must let move (not the version, nor the ref tags put once). */
export function movingTags(settings: Settings): string[] {
  const { image, repository } = settings
  const moving = image.tags.filter(t => t !== image.version && !image.once.includes(t))
  return repository.cacheTag !== undefined ? [...moving, repository.cacheTag] : moving
}

/** What the run does to the repository (and the registry's replication), from read calls only. */
export type DestinationPlan = (
  | {
      type: 'private'
      ecr: ECRClient
      repository: RepositorySettingsPlan
      /** the registry's replication rules as read, when the workflow states regions */
      replication?: ReplicationRead
      /** ECR with the scan gate: the registry's scanning configuration (undefined when it couldn't be read) */
      scanning?: RegistryScanning
      /** the repository planned again, when a create finds it there already */
      replan: (known: KnownRepository) => Promise<RepositorySettingsPlan>
    }
  | { type: 'public'; pub: PublicClient; repository: PublicRepositoryPlan }
) & {
  /** the registry's credentials, renewed when they are about to run out */
  credentials: Renewable<RegistryCredentials>
  /** what the run can't do or check, in words */
  warnings: string[]
}

/** Every write of the plan, in the order a push makes them: the repository's, then the registry's replication. */
export function plannedWrites(plan: DestinationPlan): SettingWrite[] {
  const replication = plan.type === 'private' ? plan.replication?.plan : undefined
  const registry: SettingWrite[] = replication !== undefined && replication.missing.length > 0 ? [{ kind: 'replication', rules: replication.rules, change: replication.change }] : []
  return [...plan.repository.writes, ...registry]
}

/** The plan of a run: the repository, its registry's replication and the registry's token, read side by side; nothing written. */
export async function planDestination(settings: Settings, session: AwsSession): Promise<DestinationPlan> {
  const { repository } = settings
  if (repository.type === 'public') {
    const pub = await createPublicClient(session)
    const [planned, credentials] = await Promise.all([planPublicRepository(pub, repository, settings.build.platforms), registryToken(() => getPublicRegistryCredentials(pub))])
    return { type: 'public', pub, repository: planned, credentials, warnings: [] }
  }
  const ecr = createEcrClient(session)
  // Read once, only when it matters: for the gate (beside the other reads), or for scan-on-push drift.
  const scanning = registryScanningReader(ecr)
  const regions = repository.replicateToRegions
  const plan = (known?: KnownRepository): Promise<RepositorySettingsPlan> => planRepositorySettings(ecr, repository, movingTags(settings), settings.aws.region, scanning.get, known)
  const [planned, replication, credentials, scanConfig] = await Promise.all([
    plan(),
    regions.length > 0 ? readReplicationPlan(ecr, repository.name, regions) : undefined,
    registryToken(() => getRegistryCredentials(ecr, undefined, settings.aws.dualStack)),
    settings.scan.failOn !== undefined ? scanning.get() : undefined
  ])
  const refused = scanning.warning()
  return {
    type: 'private',
    ecr,
    repository: planned,
    replan: plan,
    ...(replication !== undefined ? { replication } : {}),
    ...(scanConfig !== undefined ? { scanning: scanConfig } : {}),
    credentials,
    warnings: refused !== undefined ? [refused] : []
  }
}

/** The plan's writes carried out: the repository as the workflow states it, and where the image goes. */
export async function applyDestination(settings: Settings, plan: DestinationPlan): Promise<Destination> {
  return plan.type === 'public' ? publicDestination(settings, plan) : privateDestination(settings, plan)
}

async function privateDestination(settings: Settings, plan: Extract<DestinationPlan, { type: 'private' }>): Promise<Destination> {
  const { repository } = settings
  const { ecr } = plan
  const repo = await applyRepositorySettings(ecr, plan.repository, plan.replan)
  // After the repository's writes, whose checks may stop the run first.
  const replication = plan.replication !== undefined ? await ensureReplication(ecr, repository.name, repository.replicateToRegions, DEFAULT_REPLICATION_WRITE, plan.replication) : ''
  const changes = replication !== '' ? [...repo.changes, replication] : repo.changes
  // ECR names the repository by its IPv4 registry name; dual-stack pushes to the same registry by its other name.
  const dualStack = settings.aws.dualStack
  return {
    uri: dualStack ? onDualStack(repo.uri) : repo.uri,
    registry: dualStack ? dualStackRegistry(repo.registry) : repo.registry,
    path: repository.name,
    changes,
    warnings: [...repo.warnings, ...plan.warnings],
    ...(repo.notes !== undefined ? { notes: repo.notes } : {}),
    lifecycle: repo.lifecyclePut ? '' : repo.lifecycle,
    mutability: repo.mutability,
    credentials: plan.credentials,
    ecr,
    ...(plan.scanning !== undefined ? { scanning: plan.scanning } : {})
  }
}

async function publicDestination(settings: Settings, plan: Extract<DestinationPlan, { type: 'public' }>): Promise<Destination> {
  const { pub } = plan
  const repo = await applyPublicRepository(pub, plan.repository, known => planPublicRepository(pub, settings.repository, settings.build.platforms, known))
  return {
    uri: repo.uri,
    registry: repo.registry,
    path: repo.uri.slice(repo.registry.length + 1),
    changes: repo.changes,
    warnings: repo.warnings,
    lifecycle: PUBLIC_LIFECYCLE,
    mutability: { mode: 'MUTABLE', exclusions: [] },
    credentials: plan.credentials
  }
}

/** What the summary says of the lifecycle policy on ECR Public. */
export const PUBLIC_LIFECYCLE = 'none: ECR Public has no lifecycle policies'
