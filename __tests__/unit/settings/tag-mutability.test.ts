/**
 * Tag mutability: exclusion filters, which tags a setting keeps mutable, and what floating
 * tags need.
 */
import { checkTagMutability, describeMutability, isTagMutable, matchesFilter, sameMutability, type Mutability } from '../../../src/settings/tag-mutability.js'
import { planRepository } from '../../../src/aws/repository-plan.js'
import { movingTags } from '../../../src/aws/destination.js'
import { inputErrorOf, settingsWorkspace } from '../../fixtures/input-error.js'

const REGISTRY = '123456789012.dkr.ecr.us-east-1.amazonaws.com'

const { settings } = settingsWorkspace()

/** The settings of a run of `event` on `ref`. */
const settingsFor = (inputs: Record<string, string>, ref: string, event = 'push') => settings(inputs, { GITHUB_REF: ref, GITHUB_EVENT_NAME: event })

describe('mutability with floating tags', () => {
  test('unstated: MUTABLE_WITH_EXCLUSION keeps every full version and commit tag immutable; floating tags, latest and the cache move', () => {
    const s = settingsFor({ 'ref-tags': 'semver,branch' }, 'refs/tags/v1.2.3')
    expect(s.repository.tagMutability).toBe('MUTABLE_WITH_EXCLUSION')
    expect(s.repository.tagMutabilityExclusions).toEqual(['*.*.*', 'sha-*'])
    expect(s.repository.tagMutabilityStated).toBe(false)
  })

  test('MUTABLE_WITH_EXCLUSION stated without filters: the version filters, not latest', () => {
    const s = settingsFor({ 'tag-mutability': 'MUTABLE_WITH_EXCLUSION' }, 'refs/tags/v1.2.3')
    expect(s.repository.tagMutabilityExclusions).toEqual(['*.*.*', 'sha-*'])
  })

  test.each<[string, Record<string, string>, string, string, string]>([
    ['a version no filter keeps immutable', { version: 'build-42', 'ref-tags': 'branch' }, 'refs/heads/main', 'tag-mutability-exclusions', "the version 'build-42' could be overwritten"],
    [
      'a branch tag that looks like a version',
      { 'ref-tags': 'branch' },
      'refs/heads/release/1.2.x',
      'ref-tags',
      "'release-1.2.x' moves with every release of its line, but MUTABLE_WITH_EXCLUSION (*.*.*, sha-*) keeps it immutable (it matches '*.*.*')"
    ],
    [
      'floating tags in a repository that keeps all but latest immutable',
      { 'ref-tags': 'semver', 'tag-mutability': 'IMMUTABLE_WITH_EXCLUSION', 'tag-mutability-exclusions': 'latest' },
      'refs/tags/v1.2.3',
      'ref-tags',
      "'1.2' moves"
    ],
    ['a cache tag a version filter matches', { 'ref-tags': 'semver', 'cache-tag': 'cache.v1.x' }, 'refs/tags/v1.2.3', 'cache-tag', "'cache.v1.x' would be immutable"]
  ])('refused before any AWS call: %s', (_, inputs, ref, input, text) => {
    const error = inputErrorOf(() => settingsFor(inputs, ref))
    expect(error.message).toMatch(new RegExp(`^Input '${input}': `))
    expect(error.message).toContain(text)
  })

  test('an existing immutable repository is not loosened on its own: the plan warns that the floating tags stay and names the setting that lets them move; sha- tags need not move', () => {
    const s = settingsFor({ 'ref-tags': 'semver,sha' }, 'refs/tags/v1.2.3')
    expect(movingTags(s)).toEqual(['latest', '1.2', '1', 'buildcache--v1.2.3'])
    const current = {
      uri: `${REGISTRY}/team/web`,
      arn: 'arn:aws:ecr:us-east-1:123456789012:repository/team/web',
      mutability: { mode: 'IMMUTABLE_WITH_EXCLUSION' as const, exclusions: ['latest', 'buildcache*'] },
      scanOnPush: true,
      encryption: { type: 'AES256' }
    }
    const plan = planRepository(current, s.repository, movingTags(s))
    expect(plan.changes).toEqual([])
    expect(plan.warnings).toEqual([
      "the repository keeps '1.2', '1' immutable, so pushing it again will be refused: set tag-mutability: MUTABLE_WITH_EXCLUSION (versions *.*.* and sha-* stay immutable) to let floating tags move."
    ])
  })

  test('the check itself: IMMUTABLE_WITH_EXCLUSION naming the floating tags exactly passes', () => {
    expect(() => checkTagMutability({ mode: 'IMMUTABLE_WITH_EXCLUSION', exclusions: ['latest', '1.2', '1'] }, { version: '1.2.3', floating: ['1.2', '1', 'latest'], floats: true })).not.toThrow()
  })
})

describe('matchesFilter', () => {
  test.each<[string, string, boolean]>([
    ['latest', 'latest', true],
    ['latest2', 'latest', false],
    ['my-latest', 'latest', false],
    ['latest', 'lat*', true],
    ['release-1.2.3', 'release-*', true],
    ['release-', 'release-*', true],
    ['release', 'release-*', false],
    ['v1.2', 'v*.*', true],
    ['v1x2', 'v1.2', false],
    ['v1.2', 'v1.2', true],
    ['anything', '*', true],
    ['dev-x-final', 'dev-*-final', true],
    ['dev-x-finalized', 'dev-*-final', false],
    ['Latest', 'latest', false]
  ])('%j against %j → %s', (tag, filter, expected) => {
    expect(matchesFilter(tag, filter)).toBe(expected)
  })
})

describe('isTagMutable', () => {
  const modes: Record<string, Mutability> = {
    MUTABLE: { mode: 'MUTABLE', exclusions: [] },
    IMMUTABLE: { mode: 'IMMUTABLE', exclusions: [] },
    IMMUTABLE_WITH_EXCLUSION: { mode: 'IMMUTABLE_WITH_EXCLUSION', exclusions: ['latest', 'dev-*'] },
    MUTABLE_WITH_EXCLUSION: { mode: 'MUTABLE_WITH_EXCLUSION', exclusions: ['v*', 'release-*'] }
  }
  test.each<[keyof typeof modes, string, boolean]>([
    ['MUTABLE', 'latest', true],
    ['MUTABLE', '1.2.3', true],
    ['IMMUTABLE', 'latest', false],
    ['IMMUTABLE', '1.2.3', false],
    ['IMMUTABLE_WITH_EXCLUSION', 'latest', true],
    ['IMMUTABLE_WITH_EXCLUSION', 'dev-feature', true],
    ['IMMUTABLE_WITH_EXCLUSION', '1.2.3', false],
    ['IMMUTABLE_WITH_EXCLUSION', 'latest-2', false],
    ['MUTABLE_WITH_EXCLUSION', 'latest', true],
    ['MUTABLE_WITH_EXCLUSION', 'v1.2.3', false],
    ['MUTABLE_WITH_EXCLUSION', 'release-7', false],
    ['MUTABLE_WITH_EXCLUSION', 'sha-0123abc', true]
  ])('%s: %j mutable → %s', (mode, tag, expected) => {
    expect(isTagMutable(tag, modes[mode] as Mutability)).toBe(expected)
  })
})

describe('sameMutability / describeMutability', () => {
  test('exclusion order and duplicates do not matter, the mode does', () => {
    const a: Mutability = { mode: 'IMMUTABLE_WITH_EXCLUSION', exclusions: ['latest', 'dev-*'] }
    expect(sameMutability(a, { mode: 'IMMUTABLE_WITH_EXCLUSION', exclusions: ['dev-*', 'latest', 'latest'] })).toBe(true)
    expect(sameMutability(a, { mode: 'MUTABLE_WITH_EXCLUSION', exclusions: ['latest', 'dev-*'] })).toBe(false)
    expect(sameMutability(a, { mode: 'IMMUTABLE_WITH_EXCLUSION', exclusions: ['latest'] })).toBe(false)
    expect(sameMutability(a, { mode: 'IMMUTABLE_WITH_EXCLUSION', exclusions: ['latest', 'dev-'] })).toBe(false)
  })

  test('describes the mode with its exclusions', () => {
    expect(describeMutability({ mode: 'IMMUTABLE', exclusions: [] })).toBe('IMMUTABLE')
    expect(describeMutability({ mode: 'IMMUTABLE_WITH_EXCLUSION', exclusions: ['latest', 'dev-*'] })).toBe('IMMUTABLE_WITH_EXCLUSION (latest, dev-*)')
  })
})
