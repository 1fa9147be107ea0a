/** A lock file beside a shared file: held for the change only, waited for a bounded time, taken over when stale. */
import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { isStale, withFileLock } from '../../../src/registry/file-lock.js'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'file-lock-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const holder = (pid: number, host = os.hostname()) => JSON.stringify({ pid, host, at: Date.now(), token: 'theirs' })
/** A pid that runs no process here: the highest a Linux kernel hands out, plus one. */
const GONE = 4_194_305

test("fn's value, the lock file there while it runs and gone after — also when fn throws", async () => {
  const file = path.join(dir, 'config.json')
  expect(await withFileLock(file, async () => existsSync(`${file}.lock`))).toBe(true)
  expect(existsSync(`${file}.lock`)).toBe(false)
  await expect(withFileLock(file, async () => Promise.reject(new Error('failed')))).rejects.toThrow('failed')
  expect(existsSync(`${file}.lock`)).toBe(false)
})

test('a live holder is waited for a bounded time, then an error naming it; its lock is left alone', async () => {
  const file = path.join(dir, 'config.json')
  writeFileSync(`${file}.lock`, holder(process.pid))
  let ran = false
  await expect(withFileLock(file, async () => void (ran = true), { waitMs: 200 })).rejects.toThrow(`${file}.lock is held by process ${process.pid} on ${os.hostname()}`)
  expect(ran).toBe(false)
  expect(existsSync(`${file}.lock`)).toBe(true)
})

test('a holder whose process is gone, or a lock older than any holder keeps one: taken over', async () => {
  const file = path.join(dir, 'config.json')
  writeFileSync(`${file}.lock`, holder(GONE))
  expect(await withFileLock(file, async () => 'ran', { waitMs: 200 })).toBe('ran')
  writeFileSync(`${file}.lock`, 'not a holder')
  const old = new Date(Date.now() - 60_000)
  utimesSync(`${file}.lock`, old, old)
  expect(await withFileLock(file, async () => 'ran again', { waitMs: 200 })).toBe('ran again')
  expect(existsSync(`${file}.lock`)).toBe(false)
})

test('isStale: too old whoever holds it; a holder on this host whose process is gone; never one on another host while young', () => {
  expect(isStale({ holder: undefined, ageMs: 11_000 }, 10_000)).toBe(true)
  expect(isStale({ holder: undefined, ageMs: 10 }, 10_000)).toBe(false)
  expect(isStale({ holder: { pid: GONE, host: os.hostname(), at: 0, token: 't' }, ageMs: 10 }, 10_000)).toBe(true)
  expect(isStale({ holder: { pid: process.pid, host: os.hostname(), at: 0, token: 't' }, ageMs: 10 }, 10_000)).toBe(false)
  expect(isStale({ holder: { pid: GONE, host: 'another-runner', at: 0, token: 't' }, ageMs: 10 }, 10_000)).toBe(false)
})
