/**
 * The pipeline, in order: inputs → credentials → repository → login → build and push →
 * outputs and summary. Each stage lives in its own module; this file only wires them and
 * is the one place that reports failure.
 */
import * as core from '@actions/core'
import { createEcrClient } from './aws-clients.js'
import { buildAndPush, checkBuilder } from './build.js'
import { imageReferences, ociLabels } from './build-plan.js'
import { State } from './constants.js'
import { exportCredentials, signIn } from './credentials.js'
import { docker as realDocker, lastLine, type Docker } from './docker.js'
import { ActionError } from './errors.js'
import { decideVersion, findExistingVersion } from './existing-version.js'
import { readSettings, type Env, type Settings } from './inputs.js'
import { imageOutputs, setOutputs, type OutputValues } from './outputs.js'
import { RegistryClient } from './registry-api.js'
import { dockerLogin, getRegistryCredentials } from './registry-login.js'
import { ensureRepository, type RepositoryResult } from './repository.js'
import { isTagMutable } from './repository-plan.js'
import { writeSummary } from './summary.js'

export interface RunDeps {
  env: Env
  docker: Docker
}

export async function run(deps: RunDeps = { env: process.env, docker: realDocker }): Promise<void> {
  try {
    core.saveState(State.IsPost, 'true')
    const settings = readSettings(deps.env)
    if (settings.build.push) await ship(settings, deps)
    else await buildOnly(settings, deps)
  } catch (error) {
    core.setFailed(failureMessage(error))
  }
}

/** Build only (e.g. pull requests): no AWS, no login, nothing pushed. */
async function buildOnly({ build, image, repository }: Settings, { env, docker }: RunDeps): Promise<void> {
  await checkBuilder(docker, build.platforms)
  const result = await buildAndPush(docker, build, imageReferences(repository.name, image.tags), labelsFor(env, image.version), {
    tempDir: env.RUNNER_TEMP
  })
  const outputs = imageOutputs({ ...outputBase(image, repository.name, ''), digest: '', metadata: result.metadata, skipped: false })
  setOutputs(outputs)
  await writeSummary({
    repository: repository.name,
    pushed: false,
    outcome: 'built, not pushed (push: false)',
    imageUri: outputs['image-uri'],
    imageDigestUri: '',
    digest: '',
    tags: image.tags,
    platforms: build.platforms,
    repositoryChanges: [],
    lifecycle: 'not checked (push: false)',
    warnings: []
  })
}

async function ship(settings: Settings, { env, docker }: RunDeps): Promise<void> {
  const { build, image, repository } = settings

  // Sign in while the builder is checked: both only read.
  const [session] = await Promise.all([
    core.group('Sign in to AWS', () => signIn(settings.aws)),
    checkBuilder(docker, build.platforms)
  ])
  if (settings.aws.exportCredentials) exportCredentials(session)
  const ecr = createEcrClient(session)

  // The repository is reconciled while the registry token is fetched and the version tag
  // looked up; docker logs in only once the repository is known to be there.
  const movingTags = image.tags.filter(t => t !== image.version)
  const mustStayMutable = repository.cacheTag !== undefined ? [...movingTags, repository.cacheTag] : movingTags
  const [repo, { credentials, registry, existing }] = await Promise.all([
    ensureRepository(ecr, repository, mustStayMutable, settings.aws.region),
    getRegistryCredentials(ecr).then(async credentials => {
      const registry = new RegistryClient(credentials)
      return { credentials, registry, existing: await findExistingVersion(registry, repository.name, image.version) }
    })
  ])
  for (const change of repo.changes) core.info(`Repository ${repository.name}: ${change}`)
  if (!repo.lifecyclePut) core.info(`Lifecycle policy: ${repo.lifecycle}`)
  for (const warning of repo.warnings) core.warning(warning)

  // Re-runs: an existing version tag is reused or refused before anything is built.
  const decision = decideVersion(existing, { sha: env.GITHUB_SHA ?? '', version: image.version, repository: repository.name }, image.ifVersionExists)
  const login = async (): Promise<void> => {
    core.saveState(State.LoggedInRegistries, JSON.stringify([credentials.registry]))
    await dockerLogin(docker, credentials)
    core.info(`Logged in to ${credentials.registry}`)
  }

  let digest: string
  let metadata: Record<string, unknown> = {}
  let outcome: string
  if (!decision.build && existing !== undefined) {
    digest = existing.digest
    core.info(`Not building: ${decision.reason}.`)
    const moved = await moveTags(docker, registry, repository.name, repo, existing.digest, movingTags, login)
    outcome = `skipped: ${decision.reason}${moved.length > 0 ? `; moved ${moved.join(', ')} to it` : ''}`
  } else {
    await login()
    const result = await buildAndPush(docker, build, imageReferences(repo.uri, image.tags), labelsFor(env, image.version), {
      tempDir: env.RUNNER_TEMP,
      repositoryUri: repo.uri
    })
    digest = result.digest
    metadata = result.metadata
    outcome = 'built and pushed'
  }

  const outputs = imageOutputs({ ...outputBase(image, repo.uri, repo.registry), digest, metadata, skipped: !decision.build })
  setOutputs(outputs)
  core.info(`${decision.build ? 'Pushed' : 'Kept'} ${outputs['image-digest-uri']}`)
  await writeSummary({
    repository: repository.name,
    pushed: true,
    outcome,
    imageUri: outputs['image-uri'],
    imageDigestUri: outputs['image-digest-uri'],
    digest,
    tags: image.tags,
    platforms: build.platforms,
    repositoryChanges: repo.changes,
    lifecycle: repo.lifecyclePut ? '' : repo.lifecycle,
    warnings: repo.warnings
  })
}

/**
 * A skipped version still moves the tags that follow it (`latest`, and any the repository
 * lets move) when they point elsewhere, by tagging the existing index again.
 */
async function moveTags(
  docker: Docker,
  registry: RegistryClient,
  name: string,
  repo: RepositoryResult,
  digest: string,
  tags: string[],
  login: () => Promise<void>
): Promise<string[]> {
  const moved: string[] = []
  let loggedIn = false
  for (const tag of tags) {
    const current = await registry.manifest(name, tag)
    if (current?.digest === digest) continue
    if (current !== undefined && !isTagMutable(tag, repo.mutability)) {
      core.warning(`'${tag}' points to another image and the repository keeps it immutable: left as it is.`)
      continue
    }
    if (!loggedIn) await login()
    loggedIn = true
    const result = await docker(['buildx', 'imagetools', 'create', '--tag', `${repo.uri}:${tag}`, `${repo.uri}@${digest}`])
    if (result.exitCode !== 0) throw new ActionError(`Could not move '${tag}' to ${digest}: ${lastLine(result)}`)
    moved.push(tag)
  }
  return moved
}

function outputBase(
  image: Settings['image'],
  repositoryUri: string,
  registry: string
): Pick<OutputValues, 'registry' | 'repositoryUri' | 'version' | 'tags' | 'latest'> {
  return { registry, repositoryUri, version: image.version, tags: image.tags, latest: image.latest }
}

function labelsFor(env: Env, version: string): string[] {
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com'
  return ociLabels(version, {
    sha: env.GITHUB_SHA ?? '',
    sourceUrl: env.GITHUB_REPOSITORY ? `${server}/${env.GITHUB_REPOSITORY}` : '',
    created: new Date().toISOString()
  })
}

/** One line: ours as written; AWS errors with their name and the call's message. */
export function failureMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  if (error.name === 'InputError' || error.name === 'ActionError') return error.message
  if (error.name === 'CredentialsProviderError') {
    return 'No AWS credentials: set role-to-assume (with permissions: id-token: write) or configure credentials in an earlier step.'
  }
  return `${error.name}: ${error.message}`
}
