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
import { docker as realDocker, type Docker } from './docker.js'
import { readSettings, type Env } from './inputs.js'
import { imageOutputs, setOutputs } from './outputs.js'
import { dockerLogin, getRegistryCredentials } from './registry-login.js'
import { ensureRepository } from './repository.js'
import { writeSummary } from './summary.js'

export interface RunDeps {
  env: Env
  docker: Docker
}

export async function run(deps: RunDeps = { env: process.env, docker: realDocker }): Promise<void> {
  const { env, docker } = deps
  try {
    core.saveState(State.IsPost, 'true')
    const settings = readSettings(env)
    const { build, image, repository } = settings

    // Build only (e.g. pull requests): no AWS, no login, nothing pushed.
    if (!build.push) {
      await checkBuilder(docker, build.platforms)
      const result = await buildAndPush(docker, build, imageReferences(repository.name, image.tags), labelsFor(env, image.version), env.RUNNER_TEMP)
      const outputs = imageOutputs({ registry: '', repositoryUri: repository.name, version: image.version, tags: image.tags, latest: image.latest, digest: '', metadata: result.metadata })
      setOutputs(outputs)
      await writeSummary({ repository: repository.name, pushed: false, imageUri: outputs['image-uri'], imageDigestUri: '', digest: '', tags: image.tags, platforms: build.platforms, repositoryChanges: [], lifecycle: 'not checked (push: false)', warnings: [] })
      return
    }

    // Sign in while the builder is checked: both only read.
    const [session] = await Promise.all([
      core.group('Sign in to AWS', () => signIn(settings.aws)),
      checkBuilder(docker, build.platforms)
    ])
    if (settings.aws.exportCredentials) exportCredentials(session)
    const ecr = createEcrClient(session)

    // The repository is reconciled while the registry token is fetched; docker logs in
    // only once the repository is known to be there.
    const movingTags = image.tags.filter(t => t !== image.version)
    const [repo, credentials] = await Promise.all([
      ensureRepository(ecr, repository, movingTags, settings.aws.region),
      getRegistryCredentials(ecr)
    ])
    core.saveState(State.LoggedInRegistries, JSON.stringify([credentials.registry]))
    const registryLogin = await dockerLogin(docker, credentials)
    for (const change of repo.changes) core.info(`Repository ${repository.name}: ${change}`)
    if (!repo.lifecyclePut) core.info(`Lifecycle policy: ${repo.lifecycle}`)
    for (const warning of repo.warnings) core.warning(warning)
    core.info(`Logged in to ${registryLogin.registry}`)

    const result = await buildAndPush(docker, build, imageReferences(repo.uri, image.tags), labelsFor(env, image.version), env.RUNNER_TEMP)
    const outputs = imageOutputs({
      registry: repo.registry,
      repositoryUri: repo.uri,
      version: image.version,
      tags: image.tags,
      latest: image.latest,
      digest: result.digest,
      metadata: result.metadata
    })
    setOutputs(outputs)
    core.info(`Pushed ${outputs['image-digest-uri']}`)
    await writeSummary({
      repository: repository.name,
      pushed: true,
      imageUri: outputs['image-uri'],
      imageDigestUri: outputs['image-digest-uri'],
      digest: result.digest,
      tags: image.tags,
      platforms: build.platforms,
      repositoryChanges: repo.changes,
      lifecycle: repo.lifecyclePut ? '' : repo.lifecycle,
      warnings: repo.warnings
    })
  } catch (error) {
    core.setFailed(failureMessage(error))
  }
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
