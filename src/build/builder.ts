/**
 * The builder check: the builder buildx will use can build every platform asked for, and
 * docker itself can run. It runs before anything is written to AWS, so a runner without
 * QEMU or buildx fails with the fix, not with a half-made repository.
 */
import { ActionError } from '../errors.js'
import type { Docker, DockerResult } from '../docker.js'
import { lastLine } from '../docker.js'
import { missingPlatforms, parseBuilderInspect, type BuilderInfo } from './plan.js'

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

/** Checks the builder can build `platforms` (none: only that buildx runs, as for a merge). */
export async function checkBuilder(docker: Docker, platforms: string[]): Promise<BuilderInfo> {
  // The image store matters only to the docker driver, but asked beside the inspect it costs nothing.
  const [inspect, info] = await Promise.all([
    docker(['buildx', 'inspect', '--bootstrap']),
    platforms.length > 1 ? docker(['info', '--format', '{{json .DriverStatus}}']) : undefined
  ])
  if (inspect.exitCode !== 0) throw dockerFailure('docker buildx inspect', inspect)
  const builder = parseBuilderInspect(inspect.stdout)

  if (builder.driver === 'docker' && info !== undefined) {
    if (info.exitCode !== 0) throw dockerFailure('docker info', info)
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
