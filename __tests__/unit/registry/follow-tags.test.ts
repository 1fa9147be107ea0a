/** The ref tags after the version: fixed ones put where missing, floating ones moved only forward. */
import { followRefTags } from '../../../src/registry/follow-tags.js'
import type { RetryDeps } from '../../../src/retry.js'
import { FakeRegistry } from '../../fixtures/fake-registry.js'

const retry: RetryDeps = { policy: { attempts: 2, delay: () => 0, sleep: async () => undefined, log: () => undefined } }
const MUTABLE = { mode: 'MUTABLE' as const, exclusions: [] }
const version = (v: string) => ({ labels: { 'org.opencontainers.image.version': v } })

function setUp() {
  const registry = new FakeRegistry()
  const client = registry.client({ registry: 'r', username: 'AWS', password: 'p' })
  const repo = { name: 'team/web', mutability: MUTABLE }
  return { registry, client, repo }
}

test('a first run: the fixed tags put, the floating ones moved to the image', async () => {
  const { registry, client, repo } = setUp()
  const digest = registry.pushImage('team/web', '1.2.3', 'abc', version('1.2.3'))
  const followed = await followRefTags(client, repo, digest, { once: ['sha-abc'], floating: ['1.2', '1'] }, retry)
  expect(followed).toEqual({ tagged: ['sha-abc', '1.2', '1'], kept: [] })
  for (const tag of ['sha-abc', '1.2', '1']) expect(registry.tag('team/web', tag)).toBe(digest)
})

test('a fixed tag that names another image names one build only: left as it is', async () => {
  const { registry, client, repo } = setUp()
  const other = registry.pushImage('team/web', 'sha-abc', 'older')
  const digest = registry.pushImage('team/web', '1.2.3', 'abc')
  expect(await followRefTags(client, repo, digest, { once: ['sha-abc'], floating: [] }, retry)).toEqual({ tagged: [], kept: [] })
  expect(registry.tag('team/web', 'sha-abc')).toBe(other)
})

test('a floating tag on a newer version stays there, and the outcome says why', async () => {
  const { registry, client, repo } = setUp()
  const newer = registry.pushImage('team/web', '1.2', 'later', version('1.2.5'))
  const digest = registry.pushImage('team/web', '1.2.3', 'abc', version('1.2.3'))
  const followed = await followRefTags(client, repo, digest, { once: [], floating: ['1.2'] }, retry)
  expect(followed.tagged).toEqual([])
  expect(followed.kept).toEqual([{ tag: '1.2', why: expect.stringContaining('1.2.3 is lower than 1.2.5') }])
  expect(registry.tag('team/web', '1.2')).toBe(newer)
})

test('a re-run in a repository that keeps the floating tag immutable: kept, not refused', async () => {
  const { registry, client } = setUp()
  registry.pushImage('team/web', '1.2', 'older', version('1.2.2'))
  const digest = registry.pushImage('team/web', '1.2.3', 'abc', version('1.2.3'))
  const repo = { name: 'team/web', mutability: { mode: 'IMMUTABLE' as const, exclusions: [] } }
  const followed = await followRefTags(client, repo, digest, { once: [], floating: ['1.2'] }, retry, true)
  expect(followed).toEqual({ tagged: [], kept: [{ tag: '1.2', why: expect.stringContaining('immutable') }] })
})
