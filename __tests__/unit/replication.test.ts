/**
 * Cross-region replication: the plan merges into the registry's one configuration without
 * dropping or changing another rule, and writes nothing when every region is covered.
 */
import { DescribeRegistryCommand, ECRClient, PutReplicationConfigurationCommand, type ReplicationRule } from '@aws-sdk/client-ecr'
import { mockClient } from 'aws-sdk-client-mock'
import { ActionError } from '../../src/errors.js'
import { ensureReplication, planReplication, replicaUris } from '../../src/aws/replication.js'

const ACCOUNT = '123456789012'
const to = (...regions: string[]) => regions.map(region => ({ region, registryId: ACCOUNT }))
const prefix = (...filters: string[]) => filters.map(filter => ({ filter, filterType: 'PREFIX_MATCH' as const }))

const OTHER: ReplicationRule = { destinations: to('sa-east-1'), repositoryFilters: prefix('payments/') }
const CROSS_ACCOUNT: ReplicationRule = { destinations: [{ region: 'eu-west-1', registryId: '999999999999' }], repositoryFilters: prefix('team/web') }

describe('planReplication', () => {
  test('an empty configuration gets one rule for this repository', () => {
    const plan = planReplication([], 'team/web', ['eu-west-1', 'ap-northeast-2'], ACCOUNT)
    expect(plan.missing).toEqual(['eu-west-1', 'ap-northeast-2'])
    expect(plan.rules).toEqual([{ destinations: to('eu-west-1', 'ap-northeast-2'), repositoryFilters: prefix('team/web') }])
    expect(plan.change).toBe('replication to eu-west-1, ap-northeast-2 added (registry replication rule 1 of 1)')
  })

  test("other rules are kept exactly, in order; a new rule goes last", () => {
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

  test("a missing region gets a rule of its own: even a rule naming only this repository is left as it is", () => {
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

  test('reads, merges and writes the whole configuration once', async () => {
    ecrMock.on(DescribeRegistryCommand).resolves({ registryId: ACCOUNT, replicationConfiguration: { rules: [OTHER] } })
    ecrMock.on(PutReplicationConfigurationCommand).resolves({})
    expect(await ensureReplication(ecr, 'team/web', ['eu-west-1'])).toContain('replication to eu-west-1 added')
    const put = ecrMock.commandCalls(PutReplicationConfigurationCommand)
    expect(put).toHaveLength(1)
    expect(put[0]?.args[0].input.replicationConfiguration?.rules).toEqual([OTHER, { destinations: to('eu-west-1'), repositoryFilters: prefix('team/web') }])
  })

  test('already replicated: one read, no write', async () => {
    ecrMock.on(DescribeRegistryCommand).resolves({ registryId: ACCOUNT, replicationConfiguration: { rules: [{ destinations: to('eu-west-1'), repositoryFilters: prefix('team/web') }] } })
    expect(await ensureReplication(ecr, 'team/web', ['eu-west-1'])).toBe('')
    expect(ecrMock.commandCalls(PutReplicationConfigurationCommand)).toHaveLength(0)
  })

  test('no regions: no call at all', async () => {
    expect(await ensureReplication(ecr, 'team/web', [])).toBe('')
    expect(ecrMock.calls()).toHaveLength(0)
  })
})

test('replicaUris: the same repository and tag in each region', () => {
  expect(replicaUris(`${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/team/web:1.2.3`, ['eu-west-1', 'ap-northeast-2'])).toEqual([
    `${ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com/team/web:1.2.3`,
    `${ACCOUNT}.dkr.ecr.ap-northeast-2.amazonaws.com/team/web:1.2.3`
  ])
  expect(replicaUris('public.ecr.aws/a/b:1', ['eu-west-1'])).toEqual([])
})
