/**
 * ECR's tag mutability model (a mode and its `*` exclusion filters: which tag may be
 * overwritten), and which of the run's tags may move, checked against it before anything is written. ECR's
 * exclusion filters are wildcards only (`*`), at most five: no filter can tell `1.2` from
 * `1.2.3` the other way round (`*.*` matches both), so floating tags can't be the exceptions
 * of an immutable repository. With floating tags (`ref-tags`) the default turns the rule
 * around: `MUTABLE_WITH_EXCLUSION` with `*.*.*` and `sha-*` keeps every full version
 * (`1.2.3`, `2.0.0-rc.1`, `v1.2.3`) and every commit's tag immutable, and lets everything
 * else move: `1.2`, `1`, `latest`, branch and `pr-` tags, the registry cache.
 */
import { Input } from '../constants.js'
import { InputError } from '../errors.js'
import type { TagMutability } from './types.js'

/** A repository's tag mutability as ECR states it: the mode and its exclusion filters (`*` wildcards). */
export interface Mutability {
  mode: TagMutability
  exclusions: string[]
}

/** Does ECR match this tag with a `*` wildcard filter? */
export function matchesFilter(tag: string, filter: string): boolean {
  const pattern = filter.split('*').map(part => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
  return new RegExp(`^${pattern.join('.*')}$`).test(tag)
}

/** May an existing tag be overwritten in a repository with this mutability? */
export function isTagMutable(tag: string, m: Mutability): boolean {
  const excluded = m.exclusions.some(f => matchesFilter(tag, f))
  switch (m.mode) {
    case 'MUTABLE':
      return true
    case 'IMMUTABLE':
      return false
    case 'IMMUTABLE_WITH_EXCLUSION':
      return excluded
    case 'MUTABLE_WITH_EXCLUSION':
      return !excluded
  }
}

export function sameMutability(a: Mutability, b: Mutability): boolean {
  if (a.mode !== b.mode) return false
  const x = [...new Set(a.exclusions)].sort()
  const y = [...new Set(b.exclusions)].sort()
  return x.length === y.length && x.every((f, i) => f === y[i])
}

export function describeMutability(m: Mutability): string {
  return m.exclusions.length > 0 ? `${m.mode} (${m.exclusions.join(', ')})` : m.mode
}

/**
 * Exclusion filters with the registry cache's wildcard (`<cache-tag>*`) among them:
 * unchanged when a filter already covers every tag starting with the cache tag; an exact
 * `<cache-tag>` filter (what earlier versions added) gives way to the wildcard.
 */
export function withCacheFilter(filters: string[], cacheFilter: string): string[] {
  const base = cacheFilter.slice(0, -1)
  // A filter ending in `*` that matches the base matches the base followed by anything.
  if (filters.some(f => f.endsWith('*') && matchesFilter(base, f))) return filters
  return [...filters.filter(f => f !== base), cacheFilter]
}

/** The exclusion filters that keep versions immutable under MUTABLE_WITH_EXCLUSION: full semver versions and commits' tags. */
export const VERSION_FILTERS = ['*.*.*', 'sha-*']

export interface TagPlan {
  version: string
  /** tags this run moves (floating ref tags, `latest`) */
  floating: string[]
  /**
   * the registry cache's tag (cache: ecr) that every default-branch build rewrites; another
   * ref's own (`buildcache--v1.2.3`) may be kept immutable: it is written once, read after
   */
  cacheTag?: string
  /** whether `ref-tags` asks for floating tags: versions must then stay immutable */
  floats: boolean
}

/**
 * The run's tags under the mutability the workflow states (or the default): with floating
 * tags, the version stays immutable and every floating tag can move; under
 * MUTABLE_WITH_EXCLUSION the registry cache can be written again (IMMUTABLE_WITH_EXCLUSION
 * gets the cache's own filter: repository.ts). Throws a one-line InputError otherwise.
 */
export function checkTagMutability(m: Mutability, plan: TagPlan): void {
  const setting = describeMutability(m)
  if (m.mode === 'MUTABLE_WITH_EXCLUSION' && plan.cacheTag !== undefined && !isTagMutable(plan.cacheTag, m)) {
    throw new InputError(Input.CacheTag, `'${plan.cacheTag}' would be immutable under ${setting}, and every build rewrites the cache: give the cache a tag no filter matches.`)
  }
  if (!plan.floats) return
  if (isTagMutable(plan.version, m)) {
    throw new InputError(
      Input.TagMutabilityExclusions,
      `the version '${plan.version}' could be overwritten under ${setting}: with floating ref-tags every version stays immutable; use semver versions (${VERSION_FILTERS.join(',')} covers them), or state a filter that matches yours.`
    )
  }
  const frozen = plan.floating.find(t => !isTagMutable(t, m))
  if (frozen !== undefined) {
    const filter = m.exclusions.find(f => matchesFilter(frozen, f))
    throw new InputError(
      Input.RefTags,
      `'${frozen}' moves with every release of its line, but ${setting} keeps it immutable${filter !== undefined ? ` (it matches '${filter}')` : ''}: drop it from ref-tags, or state tag-mutability: MUTABLE_WITH_EXCLUSION with tag-mutability-exclusions that don't match it.`
    )
  }
}
