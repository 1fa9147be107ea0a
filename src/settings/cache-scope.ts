/**
 * The registry cache per ref. Builds of the repository's default branch read and write the
 * cache tag itself (`buildcache`, or a push-by-digest job's `buildcache-linux-arm64`); a
 * build of any other ref — a branch, a tag, a pull request — reads that cache and its own,
 * and writes only its own, `<cache tag>--<ref slug>` (`buildcache--feature-x`,
 * `buildcache-linux-arm64--pr-12`). So a branch can't plant layers that a release build
 * then takes as CACHED. The `--` keeps every scoped tag apart from the default branch's
 * (whose per-platform suffixes are single-hyphen words) and gives the lifecycle policy one
 * pattern for them, `<cache-tag>*--*`.
 *
 * The default branch is read from the event payload (GITHUB_EVENT_PATH →
 * repository.default_branch). When it can't be read, the run counts as another ref: it
 * writes a scoped tag (fail closed).
 */
import { readFileSync } from 'node:fs'
import type { Env } from './types.js'

export const SCOPE_SEPARATOR = '--'
/** A scoped tag keeps at least this much of the ref's name; a longer cache tag is refused. */
export const MIN_SLUG = 8
const MAX_TAG = 128

/** What the run knows of its ref: GITHUB_REF, the event, and the payload's default branch. */
export interface RefInfo {
  ref: string
  /** `repository.default_branch` of the event payload; undefined when it can't be read */
  defaultBranch?: string
  /** the pull request a `pull_request` / `pull_request_target` run builds */
  pullRequest?: number
}

/** The run's ref, from the runner's variables and its event payload (never from the network). */
export function readRefInfo(env: Env): RefInfo {
  const info: RefInfo = { ref: env.GITHUB_REF ?? '' }
  const file = env.GITHUB_EVENT_PATH ?? ''
  if (file === '') return info
  let payload: { repository?: { default_branch?: unknown }; pull_request?: { number?: unknown } }
  try {
    payload = JSON.parse(readFileSync(file, 'utf8')) as typeof payload
  } catch {
    return info
  }
  const branch = payload?.repository?.default_branch
  if (typeof branch === 'string' && branch !== '') info.defaultBranch = branch
  const number = payload?.pull_request?.number
  if (env.GITHUB_EVENT_NAME?.startsWith('pull_request') && typeof number === 'number' && Number.isInteger(number)) info.pullRequest = number
  return info
}

/**
 * Whether the run builds the default branch: a push (or dispatch, schedule …) on it. A
 * pull request never does, `pull_request_target` included (its GITHUB_REF is the base
 * branch, but what it builds may come from the pull request).
 */
export function isDefaultBranch(info: RefInfo): boolean {
  return info.defaultBranch !== undefined && info.pullRequest === undefined && info.ref === `refs/heads/${info.defaultBranch}`
}

/**
 * The ref in a tag: `refs/heads/Feature/X` → `feature-x`, `refs/pull/12/merge` → `pr-12`,
 * `refs/tags/v1.2.3` → `v1.2.3`; lower case, `[a-z0-9._-]`, at most `max` characters.
 */
export function refSlug(info: RefInfo, max: number): string {
  const pr = /^refs\/pull\/(\d+)\//.exec(info.ref)
  const name = info.pullRequest !== undefined ? `pr-${info.pullRequest}` : pr ? `pr-${pr[1]}` : info.ref.replace(/^refs\/(?:heads|tags)\//, '').replace(/^refs\//, '')
  const trim = (s: string): string => s.replace(/^[-._]+|[-._]+$/g, '')
  const slug = trim(trim(name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-')).slice(0, max))
  return slug !== '' ? slug : 'no-ref'
}

/**
 * The cache tags of a run: what it writes (`tag`) and what it reads (`from`: its own first).
 * @param base the cache tag with a push-by-digest job's platform suffix
 * @returns undefined when `base` leaves less than MIN_SLUG characters for the ref
 */
export function scopeCacheTag(base: string, info: RefInfo): { tag: string; from: string[] } | undefined {
  if (isDefaultBranch(info)) return { tag: base, from: [base] }
  const room = MAX_TAG - base.length - SCOPE_SEPARATOR.length
  if (room < MIN_SLUG) return undefined
  const tag = `${base}${SCOPE_SEPARATOR}${refSlug(info, room)}`
  return { tag, from: [tag, base] }
}

/** The lifecycle pattern of every ref's own cache, and none of the default branch's: `buildcache*--*`. */
export const scopedCachePattern = (cacheTag: string): string => `${cacheTag}*${SCOPE_SEPARATOR}*`

/**
 * The `cache: gha` scope of a build: one per image and platform set, e.g.
 * `team/web-linux-amd64-linux-arm64`, `team/web-tests-linux-arm64` (with a target). buildx's
 * default scope, `buildkit`, is one per repository of GitHub's: each image's and each
 * per-platform job's cache write replaced the others'. GitHub keeps the cache per ref itself.
 */
export function ghaScope(repository: string, platforms: string[], target?: string): string {
  return [repository, ...(target !== undefined && target !== '' ? [target] : []), ...platforms.map(p => p.replace(/\//g, '-'))].join('-')
}
