/**
 * Tags over the registry API: more tags on a pushed image, one PUT each; a skipped version
 * takes back the tags that follow it.
 */
import { jest } from '@jest/globals'
import type { RetryDeps } from '../../../src/retry.js'
import { ActionError } from '../../../src/errors.js'
import { pushLayout } from '../../../src/registry/layout-push.js'
import { addTags, moveTags } from '../../../src/registry/tags.js'
import { INDEX, sha, UploadRegistry, writeLayout } from '../../fixtures/upload-registry.js'

const registry = new UploadRegistry()
beforeAll(() => registry.start())
afterAll(() => registry.close())
beforeEach(() => registry.reset())

const client = (password = 'secret') => registry.client(password)

const logs: string[] = []

const retry: RetryDeps = { policy: { attempts: 3, delay: () => 0, sleep: async () => undefined, log: (m: string) => logs.push(m) } }

describe('addTags: more tags on a pushed image, one PUT each', () => {
  test('the index is read once and put under each tag byte for byte, with its media type', async () => {
    const { dir, root } = writeLayout(['amd64', 'arm64'])
    await pushLayout(client(), 'team/web', dir, retry)
    registry.requests = []
    await addTags(client(), 'team/web', root, ['latest', 'stable'], retry)
    expect(registry.requests).toEqual([`GET /v2/team/web/manifests/${root}`, 'PUT /v2/team/web/manifests/latest', 'PUT /v2/team/web/manifests/stable'])
    for (const tag of ['latest', 'stable']) {
      expect(registry.manifests.get(`team/web@${tag}`)?.type).toBe(INDEX)
      expect(sha(registry.manifests.get(`team/web@${tag}`)?.body ?? Buffer.alloc(0))).toBe(root)
    }
  })

  test('no tags: no request', async () => {
    await addTags(client(), 'team/web', 'sha256:' + '0'.repeat(64), [], retry)
    expect(registry.requests).toEqual([])
  })

  test('a 500 on a tag is tried again; an immutable tag holding another image is explained as a buildx push would be', async () => {
    const first = writeLayout(['amd64'])
    const second = writeLayout(['arm64'])
    await pushLayout(client(), 'team/web', first.dir, retry)
    await pushLayout(client(), 'team/web', second.dir, retry)
    registry.faults = [{ method: 'PUT', status: 500, count: 1 }]
    await addTags(client(), 'team/web', first.root, ['latest'], retry)
    expect(sha(registry.manifests.get('team/web@latest')?.body ?? Buffer.alloc(0))).toBe(first.root)
    registry.immutable.add('latest')
    const refused = addTags(client(), 'team/web', second.root, ['latest'], retry)
    await expect(refused).rejects.toBeInstanceOf(ActionError)
    await expect(refused).rejects.toThrow("Tag 'latest' already exists in 'team/web', which keeps it immutable: bump the version")
    expect(sha(registry.manifests.get('team/web@latest')?.body ?? Buffer.alloc(0))).toBe(first.root)
  })

  test('an image the repository does not have: one line, no tag written', async () => {
    await expect(addTags(client(), 'team/web', 'sha256:' + '1'.repeat(64), ['latest'], retry)).rejects.toThrow(/has no sha256:1{64} in team\/web to tag/)
    expect(registry.requests.filter(r => r.startsWith('PUT'))).toEqual([])
  })
})

describe('moveTags: a skipped version takes back the tags that follow it', () => {
  test('a tag elsewhere is moved, one already there is left, an immutable one elsewhere is left with a warning', async () => {
    const old = writeLayout(['amd64'])
    const current = writeLayout(['arm64'])
    await pushLayout(client(), 'team/web', old.dir, retry)
    await pushLayout(client(), 'team/web', current.dir, retry)
    await addTags(client(), 'team/web', current.root, ['latest', 'stable', 'pinned'], retry)
    await addTags(client(), 'team/web', old.root, ['edge'], retry)
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
    registry.requests = []
    const moved = await moveTags(client(), { name: 'team/web', mutability: { mode: 'IMMUTABLE_WITH_EXCLUSION', exclusions: ['latest', 'edge'] } }, old.root, ['latest', 'edge', 'pinned'], retry)
    const warnings = write.mock.calls.map(c => String(c[0])).filter(l => l.startsWith('::warning::'))
    write.mockRestore()
    expect(moved).toEqual(['latest'])
    expect(sha(registry.manifests.get('team/web@latest')?.body ?? Buffer.alloc(0))).toBe(old.root)
    expect(sha(registry.manifests.get('team/web@pinned')?.body ?? Buffer.alloc(0))).toBe(current.root)
    expect(warnings.join('')).toContain("'pinned' points to another image and the repository keeps it immutable: left as it is.")
    // No docker: the tags looked up, the index read once, one PUT for the tag moved.
    expect(
      registry.requests.filter(r => !r.startsWith('GET /v2/team/web/manifests/latest') && !r.startsWith('GET /v2/team/web/manifests/edge') && !r.startsWith('GET /v2/team/web/manifests/pinned'))
    ).toEqual([`GET /v2/team/web/manifests/${old.root}`, 'PUT /v2/team/web/manifests/latest'])
  })
})
