/**
 * Lifecycle safety for referrers: a lifecycle policy that would expire an image's
 * attestations is named.
 */
import { referrerRisk } from '../../../src/supply/lifecycle.js'
import { readSettings } from '../../../src/settings/read.js'
import { makeWorkspace, stepEnv } from '../../fixtures/workspace.js'

describe('lifecycle safety for referrers', () => {
  const rule = (priority: number, selection: Record<string, unknown>, description?: string) => ({
    rulePriority: priority,
    ...(description ? { description } : {}),
    selection,
    action: { type: 'expire' }
  })
  const stated = (...rules: ReturnType<typeof rule>[]) => ({ stated: true as const, source: 'lifecycle-policy', policy: { rules } as never })
  const keepTen = rule(2, { tagStatus: 'tagged', tagPatternList: ['*'], countType: 'imageCountMoreThan', countNumber: 10 }, 'Keep 10')

  test('the generated policies (default and shorthand) protect sha256-* ahead of every rule that could expire a referrer', () => {
    const ws = makeWorkspace()
    try {
      for (const inputs of [{}, { 'lifecycle-keep-count': '5' }, { 'lifecycle-expire-days': '30', 'lifecycle-protect-tags': 'release-*' }]) {
        const { lifecycle } = readSettings(stepEnv(ws.dir, { repository: 'team/web', ...inputs })).repository
        expect(referrerRisk({ ...lifecycle, stated: true })).toBeUndefined()
      }
    } finally {
      ws.remove()
    }
  })

  test.each([
    ['a tagged rule over every tag', stated(rule(1, { tagStatus: 'tagged', tagPatternList: ['*'], countType: 'imageCountMoreThan', countNumber: 10 }, 'Keep 10'))],
    ['an "any" rule by age', stated(rule(1, { tagStatus: 'any', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 1 }))],
    ['a sha* prefix rule', stated(rule(1, { tagStatus: 'tagged', tagPrefixList: ['sha'], countType: 'sinceImagePushed', countUnit: 'days', countNumber: 7 }))]
  ])('a stated policy with %s: a hint naming the rule and the protection to put ahead of it', (_, intent) => {
    expect(referrerRisk(intent)).toMatch(/^The lifecycle policy's rule of priority 1.*may expire them while their image is in use.*"tagPatternList": \["sha256-\*"\]/)
  })

  test('no hint: protected first, only untagged or other tags selected, or the policy is not stated', () => {
    const protect = rule(1, { tagStatus: 'tagged', tagPatternList: ['sha256-*'], countType: 'imageCountMoreThan', countNumber: 10000 })
    expect(referrerRisk(stated(protect, keepTen))).toBeUndefined()
    expect(referrerRisk(stated(rule(1, { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 1 })))).toBeUndefined()
    expect(referrerRisk(stated(rule(1, { tagStatus: 'tagged', tagPatternList: ['v*'], countType: 'imageCountMoreThan', countNumber: 3 })))).toBeUndefined()
    expect(referrerRisk({ ...stated(keepTen), stated: false as never })).toBeUndefined()
  })
})
