/**
 * Repository creation templates, end to end: the registry's templates (in the emulator)
 * give a repository the run creates its defaults — what the workflow states still wins —
 * read back from the emulator; a template that would freeze `latest` stops the run before
 * any write; a role that may not read templates gets one warning and today's behaviour.
 */
import { jest } from '@jest/globals'
import {
  CreateRepositoryCreationTemplateCommand,
  DeleteRepositoryCreationTemplateCommand,
  DescribeRepositoriesCommand,
  DescribeRepositoryCreationTemplatesCommand,
  GetLifecyclePolicyCommand,
  ListTagsForResourceCommand,
  type CreateRepositoryCreationTemplateCommandInput,
  type Repository
} from '@aws-sdk/client-ecr'
import { errorLine, runAction, type RunResult } from '../../scripts/local-runner.mjs'
import { awsCalls, ecr, injectAwsFault, jobEnv, makeWorkspace, resetCalls, resetFaults, resetStack, ROLE, writeCalls } from './stack.js'

jest.setTimeout(15 * 60 * 1000)

const KEY = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'
const TEMPLATE_POLICY = {
  rules: [
    { rulePriority: 1, description: 'Expire untagged after 3 days', selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 3 }, action: { type: 'expire' } }
  ]
}

const ship = (inputs: Record<string, string>, marker: string): Promise<RunResult> =>
  runAction({ inputs: { 'role-to-assume': ROLE, 'aws-region': 'us-east-1', platforms: 'linux/amd64', ...inputs }, env: jobEnv(), workspace: makeWorkspace(marker), post: true })

function expectSuccess(result: RunResult): void {
  if (result.exitCode !== 0) throw new Error(`the action failed:\n${result.log}`)
}

const createTemplate = (input: Partial<CreateRepositoryCreationTemplateCommandInput> & { prefix: string }): Promise<unknown> =>
  ecr.send(new CreateRepositoryCreationTemplateCommand({ appliedFor: ['CREATE_ON_PUSH'], ...input }))

async function deleteTemplates(): Promise<void> {
  const templates = (await ecr.send(new DescribeRepositoryCreationTemplatesCommand({}))).repositoryCreationTemplates ?? []
  for (const t of templates) await ecr.send(new DeleteRepositoryCreationTemplateCommand({ prefix: t.prefix }))
}

async function repository(name: string): Promise<{ repo: Repository; tags: Record<string, string>; policy: unknown }> {
  const repo = (await ecr.send(new DescribeRepositoriesCommand({ repositoryNames: [name] }))).repositories?.[0]
  if (repo === undefined) throw new Error(`no repository ${name}`)
  const tags = (await ecr.send(new ListTagsForResourceCommand({ resourceArn: repo.repositoryArn }))).tags ?? []
  const policy = JSON.parse((await ecr.send(new GetLifecyclePolicyCommand({ repositoryName: name }))).lifecyclePolicyText ?? 'null') as unknown
  return { repo, tags: Object.fromEntries(tags.map(t => [t.Key, t.Value])), policy }
}

/** the `team` template: a KMS key, tags, a lifecycle policy, latest mutable */
const TEAM = {
  prefix: 'team',
  encryptionConfiguration: { encryptionType: 'KMS' as const, kmsKey: KEY },
  resourceTags: [
    { Key: 'owner', Value: 'platform' },
    { Key: 'cost-center', Value: 'cc-42' }
  ],
  imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION' as const,
  imageTagMutabilityExclusionFilters: [{ filterType: 'WILDCARD' as const, filter: 'latest' }],
  lifecyclePolicy: JSON.stringify(TEMPLATE_POLICY)
}

beforeAll(() => resetStack())
afterEach(async () => {
  await resetFaults()
  await deleteTemplates()
})

describe('a template for the prefix team', () => {
  test("team/web, created by the run, gets the template's KMS key, tags and lifecycle policy; the log and summary say so", async () => {
    await createTemplate(TEAM)
    const result = await ship({ repository: 'team/web', version: '1.0.0' }, 'tmpl-web')
    expectSuccess(result)
    const { repo, tags, policy } = await repository('team/web')
    expect(repo.encryptionConfiguration).toEqual({ encryptionType: 'KMS', kmsKey: KEY })
    expect(tags).toEqual({ owner: 'platform', 'cost-center': 'cc-42' })
    expect(policy).toEqual(TEMPLATE_POLICY)
    expect(repo.imageTagMutability).toBe('IMMUTABLE_WITH_EXCLUSION')
    const created = `Repository team/web: created the repository: IMMUTABLE_WITH_EXCLUSION (latest, buildcache*) from template team, scan on push on, KMS encryption (${KEY}) from template team, tags owner=platform, cost-center=cc-42 from template team`
    expect(result.log).toContain(created)
    expect(result.log).toContain('Repository team/web: lifecycle policy put (new repository: the policy from template team)')
    expect(result.summary).toContain('KMS encryption')
    expect(result.summary).toContain('the policy from template team')
  })

  test('with lifecycle-keep-count stated, the stated policy wins; the rest still comes from the template', async () => {
    await createTemplate(TEAM)
    expectSuccess(await ship({ repository: 'team/api', version: '1.0.0', 'lifecycle-keep-count': '7' }, 'tmpl-api'))
    const { repo, tags, policy } = await repository('team/api')
    expect(JSON.stringify(policy)).toContain('"countNumber":7')
    expect(policy).not.toEqual(TEMPLATE_POLICY)
    expect(repo.encryptionConfiguration?.kmsKey).toBe(KEY)
    expect(tags.owner).toBe('platform')
  })

  test("other/app, outside the prefix, gets the action's defaults", async () => {
    await createTemplate(TEAM)
    const result = await ship({ repository: 'other/app', version: '1.0.0' }, 'tmpl-other')
    expectSuccess(result)
    const { repo, tags, policy } = await repository('other/app')
    expect(repo.encryptionConfiguration).toEqual({ encryptionType: 'AES256' })
    expect(tags).toEqual({})
    expect(JSON.stringify(policy)).not.toBe(JSON.stringify(TEMPLATE_POLICY))
    expect(result.log).toContain('lifecycle policy put (new repository: default policy)')
    expect(result.log).not.toContain('from template')
  })

  test('dry run: the plan says which settings would come from template team; nothing is written', async () => {
    await createTemplate(TEAM)
    await resetCalls()
    const result = await runAction({
      inputs: { 'role-to-assume': ROLE, 'aws-region': 'us-east-1', repository: 'team/planned', version: '1.0.0', 'dry-run': 'true' },
      env: jobEnv(),
      workspace: makeWorkspace('tmpl-plan'),
      post: false
    })
    expect(result.exitCode).toBe(0)
    expect(writeCalls(await awsCalls())).toEqual([])
    expect(result.summary).toContain(
      `would create: created the repository: IMMUTABLE_WITH_EXCLUSION (latest, buildcache*) from template team, scan on push on, KMS encryption (${KEY}) from template team`
    )
    expect(result.summary).toContain('would be put (new repository: the policy from template team)')
    expect(result.summary).toContain('"ecr:DescribeRepositoryCreationTemplates"')
  })
})

test('a ROOT template applies when no prefix matches', async () => {
  await createTemplate(TEAM)
  await createTemplate({ prefix: 'ROOT', resourceTags: [{ Key: 'scope', Value: 'root' }], lifecyclePolicy: JSON.stringify(TEMPLATE_POLICY) })
  const result = await ship({ repository: 'misc/tool', version: '1.0.0' }, 'tmpl-root')
  expectSuccess(result)
  const { repo, tags, policy } = await repository('misc/tool')
  expect(tags).toEqual({ scope: 'root' })
  expect(policy).toEqual(TEMPLATE_POLICY)
  expect(repo.encryptionConfiguration?.encryptionType).toBe('AES256')
  expect(result.log).toContain('tags scope=root from template ROOT')
})

test('a template whose IMMUTABLE mutability would freeze latest: the run stops before any write, in one line', async () => {
  await createTemplate({ prefix: 'locked', imageTagMutability: 'IMMUTABLE' })
  await resetCalls()
  const result = await ship({ repository: 'locked/app', version: '1.0.0' }, 'tmpl-locked')
  expect(result.exitCode).toBe(1)
  expect(errorLine(result.log)).toBe(
    "Repository creation template 'locked' makes new repositories IMMUTABLE, so this run could not move 'latest', 'buildcache': state tag-mutability (e.g. IMMUTABLE_WITH_EXCLUSION with tag-mutability-exclusions: latest,buildcache) in the workflow, or set latest: false."
  )
  expect(result.log.split('\n').filter(l => l.startsWith('::error::'))).toHaveLength(1)
  const calls = await awsCalls()
  expect(writeCalls(calls)).toEqual([])
  expect(calls.map(c => c.operation)).toContain('DescribeRepositoryCreationTemplates')
  await expect(ecr.send(new DescribeRepositoriesCommand({ repositoryNames: ['locked/app'] }))).rejects.toMatchObject({ name: 'RepositoryNotFoundException' })
})

test("AccessDenied on DescribeRepositoryCreationTemplates: one warning, then today's behaviour", async () => {
  await createTemplate(TEAM)
  await injectAwsFault({ operation: 'DescribeRepositoryCreationTemplates', kind: 'access-denied', count: 10 })
  const result = await ship({ repository: 'team/denied', version: '1.0.0' }, 'tmpl-denied')
  expectSuccess(result)
  const warnings = result.log.split('\n').filter(l => l.startsWith('::warning::') && l.includes('creation templates'))
  expect(warnings).toEqual([
    "::warning::could not read the registry's repository creation templates (AccessDeniedException): the repository is created with the workflow's settings and the action's defaults. Allow ecr:DescribeRepositoryCreationTemplates to have its template apply."
  ])
  const { repo, tags } = await repository('team/denied')
  expect(repo.encryptionConfiguration).toEqual({ encryptionType: 'AES256' })
  expect(tags).toEqual({})
  expect(result.log).toContain('lifecycle policy put (new repository: default policy)')
})

test('a converged run reads no template', async () => {
  await createTemplate(TEAM)
  expectSuccess(await ship({ repository: 'team/again', version: '1.0.0' }, 'tmpl-again'))
  await resetCalls()
  expectSuccess(await ship({ repository: 'team/again', version: '1.0.1' }, 'tmpl-again-2'))
  expect((await awsCalls()).map(c => c.operation)).not.toContain('DescribeRepositoryCreationTemplates')
})
