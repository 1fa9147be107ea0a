/**
 * The registry login: logs docker in with the registry's credentials: the entry
 * `docker login` writes, written to docker's config file, or `docker login` with the
 * password on stdin (never `-p`) where a credential store or helper keeps credentials.
 * The post step logs out again unless `skip-logout` (post.ts).
 */
import os from 'node:os'
import { writeLogin, type WrittenLogin } from './config-login.js'
import { dockerConfigDir } from './docker-config.js'
import type { Docker } from '../docker.js'
import { lastLine } from '../docker.js'
import { ActionError } from '../errors.js'
import type { RegistryCredentials } from './client.js'

export interface RegistryLogin {
  /** `<account>.dkr.ecr.<region>.amazonaws.com`, from the token's proxy endpoint. */
  registry: string
  /** the docker config folder the login was written to; unset when `docker login` stored it */
  configDir?: string
  /** what the post step needs to take that login out again, and only that (config-login.ts) */
  written?: WrittenLogin
}

export interface LoginOptions {
  /** where the entry a login replaces is kept for the post step: the runner's temporary folder */
  tempDir?: string
  /** this run's earlier login (the token renewed since) */
  earlier?: RegistryLogin
}

/**
 * Logs docker in to the registry. Where docker keeps credentials in its config file — no
 * credential store, no helper for this registry, as on GitHub's runners — the entry
 * `docker login` would write there is written directly: the same file and format, written
 * atomically, readable by its owner only. That skips a docker process and its check of the
 * password with the registry (the daemon's round trip to the registry), which would
 * otherwise sit between the reconcile and the build; the token is ECR's own, a moment old.
 * With a credential store or helper, `docker login` with the password on stdin, so the
 * helper keeps it. Either way the password is on no command line, and the post step
 * takes the login out again: in the config file, only the entry this run wrote, and the
 * one it replaced back (config-login.ts).
 */
export async function dockerLogin(docker: Docker, credentials: RegistryCredentials, configDir = dockerConfigDir(), options: LoginOptions = {}): Promise<RegistryLogin> {
  const { registry, username, password } = credentials
  const written = await storeInConfigFile(configDir, credentials, options)
  if (written !== undefined) return { registry, configDir, written }
  const result = await docker(['login', '--username', username, '--password-stdin', registry], {
    input: Buffer.from(password, 'utf8')
  })
  if (result.exitCode !== 0) {
    throw new ActionError(`docker login to ${registry} failed: ${lastLine(result)}`)
  }
  return { registry }
}

/** Writes the login to config.json when docker keeps credentials there; undefined when a credential store or helper does, or the file can't be read. */
async function storeInConfigFile(configDir: string, { registry, username, password }: RegistryCredentials, options: LoginOptions): Promise<WrittenLogin | undefined> {
  const entry = { auth: Buffer.from(`${username}:${password}`, 'utf8').toString('base64') }
  try {
    return await writeLogin(configDir, registry, entry, options.tempDir ?? os.tmpdir(), options.earlier?.written)
  } catch (error) {
    throw new ActionError(`Could not store docker's credentials: ${(error as Error).message}`, { cause: error })
  }
}

/**
 * A notice for a self-hosted runner's job without a docker config of its own: its logins,
 * contexts and builders are in a folder every job of the machine's user shares.
 */
export function sharedConfigNotice(env: NodeJS.ProcessEnv): string | undefined {
  if (env.RUNNER_ENVIRONMENT !== 'self-hosted' || env.DOCKER_CONFIG) return undefined
  return (
    `DOCKER_CONFIG is not set: this job shares docker's config (${dockerConfigDir(env)}), and its registry logins, with every job of this machine's user. ` +
    "Give each job its own: DOCKER_CONFIG: ${{ runner.temp }}/docker-config in the job's env (README: Self-hosted runners → Shared docker config)."
  )
}
