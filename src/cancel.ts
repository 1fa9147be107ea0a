/**
 * The runner's cancel. When a job is cancelled the runner sends the step's process SIGINT,
 * SIGTERM 7.5 s later, and kills the process tree 2.5 s after that; the post step still
 * runs. On the first signal the run's AbortSignal aborts: the docker process running is
 * stopped (SIGINT to its process group, as Ctrl-C: buildx cancels the build in BuildKit),
 * no later stage, retry or tag starts, and main reports the cancel and exits non-zero.
 * Should the run not have ended a few seconds later (an AWS call that never answers), or
 * should a second signal come, every docker process left is killed and the step exits.
 */
import { killAll } from './docker.js'
import { CancelledError } from './errors.js'

/** How long the run has, after the first signal, to stop by itself: well before the runner's SIGTERM. */
export const CANCEL_GRACE_MS = 5000

export interface Cancel {
  signal: AbortSignal
  /** stops listening for the signals */
  dispose(): void
}

/**
 * @param giveUp what happens when the run has not stopped in time: by default the docker
 *   processes are killed and the process exits with 1 (tests pass their own)
 */
export function cancelOnSignals(giveUp: (reason: CancelledError) => void = exitNow, graceMs = CANCEL_GRACE_MS): Cancel {
  const controller = new AbortController()
  let timer: NodeJS.Timeout | undefined
  const on = (signal: NodeJS.Signals): void => {
    if (controller.signal.aborted) return giveUp(controller.signal.reason as CancelledError)
    const reason = new CancelledError(signal)
    controller.abort(reason)
    timer = setTimeout(() => giveUp(reason), graceMs)
    // The timer alone must not hold the step open once the run has stopped.
    timer.unref()
  }
  const onInterrupt = (): void => on('SIGINT')
  const onTerminate = (): void => on('SIGTERM')
  process.on('SIGINT', onInterrupt)
  process.on('SIGTERM', onTerminate)
  return {
    signal: controller.signal,
    dispose() {
      clearTimeout(timer)
      process.off('SIGINT', onInterrupt)
      process.off('SIGTERM', onTerminate)
    }
  }
}

function exitNow(reason: CancelledError): void {
  killAll()
  process.stdout.write(`::error::${reason.message}\n`)
  process.exit(1)
}
