/** Semantic versions: parsed and compared. */
import { compareSemver, parseSemver } from '../../../src/settings/semver.js'

describe('semver', () => {
  const cmp = (a: string, b: string): number => {
    const [x, y] = [parseSemver(a), parseSemver(b)]
    if (!x || !y) throw new Error(`not semver: ${a} ${b}`)
    return compareSemver(x, y)
  }

  test('a leading v is allowed; anything else is not semver', () => {
    expect(parseSemver('v1.2.3')).toEqual({ core: ['1', '2', '3'], pre: [] })
    expect(parseSemver('1.2.3-rc.1+build.5')).toEqual({ core: ['1', '2', '3'], pre: ['rc', '1'] })
    for (const text of ['sha-1a2b3c4', '1.2', '01.2.3', '1.2.3-', 'latest', 'V1.2.3', '1.2.3-01', '']) expect(parseSemver(text)).toBeUndefined()
  })

  test.each([
    ['1.9.0', '2.0.0', -1],
    ['2.0.0', '1.9.0', 1],
    ['1.10.0', '1.9.0', 1],
    ['v2.0.0', '2.0.0', 0],
    ['1.0.0+a', '1.0.0+b', 0],
    ['10000000000000000000.0.0', '9999999999999999999.0.0', 1]
  ])('%s against %s: %d', (a, b, order) => expect(cmp(a, b)).toBe(order))

  test("pre-releases in semver's order", () => {
    const ordered = ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0']
    for (let i = 0; i + 1 < ordered.length; i++) {
      expect(cmp(ordered[i] ?? '', ordered[i + 1] ?? '')).toBe(-1)
      expect(cmp(ordered[i + 1] ?? '', ordered[i] ?? '')).toBe(1)
    }
  })
})
