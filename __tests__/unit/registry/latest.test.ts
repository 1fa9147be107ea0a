/** moveLatest: `latest` only moves forward, read from and written to the registry. */
import { jest } from '@jest/globals'
import { moveLatest, readAhead } from '../../../src/registry/latest.js'
import type { RetryDeps } from '../../../src/retry.js'
import { FakeRegistry } from '../../fixtures/fake-registry.js'

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

  describe('the check read ahead', () => {
    test('read ahead while the checks go on: afterwards latest is read once and put, nothing else', async () => {
      const registry = new FakeRegistry()
      release(registry, '1.0.0', '2026-01-01T00:00:00Z', 'latest')
      const next = release(registry, '1.1.0', '2026-01-02T00:00:00Z')
      const client = registry.client({ registry: 'r', username: 'AWS', password: 'p' })
      const ahead = await readAhead(client, 'team/web', 'latest', next, retry)
      expect(ahead?.facts.map(f => f.version)).toEqual(['1.0.0', '1.1.0'])
      const before = registry.requests.length
      expect(await moveLatest(client, 'team/web', next, retry, { allowBack: false, ahead: Promise.resolve(ahead) })).toEqual({ action: 'moved' })
      expect(registry.requests.slice(before)).toEqual(['GET /v2/team/web/manifests/latest', 'PUT /v2/team/web/manifests/latest'])
      expect(registry.tag('team/web', 'latest')).toBe(next)
    })

    test('latest moved by another run since the read ahead: judged again on what it names now', async () => {
      const registry = new FakeRegistry()
      release(registry, '1.0.0', '2026-01-01T00:00:00Z', 'latest')
      const next = release(registry, '1.1.0', '2026-01-02T00:00:00Z')
      const client = registry.client({ registry: 'r', username: 'AWS', password: 'p' })
      const ahead = await readAhead(client, 'team/web', 'latest', next, retry)
      // Another run moves latest to 2.0.0 in the meantime: this run's 1.1.0 is older.
      const v2 = release(registry, '2.0.0', '2026-01-03T00:00:00Z', 'latest')
      const kept = await moveLatest(client, 'team/web', next, retry, { allowBack: false, ahead: Promise.resolve(ahead) })
      expect(kept).toMatchObject({ action: 'kept', why: expect.stringContaining('latest kept on 2.0.0') })
      expect(registry.tag('team/web', 'latest')).toBe(v2)
    })

    test('nothing to read ahead (no latest, or latest naming the image already), or a read failed: undefined, and nothing in the log', async () => {
      const registry = new FakeRegistry()
      const next = release(registry, '1.0.0', '2026-01-01T00:00:00Z')
      const client = registry.client({ registry: 'r', username: 'AWS', password: 'p' })
      const logged: string[] = []
      const loud: RetryDeps = { policy: { ...retry.policy, log: m => logged.push(m) } }
      expect(await readAhead(client, 'team/web', 'latest', next, loud)).toBeUndefined()
      registry.put('team/web', 'application/vnd.oci.image.index.v1+json', registry.manifests.get(`team/web@${next}`)?.body ?? '', 'latest')
      expect(await readAhead(client, 'team/web', 'latest', next, loud)).toBeUndefined()
      release(registry, '0.9.0', '2025-12-01T00:00:00Z', 'latest')
      registry.blobs.clear()
      registry.faults.push({ reference: 'latest', status: 503, stored: false, count: 0 })
      expect(await readAhead(client, 'team/web', 'latest', next, loud)).toBeUndefined()
      expect(logged).toEqual([])
      expect(warnings).toEqual([])
    })
  })
})
