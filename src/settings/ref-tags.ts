/**
 * Tags from the git ref (`ref-tags`), the way docker/metadata-action makes them: floating
 * semver tags (`1.2` and `1` for `v1.2.3`, never for a pre-release), the branch's tag,
 * `pr-<number>`, `sha-<short>`, and small templates with the same placeholders. Pure: the
 * run's ref, event and commit come in as values.
 *
 * A tag either floats — it names the newest image of its line (`1.2`, `main`, `pr-7`) and
 * moves only forward (registry/latest.ts) — or is fixed to one build (`sha-1a2b3c4`,
 * `v1.2.3`): put when the repository lacks it, never moved.
 */
import { Input } from '../constants.js'
import { InputError } from '../errors.js'
import { parseSemver } from './semver.js'
import { IMAGE_TAG, parseList } from './input.js'

/** What the run's ref gives the placeholders; undefined: no value on this run. */
export interface RefValues {
  version: string
  major?: string
  minor?: string
  patch?: string
  branch?: string
  pr?: string
  sha?: string
}

export interface RefTags {
  /** tags that move to the newest image of their line, only forward */
  floating: string[]
  /** tags fixed to one build: put when missing, never moved */
  once: string[]
  /** whether the workflow asked for any floating tag (on any ref): the repository must let them move */
  floats: boolean
}

const PLACEHOLDER = /\{\{\s*([a-z]+)\s*\}\}/g
const NAMES = ['version', 'major', 'minor', 'patch', 'branch', 'pr', 'sha'] as const
/** A template with one of these names one build, not a line of builds. */
const FIXED = ['version', 'patch', 'sha']

/** The keywords: what metadata-action's `type=semver` (major.minor, major), `type=ref` and `type=sha` make. */
const KEYWORDS: Record<string, string[]> = {
  semver: ['{{major}}.{{minor}}', '{{major}}'],
  branch: ['{{branch}}'],
  pr: ['pr-{{pr}}'],
  sha: ['sha-{{sha}}']
}

/** Characters an image tag can't hold become `-` (`feature/login` → `feature-login`); no leading `.` or `-`. */
export const sanitizeTag = (text: string): string => text.replace(/[^A-Za-z0-9_.-]/g, '-').replace(/^[.-]+/, '')

/** The placeholders' values for this run: the version's semver parts (a release only), the branch, the pull request, the commit. */
export function refValues(run: { version: string; ref: string; sha: string }): RefValues {
  const values: RefValues = { version: run.version }
  const semver = parseSemver(run.version)
  if (semver !== undefined && semver.pre.length === 0 && !run.version.includes('+')) {
    ;[values.major, values.minor, values.patch] = semver.core
  }
  const branch = run.ref.startsWith('refs/heads/') ? sanitizeTag(run.ref.slice('refs/heads/'.length)) : ''
  if (branch !== '') values.branch = branch
  const pr = /^refs\/pull\/(\d+)\/(?:merge|head)$/.exec(run.ref)?.[1]
  if (pr !== undefined) values.pr = pr
  if (/^[0-9a-f]{7,}$/i.test(run.sha)) values.sha = run.sha.slice(0, 7).toLowerCase()
  return values
}

/** One template's tag on this run; undefined when a placeholder has no value here (the template is left out). */
export function expandTemplate(template: string, values: RefValues): string | undefined {
  let missing = false
  const tag = template.replace(PLACEHOLDER, (_, name: string) => {
    const value = values[name as keyof RefValues]
    if (value === undefined) missing = true
    return value ?? ''
  })
  return missing ? undefined : tag
}

function checkTemplate(template: string): void {
  const names = [...template.matchAll(PLACEHOLDER)].map(m => m[1] ?? '')
  const unknown = names.find(n => !(NAMES as readonly string[]).includes(n))
  if (unknown !== undefined) {
    throw new InputError(Input.RefTags, `'${template}' has an unknown placeholder {{${unknown}}}: use ${NAMES.map(n => `{{${n}}}`).join(', ')}.`)
  }
  if (names.length === 0) {
    throw new InputError(Input.RefTags, `'${template}' is neither semver, branch, pr, sha nor a template with a {{placeholder}}: put fixed tags in tags.`)
  }
  if (!IMAGE_TAG.test(template.replace(PLACEHOLDER, 'x'))) {
    throw new InputError(Input.RefTags, `'${template}' would not make a valid image tag: use letters, digits, _ . - around the placeholders.`)
  }
}

/**
 * The `ref-tags` input on this run: keywords (`semver`, `branch`, `pr`, `sha`) and
 * templates, each left out where the run's ref gives it no value. `0` (major version zero,
 * still in development) is never made by `semver`.
 */
export function readRefTags(input: string, values: RefValues): RefTags {
  const floating: string[] = []
  const once: string[] = []
  let floats = false
  for (const item of parseList(input)) {
    const keyword = KEYWORDS[item.toLowerCase()]
    const templates = keyword ?? [item]
    for (const template of templates) {
      if (keyword === undefined) checkTemplate(template)
      const fixed = [...template.matchAll(PLACEHOLDER)].some(m => FIXED.includes(m[1] ?? ''))
      floats ||= !fixed
      if (keyword !== undefined && template === '{{major}}' && values.major === '0') continue
      const tag = expandTemplate(template, values)
      if (tag === undefined) continue
      if (!IMAGE_TAG.test(tag)) {
        throw new InputError(Input.RefTags, `'${template}' makes '${tag.slice(0, 140)}' on this ref, which is not a valid image tag (at most 128 letters, digits, _ . -): shorten the template.`)
      }
      ;(fixed ? once : floating).push(tag)
    }
  }
  return { floating: [...new Set(floating)], once: [...new Set(once)].filter(t => !floating.includes(t)), floats }
}
