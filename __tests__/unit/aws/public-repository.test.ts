/**
 * ECR Public: catalog data planned from the stated text and the platforms (only ever added
 * to), the repository created or reconciled with the fewest calls, and the login token.
 */
import {
  CreateRepositoryCommand,
  DescribeRepositoriesCommand,
  ECRPUBLICClient,
  GetRepositoryCatalogDataCommand,
  GetRepositoryPolicyCommand,
  ListTagsForResourceCommand,
  PutRepositoryCatalogDataCommand,
  RepositoryNotFoundException,
  SetRepositoryPolicyCommand,
  TagResourceCommand
} from '@aws-sdk/client-ecr-public'
import { mockClient } from 'aws-sdk-client-mock'
import type { AwsCredentialIdentity } from '@aws-sdk/types'
import { readSettings } from '../../../src/settings/read.js'
import type { Settings } from '../../../src/settings/types.js'
import { catalogBadges, createPublicClient, ensurePublicRepository, planCatalog, planPublicRepository, type PublicClient } from '../../../src/aws/public-repository.js'
import { announceWrite, callOf } from '../../../src/aws/setting-writes.js'
import { Renewable } from '../../../src/aws/session.js'
import { makeWorkspace, stepEnv, type TempWorkspace } from '../../fixtures/workspace.js'

const URI = 'public.ecr.aws/acme/web'

const ARN = 'arn:aws:ecr-public::123456789012:repository/web'

const PLATFORMS = ['linux/amd64', 'linux/arm64']

const mock = mockClient(ECRPUBLICClient)

let pub: PublicClient

let ws: TempWorkspace

beforeAll(async () => {
  ws = makeWorkspace()
  pub = await createPublicClient({
    region: 'eu-west-1',
    credentials: new Renewable<AwsCredentialIdentity>('the session', { accessKeyId: 'AKIA', secretAccessKey: 'x' }, async () => ({ accessKeyId: 'AKIA', secretAccessKey: 'x' }))
  })
})

afterAll(() => {
  ws.remove()
  mock.restore()
})

beforeEach(() => mock.reset())

const desired = (inputs: Record<string, string> = {}): Settings['repository'] => readSettings(stepEnv(ws.dir, { repository: 'web', 'registry-type': 'public', ...inputs })).repository

const WRITES = [CreateRepositoryCommand, PutRepositoryCatalogDataCommand, SetRepositoryPolicyCommand, TagResourceCommand]

const writes = () => WRITES.flatMap(c => mock.commandCalls(c as typeof CreateRepositoryCommand))

test('the client talks to us-east-1 whatever the region signed in with', async () => {
  expect(await pub.client.config.region()).toBe('us-east-1')
})

describe('planCatalog', () => {
  test('badges from the platforms', () => {
    expect(catalogBadges(['linux/amd64', 'linux/arm64', 'linux/arm/v7', 'windows/amd64'])).toEqual({
      architectures: ['x86-64', 'ARM 64', 'ARM'],
      operatingSystems: ['Linux', 'Windows']
    })
  })

  test('a new repository: stated text and the badges', () => {
    expect(planCatalog(undefined, { description: 'Web', about: '# Web' }, PLATFORMS)).toEqual({
      catalog: { description: 'Web', aboutText: '# Web', architectures: ['x86-64', 'ARM 64'], operatingSystems: ['Linux'] },
      changed: ['description', 'about', 'architectures x86-64, ARM 64', 'operating systems Linux']
    })
  })

  test('already there: nothing to write', () => {
    const current = { description: 'Web', architectures: ['x86-64', 'ARM 64'], operatingSystems: ['Linux'], usageText: 'docker pull' }
    expect(planCatalog(current, { description: 'Web' }, PLATFORMS)).toBeUndefined()
    expect(planCatalog(current, {}, ['linux/amd64'])).toBeUndefined()
  })

  test('only ever added to: unstated text and other badges are kept', () => {
    const current = { description: 'Old', aboutText: 'hand-written', usageText: 'docker pull', architectures: ['x86'], operatingSystems: ['Linux'] }
    expect(planCatalog(current, { description: 'New' }, PLATFORMS)).toEqual({
      catalog: { description: 'New', aboutText: 'hand-written', usageText: 'docker pull', architectures: ['x86', 'x86-64', 'ARM 64'], operatingSystems: ['Linux'] },
      changed: ['description', 'architectures x86, x86-64, ARM 64']
    })
  })
})

describe('ensurePublicRepository', () => {
  test('missing: created with catalog data and tags in one call', async () => {
    mock.on(DescribeRepositoriesCommand).rejects(new RepositoryNotFoundException({ message: 'not found', $metadata: {} }))
    mock.on(CreateRepositoryCommand).resolves({ repository: { repositoryUri: URI, repositoryArn: ARN } })
    const repo = await ensurePublicRepository(pub, desired({ description: 'Web', 'repository-tags': 'team=web' }), PLATFORMS)
    expect(repo).toMatchObject({ uri: URI, registry: 'public.ecr.aws', created: true })
    expect(mock.commandCalls(CreateRepositoryCommand)[0]?.args[0].input).toEqual({
      repositoryName: 'web',
      catalogData: { description: 'Web', architectures: ['x86-64', 'ARM 64'], operatingSystems: ['Linux'] },
      tags: [{ Key: 'team', Value: 'web' }]
    })
    expect(writes()).toHaveLength(1)
  })

  test('matching: two reads, no write', async () => {
    mock.on(DescribeRepositoriesCommand).resolves({ repositories: [{ repositoryUri: URI, repositoryArn: ARN, repositoryName: 'web' }] })
    mock.on(GetRepositoryCatalogDataCommand).resolves({ catalogData: { description: 'Web', architectures: ['x86-64', 'ARM 64'], operatingSystems: ['Linux'] } })
    const repo = await ensurePublicRepository(pub, desired({ description: 'Web' }), PLATFORMS)
    expect(repo.changes).toEqual([])
    expect(writes()).toHaveLength(0)
    expect(mock.calls()).toHaveLength(2)
  })

  test('a logo on the repository: the catalog is not written, and the run says why', async () => {
    mock.on(DescribeRepositoriesCommand).resolves({ repositories: [{ repositoryUri: URI, repositoryArn: ARN }] })
    mock.on(GetRepositoryCatalogDataCommand).resolves({ catalogData: { description: 'Old', logoUrl: 'https://example.com/logo.png' } })
    const repo = await ensurePublicRepository(pub, desired({ description: 'New' }), PLATFORMS)
    expect(writes()).toHaveLength(0)
    expect(repo.warnings[0]).toMatch(/catalog data not updated \(description, .*\): the repository has a logo/)
  })

  test('missing and create-repository false: one line, no write', async () => {
    mock.on(DescribeRepositoriesCommand).rejects(new RepositoryNotFoundException({ message: 'not found', $metadata: {} }))
    await expect(ensurePublicRepository(pub, desired({ 'create-repository': 'false' }), PLATFORMS)).rejects.toThrow("Public repository 'web' does not exist: create it, or set create-repository: true")
    expect(writes()).toHaveLength(0)
  })
})

describe('planPublicRepository (what a push writes and a dry run prints): reads only', () => {
  test('missing: the create, with the catalog it would get', async () => {
    mock.on(DescribeRepositoriesCommand).rejects(new RepositoryNotFoundException({ message: 'not found', $metadata: {} }))
    const plan = await planPublicRepository(pub, desired({ description: 'Web' }), PLATFORMS)
    expect(plan.current).toBeUndefined()
    expect(plan.writes.map(announceWrite)).toEqual(['would create: created the public repository with catalog data (x86-64, ARM 64; Linux)'])
    expect(writes()).toHaveLength(0)
  })

  test('drifted: the catalog, the tags and the access policy it states; converged: none', async () => {
    const policy = '{"Version":"2012-10-17","Statement":[{"Sid":"Pull","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":["ecr:BatchGetImage"]}]}'
    mock.on(DescribeRepositoriesCommand).resolves({ repositories: [{ repositoryUri: URI, repositoryArn: ARN }] })
    mock.on(GetRepositoryCatalogDataCommand).resolves({ catalogData: { description: 'Old', architectures: ['x86-64', 'ARM 64'], operatingSystems: ['Linux'] } })
    mock.on(ListTagsForResourceCommand).resolves({ tags: [{ Key: 'team', Value: 'api' }] })
    mock.on(GetRepositoryPolicyCommand).rejects(Object.assign(new Error('none'), { name: 'RepositoryPolicyNotFoundException' }))
    const drifted = await planPublicRepository(pub, desired({ description: 'New', 'repository-tags': 'team=web', 'repository-policy': policy }), PLATFORMS)
    expect(drifted.writes.map(announceWrite)).toEqual(['would change: catalog data: description', 'would change: tags team=web', 'would change: access policy set (repository-policy)'])
    expect(drifted.writes.map(w => callOf(w, 'ecr-public'))).toEqual(['ecr-public:PutRepositoryCatalogData', 'ecr-public:TagResource', 'ecr-public:SetRepositoryPolicy'])

    mock.on(ListTagsForResourceCommand).resolves({ tags: [{ Key: 'team', Value: 'web' }] })
    mock.on(GetRepositoryPolicyCommand).resolves({ policyText: policy })
    expect((await planPublicRepository(pub, desired({ description: 'Old', 'repository-tags': 'team=web', 'repository-policy': policy }), PLATFORMS)).writes).toEqual([])
    expect(writes()).toHaveLength(0)
  })

  test('a logo: the catalog change held, and said so; nothing planned for it', async () => {
    mock.on(DescribeRepositoriesCommand).resolves({ repositories: [{ repositoryUri: URI, repositoryArn: ARN }] })
    mock
      .on(GetRepositoryCatalogDataCommand)
      .resolves({ catalogData: { description: 'Old', logoUrl: 'https://example.com/logo.png', architectures: ['x86-64', 'ARM 64'], operatingSystems: ['Linux'] } })
    const plan = await planPublicRepository(pub, desired({ description: 'New' }), PLATFORMS)
    expect(plan.writes).toEqual([])
    expect(plan.heldByLogo).toEqual(['description'])
  })
})
