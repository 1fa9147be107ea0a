/**
 * SBOMs: buildx's arguments, the statements read per platform from the layout, attached as
 * referrers.
 */
import type { RetryDeps } from '../../../src/retry.js'
import { SLSA_PROVENANCE_V1, IN_TOTO_MEDIA_TYPE } from '../../../src/supply/provenance.js'
import { attestImages } from '../../../src/supply/attest.js'
import { sbomArgs, statementsByPlatform, SPDX_DOCUMENT } from '../../../src/supply/sbom.js'
import { readSettings } from '../../../src/settings/read.js'
import { FakeRegistry } from '../../fixtures/fake-registry.js'
import { buildSettings } from '../../fixtures/build-settings.js'
import { makeWorkspace, stepEnv } from '../../fixtures/workspace.js'

const noRetry: RetryDeps = { policy: { attempts: 1, delay: () => 0, sleep: async () => undefined, log: () => undefined } }

const SHA = '0123456789abcdef0123456789abcdef01234567'

const ENV = {
  GITHUB_REPOSITORY: 'acme/web',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_SHA: SHA,
  GITHUB_REF: 'refs/tags/v1.0.0',
  GITHUB_WORKFLOW_REF: 'acme/web/.github/workflows/release.yml@refs/heads/main',
  GITHUB_RUN_ID: '42',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_EVENT_NAME: 'push',
  RUNNER_ENVIRONMENT: 'github-hosted'
}

describe('SBOMs', () => {
  const META = '/runner/_temp/ecr-build-push-x/metadata.json'
  const ecrCache = { type: 'ecr' as const, tag: 'buildcache', from: ['buildcache'] }

  test('the SBOM run: the build exported to an OCI layout with the generator on, no tag, no push, no cache export', () => {
    const args = sbomArgs(buildSettings({ sbom: true, sbomGenerator: 'stack.test/sbom-generator:1', cache: ecrCache }), ['a=b'], META, 'r.test/team/web', {})
    expect(args).toContain('--sbom=generator=stack.test/sbom-generator:1')
    expect(args).toContain('--provenance=false')
    expect(args).toContain('type=oci,dest=/runner/_temp/ecr-build-push-x/oci-layout,tar=false')
    expect(args).not.toContain('--push')
    expect(args).not.toContain('--tag')
    expect(args).not.toContain('--cache-to')
    expect(args).toContain('--cache-from')
    expect(sbomArgs(buildSettings({ sbom: true }), [], META, undefined, {})).toContain('--sbom=true')
  })

  test('statements are read from the layout by the platform of the image each attestation manifest names', async () => {
    const blobs = new Map<string, Buffer>()
    const put = (name: string, value: unknown): string => (blobs.set(name, Buffer.from(JSON.stringify(value))), name)
    const spdx = put('sha256:spdx', { predicateType: SPDX_DOCUMENT })
    const att = put('sha256:att', {
      layers: [
        { mediaType: IN_TOTO_MEDIA_TYPE, digest: spdx, annotations: { 'in-toto.io/predicate-type': SPDX_DOCUMENT } },
        { mediaType: IN_TOTO_MEDIA_TYPE, digest: 'sha256:prov', annotations: { 'in-toto.io/predicate-type': SLSA_PROVENANCE_V1 } }
      ]
    })
    const index = put('sha256:index', {
      manifests: [
        { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: 'sha256:img', platform: { os: 'linux', architecture: 'arm64' } },
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: att,
          platform: { os: 'unknown', architecture: 'unknown' },
          annotations: { 'vnd.docker.reference.type': 'attestation-manifest', 'vnd.docker.reference.digest': 'sha256:img' }
        }
      ]
    })
    const found = await statementsByPlatform(async d => blobs.get(d) ?? Buffer.from('{}'), [{ mediaType: 'application/vnd.oci.image.index.v1+json', digest: index }])
    expect([...found.keys()]).toEqual(['linux/arm64'])
    expect(found.get('linux/arm64')?.map(b => JSON.parse(b.toString()).predicateType)).toEqual([SPDX_DOCUMENT])
  })

  const input = { env: ENV, build: buildSettings({ sbom: true, provenance: 'false' }), uri: 'r.test/team/web', path: 'team/web', version: '1.0.0', startedOn: 'a', finishedOn: 'b' }
  test('each platform image gets its own platform’s SBOM, its subject set to that image', async () => {
    const registry = new FakeRegistry()
    const index = registry.pushImage('team/web', '1.0.0', SHA)
    const children = (JSON.parse(registry.manifests.get(`team/web@${index}`)?.body.toString() ?? '{}') as { manifests: { digest: string }[] }).manifests.map(m => m.digest)
    const client = registry.client({ registry: 'r.test', username: 'AWS', password: 'pw' })
    const sboms = new Map([
      ['linux/amd64', [Buffer.from('{"predicateType":"https://spdx.dev/Document","subject":[],"predicate":{"name":"amd"}}')]],
      ['linux/arm64', [Buffer.from('{"predicateType":"https://spdx.dev/Document","subject":[],"predicate":{"name":"arm"}}')]]
    ])
    const images = [
      { platform: 'linux/amd64', digest: children[0] ?? '' },
      { platform: 'linux/arm64', digest: children[1] ?? '' }
    ]
    const done = await attestImages(client, images, input, noRetry, sboms)
    expect(done.map(d => d.kind)).toEqual(['SBOM', 'SBOM'])
    for (const [i, image] of images.entries()) {
      const manifest = JSON.parse(registry.manifests.get(`team/web@${done[i]?.digest}`)?.body.toString() ?? '{}') as { subject: { digest: string }; layers: { digest: string }[] }
      expect(manifest.subject.digest).toBe(image.digest)
      const statement = JSON.parse(registry.blobs.get(manifest.layers[0]?.digest ?? '')?.toString() ?? '{}') as { subject: { digest: { sha256: string } }[]; predicate: { name: string } }
      expect(statement.subject[0]?.digest.sha256).toBe(image.digest.slice(7))
      expect(statement.predicate.name).toBe(i === 0 ? 'amd' : 'arm')
    }
  })

  test('the platform images are attested side by side, said in their order; a platform without its SBOM stores nothing for any', async () => {
    const registry = new FakeRegistry()
    const index = registry.pushImage('team/web', '1.0.0', SHA)
    const children = (JSON.parse(registry.manifests.get(`team/web@${index}`)?.body.toString() ?? '{}') as { manifests: { digest: string }[] }).manifests.map(m => m.digest)
    const client = registry.client({ registry: 'r.test', username: 'AWS', password: 'pw' })
    const calls: string[] = []
    const spy = Object.assign(Object.create(client) as typeof client, {
      manifestBytes: (repository: string, reference: string) => (calls.push(`read ${reference}`), client.manifestBytes(repository, reference)),
      storeManifest: (...args: Parameters<typeof client.storeManifest>) => (calls.push(`store ${JSON.parse(args[3].toString()).subject.digest}`), client.storeManifest(...args))
    })
    const images = [
      { platform: 'linux/amd64', digest: children[0] ?? '' },
      { platform: 'linux/arm64', digest: children[1] ?? '' }
    ]
    const done = await attestImages(spy, images, { ...input, build: buildSettings({ provenance: 'mode=min' }) }, noRetry)
    expect(done.map(d => d.platform)).toEqual(['linux/amd64', 'linux/arm64'])
    // Side by side: both subjects read before either referrer is stored.
    expect(calls.slice(0, 2).sort()).toEqual([`read ${children[0]}`, `read ${children[1]}`].sort())
    expect(calls.slice(2).sort()).toEqual([`store ${children[0]}`, `store ${children[1]}`].sort())
    calls.length = 0
    const sboms = new Map([['linux/amd64', [Buffer.from('{}')]]])
    await expect(attestImages(spy, images, input, noRetry, sboms)).rejects.toThrow('The SBOM generator made no SBOM for linux/arm64')
    expect(calls).toEqual([])
  })

  test('a platform the generator gave no SBOM for fails the run (sbom: true never passes on nothing)', async () => {
    const registry = new FakeRegistry()
    const index = registry.pushImage('team/web', '1.0.0', SHA)
    const child = (JSON.parse(registry.manifests.get(`team/web@${index}`)?.body.toString() ?? '{}') as { manifests: { digest: string }[] }).manifests[1]?.digest ?? ''
    const client = registry.client({ registry: 'r.test', username: 'AWS', password: 'pw' })
    const sboms = new Map([['linux/amd64', [Buffer.from('{}')]]])
    await expect(attestImages(client, [{ platform: 'linux/arm64', digest: child }], input, noRetry, sboms)).rejects.toThrow(
      'The SBOM generator made no SBOM for linux/arm64 (it made some for: linux/amd64)'
    )
  })

  test('sbom-generator: only with sbom true, and an image reference', () => {
    const ws = makeWorkspace()
    try {
      const read = (inputs: Record<string, string>) => readSettings(stepEnv(ws.dir, { repository: 'team/web', ...inputs }))
      expect(read({ sbom: 'true', 'sbom-generator': 'stack.test/sbom-generator:1' }).build.sbomGenerator).toBe('stack.test/sbom-generator:1')
      expect(read({ sbom: 'true' }).build.sbomGenerator).toBeUndefined()
      expect(() => read({ 'sbom-generator': 'stack.test/sbom-generator:1' })).toThrow("Input 'sbom-generator': is set but sbom is false")
      expect(() => read({ sbom: 'true', 'sbom-generator': 'Not An Image' })).toThrow('is not an image reference')
    } finally {
      ws.remove()
    }
  })
})
