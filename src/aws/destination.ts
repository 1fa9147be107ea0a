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
import { getPublicRegistryCredentials, getRegistryCredentials, registryToken } from './registry-token.js'
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
  /** what happened to the lifecycle policy, when it was not put (a put is among the changes) */
  lifecycle: string
  mutability: Mutability
  /** the registry's credentials, renewed when they are about to run out */
  credentials: Renewable<RegistryCredentials>
  /** ECR only: the client the scan gate uses */
  ecr?: ECRClient
}

/** The tags the run pushes again each time, which the repository must let move. */
export function movingTags(settings: Settings): string[] {
  const { image, repository } = settings
  const moving = image.tags.filter(t => t !== image.version)
  return repository.cacheTag !== undefined ? [...moving, repository.cacheTag] : moving
}

export async function prepareDestination(settings: Settings, session: AwsSession): Promise<Destination> {
  return settings.repository.type === 'public' ? publicDestination(settings, session) : privateDestination(settings, session)
}

async function privateDestination(settings: Settings, session: AwsSession): Promise<Destination> {
  const { repository } = settings
  const ecr = createEcrClient(session)
  const ensured = ensureRepository(ecr, repository, movingTags(settings), settings.aws.region)
  const [repo, replication, credentials] = await Promise.all([
    ensured,
    // Read side by side; a replication write waits for the repository, whose checks may stop the run first.
    ensureReplication(ecr, repository.name, repository.replicateToRegions, { ...DEFAULT_REPLICATION_WRITE, beforeWrite: () => ensured }),
    registryToken(() => getRegistryCredentials(ecr))
  ])
  const changes = replication !== '' ? [...repo.changes, replication] : repo.changes
  return {
    uri: repo.uri,
    registry: repo.registry,
    path: repository.name,
    changes,
    warnings: repo.warnings,
    lifecycle: repo.lifecyclePut ? '' : repo.lifecycle,
    mutability: repo.mutability,
    credentials,
    ecr
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
