/**
 * A push, as a sequence of stages, each awaited before the next:
 *
 *   1. sign-in     credentials (OIDC → STS, or the job's own), and the builder check beside
 *                  them: nothing is written to AWS before docker can build what was asked;
 *   2. repository  the repository made to match the workflow, and the registry's token;
 *   3. version     whether the version tag exists already (a re-run), and what `latest` is;
 *   4. login       docker logged in to the registry (the post step logs out);
 *   5. push        build and push, merge per-platform digests, or reuse the existing image;
 *   6. report      scan gate, outputs, job summary; then docker's login and the exported
 *                  credentials renewed for the job's later steps if they were during the run.
 *
 * The role's session and the registry's token are renewed when they are about to run out
 * (aws/session.ts), so the calls after a long build — tags, the scan gate — still work.
 *
 * What runs side by side does so inside a stage. Every effect comes in through
 * `PipelineDeps` or the AWS SDK, which the unit tests replace. A cancel (the retry
 * policy's signal) stops the docker process running and starts no further stage, try,
 * tag or AWS write.
 */
import * as core from '@actions/core'
import { prepareDestination, type Destination } from './aws/destination.js'
import type { AwsSession } from './aws/clients.js'
import { exportCredentials, signIn } from './aws/sign-in.js'
import { checkBuilder, describeBuilder, type CheckedBuilder } from './build/builder.js'
import { buildAndPush, mergeIndex } from './build/buildx.js'
import { imageReferences, labelsFor, tagRoutes } from './build/plan.js'
import { buildxConfigDir } from './build/record.js'
import { State } from './constants.js'
import type { Docker } from './docker.js'
import type { RegistryClient, RegistryCredentials, RenewableCredentials } from './registry/client.js'
import { dockerConfigDir } from './registry/docker-config.js'
import { decideVersion, findExistingVersion, type ExistingVersion, type VersionDecision } from './registry/existing-version.js'
import { dockerLogin } from './registry/login.js'
import { withRegistryRetry } from './registry/refusals.js'
import { addTags, moveTags } from './registry/tags.js'
import { readPlatformImages, type PlatformManifest } from './report/image-size.js'
import { report, type Pushed } from './report/report.js'
import type { RetryPolicy } from './retry.js'
import type { Env, Settings } from './settings/types.js'
import { Stages } from './stages.js'

export interface PipelineDeps {
  env: Env
  docker: Docker
  /** the registry's HTTP API, signed in with these credentials */
  registry: (credentials: RegistryCredentials | RenewableCredentials) => RegistryClient
  /** the runner's OIDC token for an audience */
  getIDToken: (audience: string) => Promise<string>
  /** how registry writes and pushes are tried again; its signal is the run's cancel */
  retry: RetryPolicy
}

export async function pushPipeline(settings: Settings, deps: PipelineDeps): Promise<void> {
  const { aws, build, image, repository } = settings
  const stages = new Stages(deps.retry.signal)

  const [signedIn, builder] = await stages.run('sign-in', () =>
    Promise.all([
      signIn(aws, { env: deps.env, getIDToken: deps.getIDToken, setSecret: core.setSecret }),
      // A merge builds nothing: it only needs buildx.
      checkBuilder(deps.docker, build.mergeDigests.length > 0 ? [] : build.platforms, build.builder)
    ])
  )
  // The cancel goes with the session: the AWS clients made with it start no write after it (aws/clients.ts).
  const session: AwsSession = deps.retry.signal ? { ...signedIn, signal: deps.retry.signal } : signedIn
  if (aws.exportCredentials) exportCredentials(session)

  const destination = await stages.run('repository', () => prepareDestination(settings, session))
  for (const change of destination.changes) core.info(`Repository ${repository.name}: ${change}`)
  if (destination.lifecycle !== '') core.info(`Lifecycle policy: ${destination.lifecycle}`)
  for (const warning of destination.warnings) core.warning(warning)
  const registry = deps.registry(destination.credentials)

  const { existing, latestBefore } = await stages.run('version', () => lookUpVersion(settings, registry, destination.path, deps.retry))
  const decision = decideVersion(existing, { sha: deps.env.GITHUB_SHA ?? '', version: image.version, repository: repository.name }, image.ifVersionExists)

  const loggedIn = destination.credentials.current
  await stages.run('login', () => login(deps, loggedIn))

  const pushed =
    !decision.build && existing !== undefined
      ? await stages.run('reuse', () => reuse(settings, deps, destination, registry, existing, decision))
      : build.mergeDigests.length > 0
        ? await stages.run('merge', () => merge(settings, deps, destination, registry, builder))
        : await stages.run('build+push', () => buildPush(settings, deps, destination, registry, builder))

  await report(settings, stages, destination, registry, pushed, latestBefore)
  await renewForLaterSteps(settings, deps, session, destination, loggedIn)
}

/**
 * What the job's later steps were given still works after a long run: docker is logged in
 * again when the registry's token was renewed since the login (buildx pushed with the
 * first; tags and reads use the registry client, which renews its own), and with
 * `export-credentials` the role's renewed credentials are exported again.
 */
async function renewForLaterSteps(settings: Settings, deps: PipelineDeps, session: AwsSession, destination: Destination, loggedIn: RegistryCredentials): Promise<void> {
  const token = await destination.credentials.get()
  if (token.password !== loggedIn.password) await login(deps, token)
  if (settings.aws.exportCredentials && (session.credentials?.renewals ?? 0) > 0) exportCredentials(session)
}

/**
 * The version tag as the registry has it (a per-platform push has none; a read that fails
 * in a passing way is tried again), and — for the summary's "added by this push" — the
 * platform images `latest` named before this run.
 */
async function lookUpVersion(
  settings: Settings,
  registry: RegistryClient,
  path: string,
  retry: RetryPolicy
): Promise<{ existing: ExistingVersion | undefined; latestBefore: PlatformManifest[] | undefined }> {
  const { build, image } = settings
  const [existing, latestBefore] = await Promise.all([
    build.pushByDigest ? undefined : withRegistryRetry(registry.registry, `reading the tag '${image.version}'`, retry, () => findExistingVersion(registry, path, image.version)),
    settings.summary && image.latest ? readTag(registry, path, 'latest').catch(() => undefined) : undefined
  ])
  return { existing, latestBefore }
}

/** The platform images a tag names now; undefined when it names none. */
async function readTag(registry: RegistryClient, path: string, tag: string): Promise<PlatformManifest[] | undefined> {
  const top = await registry.manifest(path, tag)
  return top ? readPlatformImages(registry, path, top.digest) : undefined
}

/** Logs docker in, and tells the post step what to log out of. */
async function login({ docker, env }: PipelineDeps, credentials: RegistryCredentials): Promise<void> {
  core.saveState(State.LoggedInRegistries, JSON.stringify([credentials.registry]))
  const { configDir } = await dockerLogin(docker, credentials, dockerConfigDir(env))
  if (configDir !== undefined) core.saveState(State.LoginConfigDir, configDir)
  core.info(`Logged in to ${credentials.registry}`)
}

/** A re-run: nothing is built; the tags that follow the version move back to the existing image. */
async function reuse(settings: Settings, deps: PipelineDeps, destination: Destination, registry: RegistryClient, existing: ExistingVersion, decision: VersionDecision): Promise<Pushed> {
  const { image } = settings
  const reason = decision.build ? '' : decision.reason
  core.info(`Not building: ${reason}.`)
  const others = image.tags.filter(t => t !== image.version)
  const moved = await moveTags(registry, { name: destination.path, mutability: destination.mutability }, existing.digest, others, deps.retry)
  return { digest: existing.digest, metadata: {}, built: false, outcome: `skipped: ${reason}${moved.length > 0 ? `; moved ${moved.join(', ')} to it` : ''}` }
}

/** The index made from the digests per-platform runs pushed, under every tag. */
async function merge(settings: Settings, deps: PipelineDeps, destination: Destination, registry: RegistryClient, builder: CheckedBuilder): Promise<Pushed> {
  const { build, image } = settings
  await mergeIndex(deps.docker, destination.uri, image.tags, build.mergeDigests, deps.retry, builder.use)
  const digest = (await registry.manifest(destination.path, image.version))?.digest ?? ''
  return { digest, metadata: {}, built: true, outcome: `merged ${build.mergeDigests.length} platform images into one index`, builder: describeBuilder(builder) }
}

/**
 * buildx pushes the version (or, by digest, exports the image the action uploads); once it
 * has exited successfully, the other tags are put on the digest its metadata file names.
 */
async function buildPush(settings: Settings, deps: PipelineDeps, destination: Destination, registry: RegistryClient, builder: CheckedBuilder): Promise<Pushed> {
  const { build, image } = settings
  const tags = tagRoutes(build, image)
  const built = await buildAndPush(deps.docker, build, imageReferences(destination.uri, tags.buildx), labelsFor(deps.env, image.version), {
    tempDir: deps.env.RUNNER_TEMP,
    repositoryUri: destination.uri,
    retry: deps.retry,
    byDigest: { registry, repository: destination.path },
    buildxConfigDir: buildxConfigDir(deps.env),
    builder: builder.use
  })
  let metadata = built.metadata
  if (tags.api.length > 0) {
    await addTags(registry, destination.path, built.digest, tags.api, deps.retry)
    core.info(`Tagged ${built.digest} as ${tags.api.join(', ')}`)
    // The metadata names every tag, as when buildx pushes them all.
    if (typeof metadata['image.name'] === 'string') metadata = { ...metadata, 'image.name': imageReferences(destination.uri, image.tags).join(',') }
  }
  return {
    digest: built.digest,
    metadata,
    built: true,
    outcome: build.pushByDigest ? 'built and pushed by digest (untagged), for a merge' : 'built and pushed',
    builder: describeBuilder(builder),
    ...(built.bytesUploaded !== undefined ? { uploaded: built.bytesUploaded } : {})
  }
}
