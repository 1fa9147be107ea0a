/**
 * Plan mode (`dry-run`) is a projection of the push, not a second pipeline: for each
 * repository setting, on ECR and ECR Public, a dry run and then a push on the same inputs;
 * every write call the push made (the stack's AWS call log) was announced by the dry run's
 * plan, and the plan announced nothing the push didn't write.
 */
import { jest } from '@jest/globals'
import { CreateRepositoryCommand, CreateRepositoryCreationTemplateCommand, DeleteRepositoryCreationTemplateCommand, PutLifecyclePolicyCommand, SetRepositoryPolicyCommand } from '@aws-sdk/client-ecr'
import { CreateRepositoryCommand as CreatePublicRepositoryCommand, ECRPUBLICClient, SetRepositoryPolicyCommand as SetPublicPolicyCommand } from '@aws-sdk/client-ecr-public'
import { runAction, type RunResult } from '../../scripts/local-runner.mjs'
import { awsCalls, ecr, env, jobEnv, makeWorkspace, resetCalls, resetStack, ROLE, WRITE_OPERATIONS } from './stack.js'

jest.setTimeout(15 * 60 * 1000)

const pub = new ECRPUBLICClient({ region: 'us-east-1', endpoint: env.AWS_ENDPOINT_URL ?? 'http://127.0.0.1:4566', credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } })

const ship = (inputs: Record<string, string>, workspace: string): Promise<RunResult> =>
  runAction({ inputs: { 'role-to-assume': ROLE, 'aws-region': 'us-east-1', version: '1.0.0', platforms: 'linux/amd64', ...inputs }, env: jobEnv(), workspace, post: true })

function expectSuccess(result: RunResult): void {
  if (result.exitCode !== 0) throw new Error(`the action failed:\n${result.log}`)
}

/** The write call each line of a dry run's plan announces, by the words it says the change in. */
const ANNOUNCES: [RegExp, string][] = [
  [/^would create: created the repository/, 'CreateRepository'],
  [/^would create:? (created )?the public repository/, 'CreateRepository'],
  [/^would change: tag mutability /, 'PutImageTagMutability'],
  [/^would change: scan on push /, 'PutImageScanningConfiguration'],
  [/^would change: access policy /, 'SetRepositoryPolicy'],
  [/^would change: tags /, 'TagResource'],
  [/^would change: lifecycle policy put /, 'PutLifecyclePolicy'],
  [/^Lifecycle policy: would be put /, 'PutLifecyclePolicy'],
  [/^would change: replication to /, 'PutReplicationConfiguration'],
  [/^would change:? catalog data/, 'PutRepositoryCatalogData']
]

/** The calls a dry run's log announces for the repository, as `<service>:<Operation>`. */
function announced(log: string, repository: string, service: string): string[] {
  const lines = log.split('\n').flatMap(line => {
    const plan = new RegExp(`^Repository ${repository}: (.*)$`).exec(line)?.[1] ?? (/^Lifecycle policy: /.test(line) ? line : undefined)
    return plan !== undefined ? [plan] : []
  })
  return [...new Set(lines.flatMap(line => ANNOUNCES.filter(([words]) => words.test(line)).map(([, operation]) => `${service}:${operation}`)))].sort()
}

/** The write calls made since the last reset of the call log, as `<service>:<Operation>`. */
async function written(): Promise<string[]> {
  const calls = (await awsCalls()).filter(c => (c.service === 'ecr' || c.service === 'ecr-public') && WRITE_OPERATIONS.test(c.operation))
  return [...new Set(calls.map(c => `${c.service}:${c.operation}`))].sort()
}

/** A dry run, then a push, on the same inputs: what the plan announced, and what the push wrote. */
async function planThenPush(inputs: Record<string, string> & { repository: string }, service: 'ecr' | 'ecr-public'): Promise<{ plan: string[]; push: string[]; log: string }> {
  const workspace = makeWorkspace(inputs.repository.replace('/', '-'))
  await resetCalls()
  const dry = await ship({ ...inputs, 'dry-run': 'true' }, workspace)
  expectSuccess(dry)
  expect(await written()).toEqual([])
  await resetCalls()
  expectSuccess(await ship(inputs, workspace))
  return { plan: announced(dry.log, inputs.repository, service), push: await written(), log: dry.log }
}

const POLICY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Pull', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: ['ecr:BatchGetImage'] }] })
const OTHER_POLICY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Other', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: ['ecr:BatchGetImage'] }] })
const KEEP_5 = JSON.stringify({ rules: [{ rulePriority: 1, selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 5 }, action: { type: 'expire' } }] })

beforeAll(() => resetStack())

describe('ECR', () => {
  test('a new repository with every setting stated: the create, the access policy, the lifecycle policy and the replication rule', async () => {
    const { plan, push } = await planThenPush(
      { repository: 'plan/new', 'pull-principals': '111122223333', 'repository-tags': 'team=web\ncost-center=42', 'lifecycle-keep-count': '30', 'replicate-to-regions': 'eu-west-1' },
      'ecr'
    )
    expect(push).toEqual(['ecr:CreateRepository', 'ecr:PutLifecyclePolicy', 'ecr:PutReplicationConfiguration', 'ecr:SetRepositoryPolicy'])
    expect(plan).toEqual(push)
  })

  test('an existing repository that differs in every setting: each write the push makes was announced', async () => {
    await ecr.send(
      new CreateRepositoryCommand({ repositoryName: 'plan/drifted', imageTagMutability: 'MUTABLE', imageScanningConfiguration: { scanOnPush: false }, tags: [{ Key: 'team', Value: 'api' }] })
    )
    await ecr.send(new SetRepositoryPolicyCommand({ repositoryName: 'plan/drifted', policyText: OTHER_POLICY }))
    await ecr.send(new PutLifecyclePolicyCommand({ repositoryName: 'plan/drifted', lifecyclePolicyText: KEEP_5 }))
    const inputs = { repository: 'plan/drifted', 'pull-principals': '111122223333', 'repository-tags': 'team=web', 'lifecycle-keep-count': '30', 'replicate-to-regions': 'ap-northeast-2' }
    const { plan, push } = await planThenPush(inputs, 'ecr')
    expect(push).toEqual(['ecr:PutImageScanningConfiguration', 'ecr:PutImageTagMutability', 'ecr:PutLifecyclePolicy', 'ecr:PutReplicationConfiguration', 'ecr:SetRepositoryPolicy', 'ecr:TagResource'])
    expect(plan).toEqual(push)

    // Converged now: the plan announces nothing, and names the rule that covers the region.
    await resetCalls()
    const again = await ship({ ...inputs, version: '1.0.1', 'dry-run': 'true' }, makeWorkspace('drifted-again'))
    expectSuccess(again)
    expect(announced(again.log, 'plan/drifted', 'ecr')).toEqual([])
    expect(again.log).not.toMatch(/^Repository plan\/drifted: would /m)
    expect(again.log).toContain("Repository plan/drifted: note: replication: the registry's rules already copy it to ap-northeast-2")
  })

  test("a new repository under a creation template: the template's access policy and lifecycle policy are announced too", async () => {
    await ecr.send(
      new CreateRepositoryCreationTemplateCommand({
        prefix: 'tmpl',
        appliedFor: ['CREATE_ON_PUSH'],
        resourceTags: [{ Key: 'owner', Value: 'platform' }],
        repositoryPolicy: OTHER_POLICY,
        lifecyclePolicy: KEEP_5
      })
    )
    try {
      const { plan, push } = await planThenPush({ repository: 'tmpl/app' }, 'ecr')
      expect(push).toEqual(['ecr:CreateRepository', 'ecr:PutLifecyclePolicy', 'ecr:SetRepositoryPolicy'])
      expect(plan).toEqual(push)
    } finally {
      await ecr.send(new DeleteRepositoryCreationTemplateCommand({ prefix: 'tmpl' }))
    }
  })
})

describe('ECR Public', () => {
  test('a new public repository with catalog data, tags and an access policy', async () => {
    const { plan, push } = await planThenPush({ 'registry-type': 'public', repository: 'plan/fresh', description: 'Fresh', 'repository-tags': 'team=web', 'repository-policy': POLICY }, 'ecr-public')
    expect(push).toEqual(['ecr-public:CreateRepository', 'ecr-public:SetRepositoryPolicy'])
    expect(plan).toEqual(push)
  })

  test('an existing public repository that differs in catalog data, tags and access policy', async () => {
    await pub.send(new CreatePublicRepositoryCommand({ repositoryName: 'plan/stale', catalogData: { description: 'Old' }, tags: [{ Key: 'team', Value: 'api' }] }))
    await pub.send(new SetPublicPolicyCommand({ repositoryName: 'plan/stale', policyText: OTHER_POLICY }))
    const { plan, push } = await planThenPush({ 'registry-type': 'public', repository: 'plan/stale', description: 'New', 'repository-tags': 'team=web', 'repository-policy': POLICY }, 'ecr-public')
    expect(push).toEqual(['ecr-public:PutRepositoryCatalogData', 'ecr-public:SetRepositoryPolicy', 'ecr-public:TagResource'])
    expect(plan).toEqual(push)
  })
})
