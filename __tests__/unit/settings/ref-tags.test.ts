/** Tags from the git ref (`ref-tags`), full references in `tags`, and the mutability they need. */
import { readRefTags, refValues } from '../../../src/settings/ref-tags.js'
import { readSettings } from '../../../src/settings/read.js'
import { checkReferenceHosts, readTagsInput } from '../../../src/settings/tag-references.js'
import { checkTagMutability } from '../../../src/settings/tag-mutability.js'
import { ActionError, InputError } from '../../../src/errors.js'
import { planRepository } from '../../../src/aws/repository-plan.js'
import { movingTags } from '../../../src/aws/destination.js'
import { makeWorkspace, SHA, stepEnv, type TempWorkspace } from '../../fixtures/workspace.js'

const REGISTRY = '123456789012.dkr.ecr.us-east-1.amazonaws.com'
const SHORT = SHA.slice(0, 7)

let ws: TempWorkspace
beforeAll(() => {
  ws = makeWorkspace()
})
afterAll(() => ws.remove())

const settingsFor = (inputs: Record<string, string>, ref: string, event = 'push') =>
  readSettings(stepEnv(ws.dir, { repository: 'team/web', ...inputs }, { GITHUB_REF: ref, GITHUB_EVENT_NAME: event }))

const errorOf = (f: () => unknown): Error => {
  try {
    f()
  } catch (error) {
    return error as Error
  }
  throw new Error('no error')
}

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
    const error = errorOf(() => readRefTags(item, refValues({ version: '1.2.3', ref: 'refs/heads/main', sha: SHA })))
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toMatch(/^Input 'ref-tags': /)
    expect(error.message).toContain(fix)
  })
})

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
    ['a branch tag that looks like a version', { 'ref-tags': 'branch' }, 'refs/heads/release/1.2.x', 'ref-tags', "'release-1.2.x' moves with every release of its line, but MUTABLE_WITH_EXCLUSION (*.*.*, sha-*) keeps it immutable (it matches '*.*.*')"],
    ['floating tags in a repository that keeps all but latest immutable', { 'ref-tags': 'semver', 'tag-mutability': 'IMMUTABLE_WITH_EXCLUSION', 'tag-mutability-exclusions': 'latest' }, 'refs/tags/v1.2.3', 'ref-tags', "'1.2' moves"],
    ['a cache tag a version filter matches', { 'ref-tags': 'semver', 'cache-tag': 'cache.v1.x' }, 'refs/tags/v1.2.3', 'cache-tag', "'cache.v1.x' would be immutable"]
  ])('refused before any AWS call: %s', (_, inputs, ref, input, text) => {
    const error = errorOf(() => settingsFor(inputs, ref))
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toMatch(new RegExp(`^Input '${input}': `))
    expect(error.message).toContain(text)
    expect(error.message).not.toContain('\n')
  })

  test('an existing immutable repository is not loosened on its own: the plan warns that the floating tags stay and names the setting that lets them move; sha- tags need not move', () => {
    const s = settingsFor({ 'ref-tags': 'semver,sha' }, 'refs/tags/v1.2.3')
    expect(movingTags(s)).toEqual(['latest', '1.2', '1', 'buildcache--v1.2.3'])
    const current = { uri: `${REGISTRY}/team/web`, arn: 'arn:aws:ecr:us-east-1:123456789012:repository/team/web', mutability: { mode: 'IMMUTABLE_WITH_EXCLUSION' as const, exclusions: ['latest', 'buildcache*'] }, scanOnPush: true, encryption: { type: 'AES256' } }
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

describe('tags: full references to this repository', () => {
  test.each<[string, string[], string[]]>([
    [`${REGISTRY}/team/web:1.2.3`, ['1.2.3'], [REGISTRY]],
    ['team/web:edge', ['edge'], []],
    [`123456789012.dkr-ecr.us-east-1.on.aws/team/web:v1`, ['v1'], ['123456789012.dkr-ecr.us-east-1.on.aws']],
    ['stable', ['stable'], []]
  ])('%s → its tag', (item, tags, hosts) => {
    expect(readTagsInput([item], 'team/web', 'us-east-1', 'private')).toEqual({ tags, hosts })
  })

  test('what metadata-action gives, as settings: the tags follow the version without duplicates', () => {
    const s = settingsFor({ version: '1.2.3', tags: `${REGISTRY}/team/web:1.2.3\n${REGISTRY}/team/web:1.2\n${REGISTRY}/team/web:latest` }, 'refs/tags/v1.2.3')
    expect(s.image.tags).toEqual(['1.2.3', 'latest', '1.2'])
    expect(s.image.referenceHosts).toEqual([REGISTRY])
  })

  test.each([
    ['ghcr.io/acme/web:1.2.3', "'ghcr.io/acme/web:1.2.3' is not in this step's repository (team/web)"],
    [`${REGISTRY}/team/api:1.2.3`, 'is not in this step'],
    [`123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/web:1.2.3`, 'is not in this step'],
    [`${REGISTRY}/team/web@sha256:${'a'.repeat(64)}`, 'names an image by digest']
  ])('%s is refused in one line naming the input to use', (item, text) => {
    const error = errorOf(() => settingsFor({ tags: item }, 'refs/heads/main'))
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toMatch(/^Input 'tags': /)
    expect(error.message).toContain(text)
    expect(error.message).not.toContain('\n')
  })

  test('another repository says which input to use instead', () => {
    expect(errorOf(() => settingsFor({ tags: 'ghcr.io/acme/web:1' }, 'refs/heads/main')).message).toContain("tags takes tags of 'repository' only; push to another repository with a step of its own (its repository input)")
  })

  test('after sign-in: a reference to another account is refused; the same account by its dual-stack name is not', () => {
    expect(() => checkReferenceHosts([REGISTRY, '123456789012.dkr-ecr.us-east-1.on.aws'], `${REGISTRY}/team/web`, 'team/web')).not.toThrow()
    const error = errorOf(() => checkReferenceHosts(['210987654321.dkr.ecr.us-east-1.amazonaws.com'], `${REGISTRY}/team/web`, 'team/web'))
    expect(error).toBeInstanceOf(ActionError)
    expect(error.message).toBe(
      `Input 'tags': '210987654321.dkr.ecr.us-east-1.amazonaws.com/team/web' is not this run's repository (${REGISTRY}/team/web): tags takes tags of 'repository' only; push to another registry with a step of its own (its role-to-assume and repository inputs).`
    )
  })
})
