/**
 * A cancelled run: the runner's signals become the run's AbortSignal; no retry, try or
 * stage starts after it; main reports it; the post step removes the temporary folders a
 * cancel left behind.
 */
import { jest } from '@jest/globals'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { cancelOnSignals } from '../../src/cancel.js'
import type { Docker } from '../../src/docker.js'
import { CancelledError } from '../../src/errors.js'
import { failureMessage, run } from '../../src/main.js'
import { removeTempDirs } from '../../src/post.js'
import { retry, TransientError, type RetryDeps, type RetryPolicy } from '../../src/retry.js'
import { Stages } from '../../src/stages.js'

describe('the runner’s signals', () => {
  test('the first SIGINT aborts the run’s signal with the cancel; nothing else happens yet', () => {
    const giveUp = jest.fn()
    const cancel = cancelOnSignals(giveUp, 60_000)
    try {
      process.emit('SIGINT')
      expect(cancel.signal.aborted).toBe(true)
      expect(cancel.signal.reason).toEqual(new CancelledError('SIGINT'))
      expect(giveUp).not.toHaveBeenCalled()
    } finally {
      cancel.dispose()
    }
  })

  test('a second signal (the runner’s SIGTERM): the run is given up at once', () => {
    const giveUp = jest.fn()
    const cancel = cancelOnSignals(giveUp, 60_000)
    try {
      process.emit('SIGINT')
      process.emit('SIGTERM')
      expect(giveUp).toHaveBeenCalledTimes(1)
      expect((cancel.signal.reason as Error).message).toContain('(SIGINT)')
    } finally {
      cancel.dispose()
    }
  })

  test('a run that has not stopped when the grace ends is given up', async () => {
    const giveUp = jest.fn()
    const cancel = cancelOnSignals(giveUp, 20)
    try {
      process.emit('SIGTERM')
      await new Promise(resolve => setTimeout(resolve, 60))
      expect(giveUp).toHaveBeenCalledWith(new CancelledError('SIGTERM'))
    } finally {
      cancel.dispose()
    }
  })

  test('disposed (the run ended): no longer listening, and nothing is given up', async () => {
    const giveUp = jest.fn()
    const before = process.listenerCount('SIGINT')
    const cancel = cancelOnSignals(giveUp, 20)
    expect(process.listenerCount('SIGINT')).toBe(before + 1)
    process.emit('SIGINT')
    cancel.dispose()
    await new Promise(resolve => setTimeout(resolve, 60))
    expect(giveUp).not.toHaveBeenCalled()
    expect(process.listenerCount('SIGINT')).toBe(before)
  })

  test('the failure names the signal and says nothing was pushed after it', () => {
    expect(failureMessage(new CancelledError('SIGINT'))).toBe(
      'The run was cancelled (SIGINT): its docker processes were stopped, and nothing was pushed or tagged after the cancel.'
    )
  })
})

describe('retries after a cancel', () => {
  const retrying = (cancel: AbortSignal, sleep: RetryPolicy['sleep'] = async () => undefined): RetryDeps => ({ policy: { attempts: 4, delay: () => 1000, sleep, log: () => undefined }, cancel })

  test('cancelled before: no try', async () => {
    const controller = new AbortController()
    controller.abort(new CancelledError('SIGINT'))
    const fn = jest.fn(async () => 'done')
    await expect(retry('The push', fn, retrying(controller.signal))).rejects.toEqual(new CancelledError('SIGINT'))
    expect(fn).not.toHaveBeenCalled()
  })

  test('cancelled while waiting for the next try: the wait ends at once, no further try', async () => {
    const controller = new AbortController()
    let tries = 0
    const forever = (): Promise<void> => new Promise(() => undefined)
    const pending = retry(
      'The push',
      async () => {
        tries++
        throw new TransientError('503')
      },
      retrying(controller.signal, forever)
    )
    await new Promise(resolve => setTimeout(resolve, 10))
    controller.abort(new CancelledError('SIGTERM'))
    await expect(pending).rejects.toEqual(new CancelledError('SIGTERM'))
    expect(tries).toBe(1)
  })

  test('a try that fails because of the cancel is the cancel, not tried again', async () => {
    const controller = new AbortController()
    const fn = jest.fn(async () => {
      controller.abort(new CancelledError('SIGINT'))
      throw new TransientError('connection reset')
    })
    await expect(retry('The push', fn, retrying(controller.signal))).rejects.toBeInstanceOf(CancelledError)
    expect(fn).toHaveBeenCalledTimes(1)
  })

  test('no stage starts after a cancel', async () => {
    const controller = new AbortController()
    const stages = new Stages(controller.signal)
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
    try {
      await stages.run('build+push', async () => controller.abort(new CancelledError('SIGINT')))
      const report = jest.fn(async () => undefined)
      await expect(stages.run('report', report)).rejects.toBeInstanceOf(CancelledError)
      expect(report).not.toHaveBeenCalled()
    } finally {
      jest.restoreAllMocks()
    }
  })
})

describe('main, cancelled', () => {
  test('every docker command gets the cancel; the run fails as cancelled whatever else failed on the way out', async () => {
    const controller = new AbortController()
    const seen: (AbortSignal | undefined)[] = []
    // The builder check is the first docker command; the cancel arrives while it runs.
    const docker: Docker = async (_args, options) => {
      seen.push(options?.signal)
      controller.abort(new CancelledError('SIGINT'))
      return { exitCode: 130, stdout: '', stderr: 'ERROR: Canceled: context canceled' }
    }
    const workspace = mkdtempSync(path.join(os.tmpdir(), 'cancel-ws-'))
    writeFileSync(path.join(workspace, 'Dockerfile'), 'FROM scratch\n')
    const out: string[] = []
    jest.spyOn(process.stdout, 'write').mockImplementation(chunk => (out.push(String(chunk)), true))
    const exitCode = process.exitCode
    try {
      await run({
        env: { GITHUB_WORKSPACE: workspace, INPUT_REPOSITORY: 'team/web', INPUT_VERSION: '1.0.0', INPUT_PUSH: 'false', AWS_REGION: 'us-east-1' },
        docker,
        signal: controller.signal
      })
    } finally {
      jest.restoreAllMocks()
      process.exitCode = exitCode
      rmSync(workspace, { recursive: true, force: true })
    }
    expect(out.join('')).not.toContain('::error::Input')
    expect(seen.length).toBeGreaterThan(0)
    for (const signal of seen) expect(signal).toBe(controller.signal)
    expect(out.join('')).toContain('::error::The run was cancelled (SIGINT)')
  })
})

describe('the post step’s cleanup', () => {
  test('removes the folders the main step recorded and left; only the action’s own', async () => {
    const temp = mkdtempSync(path.join(os.tmpdir(), 'runner-temp-'))
    const left = path.join(temp, 'ecr-build-push-abc123')
    const notOurs = path.join(temp, 'something-else')
    mkdirSync(path.join(left, 'oci-layout'), { recursive: true })
    mkdirSync(notOurs)
    const warnings: string[] = []
    const removed = await removeTempDirs(JSON.stringify([left, notOurs, 'ecr-build-push-relative', path.join(temp, 'ecr-build-push-gone'), '/']), w => warnings.push(w))
    expect(removed).toEqual([left])
    expect(existsSync(left)).toBe(false)
    expect(existsSync(notOurs)).toBe(true)
    expect(warnings).toEqual([])
    rmSync(temp, { recursive: true, force: true })
  })

  test('no state, or state that is not a list: nothing', async () => {
    expect(await removeTempDirs('')).toEqual([])
    expect(await removeTempDirs('{"a":1}')).toEqual([])
  })
})
