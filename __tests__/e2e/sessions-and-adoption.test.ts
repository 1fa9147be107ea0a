/**
 * The bundled action on the local stack when time and other writers get in the way: a role
 * session that runs out during a long build, a replication rule another writer drops right
 * after the action wrote it, an existing repository adopted without a lifecycle policy, and
 * a repository the run created whose CreateRepository answer was lost.
 */
import { jest } from '@jest/globals'
import { CreateRepositoryCommand, DescribeRegistryCommand, GetLifecyclePolicyCommand, PutReplicationConfigurationCommand, type ReplicationRule } from '@aws-sdk/client-ecr'
import { runAction, visibleLog, type RunResult } from '../../scripts/local-runner.mjs'
import { awsCalls, ecr, expireAssumedCredentials, expiredKeys, injectAwsFault, jobEnv, makeWorkspace, resetCalls, resetFaults, resetStack, ROLE, setScans, writeCalls } from './stack.js'

// Real builds, one of them sleeping past the session.
jest.setTimeout(15 * 60 * 1000)

const ship = (inputs: Record<string, string>, workspace: string, post = true): Promise<RunResult> =>
  runAction({ inputs: { 'role-to-assume': ROLE, 'aws-region': 'us-east-1', ...inputs }, env: jobEnv(), workspace, post })

function expectSuccess(result: RunResult): void {
  if (result.exitCode !== 0) throw new Error(`the action failed:\n${result.log}`)
}

beforeAll(() => resetStack())

describe('a role session that expires during a long build', () => {
  const SESSION_SECONDS = 20
  let result: RunResult

  beforeAll(async () => {
    await setScans({ severityCounts: { HIGH: 1 }, inProgressReads: 1, status: 'COMPLETE' })
    await expireAssumedCredentials(SESSION_SECONDS)
    await resetCalls()
    // One HIGH finding per platform image. The build sleeps past the session's end: every AWS call after it needs a new session.
    // A marker of its own each run: the sleep is never taken from an earlier run's cache.
    const workspace = makeWorkspace(`long-build-${Date.now()}`, `RUN sleep ${SESSION_SECONDS + 15}`)
    result = await ship({ repository: 'team/long', version: '1.0.0', 'scan-fail-on': 'CRITICAL', 'export-credentials': 'true' }, workspace)
  })

  test('the run passes the scan gate after the build', () => {
    expectSuccess(result)
    expect(JSON.parse(result.outputs['scan-findings'] ?? '')).toEqual({ HIGH: 2 })
    expect(result.summary).toContain('2 HIGH — scan-fail-on CRITICAL: passed')
  })

  test('the action signed in again after the build, and no call was refused as expired', async () => {
    const calls = await awsCalls()
    const signIns = calls.filter(c => c.operation === 'AssumeRoleWithWebIdentity')
    expect(signIns).toHaveLength(2)
    const [key] = await expiredKeys()
    expect(key?.refused).toBe(0)
    expect(calls.filter(c => c.expired)).toEqual([])
    // Renewed once due (a quarter of a 20 s session before its end), after the build and before the gate's calls.
    const renewedAt = signIns[1]?.at ?? 0
    expect(renewedAt).toBeGreaterThanOrEqual((key?.expiresAt ?? 0) - (SESSION_SECONDS * 1000) / 4)
    const after = calls.filter(c => c.at > renewedAt).map(c => c.operation)
    expect(after).toContain('DescribeImageScanFindings')
    expect(calls.filter(c => c.at < renewedAt && c.operation === 'DescribeImageScanFindings')).toEqual([])
    expect(visibleLog(result.log)).toMatch(/Renewed the role's session \(it expires at \S+Z\); the new one lasts until \S+Z\./)
  })

  test("the job's later steps get the new session's credentials (export-credentials), and the log shows none of them", async () => {
    const [key] = await expiredKeys()
    expect(result.env.AWS_ACCESS_KEY_ID).toBeDefined()
    expect(result.env.AWS_ACCESS_KEY_ID).not.toBe(key?.accessKeyId)
    expect(result.masked).toEqual(expect.arrayContaining([result.env.AWS_ACCESS_KEY_ID, result.env.AWS_SECRET_ACCESS_KEY, result.env.AWS_SESSION_TOKEN]))
    for (const secret of [result.env.AWS_SECRET_ACCESS_KEY, result.env.AWS_SESSION_TOKEN]) expect(visibleLog(result.log)).not.toContain(secret)
  })
})

describe('replication with another writer', () => {
  const account = '123456789012'
  const BEFORE: ReplicationRule = { destinations: [{ region: 'sa-east-1', registryId: account }], repositoryFilters: [{ filter: 'payments/', filterType: 'PREFIX_MATCH' }] }
  const THEIRS: ReplicationRule = { destinations: [{ region: 'us-west-2', registryId: account }], repositoryFilters: [{ filter: 'billing/', filterType: 'PREFIX_MATCH' }] }
  const OURS: ReplicationRule = { destinations: [{ region: 'eu-west-1', registryId: account }], repositoryFilters: [{ filter: 'team/replicated', filterType: 'PREFIX_MATCH' }] }

  test("a writer that read the configuration before the action's write and writes it back after: the action's rule is merged into it again, and both stay", async () => {
    await ecr.send(new PutReplicationConfigurationCommand({ replicationConfiguration: { rules: [BEFORE] } }))
    await resetCalls()
    const run = ship({ repository: 'team/replicated', version: '1.0.0', 'replicate-to-regions': 'eu-west-1', platforms: 'linux/amd64' }, makeWorkspace('replicated'))
    // The other writer (a second job, a Terraform apply) read [BEFORE], and writes its own
    // configuration once the action's write has been answered.
    const deadline = Date.now() + 120_000
    while (!(await awsCalls()).some(c => c.operation === 'PutReplicationConfiguration' && c.answeredAt !== undefined)) {
      if (Date.now() > deadline) throw new Error('the action never wrote the replication configuration')
      await new Promise(resolve => setTimeout(resolve, 50))
    }
    await ecr.send(new PutReplicationConfigurationCommand({ replicationConfiguration: { rules: [BEFORE, THEIRS] } }))

    const result = await run
    expectSuccess(result)
    expect((await ecr.send(new DescribeRegistryCommand({}))).replicationConfiguration?.rules).toEqual([BEFORE, THEIRS, OURS])
    const operations = (await awsCalls()).filter(c => /Registry|Replication/.test(c.operation)).map(c => c.operation)
    expect(operations).toEqual(['DescribeRegistry', 'PutReplicationConfiguration', 'DescribeRegistry', 'DescribeRegistry', 'PutReplicationConfiguration', 'DescribeRegistry'])
    expect(result.log).toContain(
      "The registry's replication configuration failed (another writer replaced the registry's replication configuration after this run's write, dropping team/replicated → eu-west-1); trying again in 2s (2 of 4)."
    )
    expect(result.log).toContain('Repository team/replicated: replication to eu-west-1 added (registry replication rule 3 of 3)')
  })
})

describe('adopting an existing repository that has no lifecycle policy', () => {
  const NONE =
    'none: the repository has no lifecycle policy and the workflow states none, so none is put and no image expires. ' +
    'lifecycle-keep-count: 100 would put the default policy (Expire the caches of refs other than the default branch (buildcache*--*) after 14 days; Protect latest; Protect buildcache*; Protect sha256-*; Expire untagged images after 14 days; Keep the newest 100 tagged images)'
  const noPolicy = () => ecr.send(new GetLifecyclePolicyCommand({ repositoryName: 'team/adopted' }))

  beforeAll(async () => {
    // Made outside the action, nothing pushed, no lifecycle policy.
    await ecr.send(new CreateRepositoryCommand({ repositoryName: 'team/adopted' }))
  })

  test('a dry run shows "none" and the input that would put the default', async () => {
    await resetCalls()
    const result = await ship({ repository: 'team/adopted', version: '1.0.0', 'dry-run': 'true' }, makeWorkspace('adopted-plan'), false)
    expectSuccess(result)
    expect(result.log).toContain(`Lifecycle policy: ${NONE}`)
    expect(result.summary).toContain(`**Lifecycle policy**: ${NONE}`)
    expect(result.summary).not.toContain('Would be put:')
    expect(writeCalls(await awsCalls())).toEqual([])
  })

  test('a run puts no policy; the log and the summary say it has none and name the input', async () => {
    await resetCalls()
    const result = await ship({ repository: 'team/adopted', version: '1.0.0', platforms: 'linux/amd64' }, makeWorkspace('adopted'))
    expectSuccess(result)
    expect((await awsCalls()).map(c => c.operation)).not.toContain('PutLifecyclePolicy')
    await expect(noPolicy()).rejects.toMatchObject({ name: 'LifecyclePolicyNotFoundException' })
    expect(result.log).toContain(`Lifecycle policy: ${NONE}`)
    expect(result.summary).toContain(`<tr><th align="left">Lifecycle policy</th><td>${NONE}</td></tr>`)
  })

  test('with lifecycle-keep-count: 50 the stated policy is put', async () => {
    const result = await ship({ repository: 'team/adopted', version: '1.0.1', platforms: 'linux/amd64', 'lifecycle-keep-count': '50' }, makeWorkspace('adopted-2'))
    expectSuccess(result)
    const policy = JSON.parse((await noPolicy()).lifecyclePolicyText ?? '{}') as { rules: { selection: { countNumber: number } }[] }
    expect(policy.rules.at(-1)?.selection.countNumber).toBe(50)
    expect(result.summary).toContain('lifecycle policy put (no policy yet: lifecycle-* inputs)')
  })
})

describe('a repository the run created, whose CreateRepository answer was lost', () => {
  afterEach(() => resetFaults())
  const policyRules = async (name: string): Promise<string[]> => {
    const text = (await ecr.send(new GetLifecyclePolicyCommand({ repositoryName: name }))).lifecyclePolicyText ?? '{}'
    return (JSON.parse(text) as { rules: { description?: string }[] }).rules.map(r => r.description ?? '')
  }

  test("ECR created it, the answer never came back, the SDK's retry found it there: taken as created by this run, with the default lifecycle policy", async () => {
    await injectAwsFault({ operation: 'CreateRepository', kind: 'lost', count: 1, service: 'ecr' })
    await resetCalls()
    const result = await ship({ repository: 'team/lost-answer', version: '1.0.0', platforms: 'linux/amd64' }, makeWorkspace('lost-answer'))
    expectSuccess(result)
    const creates = (await awsCalls()).filter(c => c.operation === 'CreateRepository')
    expect(creates).toHaveLength(2)
    expect(creates[0]?.answeredAt).toBeUndefined()
    expect(await policyRules('team/lost-answer')).toEqual([
      'Expire the caches of refs other than the default branch (buildcache*--*) after 14 days',
      'Protect latest',
      'Protect buildcache*',
      'Protect sha256-*',
      'Expire untagged images after 14 days',
      'Keep the newest 100 tagged images'
    ])
    expect(visibleLog(result.log)).toMatch(/Repository team\/lost-answer: created the repository: .* — by this run: ECR's answer was lost, and the repository its retry found was created at \S+Z/)
    expect(result.log).toContain('Repository team/lost-answer: lifecycle policy put (new repository: default policy)')
  })

  test("made by another writer while the run's create was on its way (found on its first try): adopted, no default policy", async () => {
    // The run's CreateRepository is held 3 s at the front; the other writer creates the repository meanwhile.
    await injectAwsFault({ operation: 'CreateRepository', kind: 'delay', ms: 3000, count: 1, service: 'ecr' })
    await resetCalls()
    const run = ship({ repository: 'team/raced', version: '1.0.0', platforms: 'linux/amd64' }, makeWorkspace('raced'))
    const deadline = Date.now() + 120_000
    while (!(await awsCalls()).some(c => c.operation === 'CreateRepository')) {
      if (Date.now() > deadline) throw new Error('the action never sent CreateRepository')
      await new Promise(resolve => setTimeout(resolve, 50))
    }
    await ecr.send(new CreateRepositoryCommand({ repositoryName: 'team/raced' }))
    const result = await run
    expectSuccess(result)
    expect((await awsCalls()).filter(c => c.operation === 'CreateRepository')).toHaveLength(1)
    expect((await awsCalls()).map(c => c.operation)).not.toContain('PutLifecyclePolicy')
    await expect(ecr.send(new GetLifecyclePolicyCommand({ repositoryName: 'team/raced' }))).rejects.toMatchObject({ name: 'LifecyclePolicyNotFoundException' })
    expect(result.log).not.toContain('created the repository')
    expect(result.log).toContain('Lifecycle policy: none: the repository has no lifecycle policy')
  })
})
