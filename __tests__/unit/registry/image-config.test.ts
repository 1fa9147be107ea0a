/** What an image's config says about it — labels, created time, platform — read from the registry. */
import { firstImageConfig, imageConfigs, isPlatformImage, parseConfig } from '../../../src/registry/image-config.js'
import { FakeRegistry } from '../../fixtures/fake-registry.js'

const IMAGE = 'application/vnd.oci.image.manifest.v1+json'
const credentials = { registry: 'r', username: 'AWS', password: 'p' }

describe('parseConfig', () => {
  test('labels (strings only), created and os/architecture/variant', () => {
    expect(parseConfig({ created: '2026-12-04T08:00:00Z', os: 'linux', architecture: 'arm64', variant: 'v8', config: { Labels: { a: 'b', n: 1 } } })).toEqual({
      labels: { a: 'b' },
      created: '2026-12-04T08:00:00Z',
      platform: 'linux/arm64/v8'
    })
  })

  test("a config that says nothing, or isn't one: empty facts, never a throw", () => {
    const none = { labels: {}, created: '', platform: '' }
    expect(parseConfig(undefined)).toEqual(none)
    expect(parseConfig('text')).toEqual(none)
    expect(parseConfig({ os: 'linux', config: { Labels: null } })).toEqual(none)
  })
})

test('isPlatformImage: a platform image, not an attestation manifest', () => {
  const d = `sha256:${'1'.repeat(64)}`
  expect(isPlatformImage({ mediaType: IMAGE, digest: d, size: 1, platform: { os: 'linux', architecture: 'amd64' } })).toBe(true)
  expect(isPlatformImage({ mediaType: IMAGE, digest: d, size: 1, platform: { os: 'unknown', architecture: 'unknown' } })).toBe(false)
  expect(isPlatformImage({ mediaType: IMAGE, digest: d, size: 1, annotations: { 'vnd.docker.reference.type': 'attestation-manifest' } })).toBe(false)
  expect(isPlatformImage({ mediaType: 'application/vnd.in-toto+json', digest: d, size: 1 })).toBe(false)
})

describe('from the registry', () => {
  test("the first platform image's config, or every one's", async () => {
    const registry = new FakeRegistry()
    const index = registry.pushImage('team/web', '1.0.0', 'abc', { labels: { team: 'web' }, created: '2026-12-04T08:00:00Z' })
    const client = registry.client(credentials)
    const manifest = await client.manifest('team/web', index)
    if (manifest === undefined) throw new Error('no manifest')
    expect(await firstImageConfig(client, 'team/web', manifest)).toEqual({
      labels: { team: 'web', 'org.opencontainers.image.revision': 'abc' },
      created: '2026-12-04T08:00:00Z',
      platform: 'linux/amd64'
    })
    expect((await imageConfigs(client, 'team/web', manifest))?.map(c => c.platform)).toEqual(['linux/amd64', 'linux/arm64'])
  })

  test('a platform image the registry lacks: undefined (not known), not a guess', async () => {
    const registry = new FakeRegistry()
    const index = registry.pushImage('team/web', '1.0.0', 'abc')
    const client = registry.client(credentials)
    const manifest = await client.manifest('team/web', index)
    if (manifest === undefined) throw new Error('no manifest')
    const arm = manifest.manifests?.[1]?.digest ?? ''
    registry.manifests.delete(`team/web@${arm}`)
    expect(await imageConfigs(client, 'team/web', manifest)).toBeUndefined()
    expect(await firstImageConfig(client, 'team/web', manifest)).toMatchObject({ platform: 'linux/amd64' })
  })
})
