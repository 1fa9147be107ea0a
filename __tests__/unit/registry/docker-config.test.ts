/**
 * config.json is changed under a lock file, so concurrent logins don't lose each other's
 * entries; a stale lock is taken over.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, utimesSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { writeLogin } from '../../../src/registry/config-login.js'
import { editDockerConfig } from '../../../src/registry/docker-config.js'
import { withFileLock } from '../../../src/registry/file-lock.js'
import { REGISTRY, auth, OURS, BEFORE, tempDir, configDir, readConfig } from '../../fixtures/docker-config.js'

const lockFile = (dir: string) => path.join(dir, 'config.json.lock')

/** A pid no process has: a child that has exited. */
const deadPid = (): number => Number(execFileSync('sh', ['-c', 'sh -c "echo \\$\\$"'], { encoding: 'utf8' }).trim())

describe('the lock on config.json', () => {
  test('two writers racing in one process: each reads the other’s change, neither is lost', async () => {
    const dir = configDir({ auths: {} })
    // Each edit reads, waits (another job's read lands here without a lock), then writes.
    const add = (registry: string) =>
      editDockerConfig(dir, registry, async config => {
        const auths = { ...config.auths }
        await sleep(50)
        config.auths = { ...auths, [registry]: OURS }
      })
    await Promise.all([add('a.example'), add('b.example'), add('c.example')])
    expect(Object.keys(readConfig(dir).auths ?? {}).sort()).toEqual(['a.example', 'b.example', 'c.example'])
    expect(existsSync(lockFile(dir))).toBe(false)
  })

  test('two logins to different registries at once, through writeLogin: both entries kept', async () => {
    const dir = configDir()
    const temp = tempDir('runner-temp-')
    await Promise.all([writeLogin(dir, 'a.example', auth('a'), temp), writeLogin(dir, 'b.example', auth('b'), temp)])
    expect(readConfig(dir).auths).toEqual({ 'a.example': auth('a'), 'b.example': auth('b') })
  })

  test('holders never overlap', async () => {
    const file = path.join(tempDir('lock-'), 'config.json')
    let inside = 0
    let most = 0
    const hold = () =>
      withFileLock(file, async () => {
        most = Math.max(most, ++inside)
        await sleep(20)
        inside--
      })
    await Promise.all([hold(), hold(), hold(), hold()])
    expect(most).toBe(1)
  })

  test('a lock whose process is gone is taken over at once', async () => {
    const dir = configDir({ auths: {} })
    writeFileSync(lockFile(dir), JSON.stringify({ pid: deadPid(), host: os.hostname(), at: Date.now(), token: 'left-behind' }))
    const started = Date.now()
    await editDockerConfig(dir, REGISTRY, config => void (config.auths = { [REGISTRY]: OURS }), { waitMs: 2000 })
    expect(Date.now() - started).toBeLessThan(1000)
    expect(readConfig(dir).auths).toEqual({ [REGISTRY]: OURS })
    expect(readdirSync(dir)).toEqual(['config.json'])
  })

  test('a lock older than any holder keeps one is stale, even unreadable or from another host', async () => {
    for (const text of ['', JSON.stringify({ pid: process.pid, host: 'other-host', at: 0, token: 'x' })]) {
      const dir = configDir({ auths: {} })
      writeFileSync(lockFile(dir), text)
      const old = new Date(Date.now() - 60_000)
      utimesSync(lockFile(dir), old, old)
      await editDockerConfig(dir, REGISTRY, config => void (config.auths = { [REGISTRY]: OURS }), { waitMs: 1000 })
      expect(readConfig(dir).auths).toEqual({ [REGISTRY]: OURS })
    }
  })

  test('a live holder is waited for, a bounded time; then an error naming the lock and its holder, the config untouched', async () => {
    const dir = configDir({ auths: { [REGISTRY]: BEFORE } })
    writeFileSync(lockFile(dir), JSON.stringify({ pid: process.pid, host: os.hostname(), at: Date.now(), token: 'held' }))
    const started = Date.now()
    await expect(editDockerConfig(dir, REGISTRY, config => void (config.auths = {}), { waitMs: 300 })).rejects.toThrow(`${lockFile(dir)} is held by process ${process.pid} on ${os.hostname()}`)
    expect(Date.now() - started).toBeGreaterThanOrEqual(300)
    expect(readConfig(dir).auths).toEqual({ [REGISTRY]: BEFORE })
    expect(existsSync(lockFile(dir))).toBe(true)
  })

  test('a live holder that lets go is followed', async () => {
    const file = path.join(tempDir('lock-'), 'config.json')
    const order: string[] = []
    const first = withFileLock(file, async () => {
      await sleep(100)
      order.push('first')
    })
    await sleep(10)
    await withFileLock(file, async () => void order.push('second'))
    await first
    expect(order).toEqual(['first', 'second'])
  })
})
