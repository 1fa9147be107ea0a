/**
 * The README's "A release pipeline": each platform built natively and pushed by digest, then
 * one merge makes the index under the version and latest.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { injectRegistryFaults, makeWorkspace, REGISTRY, registryGet, registryManifest, registryTags, resetFaults, runImage } from './stack.js'
import { BUILD_COMMAND, SHA_A, expectSuccess, onFreshStack } from './ship.js'

const { ship } = onFreshStack()

describe('native per-platform builds, then a merge', () => {
  test('two push-by-digest runs (amd64, arm64) and a merge: one index with both under the version and latest; the merge again with skip is a no-op', async () => {
    // What the reusable workflow's matrix jobs do, each on its own runner (here: the docker driver).
    const ws = makeWorkspace('split')
    const perPlatform: string[] = []
    for (const arch of ['amd64', 'arm64']) {
      const before = await registryTags('team/split')
      const job = await ship({ repository: 'team/split', version: '5.0.0', platforms: `linux/${arch}`, 'push-by-digest': 'true' }, { workspace: ws, env: { GITHUB_SHA: SHA_A } })
      expectSuccess(job)
      expect(job.log).toContain('type=oci,dest=')
      expect(job.log).toMatch(/Pushed sha256:[0-9a-f]{64} by digest: \d+ blobs uploaded/)
      const digest = job.outputs.digest ?? ''
      expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/)
      // Untagged: the version and latest are the merge's to set; the image is there by digest,
      // and its platform's own registry cache under buildcache-linux-<arch>.
      const notCache = (tags: string[]) => tags.filter(t => !t.startsWith('buildcache'))
      expect(notCache(await registryTags('team/split'))).toEqual(notCache(before))
      expect(await registryTags('team/split')).toContain(`buildcache-linux-${arch}`)
      const image = await registryGet(`/v2/team/split/manifests/${digest}`)
      expect(image.status).toBe(200)
      expect(job.outputs['image-digest-uri']).toBe(`${REGISTRY}/team/split@${digest}`)
      expect(job.outputs.tags).toBe('')
      // The summary knows exactly what the upload sent.
      expect(job.summary).toContain("(blobs the repository didn't have, as uploaded)")
      // The exported layout (beside the metadata file) is gone from the runner.
      const metadataFile = /--metadata-file (\S+)/.exec(job.log)?.[1] ?? ''
      expect(metadataFile).not.toBe('')
      expect(existsSync(path.join(path.dirname(metadataFile), 'oci-layout'))).toBe(false)
      perPlatform.push(digest)
    }

    const merge = await ship({ repository: 'team/split', version: '5.0.0', 'merge-digests': perPlatform.join('\n') }, { workspace: ws, env: { GITHUB_SHA: SHA_A } })
    expectSuccess(merge)
    expect(merge.log).not.toMatch(BUILD_COMMAND)
    expect(merge.log).toContain('imagetools create')
    const index = await registryManifest('team/split', '5.0.0')
    expect(merge.outputs.digest).toBe(index.digest)
    expect((await registryManifest('team/split', 'latest')).digest).toBe(index.digest)
    expect(index.manifests.map(m => m.digest).sort()).toEqual([...perPlatform].sort())
    expect(index.manifests.map(m => `${m.platform?.os}/${m.platform?.architecture}`).sort()).toEqual(['linux/amd64', 'linux/arm64'])
    expect(merge.outputs['image-digest-uri']).toBe(`${REGISTRY}/team/split@${index.digest}`)
    expect(runImage(merge.outputs['image-digest-uri'] ?? '', 'linux/arm64')).toContain('aarch64 split')
    expect(runImage(merge.outputs['image-digest-uri'] ?? '', 'linux/amd64')).toContain('x86_64 split')

    const again = await ship({ repository: 'team/split', version: '5.0.0', 'merge-digests': perPlatform.join(','), 'if-version-exists': 'skip' }, { workspace: ws, env: { GITHUB_SHA: SHA_A } })
    expectSuccess(again)
    expect(again.outputs.skipped).toBe('true')
    expect(again.outputs.digest).toBe(index.digest)
    expect(again.log).not.toContain('imagetools create')
  })

  test('a push-by-digest upload the registry fails once (a blob, then a manifest) succeeds on the retry', async () => {
    await injectRegistryFaults({ count: 1, status: 500, on: 'blob', repository: 'team/split-flaky' })
    await injectRegistryFaults({ count: 1, status: 503, on: 'manifest', repository: 'team/split-flaky' })
    const job = await ship({ repository: 'team/split-flaky', version: '1.0.0', platforms: 'linux/arm64', 'push-by-digest': 'true', cache: 'none' }, { workspace: makeWorkspace('split-flaky') })
    expectSuccess(job)
    expect(job.log).toMatch(/failed \(.*50[03].*\); trying again in \d+s \(2 of 4\)/)
    expect((await registryGet(`/v2/team/split-flaky/manifests/${job.outputs.digest}`)).status).toBe(200)
    await resetFaults()
  })

  test("a registry's error message with workflow commands in it: logged on one line, and the runner takes no command from it", async () => {
    const message = 'injected fault\n::set-output name=digest::sha256:evil\n::add-mask::team\n##[set-output name=evil;]x\n%0A::error::evil'
    await injectRegistryFaults({ count: 1, status: 500, on: 'manifest', repository: 'team/split-words', message })
    const job = await ship({ repository: 'team/split-words', version: '1.0.0', platforms: 'linux/amd64', 'push-by-digest': 'true', cache: 'none' }, { workspace: makeWorkspace('split-words') })
    await resetFaults()
    expectSuccess(job)
    expect(job.log).toContain('500 UNKNOWN: injected fault\\n::set-output name=digest::sha256:evil\\n::add-mask::team\\n## [set-output name=evil;]x\\n%0A::error::evil); trying again in')
    // Only the action's own commands: no output, mask or error from the registry's words.
    expect(job.commands.outputs).toEqual({})
    expect(job.masked).not.toContain('team')
    expect(job.commands.errors).toEqual([])
    expect(job.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
  })
})
