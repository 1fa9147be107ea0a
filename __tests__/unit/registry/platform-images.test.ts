/** The platform images a pushed digest stands for, read from the registry: what the scan gate judges and the summary sizes. */
import { ActionError } from '../../../src/errors.js'
import { listPlatformImages, pushedImages, readPlatformImages } from '../../../src/registry/platform-images.js'
import type { RetryDeps } from '../../../src/retry.js'
import { FakeRegistry } from '../../fixtures/fake-registry.js'

const IMAGE = 'application/vnd.oci.image.manifest.v1+json'
const INDEX = 'application/vnd.oci.image.index.v1+json'
const retry: RetryDeps = { policy: { attempts: 2, delay: () => 0, sleep: async () => undefined, log: () => undefined } }
const client = (registry: FakeRegistry) => registry.client({ registry: 'r', username: 'AWS', password: 'p' })

test('an index: its platform images, attestations left out; a child the registry lacks kept by its descriptor', async () => {
  const registry = new FakeRegistry()
  const amd = registry.put('team/web', IMAGE, JSON.stringify({ schemaVersion: 2, mediaType: IMAGE, layers: [] }))
  const attestation = registry.put('team/web', IMAGE, JSON.stringify({ schemaVersion: 2, mediaType: IMAGE, layers: [{ size: 1 }] }))
  const missing = `sha256:${'9'.repeat(64)}`
  const index = registry.put(
    'team/web',
    INDEX,
    JSON.stringify({
      schemaVersion: 2,
      mediaType: INDEX,
      manifests: [
        { mediaType: IMAGE, digest: amd, size: 1, platform: { os: 'linux', architecture: 'amd64' } },
        { mediaType: IMAGE, digest: missing, size: 1, platform: { os: 'linux', architecture: 'arm', variant: 'v7' } },
        { mediaType: IMAGE, digest: attestation, size: 1, platform: { os: 'unknown', architecture: 'unknown' }, annotations: { 'vnd.docker.reference.type': 'attestation-manifest' } }
      ]
    })
  )
  const images = await readPlatformImages(client(registry), 'team/web', index, retry)
  expect(images.map(i => [i.platform, i.digest])).toEqual([
    ['linux/amd64', amd],
    ['linux/arm/v7', missing]
  ])
  expect(images[1]?.manifest).toEqual({ digest: missing, mediaType: IMAGE })
})

test('listPlatformImages: the same platform images from the index alone, one read; readPlatformImages after it reads the index no more', async () => {
  const registry = new FakeRegistry()
  const index = registry.pushImage('team/web', '1.0.0', '0'.repeat(40))
  const c = client(registry)
  const listed = await listPlatformImages(c, 'team/web', index, retry)
  expect(registry.requests).toEqual([`GET /v2/team/web/manifests/${index}`])
  expect(listed.map(i => i.platform)).toEqual(['linux/amd64', 'linux/arm64'])
  expect((await readPlatformImages(c, 'team/web', index, retry)).map(({ platform, digest }) => ({ platform, digest }))).toEqual(listed)
  expect(registry.requests.filter(r => r.endsWith(index))).toHaveLength(1)
  const single = registry.put('team/web', IMAGE, JSON.stringify({ schemaVersion: 2, mediaType: IMAGE, layers: [] }))
  expect(await listPlatformImages(c, 'team/web', single, retry, 'linux/arm64')).toEqual([{ platform: 'linux/arm64', digest: single }])
})

test('a one-platform image is itself, named by the platform it was built for', async () => {
  const registry = new FakeRegistry()
  const digest = registry.put('team/web', IMAGE, JSON.stringify({ schemaVersion: 2, mediaType: IMAGE, layers: [] }))
  expect((await readPlatformImages(client(registry), 'team/web', digest, retry, 'linux/arm64')).map(i => [i.platform, i.digest])).toEqual([['linux/arm64', digest]])
})

test('no digest, or a digest the registry has no manifest for: an ActionError saying so', async () => {
  const registry = new FakeRegistry()
  await expect(readPlatformImages(client(registry), 'team/web', '', retry)).rejects.toThrow(new ActionError('the run has no digest of the pushed image (the registry named none): run the job again.'))
  await expect(readPlatformImages(client(registry), 'team/web', `sha256:${'0'.repeat(64)}`, retry)).rejects.toThrow('the registry has no such manifest')
})

describe('pushedImages', () => {
  test('what could not be read is said in one line, not thrown', async () => {
    const { images, unread } = await pushedImages(client(new FakeRegistry()), 'team/web', '', retry, { single: '', gated: true })
    expect(images).toEqual([])
    expect(unread).toBe('the run has no digest of the pushed image (the registry named none): run the job again.')
  })

  test('an index of attestations only: the gate is told its fix', async () => {
    const registry = new FakeRegistry()
    const index = registry.put(
      'team/web',
      INDEX,
      JSON.stringify({ schemaVersion: 2, mediaType: INDEX, manifests: [{ mediaType: IMAGE, digest: `sha256:${'a'.repeat(64)}`, size: 1, platform: { os: 'unknown', architecture: 'unknown' } }] })
    )
    expect((await pushedImages(client(registry), 'team/web', index, retry, { single: '', gated: true })).unread).toBe(
      'its index names no platform image (only attestations): push an image built for a platform, or remove scan-fail-on.'
    )
    expect((await pushedImages(client(registry), 'team/web', index, retry, { single: '', gated: false })).unread).toBe('its index names no platform image (only attestations).')
  })

  test('a cancel ends the run instead of being said', async () => {
    const cancel = new AbortController()
    cancel.abort(new Error('cancelled'))
    await expect(pushedImages(client(new FakeRegistry()), 'team/web', '', retry, { single: '', gated: false, cancel: cancel.signal })).rejects.toThrow('cancelled')
  })
})
