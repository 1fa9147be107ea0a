/**
 * Errors the action reports to the user. Each carries a one-line message that says what
 * is wrong and how to fix it; `main` prints it with `core.setFailed`, and its stack (with
 * the error it was made from, its `cause`) with `core.debug` (errorDetail).
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

/**
 * Text the action did not write — a registry's or AWS's error message, buildx's words about
 * a push — made safe for one line of the log. The runner reads the step's output line by
 * line and takes a line that starts with `::` (after blanks) as a workflow command, and
 * `##[` anywhere in a line (the older form): such text could set an output, mask words or
 * fail the step. Line breaks are written as `\n` (so no later line starts with `::`), a
 * leading `::` and every `##[` are broken up. core.setFailed, warning and error escape line
 * breaks in their message themselves (`%0A`, which the runner only decodes inside that one
 * command); core.info prints its text as it is, so untrusted text goes through this first.
 */
export function logSafe(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/##\[/g, '## [')
    .replace(/^(\s*):(?=:)/, '$1: ')
}

/** An error's stack, then its causes' (`Caused by: …`), for core.debug: what the one-line message leaves out. */
export function errorDetail(error: unknown): string {
  const lines: string[] = []
  for (let e: unknown = error, depth = 0; e !== undefined && depth < 5; e = e instanceof Error ? e.cause : undefined, depth++) {
    const text = e instanceof Error ? (e.stack ?? `${e.name}: ${e.message}`) : String(e)
    lines.push(depth === 0 ? text : `Caused by: ${text}`)
  }
  return lines.join('\n')
}
