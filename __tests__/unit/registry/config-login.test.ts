/**
 * A login written into a docker config that other jobs share: the post step takes out only
 * the entry its run wrote and puts back the one that entry replaced, with runs side by side.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { decideUndo, entryHash, HANDOFF, undoLogin, writeLogin, type WrittenLogin } from '../../../src/registry/config-login.js'
import { REGISTRY, auth, OURS, BEFORE, OTHER_JOB, tempDir, configDir, readConfig } from '../../fixtures/docker-config.js'

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
