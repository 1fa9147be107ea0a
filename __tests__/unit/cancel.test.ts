/**
 * A cancelled run: the runner's signals become the run's AbortSignal; no retry, try or stage
 * starts after it.
 */
import { jest } from '@jest/globals'
import { cancelOnSignals } from '../../src/cancel.js'
import { CancelledError } from '../../src/errors.js'
import { failureMessage } from '../../src/main.js'
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
    expect(failureMessage(new CancelledError('SIGINT'))).toBe('The run was cancelled (SIGINT): its docker processes were stopped, and nothing was pushed or tagged after the cancel.')
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
