/**
 * Stage 3 — where the image goes: the repository made to match the workflow (ECR or ECR
 * Public), and the registry's credentials. The reconcile, the replication check and the
 * token request go out side by side.
 */
import type { ECRClient } from '@aws-sdk/client-ecr'
import type { RegistryCredentials } from '../registry/client.js'
import type { Settings } from '../settings/types.js'
import { createEcrClient, type AwsSession } from './clients.js'
import { createPublicClient, ensurePublicRepository } from './public-repository.js'
import { dualStackRegistry, getPublicRegistryCredentials, getRegistryCredentials, onDualStack, registryToken } from './registry-token.js'
import { registryScanningReader, type RegistryScanning } from './registry-scanning.js'
import { DEFAULT_REPLICATION_WRITE, ensureReplication } from './replication.js'
import { ensureRepository } from './repository.js'
import type { Mutability } from './repository-plan.js'
import type { Renewable } from './session.js'

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

export async function prepareDestination(settings: Settings, session: AwsSession): Promise<Destination> {
  return settings.repository.type === 'public' ? publicDestination(settings, session) : privateDestination(settings, session)
}

async function privateDestination(settings: Settings, session: AwsSession): Promise<Destination> {
  const { repository } = settings
  const ecr = createEcrClient(session)
  // Read once, only when it matters: for the gate (beside the other reads), or for scan-on-push drift.
  const scanning = registryScanningReader(ecr)
  const ensured = ensureRepository(ecr, repository, movingTags(settings), settings.aws.region, scanning.get)
  const [repo, replication, credentials, scanConfig] = await Promise.all([
    ensured,
    // Read side by side; a replication write waits for the repository, whose checks may stop the run first.
    ensureReplication(ecr, repository.name, repository.replicateToRegions, { ...DEFAULT_REPLICATION_WRITE, beforeWrite: () => ensured }),
    registryToken(() => getRegistryCredentials(ecr, undefined, settings.aws.dualStack)),
    settings.scan.failOn !== undefined ? scanning.get() : undefined
  ])
  const changes = replication !== '' ? [...repo.changes, replication] : repo.changes
  const refused = scanning.warning()
  // ECR names the repository by its IPv4 registry name; dual-stack pushes to the same registry by its other name.
  const dualStack = settings.aws.dualStack
  return {
    uri: dualStack ? onDualStack(repo.uri) : repo.uri,
    registry: dualStack ? dualStackRegistry(repo.registry) : repo.registry,
    path: repository.name,
    changes,
    warnings: refused !== undefined ? [...repo.warnings, refused] : repo.warnings,
    ...(repo.notes !== undefined ? { notes: repo.notes } : {}),
    lifecycle: repo.lifecyclePut ? '' : repo.lifecycle,
    mutability: repo.mutability,
    credentials,
    ecr,
    ...(scanConfig !== undefined ? { scanning: scanConfig } : {})
  }
}

async function publicDestination(settings: Settings, session: AwsSession): Promise<Destination> {
  const pub = await createPublicClient(session)
  const [repo, credentials] = await Promise.all([ensurePublicRepository(pub, settings.repository, settings.build.platforms), registryToken(() => getPublicRegistryCredentials(pub))])
  return {
    uri: repo.uri,
    registry: repo.registry,
    path: repo.uri.slice(repo.registry.length + 1),
    changes: repo.changes,
    warnings: repo.warnings,
    lifecycle: 'none: ECR Public has no lifecycle policies',
    mutability: { mode: 'MUTABLE', exclusions: [] },
    credentials
  }
}
