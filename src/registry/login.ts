/**
 * Stage 4 — registry login. Logs docker in with the registry's credentials: the entry
 * `docker login` writes, written to docker's config file, or `docker login` with the
 * password on stdin (never `-p`) where a credential store or helper keeps credentials.
 * The post step logs out again unless `skip-logout` (post.ts).
 */
import { dockerConfigDir, fileStoreConfig, writeDockerConfig } from './docker-config.js'
import type { Docker } from '../docker.js'
import { lastLine } from '../docker.js'
import { ActionError } from '../errors.js'
import type { RegistryCredentials } from './client.js'

export interface RegistryLogin {
  /** `<account>.dkr.ecr.<region>.amazonaws.com`, from the token's proxy endpoint. */
  registry: string
  /** the docker config folder the login was written to; unset when `docker login` stored it */
  configDir?: string
}

/**
 * Logs docker in to the registry. Where docker keeps credentials in its config file — no
 * credential store, no helper for this registry, as on GitHub's runners — the entry
 * `docker login` would write there is written directly: the same file and format, written
 * atomically, readable by its owner only. That skips a docker process and its check of the
 * password with the registry (the daemon's round trip to the registry), which would
 * otherwise sit between the reconcile and the build; the token is ECR's own, a moment old.
 * With a credential store or helper, `docker login` with the password on stdin, so the
 * helper keeps it. Either way the password is on no command line, and the post step's
 * `docker logout` removes it.
 */
export async function dockerLogin(docker: Docker, credentials: RegistryCredentials, configDir = dockerConfigDir()): Promise<RegistryLogin> {
  const { registry, username, password } = credentials
  if (await storeInConfigFile(configDir, credentials)) return { registry, configDir }
  const result = await docker(['login', '--username', username, '--password-stdin', registry], {
    input: Buffer.from(password, 'utf8')
  })
  if (result.exitCode !== 0) {
    throw new ActionError(`docker login to ${registry} failed: ${lastLine(result)}`)
  }
  return { registry }
}

/** Writes the login to config.json when docker keeps credentials there; false when a credential store or helper does, or the file can't be read. */
async function storeInConfigFile(configDir: string, { registry, username, password }: RegistryCredentials): Promise<boolean> {
  const config = await fileStoreConfig(configDir, registry)
  if (config === undefined) return false
  config.auths = { ...config.auths, [registry]: { auth: Buffer.from(`${username}:${password}`, 'utf8').toString('base64') } }
  try {
    await writeDockerConfig(configDir, config)
  } catch (error) {
    throw new ActionError(`Could not store docker's credentials: ${(error as Error).message}`)
  }
  return true
}
