/**
 * Repository settings (docs/repository.md) on the stack: an existing repository converged to
 * the workflow's settings, every lifecycle example of the ECR documentation, the access policy
 * and resource tags.
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { CreateRepositoryCommand, GetRepositoryPolicyCommand, ListTagsForResourceCommand, PutLifecyclePolicyCommand, SetRepositoryPolicyCommand, TagResourceCommand } from '@aws-sdk/client-ecr'
import { LIFECYCLE_EXAMPLES } from '../fixtures/lifecycle-examples.js'
import { awsCalls, ecr, makeWorkspace, resetCalls, writeCalls } from './stack.js'
import { describeRepository, expectSuccess, lifecyclePolicy, onFreshStack } from './ship.js'

const { ship, workspace } = onFreshStack()

describe('an existing repository with other settings', () => {
  const handMade = {
    rules: [
      {
        rulePriority: 1,
        description: 'hand-made',
        selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 500 },
        action: { type: 'expire' }
      }
    ]
  }

  beforeAll(async () => {
    await ecr.send(
      new CreateRepositoryCommand({
        repositoryName: 'team/legacy',
        imageTagMutability: 'MUTABLE',
        imageScanningConfiguration: { scanOnPush: false }
      })
    )
    await ecr.send(new PutLifecyclePolicyCommand({ repositoryName: 'team/legacy', lifecyclePolicyText: JSON.stringify(handMade) }))
  })

  test('converges mutability and scanning, and keeps a hand-made policy the workflow does not state', async () => {
    await resetCalls()
    const result = await ship({ repository: 'team/legacy', version: '2.0.0' })
    expectSuccess(result)
    const repo = await describeRepository('team/legacy')
    expect(repo?.imageTagMutability).toBe('IMMUTABLE_WITH_EXCLUSION')
    expect(repo?.imageScanningConfiguration?.scanOnPush).toBe(true)
    expect(await lifecyclePolicy('team/legacy')).toEqual(handMade)
    expect(
      writeCalls(await awsCalls())
        .map(c => c.operation)
        .sort()
    ).toEqual(['PutImageScanningConfiguration', 'PutImageTagMutability'])
  })

  test('replaces the policy when the workflow states one', async () => {
    const result = await ship({ repository: 'team/legacy', version: '2.1.0', 'lifecycle-keep-count': '20' })
    expectSuccess(result)
    const policy = (await lifecyclePolicy('team/legacy')) as { rules: { selection: Record<string, unknown> }[] }
    expect(policy.rules.at(-1)?.selection).toMatchObject({ countType: 'imageCountMoreThan', countNumber: 20 })
  })
})

describe('each lifecycle example from the ECR documentation', () => {
  test.each(LIFECYCLE_EXAMPLES.map(e => [e.name, e.policy] as [string, object]))('%s, inline and from a file', async (_name, policy) => {
    const name = `lifecycle/example-${Math.random().toString(36).slice(2, 8)}`
    const inline = await ship({ repository: name, version: 'inline', 'lifecycle-policy': JSON.stringify(policy) })
    expectSuccess(inline)
    expect(await lifecyclePolicy(name)).toEqual(policy)

    const file = path.join(workspace(), 'policy.json')
    writeFileSync(file, JSON.stringify(policy, null, 2))
    const fromFile = await ship({ repository: `${name}-file`, version: 'file', 'lifecycle-policy': 'policy.json' })
    expectSuccess(fromFile)
    expect(await lifecyclePolicy(`${name}-file`)).toEqual(policy)
  })
})

describe('access policy and resource tags', () => {
  test('pull-principals and repository-tags are applied, then a second run writes nothing', async () => {
    const ws = makeWorkspace('access')
    const inputs = { repository: 'team/shared', 'pull-principals': '111122223333\no-abcdefghij', 'repository-tags': 'team=web\ncost-center=42' }
    expectSuccess(await ship({ ...inputs, version: '1.0.0' }, { workspace: ws }))
    const policy = JSON.parse((await ecr.send(new GetRepositoryPolicyCommand({ repositoryName: 'team/shared' }))).policyText ?? '{}') as {
      Statement: { Principal: unknown; Condition?: unknown }[]
    }
    expect(policy.Statement[0]?.Principal).toEqual({ AWS: ['arn:aws:iam::111122223333:root'] })
    expect(policy.Statement[1]?.Condition).toEqual({ StringEquals: { 'aws:PrincipalOrgID': ['o-abcdefghij'] } })
    const arn = (await describeRepository('team/shared'))?.repositoryArn ?? ''
    const tags = async () => ((await ecr.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags ?? []).map(t => `${t.Key}=${t.Value}`).sort()
    expect(await tags()).toEqual(['cost-center=42', 'team=web'])

    await resetCalls()
    expectSuccess(await ship({ ...inputs, version: '1.0.1' }, { workspace: ws }))
    expect(writeCalls(await awsCalls())).toEqual([])

    // A tag added by hand stays; a changed one is set back; nothing is removed.
    await ecr.send(
      new TagResourceCommand({
        resourceArn: arn,
        tags: [
          { Key: 'owner', Value: 'alice' },
          { Key: 'team', Value: 'other' }
        ]
      })
    )
    expectSuccess(await ship({ ...inputs, version: '1.0.2' }, { workspace: ws }))
    expect(await tags()).toEqual(['cost-center=42', 'owner=alice', 'team=web'])
  })

  test('an access policy the workflow does not state is never touched', async () => {
    const handMade = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'hand', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::999988887777:root' }, Action: 'ecr:BatchGetImage' }] })
    await ecr.send(new SetRepositoryPolicyCommand({ repositoryName: 'team/shared', policyText: handMade }))
    await resetCalls()
    expectSuccess(await ship({ repository: 'team/shared', version: '1.0.3' }, { workspace: makeWorkspace('access-2') }))
    expect((await awsCalls()).map(c => c.operation)).not.toContain('GetRepositoryPolicy')
    expect((await ecr.send(new GetRepositoryPolicyCommand({ repositoryName: 'team/shared' }))).policyText).toBe(handMade)
  })
})
