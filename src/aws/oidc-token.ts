/**
 * The job's GitHub OIDC token, asked of the runner as `core.getIDToken` asks for it
 * (GET $ACTIONS_ID_TOKEN_REQUEST_URL&audience=…, `Authorization: Bearer
 * $ACTIONS_ID_TOKEN_REQUEST_TOKEN`, answer `{"value": "<jwt>"}`), but over the action's own
 * transport: bounded like every request (a runner endpoint that never answers fails the
 * try, and the sign-in tries again), and through the proxy the workflow's `http-proxy` /
 * `no-proxy` inputs name, where core's client reads only the environment.
 */
import { ActionError } from '../errors.js'
import { createTransport, type HttpTransport } from '../network/http.js'
import type { Env } from '../settings/types.js'

export async function requestIdToken(env: Env, audience: string, setSecret: (value: string) => void, transport: HttpTransport = createTransport()): Promise<string> {
  const url = new URL(env.ACTIONS_ID_TOKEN_REQUEST_URL ?? '')
  url.searchParams.set('audience', audience)
  const res = await transport(url, { headers: { authorization: `Bearer ${env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? ''}`, accept: 'application/json' } })
  if (!res.ok) {
    await res.arrayBuffer().catch(() => undefined)
    // A status, as the registry's errors carry one: 5xx and 429 are tried again, any other is not.
    throw Object.assign(new Error(`The runner's OIDC endpoint answered ${res.status} to the request for the job's token`), { status: res.status })
  }
  const value = ((await res.json().catch(() => ({}))) as { value?: unknown }).value
  if (typeof value !== 'string' || value === '') throw new ActionError("The runner's OIDC endpoint answered without a token.")
  setSecret(value)
  return value
}
