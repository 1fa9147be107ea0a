/**
 * The builder check: the builder buildx will use can build every platform asked for, and
 * docker itself can run. It runs before anything is written to AWS, so a runner without
 * QEMU or buildx fails with the fix, not with a half-made repository.
 */
import { ActionError } from '../errors.js'
import type { Docker, DockerResult } from '../docker.js'
import { lastLine } from '../docker.js'
import type { Settings } from '../settings/types.js'
import { builderUse, buildxCommand, missingPlatforms, parseBuilderInspect, type BuilderInfo, type BuilderUse } from './plan.js'

/** Docker itself can't run: missing, without buildx, or no daemon. One line with the fix. */
export function toolFailure(result: DockerResult): ActionError | undefined {
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

export function dockerFailure(what: string, result: DockerResult): ActionError {
  return toolFailure(result) ?? new ActionError(`${what} failed: ${lastLine(result)}`)
}

export interface CheckedBuilder extends BuilderInfo {
  /** how every buildx command of the run reaches it */
  use: BuilderUse
}

/**
 * A push's builder check, started: a merge builds nothing and only needs buildx. Its
 * failure is handled here so that it is no unhandled rejection while nothing awaits it yet;
 * the run awaits it where it needs the builder.
 */
export function startBuilderCheck(docker: Docker, build: Settings['build']): Promise<CheckedBuilder> {
  const check = checkBuilder(docker, build.mergeDigests.length > 0 ? [] : build.platforms, build.builder)
  check.catch(() => undefined)
  return check
}

/**
 * Checks the builder can build `platforms` (none: only that buildx runs, as for a merge).
 * @param name the `builder` input: a builder an earlier step created; undefined: the current one
 * @param load `load: true`: the image goes into the job's Docker engine, which holds several
 *   platforms of one image only with the containerd image store
 */
export async function checkBuilder(docker: Docker, platforms: string[], name?: string, load = false): Promise<CheckedBuilder> {
  // The image store matters only to the docker driver. Its builder's labels name BuildKit's
  // containerd worker when the engine has the containerd image store: one docker CLI start
  // then, not two; `docker info` is asked only when no label says so.
  const engineInfo = (use: BuilderUse): Promise<DockerResult> => docker([...(use.context !== undefined ? ['--context', use.context] : []), 'info', '--format', '{{json .DriverStatus}}'])
  const builder = await inspectBuilder(docker, name, true)
  const { use } = builder

  if (builder.driver === 'docker' && platforms.length > 1 && builder.containerdStore !== true) {
    const info = await engineInfo(use)
    if (info.exitCode !== 0) throw dockerFailure('docker info', info)
    if (!info.stdout.includes('io.containerd.snapshotter')) {
      throw new ActionError(
        `the '${builder.name}' builder uses the docker driver without the containerd image store, which can't build several platforms at once: add docker/setup-buildx-action before this step (or turn on the containerd image store).`
      )
    }
  }
  // The docker driver's engine was checked above; another driver loads into the job's engine.
  if (load && builder.driver !== 'docker' && platforms.length > 1) {
    const info = await engineInfo({})
    if (info.exitCode !== 0) throw dockerFailure('docker info', info)
    if (!info.stdout.includes('io.containerd.snapshotter')) {
      throw new ActionError(
        `load: true can't put ${platforms.length} platforms of one image into the job's Docker engine, whose image store holds one (the containerd image store holds several): set platforms to the one the job tests, or turn that store on.`
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
 * The builder as `docker buildx inspect` describes it, and how to reach it.
 * @param bootstrap start it if it isn't running (a dry run only looks)
 */
export async function inspectBuilder(docker: Docker, name: string | undefined, bootstrap: boolean): Promise<CheckedBuilder> {
  const result = await docker(buildxCommand(name !== undefined ? { builder: name } : {}, ['inspect', ...(bootstrap ? ['--bootstrap'] : [])]))
  if (result.exitCode !== 0) {
    if (name === undefined || toolFailure(result) !== undefined) throw dockerFailure('docker buildx inspect', result)
    throw new ActionError(
      `the builder '${name}' can't be used (${lastLine(result)}): create it in an earlier step (docker buildx create --name ${name}, or docker/setup-buildx-action with name: ${name}), or leave builder empty for the job's current builder.`
    )
  }
  const builder = parseBuilderInspect(result.stdout)
  return { ...builder, use: builderUse(name, builder.driver) }
}

/** The builder in words, for the summary: its name, driver, and the docker context buildx runs in. */
export function describeBuilder(builder: CheckedBuilder): string {
  const via = builder.use.context !== undefined ? `, run as docker --context ${builder.use.context} buildx` : ''
  return `${builder.name} (${builder.driver || 'unknown'} driver${via})`
}
