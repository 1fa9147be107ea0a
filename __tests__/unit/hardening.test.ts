/** Retries only where they help; failures explained. */
import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import { mockClient } from 'aws-sdk-client-mock'
import { signIn } from '../../src/aws/sign-in.js'
import { logSafe } from '../../src/errors.js'
import { isTransient, retry, type RetryPolicy } from '../../src/retry.js'
import { failureMessage } from '../../src/main.js'
import { RegistryClient } from '../../src/registry/client.js'
import type { HttpResponse, HttpTransport } from '../../src/network/http.js'
import { withRegistryRetry } from '../../src/registry/refusals.js'
import { processCommands } from '../../scripts/local-runner.mjs'

const named = (name: string, status?: number) =>
  Object.assign(new Error(`${name} happened`), { name, ...(status ? { $metadata: { httpStatusCode: status } } : {}) })

describe('isTransient', () => {
  test.each([
    ['Throttling'],
    ['ThrottlingException'],
    ['ServiceUnavailable'],
    ['IDPCommunicationError']
  ])('%s is retried', name => expect(isTransient(named(name))).toBe(true))

  test('a 5xx and a reset connection are retried', () => {
    expect(isTransient(named('InternalError', 503))).toBe(true)
    expect(isTransient(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).toBe(true)
  })

  test.each([['AccessDenied', 403], ['InvalidIdentityToken', 400], ['ValidationError', 400], ['ExpiredTokenException', 400]])(
    '%s is not',
    (name, status) => expect(isTransient(named(name, status))).toBe(false)
  )
})

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
    await expect(
      signIn(aws, { env, getIDToken: async () => 'a.eyJzdWIiOiJyZXBvOmEvYjpyZWY6cmVmcy9oZWFkcy9tYWluIn0.c', setSecret: () => {}, sleep: async () => {} })
    ).rejects.toThrow("sub 'repo:a/b:ref:refs/heads/main'")
    expect(sts.commandCalls(AssumeRoleWithWebIdentityCommand)).toHaveLength(1)
  })
})

describe('failureMessage for AccessDenied from ECR', () => {
  test('names the IAM action the call needed and where the full policy is', () => {
    const error = Object.assign(named('AccessDeniedException', 400), { iamAction: 'ecr:CreateRepository' })
    expect(failureMessage(error)).toBe(
      'AWS refused ecr:CreateRepository (AccessDeniedException): allow ecr:CreateRepository on the repository for the role. A run with dry-run: true prints the whole least-privilege policy for these inputs (README: IAM permissions).'
    )
  })
})

describe("untrusted text (a registry's or AWS's words) can't issue workflow commands", () => {
  /** What a hostile or broken registry may put in its error message. */
  const INJECTED = 'fault\n::set-output name=digest::sha256:evil\r\n  ::add-mask::team\n##[set-output name=evil;]x%0A::error::evil'
  const NOTHING = { outputs: {}, state: {}, masks: [], errors: [], warnings: [] }

  test.each([
    [INJECTED, 'fault\\n::set-output name=digest::sha256:evil\\n  ::add-mask::team\\n## [set-output name=evil;]x%0A::error::evil'],
    ['::add-mask::team', ': :add-mask::team'],
    ['  ::error::x', '  : :error::x'],
    ['a ##[warning]b', 'a ## [warning]b'],
    ['NAME_UNKNOWN: repository team/web not found', 'NAME_UNKNOWN: repository team/web not found']
  ])('logSafe(%j) → %j, one line the runner takes no command from', (text, safe) => {
    expect(logSafe(text)).toBe(safe)
    expect(processCommands(logSafe(text))).toEqual(NOTHING)
    // the same text printed as it was would have been taken as commands
    if (text !== safe) expect(processCommands(text)).not.toEqual(NOTHING)
  })

  const respond = (status: number, body: string): HttpResponse => ({
    status,
    ok: status < 300,
    headers: { get: () => null },
    text: async () => body,
    json: async () => JSON.parse(body) as unknown,
    arrayBuffer: async () => new ArrayBuffer(0)
  })

  test("a registry's 5xx error message: the retry's log lines and the run's error carry it on one line, without a command", async () => {
    let calls = 0
    const transport: HttpTransport = async () => (++calls <= 2 ? respond(500, JSON.stringify({ errors: [{ code: 'UNKNOWN', message: INJECTED }] })) : respond(404, ''))
    const client = new RegistryClient({ registry: 'registry.test', username: 'AWS', password: 'p' }, 'https://registry.test', transport)
    const logged: string[] = []
    const policy: RetryPolicy = { attempts: 2, delay: () => 0, sleep: async () => undefined, log: line => logged.push(line) }
    const error = (await withRegistryRetry('registry.test', "reading the tag '1.0.0'", { policy }, () => client.manifest('team/web', '1.0.0')).catch((e: unknown) => e)) as Error
    expect(logged).toHaveLength(1)
    const said = 'UNKNOWN: fault\\n::set-output name=digest::sha256:evil\\n  ::add-mask::team\\n## [set-output name=evil;]x%0A::error::evil'
    expect(logged).toEqual([`reading the tag '1.0.0' failed (GET team/web:1.0.0 manifest: 500 ${said}); trying again in 0s (2 of 2).`])
    expect(processCommands(logged.join('\n'))).toEqual(NOTHING)
    expect(error.message).not.toMatch(/[\r\n]/)
    expect(processCommands(error.message)).toEqual(NOTHING)
  })

  test("an AWS error's message in a retry's log line and in the run's error", async () => {
    const aws = Object.assign(new Error(`Rate exceeded\n::add-mask::team`), { name: 'ThrottlingException' })
    const logged: string[] = []
    const policy: RetryPolicy = { attempts: 2, delay: () => 0, sleep: async () => undefined, log: line => logged.push(line) }
    await expect(retry('DescribeRepositories', async () => Promise.reject(aws), { policy })).rejects.toBe(aws)
    expect(logged).toEqual(['DescribeRepositories failed (Rate exceeded\\n::add-mask::team); trying again in 0s (2 of 2).'])
    expect(processCommands(logged.join('\n'))).toEqual(NOTHING)
    expect(failureMessage(Object.assign(new Error('bad\n::set-output name=digest::x'), { name: 'InvalidParameterException' }))).toBe(
      'InvalidParameterException: bad\\n::set-output name=digest::x'
    )
  })
})
