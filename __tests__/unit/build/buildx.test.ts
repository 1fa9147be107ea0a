/**
 * buildx's build and merge as processes: what is tried again, the merge's bound, and the
 * builder they run on.
 */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { jest, describe, expect, test } from '@jest/globals'
import { randomUUID } from 'node:crypto'
import { buildAndPush, mergeIndex } from '../../../src/build/buildx.js'
import { type Docker, type DockerResult, run, type DockerOptions } from '../../../src/docker.js'
import { ActionError, CancelledError } from '../../../src/errors.js'
import type { RetryPolicy } from '../../../src/retry.js'
import { buildSettings } from '../../fixtures/build-settings.js'
import { processesWith } from '../../fixtures/processes.js'
import { fakeDocker, ok, writeMetadata, type DockerCall, type FakeDocker } from '../../fixtures/docker.js'
import { REPOSITORY, STEP, PROCESS, STEP_LINES, PLAIN_OUTPUT } from '../../fixtures/build-failure.js'

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

describe('buildAndPush: what is tried again', () => {
  const build = buildSettings({ platforms: ['linux/amd64'], context: '/work/app', file: '/work/app/Dockerfile' })
  const pushFault: DockerResult = { exitCode: 1, stdout: '', stderr: `ERROR: failed to build: failed to solve: failed to push ${REPOSITORY}:1: unknown: injected fault\n` }
  const stepFailed: DockerResult = { exitCode: 1, stdout: '', stderr: PLAIN_OUTPUT }
  const DIGEST = `sha256:${'d'.repeat(64)}`

  /** Each `buildx build` answers the next result (success when none is left), noting the build in buildx's folder as buildx does. */
  function buildxDocker(results: DockerResult[], config?: ReturnType<typeof buildxConfig>, record?: object): FakeDocker {
    let builds = 0
    return fakeDocker([['buildx history', ok(JSON.stringify(record))]], args => {
      config?.note(`build${++builds}`, build.context)
      const next = results.shift() ?? ok()
      if (next.exitCode === 0) writeMetadata(args, DIGEST)
      return next
    })
  }
  const policy = (waits: number[] = [], logs: string[] = []): RetryPolicy => ({
    attempts: 4,
    delay: (n: number) => 1000 * n,
    sleep: async (ms: number) => void waits.push(ms),
    log: m => void logs.push(m)
  })
  const builds = (calls: DockerCall[]) => calls.filter(c => c.args[1] === 'build').length

  test("a failed step, as its record states it: one build, buildx's message and the step's last lines", async () => {
    const config = buildxConfig()
    const { docker, calls } = buildxDocker([stepFailed], config, { Status: 'failed', Error: { Message: PROCESS, Name: STEP, Logs: STEP_LINES } })
    const error = await buildAndPush(docker, build, [`${REPOSITORY}:1`], [], { retry: { policy: policy() }, repositoryUri: REPOSITORY, buildxConfigDir: config.dir }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ActionError)
    expect((error as Error).message).toContain(`The build failed at ${STEP}: ${PROCESS}\nIts last lines:\n  connection reset by peer`)
    expect(builds(calls)).toBe(1)
    expect(calls[1]?.args).toEqual(['buildx', 'history', 'inspect', 'build1', '--format', 'json'])
  })

  test("a failed step without a record: buildx's own error line, one build", async () => {
    const { docker, calls } = buildxDocker([stepFailed])
    await expect(buildAndPush(docker, build, [`${REPOSITORY}:1`], [], { retry: { policy: policy() }, repositoryUri: REPOSITORY, buildxConfigDir: buildxConfig().dir })).rejects.toThrow(
      new ActionError(`docker buildx build failed: ${PROCESS}`)
    )
    expect(builds(calls)).toBe(1)
  })

  test('a push to the repository that failed is tried again, with backoff, and the digest read', async () => {
    const waits: number[] = []
    const logs: string[] = []
    const { docker, calls } = buildxDocker([pushFault, pushFault])
    const result = await buildAndPush(docker, build, [`${REPOSITORY}:1`], [], { retry: { policy: policy(waits, logs) }, repositoryUri: REPOSITORY })
    expect(builds(calls)).toBe(3)
    expect(waits).toEqual([2000, 3000])
    expect(logs[0]).toBe(`The push failed (failed to push ${REPOSITORY}:1: unknown: injected fault); trying again in 2s (2 of 4).`)
    expect(result.digest).toBe(DIGEST)
  })

  test('gives up after the last try, saying to run the job again', async () => {
    const { docker, calls } = buildxDocker([pushFault, pushFault, pushFault, pushFault])
    await expect(buildAndPush(docker, build, [`${REPOSITORY}:1`], [], { retry: { policy: policy() }, repositoryUri: REPOSITORY })).rejects.toThrow('The push failed 4 times')
    expect(builds(calls)).toBe(4)
  })

  test('not pushed: a push-like failure is tried once', async () => {
    const { docker, calls } = buildxDocker([pushFault])
    await expect(buildAndPush(docker, { ...build, push: false }, [`${REPOSITORY}:1`], [], { retry: { policy: policy() }, repositoryUri: REPOSITORY })).rejects.toThrow(
      `docker buildx build failed: failed to push ${REPOSITORY}:1`
    )
    expect(builds(calls)).toBe(1)
  })

  test('the folder for the metadata file is recorded while it exists, and removed after', async () => {
    const temp = mkdtempSync(path.join(os.tmpdir(), 'runner-temp-'))
    let during: string[] = []
    const { docker } = buildxDocker([])
    const watching: Docker = async (args, options) => ((during = readdirSync(temp)), docker(args, options))
    await buildAndPush(watching, build, [`${REPOSITORY}:1`], [], { retry: { policy: policy() }, repositoryUri: REPOSITORY, tempDir: temp })
    expect(during).toEqual([expect.stringMatching(/^ecr-build-push-/)])
    expect(readdirSync(temp)).toEqual([])
  })

  test('a cancel during the wait before the next try: no further build', async () => {
    const controller = new AbortController()
    const { docker, calls } = buildxDocker([pushFault, pushFault])
    const cancelling: RetryPolicy = { ...policy(), sleep: () => (controller.abort(new CancelledError('SIGINT')), new Promise(() => undefined)) }
    await expect(buildAndPush(docker, build, [`${REPOSITORY}:1`], [], { retry: { policy: cancelling, cancel: controller.signal }, repositoryUri: REPOSITORY })).rejects.toBeInstanceOf(CancelledError)
    expect(builds(calls)).toBe(1)
  })
})

describe("the merge's bound", () => {
  const URI = '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web'
  const DIGESTS = [`sha256:${'1'.repeat(64)}`]
  const stalled: DockerResult = { exitCode: 124, stdout: '', stderr: 'ERROR: docker buildx imagetools create gave no result in 10 s and was stopped', timedOut: true }
  const policy = (log: string[]): RetryPolicy => ({ attempts: 4, delay: () => 0, sleep: async () => undefined, log: m => log.push(m) })

  test('each try has the timeout; one that got no answer is tried once more, logged; a second stall fails with one line', async () => {
    const calls: (DockerOptions | undefined)[] = []
    const log: string[] = []
    const docker: Docker = async (_args, options) => (calls.push(options), stalled)
    await expect(mergeIndex(docker, URI, ['1.0.0'], DIGESTS, { retry: { policy: policy(log) }, timeoutSeconds: 10 })).rejects.toThrow(
      new ActionError(
        'The merge got no answer from the registry in 10 s: docker buildx imagetools create was stopped, twice: the registry may be having trouble: run the job again (merge-timeout sets how long a merge may take).'
      )
    )
    expect(calls).toEqual([
      { stream: true, timeoutMs: 10_000 },
      { stream: true, timeoutMs: 10_000 }
    ])
    expect(log).toEqual([
      'The merge got no answer from the registry in 10 s: docker buildx imagetools create was stopped; a stalled connection is no proof the registry is broken: trying the merge once more.'
    ])
  })

  test('a stall, then an answer: merged', async () => {
    const results = [stalled, { exitCode: 0, stdout: '', stderr: '' }]
    const log: string[] = []
    await mergeIndex(async () => results.shift() ?? stalled, URI, ['1.0.0'], DIGESTS, { retry: { policy: policy(log) } })
    expect(results).toEqual([])
    expect(log).toHaveLength(1)
  })

  test('default: 120 s', async () => {
    const calls: (DockerOptions | undefined)[] = []
    await mergeIndex(async (_args, options) => (calls.push(options), { exitCode: 0, stdout: '', stderr: '' }), URI, ['1.0.0'], DIGESTS)
    expect(calls).toEqual([{ stream: true, timeoutMs: 120_000 }])
  })

  test('a real command that never answers: stopped with all it started, in bounded time', async () => {
    const marker = `60.${randomUUID().replace(/\D/g, '').slice(0, 9)}`
    // A stand-in for docker whose imagetools create hangs (and the plugin it started).
    const docker: Docker = (_args, options) => run('sh', ['-c', `sleep ${marker} | sleep ${marker}`], options)
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
    const started = Date.now()
    try {
      await expect(mergeIndex(docker, URI, ['1.0.0'], DIGESTS, { retry: { policy: policy([]) }, timeoutSeconds: 1 })).rejects.toThrow(/^The merge got no answer from the registry in 1 s: .*, twice: /)
    } finally {
      spy.mockRestore()
    }
    expect(Date.now() - started).toBeLessThan(5000)
    expect(processesWith(`sleep ${marker}`)).toEqual([])
  }, 15_000)
})

describe('mergeIndex', () => {
  const uri = '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web'
  const digests = [`sha256:${'1'.repeat(64)}`, `sha256:${'2'.repeat(64)}`]

  test('one imagetools create: every tag, every digest', async () => {
    const calls: string[][] = []
    await mergeIndex(async args => (calls.push(args), { exitCode: 0, stdout: '', stderr: '' }), uri, ['1.2.3', 'latest'], digests)
    expect(calls).toEqual([['buildx', 'imagetools', 'create', '--tag', `${uri}:1.2.3`, '--tag', `${uri}:latest`, `${uri}@${digests[0]}`, `${uri}@${digests[1]}`]])
  })

  test('an immutable tag stops it at once, explained', async () => {
    const calls: string[][] = []
    const docker: Docker = async args => (calls.push(args), { exitCode: 1, stdout: '', stderr: "ERROR: The image tag 'latest' already exists in the 'team/web' repository and cannot be overwritten" })
    await expect(mergeIndex(docker, uri, ['latest'], digests)).rejects.toThrow("Tag 'latest' already exists in 'team/web'")
    expect(calls).toHaveLength(1)
  })
})
