/**
 * `latest` only moves forward — pure. Two runs racing (an older commit finishing last) or
 * the re-run of an old release job must not move `latest` back to an older image without
 * anyone noticing. The image `latest` names now and the one this run would put there are
 * compared by their `org.opencontainers.image.version` labels when both are semver (a
 * leading `v` allowed), else by their created time; the reads are in latest.ts.
 */

/** What the rule knows of an image. */
export interface ImageFacts {
  digest: string
  /** `org.opencontainers.image.version`; '' when the image has none */
  version: string
  /** the config's own `created`, else its `org.opencontainers.image.created` label; '' when neither */
  created: string
}

export type LatestVerdict =
  /** `note`: what the log should say when the move was not judged on both images' data */
  | { move: true; note?: string }
  /** why `latest` stays where it is */
  | { move: false; why: string }

interface Semver {
  core: [string, string, string]
  pre: string[]
}

const NUMBER = '0|[1-9]\\d*'
const PRE_ID = `(?:${NUMBER}|\\d*[A-Za-z-][0-9A-Za-z-]*)`
const SEMVER = new RegExp(`^v?(${NUMBER})\\.(${NUMBER})\\.(${NUMBER})(?:-(${PRE_ID}(?:\\.${PRE_ID})*))?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?$`)

/** A semantic version (semver.org 2.0.0), with or without a leading `v`; undefined for anything else. */
export function parseSemver(text: string): Semver | undefined {
  const m = SEMVER.exec(text)
  if (!m) return undefined
  return { core: [m[1] ?? '0', m[2] ?? '0', m[3] ?? '0'], pre: m[4] !== undefined ? m[4].split('.') : [] }
}

/** Numbers without leading zeros, of any length: the longer is larger. */
const compareNumbers = (a: string, b: string): number => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0)
const isNumber = (id: string): boolean => /^\d+$/.test(id)

/** semver's precedence: < 0 when `a` is lower, 0 when equal (build metadata ignored), > 0 when higher. */
export function compareSemver(a: Semver, b: Semver): number {
  for (let i = 0; i < 3; i++) {
    const c = compareNumbers(a.core[i] ?? '0', b.core[i] ?? '0')
    if (c !== 0) return Math.sign(c)
  }
  // A pre-release is lower than its release.
  if (a.pre.length === 0 || b.pre.length === 0) return Math.sign(b.pre.length - a.pre.length)
  for (let i = 0; i < Math.min(a.pre.length, b.pre.length); i++) {
    const x = a.pre[i] ?? ''
    const y = b.pre[i] ?? ''
    if (x === y) continue
    // Numeric identifiers are lower than alphanumeric ones; alphanumeric ones compare in ASCII order.
    if (isNumber(x) && isNumber(y)) return Math.sign(compareNumbers(x, y))
    if (isNumber(x) !== isNumber(y)) return isNumber(x) ? -1 : 1
    return x < y ? -1 : 1
  }
  return Math.sign(a.pre.length - b.pre.length)
}

const time = (created: string): number | undefined => {
  const ms = created === '' ? NaN : Date.parse(created)
  return Number.isNaN(ms) ? undefined : ms
}

/** An image in words for the log: `2.0.0 (sha256:0123456789ab…, created 2026-…)`. */
export function describeImage(image: ImageFacts): string {
  const details = [`${image.digest.slice(0, 19)}…`, ...(image.created !== '' ? [`created ${image.created}`] : [])]
  return `${image.version !== '' ? `${image.version} ` : ''}(${details.join(', ')})`
}

/**
 * Whether `latest` (or another tag that only moves forward) may move from `current` (undefined: there is no `latest` yet) to `next`:
 * backwards when both versions are semver and the new one is lower; otherwise (not both
 * semver, or equal) when the new image was created before the current one. A current image
 * with neither data to compare (pushed by another tool) lets it move, and the log says so.
 */
export function judgeLatest(current: ImageFacts | undefined, next: ImageFacts, tag = 'latest'): LatestVerdict {
  if (current === undefined || current.digest === next.digest) return { move: true }
  const [from, to] = [parseSemver(current.version), parseSemver(next.version)]
  if (from !== undefined && to !== undefined) {
    const order = compareSemver(to, from)
    if (order < 0) return { move: false, why: `this run's version ${next.version} is lower than ${current.version}` }
    if (order > 0) return { move: true }
  }
  const [then, now] = [time(current.created), time(next.created)]
  if (then !== undefined && now !== undefined) {
    return now < then ? { move: false, why: `this run's image was created ${next.created}, before ${current.created}` } : { move: true }
  }
  const note =
    then === undefined
      ? `'${tag}' named ${current.digest}, which has ${from === undefined ? 'neither a semver version label nor a' : 'no'} created time to compare with (pushed by another tool?): moved it to this run's image`
      : `this run's image has no created time to compare with ${describeImage(current)}: moved '${tag}' to it`
  return { move: true, note }
}
