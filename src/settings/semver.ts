/** Semantic versions (semver.org 2.0.0): which tags are versions, and which of two is higher. */
export interface Semver {
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
