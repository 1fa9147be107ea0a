/** The tags after the version: put once the run's checks passed, all left where they were when one failed. */
import { jest } from '@jest/globals'
import type { Pushed } from '../../src/report/report.js'
import type { RetryDeps } from '../../src/retry.js'
import { readSettings } from '../../src/settings/read.js'
import { failedCheck, latestReadAhead, putTags, tagsAfterChecks, type TagsAt } from '../../src/tags-stage.js'
import { FakeRegistry } from '../fixtures/fake-registry.js'
import { stdoutOf } from '../fixtures/stdout.js'
import { makeWorkspace, SHA, stepEnv, type TempWorkspace } from '../fixtures/workspace.js'

let ws: TempWorkspace
beforeAll(() => {
  ws = makeWorkspace()
})
afterAll(() => ws.remove())
afterEach(() => jest.restoreAllMocks())

const HOST = '123456789012.dkr.ecr.us-east-1.amazonaws.com'
const SHA_TAG = `sha-${SHA.slice(0, 7)}`
const retry: RetryDeps = { policy: { attempts: 2, delay: () => 0, sleep: async () => undefined, log: () => undefined } }
const settings = (inputs: Record<string, string> = {}) => readSettings(stepEnv(ws.dir, { repository: 'team/web', version: '1.3.0', tags: 'stable', 'ref-tags': 'sha', ...inputs }))

function setUp(version = '1.3.0'): { registry: FakeRegistry; at: TagsAt; earlier: string; pushed: Pushed } {
  const registry = new FakeRegistry()
  const labels = (version: string) => ({ labels: { 'org.opencontainers.image.version': version } })
  const earlier = registry.pushImage('team/web', '1.2.0', 'old', { ...labels('1.2.0'), created: '2026-01-01T00:00:00Z' })
  for (const tag of ['latest', 'stable']) registry.put('team/web', 'application/vnd.oci.image.index.v1+json', registry.manifests.get(`team/web@${earlier}`)?.body ?? '', tag)
  const digest = registry.pushImage('team/web', version, SHA, { ...labels(version), created: '2026-02-01T00:00:00Z' })
  const client = registry.client({ registry: HOST, username: 'AWS', password: 'p' })
  const at: TagsAt = { destination: { uri: `${HOST}/team/web`, path: 'team/web', mutability: { mode: 'MUTABLE', exclusions: [] } }, registry: client, retry, latestRead: Promise.resolve() }
  const pushed: Pushed = { digest, metadata: { 'image.name': `${HOST}/team/web:${version}` }, outcome: 'built and pushed', built: true }
  return { registry, at, earlier, pushed }
}

test('every tag but the version; none for a push by digest', () => {
  expect(tagsAfterChecks(settings())).toEqual(['latest', 'stable', SHA_TAG])
  expect(tagsAfterChecks(settings({ latest: 'false', tags: '', 'ref-tags': '' }))).toEqual([])
  expect(tagsAfterChecks(settings({ 'push-by-digest': 'true', tags: '', 'ref-tags': '' }))).toEqual([])
})

test('the checks passed: the other tags, the ref tags and latest are put on the image; the metadata names them all', async () => {
  const { registry, at, pushed } = setUp()
  let result: Pushed | undefined
  const log = await stdoutOf(async () => void (result = await putTags(settings(), at, pushed, false, undefined)))
  for (const tag of ['latest', 'stable', SHA_TAG]) expect(registry.tag('team/web', tag)).toBe(pushed.digest)
  expect(log).toContain(`Tagged ${pushed.digest} as latest, stable, ${SHA_TAG}`)
  expect(result?.outcome).toBe('built and pushed')
  expect(result?.latestKept).toBeUndefined()
  expect(result?.metadata['image.name']).toBe(['1.3.0', 'latest', 'stable', SHA_TAG].map(t => `${HOST}/team/web:${t}`).join(','))
})

test('latest waits for the read of what it named before the run', async () => {
  const { registry, at, pushed } = setUp()
  let release: () => void = () => undefined
  const latestRead = new Promise<void>(r => (release = r))
  const putting = stdoutOf(async () => void (await putTags(settings(), { ...at, latestRead }, pushed, false, undefined)))
  for (let i = 0; i < 50; i++) await new Promise(r => setImmediate(r))
  expect(registry.tag('team/web', 'stable')).toBe(pushed.digest)
  expect(registry.tag('team/web', 'latest')).not.toBe(pushed.digest)
  release()
  await putting
  expect(registry.tag('team/web', 'latest')).toBe(pushed.digest)
})

test.each([
  ['the scan gate', { gate: new Error('2 CRITICAL') }, 'scan-fail-on did not pass'],
  ['the signature', { signature: 'require-signature is true, but …' }, 'require-signature: the image is not signed'],
  ['the provenance', { attest: new Error('upload failed') }, 'the provenance was not attached']
])('%s failed: every tag stays where it was, a warning says so, the outputs are told to leave them out', async (_, checks, why) => {
  const { registry, at, earlier, pushed } = setUp()
  const held = failedCheck(checks)
  expect(held).toBe(why)
  const before = registry.requests.length
  let result: Pushed | undefined
  const log = await stdoutOf(async () => void (result = await putTags(settings(), at, pushed, false, held)))
  expect(registry.requests.slice(before)).toEqual([])
  expect(registry.tag('team/web', 'latest')).toBe(earlier)
  expect(registry.tag('team/web', 'stable')).toBe(earlier)
  expect(registry.tag('team/web', SHA_TAG)).toBeUndefined()
  expect(log).toContain(`::warning::'latest', 'stable', '${SHA_TAG}' left where they were: ${why}.`)
  expect(result?.outcome).toBe(`built and pushed; latest, stable, ${SHA_TAG} not put: ${why}`)
  expect(result?.latestKept).toBe(true)
  expect(result?.keptTags).toEqual(['stable', SHA_TAG])
  expect(result?.metadata['image.name']).toBe(`${HOST}/team/web:1.3.0`)
})

test('no check failed: nothing held', () => {
  expect(failedCheck({})).toBeUndefined()
})

test('a re-run: the tags move back to the existing image, the outcome names them', async () => {
  const { registry, at, pushed } = setUp()
  const existing = { ...pushed, built: false, outcome: 'skipped: 1.3.0 already exists' }
  let result: Pushed | undefined
  await stdoutOf(async () => void (result = await putTags(settings(), at, existing, true, undefined)))
  for (const tag of ['latest', 'stable', SHA_TAG]) expect(registry.tag('team/web', tag)).toBe(pushed.digest)
  expect(result?.outcome).toBe(`skipped: 1.3.0 already exists; moved stable, ${SHA_TAG}, latest to it`)
})

test('latest only forward: an older version leaves it, the outcome says why and the outputs leave it out', async () => {
  const { registry, at, earlier, pushed } = setUp('1.1.0')
  let result: Pushed | undefined
  await stdoutOf(async () => void (result = await putTags(settings({ version: '1.1.0' }), at, pushed, false, undefined)))
  expect(registry.tag('team/web', 'latest')).toBe(earlier)
  expect(registry.tag('team/web', 'stable')).toBe(pushed.digest)
  expect(result?.latestKept).toBe(true)
  expect(result?.outcome).toMatch(/^built and pushed; latest kept on 1\.2\.0/)
  expect(result?.metadata['image.name']).toBe(['1.1.0', 'stable', SHA_TAG].map(t => `${HOST}/team/web:${t}`).join(','))
})

test("latest's check read ahead: only when the run moves latest with the check", async () => {
  const { at, earlier, pushed } = setUp()
  const ahead = await latestReadAhead(settings(), at, pushed.digest)
  expect(ahead?.current).toBe(earlier)
  expect(ahead?.facts.map(f => f.version)).toEqual(['1.2.0', '1.3.0'])
  expect(latestReadAhead(settings({ latest: 'false' }), at, pushed.digest)).toBeUndefined()
  expect(latestReadAhead(settings({ 'latest-may-move-back': 'true' }), at, pushed.digest)).toBeUndefined()
})
