/**
 * A failed build, decided from what buildx states (its build record, else its own `ERROR:`
 * line), never from what a build step printed; and which failures are tried again.
 */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildAndPush } from '../../src/build/buildx.js'
import { buildxErrorLine, explainBuildFailure, explainMergeFailure, failureFromOutput } from '../../src/build/failure.js'
import { buildxConfigDir, findBuildRef, listBuildRefs, readBuildFailure } from '../../src/build/record.js'
import type { Docker, DockerResult } from '../../src/docker.js'
import { ActionError, CancelledError } from '../../src/errors.js'
import { TransientError, type RetryPolicy } from '../../src/retry.js'
import { buildSettings } from '../fixtures/build-settings.js'

const REPOSITORY = '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web'
const STEP = '[linux/arm64 3/3] RUN npm ci && npm test'
const PROCESS = 'process "/bin/sh -c npm ci && npm test" did not complete successfully: exit code: 1'
/** What a failing step printed: every word a classifier of the whole output would take for a passing registry fault. */
const STEP_LINES = [
  'npm ERR! network: upstream answered HTTP 503',
  'connection reset by peer',
  'unexpected EOF',
  'read tcp 10.0.0.2:443: i/o timeout',
  `failed to push ${REPOSITORY}:1.0.0: 503 Service Unavailable`,
  `ERROR: failed to push ${REPOSITORY}:1.0.0: 500 Internal Server Error`
]

/** buildx's `--progress plain` output for that failure, as it prints it. */
const PLAIN_OUTPUT = [
  '#9 [linux/arm64 3/3] RUN npm ci && npm test',
  ...STEP_LINES.map((l, i) => `#9 12.50${i} ${l}`),
  `#9 ERROR: ${PROCESS}`,
  '------',
  ` > ${STEP}:`,
  ...STEP_LINES.map(l => `12.503 ${l}`),
  '------',
  'Dockerfile:5',
  '--------------------',
  '   5 | >>> RUN npm ci && npm test',
  '--------------------',
  `ERROR: failed to build: failed to solve: ${PROCESS}`,
  ''
].join('\n')

describe("buildx's own error line", () => {
  test('is the unprefixed ERROR: line, not a step\'s line that says ERROR:', () => {
    expect(buildxErrorLine(PLAIN_OUTPUT)).toBe(PROCESS)
  })

  test('a push failure: failed to push <ref>, without failed to build / failed to solve', () => {
    expect(buildxErrorLine(`#7 ERROR: failed to push ${REPOSITORY}:1: unknown: injected fault\nERROR: failed to build: failed to solve: failed to push ${REPOSITORY}:1: unknown: injected fault\n`)).toBe(
      `failed to push ${REPOSITORY}:1: unknown: injected fault`
    )
  })

  test('none: docker itself failed, and its last line stands in', () => {
    expect(buildxErrorLine("docker: 'buildx' is not a docker command.\n")).toBeUndefined()
    expect(failureFromOutput({ exitCode: 1, stdout: '', stderr: "docker: 'buildx' is not a docker command.\n" }).message).toBe("docker: 'buildx' is not a docker command.")
  })
})

describe('explainBuildFailure', () => {
  test('a failed step: not tried again, whatever its lines say; buildx\'s message and the step\'s last lines', () => {
    const failure = explainBuildFailure({ message: PROCESS, step: STEP, logs: ['first', ...STEP_LINES] }, REPOSITORY)
    expect(failure).toBeInstanceOf(ActionError)
    expect(failure).not.toBeInstanceOf(TransientError)
    expect(failure.message).toBe(`The build failed at ${STEP}: ${PROCESS}\nIts last lines:\n${STEP_LINES.slice(-5).map(l => `  ${l}`).join('\n')}`)
  })

  test('a failed step with no lines kept: buildx\'s message alone', () => {
    expect(explainBuildFailure({ message: '"/nothere": not found', step: '[1/2] COPY nothere /x', logs: [] }, REPOSITORY).message).toBe(
      'The build failed at [1/2] COPY nothere /x: "/nothere": not found'
    )
  })

  test('a very long step name is cut', () => {
    const step = `[1/2] RUN ${'x'.repeat(300)}`
    expect(explainBuildFailure({ message: 'exit code: 1', step, logs: [] }, REPOSITORY).message).toMatch(/^The build failed at \[1\/2\] RUN x+…: exit code: 1$/)
  })

  test('from the output alone (no record): a failed step is buildx\'s error, tried once', () => {
    const failure = explainBuildFailure(failureFromOutput({ exitCode: 1, stdout: '', stderr: PLAIN_OUTPUT }), REPOSITORY)
    expect(failure).toEqual(new ActionError(`docker buildx build failed: ${PROCESS}`))
  })

  test.each([
    ['a 500 the engine gave up on', `failed to push ${REPOSITORY}:1.0.0: unexpected status from PUT request to https://x/v2/team/web/manifests/1.0.0: 500 Internal Server Error`],
    ['a reset connection', `failed to push ${REPOSITORY}:1.0.0: failed commit on ref "layer-sha256:1": write tcp 1.2.3.4:443: connection reset by peer`],
    ["a fault in the registry's own words", `failed to push ${REPOSITORY}:1.0.0: unknown: injected fault`],
    ['by digest', `failed to push ${REPOSITORY}@sha256:${'a'.repeat(64)}: 503 Service Unavailable`]
  ])('a push to this repository that failed (%s) is tried again', (_name, message) => {
    expect(explainBuildFailure({ message, logs: [] }, REPOSITORY)).toEqual(new TransientError(message))
  })

  test.each([
    ['another registry (a base image)', 'failed to resolve source metadata for docker.io/library/node:20: unexpected status 503 Service Unavailable'],
    ['another repository of the registry', `failed to push ${REPOSITORY}-cache:1: 500 Internal Server Error`],
    ['a cancelled solve', 'Canceled: context canceled']
  ])('anything else (%s) fails at once with buildx\'s words', (_name, message) => {
    expect(explainBuildFailure({ message, logs: [] }, REPOSITORY)).toEqual(new ActionError(`docker buildx build failed: ${message}`))
  })

  test('nothing pushed (push: false, or by digest): a push-like failure is not tried again', () => {
    const message = `failed to push ${REPOSITORY}:1.0.0: 500 Internal Server Error`
    expect(explainBuildFailure({ message, logs: [] }, undefined)).toEqual(new ActionError(`docker buildx build failed: ${message}`))
  })

  test.each([
    [
      'an immutable tag',
      `failed to push ${REPOSITORY}:stable: unknown: The image tag 'stable' already exists in the 'team/web' repository and cannot be overwritten because the repository is immutable.`,
      "Tag 'stable' already exists in 'team/web', which keeps it immutable"
    ],
    ['a missing repository', `failed to push ${REPOSITORY}:1: unknown: The repository with name 'team/web' does not exist in the registry with id '123456789012'`, "has no repository 'team/web'"],
    ['no permission', `failed to push ${REPOSITORY}:1: denied: User is not authorized to perform ecr:InitiateLayerUpload`, 'ecr:InitiateLayerUpload'],
    ['a 403', `failed to push ${REPOSITORY}:1: unexpected status from HEAD request: 403 Forbidden`, 'ecr:PutImage']
  ])('a push the registry refused (%s) is explained, not tried again', (_name, message, explanation) => {
    const failure = explainBuildFailure({ message, logs: [] }, REPOSITORY)
    expect(failure).toBeInstanceOf(ActionError)
    expect(failure.message).toContain(explanation)
  })

  test('ECR Public: a refused push names the ecr-public: actions', () => {
    const uri = 'public.ecr.aws/a1b2c3d4/web'
    expect(explainBuildFailure({ message: `failed to push ${uri}:1: unexpected status: 401 Unauthorized`, logs: [] }, uri).message).toBe(
      'The registry refused the push: the role needs ecr-public:BatchCheckLayerAvailability, ecr-public:InitiateLayerUpload, ecr-public:UploadLayerPart, ecr-public:CompleteLayerUpload and ecr-public:PutImage on the repository.'
    )
  })

  test('docker or its daemon missing: the line with the fix', () => {
    expect(explainBuildFailure({ message: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?', logs: [] }, REPOSITORY).message).toBe(
      'the Docker daemon is not running: start it (or use a runner where it runs) before this step.'
    )
    expect(explainBuildFailure(failureFromOutput({ exitCode: 127, stdout: '', stderr: 'spawn docker ENOENT' }), REPOSITORY).message).toBe(
      'docker is not installed on this runner: use a runner with Docker (e.g. ubuntu-latest).'
    )
  })
})

describe('explainMergeFailure', () => {
  const failed = (stderr: string): DockerResult => ({ exitCode: 1, stdout: '', stderr })
  test('a 5xx from the registry is tried again; an immutable tag is explained; anything else fails', () => {
    expect(explainMergeFailure(failed('ERROR: failed commit on ref "index-sha256:1": unexpected status from PUT request: 503 Service Unavailable'), REPOSITORY)).toBeInstanceOf(TransientError)
    expect(explainMergeFailure(failed("ERROR: The image tag 'latest' already exists in the 'team/web' repository and cannot be overwritten"), REPOSITORY).message).toContain(
      "Tag 'latest' already exists in 'team/web'"
    )
    expect(explainMergeFailure(failed('#1 step\nERROR: something odd\nexit status 1'), REPOSITORY)).toEqual(new ActionError('docker buildx imagetools create failed: something odd'))
  })
})

/** A buildx config folder: refs/<builder>/<node>/<ref> files naming the context. */
function buildxConfig(): { dir: string; note: (ref: string, context: string, builder?: string) => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'buildx-config-'))
  return {
    dir,
    note(ref, context, builder = 'default') {
      mkdirSync(path.join(dir, 'refs', builder, builder), { recursive: true })
      writeFileSync(path.join(dir, 'refs', builder, builder, ref), JSON.stringify({ Target: 'default', LocalPath: context, DockerfilePath: `${context}/Dockerfile` }))
    }
  }
}

describe('the build record', () => {
  test("buildx's folder: BUILDX_CONFIG, else buildx in docker's config folder", () => {
    expect(buildxConfigDir({ BUILDX_CONFIG: '/b', DOCKER_CONFIG: '/d' })).toBe('/b')
    expect(buildxConfigDir({ DOCKER_CONFIG: '/d' })).toBe('/d/buildx')
    expect(buildxConfigDir({ HOME: '/home/runner' })).toBe('/home/runner/.docker/buildx')
  })

  test('the one build noted since the listing, on this context', async () => {
    const config = buildxConfig()
    config.note('old', '/work/app')
    const before = await listBuildRefs(config.dir)
    expect(await findBuildRef(config.dir, before, '/work/app')).toBeUndefined()
    config.note('other', '/work/other-app')
    config.note('mine', '/work/app')
    expect(await findBuildRef(config.dir, before, '/work/app')).toBe('mine')
    // Another build of the same folder beside it: no record is taken for this one.
    config.note('twin', '/work/app', 'remote')
    expect(await findBuildRef(config.dir, before, '/work/app')).toBeUndefined()
  })

  test('no folder yet: nothing noted', async () => {
    expect(await listBuildRefs('/nonexistent/buildx')).toEqual(new Set())
  })

  test('history inspect: the failed step, buildx\'s message and the step\'s last lines', async () => {
    const calls: string[][] = []
    const docker: Docker = async args => (
      calls.push(args),
      { exitCode: 0, stderr: '', stdout: JSON.stringify({ Status: 'failed', Error: { Code: 2, Message: PROCESS, Name: STEP, Logs: STEP_LINES, Stack: 'x' } }) }
    )
    expect(await readBuildFailure(docker, 'mine')).toEqual({ message: PROCESS, step: STEP, logs: STEP_LINES })
    expect(calls).toEqual([['buildx', 'history', 'inspect', 'mine', '--format', 'json']])
  })

  test('a push failure: no step', async () => {
    const docker: Docker = async () => ({ exitCode: 0, stderr: '', stdout: JSON.stringify({ Status: 'failed', Error: { Code: 2, Message: `failed to push ${REPOSITORY}:1: unknown: injected fault` } }) })
    expect(await readBuildFailure(docker, 'x')).toEqual({ message: `failed to push ${REPOSITORY}:1: unknown: injected fault`, logs: [] })
  })

  test('no record, no error in it, or no JSON: none', async () => {
    expect(await readBuildFailure(async () => ({ exitCode: 1, stdout: '', stderr: 'ERROR: no such record' }), 'x')).toBeUndefined()
    expect(await readBuildFailure(async () => ({ exitCode: 0, stdout: '{"Status":"completed"}', stderr: '' }), 'x')).toBeUndefined()
    expect(await readBuildFailure(async () => ({ exitCode: 0, stdout: 'table', stderr: '' }), 'x')).toBeUndefined()
  })
})

describe('buildAndPush: what is tried again', () => {
  const build = buildSettings({ platforms: ['linux/amd64'], context: '/work/app', file: '/work/app/Dockerfile' })
  const pushFault: DockerResult = { exitCode: 1, stdout: '', stderr: `ERROR: failed to build: failed to solve: failed to push ${REPOSITORY}:1: unknown: injected fault\n` }
  const stepFailed: DockerResult = { exitCode: 1, stdout: '', stderr: PLAIN_OUTPUT }
  const DIGEST = `sha256:${'d'.repeat(64)}`

  /** Each `buildx build` answers the next result (success when none is left), noting the build in buildx's folder as buildx does. */
  function fakeDocker(results: DockerResult[], config?: ReturnType<typeof buildxConfig>, record?: object): { docker: Docker; calls: string[][] } {
    const calls: string[][] = []
    let builds = 0
    const docker: Docker = async args => {
      calls.push(args)
      if (args[1] === 'history') return { exitCode: 0, stderr: '', stdout: JSON.stringify(record) }
      config?.note(`build${++builds}`, build.context)
      const next = results.shift() ?? { exitCode: 0, stdout: '', stderr: '' }
      if (next.exitCode === 0) writeFileSync(args[args.indexOf('--metadata-file') + 1] ?? '', JSON.stringify({ 'containerimage.digest': DIGEST }))
      return next
    }
    return { docker, calls }
  }
  const policy = (waits: number[] = [], logs: string[] = []): RetryPolicy => ({
    attempts: 4,
    delay: (n: number) => 1000 * n,
    sleep: async (ms: number) => void waits.push(ms),
    log: m => void logs.push(m)
  })
  const builds = (calls: string[][]) => calls.filter(a => a[1] === 'build').length

  test('a failed step, as its record states it: one build, buildx\'s message and the step\'s last lines', async () => {
    const config = buildxConfig()
    const { docker, calls } = fakeDocker([stepFailed], config, { Status: 'failed', Error: { Message: PROCESS, Name: STEP, Logs: STEP_LINES } })
    const error = await buildAndPush(docker, build, [`${REPOSITORY}:1`], [], { retry: { policy: policy() }, repositoryUri: REPOSITORY, buildxConfigDir: config.dir }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ActionError)
    expect((error as Error).message).toContain(`The build failed at ${STEP}: ${PROCESS}\nIts last lines:\n  connection reset by peer`)
    expect(builds(calls)).toBe(1)
    expect(calls[1]).toEqual(['buildx', 'history', 'inspect', 'build1', '--format', 'json'])
  })

  test('a failed step without a record: buildx\'s own error line, one build', async () => {
    const { docker, calls } = fakeDocker([stepFailed])
    await expect(buildAndPush(docker, build, [`${REPOSITORY}:1`], [], { retry: { policy: policy() }, repositoryUri: REPOSITORY, buildxConfigDir: buildxConfig().dir })).rejects.toThrow(
      new ActionError(`docker buildx build failed: ${PROCESS}`)
    )
    expect(builds(calls)).toBe(1)
  })

  test('a push to the repository that failed is tried again, with backoff, and the digest read', async () => {
    const waits: number[] = []
    const logs: string[] = []
    const { docker, calls } = fakeDocker([pushFault, pushFault])
    const result = await buildAndPush(docker, build, [`${REPOSITORY}:1`], [], { retry: { policy: policy(waits, logs) }, repositoryUri: REPOSITORY })
    expect(builds(calls)).toBe(3)
    expect(waits).toEqual([2000, 3000])
    expect(logs[0]).toBe(`The push failed (failed to push ${REPOSITORY}:1: unknown: injected fault); trying again in 2s (2 of 4).`)
    expect(result.digest).toBe(DIGEST)
  })

  test('gives up after the last try, saying to run the job again', async () => {
    const { docker, calls } = fakeDocker([pushFault, pushFault, pushFault, pushFault])
    await expect(buildAndPush(docker, build, [`${REPOSITORY}:1`], [], { retry: { policy: policy() }, repositoryUri: REPOSITORY })).rejects.toThrow('The push failed 4 times')
    expect(builds(calls)).toBe(4)
  })

  test('not pushed: a push-like failure is tried once', async () => {
    const { docker, calls } = fakeDocker([pushFault])
    await expect(buildAndPush(docker, { ...build, push: false }, [`${REPOSITORY}:1`], [], { retry: { policy: policy() }, repositoryUri: REPOSITORY })).rejects.toThrow(
      `docker buildx build failed: failed to push ${REPOSITORY}:1`
    )
    expect(builds(calls)).toBe(1)
  })

  test('the folder for the metadata file is recorded while it exists, and removed after', async () => {
    const temp = mkdtempSync(path.join(os.tmpdir(), 'runner-temp-'))
    let during: string[] = []
    const { docker } = fakeDocker([])
    const watching: Docker = async (args, options) => ((during = readdirSync(temp)), docker(args, options))
    await buildAndPush(watching, build, [`${REPOSITORY}:1`], [], { retry: { policy: policy() }, repositoryUri: REPOSITORY, tempDir: temp })
    expect(during).toEqual([expect.stringMatching(/^ecr-build-push-/)])
    expect(readdirSync(temp)).toEqual([])
  })

  test('a cancel during the wait before the next try: no further build', async () => {
    const controller = new AbortController()
    const { docker, calls } = fakeDocker([pushFault, pushFault])
    const cancelling: RetryPolicy = { ...policy(), sleep: () => (controller.abort(new CancelledError('SIGINT')), new Promise(() => undefined)) }
    await expect(buildAndPush(docker, build, [`${REPOSITORY}:1`], [], { retry: { policy: cancelling, cancel: controller.signal }, repositoryUri: REPOSITORY })).rejects.toBeInstanceOf(CancelledError)
    expect(builds(calls)).toBe(1)
  })
})
