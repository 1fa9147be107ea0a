/** Re-runs (an existing version tag), push retries and the registry cache arguments. */
import { buildAndPush, classifyBuildFailure, type RetryPolicy } from '../../src/build.js'
import { cacheArgs } from '../../src/build-plan.js'
import type { Docker, DockerResult } from '../../src/docker.js'
import { ActionError } from '../../src/errors.js'
import { decideVersion } from '../../src/existing-version.js'
import { buildSettings } from '../fixtures/build-settings.js'
import { writeFileSync } from 'node:fs'

const SHA = 'a'.repeat(40)
const OTHER = 'b'.repeat(40)
const run = { sha: SHA, version: '1.2.3', repository: 'team/web' }
const existing = (revision: string) => ({ digest: `sha256:${'c'.repeat(64)}`, revision })

describe('decideVersion', () => {
  test.each(['auto', 'fail', 'skip'] as const)('no such tag: build (%s)', mode => {
    expect(decideVersion(undefined, run, mode)).toEqual({ build: true })
  })

  test('auto: built from this commit → skip', () => {
    expect(decideVersion(existing(SHA), run, 'auto')).toEqual({ build: false, reason: '1.2.3 was already built from this commit (aaaaaaa)' })
  })

  test('auto and fail: from another commit → stop, naming it', () => {
    for (const mode of ['auto', 'fail'] as const) {
      expect(() => decideVersion(existing(OTHER), run, mode)).toThrow(
        new ActionError(
          `Tag '1.2.3' already exists in 'team/web', built from commit ${OTHER}; this run is commit ${SHA}. Bump the version (or use if-version-exists: skip to keep the existing image).`
        )
      )
    }
  })

  test('fail: even from this commit', () => {
    expect(() => decideVersion(existing(SHA), run, 'fail')).toThrow(`built from commit ${SHA}`)
  })

  test('an image without a revision label is not taken for this commit', () => {
    expect(() => decideVersion(existing(''), run, 'auto')).toThrow('built from an image without a revision label')
  })

  test('skip: whenever the tag exists', () => {
    expect(decideVersion(existing(OTHER), run, 'skip')).toMatchObject({ build: false })
  })
})

describe('classifyBuildFailure', () => {
  test.each([
    ['a 500 on a manifest PUT', 'ERROR: failed to push r/x:1: unexpected status from PUT request to https://r/v2/x/manifests/1: 500 Internal Server Error'],
    ['a reset connection', 'failed commit on ref "layer-sha256:1": write tcp 1.2.3.4:443: connection reset by peer'],
    ['a timeout', 'failed to do request: Head "https://r/v2/": net/http: TLS handshake timeout'],
    ['a 503', 'failed to push r/x:1: 503 Service Unavailable']
  ])('%s is retried', (_name, output) => {
    expect(classifyBuildFailure(output)).toMatchObject({ retry: true })
  })

  test('an immutable tag is explained, not retried', () => {
    const out = "failed to push r/x:1: unknown: The image tag 'stable' already exists in the 'team/web' repository and cannot be overwritten because the repository is immutable."
    const failure = classifyBuildFailure(out)
    expect(failure.retry).toBe(false)
    if (!failure.retry) expect(failure.error.message).toContain("add it to tag-mutability-exclusions")
  })

  test.each([
    ['a missing repository', "failed to push: unknown: The repository with name 'team/web' does not exist in the registry with id '1'", 'has no repository'],
    ['no permission', 'failed to push r/x:1: denied: User is not authorized to perform ecr:InitiateLayerUpload', 'ecr:InitiateLayerUpload'],
    [
      'no permission on ECR Public',
      'ERROR: failed to push public.ecr.aws/a1b2c3d4/web:1: unexpected status from POST request to https://public.ecr.aws/v2/a1b2c3d4/web/blobs/uploads/: 401 Unauthorized',
      'the role needs ecr-public:BatchCheckLayerAvailability, ecr-public:InitiateLayerUpload, ecr-public:UploadLayerPart, ecr-public:CompleteLayerUpload and ecr-public:PutImage on the repository.'
    ],
    ['a failed build step', 'ERROR: failed to solve: process "/bin/sh -c make" did not complete successfully: exit code: 2', 'docker buildx build failed']
  ])('%s is not retried', (_name, output, message) => {
    const failure = classifyBuildFailure(output)
    expect(failure.retry).toBe(false)
    if (!failure.retry) expect(failure.error.message).toContain(message)
  })
})

describe('buildAndPush retries', () => {
  const build = buildSettings({ platforms: ['linux/amd64'], context: '/ctx', file: '/ctx/Dockerfile' })
  const transient: DockerResult = { exitCode: 1, stdout: '', stderr: 'ERROR: failed to push x: 500 Internal Server Error' }

  function fakeDocker(results: DockerResult[]): { docker: Docker; calls: string[][] } {
    const calls: string[][] = []
    const docker: Docker = async args => {
      calls.push(args)
      const next = results.shift() ?? { exitCode: 0, stdout: '', stderr: '' }
      if (next.exitCode === 0) {
        const file = args[args.indexOf('--metadata-file') + 1] ?? ''
        writeFileSync(file, JSON.stringify({ 'containerimage.digest': `sha256:${'d'.repeat(64)}` }))
      }
      return next
    }
    return { docker, calls }
  }
  const policy = (waits: number[]): RetryPolicy => ({ attempts: 4, delay: n => 1000 * n, sleep: async ms => void waits.push(ms), log: () => {} })

  test('a transient failure is tried again, with backoff, and the digest read', async () => {
    const waits: number[] = []
    const { docker, calls } = fakeDocker([transient, transient])
    const result = await buildAndPush(docker, build, ['r:1'], [], { retry: policy(waits) })
    expect(calls).toHaveLength(3)
    expect(waits).toEqual([2000, 3000])
    expect(result.digest).toBe(`sha256:${'d'.repeat(64)}`)
  })

  test('gives up after the last try with a message that says to run again', async () => {
    const { docker, calls } = fakeDocker([transient, transient, transient, transient])
    await expect(buildAndPush(docker, build, ['r:1'], [], { retry: policy([]) })).rejects.toThrow('The push failed 4 times')
    expect(calls).toHaveLength(4)
  })

  test('a permanent failure is tried once', async () => {
    const { docker, calls } = fakeDocker([
      { exitCode: 1, stdout: '', stderr: "The image tag '1' already exists in the 'r' repository and cannot be overwritten" }
    ])
    await expect(buildAndPush(docker, build, ['r:1'], [], { retry: policy([]) })).rejects.toThrow("Tag '1' already exists in 'r'")
    expect(calls).toHaveLength(1)
  })
})

describe('cacheArgs', () => {
  const uri = '1.dkr.ecr.us-east-1.amazonaws.com/team/web'
  test('ecr: a registry cache ECR accepts, that never fails the build', () => {
    expect(cacheArgs({ type: 'ecr', tag: 'buildcache' }, uri)).toEqual([
      '--cache-from',
      `type=registry,ref=${uri}:buildcache`,
      '--cache-to',
      `type=registry,ref=${uri}:buildcache,mode=max,image-manifest=true,oci-mediatypes=true,ignore-error=true`
    ])
  })
  test('ecr without a registry (push: false): none', () => {
    expect(cacheArgs({ type: 'ecr', tag: 'buildcache' }, undefined)).toEqual([])
  })
  test('gha and none', () => {
    expect(cacheArgs({ type: 'gha', tag: 'x' }, uri)).toEqual(['--cache-from', 'type=gha', '--cache-to', 'type=gha,mode=max,ignore-error=true'])
    expect(cacheArgs({ type: 'none', tag: 'x' }, uri)).toEqual([])
  })
})
