/** The version tag derived from the run when the workflow gives none. */
import { readSettings } from '../../../src/settings/read.js'
import { deriveVersion } from '../../../src/settings/version.js'
import { makeWorkspace, SHA, stepEnv, type TempWorkspace } from '../../fixtures/workspace.js'
import { inputErrorOf } from '../../fixtures/input-error.js'

describe('deriveVersion', () => {
  test.each([
    ['refs/tags/v1.2.3', '1.2.3'],
    ['refs/tags/1.2.3', '1.2.3'],
    ['refs/tags/v2', '2'],
    ['refs/tags/release/2024', 'release-2024'],
    ['refs/tags/v1.2.3+build.7', '1.2.3-build.7'],
    // a leading v is only dropped before a digit
    ['refs/tags/vNext', 'vNext'],
    ['refs/tags/version-1', 'version-1'],
    // an image tag may not start with . or -
    ['refs/tags/-rc1', 'rc1'],
    ['refs/tags/.hidden', 'hidden']
  ])('%s → %s', (ref, version) => {
    expect(deriveVersion({ ref, sha: SHA })).toBe(version)
  })

  test('a git tag longer than an image tag can be is cut to 128 characters', () => {
    const version = deriveVersion({ ref: `refs/tags/${'x'.repeat(200)}`, sha: SHA })
    expect(version).toBe('x'.repeat(128))
  })

  test.each(['refs/heads/main', 'refs/heads/feature/login', 'refs/pull/42/merge', ''])('ref %j → sha-<first 7 of the commit>', ref => {
    expect(deriveVersion({ ref, sha: SHA })).toBe('sha-0123abc')
  })

  test('the short sha is lower case', () => {
    expect(deriveVersion({ ref: 'refs/heads/main', sha: 'ABCDEF0123456789ABCDEF0123456789ABCDEF01' })).toBe('sha-abcdef0')
  })

  test('a tag made only of characters an image tag cannot start with falls back to the sha', () => {
    expect(deriveVersion({ ref: 'refs/tags/...', sha: SHA })).toBe('sha-0123abc')
  })

  test.each([
    ['missing', ''],
    ['not hex', 'not-a-sha-at-all'],
    ['too short', 'abc12']
  ])('a branch run with the sha %s is an input error on version', (_, sha) => {
    const error = inputErrorOf(() => deriveVersion({ ref: 'refs/heads/main', sha }))
    expect(error.input).toBe('version')
    expect(error.message).toBe("Input 'version': is empty and GITHUB_SHA is not set: give the version tag to push.")
  })

  test('a tag run needs no sha', () => {
    expect(deriveVersion({ ref: 'refs/tags/v3.0.0', sha: '' })).toBe('3.0.0')
  })
})

describe('readSettings', () => {
  let ws: TempWorkspace
  beforeAll(() => {
    ws = makeWorkspace()
  })
  afterAll(() => ws.remove())

  test('derives the version from GITHUB_REF and GITHUB_SHA', () => {
    const s = readSettings(stepEnv(ws.dir, { repository: 'team/web' }, { GITHUB_REF: 'refs/tags/v1.2.3' }))
    expect(s.image.version).toBe('1.2.3')
    expect(s.image.tags).toEqual(['1.2.3', 'latest'])
  })

  test('an explicit version input wins over the tag ref', () => {
    const s = readSettings(stepEnv(ws.dir, { repository: 'team/web', version: '2.0.0-rc.1' }, { GITHUB_REF: 'refs/tags/v1.2.3' }))
    expect(s.image.version).toBe('2.0.0-rc.1')
    expect(s.image.tags).toEqual(['2.0.0-rc.1', 'latest'])
  })

  test('an explicit version needs no GITHUB_SHA', () => {
    const s = readSettings(stepEnv(ws.dir, { repository: 'team/web', version: 'nightly' }, { GITHUB_SHA: undefined }))
    expect(s.image.version).toBe('nightly')
  })

  test('version: latest with latest: true pushes one tag', () => {
    const s = readSettings(stepEnv(ws.dir, { repository: 'team/web', version: 'latest' }))
    expect(s.image.tags).toEqual(['latest'])
  })
})
