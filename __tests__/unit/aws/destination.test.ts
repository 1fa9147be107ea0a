/**
 * A destination's plan and its apply: the writes the plan announces (what a dry run prints)
 * are the writes the push makes, on ECR and ECR Public, against mocked SDK clients.
 */
import { jest } from '@jest/globals'
import {
  CreateRepositoryCommand,
  DescribeRepositoriesCommand,
  DescribeRepositoryCreationTemplatesCommand,
  ECRClient,
  GetAuthorizationTokenCommand,
  GetLifecyclePolicyCommand,
  GetRegistryScanningConfigurationCommand,
  GetRepositoryPolicyCommand,
  ListTagsForResourceCommand,
  RepositoryNotFoundException
} from '@aws-sdk/client-ecr'
import {
  CreateRepositoryCommand as CreatePublicRepositoryCommand,
  DescribeRepositoriesCommand as DescribePublicCommand,
  ECRPUBLICClient,
  GetAuthorizationTokenCommand as PublicTokenCommand,
  GetRepositoryCatalogDataCommand,
  GetRepositoryPolicyCommand as GetPublicPolicyCommand,
  ListTagsForResourceCommand as ListPublicTagsCommand,
  RepositoryNotFoundException as PublicNotFoundException
} from '@aws-sdk/client-ecr-public'
import { mockClient } from 'aws-sdk-client-mock'
import { applyDestination, planDestination, plannedWrites } from '../../../src/aws/destination.js'
import { callOf } from '../../../src/aws/setting-writes.js'
import { repositoryLines } from '../../../src/dry-run.js'
import { readSettings } from '../../../src/settings/read.js'
import { makeWorkspace, stepEnv, type TempWorkspace } from '../../fixtures/workspace.js'

const HOST = '123456789012.dkr.ecr.us-east-1.amazonaws.com'
const ARN = 'arn:aws:ecr:us-east-1:123456789012:repository/team/web'
const KEEP_5 = JSON.stringify({ rules: [{ rulePriority: 1, selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 5 }, action: { type: 'expire' } }] })
const OTHER_POLICY = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"444455556666"},"Action":"ecr:BatchGetImage"}]}'
const WRITE = /^(Create|Put|Set|Tag|Delete|Untag|Start|Update)/

const ecr = mockClient(ECRClient)
const pub = mockClient(ECRPUBLICClient)
let ws: TempWorkspace
let stdout: ReturnType<typeof jest.spyOn>
beforeAll(() => {
  ws = makeWorkspace()
})
afterAll(() => {
  ws.remove()
  ecr.restore()
  pub.restore()
})
afterEach(() => stdout.mockRestore())
beforeEach(() => {
  ecr.reset()
  pub.reset()
  stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
  ecr.on(GetRegistryScanningConfigurationCommand).resolves({ scanningConfiguration: { scanType: 'BASIC', rules: [] } })
  ecr.on(CreateRepositoryCommand).resolves({ repository: { repositoryUri: `${HOST}/team/web`, repositoryArn: ARN } })
  pub.on(CreatePublicRepositoryCommand).resolves({ repository: { repositoryUri: 'public.ecr.aws/acme/team/web', repositoryArn: ARN } })
  ecr.on(GetAuthorizationTokenCommand).resolves({ authorizationData: [{ authorizationToken: Buffer.from('AWS:pw').toString('base64'), proxyEndpoint: `https://${HOST}` }] })
  pub.on(PublicTokenCommand).resolves({ authorizationData: { authorizationToken: Buffer.from('AWS:pw').toString('base64') } })
})

/** The write calls the mocks were sent, in order, as `<service>:<Operation>`. */
function sent(): string[] {
  const names = (mock: typeof ecr | typeof pub, service: string) =>
    mock
      .calls()
      .map(c => (c.args[0] as object).constructor.name.replace(/Command$/, ''))
      .filter(name => WRITE.test(name))
      .map(name => `${service}:${name}`)
  return [...names(ecr, 'ecr'), ...names(pub, 'ecr-public')]
}

/** The plan for these inputs, then the plan carried out: what it announced, what was written, and its lines. */
async function planThenApply(inputs: Record<string, string>): Promise<{ planned: string[]; written: string[]; lines: string[] }> {
  const settings = readSettings(stepEnv(ws.dir, { repository: 'team/web', cache: 'none', ...inputs }))
  const plan = await planDestination(settings, { region: 'us-east-1' })
  const service = settings.repository.type === 'public' ? 'ecr-public' : 'ecr'
  const planned = plannedWrites(plan).map(w => callOf(w, service))
  expect(sent()).toEqual([])
  const lines = repositoryLines(plan)
  await applyDestination(settings, plan)
  return { planned, written: sent(), lines }
}

describe('ECR', () => {
  test('an existing repository that differs in every setting: the plan is the push, write for write', async () => {
    ecr.on(DescribeRepositoriesCommand).resolves({
      repositories: [{ repositoryName: 'team/web', repositoryUri: `${HOST}/team/web`, repositoryArn: ARN, imageTagMutability: 'MUTABLE', imageScanningConfiguration: { scanOnPush: false } }]
    })
    ecr.on(GetLifecyclePolicyCommand).resolves({ lifecyclePolicyText: KEEP_5 })
    ecr.on(GetRepositoryPolicyCommand).resolves({ policyText: OTHER_POLICY })
    ecr.on(ListTagsForResourceCommand).resolves({ tags: [{ Key: 'team', Value: 'api' }] })
    const { planned, written, lines } = await planThenApply({ 'pull-principals': '111122223333', 'repository-tags': 'team=web', 'lifecycle-keep-count': '30' })
    expect(written).toEqual(['ecr:PutImageTagMutability', 'ecr:PutImageScanningConfiguration', 'ecr:SetRepositoryPolicy', 'ecr:TagResource', 'ecr:PutLifecyclePolicy'])
    expect(planned).toEqual(written)
    expect(lines).toEqual([
      'would change: tag mutability MUTABLE → IMMUTABLE_WITH_EXCLUSION (latest, sha256-*)',
      'would change: scan on push off → on',
      'would change: access policy replaced (pull-principals)',
      'would change: tags team=web',
      'would change: lifecycle policy put (differs from lifecycle-* inputs)'
    ])
  })

  test('a missing repository: the create (with its tags), the access policy, the lifecycle policy', async () => {
    ecr.on(DescribeRepositoriesCommand).rejects(new RepositoryNotFoundException({ message: 'none', $metadata: {} }))
    ecr.on(GetLifecyclePolicyCommand).rejects(new RepositoryNotFoundException({ message: 'none', $metadata: {} }))
    ecr.on(DescribeRepositoryCreationTemplatesCommand).resolves({ repositoryCreationTemplates: [] })
    ecr.on(GetRepositoryPolicyCommand).rejects(new Error('a repository this run creates has no policy to read'))
    const { planned, written } = await planThenApply({ 'pull-principals': '111122223333', 'repository-tags': 'team=web' })
    expect(written).toEqual(['ecr:CreateRepository', 'ecr:SetRepositoryPolicy', 'ecr:PutLifecyclePolicy'])
    expect(planned).toEqual(written)
  })

  test('a repository that matches: nothing planned, nothing written, and the plan says so', async () => {
    ecr.on(DescribeRepositoriesCommand).resolves({
      repositories: [
        {
          repositoryUri: `${HOST}/team/web`,
          repositoryArn: ARN,
          imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
          imageTagMutabilityExclusionFilters: [{ filterType: 'WILDCARD', filter: 'latest' }],
          imageScanningConfiguration: { scanOnPush: true }
        }
      ]
    })
    ecr.on(GetLifecyclePolicyCommand).resolves({ lifecyclePolicyText: KEEP_5 })
    ecr.on(ListTagsForResourceCommand).resolves({ tags: [{ Key: 'team', Value: 'web' }] })
    const { planned, written, lines } = await planThenApply({ 'repository-tags': 'team=web' })
    expect(planned).toEqual([])
    expect(written).toEqual([])
    expect(lines).toEqual(['no changes: it already matches the workflow'])
  })

  test('missing with create-repository: false: the run would fail, before any write', async () => {
    ecr.on(DescribeRepositoriesCommand).rejects(new RepositoryNotFoundException({ message: 'none', $metadata: {} }))
    ecr.on(GetLifecyclePolicyCommand).rejects(new RepositoryNotFoundException({ message: 'none', $metadata: {} }))
    await expect(planThenApply({ 'create-repository': 'false' })).rejects.toThrow("Repository 'team/web' does not exist in us-east-1")
    expect(sent()).toEqual([])
    const plan = await planDestination(readSettings(stepEnv(ws.dir, { repository: 'team/web', 'create-repository': 'false' })), { region: 'us-east-1' })
    expect(repositoryLines(plan)).toEqual(['missing, and create-repository is false: the run would fail'])
  })
})

describe('ECR Public', () => {
  const URI = 'public.ecr.aws/acme/team/web'
  const POLICY = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"ecr:BatchGetImage"}]}'

  test('an existing public repository that differs in catalog data, tags and access policy', async () => {
    pub.on(DescribePublicCommand).resolves({ repositories: [{ repositoryUri: URI, repositoryArn: ARN }] })
    pub.on(GetRepositoryCatalogDataCommand).resolves({ catalogData: { description: 'Old', architectures: ['x86-64', 'ARM 64'], operatingSystems: ['Linux'] } })
    pub.on(ListPublicTagsCommand).resolves({ tags: [{ Key: 'team', Value: 'api' }] })
    pub.on(GetPublicPolicyCommand).resolves({ policyText: OTHER_POLICY })
    const { planned, written, lines } = await planThenApply({ 'registry-type': 'public', description: 'New', 'repository-tags': 'team=web', 'repository-policy': POLICY })
    expect(written).toEqual(['ecr-public:PutRepositoryCatalogData', 'ecr-public:TagResource', 'ecr-public:SetRepositoryPolicy'])
    expect(planned).toEqual(written)
    expect(lines).toEqual(['would change: catalog data: description', 'would change: tags team=web', 'would change: access policy replaced (repository-policy)'])
  })

  test('a missing public repository: the create (catalog and tags with it), then the access policy', async () => {
    pub.on(DescribePublicCommand).rejects(new PublicNotFoundException({ message: 'none', $metadata: {} }))
    pub.on(ListPublicTagsCommand).rejects(new Error('a repository this run creates gets its tags with the create'))
    const { planned, written } = await planThenApply({ 'registry-type': 'public', description: 'New', 'repository-tags': 'team=web', 'repository-policy': POLICY })
    expect(written).toEqual(['ecr-public:CreateRepository', 'ecr-public:SetRepositoryPolicy'])
    expect(planned).toEqual(written)
  })

  test('a logo holds the catalog change: planned as not written, and the plan says why', async () => {
    pub.on(DescribePublicCommand).resolves({ repositories: [{ repositoryUri: URI, repositoryArn: ARN }] })
    pub.on(GetRepositoryCatalogDataCommand).resolves({ catalogData: { description: 'Old', logoUrl: 'https://example.com/logo.png', architectures: ['x86-64', 'ARM 64'], operatingSystems: ['Linux'] } })
    const { planned, written, lines } = await planThenApply({ 'registry-type': 'public', description: 'New' })
    expect(planned).toEqual([])
    expect(written).toEqual([])
    expect(lines).toEqual(['catalog data would not be updated (description): the repository has a logo'])
  })
})
