/** The scan gate's verdict: whether it can judge what was pushed at all, and never "passed" on nothing. */
import { ECRClient } from '@aws-sdk/client-ecr'
import { gateVerdict, unjudgeable } from '../../../src/aws/scan-verdict.js'
import type { RegistryScanning } from '../../../src/aws/registry-scanning.js'
import { ActionError } from '../../../src/errors.js'
import { readSettings } from '../../../src/settings/read.js'
import { makeWorkspace, stepEnv, type TempWorkspace } from '../../fixtures/workspace.js'

let ws: TempWorkspace
beforeAll(() => {
  ws = makeWorkspace()
})
afterAll(() => ws.remove())

const settings = (inputs: Record<string, string> = { 'scan-fail-on': 'HIGH' }) => readSettings(stepEnv(ws.dir, { repository: 'team/web', version: '1.2.3', ...inputs }))
const DIGEST = `sha256:${'d'.repeat(64)}`
const ecr = new ECRClient({ region: 'us-east-1' })
const enhanced = (filter: string): RegistryScanning => ({ scanType: 'ENHANCED', rules: [{ scanFrequency: 'CONTINUOUS_SCAN', filters: [filter] }] })

describe('unjudgeable', () => {
  test('ECR with basic scanning, or enhanced scanning that covers the repository: it can judge', () => {
    expect(unjudgeable(settings(), { ecr }, undefined)).toBeUndefined()
    expect(unjudgeable(settings(), { ecr, scanning: enhanced('team/*') }, undefined)).toBeUndefined()
  })

  test('images that could not be read, ECR Public, or enhanced scanning without a rule for it: why not', () => {
    expect(unjudgeable(settings(), { ecr }, 'the registry has no such manifest')).toBe('the registry has no such manifest')
    expect(unjudgeable(settings(), {}, undefined)).toBe('this registry has no scans: remove scan-fail-on.')
    expect(unjudgeable(settings(), { ecr, scanning: enhanced('other/*') }, undefined)).toContain("has no rule covering team/web, so Amazon Inspector doesn't scan it")
  })
})

describe('gateVerdict', () => {
  test('without scan-fail-on: no line, no failure', () => {
    expect(gateVerdict(settings({}), DIGEST, undefined, 'anything')).toEqual({ line: '' })
  })

  test('findings below the threshold: passed, with the counts for the outputs', () => {
    const counts = { MEDIUM: 2, LOW: 5 }
    expect(gateVerdict(settings(), DIGEST, { total: counts, perImage: [] }, undefined)).toEqual({ line: '2 MEDIUM, 5 LOW — scan-fail-on HIGH: passed', counts })
  })

  test('findings at or above it: failed, naming them and where the details are', () => {
    const verdict = gateVerdict(settings(), DIGEST, { total: { CRITICAL: 1, HIGH: 2, LOW: 1 }, perImage: [] }, undefined)
    expect(verdict.line).toBe('1 CRITICAL, 2 HIGH, 1 LOW — scan-fail-on HIGH: failed')
    expect(verdict.failure).toBeInstanceOf(ActionError)
    expect(verdict.failure?.message).toBe(
      `ECR's scan found 1 CRITICAL, 2 HIGH in team/web@${DIGEST} (scan-fail-on: HIGH): fix them and push a new version; the counts are in the job summary, the findings in the ECR console.`
    )
  })

  test("enhanced scanning's findings are named by their ARNs in the line", () => {
    const arn = 'arn:aws:inspector2:us-east-1:123456789012:finding/abc'
    const verdict = gateVerdict(settings(), DIGEST, { total: { HIGH: 1 }, perImage: [], arns: { HIGH: [arn] } }, undefined)
    expect(verdict.line).toBe(`1 HIGH — scan-fail-on HIGH: failed<br>findings: \`${arn}\``)
    expect(verdict.failure?.message).toContain("the findings' ARNs are in the job summary")
  })

  test('nothing judged fails the run, naming the image and why — never passed on nothing', () => {
    expect(gateVerdict(settings(), DIGEST, undefined, 'this registry has no scans: remove scan-fail-on.')).toEqual({
      line: 'not judged — scan-fail-on HIGH: failed (this registry has no scans: remove scan-fail-on.)',
      failure: new ActionError(`scan-fail-on can't judge team/web@${DIGEST}: this registry has no scans: remove scan-fail-on.`)
    })
    expect(gateVerdict(settings(), '', undefined, undefined).failure?.message).toBe("scan-fail-on can't judge team/web:1.2.3: no scan was read")
  })
})
