/**
 * The push pipeline, after the inputs: credentials → repository (ECR or ECR Public) →
 * login → push (build, merge, or reuse) → report (scan gate, outputs, summary). Each stage
 * lives in its own module; this one wires them, running beside each other what can.
 * main.ts loads it once the inputs are valid and the builder check and the OIDC token
 * request are under way: it brings the AWS SDK, most of the bundle.
 */
import * as core from '@actions/core'
import type { ECRClient } from '@aws-sdk/client-ecr'
import { createEcrClient, type ClientSession } from './aws-clients.js'
import { defaultRetry, explainFailure, finishBuild, mergeIndex, startBuild, type StartedBuild } from './build.js'
import { imageReferences, labelsFor, tagRoutes } from './build-plan.js'
import { State, STORAGE_PRICE_AS_OF, STORAGE_PRICE_USD_PER_GB_MONTH } from './constants.js'
import { exportCredentials, signIn } from './credentials.js'
import { dockerConfigDir } from './docker-config.js'
import type { EarlyBuild, EarlyStart } from './early-build.js'
import { ActionError } from './errors.js'
import { askTag, decideVersion, findExistingVersion, moveTags, type ExistingVersion, type VersionDecision } from './existing-version.js'
import { readPlatformImages, sizeLines, sizeReport, type PlatformManifest } from './image-size.js'
import type { Settings } from './inputs.js'
import type { RunDeps } from './main.js'
import { addTags } from './oci-push.js'
import { imageOutputs, outputBase, setOutputs } from './outputs.js'
import { createPublicClient, ensurePublicRepository, getPublicRegistryCredentials } from './public-repository.js'
import { RegistryClient } from './registry-api.js'
import { dockerLogin, getRegistryCredentials, type RegistryCredentials } from './registry-login.js'
import { ensureReplication, replicaUris } from './replication.js'
import { ensureRepository } from './repository.js'
import type { Mutability } from './repository-plan.js'
import { formatCounts, gateFailures, waitForScans, type ScanWait } from './scan-gate.js'
import { writeSummary } from './summary.js'

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
 * version tag looked up and — once the repository is known to exist — docker logs in.
 */
async function privateTarget(
  settings: Settings,
  session: ClientSession,
  stages: Stages,
  startLogin: StartLogin,
  writesAfter: () => Promise<unknown>,
  registryKnown: (registry: string) => void
): Promise<Target> {
  const { build, image, repository } = settings
  const ecr = createEcrClient(session, writesAfter)
  const movingTags = image.tags.filter(t => t !== image.version)
  const mustStayMutable = repository.cacheTag !== undefined ? [...movingTags, repository.cacheTag] : movingTags
  let exists!: () => void
  const known = new Promise<void>(resolve => (exists = resolve))
  // The version tag is asked of ECR's API beside the token (an untagged per-platform push has none).
  const asked = build.pushByDigest ? undefined : askTag(ecr, repository.name, image.version)
  asked?.catch(() => undefined)
  const [repo, replication, { credentials, registry, existing }] = await Promise.all([
    stages.run('repository', () => ensureRepository(ecr, repository, mustStayMutable, settings.aws.region, exists), false),
    ensureReplication(ecr, repository.name, repository.replicateToRegions),
    getRegistryCredentials(ecr).then(async credentials => {
      // Without a role's ARN to foresee it, the registry is known from here: the build may start.
      registryKnown(credentials.registry)
      // Docker logs in beside the version lookup: almost every run builds (a re-run that
      // turns out to need nothing has logged in for nothing, and the post step logs out).
      void known.then(() => startLogin(credentials))
      const registry = new RegistryClient(credentials)
      const existing = asked === undefined ? undefined : await findExistingVersion(registry, repository.name, image.version, asked)
      return { credentials, registry, existing }
    })
  ])
  if (replication !== '') repo.changes.push(replication)
  return { repo, credentials, registry, path: repository.name, existing, ecr }
}

/** ECR Public: the alias is only known once the repository is, so the version lookup waits for it. */
async function publicTarget(settings: Settings, session: ClientSession, stages: Stages, startLogin: StartLogin, writesAfter: () => Promise<unknown>): Promise<Target> {
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

/** What main.ts started before this module was loaded. */
export interface Started {
  /** the builder check, run on the first call: no AWS write goes before it passed (holdWrites), and a docker step that fails is explained by it when it fails too */
  builderCheck: () => Promise<unknown>
  /** the runner's OIDC token, when role-to-assume asks for one */
  idToken: Promise<string> | undefined
  /** the early build: started already when the role's ARN told the registry, else started here once ECR's token does */
  early: EarlyStart
}

export async function ship(settings: Settings, { env, docker }: RunDeps, { builderCheck, idToken, early }: Started): Promise<void> {
  const { image, repository } = settings
  const stages = new Stages()
  const signingIn = stages.run('sign-in', () => signIn(settings.aws, undefined, idToken))
  signingIn.catch(() => undefined)
  // With a role, ECR's client is made and its first calls go through the SDK while STS
  // answers: they wait for the role's credentials at the signing step, then go out.
  const { region, roleToAssume } = settings.aws
  const session: ClientSession =
    roleToAssume === undefined
      ? { region }
      : { region, credentials: async () => (await signingIn).credentials ?? Promise.reject(new ActionError(`STS returned no credentials for ${roleToAssume}.`)) }

  // One login per run, started as early as it may be; every later use waits for the same one.
  let loggedIn: Promise<void> | undefined
  const startLogin: StartLogin = credentials => {
    loggedIn ??= stages.run('login', async () => {
      core.saveState(State.LoggedInRegistries, JSON.stringify([credentials.registry]))
      const { configDir } = await dockerLogin(docker, credentials)
      if (configDir !== undefined) core.saveState(State.LoginConfigDir, configDir)
      core.info(`Logged in to ${credentials.registry}`)
    }, false)
    // A failed login is reported where the run needs it, not as an unhandled rejection.
    loggedIn.catch(() => undefined)
  }
  const targeting =
    repository.type === 'public'
      ? publicTarget(settings, session, stages, startLogin, builderCheck)
      : privateTarget(settings, session, stages, startLogin, builderCheck, registry => void early.start(registry))
  targeting.catch(() => undefined)
  // A failed sign-in is the run's error, not the calls that waited for it.
  const signedIn = await signingIn
  if (settings.aws.exportCredentials) exportCredentials(signedIn)
  const target = await targeting
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
  // What latest was before this run, for the size a push adds: read once, just before the
  // run moves it (while buildx exports the cache), not while the build starts.
  let previousRead: Promise<PlatformManifest[] | undefined> | undefined
  const previous: LatestBefore = {
    read: () => (previousRead ??= settings.summary && image.latest ? readImages(registry, path, 'latest').catch(() => undefined) : Promise.resolve(undefined)),
    taken: () => previousRead ?? Promise.resolve(undefined)
  }
  const explained = <T>(work: Promise<T>): Promise<T> => explainFailure(work, builderCheck)
  const pushed = await push(settings, { env, docker }, stages, target, decision, { login: () => explained(login()), explained, previous }, await early.current())
  await report(settings, stages, target, decision, pushed, previous.taken())
}

/** What the push stage did: the image's digest, buildx's metadata, and what happened in words. */
interface Pushed {
  digest: string
  metadata: Record<string, unknown>
  outcome: string
  /** push-by-digest: the bytes the upload sent */
  uploaded?: number
  /** the platform images, when already being read (beside adding the tags) */
  images?: Promise<PlatformManifest[]>
}

/** What `latest` named before this run: `read` reads it (once), `taken` is that read if it was made. */
interface LatestBefore {
  read(): Promise<PlatformManifest[] | undefined>
  taken(): Promise<PlatformManifest[] | undefined>
}

/** The platform images of what was pushed, for the summary and the scan gate; none when neither needs them. */
function platformImages(settings: Settings, registry: RegistryClient, path: string, digest: string): Promise<PlatformManifest[]> {
  const { build } = settings
  if (!settings.summary && settings.scan.failOn === undefined) return Promise.resolve([])
  const single = build.platforms.length === 1 && build.mergeDigests.length === 0 ? (build.platforms[0] ?? '') : ''
  return readPlatformImages(registry, path, digest, single).catch(() => [])
}

/** Stage 5: reuse the existing version (moving tags back), merge per-platform digests, or build and push. */
async function push(
  settings: Settings,
  { env, docker }: RunDeps,
  stages: Stages,
  target: Target,
  decision: VersionDecision,
  { login, explained, previous }: { login: () => Promise<void>; explained: <T>(work: Promise<T>) => Promise<T>; previous: LatestBefore },
  earlyBuild: EarlyBuild | undefined
): Promise<Pushed> {
  const { build, image } = settings
  const { repo, registry, path, existing, credentials } = target
  // A build started early goes on if it pushes where ECR says the repository is; else it
  // is interrupted at once (a re-run builds nothing; a foreseen URI can differ).
  const early = decision.build && earlyBuild?.repositoryUri === repo.uri ? earlyBuild : undefined
  if (earlyBuild !== undefined && early === undefined) void earlyBuild.dispose()
  if (!decision.build && existing !== undefined) {
    core.info(`Not building: ${decision.reason}.`)
    // The job's later steps find docker logged in, as after a build.
    const [moved] = await Promise.all([
      moveTags(registry, { name: path, mutability: repo.mutability }, existing.digest, image.tags.filter(t => t !== image.version), defaultRetry),
      login()
    ])
    return { digest: existing.digest, metadata: {}, outcome: `skipped: ${decision.reason}${moved.length > 0 ? `; moved ${moved.join(', ')} to it` : ''}` }
  }
  // The build's own credentials come from its gate: the job's login goes on beside it.
  const loggedIn = early ? login() : undefined
  if (!early) await login()
  if (build.mergeDigests.length > 0) {
    await previous.read()
    const digest = await stages.run('merge', async () => {
      await explained(mergeIndex(docker, repo.uri, image.tags, build.mergeDigests))
      return (await registry.manifest(path, image.version))?.digest ?? ''
    })
    return { digest, metadata: {}, outcome: `merged ${build.mergeDigests.length} platform images into one index` }
  }
  const tags = tagRoutes(build, image)
  let images: Promise<PlatformManifest[]> | undefined
  const byDigest = { registry, repository: path }
  const result = await stages.run('build+push', async () => {
    let started: StartedBuild
    if (early) {
      core.info(`The build started ${((performance.now() - early.startedAt) / 1000).toFixed(1)} s ago, when the registry was known; it gets the registry's credentials now.`)
      started = await early.release(credentials)
    } else {
      started = await startBuild(docker, build, imageReferences(repo.uri, tags.buildx), labelsFor(env, image.version), {
        tempDir: env.RUNNER_TEMP,
        repositoryUri: repo.uri,
        configDir: dockerConfigDir(env)
      })
    }
    const building = finishBuild(build, started, { byDigest }).finally(() => early?.dispose())
    /** The other tags put on the pushed index, and the summary's reads of its platform images. */
    const follow = (digest: string): { digest: string; tagged: Promise<unknown> } => {
      images = platformImages(settings, registry, path, digest)
      return { digest, tagged: previous.read().then(() => addTags(registry, path, digest, tags.api, defaultRetry)) }
    }
    // As soon as buildx says it is done pushing the version's index (it then exports the
    // cache before it ends), not after. Its "done" also ends a push that failed: the tags
    // go on only if the registry has that index (addTags reads it first); if not, or on
    // any error, they are put after the build, as without this.
    const followed = started.pushed.then(digest => {
      if (digest === undefined) return undefined
      const { tagged } = follow(digest)
      return { digest, tagged: tagged.then(() => true, () => false) }
    })
    const [built] = await Promise.all([explained(building), loggedIn])
    const first = await followed
    // The digest buildx reports at its end is the one that counts (a retried push may differ).
    const tagged = first !== undefined && (await first.tagged) && first.digest === built.digest
    if (!tagged) await follow(built.digest).tagged
    if (tags.api.length === 0) return built
    core.info(`Tagged ${built.digest} as ${tags.api.join(', ')}`)
    // The metadata names every tag, as when buildx pushes them all.
    const metadata = typeof built.metadata['image.name'] === 'string' ? { ...built.metadata, 'image.name': imageReferences(repo.uri, image.tags).join(',') } : built.metadata
    return { ...built, metadata }
  })
  return {
    ...(images ? { images } : {}),
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
  { digest, metadata, outcome, uploaded, images: reading }: Pushed,
  previous: Promise<PlatformManifest[] | undefined>
): Promise<void> {
  const { build, image, repository } = settings
  const { repo, registry, path } = target
  const gate = settings.scan.failOn
  const images = await (reading ?? platformImages(settings, registry, path, digest))
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
