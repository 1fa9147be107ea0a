/**
 * The registry's scanning configuration, end to end: with ENHANCED scanning (Amazon
 * Inspector) or a BASIC rule covering the repository, the repository's own scan on push is
 * not what decides, so drift in it is neither reported nor "fixed"; the gate reads
 * Inspector's enhanced findings, starts no scan and lists the failing findings' ARNs; a role
 * that may not read the configuration gets one warning and today's behaviour.
 */
import { jest } from '@jest/globals'
import { CreateRepositoryCommand, DescribeRepositoriesCommand, PutRegistryScanningConfigurationCommand, type ScanningRepositoryFilter } from '@aws-sdk/client-ecr'
import { errorLine, runAction, type RunResult } from '../../scripts/local-runner.mjs'
import { awsCalls, ecr, injectAwsFault, jobEnv, makeWorkspace, resetCalls, resetFaults, resetStack, ROLE, setScans } from './stack.js'

jest.setTimeout(15 * 60 * 1000)

const ship = (inputs: Record<string, string>, workspace: string): Promise<RunResult> =>
  runAction({ inputs: { 'role-to-assume': ROLE, 'aws-region': 'us-east-1', platforms: 'linux/amd64', ...inputs }, env: jobEnv(), workspace, post: true })

function expectSuccess(result: RunResult): void {
  if (result.exitCode !== 0) throw new Error(`the action failed:\n${result.log}`)
}

const wildcard = (filter: string): ScanningRepositoryFilter => ({ filter, filterType: 'WILDCARD' })
const scanning = (scanType: 'BASIC' | 'ENHANCED', rules: { scanFrequency: 'SCAN_ON_PUSH' | 'CONTINUOUS_SCAN' | 'MANUAL'; filter: string }[] = []): Promise<unknown> =>
  ecr.send(new PutRegistryScanningConfigurationCommand({ scanType, rules: rules.map(r => ({ scanFrequency: r.scanFrequency, repositoryFilters: [wildcard(r.filter)] })) }))
const describeRepository = async (name: string) => (await ecr.send(new DescribeRepositoriesCommand({ repositoryNames: [name] }))).repositories?.[0]
const operations = async (): Promise<string[]> => (await awsCalls()).map(c => c.operation)
const count = (text: string, pattern: RegExp): number => text.split('\n').filter(l => pattern.test(l)).length

beforeAll(() => resetStack())
afterAll(async () => {
  // The stack is shared: back to ECR's default (BASIC, no rules), the scans to theirs.
  await scanning('BASIC')
  await setScans({})
  await resetFaults()
})

describe('ENHANCED registry scanning (Amazon Inspector)', () => {
  beforeAll(async () => {
    await ecr.send(new CreateRepositoryCommand({ repositoryName: 'team/inspected', imageScanningConfiguration: { scanOnPush: true } }))
    await scanning('ENHANCED', [{ scanFrequency: 'CONTINUOUS_SCAN', filter: 'team/*' }])
  })

  test("scan-on-push: false on a repository that scans on push is not 'fixed': the log says the registry decides, once", async () => {
    await resetCalls()
    const result = await ship({ repository: 'team/inspected', version: '1.0.0', 'scan-on-push': 'false' }, makeWorkspace('inspected'))
    expectSuccess(result)
    const ops = await operations()
    expect(ops).not.toContain('PutImageScanningConfiguration')
    expect(ops.filter(o => o === 'GetRegistryScanningConfiguration')).toHaveLength(1)
    expect((await describeRepository('team/inspected'))?.imageScanningConfiguration?.scanOnPush).toBe(true)
    expect(count(result.log, /the registry's ENHANCED scanning \(Amazon Inspector\) decides how it is scanned: rule CONTINUOUS_SCAN \(filter 'team\/\*'\)/)).toBe(1)
    expect(result.summary).toContain("note: scan on push is on on the repository, not off as scan-on-push states, and left so: the registry's ENHANCED scanning (Amazon Inspector) decides")
    // A note, not a warning: on an enhanced registry the repository's own setting is expected to differ.
    expect(result.log).not.toMatch(/::warning::.*scan on push/)
    expect(result.log).not.toMatch(/scan on push on → off/)
  })

  test('the gate with enhanced findings {HIGH: 2} and scan-fail-on HIGH fails naming the counts, the finding ARNs in the summary; no scan is started', async () => {
    await setScans({ severityCounts: { HIGH: 2 }, inProgressReads: 1 })
    await resetCalls()
    const result = await ship({ repository: 'team/inspected', version: '1.1.0', 'scan-on-push': 'false', 'scan-fail-on': 'HIGH' }, makeWorkspace('inspected-high'))
    expect(result.exitCode).toBe(1)
    expect(errorLine(result.log)).toMatch(/^ECR's scan found 2 HIGH in team\/inspected@sha256:[0-9a-f]{64} \(scan-fail-on: HIGH\): .*ARNs are in the job summary/)
    expect(result.log).toMatch(/Waiting for ECR's enhanced \(Inspector\) scan of linux\/amd64 sha256:[0-9a-f]{12}…: PENDING/)
    expect(result.summary).toContain('2 HIGH — scan-fail-on HIGH: failed')
    expect(result.summary.match(/`arn:aws:inspector2:us-east-1:123456789012:finding\/[0-9a-f]{32}`/g)).toHaveLength(2)
    expect(JSON.parse(result.outputs['scan-findings'] ?? '')).toEqual({ HIGH: 2 })
    const ops = await operations()
    expect(ops).not.toContain('StartImageScan')
    expect(ops).not.toContain('PutImageScanningConfiguration')
    expect(ops.filter(o => o === 'GetRegistryScanningConfiguration')).toHaveLength(1)
  })

  test('the gate with enhanced findings {LOW: 1} and scan-fail-on HIGH passes', async () => {
    await setScans({ severityCounts: { LOW: 1 } })
    const result = await ship({ repository: 'team/inspected', version: '1.2.0', 'scan-fail-on': 'HIGH' }, makeWorkspace('inspected-low'))
    expectSuccess(result)
    expect(result.summary).toContain('1 LOW — scan-fail-on HIGH: passed')
    expect(result.summary).not.toContain('arn:aws:inspector2')
  })

  test('a dry run says the registry decides instead of planning the change, and that the gate would await Inspector', async () => {
    const plan = await ship({ repository: 'team/inspected', version: '2.0.0', 'scan-on-push': 'false', 'scan-fail-on': 'HIGH', 'dry-run': 'true' }, makeWorkspace('inspected-plan'))
    expectSuccess(plan)
    expect(plan.log).not.toMatch(/would change: scan on push/)
    expect(count(plan.log, /Repository team\/inspected: note: scan on push is on on the repository, not off as scan-on-push states, and left so: the registry's ENHANCED scanning/)).toBe(1)
    expect(plan.log).toMatch(/then ECR's enhanced scan \(Amazon Inspector, the registry's configuration\) awaited \(up to \d+ s\)/)
    expect(plan.log).toContain('"ecr:GetRegistryScanningConfiguration"')
  })

  test('FINDINGS_UNAVAILABLE is not "passed": the gate fails saying why', async () => {
    await setScans({ status: 'FINDINGS_UNAVAILABLE' })
    const result = await ship({ repository: 'team/inspected', version: '1.3.0', 'scan-fail-on': 'CRITICAL' }, makeWorkspace('inspected-unavailable'))
    expect(result.exitCode).toBe(1)
    expect(errorLine(result.log)).toMatch(/enhanced scan of linux\/amd64 .* ended FINDINGS_UNAVAILABLE: Inspector's findings for it aren't available.*can't vouch/)
  })

  test('no ENHANCED rule covers the repository: the gate fails at once (Inspector would never scan it), starting no scan', async () => {
    await scanning('ENHANCED', [{ scanFrequency: 'SCAN_ON_PUSH', filter: 'other/*' }])
    await setScans({ severityCounts: {} })
    await resetCalls()
    const result = await ship({ repository: 'team/inspected', version: '1.4.0', 'scan-fail-on': 'CRITICAL' }, makeWorkspace('inspected-uncovered'))
    expect(result.exitCode).toBe(1)
    expect(errorLine(result.log)).toMatch(/^scan-fail-on can't judge team\/inspected@sha256:[0-9a-f]{64}: the registry's ENHANCED scanning has no rule covering team\/inspected/)
    const ops = await operations()
    expect(ops).not.toContain('StartImageScan')
    expect(ops).not.toContain('DescribeImageScanFindings')
  })
})

describe('BASIC registry scanning with a rule covering the repository', () => {
  beforeAll(async () => {
    await scanning('BASIC', [{ scanFrequency: 'SCAN_ON_PUSH', filter: 'team/basic*' }])
    await ecr.send(new CreateRepositoryCommand({ repositoryName: 'team/basic-rule', imageScanningConfiguration: { scanOnPush: false } }))
  })

  test("scan-on-push drift is not reported: the registry's rule takes precedence", async () => {
    await resetCalls()
    const result = await ship({ repository: 'team/basic-rule', version: '1.0.0' }, makeWorkspace('basic-rule'))
    expectSuccess(result)
    expect(await operations()).not.toContain('PutImageScanningConfiguration')
    expect(result.log).not.toMatch(/scan on push off → on/)
    expect(count(result.log, /the registry's BASIC scanning rule SCAN_ON_PUSH \(filter 'team\/basic\*'\) decides how it is scanned/)).toBe(1)
  })

  test('AccessDenied on GetRegistryScanningConfiguration: one warning, and the repository setting is reconciled as before', async () => {
    await injectAwsFault({ operation: 'GetRegistryScanningConfiguration', kind: 'access-denied', count: 5 })
    await resetCalls()
    const result = await ship({ repository: 'team/basic-rule', version: '1.1.0' }, makeWorkspace('basic-denied'))
    await resetFaults()
    expectSuccess(result)
    expect(count(result.log, /^::warning::.*ecr:GetRegistryScanningConfiguration/)).toBe(1)
    const ops = await operations()
    expect(ops.filter(o => o === 'GetRegistryScanningConfiguration')).toHaveLength(1)
    expect(ops).toContain('PutImageScanningConfiguration')
    expect((await describeRepository('team/basic-rule'))?.imageScanningConfiguration?.scanOnPush).toBe(true)
  })
})
