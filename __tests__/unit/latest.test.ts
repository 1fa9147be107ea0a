/** `latest` only moves forward: the pure rule (semver, created time, missing data) and its reads from the registry. */
import { jest } from '@jest/globals'
import { describeImage, judgeLatest, type ImageFacts } from '../../src/registry/latest-rule.js'
import { compareSemver, parseSemver } from '../../src/settings/semver.js'
import { moveLatest } from '../../src/registry/latest.js'
import type { RetryDeps } from '../../src/retry.js'
import { FakeRegistry } from '../fixtures/fake-registry.js'

const D1 = `sha256:${'1'.repeat(64)}`
const D2 = `sha256:${'2'.repeat(64)}`
const image = (digest: string, version: string, created: string): ImageFacts => ({ digest, version, created })

describe('semver', () => {
  const cmp = (a: string, b: string): number => {
    const [x, y] = [parseSemver(a), parseSemver(b)]
    if (!x || !y) throw new Error(`not semver: ${a} ${b}`)
    return compareSemver(x, y)
  }

  test('a leading v is allowed; anything else is not semver', () => {
    expect(parseSemver('v1.2.3')).toEqual({ core: ['1', '2', '3'], pre: [] })
    expect(parseSemver('1.2.3-rc.1+build.5')).toEqual({ core: ['1', '2', '3'], pre: ['rc', '1'] })
    for (const text of ['sha-1a2b3c4', '1.2', '01.2.3', '1.2.3-', 'latest', 'V1.2.3', '1.2.3-01', '']) expect(parseSemver(text)).toBeUndefined()
  })

  test.each([
    ['1.9.0', '2.0.0', -1],
    ['2.0.0', '1.9.0', 1],
    ['1.10.0', '1.9.0', 1],
    ['v2.0.0', '2.0.0', 0],
    ['1.0.0+a', '1.0.0+b', 0],
    ['10000000000000000000.0.0', '9999999999999999999.0.0', 1]
  ])('%s against %s: %d', (a, b, order) => expect(cmp(a, b)).toBe(order))

  test("pre-releases in semver's order", () => {
    const ordered = ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0']
    for (let i = 0; i + 1 < ordered.length; i++) {
      expect(cmp(ordered[i] ?? '', ordered[i + 1] ?? '')).toBe(-1)
      expect(cmp(ordered[i + 1] ?? '', ordered[i] ?? '')).toBe(1)
    }
  })
})

describe('judgeLatest', () => {
  const v2 = image(D1, '2.0.0', '2026-01-02T00:00:00Z')

  test('no latest yet, or latest names this image already: move', () => {
    expect(judgeLatest(undefined, v2)).toEqual({ move: true })
    expect(judgeLatest(v2, { ...v2, version: '0.1.0' })).toEqual({ move: true })
  })

  test('both semver: a lower version stays back, whatever the times; a higher one moves', () => {
    expect(judgeLatest(v2, image(D2, '1.9.0', '2026-03-01T00:00:00Z'))).toEqual({ move: false, why: "this run's version 1.9.0 is lower than 2.0.0" })
    expect(judgeLatest(v2, image(D2, '2.0.0-rc.1', '2026-03-01T00:00:00Z'))).toMatchObject({ move: false })
    expect(judgeLatest(v2, image(D2, 'v2.0.1', '2025-01-01T00:00:00Z'))).toEqual({ move: true })
  })

  test('not both semver, or equal versions: the created time decides', () => {
    const main = image(D1, 'sha-aaaaaaa', '2026-01-02T00:00:00.5Z')
    expect(judgeLatest(main, image(D2, 'sha-bbbbbbb', '2026-01-02T00:00:00.4Z'))).toEqual({
      move: false,
      why: "this run's image was created 2026-01-02T00:00:00.4Z, before 2026-01-02T00:00:00.5Z"
    })
    expect(judgeLatest(main, image(D2, 'sha-bbbbbbb', '2026-01-02T09:00:01+09:00'))).toEqual({ move: true })
    expect(judgeLatest(v2, image(D2, '2.0.0', '2026-01-01T23:59:59Z'))).toMatchObject({ move: false })
    expect(judgeLatest(v2, image(D2, 'sha-bbbbbbb', '2026-01-03T00:00:00Z'))).toEqual({ move: true })
  })

  test('a latest without a created time or a semver version (another tool pushed it): move, and say so', () => {
    const verdict = judgeLatest(image(D1, '', ''), image(D2, '1.0.0', '2026-01-01T00:00:00Z'))
    expect(verdict).toEqual({ move: true, note: expect.stringContaining(`'latest' named ${D1}, which has neither a semver version label nor a created time`) })
    expect(judgeLatest(image(D1, '', 'not a time'), image(D2, '1.0.0', '2026-01-01T00:00:00Z'))).toMatchObject({ move: true, note: expect.any(String) })
  })

  test('describes an image by version, digest and created time', () => {
    expect(describeImage(v2)).toBe('2.0.0 (sha256:111111111111…, created 2026-01-02T00:00:00Z)')
    expect(describeImage(image(D1, '', ''))).toBe('(sha256:111111111111…)')
  })
})

describe('moveLatest', () => {
  const retry: RetryDeps = { policy: { attempts: 2, delay: () => 0, sleep: async () => undefined, log: () => undefined } }
  let warnings: string[]
  let infos: string[]
  beforeEach(() => {
    warnings = []
    infos = []
    // @actions/core writes warnings as `::warning::…` lines and the rest as they are.
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      for (const line of String(chunk).split(/\r?\n/).filter(Boolean)) {
        if (line.startsWith('::warning::')) warnings.push(line.slice('::warning::'.length).replace(/%25/g, '%'))
        else infos.push(line)
      }
      return true
    })
  })
  afterEach(() => jest.restoreAllMocks())

  const release = (registry: FakeRegistry, version: string, created: string, tag = version): string =>
    registry.pushImage('team/web', tag, 'sha', { labels: { 'org.opencontainers.image.version': version }, created })

  test('forward: moved', async () => {
    const registry = new FakeRegistry()
    release(registry, '1.0.0', '2026-01-01T00:00:00Z', 'latest')
    const next = release(registry, '1.1.0', '2026-01-02T00:00:00Z')
    expect(await moveLatest(registry.client({ registry: 'r', username: 'AWS', password: 'p' }), 'team/web', next, retry, { allowBack: false })).toEqual({ action: 'moved' })
    expect(registry.tag('team/web', 'latest')).toBe(next)
    expect(warnings).toEqual([])
  })

  test('back: kept, with a warning naming the image that stays and why; latest-may-move-back moves it', async () => {
    const registry = new FakeRegistry()
    const v2 = release(registry, '2.0.0', '2026-01-01T00:00:00Z', 'latest')
    const old = release(registry, '1.9.0', '2026-01-02T00:00:00Z')
    const client = registry.client({ registry: 'r', username: 'AWS', password: 'p' })
    const kept = await moveLatest(client, 'team/web', old, retry, { allowBack: false })
    expect(kept).toEqual({ action: 'kept', why: `latest kept on 2.0.0 (${v2.slice(0, 19)}…, created 2026-01-01T00:00:00Z): this run's version 1.9.0 is lower than 2.0.0` })
    expect(registry.tag('team/web', 'latest')).toBe(v2)
    expect(warnings).toEqual([
      `'latest' stays on 2.0.0 (${v2.slice(0, 19)}…, created 2026-01-01T00:00:00Z): this run's version 1.9.0 is lower than 2.0.0, and 'latest' only moves forward. Set latest-may-move-back: true to move it back.`
    ])
    expect(await moveLatest(client, 'team/web', old, retry, { allowBack: true })).toEqual({ action: 'moved' })
    expect(registry.tag('team/web', 'latest')).toBe(old)
  })

  test('no latest yet: moved; latest naming the image already: nothing put', async () => {
    const registry = new FakeRegistry()
    const next = release(registry, '1.0.0', '2026-01-01T00:00:00Z')
    const client = registry.client({ registry: 'r', username: 'AWS', password: 'p' })
    expect(await moveLatest(client, 'team/web', next, retry, { allowBack: false })).toEqual({ action: 'moved' })
    const puts = registry.requests.filter(r => r.startsWith('PUT')).length
    expect(await moveLatest(client, 'team/web', next, retry, { allowBack: false })).toEqual({ action: 'unchanged' })
    expect(registry.requests.filter(r => r.startsWith('PUT')).length).toBe(puts)
  })

  test("the image latest names can't be read: not moved (fail closed), the warning says why", async () => {
    const registry = new FakeRegistry()
    const current = release(registry, '1.0.0', '2026-01-01T00:00:00Z', 'latest')
    const next = release(registry, '1.1.0', '2026-01-02T00:00:00Z')
    // The config blobs of what latest names are gone; the new image's too, so only the read of latest fails first.
    registry.blobs.clear()
    const kept = await moveLatest(registry.client({ registry: 'r', username: 'AWS', password: 'p' }), 'team/web', next, retry, { allowBack: false })
    expect(kept).toMatchObject({ action: 'kept', why: expect.stringContaining(`could not be read`) })
    expect(registry.tag('team/web', 'latest')).toBe(current)
    expect(warnings[0]).toMatch(new RegExp(`^'latest' was not moved: the image 'latest' names \\(${current}\\) or this run's \\(${next}\\) could not be read \\(.*404.*\\)`))
  })

  test('a latest another tool pushed (no version, no created time): moved, and the log says so', async () => {
    const registry = new FakeRegistry()
    registry.pushImage('team/web', 'latest', '')
    const next = release(registry, '1.0.0', '2026-01-01T00:00:00Z')
    expect(await moveLatest(registry.client({ registry: 'r', username: 'AWS', password: 'p' }), 'team/web', next, retry, { allowBack: false })).toEqual({ action: 'moved' })
    expect(infos.some(l => l.includes('neither a semver version label nor a created time'))).toBe(true)
  })

  test('a re-run in a repository that keeps latest immutable: left as it is, with a warning', async () => {
    const registry = new FakeRegistry()
    const current = release(registry, '1.0.0', '2026-01-01T00:00:00Z', 'latest')
    const next = release(registry, '1.1.0', '2026-01-02T00:00:00Z')
    const moved = await moveLatest(registry.client({ registry: 'r', username: 'AWS', password: 'p' }), 'team/web', next, retry, { allowBack: false, mutability: { mode: 'IMMUTABLE', exclusions: [] } })
    expect(moved).toEqual({ action: 'kept', why: 'latest kept: the repository keeps it immutable' })
    expect(registry.tag('team/web', 'latest')).toBe(current)
  })
})
