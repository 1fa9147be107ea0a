/**
 * Post step: logs docker out of the registries the main step logged in to, unless
 * `skip-logout` — out of docker's config file where the main step wrote the login there
 * (only the entry it wrote, the one it replaced put back), else with `docker logout` —
 * and removes the temporary folders the main step recorded and did not remove itself (it
 * was cancelled). Warns and never fails the job.
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
import { removeReplaced, undoLogin, type Undone, type WrittenLogin } from './registry/config-login.js'
import { getInput, parseBoolean } from './settings/input.js'

/** `::warning::` with the runner's escaping of %, CR and LF. */
const warning = (message: string): void => {
  process.stdout.write(`::warning::${message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}${os.EOL}`)
}
const info = (message: string): void => {
  process.stdout.write(`${message}${os.EOL}`)
}

export interface LogoutOptions {
  warn?: (m: string) => void
  info?: (m: string) => void
  /** the docker config folder the main step wrote its login to */
  configDir?: string | undefined
  /** which entry it wrote there (config-login.ts) */
  written?: WrittenLogin
}

/**
 * Forgets the registry credentials; returns the registries logged out. Warns, never fails.
 * A login the main step wrote to docker's config file (`configDir`) is taken out of it
 * without a docker process while the file still keeps credentials itself — only while the
 * entry is still the one this run wrote, the entry it replaced put back (config-login.ts);
 * otherwise `docker logout`.
 */
export async function logout(run: Docker, registries: string[], { warn = warning, info: say = info, configDir, written }: LogoutOptions = {}): Promise<string[]> {
  const done: string[] = []
  for (const registry of registries) {
    const undone = configDir === undefined ? undefined : await undoInConfigFile(configDir, registry, written?.registry === registry ? written : undefined, warn)
    if (undone === 'changed') {
      say(`Left the login to ${registry} in docker's config: it is no longer the one this run wrote (another job logged in since).`)
      continue
    }
    if (undone !== undefined) {
      say(undone === 'restored' ? `Logged out of ${registry}; the login this run replaced is back` : `Logged out of ${registry}`)
      done.push(registry)
      continue
    }
    const result = await run(['logout', registry])
    if (result.exitCode === 0) {
      say(`Logged out of ${registry}`)
      done.push(registry)
    } else warn(`docker logout ${registry} failed: ${lastLine(result)}`)
  }
  return done
}

/**
 * undoLogin, or undefined — docker logout then — when the config file doesn't keep the
 * login, or can't be changed (its lock not had in time): a credential left behind is worse
 * than another job having to log in again.
 */
async function undoInConfigFile(configDir: string, registry: string, written: WrittenLogin | undefined, warn: (m: string) => void): Promise<Undone | undefined> {
  try {
    return await undoLogin(configDir, registry, written, warn)
  } catch (error) {
    warn(`Removing the login to ${registry} from docker's config failed (${(error as Error).message}); trying docker logout.`)
    return undefined
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
  const written = parseWritten(env[`STATE_${State.LoginWritten}`])
  const readLogins = parseReadLogins(env[`STATE_${State.ReadLogins}`])
  try {
    const registries = JSON.parse(env[`STATE_${State.LoggedInRegistries}`] || '[]') as string[]
    if (parseBoolean(Input.SkipLogout, getInput(env, Input.SkipLogout), false)) {
      const all = [...registries, ...readLogins.map(r => r.registry)]
      if (all.length > 0) info(`Staying logged in to ${all.join(', ')} (skip-logout).`)
    } else {
      await logout(run, registries, { configDir: env[`STATE_${State.LoginConfigDir}`] || undefined, ...(written ? { written } : {}) })
      for (const other of readLogins) await logout(run, [other.registry], { configDir: other.configDir, ...(other.written ? { written: other.written } : {}) })
    }
  } catch (error) {
    warning(`Post step: ${(error as Error).message}`)
  } finally {
    for (const w of [written, ...readLogins.map(r => r.written)]) {
      if (w?.replaced !== undefined) await removeReplaced(w.replaced).catch(error => warning(`Post step: ${(error as Error).message}`))
    }
  }
}

/** The logins to `read-registries` the main step made; none when there is no record (or it can't be read). */
function parseReadLogins(text: string | undefined): { registry: string; configDir?: string; written?: WrittenLogin }[] {
  try {
    const logins = JSON.parse(text || '[]') as unknown
    return (Array.isArray(logins) ? logins : []).flatMap((l: { registry?: unknown; configDir?: unknown; written?: unknown }) => {
      if (typeof l?.registry !== 'string') return []
      const written = validWritten(l.written)
      return [{ registry: l.registry, ...(typeof l.configDir === 'string' ? { configDir: l.configDir } : {}), ...(written ? { written } : {}) }]
    })
  } catch {
    return []
  }
}

/** The main step's record of the entry it wrote; undefined when there is none (or it can't be read). */
function parseWritten(text: string | undefined): WrittenLogin | undefined {
  try {
    return validWritten(JSON.parse(text || 'null'))
  } catch {
    return undefined
  }
}

function validWritten(value: unknown): WrittenLogin | undefined {
  const w = value as Partial<WrittenLogin> | null | undefined
  const valid = typeof w?.registry === 'string' && typeof w.sha256 === 'string' && (w.replaced === undefined || typeof w.replaced === 'string')
  return valid ? (w as WrittenLogin) : undefined
}
