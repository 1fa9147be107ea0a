/**
 * copy-to's copy by digest, against a small in-process registry (several repositories of
 * one registry, or two registries): children before the index, blobs mounted where the
 * registry mounts, else streamed and checked; the version tag kept when it already names
 * the image, refused where it is immutable and names another.
 */
import { ActionError } from '../../../src/errors.js'
import { RegistryClient } from '../../../src/registry/client.js'
import { copyImage } from '../../../src/registry/copy.js'
import type { RetryDeps } from '../../../src/retry.js'
import { pushImage, startRegistry, type Registry } from '../../fixtures/copy-registry.js'

const retry: RetryDeps = { policy: { attempts: 2, delay: () => 0, sleep: async () => undefined, log: () => undefined } }

const client = (r: Registry, registry = 'registry.test') => new RegistryClient({ registry, username: 'AWS', password: 'p' }, r.base)

let one: Registry

let two: Registry

beforeEach(async () => {
  one = await startRegistry()
  two = await startRegistry()
})

afterEach(async () => {
  await one.close()
  await two.close()
})

test('to another registry: every blob streamed over, children before the index, then the tag; digests unchanged', async () => {
  const image = pushImage(one, 'team/app', '1.0.0')
  const counts = await copyImage({ client: client(one, 'one.test'), repository: 'team/app' }, { client: client(two, 'two.test'), repository: 'acme/app' }, image.digest, '1.0.0', retry)
  expect(counts).toEqual({ manifests: 3, present: 0, mounted: 0, uploaded: 4, tagKept: false })
  for (const b of image.blobs) expect(two.blobs.get(`acme/app@${b}`)).toEqual(one.blobs.get(`team/app@${b}`))
  expect(two.manifests.get('acme/app:1.0.0')?.body).toEqual(one.manifests.get('team/app:1.0.0')?.body)
  const puts = two.requests.filter(q => q.startsWith('PUT /v2/acme/app/manifests/'))
  expect(puts).toEqual([...image.children.map(c => `PUT /v2/acme/app/manifests/${c}`), `PUT /v2/acme/app/manifests/${image.digest}`, 'PUT /v2/acme/app/manifests/1.0.0'])
  expect(one.requests.some(q => q.includes('?mount'))).toBe(false)
})

test('in the same registry: blobs mounted where the registry mounts, else the started upload is cancelled and the blob streamed', async () => {
  const image = pushImage(one, 'team/app', '1.0.0')
  one.mounts = true
  const mounted = await copyImage({ client: client(one), repository: 'team/app' }, { client: client(one), repository: 'team/mirror' }, image.digest, '1.0.0', retry)
  expect(mounted).toMatchObject({ mounted: 4, uploaded: 0 })
  one.mounts = false
  one.requests = []
  const streamed = await copyImage({ client: client(one), repository: 'team/app' }, { client: client(one), repository: 'team/other' }, image.digest, '1.0.0', retry)
  expect(streamed).toMatchObject({ mounted: 0, uploaded: 4 })
  expect(one.requests.filter(q => q.startsWith('DELETE'))).toHaveLength(4)
  expect(one.manifests.get('team/other:1.0.0')?.body).toEqual(one.manifests.get('team/app:1.0.0')?.body)
})

test('a second copy uploads nothing and keeps the tag that already names the image', async () => {
  const image = pushImage(one, 'team/app', '1.0.0')
  const ends = [
    { client: client(one, 'one.test'), repository: 'team/app' },
    { client: client(two, 'two.test'), repository: 'acme/app' }
  ] as const
  await copyImage(...ends, image.digest, '1.0.0', retry)
  two.immutable = true
  const again = await copyImage(...ends, image.digest, '1.0.0', retry)
  expect(again).toEqual({ manifests: 3, present: 4, mounted: 0, uploaded: 0, tagKept: true })
})

test('an immutable tag naming another image is refused, as the push would be', async () => {
  const image = pushImage(one, 'team/app', '1.0.0')
  pushImage(two, 'acme/app', '1.0.0', 'other')
  two.immutable = true
  const copying = copyImage({ client: client(one, 'one.test'), repository: 'team/app' }, { client: client(two, 'two.test'), repository: 'acme/app' }, image.digest, '1.0.0', retry)
  await expect(copying).rejects.toThrow(/Tag '1.0.0' already exists in 'acme\/app', which keeps it immutable/)
})

test('a blob read with other bytes than its digest is never stored', async () => {
  const image = pushImage(one, 'team/app', '1.0.0')
  one.corrupt = image.blobs[1] ?? ''
  const copying = copyImage({ client: client(one, 'one.test'), repository: 'team/app' }, { client: client(two, 'two.test'), repository: 'acme/app' }, image.digest, '1.0.0', retry)
  await expect(copying).rejects.toBeInstanceOf(ActionError)
  expect(two.blobs.has(`acme/app@${image.blobs[1]}`)).toBe(false)
  expect(two.manifests.has('acme/app:1.0.0')).toBe(false)
})
