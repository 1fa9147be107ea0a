/**
 * ensureRepository against a mocked ECR: which calls it makes, with which parameters, and
 * that a repository that already matches costs no write call; the stated access policy and
 * tags, creation templates, and `existing-repository: leave`.
 */
import {
  CreateRepositoryCommand,
  DescribeRepositoriesCommand,
  ECRClient,
  GetLifecyclePolicyCommand,
  LifecyclePolicyNotFoundException,
  PutImageScanningConfigurationCommand,
  PutImageTagMutabilityCommand,
  PutLifecyclePolicyCommand,
  RepositoryAlreadyExistsException,
  RepositoryNotFoundException,
  type Repository,
  GetRepositoryPolicyCommand,
  ListTagsForResourceCommand,
  RepositoryPolicyNotFoundException,
  SetRepositoryPolicyCommand,
  TagResourceCommand,
  DescribeRepositoryCreationTemplatesCommand
} from '@aws-sdk/client-ecr'
import { mockClient } from 'aws-sdk-client-mock'
import { ActionError } from '../../../src/errors.js'
import { readSettings } from '../../../src/settings/read.js'
import type { Settings } from '../../../src/settings/types.js'
import { formatLifecyclePolicy } from '../../../src/settings/lifecycle-policy.js'
import { ensureRepository, toRepositoryState } from '../../../src/aws/repository.js'
import { makeWorkspace, stepEnv, type TempWorkspace } from '../../fixtures/workspace.js'
import { TEMPLATES_DENIED } from '../../../src/aws/creation-template.js'

const REGISTRY = '123456789012.dkr.ecr.us-east-1.amazonaws.com'

const URI = `${REGISTRY}/team/web`

const KMS_ARN = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'

const ecrMock = mockClient(ECRClient)

const ecr = new ECRClient({ region: 'us-east-1', credentials: { accessKeyId: 'AKIA', secretAccessKey: 'x' } })

let ws: TempWorkspace

beforeAll(() => {
  ws = makeWorkspace()
})

afterAll(() => {
  ws.remove()
  ecrMock.restore()
})

beforeEach(() => ecrMock.reset())

const repoSettings = (inputs: Record<string, string> = {}): Settings['repository'] => readSettings(stepEnv(ws.dir, { repository: 'team/web', cache: 'none', ...inputs })).repository

const described = (over: Partial<Repository> = {}): Repository => ({
  repositoryName: 'team/web',
  repositoryUri: URI,
  repositoryArn: 'arn:aws:ecr:us-east-1:123456789012:repository/team/web',
  registryId: '123456789012',
  imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
  imageTagMutabilityExclusionFilters: [
    { filterType: 'WILDCARD', filter: 'latest' },
    { filterType: 'WILDCARD', filter: 'sha256-*' }
  ],
  imageScanningConfiguration: { scanOnPush: true },
  encryptionConfiguration: { encryptionType: 'AES256' },
  ...over
})

const notFound = () => new RepositoryNotFoundException({ message: "The repository with name 'team/web' does not exist", $metadata: {} })

const noPolicy = () => new LifecyclePolicyNotFoundException({ message: 'Lifecycle policy does not exist', $metadata: {} })

const WRITES = ['CreateRepositoryCommand', 'PutImageTagMutabilityCommand', 'PutImageScanningConfigurationCommand', 'PutLifecyclePolicyCommand']

/** The names of the commands sent, in order. */
const sent = (): string[] => ecrMock.calls().map(c => (c.args[0] as object).constructor.name)

function expectNoWrites(): void {
  const commands = sent()
  for (const command of WRITES) expect(commands.filter(c => c === command)).toEqual([])
  // and the typed way, so a renamed command class can't make the check above vacuous
  expect(ecrMock.commandCalls(CreateRepositoryCommand)).toHaveLength(0)
  expect(ecrMock.commandCalls(PutImageTagMutabilityCommand)).toHaveLength(0)
  expect(ecrMock.commandCalls(PutImageScanningConfigurationCommand)).toHaveLength(0)
  expect(ecrMock.commandCalls(PutLifecyclePolicyCommand)).toHaveLength(0)
}

/** Rebuilds every object with its keys in reverse order and pretty-prints it. */
function reorder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reorder)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reorder(v)])
    )
  }
  return value
}

describe('a missing repository', () => {
  test('is created with the exact settings, then gets the default lifecycle policy (the read beside the describe found no repository)', async () => {
    ecrMock.on(DescribeRepositoriesCommand).rejects(notFound())
    ecrMock.on(GetLifecyclePolicyCommand).rejects(notFound())
    ecrMock.on(CreateRepositoryCommand).resolves({ repository: described() })
    ecrMock.on(PutLifecyclePolicyCommand).resolves({})
    const desired = repoSettings()

    const result = await ensureRepository(ecr, desired, ['latest'], 'us-east-1')

    expect(sent()).toEqual(['DescribeRepositoriesCommand', 'GetLifecyclePolicyCommand', 'DescribeRepositoryCreationTemplatesCommand', 'CreateRepositoryCommand', 'PutLifecyclePolicyCommand'])
    expect(ecrMock.commandCalls(DescribeRepositoriesCommand)[0]?.args[0].input).toEqual({ repositoryNames: ['team/web'] })
    expect(ecrMock.commandCalls(CreateRepositoryCommand)[0]?.args[0].input).toEqual({
      repositoryName: 'team/web',
      imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
      imageTagMutabilityExclusionFilters: [
        { filterType: 'WILDCARD', filter: 'latest' },
        { filterType: 'WILDCARD', filter: 'sha256-*' }
      ],
      imageScanningConfiguration: { scanOnPush: true },
      encryptionConfiguration: { encryptionType: 'AES256' }
    })
    const put = ecrMock.commandCalls(PutLifecyclePolicyCommand)[0]?.args[0].input
    expect(put?.repositoryName).toBe('team/web')
    expect(JSON.parse(put?.lifecyclePolicyText ?? '')).toEqual(JSON.parse(formatLifecyclePolicy(desired.lifecycle.policy)))
    expect(ecrMock.commandCalls(GetLifecyclePolicyCommand)).toHaveLength(1)

    expect(result).toEqual({
      uri: URI,
      registry: REGISTRY,
      created: true,
      mutability: { mode: 'IMMUTABLE_WITH_EXCLUSION', exclusions: ['latest', 'sha256-*'] },
      changes: ['created the repository: IMMUTABLE_WITH_EXCLUSION (latest, sha256-*), scan on push on, AES256 encryption', 'lifecycle policy put (new repository: default policy)'],
      warnings: [],
      lifecycle: 'put (new repository: default policy)',
      lifecyclePut: true
    })
  })

  test('is created with KMS and its key, IMMUTABLE without filters, scanning off', async () => {
    ecrMock.on(DescribeRepositoriesCommand).rejects(notFound())
    ecrMock.on(CreateRepositoryCommand).resolves({ repository: described() })
    const desired = repoSettings({ 'tag-mutability': 'IMMUTABLE', 'scan-on-push': 'false', encryption: 'KMS', 'kms-key': KMS_ARN })

    await ensureRepository(ecr, desired, [], 'us-east-1')

    expect(ecrMock.commandCalls(CreateRepositoryCommand)[0]?.args[0].input).toEqual({
      repositoryName: 'team/web',
      imageTagMutability: 'IMMUTABLE',
      imageScanningConfiguration: { scanOnPush: false },
      encryptionConfiguration: { encryptionType: 'KMS', kmsKey: KMS_ARN }
    })
  })

  test('with create-repository: false is an error that names the region, and nothing is written', async () => {
    ecrMock.on(DescribeRepositoriesCommand).rejects(notFound())
    ecrMock.on(GetLifecyclePolicyCommand).rejects(notFound())
    const promise = ensureRepository(ecr, repoSettings({ 'create-repository': 'false' }), ['latest'], 'eu-west-1')
    await expect(promise).rejects.toBeInstanceOf(ActionError)
    await expect(promise).rejects.toThrow("Repository 'team/web' does not exist in eu-west-1: create it, or set create-repository: true to let the action create it.")
    expectNoWrites()
    expect(sent()).toEqual(['DescribeRepositoriesCommand', 'GetLifecyclePolicyCommand'])
  })

  test("created by another job meanwhile (RepositoryAlreadyExistsException): described again, its policy read again, then reconciled; the default policy is the creator's to put", async () => {
    ecrMock
      .on(DescribeRepositoriesCommand)
      .rejectsOnce(notFound())
      .resolves({ repositories: [described({ imageTagMutability: 'MUTABLE', imageTagMutabilityExclusionFilters: [], imageScanningConfiguration: { scanOnPush: false } })] })
    ecrMock.on(CreateRepositoryCommand).rejects(new RepositoryAlreadyExistsException({ message: 'already exists', $metadata: {} }))
    ecrMock.on(GetLifecyclePolicyCommand).rejectsOnce(notFound()).rejects(noPolicy())

    const result = await ensureRepository(ecr, repoSettings(), ['latest'], 'us-east-1')

    expect(sent()).toEqual([
      'DescribeRepositoriesCommand',
      'GetLifecyclePolicyCommand',
      'DescribeRepositoryCreationTemplatesCommand',
      'CreateRepositoryCommand',
      'DescribeRepositoriesCommand',
      'GetLifecyclePolicyCommand',
      'PutImageTagMutabilityCommand',
      'PutImageScanningConfigurationCommand'
    ])
    expect(ecrMock.commandCalls(PutImageTagMutabilityCommand)[0]?.args[0].input).toEqual({
      repositoryName: 'team/web',
      imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
      imageTagMutabilityExclusionFilters: [
        { filterType: 'WILDCARD', filter: 'latest' },
        { filterType: 'WILDCARD', filter: 'sha256-*' }
      ]
    })
    expect(result.created).toBe(false)
    expect(result.uri).toBe(URI)
    expect(result.mutability).toEqual({ mode: 'IMMUTABLE_WITH_EXCLUSION', exclusions: ['latest', 'sha256-*'] })
    expect(result.lifecyclePut).toBe(false)
  })

  describe("CreateRepository's answer lost: the SDK's retry finds the repository (RepositoryAlreadyExistsException)", () => {
    /** The run's create found it there on the SDK's `attempts`-th try; the registry describes it as created `ageMs` before the run sent the create. */
    function lostAnswer(attempts: number, ageMs: number): void {
      const createdAt = new Date(Date.now() - ageMs)
      ecrMock
        .on(DescribeRepositoriesCommand)
        .rejectsOnce(notFound())
        .resolves({ repositories: [described({ createdAt })] })
      ecrMock.on(CreateRepositoryCommand).rejects(new RepositoryAlreadyExistsException({ message: 'already exists', $metadata: { attempts } }))
      ecrMock.on(GetLifecyclePolicyCommand).rejectsOnce(notFound()).rejects(noPolicy())
      ecrMock.on(PutLifecyclePolicyCommand).resolves({})
    }

    test('found on a retry, created after this run sent its create: created by this run — the default policy is put, and the change says so', async () => {
      lostAnswer(2, 0)
      const result = await ensureRepository(ecr, repoSettings(), ['latest'], 'us-east-1')
      expect(result.created).toBe(true)
      expect(result.lifecyclePut).toBe(true)
      expect(ecrMock.commandCalls(PutLifecyclePolicyCommand)).toHaveLength(1)
      expect(result.changes[0]).toMatch(
        /^created the repository: IMMUTABLE_WITH_EXCLUSION \(latest, sha256-\*\), scan on push on, AES256 encryption — by this run: ECR's answer was lost, and the repository its retry found was created at \S+Z$/
      )
      expect(result.changes[1]).toBe('lifecycle policy put (new repository: default policy)')
      // A repository the run created has no policy to read, and its tags went with the create.
      expect(sent().filter(c => c === 'GetLifecyclePolicyCommand')).toHaveLength(1)
    })

    test("found on a retry, created within the clock allowance before the create was sent: still this run's", async () => {
      lostAnswer(3, 30_000)
      expect((await ensureRepository(ecr, repoSettings(), ['latest'], 'us-east-1')).created).toBe(true)
    })

    test.each([
      ["on the create's first try (another writer made it between the describe and the create)", 1, 0],
      ['on a retry, but created well before this run sent its create', 2, 5 * 60_000]
    ])('found %s: adopted, no default policy', async (_what, attempts, ageMs) => {
      lostAnswer(attempts, ageMs)
      const result = await ensureRepository(ecr, repoSettings(), ['latest'], 'us-east-1')
      expect(result.created).toBe(false)
      expect(result.lifecyclePut).toBe(false)
      expect(ecrMock.commandCalls(PutLifecyclePolicyCommand)).toHaveLength(0)
      expect(result.lifecycle).toMatch(/^none: the repository has no lifecycle policy/)
    })
  })

  test('other CreateRepository errors propagate', async () => {
    ecrMock.on(DescribeRepositoriesCommand).rejects(notFound())
    const denied = Object.assign(new Error('not authorized to perform: ecr:CreateRepository'), { name: 'AccessDeniedException' })
    ecrMock.on(CreateRepositoryCommand).rejects(denied)
    await expect(ensureRepository(ecr, repoSettings(), ['latest'], 'us-east-1')).rejects.toThrow('ecr:CreateRepository')
    expect(ecrMock.commandCalls(PutLifecyclePolicyCommand)).toHaveLength(0)
  })
})

describe('an existing repository', () => {
  test('that already matches costs DescribeRepositories + GetLifecyclePolicy and no write', async () => {
    const desired = repoSettings({ 'lifecycle-keep-count': '30', 'lifecycle-untagged-days': '3' })
    ecrMock.on(DescribeRepositoriesCommand).resolves({ repositories: [described()] })
    ecrMock.on(GetLifecyclePolicyCommand).resolves({ repositoryName: 'team/web', lifecyclePolicyText: formatLifecyclePolicy(desired.lifecycle.policy) })

    const result = await ensureRepository(ecr, desired, ['latest'], 'us-east-1')

    expect(sent()).toEqual(['DescribeRepositoriesCommand', 'GetLifecyclePolicyCommand'])
    expectNoWrites()
    expect(ecrMock.commandCalls(GetLifecyclePolicyCommand)[0]?.args[0].input).toEqual({ repositoryName: 'team/web' })
    expect(result).toEqual({
      uri: URI,
      registry: REGISTRY,
      created: false,
      mutability: { mode: 'IMMUTABLE_WITH_EXCLUSION', exclusions: ['latest', 'sha256-*'] },
      changes: [],
      warnings: [],
      lifecycle: 'already as stated by lifecycle-* inputs',
      lifecyclePut: false
    })
  })

  test('its lifecycle policy is asked for beside the describe: one round trip, not two', async () => {
    const desired = repoSettings()
    let policyAskedFirst = false
    ecrMock.on(DescribeRepositoriesCommand).callsFake(async () => {
      // ECR answers the describe only after a while; the policy read must already be out.
      await new Promise(resolve => setTimeout(resolve, 20))
      policyAskedFirst = ecrMock.commandCalls(GetLifecyclePolicyCommand).length === 1
      return { repositories: [described()] }
    })
    ecrMock.on(GetLifecyclePolicyCommand).resolves({ lifecyclePolicyText: formatLifecyclePolicy(desired.lifecycle.policy) })
    await ensureRepository(ecr, desired, ['latest'], 'us-east-1')
    expect(policyAskedFirst).toBe(true)
    expect(sent()).toEqual(['DescribeRepositoriesCommand', 'GetLifecyclePolicyCommand'])
  })

  test('a refused lifecycle policy read is the run’s error, named, once the repository is known to exist', async () => {
    ecrMock.on(DescribeRepositoriesCommand).resolves({ repositories: [described()] })
    const denied = Object.assign(new Error('not authorized to perform: ecr:GetLifecyclePolicy'), { name: 'AccessDeniedException' })
    ecrMock.on(GetLifecyclePolicyCommand).rejects(denied)
    await expect(ensureRepository(ecr, repoSettings(), ['latest'], 'us-east-1')).rejects.toThrow('ecr:GetLifecyclePolicy')
    expectNoWrites()
  })

  test('with default settings and the default policy: no write', async () => {
    const desired = repoSettings()
    ecrMock.on(DescribeRepositoriesCommand).resolves({ repositories: [described()] })
    ecrMock.on(GetLifecyclePolicyCommand).resolves({ lifecyclePolicyText: formatLifecyclePolicy(desired.lifecycle.policy) })
    await ensureRepository(ecr, desired, ['latest'], 'us-east-1')
    expect(sent()).toEqual(['DescribeRepositoriesCommand', 'GetLifecyclePolicyCommand'])
    expectNoWrites()
  })

  test('drift in mutability and scanning: exactly those two puts', async () => {
    ecrMock.on(DescribeRepositoriesCommand).resolves({
      repositories: [
        described({
          imageTagMutability: 'MUTABLE_WITH_EXCLUSION',
          imageTagMutabilityExclusionFilters: [{ filterType: 'WILDCARD', filter: 'v*' }],
          imageScanningConfiguration: { scanOnPush: false }
        })
      ]
    })
    ecrMock.on(GetLifecyclePolicyCommand).resolves({ lifecyclePolicyText: '{"rules":[]}' })

    const result = await ensureRepository(ecr, repoSettings({ 'tag-mutability': 'IMMUTABLE_WITH_EXCLUSION', 'tag-mutability-exclusions': 'latest,dev-*' }), ['latest'], 'us-east-1')

    expect(sent()).toEqual(['DescribeRepositoriesCommand', 'GetLifecyclePolicyCommand', 'PutImageTagMutabilityCommand', 'PutImageScanningConfigurationCommand'])
    expect(ecrMock.commandCalls(PutImageTagMutabilityCommand)[0]?.args[0].input).toEqual({
      repositoryName: 'team/web',
      imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
      imageTagMutabilityExclusionFilters: [
        { filterType: 'WILDCARD', filter: 'latest' },
        { filterType: 'WILDCARD', filter: 'dev-*' }
      ]
    })
    expect(ecrMock.commandCalls(PutImageScanningConfigurationCommand)[0]?.args[0].input).toEqual({
      repositoryName: 'team/web',
      imageScanningConfiguration: { scanOnPush: true }
    })
    expect(ecrMock.commandCalls(CreateRepositoryCommand)).toHaveLength(0)
    expect(ecrMock.commandCalls(PutLifecyclePolicyCommand)).toHaveLength(0)
    expect(result.changes).toEqual(['tag mutability MUTABLE_WITH_EXCLUSION (v*) → IMMUTABLE_WITH_EXCLUSION (latest, dev-*)', 'scan on push off → on'])
    expect(result.mutability).toEqual({ mode: 'IMMUTABLE_WITH_EXCLUSION', exclusions: ['latest', 'dev-*'] })
  })

  test('stated IMMUTABLE is put without exclusion filters', async () => {
    ecrMock.on(DescribeRepositoriesCommand).resolves({ repositories: [described()] })
    ecrMock.on(GetLifecyclePolicyCommand).resolves({ lifecyclePolicyText: '{"rules":[]}' })
    await ensureRepository(ecr, repoSettings({ 'tag-mutability': 'IMMUTABLE', latest: 'false' }), [], 'us-east-1')
    expect(ecrMock.commandCalls(PutImageTagMutabilityCommand)[0]?.args[0].input).toEqual({
      repositoryName: 'team/web',
      imageTagMutability: 'IMMUTABLE'
    })
  })

  test('unstated mutability on an IMMUTABLE repository: no PutImageTagMutability, a warning naming latest', async () => {
    ecrMock.on(DescribeRepositoriesCommand).resolves({
      repositories: [described({ imageTagMutability: 'IMMUTABLE', imageTagMutabilityExclusionFilters: undefined })]
    })
    ecrMock.on(GetLifecyclePolicyCommand).resolves({ lifecyclePolicyText: '{"rules":[]}' })

    const result = await ensureRepository(ecr, repoSettings(), ['latest'], 'us-east-1')

    expect(ecrMock.commandCalls(PutImageTagMutabilityCommand)).toHaveLength(0)
    expectNoWrites()
    expect(result.mutability).toEqual({ mode: 'IMMUTABLE', exclusions: [] })
    expect(result.warnings.some(w => w.includes("'latest'") && w.includes('immutable'))).toBe(true)
  })

  test('no policy and none stated: none is put, and the result says which input would put the default', async () => {
    ecrMock.on(DescribeRepositoriesCommand).resolves({ repositories: [described()] })
    ecrMock.on(GetLifecyclePolicyCommand).rejects(noPolicy())
    const result = await ensureRepository(ecr, repoSettings(), ['latest'], 'us-east-1')
    expect(sent()).toEqual(['DescribeRepositoriesCommand', 'GetLifecyclePolicyCommand'])
    expectNoWrites()
    expect(result.lifecyclePut).toBe(false)
    expect(result.changes).toEqual([])
    expect(result.lifecycle).toMatch(
      /^none: the repository has no lifecycle policy and the workflow states none, so none is put and no image expires\. lifecycle-keep-count: 100 would put the default policy \(Protect latest; Protect sha256-\*; Expire untagged images after 14 days; Keep the newest 100 tagged images\)$/
    )
  })

  test.each([
    ['lifecycle-keep-count', { 'lifecycle-keep-count': '50' }, 'lifecycle-* inputs'],
    ['lifecycle-untagged-days', { 'lifecycle-untagged-days': '7' }, 'lifecycle-* inputs'],
    [
      'lifecycle-policy',
      { 'lifecycle-policy': '{"rules":[{"rulePriority":1,"selection":{"tagStatus":"untagged","countType":"sinceImagePushed","countUnit":"days","countNumber":3},"action":{"type":"expire"}}]}' },
      'lifecycle-policy'
    ]
  ])('no policy and %s stated: the stated policy is put', async (_, inputs, source) => {
    const desired = repoSettings(inputs)
    ecrMock.on(DescribeRepositoriesCommand).resolves({ repositories: [described()] })
    ecrMock.on(GetLifecyclePolicyCommand).rejects(noPolicy())
    ecrMock.on(PutLifecyclePolicyCommand).resolves({})
    const result = await ensureRepository(ecr, desired, ['latest'], 'us-east-1')
    expect(sent()).toEqual(['DescribeRepositoriesCommand', 'GetLifecyclePolicyCommand', 'PutLifecyclePolicyCommand'])
    const text = ecrMock.commandCalls(PutLifecyclePolicyCommand)[0]?.args[0].input.lifecyclePolicyText ?? ''
    expect(JSON.parse(text)).toEqual(JSON.parse(formatLifecyclePolicy(desired.lifecycle.policy)))
    expect(result.lifecycle).toBe(`put (no policy yet: ${source})`)
  })

  test('an existing policy is kept when the workflow states none', async () => {
    const handMade = JSON.stringify({
      rules: [{ rulePriority: 1, selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 3 }, action: { type: 'expire' } }]
    })
    ecrMock.on(DescribeRepositoriesCommand).resolves({ repositories: [described()] })
    ecrMock.on(GetLifecyclePolicyCommand).resolves({ lifecyclePolicyText: handMade })
    const result = await ensureRepository(ecr, repoSettings(), ['latest'], 'us-east-1')
    expect(ecrMock.commandCalls(PutLifecyclePolicyCommand)).toHaveLength(0)
    expect(result.lifecycle).toBe('kept the existing policy (the workflow states none)')
    expect(result.changes).toEqual([])
  })

  test('a stated policy that differs from the existing one is put', async () => {
    const handMade = JSON.stringify({
      rules: [{ rulePriority: 1, selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 3 }, action: { type: 'expire' } }]
    })
    const stated = {
      rules: [
        {
          rulePriority: 1,
          description: 'Delete images after 1 day',
          selection: { tagStatus: 'any', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 1 },
          action: { type: 'expire' }
        }
      ]
    }
    ecrMock.on(DescribeRepositoriesCommand).resolves({ repositories: [described()] })
    ecrMock.on(GetLifecyclePolicyCommand).resolves({ lifecyclePolicyText: handMade })

    const result = await ensureRepository(ecr, repoSettings({ 'lifecycle-policy': JSON.stringify(stated) }), ['latest'], 'us-east-1')

    expect(sent()).toEqual(['DescribeRepositoriesCommand', 'GetLifecyclePolicyCommand', 'PutLifecyclePolicyCommand'])
    const input = ecrMock.commandCalls(PutLifecyclePolicyCommand)[0]?.args[0].input
    expect(input?.repositoryName).toBe('team/web')
    expect(JSON.parse(input?.lifecyclePolicyText ?? '')).toEqual(stated)
    expect(result.changes).toEqual(['lifecycle policy put (differs from lifecycle-policy)'])
  })

  test('the same policy with its keys in another order and other whitespace is not put again', async () => {
    const stated = {
      rules: [
        {
          rulePriority: 1,
          description: 'Keep latest',
          selection: { tagStatus: 'tagged', tagPatternList: ['latest'], countType: 'imageCountMoreThan', countNumber: 1 },
          action: { type: 'expire' }
        },
        {
          rulePriority: 2,
          selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 7 },
          action: { type: 'expire' }
        }
      ]
    }
    ecrMock.on(DescribeRepositoriesCommand).resolves({ repositories: [described()] })
    ecrMock.on(GetLifecyclePolicyCommand).resolves({ lifecyclePolicyText: JSON.stringify(reorder(stated), null, 4) })

    const result = await ensureRepository(ecr, repoSettings({ 'lifecycle-policy': JSON.stringify(stated) }), ['latest'], 'us-east-1')

    expectNoWrites()
    expect(result.lifecycle).toBe('already as stated by lifecycle-policy')
  })

  test('the same generated policy stored in another key order is not put again', async () => {
    const desired = repoSettings({ 'lifecycle-keep-count': '20' })
    const stored = JSON.stringify(reorder(JSON.parse(formatLifecyclePolicy(desired.lifecycle.policy))))
    ecrMock.on(DescribeRepositoriesCommand).resolves({ repositories: [described()] })
    ecrMock.on(GetLifecyclePolicyCommand).resolves({ lifecyclePolicyText: stored })
    await ensureRepository(ecr, desired, ['latest'], 'us-east-1')
    expectNoWrites()
  })

  test('encryption that differs is a warning, never a write', async () => {
    ecrMock.on(DescribeRepositoriesCommand).resolves({
      repositories: [described({ encryptionConfiguration: { encryptionType: 'KMS', kmsKey: KMS_ARN } })]
    })
    ecrMock.on(GetLifecyclePolicyCommand).resolves({ lifecyclePolicyText: '{"rules":[]}' })

    const result = await ensureRepository(ecr, repoSettings({ encryption: 'AES256' }), ['latest'], 'us-east-1')

    expect(sent()).toEqual(['DescribeRepositoriesCommand', 'GetLifecyclePolicyCommand'])
    expectNoWrites()
    expect(result.warnings).toEqual([`the repository is encrypted with KMS (${KMS_ARN}), not AES256: ECR sets encryption only when a repository is created, so it stays as it is.`])
  })

  test('other DescribeRepositories errors propagate and nothing is written', async () => {
    const denied = Object.assign(new Error('not authorized to perform: ecr:DescribeRepositories'), { name: 'AccessDeniedException' })
    ecrMock.on(DescribeRepositoriesCommand).rejects(denied)
    await expect(ensureRepository(ecr, repoSettings(), ['latest'], 'us-east-1')).rejects.toThrow('ecr:DescribeRepositories')
    expectNoWrites()
  })
})

describe("the registry's scanning configuration", () => {
  const reader = () => {
    const calls = { n: 0 }
    return { calls, read: async () => (calls.n++, { scanType: 'ENHANCED' as const, rules: [{ scanFrequency: 'CONTINUOUS_SCAN', filters: ['*'] }] }) }
  }

  test('ENHANCED with scan-on-push drift: no PutImageScanningConfiguration, a note naming the configuration instead', async () => {
    ecrMock.on(DescribeRepositoriesCommand).resolves({ repositories: [described({ imageScanningConfiguration: { scanOnPush: true } })] })
    ecrMock.on(GetLifecyclePolicyCommand).rejects(noPolicy())
    const { calls, read } = reader()
    const result = await ensureRepository(ecr, repoSettings({ 'scan-on-push': 'false' }), ['latest'], 'us-east-1', read)
    expect(ecrMock.commandCalls(PutImageScanningConfigurationCommand)).toHaveLength(0)
    expect(calls.n).toBe(1)
    expect(result.changes).toEqual([])
    expect(result.warnings).toEqual([])
    expect(result.notes).toEqual([expect.stringMatching(/^scan on push is on on the repository, not off as scan-on-push states, and left so: the registry's ENHANCED scanning/)])
  })

  test('a repository that already matches: the configuration is not read', async () => {
    ecrMock.on(DescribeRepositoriesCommand).resolves({ repositories: [described()] })
    ecrMock.on(GetLifecyclePolicyCommand).rejects(noPolicy())
    const { calls, read } = reader()
    const result = await ensureRepository(ecr, repoSettings(), ['latest'], 'us-east-1', read)
    expect(calls.n).toBe(0)
    expect(result.notes).toBeUndefined()
  })
})

describe('toRepositoryState', () => {
  test('reads mode, filters, scanning and encryption', () => {
    expect(toRepositoryState(described({ encryptionConfiguration: { encryptionType: 'KMS', kmsKey: KMS_ARN } }))).toEqual({
      uri: URI,
      arn: 'arn:aws:ecr:us-east-1:123456789012:repository/team/web',
      mutability: { mode: 'IMMUTABLE_WITH_EXCLUSION', exclusions: ['latest', 'sha256-*'] },
      scanOnPush: true,
      encryption: { type: 'KMS', kmsKey: KMS_ARN }
    })
  })

  test('what ECR leaves out means MUTABLE, no scanning, AES256', () => {
    expect(toRepositoryState({ repositoryUri: URI })).toEqual({
      uri: URI,
      arn: '',
      mutability: { mode: 'MUTABLE', exclusions: [] },
      scanOnPush: false,
      encryption: { type: 'AES256' }
    })
  })
})

describe('a stated access policy and tags', () => {
  const settings = (inputs: Record<string, string>) => repoSettings(inputs)

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
      ecrMock.on(ListTagsForResourceCommand).resolves({
        tags: [
          { Key: 'team', Value: 'web' },
          { Key: 'owner', Value: 'alice' }
        ]
      })
      const result = await ensureRepository(ecr, settings({ 'repository-tags': 'team=web\ncost-center=42\nowner=bob' }), [], 'us-east-1')
      expect(ecrMock.commandCalls(TagResourceCommand)[0]?.args[0].input).toEqual({
        resourceArn: ARN,
        tags: [
          { Key: 'cost-center', Value: '42' },
          { Key: 'owner', Value: 'bob' }
        ]
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
})

describe('creation templates', () => {
  const KEY = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'

  const TEMPLATE_POLICY = {
    rules: [{ rulePriority: 1, description: 'Expire after 30 days', selection: { tagStatus: 'any', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 30 }, action: { type: 'expire' } }]
  }

  const ACCESS = '{"Version":"2012-10-17","Statement":[{"Sid":"Pull","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":["ecr:BatchGetImage"]}]}'

  const repo = repoSettings

  describe('ensureRepository with creation templates', () => {
    const ecrMock = mockClient(ECRClient)
    const ecr = new ECRClient({ region: 'us-east-1', credentials: { accessKeyId: 'AKIA', secretAccessKey: 'x' } })
    const URI = '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web'
    afterAll(() => ecrMock.restore())
    beforeEach(() => {
      ecrMock.reset()
      ecrMock.on(DescribeRepositoriesCommand).rejects(new RepositoryNotFoundException({ message: 'no', $metadata: {} }))
      ecrMock.on(GetLifecyclePolicyCommand).rejects(new RepositoryNotFoundException({ message: 'no', $metadata: {} }))
      ecrMock.on(CreateRepositoryCommand).resolves({ repository: { repositoryUri: URI, repositoryArn: 'arn' } })
    })
    const api = {
      prefix: 'team',
      appliedFor: ['CREATE_ON_PUSH' as const],
      encryptionConfiguration: { encryptionType: 'KMS' as const, kmsKey: KEY },
      resourceTags: [{ Key: 'owner', Value: 'platform' }],
      lifecyclePolicy: JSON.stringify(TEMPLATE_POLICY),
      repositoryPolicy: ACCESS
    }

    test('a repository the run creates takes the template’s settings, each named "from template team"; templates read page by page', async () => {
      ecrMock
        .on(DescribeRepositoryCreationTemplatesCommand)
        .resolvesOnce({ repositoryCreationTemplates: [{ prefix: 'ROOT', appliedFor: ['CREATE_ON_PUSH'] }], nextToken: 'n1' })
        .resolvesOnce({ repositoryCreationTemplates: [api] })
      const result = await ensureRepository(ecr, repo(), ['latest'], 'us-east-1')
      expect(ecrMock.commandCalls(DescribeRepositoryCreationTemplatesCommand).map(c => c.args[0].input)).toEqual([{ maxResults: 100 }, { maxResults: 100, nextToken: 'n1' }])
      expect(ecrMock.commandCalls(CreateRepositoryCommand)[0]?.args[0].input).toEqual(
        expect.objectContaining({ encryptionConfiguration: { encryptionType: 'KMS', kmsKey: KEY }, tags: [{ Key: 'owner', Value: 'platform' }] })
      )
      expect(JSON.parse(ecrMock.commandCalls(PutLifecyclePolicyCommand)[0]?.args[0].input.lifecyclePolicyText ?? '')).toEqual(TEMPLATE_POLICY)
      expect(ecrMock.commandCalls(SetRepositoryPolicyCommand)[0]?.args[0].input.policyText).toBe(ACCESS)
      expect(result.changes).toEqual([
        `created the repository: IMMUTABLE_WITH_EXCLUSION (latest, sha256-*), scan on push on, KMS encryption (${KEY}) from template team, tags owner=platform from template team`,
        'access policy set (from template team)',
        'lifecycle policy put (new repository: the policy from template team)'
      ])
    })

    test('AccessDenied on the templates: one warning, the repository created as before', async () => {
      ecrMock
        .on(DescribeRepositoryCreationTemplatesCommand)
        .rejects(Object.assign(new Error('User is not authorized to perform: ecr:DescribeRepositoryCreationTemplates'), { name: 'AccessDeniedException' }))
      const result = await ensureRepository(ecr, repo(), ['latest'], 'us-east-1')
      expect(result.warnings).toEqual([TEMPLATES_DENIED])
      expect(ecrMock.commandCalls(CreateRepositoryCommand)[0]?.args[0].input.encryptionConfiguration).toEqual({ encryptionType: 'AES256' })
      expect(result.changes[0]).toBe('created the repository: IMMUTABLE_WITH_EXCLUSION (latest, sha256-*), scan on push on, AES256 encryption')
    })

    test('a template that would freeze latest: no write at all', async () => {
      ecrMock.on(DescribeRepositoryCreationTemplatesCommand).resolves({ repositoryCreationTemplates: [{ ...api, imageTagMutability: 'IMMUTABLE' }] })
      await expect(ensureRepository(ecr, repo(), ['latest'], 'us-east-1')).rejects.toThrow(/^Repository creation template 'team' makes new repositories IMMUTABLE/)
      expect(ecrMock.commandCalls(CreateRepositoryCommand)).toHaveLength(0)
      expect(ecrMock.commandCalls(PutLifecyclePolicyCommand)).toHaveLength(0)
    })

    test('an existing repository: templates are not read', async () => {
      ecrMock.on(DescribeRepositoriesCommand).resolves({
        repositories: [
          {
            repositoryUri: URI,
            repositoryArn: 'arn',
            imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
            imageTagMutabilityExclusionFilters: [{ filterType: 'WILDCARD', filter: 'latest' }],
            imageScanningConfiguration: { scanOnPush: true }
          }
        ]
      })
      ecrMock.on(GetLifecyclePolicyCommand).resolves({ lifecyclePolicyText: JSON.stringify(TEMPLATE_POLICY) })
      await ensureRepository(ecr, repo(), ['latest'], 'us-east-1')
      expect(ecrMock.commandCalls(DescribeRepositoryCreationTemplatesCommand)).toHaveLength(0)
    })
  })
})

describe('existing-repository: leave', () => {
  /** A hand-made repository: mutable, no scan on push, no lifecycle policy, no access policy, no tags. */
  function handMade(): void {
    ecrMock.on(DescribeRepositoriesCommand).resolves({
      repositories: [
        {
          repositoryName: 'team/web',
          repositoryUri: URI,
          repositoryArn: 'arn:aws:ecr:us-east-1:123456789012:repository/team/web',
          imageTagMutability: 'MUTABLE',
          imageScanningConfiguration: { scanOnPush: false },
          encryptionConfiguration: { encryptionType: 'AES256' }
        }
      ]
    })
    ecrMock.on(GetLifecyclePolicyCommand).rejects(new LifecyclePolicyNotFoundException({ message: 'none', $metadata: {} }))
    ecrMock.on(GetRepositoryPolicyCommand).rejects(new RepositoryPolicyNotFoundException({ message: 'none', $metadata: {} }))
    ecrMock.on(ListTagsForResourceCommand).resolves({ tags: [] })
  }

  const STATED = {
    'scan-on-push': 'true',
    'lifecycle-keep-count': '10',
    'pull-principals': '210987654321',
    'repository-tags': 'owner=platform'
  }

  /** Every command sent, by name: reads are Describe/Get/List. */
  const sent = (): string[] => ecrMock.calls().map(c => (c.args[0] as object).constructor.name.replace(/Command$/, ''))

  const writes = (): string[] => sent().filter(n => !/^(Describe|Get|List)/.test(n))

  test('leave: reads only, and each difference is said', async () => {
    handMade()
    const result = await ensureRepository(ecr, repoSettings({ ...STATED, 'existing-repository': 'leave' }), ['latest'], 'us-east-1')
    expect(writes()).toEqual([])
    expect(result.changes).toEqual([])
    expect(result.created).toBe(false)
    expect(result.mutability).toEqual({ mode: 'MUTABLE', exclusions: [] })
    const notes = (result.notes ?? []).join('\n')
    expect(notes).toContain("tag mutability is MUTABLE; the workflow's settings make it IMMUTABLE_WITH_EXCLUSION (latest, sha256-*)")
    expect(notes).toContain('scan on push is off; scan-on-push states on')
    expect(notes).toContain('the access policy differs')
    expect(notes).toContain('owner=platform')
    expect(result.lifecycle).toContain("left as it is (existing-repository: leave): the workflow's policy would be put")
    expect(result.lifecyclePut).toBe(false)
  })

  test('reconcile (the default) writes the same differences', async () => {
    handMade()
    await ensureRepository(ecr, repoSettings(STATED), ['latest'], 'us-east-1')
    expect(writes().sort()).toEqual(['PutImageScanningConfiguration', 'PutImageTagMutability', 'PutLifecyclePolicy', 'SetRepositoryPolicy', 'TagResource'])
  })

  test('leave on a repository that matches says so', async () => {
    handMade()
    const result = await ensureRepository(ecr, repoSettings({ 'existing-repository': 'leave', 'tag-mutability': 'MUTABLE', 'scan-on-push': 'false' }), ['latest'], 'us-east-1')
    expect(writes()).toEqual([])
    expect(result.notes).toEqual(["left as it is (existing-repository: leave): it matches the workflow's settings"])
  })

  test('leave still creates a missing repository and sets it up: the run created it', async () => {
    ecrMock.on(DescribeRepositoriesCommand).rejects(new RepositoryNotFoundException({ message: 'none', $metadata: {} }))
    ecrMock.on(GetLifecyclePolicyCommand).rejects(new RepositoryNotFoundException({ message: 'none', $metadata: {} }))
    ecrMock.on(CreateRepositoryCommand).resolves({ repository: { repositoryUri: URI } })
    const result = await ensureRepository(ecr, repoSettings({ 'existing-repository': 'leave' }), ['latest'], 'us-east-1')
    expect(result.created).toBe(true)
    expect(ecrMock.commandCalls(PutLifecyclePolicyCommand)).toHaveLength(1)
  })
})
