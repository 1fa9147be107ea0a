/**
 * The bundled action (dist/) run as a runner runs it, on the local ECR stack: a real
 * Docker engine with buildx and QEMU, a registry that answers as ECR, and the emulator.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import {
  CreateRepositoryCommand,
  DescribeImagesCommand,
  DescribeRepositoriesCommand,
  GetLifecyclePolicyCommand,
  PutLifecyclePolicyCommand
} from '@aws-sdk/client-ecr'
import { errorLine, runAction, visibleLog, type RunResult } from '../../scripts/local-runner.mjs'
import { LIFECYCLE_EXAMPLES } from '../fixtures/lifecycle-examples.js'
import {
  awsCalls,
  dockerConfig,
  ecr,
  jobEnv,
  makeWorkspace,
  PASSWORD,
  REGISTRY,
  registryManifest,
  registrySnapshot,
  registryTags,
  resetCalls,
  resetStack,
  ROLE,
  runImage,
  writeCalls
} from './stack.js'

const SHA_A = 'aaaaaaa111111111111111111111111111111111'
const SHA_B = 'bbbbbbb222222222222222222222222222222222'

const ship = (
  inputs: Record<string, string>,
  options: { workspace?: string; env?: Record<string, string | undefined>; post?: boolean } = {}
): Promise<RunResult> =>
  runAction({
    inputs: { 'role-to-assume': ROLE, 'aws-region': 'us-east-1', ...inputs },
    env: jobEnv(options.env),
    workspace: options.workspace ?? workspace,
    post: options.post ?? true
  })

/** Registries the job's docker config holds credentials for. */
function dockerLogins(): string[] {
  const config = path.join(dockerConfig, 'config.json')
  if (!existsSync(config)) return []
  return Object.keys((JSON.parse(readFileSync(config, 'utf8')) as { auths?: object }).auths ?? {})
}

const describeRepository = async (name: string) =>
  (await ecr.send(new DescribeRepositoriesCommand({ repositoryNames: [name] }))).repositories?.[0]

const lifecyclePolicy = async (name: string) =>
  JSON.parse((await ecr.send(new GetLifecyclePolicyCommand({ repositoryName: name }))).lifecyclePolicyText ?? '{}') as unknown

function expectSuccess(result: RunResult): void {
  if (result.exitCode !== 0) throw new Error(`the action failed:\n${result.log}`)
  expect(result.post?.exitCode).toBe(0)
}

let workspace: string

beforeAll(() => {
  resetStack()
  workspace = makeWorkspace('v1')
})

describe('a new repository', () => {
  let first: RunResult

  beforeAll(async () => {
    await resetCalls()
    first = await ship({ repository: 'team/web', version: '1.0.0' }, { env: { GITHUB_SHA: SHA_A } })
  })

  test('is created immutable except latest, scanned on push, with the default lifecycle policy', async () => {
    expectSuccess(first)
    const repo = await describeRepository('team/web')
    expect(repo?.imageTagMutability).toBe('IMMUTABLE_WITH_EXCLUSION')
    expect(repo?.imageTagMutabilityExclusionFilters).toEqual([{ filterType: 'WILDCARD', filter: 'latest' }])
    expect(repo?.imageScanningConfiguration?.scanOnPush).toBe(true)
    expect(repo?.encryptionConfiguration?.encryptionType).toBe('AES256')
    const policy = (await lifecyclePolicy('team/web')) as { rules: { selection: Record<string, unknown> }[] }
    expect(policy.rules.map(r => r.selection.tagStatus)).toEqual(['tagged', 'untagged', 'tagged'])
    expect(policy.rules[0]?.selection.tagPatternList).toEqual(['latest'])
    expect(policy.rules[1]?.selection).toMatchObject({ countType: 'sinceImagePushed', countNumber: 14 })
    expect(policy.rules[2]?.selection).toMatchObject({ countType: 'imageCountMoreThan', countNumber: 100 })
  })

  test('holds one index with both platforms under the version and latest, the digest the outputs give', async () => {
    const version = await registryManifest('team/web', '1.0.0')
    const latest = await registryManifest('team/web', 'latest')
    expect(version.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(latest.digest).toBe(version.digest)
    expect(version.mediaType).toMatch(/index|manifest\.list/)
    expect(version.manifests.map(m => `${m.platform?.os}/${m.platform?.architecture}`).sort()).toEqual([
      'linux/amd64',
      'linux/arm64'
    ])
    expect(first.outputs).toMatchObject({
      registry: REGISTRY,
      'repository-uri': `${REGISTRY}/team/web`,
      'image-uri': `${REGISTRY}/team/web:1.0.0`,
      'latest-uri': `${REGISTRY}/team/web:latest`,
      digest: version.digest,
      'image-digest-uri': `${REGISTRY}/team/web@${version.digest}`,
      tags: `${REGISTRY}/team/web:1.0.0\n${REGISTRY}/team/web:latest`,
      version: '1.0.0'
    })
    expect(JSON.parse(first.outputs.metadata ?? '{}')).toMatchObject({ 'containerimage.digest': version.digest })
    expect(await registryTags('team/web')).toEqual(['1.0.0', 'latest'])
  })

  test('the emulator sees the pushed image under both tags', async () => {
    const images = await ecr.send(new DescribeImagesCommand({ repositoryName: 'team/web', imageIds: [{ imageTag: '1.0.0' }] }))
    expect(images.imageDetails?.[0]?.imageDigest).toBe(first.outputs.digest)
    expect(images.imageDetails?.[0]?.imageTags?.sort()).toEqual(['1.0.0', 'latest'])
  })

  test('both platforms run and print their architecture', () => {
    const ref = first.outputs['image-digest-uri'] ?? ''
    expect(runImage(ref, 'linux/amd64')).toMatch(/^x86_64 v1 built-on=x86_64$/)
    expect(runImage(ref, 'linux/arm64')).toMatch(/^aarch64 v1 built-on=aarch64$/)
  })

  test('the job summary names the image, the digest, the platforms and the repository it created', () => {
    expect(first.summary).toContain(`${REGISTRY}/team/web@${first.outputs.digest}`)
    expect(first.summary).toContain('linux/amd64, linux/arm64')
    expect(first.summary).toContain('created the repository')
  })

  test('the post step logs out: no registry credentials stay in the docker config', () => {
    expect(first.post?.log).toContain(`Logged out of ${REGISTRY}`)
    expect(dockerLogins()).toEqual([])
  })

  test('no secret reaches the log, the outputs or the summary', () => {
    // The ECR password, the OIDC token and STS's key and session token were all masked…
    expect(first.masked).toContain(PASSWORD)
    expect(first.masked.length).toBeGreaterThanOrEqual(5)
    // …and none of them is printed anywhere a user can see.
    const visible = [visibleLog(first.log), visibleLog(first.post?.log ?? ''), first.summary, JSON.stringify(first.outputs)]
    for (const secret of first.masked) for (const text of visible) expect(text).not.toContain(secret)
  })
})

describe('the next version on the same repository', () => {
  let second: RunResult
  let before: string

  beforeAll(async () => {
    before = (await registryManifest('team/web', '1.0.0')).digest
    second = await ship({ repository: 'team/web', version: '1.1.0' }, { workspace: makeWorkspace('v2'), env: { GITHUB_SHA: SHA_B } })
  })

  test('moves latest and keeps the old version', async () => {
    expectSuccess(second)
    const latest = await registryManifest('team/web', 'latest')
    expect(latest.digest).toBe(second.outputs.digest)
    expect(latest.digest).not.toBe(before)
    expect((await registryManifest('team/web', '1.0.0')).digest).toBe(before)
    expect(await registryTags('team/web')).toEqual(['1.0.0', '1.1.0', 'latest'])
    expect(runImage(`${REGISTRY}/team/web:latest`, 'linux/arm64')).toContain('aarch64 v2')
  })

  test('a converged repository gets zero ECR write calls', async () => {
    await resetCalls()
    const third = await ship({ repository: 'team/web', version: '1.2.0' }, { env: { GITHUB_SHA: SHA_A } })
    expectSuccess(third)
    const calls = await awsCalls()
    expect(writeCalls(calls)).toEqual([])
    expect(calls.map(c => c.operation)).toEqual(
      expect.arrayContaining(['AssumeRoleWithWebIdentity', 'DescribeRepositories', 'GetLifecyclePolicy', 'GetAuthorizationToken'])
    )
    expect(third.summary).toContain('no changes')
  })
})

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
    expect(writeCalls(await awsCalls()).map(c => c.operation).sort()).toEqual([
      'PutImageScanningConfiguration',
      'PutImageTagMutability'
    ])
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

    const file = path.join(workspace, 'policy.json')
    writeFileSync(file, JSON.stringify(policy, null, 2))
    const fromFile = await ship({ repository: `${name}-file`, version: 'file', 'lifecycle-policy': 'policy.json' })
    expectSuccess(fromFile)
    expect(await lifecyclePolicy(`${name}-file`)).toEqual(policy)
  })
})

describe('failures write nothing and push nothing', () => {
  let before: string

  beforeEach(async () => {
    await resetCalls()
    before = await registrySnapshot()
  })

  async function expectNothingDone(result: RunResult): Promise<void> {
    expect(result.exitCode).toBe(1)
    expect(writeCalls(await awsCalls())).toEqual([])
    expect(await registrySnapshot()).toBe(before)
    expect(result.log).not.toContain('buildx build')
    // Run without the post step: docker never logged in.
    expect(dockerLogins()).toEqual([])
  }

  test('without the OIDC variables: asks for id-token: write', async () => {
    const result = await ship(
      { repository: 'team/no-oidc', version: '1.0.0' },
      { env: { ACTIONS_ID_TOKEN_REQUEST_URL: '', ACTIONS_ID_TOKEN_REQUEST_TOKEN: '' }, post: false }
    )
    expect(errorLine(result.log)).toContain("add 'permissions: id-token: write'")
    await expectNothingDone(result)
    expect(await awsCalls()).toEqual([])
  })

  test('a bad input: named, with the fix, before any AWS call', async () => {
    const result = await ship({ repository: 'Team/Web', version: '1.0.0' }, { post: false })
    expect(errorLine(result.log)).toMatch(/^Input 'repository': 'Team\/Web' is not a valid ECR repository name/)
    await expectNothingDone(result)
    expect(await awsCalls()).toEqual([])
  })

  test('create-repository: false on a missing repository', async () => {
    const result = await ship({ repository: 'team/missing', version: '1.0.0', 'create-repository': 'false' }, { post: false })
    expect(errorLine(result.log)).toContain("Repository 'team/missing' does not exist")
    await expectNothingDone(result)
    await expect(describeRepository('team/missing')).rejects.toMatchObject({ name: 'RepositoryNotFoundException' })
  })
})

describe('push: false', () => {
  test('builds both platforms and pushes nothing, without AWS', async () => {
    await resetCalls()
    const result = await runAction({
      inputs: { repository: 'team/pr', version: 'pr-1', push: 'false' },
      env: { DOCKER_CONFIG: dockerConfig },
      workspace
    })
    expectSuccess(result)
    expect(result.log).toMatch(/linux\/arm64/)
    expect(await awsCalls()).toEqual([])
    expect(await registryTags('team/pr')).toEqual([])
    expect(result.outputs['image-uri']).toBe('team/pr:pr-1')
    expect(result.outputs.digest).toBe('')
  })
})
