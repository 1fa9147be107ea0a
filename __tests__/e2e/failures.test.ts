/**
 * When things go wrong, with the bundled dist/ run as the runner runs it on the local stack:
 * a build step that fails (and says every word a registry fault would), a cancelled job,
 * a build whose output tries to speak for the action, and a merge the registry never answers.
 */
import { execFileSync } from 'node:child_process'
import { jest } from '@jest/globals'
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { errorLine, runAction, type RunOptions, type RunResult } from '../../scripts/local-runner.mjs'
import {
  awsCalls,
  buildHistory,
  delayRegistry,
  dockerLogins,
  injectAwsFault,
  jobEnv,
  makeWorkspace,
  recordingDocker,
  REGISTRY,
  registryCalls,
  registryManifest,
  registrySnapshot,
  registryTags,
  resetCalls,
  resetFaults,
  resetStack,
  ROLE,
  writeCalls
} from './stack.js'

// Real builds, some under QEMU; a cancel waits for a long RUN step to start.
jest.setTimeout(10 * 60 * 1000)

beforeAll(() => {
  resetStack()
})

/** The processes whose command line holds `marker`, as `pgrep -f` finds them. */
function processesWith(marker: string): string[] {
  try {
    return execFileSync('pgrep', ['-af', marker], { encoding: 'utf8' })
      .split('\n')
      .filter(l => l.trim() !== '' && !l.includes('pgrep'))
  } catch {
    return [] // pgrep exits 1 when nothing matches
  }
}

function ship(inputs: Record<string, string>, workspace: string, docker: ReturnType<typeof recordingDocker>, options: Partial<RunOptions> = {}): Promise<RunResult> {
  return runAction({
    inputs: { 'role-to-assume': ROLE, 'aws-region': 'us-east-1', ...inputs },
    env: jobEnv({ PATH: docker.path, DOCKER_CONFIG: docker.configDir }),
    workspace,
    ...options
  })
}

function expectSuccess(result: RunResult): void {
  if (result.exitCode !== 0) throw new Error(`the action failed:\n${result.log}`)
  expect(result.post?.exitCode).toBe(0)
}

describe('a build step that fails', () => {
  // Every word a reader of the whole output would take for a passing registry fault.
  const SAYS = [
    'npm ERR! network: upstream answered HTTP 503',
    '#9 12.503 connection reset by peer',
    'unexpected EOF',
    'read tcp 10.0.0.2:443: i/o timeout',
    `failed to push ${REGISTRY}/team/fails:1.1.0: 503 Service Unavailable`,
    `ERROR: failed to push ${REGISTRY}/team/fails:1.1.0: 500 Internal Server Error`
  ]
  let result: RunResult
  let shim: ReturnType<typeof recordingDocker>
  let before: string
  let latest: string
  let startedAt: number

  beforeAll(async () => {
    const good = await ship({ repository: 'team/fails', version: '1.0.0' }, makeWorkspace(`fails-good-${Date.now()}`), recordingDocker())
    expectSuccess(good)
    latest = (await registryManifest('team/fails', 'latest')).digest
    before = await registrySnapshot()
    shim = recordingDocker()
    const step = `RUN ${SAYS.map(s => `echo '${s}'`).join('; ')}; exit 3`
    startedAt = Date.now()
    result = await ship({ repository: 'team/fails', version: '1.1.0' }, makeWorkspace(`fails-${Date.now()}`, step), shim)
  })

  test('fails the run once, at once: one buildx run, no retry', () => {
    expect(result.exitCode).toBe(1)
    expect(shim.commands().filter(a => a.startsWith('buildx build '))).toHaveLength(1)
    expect(result.log).not.toContain('trying again')
    expect(result.log).not.toContain('the registry may be having trouble')
  })

  test("with buildx's message for that step and the step's last lines, from the build's record", () => {
    const line = errorLine(result.log)
    expect(line).toMatch(/^The build failed at \[(linux\/\w+ )?build 4\/4\] RUN echo 'npm ERR! network: upstream answered HTTP 503';.*: process "\/bin\/sh -c echo 'npm ERR!/)
    expect(line).toContain('did not complete successfully: exit code: 3\nIts last lines:\n')
    expect(line.split('\n').slice(-5)).toEqual(SAYS.slice(-5).map(s => `  ${s}`))
    // Read from the record BuildKit keeps: one history inspect after the build.
    expect(shim.commands().filter(a => a.startsWith('buildx history inspect '))).toHaveLength(1)
  })

  test('the engine ran the build once, and recorded it as failed', async () => {
    const records = (await buildHistory()).filter(r => Date.parse(r.createdAt) >= startedAt)
    expect(records.map(r => r.status)).toEqual(['Error'])
  })

  test('nothing in the registry changed: latest untouched', async () => {
    expect(await registrySnapshot()).toBe(before)
    expect((await registryManifest('team/fails', 'latest')).digest).toBe(latest)
    expect(await registryTags('team/fails')).not.toContain('1.1.0')
  })

  test('the post step logs out', () => {
    expect(result.post?.exitCode).toBe(0)
    expect(dockerLogins(shim.configDir)).toEqual([])
  })
})

describe('a cancelled job', () => {
  /** A long RUN step that says when it has started; `marker` is on its command line and the workspace's path. */
  function longBuild(): { workspace: string; marker: string } {
    const marker = `cancel-${Date.now()}`
    return { workspace: makeWorkspace(marker, `RUN echo "started ${marker}" && sleep 60`), marker }
  }

  test('SIGINT during a long RUN step: the step exits non-zero before the runner escalates; no buildx, no push, no credential, no folder left', async () => {
    const { workspace, marker } = longBuild()
    const shim = recordingDocker()
    const before = await registrySnapshot()
    const result = await ship({ repository: 'team/cancel', version: '1.0.0' }, workspace, shim, { cancel: { when: new RegExp(`#\\d+ [\\d.]+ started ${marker}`) } })
    expect(result.cancelled?.signals).toEqual(['SIGINT'])
    expect(result.exitCode).toBe(1)
    expect(errorLine(result.log)).toBe('The run was cancelled (SIGINT): its docker processes were stopped, and nothing was pushed or tagged after the cancel.')
    process.stdout.write(`cancel: the main step exited ${(result.seconds - (result.cancelled?.at ?? 0)).toFixed(2)} s after SIGINT\n`)
    // buildx (its argv names the workspace) and the RUN step's shell (its marker) are gone.
    expect(processesWith(workspace)).toEqual([])
    expect(processesWith(`started ${marker}`)).toEqual([])
    expect(await registrySnapshot()).toBe(before)
    // The post step ran: logged out, and no folder of the action's is left in the runner's temp.
    expect(result.post?.exitCode).toBe(0)
    expect(result.post?.log).toContain(`Logged out of ${REGISTRY}`)
    expect(dockerLogins(shim.configDir)).toEqual([])
    expect(readdirSync(result.runnerTemp).filter(f => f.startsWith('ecr-build-push-'))).toEqual([])
  })

  test('SIGINT while the repository stage waits for AWS: no AWS write starts after it (the new repository is not created), docker builds nothing', async () => {
    const shim = recordingDocker()
    const repository = `team/cancel-aws-${Date.now()}`
    await resetCalls()
    // The reconcile's first read answers 3 s late: well inside the 5 s the run has to stop after SIGINT.
    await injectAwsFault({ operation: 'DescribeRepositories', kind: 'delay', ms: 3000, count: 1, service: 'ecr' })
    const result = await ship({ repository, version: '1.0.0' }, makeWorkspace(`cancel-aws-${Date.now()}`), shim, { cancel: { when: /^::group::repository$/m } })
    await resetFaults()
    expect(result.cancelled?.signals).toEqual(['SIGINT'])
    expect(result.exitCode).toBe(1)
    expect(errorLine(result.log)).toBe('The run was cancelled (SIGINT): its docker processes were stopped, and nothing was pushed or tagged after the cancel.')
    const calls = await awsCalls()
    expect(calls.some(c => c.operation === 'DescribeRepositories')).toBe(true)
    expect(writeCalls(calls)).toEqual([])
    expect(shim.commands().filter(c => c.startsWith('buildx build'))).toEqual([])
  })

  test('the step killed outright (the runner’s last resort): the post step removes the folder it recorded, and logs out', async () => {
    const { workspace, marker } = longBuild()
    const shim = recordingDocker()
    let leftBehind: string[] = []
    const result = await ship({ repository: 'team/cancel', version: '1.0.1' }, workspace, shim, {
      cancel: { when: new RegExp(`#\\d+ [\\d.]+ started ${marker}`), kill: true },
      beforePost: main => {
        leftBehind = readdirSync(main.runnerTemp).filter(f => f.startsWith('ecr-build-push-'))
      }
    })
    expect(result.cancelled?.signals).toEqual(['SIGKILL'])
    expect(result.exitCode).not.toBe(0)
    expect(leftBehind).toHaveLength(1)
    expect(JSON.parse(result.state['temp-dirs'] ?? '[]')).toEqual([path.join(result.runnerTemp, leftBehind[0] ?? '')])
    expect(result.post?.log).toContain(`Removed ${path.join(result.runnerTemp, leftBehind[0] ?? '')}`)
    expect(readdirSync(result.runnerTemp).filter(f => f.startsWith('ecr-build-push-'))).toEqual([])
    expect(dockerLogins(shim.configDir)).toEqual([])
    expect(processesWith(workspace)).toEqual([])
  })
})

describe("a build's output", () => {
  // What a build step may print: workflow commands in both forms, the older one anywhere in a line.
  const COMMANDS = [
    '::set-output name=digest::sha256:evil',
    '::save-state name=logged-in-registries::[]',
    '::warning::x',
    '::add-mask::latest',
    '##[set-output name=digest;]sha256:evil',
    '##[set-output name=evil;]1',
    '##[save-state name=logged-in-registries;][]',
    '##[save-state name=temp-dirs;]["/"]',
    '##[add-mask]latest',
    '##[warning]from the build'
  ]

  test('never speaks for the action: the outputs, the state and the masks are the action’s own', async () => {
    const shim = recordingDocker()
    const step = `RUN printf '%s\\n' ${COMMANDS.map(c => `'${c}'`).join(' ')}`
    const result = await ship({ repository: 'team/speaks', version: '1.0.0' }, makeWorkspace(`speaks-${Date.now()}`, step), shim)
    expectSuccess(result)
    // The lines are in the log, as the build printed them…
    for (const command of COMMANDS) expect(result.log).toContain(command)
    // …and the runner took none of them.
    expect(result.outputs).toEqual(result.files.outputs)
    expect(result.outputs.digest).toBe((await registryManifest('team/speaks', '1.0.0')).digest)
    expect(result.state).toEqual(result.files.state)
    expect(JSON.parse(result.state['logged-in-registries'] ?? '[]')).toEqual([REGISTRY])
    expect(result.masked).not.toContain('latest')
    expect(result.commands.warnings).not.toContain('x')
    expect(result.commands.warnings).not.toContain('from the build')
    // So the post step logged out of the registry the action logged in to.
    expect(result.post?.log).toContain(`Logged out of ${REGISTRY}`)
    expect(dockerLogins(shim.configDir)).toEqual([])
  })
})

describe('a merge the registry never answers', () => {
  test('each try is stopped after merge-timeout, the second ends the run with one line; no imagetools process left, no tag', async () => {
    const rec = recordingDocker()
    const ws = makeWorkspace(`stalled-merge-${Date.now()}`)
    const job = await ship({ repository: 'team/stalled', version: '1.0.0', platforms: 'linux/amd64', 'push-by-digest': 'true', cache: 'none' }, ws, rec, { post: true })
    expectSuccess(job)
    const digest = job.outputs.digest ?? ''
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/)

    // Every read of the platform image, by either method, is held for five minutes.
    for (const method of ['HEAD', 'GET']) await delayRegistry({ method, reference: digest, repository: 'team/stalled', count: 20, ms: 300_000 })
    const started = Date.now()
    const merge = await ship({ repository: 'team/stalled', version: '1.0.0', 'merge-digests': digest, 'merge-timeout': '10' }, ws, rec, { post: true })
    const seconds = (Date.now() - started) / 1000
    const held = (await registryCalls()).filter(c => c.repository === 'team/stalled' && c.reference === digest && c.at >= started)
    await resetFaults()
    process.stdout.write(`stalled merge: ${seconds.toFixed(1)} s; reads of the image it sent: ${held.map(c => c.method).join(', ')}\n`)

    expect(merge.exitCode).toBe(1)
    expect(errorLine(merge.log)).toBe(
      'The merge got no answer from the registry in 10 s: docker buildx imagetools create was stopped, twice: the registry may be having trouble: run the job again (merge-timeout sets how long a merge may take).'
    )
    expect(merge.log).toContain(
      'The merge got no answer from the registry in 10 s: docker buildx imagetools create was stopped; a stalled connection is no proof the registry is broken: trying the merge once more.'
    )
    expect(rec.commands().filter(c => c.includes('imagetools create'))).toHaveLength(2)
    expect(held.length).toBeGreaterThanOrEqual(2)
    // Two tries of 10 s, each stopped within the kill grace: well under the five minutes a read is held.
    expect(seconds).toBeLessThan(60)
    expect(processesWith('imagetools create')).toEqual([])
    expect(await registryTags('team/stalled')).not.toContain('1.0.0')
    expect(merge.post?.exitCode).toBe(0)
    expect(dockerLogins(rec.configDir)).toEqual([])
  })
})
