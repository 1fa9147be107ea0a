/** Access policy and resource tags: validated first, enforced only when stated, never removing what the workflow doesn't name. */
import {
  CreateRepositoryCommand,
  DescribeRepositoriesCommand,
  ECRClient,
  GetLifecyclePolicyCommand,
  GetRepositoryPolicyCommand,
  ListTagsForResourceCommand,
  RepositoryNotFoundException,
  RepositoryPolicyNotFoundException,
  SetRepositoryPolicyCommand,
  TagResourceCommand
} from '@aws-sdk/client-ecr'
import { mockClient } from 'aws-sdk-client-mock'
import { pullPolicy, validateRepositoryPolicy } from '../../../src/settings/access-policy.js'
import { readSettings } from '../../../src/settings/read.js'
import { formatLifecyclePolicy } from '../../../src/settings/lifecycle-policy.js'
import { ensureRepository } from '../../../src/aws/repository.js'
import { makeWorkspace, stepEnv, type TempWorkspace } from '../../fixtures/workspace.js'

let ws: TempWorkspace
beforeAll(() => {
  ws = makeWorkspace()
})
afterAll(() => ws.remove())
const settings = (inputs: Record<string, string>) => readSettings(stepEnv(ws.dir, { repository: 'team/web', cache: 'none', ...inputs })).repository

describe('pull-principals', () => {
  test('accounts, roles and an organization become one pull-only policy', () => {
    expect(JSON.parse(pullPolicy(['111122223333', 'arn:aws:iam::444455556666:role/deploy', 'o-abcdefghij']))).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'PullByPrincipal',
          Effect: 'Allow',
          Principal: { AWS: ['arn:aws:iam::111122223333:root', 'arn:aws:iam::444455556666:role/deploy'] },
          Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability']
        },
        {
          Sid: 'PullByOrganization',
          Effect: 'Allow',
          Principal: '*',
          Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability'],
          Condition: { StringEquals: { 'aws:PrincipalOrgID': ['o-abcdefghij'] } }
        }
      ]
    })
  })

  test.each([
    [{ 'pull-principals': 'everyone' }, "Input 'pull-principals': 'everyone' is not a principal"],
    [{ 'pull-principals': '1234' }, "Input 'pull-principals': '1234' is not a principal"],
    [{ 'pull-principals': '111122223333', 'repository-policy': '{"Statement":[]}' }, "Input 'pull-principals': is given together with repository-policy"],
    [{ 'repository-policy': '{"Statement": []}' }, "Input 'repository-policy': needs a \"Statement\" list"],
    [{ 'repository-policy': '{"Statement": [{"Effect": "Allow", "Action": "ecr:*"}]}' }, 'Statement[0] needs a Principal'],
    [{ 'repository-policy': '{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject"}]}' }, 'Statement[0].Action must name ecr: actions'],
    [{ 'repository-policy': '{"Statement": [{"Effect": "Maybe", "Principal": "*", "Action": "ecr:*"}]}' }, 'Statement[0].Effect must be "Allow" or "Deny"'],
    [{ 'repository-policy': 'nope.json' }, "Input 'repository-policy': 'nope.json' is neither JSON nor a file"],
    [{ 'repository-tags': 'no-equals-sign' }, "Input 'repository-tags': 'no-equals-sign' is not a tag ECR accepts"],
    [{ 'repository-tags': 'aws:reserved=x' }, "Input 'repository-tags': 'aws:reserved=x' is not a tag ECR accepts"]
  ])('refused before any call: %j', (inputs, message) => {
    expect(() => settings(inputs)).toThrow(message)
  })

  test('a policy over 10,240 characters', () => {
    expect(() => validateRepositoryPolicy(`{"Statement":[],"x":"${'a'.repeat(10240)}"}`)).toThrow('ECR takes at most 10240')
  })
})

describe('enforcement', () => {
  const ecrMock = mockClient(ECRClient)
  const ecr = new ECRClient({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } })
  const ARN = 'arn:aws:ecr:us-east-1:123456789012:repository/team/web'
  afterAll(() => ecrMock.restore())

  function existing(): void {
    ecrMock.reset()
    ecrMock.on(DescribeRepositoriesCommand).resolves({
      repositories: [
        {
          repositoryName: 'team/web',
          repositoryArn: ARN,
          repositoryUri: '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web',
          imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
          imageTagMutabilityExclusionFilters: [{ filterType: 'WILDCARD', filter: 'latest' }],
          imageScanningConfiguration: { scanOnPush: true },
          encryptionConfiguration: { encryptionType: 'AES256' }
        }
      ]
    })
    ecrMock.on(GetLifecyclePolicyCommand).resolves({ lifecyclePolicyText: formatLifecyclePolicy(settings({}).lifecycle.policy) })
  }

  test('unstated: the access policy and tags are never read or written', async () => {
    existing()
    await ensureRepository(ecr, settings({}), [], 'us-east-1')
    expect(ecrMock.commandCalls(GetRepositoryPolicyCommand)).toHaveLength(0)
    expect(ecrMock.commandCalls(SetRepositoryPolicyCommand)).toHaveLength(0)
    expect(ecrMock.commandCalls(ListTagsForResourceCommand)).toHaveLength(0)
    expect(ecrMock.commandCalls(TagResourceCommand)).toHaveLength(0)
  })

  test('a stated policy is set when the repository has none, and not again when it matches (white space aside)', async () => {
    existing()
    ecrMock.on(GetRepositoryPolicyCommand).rejects(new RepositoryPolicyNotFoundException({ message: 'none', $metadata: {} }))
    const desired = settings({ 'pull-principals': '111122223333' })
    const first = await ensureRepository(ecr, desired, [], 'us-east-1')
    expect(first.changes).toEqual(['access policy set (pull-principals)'])
    expect(ecrMock.commandCalls(SetRepositoryPolicyCommand)[0]?.args[0].input.policyText).toBe(desired.accessPolicy?.text)

    existing()
    ecrMock.on(GetRepositoryPolicyCommand).resolves({ policyText: JSON.stringify(JSON.parse(desired.accessPolicy?.text ?? '{}'), null, 4) })
    const second = await ensureRepository(ecr, desired, [], 'us-east-1')
    expect(second.changes).toEqual([])
    expect(ecrMock.commandCalls(SetRepositoryPolicyCommand)).toHaveLength(0)
  })

  test('tags: only the missing or changed ones are written; others stay', async () => {
    existing()
    ecrMock.on(ListTagsForResourceCommand).resolves({ tags: [{ Key: 'team', Value: 'web' }, { Key: 'owner', Value: 'alice' }] })
    const result = await ensureRepository(ecr, settings({ 'repository-tags': 'team=web\ncost-center=42\nowner=bob' }), [], 'us-east-1')
    expect(ecrMock.commandCalls(TagResourceCommand)[0]?.args[0].input).toEqual({
      resourceArn: ARN,
      tags: [{ Key: 'cost-center', Value: '42' }, { Key: 'owner', Value: 'bob' }]
    })
    expect(result.changes).toEqual(['tags cost-center=42, owner=bob'])
    expect(ecrMock.commandCalls(ListTagsForResourceCommand)[0]?.args[0].input.resourceArn).toBe(ARN)
  })

  test('a new repository gets its tags at creation, no separate call', async () => {
    ecrMock.reset()
    ecrMock.on(DescribeRepositoriesCommand).rejects(new RepositoryNotFoundException({ message: 'no', $metadata: {} }))
    ecrMock.on(CreateRepositoryCommand).resolves({ repository: { repositoryUri: 'r/team/web', repositoryArn: ARN } })
    await ensureRepository(ecr, settings({ 'repository-tags': 'team=web' }), [], 'us-east-1')
    expect(ecrMock.commandCalls(CreateRepositoryCommand)[0]?.args[0].input.tags).toEqual([{ Key: 'team', Value: 'web' }])
    expect(ecrMock.commandCalls(TagResourceCommand)).toHaveLength(0)
  })
})
