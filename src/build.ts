/**
 * Stage 5, effects — checks that the builder can build every requested platform, then runs
 * the one `docker buildx build` and reads its result from the metadata file (never from
 * the log).
 */
import { mkdtemp, readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { buildxArgs, missingPlatforms, parseBuilderInspect, type BuilderInfo } from './build-plan.js'
import { lastLine, type Docker } from './docker.js'
import { ActionError } from './errors.js'
import type { Settings } from './inputs.js'

export interface BuildResult {
  digest: string
  metadata: Record<string, unknown>
}

/** Explains why docker or buildx can't run, in one line with the fix. */
function explainDockerFailure(what: string, result: { exitCode: number; stderr: string; stdout: string }): ActionError {
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
  return new ActionError(`${what} failed: ${lastLine(result)}`)
}

export async function checkBuilder(docker: Docker, platforms: string[]): Promise<BuilderInfo> {
  const inspect = await docker(['buildx', 'inspect', '--bootstrap'])
  if (inspect.exitCode !== 0) throw explainDockerFailure('docker buildx inspect', inspect)
  const builder = parseBuilderInspect(inspect.stdout)

  if (builder.driver === 'docker' && platforms.length > 1) {
    const info = await docker(['info', '--format', '{{json .DriverStatus}}'])
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

export async function buildAndPush(
  docker: Docker,
  build: Settings['build'],
  references: string[],
  labels: string[],
  tempDir: string = os.tmpdir()
): Promise<BuildResult> {
  const dir = await mkdtemp(path.join(tempDir, 'ecr-build-push-'))
  const metadataFile = path.join(dir, 'metadata.json')
  const result = await docker(buildxArgs(build, references, labels, metadataFile), { stream: true })
  if (result.exitCode !== 0) throw explainDockerFailure('docker buildx build', result)

  let metadata: Record<string, unknown>
  try {
    metadata = JSON.parse(await readFile(metadataFile, 'utf8')) as Record<string, unknown>
  } catch (error) {
    throw new ActionError(`buildx wrote no readable metadata file (${(error as Error).message}).`)
  }
  const digest = typeof metadata['containerimage.digest'] === 'string' ? metadata['containerimage.digest'] : ''
  if (build.push && !/^sha256:[0-9a-f]{64}$/.test(digest)) {
    throw new ActionError('buildx pushed the image but reported no digest in its metadata file.')
  }
  return { digest, metadata }
}
