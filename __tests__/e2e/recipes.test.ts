/**
 * The README's recipes hold on the stack. Lambda: a one-platform build (the recipe's
 * `platforms: linux/arm64`) pushes one image manifest under the version and latest, never an
 * image index, which Lambda refuses ("The image manifest or layer media type … is not
 * supported"); the digest the recipe deploys is that manifest's.
 */
import { jest } from '@jest/globals'
import { runAction } from '../../scripts/local-runner.mjs'
import { jobEnv, makeWorkspace, registryManifest, REGISTRY, ROLE } from './stack.js'

jest.setTimeout(5 * 60 * 1000)

const INDEX = /^application\/vnd\.(oci\.image\.index\.v1|docker\.distribution\.manifest\.list\.v2)\+json$/
const MANIFEST = /^application\/vnd\.(oci\.image\.manifest\.v1|docker\.distribution\.manifest\.v2)\+json$/

test('Lambda: one platform is one image manifest, under the version and latest, deployed by its digest', async () => {
  const result = await runAction({
    inputs: { 'role-to-assume': ROLE, 'aws-region': 'us-east-1', repository: 'team/fn', version: '1.0.0', platforms: 'linux/arm64' },
    env: jobEnv(),
    workspace: makeWorkspace('lambda'),
    post: true
  })
  expect(result.exitCode).toBe(0)
  for (const tag of ['1.0.0', 'latest']) {
    const manifest = await registryManifest('team/fn', tag)
    expect(manifest.mediaType).toMatch(MANIFEST)
    expect(manifest.mediaType).not.toMatch(INDEX)
    expect(manifest.manifests).toEqual([])
    expect(manifest.digest).toBe(result.outputs.digest)
  }
  expect(result.outputs['image-digest-uri']).toBe(`${REGISTRY}/team/fn@${result.outputs.digest}`)
})

test('the contrast: two platforms are an image index, which Lambda refuses', async () => {
  const result = await runAction({
    inputs: { 'role-to-assume': ROLE, 'aws-region': 'us-east-1', repository: 'team/fn-multi', version: '1.0.0' },
    env: jobEnv(),
    workspace: makeWorkspace('lambda-multi'),
    post: true
  })
  expect(result.exitCode).toBe(0)
  expect((await registryManifest('team/fn-multi', '1.0.0')).mediaType).toMatch(INDEX)
})
