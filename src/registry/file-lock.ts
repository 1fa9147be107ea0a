/**
 * A lock file beside a file that several processes read, change and write back (docker's
 * config.json, which the jobs of a self-hosted runner can share): `<file>.lock`, created
 * exclusively (O_EXCL), holding who took it — pid, host, time and a token of its own. A
 * process waits for it a bounded time; a lock whose holder is gone (its pid no longer runs
 * on this host) or that is older than any holder keeps one is stale and taken over.
 * Node built-ins only: the post step uses it too. Programs that don't know the lock (the
 * docker CLI) don't wait for it.
 */
import { randomUUID } from 'node:crypto'
import { link, open, readFile, rename, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import { setTimeout as sleep } from 'node:timers/promises'

export interface LockOptions {
  /** how long to wait for the lock before giving up (ms) */
  waitMs?: number
  /** a lock older than this is stale whoever holds it: held locks last milliseconds (ms) */
  staleMs?: number
}

const WAIT_MS = 15_000
const STALE_MS = 10_000

interface Holder {
  pid: number
  host: string
  at: number
  token: string
}

/** A lock file as found: who holds it (when its content can be read) and which file it is. */
interface Seen {
  holder: Holder | undefined
  /** inode, mtime and text: tells this file from one created after it under the same name */
  identity: string
  ageMs: number
}

/** Runs `fn` holding `<file>.lock`; throws when the lock can't be had within the wait. */
export async function withFileLock<T>(file: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const lock = `${file}.lock`
  const token = await acquire(lock, options.waitMs ?? WAIT_MS, options.staleMs ?? STALE_MS)
  try {
    return await fn()
  } finally {
    await release(lock, token)
  }
}

async function acquire(lock: string, waitMs: number, staleMs: number): Promise<string> {
  const token = randomUUID()
  const deadline = Date.now() + waitMs
  for (let pause = 10; ; pause = Math.min(pause * 2, 200)) {
    if (await create(lock, token)) return token
    const seen = await inspect(lock)
    if (seen === undefined) continue
    if (isStale(seen, staleMs)) {
      await breakStale(lock, seen)
      continue
    }
    if (Date.now() >= deadline) {
      const by = seen.holder ? `process ${seen.holder.pid} on ${seen.holder.host}` : 'another process'
      throw new Error(`${lock} is held by ${by} for ${Math.round(seen.ageMs / 1000)} s; remove it if no docker login is running`)
    }
    await sleep(pause + Math.floor(Math.random() * pause))
  }
}

/** True when this call created the lock file; false when it exists. */
async function create(lock: string, token: string): Promise<boolean> {
  let handle
  try {
    handle = await open(lock, 'wx', 0o600)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
  try {
    await handle.writeFile(JSON.stringify({ pid: process.pid, host: os.hostname(), at: Date.now(), token } satisfies Holder))
  } catch (error) {
    await handle.close()
    await rm(lock, { force: true })
    throw error
  }
  await handle.close()
  return true
}

/** The lock file as it is now; undefined when it is gone. */
async function inspect(lock: string): Promise<Seen | undefined> {
  try {
    const [info, text] = await Promise.all([stat(lock), readFile(lock, 'utf8')])
    return { holder: parseHolder(text), identity: `${info.ino}:${info.mtimeMs}:${text}`, ageMs: Date.now() - info.mtimeMs }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

function parseHolder(text: string): Holder | undefined {
  try {
    const h = JSON.parse(text) as Partial<Holder>
    return typeof h.pid === 'number' && typeof h.host === 'string' && typeof h.token === 'string' ? (h as Holder) : undefined
  } catch {
    return undefined // being written, or not ours: its age decides
  }
}

/** Stale: its holder's process is gone from this host, or it is older than any holder keeps it. */
export function isStale(seen: { holder: Holder | undefined; ageMs: number }, staleMs: number): boolean {
  if (seen.ageMs > staleMs) return true
  return seen.holder !== undefined && seen.holder.host === os.hostname() && !running(seen.holder.pid)
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Takes a stale lock away: moved aside first (a rename happens once, so two waiters can't
 * both remove it), then checked to be the file judged stale; a lock another waiter took in
 * between is put back.
 */
async function breakStale(lock: string, seen: Seen): Promise<void> {
  const aside = `${lock}.stale-${randomUUID()}`
  try {
    await rename(lock, aside)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
    throw error
  }
  const moved = await inspect(aside)
  if (moved !== undefined && moved.identity !== seen.identity) await link(aside, lock).catch(() => undefined)
  await rm(aside, { force: true })
}

/** Removes the lock if it is still this holder's (a stale-lock take-over may have replaced it). */
async function release(lock: string, token: string): Promise<void> {
  const text = await readFile(lock, 'utf8').catch(() => '')
  if (parseHolder(text)?.token === token) await rm(lock, { force: true })
}
