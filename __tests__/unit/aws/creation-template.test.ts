/**
 * Repository creation templates: which template ECR's prefix rule picks, the merge of
 * stated / template / default for each setting, the template that would freeze `latest`,
 * and ensureRepository reading templates only for a repository it creates.
 */
import { fromApi, pickTemplate, withTemplate, type CreationTemplate, type TemplateSetting } from '../../../src/aws/creation-template.js'
import { ActionError } from '../../../src/errors.js'
import { DEFAULT_LIFECYCLE } from '../../../src/settings/lifecycle-policy.js'
import { readSettings } from '../../../src/settings/read.js'
import type { Settings } from '../../../src/settings/types.js'
import { makeWorkspace, stepEnv, type TempWorkspace } from '../../fixtures/workspace.js'

const KEY = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'

const STATED_KEY = 'arn:aws:kms:us-east-1:123456789012:key/99999999-12ab-34cd-56ef-1234567890ab'

const TEMPLATE_POLICY = {
  rules: [{ rulePriority: 1, description: 'Expire after 30 days', selection: { tagStatus: 'any', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 30 }, action: { type: 'expire' } }]
}

const ACCESS = '{"Version":"2012-10-17","Statement":[{"Sid":"Pull","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":["ecr:BatchGetImage"]}]}'

let ws: TempWorkspace

beforeAll(() => {
  ws = makeWorkspace()
})

afterAll(() => ws.remove())

const repo = (inputs: Record<string, string> = {}): Settings['repository'] => readSettings(stepEnv(ws.dir, { repository: 'team/web', cache: 'none', ...inputs })).repository

type Over = { [K in keyof CreationTemplate]?: CreationTemplate[K] | undefined }

/** A template for `team`; a key given as undefined is left out. */
const template = (over: Over = {}): CreationTemplate => Object.fromEntries(Object.entries({ ...base, ...over }).filter(([, v]) => v !== undefined)) as unknown as CreationTemplate

const base: CreationTemplate = {
  prefix: 'team',
  appliedFor: ['CREATE_ON_PUSH'],
  encryption: { type: 'KMS', kmsKey: KEY },
  tags: [
    { Key: 'owner', Value: 'platform' },
    { Key: 'cost-center', Value: 'cc-1' }
  ],
  mutability: { mode: 'MUTABLE', exclusions: [] },
  repositoryPolicy: ACCESS,
  lifecyclePolicy: JSON.stringify(TEMPLATE_POLICY)
}

describe('pickTemplate: the longest prefix followed by /, else ROOT; CREATE_ON_PUSH only', () => {
  const t = (prefix: string, appliedFor = ['CREATE_ON_PUSH']): CreationTemplate => ({ prefix, appliedFor, tags: [] })
  const all = [t('ROOT'), t('team'), t('team/web'), t('prod/'), t('cache', ['PULL_THROUGH_CACHE'])]
  test.each([
    ['team/web/api', 'team/web'],
    ['team/web', 'team'],
    ['team/webx', 'team'],
    ['teams/web', 'ROOT'],
    ['team', 'ROOT'],
    ['prod/app', 'prod/'],
    ['cache/app', 'ROOT'],
    ['other/app', 'ROOT']
  ])('%s → %s', (name, prefix) => {
    expect(pickTemplate(name, all)?.prefix).toBe(prefix)
  })
  test('no ROOT and no prefix: none', () => {
    expect(pickTemplate('other/app', [t('team')])).toBeUndefined()
  })
})

describe('withTemplate: stated, else the template, else the default — setting by setting', () => {
  test.each<[string, Record<string, string>, Over, (r: Settings['repository']) => unknown, unknown, TemplateSetting | undefined]>([
    ['mutability from the template', {}, {}, r => [r.tagMutability, r.tagMutabilityExclusions], ['MUTABLE', []], 'tag mutability'],
    [
      'mutability stated',
      { 'tag-mutability': 'MUTABLE_WITH_EXCLUSION', 'tag-mutability-exclusions': 'v*' },
      {},
      r => [r.tagMutability, r.tagMutabilityExclusions],
      ['MUTABLE_WITH_EXCLUSION', ['v*']],
      undefined
    ],
    ['mutability default', {}, { mutability: undefined }, r => [r.tagMutability, r.tagMutabilityExclusions], ['IMMUTABLE_WITH_EXCLUSION', ['latest', 'sha256-*']], undefined],
    ['encryption from the template', {}, {}, r => r.encryption, { type: 'KMS', kmsKey: KEY }, 'encryption'],
    ['encryption stated', { encryption: 'KMS', 'kms-key': STATED_KEY }, {}, r => r.encryption, { type: 'KMS', kmsKey: STATED_KEY }, undefined],
    ['encryption AES256 stated', { encryption: 'AES256' }, {}, r => r.encryption, { type: 'AES256' }, undefined],
    ['encryption default', {}, { encryption: undefined }, r => r.encryption, { type: 'AES256' }, undefined],
    ['lifecycle from the template', {}, {}, r => [r.lifecycle.policy, r.lifecycle.stated], [TEMPLATE_POLICY, false], 'lifecycle policy'],
    ['lifecycle stated', { 'lifecycle-keep-count': '5' }, {}, r => r.lifecycle.source, 'lifecycle-* inputs', undefined],
    ['lifecycle default', {}, { lifecyclePolicy: undefined }, r => r.lifecycle.source, 'default policy', undefined],
    ['access policy from the template', {}, {}, r => r.accessPolicy, { text: ACCESS, source: 'from template team' }, 'access policy'],
    ['access policy stated', { 'pull-principals': 'arn:aws:iam::444455556666:root' }, {}, r => r.accessPolicy?.source, 'pull-principals', undefined],
    ['access policy default (none)', {}, { repositoryPolicy: undefined }, r => r.accessPolicy, undefined, undefined]
  ])('%s', (_, inputs, over, pick, expected, setting) => {
    const out = withTemplate(repo(inputs), template(over), ['latest'])
    expect(pick(out.repository)).toEqual(expected)
    // the setting is named "from template" exactly when it came from it
    const named = (['tag mutability', 'encryption', 'lifecycle policy', 'access policy'] as const).filter(
      x => out.template?.settings.includes(x) && _.startsWith(x === 'tag mutability' ? 'mutability' : (x.split(' ')[0] ?? ''))
    )
    expect(named).toEqual(setting === undefined ? [] : [setting])
  })

  test('tags: the template’s and the stated, a stated key winning', () => {
    const out = withTemplate(repo({ 'repository-tags': 'owner=web-team\nteam=web' }), template(), ['latest'])
    expect(out.repository.tags).toEqual([
      { Key: 'cost-center', Value: 'cc-1' },
      { Key: 'owner', Value: 'web-team' },
      { Key: 'team', Value: 'web' }
    ])
    expect(out.template?.tags).toEqual(['cost-center=cc-1'])
  })

  test('no template: the settings as read', () => {
    const desired = repo()
    expect(withTemplate(desired, undefined, ['latest'])).toEqual({ repository: desired })
    expect(desired.lifecycle.policy).toEqual(expect.objectContaining({ rules: expect.any(Array) }))
    expect(desired.lifecycle.source).toBe('default policy')
    expect(DEFAULT_LIFECYCLE.keepCount).toBeGreaterThan(0)
  })

  test('IMMUTABLE_WITH_EXCLUSION from a template keeps the registry cache mutable', () => {
    const desired = readSettings(stepEnv(ws.dir, { repository: 'team/web' })).repository
    const out = withTemplate(desired, template({ mutability: { mode: 'IMMUTABLE_WITH_EXCLUSION', exclusions: ['latest'] } }), ['latest', desired.cacheTag ?? ''])
    expect(out.repository.tagMutabilityExclusions).toEqual(['latest', desired.cacheFilter])
  })

  describe('a template that would keep latest immutable', () => {
    const immutable = template({ mutability: { mode: 'IMMUTABLE', exclusions: [] } })
    test('stops the run in one line naming the template and the two ways out', () => {
      const run = () => withTemplate(repo(), immutable, ['latest'])
      expect(run).toThrow(ActionError)
      expect(run).toThrow(
        "Repository creation template 'team' makes new repositories IMMUTABLE, so this run could not move 'latest': state tag-mutability (e.g. IMMUTABLE_WITH_EXCLUSION with tag-mutability-exclusions: latest) in the workflow, or set latest: false."
      )
    })
    test('IMMUTABLE_WITH_EXCLUSION whose filters miss latest: the same', () => {
      expect(() => withTemplate(repo(), template({ mutability: { mode: 'IMMUTABLE_WITH_EXCLUSION', exclusions: ['dev-*'] } }), ['latest'])).toThrow(/could not move 'latest'/)
    })
    test('no latest pushed, or mutability stated: fine', () => {
      expect(withTemplate(repo({ latest: 'false' }), immutable, []).repository.tagMutability).toBe('IMMUTABLE')
      expect(withTemplate(repo({ 'tag-mutability': 'MUTABLE' }), immutable, ['latest']).repository.tagMutability).toBe('MUTABLE')
    })
  })

  test('fromApi reads the API shape', () => {
    expect(
      fromApi({
        prefix: 'team',
        appliedFor: ['CREATE_ON_PUSH'],
        encryptionConfiguration: { encryptionType: 'KMS', kmsKey: KEY },
        resourceTags: [{ Key: 'owner', Value: 'platform' }],
        imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
        imageTagMutabilityExclusionFilters: [{ filterType: 'WILDCARD', filter: 'latest' }],
        lifecyclePolicy: '{"rules":[]}',
        repositoryPolicy: ACCESS
      })
    ).toEqual({
      prefix: 'team',
      appliedFor: ['CREATE_ON_PUSH'],
      encryption: { type: 'KMS', kmsKey: KEY },
      tags: [{ Key: 'owner', Value: 'platform' }],
      mutability: { mode: 'IMMUTABLE_WITH_EXCLUSION', exclusions: ['latest'] },
      lifecyclePolicy: '{"rules":[]}',
      repositoryPolicy: ACCESS
    })
  })
})
