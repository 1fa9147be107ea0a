/**
 * ECR managed signing, end to end, on the stack's emulation of GetSigningConfiguration and
 * DescribeImageSigningStatus (moto_server.py): with a signing rule covering the repository
 * the run waits for the pushed image's signature and says so in the `signature` output and
 * the summary; FAILED or not in time fails a `require-signature` run naming the Signer
 * profile and the permissions; no configuration means one "unsigned" line and no wait (and
 * a `require-signature` run stops before it builds); a configuration the role may not read
 * fails closed with `require-signature` and warns without. The `subject-name` /
 * `subject-digest` outputs are what actions/attest-build-provenance takes.
 */
import { jest } from '@jest/globals'
import { DeleteSigningConfigurationCommand, DescribeImageSigningStatusCommand, PutSigningConfigurationCommand } from '@aws-sdk/client-ecr'
import { errorLine, runAction, type RunResult } from '../../scripts/local-runner.mjs'
import { awsCalls, ecr, injectAwsFault, jobEnv, makeWorkspace, REGISTRY, registryCalls, resetCalls, resetFaults, resetStack, ROLE, setSigning } from './stack.js'

jest.setTimeout(15 * 60 * 1000)

const PROFILE = 'arn:aws:signer:us-east-1:123456789012:/signing-profiles/release_signer'
const ship = (inputs: Record<string, string>, workspace: string): Promise<RunResult> =>
  runAction({ inputs: { 'role-to-assume': ROLE, 'aws-region': 'us-east-1', platforms: 'linux/amd64', ...inputs }, env: jobEnv(), workspace, post: true })

function expectSuccess(result: RunResult): void {
  if (result.exitCode !== 0) throw new Error(`the action failed:\n${result.log}`)
}

const signingRule = (filter: string): Promise<unknown> =>
  ecr.send(new PutSigningConfigurationCommand({ signingConfiguration: { rules: [{ signingProfileArn: PROFILE, repositoryFilters: [{ filter, filterType: 'WILDCARD_MATCH' }] }] } }))
const noSigningConfiguration = (): Promise<unknown> => ecr.send(new DeleteSigningConfigurationCommand({})).catch(() => undefined)
const operations = async (): Promise<string[]> => (await awsCalls()).map(c => c.operation)
const manifestPuts = async (repository: string): Promise<number> => (await registryCalls()).filter(c => c.method === 'PUT' && c.kind === 'manifests' && c.repository === repository).length
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

beforeAll(() => resetStack())
afterAll(async () => {
  // The stack is shared: no signing configuration, signing at once COMPLETE, no faults.
  await noSigningConfiguration()
  await setSigning({})
  await resetFaults()
})

describe('no signing configuration', () => {
  beforeAll(() => noSigningConfiguration())

  test('one line says the image is unsigned; nothing is waited for; subject-name and subject-digest name the pushed image', async () => {
    await resetCalls()
    const result = await ship({ repository: 'sign/absent', version: '1.0.0' }, makeWorkspace('sign-absent'))
    expectSuccess(result)
    expect(result.outputs.signature).toBe('unsigned')
    expect(result.log).toMatch(/Signature of sign\/absent@sha256:[0-9a-f]{64}: unsigned: the registry has no signing configuration/)
    expect(result.summary).toContain('<tr><th align="left">Signature</th><td>unsigned: the registry has no signing configuration (ECR managed signing is not set up)</td></tr>')
    expect(result.log).not.toContain('::warning::')
    const ops = await operations()
    expect(ops.filter(o => o === 'GetSigningConfiguration')).toHaveLength(1)
    expect(ops).not.toContain('DescribeImageSigningStatus')
    // What actions/attest-build-provenance takes with push-to-registry: the name without a tag, and the digest.
    expect(result.outputs['subject-name']).toBe(`${REGISTRY}/sign/absent`)
    expect(result.outputs['subject-digest']).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(result.outputs['subject-digest']).toBe(result.outputs.digest)
    expect(`${result.outputs['subject-name']}@${result.outputs['subject-digest']}`).toBe(result.outputs['image-digest-uri'])
  })

  test('require-signature: true stops the run before it builds or pushes anything, saying ECR would not sign it', async () => {
    await resetCalls()
    const result = await ship({ repository: 'sign/absent', version: '1.1.0', 'require-signature': 'true' }, makeWorkspace('sign-absent-required'))
    expect(result.exitCode).toBe(1)
    expect(errorLine(result.log)).toMatch(/^require-signature is true, but the registry has no signing configuration .*, so ECR won't sign sign\/absent's images: add a signing rule covering it/)
    expect(await manifestPuts('sign/absent')).toBe(0)
    expect(result.log).not.toMatch(/buildx build/)
  })
})

describe('a signing rule covers the repository', () => {
  beforeAll(() => signingRule('sign/*'))

  test('the run waits while signing is IN_PROGRESS, then reports signed (require-signature passes)', async () => {
    await setSigning({ inProgressReads: 2 })
    await resetCalls()
    const result = await ship({ repository: 'sign/present', version: '1.0.0', 'require-signature': 'true' }, makeWorkspace('sign-present'))
    expectSuccess(result)
    expect(result.outputs.signature).toBe('signed')
    expect(result.log).toMatch(/Waiting for ECR's managed signing of sign\/present@sha256:[0-9a-f]{12}…: IN_PROGRESS \(\d+ s of 120 s\)/)
    expect(result.summary).toContain(`<tr><th align="left">Signature</th><td>signed by <code>${PROFILE}</code> (ECR managed signing)</td></tr>`)
    // The status ECR reports for the image the outputs name.
    const status = await ecr.send(new DescribeImageSigningStatusCommand({ repositoryName: 'sign/present', imageId: { imageDigest: result.outputs.digest } }))
    expect(status.signingStatuses).toEqual([{ signingProfileArn: PROFILE, status: 'COMPLETE' }])
    expect((await operations()).filter(o => o === 'DescribeImageSigningStatus').length).toBeGreaterThanOrEqual(3)
  })

  test('FAILED with require-signature: the run fails after the push, naming the profile, the failure and signer:SignPayload; the outputs are set', async () => {
    await setSigning({ status: 'FAILED', failureCode: 'AccessDeniedException', failureReason: 'not authorized to perform signer:SignPayload' })
    const result = await ship({ repository: 'sign/present', version: '1.1.0', 'require-signature': 'true' }, makeWorkspace('sign-failed'))
    expect(result.exitCode).toBe(1)
    expect(errorLine(result.log)).toMatch(
      new RegExp(
        `^require-signature is true, but ECR's managed signing of sign/present@sha256:[0-9a-f]{64} failed with the Signer profile ${escape(PROFILE)}: ` +
          `FAILED \\(AccessDeniedException: not authorized to perform signer:SignPayload\\); the role that pushes needs signer:SignPayload on it`
      )
    )
    expect(result.outputs.signature).toBe('failed')
    expect(result.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(result.summary).toContain(`FAILED with the Signer profile <code>${PROFILE}</code> (AccessDeniedException: not authorized to perform signer:SignPayload)`)
  })

  test('FAILED without require-signature: a warning, and the run passes with signature: failed', async () => {
    await setSigning({ status: 'FAILED' })
    const result = await ship({ repository: 'sign/present', version: '1.2.0' }, makeWorkspace('sign-failed-warn'))
    expectSuccess(result)
    expect(result.outputs.signature).toBe('failed')
    expect(result.log).toMatch(/::warning::ECR's managed signing of sign\/present@sha256:[0-9a-f]{64} failed with the Signer profile/)
  })

  test('not signed within signature-timeout: require-signature fails, naming the profile and the timeout', async () => {
    await setSigning({ status: 'IN_PROGRESS' })
    const result = await ship({ repository: 'sign/present', version: '1.3.0', 'require-signature': 'true', 'signature-timeout': '10' }, makeWorkspace('sign-late'))
    expect(result.exitCode).toBe(1)
    expect(errorLine(result.log)).toMatch(
      new RegExp(
        `^require-signature is true, but ECR's managed signing of sign/present@sha256:[0-9a-f]{64} with the Signer profile ${escape(PROFILE)} was not done after \\d+ s \\(IN_PROGRESS\\): .*raise signature-timeout \\(now 10 s\\)`
      )
    )
    expect(result.outputs.signature).toBe('in-progress')
  })

  test('a repository no rule covers: unsigned, no wait — and require-signature stops it before the build', async () => {
    await setSigning({})
    await resetCalls()
    const result = await ship({ repository: 'other/web', version: '1.0.0' }, makeWorkspace('sign-uncovered'))
    expectSuccess(result)
    expect(result.outputs.signature).toBe('unsigned')
    expect(result.summary).toContain("unsigned: the registry's signing configuration has no rule whose repository filters match other/web")
    expect(await operations()).not.toContain('DescribeImageSigningStatus')
    const required = await ship({ repository: 'other/web', version: '1.1.0', 'require-signature': 'true' }, makeWorkspace('sign-uncovered-required'))
    expect(required.exitCode).toBe(1)
    expect(errorLine(required.log)).toMatch(/^require-signature is true, but the registry's signing configuration has no rule whose repository filters match other\/web/)
  })

  test('a dry run says the signature would be awaited, and its IAM policy signs with exactly that profile', async () => {
    const plan = await ship({ repository: 'sign/present', version: '2.0.0', 'dry-run': 'true' }, makeWorkspace('sign-plan'))
    expectSuccess(plan)
    expect(plan.log).toContain(`then ECR's managed signing with the Signer profile ${PROFILE} awaited (up to 120 s)`)
    expect(plan.log).toMatch(new RegExp(`"Sid": "SignOnPush",[\\s\\S]*?"signer:SignPayload"[\\s\\S]*?"${escape(PROFILE)}"`))
    expect(plan.log).toContain('"ecr:DescribeImageSigningStatus"')
  })
})

describe('a signing configuration the role may not read', () => {
  beforeAll(() => signingRule('sign/*'))
  afterEach(() => resetFaults())

  test('with require-signature: the run fails before the build, saying so and naming ecr:GetSigningConfiguration', async () => {
    await injectAwsFault({ operation: 'GetSigningConfiguration', kind: 'access-denied', count: 1 })
    const result = await ship({ repository: 'sign/denied', version: '1.0.0', 'require-signature': 'true' }, makeWorkspace('sign-denied-required'))
    expect(result.exitCode).toBe(1)
    expect(errorLine(result.log)).toMatch(
      /^require-signature is true, but the registry's signing configuration could not be read \(AccessDeniedException: .*\): grant the role ecr:GetSigningConfiguration \(on \*\), or remove require-signature\.$/
    )
    expect(await manifestPuts('sign/denied')).toBe(0)
  })

  test('without it: one warning, signature unknown, and the run passes', async () => {
    await injectAwsFault({ operation: 'GetSigningConfiguration', kind: 'access-denied', count: 1 })
    await resetCalls()
    const result = await ship({ repository: 'sign/denied', version: '1.1.0' }, makeWorkspace('sign-denied'))
    expectSuccess(result)
    expect(result.outputs.signature).toBe('unknown')
    expect(result.log.match(/::warning::Whether ECR signed sign\/denied@sha256:[0-9a-f]{64} is not known: the registry's signing configuration could not be read/g)).toHaveLength(1)
    expect(await operations()).not.toContain('DescribeImageSigningStatus')
  })
})
