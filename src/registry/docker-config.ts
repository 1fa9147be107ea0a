/**
 * Docker's config file (`$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`), for a
 * login kept there: where docker keeps credentials when no credential store or helper
 * does, in the format `docker login` writes. The main step adds the registry's entry and
 * the post step takes it out again, each without a docker process, each reading, changing
 * and writing the file under its lock (file-lock.ts): jobs that share the file don't lose
 * each other's changes. Node built-ins only: the post step's bundle stays small.
 */
import { mkdir, readFile, realpath, rename, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { withFileLock, type LockOptions } from './file-lock.js'

export interface DockerConfigFile {
  auths?: Record<string, unknown>
  credsStore?: string
  credHelpers?: Record<string, string>
}

/** Where docker keeps its configuration: $DOCKER_CONFIG, else ~/.docker (as the docker CLI decides). */
export function dockerConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.DOCKER_CONFIG || path.join(env.HOME || os.homedir(), '.docker')
}

/** config.json as an object: `{}` when there is no file yet; undefined when it can't be read as a JSON object. */
export async function readDockerConfig(configDir: string): Promise<DockerConfigFile | undefined> {
  let config: unknown
  try {
    config = JSON.parse(await readFile(path.join(configDir, 'config.json'), 'utf8'))
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? {} : undefined
  }
  return typeof config === 'object' && config !== null && !Array.isArray(config) ? (config as DockerConfigFile) : undefined
}

/**
 * The config when docker keeps this registry's credentials in the file itself: `{}` when
 * there is no file yet; undefined when a credential store or helper keeps them, or the
 * file can't be read as JSON (then `docker login`/`logout` decide, and explain).
 */
export async function fileStoreConfig(configDir: string, registry: string): Promise<DockerConfigFile | undefined> {
  const c = await readDockerConfig(configDir)
  return c === undefined || c.credsStore || c.credHelpers?.[registry] ? undefined : c
}

/**
 * Replaces config.json atomically (a file beside it, then a rename), readable by its owner
 * only. A config.json that is a symlink keeps being one: its target is replaced, as the
 * docker CLI does.
 */
export async function writeDockerConfig(configDir: string, config: DockerConfigFile): Promise<void> {
  await mkdir(configDir, { recursive: true, mode: 0o700 })
  await replaceFile(await configFile(configDir), `${JSON.stringify(config, null, '\t')}\n`)
}

/** Replaces a file atomically (a file beside it, then a rename), readable by its owner only. */
export async function replaceFile(file: string, text: string): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`)
  try {
    await writeFile(temporary, text, { mode: 0o600 })
    await rename(temporary, file)
  } catch (error) {
    await rm(temporary, { force: true })
    throw new Error(`could not write ${file}: ${(error as Error).message}`, { cause: error })
  }
}

/** config.json's real path: a symlink's target (the file written, and the lock beside it). */
const configFile = (configDir: string): Promise<string> => realpath(path.join(configDir, 'config.json')).catch(() => path.join(configDir, 'config.json'))

/**
 * Reads config.json, lets `edit` change it and writes it back if it changed, all under
 * config.json's lock; `edit` is also given config.json's real path (files kept beside it
 * are changed under the same lock). Undefined (and `edit` not run) when docker keeps this
 * registry's credentials elsewhere or can't read the file (see fileStoreConfig).
 */
export async function editDockerConfig<T>(
  configDir: string,
  registry: string,
  edit: (config: DockerConfigFile, file: string) => T | Promise<T>,
  lock?: LockOptions
): Promise<{ result: T } | undefined> {
  await mkdir(configDir, { recursive: true, mode: 0o700 })
  const file = await configFile(configDir)
  return withFileLock(
    file,
    async () => {
      const config = await fileStoreConfig(configDir, registry)
      if (config === undefined) return undefined
      const before = JSON.stringify(config)
      const result = await edit(config, file)
      if (JSON.stringify(config) !== before) await writeDockerConfig(configDir, config)
      return { result }
    },
    lock
  )
}
