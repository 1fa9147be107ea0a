/**
 * The pure parts of the Bearer token dance a registry like public.ecr.aws asks for: the
 * challenge, the scopes a token grants, and where the registry's password may be sent for
 * one — over https to the registry's own host or to ECR Public's token service, nowhere
 * else, whatever realm a challenge names. And where an upload may go on with it: the
 * registry's own origin only.
 */
import { PUBLIC_REGISTRY } from '../settings/registry-host.js'
import { ActionError } from '../errors.js'

/**
 * The token service a challenge names, if the registry's password may go there: the
 * registry itself (same origin as the client's base), or https on the registry's own host
 * or on public.ecr.aws. Any other realm is refused, before anything is sent to it.
 */
export function tokenRealm(realm: string, base: string, registry: string): URL {
  let url: URL | undefined
  try {
    url = new URL(realm)
  } catch {
    url = undefined
  }
  const own = new URL(`https://${registry}`).hostname
  if (url !== undefined && (url.origin === new URL(base).origin || (url.protocol === 'https:' && (url.hostname === own || url.hostname === PUBLIC_REGISTRY)))) return url
  const shown = url !== undefined ? url.origin : `'${realm.slice(0, 100)}'`
  throw new ActionError(
    `The registry ${registry} asked for its password to be sent to ${shown} for a token; the action sends it only over https to ${own} itself or to ${PUBLIC_REGISTRY}, ` +
      'so it stopped there: check that the registry (and AWS_ENDPOINT_URL) are the ones the job should use.'
  )
}

/**
 * Where an upload goes on, from the registry's `Location`: only on the registry's own origin
 * (`base`) — ECR's upload locations are on its host — since the next request carries the
 * registry's password. Another host, or plain http, is refused before anything is sent there.
 */
export function ownLocation(location: string, base: string, registry: string): URL {
  const own = new URL(base)
  let url: URL | undefined
  try {
    url = new URL(location, own)
  } catch {
    url = undefined
  }
  if (url?.origin === own.origin) return url
  throw new ActionError(
    `The registry ${registry} gave an upload location on ${url === undefined ? 'an address that is no URL' : `${url.protocol}//${url.host}`}; the action sends the registry's password only to ${own.origin} itself, ` +
      'so it stopped there: check that the registry (and AWS_ENDPOINT_URL) are the ones the job should use.'
  )
}

/**
 * A token scope (`repository:alias/web:pull,push`, several separated by spaces) as the
 * actions granted per resource; a scope of another shape is kept whole (no actions).
 */
function scopeActions(scope: string): Map<string, Set<string> | undefined> {
  const granted = new Map<string, Set<string> | undefined>()
  for (const one of scope.split(' ').filter(Boolean)) {
    const m = /^([^:]+:.+):([^:]*)$/.exec(one)
    if (!m) {
      granted.set(one, undefined)
      continue
    }
    const resource = m[1] ?? one
    granted.set(resource, new Set([...(granted.get(resource) ?? []), ...(m[2] ?? '').split(',').filter(Boolean)]))
  }
  return granted
}

/** Whether a token for scope `held` grants all that `wanted` asks. */
export function scopeCovers(held: string, wanted: string): boolean {
  const have = scopeActions(held)
  return [...scopeActions(wanted)].every(([resource, actions]) => have.has(resource) && [...(actions ?? [])].every(a => have.get(resource)?.has(a)))
}

/** One scope asking for all that both ask. */
export function mergeScopes(a: string, b: string): string {
  const merged = scopeActions(a)
  for (const [resource, actions] of scopeActions(b)) {
    const before = merged.get(resource)
    merged.set(resource, actions === undefined && before === undefined ? undefined : new Set([...(before ?? []), ...(actions ?? [])]))
  }
  return [...merged].map(([resource, actions]) => (actions === undefined ? resource : `${resource}:${[...actions].join(',')}`)).join(' ')
}

/** `Bearer realm="…",service="…",scope="…"` → its parts; undefined for other schemes. */
export function parseBearerChallenge(header: string): { realm: string; service: string; scope: string } | undefined {
  if (!/^Bearer\s/i.test(header)) return undefined
  const params = Object.fromEntries([...header.matchAll(/(\w+)="([^"]*)"/g)].map(m => [m[1], m[2]]))
  return params.realm ? { realm: params.realm, service: params.service ?? '', scope: params.scope ?? '' } : undefined
}
