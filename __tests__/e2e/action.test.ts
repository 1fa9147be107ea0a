/**
 * The bundled action (dist/) run as a runner runs it, on the local ECR stack: a real
 * Docker engine with buildx and QEMU, a registry that answers as ECR, and the emulator.
 */
import { execFileSync } from 'node:child_process'
import { jest } from '@jest/globals'
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  CreateRepositoryCommand,
  DescribeImagesCommand,
  DescribeRepositoriesCommand,
  GetLifecyclePolicyCommand,
  GetRepositoryPolicyCommand,
  ListTagsForResourceCommand,
  PutLifecyclePolicyCommand,
  SetRepositoryPolicyCommand,
  TagResourceCommand
} from '@aws-sdk/client-ecr'
import { errorLine, runAction, visibleLog, type RunResult } from '../../scripts/local-runner.mjs'
import { LIFECYCLE_EXAMPLES } from '../fixtures/lifecycle-examples.js'
import {
  awsCalls,
  dockerConfig,
  ecr,
  injectAwsFault,
  injectRegistryFaults,
  issuedTokens,
  jobEnv,
  makeWorkspace,
  PASSWORD,
  REGISTRY,
  registryGet,
  registryManifest,
  registrySnapshot,
  dockerLogins,
  recordingDocker,
  registryTags,
  resetCalls,
  resetFaults,
  resetStack,
  ROLE,
  runImage,
  testDockerConfig,
  writeCalls
} from './stack.js'

/** The build's command line in the log: `docker buildx build`, or the buildx plugin run standalone. */
const BUILD_COMMAND = /\[command\]\S*(docker buildx|docker-buildx) build /

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

const describeRepository = async (name: string) =>
  (await ecr.send(new DescribeRepositoriesCommand({ repositoryNames: [name] }))).repositories?.[0]

const lifecyclePolicy = async (name: string) =>
  JSON.parse((await ecr.send(new GetLifecyclePolicyCommand({ repositoryName: name }))).lifecyclePolicyText ?? '{}') as unknown

function expectSuccess(result: RunResult): void {
  if (result.exitCode !== 0) throw new Error(`the action failed:\n${result.log}`)
  expect(result.post?.exitCode).toBe(0)
}

// Real builds, some under QEMU, and a registry that fails on purpose.
jest.setTimeout(15 * 60 * 1000)

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
    expect(first.log).toMatch(BUILD_COMMAND)
    const repo = await describeRepository('team/web')
    expect(repo?.imageTagMutability).toBe('IMMUTABLE_WITH_EXCLUSION')
    expect(repo?.imageTagMutabilityExclusionFilters).toEqual([
      { filterType: 'WILDCARD', filter: 'latest' },
      { filterType: 'WILDCARD', filter: 'sha256-*' },
      { filterType: 'WILDCARD', filter: 'buildcache*' }
    ])
    expect(repo?.imageScanningConfiguration?.scanOnPush).toBe(true)
    expect(repo?.encryptionConfiguration?.encryptionType).toBe('AES256')
    const policy = (await lifecyclePolicy('team/web')) as { rules: { selection: Record<string, unknown> }[] }
    expect(policy.rules.map(r => r.selection.tagStatus)).toEqual(['tagged', 'tagged', 'tagged', 'tagged', 'untagged', 'tagged'])
    expect(policy.rules.slice(0, 4).map(r => r.selection.tagPatternList)).toEqual([['buildcache*--*'], ['latest'], ['buildcache*'], ['sha256-*']])
    expect(policy.rules[0]?.selection).toMatchObject({ countType: 'sinceImagePushed', countNumber: 14 })
    expect(policy.rules[4]?.selection).toMatchObject({ countType: 'sinceImagePushed', countNumber: 14 })
    expect(policy.rules[5]?.selection).toMatchObject({ countType: 'imageCountMoreThan', countNumber: 100 })
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
    expect(await registryTags('team/web')).toEqual(['1.0.0', 'buildcache', 'latest'])
    expect(first.outputs.skipped).toBe('false')
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

  test('the job summary names the image, the digest, each platform with its digest, the cache and the repository it created', async () => {
    expect(first.summary).toContain(`${REGISTRY}/team/web@${first.outputs.digest}`)
    const index = await registryManifest('team/web', first.outputs.digest ?? '')
    for (const m of index.manifests) {
      expect(first.summary).toContain(`${m.platform?.os}/${m.platform?.architecture} <code>${m.digest}</code>`)
    }
    expect(first.summary).toContain(`<th align="left">Cache</th><td>ecr (${REGISTRY}/team/web:buildcache)</td>`)
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
    expect(await registryTags('team/web')).toEqual(['1.0.0', '1.1.0', 'buildcache', 'latest'])
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
    expect(result.log).not.toMatch(BUILD_COMMAND)
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

  test.each([
    ['tag', { tags: 'ok,bad;rm -rf /' }, "Input 'tags': 'bad;rm -rf /' is not a valid image tag"],
    ['version', { version: '$(whoami)' }, "Input 'version': '$(whoami)' is not a valid image tag"],
    ['platform', { platforms: 'linux/amd64,linux/m68k' }, "Input 'platforms': 'linux/m68k' is not a platform"],
    ['number', { 'role-duration-seconds': '60' }, "Input 'role-duration-seconds': 60 is out of range"],
    ['lifecycle rule', { 'lifecycle-policy': '{"rules":[{"rulePriority":1,"selection":{"tagStatus":"tagged","countType":"imageCountMoreThan","countNumber":1},"action":{"type":"expire"}}]}' }, "Input 'lifecycle-policy': rules[0].selection: a \"tagged\" rule needs exactly one"],
    ['conflicting lifecycle inputs', { 'lifecycle-keep-count': '5', 'lifecycle-expire-days': '30' }, "Input 'lifecycle-expire-days': is given together with lifecycle-keep-count"],
    ['mutability filter', { 'tag-mutability': 'IMMUTABLE_WITH_EXCLUSION', 'tag-mutability-exclusions': 'release/*' }, "Input 'tag-mutability-exclusions': 'release/*' is not a filter"],
    ['role ARN', { 'role-to-assume': 'arn:aws:iam::123:role/x' }, "Input 'role-to-assume': 'arn:aws:iam::123:role/x' is not an IAM role ARN"],
    ['region', { 'aws-region': 'Seoul' }, "Input 'aws-region': 'Seoul' is not an AWS region code"],
    ['Dockerfile', { file: 'nope/Dockerfile' }, "Input 'file': 'nope/Dockerfile' does not exist"],
    ['build-arg', { 'build-args': 'JUST_A_NAME' }, "Input 'build-args': line 1 is not KEY=VALUE"]
  ])('a bad %s: one line naming the input, nothing called, written or pushed', async (_what, inputs, message) => {
    const result = await ship({ repository: 'team/web', version: '8.0.0', ...inputs }, { post: false })
    expect(errorLine(result.log).startsWith(message)).toBe(true)
    await expectNothingDone(result)
    expect(await awsCalls()).toEqual([])
  })

  test('a runner without docker: one line with the fix, nothing written', async () => {
    const result = await ship({ repository: 'team/nodocker', version: '1.0.0' }, { env: { PATH: '/nonexistent' }, post: false })
    expect(errorLine(result.log)).toBe('docker is not installed on this runner: use a runner with Docker (e.g. ubuntu-latest).')
    await expectNothingDone(result)
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

describe('re-runs', () => {
  test('the same commit, version and workflow again: auto reuses it on its provenance, nothing built or written; from another workflow ref it trusts no label and stops before login and build', async () => {
    const ws = makeWorkspace('rerun')
    const first = await ship({ repository: 'team/rerun', version: '3.0.0' }, { workspace: ws, env: { GITHUB_SHA: SHA_A } })
    expectSuccess(first)
    await resetCalls()
    const before = await registrySnapshot()
    const again = await ship({ repository: 'team/rerun', version: '3.0.0' }, { workspace: ws, env: { GITHUB_SHA: SHA_A } })
    expectSuccess(again)
    expect(again.outputs.skipped).toBe('true')
    expect(again.outputs.digest).toBe(first.outputs.digest)
    expect(again.log).toContain(`3.0.0 already exists (${first.outputs.digest}) and its provenance shows it was built from this commit (aaaaaaa) by .github/workflows/release.yml@refs/heads/main; if-version-exists: auto`)
    expect(again.log).not.toMatch(BUILD_COMMAND)
    expect(writeCalls(await awsCalls())).toEqual([])
    expect(await registrySnapshot()).toBe(before)

    const branch = await ship({ repository: 'team/rerun', version: '3.0.0' }, { workspace: ws, env: { GITHUB_SHA: SHA_A, GITHUB_WORKFLOW_REF: 'acme/web/.github/workflows/branch.yml@refs/heads/feature' } })
    expect(branch.exitCode).toBe(1)
    expect(errorLine(branch.log)).toMatch(
      new RegExp(
        `^Tag '3\\.0\\.0' already exists in 'team/rerun' \\(${first.outputs.digest}\\), labelled as built from this commit \\(aaaaaaa\\); ` +
          "a label is written by whoever pushed the image, and its provenance doesn't show that this workflow built it from this commit \\(linux/amd64 sha256:.*it was built by the workflow \\.github/workflows/release\\.yml@refs/heads/main, which is not an allowed one \\(\\.github/workflows/branch\\.yml@refs/heads/feature\\)\\)\\. " +
          'Bump the version, or set if-version-exists: skip to keep the existing image \\(trusting whoever pushed it\\)\\.$'
      )
    )
    expect(branch.log).not.toMatch(BUILD_COMMAND)
    expect(branch.log).not.toContain('Logged in to')
    expect(await registrySnapshot()).toBe(before)
  })

  test('if-version-exists: skip: nothing built, the same digest, skipped', async () => {
    const again = await ship({ repository: 'team/rerun', version: '3.0.0', 'if-version-exists': 'skip' }, { workspace: makeWorkspace('rerun'), env: { GITHUB_SHA: SHA_A } })
    expectSuccess(again)
    expect(again.log).not.toMatch(BUILD_COMMAND)
    expect(again.outputs.skipped).toBe('true')
    expect(again.outputs.digest).toBe((await registryManifest('team/rerun', '3.0.0')).digest)
    expect(again.summary).toContain('already exists')
    expect(again.summary).toContain('if-version-exists: skip')
  })

  test('a version kept with skip moves latest back to it when latest-may-move-back allows', async () => {
    const ws = makeWorkspace('moves')
    const v1 = await ship({ repository: 'team/moves', version: '1.0.0' }, { workspace: ws, env: { GITHUB_SHA: SHA_A } })
    const v2 = await ship({ repository: 'team/moves', version: '2.0.0' }, { workspace: makeWorkspace('moves-2'), env: { GITHUB_SHA: SHA_B } })
    expectSuccess(v2)
    expect((await registryManifest('team/moves', 'latest')).digest).toBe(v2.outputs.digest)
    // Re-running the 1.0.0 release job: nothing is built, latest follows the release again
    // (without the input it stays on 2.0.0: tags.test.ts).
    const rec = recordingDocker()
    const rerun = await ship(
      { repository: 'team/moves', version: '1.0.0', 'if-version-exists': 'skip', 'latest-may-move-back': 'true' },
      { workspace: ws, env: { GITHUB_SHA: SHA_A, PATH: rec.path, DOCKER_CONFIG: rec.configDir } }
    )
    expectSuccess(rerun)
    expect(rerun.outputs.skipped).toBe('true')
    expect((await registryManifest('team/moves', 'latest')).digest).toBe(v1.outputs.digest)
    expect(rerun.summary).toContain('moved latest')
    // By the registry API: no docker command moved it; the only one was the builder check's
    // (its labels name BuildKit's containerd worker: no docker info).
    expect(dockerCommands(rec.argv())).toEqual(['buildx inspect'])
  })

  test('the same version from another commit stops before building and names what its label claims', async () => {
    const ws = makeWorkspace('conflict')
    expectSuccess(await ship({ repository: 'team/conflict', version: '1.0.0' }, { workspace: ws, env: { GITHUB_SHA: SHA_A } }))
    const before = await registrySnapshot()
    const other = await ship({ repository: 'team/conflict', version: '1.0.0' }, { workspace: makeWorkspace('conflict-2'), env: { GITHUB_SHA: SHA_B } })
    expect(other.exitCode).toBe(1)
    expect(errorLine(other.log)).toContain(`labelled as built from commit ${SHA_A} (this run is bbbbbbb)`)
    expect(errorLine(other.log)).toContain('Bump the version')
    expect(other.log).not.toMatch(BUILD_COMMAND)
    expect(await registrySnapshot()).toBe(before)
  })

  test('if-version-exists: skip keeps an image from another commit', async () => {
    const result = await ship(
      { repository: 'team/conflict', version: '1.0.0', 'if-version-exists': 'skip' },
      { workspace: makeWorkspace('conflict-3'), env: { GITHUB_SHA: SHA_B } }
    )
    expectSuccess(result)
    expect(result.outputs.skipped).toBe('true')
    expect(result.log).not.toMatch(BUILD_COMMAND)
  })

  test("a forged label: another pipeline pushes the release's version labelled with its commit; auto refuses it and moves nothing, skip keeps it as asked", async () => {
    const release = await ship({ repository: 'team/forged', version: '0.9.0', platforms: 'linux/amd64' }, { workspace: makeWorkspace('forged-0'), env: { GITHUB_SHA: SHA_A } })
    expectSuccess(release)
    // Another pipeline with push rights: other code, under the next release's version, labelled with its commit.
    execFileSync(
      'docker',
      ['buildx', 'build', '--platform', 'linux/amd64', '--provenance=false', '--label', `org.opencontainers.image.revision=${SHA_B}`,
        '--tag', `${REGISTRY}/team/forged:1.0.0`, '--push', makeWorkspace('not-the-release')],
      { env: { ...process.env, DOCKER_CONFIG: testDockerConfig() }, stdio: 'ignore' }
    )
    const forged = (await registryManifest('team/forged', '1.0.0')).digest
    const before = await registrySnapshot()

    const refused = await ship({ repository: 'team/forged', version: '1.0.0' }, { workspace: makeWorkspace('forged-release'), env: { GITHUB_SHA: SHA_B } })
    expect(refused.exitCode).toBe(1)
    expect(errorLine(refused.log)).toContain(`(${forged}), labelled as built from this commit (bbbbbbb); a label is written by whoever pushed the image`)
    expect(refused.log).not.toMatch(BUILD_COMMAND)
    expect(refused.log).not.toContain('Logged in to')
    expect(await registrySnapshot()).toBe(before)
    expect((await registryManifest('team/forged', 'latest')).digest).toBe(release.outputs.digest)

    const kept = await ship(
      { repository: 'team/forged', version: '1.0.0', 'if-version-exists': 'skip' },
      { workspace: makeWorkspace('forged-release'), env: { GITHUB_SHA: SHA_B } }
    )
    expectSuccess(kept)
    expect(kept.outputs.skipped).toBe('true')
    expect(kept.outputs.digest).toBe(forged)
    expect((await registryManifest('team/forged', 'latest')).digest).toBe(forged)
  })
})

describe('pushes that fail', () => {
  test('a registry that fails manifest PUTs more often than the engine retries: the action tries again and succeeds', async () => {
    // The engine tries a manifest PUT 8 times before it gives up on a build.
    await injectRegistryFaults({ count: 8, status: 500, repository: 'team/flaky' })
    const result = await ship({ repository: 'team/flaky', version: '1.0.0' }, { workspace: makeWorkspace('flaky') })
    expectSuccess(result)
    expect(result.log).toMatch(/The push failed \(failed to push .*\); trying again in \d+s \(2 of 4\)/)
    expect((await registryManifest('team/flaky', '1.0.0')).digest).toBe(result.outputs.digest)
  })

  test('a registry failing a blob upload once: the run succeeds', async () => {
    await injectRegistryFaults({ count: 1, status: 500, on: 'blob', repository: 'team/flaky-blob' })
    const result = await ship({ repository: 'team/flaky-blob', version: '1.0.0' }, { workspace: makeWorkspace(`blob-${Date.now()}`) })
    expectSuccess(result)
    expect((await registryManifest('team/flaky-blob', '1.0.0')).digest).toBe(result.outputs.digest)
  })

  test('a registry failing a manifest PUT once: the run succeeds', async () => {
    await injectRegistryFaults({ count: 1, status: 500, repository: 'team/flaky-once' })
    const result = await ship({ repository: 'team/flaky-once', version: '1.0.0' }, { workspace: makeWorkspace('flaky-once') })
    expectSuccess(result)
  })

  test('an immutable tag is not retried and is explained', async () => {
    expectSuccess(await ship({ repository: 'team/frozen', version: '1.0.0', tags: 'stable' }, { workspace: makeWorkspace('frozen-1') }))
    const result = await ship({ repository: 'team/frozen', version: '1.1.0', tags: 'stable' }, { workspace: makeWorkspace('frozen-2') })
    expect(result.exitCode).toBe(1)
    expect(errorLine(result.log)).toBe(
      "Tag 'stable' already exists in 'team/frozen', which keeps it immutable: bump the version, or, if 'stable' is meant to move, add it to tag-mutability-exclusions (with tag-mutability: IMMUTABLE_WITH_EXCLUSION)."
    )
    expect(result.log).not.toContain('trying again')
  })
})

describe('the registry cache', () => {
  test('an emptied builder rebuilds from the cache in the repository, whose tag stays mutable', async () => {
    const ws = makeWorkspace(`cache-${Date.now()}`, 'RUN i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done; echo $i > /work')
    execFileSync('docker', ['buildx', 'prune', '-af'], { stdio: 'ignore' })
    const cold = await ship({ repository: 'team/cached', version: '1.0.0' }, { workspace: ws })
    expectSuccess(cold)
    execFileSync('docker', ['buildx', 'prune', '-af'], { stdio: 'ignore' })
    const warm = await ship({ repository: 'team/cached', version: '1.0.1' }, { workspace: ws })
    expectSuccess(warm)
    expect(warm.log).toContain('importing cache manifest from')
    // The expensive step ran for both platforms in the cold build and came from the cache in
    // the warm one: buildx prints `#N CACHED` for a step it did not run.
    const expensive = (log: string) => [...new Set([...log.matchAll(/^#(\d+) \[[^\]]*\] RUN i=0/gm)].map(m => m[1]))]
    const cached = (log: string, step: string | undefined) => new RegExp(`^#${step} CACHED`, 'm').test(log)
    expect(expensive(cold.log)).toHaveLength(2)
    for (const step of expensive(cold.log)) expect(cached(cold.log, step)).toBe(false)
    expect(expensive(warm.log)).toHaveLength(2)
    for (const step of expensive(warm.log)) expect(cached(warm.log, step)).toBe(true)
    expect(warm.outputs.digest).not.toBe('')
    const repo = await describeRepository('team/cached')
    expect(repo?.imageTagMutabilityExclusionFilters?.map(f => f.filter)).toContain('buildcache*')
    expect(await registryTags('team/cached')).toContain('buildcache')
  })
})

describe('dry-run', () => {
  async function dryRun(repository: string, inputs: Record<string, string> = {}, version = '9.9.9'): Promise<RunResult> {
    await resetCalls()
    const before = await registrySnapshot()
    const result = await ship({ repository, version, 'dry-run': 'true', ...inputs }, { post: false, env: { GITHUB_SHA: SHA_A } })
    expectSuccess({ ...result, post: { exitCode: 0, log: '', seconds: 0 } })
    expect(writeCalls(await awsCalls())).toEqual([])
    expect(await registrySnapshot()).toBe(before)
    // docker never ran: every build or merge the action starts is echoed as `[command]…`.
    expect(result.log).not.toContain('[command]')
    expect(dockerLogins()).toEqual([])
    expect(result.outputs.digest).toBe('')
    expect(result.outputs['image-uri']).toBe(`${REGISTRY}/${repository}:${version}`)
    return result
  }

  test('a missing repository: would be created, with the default policy, and built', async () => {
    const result = await dryRun('team/planned')
    expect(result.summary).toContain('dry run: nothing was changed, built or pushed')
    expect(result.summary).toContain('would create: created the repository: IMMUTABLE_WITH_EXCLUSION (latest, sha256-*, buildcache*)')
    expect(result.summary).toContain('**Lifecycle policy**: would be put (new repository: default policy)')
    expect(result.summary).toContain('would be built and pushed; then latest put on the same image by the registry API')
    // As a run does it: buildx pushes the version tag only.
    expect(result.summary).toContain(`--tag ${REGISTRY}/team/planned:9.9.9 --label`)
    expect(result.summary).not.toContain(`--tag ${REGISTRY}/team/planned:latest`)
    expect(result.summary).toContain('"ecr:CreateRepository"')
    expect(result.summary).toContain(`arn:aws:ecr:us-east-1:123456789012:repository/team/planned`)
    expect(result.summary).toMatch(/docker buildx build --platform linux\/amd64,linux\/arm64/)
    await expect(describeRepository('team/planned')).rejects.toMatchObject({ name: 'RepositoryNotFoundException' })
  })

  test('a drifted repository: each setting that would change, current → stated, and the policy diff', async () => {
    await ecr.send(new CreateRepositoryCommand({ repositoryName: 'team/drifted', imageTagMutability: 'MUTABLE' }))
    await ecr.send(
      new PutLifecyclePolicyCommand({
        repositoryName: 'team/drifted',
        lifecyclePolicyText: JSON.stringify({ rules: [{ rulePriority: 1, selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 5 }, action: { type: 'expire' } }] })
      })
    )
    const result = await dryRun('team/drifted', { 'lifecycle-keep-count': '30', 'build-args': 'TOKEN=hunter2' })
    expect(result.summary).toContain('would change: tag mutability MUTABLE → IMMUTABLE_WITH_EXCLUSION (latest, sha256-*, buildcache*)')
    expect(result.summary).toContain('would change: scan on push off → on')
    expect(result.summary).toContain('would be put (differs from lifecycle-* inputs)')
    expect(result.summary).toMatch(/Now:[\s\S]*"countNumber": 5[\s\S]*Would become:[\s\S]*"countNumber": 30/)
    // By name only, as the run passes it: the value is in buildx's environment.
    expect(result.summary).toContain('--build-arg TOKEN ')
    expect(result.summary + result.log).not.toContain('hunter2')
    expect((await describeRepository('team/drifted'))?.imageTagMutability).toBe('MUTABLE')
  })

  test('a converged repository: no changes, and an existing version built by this commit and workflow would be kept on its provenance, as the run judges it (with skip: be kept too)', async () => {
    const result = await dryRun('team/rerun', {}, '3.0.0')
    expect(result.summary).toContain('no changes: it already matches the workflow')
    expect(result.summary).toContain('kept the existing policy (the workflow states none)')
    expect(result.summary).toMatch(/would be skipped: 3\.0\.0 already exists \(sha256:[0-9a-f]{64}\) and its provenance shows it was built from this commit \(aaaaaaa\)/)
    expect((await dryRun('team/rerun', { 'if-version-exists': 'skip' }, '3.0.0')).summary).toContain('would be skipped: 3.0.0 already exists')
  })
})

describe('the job summary', () => {
  test('summary: false writes none', async () => {
    const result = await ship({ repository: 'team/rerun', version: '3.0.0', summary: 'false', 'if-version-exists': 'skip' }, { env: { GITHUB_SHA: SHA_A } })
    expectSuccess(result)
    expect(result.summary).toBe('')
  })

  test('times each stage, and groups the log by stage', async () => {
    const result = await ship({ repository: 'team/timed', version: '1.0.0' }, { workspace: makeWorkspace('timed') })
    expectSuccess(result)
    expect(result.summary).toMatch(/<th align="left">Time<\/th><td>sign-in \d+\.\d s · repository \d+\.\d s · version \d+\.\d s · login \d+\.\d s · build\+push \d+\.\d s · attest \d+\.\d s<\/td>/)
    expect(result.log).toMatch(/::group::sign-in[\s\S]*::endgroup::[\s\S]*::group::build\+push[\s\S]*::group::attest/)
  })
})

describe('faults survived', () => {
  afterEach(async () => {
    await resetFaults()
  })

  const OPERATIONS = ['AssumeRoleWithWebIdentity', 'DescribeRepositories', 'GetAuthorizationToken', 'CreateRepository', 'PutLifecyclePolicy']

  test('two throttles and two 500s on every AWS call of a first run: it succeeds', async () => {
    for (const operation of OPERATIONS) {
      await injectAwsFault({ operation, kind: 'throttle', count: 2 })
      await injectAwsFault({ operation, kind: '500', count: 2 })
    }
    await resetCalls()
    const result = await ship({ repository: 'team/faulty', version: '1.0.0' }, { workspace: makeWorkspace('faulty') })
    expectSuccess(result)
    const calls = (await awsCalls()).map(c => c.operation)
    for (const operation of OPERATIONS) expect(calls.filter(c => c === operation)).toHaveLength(5)
  })

  test('STS throttles the sign-in eight times in a row (many jobs signing in at once): the run waits it out, signs in and succeeds', async () => {
    await injectAwsFault({ operation: 'AssumeRoleWithWebIdentity', kind: 'throttle', count: 8 })
    await resetCalls()
    const result = await ship({ repository: 'team/faulty', version: '0.9.0', platforms: 'linux/amd64' }, { workspace: makeWorkspace('faulty-sts') })
    expectSuccess(result)
    expect((await awsCalls()).filter(c => c.operation === 'AssumeRoleWithWebIdentity')).toHaveLength(9)
    expect(visibleLog(result.log)).toMatch(/AssumeRoleWithWebIdentity failed \(Rate exceeded\); trying again in \d+(?:\.\d)?s \(9 of 12 while throttled\)\./)
  })

  test('two throttles and two 500s on GetLifecyclePolicy, and a reset connection on DescribeRepositories: it succeeds', async () => {
    await injectAwsFault({ operation: 'GetLifecyclePolicy', kind: 'throttle', count: 2 })
    await injectAwsFault({ operation: 'GetLifecyclePolicy', kind: '500', count: 2 })
    await injectAwsFault({ operation: 'DescribeRepositories', kind: 'reset', count: 1 })
    const result = await ship({ repository: 'team/faulty', version: '1.0.1' }, { workspace: makeWorkspace('faulty-2') })
    expectSuccess(result)
  })

  test('two throttles and two 500s on the calls that reconcile a drifted repository: it succeeds', async () => {
    await ecr.send(new CreateRepositoryCommand({ repositoryName: 'team/faulty-drift', imageTagMutability: 'MUTABLE' }))
    for (const operation of ['PutImageTagMutability', 'PutImageScanningConfiguration', 'GetLifecyclePolicy']) {
      await injectAwsFault({ operation, kind: 'throttle', count: 2 })
      await injectAwsFault({ operation, kind: '500', count: 2 })
    }
    const result = await ship({ repository: 'team/faulty-drift', version: '1.0.0' }, { workspace: makeWorkspace('faulty-drift') })
    expectSuccess(result)
    expect((await describeRepository('team/faulty-drift'))?.imageTagMutability).toBe('IMMUTABLE_WITH_EXCLUSION')
  })

  test('AccessDenied fails at once, naming the IAM action', async () => {
    await injectAwsFault({ operation: 'PutLifecyclePolicy', kind: 'access-denied', count: 10 })
    await resetCalls()
    const started = Date.now()
    const result = await ship({ repository: 'team/denied', version: '1.0.0' }, { workspace: makeWorkspace('denied'), post: false })
    expect(Date.now() - started).toBeLessThan(5000)
    expect(result.exitCode).toBe(1)
    expect(errorLine(result.log)).toMatch(/^AWS refused ecr:PutLifecyclePolicy \(AccessDeniedException\): allow ecr:PutLifecyclePolicy/)
    expect((await awsCalls()).filter(c => c.operation === 'PutLifecyclePolicy')).toHaveLength(1)
  })

  test('AccessDenied from STS shows the token claims the trust policy must match, never the token', async () => {
    await injectAwsFault({ operation: 'AssumeRoleWithWebIdentity', kind: 'access-denied', count: 10 })
    const result = await ship({ repository: 'team/denied', version: '1.0.0' }, { post: false })
    expect(result.exitCode).toBe(1)
    const line = errorLine(result.log)
    expect(line).toContain("sub 'repo:acme/web:ref:refs/heads/main'")
    // The condition names the job's own ref, not a wildcard that lets any branch in.
    expect(line).toContain('"token.actions.githubusercontent.com:sub": "repo:acme/web:ref:refs/heads/main"')
    expect(line).toContain('never repo:acme/web:*, which lets any branch')
    for (const token of await issuedTokens()) expect(visibleLog(result.log)).not.toContain(token)
  })
})

/** The first two words of each docker command recorded, sorted (the builder check's two run side by side). */
const dockerCommands = (argv: string): string[] => argv.split('\n').filter(Boolean).map(l => l.split(' ').slice(0, 2).join(' ')).sort()

describe('secrets on command lines', () => {
  test('no docker command line carries the registry password or a credential', async () => {
    const shim = recordingDocker()
    const result = await ship({ repository: 'team/argv', version: '1.0.0' }, { workspace: makeWorkspace('argv'), env: { PATH: shim.path, DOCKER_CONFIG: shim.configDir } })
    expectSuccess(result)
    const argv = shim.argv()
    // No credential store here: the login is written to docker's config, no docker login runs.
    expect(argv).not.toMatch(/^login /m)
    expect(argv).toMatch(/^buildx build /m)
    for (const secret of [PASSWORD, ...result.masked]) expect(argv).not.toContain(secret)
  })
})

describe("docker's credentials", () => {
  test("no credential store: the login is in the config docker reads, and the job's other docker commands use it", async () => {
    const ws = makeWorkspace('file-login')
    const result = await ship({ repository: 'team/file-login', version: '1.0.0' }, { workspace: ws, post: false })
    expect(result.exitCode).toBe(0)
    expect(dockerLogins()).toEqual([REGISTRY])
    const config = readFileSync(path.join(dockerConfig, 'config.json'), 'utf8')
    expect((statSync(path.join(dockerConfig, 'config.json')).mode & 0o777).toString(8)).toBe('600')
    // Another docker command of the job is logged in: it pulls what the action pushed.
    execFileSync('docker', ['pull', '-q', `${REGISTRY}/team/file-login:1.0.0`], { env: { ...process.env, DOCKER_CONFIG: dockerConfig }, stdio: 'ignore' })
    expect(visibleLog(result.log)).not.toContain(PASSWORD)
    // What docker login writes: base64 of user:password, under the bare host name.
    expect((JSON.parse(config) as { auths: Record<string, unknown> }).auths[REGISTRY]).toEqual({ auth: Buffer.from(`AWS:${PASSWORD}`).toString('base64') })
    execFileSync('docker', ['logout', REGISTRY], { env: { ...process.env, DOCKER_CONFIG: dockerConfig }, stdio: 'ignore' })
  })

  test('a credential store: docker login with the password on stdin puts it there, and docker logout takes it out', async () => {
    // A credential helper (the protocol docker-credential-* speak): what it is given kept in
    // a file, each operation logged.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cred-helper-'))
    const store = path.join(dir, 'store.json')
    const ops = path.join(dir, 'ops.log')
    writeFileSync(store, '{}')
    writeFileSync(
      path.join(dir, 'docker-credential-stacktest'),
      `#!${process.execPath}
const fs = require('fs')
const input = fs.readFileSync(0, 'utf8').trim()
const all = JSON.parse(fs.readFileSync(${JSON.stringify(store)}, 'utf8'))
const save = () => fs.writeFileSync(${JSON.stringify(store)}, JSON.stringify(all))
const op = process.argv[2]
fs.appendFileSync(${JSON.stringify(ops)}, op + ' ' + (op === 'store' ? JSON.parse(input).ServerURL : input) + '\\n')
if (op === 'store') { const c = JSON.parse(input); all[c.ServerURL] = c; save(); fs.writeFileSync(${JSON.stringify(store)} + '.first', input) }
else if (op === 'get') { if (!all[input]) { process.stdout.write('credentials not found in native keychain'); process.exit(1) } process.stdout.write(JSON.stringify(all[input])) }
else if (op === 'erase') { delete all[input]; save() }
else if (op === 'list') process.stdout.write(JSON.stringify(Object.fromEntries(Object.entries(all).map(([k, v]) => [k, v.Username]))))
`,
      { mode: 0o755 }
    )
    const config = mkdtempSync(path.join(os.tmpdir(), 'docker-store-'))
    writeFileSync(path.join(config, 'config.json'), JSON.stringify({ credsStore: 'stacktest' }))
    const shim = recordingDocker()
    const result = await runAction({
      inputs: { 'role-to-assume': ROLE, 'aws-region': 'us-east-1', repository: 'team/store-login', version: '1.0.0' },
      env: jobEnv({ DOCKER_CONFIG: config, PATH: `${dir}:${shim.path}` }),
      workspace: makeWorkspace('store-login'),
      // A later step of the job pulls what the action pushed, with the login the store keeps.
      beforePost: () => {
        execFileSync('docker', ['pull', '-q', `${REGISTRY}/team/store-login:1.0.0`], { env: { ...process.env, DOCKER_CONFIG: config, PATH: `${dir}:${process.env.PATH ?? ''}` }, stdio: 'ignore' })
      }
    })
    expectSuccess(result)
    expect(shim.argv()).toContain(`login --username AWS --password-stdin ${REGISTRY}`)
    // The helper got the password from docker login, the later pull read it back, the post step erased it.
    expect(JSON.parse(readFileSync(`${store}.first`, 'utf8'))).toEqual({ ServerURL: REGISTRY, Username: 'AWS', Secret: PASSWORD })
    const log = readFileSync(ops, 'utf8').trim().split('\n')
    expect(log[0]).toBe(`store ${REGISTRY}`)
    expect(log).toContain(`get ${REGISTRY}`)
    // docker logout erases the host with and without https://, as it may have been stored either way.
    expect(log.at(-1)).toMatch(new RegExp(`^erase (https://)?${REGISTRY.replace(/\./g, '\\.')}$`))
    expect(result.post?.log).toContain(`Logged out of ${REGISTRY}`)
    expect(JSON.parse(readFileSync(store, 'utf8'))).toEqual({})
    expect(readFileSync(path.join(config, 'config.json'), 'utf8')).not.toContain(PASSWORD)
  })
})

describe('the builder check, then one build', () => {
  test('the builder is checked before the first AWS write; a converged run runs the check and buildx, nothing else', async () => {
    const ws = makeWorkspace('check')
    await resetCalls()
    const first = recordingDocker()
    expectSuccess(await ship({ repository: 'team/check', version: '1.0.0' }, { workspace: ws, env: { PATH: first.path, DOCKER_CONFIG: first.configDir } }))
    expect(first.argv()).toContain('buildx inspect --bootstrap')
    expect(writeCalls(await awsCalls()).map(c => c.operation)).toContain('CreateRepository')

    await resetCalls()
    const converged = recordingDocker()
    const result = await ship({ repository: 'team/check', version: '1.0.1' }, { workspace: ws, env: { PATH: converged.path, DOCKER_CONFIG: converged.configDir } })
    expectSuccess(result)
    expect(writeCalls(await awsCalls())).toEqual([])
    // The login and the post step's logout are edits of docker's config file.
    expect(dockerCommands(converged.argv())).toEqual(['buildx build', 'buildx inspect'])
    expect(dockerLogins(converged.configDir)).toEqual([])
    // buildx pushes the version; latest is put on the same index by the registry API.
    const build = converged.argv().split('\n').find(line => line.startsWith('buildx build')) ?? ''
    expect(build.match(/--tag \S+/g)).toEqual([`--tag ${REGISTRY}/team/check:1.0.1`])
    expect(result.log).toContain(`Tagged ${result.outputs.digest} as latest`)
    const metadata = JSON.parse(result.outputs.metadata ?? '{}') as Record<string, string>
    expect(metadata['image.name']).toBe(`${REGISTRY}/team/check:1.0.1,${REGISTRY}/team/check:latest`)
    expect(metadata['containerimage.digest']).toBe(result.outputs.digest)
    const images = await ecr.send(new DescribeImagesCommand({ repositoryName: 'team/check', imageIds: [{ imageTag: 'latest' }] }))
    expect(images.imageDetails?.[0]?.imageDigest).toBe(result.outputs.digest)
    expect(images.imageDetails?.[0]?.imageTags?.sort()).toEqual(['1.0.1', 'latest'])
  })
})

describe('credentials from the job', () => {
  test('no role, keys in the environment: the SDK\'s default chain finds them, and the run pushes', async () => {
    await resetCalls()
    const result = await runAction({
      inputs: { 'aws-region': 'us-east-1', repository: 'team/static-credentials', version: '1.0.0' },
      env: jobEnv({ AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }),
      workspace: makeWorkspace('static-credentials')
    })
    expectSuccess(result)
    const operations = (await awsCalls()).map(c => c.operation)
    expect(operations).not.toContain('AssumeRoleWithWebIdentity')
    expect(operations).toContain('GetAuthorizationToken')
    expect((await registryManifest('team/static-credentials', 'latest')).digest).toBe(result.outputs.digest)
    expect(visibleLog(result.log)).not.toContain('wJalrXUtnFEMI')
  })

  test('no role and no credentials: one line says how to give them, nothing is called', async () => {
    await resetCalls()
    const home = mkdtempSync(path.join(os.tmpdir(), 'home-'))
    const result = await runAction({
      inputs: { 'aws-region': 'us-east-1', repository: 'team/no-credentials', version: '1.0.0' },
      // No keys, no profile files (an empty HOME), no instance metadata (jobEnv disables it).
      env: jobEnv({ HOME: home }),
      workspace: makeWorkspace('no-credentials')
    })
    expect(result.exitCode).toBe(1)
    expect(errorLine(result.log)).toBe(
      'No AWS credentials: set role-to-assume (with permissions: id-token: write) or configure credentials in an earlier step.'
    )
    expect(await awsCalls()).toEqual([])
    expect(result.post?.exitCode).toBe(0)
  })
})

describe('native per-platform builds, then a merge', () => {
  test('two push-by-digest runs (amd64, arm64) and a merge: one index with both under the version and latest; the merge again with skip is a no-op', async () => {
    // What the reusable workflow's matrix jobs do, each on its own runner (here: the docker driver).
    const ws = makeWorkspace('split')
    const perPlatform: string[] = []
    for (const arch of ['amd64', 'arm64']) {
      const before = await registryTags('team/split')
      const job = await ship({ repository: 'team/split', version: '5.0.0', platforms: `linux/${arch}`, 'push-by-digest': 'true' }, { workspace: ws, env: { GITHUB_SHA: SHA_A } })
      expectSuccess(job)
      expect(job.log).toContain('type=oci,dest=')
      expect(job.log).toMatch(/Pushed sha256:[0-9a-f]{64} by digest: \d+ blobs uploaded/)
      const digest = job.outputs.digest ?? ''
      expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/)
      // Untagged: the version and latest are the merge's to set; the image is there by digest,
      // and its platform's own registry cache under buildcache-linux-<arch>.
      const notCache = (tags: string[]) => tags.filter(t => !t.startsWith('buildcache'))
      expect(notCache(await registryTags('team/split'))).toEqual(notCache(before))
      expect(await registryTags('team/split')).toContain(`buildcache-linux-${arch}`)
      const image = await registryGet(`/v2/team/split/manifests/${digest}`)
      expect(image.status).toBe(200)
      expect(job.outputs['image-digest-uri']).toBe(`${REGISTRY}/team/split@${digest}`)
      expect(job.outputs.tags).toBe('')
      // The summary knows exactly what the upload sent.
      expect(job.summary).toContain("(blobs the repository didn't have, as uploaded)")
      // The exported layout (beside the metadata file) is gone from the runner.
      const metadataFile = /--metadata-file (\S+)/.exec(job.log)?.[1] ?? ''
      expect(metadataFile).not.toBe('')
      expect(existsSync(path.join(path.dirname(metadataFile), 'oci-layout'))).toBe(false)
      perPlatform.push(digest)
    }

    const merge = await ship(
      { repository: 'team/split', version: '5.0.0', 'merge-digests': perPlatform.join('\n') },
      { workspace: ws, env: { GITHUB_SHA: SHA_A } }
    )
    expectSuccess(merge)
    expect(merge.log).not.toMatch(BUILD_COMMAND)
    expect(merge.log).toContain('imagetools create')
    const index = await registryManifest('team/split', '5.0.0')
    expect(merge.outputs.digest).toBe(index.digest)
    expect((await registryManifest('team/split', 'latest')).digest).toBe(index.digest)
    expect(index.manifests.map(m => m.digest).sort()).toEqual([...perPlatform].sort())
    expect(index.manifests.map(m => `${m.platform?.os}/${m.platform?.architecture}`).sort()).toEqual(['linux/amd64', 'linux/arm64'])
    expect(merge.outputs['image-digest-uri']).toBe(`${REGISTRY}/team/split@${index.digest}`)
    expect(runImage(merge.outputs['image-digest-uri'] ?? '', 'linux/arm64')).toContain('aarch64 split')
    expect(runImage(merge.outputs['image-digest-uri'] ?? '', 'linux/amd64')).toContain('x86_64 split')

    const again = await ship(
      { repository: 'team/split', version: '5.0.0', 'merge-digests': perPlatform.join(','), 'if-version-exists': 'skip' },
      { workspace: ws, env: { GITHUB_SHA: SHA_A } }
    )
    expectSuccess(again)
    expect(again.outputs.skipped).toBe('true')
    expect(again.outputs.digest).toBe(index.digest)
    expect(again.log).not.toContain('imagetools create')
  })

  test('a push-by-digest upload the registry fails once (a blob, then a manifest) succeeds on the retry', async () => {
    await injectRegistryFaults({ count: 1, status: 500, on: 'blob', repository: 'team/split-flaky' })
    await injectRegistryFaults({ count: 1, status: 503, on: 'manifest', repository: 'team/split-flaky' })
    const job = await ship({ repository: 'team/split-flaky', version: '1.0.0', platforms: 'linux/arm64', 'push-by-digest': 'true', cache: 'none' }, { workspace: makeWorkspace('split-flaky') })
    expectSuccess(job)
    expect(job.log).toMatch(/failed \(.*50[03].*\); trying again in \d+s \(2 of 4\)/)
    expect((await registryGet(`/v2/team/split-flaky/manifests/${job.outputs.digest}`)).status).toBe(200)
    await resetFaults()
  })

  test("a registry's error message with workflow commands in it: logged on one line, and the runner takes no command from it", async () => {
    const message = 'injected fault\n::set-output name=digest::sha256:evil\n::add-mask::team\n##[set-output name=evil;]x\n%0A::error::evil'
    await injectRegistryFaults({ count: 1, status: 500, on: 'manifest', repository: 'team/split-words', message })
    const job = await ship({ repository: 'team/split-words', version: '1.0.0', platforms: 'linux/amd64', 'push-by-digest': 'true', cache: 'none' }, { workspace: makeWorkspace('split-words') })
    await resetFaults()
    expectSuccess(job)
    expect(job.log).toContain('500 UNKNOWN: injected fault\\n::set-output name=digest::sha256:evil\\n::add-mask::team\\n## [set-output name=evil;]x\\n%0A::error::evil); trying again in')
    // Only the action's own commands: no output, mask or error from the registry's words.
    expect(job.commands.outputs).toEqual({})
    expect(job.masked).not.toContain('team')
    expect(job.commands.errors).toEqual([])
    expect(job.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
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
    await ecr.send(new TagResourceCommand({ resourceArn: arn, tags: [{ Key: 'owner', Value: 'alice' }, { Key: 'team', Value: 'other' }] }))
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

describe('skip-logout', () => {
  test('keeps the registry login after the post step, for later steps of the job', async () => {
    const result = await ship({ repository: 'team/stay', version: '1.0.0', 'skip-logout': 'true' }, { workspace: makeWorkspace('stay') })
    expectSuccess(result)
    expect(result.post?.log).toContain(`Staying logged in to ${REGISTRY} (skip-logout).`)
    expect(dockerLogins()).toEqual([REGISTRY])
    execFileSync('docker', ['logout', REGISTRY], { env: { ...process.env, DOCKER_CONFIG: dockerConfig }, stdio: 'ignore' })
    expect(dockerLogins()).toEqual([])
  })
})
