/**
 * The pipeline, in order: inputs → credentials → repository → login → build and push →
 * outputs and summary. Each stage lives in its own module; this file only wires them and
 * is the one place that reports failure.
 */
import * as core from '@actions/core'
import { createEcrClient, type AwsCallError } from './aws-clients.js'
import { buildAndPush, checkBuilder, mergeIndex } from './build.js'
import { imageReferences, labelsFor } from './build-plan.js'
import { State } from './constants.js'
import { exportCredentials, signIn } from './credentials.js'
import { docker as realDocker, type Docker } from './docker.js'
import { planOnly } from './dry-run.js'
import { decideVersion, findExistingVersion, moveTags } from './existing-version.js'
import { readSettings, type Env, type Settings } from './inputs.js'
import { imageOutputs, outputBase, setOutputs } from './outputs.js'
import { RegistryClient } from './registry-api.js'
import { dockerLogin, getRegistryCredentials } from './registry-login.js'
import { ensureRepository } from './repository.js'
import { writeSummary } from './summary.js'

export interface RunDeps {
  env: Env
  docker: Docker
}

/** Times each stage for the summary; sequential stages are grouped in the log. */
class Stages {
  readonly times: [string, number][] = []
  async run<T>(name: string, fn: () => Promise<T>, group = true): Promise<T> {
    const start = performance.now()
    try {
      return group ? await core.group(name, fn) : await fn()
    } finally {
      this.times.push([name, (performance.now() - start) / 1000])
    }
  }
}

export async function run(deps: RunDeps = { env: process.env, docker: realDocker }): Promise<void> {
  try {
    core.saveState(State.IsPost, 'true')
    const settings = readSettings(deps.env)
    if (settings.dryRun) await planOnly(settings, deps)
    else if (settings.build.push) await ship(settings, deps)
    else await buildOnly(settings, deps)
  } catch (error) {
    core.setFailed(failureMessage(error))
  }
}

/** Build only (e.g. pull requests): no AWS, no login, nothing pushed. */
async function buildOnly(settings: Settings, { env, docker }: RunDeps): Promise<void> {
  const { build, image, repository } = settings
  await checkBuilder(docker, build.platforms)
  const result = await buildAndPush(docker, build, imageReferences(repository.name, image.tags), labelsFor(env, image.version), {
    tempDir: env.RUNNER_TEMP
  })
  const outputs = imageOutputs({ ...outputBase(image, repository.name, ''), digest: '', metadata: result.metadata, skipped: false })
  setOutputs(outputs)
  if (settings.summary) await writeSummary({
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
  const stages = new Stages()
  const merging = build.mergeDigests.length > 0

  // Sign in while the builder is checked: both only read.
  const [session] = await Promise.all([
    stages.run('sign-in', () => signIn(settings.aws)),
    // A merge builds nothing: it only needs buildx itself.
    checkBuilder(docker, merging ? [] : build.platforms, build.pushByDigest)
  ])
  if (settings.aws.exportCredentials) exportCredentials(session)
  const ecr = createEcrClient(session)

  // The repository is reconciled while the registry token is fetched and the version tag
  // looked up; docker logs in only once the repository is known to be there.
  const movingTags = image.tags.filter(t => t !== image.version)
  const mustStayMutable = repository.cacheTag !== undefined ? [...movingTags, repository.cacheTag] : movingTags
  const [repo, { credentials, registry, existing }] = await Promise.all([
    stages.run('repository', () => ensureRepository(ecr, repository, mustStayMutable, settings.aws.region), false),
    getRegistryCredentials(ecr).then(async credentials => {
      const registry = new RegistryClient(credentials)
      // An untagged per-platform push has no version tag to look up.
      const existing = build.pushByDigest ? undefined : await findExistingVersion(registry, repository.name, image.version)
      return { credentials, registry, existing }
    })
  ])
  for (const change of repo.changes) core.info(`Repository ${repository.name}: ${change}`)
  if (!repo.lifecyclePut) core.info(`Lifecycle policy: ${repo.lifecycle}`)
  for (const warning of repo.warnings) core.warning(warning)

  // Re-runs: an existing version tag is reused or refused before anything is built.
  const decision = decideVersion(existing, { sha: env.GITHUB_SHA ?? '', version: image.version, repository: repository.name }, image.ifVersionExists)
  const login = (): Promise<void> =>
    stages.run('login', async () => {
      core.saveState(State.LoggedInRegistries, JSON.stringify([credentials.registry]))
      await dockerLogin(docker, credentials)
      core.info(`Logged in to ${credentials.registry}`)
    }, false)

  let digest: string
  let metadata: Record<string, unknown> = {}
  let outcome: string
  if (!decision.build && existing !== undefined) {
    digest = existing.digest
    core.info(`Not building: ${decision.reason}.`)
    const moved = await moveTags(docker, registry, { name: repository.name, uri: repo.uri, mutability: repo.mutability }, existing.digest, movingTags, login)
    outcome = `skipped: ${decision.reason}${moved.length > 0 ? `; moved ${moved.join(', ')} to it` : ''}`
  } else if (merging) {
    await login()
    digest = await stages.run('merge', async () => {
      await mergeIndex(docker, repo.uri, image.tags, build.mergeDigests)
      return (await registry.manifest(repository.name, image.version))?.digest ?? ''
    })
    outcome = `merged ${build.mergeDigests.length} platform images into one index`
  } else {
    await login()
    const result = await stages.run('build+push', () =>
      buildAndPush(docker, build, imageReferences(repo.uri, image.tags), labelsFor(env, image.version), {
        tempDir: env.RUNNER_TEMP,
        repositoryUri: repo.uri
      })
    )
    digest = result.digest
    metadata = result.metadata
    outcome = build.pushByDigest ? 'built and pushed by digest (untagged), for a merge' : 'built and pushed'
  }

  const pushedTags = build.pushByDigest ? { ...image, tags: [], latest: false } : image
  const outputs = imageOutputs({ ...outputBase(pushedTags, repo.uri, repo.registry), digest, metadata, skipped: !decision.build })
  setOutputs(outputs)
  core.info(`${decision.build ? 'Pushed' : 'Kept'} ${outputs['image-digest-uri']}`)
  if (settings.summary) await writeSummary({
    repository: repository.name,
    pushed: true,
    skipped: !decision.build,
    timings: stages.times,
    outcome,
    imageUri: outputs['image-uri'],
    imageDigestUri: outputs['image-digest-uri'],
    digest,
    tags: image.tags,
    platforms: build.platforms,
    platformDigests: await platformDigests(registry, repository.name, digest),
    cache: build.cache.type === 'ecr' ? `ecr (${repo.uri}:${build.cache.tag})` : build.cache.type,
    repositoryChanges: repo.changes,
    lifecycle: repo.lifecyclePut ? '' : repo.lifecycle,
    warnings: repo.warnings
  })
}

/** Each platform's digest in the pushed index, for the summary; empty when it can't be read. */
async function platformDigests(registry: RegistryClient, repository: string, digest: string): Promise<{ platform: string; digest: string }[]> {
  if (digest === '') return []
  try {
    const index = await registry.manifest(repository, digest)
    return (index?.manifests ?? [])
      .filter(m => m.platform !== undefined && m.platform.os !== 'unknown')
      .map(m => ({ platform: `${m.platform?.os}/${m.platform?.architecture}${m.platform?.variant ? `/${m.platform.variant}` : ''}`, digest: m.digest }))
  } catch {
    return []
  }
}

/** One line: ours as written; AWS errors with their name and the call's message. */
export function failureMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  if (error.name === 'InputError' || error.name === 'ActionError') return error.message
  if (error.name === 'CredentialsProviderError') {
    return 'No AWS credentials: set role-to-assume (with permissions: id-token: write) or configure credentials in an earlier step.'
  }
  const iamAction = (error as AwsCallError).iamAction
  if (iamAction !== undefined && /AccessDenied/.test(error.name)) {
    return (
      `AWS refused ${iamAction} (${error.name}): allow ${iamAction} on the repository for the role. ` +
      `A run with dry-run: true prints the whole least-privilege policy for these inputs (README: IAM permissions).`
    )
  }
  return `${error.name}: ${error.message}`
}
