/**
 * Post step: logs docker out of the registries the main step logged in to, unless
 * `skip-logout` — out of docker's config file where the main step wrote the login there,
 * else with `docker logout` — and removes the temporary folders the main step recorded
 * and did not remove itself (it was cancelled). Warns and never fails the job.
 *
 * It runs at the end of every job that uses the action, so it loads as little as it can:
 * no AWS SDK and no @actions/core (whose HTTP client is most of a bundle). The three
 * runner conventions it needs are written out here: state arrives as STATE_<name>, a log
 * line is a line on stdout, a warning is the `::warning::` command.
 */
import { rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Input, State, TEMP_DIR_PREFIX } from './constants.js'
import { docker, lastLine, type Docker } from './docker.js'
import { fileStoreConfig, writeDockerConfig } from './registry/docker-config.js'
import { getInput, parseBoolean } from './settings/input.js'

/** `::warning::` with the runner's escaping of %, CR and LF. */
const warning = (message: string): void => {
  process.stdout.write(`::warning::${message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}${os.EOL}`)
}
const info = (message: string): void => {
  process.stdout.write(`${message}${os.EOL}`)
}

/**
 * Forgets the registry credentials; returns the registries logged out. Warns, never fails.
 * A login the main step wrote to docker's config file (`configDir`) is taken out of it
 * the same way, without a docker process, while the file still keeps it; otherwise
 * `docker logout`.
 */
export async function logout(run: Docker, registries: string[], warn: (m: string) => void = warning, configDir?: string): Promise<string[]> {
  const done: string[] = []
  for (const registry of registries) {
    if (configDir !== undefined && (await removeFromConfigFile(configDir, registry, warn))) {
      done.push(registry)
      continue
    }
    const result = await run(['logout', registry])
    if (result.exitCode === 0) done.push(registry)
    else warn(`docker logout ${registry} failed: ${lastLine(result)}`)
  }
  return done
}

/** True when the config file keeps this registry's credentials itself and no longer holds them. */
async function removeFromConfigFile(configDir: string, registry: string, warn: (m: string) => void): Promise<boolean> {
  const config = await fileStoreConfig(configDir, registry)
  if (config === undefined) return false
  if (config.auths === undefined || !(registry in config.auths)) return true
  delete config.auths[registry]
  try {
    await writeDockerConfig(configDir, config)
    return true
  } catch (error) {
    warn(`Removing the login to ${registry} from docker's config failed (${(error as Error).message}); trying docker logout.`)
    return false
  }
}

/**
 * Removes the temporary folders the main step recorded (temp-dirs.ts) that are still
 * there; only absolute paths of folders the action names as its own. Returns those removed.
 */
export async function removeTempDirs(recorded: string, warn: (m: string) => void = warning): Promise<string[]> {
  const dirs = JSON.parse(recorded || '[]') as unknown
  const removed: string[] = []
  for (const dir of Array.isArray(dirs) ? dirs : []) {
    if (typeof dir !== 'string' || !path.isAbsolute(dir) || !path.basename(dir).startsWith(TEMP_DIR_PREFIX)) continue
    try {
      await rm(dir, { recursive: true })
      removed.push(dir)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') warn(`Removing ${dir} failed: ${(error as Error).message}`)
    }
  }
  return removed
}

export async function post(env: NodeJS.ProcessEnv = process.env, run: Docker = docker): Promise<void> {
  try {
    for (const dir of await removeTempDirs(env[`STATE_${State.TempDirs}`] ?? '')) info(`Removed ${dir}, left by the main step`)
  } catch (error) {
    warning(`Post step: ${(error as Error).message}`)
  }
  try {
    const registries = JSON.parse(env[`STATE_${State.LoggedInRegistries}`] || '[]') as string[]
    if (parseBoolean(Input.SkipLogout, getInput(env, Input.SkipLogout), false)) {
      if (registries.length > 0) info(`Staying logged in to ${registries.join(', ')} (skip-logout).`)
    } else {
      const configDir = env[`STATE_${State.LoginConfigDir}`] || undefined
      for (const r of await logout(run, registries, warning, configDir)) info(`Logged out of ${r}`)
    }
  } catch (error) {
    warning(`Post step: ${(error as Error).message}`)
  }
}
