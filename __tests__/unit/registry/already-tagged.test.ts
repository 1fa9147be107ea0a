/**
 * A write whose answer was lost, tried again and refused because the immutable tag now
 * exists: success when the tag already names what this run wrote (a tag put over the
 * registry API, buildx's push, a merge), the refusal of today when it names anything else.
 */
import { jest } from '@jest/globals'
import { buildAndPush, mergeIndex } from '../../../src/build/buildx.js'
import type { Docker } from '../../../src/docker.js'
import { buildIdentity, isThisBuild, namesExactly, tagHoldsBuild, tagHoldsMerge } from '../../../src/registry/already-tagged.js'
import type { ImageConfig } from '../../../src/registry/image-config.js'
import { ImmutableTagError } from '../../../src/registry/refusals.js'
import { addTags } from '../../../src/registry/tags.js'
import type { RetryDeps } from '../../../src/retry.js'
import { buildSettings } from '../../fixtures/build-settings.js'
import { registryDocker, FakeRegistry } from '../../fixtures/fake-registry.js'

const HOST = '123456789012.dkr.ecr.us-east-1.amazonaws.com'
const URI = `${HOST}/team/web`
const SHA = 'a'.repeat(40)
const LABELS = ['org.opencontainers.image.version=1.0.0', 'org.opencontainers.image.created=2026-05-01T10:00:00.123Z', `org.opencontainers.image.revision=${SHA}`]
const PLATFORMS = ['linux/amd64', 'linux/arm64']
const refusal = (tag: string): string => `The image tag '${tag}' already exists in the 'team/web' repository and cannot be overwritten because the repository is immutable.`

let logs: string[]
const retry = (): RetryDeps => ({ policy: { attempts: 3, delay: () => 0, sleep: async () => undefined, log: m => void logs.push(m) } })
let stdout: ReturnType<typeof jest.spyOn>
beforeEach(() => {
  logs = []
  stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (logs.push(String(chunk).trim()), true))
})
afterEach(() => stdout.mockRestore())

const config = (platform: string, labels: Record<string, string>): ImageConfig => ({ platform, labels, created: '' })

describe('the judgments (pure)', () => {
  const identity = buildIdentity(LABELS, [], PLATFORMS)
  const labels = { 'org.opencontainers.image.version': '1.0.0', 'org.opencontainers.image.created': '2026-05-01T10:00:00.123Z', 'org.opencontainers.image.revision': SHA }

  test("this run's build: every platform image carries all its labels, and they are exactly its platforms", () => {
    if (identity === undefined) throw new Error('no identity')
    expect(isThisBuild([config('linux/amd64', labels), config('linux/arm64/v8', { ...labels, extra: 'x' })], identity)).toBe(true)
    // Another run of the same commit: another created time.
    expect(isThisBuild([config('linux/amd64', labels), config('linux/arm64', { ...labels, 'org.opencontainers.image.created': '2026-05-01T10:00:00.124Z' })], identity)).toBe(false)
    expect(isThisBuild([config('linux/amd64', labels)], identity)).toBe(false)
    expect(isThisBuild([config('linux/amd64', labels), config('linux/arm64', labels), config('linux/arm64', labels)], identity)).toBe(false)
  })

  test("the workflow's labels win, as on buildx's command line; one that replaces the action's created time leaves nothing to tell runs apart", () => {
    expect(buildIdentity(LABELS, ['team=web', 'org.opencontainers.image.version=custom'], PLATFORMS)?.labels).toMatchObject({ team: 'web', 'org.opencontainers.image.version': 'custom' })
    expect(buildIdentity(LABELS, ['org.opencontainers.image.created=2020-01-01T00:00:00Z'], PLATFORMS)).toBeUndefined()
    expect(buildIdentity(LABELS, ['org.opencontainers.image.created=2026-05-01T10:00:00.123Z'], PLATFORMS)).toBeDefined()
  })

  test('a merge: the index names exactly the given manifests, in any order', () => {
    expect(namesExactly(['sha256:b', 'sha256:a'], ['sha256:a', 'sha256:b'])).toBe(true)
    expect(namesExactly(['sha256:a'], ['sha256:a', 'sha256:b'])).toBe(false)
    expect(namesExactly(['sha256:a', 'sha256:b', 'sha256:c'], ['sha256:a', 'sha256:b'])).toBe(false)
  })
})

describe('a tag put over the registry API', () => {
  test.each([500, 503, 'reset'] as const)('stored, its answer lost (%s), refused on the next try: found naming this image, the run goes on', async status => {
    const registry = new FakeRegistry()
    const digest = registry.pushImage('team/web', '1.0.0', SHA)
    registry.immutable.add('stable')
    registry.faults.push({ reference: 'stable', status, stored: true, count: 1 })
    await addTags(registry.client({ registry: HOST, username: 'AWS', password: 'p' }), 'team/web', digest, ['stable'], retry())
    expect(registry.tag('team/web', 'stable')).toBe(digest)
    expect(registry.requests.filter(r => r === 'PUT /v2/team/web/manifests/stable')).toHaveLength(2)
    expect(logs.some(l => l.includes(`Found tag 'stable' already naming this run's image (${digest})`))).toBe(true)
  })

  test('the tag names another image: refused as today', async () => {
    const registry = new FakeRegistry()
    const other = registry.pushImage('team/web', 'stable', 'other')
    const digest = registry.pushImage('team/web', '1.0.0', SHA)
    registry.immutable.add('stable')
    const put = addTags(registry.client({ registry: HOST, username: 'AWS', password: 'p' }), 'team/web', digest, ['stable'], retry())
    await expect(put).rejects.toBeInstanceOf(ImmutableTagError)
    await expect(put).rejects.toThrow("Tag 'stable' already exists in 'team/web', which keeps it immutable: bump the version")
    expect(registry.tag('team/web', 'stable')).toBe(other)
  })
})

describe("buildx's push of the version", () => {
  /** docker whose build pushes (as the fake does) and then fails as buildx does when the registry refused a try after a lost answer. */
  function lostAnswer(registry: FakeRegistry, before?: () => void): Docker {
    const fake = registryDocker(registry, HOST).docker
    return async (args, options) => {
      if (args[1] !== 'build') return fake(args, options)
      await fake(args, options)
      before?.()
      const detail = JSON.stringify({ errors: [{ code: 'TAG_INVALID', message: refusal('1.0.0') }] })
      return { exitCode: 1, stdout: '', stderr: `ERROR: failed to push ${URI}:1.0.0: unexpected status from PUT request to https://${HOST}/v2/team/web/manifests/1.0.0: 400 Bad Request: ${detail}\n` }
    }
  }
  const push = (registry: FakeRegistry, docker: Docker, workflowLabels: string[] = []) => {
    const client = registry.client({ registry: HOST, username: 'AWS', password: 'p' })
    const identity = buildIdentity(LABELS, workflowLabels, PLATFORMS)
    return buildAndPush(docker, buildSettings({ labels: workflowLabels }), [`${URI}:1.0.0`], LABELS, {
      retry: retry(),
      repositoryUri: URI,
      alreadyPushed: tag => tagHoldsBuild(client, 'team/web', tag, identity, retry())
    })
  }

  test('the tag names the image this build pushed: the push succeeded, with its digest', async () => {
    const registry = new FakeRegistry()
    const result = await push(registry, lostAnswer(registry))
    expect(result).toEqual({ digest: registry.tag('team/web', '1.0.0'), metadata: {}, found: '1.0.0' })
    expect(logs.some(l => l.startsWith("Found tag '1.0.0' already naming this run's image"))).toBe(true)
  })

  test('another run took the tag meanwhile: refused as today', async () => {
    const registry = new FakeRegistry()
    const docker = lostAnswer(registry, () => registry.pushImage('team/web', '1.0.0', 'b'.repeat(40), { labels: { 'org.opencontainers.image.created': '2026-05-01T10:00:01Z' } }))
    await expect(push(registry, docker)).rejects.toThrow("Tag '1.0.0' already exists in 'team/web', which keeps it immutable: bump the version")
  })

  test("the workflow's labels replace the action's created time: nothing tells this run's image apart, refused", async () => {
    const registry = new FakeRegistry()
    await expect(push(registry, lostAnswer(registry), ['org.opencontainers.image.created=2020-01-01T00:00:00Z'])).rejects.toBeInstanceOf(ImmutableTagError)
  })

  test("buildx's error names another tag than the registry refused: not taken as this build's", async () => {
    const registry = new FakeRegistry()
    const fake = registryDocker(registry, HOST).docker
    const docker: Docker = async (args, options) => {
      if (args[1] !== 'build') return fake(args, options)
      await fake(args, options)
      return { exitCode: 1, stdout: '', stderr: `ERROR: failed to push ${URI}:2.0.0: unknown: ${refusal('1.0.0')}\n` }
    }
    await expect(push(registry, docker)).rejects.toThrow("Tag '1.0.0' already exists")
    await expect(push(registry, docker)).rejects.not.toBeInstanceOf(ImmutableTagError)
  })
})

describe('a merge', () => {
  const digests = [`sha256:${'1'.repeat(64)}`, `sha256:${'2'.repeat(64)}`]
  const INDEX = 'application/vnd.oci.image.index.v1+json'
  const IMAGE = 'application/vnd.oci.image.manifest.v1+json'
  const index = (children: string[]): string => JSON.stringify({ schemaVersion: 2, mediaType: INDEX, manifests: children.map(digest => ({ mediaType: IMAGE, digest, size: 1 })) })

  /** imagetools create that stored the index under its first tag, then failed on the refused retry. */
  function merged(registry: FakeRegistry, children: string[]): Docker {
    return async args => {
      if (args[1] !== 'imagetools') return { exitCode: 0, stdout: '', stderr: '' }
      registry.put('team/web', INDEX, index(children), '1.0.0')
      return { exitCode: 1, stdout: '', stderr: `ERROR: unexpected status from PUT request to https://${HOST}/v2/team/web/manifests/1.0.0: 400 Bad Request: tag invalid: ${refusal('1.0.0')}\n` }
    }
  }
  const run = (registry: FakeRegistry, docker: Docker) => {
    const client = registry.client({ registry: HOST, username: 'AWS', password: 'p' })
    return mergeIndex(docker, URI, ['1.0.0', 'stable'], digests, { retry: retry() }, (tag: string) => tagHoldsMerge(client, 'team/web', tag, digests, retry()))
  }

  test('the tag names the index of exactly the given digests: merged, with that tag and digest', async () => {
    const registry = new FakeRegistry()
    const found = await run(registry, merged(registry, [digests[1] ?? '', digests[0] ?? '']))
    expect(found).toEqual({ tag: '1.0.0', digest: registry.tag('team/web', '1.0.0') })
  })

  test('an index of other images: refused as today', async () => {
    const registry = new FakeRegistry()
    await expect(run(registry, merged(registry, [digests[0] ?? '', `sha256:${'3'.repeat(64)}`]))).rejects.toThrow("Tag '1.0.0' already exists in 'team/web', which keeps it immutable")
  })
})
