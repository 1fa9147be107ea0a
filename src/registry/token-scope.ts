/**
 * Registry token scopes (`repository:alias/web:pull,push`, several separated by spaces):
 * whether a token held covers what a challenge asks, and one scope asking for both.
 */

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
