/**
 * The registry login the main step writes into docker's config file, and how the post step
 * takes it out again without taking anyone else's: jobs on a self-hosted runner that share
 * `~/.docker` log in to the same registry side by side, and the user may have had a login
 * there before the run.
 *
 * The main step remembers the entry it wrote only as a SHA-256 of it (step state: nothing
 * to log in with), and the entry it replaced, if any, in a file of its own in the runner's
 * temporary folder, readable by its owner only, that the post step reads and deletes. That
 * entry is a credential: the step state (GITHUB_STATE) is a file too, but its values become
 * the post step's environment, which any process of the user can read, and nothing deletes
 * it before the job ends. The copy adds no reader: config.json, which held it, is a file of
 * the same user, also readable by its owner only.
 *
 * The post step, under the config's lock: the entry still the one written → the replaced
 * one back (or none); another entry since (another job logged in) → left alone, said in one
 * line, and handed off: what this run replaced is kept beside config.json (HANDOFF, owner
 * only) under the hash of this run's entry, so the run that replaced it, putting this run's
 * entry back at its end, puts back the older one instead — once every run has ended the
 * config holds what it held before the first, and no run's token. Node built-ins only: the
 * post step's bundle stays small.
 */
import { createHash, randomUUID } from 'node:crypto'
import { readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { TEMP_DIR_PREFIX } from '../constants.js'
import { editDockerConfig, replaceFile } from './docker-config.js'

/** What the post step is told about a login written to the config file (the step state). */
export interface WrittenLogin {
  registry: string
  /** SHA-256 of the entry written: tells it from an entry written since, and is no credential */
  sha256: string
  /** the file keeping the entry it replaced; absent when there was none */
  replaced?: string
}

/** What the post step did with the config's entry for the registry. */
export type Undone = 'removed' | 'restored' | 'gone' | 'changed'

const REPLACED_PREFIX = `${TEMP_DIR_PREFIX}replaced-login-`
/** Beside config.json: entries of runs that ended while another run's login covered theirs. */
export const HANDOFF = 'ecr-build-push-handoff.json'
/** A handoff outlives no token it is about: ECR's last 12 hours. */
const HANDOFF_TTL_MS = 12 * 3600_000

/** Entries a run replaced, by the SHA-256 of that run's own entry; null: it replaced none. */
type Handoff = Record<string, { replaced: unknown; at: number }>

/** SHA-256 of an entry as JSON with its keys sorted: the same entry whoever wrote the file. */
export function entryHash(entry: unknown): string {
  const sorted = typeof entry === 'object' && entry !== null && !Array.isArray(entry) ? Object.fromEntries(Object.entries(entry).sort(([a], [b]) => (a < b ? -1 : 1))) : entry
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex')
}

/**
 * Main step: puts `entry` in the config for the registry; undefined when docker keeps the
 * registry's credentials elsewhere. `earlier` is this run's own earlier login (a renewed
 * token): while its entry is still there, what it replaced stays what this one replaces;
 * if another run's entry covers it, it is handed off as at the post step.
 */
export async function writeLogin(configDir: string, registry: string, entry: object, tempDir: string, earlier?: WrittenLogin): Promise<WrittenLogin | undefined> {
  let saved: string | undefined
  try {
    const done = await editDockerConfig(configDir, registry, async (config, file) => {
      const current = config.auths?.[registry]
      let replaced = earlier?.replaced
      if (earlier === undefined || current === undefined || entryHash(current) !== earlier.sha256) {
        if (earlier !== undefined && current !== undefined) await handOff(file, earlier, await readReplaced(earlier.replaced).catch(() => undefined))
        if (earlier?.replaced !== undefined) await removeReplaced(earlier.replaced)
        replaced = saved = current === undefined ? undefined : await saveReplaced(tempDir, current)
      }
      config.auths = { ...config.auths, [registry]: entry }
      return { registry, sha256: entryHash(entry), ...(replaced !== undefined ? { replaced } : {}) }
    })
    return done?.result
  } catch (error) {
    if (saved !== undefined) await removeReplaced(saved)
    throw error
  }
}

/** What the post step does with the entry it finds: `written` unknown (no record) → removed, as docker logout would. */
export function decideUndo(current: unknown, written: WrittenLogin | undefined): 'remove' | 'restore' | 'gone' | 'changed' {
  if (current === undefined) return 'gone'
  if (written === undefined) return 'remove'
  if (entryHash(current) !== written.sha256) return 'changed'
  return written.replaced !== undefined ? 'restore' : 'remove'
}

/**
 * Post step: undoes the login in the config (decideUndo); undefined when docker keeps the
 * registry's credentials elsewhere now. A replaced entry that can't be read back is warned
 * about, and the run's own entry still removed.
 */
export async function undoLogin(configDir: string, registry: string, written: WrittenLogin | undefined, warn: (m: string) => void): Promise<Undone | undefined> {
  let replaced: unknown
  try {
    replaced = await readReplaced(written?.replaced)
  } catch (error) {
    warn(`The login to ${registry} this run replaced in docker's config could not be read back (${(error as Error).message}); removing this run's.`)
  }
  const done = await editDockerConfig(configDir, registry, async (config, file): Promise<Undone> => {
    const decision = decideUndo(config.auths?.[registry], written)
    if (decision === 'gone') return decision
    if (decision === 'changed' && written !== undefined) {
      await handOff(file, written, replaced)
      return decision
    }
    const back = decision === 'restore' ? await takeHandedOff(file, replaced) : undefined
    const { [registry]: _, ...others } = config.auths ?? {}
    config.auths = back !== undefined ? { ...others, [registry]: back } : others
    return back !== undefined ? 'restored' : 'removed'
  })
  return done?.result
}

/** Records that this run's entry, covered by another run's, stands for the entry it replaced. */
async function handOff(file: string, written: WrittenLogin, replaced: unknown): Promise<void> {
  const handoff = await readHandoff(file)
  const stands = resolve(handoff, replaced)
  // An entry that would stand for itself (two runs given the same token) needs no handoff.
  if (stands === undefined || entryHash(stands) !== written.sha256) handoff[written.sha256] = { replaced: stands ?? null, at: Date.now() }
  await writeHandoff(file, handoff)
}

/** The entry to put back: through the handoffs of runs that have ended, to the one before them. */
async function takeHandedOff(file: string, entry: unknown): Promise<unknown> {
  if (entry === undefined) return undefined
  const handoff = await readHandoff(file)
  const before = Object.keys(handoff).length
  const back = resolve(handoff, entry)
  if (Object.keys(handoff).length !== before) await writeHandoff(file, handoff)
  return back
}

/** Follows (and takes out) the handoffs from `entry`; undefined: none to put back. */
function resolve(handoff: Handoff, entry: unknown): unknown {
  while (entry !== undefined && entry !== null) {
    const step = handoff[entryHash(entry)]
    if (step === undefined) return entry
    delete handoff[entryHash(entry)]
    entry = step.replaced
  }
  return undefined
}

async function readHandoff(file: string): Promise<Handoff> {
  let text: string
  try {
    text = await readFile(path.join(path.dirname(file), HANDOFF), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {}
    throw error
  }
  const handoff = JSON.parse(text) as unknown
  if (typeof handoff !== 'object' || handoff === null || Array.isArray(handoff)) throw new Error(`${HANDOFF} beside docker's config is not a JSON object`)
  return handoff as Handoff
}

/** Writes the handoffs (owner only) without those older than any token; no file when none is left. */
async function writeHandoff(file: string, handoff: Handoff): Promise<void> {
  const kept = Object.entries(handoff).filter(([, h]) => Date.now() - h.at < HANDOFF_TTL_MS)
  const target = path.join(path.dirname(file), HANDOFF)
  if (kept.length === 0) await rm(target, { force: true })
  else await replaceFile(target, `${JSON.stringify(Object.fromEntries(kept))}\n`)
}

/** Keeps a replaced entry in a new file only its owner reads. */
async function saveReplaced(dir: string, entry: unknown): Promise<string> {
  const file = path.join(dir, `${REPLACED_PREFIX}${randomUUID()}.json`)
  await writeFile(file, JSON.stringify(entry), { mode: 0o600, flag: 'wx' })
  return file
}

/** Only files the action names as its own: the path comes from the step state. */
const isReplacedFile = (file: string): boolean => path.isAbsolute(file) && path.basename(file).startsWith(REPLACED_PREFIX)

/** The entry a replaced-entry file keeps; undefined for no file. */
async function readReplaced(file: string | undefined): Promise<unknown> {
  if (file === undefined) return undefined
  if (!isReplacedFile(file)) throw new Error(`${file} is not a file the action wrote`)
  return JSON.parse(await readFile(file, 'utf8')) as unknown
}

/** Deletes the file keeping a replaced entry (the post step, whatever it did with the login). */
export async function removeReplaced(file: string): Promise<void> {
  if (isReplacedFile(file)) await rm(file, { force: true })
}
