/** Retries only where they help; failures explained. */
import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import { mockClient } from 'aws-sdk-client-mock'
import { signIn } from '../../src/aws/sign-in.js'
import { isTransient } from '../../src/retry.js'
import { failureMessage } from '../../src/main.js'

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
