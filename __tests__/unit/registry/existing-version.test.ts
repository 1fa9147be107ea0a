/** Re-runs (an existing version tag), the merge and the registry cache arguments. */
import { mergeIndex } from '../../../src/build/buildx.js'
import { cacheArgs } from '../../../src/build/plan.js'
import type { Docker } from '../../../src/docker.js'
import { ActionError } from '../../../src/errors.js'
import { decideVersion } from '../../../src/registry/existing-version.js'

const SHA = 'a'.repeat(40)
const OTHER = 'b'.repeat(40)
const run = { sha: SHA, version: '1.2.3', repository: 'team/web' }
const existing = (revision: string) => ({ digest: `sha256:${'c'.repeat(64)}`, revision })

describe('decideVersion', () => {
  const DIGEST = `sha256:${'c'.repeat(64)}`
  const UNTRUSTED = "a label is written by whoever pushed the image, so it can't show that the image was built from this commit"
  const WAYS_OUT = 'Bump the version, or set if-version-exists: skip to keep the existing image (trusting whoever pushed it).'

  test.each(['auto', 'fail', 'skip'] as const)('no such tag: build (%s)', mode => {
    expect(decideVersion(undefined, run, mode)).toEqual({ build: true })
  })

  // The label is a claim anyone with push rights can make: with auto, no label earns a reuse.
  test.each([
    ['this commit', SHA, `labelled as built from this commit (aaaaaaa); ${UNTRUSTED}`],
    ['another commit', OTHER, `labelled as built from commit ${OTHER} (this run is aaaaaaa); ${UNTRUSTED}`],
    ['no commit (no label)', '', `with no revision label; ${UNTRUSTED}`]
  ])('auto, an image whose label names %s: stop before building, the label named as a claim', (_, revision, middle) => {
    expect(() => decideVersion(existing(revision), run, 'auto')).toThrow(
      new ActionError(`Tag '1.2.3' already exists in 'team/web' (${DIGEST}), ${middle}. ${WAYS_OUT}`)
    )
  })

  test.each([SHA, OTHER, ''])('fail: stop whatever the label says (%j)', revision => {
    expect(() => decideVersion(existing(revision), run, 'fail')).toThrow(`(${DIGEST}), `)
    expect(() => decideVersion(existing(revision), run, 'fail')).toThrow(`if-version-exists: fail stops whenever the tag exists. ${WAYS_OUT}`)
  })

  test.each([SHA, OTHER, ''])('skip: keep the existing image whatever the label says (%j)', revision => {
    expect(decideVersion(existing(revision), run, 'skip')).toEqual({ build: false, reason: `1.2.3 already exists (${DIGEST}); if-version-exists: skip` })
  })
})

describe('mergeIndex', () => {
  const uri = '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web'
  const digests = [`sha256:${'1'.repeat(64)}`, `sha256:${'2'.repeat(64)}`]

  test('one imagetools create: every tag, every digest', async () => {
    const calls: string[][] = []
    await mergeIndex(async args => (calls.push(args), { exitCode: 0, stdout: '', stderr: '' }), uri, ['1.2.3', 'latest'], digests)
    expect(calls).toEqual([
      ['buildx', 'imagetools', 'create', '--tag', `${uri}:1.2.3`, '--tag', `${uri}:latest`, `${uri}@${digests[0]}`, `${uri}@${digests[1]}`]
    ])
  })

  test('an immutable tag stops it at once, explained', async () => {
    const calls: string[][] = []
    const docker: Docker = async args => (
      calls.push(args), { exitCode: 1, stdout: '', stderr: "ERROR: The image tag 'latest' already exists in the 'team/web' repository and cannot be overwritten" }
    )
    await expect(mergeIndex(docker, uri, ['latest'], digests)).rejects.toThrow("Tag 'latest' already exists in 'team/web'")
    expect(calls).toHaveLength(1)
  })
})

describe('cacheArgs', () => {
  const uri = '1.dkr.ecr.us-east-1.amazonaws.com/team/web'
  test('ecr: a registry cache ECR accepts, that never fails the build', () => {
    expect(cacheArgs({ type: 'ecr', tag: 'buildcache', from: ['buildcache'] }, uri)).toEqual([
      '--cache-from',
      `type=registry,ref=${uri}:buildcache`,
      '--cache-to',
      `type=registry,ref=${uri}:buildcache,mode=max,image-manifest=true,oci-mediatypes=true,ignore-error=true`
    ])
  })
  test('ecr without a registry (push: false): none', () => {
    expect(cacheArgs({ type: 'ecr', tag: 'buildcache', from: ['buildcache'] }, undefined)).toEqual([])
  })
  test('gha and none', () => {
    expect(cacheArgs({ type: 'gha', tag: 'x', from: ['x'] }, uri)).toEqual(['--cache-from', 'type=gha', '--cache-to', 'type=gha,mode=max,ignore-error=true'])
    expect(cacheArgs({ type: 'none', tag: 'x', from: ['x'] }, uri)).toEqual([])
  })
})
