/** The supply chain in the run: the lifecycle warning, the attest stage (its failure returned, not thrown), the summary's attachments. */
import { ECRClient } from '@aws-sdk/client-ecr'
import type { Destination } from '../../../src/aws/destination.js'
import type { CheckedBuilder } from '../../../src/build/builder.js'
import { RegistryClient } from '../../../src/registry/client.js'
import type { RetryDeps } from '../../../src/retry.js'
import { readSettings } from '../../../src/settings/read.js'
import { Stages } from '../../../src/stages.js'
import { attestStage, referrerWarning, summaryAttachments } from '../../../src/supply/attest-stage.js'
import { fakeDocker } from '../../fixtures/docker.js'
import { FakeRegistry } from '../../fixtures/fake-registry.js'
import { stdoutOf } from '../../fixtures/stdout.js'
import { makeWorkspace, SHA, stepEnv, type TempWorkspace } from '../../fixtures/workspace.js'

let ws: TempWorkspace
beforeAll(() => {
  ws = makeWorkspace()
})
afterAll(() => ws.remove())

const retry: RetryDeps = { policy: { attempts: 1, delay: () => 0, sleep: async () => undefined, log: () => undefined } }
const settings = (inputs: Record<string, string> = {}) => readSettings(stepEnv(ws.dir, { repository: 'team/web', version: '1.0.0', ...inputs }))
const destination = (ecr?: ECRClient) => ({ uri: 'r/team/web', path: 'team/web', ...(ecr ? { ecr } : {}) }) as unknown as Destination
const builder = { use: {} } as CheckedBuilder
const EXPIRE_ALL = JSON.stringify({ rules: [{ rulePriority: 1, selection: { tagStatus: 'any', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 1 }, action: { type: 'expire' } }] })

test('referrerWarning: a stated policy that could expire the referrers, on ECR with something attached — said once', async () => {
  const ecr = new ECRClient({ region: 'us-east-1' })
  const risky = settings({ provenance: 'true', 'lifecycle-policy': EXPIRE_ALL })
  expect(await stdoutOf(async () => referrerWarning(risky, destination(ecr)))).toMatch(/^::warning::The lifecycle policy's rule of priority 1/)
  expect(await stdoutOf(async () => referrerWarning(risky, destination()))).toBe('')
  expect(await stdoutOf(async () => referrerWarning(settings({ provenance: 'false', 'lifecycle-policy': EXPIRE_ALL }), destination(ecr)))).toBe('')
})

describe('attestStage', () => {
  function pushed() {
    const registry = new FakeRegistry()
    const digest = registry.pushImage('team/web', '1.0.0', SHA)
    return { registry, client: registry.client({ registry: 'r', username: 'AWS', password: 'p' }), digest }
  }
  const deps = { env: { GITHUB_REPOSITORY: 'acme/web', GITHUB_SHA: SHA, GITHUB_WORKFLOW_REF: 'acme/web/.github/workflows/ci.yml@refs/heads/main' }, docker: fakeDocker().docker, retry }

  test('an image this run built: the platform images read and attested in the attest stage', async () => {
    const { client, digest } = pushed()
    const stages = new Stages()
    const at = { destination: destination(), registry: client, digest, images: [], startedOn: '2026-12-04T08:00:00Z', builder, built: true }
    const log = await stdoutOf(async () => expect(await attestStage(settings({ provenance: 'true' }), deps, stages, at)).toBeUndefined())
    expect(stages.times.map(([name]) => name)).toEqual(['attest'])
    expect(log.match(/Attached provenance to linux\/(amd64|arm64)/g)).toHaveLength(2)
  })

  test('an image this run did not build (reused), or nothing to attach: no stage at all', async () => {
    const { client, digest } = pushed()
    const stages = new Stages()
    const at = { destination: destination(), registry: client, digest, images: [], startedOn: '', builder, built: false }
    expect(await attestStage(settings({ provenance: 'true' }), deps, stages, at)).toBeUndefined()
    expect(await attestStage(settings({ provenance: 'false' }), deps, stages, { ...at, built: true })).toBeUndefined()
    expect(stages.times).toEqual([])
  })

  test('a failure is returned for the pipeline to report after the outputs, not thrown', async () => {
    const { client } = pushed()
    const at = { destination: destination(), registry: client, digest: `sha256:${'0'.repeat(64)}`, images: [], startedOn: '', builder, built: true }
    let failure: Error | undefined
    await stdoutOf(async () => void (failure = await attestStage(settings({ provenance: 'true' }), deps, new Stages(), at)))
    expect(failure?.message).toContain('the registry has no such manifest')
  })
})

test('summaryAttachments: what each platform image has, or why it could not be read, in one line', async () => {
  const registry = new FakeRegistry()
  registry.referrersApi = false
  const client = registry.client({ registry: 'r', username: 'AWS', password: 'p' })
  const image = { platform: 'linux/amd64', digest: `sha256:${'1'.repeat(64)}`, manifest: { digest: '', mediaType: '' } }
  expect(await summaryAttachments(client, 'team/web', [image], retry)).toEqual([{ platform: 'linux/amd64', digest: image.digest, attached: [] }])
  const broken = new RegistryClient({ registry: 'r', username: 'AWS', password: 'p' }, undefined, async () => Promise.reject(new Error('refused\nsecond line')))
  expect(await summaryAttachments(broken, 'team/web', [image], retry)).toBe('refused second line')
})
