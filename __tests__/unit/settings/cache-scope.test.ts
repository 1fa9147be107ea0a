/**
 * The registry cache per ref: the default branch reads and writes the cache tag; any other
 * ref reads it and its own, and writes only its own `<cache tag>--<ref slug>`.
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { cacheArgs } from '../../../src/build/plan.js'
import { isDefaultBranch, readRefInfo, refSlug, scopeCacheTag, type RefInfo } from '../../../src/settings/cache-scope.js'
import { readSettings } from '../../../src/settings/read.js'
import { eventFile, makeWorkspace, stepEnv, type TempWorkspace } from '../../fixtures/workspace.js'
import { inputErrorOf } from '../../fixtures/input-error.js'

let ws: TempWorkspace
beforeAll(() => {
  ws = makeWorkspace()
})
afterAll(() => ws.remove())

const REPO = '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web'
const MAIN = eventFile({ repository: { full_name: 'acme/web', default_branch: 'main' } })
const notJson = eventFile({})
writeFileSync(notJson, '{"repository": {"default_branch": "main"')
const settings = (inputs: Record<string, string>, extra: Record<string, string | undefined>) => readSettings(stepEnv(ws.dir, { repository: 'team/web', ...inputs }, extra))

describe('refSlug', () => {
  test.each([
    ['refs/heads/feature-x', 'feature-x'],
    ['refs/heads/Feature/X_y', 'feature-x_y'],
    ['refs/heads/dependabot/npm_and_yarn/lodash-4.17.21', 'dependabot-npm_and_yarn-lodash-4.17.21'],
    ['refs/pull/12/merge', 'pr-12'],
    ['refs/pull/12/head', 'pr-12'],
    ['refs/tags/v1.2.3', 'v1.2.3'],
    ['refs/heads/--.weird..', 'weird'],
    ['refs/heads/ünïcode', 'n-code'],
    ['refs/merge-queue/x', 'merge-queue-x'],
    ['', 'no-ref'],
    ['refs/heads/☃', 'no-ref']
  ])('%j → %j', (ref, slug) => {
    expect(refSlug({ ref }, 100)).toBe(slug)
  })

  test('bounded, never ending on a separator', () => {
    expect(refSlug({ ref: `refs/heads/${'a'.repeat(200)}` }, 20)).toBe('a'.repeat(20))
    expect(refSlug({ ref: 'refs/heads/abcdefg-hij' }, 8)).toBe('abcdefg')
  })

  test('pull_request_target: the pull request, not the base branch its GITHUB_REF names', () => {
    expect(refSlug({ ref: 'refs/heads/main', defaultBranch: 'main', pullRequest: 7 }, 100)).toBe('pr-7')
  })
})

describe('isDefaultBranch', () => {
  test.each<[string, RefInfo, boolean]>([
    ['a push to the default branch', { ref: 'refs/heads/main', defaultBranch: 'main' }, true],
    ['another branch', { ref: 'refs/heads/feature-x', defaultBranch: 'main' }, false],
    ['a tag, even of a commit on main', { ref: 'refs/tags/v1.2.3', defaultBranch: 'main' }, false],
    ['a pull request', { ref: 'refs/pull/12/merge', defaultBranch: 'main', pullRequest: 12 }, false],
    ['pull_request_target on the base branch', { ref: 'refs/heads/main', defaultBranch: 'main', pullRequest: 12 }, false],
    ['the default branch unknown (fail closed)', { ref: 'refs/heads/main' }, false],
    ['a branch named like the default one, deeper', { ref: 'refs/heads/x/main', defaultBranch: 'main' }, false]
  ])('%s → %s', (_, info, expected) => {
    expect(isDefaultBranch(info)).toBe(expected)
  })
})

describe('readRefInfo', () => {
  test('the default branch from the event payload; the pull request only for pull_request events', () => {
    const pr = eventFile({ number: 12, pull_request: { number: 12 }, repository: { default_branch: 'trunk' } })
    expect(readRefInfo({ GITHUB_REF: 'refs/heads/trunk', GITHUB_EVENT_NAME: 'pull_request_target', GITHUB_EVENT_PATH: pr })).toEqual({
      ref: 'refs/heads/trunk',
      defaultBranch: 'trunk',
      pullRequest: 12
    })
    expect(readRefInfo({ GITHUB_REF: 'refs/heads/trunk', GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: pr })).toEqual({ ref: 'refs/heads/trunk', defaultBranch: 'trunk' })
  })

  test.each([
    ['no GITHUB_EVENT_PATH', undefined],
    ['a missing file', '/nonexistent/event.json'],
    ['a payload that is not JSON', notJson],
    ['a folder', path.dirname(notJson)],
    ['a payload without repository.default_branch', eventFile({ schedule: '0 * * * *' })],
    ['a default_branch that is not a string', eventFile({ repository: { default_branch: 7 } })]
  ])('%s: no default branch, so the run is not on it', (_, file) => {
    const info = readRefInfo({ GITHUB_REF: 'refs/heads/main', GITHUB_EVENT_PATH: file })
    expect(info).toEqual({ ref: 'refs/heads/main' })
    expect(scopeCacheTag('buildcache', info)).toEqual({ tag: 'buildcache--main', from: ['buildcache--main', 'buildcache'] })
  })
})

describe('the cache tags a run reads and writes', () => {
  const DEFAULT = { tag: 'buildcache', from: ['buildcache'] }
  test.each<[string, Record<string, string>, Record<string, string | undefined>, { tag: string; from: string[] }]>([
    ['a push to main, the default branch', {}, { GITHUB_REF: 'refs/heads/main', GITHUB_EVENT_PATH: MAIN }, DEFAULT],
    ['a branch', {}, { GITHUB_REF: 'refs/heads/feature-x', GITHUB_EVENT_PATH: MAIN }, { tag: 'buildcache--feature-x', from: ['buildcache--feature-x', 'buildcache'] }],
    [
      'a pull request',
      {},
      { GITHUB_REF: 'refs/pull/12/merge', GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventFile({ pull_request: { number: 12 }, repository: { default_branch: 'main' } }) },
      { tag: 'buildcache--pr-12', from: ['buildcache--pr-12', 'buildcache'] }
    ],
    ['a tag push', {}, { GITHUB_REF: 'refs/tags/v1.2.3', GITHUB_EVENT_PATH: MAIN }, { tag: 'buildcache--v1.2.3', from: ['buildcache--v1.2.3', 'buildcache'] }],
    ['main without an event payload', {}, { GITHUB_REF: 'refs/heads/main', GITHUB_EVENT_PATH: undefined }, { tag: 'buildcache--main', from: ['buildcache--main', 'buildcache'] }],
    [
      'a per-platform job on the default branch',
      { platforms: 'linux/arm64', 'push-by-digest': 'true' },
      { GITHUB_EVENT_PATH: MAIN },
      { tag: 'buildcache-linux-arm64', from: ['buildcache-linux-arm64'] }
    ],
    [
      'a per-platform job on a branch',
      { platforms: 'linux/arm64', 'push-by-digest': 'true' },
      { GITHUB_REF: 'refs/heads/feature-x', GITHUB_EVENT_PATH: MAIN },
      { tag: 'buildcache-linux-arm64--feature-x', from: ['buildcache-linux-arm64--feature-x', 'buildcache-linux-arm64'] }
    ],
    [
      'a branch named like a platform',
      { 'cache-tag': 'cache' },
      { GITHUB_REF: 'refs/heads/linux-amd64', GITHUB_EVENT_PATH: MAIN },
      { tag: 'cache--linux-amd64', from: ['cache--linux-amd64', 'cache'] }
    ]
  ])('%s', (_, inputs, extra, expected) => {
    const s = settings(inputs, extra)
    expect(s.build.cache).toEqual({ type: 'ecr', ...expected })
    // The tag written is the one that must stay mutable; the one filter covers it.
    expect(s.repository).toMatchObject({ cacheTag: expected.tag, cacheFilter: `${inputs['cache-tag'] ?? 'buildcache'}*` })
  })

  test('the argv: read from both, written to its own only', () => {
    const { build } = settings({}, { GITHUB_REF: 'refs/heads/feature-x', GITHUB_EVENT_PATH: MAIN })
    expect(cacheArgs(build.cache, REPO)).toEqual([
      '--cache-from',
      `type=registry,ref=${REPO}:buildcache--feature-x`,
      '--cache-from',
      `type=registry,ref=${REPO}:buildcache`,
      '--cache-to',
      `type=registry,ref=${REPO}:buildcache--feature-x,mode=max,image-manifest=true,oci-mediatypes=true,ignore-error=true`
    ])
  })

  test('gha and none are not scoped per ref (GitHub scopes its own cache per ref); gha has a scope per image and platforms', () => {
    expect(settings({ cache: 'gha' }, { GITHUB_REF: 'refs/heads/feature-x', GITHUB_EVENT_PATH: MAIN }).build.cache).toEqual({
      type: 'gha',
      tag: 'buildcache',
      from: ['buildcache'],
      scope: 'team/web-linux-amd64-linux-arm64'
    })
  })

  test('a scoped tag stays within 128 characters; a cache tag that leaves no room for the ref is refused', () => {
    const branch = { GITHUB_REF: `refs/heads/${'b'.repeat(150)}`, GITHUB_EVENT_PATH: MAIN }
    const long = settings({ 'cache-tag': 'c'.repeat(100) }, branch).build.cache.tag
    expect(long).toBe(`${'c'.repeat(100)}--${'b'.repeat(26)}`)
    expect(long).toHaveLength(128)
    expect(settings({ 'cache-tag': 'c'.repeat(118) }, branch).build.cache.tag).toHaveLength(128)
    const error = inputErrorOf(() => settings({ 'cache-tag': 'c'.repeat(119) }, branch))
    expect(error.message).toBe(`Input 'cache-tag': '${'c'.repeat(119)}' leaves no room for this ref's own cache tag ('${'c'.repeat(119)}--<ref>'): use at most 118 characters.`)
    // On the default branch the same cache tag is fine: nothing is added to it.
    expect(settings({ 'cache-tag': 'c'.repeat(119) }, { GITHUB_EVENT_PATH: MAIN }).build.cache.tag).toBe('c'.repeat(119))
  })
})
