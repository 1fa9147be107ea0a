/** What a registry's answer says when it is not the one asked for: its status and error code, safe for the log. */
import { logSafe } from '../errors.js'
import type { HttpResponse } from '../network/http.js'

export class RegistryError extends Error {
  override readonly name = 'RegistryError'
  constructor(
    readonly status: number,
    message: string,
    /** the registry's first error code (`TAG_INVALID`, `NAME_UNKNOWN` …), when its answer gave one */
    readonly code?: string
  ) {
    super(message)
  }
}

/** Fails with the status and the registry's error code (e.g. NAME_UNKNOWN), never the request headers. */
export async function expect(res: HttpResponse, ok: number[], what: string): Promise<void> {
  if (ok.includes(res.status)) {
    // Let the connection be reused.
    await res.arrayBuffer().catch(() => undefined)
    return
  }
  const { text, code } = await errorText(res)
  throw new RegistryError(res.status, `${what}: ${res.status}${text}`, code)
}

/**
 * What a registry's error answer says (` CODE: message; …`, else the start of its body),
 * made safe for the log: it reaches the retry's log lines and the run's error; and the
 * first error's code, which decides what a refusal means.
 */
export async function errorText(res: HttpResponse): Promise<{ text: string; code?: string }> {
  const body = await res.text().catch(() => '')
  let said: string
  let code: string | undefined
  try {
    const errors = (JSON.parse(body) as { errors?: { code?: string; message?: string }[] }).errors ?? []
    said = errors.map(e => `${e.code}: ${e.message}`).join('; ')
    code = errors[0]?.code
  } catch {
    said = body.slice(0, 200)
  }
  return { text: said === '' ? '' : ` ${logSafe(said)}`, ...(code !== undefined ? { code } : {}) }
}
