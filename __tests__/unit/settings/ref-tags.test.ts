/** Tags from the git ref (`ref-tags`): the table in the README. */
import { readRefTags, refValues } from '../../../src/settings/ref-tags.js'
import { SHA } from '../../fixtures/workspace.js'
import { inputErrorOf, settingsWorkspace } from '../../fixtures/input-error.js'

const SHORT = SHA.slice(0, 7)

const { settings } = settingsWorkspace()

/** The settings of a run of `event` on `ref`. */
const settingsFor = (inputs: Record<string, string>, ref: string, event = 'push') => settings(inputs, { GITHUB_REF: ref, GITHUB_EVENT_NAME: event })

describe('ref-tags: the table in the README', () => {
  const ALL = 'semver,branch,pr,sha'
  test.each<[string, string, string, string[], string[], string[]]>([
    // ref, event, ref-tags → tags, floating, once
    ['refs/tags/v1.2.3', 'push', ALL, ['1.2.3', 'latest', '1.2', '1', `sha-${SHORT}`], ['1.2', '1'], [`sha-${SHORT}`]],
    ['refs/tags/v2.0.0-rc.1', 'push', ALL, ['2.0.0-rc.1', 'latest', `sha-${SHORT}`], [], [`sha-${SHORT}`]],
    ['refs/tags/v0.3.1', 'push', 'semver', ['0.3.1', 'latest', '0.3'], ['0.3'], []],
    ['refs/heads/main', 'push', ALL, [`sha-${SHORT}`, 'latest', 'main'], ['main'], []],
    ['refs/heads/feature/login', 'push', ALL, [`sha-${SHORT}`, 'latest', 'feature-login'], ['feature-login'], []],
    ['refs/pull/7/merge', 'pull_request', ALL, [`sha-${SHORT}`, 'latest', 'pr-7'], ['pr-7'], []],
    ['refs/tags/v1.2.3', 'push', 'v{{major}}.{{minor}}, {{branch}}-{{sha}}, {{version}}-alpine', ['1.2.3', 'latest', 'v1.2', '1.2.3-alpine'], ['v1.2'], ['1.2.3-alpine']],
    ['refs/heads/main', 'push', '{{branch}}-{{sha}}', [`sha-${SHORT}`, 'latest', `main-${SHORT}`], [], [`main-${SHORT}`]]
  ])('%s (%s) with %s', (ref, event, refTags, tags, floating, once) => {
    const s = settingsFor({ 'ref-tags': refTags }, ref, event)
    expect(s.image.tags).toEqual(tags)
    expect(s.image.floating).toEqual(floating)
    expect(s.image.once).toEqual(once)
  })

  test('without ref-tags: the tags and the mutability of before', () => {
    const s = settingsFor({}, 'refs/tags/v1.2.3')
    expect(s.image.tags).toEqual(['1.2.3', 'latest'])
    expect(s.repository.tagMutability).toBe('IMMUTABLE_WITH_EXCLUSION')
  })

  test('a placeholder without a value on this ref leaves the template out', () => {
    expect(readRefTags('pr-{{pr}},{{major}}', refValues({ version: `sha-${SHORT}`, ref: 'refs/heads/main', sha: SHA }))).toEqual({ floating: [], once: [], floats: true })
  })

  test.each([
    ['{{tag}}', 'unknown placeholder {{tag}}'],
    ['stable', 'put fixed tags in tags'],
    ['{{branch}}/x', 'would not make a valid image tag']
  ])('%s is refused naming ref-tags', (item, fix) => {
    const error = inputErrorOf(() => readRefTags(item, refValues({ version: '1.2.3', ref: 'refs/heads/main', sha: SHA })))
    expect(error.message).toMatch(/^Input 'ref-tags': /)
    expect(error.message).toContain(fix)
  })
})
