/**
 * `existing-repository: leave` against a mocked ECR: a repository the run didn't create gets
 * reads only, and every setting that differs from the workflow's is said; `reconcile` (the
 * default) writes as before; a repository the run creates is set up as before.
 */
import {
  CreateRepositoryCommand,
  DescribeRepositoriesCommand,
  ECRClient,
  GetLifecyclePolicyCommand,
  GetRepositoryPolicyCommand,
  LifecyclePolicyNotFoundException,
  ListTagsForResourceCommand,
  PutLifecyclePolicyCommand,
  RepositoryNotFoundException,
  RepositoryPolicyNotFoundException
} from '@aws-sdk/client-ecr'
import { mockClient } from 'aws-sdk-client-mock'
import { ensureRepository } from '../../../src/aws/repository.js'
import { InputError } from '../../../src/errors.js'
import { readSettings } from '../../../src/settings/read.js'
import type { Settings } from '../../../src/settings/types.js'
import { makeWorkspace, stepEnv, type TempWorkspace } from '../../fixtures/workspace.js'

const URI = '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web'
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

const repoSettings = (inputs: Record<string, string> = {}): Settings['repository'] =>
  readSettings(stepEnv(ws.dir, { repository: 'team/web', cache: 'none', ...inputs })).repository

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
  expect(notes).toContain('tag mutability is MUTABLE; the workflow\'s settings make it IMMUTABLE_WITH_EXCLUSION (latest, sha256-*)')
  expect(notes).toContain('scan on push is off; scan-on-push states on')
  expect(notes).toContain('the access policy differs')
  expect(notes).toContain('owner=platform')
  expect(result.lifecycle).toContain('left as it is (existing-repository: leave): the workflow\'s policy would be put')
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

test('existing-repository takes reconcile or leave only, and not on ECR Public', () => {
  const refused = (inputs: Record<string, string>): InputError => {
    try {
      repoSettings(inputs)
    } catch (error) {
      return error as InputError
    }
    throw new Error('accepted')
  }
  expect(refused({ 'existing-repository': 'ignore' }).input).toBe('existing-repository')
  expect(refused({ 'existing-repository': 'leave', 'registry-type': 'public' }).input).toBe('existing-repository')
  expect(repoSettings({ 'existing-repository': 'LEAVE' }).existing).toBe('leave')
  expect(repoSettings({}).existing).toBeUndefined()
})
