/** The version stage's reads: the version tag as the registry has it, an existing image's storage class; beside them, what `latest` named before. */
import { DescribeImagesCommand, ECRClient } from '@aws-sdk/client-ecr'
import { mockClient } from 'aws-sdk-client-mock'
import type { Destination } from '../../src/aws/destination.js'
import type { RetryDeps } from '../../src/retry.js'
import { readSettings } from '../../src/settings/read.js'
import { lookUpVersion, readLatestBefore, withProvenance, withStorageState } from '../../src/version-stage.js'
import { FakeRegistry } from '../fixtures/fake-registry.js'
import { makeWorkspace, SHA, stepEnv, type TempWorkspace } from '../fixtures/workspace.js'

let ws: TempWorkspace
beforeAll(() => {
  ws = makeWorkspace()
})
afterAll(() => ws.remove())

const retry: RetryDeps = { policy: { attempts: 1, delay: () => 0, sleep: async () => undefined, log: () => undefined } }
const settings = (inputs: Record<string, string> = {}) => readSettings(stepEnv(ws.dir, { repository: 'team/web', version: '1.2.3', ...inputs }))

describe('lookUpVersion, readLatestBefore', () => {
  test("the version tag's image and revision; apart, the platform images latest named before the run", async () => {
    const registry = new FakeRegistry()
    const existing = registry.pushImage('team/web', '1.2.3', SHA)
    const latest = registry.pushImage('team/web', 'latest', 'older')
    const client = registry.client({ registry: 'r', username: 'AWS', password: 'p' })
    expect(await lookUpVersion(settings(), client, 'team/web', retry)).toEqual({ digest: existing, revision: SHA })
    const before = await readLatestBefore(settings(), client, 'team/web', retry)
    expect(before?.map(i => i.platform)).toEqual(['linux/amd64', 'linux/arm64'])
    expect(before?.every(i => registry.manifests.get(`team/web:latest`)?.body.toString().includes(i.digest))).toBe(true)
    expect(latest).not.toBe(existing)
  })

  test('a new version: none; a per-platform push by digest has no version tag to read; no summary: latest not read; a failed read of latest: nothing, no failure', async () => {
    const registry = new FakeRegistry()
    const client = registry.client({ registry: 'r', username: 'AWS', password: 'p' })
    expect(await lookUpVersion(settings(), client, 'team/web', retry)).toBeUndefined()
    expect(await readLatestBefore(settings(), client, 'team/web', retry)).toBeUndefined()
    registry.pushImage('team/web', '1.2.3', SHA)
    registry.pushImage('team/web', 'latest', SHA)
    registry.requests.length = 0
    const byDigest = settings({ 'push-by-digest': 'true', platforms: 'linux/amd64', summary: 'false' })
    expect(await lookUpVersion(byDigest, client, 'team/web', retry)).toBeUndefined()
    expect(await readLatestBefore(byDigest, client, 'team/web', retry)).toBeUndefined()
    expect(registry.requests).toEqual([])
    const failing = new FakeRegistry().client({ registry: 'r', username: 'AWS', password: 'p' })
    failing.manifest = async () => {
      throw new Error('connection reset')
    }
    expect(await readLatestBefore(settings(), failing, 'team/web', retry)).toBeUndefined()
  })
})

describe('withStorageState', () => {
  const ecrMock = mockClient(ECRClient)
  afterAll(() => ecrMock.restore())
  beforeEach(() => ecrMock.reset())
  const existing = { digest: `sha256:${'e'.repeat(64)}`, revision: SHA }
  const on = (ecr?: ECRClient) => ({ ...(ecr ? { ecr } : {}) }) as unknown as Destination

  test('ECR Public has no archive: as it is, nothing asked', async () => {
    expect(await withStorageState(settings(), on(), existing)).toBe(existing)
    expect(ecrMock.calls()).toHaveLength(0)
  })

  test('ACTIVE: as it is; archived: marked, with the restore command', async () => {
    const ecr = new ECRClient({ region: 'us-east-1', credentials: { accessKeyId: 'AKIA', secretAccessKey: 'x' } })
    ecrMock
      .on(DescribeImagesCommand)
      .resolvesOnce({ imageDetails: [{ imageDigest: existing.digest, imageStatus: 'ACTIVE' }] })
      .resolvesOnce({ imageDetails: [{ imageDigest: existing.digest, imageStatus: 'ARCHIVED', imageSizeInBytes: 1000 }] })
    expect(await withStorageState(settings(), on(ecr), existing)).toBe(existing)
    const archived = await withStorageState(settings(), on(ecr), existing)
    expect(archived.archive).toMatchObject({ status: 'ARCHIVED', bytes: 1000, restore: expect.stringContaining(existing.digest) })
  })
})

test('withProvenance: only if-version-exists: auto judges provenance; an archived image is never judged', async () => {
  const registry = new FakeRegistry()
  const client = registry.client({ registry: 'r', username: 'AWS', password: 'p' })
  const existing = { digest: registry.pushImage('team/web', '1.2.3', SHA), revision: SHA }
  expect(await withProvenance(settings({ 'if-version-exists': 'skip' }), client, 'team/web', existing, { env: {}, retry })).toBe(existing)
  const archived = { ...existing, archive: { status: 'ARCHIVED', restore: 'x' } } as typeof existing
  expect(await withProvenance(settings({ 'if-version-exists': 'auto' }), client, 'team/web', archived, { env: {}, retry })).toBe(archived)
  const judged = await withProvenance(settings({ 'if-version-exists': 'auto' }), client, 'team/web', existing, { env: {}, retry })
  expect(judged.provenance).toEqual({ ok: false, why: expect.stringContaining('names no repository, commit or workflow ref') })
})
