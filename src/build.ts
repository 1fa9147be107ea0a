/**
 * Stage 5, effects — checks that the builder can build every requested platform, starts
 * the one `docker buildx build` (as buildx's plugin executable where docker has one; early,
 * at a credential gate, from early-build.ts), finishes it (retries) and reads its result
 * from the metadata file (never from the log). A push-by-digest build exports an OCI
 * layout, which oci-push.ts uploads; a merge makes the index with `buildx imagetools create`.
 */
import * as core from '@actions/core'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { buildxArgs, layoutDir, missingPlatforms, parseBuilderInspect, pushedManifest, type BuilderInfo } from './build-plan.js'
import { findCliPlugin } from './docker-config.js'
import { findDocker, lastLine, signal, type Docker, type DockerResult } from './docker.js'
import { ActionError } from './errors.js'
import type { Settings } from './inputs.js'
import { pushRefusedHint } from './iam-policy.js'
import { pushLayout } from './oci-push.js'
import type { RegistryClient } from './registry-api.js'

export interface BuildResult {
  digest: string
  metadata: Record<string, unknown>
  /** push-by-digest: what the upload sent (blobs the repository already had are not sent) */
  bytesUploaded?: number
}

/** Docker itself can't run: missing, without buildx, or no daemon. One line with the fix. */
function toolFailure(result: DockerResult): ActionError | undefined {
  const text = `${result.stderr}\n${result.stdout}`
  if (result.exitCode === 127 || /ENOENT|Unable to locate executable/i.test(text)) {
    return new ActionError('docker is not installed on this runner: use a runner with Docker (e.g. ubuntu-latest).')
  }
  if (/is not a docker command|unknown command "buildx"|unknown flag: --platform/i.test(text)) {
    return new ActionError('docker buildx is not installed: add docker/setup-buildx-action before this step.')
  }
  if (/Cannot connect to the Docker daemon|Is the docker daemon running|docker\.sock/i.test(text)) {
    return new ActionError('the Docker daemon is not running: start it (or use a runner where it runs) before this step.')
  }
  return undefined
}

function explainDockerFailure(what: string, result: DockerResult): ActionError {
  return toolFailure(result) ?? new ActionError(`${what} failed: ${lastLine(result)}`)
}

export async function checkBuilder(docker: Docker, platforms: string[]): Promise<BuilderInfo> {
  // The image store is asked about at once: only the docker driver needs it, but in parallel it costs nothing.
  const [inspect, info] = await Promise.all([
    docker(['buildx', 'inspect', '--bootstrap']),
    platforms.length > 1 ? docker(['info', '--format', '{{json .DriverStatus}}']) : undefined
  ])
  if (inspect.exitCode !== 0) throw explainDockerFailure('docker buildx inspect', inspect)
  const builder = parseBuilderInspect(inspect.stdout)

  if (builder.driver === 'docker' && info !== undefined) {
    if (info.exitCode !== 0) throw explainDockerFailure('docker info', info)
    if (!info.stdout.includes('io.containerd.snapshotter')) {
      throw new ActionError(
        `the '${builder.name}' builder uses the docker driver without the containerd image store, which can't build several platforms at once: add docker/setup-buildx-action before this step (or turn on the containerd image store).`
      )
    }
  }
  const missing = missingPlatforms(platforms, builder.platforms)
  if (missing.length > 0) {
    throw new ActionError(
      `the '${builder.name}' builder can't build ${missing.join(', ')} (it has ${builder.platforms.join(', ') || 'no platforms'}): add docker/setup-qemu-action before this step, or build that platform on a runner of its own.`
    )
  }
  return builder
}

/**
 * A docker step's failure, explained: when it fails, the builder check runs (if nothing
 * ran it yet) and, when that fails too, its one line with the fix is the error. A run that
 * works never pays for the check — two docker CLI starts, ~0.3 s of CPU.
 */
export async function explainFailure<T>(work: Promise<T>, check: () => Promise<unknown>): Promise<T> {
  return work.catch(async (error: unknown) => {
    await check()
    throw error
  })
}

export type PushFailure = { retry: true; reason: string } | { retry: false; error: ActionError }

/**
 * Tells a push that may succeed when tried again (5xx, reset connections, timeouts) from
 * one that never will (an immutable tag, a missing repository, no permission, a failed
 * build step), which is explained instead.
 */
export function classifyBuildFailure(output: string, what = 'docker buildx build'): PushFailure {
  const immutable = /The image tag '([^']+)' already exists in the '([^']+)' repository/.exec(output)
  if (immutable) {
    const [, tag, repository] = immutable
    return {
      retry: false,
      error: new ActionError(
        `Tag '${tag}' already exists in '${repository}', which keeps it immutable: bump the version, or, if '${tag}' is meant to move, ` +
          `add it to tag-mutability-exclusions (with tag-mutability: IMMUTABLE_WITH_EXCLUSION).`
      )
    }
  }
  const missing = /repository with name '([^']+)' does not exist|NAME_UNKNOWN/.exec(output)
  if (missing) {
    return {
      retry: false,
      error: new ActionError(`The registry has no repository '${missing[1] ?? ''}': it was deleted during the run, or the push went to another registry.`)
    }
  }
  if (/\b(401|403)\b|unauthorized|authentication required|denied/i.test(output) && /push/i.test(output)) {
    return {
      retry: false,
      error: new ActionError(`The registry refused the push: ${pushRefusedHint(output)}`)
    }
  }
  const transient =
    /failed to push|failed commit on ref|unexpected status[^\n]*\b5\d\d\b|\b50[0234]\b|connection reset|broken pipe|i\/o timeout|TLS handshake timeout|unexpected EOF/i
  const match = transient.exec(output)
  if (match) return { retry: true, reason: match[0] }
  return { retry: false, error: new ActionError(`${what} failed: ${lastLine({ exitCode: 1, stdout: output, stderr: '' })}`) }
}

export interface RetryPolicy {
  /** tries in all, the first included */
  attempts: number
  /** milliseconds before try n (n ≥ 2) */
  delay: (attempt: number) => number
  sleep: (ms: number) => Promise<void>
  log: (message: string) => void
}

export const defaultRetry: RetryPolicy = {
  attempts: 4,
  delay: attempt => 2000 * 2 ** (attempt - 2),
  sleep: ms => new Promise(resolve => setTimeout(resolve, ms)),
  log: message => core.info(message)
}

/**
 * Pushes under every tag the index made from the images native runners each pushed by
 * digest (a merge): `buildx imagetools create`, which ECR takes (`docker manifest create`
 * does not).
 */
export async function mergeIndex(docker: Docker, repositoryUri: string, tags: string[], digests: string[]): Promise<void> {
  const args = ['buildx', 'imagetools', 'create']
  for (const tag of tags) args.push('--tag', `${repositoryUri}:${tag}`)
  for (const digest of digests) args.push(`${repositoryUri}@${digest}`)
  const result = await docker(args, { stream: true })
  if (result.exitCode !== 0) {
    const failure = classifyBuildFailure(`${result.stderr}\n${result.stdout}`, 'docker buildx imagetools create')
    throw failure.retry ? explainDockerFailure('docker buildx imagetools create', result) : (toolFailure(result) ?? failure.error)
  }
}

export interface StartedBuild {
  /** the first try, under way */
  first: Promise<DockerResult>
  /** the same command again, for a retry */
  again(): Promise<DockerResult>
  /**
   * The digest buildx says it is done pushing under the version's tag, as soon as it says
   * so (it then exports the cache before it ends) — whether that push succeeded or gave
   * up; undefined if the first try ends without.
   */
  pushed: Promise<string | undefined>
  metadataFile: string
  /** Resolves once the first try's docker process runs (or has ended), or after `limitMs` in any case. */
  running(limitMs?: number): Promise<void>
  /** Interrupts the first try while it runs, and waits for it to end. */
  cancel(): Promise<void>
}

/** How a build's docker processes are found and stopped (docker.ts; tests replace it). */
export interface DockerProcesses {
  find(marker: string): Promise<number[]>
  signal(pid: number, name: 'SIGINT' | 'SIGKILL'): boolean
}

export interface StartOptions {
  tempDir?: string | undefined
  repositoryUri?: string
  /** variables for the build's docker (a credential gate's) */
  env?: Record<string, string>
  /** the build's log is kept back until this settles (a build started before its stage) */
  holdOutput?: Promise<unknown>
  /** how the build's processes are found and stopped (default: /proc, docker.ts) */
  processes?: DockerProcesses
  /** docker's config folder: buildx runs as the plugin executable found from there (findCliPlugin), else as `docker buildx` */
  configDir?: string
}

/** Starts `docker buildx build`, writing its metadata to a folder of its own. */
export async function startBuild(docker: Docker, build: Settings['build'], references: string[], labels: string[], options: StartOptions = {}): Promise<StartedBuild> {
  const dir = await mkdtemp(path.join(options.tempDir ?? os.tmpdir(), 'ecr-build-push-'))
  const metadataFile = path.join(dir, 'metadata.json')
  const argv = buildxArgs(build, references, labels, metadataFile, options.repositoryUri)
  const plugin = options.configDir !== undefined ? await findCliPlugin('buildx', options.configDir) : undefined
  // The plugin standalone takes the arguments after `buildx`.
  const args = plugin !== undefined ? argv.slice(1) : argv
  const watch = options.repositoryUri !== undefined ? watchPush(options.repositoryUri) : undefined
  const run = (onOutput?: (data: Buffer) => void): Promise<DockerResult> =>
    docker(args, {
      stream: true,
      ...(plugin !== undefined ? { program: plugin } : {}),
      ...(options.env ? { env: options.env } : {}),
      ...(options.holdOutput ? { holdOutput: options.holdOutput } : {}),
      ...(onOutput ? { onOutput } : {})
    })
  const first = run(watch?.take)
  const pushed = watch ? Promise.race([watch.digest, first.then(() => undefined, () => undefined)]) : Promise.resolve(undefined)
  let ended = false
  void first.finally(() => (ended = true)).catch(() => undefined)
  const processes = options.processes ?? { find: findDocker, signal }
  // The metadata file's path is on this build's command line only: it finds the process.
  const until = (ms: number): Promise<unknown> => Promise.race([first.catch(() => undefined), new Promise(resolve => setTimeout(resolve, ms))])
  return {
    first,
    again: () => run(),
    pushed,
    metadataFile,
    running: async (limitMs = 250) => {
      const since = performance.now()
      while (!ended && performance.now() - since < limitMs && (await processes.find(metadataFile)).length === 0) await until(1)
    },
    cancel: async () => {
      // Ctrl-C, as a terminal sends it: to the docker CLI and to its buildx plugin, each as
      // soon as it is seen (the plugin starts a moment after the CLI), and buildx cancels
      // the build. Still running a second later, they are killed; buildkit then ends the
      // build with its session.
      const signalled = new Set<number>()
      const since = performance.now()
      while (!ended) {
        const kill = performance.now() - since > 1000
        for (const pid of await processes.find(metadataFile)) {
          if (kill || !signalled.has(pid)) processes.signal(pid, kill ? 'SIGKILL' : 'SIGINT')
          signalled.add(pid)
        }
        await until(20)
      }
    }
  }
}

/** Reads buildx's output line by line for the push of the image under a tag of `repositoryUri`. */
function watchPush(repositoryUri: string): { take: (data: Buffer) => void; digest: Promise<string> } {
  let found!: (digest: string) => void
  const digest = new Promise<string>(resolve => (found = resolve))
  let partial = ''
  let done = false
  return {
    digest,
    take: data => {
      if (done) return
      const lines = (partial + data.toString('utf8')).split('\n')
      partial = lines.pop() ?? ''
      for (const line of lines) {
        const pushed = pushedManifest(line, repositoryUri)
        if (pushed !== undefined) {
          done = true
          found(pushed)
          return
        }
      }
    }
  }
}

export async function buildAndPush(
  docker: Docker,
  build: Settings['build'],
  references: string[],
  labels: string[],
  options: StartOptions & { retry?: RetryPolicy; byDigest?: { registry: RegistryClient; repository: string } } = {}
): Promise<BuildResult> {
  return finishBuild(build, await startBuild(docker, build, references, labels, options), options)
}

/**
 * Waits for a started build, tries it again while its push fails in a way that may pass
 * (up to `retry.attempts` in all), then reads its result; a push-by-digest build's
 * layout is uploaded, then removed.
 */
export async function finishBuild(
  build: Settings['build'],
  started: StartedBuild,
  options: { retry?: RetryPolicy; byDigest?: { registry: RegistryClient; repository: string } } = {}
): Promise<BuildResult> {
  try {
    return await buildThenPush(build, started, options.retry ?? defaultRetry, options.byDigest)
  } finally {
    // The layout of a push-by-digest build holds every layer: never leave it on the runner.
    await rm(layoutDir(started.metadataFile), { recursive: true, force: true })
  }
}

async function buildThenPush(
  build: Settings['build'],
  started: StartedBuild,
  retry: RetryPolicy,
  byDigest: { registry: RegistryClient; repository: string } | undefined
): Promise<BuildResult> {
  const { metadataFile } = started
  for (let attempt = 1; ; attempt++) {
    const result = await (attempt === 1 ? started.first : started.again())
    if (result.exitCode === 0) break
    const failure = classifyBuildFailure(`${result.stderr}\n${result.stdout}`)
    if (!failure.retry) throw toolFailure(result) ?? failure.error
    if (!build.push) throw explainDockerFailure('docker buildx build', result)
    if (attempt >= retry.attempts) {
      throw new ActionError(`The push failed ${attempt} times (${failure.reason}); the registry may be having trouble: run the job again.`)
    }
    const wait = retry.delay(attempt + 1)
    retry.log(`Push failed (${failure.reason}); trying again in ${wait / 1000}s (${attempt + 1} of ${retry.attempts}).`)
    await retry.sleep(wait)
  }

  let metadata: Record<string, unknown>
  try {
    metadata = JSON.parse(await readFile(metadataFile, 'utf8')) as Record<string, unknown>
  } catch (error) {
    throw new ActionError(`buildx wrote no readable metadata file (${(error as Error).message}).`)
  }
  const built = typeof metadata['containerimage.digest'] === 'string' ? metadata['containerimage.digest'] : ''
  if (build.pushByDigest && build.push) {
    if (byDigest === undefined) throw new ActionError('push-by-digest has no registry to push to.')
    const pushed = await pushLayout(byDigest.registry, byDigest.repository, layoutDir(metadataFile), retry)
    if (built !== '' && built !== pushed.digest) throw new ActionError(`buildx built ${built} but exported ${pushed.digest}: run the job again.`)
    retry.log(`Pushed ${pushed.digest} by digest: ${pushed.uploaded} blobs uploaded (${pushed.bytesUploaded} bytes), ${pushed.skipped} already in the repository.`)
    return { digest: pushed.digest, metadata, bytesUploaded: pushed.bytesUploaded }
  }
  if (build.push && !/^sha256:[0-9a-f]{64}$/.test(built)) {
    throw new ActionError('buildx pushed the image but reported no digest in its metadata file.')
  }
  return { digest: built, metadata }
}
