/**
 * Errors and retries (docs/errors-and-retries.md): a failure writes and pushes nothing; a
 * registry or AWS that fails in a passing way is tried again; a refusal is explained at once.
 */
import { CreateRepositoryCommand } from '@aws-sdk/client-ecr'
import { errorLine, visibleLog, type RunResult } from '../../scripts/local-runner.mjs'
import { awsCalls, ecr, injectAwsFault, injectRegistryFaults, issuedTokens, makeWorkspace, registryManifest, registrySnapshot, dockerLogins, resetCalls, resetFaults, writeCalls } from './stack.js'
import { BUILD_COMMAND, describeRepository, expectSuccess, onFreshStack } from './ship.js'

const { ship } = onFreshStack()

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
    const result = await ship({ repository: 'team/no-oidc', version: '1.0.0' }, { env: { ACTIONS_ID_TOKEN_REQUEST_URL: '', ACTIONS_ID_TOKEN_REQUEST_TOKEN: '' }, post: false })
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
    [
      'lifecycle rule',
      { 'lifecycle-policy': '{"rules":[{"rulePriority":1,"selection":{"tagStatus":"tagged","countType":"imageCountMoreThan","countNumber":1},"action":{"type":"expire"}}]}' },
      'Input \'lifecycle-policy\': rules[0].selection: a "tagged" rule needs exactly one'
    ],
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
