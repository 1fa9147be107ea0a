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
import os from 'node:os'
import { prepareDestination, type Destination } from './aws/destination.js'
import { readStorageState, restoreCommand } from './aws/image-status.js'
import type { AwsSession } from './aws/clients.js'
import { exportCredentials, signIn } from './aws/sign-in.js'
import { checkBuilder, describeBuilder, type CheckedBuilder } from './build/builder.js'
import { buildAndPush, mergeIndex } from './build/buildx.js'
import { imageReferences, labelsFor, tagRoutes } from './build/plan.js'
import { buildxConfigDir } from './build/record.js'
import { State } from './constants.js'
import { ActionError } from './errors.js'
import type { Docker } from './docker.js'
import type { RegistryClient, RegistryCredentials, RenewableCredentials } from './registry/client.js'
import { dockerConfigDir } from './registry/docker-config.js'
import { decideVersion, findExistingVersion, type ExistingVersion, type VersionDecision } from './registry/existing-version.js'
import { dockerLogin, sharedConfigNotice, type RegistryLogin } from './registry/login.js'
import { withRegistryRetry } from './registry/refusals.js'
import { buildIdentity, readTag, tagHoldsBuild, tagHoldsMerge } from './registry/already-tagged.js'
import { LATEST, moveLatest, type LatestMove } from './registry/latest.js'
import { addTags, moveTags } from './registry/tags.js'
import { readPlatformImages, type PlatformManifest } from './report/image-size.js'
import { report, type Pushed } from './report/report.js'
import type { RetryPolicy } from './retry.js'
import type { Env, Settings } from './settings/types.js'
import { Stages } from './stages.js'
import { attestImages, provenanceMode } from './supply/attest.js'
import { judgeProvenance, reuseClaim } from './supply/reuse.js'
import { referrerRisk } from './supply/lifecycle.js'
import { generateSboms } from './supply/sbom.js'

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
      signIn(aws, { env: deps.env, getIDToken: deps.getIDToken, setSecret: core.setSecret, ...(deps.retry.signal ? { signal: deps.retry.signal } : {}) }),
      // A merge builds nothing: it only needs buildx.
      checkBuilder(deps.docker, build.mergeDigests.length > 0 ? [] : build.platforms, build.builder)
    ])
  )
  // The cancel goes with the session: the AWS clients made with it start no write after it (aws/clients.ts).
  const session: AwsSession = deps.retry.signal ? { ...signedIn, signal: deps.retry.signal } : signedIn
  if (aws.exportCredentials) exportCredentials(session)

  const destination = await stages.run('repository', () => prepareDestination(settings, session))
  for (const change of destination.changes) core.info(`Repository ${repository.name}: ${change}`)
  for (const note of destination.notes ?? []) core.info(`Repository ${repository.name}: note: ${note}`)
  if (destination.lifecycle !== '') core.info(`Lifecycle policy: ${destination.lifecycle}`)
  for (const warning of destination.warnings) core.warning(warning)
  const risk = destination.ecr !== undefined && (provenanceMode(build.provenance) !== undefined || build.sbom) ? referrerRisk(repository.lifecycle) : undefined
  if (risk !== undefined) core.warning(risk)
  const registry = deps.registry(destination.credentials)

  const { existing, latestBefore } = await stages.run('version', async () => {
    const found = await lookUpVersion(settings, registry, destination.path, deps.retry)
    const existing = found.existing && (await withStorageState(settings, destination, found.existing, deps.retry.signal))
    // auto reuses on provenance only (supply/reuse.ts); an archived image is never reused.
    if (existing === undefined || image.ifVersionExists !== 'auto' || existing.archive !== undefined) return { ...found, existing }
    return { ...found, existing: { ...existing, provenance: await judgeProvenance(registry, destination.path, existing.digest, reuseClaim(deps.env), deps.retry) } }
  })
  const decision = decideVersion(existing, { sha: deps.env.GITHUB_SHA ?? '', version: image.version, repository: repository.name }, image.ifVersionExists)

  const loggedIn = destination.credentials.current
  const firstLogin = await stages.run('login', () => login(deps, loggedIn))

  const startedOn = new Date().toISOString()
  const pushed =
    !decision.build && existing !== undefined
      ? await stages.run('reuse', () => reuse(settings, deps, destination, registry, existing, decision))
      : build.mergeDigests.length > 0
        ? await stages.run('merge', () => merge(settings, deps, destination, registry, builder))
        : await stages.run('build+push', () => buildPush(settings, deps, destination, registry, builder))

  const attesting = pushed.built && build.mergeDigests.length === 0 && (provenanceMode(build.provenance) !== undefined || build.sbom)
  // A failed attest leaves the image pushed: the outputs, the summary and the scan gate still come, then its failure.
  const run = (): Promise<void> => attest(settings, deps, destination, registry, pushed.digest, startedOn, builder)
  const failed = attesting ? await stages.run('attest', run).then(() => undefined, (e: unknown) => (deps.retry.signal?.throwIfAborted(), e as Error)) : undefined
  await report(settings, stages, destination, registry, pushed, latestBefore, deps.retry).catch((error: unknown) => {
    if (failed !== undefined) core.warning(`Attaching provenance/SBOM failed too: ${failed.message}`)
    throw error
  })
  if (failed !== undefined) throw failed
  await renewForLaterSteps(settings, deps, session, destination, loggedIn, firstLogin)
}

/** Each platform image of the push gets its provenance statement, and its SBOM, as referrers (supply/). */
async function attest(settings: Settings, deps: PipelineDeps, destination: Destination, registry: RegistryClient, digest: string, startedOn: string, builder: CheckedBuilder): Promise<void> {
  const { build, image } = settings
  const images = await readPlatformImages(registry, destination.path, digest, deps.retry, build.platforms.length === 1 ? (build.platforms[0] ?? '') : '')
  const finishedOn = new Date().toISOString()
  const sboms = build.sbom
    ? await generateSboms(deps.docker, build, labelsFor(deps.env, image.version), { tempDir: deps.env.RUNNER_TEMP, repositoryUri: destination.uri, builder: builder.use })
    : undefined
  const input = { env: deps.env, build, uri: destination.uri, path: destination.path, version: image.version, startedOn, finishedOn, keepTags: destination.ecr !== undefined }
  await attestImages(registry, images.map(({ platform, digest: d }) => ({ platform, digest: d })), input, deps.retry, sboms)
}

/**
 * What the job's later steps were given still works after a long run: docker is logged in
 * again when the registry's token was renewed since the login (buildx pushed with the
 * first; tags and reads use the registry client, which renews its own), and with
 * `export-credentials` the role's renewed credentials are exported again.
 */
async function renewForLaterSteps(
  settings: Settings,
  deps: PipelineDeps,
  session: AwsSession,
  destination: Destination,
  loggedIn: RegistryCredentials,
  firstLogin: RegistryLogin
): Promise<void> {
  const token = await destination.credentials.get()
  if (token.password !== loggedIn.password) await login(deps, token, firstLogin)
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
    settings.summary && image.latest ? imagesUnder(registry, path, LATEST, retry).catch(() => undefined) : undefined
  ])
  return { existing, latestBefore }
}

/**
 * An existing version on ECR with what ECR says of its storage class (one DescribeImages
 * call, made only when the tag exists): an image that isn't ACTIVE is marked, and
 * decideVersion moves no tag to it. ECR Public has no archive.
 */
async function withStorageState(settings: Settings, destination: Destination, existing: ExistingVersion, signal?: AbortSignal): Promise<ExistingVersion> {
  if (destination.ecr === undefined) return existing
  const name = settings.repository.name
  const state = await readStorageState(destination.ecr, name, existing.digest, signal)
  if (state?.status === 'ACTIVE') return existing
  const restore = restoreCommand(name, existing.digest, settings.aws.region)
  return { ...existing, archive: { status: state?.status ?? 'UNLISTED', restore, ...(state?.bytes !== undefined ? { bytes: state.bytes } : {}), ...(state?.archivedAt ? { archivedAt: state.archivedAt } : {}) } }
}

/** The platform images a tag names now; undefined when it names none. */
async function imagesUnder(registry: RegistryClient, path: string, tag: string, retry: RetryPolicy): Promise<PlatformManifest[] | undefined> {
  const top = await readTag(registry, path, tag, retry)
  return top ? readPlatformImages(registry, path, top.digest, retry) : undefined
}

/**
 * Logs docker in, and tells the post step what to log out of — and, for a login written to
 * docker's config file, which entry this run wrote (config-login.ts). A self-hosted job
 * sharing its user's docker config is told how to have its own.
 */
async function login({ docker, env }: PipelineDeps, credentials: RegistryCredentials, earlier?: RegistryLogin): Promise<RegistryLogin> {
  core.saveState(State.LoggedInRegistries, JSON.stringify([credentials.registry]))
  const notice = earlier === undefined ? sharedConfigNotice(env) : undefined
  if (notice !== undefined) core.notice(notice)
  const done = await dockerLogin(docker, credentials, dockerConfigDir(env), { tempDir: env.RUNNER_TEMP || os.tmpdir(), ...(earlier ? { earlier } : {}) })
  if (done.configDir !== undefined) core.saveState(State.LoginConfigDir, done.configDir)
  if (done.written !== undefined) core.saveState(State.LoginWritten, JSON.stringify(done.written))
  core.info(`Logged in to ${credentials.registry}`)
  return done
}

/** A re-run: nothing is built; the tags that follow the version move back to the existing image, `latest` only forward. */
async function reuse(settings: Settings, deps: PipelineDeps, destination: Destination, registry: RegistryClient, existing: ExistingVersion, decision: VersionDecision): Promise<Pushed> {
  const reason = decision.build ? '' : decision.reason
  core.info(`Not building: ${reason}.`)
  const moved = await moveTags(registry, { name: destination.path, mutability: destination.mutability }, existing.digest, followers(settings.image), deps.retry)
  const latest = await followLatest(settings, deps, destination, registry, existing.digest, true)
  if (latest?.action === 'moved') moved.push(LATEST)
  return { digest: existing.digest, metadata: {}, built: false, ...withLatest(`skipped: ${reason}${moved.length > 0 ? `; moved ${moved.join(', ')} to it` : ''}`, latest) }
}

/**
 * The index made from the digests per-platform runs pushed, under every tag but `latest`,
 * which then moves to it only forward. A tag the registry refused because it already names
 * that index (a lost answer) is taken as merged, and the tags imagetools had not reached yet
 * are put over the registry API. Its digest is read back from the version tag.
 */
async function merge(settings: Settings, deps: PipelineDeps, destination: Destination, registry: RegistryClient, builder: CheckedBuilder): Promise<Pushed> {
  const { build, image } = settings
  const tags = image.tags.filter(t => t !== LATEST)
  const check = (tag: string): Promise<string | undefined> => tagHoldsMerge(registry, destination.path, tag, build.mergeDigests, deps.retry)
  const found = await mergeIndex(deps.docker, destination.uri, tags, build.mergeDigests, { retry: deps.retry, builder: builder.use, timeoutSeconds: build.mergeTimeoutSeconds }, check)
  const index = found ?? (await withRegistryRetry(registry.registry, `reading the merged index '${image.version}'`, deps.retry, () => registry.manifest(destination.path, image.version)))
  if (index === undefined) {
    throw new ActionError(`The merge exited successfully, but the registry has no '${image.version}' in ${destination.path} after it: run the job again.`)
  }
  const { digest } = index
  if (found !== undefined) {
    const missing: string[] = []
    for (const tag of tags) if ((await readTag(registry, destination.path, tag, deps.retry))?.digest !== digest) missing.push(tag)
    await addTags(registry, destination.path, digest, missing, deps.retry)
  }
  const latest = await followLatest(settings, deps, destination, registry, digest)
  const outcome = `merged ${build.mergeDigests.length} platform images into one index${found ? `; found '${found.tag}' already naming it` : ''}`
  return { digest, metadata: {}, built: true, ...withLatest(outcome, latest), builder: describeBuilder(builder) }
}

/**
 * buildx pushes the version (or, by digest, exports the image the action uploads); once it
 * has exited successfully, the other tags are put on the digest its metadata file names,
 * `latest` last and only forward. A version tag the registry refused because it already
 * names this run's build (a lost answer) is taken as pushed.
 */
async function buildPush(settings: Settings, deps: PipelineDeps, destination: Destination, registry: RegistryClient, builder: CheckedBuilder): Promise<Pushed> {
  const { build, image } = settings
  const tags = tagRoutes(build, image)
  const labels = labelsFor(deps.env, image.version)
  const identity = buildIdentity(labels, build.labels, build.platforms)
  const built = await buildAndPush(deps.docker, build, imageReferences(destination.uri, tags.buildx), labels, {
    tempDir: deps.env.RUNNER_TEMP,
    repositoryUri: destination.uri,
    retry: deps.retry,
    byDigest: { registry, repository: destination.path },
    buildxConfigDir: buildxConfigDir(deps.env),
    builder: builder.use,
    alreadyPushed: tag => tagHoldsBuild(registry, destination.path, tag, identity, deps.retry)
  })
  const others = tags.api.filter(t => t !== LATEST)
  await addTags(registry, destination.path, built.digest, others, deps.retry)
  const latest = tags.api.includes(LATEST) ? await followLatest(settings, deps, destination, registry, built.digest) : undefined
  const tagged = tags.api.filter(t => t !== LATEST || latest?.action !== 'kept')
  if (tagged.length > 0) core.info(`Tagged ${built.digest} as ${tagged.join(', ')}`)
  let metadata = built.metadata
  // The metadata names every tag, as when buildx pushes them all.
  if (tags.api.length > 0 && typeof metadata['image.name'] === 'string') metadata = { ...metadata, 'image.name': imageReferences(destination.uri, pushedTags(image, latest)).join(',') }
  const outcome = build.pushByDigest ? 'built and pushed by digest (untagged), for a merge' : `built and pushed${built.found !== undefined ? `; found '${built.found}' already naming it` : ''}`
  return {
    digest: built.digest,
    metadata,
    built: true,
    ...withLatest(outcome, latest),
    builder: describeBuilder(builder),
    ...(built.bytesUploaded !== undefined ? { uploaded: built.bytesUploaded } : {})
  }
}

/** The tags besides the version that follow it; `latest` apart, as it only moves forward. */
const followers = (image: Settings['image']): string[] => image.tags.filter(t => t !== image.version && t !== LATEST)

/** `latest` moved to the run's image, only forward (registry/latest.ts); undefined when the run doesn't push it. */
async function followLatest(settings: Settings, deps: PipelineDeps, destination: Destination, registry: RegistryClient, digest: string, rerun = false): Promise<LatestMove | undefined> {
  const { image } = settings
  if (!image.tags.includes(LATEST) || image.version === LATEST) return undefined
  return moveLatest(registry, destination.path, digest, deps.retry, { allowBack: image.latestMayMoveBack, ...(rerun ? { mutability: destination.mutability } : {}) })
}

/** Every tag the run pushed: `latest` only when it moved (or already named the image). */
const pushedTags = (image: Settings['image'], latest: LatestMove | undefined): string[] => image.tags.filter(t => t !== LATEST || latest?.action !== 'kept')

/** The outcome with `latest` kept in words, and the report told to leave `latest` out of the outputs. */
function withLatest(outcome: string, latest: LatestMove | undefined): Pick<Pushed, 'outcome' | 'latestKept'> {
  return latest?.action === 'kept' ? { outcome: `${outcome}; ${latest.why}`, latestKept: true } : { outcome }
}
