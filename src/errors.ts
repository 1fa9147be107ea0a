/**
 * Errors the action reports to the user. Each carries a one-line message that says what
 * is wrong and how to fix it; `main` prints it with `core.setFailed` and nothing else.
 */

/** A workflow input is invalid. Raised before any AWS write or docker call. */
export class InputError extends Error {
  override readonly name = 'InputError'
  constructor(
    readonly input: string,
    detail: string
  ) {
    super(`Input '${input}': ${detail}`)
  }
}

/** Something outside the inputs stops the run (permissions, tools, AWS state). */
export class ActionError extends Error {
  override readonly name = 'ActionError'
}

/** The runner cancelled the run (SIGINT, then SIGTERM): the reason of the run's AbortSignal. */
export class CancelledError extends Error {
  override readonly name = 'CancelledError'
  constructor(readonly signal: string) {
    super(`The run was cancelled (${signal}): its docker processes were stopped, and nothing was pushed or tagged after the cancel.`)
  }
}
