/**
 * The pipeline, in order: inputs → credentials → repository (ECR or ECR Public) → login →
 * push (build, merge, or reuse) → report (scan gate, outputs, summary). Each stage lives
 * in its own module; this file only wires them — running beside each other what can — and
 * is the one place that reports failure.
 */
import * as core from '@actions/core'
import type { ECRClient } from '@aws-sdk/client-ecr'
import { createEcrClient, type AwsCallError, type AwsSession } from './aws-clients.js'
import { buildAndPush, checkBuilder, mergeIndex } from './build.js'
import { imageReferences, labelsFor } from './build-plan.js'
import { State, STORAGE_PRICE_AS_OF, STORAGE_PRICE_USD_PER_GB_MONTH } from './constants.js'
import { exportCredentials, signIn } from './credentials.js'
import { docker as realDocker, type Docker } from './docker.js'
import { planOnly } from './dry-run.js'
import { ActionError } from './errors.js'
import { decideVersion, findExistingVersion, moveTags, type ExistingVersion, type VersionDecision } from './existing-version.js'
import { readPlatformImages, sizeLines, sizeReport, type PlatformManifest } from './image-size.js'
import { readSettings, type Env, type Settings } from './inputs.js'
import { imageOutputs, outputBase, setOutputs } from './outputs.js'
import { createPublicClient, ensurePublicRepository, getPublicRegistryCredentials } from './public-repository.js'
import { RegistryClient } from './registry-api.js'
import { dockerLogin, getRegistryCredentials, type RegistryCredentials } from './registry-login.js'
import { ensureReplication, replicaUris } from './replication.js'
import { ensureRepository } from './repository.js'
import type { Mutability } from './repository-plan.js'
import { formatCounts, gateFailures, waitForScans, type ScanWait } from './scan-gate.js'
import { writeSummary } from './summary.js'

export interface RunDeps {
  env: Env
  docker: Docker
}

/** Times each stage for the summary; sequential stages are grouped in the log. */
class Stages {
  readonly times: [string, number][] = []
  /** Stages are listed in the order they started; those that overlap show their own time. */
  async run<T>(name: string, fn: () => Promise<T>, group = true): Promise<T> {
    const start = performance.now()
    const entry: [string, number] = [name, 0]
    this.times.push(entry)
    try {
      return group ? await core.group(name, fn) : await fn()
    } finally {
      entry[1] = (performance.now() - start) / 1000
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

/** Where the image goes, whichever registry: the repository as reconciled and docker's credentials. */
interface Target {
  repo: { uri: string; registry: string; changes: string[]; warnings: string[]; lifecycle: string; lifecyclePut: boolean; mutability: Mutability }
  credentials: RegistryCredentials
  registry: RegistryClient
  /** the repository's path in the registry's HTTP API (`<name>`, or `<alias>/<name>` on ECR Public) */
  path: string
  existing: ExistingVersion | undefined
  /** private only: the scan gate's client */
  ecr?: ECRClient
}

/** Logs docker in once the token is there and the repository known to exist: beside the reconcile, not after it. */
type StartLogin = (credentials: RegistryCredentials) => void

/**
 * ECR: the repository (and replication) is reconciled while the token is fetched, the
 * version tag looked up and — once the repository is known to exist and the version is
 * new — docker logs in.
 */
async function privateTarget(settings: Settings, session: AwsSession, stages: Stages, startLogin: StartLogin, writesAfter: Promise<unknown>): Promise<Target> {
  const { build, image, repository } = settings
  const ecr = createEcrClient(session, writesAfter)
  const movingTags = image.tags.filter(t => t !== image.version)
  const mustStayMutable = repository.cacheTag !== undefined ? [...movingTags, repository.cacheTag] : movingTags
  let exists!: () => void
  const known = new Promise<void>(resolve => (exists = resolve))
  const [repo, replication, { credentials, registry, existing }] = await Promise.all([
    stages.run('repository', () => ensureRepository(ecr, repository, mustStayMutable, settings.aws.region, exists), false),
    ensureReplication(ecr, repository.name, repository.replicateToRegions),
    getRegistryCredentials(ecr).then(async credentials => {
      const registry = new RegistryClient(credentials)
      // An untagged per-platform push has no version tag to look up.
      const existing = build.pushByDigest ? undefined : await findExistingVersion(registry, repository.name, image.version)
      // A new version will be built: log in now. An existing one may need no login at all (a re-run).
      if (existing === undefined) void known.then(() => startLogin(credentials))
      return { credentials, registry, existing }
    })
  ])
  if (replication !== '') repo.changes.push(replication)
  return { repo, credentials, registry, path: repository.name, existing, ecr }
}

/** ECR Public: the alias is only known once the repository is, so the version lookup waits for it. */
async function publicTarget(settings: Settings, session: AwsSession, stages: Stages, startLogin: StartLogin, writesAfter: Promise<unknown>): Promise<Target> {
  const { build, image, repository } = settings
  const pub = await createPublicClient(session, writesAfter)
  const [repo, credentials] = await Promise.all([
    stages.run('repository', () => ensurePublicRepository(pub, repository, build.platforms), false),
    getPublicRegistryCredentials(pub)
  ])
  const registry = new RegistryClient(credentials)
  const path = repo.uri.slice(repo.registry.length + 1)
  const existing = build.pushByDigest ? undefined : await findExistingVersion(registry, path, image.version)
  if (existing === undefined) startLogin(credentials)
  const lifecycle = 'none: ECR Public has no lifecycle policies'
  return { repo: { ...repo, lifecycle, lifecyclePut: false, mutability: { mode: 'MUTABLE', exclusions: [] } }, credentials, registry, path, existing }
}

async function ship(settings: Settings, { env, docker }: RunDeps): Promise<void> {
  const { build, image, repository } = settings
  const stages = new Stages()
  const merging = build.mergeDigests.length > 0

  // The builder is checked beside everything else: no AWS write waits for less (holdWrites),
  // and a docker command that fails is explained by the check when the check failed too. A
  // merge builds nothing: it only needs buildx.
  const builderReady = checkBuilder(docker, merging ? [] : build.platforms)
  builderReady.catch(() => undefined)
  const session = await stages.run('sign-in', () => signIn(settings.aws))
  if (settings.aws.exportCredentials) exportCredentials(session)

  // One login per run, started as early as it may be; every later use waits for the same one.
  let loggedIn: Promise<void> | undefined
  const startLogin: StartLogin = credentials => {
    loggedIn ??= stages.run('login', async () => {
      core.saveState(State.LoggedInRegistries, JSON.stringify([credentials.registry]))
      await dockerLogin(docker, credentials)
      core.info(`Logged in to ${credentials.registry}`)
    }, false)
    // A failed login is reported where the run needs it, not as an unhandled rejection.
    loggedIn.catch(() => undefined)
  }
  const target = await (repository.type === 'public' ? publicTarget : privateTarget)(settings, session, stages, startLogin, builderReady)
  const { repo, credentials, registry, path, existing } = target
  for (const change of repo.changes) core.info(`Repository ${repository.name}: ${change}`)
  if (!repo.lifecyclePut) core.info(`Lifecycle policy: ${repo.lifecycle}`)
  for (const warning of repo.warnings) core.warning(warning)

  // Re-runs: an existing version tag is reused or refused before anything is built.
  const decision = decideVersion(existing, { sha: env.GITHUB_SHA ?? '', version: image.version, repository: repository.name }, image.ifVersionExists)
  const login = (): Promise<void> => {
    startLogin(credentials)
    return loggedIn ?? Promise.resolve()
  }
  // What latest was before this run, for the size this push adds; read while building.
  const previous = settings.summary && image.latest ? readImages(registry, path, 'latest').catch(() => undefined) : Promise.resolve(undefined)
  // A docker step that fails is explained by the builder check when that failed too.
  const explained = async <T>(work: Promise<T>): Promise<T> =>
    work.catch(async (error: unknown) => {
      await builderReady
      throw error
    })
  const pushed = await push(settings, { env, docker }, stages, target, decision, () => explained(login()), explained)
  // The work got done; a check that failed anyway was wrong about this builder.
  await builderReady.catch((error: Error) => core.warning(`The builder check failed (${error.message}), yet the build and push worked.`))
  await report(settings, stages, target, decision, pushed, previous)
}

/** What the push stage did: the image's digest, buildx's metadata, and what happened in words. */
interface Pushed {
  digest: string
  metadata: Record<string, unknown>
  outcome: string
  /** push-by-digest: the bytes the upload sent */
  uploaded?: number
}

/** Stage 5: reuse the existing version (moving tags back), merge per-platform digests, or build and push. */
async function push(
  settings: Settings,
  { env, docker }: RunDeps,
  stages: Stages,
  target: Target,
  decision: VersionDecision,
  login: () => Promise<void>,
  explained: <T>(work: Promise<T>) => Promise<T>
): Promise<Pushed> {
  const { build, image } = settings
  const { repo, registry, path, existing } = target
  if (!decision.build && existing !== undefined) {
    core.info(`Not building: ${decision.reason}.`)
    const moved = await explained(moveTags(docker, registry, { name: path, uri: repo.uri, mutability: repo.mutability }, existing.digest, image.tags.filter(t => t !== image.version), login))
    return { digest: existing.digest, metadata: {}, outcome: `skipped: ${decision.reason}${moved.length > 0 ? `; moved ${moved.join(', ')} to it` : ''}` }
  }
  await login()
  if (build.mergeDigests.length > 0) {
    const digest = await stages.run('merge', async () => {
      await explained(mergeIndex(docker, repo.uri, image.tags, build.mergeDigests))
      return (await registry.manifest(path, image.version))?.digest ?? ''
    })
    return { digest, metadata: {}, outcome: `merged ${build.mergeDigests.length} platform images into one index` }
  }
  const result = await stages.run('build+push', () =>
    explained(
      buildAndPush(docker, build, imageReferences(repo.uri, image.tags), labelsFor(env, image.version), {
        tempDir: env.RUNNER_TEMP,
        repositoryUri: repo.uri,
        byDigest: { registry, repository: path }
      })
    )
  )
  return {
    digest: result.digest,
    metadata: result.metadata,
    outcome: build.pushByDigest ? 'built and pushed by digest (untagged), for a merge' : 'built and pushed',
    ...(result.bytesUploaded !== undefined ? { uploaded: result.bytesUploaded } : {})
  }
}

/**
 * Stage 6: the platform images, the scan gate, the outputs and the summary — then the
 * gate's verdict, so a failing scan still leaves the outputs and the findings behind.
 */
async function report(
  settings: Settings,
  stages: Stages,
  target: Target,
  decision: VersionDecision,
  { digest, metadata, outcome, uploaded }: Pushed,
  previous: Promise<PlatformManifest[] | undefined>
): Promise<void> {
  const { build, image, repository } = settings
  const { repo, registry, path } = target
  const merging = build.mergeDigests.length > 0
  const single = build.platforms.length === 1 && !merging ? (build.platforms[0] ?? '') : ''
  const gate = settings.scan.failOn
  // Only the summary and the scan gate need the platform images: no reads otherwise.
  const images = settings.summary || gate !== undefined ? await readPlatformImages(registry, path, digest, single).catch(() => []) : []
  const scan =
    gate !== undefined && target.ecr !== undefined
      ? await stages.run('scan', () => waitForScans(target.ecr as ECRClient, repository.name, images.map(({ platform, digest }) => ({ platform, digest })), scanWait(settings.scan.timeoutSeconds)))
      : undefined
  const failures = scan && gate ? gateFailures(scan.total, gate) : []

  const pushedTags = build.pushByDigest ? { ...image, tags: [], latest: false } : image
  const replicas = build.pushByDigest ? [] : replicaUris(`${repo.uri}:${image.version}`, repository.replicateToRegions)
  const outputs = imageOutputs({
    ...outputBase(pushedTags, repo.uri, repo.registry),
    digest,
    metadata,
    skipped: !decision.build,
    replicaUris: replicas,
    ...(scan ? { scanFindings: scan.total } : {})
  })
  setOutputs(outputs)
  core.info(`${decision.build ? 'Pushed' : 'Kept'} ${outputs['image-digest-uri']}`)
  if (settings.summary) {
    const sizes = sizeReport(images, await previous, settings.storagePrice, 1 + repository.replicateToRegions.length)
    if (!decision.build) sizes.addedBytes = 0
    if (uploaded !== undefined) Object.assign(sizes, { addedBytes: uploaded, addedBy: 'upload' })
    const priceSource =
      (settings.storagePrice === STORAGE_PRICE_USD_PER_GB_MONTH ? `ECR's price, ${STORAGE_PRICE_AS_OF}` : 'storage-price') +
      (repository.type === 'public' ? '; ECR Public: the first 50 GB a month are free' : '')
    await writeSummary({
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
      platformDigests: images.filter(i => i.platform !== '').map(({ platform, digest }) => ({ platform, digest })),
      cache: build.cache.type === 'ecr' ? `ecr (${repo.uri}:${build.cache.tag})` : build.cache.type,
      repositoryChanges: repo.changes,
      lifecycle: repo.lifecyclePut ? '' : repo.lifecycle,
      warnings: repo.warnings,
      ...(images.length > 0 ? { size: { lines: sizeLines(sizes, settings.storagePrice, priceSource) } } : {}),
      ...(scan && gate ? { scan: `${formatCounts(scan.total)} — scan-fail-on ${gate}: ${failures.length > 0 ? 'failed' : 'passed'}` } : {}),
      replicas
    })
  }
  if (failures.length > 0) {
    throw new ActionError(
      `ECR's scan found ${failures.join(', ')} in ${repository.name}@${digest} (scan-fail-on: ${gate}): fix them and push a new version; the counts are in the job summary, the findings in the ECR console.`
    )
  }
}

/** Polls quickly at first (scans of small images finish in seconds), then every 5 s. */
function scanWait(timeoutSeconds: number): ScanWait {
  return {
    timeoutSeconds,
    interval: poll => Math.min(1000 * 2 ** (poll - 1), 5000),
    sleep: ms => new Promise(resolve => setTimeout(resolve, ms)),
    log: line => core.info(line),
    now: () => Date.now()
  }
}

/** The platform images a tag names now; undefined when it names none. */
async function readImages(registry: RegistryClient, path: string, tag: string): Promise<PlatformManifest[] | undefined> {
  const top = await registry.manifest(path, tag)
  return top ? readPlatformImages(registry, path, top.digest) : undefined
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
