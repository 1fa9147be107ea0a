/**
 * The post step: docker logout (a warning, never a failure), the config entry the main step
 * recorded taken out, and the temporary folders the main step left removed.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { removeTempDirs, logout, post } from '../../src/post.js'
import { stdoutOf } from '../fixtures/stdout.js'
import { failed, fakeDocker, ok } from '../fixtures/docker.js'
import { entryHash, writeLogin, type WrittenLogin } from '../../src/registry/config-login.js'
import { REGISTRY, OURS, BEFORE, OTHER_JOB, tempDir, configDir, readConfig } from '../fixtures/docker-config.js'

describe('the post step’s cleanup', () => {
  test('removes the folders the main step recorded and left; only the action’s own', async () => {
    const temp = mkdtempSync(path.join(os.tmpdir(), 'runner-temp-'))
    const left = path.join(temp, 'ecr-build-push-abc123')
    const notOurs = path.join(temp, 'something-else')
    mkdirSync(path.join(left, 'oci-layout'), { recursive: true })
    mkdirSync(notOurs)
    const warnings: string[] = []
    const removed = await removeTempDirs(JSON.stringify([left, notOurs, 'ecr-build-push-relative', path.join(temp, 'ecr-build-push-gone'), '/']), w => warnings.push(w))
    expect(removed).toEqual([left])
    expect(existsSync(left)).toBe(false)
    expect(existsSync(notOurs)).toBe(true)
    expect(warnings).toEqual([])
    rmSync(temp, { recursive: true, force: true })
  })

  test('no state, or state that is not a list: nothing', async () => {
    expect(await removeTempDirs('')).toEqual([])
    expect(await removeTempDirs('{"a":1}')).toEqual([])
  })
})

describe('logout', () => {
  test('runs docker logout <host> once per registry', async () => {
    const { docker, calls } = fakeDocker([], ok(`Removing login credentials for ${REGISTRY}`))
    const warnings: string[] = []
    const other = '210987654321.dkr.ecr.eu-west-1.amazonaws.com'

    const done = await logout(docker, [REGISTRY, other], { warn: m => warnings.push(m), info: () => {} })

    expect(calls.map(c => c.args)).toEqual([
      ['logout', REGISTRY],
      ['logout', other]
    ])
    expect(calls.every(c => c.input === undefined)).toBe(true)
    expect(warnings).toEqual([])
    expect(done).toEqual([REGISTRY, other])
  })

  test('a failing logout warns and does not throw; the others still run', async () => {
    const other = '210987654321.dkr.ecr.eu-west-1.amazonaws.com'
    const { docker, calls } = fakeDocker([[`logout ${REGISTRY}`, failed('error: could not erase credentials: credential helper failed')]], ok())
    const warnings: string[] = []

    const done = await logout(docker, [REGISTRY, other], { warn: m => warnings.push(m), info: () => {} })

    expect(calls).toHaveLength(2)
    expect(warnings).toEqual([`docker logout ${REGISTRY} failed: error: could not erase credentials: credential helper failed`])
    expect(done).toEqual([other])
  })

  test('nothing to log out of: docker is not run', async () => {
    const { docker, calls } = fakeDocker()
    await logout(docker, [], { warn: () => {} })
    expect(calls).toEqual([])
  })
})

describe('the post step', () => {
  test('logs out of the registries in STATE_logged-in-registries', async () => {
    const { docker, calls } = fakeDocker([], ok())
    const log = await stdoutOf(() => post({ 'STATE_logged-in-registries': JSON.stringify([REGISTRY]) }, docker))
    expect(calls.map(c => c.args)).toEqual([['logout', REGISTRY]])
    expect(log).toBe(`Logged out of ${REGISTRY}\n`)
  })

  test('skip-logout keeps the login and says so', async () => {
    const { docker, calls } = fakeDocker([], ok())
    const log = await stdoutOf(() => post({ 'STATE_logged-in-registries': JSON.stringify([REGISTRY]), 'INPUT_SKIP-LOGOUT': 'true' }, docker))
    expect(calls).toEqual([])
    expect(log).toBe(`Staying logged in to ${REGISTRY} (skip-logout).\n`)
  })

  test('a failed logout is a ::warning:: command, escaped as the runner reads it; nothing throws', async () => {
    const { docker } = fakeDocker([], failed('error: 100% broken\nsecond line'))
    const log = await stdoutOf(() => post({ 'STATE_logged-in-registries': JSON.stringify([REGISTRY]) }, docker))
    expect(log).toBe(`::warning::docker logout ${REGISTRY} failed: error: 100%25 broken\n`)
  })

  test('no state (the main step stopped before logging in): nothing to do', async () => {
    const { docker, calls } = fakeDocker()
    expect(await stdoutOf(() => post({}, docker))).toBe('')
    expect(calls).toEqual([])
  })

  describe('a login the main step wrote to the config file', () => {
    const state = (dir: string) => ({ 'STATE_logged-in-registries': JSON.stringify([REGISTRY]), 'STATE_login-config-dir': dir })

    test('is taken out of it, everything else kept; docker is not run', async () => {
      const dir = configDir({ auths: { [REGISTRY]: { auth: 'eA==' }, 'ghcr.io': { auth: 'eQ==' } }, currentContext: 'ci' })
      const { docker, calls } = fakeDocker()
      const log = await stdoutOf(() => post(state(dir), docker))
      expect(calls).toEqual([])
      expect(log).toBe(`Logged out of ${REGISTRY}\n`)
      expect(readConfig(dir)).toEqual({ auths: { 'ghcr.io': { auth: 'eQ==' } }, currentContext: 'ci' })
      expect(statSync(path.join(dir, 'config.json')).mode & 0o777).toBe(0o600)
    })

    test('already gone (a later step logged out): nothing to do, nothing written', async () => {
      const dir = configDir({ auths: {} })
      const { docker, calls } = fakeDocker()
      expect(await stdoutOf(() => post(state(dir), docker))).toBe(`Logged out of ${REGISTRY}\n`)
      expect(calls).toEqual([])
      expect(readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe('{"auths":{}}')
    })

    test('a credential store set up since: docker logout, the file left to docker', async () => {
      const dir = configDir({ auths: { [REGISTRY]: {} }, credsStore: 'desktop' })
      const { docker, calls } = fakeDocker([], ok())
      await stdoutOf(() => post(state(dir), docker))
      expect(calls.map(c => c.args)).toEqual([['logout', REGISTRY]])
    })
  })
})

describe('the post step with the main step’s record', () => {
  const noDocker = fakeDocker().docker
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
    expect(await stdoutOf(() => post(state(dir, record), noDocker))).toBe(`Left the login to ${REGISTRY} in docker's config: it is no longer the one this run wrote (another job logged in since).\n`)
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

describe('what the post step loads', () => {
  /** The packages `file` reaches through its imports (type-only imports aside), following the relative ones through src/. */
  function packagesReached(file: string, seen = new Set<string>(), found = new Set<string>()): Set<string> {
    if (seen.has(file)) return found
    seen.add(file)
    const source = readFileSync(file, 'utf8')
    for (const [, spec] of source.matchAll(/^(?:import|export)\s+(?!type\b)[^'"]*?from\s+'([^']+)'/gm)) {
      if (spec === undefined) continue
      if (spec.startsWith('.')) packagesReached(path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts')), seen, found)
      else if (!spec.startsWith('node:')) found.add(spec)
    }
    return found
  }

  // It runs at the end of every job that uses the action: Node's own modules only, no
  // @actions/core (its HTTP client, exec and io: ~30 ms of every post step) and no AWS SDK.
  test('the post step reaches no package, only Node’s own modules', () => {
    const entry = path.resolve(import.meta.dirname, '../../src/post-entry.ts')
    expect([...packagesReached(entry)]).toEqual([])
  })

  test('the import walk finds a package reached through a relative import', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'imports-'))
    try {
      writeFileSync(path.join(dir, 'a.ts'), "import type { T } from '@types/x'\nimport { b } from './b.js'\nimport os from 'node:os'\n")
      writeFileSync(path.join(dir, 'b.ts'), "import * as core from '@actions/core'\nexport { c } from './a.js'\n")
      expect([...packagesReached(path.join(dir, 'a.ts'))]).toEqual(['@actions/core'])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
