/** Whether `latest` moves: the pure rule (semver, created time, missing data). */
import { describeImage, judgeLatest, type ImageFacts } from '../../../src/registry/latest-rule.js'

const D1 = `sha256:${'1'.repeat(64)}`

const D2 = `sha256:${'2'.repeat(64)}`

const image = (digest: string, version: string, created: string): ImageFacts => ({ digest, version, created })

describe('judgeLatest', () => {
  const v2 = image(D1, '2.0.0', '2026-01-02T00:00:00Z')

  test('no latest yet, or latest names this image already: move', () => {
    expect(judgeLatest(undefined, v2)).toEqual({ move: true })
    expect(judgeLatest(v2, { ...v2, version: '0.1.0' })).toEqual({ move: true })
  })

  test('both semver: a lower version stays back, whatever the times; a higher one moves', () => {
    expect(judgeLatest(v2, image(D2, '1.9.0', '2026-03-01T00:00:00Z'))).toEqual({ move: false, why: "this run's version 1.9.0 is lower than 2.0.0" })
    expect(judgeLatest(v2, image(D2, '2.0.0-rc.1', '2026-03-01T00:00:00Z'))).toMatchObject({ move: false })
    expect(judgeLatest(v2, image(D2, 'v2.0.1', '2025-01-01T00:00:00Z'))).toEqual({ move: true })
  })

  test('not both semver, or equal versions: the created time decides', () => {
    const main = image(D1, 'sha-aaaaaaa', '2026-01-02T00:00:00.5Z')
    expect(judgeLatest(main, image(D2, 'sha-bbbbbbb', '2026-01-02T00:00:00.4Z'))).toEqual({
      move: false,
      why: "this run's image was created 2026-01-02T00:00:00.4Z, before 2026-01-02T00:00:00.5Z"
    })
    expect(judgeLatest(main, image(D2, 'sha-bbbbbbb', '2026-01-02T09:00:01+09:00'))).toEqual({ move: true })
    expect(judgeLatest(v2, image(D2, '2.0.0', '2026-01-01T23:59:59Z'))).toMatchObject({ move: false })
    expect(judgeLatest(v2, image(D2, 'sha-bbbbbbb', '2026-01-03T00:00:00Z'))).toEqual({ move: true })
  })

  test('a latest without a created time or a semver version (another tool pushed it): move, and say so', () => {
    const verdict = judgeLatest(image(D1, '', ''), image(D2, '1.0.0', '2026-01-01T00:00:00Z'))
    expect(verdict).toEqual({ move: true, note: expect.stringContaining(`'latest' named ${D1}, which has neither a semver version label nor a created time`) })
    expect(judgeLatest(image(D1, '', 'not a time'), image(D2, '1.0.0', '2026-01-01T00:00:00Z'))).toMatchObject({ move: true, note: expect.any(String) })
  })

  test('describes an image by version, digest and created time', () => {
    expect(describeImage(v2)).toBe('2.0.0 (sha256:111111111111…, created 2026-01-02T00:00:00Z)')
    expect(describeImage(image(D1, '', ''))).toBe('(sha256:111111111111…)')
  })
})
