/**
 * How the sign-in tries STS again: throttling (and IDPCommunicationError) on a budget of
 * tens of seconds with jittered waits, other passing errors on the usual few tries, errors
 * that can't pass not at all, and the run's cancel ending a wait — at the first sign-in and
 * at a renewal. STS is mocked at the SDK boundary; nothing really waits.
 */
import { jest } from '@jest/globals'
import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import { mockClient } from 'aws-sdk-client-mock'
import { signIn, stsRetry, STS_THROTTLE_ATTEMPTS, STS_THROTTLE_MAX_WAIT_MS, type CredentialDeps } from '../../src/aws/sign-in.js'
import { retry } from '../../src/retry.js'
import type { Settings } from '../../src/settings/types.js'

const AWS: Settings['aws'] = {
  region: 'us-east-1',
  roleToAssume: 'arn:aws:iam::123456789012:role/ecr-push',
  audience: 'sts.amazonaws.com',
  roleSessionName: 'GitHubActions',
  roleDurationSeconds: 3600,
  exportCredentials: false,
  dualStack: false
}
const CREDENTIALS = { AccessKeyId: 'ASIAEXAMPLE', SecretAccessKey: 'secret', SessionToken: 'session', Expiration: new Date('2030-01-01T00:00:00Z') }
const stsError = (name: string, status = 400) => Object.assign(new Error(`${name} happened`), { name, $metadata: { httpStatusCode: status } })

const stsMock = mockClient(STSClient)
beforeEach(() => stsMock.reset())
afterEach(() => jest.restoreAllMocks())
afterAll(() => stsMock.restore())

/** Deps whose waits are recorded (and end at once unless `sleep` is given). */
function deps(over: Partial<CredentialDeps> = {}): { deps: CredentialDeps; waits: number[] } {
  const waits: number[] = []
  return {
    waits,
    deps: {
      env: { ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.example/?api-version=2.0', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'runtime' },
      getIDToken: async () => 'header.e30.signature',
      setSecret: () => undefined,
      sleep: async ms => void waits.push(ms),
      ...over
    }
  }
}

/** STS fails with each error in turn, then answers with credentials. */
function stsFails(...errors: Error[]): void {
  const queue = [...errors]
  stsMock.on(AssumeRoleWithWebIdentityCommand).callsFake(() => {
    const next = queue.shift()
    if (next) throw next
    return { Credentials: CREDENTIALS }
  })
}
const stsCalls = () => stsMock.commandCalls(AssumeRoleWithWebIdentityCommand).length

describe('throttling gets a budget of tens of seconds', () => {
  test.each(['Throttling', 'ThrottlingException', 'RequestLimitExceeded', 'IDPCommunicationError'])(
    '%s on all but the last of 12 tries: signed in, each wait at most 6 s',
    async name => {
      // The longest waits full jitter can draw.
      jest.spyOn(Math, 'random').mockReturnValue(0.999999)
      const { deps: d, waits } = deps()
      stsFails(...Array.from({ length: STS_THROTTLE_ATTEMPTS - 1 }, () => stsError(name)))
      const session = await signIn(AWS, d)
      expect(session.credentials?.current.accessKeyId).toBe('ASIAEXAMPLE')
      expect(stsCalls()).toBe(STS_THROTTLE_ATTEMPTS)
      expect(waits).toHaveLength(STS_THROTTLE_ATTEMPTS - 1)
      expect(Math.max(...waits)).toBeLessThanOrEqual(STS_THROTTLE_MAX_WAIT_MS)
      // Tens of seconds in all, and bounded.
      const total = waits.reduce((a, b) => a + b, 0)
      expect(total).toBeGreaterThan(30_000)
      expect(total).toBeLessThanOrEqual(45_000)
    }
  )

  test('a 429 counts as throttling too', async () => {
    const { deps: d } = deps()
    stsFails(...Array.from({ length: 8 }, () => stsError('SomethingNew', 429)))
    await signIn(AWS, d)
    expect(stsCalls()).toBe(9)
  })

  test('throttled on every try: 12 tries, then the throttling error as is', async () => {
    const { deps: d, waits } = deps()
    stsMock.on(AssumeRoleWithWebIdentityCommand).rejects(stsError('Throttling'))
    await expect(signIn(AWS, d)).rejects.toMatchObject({ name: 'Throttling' })
    expect(stsCalls()).toBe(STS_THROTTLE_ATTEMPTS)
    expect(waits.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(45_000)
  })

  test('the waits are jittered: drawn below an exponential cap', () => {
    const { delay } = stsRetry(async () => undefined, () => undefined).slowDown ?? { delay: () => NaN }
    jest.spyOn(Math, 'random').mockReturnValue(0.5)
    expect([2, 3, 4, 5, 6, 7, 8, 12].map(n => delay(n))).toEqual([125, 250, 500, 1000, 2000, 3000, 3000, 3000])
  })

  test('other passing errors keep their few tries, counted apart from throttling', async () => {
    const { deps: d } = deps()
    stsMock.on(AssumeRoleWithWebIdentityCommand).rejects(stsError('InternalFailure', 500))
    await expect(signIn(AWS, d)).rejects.toMatchObject({ name: 'InternalFailure' })
    expect(stsCalls()).toBe(6)
    stsMock.reset()
    // Two throttles and two server errors: both within their budgets.
    stsFails(stsError('Throttling'), stsError('InternalFailure', 500), stsError('Throttling'), stsError('InternalFailure', 500))
    await signIn(AWS, deps().deps)
    expect(stsCalls()).toBe(5)
  })

  test.each([
    ['AccessDenied', 403],
    ['InvalidIdentityToken', 400],
    ['ExpiredTokenException', 400]
  ])('%s can never pass: one try, no wait', async (name, status) => {
    const { deps: d, waits } = deps()
    stsMock.on(AssumeRoleWithWebIdentityCommand).rejects(stsError(name, status))
    await expect(signIn(AWS, d)).rejects.toThrow()
    expect(stsCalls()).toBe(1)
    expect(waits).toEqual([])
  })

  test('each retry is logged with the try to come and the budget it counts against', async () => {
    jest.spyOn(Math, 'random').mockReturnValue(0.5)
    const lines: string[] = []
    const errors = [stsError('Throttling'), stsError('InternalFailure', 500)]
    const signInOnce = async (): Promise<void> => {
      const next = errors.shift()
      if (next) throw next
    }
    await retry('AssumeRoleWithWebIdentity', signInOnce, { policy: stsRetry(async () => undefined, line => void lines.push(line)) })
    expect(lines).toEqual([
      'AssumeRoleWithWebIdentity failed (Throttling happened); trying again in 0.1s (2 of 12 while throttled).',
      'AssumeRoleWithWebIdentity failed (InternalFailure happened); trying again in 0.1s (2 of 6).'
    ])
  })
})

describe("the run's cancel ends a wait", () => {
  /** A wait that never ends by itself. */
  const forever = (): Promise<void> => new Promise(() => undefined)

  test('at the first sign-in: the cancel reason at once, no further try', async () => {
    const controller = new AbortController()
    const { deps: d } = deps({ sleep: forever, cancel: controller.signal })
    stsMock.on(AssumeRoleWithWebIdentityCommand).rejects(stsError('Throttling'))
    const signingIn = signIn(AWS, d)
    await new Promise(resolve => setTimeout(resolve, 20))
    controller.abort(new Error('cancelled'))
    await expect(signingIn).rejects.toThrow('cancelled')
    expect(stsCalls()).toBe(1)
  })

  test('at a renewal of the session, which signs in the same way', async () => {
    const controller = new AbortController()
    const { deps: d } = deps({ sleep: forever, cancel: controller.signal })
    stsFails()
    const session = await signIn(AWS, d)
    stsMock.reset()
    stsMock.on(AssumeRoleWithWebIdentityCommand).rejects(stsError('ThrottlingException'))
    const renewing = session.credentials?.get(true)
    await new Promise(resolve => setTimeout(resolve, 20))
    controller.abort(new Error('cancelled'))
    await expect(renewing).rejects.toThrow('cancelled')
    expect(stsCalls()).toBe(1)
  })
})
