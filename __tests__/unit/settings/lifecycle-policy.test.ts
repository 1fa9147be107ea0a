/**
 * Lifecycle policies: every documented rule refused with its own message, every documented
 * example (and the user's notes) accepted as written, the generated policies, comparison.
 */
import { DEFAULT_LIFECYCLE, formatLifecyclePolicy, generateLifecyclePolicy, lifecyclePoliciesEqual, validateLifecyclePolicy } from '../../../src/settings/lifecycle-policy.js'
import { LIFECYCLE_EXAMPLES } from '../../fixtures/lifecycle-examples.js'

const INPUT = 'lifecycle-policy'

/** One valid rule to vary. */
const rule = (over: Record<string, unknown> = {}, selection: Record<string, unknown> = {}) => ({
  rulePriority: 1,
  description: 'r',
  selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 14, ...selection },
  action: { type: 'expire' },
  ...over
})
const policy = (...rules: unknown[]) => JSON.stringify({ rules })

const invalid: [string, string, string][] = [
  ['not JSON', '{"rules": [', 'is not valid JSON'],
  ['a list instead of an object', '[]', 'must be a JSON object with a "rules" list'],
  ['no rules', '{}', 'rules: give a list of 1 to 50 rules'],
  ['an empty rules list', '{"rules": []}', 'rules: give a list of 1 to 50 rules'],
  ['51 rules', policy(...Array.from({ length: 51 }, (_, i) => rule({ rulePriority: i + 1 }, { tagStatus: 'tagged', tagPatternList: [`t${i}`] }))), 'has 51 rules; ECR takes at most 50'],
  ['an unknown top-level property', '{"rules": [], "version": 1}', 'unknown property "version"'],
  ['an unknown rule property', policy(rule({ priority: 2 })), 'rules[0]: unknown property "priority"'],
  ['an unknown selection property', policy(rule({}, { tagList: ['a'] })), 'rules[0].selection: unknown property "tagList"'],
  ['an unknown action property', policy(rule({ action: { type: 'expire', when: 'now' } })), 'rules[0].action: unknown property "when"'],
  ['a fractional priority', policy(rule({ rulePriority: 1.5 })), 'rules[0].rulePriority: must be a whole number'],
  ['priority zero', policy(rule({ rulePriority: 0 })), 'rules[0].rulePriority: must be a whole number of 1 or more'],
  ['priority as a string', policy(rule({ rulePriority: '1' })), 'rules[0].rulePriority: must be a whole number'],
  ['duplicate priorities', policy(rule(), rule({}, { tagStatus: 'tagged', tagPatternList: ['a'] })), 'rules[1].rulePriority: 1 is also the priority of rules[0]'],
  ['an unknown tagStatus', policy(rule({}, { tagStatus: 'all' })), 'rules[0].selection.tagStatus: must be "tagged", "untagged" or "any"'],
  ['tagged without a tag list', policy(rule({}, { tagStatus: 'tagged' })), 'a "tagged" rule needs exactly one of tagPatternList or tagPrefixList'],
  ['tagged with both lists', policy(rule({}, { tagStatus: 'tagged', tagPatternList: ['a*'], tagPrefixList: ['a'] })), 'a "tagged" rule needs exactly one of tagPatternList or tagPrefixList'],
  ['tagged with an empty list', policy(rule({}, { tagStatus: 'tagged', tagPrefixList: [] })), 'tagPrefixList: must be a non-empty list'],
  ['untagged with a tag list', policy(rule({}, { tagPrefixList: ['a'] })), 'a "untagged" rule takes no tag list'],
  ['any with a tag list', policy(rule({}, { tagStatus: 'any', tagPatternList: ['a*'] })), 'a "any" rule takes no tag list'],
  ['five wildcards in a pattern', policy(rule({}, { tagStatus: 'tagged', tagPatternList: ['a*b*c*d*e*'] })), 'has more than 4 wildcards'],
  ['two untagged rules', policy(rule(), rule({ rulePriority: 2 })), 'only one rule may select untagged images, and rules[0] already does'],
  [
    'an any rule that is not last',
    policy(rule({}, { tagStatus: 'any' }), rule({ rulePriority: 2 }, { tagStatus: 'tagged', tagPatternList: ['a'] })),
    'rules[0].rulePriority: a rule with tagStatus "any" must have the highest rulePriority'
  ],
  ['an unknown countType', policy(rule({}, { countType: 'sinceImageBuilt' })), 'rules[0].selection.countType: must be one of'],
  ['imageCountMoreThan with a countUnit', policy(rule({}, { countType: 'imageCountMoreThan' })), 'imageCountMoreThan takes no countUnit'],
  ['sinceImagePushed without a countUnit', policy(rule({}, { countUnit: undefined })), 'sinceImagePushed needs "countUnit": "days"'],
  ['countUnit hours', policy(rule({}, { countUnit: 'hours' })), 'needs "countUnit": "days"'],
  ['countNumber zero', policy(rule({}, { countNumber: 0 })), 'rules[0].selection.countNumber: must be a whole number of 1 or more'],
  ['countNumber as a string', policy(rule({}, { countNumber: '14' })), 'countNumber: must be a whole number'],
  ['an unknown storage class', policy(rule({}, { storageClass: 'glacier' })), 'storageClass: must be "standard" or "archive"'],
  ['sinceImageTransitioned on standard images', policy(rule({}, { countType: 'sinceImageTransitioned' })), 'sinceImageTransitioned selects archived images'],
  ['an unknown action', policy(rule({ action: { type: 'delete' } })), 'rules[0].action.type: must be "expire" or "transition"'],
  ['no action', policy(rule({ action: undefined })), 'rules[0].action: is required'],
  ['transition without a target', policy(rule({ action: { type: 'transition' } })), 'a transition needs "targetStorageClass": "archive"'],
  ['expire with a target storage class', policy(rule({ action: { type: 'expire', targetStorageClass: 'archive' } })), 'is only for "transition"'],
  ['transition of archived images', policy(rule({ action: { type: 'transition', targetStorageClass: 'archive' } }, { storageClass: 'archive' })), 'archived images can only be expired'],
  ['a description that is not text', policy(rule({ description: 7 })), 'rules[0].description: must be a string'],
  ['a policy over 30,720 characters', policy(rule({ description: 'x'.repeat(30720) })), 'ECR takes at most 30720']
]

describe('validateLifecyclePolicy refuses', () => {
  test.each(invalid)('%s', (_name, text, message) => {
    expect(() => validateLifecyclePolicy(text, INPUT)).toThrow(message)
    expect(() => validateLifecyclePolicy(text, INPUT)).toThrow(/^Input 'lifecycle-policy': /)
  })
})

describe('validateLifecyclePolicy accepts what ECR accepts', () => {
  test.each(LIFECYCLE_EXAMPLES.map(e => [e.name, e.policy] as [string, object]))('%s', (_name, example) => {
    const text = JSON.stringify(example, null, 2)
    expect(validateLifecyclePolicy(text, INPUT)).toEqual(example)
  })

  test('an any rule last, with untagged and tagged rules before it', () => {
    const text = policy(
      rule(),
      rule({ rulePriority: 5 }, { tagStatus: 'tagged', tagPatternList: ['release-*'], countType: 'imageCountMoreThan', countUnit: undefined }),
      rule({ rulePriority: 9 }, { tagStatus: 'any', countType: 'sinceImagePulled', countNumber: 365 })
    )
    expect(validateLifecyclePolicy(text, INPUT).rules).toHaveLength(3)
  })

  test('four wildcards in a pattern', () => {
    expect(() => validateLifecyclePolicy(policy(rule({}, { tagStatus: 'tagged', tagPatternList: ['*test*1*2*3'] })), INPUT)).not.toThrow()
  })
})

describe('generateLifecyclePolicy', () => {
  test('the default: protect latest, untagged after 14 days, keep the newest 100 tagged', () => {
    expect(generateLifecyclePolicy(DEFAULT_LIFECYCLE)).toEqual({
      rules: [
        {
          rulePriority: 1,
          description: 'Protect latest',
          selection: { tagStatus: 'tagged', tagPatternList: ['latest'], countType: 'imageCountMoreThan', countNumber: 10000 },
          action: { type: 'expire' }
        },
        {
          rulePriority: 2,
          description: 'Expire untagged images after 14 days',
          selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 14 },
          action: { type: 'expire' }
        },
        {
          rulePriority: 3,
          description: 'Keep the newest 100 tagged images',
          selection: { tagStatus: 'tagged', tagPatternList: ['*'], countType: 'imageCountMoreThan', countNumber: 100 },
          action: { type: 'expire' }
        }
      ]
    })
  })

  test('expire-days instead of a keep count, several protected patterns each in a rule of its own', () => {
    const p = generateLifecyclePolicy({ expireDays: 30, untaggedDays: 3, protectTags: ['latest', 'release-*'] })
    expect(p.rules.map(r => r.selection.tagPatternList ?? r.selection.tagStatus)).toEqual([['latest'], ['release-*'], 'untagged', ['*']])
    expect(p.rules.map(r => r.rulePriority)).toEqual([1, 2, 3, 4])
    expect(p.rules[3]?.selection).toMatchObject({ countType: 'sinceImagePushed', countUnit: 'days', countNumber: 30 })
    expect(p.rules[2]?.selection.countNumber).toBe(3)
  })

  test('no protected tags', () => {
    const p = generateLifecyclePolicy({ keepCount: 5, untaggedDays: 1, protectTags: [] })
    expect(p.rules.map(r => r.selection.tagStatus)).toEqual(['untagged', 'tagged'])
  })

  test.each([[DEFAULT_LIFECYCLE], [{ expireDays: 1, untaggedDays: 1, protectTags: ['a*b*c*d*', 'latest', 'v*'] }], [{ keepCount: 10000, untaggedDays: 36500, protectTags: ['prod'] }]])(
    'every generated policy validates (%#)',
    opts => {
      const text = formatLifecyclePolicy(generateLifecyclePolicy(opts))
      expect(validateLifecyclePolicy(text, INPUT)).toEqual(JSON.parse(text))
    }
  )
})

describe('lifecyclePoliciesEqual', () => {
  const base = generateLifecyclePolicy(DEFAULT_LIFECYCLE)

  test('key order and white space do not matter', () => {
    const reordered = JSON.stringify(
      {
        rules: base.rules.map(r => ({ action: r.action, selection: { ...r.selection }, description: r.description, rulePriority: r.rulePriority }))
      },
      null,
      4
    )
    expect(lifecyclePoliciesEqual(reordered, base)).toBe(true)
  })

  test('rules listed in another order are the same policy (ECR orders them by priority)', () => {
    expect(lifecyclePoliciesEqual({ rules: [...base.rules].reverse() }, base)).toBe(true)
  })

  test('a changed countNumber differs', () => {
    const changed = generateLifecyclePolicy({ ...DEFAULT_LIFECYCLE, keepCount: 99 })
    expect(lifecyclePoliciesEqual(changed, base)).toBe(false)
  })

  test('text that is not JSON differs from any policy', () => {
    expect(lifecyclePoliciesEqual('not json', base)).toBe(false)
  })
})
