/**
 * Cross-region replication: the plan merges into the registry's one configuration without
 * dropping or changing another rule, and writes nothing when every region is covered; a
 * write is read back, and a rule another writer dropped meanwhile is merged and written again.
 */
import { DescribeRegistryCommand, ECRClient, PutReplicationConfigurationCommand, type ReplicationRule } from '@aws-sdk/client-ecr'
import { mockClient } from 'aws-sdk-client-mock'
import { ActionError } from '../../../src/errors.js'
import { ensureReplication, planReplication, type ReplicationWrite } from '../../../src/aws/replication.js'
import type { RetryPolicy } from '../../../src/retry.js'

const ACCOUNT = '123456789012'

const to = (...regions: string[]) => regions.map(region => ({ region, registryId: ACCOUNT }))

const prefix = (...filters: string[]) => filters.map(filter => ({ filter, filterType: 'PREFIX_MATCH' as const }))

/** What every rule the action adds says of ECR's prefix filters. */
const NOTE = "; ECR's filters are prefixes: the rule's filter 'team/web' also replicates every repository whose name begins with it, e.g. 'team/web-api'"

const OTHER: ReplicationRule = { destinations: to('sa-east-1'), repositoryFilters: prefix('payments/') }

const CROSS_ACCOUNT: ReplicationRule = { destinations: [{ region: 'eu-west-1', registryId: '999999999999' }], repositoryFilters: prefix('team/web') }

describe('planReplication', () => {
  test('an empty configuration gets one rule for this repository', () => {
    const plan = planReplication([], 'team/web', ['eu-west-1', 'ap-northeast-2'], ACCOUNT)
    expect(plan.missing).toEqual(['eu-west-1', 'ap-northeast-2'])
    expect(plan.rules).toEqual([{ destinations: to('eu-west-1', 'ap-northeast-2'), repositoryFilters: prefix('team/web') }])
    expect(plan.change).toBe(`replication to eu-west-1, ap-northeast-2 added (registry replication rule 1 of 1)${NOTE}`)
    expect(plan.covered).toBe('')
  })

  test('other rules are kept exactly, in order; a new rule goes last', () => {
    const plan = planReplication([OTHER, CROSS_ACCOUNT], 'team/web', ['eu-west-1'], ACCOUNT)
    expect(plan.rules[0]).toBe(OTHER)
    expect(plan.rules[1]).toBe(CROSS_ACCOUNT)
    expect(plan.rules[2]).toEqual({ destinations: to('eu-west-1'), repositoryFilters: prefix('team/web') })
  })

  test('covered by a broader prefix, a rule without filters, or our own rule: nothing to write', () => {
    expect(planReplication([{ destinations: to('eu-west-1'), repositoryFilters: prefix('team/') }], 'team/web', ['eu-west-1'], ACCOUNT).missing).toEqual([])
    expect(planReplication([{ destinations: to('eu-west-1') }], 'team/web', ['eu-west-1'], ACCOUNT).missing).toEqual([])
    expect(planReplication([{ destinations: to('eu-west-1', 'us-west-2'), repositoryFilters: prefix('team/web') }], 'team/web', ['us-west-2'], ACCOUNT).missing).toEqual([])
  })

  test("a rule for another account's registry or another prefix doesn't count", () => {
    expect(planReplication([CROSS_ACCOUNT, OTHER], 'team/web', ['eu-west-1', 'sa-east-1'], ACCOUNT).missing).toEqual(['eu-west-1', 'sa-east-1'])
    expect(planReplication([{ destinations: to('eu-west-1'), repositoryFilters: prefix('team/web-old') }], 'team/web', ['eu-west-1'], ACCOUNT).missing).toEqual(['eu-west-1'])
  })

  test("ECR's filters are prefixes: a sibling's rule for a longer name never counts; a rule whose filter begins this name does, and the plan names it", () => {
    // A rule written for team/web-api does not replicate team/web.
    const sibling = planReplication([{ destinations: to('eu-west-1'), repositoryFilters: prefix('team/web-api') }], 'team/web', ['eu-west-1'], ACCOUNT)
    expect(sibling.missing).toEqual(['eu-west-1'])
    expect(sibling.covered).toBe('')
    expect(sibling.rules.at(-1)).toEqual({ destinations: to('eu-west-1'), repositoryFilters: prefix('team/web') })
    // A rule written for team/web replicates team/web-api (ECR matches the prefix): nothing to write, and the log says which rule.
    const shorter = planReplication([OTHER, { destinations: to('eu-west-1', 'us-west-2'), repositoryFilters: prefix('billing/', 'team/web') }], 'team/web-api', ['eu-west-1', 'us-west-2'], ACCOUNT)
    expect(shorter.missing).toEqual([])
    expect(shorter.covered).toBe("the registry's rules already copy it to eu-west-1 (rule 2, prefix 'team/web'), us-west-2 (rule 2, prefix 'team/web')")
    // Part covered by a rule without filters, part missing.
    const part = planReplication([{ destinations: to('eu-west-1') }], 'team/web', ['eu-west-1', 'us-west-2'], ACCOUNT)
    expect(part.missing).toEqual(['us-west-2'])
    expect(part.covered).toBe("the registry's rules already copy it to eu-west-1 (rule 1, every repository)")
    expect(part.change).toBe(`replication to us-west-2 added (registry replication rule 2 of 2)${NOTE}`)
  })

  test('a missing region gets a rule of its own: even a rule naming only this repository is left as it is', () => {
    const own = { destinations: to('eu-west-1'), repositoryFilters: prefix('team/web') }
    const plan = planReplication([OTHER, own], 'team/web', ['eu-west-1', 'us-west-2'], ACCOUNT)
    expect(plan.missing).toEqual(['us-west-2'])
    expect(plan.rules).toEqual([OTHER, own, { destinations: to('us-west-2'), repositoryFilters: prefix('team/web') }])
    expect(plan.rules[1]).toBe(own)
    expect(plan.change).toContain('rule 3 of 3')
  })

  test('ten rules already: refused before writing, with what to do', () => {
    const ten = Array.from({ length: 10 }, (_, i) => ({ destinations: to('sa-east-1'), repositoryFilters: prefix(`other-${i}/`) }))
    expect(() => planReplication(ten, 'team/web', ['eu-west-1'], ACCOUNT)).toThrow(ActionError)
    expect(() => planReplication(ten, 'team/web', ['eu-west-1'], ACCOUNT)).toThrow(/already has 10 rules, ECR's limit/)
  })
})

describe('ensureReplication', () => {
  const ecrMock = mockClient(ECRClient)
  const ecr = new ECRClient({ region: 'us-east-1', credentials: { accessKeyId: 'AKIA', secretAccessKey: 'x' } })
  afterAll(() => ecrMock.restore())
  beforeEach(() => ecrMock.reset())

  const OURS: ReplicationRule = { destinations: to('eu-west-1'), repositoryFilters: prefix('team/web') }
  const THEIRS: ReplicationRule = { destinations: to('us-west-2'), repositoryFilters: prefix('billing/') }

  /** The tries and waits, recorded; nothing really waits. */
  function policy(): { write: ReplicationWrite; waits: number[]; log: string[]; notes: string[] } {
    const waits: number[] = []
    const log: string[] = []
    const notes: string[] = []
    const retry: RetryPolicy = { attempts: 4, delay: attempt => 2000 * 2 ** (attempt - 2), sleep: async ms => void waits.push(ms), log: line => void log.push(line) }
    return { write: { retry, settleMs: 2000, log: line => void notes.push(line) }, waits, log, notes }
  }

  /**
   * The registry's configuration as ECR keeps it: a write replaces it whole. `otherWriter`
   * runs right after each of our writes (before our next read), as a second writer that had
   * read the configuration earlier would: what it returns replaces the configuration.
   */
  function registry(initial: ReplicationRule[], otherWriter?: (written: ReplicationRule[], write: number) => ReplicationRule[] | undefined): () => ReplicationRule[] {
    let rules = initial
    let writes = 0
    ecrMock.on(DescribeRegistryCommand).callsFake(() => ({ registryId: ACCOUNT, replicationConfiguration: { rules } }))
    ecrMock.on(PutReplicationConfigurationCommand).callsFake((input: { replicationConfiguration?: { rules?: ReplicationRule[] } }) => {
      rules = input.replicationConfiguration?.rules ?? []
      rules = otherWriter?.(rules, ++writes) ?? rules
      return {}
    })
    return () => rules
  }
  const operations = (): string[] => ecrMock.calls().map(c => (c.args[0] as { constructor: { name: string } }).constructor.name.replace(/Command$/, ''))

  test('a repository check that stops the run (beforeWrite rejects): no write', async () => {
    registry([OTHER])
    const { write } = policy()
    const stop = new Error("Repository creation template 'team' makes new repositories IMMUTABLE")
    await expect(ensureReplication(ecr, 'team/web', ['eu-west-1'], { ...write, beforeWrite: () => Promise.reject(stop) })).rejects.toBe(stop)
    expect(operations()).toEqual(['DescribeRegistry'])
  })

  test('reads, merges and writes the whole configuration once, then reads it again after the settle time', async () => {
    const rules = registry([OTHER])
    const { write, waits } = policy()
    expect(await ensureReplication(ecr, 'team/web', ['eu-west-1'], write)).toContain('replication to eu-west-1 added')
    expect(operations()).toEqual(['DescribeRegistry', 'PutReplicationConfiguration', 'DescribeRegistry'])
    expect(ecrMock.commandCalls(PutReplicationConfigurationCommand)[0]?.args[0].input.replicationConfiguration?.rules).toEqual([OTHER, OURS])
    expect(waits).toEqual([2000])
    expect(rules()).toEqual([OTHER, OURS])
  })

  test('another writer that read before our write drops our rule after it: merged again into what it wrote, and written again', async () => {
    // It read [OTHER], added its own rule, and wrote after us: ours is gone.
    const rules = registry([OTHER], (_, n) => (n === 1 ? [OTHER, THEIRS] : undefined))
    const { write, waits, log } = policy()
    expect(await ensureReplication(ecr, 'team/web', ['eu-west-1'], write)).toBe(`replication to eu-west-1 added (registry replication rule 3 of 3)${NOTE}`)
    expect(operations()).toEqual(['DescribeRegistry', 'PutReplicationConfiguration', 'DescribeRegistry', 'DescribeRegistry', 'PutReplicationConfiguration', 'DescribeRegistry'])
    expect(rules()).toEqual([OTHER, THEIRS, OURS])
    expect(log).toEqual([
      "The registry's replication configuration failed (another writer replaced the registry's replication configuration after this run's write, dropping team/web → eu-west-1); trying again in 2s (2 of 4)."
    ])
    expect(waits).toEqual([2000, 2000, 2000])
  })

  test('another writer that changes other rules but keeps ours: nothing written again, and its change stands', async () => {
    // It removed OTHER on purpose (e.g. Terraform) and kept what we added.
    const rules = registry([OTHER], written => written.filter(r => r !== OTHER))
    const { write } = policy()
    await ensureReplication(ecr, 'team/web', ['eu-west-1'], write)
    expect(ecrMock.commandCalls(PutReplicationConfigurationCommand)).toHaveLength(1)
    expect(rules()).toEqual([OURS])
  })

  test('a writer that drops our rule every time: four writes, the waits of the retry policy, then an error saying what to do', async () => {
    registry([], () => [THEIRS])
    const { write, waits } = policy()
    const run = ensureReplication(ecr, 'team/web', ['eu-west-1'], write)
    await expect(run).rejects.toBeInstanceOf(ActionError)
    await expect(run).rejects.toThrow(
      "another writer replaced the registry's replication configuration after this run's write, dropping team/web → eu-west-1, 4 times: run the job again, or let the other writer"
    )
    // Each write is merged into what the other writer left.
    const puts = ecrMock.commandCalls(PutReplicationConfigurationCommand).map(c => c.args[0].input.replicationConfiguration?.rules)
    expect(puts).toEqual([[OURS], [THEIRS, OURS], [THEIRS, OURS], [THEIRS, OURS]])
    // The settle time after each write; 2, 4 and 8 s between the tries.
    expect(waits).toEqual([2000, 2000, 2000, 4000, 2000, 8000, 2000])
  })

  test('an AWS error is not tried again here (the SDK did): one write, its error as is', async () => {
    registry([OTHER])
    ecrMock.on(PutReplicationConfigurationCommand).rejects(Object.assign(new Error('not authorized'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } }))
    await expect(ensureReplication(ecr, 'team/web', ['eu-west-1'], policy().write)).rejects.toMatchObject({ name: 'AccessDeniedException' })
    expect(ecrMock.commandCalls(PutReplicationConfigurationCommand)).toHaveLength(1)
  })

  test('a region a rule covers already is named in the log with that rule; the write adds only the others', async () => {
    const rules = registry([{ destinations: to('eu-west-1'), repositoryFilters: prefix('team/') }])
    const { write, notes } = policy()
    expect(await ensureReplication(ecr, 'team/web', ['eu-west-1', 'us-west-2'], write)).toBe(`replication to us-west-2 added (registry replication rule 2 of 2)${NOTE}`)
    expect(rules().at(-1)).toEqual({ destinations: to('us-west-2'), repositoryFilters: prefix('team/web') })
    expect(notes).toEqual(["Replication of team/web: the registry's rules already copy it to eu-west-1 (rule 1, prefix 'team/')."])
  })

  test('already replicated: one read, no write', async () => {
    ecrMock.on(DescribeRegistryCommand).resolves({ registryId: ACCOUNT, replicationConfiguration: { rules: [OURS] } })
    expect(await ensureReplication(ecr, 'team/web', ['eu-west-1'], policy().write)).toBe('')
    expect(ecrMock.commandCalls(PutReplicationConfigurationCommand)).toHaveLength(0)
  })

  test('no regions: no call at all', async () => {
    expect(await ensureReplication(ecr, 'team/web', [])).toBe('')
    expect(ecrMock.calls()).toHaveLength(0)
  })
})
