/**
 * What a failed `docker buildx build` or `imagetools create` means, decided from what
 * buildx itself states — its build record, or its own `ERROR:` line — never from the lines
 * a build step printed (a test or a package manager prints "503", "connection reset" or
 * "failed to push" too, and `#9 12.503` is a timestamp).
 *
 * A build is tried again only when buildx says its push to this repository failed
 * (`failed to push <repository>:<tag>: …`) and the registry did not refuse it for good;
 * a failed step (`process "…" did not complete successfully: exit code: N`), a missing
 * file, a Dockerfile error or anything else fails the run at once with buildx's words.
 */
import { ActionError } from '../errors.js'
import { lastLine, type DockerResult } from '../docker.js'
import { ImmutableTagError, registryRefusal } from '../registry/refusals.js'
import { TransientError } from '../retry.js'
import { toolFailure } from './builder.js'

/** A failed build as buildx states it. */
export interface BuildFailure {
  /** buildx's message: for a step, `process "…" did not complete successfully: exit code: N` */
  message: string
  /** the step that failed (`[linux/amd64 3/3] RUN make`), when a step did */
  step?: string
  /** the step's last lines of output, as BuildKit kept them */
  logs: string[]
}

/** How many of a failed step's last lines the failure shows. */
const STEP_LINES = 5
/** A step's name (its Dockerfile instruction) is cut to this many characters in the failure. */
const STEP_NAME_LENGTH = 120

/**
 * buildx's own last error line, without the `ERROR: failed to build: failed to solve: `
 * it puts before the error. In `--progress plain` output every line a step prints starts
 * with `#<step> <seconds>` (and in the failed step's excerpt, with `<seconds>`); the
 * error buildx ends with does not. Undefined when there is none (docker itself failed).
 */
export function buildxErrorLine(output: string): string | undefined {
  const line = output
    .split('\n')
    .map(l => l.replace(/\r$/, ''))
    .findLast(l => l.startsWith('ERROR: '))
  return line?.slice('ERROR: '.length).replace(/^(failed to build: )?(failed to solve: )?/, '')
}

/** The failure from buildx's output alone: its error line, else docker's last line. */
export function failureFromOutput(result: DockerResult): BuildFailure {
  return { message: buildxErrorLine(result.stderr) ?? lastLine(result), logs: [] }
}

/**
 * What a failed build means.
 * @param repositoryUri the repository buildx pushed to; undefined when it pushed nowhere
 */
export function explainBuildFailure(failure: BuildFailure, repositoryUri: string | undefined): ActionError | TransientError {
  const { message, step } = failure
  if (step !== undefined) return stepFailure(failure, step)
  if (repositoryUri !== undefined && isPushTo(message, repositoryUri)) return namedRefusal(message, repositoryUri) ?? new TransientError(message)
  return toolFailure({ exitCode: 1, stdout: '', stderr: message }) ?? new ActionError(`docker buildx build failed: ${message}`)
}

/**
 * The refusal of buildx's push, explained. An immutable tag stays an ImmutableTagError (which
 * the action may find already naming this run's build) only when buildx's own words
 * (`failed to push <repository>:<tag>: …`) name the tag the registry refused.
 */
function namedRefusal(message: string, repositoryUri: string): ActionError | undefined {
  const refusal = registryRefusal(message, repositoryUri)
  if (!(refusal instanceof ImmutableTagError) || message.startsWith(`failed to push ${repositoryUri}:${refusal.tag}:`)) return refusal
  return new ActionError(refusal.message)
}

/** buildx's `failed to push <repository>:<tag>: …` (or `@<digest>`) for this repository. */
function isPushTo(message: string, repositoryUri: string): boolean {
  return message.startsWith(`failed to push ${repositoryUri}:`) || message.startsWith(`failed to push ${repositoryUri}@`)
}

function stepFailure({ message, logs }: BuildFailure, step: string): ActionError {
  const name = step.length > STEP_NAME_LENGTH ? `${step.slice(0, STEP_NAME_LENGTH - 1)}…` : step
  const last = logs.slice(-STEP_LINES)
  const tail = last.length > 0 ? `\nIts last lines:\n${last.map(l => `  ${l}`).join('\n')}` : ''
  return new ActionError(`The build failed at ${name}: ${message}${tail}`)
}

/** A registry error that may pass when tried again: a 5xx or 429 answer, a connection cut or timed out. */
const PASSING =
  /unexpected status[^\n]*\b(5\d\d|429)\b|\b(5\d\d|429) (Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout|Too Many Requests)\b|connection reset|broken pipe|i\/o timeout|TLS handshake timeout|unexpected EOF/i

/**
 * A failed `buildx imagetools create` (a merge): it runs no build step, so its error is
 * buildx's own words about the registry — a refusal explained, a passing fault retried.
 * @param repositoryUri the repository merged into, for the permissions a refusal needs
 */
export function explainMergeFailure(result: DockerResult, repositoryUri: string): ActionError | TransientError {
  const message = buildxErrorLine(result.stderr) ?? lastLine(result)
  const tool = toolFailure(result)
  if (tool) return tool
  const refusal = registryRefusal(message, repositoryUri)
  if (refusal) return refusal
  return PASSING.test(message) ? new TransientError(message) : new ActionError(`docker buildx imagetools create failed: ${message}`)
}
