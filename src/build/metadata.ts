/**
 * The standard `org.opencontainers.image.*` metadata, as docker/metadata-action makes it:
 * labels on each image's config, and the same keys as OCI annotations on the image
 * manifests and, for a multi-platform image, on the index (what `docker buildx imagetools
 * inspect` and registries' consoles read). The workflow's own `labels` / `annotations` win.
 */
import { readFileSync, statSync } from 'node:fs'
import { levelsAndKey, onIndex } from '../settings/annotations.js'
import type { Env, Settings } from '../settings/types.js'

/** The event file is read only when it is no larger than this (GitHub's payloads are far smaller). */
const MAX_EVENT_BYTES = 25 * 1024 * 1024

const oneLine = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.replace(/\s+/g, ' ').trim() : undefined)

/**
 * The GitHub repository's name, description, page and license from the event that started
 * the run (GITHUB_EVENT_PATH: its `repository`), no API call; what the event doesn't name
 * is left out (the name then comes from GITHUB_REPOSITORY).
 */
export function repositoryFacts(env: Env): { title?: string; description?: string; url?: string; licenses?: string } {
  let repo: Record<string, unknown> = {}
  const file = env.GITHUB_EVENT_PATH
  try {
    if (file !== undefined && file !== '' && statSync(file).size <= MAX_EVENT_BYTES) {
      const event = JSON.parse(readFileSync(file, 'utf8')) as { repository?: unknown }
      if (typeof event.repository === 'object' && event.repository !== null) repo = event.repository as Record<string, unknown>
    }
  } catch {
    // No readable event: the facts the runner's variables give.
  }
  const license = typeof repo.license === 'object' && repo.license !== null ? oneLine((repo.license as Record<string, unknown>).spdx_id) : undefined
  const title = oneLine(repo.name) ?? oneLine(env.GITHUB_REPOSITORY?.split('/')[1])
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com'
  const url = oneLine(repo.html_url) ?? (env.GITHUB_REPOSITORY ? `${server}/${env.GITHUB_REPOSITORY}` : undefined)
  const description = oneLine(repo.description)
  return {
    ...(title !== undefined ? { title } : {}),
    ...(description !== undefined ? { description } : {}),
    ...(url !== undefined ? { url } : {}),
    ...(license !== undefined && license !== 'NOASSERTION' ? { licenses: license } : {})
  }
}

const key = (item: string): string => item.slice(0, item.indexOf('='))

/** The annotation levels the standard metadata goes on: the index only when there is one (several platforms, not pushed by digest). */
export function annotationLevels(build: Pick<Settings['build'], 'platforms' | 'pushByDigest'>): string[] {
  return build.platforms.length > 1 && !build.pushByDigest ? ['index', 'manifest'] : ['manifest']
}

/**
 * The annotations the build sets: each standard label's key and value at each level, then
 * the workflow's `annotations`, which replace a standard one of the same key and level.
 */
export function annotationsFor(labels: string[], stated: string[], levels: string[]): string[] {
  const statedKeys = new Set(
    stated.flatMap(a => {
      const { levels: at, key: k } = levelsAndKey(a)
      return at.map(l => `${l}:${k}`)
    })
  )
  const standard = levels.flatMap(level => labels.filter(l => !statedKeys.has(`${level}:${key(l)}`)).map(l => `${level}:${l}`))
  return [...standard, ...stated]
}

/** The labels the image carries: the action's, with the workflow's of the same key in their place. */
export function mergedLabels(action: string[], workflow: string[]): string[] {
  const stated = new Set(workflow.map(key))
  return [...action.filter(l => !stated.has(key(l))), ...workflow]
}

/**
 * What a build sets: the standard annotations at its levels and the workflow's — a
 * push-by-digest job's image has no index, so its index ones are left to the merge.
 */
export function annotationsForBuild(labels: string[], build: Pick<Settings['build'], 'annotations' | 'platforms' | 'pushByDigest'>): string[] {
  const stated = build.pushByDigest ? build.annotations.filter(a => !onIndex(a)) : build.annotations
  return annotationsFor(labels, stated, annotationLevels(build))
}
