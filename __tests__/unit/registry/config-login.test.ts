/**
 * Jobs sharing one docker config (self-hosted runners, one user): config.json is changed
 * under a lock file, so concurrent logins don't lose each other's entries; the post step
 * takes out only the entry its run wrote and puts back the one that entry replaced; a
 * self-hosted job without a DOCKER_CONFIG of its own is told so.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { stdoutOf } from '../../fixtures/stdout.js'
import { setTimeout as sleep } from 'node:timers/promises'
import { post } from '../../../src/post.js'
import { decideUndo, entryHash, HANDOFF, undoLogin, writeLogin, type WrittenLogin } from '../../../src/registry/config-login.js'
import { editDockerConfig } from '../../../src/registry/docker-config.js'
import { withFileLock } from '../../../src/registry/file-lock.js'
import { sharedConfigNotice } from '../../../src/registry/login.js'

const REGISTRY = '123456789012.dkr.ecr.us-east-1.amazonaws.com'
const auth = (password: string) => ({ auth: Buffer.from(`AWS:${password}`).toString('base64') })
const OURS = auth('this-run')
const BEFORE = auth('the-login-before')
const OTHER_JOB = auth('another-job')

const tempDir = (prefix: string) => mkdtempSync(path.join(os.tmpdir(), prefix))
function configDir(config?: object): string {
  const dir = tempDir('docker-config-')
  if (config) writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config))
  return dir
}
const readConfig = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8')) as { auths?: Record<string, unknown> }
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
    await expect(editDockerConfig(dir, REGISTRY, config => void (config.auths = {}), { waitMs: 300 })).rejects.toThrow(
      `${lockFile(dir)} is held by process ${process.pid} on ${os.hostname()}`
    )
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

describe('what the post step does with the entry', () => {
  const written = (replaced?: string): WrittenLogin => ({ registry: REGISTRY, sha256: entryHash(OURS), ...(replaced ? { replaced } : {}) })

  test.each([
    ['still this run’s, nothing before', OURS, written(), 'remove'],
    ['still this run’s, another before', OURS, written('/tmp/x'), 'restore'],
    ['another job’s since', OTHER_JOB, written('/tmp/x'), 'changed'],
    ['gone (logged out since)', undefined, written('/tmp/x'), 'gone'],
    ['no record from the main step', OTHER_JOB, undefined, 'remove']
  ])('%s → %s', (_what, current, record, decision) => {
    expect(decideUndo(current === undefined ? undefined : JSON.parse(JSON.stringify(current)), record)).toBe(decision)
  })

  test('an entry is the same whatever the order of its keys', () => {
    expect(entryHash({ auth: 'eA==', identitytoken: 't' })).toBe(entryHash({ identitytoken: 't', auth: 'eA==' }))
    expect(entryHash({ auth: 'eA==' })).not.toBe(entryHash({ auth: 'eQ==' }))
  })
})

describe('a login over an earlier one, and back', () => {
  const warnings: string[] = []
  const warn = (m: string) => void warnings.push(m)
  beforeEach(() => (warnings.length = 0))

  test('the entry replaced is kept in a file only its owner reads, never in the record; the post step puts it back', async () => {
    const dir = configDir({ auths: { [REGISTRY]: BEFORE, 'ghcr.io': { auth: 'eQ==' } }, currentContext: 'ci' })
    const temp = tempDir('runner-temp-')
    const record = await writeLogin(dir, REGISTRY, OURS, temp)
    expect(readConfig(dir).auths).toEqual({ [REGISTRY]: OURS, 'ghcr.io': { auth: 'eQ==' } })
    expect(record).toEqual({ registry: REGISTRY, sha256: entryHash(OURS), replaced: expect.stringMatching(new RegExp(`^${temp}/ecr-build-push-replaced-login-`)) })
    expect(JSON.stringify(record)).not.toContain(BEFORE.auth)
    expect(JSON.stringify(record)).not.toContain(OURS.auth)
    const replaced = record?.replaced ?? ''
    expect(statSync(replaced).mode & 0o777).toBe(0o600)
    expect(JSON.parse(readFileSync(replaced, 'utf8'))).toEqual(BEFORE)

    expect(await undoLogin(dir, REGISTRY, record, warn)).toBe('restored')
    expect(readConfig(dir)).toEqual({ auths: { [REGISTRY]: BEFORE, 'ghcr.io': { auth: 'eQ==' } }, currentContext: 'ci' })
    expect(warnings).toEqual([])
  })

  test('nothing before: the entry is removed', async () => {
    const dir = configDir({ auths: { 'ghcr.io': { auth: 'eQ==' } } })
    const record = await writeLogin(dir, REGISTRY, OURS, tempDir('runner-temp-'))
    expect(record).toEqual({ registry: REGISTRY, sha256: entryHash(OURS) })
    expect(await undoLogin(dir, REGISTRY, record, warn)).toBe('removed')
    expect(readConfig(dir).auths).toEqual({ 'ghcr.io': { auth: 'eQ==' } })
  })

  test('another job logged in since: its entry is left alone', async () => {
    const dir = configDir({ auths: { [REGISTRY]: BEFORE } })
    const record = await writeLogin(dir, REGISTRY, OURS, tempDir('runner-temp-'))
    await writeLogin(dir, REGISTRY, OTHER_JOB, tempDir('runner-temp-'))
    expect(await undoLogin(dir, REGISTRY, record, warn)).toBe('changed')
    expect(readConfig(dir).auths).toEqual({ [REGISTRY]: OTHER_JOB })
  })

  test('the token renewed during the run: the entry replaced stays the one from before the run', async () => {
    const dir = configDir({ auths: { [REGISTRY]: BEFORE } })
    const temp = tempDir('runner-temp-')
    const first = await writeLogin(dir, REGISTRY, OURS, temp)
    const second = await writeLogin(dir, REGISTRY, auth('renewed'), temp, first)
    expect(second).toEqual({ registry: REGISTRY, sha256: entryHash(auth('renewed')), replaced: first?.replaced })
    expect(await undoLogin(dir, REGISTRY, second, warn)).toBe('restored')
    expect(readConfig(dir).auths).toEqual({ [REGISTRY]: BEFORE })
  })

  test('renewed after another job wrote its own: what is replaced now is that job’s entry; both ends leave the login from before', async () => {
    const dir = configDir({ auths: { [REGISTRY]: BEFORE } })
    const temp = tempDir('runner-temp-')
    const first = await writeLogin(dir, REGISTRY, OURS, temp)
    const other = await writeLogin(dir, REGISTRY, OTHER_JOB, tempDir('runner-temp-'))
    const second = await writeLogin(dir, REGISTRY, auth('renewed'), temp, first)
    expect(existsSync(first?.replaced ?? '')).toBe(false)
    expect(JSON.parse(readFileSync(second?.replaced ?? '', 'utf8'))).toEqual(OTHER_JOB)
    expect(await undoLogin(dir, REGISTRY, other, warn)).toBe('changed')
    expect(await undoLogin(dir, REGISTRY, second, warn)).toBe('restored')
    expect(readConfig(dir).auths).toEqual({ [REGISTRY]: BEFORE })
    expect(readdirSync(dir)).toEqual(['config.json'])
  })

  test('a replaced entry that can’t be read back: warned, this run’s entry still removed', async () => {
    const dir = configDir({ auths: { [REGISTRY]: OURS } })
    const record: WrittenLogin = { registry: REGISTRY, sha256: entryHash(OURS), replaced: path.join(tempDir('runner-temp-'), 'ecr-build-push-replaced-login-gone.json') }
    expect(await undoLogin(dir, REGISTRY, record, warn)).toBe('removed')
    expect(readConfig(dir).auths).toEqual({})
    expect(warnings).toEqual([expect.stringContaining(`The login to ${REGISTRY} this run replaced in docker's config could not be read back`)])
  })
})

describe('runs side by side on one config', () => {
  /** Every order of three things. */
  const orders = [
    [0, 1, 2],
    [0, 2, 1],
    [1, 0, 2],
    [1, 2, 0],
    [2, 0, 1],
    [2, 1, 0]
  ]

  test.each(orders)('three runs log in one after the other and end in the order %i %i %i: the login from before is back, no run’s token is left', async (...order) => {
    const dir = configDir({ auths: { [REGISTRY]: BEFORE } })
    const runs: (WrittenLogin | undefined)[] = []
    for (const name of ['a', 'b', 'c']) runs.push(await writeLogin(dir, REGISTRY, auth(name), tempDir('runner-temp-')))
    for (const i of order) await undoLogin(dir, REGISTRY, runs[i], () => {})
    expect(readConfig(dir).auths).toEqual({ [REGISTRY]: BEFORE })
    expect(readdirSync(dir)).toEqual(['config.json'])
  })

  test('the first ends first (two jobs of about the same length): its post leaves the second’s login; the second’s removes it, no login before', async () => {
    const dir = configDir()
    const first = await writeLogin(dir, REGISTRY, auth('first'), tempDir('runner-temp-'))
    const second = await writeLogin(dir, REGISTRY, auth('second'), tempDir('runner-temp-'))
    expect(await undoLogin(dir, REGISTRY, first, () => {})).toBe('changed')
    expect(readConfig(dir).auths).toEqual({ [REGISTRY]: auth('second') })
    // What the first replaced (nothing), kept beside the config under its entry's hash, owner only: no credential in it here.
    expect(JSON.parse(readFileSync(path.join(dir, HANDOFF), 'utf8'))).toEqual({ [entryHash(auth('first'))]: { replaced: null, at: expect.any(Number) } })
    expect(statSync(path.join(dir, HANDOFF)).mode & 0o777).toBe(0o600)
    expect(await undoLogin(dir, REGISTRY, second, () => {})).toBe('removed')
    expect(readConfig(dir).auths).toEqual({})
    expect(readdirSync(dir)).toEqual(['config.json'])
  })

  test('handoffs older than any token are dropped', async () => {
    const dir = configDir({ auths: { [REGISTRY]: auth('second') } })
    writeFileSync(path.join(dir, HANDOFF), JSON.stringify({ stale: { replaced: BEFORE, at: Date.now() - 13 * 3600_000 } }))
    const first: WrittenLogin = { registry: REGISTRY, sha256: entryHash(auth('first')) }
    expect(await undoLogin(dir, REGISTRY, first, () => {})).toBe('changed')
    expect(Object.keys(JSON.parse(readFileSync(path.join(dir, HANDOFF), 'utf8')) as object)).toEqual([entryHash(auth('first'))])
  })
})

describe('the post step with the main step’s record', () => {
  const noDocker = async () => {
    throw new Error('docker is not run')
  }
  const state = (dir: string, record: WrittenLogin | undefined, extra: Record<string, string> = {}) => ({
    'STATE_logged-in-registries': JSON.stringify([REGISTRY]),
    'STATE_login-config-dir': dir,
    'STATE_login-written': JSON.stringify(record),
    ...extra
  })

  test('the login before the run is back, the file that kept it deleted', async () => {
    const dir = configDir({ auths: { [REGISTRY]: BEFORE } })
    const record = await writeLogin(dir, REGISTRY, OURS, tempDir('runner-temp-'))
    expect(await stdoutOf(() => post(state(dir, record), noDocker))).toBe(`Logged out of ${REGISTRY}; the login this run replaced is back\n`)
    expect(readConfig(dir).auths).toEqual({ [REGISTRY]: BEFORE })
    expect(existsSync(record?.replaced ?? '')).toBe(false)
  })

  test('another job’s login since: left, in one line', async () => {
    const dir = configDir({ auths: { [REGISTRY]: BEFORE } })
    const record = await writeLogin(dir, REGISTRY, OURS, tempDir('runner-temp-'))
    await writeLogin(dir, REGISTRY, OTHER_JOB, tempDir('runner-temp-'))
    expect(await stdoutOf(() => post(state(dir, record), noDocker))).toBe(
      `Left the login to ${REGISTRY} in docker's config: it is no longer the one this run wrote (another job logged in since).\n`
    )
    expect(readConfig(dir).auths).toEqual({ [REGISTRY]: OTHER_JOB })
    expect(existsSync(record?.replaced ?? '')).toBe(false)
  })

  test('skip-logout: the login stays, and the file keeping the one it replaced is deleted all the same', async () => {
    const dir = configDir({ auths: { [REGISTRY]: BEFORE } })
    const record = await writeLogin(dir, REGISTRY, OURS, tempDir('runner-temp-'))
    await stdoutOf(() => post(state(dir, record, { 'INPUT_SKIP-LOGOUT': 'true' }), noDocker))
    expect(readConfig(dir).auths).toEqual({ [REGISTRY]: OURS })
    expect(existsSync(record?.replaced ?? '')).toBe(false)
  })

  test('a replaced-entry path in the state that is not the action’s file is neither read nor deleted', async () => {
    const dir = configDir({ auths: { [REGISTRY]: OURS } })
    const foreign = path.join(tempDir('elsewhere-'), 'keep.json')
    writeFileSync(foreign, JSON.stringify(BEFORE))
    const log = await stdoutOf(() => post(state(dir, { registry: REGISTRY, sha256: entryHash(OURS), replaced: foreign }), noDocker))
    expect(log).toContain('is not a file the action wrote')
    expect(readConfig(dir).auths).toEqual({})
    expect(existsSync(foreign)).toBe(true)
  })
})

describe('a self-hosted job sharing its user’s docker config', () => {
  test('is told, in one line, how to have its own', () => {
    const notice = sharedConfigNotice({ RUNNER_ENVIRONMENT: 'self-hosted', HOME: '/home/runner' }) ?? ''
    expect(notice).toContain('DOCKER_CONFIG is not set')
    expect(notice).toContain('/home/runner/.docker')
    expect(notice).toContain("DOCKER_CONFIG: ${{ runner.temp }}/docker-config in the job's env")
    expect(notice).not.toContain('\n')
  })

  test.each([
    ['GitHub-hosted', { RUNNER_ENVIRONMENT: 'github-hosted', HOME: '/home/runner' }],
    ['a DOCKER_CONFIG of its own', { RUNNER_ENVIRONMENT: 'self-hosted', DOCKER_CONFIG: '/tmp/job/docker', HOME: '/home/runner' }],
    ['not on a runner', { HOME: '/home/me' }]
  ])('%s: no notice', (_what, env) => {
    expect(sharedConfigNotice(env)).toBeUndefined()
  })
})
