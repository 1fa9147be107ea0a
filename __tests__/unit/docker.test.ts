/**
 * The docker wrapper (src/docker.ts), run with real processes standing in for docker: what
 * a streamed command's output may do in the log, and how a cancel or a timeout stops a
 * command and everything it started.
 */
import { jest } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import { run, type DockerResult } from '../../src/docker.js'
import { CancelledError } from '../../src/errors.js'
import { processCommands } from '../../scripts/local-runner.mjs'
import { processesWith } from '../fixtures/processes.js'

/** What the command wrote to the step's stdout, and its result. */
async function logged(promise: () => Promise<DockerResult>): Promise<{ log: string; result: DockerResult }> {
  let log = ''
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((log += String(chunk)), true))
  try {
    return { result: await promise(), log }
  } finally {
    spy.mockRestore()
  }
}

/** A sleep no other process on the machine has: 60 s and a random fraction. */
const unique = (): string => `60.${randomUUID().replace(/\D/g, '').slice(0, 9)}`

const WORKFLOW_COMMANDS = [
  '::set-output name=digest::sha256:evil',
  '::save-state name=logged-in-registries::[]',
  '::add-mask::latest',
  '::warning::from the build',
  '##[set-output name=digest;]sha256:evil',
  '##[save-state name=temp-dirs;]["/"]'
]
const echoing = WORKFLOW_COMMANDS.map(c => `echo '${c}'`).join('; ')

describe('streamed output', () => {
  test('goes to the log between stop-commands and its token: no line of it is a workflow command', async () => {
    const { log, result } = await logged(() => run('sh', ['-c', `${echoing}; echo 'to stderr' >&2`], { stream: true }))
    expect(result.exitCode).toBe(0)
    const token = /^::stop-commands::(.+)$/m.exec(log)?.[1] ?? ''
    expect(token).toMatch(/^[0-9a-f-]{36}$/)
    expect(log).toBe(`::stop-commands::${token}\n[command]sh -c ${echoing}; echo 'to stderr' >&2\n${WORKFLOW_COMMANDS.join('\n')}\nto stderr\n::${token}::\n`)
    expect(processCommands(log)).toEqual({ outputs: {}, state: {}, masks: [], errors: [], warnings: [] })
    // The same lines, not fenced, would be taken as commands by the runner.
    expect(processCommands(WORKFLOW_COMMANDS.join('\n'))).toMatchObject({
      outputs: { digest: 'sha256:evil' },
      state: { 'logged-in-registries': '[]', 'temp-dirs': '["/"]' },
      masks: ['latest'],
      warnings: ['from the build']
    })
    expect(result.stdout).toBe(`${WORKFLOW_COMMANDS.join('\n')}\n`)
    expect(result.stderr).toBe('to stderr\n')
  })

  test('a new token each time; the token on a line of its own when the output ends without one', async () => {
    const first = await logged(() => run('printf', ['no newline'], { stream: true }))
    const second = await logged(() => run('printf', ['x'], { stream: true }))
    const token = (log: string) => /::stop-commands::(.+)/.exec(log)?.[1]
    expect(token(first.log)).not.toBe(token(second.log))
    expect(first.log).toMatch(/\nno newline\n::[0-9a-f-]{36}::\n$/)
  })

  test('not streamed: captured only, nothing in the log', async () => {
    const { log, result } = await logged(() => run('sh', ['-c', 'echo out; echo err >&2; exit 3']))
    expect(log).toBe('')
    expect(result).toEqual({ exitCode: 3, stdout: 'out\n', stderr: 'err\n' })
  })

  test('stdin carries the input; the argv never does', async () => {
    const { result } = await logged(() => run('sh', ['-c', 'cat'], { input: Buffer.from('s3cret') }))
    expect(result.stdout).toBe('s3cret')
  })

  test('a command that is not there: exit code 127 and why', async () => {
    const { result } = await logged(() => run('no-such-docker-here', ['info']))
    expect(result.exitCode).toBe(127)
    expect(result.stderr).toContain('ENOENT')
  })
})

describe('stopping a command', () => {
  test('a cancel stops it and what it started (its process group) at once; the call rejects with the reason', async () => {
    const [child, parent] = [unique(), unique()]
    const controller = new AbortController()
    // A shell and what it started, as docker and the buildx plugin it starts.
    const pending = logged(() => run('sh', ['-c', `sleep ${child} | sleep ${parent}`], { stream: true, signal: controller.signal }))
    await new Promise(resolve => setTimeout(resolve, 300))
    expect(processesWith(`sleep ${child}`)).toHaveLength(1)
    expect(processesWith(`sleep ${parent}`)).toHaveLength(1)
    controller.abort(new CancelledError('SIGINT'))
    await expect(pending).rejects.toEqual(new CancelledError('SIGINT'))
    expect(processesWith(`sleep ${child}`)).toEqual([])
    expect(processesWith(`sleep ${parent}`)).toEqual([])
  })

  test('a command that ignores SIGINT gets SIGKILL a few seconds later', async () => {
    const controller = new AbortController()
    const seconds = unique()
    const pending = logged(() => run('sh', ['-c', `trap '' INT; sleep ${seconds} & wait`], { signal: controller.signal }))
    await new Promise(resolve => setTimeout(resolve, 300))
    controller.abort(new CancelledError('SIGTERM'))
    await expect(pending).rejects.toBeInstanceOf(CancelledError)
    expect(processesWith(`sleep ${seconds}`)).toEqual([])
  }, 10_000)

  test('cancelled before it starts: never started', async () => {
    const controller = new AbortController()
    controller.abort(new CancelledError('SIGINT'))
    const { log } = await logged(() => run('sh', ['-c', 'echo started'], { stream: true, signal: controller.signal }).catch(() => ({ exitCode: -1, stdout: '', stderr: '' })))
    expect(log).toBe('')
  })

  test('a timeout: stopped, exit code 124, and the error says so', async () => {
    const seconds = unique()
    const { result } = await logged(() => run('sh', ['-c', `sleep ${seconds}`], { timeoutMs: 200 }))
    expect(result.exitCode).toBe(124)
    expect(result.timedOut).toBe(true)
    expect(result.stderr).toContain('ERROR: sh gave no result in 0 s and was stopped')
    expect(processesWith(`sleep ${seconds}`)).toEqual([])
  })

  test('the timeout names the command by its words, past a --context', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'docker-hangs-'))
    const hangs = path.join(dir, 'docker')
    writeFileSync(hangs, `#!/bin/sh\nexec sleep ${unique()}\n`, { mode: 0o755 })
    const { result } = await logged(() => run(hangs, ['--context', 'ctx', 'buildx', 'imagetools', 'create', '--tag', 'x'], { timeoutMs: 100 }))
    expect(result.stderr).toContain(`ERROR: ${hangs} buildx imagetools create gave no result in 0 s and was stopped`)
    rmSync(dir, { recursive: true })
  })
})
