/** Re-runs (an existing version tag), push retries and the registry cache arguments. */
import { buildAndPush, mergeIndex } from '../../src/build/buildx.js'
import { classifyBuildFailure } from '../../src/build/failure.js'
import { TransientError, type RetryPolicy } from '../../src/retry.js'
import { cacheArgs } from '../../src/build/plan.js'
import type { Docker, DockerResult } from '../../src/docker.js'
import { ActionError } from '../../src/errors.js'
import { decideVersion } from '../../src/registry/existing-version.js'
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
  /** What buildx printed when it failed, as docker's result. */
  const failed = (stderr: string, exitCode = 1): DockerResult => ({ exitCode, stdout: '', stderr })
  const classify = (output: string, registry = 'r/x:1') => classifyBuildFailure(failed(output), 'docker buildx build', registry)

  test.each([
    ['a 500 on a manifest PUT', 'ERROR: failed to push r/x:1: unexpected status from PUT request to https://r/v2/x/manifests/1: 500 Internal Server Error'],
    ['a reset connection', 'failed commit on ref "layer-sha256:1": write tcp 1.2.3.4:443: connection reset by peer'],
    ['a timeout', 'failed to do request: Head "https://r/v2/": net/http: TLS handshake timeout'],
    ['a 503', 'failed to push r/x:1: 503 Service Unavailable']
  ])('%s is retried', (_name, output) => {
    expect(classify(output)).toBeInstanceOf(TransientError)
  })

  test('an immutable tag is explained, not retried', () => {
    const out = "failed to push r/x:1: unknown: The image tag 'stable' already exists in the 'team/web' repository and cannot be overwritten because the repository is immutable."
    const failure = classify(out)
    expect(failure).toBeInstanceOf(ActionError)
    expect(failure.message).toContain('add it to tag-mutability-exclusions')
  })

  test.each([
    ['a missing repository', "failed to push: unknown: The repository with name 'team/web' does not exist in the registry with id '1'", 'r/x:1', "has no repository 'team/web'"],
    ['no permission', 'failed to push r/x:1: denied: User is not authorized to perform ecr:InitiateLayerUpload', '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web:1', 'ecr:InitiateLayerUpload'],
    [
      'no permission on ECR Public',
      'ERROR: failed to push public.ecr.aws/a1b2c3d4/web:1: unexpected status from POST request to https://public.ecr.aws/v2/a1b2c3d4/web/blobs/uploads/: 401 Unauthorized',
      'public.ecr.aws/a1b2c3d4/web:1',
      'the role needs ecr-public:BatchCheckLayerAvailability, ecr-public:InitiateLayerUpload, ecr-public:UploadLayerPart, ecr-public:CompleteLayerUpload and ecr-public:PutImage on the repository.'
    ],
    ['a failed build step', 'ERROR: failed to solve: process "/bin/sh -c make" did not complete successfully: exit code: 2', 'r/x:1', 'docker buildx build failed']
  ])('%s is not retried', (_name, output, registry, message) => {
    const failure = classify(output, registry)
    expect(failure).toBeInstanceOf(ActionError)
    expect(failure).not.toBeInstanceOf(TransientError)
    expect(failure.message).toContain(message)
  })

  test('a refusal on ECR names the ecr: actions, not the ecr-public: ones', () => {
    const failure = classify('failed to push x: 403 Forbidden', '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web:1')
    expect(failure.message).toBe(
      'The registry refused the push: the role needs ecr:BatchCheckLayerAvailability, ecr:InitiateLayerUpload, ecr:UploadLayerPart, ecr:CompleteLayerUpload and ecr:PutImage on the repository.'
    )
  })

  test('docker or buildx missing is the line with the fix, not retried', () => {
    expect(classify('Unable to locate executable file: docker')).toEqual(
      new ActionError('docker is not installed on this runner: use a runner with Docker (e.g. ubuntu-latest).')
    )
    expect(classifyBuildFailure(failed("docker: 'buildx' is not a docker command."), 'docker buildx imagetools create', 'r').message).toBe(
      'docker buildx is not installed: add docker/setup-buildx-action before this step.'
    )
  })

  test('the step is named in a failure that is nothing else, with docker\'s last error line', () => {
    expect(classifyBuildFailure(failed('#5 step\nERROR: something odd\nexit status 1'), 'docker buildx imagetools create', 'r').message).toBe(
      'docker buildx imagetools create failed: ERROR: something odd'
    )
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
  const policy = (waits: number[]): RetryPolicy => ({ attempts: 4, delay: (n: number) => 1000 * n, sleep: async (ms: number) => void waits.push(ms), log: () => {} })

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

  test('not pushed: a failure that looks passing is docker\'s own failure, tried once', async () => {
    const { docker, calls } = fakeDocker([transient])
    await expect(buildAndPush(docker, { ...build, push: false }, ['r:1'], [], { retry: policy([]) })).rejects.toThrow(
      'docker buildx build failed: ERROR: failed to push x: 500 Internal Server Error'
    )
    expect(calls).toHaveLength(1)
  })

  test('each retry is logged with what failed', async () => {
    const logs: string[] = []
    const { docker } = fakeDocker([transient])
    await buildAndPush(docker, build, ['r:1'], [], { retry: { ...policy([]), log: m => logs.push(m) } })
    expect(logs).toEqual(['The push failed (failed to push); trying again in 2s (2 of 4).'])
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
