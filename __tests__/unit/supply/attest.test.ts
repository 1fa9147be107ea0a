/** Each pushed platform image gets its provenance statement (and SBOM) as a referrer; what each has attached is read back. */
import { ActionError } from '../../../src/errors.js'
import type { RetryDeps } from '../../../src/retry.js'
import { attestImages, provenanceMode, readAttachments, type AttestInput } from '../../../src/supply/attest.js'
import { SLSA_PROVENANCE_V1 } from '../../../src/supply/provenance.js'
import { buildSettings } from '../../fixtures/build-settings.js'
import { FakeRegistry } from '../../fixtures/fake-registry.js'

const retry: RetryDeps = { policy: { attempts: 1, delay: () => 0, sleep: async () => undefined, log: () => undefined } }
const SHA = '0123456789abcdef0123456789abcdef01234567'
const ENV = { GITHUB_REPOSITORY: 'acme/web', GITHUB_SHA: SHA, GITHUB_REF: 'refs/tags/v1.0.0', GITHUB_WORKFLOW_REF: 'acme/web/.github/workflows/release.yml@refs/heads/main' }

function setUp(provenance = 'true') {
  const registry = new FakeRegistry()
  const index = registry.pushImage('team/web', '1.0.0', SHA)
  const children = (JSON.parse(registry.manifests.get(`team/web@${index}`)?.body.toString() ?? '{}') as { manifests: { digest: string }[] }).manifests.map(m => m.digest)
  const images = [
    { platform: 'linux/amd64', digest: children[0] ?? '' },
    { platform: 'linux/arm64', digest: children[1] ?? '' }
  ]
  const input: AttestInput = {
    env: ENV,
    build: buildSettings({ provenance }),
    uri: 'r/team/web',
    path: 'team/web',
    version: '1.0.0',
    startedOn: '2026-12-04T08:00:00Z',
    finishedOn: '2026-12-04T08:01:00Z'
  }
  return { registry, client: registry.client({ registry: 'r', username: 'AWS', password: 'p' }), images, input }
}

test('provenanceMode: off, min (the default) or max', () => {
  expect(provenanceMode('false')).toBeUndefined()
  expect(provenanceMode('true')).toBe('min')
  expect(provenanceMode('mode=min')).toBe('min')
  expect(provenanceMode('mode=max')).toBe('max')
})

test('every platform image gets its own provenance statement, about it; read back as "provenance (SLSA v1)"', async () => {
  const { registry, client, images, input } = setUp()
  const done = await attestImages(client, images, input, retry)
  expect(done.map(d => [d.platform, d.kind])).toEqual([
    ['linux/amd64', 'provenance'],
    ['linux/arm64', 'provenance']
  ])
  for (const [i, d] of done.entries()) {
    const manifest = JSON.parse(registry.manifests.get(`team/web@${d.digest}`)?.body.toString() ?? '{}') as { subject: { digest: string }; layers: { digest: string }[] }
    expect(manifest.subject.digest).toBe(images[i]?.digest)
    const statement = JSON.parse(registry.blobs.get(manifest.layers[0]?.digest ?? '')?.toString() ?? '{}') as { predicateType: string; subject: { digest: { sha256: string } }[] }
    expect(statement.predicateType).toBe(SLSA_PROVENANCE_V1)
    expect(statement.subject[0]?.digest.sha256).toBe(images[i]?.digest.slice(7))
  }
  expect(await readAttachments(client, 'team/web', images, retry)).toEqual(images.map(image => ({ ...image, attached: ['provenance (SLSA v1)'] })))
})

test('provenance: false attaches nothing', async () => {
  const { client, images, input } = setUp('false')
  expect(await attestImages(client, images, input, retry)).toEqual([])
  expect((await readAttachments(client, 'team/web', images, retry)).map(i => i.attached)).toEqual([[], []])
})

test('an SBOM run that made nothing for a platform fails, naming it and what it made: never passed on nothing', async () => {
  const { client, images, input } = setUp('false')
  const sboms = new Map([['linux/amd64', [Buffer.from(JSON.stringify({ _type: 'https://in-toto.io/Statement/v1', predicateType: 'https://spdx.dev/Document', subject: [], predicate: {} }))]]])
  await expect(attestImages(client, images, input, retry, sboms)).rejects.toThrow(
    new ActionError('The SBOM generator made no SBOM for linux/arm64 (it made some for: linux/amd64): the image is pushed without one.')
  )
})

test('the config every referrer shares is uploaded once, beside the statements, and before any referrer is stored (uploaded by two platforms at once, the registry refused a referrer now and then)', async () => {
  const { client, images, input } = setUp()
  const emptyConfig = 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a'
  const calls: string[] = []
  const spy = Object.assign(Object.create(client) as typeof client, {
    uploadBlob: async (...args: Parameters<typeof client.uploadBlob>) => {
      calls.push(args[1] === emptyConfig ? 'config starts' : 'other blob')
      // A slow upload: whatever goes beside it starts meanwhile.
      for (let i = 0; i < 20; i++) await new Promise(r => setImmediate(r))
      await client.uploadBlob(...args)
      calls.push('config stored')
    },
    uploadSmall: (...args: Parameters<typeof client.uploadSmall>) => (calls.push('statement'), client.uploadSmall(...args)),
    storeManifest: (...args: Parameters<typeof client.storeManifest>) => (calls.push('store referrer'), client.storeManifest(...args))
  })
  await attestImages(spy, images, input, retry)
  expect(calls.filter(c => c === 'config starts')).toHaveLength(1)
  expect(calls.filter(c => c === 'other blob')).toHaveLength(0)
  // Both statements went up while the config was uploaded; each referrer waited for it.
  expect(calls.slice(0, calls.indexOf('config stored')).sort()).toEqual(['config starts', 'statement', 'statement'])
  expect(calls.slice(calls.indexOf('config stored') + 1)).toEqual(['store referrer', 'store referrer'])
})
