/**
 * Planning the repository: pure comparisons of the repository ECR describes with the
 * settings (mutability, scanning, encryption, lifecycle policy, the registry cache's filters).
 */
import { readSettings } from '../../../src/settings/read.js'
import type { Settings } from '../../../src/settings/types.js'
import { formatLifecyclePolicy } from '../../../src/settings/lifecycle-policy.js'
import { CLOCK_ALLOWANCE_MS, createdByThisRun, DEFAULT_POLICY_INPUT, planLifecycle, planRepository, type RepositoryState } from '../../../src/aws/repository-plan.js'
import { type Mutability, withCacheFilter } from '../../../src/settings/tag-mutability.js'
import { makeWorkspace, stepEnv, type TempWorkspace } from '../../fixtures/workspace.js'
import { cacheArgs } from '../../../src/build/plan.js'
import { settingsWorkspace } from '../../fixtures/input-error.js'

let ws: TempWorkspace

beforeAll(() => {
  ws = makeWorkspace()
})

afterAll(() => ws.remove())

const repoSettings = (inputs: Record<string, string> = {}): Settings['repository'] => readSettings(stepEnv(ws.dir, { repository: 'team/web', cache: 'none', ...inputs })).repository

const URI = '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web'

const state = (over: Partial<RepositoryState> = {}): RepositoryState => ({
  uri: URI,
  arn: 'arn:aws:ecr:us-east-1:123456789012:repository/team/web',
  mutability: { mode: 'IMMUTABLE_WITH_EXCLUSION', exclusions: ['latest'] },
  scanOnPush: true,
  encryption: { type: 'AES256' },
  ...over
})

describe('planRepository', () => {
  test('a missing repository is created with the stated settings', () => {
    const desired = repoSettings({ 'scan-on-push': 'false', encryption: 'KMS', 'kms-key': 'alias/ecr' })
    expect(planRepository(undefined, desired, ['latest'])).toEqual({
      changes: [
        {
          kind: 'create',
          mutability: { mode: 'IMMUTABLE_WITH_EXCLUSION', exclusions: ['latest', 'sha256-*'] },
          scanOnPush: false,
          encryption: { type: 'KMS', kmsKey: 'alias/ecr' }
        }
      ],
      warnings: []
    })
  })

  test('a matching repository needs nothing', () => {
    expect(planRepository(state(), repoSettings(), ['latest'])).toEqual({ changes: [], warnings: [] })
  })

  test('stated mutability and scanning that differ are changed', () => {
    const plan = planRepository(state({ mutability: { mode: 'MUTABLE', exclusions: [] }, scanOnPush: false }), repoSettings({ 'tag-mutability': 'IMMUTABLE_WITH_EXCLUSION' }), ['latest'])
    expect(plan.changes).toEqual([
      {
        kind: 'tag-mutability',
        from: { mode: 'MUTABLE', exclusions: [] },
        to: { mode: 'IMMUTABLE_WITH_EXCLUSION', exclusions: ['latest', 'sha256-*'] }
      },
      { kind: 'scan-on-push', from: false, to: true }
    ])
    expect(plan.warnings).toEqual([])
  })

  test('unstated mutability makes a MUTABLE repository immutable except latest', () => {
    const plan = planRepository(state({ mutability: { mode: 'MUTABLE', exclusions: [] } }), repoSettings(), ['latest'])
    expect(plan.changes).toEqual([{ kind: 'tag-mutability', from: { mode: 'MUTABLE', exclusions: [] }, to: { mode: 'IMMUTABLE_WITH_EXCLUSION', exclusions: ['latest', 'sha256-*'] } }])
  })

  test('unstated mutability never loosens an IMMUTABLE repository, and warns that latest cannot move', () => {
    const plan = planRepository(state({ mutability: { mode: 'IMMUTABLE', exclusions: [] } }), repoSettings(), ['latest'])
    expect(plan.changes).toEqual([])
    expect(plan.warnings).toHaveLength(1)
    expect(plan.warnings[0]).toContain("'latest'")
    expect(plan.warnings[0]).toContain('tag-mutability-exclusions: latest')
  })

  test('with the registry cache, unstated mutability adds only the cache wildcard to an IMMUTABLE_WITH_EXCLUSION repository', () => {
    const withCache = readSettings(stepEnv(ws.dir, { repository: 'team/web' })).repository
    const current = state({ mutability: { mode: 'IMMUTABLE_WITH_EXCLUSION', exclusions: ['latest', 'dev-*'] } })
    expect(planRepository(current, withCache, ['latest', 'buildcache']).changes).toEqual([
      {
        kind: 'tag-mutability',
        from: { mode: 'IMMUTABLE_WITH_EXCLUSION', exclusions: ['latest', 'dev-*'] },
        to: { mode: 'IMMUTABLE_WITH_EXCLUSION', exclusions: ['latest', 'dev-*', 'buildcache*'] }
      }
    ])
    const already = state({ mutability: { mode: 'IMMUTABLE_WITH_EXCLUSION', exclusions: ['latest', 'build*'] } })
    expect(planRepository(already, withCache, ['latest', 'buildcache']).changes).toEqual([])
  })

  test('with the registry cache, an IMMUTABLE repository stays so, with a warning that the cache tag cannot move', () => {
    const withCache = readSettings(stepEnv(ws.dir, { repository: 'team/web' })).repository
    const plan = planRepository(state({ mutability: { mode: 'IMMUTABLE', exclusions: [] } }), withCache, ['latest', 'buildcache'])
    expect(plan.changes).toEqual([])
    expect(plan.warnings[0]).toContain("'latest', 'buildcache'")
  })

  test('unstated mutability keeps other IMMUTABLE_WITH_EXCLUSION filters', () => {
    const current: Mutability = { mode: 'IMMUTABLE_WITH_EXCLUSION', exclusions: ['dev-*'] }
    const plan = planRepository(state({ mutability: current }), repoSettings(), ['latest', 'dev-build'])
    expect(plan.changes).toEqual([])
    expect(plan.warnings.join('\n')).toContain("'latest'")
    expect(plan.warnings.join('\n')).not.toContain("'dev-build'")
  })

  test('stated IMMUTABLE loosens nothing but is applied', () => {
    const plan = planRepository(state(), repoSettings({ 'tag-mutability': 'IMMUTABLE' }), [])
    expect(plan.changes).toEqual([
      {
        kind: 'tag-mutability',
        from: { mode: 'IMMUTABLE_WITH_EXCLUSION', exclusions: ['latest'] },
        to: { mode: 'IMMUTABLE', exclusions: [] }
      }
    ])
    expect(plan.warnings).toEqual([])
  })

  test.each<[string, RepositoryState['encryption'], Record<string, string>, boolean]>([
    ['KMS repository, AES256 stated', { type: 'KMS', kmsKey: 'arn:aws:kms:us-east-1:123456789012:key/abc' }, { encryption: 'AES256' }, true],
    // e.g. a repository created with a creation template's key: the workflow asks for nothing else
    ['KMS repository, no encryption stated', { type: 'KMS', kmsKey: 'arn:aws:kms:us-east-1:123456789012:key/abc' }, {}, false],
    ['AES256 repository, KMS wanted', { type: 'AES256' }, { encryption: 'KMS' }, true],
    ['another KMS key ARN', { type: 'KMS', kmsKey: 'arn:aws:kms:us-east-1:123456789012:key/abc' }, { encryption: 'KMS', 'kms-key': 'arn:aws:kms:us-east-1:123456789012:key/def' }, true],
    ['the same KMS key ARN', { type: 'KMS', kmsKey: 'arn:aws:kms:us-east-1:123456789012:key/abc' }, { encryption: 'KMS', 'kms-key': 'arn:aws:kms:us-east-1:123456789012:key/abc' }, false],
    // an alias can't be compared with the key ARN ECR describes
    ['an alias', { type: 'KMS', kmsKey: 'arn:aws:kms:us-east-1:123456789012:key/abc' }, { encryption: 'KMS', 'kms-key': 'alias/ecr' }, false],
    ['KMS with the managed key', { type: 'KMS', kmsKey: 'arn:aws:kms:us-east-1:123456789012:key/abc' }, { encryption: 'KMS' }, false]
  ])('encryption: %s → warning %s, never a change', (_, encryption, inputs, warns) => {
    const plan = planRepository(state({ encryption }), repoSettings(inputs), [])
    expect(plan.changes).toEqual([])
    expect(plan.warnings.some(w => w.includes('ECR sets encryption only when a repository is created'))).toBe(warns)
  })
})

describe('planLifecycle', () => {
  test('a repository this run created: the default is put', () => {
    const intent = repoSettings().lifecycle
    const plan = planLifecycle(undefined, intent, true)
    expect(plan).toEqual({ put: true, policy: intent.policy, text: formatLifecyclePolicy(intent.policy), reason: 'new repository: default policy' })
  })

  test('a repository this run created: a stated policy is put', () => {
    const intent = repoSettings({ 'lifecycle-keep-count': '30' }).lifecycle
    expect(planLifecycle(undefined, intent, true)).toMatchObject({ put: true, reason: 'new repository: lifecycle-* inputs' })
  })

  test('an existing repository without a policy, none stated: nothing is put, and the input that would put the default is named', () => {
    const intent = repoSettings({ cache: 'ecr', 'cache-tag': 'cache' }).lifecycle
    const plan = planLifecycle(undefined, intent, false)
    expect(plan).toEqual({
      put: false,
      reason:
        'none: the repository has no lifecycle policy and the workflow states none, so none is put and no image expires. ' +
        'lifecycle-keep-count: 100 would put the default policy (Expire the caches of refs other than the default branch (cache*--*) after 14 days; Protect latest; Protect cache*; Protect sha256-*; Expire untagged images after 14 days; Keep the newest 100 tagged images)'
    })
  })

  test('the named input states exactly the default policy', () => {
    const hinted = repoSettings({ [DEFAULT_POLICY_INPUT.split(': ')[0] ?? '']: DEFAULT_POLICY_INPUT.split(': ')[1] ?? '' }).lifecycle
    expect(hinted.stated).toBe(true)
    expect(hinted.policy).toEqual(repoSettings().lifecycle.policy)
  })

  test('an existing repository without a policy, one stated: it is put', () => {
    const intent = repoSettings({ 'lifecycle-untagged-days': '3' }).lifecycle
    expect(planLifecycle(undefined, intent, false)).toMatchObject({ put: true, reason: 'no policy yet: lifecycle-* inputs' })
  })

  test('an existing policy is kept when the workflow states none', () => {
    const other = JSON.stringify({
      rules: [{ rulePriority: 1, selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 5 }, action: { type: 'expire' } }]
    })
    expect(planLifecycle(other, repoSettings().lifecycle, false)).toEqual({
      put: false,
      reason: 'kept the existing policy (the workflow states none)'
    })
  })

  test('a stated policy equal to the current one is not put', () => {
    const intent = repoSettings({ 'lifecycle-keep-count': '30' }).lifecycle
    const plan = planLifecycle(formatLifecyclePolicy(intent.policy), intent, false)
    expect(plan.put).toBe(false)
    expect(plan.reason).toBe('already as stated by lifecycle-* inputs')
  })

  test('a stated policy that differs is put', () => {
    const intent = repoSettings({ 'lifecycle-keep-count': '30' }).lifecycle
    const current = formatLifecyclePolicy(repoSettings().lifecycle.policy)
    const plan = planLifecycle(current, intent, false)
    expect(plan.put).toBe(true)
    expect(plan.reason).toBe('differs from lifecycle-* inputs')
    if (plan.put) expect(JSON.parse(plan.text)).toEqual(JSON.parse(formatLifecyclePolicy(intent.policy)))
  })
})

describe('createdByThisRun: a repository the create found already there', () => {
  const SENT = Date.parse('2026-12-01T10:00:00Z')
  const at = (offsetMs: number): Date => new Date(SENT + offsetMs)

  test("found on a retry and created after the run's first create was sent (less the clock allowance): this run's", () => {
    expect(createdByThisRun(2, at(800), SENT)).toBe(true)
    expect(createdByThisRun(6, at(-CLOCK_ALLOWANCE_MS), SENT)).toBe(true)
  })

  test("found on the first try: never this run's, however new", () => {
    expect(createdByThisRun(1, at(800), SENT)).toBe(false)
    expect(createdByThisRun(undefined, at(800), SENT)).toBe(false)
  })

  test('created before the allowance, or with no createdAt: adopted', () => {
    expect(createdByThisRun(2, at(-CLOCK_ALLOWANCE_MS - 1), SENT)).toBe(false)
    expect(createdByThisRun(2, undefined, SENT)).toBe(false)
  })
})

describe('the registry cache', () => {
  const { settings, inputError } = settingsWorkspace()

  const REPO = '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web'

  describe('a registry cache per platform', () => {
    test("push-by-digest: each platform's job imports and exports its own cache tag", () => {
      const arm = settings({ platforms: 'linux/arm64', 'push-by-digest': 'true' })
      expect(arm.build.cache).toEqual({ type: 'ecr', tag: 'buildcache-linux-arm64', from: ['buildcache-linux-arm64'] })
      expect(arm.repository).toMatchObject({ cacheTag: 'buildcache-linux-arm64', cacheFilter: 'buildcache*' })
      expect(cacheArgs(arm.build.cache, REPO)).toEqual([
        '--cache-from',
        `type=registry,ref=${REPO}:buildcache-linux-arm64`,
        '--cache-to',
        `type=registry,ref=${REPO}:buildcache-linux-arm64,mode=max,image-manifest=true,oci-mediatypes=true,ignore-error=true`
      ])
      expect(settings({ platforms: 'linux/amd64', 'push-by-digest': 'true', 'cache-tag': 'cache' }).build.cache.tag).toBe('cache-linux-amd64')
      expect(settings({ platforms: 'linux/arm/v7', 'push-by-digest': 'true' }).build.cache.tag).toBe('buildcache-linux-arm-v7')
    })

    test('one multi-platform run, and a merge, keep the one cache tag', () => {
      expect(settings({}).build.cache.tag).toBe('buildcache')
      expect(settings({ 'merge-digests': `sha256:${'1'.repeat(64)}` }).build.cache.tag).toBe('buildcache')
    })

    test('one wildcard filter keeps every cache tag mutable, and the default lifecycle policy protects them all', () => {
      for (const inputs of [{}, { platforms: 'linux/arm64', 'push-by-digest': 'true' }]) {
        const s = settings(inputs)
        expect(s.repository.tagMutabilityExclusions).toEqual(['latest', 'sha256-*', 'buildcache*'])
        const rules = (JSON.parse(formatLifecyclePolicy(s.repository.lifecycle.policy)) as { rules: { selection: { tagPatternList?: string[] } }[] }).rules
        expect(rules[2]?.selection.tagPatternList).toEqual(['buildcache*'])
      }
    })

    test('stated filters: a wildcard that covers the cache tags is enough; an exact cache filter gives way to the wildcard', () => {
      expect(settings({ 'tag-mutability-exclusions': 'latest,build*' }).repository.tagMutabilityExclusions).toEqual(['latest', 'build*'])
      expect(settings({ 'tag-mutability-exclusions': '*' }).repository.tagMutabilityExclusions).toEqual(['*'])
      expect(settings({ 'tag-mutability-exclusions': 'latest,buildcache' }).repository.tagMutabilityExclusions).toEqual(['latest', 'buildcache*'])
      // Five filters with the exact one: the wildcard takes its place, no sixth.
      expect(settings({ 'tag-mutability-exclusions': 'a,b,c,d,buildcache' }).repository.tagMutabilityExclusions).toEqual(['a', 'b', 'c', 'd', 'buildcache*'])
      expect(inputError({ 'tag-mutability-exclusions': 'a,b,c,d,e' }).message).toBe(
        "Input 'tag-mutability-exclusions': has 5 filters and the registry cache needs one more, 'buildcache*': drop one, or list a filter that covers the cache's tags."
      )
    })

    test('withCacheFilter: a filter ending in * that matches the cache tag covers all of them', () => {
      expect(withCacheFilter(['latest', 'b*'], 'buildcache*')).toEqual(['latest', 'b*'])
      expect(withCacheFilter(['latest', 'build*cache'], 'buildcache*')).toEqual(['latest', 'build*cache', 'buildcache*'])
      expect(withCacheFilter(['latest', 'buildcache'], 'buildcache*')).toEqual(['latest', 'buildcache*'])
    })

    const state = (exclusions: string[]): RepositoryState => ({
      uri: REPO,
      arn: 'arn:aws:ecr:us-east-1:123456789012:repository/team/web',
      mutability: { mode: 'IMMUTABLE_WITH_EXCLUSION', exclusions },
      scanOnPush: true,
      encryption: { type: 'AES256' }
    })

    test('a repository made with the exact buildcache filter: a one-job run leaves it; a per-platform run gets the wildcard in its place', () => {
      const single = settings({})
      expect(planRepository(state(['latest', 'buildcache']), single.repository, ['latest', 'buildcache']).changes).toEqual([])
      const perPlatform = settings({ platforms: 'linux/arm64', 'push-by-digest': 'true' })
      expect(planRepository(state(['latest', 'buildcache']), perPlatform.repository, ['buildcache-linux-arm64']).changes).toEqual([
        {
          kind: 'tag-mutability',
          from: { mode: 'IMMUTABLE_WITH_EXCLUSION', exclusions: ['latest', 'buildcache'] },
          to: { mode: 'IMMUTABLE_WITH_EXCLUSION', exclusions: ['latest', 'buildcache*'] }
        }
      ])
      expect(planRepository(state(['latest', 'buildcache*']), perPlatform.repository, ['buildcache-linux-arm64']).changes).toEqual([])
    })

    test('an IMMUTABLE repository is never loosened for the cache: a warning instead', () => {
      const perPlatform = settings({ platforms: 'linux/arm64', 'push-by-digest': 'true' })
      const plan = planRepository({ ...state([]), mutability: { mode: 'IMMUTABLE', exclusions: [] } }, perPlatform.repository, ['buildcache-linux-arm64'])
      expect(plan.changes).toEqual([])
      expect(plan.warnings[0]).toContain("'buildcache-linux-arm64'")
    })

    test("an image tag among the cache's tags is refused", () => {
      expect(inputError({ tags: 'buildcache-old' }).message).toBe(
        "Input 'cache-tag': 'buildcache-old' is an image tag this run pushes, and the registry cache's tags are buildcache*: give the cache a tag of its own."
      )
      expect(inputError({ version: 'buildcache' }).message).toMatch(/^Input 'cache-tag': 'buildcache' is an image tag this run pushes/)
    })

    test('a cache tag too long for its per-platform form or its wildcard', () => {
      const long = 'c'.repeat(120)
      expect(inputError({ 'cache-tag': long, platforms: 'linux/arm64', 'push-by-digest': 'true' }).message).toBe(
        `Input 'cache-tag': '${long}' is too long for this job's per-platform cache tag '${long}-linux-arm64': use at most 116 characters.`
      )
      expect(inputError({ 'cache-tag': 'c'.repeat(128) }).message).toBe(`Input 'cache-tag': '${'c'.repeat(128)}' is too long: use at most 127 characters.`)
    })
  })
})
