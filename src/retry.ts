/**
 * The one retry helper: one policy type, one sleep, and the one place that decides what is
 * worth another try. STS, the registry client and buildx pushes all go through `retry`.
 * Errors that can never succeed (access denied, an immutable tag, a missing repository, a
 * failed build step) are never retried.
 */
import * as core from '@actions/core'
import { logSafe } from './errors.js'

export interface RetryPolicy {
  /** tries in all, the first included */
  attempts: number
  /** milliseconds before try n (n ≥ 2) */
  delay: (attempt: number) => number
  sleep: (ms: number) => Promise<void>
  log: (message: string) => void
  /**
   * Errors that ask the caller to slow down (throttling) tried on a budget of their own: its
   * own count of tries and its own waits, beside `attempts` and `delay` for other passing errors.
   */
  slowDown?: RetryBudget
}

/** What a retried call is handed: the policy (its timing) and the run's cancel, apart. */
export interface RetryDeps {
  policy: RetryPolicy
  /** the run's cancel (cancel.ts): no try starts after it, and a wait ends at it, rejecting with its reason */
  cancel?: AbortSignal | undefined
}

/** A budget for one kind of passing error: how many tries, and the wait before try n (n ≥ 2) of that kind. */
export interface RetryBudget {
  /** which passing errors count against it */
  when: (error: unknown) => boolean
  attempts: number
  delay: (attempt: number) => number
  /** how the log names it, e.g. "throttled" */
  name: string
}

export const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

/** 2 s, 4 s, 8 s: four tries over about 14 s, for registry writes and pushes. */
export const defaultRetry: RetryPolicy = {
  attempts: 4,
  delay: attempt => 2000 * 2 ** (attempt - 2),
  sleep,
  log: message => core.info(message)
}

/** An error the code that saw it knows to be passing (a push that buildx says failed on a 5xx). */
export class TransientError extends Error {
  override readonly name = 'TransientError'
  readonly transient = true
}

const TRANSIENT_NAMES = /^(InternalFailure|InternalError|ServiceUnavailable|ServiceUnavailableException|ServerException|IDPCommunicationError|RequestTimeout|RequestTimeoutException|TimeoutError)$/
const THROTTLING_NAMES = /^(Throttling|ThrottlingException|RequestLimitExceeded|TooManyRequestsException)$/
const NETWORK_CODES = /^(ECONNRESET|ETIMEDOUT|EPIPE|ECONNREFUSED|EAI_AGAIN|ENOTFOUND|ECONNABORTED|EHOSTUNREACH|ENETUNREACH|UND_ERR_SOCKET)$/

/**
 * Whether an error may pass when tried again: throttling, 5xx and 429 answers (from AWS or
 * the registry), connections reset, refused or timed out, and errors marked transient.
 * Decided from the error's name, code and status, never from free text.
 */
export function isTransient(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const e = error as { name?: string; code?: string; status?: number; transient?: unknown; $retryable?: unknown; $metadata?: { httpStatusCode?: number } }
  if (e.transient === true || e.$retryable || isThrottling(error)) return true
  if (TRANSIENT_NAMES.test(e.name ?? '')) return true
  const status = e.status ?? e.$metadata?.httpStatusCode ?? 0
  if (status >= 500) return true
  return NETWORK_CODES.test(e.code ?? '')
}

/** Whether an error asks the caller to slow down: a throttling error's name, or HTTP 429. */
export function isThrottling(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const e = error as { name?: string; status?: number; $metadata?: { httpStatusCode?: number } }
  return THROTTLING_NAMES.test(e.name ?? '') || (e.status ?? e.$metadata?.httpStatusCode) === 429
}

/**
 * Runs `fn` until it succeeds, fails in a way that is not transient, or has been tried
 * `policy.attempts` times (errors of `policy.slowDown`: its `attempts`, counted apart);
 * each retry is logged with what failed and the wait. After `cancel` no try starts, and a
 * wait ends at it.
 */
export async function retry<T>(
  what: string,
  fn: (attempt: number) => Promise<T>,
  { policy, cancel }: RetryDeps = { policy: defaultRetry },
  transient: (error: unknown) => boolean = isTransient
): Promise<T> {
  const { slowDown } = policy
  let failed = 0
  let slowed = 0
  for (let attempt = 1; ; attempt++) {
    cancel?.throwIfAborted()
    try {
      return await fn(attempt)
    } catch (error) {
      cancel?.throwIfAborted()
      if (!transient(error)) throw error
      const budget = slowDown?.when(error) === true ? slowDown : undefined
      const tries = budget ? ++slowed : ++failed
      const { attempts, delay } = budget ?? policy
      if (tries >= attempts) throw error
      const wait = delay(tries + 1)
      // The message may be a registry's or AWS's words: one line, no workflow command in it.
      policy.log(`${what} failed (${logSafe((error as Error).message)}); trying again in ${Number((wait / 1000).toFixed(1))}s (${tries + 1} of ${attempts}${budget ? ` ${budget.name}` : ''}).`)
      await sleepUntilCancel(policy.sleep, wait, cancel)
    }
  }
}

/** The policy's sleep, cut short (rejecting with the cancel's reason) when the run is cancelled. */
async function sleepUntilCancel(wait: RetryPolicy['sleep'], ms: number, cancel: AbortSignal | undefined): Promise<void> {
  if (cancel === undefined) return wait(ms)
  let onAbort = (): void => undefined
  const cancelled = new Promise<never>((_resolve, reject) => {
    onAbort = () => reject(cancel.reason as Error)
    cancel.addEventListener('abort', onAbort, { once: true })
  })
  try {
    await Promise.race([wait(ms), cancelled])
  } finally {
    cancel.removeEventListener('abort', onAbort)
  }
}
