/**
 * The registry's scanning configuration: ECR's WILDCARD repository filter, when the registry
 * (not the repository's scan on push) decides, the scan-on-push change left out then, and
 * the read — once, and one warning when the role may not read it.
 */
import { ECRClient, GetRegistryScanningConfigurationCommand } from '@aws-sdk/client-ecr'
import { mockClient } from 'aws-sdk-client-mock'
import { coveringRule, deferScanOnPush, matchesRepositoryFilter, registryDecidesScanning, registryScanningReader, type RegistryScanning } from '../../../src/aws/registry-scanning.js'
import type { RepositoryPlan } from '../../../src/aws/repository-plan.js'

const ecrMock = mockClient(ECRClient)
const ecr = new ECRClient({ region: 'us-east-1', credentials: { accessKeyId: 'AKIA', secretAccessKey: 'x' } })
afterAll(() => ecrMock.restore())
beforeEach(() => ecrMock.reset())

describe('matchesRepositoryFilter (ECR user guide, "Filter wildcards")', () => {
  test('a filter without a wildcard matches every name containing it', () => {
    expect(matchesRepositoryFilter('team/web', 'web')).toBe(true)
    expect(matchesRepositoryFilter('team/web', 'team/web')).toBe(true)
    expect(matchesRepositoryFilter('team/web', 'eam/w')).toBe(true)
    expect(matchesRepositoryFilter('team/web', 'api')).toBe(false)
  })
  test('* replaces zero or more characters, and the name must match as a whole', () => {
    expect(matchesRepositoryFilter('team/web', '*')).toBe(true)
    expect(matchesRepositoryFilter('team/web', 'team/*')).toBe(true)
    expect(matchesRepositoryFilter('team/web', 'team/web*')).toBe(true)
    expect(matchesRepositoryFilter('team/web', '*web')).toBe(true)
    expect(matchesRepositoryFilter('team/web', 't*m/w*b')).toBe(true)
    expect(matchesRepositoryFilter('team/web', 'web*')).toBe(false)
    expect(matchesRepositoryFilter('team/web', '*team')).toBe(false)
    expect(matchesRepositoryFilter('other/team/web', 'team/*')).toBe(false)
  })
  test('regular-expression characters in a filter are taken literally', () => {
    expect(matchesRepositoryFilter('team/web', 'team.web*')).toBe(false)
    expect(matchesRepositoryFilter('team.web', 'team.*')).toBe(true)
  })
})

const enhanced = (filters: string[][] = [['*']]): RegistryScanning => ({ scanType: 'ENHANCED', rules: filters.map(f => ({ scanFrequency: 'CONTINUOUS_SCAN', filters: f })) })
const basic = (filter: string, scanFrequency = 'SCAN_ON_PUSH'): RegistryScanning => ({ scanType: 'BASIC', rules: [{ scanFrequency, filters: [filter] }] })

describe('registryDecidesScanning', () => {
  test('ENHANCED always decides, naming the rule that covers the repository', () => {
    expect(registryDecidesScanning(enhanced([['api'], ['team/*']]), 'team/web')).toBe(
      "the registry's ENHANCED scanning (Amazon Inspector) decides how it is scanned: rule CONTINUOUS_SCAN (filter 'team/*')"
    )
    expect(registryDecidesScanning(enhanced([['api']]), 'team/web')).toMatch(/ENHANCED .*no rule covering this repository, so it is not scanned/)
  })
  test('BASIC decides only with a rule covering the repository', () => {
    expect(registryDecidesScanning(basic('team/*'), 'team/web')).toBe("the registry's BASIC scanning rule SCAN_ON_PUSH (filter 'team/*') decides how it is scanned")
    expect(registryDecidesScanning(basic('api*'), 'team/web')).toBeUndefined()
    expect(registryDecidesScanning({ scanType: 'BASIC', rules: [] }, 'team/web')).toBeUndefined()
    expect(registryDecidesScanning(undefined, 'team/web')).toBeUndefined()
  })
  test('coveringRule: the first rule with a covering filter', () => {
    expect(coveringRule(enhanced([['x'], ['web', 'y']]), 'team/web')).toEqual({ rule: { scanFrequency: 'CONTINUOUS_SCAN', filters: ['web', 'y'] }, filter: 'web' })
  })
})

describe('deferScanOnPush', () => {
  const plan: RepositoryPlan = {
    changes: [
      { kind: 'tag-mutability', from: { mode: 'MUTABLE', exclusions: [] }, to: { mode: 'IMMUTABLE', exclusions: [] } },
      { kind: 'scan-on-push', from: true, to: false }
    ],
    warnings: []
  }
  test('the registry decides: the scan-on-push change is left out, with a note naming the configuration', async () => {
    const out = await deferScanOnPush(plan, 'team/web', async () => enhanced())
    expect(out.changes.map(c => c.kind)).toEqual(['tag-mutability'])
    expect(out.warnings).toEqual([])
    expect(out.notes).toEqual([
      "scan on push is on on the repository, not off as scan-on-push states, and left so: the registry's ENHANCED scanning (Amazon Inspector) decides how it is scanned: rule CONTINUOUS_SCAN (filter '*')."
    ])
  })
  test("the repository's setting decides (or the configuration is unknown): the plan as it was", async () => {
    expect(await deferScanOnPush(plan, 'team/web', async () => basic('api'))).toBe(plan)
    expect(await deferScanOnPush(plan, 'team/web', async () => undefined)).toBe(plan)
    expect(await deferScanOnPush(plan, 'team/web', undefined)).toBe(plan)
  })
  test('no scan-on-push drift: the configuration is not read', async () => {
    let reads = 0
    await deferScanOnPush({ changes: [], warnings: [] }, 'team/web', async () => (reads++, enhanced()))
    expect(reads).toBe(0)
  })
})

describe('registryScanningReader', () => {
  test('reads once however often asked', async () => {
    ecrMock.on(GetRegistryScanningConfigurationCommand).resolves({
      scanningConfiguration: { scanType: 'ENHANCED', rules: [{ scanFrequency: 'SCAN_ON_PUSH', repositoryFilters: [{ filter: 'team/*', filterType: 'WILDCARD' }] }] }
    })
    const reader = registryScanningReader(ecr)
    const [a, b] = await Promise.all([reader.get(), reader.get()])
    expect(a).toEqual({ scanType: 'ENHANCED', rules: [{ scanFrequency: 'SCAN_ON_PUSH', filters: ['team/*'] }] })
    expect(b).toBe(a)
    expect(ecrMock.commandCalls(GetRegistryScanningConfigurationCommand)).toHaveLength(1)
    expect(reader.warning()).toBeUndefined()
  })
  test('AccessDenied: undefined and one warning naming the permission', async () => {
    ecrMock.on(GetRegistryScanningConfigurationCommand).rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }))
    const reader = registryScanningReader(ecr)
    expect(await reader.get()).toBeUndefined()
    expect(await reader.get()).toBeUndefined()
    expect(reader.warning()).toMatch(/ecr:GetRegistryScanningConfiguration/)
    expect(ecrMock.commandCalls(GetRegistryScanningConfigurationCommand)).toHaveLength(1)
  })
  test('any other error fails the read', async () => {
    ecrMock.on(GetRegistryScanningConfigurationCommand).rejects(Object.assign(new Error('boom'), { name: 'ValidationException' }))
    await expect(registryScanningReader(ecr).get()).rejects.toThrow('boom')
  })
})
