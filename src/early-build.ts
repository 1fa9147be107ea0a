/**
 * The build, started as soon as the registry it pushes to is known — from the role's ARN
 * before any AWS call, else from ECR's authorization token — instead of after the
 * repository stage. buildx starts, reads the context and resolves what needs no
 * credentials while the action signs in, reconciles the repository and looks up the
 * version; its first use of the registry waits at the credential gate (build-gate.ts).
 * The push stage releases it; when the run builds nothing after all (the version exists,
 * an earlier stage failed) or the repository is not where it was foreseen, it is
 * interrupted, and nothing of it reaches the registry or the log.
 */
import { createGate, gateTempDir } from './build-gate.js'
import { startBuild, type DockerProcesses, type StartedBuild } from './build.js'
import { imageReferences, labelsFor, startsEarly, tagRoutes } from './build-plan.js'
import { dockerConfigDir } from './docker-config.js'
import type { Settings } from './inputs.js'
import type { RunDeps } from './main.js'
import type { RegistryCredentials } from './registry-login.js'

/**
 * The run's one early build: main.ts starts it when the role's ARN tells the registry, the
 * push pipeline asks for it once ECR's token does, and main.ts disposes of it at the end.
 */
export interface EarlyStart {
  /** Starts the build for this registry unless one was started already. */
  start(registry: string): Promise<EarlyBuild | undefined>
  /** the build, if one was started */
  current(): Promise<EarlyBuild | undefined> | undefined
}

export interface EarlyBuild {
  /** the repository URI the build pushes to, as foreseen */
  repositoryUri: string
  /** performance.now() when it started */
  startedAt: number
  /** Opens the gate: the build gets the registry's credentials, and its log goes on from here. */
  release(credentials: RegistryCredentials): Promise<StartedBuild>
  /** Interrupts the build unless it has ended (waiting for it), then closes the gate. Once. */
  dispose(): Promise<void>
}

/**
 * Undefined when the run can't start early: see startsEarly; also off Linux, and when the
 * gate can't be made. `processes`: how the build's processes are found (tests).
 */
export async function startEarlyBuild(settings: Settings, { env, docker }: RunDeps, registry: string, processes?: DockerProcesses): Promise<EarlyBuild | undefined> {
  if (!startsEarly(settings) || process.platform !== 'linux') return undefined
  const configDir = dockerConfigDir(env)
  const gate = await createGate(registry, { tempDir: gateTempDir(env), configDir, env })
  if (gate === undefined) return undefined
  const { build, image, repository } = settings
  const repositoryUri = `${registry}/${repository.name}`
  let released = false
  let release!: () => void
  let drop!: (reason: Error) => void
  const output = new Promise<void>((resolve, reject) => {
    release = resolve
    drop = reject
  })
  output.catch(() => undefined)
  const startedAt = performance.now()
  let started: StartedBuild
  try {
    started = await startBuild(docker, build, imageReferences(repositoryUri, tagRoutes(build, image).buildx), labelsFor(env, image.version), {
      tempDir: env.RUNNER_TEMP,
      repositoryUri,
      env: gate.env,
      holdOutput: output,
      configDir,
      ...(processes ? { processes } : {})
    })
  } catch {
    await gate.close()
    return undefined
  }
  // Returned once docker runs: what loads next (the SDK) holds the event loop for a while.
  await started.running()
  let disposed: Promise<void> | undefined
  return {
    repositoryUri,
    startedAt,
    release: async credentials => {
      await gate.open(credentials)
      released = true
      release()
      return started
    },
    dispose: () =>
      (disposed ??= (async () => {
        drop(new Error('the build was not used'))
        // Unreleased, buildx may be waiting at the gate: refused first, it can stop.
        if (!released) await gate.deny()
        await started.cancel()
        await gate.close()
      })())
  }
}
