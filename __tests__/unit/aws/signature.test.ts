/**
 * The signature stage: how it waits for DescribeImageSigningStatus, per platform image, and
 * what it reports.
 */
import { DescribeImageSigningStatusCommand, ECRClient, ImageNotFoundException } from '@aws-sdk/client-ecr'
import { mockClient } from 'aws-sdk-client-mock'
import { awaitSignature, unwaited, type SignatureTarget, type SignatureWait } from '../../../src/aws/signature.js'
import { planSigning, type SigningPlan } from '../../../src/aws/signing.js'

const P1 = 'arn:aws:signer:us-east-1:123456789012:/signing-profiles/release_signer'

const P2 = 'arn:aws:signer:us-east-1:210987654321:/signing-profiles/org_signer'

const DIGEST = `sha256:${'c'.repeat(64)}`

const ecrMock = mockClient(ECRClient)

const ecr = new ECRClient({ region: 'us-east-1', credentials: { accessKeyId: 'AKIA', secretAccessKey: 'x' } })

afterAll(() => ecrMock.restore())

beforeEach(() => ecrMock.reset())

/** A clock that only moves when the wait sleeps. */
function fakeWait(timeoutSeconds = 30): SignatureWait & { lines: string[] } {
  let now = 0
  const lines: string[] = []
  return {
    timeoutSeconds,
    interval: poll => Math.min(1000 * 2 ** (poll - 1), 5000),
    sleep: async ms => {
      now += ms
    },
    log: line => lines.push(line),
    now: () => now,
    lines
  }
}

const accessDenied = (message: string): Error => Object.assign(new Error(message), { name: 'AccessDeniedException' })

const target = (over: Partial<SignatureTarget> = {}): SignatureTarget => ({ ecr, repository: 'team/web', digest: DIGEST, region: 'us-east-1', pushedNow: true, require: false, ...over })

const signedBy = (...arns: string[]): SigningPlan => ({ kind: 'signed', profiles: arns.map(arn => ({ arn })) })

const status = (signingProfileArn: string, s: 'IN_PROGRESS' | 'COMPLETE' | 'FAILED', failure?: { failureCode: string; failureReason: string }) => ({
  signingProfileArn,
  status: s,
  ...failure
})

describe('the signature stage', () => {
  test('IN_PROGRESS, then COMPLETE: signed, a progress line per poll', async () => {
    ecrMock
      .on(DescribeImageSigningStatusCommand, { repositoryName: 'team/web', imageId: { imageDigest: DIGEST } })
      .resolvesOnce({ signingStatuses: [] })
      .resolvesOnce({ signingStatuses: [status(P1, 'IN_PROGRESS')] })
      .resolves({ signingStatuses: [status(P1, 'COMPLETE')] })
    const wait = fakeWait()
    const result = await awaitSignature(signedBy(P1), target(), wait)
    expect(result).toEqual({ state: 'signed', line: `signed by \`${P1}\` (ECR managed signing)` })
    expect(wait.lines).toEqual([
      `Waiting for ECR's managed signing of team/web@sha256:cccccccccccc…: not started (0 s of 30 s)`,
      `Waiting for ECR's managed signing of team/web@sha256:cccccccccccc…: IN_PROGRESS (1 s of 30 s)`
    ])
  })

  test('two covering profiles: signed only when both are COMPLETE', async () => {
    ecrMock
      .on(DescribeImageSigningStatusCommand)
      .resolvesOnce({ signingStatuses: [status(P1, 'COMPLETE')] })
      .resolves({ signingStatuses: [status(P1, 'COMPLETE'), status(P2, 'COMPLETE')] })
    const result = await awaitSignature(signedBy(P1, P2), target(), fakeWait())
    expect(result.state).toBe('signed')
    expect(ecrMock.commandCalls(DescribeImageSigningStatusCommand)).toHaveLength(2)
  })

  test('FAILED with require-signature: fails naming the profile, the failure and signer:SignPayload; without it a warning', async () => {
    ecrMock.on(DescribeImageSigningStatusCommand).resolves({ signingStatuses: [status(P1, 'FAILED', { failureCode: 'AccessDenied', failureReason: 'not authorized to sign' })] })
    const required = await awaitSignature(signedBy(P1), target({ require: true }), fakeWait())
    expect(required.state).toBe('failed')
    expect(required.failure).toBe(
      `require-signature is true, but ECR's managed signing of team/web@${DIGEST} failed with the Signer profile ${P1}: FAILED (AccessDenied: not authorized to sign); ` +
        'the role that pushes needs signer:SignPayload on it (ECR signs with the identity that pushed the image), and the profile must be active in us-east-1'
    )
    expect(required.line).toBe(`FAILED with the Signer profile \`${P1}\` (AccessDenied: not authorized to sign)`)
    const warned = await awaitSignature(signedBy(P1), target(), fakeWait())
    expect(warned.failure).toBeUndefined()
    expect(warned.warning).toMatch(/^ECR's managed signing of team\/web@sha256:c{64} failed with the Signer profile /)
  })

  test('still IN_PROGRESS at signature-timeout: in-progress, naming the profile, the timeout and the permission', async () => {
    ecrMock.on(DescribeImageSigningStatusCommand).resolves({ signingStatuses: [status(P1, 'IN_PROGRESS')] })
    const result = await awaitSignature(signedBy(P1), target({ require: true }), fakeWait(10))
    expect(result.state).toBe('in-progress')
    expect(result.failure).toMatch(
      new RegExp(
        `^require-signature is true, but ECR's managed signing of team/web@sha256:c{64} with the Signer profile ${P1.replace(/[/.]/g, '\\$&')} was not done after \\d+ s \\(IN_PROGRESS\\): .*raise signature-timeout \\(now 10 s\\); the role that pushes needs signer:SignPayload`
      )
    )
    expect(result.line).toMatch(/^not signed in time: IN_PROGRESS after \d+ s \(signature-timeout 10 s\), waiting on `arn:aws:signer:/)
  })

  test('a poll that hangs past the deadline is cut short: in-progress, not a hang', async () => {
    const deadline = new AbortController()
    ecrMock.on(DescribeImageSigningStatusCommand).callsFake(() => new Promise((_, reject) => deadline.signal.addEventListener('abort', () => reject(new Error('Request aborted')))))
    const pending = awaitSignature(signedBy(P1), target(), { ...fakeWait(), deadline: () => deadline.signal })
    deadline.abort()
    expect((await pending).state).toBe('in-progress')
  })

  test('ImageNotFoundException right after the push is waited through; AccessDenied is "unknown", naming ecr:DescribeImageSigningStatus', async () => {
    ecrMock
      .on(DescribeImageSigningStatusCommand)
      .rejectsOnce(new ImageNotFoundException({ message: 'no image', $metadata: {} }))
      .resolves({ signingStatuses: [status(P1, 'COMPLETE')] })
    expect((await awaitSignature(signedBy(P1), target(), fakeWait())).state).toBe('signed')
    ecrMock.reset()
    ecrMock.on(DescribeImageSigningStatusCommand).rejects(accessDenied('denied'))
    const result = await awaitSignature(signedBy(P1), target({ require: true }), fakeWait())
    expect(result.state).toBe('unknown')
    expect(result.failure).toBe(
      `require-signature is true, but the signing status of team/web@${DIGEST} could not be read (AccessDeniedException: denied): grant the role ecr:DescribeImageSigningStatus on the repository`
    )
  })

  test('a reused image with no status was pushed before the rule: unsigned at once, no waiting', async () => {
    ecrMock.on(DescribeImageSigningStatusCommand).resolves({ signingStatuses: [] })
    const result = await awaitSignature(signedBy(P1), target({ pushedNow: false }), fakeWait())
    expect(result.state).toBe('unsigned')
    expect(result.warning).toMatch(/ECR has no signing status for it \(it was pushed before a signing rule covered team\/web/)
    expect(ecrMock.commandCalls(DescribeImageSigningStatusCommand)).toHaveLength(1)
  })

  test('no configuration: unsigned, one line, no call and no warning; unreadable: unknown with a warning', async () => {
    const none = await awaitSignature(planSigning(undefined, 'team/web'), target(), fakeWait())
    expect(none).toEqual({ state: 'unsigned', line: 'unsigned: the registry has no signing configuration (ECR managed signing is not set up)' })
    expect(ecrMock.calls()).toHaveLength(0)
    const unknown = unwaited({ kind: 'unreadable', why: "the registry's signing configuration could not be read (AccessDeniedException: no)" }, target())
    expect(unknown.state).toBe('unknown')
    expect(unknown.warning).toMatch(/^Whether ECR signed team\/web@sha256:c{64} is not known: .*grant the role ecr:GetSigningConfiguration/)
  })
})
