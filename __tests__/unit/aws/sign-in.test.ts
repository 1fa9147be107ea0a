/**
 * OIDC sign-in. STS is mocked at the SDK boundary; the runner's token endpoint is either an
 * injected function or, in one test, a real local HTTP server answering the action's own token
 * request. A fresh token for each try, and throttling's budget.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { jest } from '@jest/globals'
import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import { mockClient } from 'aws-sdk-client-mock'
import type { AwsCredentialIdentity } from '@aws-sdk/types'
import { ActionError } from '../../../src/errors.js'
import { exportCredentials, signIn, tokenClaims, type CredentialDeps, stsRetry, STS_THROTTLE_ATTEMPTS, STS_THROTTLE_MAX_WAIT_MS } from '../../../src/aws/sign-in.js'
import { Renewable } from '../../../src/aws/session.js'
import type { Settings } from '../../../src/settings/types.js'
import { retry } from '../../../src/retry.js'

const ROLE = 'arn:aws:iam::123456789012:role/ecr-push'

const EXPIRATION = new Date('2030-01-01T00:00:00Z')

const STS_CREDENTIALS = {
  AccessKeyId: 'ASIAEXAMPLEACCESSKEY',
  SecretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  SessionToken: 'FwoGZXIvYXdzEXAMPLESESSIONTOKEN',
  Expiration: EXPIRATION
}

const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url')

/** A JWT shaped like the one GitHub issues (the signature is not checked by the action). */
const jwt = (claims: Record<string, unknown>): string => `${b64url({ alg: 'RS256', typ: 'JWT', kid: 'x' })}.${b64url(claims)}.c2lnbmF0dXJlLXRoYXQtbXVzdC1uZXZlci1iZS1wcmludGVk`

const CLAIMS = {
  iss: 'https://token.actions.githubusercontent.com',
  sub: 'repo:acme/web:ref:refs/heads/main',
  aud: 'sts.amazonaws.com',
  repository: 'acme/web',
  ref: 'refs/heads/main',
  job_workflow_ref: 'acme/web/.github/workflows/ci.yml@refs/heads/main',
  actor: 'octocat',
  run_id: '42'
}

const TOKEN = jwt(CLAIMS)

const aws = (over: Partial<Settings['aws']> = {}): Settings['aws'] => ({
  region: 'us-east-1',
  roleToAssume: ROLE,
  audience: 'sts.amazonaws.com',
  roleSessionName: 'GitHubActions',
  roleDurationSeconds: 3600,
  exportCredentials: false,
  dualStack: false,
  ...over
})

const RUNNER_ENV = { ACTIONS_ID_TOKEN_REQUEST_URL: 'https://pipelines.actions.example/idtoken?api-version=2.0', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'runtime' }

const stsMock = mockClient(STSClient)

beforeEach(() => stsMock.reset())

afterAll(() => stsMock.restore())

/** Deps that record every call into one ordered log. */
function recordingDeps(env: Record<string, string | undefined> = RUNNER_ENV, token = TOKEN) {
  const log: string[] = []
  const audiences: string[] = []
  const secrets: string[] = []
  const deps: CredentialDeps = {
    env,
    getIDToken: async audience => {
      audiences.push(audience)
      log.push('getIDToken')
      return token
    },
    setSecret: value => {
      secrets.push(value)
      log.push(`setSecret:${value}`)
    }
  }
  return { deps, log, audiences, secrets }
}

describe('with role-to-assume', () => {
  test('trades the OIDC token for credentials and masks each before returning', async () => {
    const { deps, log, audiences, secrets } = recordingDeps()
    stsMock.on(AssumeRoleWithWebIdentityCommand).callsFake(() => {
      log.push('sts')
      return { Credentials: STS_CREDENTIALS }
    })

    const session = await signIn(aws({ audience: 'my-audience', roleSessionName: 'deploy-42', roleDurationSeconds: 900 }), deps)

    expect(audiences).toEqual(['my-audience'])
    const calls = stsMock.commandCalls(AssumeRoleWithWebIdentityCommand)
    expect(calls).toHaveLength(1)
    expect(calls[0]?.args[0].input).toEqual({
      RoleArn: ROLE,
      RoleSessionName: 'deploy-42',
      DurationSeconds: 900,
      WebIdentityToken: TOKEN
    })
    expect(secrets).toEqual([TOKEN, STS_CREDENTIALS.AccessKeyId, STS_CREDENTIALS.SecretAccessKey, STS_CREDENTIALS.SessionToken])
    // the token is masked before it is sent anywhere
    expect(log.indexOf(`setSecret:${TOKEN}`)).toBeLessThan(log.indexOf('sts'))
    expect(log.indexOf('getIDToken')).toBeLessThan(log.indexOf(`setSecret:${TOKEN}`))

    expect(session.region).toBe('us-east-1')
    expect(session.credentials?.current).toEqual({
      accessKeyId: STS_CREDENTIALS.AccessKeyId,
      secretAccessKey: STS_CREDENTIALS.SecretAccessKey,
      sessionToken: STS_CREDENTIALS.SessionToken,
      expiration: EXPIRATION
    })
  })

  test.each([
    ['ACTIONS_ID_TOKEN_REQUEST_URL', { ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'runtime' }],
    ['ACTIONS_ID_TOKEN_REQUEST_TOKEN', { ACTIONS_ID_TOKEN_REQUEST_URL: RUNNER_ENV.ACTIONS_ID_TOKEN_REQUEST_URL }],
    ['both', {}]
  ])('without %s: an error that asks for id-token: write, no token request, no STS call', async (_, env) => {
    const { deps, audiences } = recordingDeps(env)
    const promise = signIn(aws(), deps)
    await expect(promise).rejects.toBeInstanceOf(ActionError)
    await expect(promise).rejects.toThrow("add 'permissions: id-token: write' to the job")
    expect(audiences).toEqual([])
    expect(stsMock.commandCalls(AssumeRoleWithWebIdentityCommand)).toHaveLength(0)
  })

  test.each(['AccessDenied', 'InvalidIdentityToken'])('%s: names the token’s sub and aud for the trust policy, never the token', async name => {
    const { deps } = recordingDeps()
    const error = Object.assign(new Error('Not authorized to perform sts:AssumeRoleWithWebIdentity'), { name })
    stsMock.on(AssumeRoleWithWebIdentityCommand).rejects(error)

    let caught: unknown
    try {
      await signIn(aws(), deps)
    } catch (e) {
      caught = e
    }
    expect(caught).toBeInstanceOf(ActionError)
    const message = (caught as Error).message
    expect(message).toContain(ROLE)
    expect(message).toContain(name)
    expect(message).toContain("aud 'sts.amazonaws.com'")
    expect(message).toContain("sub 'repo:acme/web:ref:refs/heads/main'")
    expect(message).toContain(`"token.actions.githubusercontent.com:sub": "repo:acme/web:ref:refs/heads/main"`)
    expect(message).not.toContain('"repo:acme/web:*"')
    expect(message).not.toContain(TOKEN)
    for (const part of TOKEN.split('.')) expect(message).not.toContain(part)
  })

  test('AccessDenied with a token whose claims cannot be read still explains, with the audience asked for', async () => {
    const { deps } = recordingDeps(RUNNER_ENV, 'not-a-jwt')
    stsMock.on(AssumeRoleWithWebIdentityCommand).rejects(Object.assign(new Error('denied'), { name: 'AccessDenied' }))
    await expect(signIn(aws({ audience: 'custom-aud' }), deps)).rejects.toThrow("aud 'custom-aud' and sub '?'")
  })

  test('other STS errors propagate unchanged, a server error once every try is spent', async () => {
    const { deps } = recordingDeps()
    const failing = Object.assign(new Error('internal'), { name: 'InternalFailure', $metadata: { httpStatusCode: 500 } })
    stsMock.on(AssumeRoleWithWebIdentityCommand).rejects(failing)
    await expect(signIn(aws(), { ...deps, sleep: async () => {} })).rejects.toMatchObject({ name: 'InternalFailure', message: 'internal' })
    expect(stsMock.commandCalls(AssumeRoleWithWebIdentityCommand)).toHaveLength(6)
  })

  test('STS answering without credentials is an error', async () => {
    const { deps, secrets } = recordingDeps()
    stsMock.on(AssumeRoleWithWebIdentityCommand).resolves({})
    await expect(signIn(aws(), deps)).rejects.toThrow(`STS returned no credentials for ${ROLE}.`)
    expect(secrets).toEqual([TOKEN])
  })
})

describe('without role-to-assume', () => {
  test('uses the credentials already in the job: no token request, no STS call', async () => {
    const { deps, audiences, secrets } = recordingDeps()
    const { roleToAssume: _unused, ...rest } = aws()
    const session = await signIn({ ...rest, region: 'eu-central-1' }, deps)
    expect(session).toEqual({ region: 'eu-central-1', dualStack: false })
    expect(audiences).toEqual([])
    expect(secrets).toEqual([])
    expect(stsMock.calls()).toHaveLength(0)
  })
})

describe('tokenClaims', () => {
  test('keeps only the claims a trust policy compares', () => {
    expect(tokenClaims(TOKEN)).toEqual({
      sub: CLAIMS.sub,
      aud: CLAIMS.aud,
      repository: CLAIMS.repository,
      ref: CLAIMS.ref,
      job_workflow_ref: CLAIMS.job_workflow_ref
    })
    expect(tokenClaims(jwt({ ...CLAIMS, workflow_ref: 'acme/web/.github/workflows/ci.yml@refs/heads/main' }))).toMatchObject({ workflow_ref: 'acme/web/.github/workflows/ci.yml@refs/heads/main' })
  })

  test.each(['', 'abc', 'a.!!!.c', `x.${Buffer.from('not json').toString('base64url')}.y`])('%j → {}', token => {
    expect(tokenClaims(token)).toEqual({})
  })
})

describe('exportCredentials', () => {
  test('exports the region and the three credential variables', () => {
    const exported: Record<string, string> = {}
    exportCredentials(
      {
        region: 'ap-northeast-2',
        credentials: new Renewable<AwsCredentialIdentity>('the session', { accessKeyId: 'AKID', secretAccessKey: 'SECRET', sessionToken: 'SESSION' }, async () => {
          throw new Error('not renewed')
        })
      },
      (name, value) => {
        exported[name] = String(value)
      }
    )
    expect(exported).toEqual({
      AWS_REGION: 'ap-northeast-2',
      AWS_DEFAULT_REGION: 'ap-northeast-2',
      AWS_ACCESS_KEY_ID: 'AKID',
      AWS_SECRET_ACCESS_KEY: 'SECRET',
      AWS_SESSION_TOKEN: 'SESSION'
    })
  })

  test('without signed-in credentials only the region is exported', () => {
    const exported: string[] = []
    exportCredentials({ region: 'us-west-2' }, name => {
      exported.push(name)
    })
    expect(exported).toEqual(['AWS_REGION', 'AWS_DEFAULT_REGION'])
  })
})

describe('the OIDC token request against a local token endpoint', () => {
  const saved: Record<string, string | undefined> = {}
  const VARS = ['ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'] as const
  let server: http.Server
  const requests: { url: string; authorization: string | undefined }[] = []

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      requests.push({ url: req.url ?? '', authorization: req.headers.authorization })
      const url = new URL(req.url ?? '/', 'http://localhost')
      if (req.headers.authorization !== 'Bearer runner-request-token' || url.pathname !== '/idtoken') {
        res.writeHead(401, { 'content-type': 'application/json' }).end('{"message":"unauthorized"}')
        return
      }
      const audience = url.searchParams.get('audience') ?? ''
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ value: jwt({ ...CLAIMS, aud: audience }) }))
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    for (const v of VARS) saved[v] = process.env[v]
    process.env.ACTIONS_ID_TOKEN_REQUEST_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/idtoken?api-version=2.0`
    process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = 'runner-request-token'
  })

  afterAll(async () => {
    for (const v of VARS) {
      if (saved[v] === undefined) delete process.env[v]
      else process.env[v] = saved[v]
    }
    await new Promise<void>(resolve => server.close(() => resolve()))
  })

  test('signIn with its default deps asks the endpoint for the audience and sends that token to STS, masked', async () => {
    stsMock.on(AssumeRoleWithWebIdentityCommand).resolves({ Credentials: STS_CREDENTIALS })
    const written: string[] = []
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk))
      return true
    })
    let session
    try {
      session = await signIn(aws({ audience: 'sts.amazonaws.com' }))
    } finally {
      write.mockRestore()
    }

    expect(requests).toHaveLength(1)
    expect(requests[0]?.authorization).toBe('Bearer runner-request-token')
    const asked = new URL(requests[0]?.url ?? '', 'http://localhost')
    expect(asked.searchParams.get('api-version')).toBe('2.0')
    expect(asked.searchParams.get('audience')).toBe('sts.amazonaws.com')

    const expectedToken = jwt({ ...CLAIMS, aud: 'sts.amazonaws.com' })
    expect(stsMock.commandCalls(AssumeRoleWithWebIdentityCommand)[0]?.args[0].input.WebIdentityToken).toBe(expectedToken)
    expect(session?.credentials?.current.accessKeyId).toBe(STS_CREDENTIALS.AccessKeyId)

    const output = written.join('')
    expect(output).toContain(`::add-mask::${expectedToken}`)
    expect(output).toContain(`::add-mask::${STS_CREDENTIALS.SecretAccessKey}`)
    expect(output).toContain(`::add-mask::${STS_CREDENTIALS.SessionToken}`)
  })
})

const named = (name: string, status?: number) => Object.assign(new Error(`${name} happened`), { name, ...(status ? { $metadata: { httpStatusCode: status } } : {}) })

describe('signIn retries STS with a fresh OIDC token each time', () => {
  const sts = mockClient(STSClient)
  afterAll(() => sts.restore())

  const aws = {
    region: 'us-east-1',
    roleToAssume: 'arn:aws:iam::123456789012:role/x',
    audience: 'sts.amazonaws.com',
    roleSessionName: 'GitHubActions',
    roleDurationSeconds: 3600,
    exportCredentials: false,
    dualStack: false
  }
  const env = { ACTIONS_ID_TOKEN_REQUEST_URL: 'http://t', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'r' }

  test('two throttles, then credentials; three tokens asked for, each one used once', async () => {
    sts.reset()
    sts
      .on(AssumeRoleWithWebIdentityCommand)
      .rejectsOnce(named('Throttling', 400))
      .rejectsOnce(named('ServiceUnavailable', 503))
      .resolves({ Credentials: { AccessKeyId: 'AK', SecretAccessKey: 'SK', SessionToken: 'ST', Expiration: new Date() } })
    let n = 0
    const session = await signIn(aws, { env, getIDToken: async () => `token-${++n}`, setSecret: () => {}, sleep: async () => {} })
    expect(session.credentials?.current.accessKeyId).toBe('AK')
    expect(sts.commandCalls(AssumeRoleWithWebIdentityCommand).map(c => c.args[0].input.WebIdentityToken)).toEqual(['token-1', 'token-2', 'token-3'])
  })

  test('AccessDenied is not retried', async () => {
    sts.reset()
    sts.on(AssumeRoleWithWebIdentityCommand).rejects(named('AccessDenied', 403))
    await expect(signIn(aws, { env, getIDToken: async () => 'a.eyJzdWIiOiJyZXBvOmEvYjpyZWY6cmVmcy9oZWFkcy9tYWluIn0.c', setSecret: () => {}, sleep: async () => {} })).rejects.toThrow(
      "sub 'repo:a/b:ref:refs/heads/main'"
    )
    expect(sts.commandCalls(AssumeRoleWithWebIdentityCommand)).toHaveLength(1)
  })
})

describe('throttled STS', () => {
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
    test.each(['Throttling', 'ThrottlingException', 'RequestLimitExceeded', 'IDPCommunicationError'])('%s on all but the last of 12 tries: signed in, each wait at most 6 s', async name => {
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
    })

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
      const { delay } = stsRetry(
        async () => undefined,
        () => undefined
      ).slowDown ?? { delay: () => NaN }
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
      await retry('AssumeRoleWithWebIdentity', signInOnce, {
        policy: stsRetry(
          async () => undefined,
          line => void lines.push(line)
        )
      })
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
})
