/**
 * Stage 2 — OIDC sign-in. STS is mocked at the SDK boundary; the runner's token endpoint is
 * either an injected function or, in the last test, a real local HTTP server answering the
 * action's own token request (aws/oidc-token.ts).
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { jest } from '@jest/globals'
import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import { mockClient } from 'aws-sdk-client-mock'
import { ActionError } from '../../../src/errors.js'
import { exportCredentials, signIn, tokenClaims, type CredentialDeps } from '../../../src/aws/sign-in.js'
import { trustPolicyHint } from '../../../src/aws/trust-hint.js'
import type { AwsCredentialIdentity } from '@aws-sdk/types'
import { Renewable } from '../../../src/aws/session.js'
import type { Settings } from '../../../src/settings/types.js'

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
const jwt = (claims: Record<string, unknown>): string =>
  `${b64url({ alg: 'RS256', typ: 'JWT', kid: 'x' })}.${b64url(claims)}.c2lnbmF0dXJlLXRoYXQtbXVzdC1uZXZlci1iZS1wcmludGVk`

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

  test.each(['AccessDenied', 'InvalidIdentityToken'])(
    '%s: names the token’s sub and aud for the trust policy, never the token',
    async name => {
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
    }
  )

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

describe('trustPolicyHint', () => {
  const K = 'token.actions.githubusercontent.com'
  const AUD = 'sts.amazonaws.com'
  const equals = (sub: string) => `{"StringEquals": {"${K}:aud": "${AUD}", "${K}:sub": "${sub}"}}`
  const NOTE = 'name a protected branch, tag pattern (a ruleset guarding those tags) or environment, never repo:acme/web:*, which lets any branch, and so anyone who can push one, assume the role.'
  const WF = 'acme/web/.github/workflows/release.yml'
  const SHARED = 'acme/ci/.github/workflows/build.yml@refs/heads/main'
  test.each<[string, Record<string, unknown>, string]>([
    ['a push to main', { sub: 'repo:acme/web:ref:refs/heads/main', aud: AUD, repository: 'acme/web', ref: 'refs/heads/main', job_workflow_ref: `${WF}@refs/heads/main`, workflow_ref: `${WF}@refs/heads/main` }, `and sub 'repo:acme/web:ref:refs/heads/main' (GitHub's default sub for a branch (ref:refs/heads/…)), e.g. Condition ${equals('repo:acme/web:ref:refs/heads/main')}: ${NOTE}`],
    ['a job with an environment', { sub: 'repo:acme/web:environment:prod', aud: AUD, repository: 'acme/web', ref: 'refs/heads/main', environment: 'prod' }, `(GitHub's default sub for a job with an environment (environment:…, which replaces the ref)), e.g. Condition ${equals('repo:acme/web:environment:prod')}: ${NOTE}`],
    ['a tag push', { sub: 'repo:acme/web:ref:refs/tags/v1.2.3', aud: AUD, repository: 'acme/web', ref: 'refs/tags/v1.2.3' }, `(GitHub's default sub for a tag (ref:refs/tags/…)), e.g. Condition {"StringEquals": {"${K}:aud": "${AUD}"}, "StringLike": {"${K}:sub": "repo:acme/web:ref:refs/tags/v*"}}: ${NOTE}`],
    ['a sub customized with job_workflow_ref', { sub: `repo:acme/web:job_workflow_ref:${WF}@refs/heads/main`, aud: AUD, repository: 'acme/web', job_workflow_ref: `${WF}@refs/heads/main`, workflow_ref: `${WF}@refs/heads/main` }, `(a sub customized with GitHub's OIDC customization API (include_claim_keys: repo, job_workflow_ref): match it exactly as the token has it), e.g. Condition ${equals(`repo:acme/web:job_workflow_ref:${WF}@refs/heads/main`)}: ${NOTE}`],
    ['a sub customized with context', { sub: 'repo:acme/web:context:environment:prod', aud: AUD, repository: 'acme/web', environment: 'prod' }, `(include_claim_keys: repo, context): match it exactly as the token has it), e.g. Condition ${equals('repo:acme/web:context:environment:prod')}`],
    ['a sub of IDs', { sub: 'repository_owner_id:72039097:repository_id:599170215:context:ref:refs/heads/main', aud: AUD, repository: 'acme/web', ref: 'refs/heads/main' }, `(include_claim_keys: repository_owner_id, repository_id, context; IDs stay the same when the repository or its owner is renamed): match it exactly as the token has it), e.g. Condition ${equals('repository_owner_id:72039097:repository_id:599170215:context:ref:refs/heads/main')}`],
    ['a reusable workflow', { sub: 'repo:acme/web:environment:prod', aud: AUD, repository: 'acme/web', environment: 'prod', job_workflow_ref: SHARED, workflow_ref: `${WF}@refs/heads/main` }, `with aud '${AUD}' and sub 'repo:acme/web:environment:prod' and job_workflow_ref '${SHARED}' (the job runs the reusable workflow ${SHARED} (its job_workflow_ref, not the caller's workflow_ref ${WF}): match job_workflow_ref, pinned to a protected ref, with the caller's sub, as any repository that can call the workflow gets a token naming it), e.g. Condition {"StringEquals": {"${K}:aud": "${AUD}", "${K}:sub": "repo:acme/web:environment:prod", "${K}:job_workflow_ref": "${SHARED}"}}: ${NOTE}`],
    ['a reusable workflow, no workflow_ref', { sub: 'repo:acme/web:ref:refs/heads/main', aud: AUD, repository: 'acme/web', job_workflow_ref: SHARED }, `"${K}:sub": "repo:acme/web:ref:refs/heads/main", "${K}:job_workflow_ref": "${SHARED}"}}`],
    ['a push to main, immutable subject claims', { sub: 'repo:acme@123456/web@456789:ref:refs/heads/main', aud: AUD, repository: 'acme/web', ref: 'refs/heads/main' }, `(GitHub's default sub with immutable owner and repository IDs (owner@id/repository@id) for a branch (ref:refs/heads/…)), e.g. Condition ${equals('repo:acme@123456/web@456789:ref:refs/heads/main')}: name a protected branch, tag pattern (a ruleset guarding those tags) or environment, never repo:acme@123456/web@456789:*`],
    ['a tag push, immutable subject claims: the pattern keeps the IDs', { sub: 'repo:acme@123456/web@456789:ref:refs/tags/v1.2.3', aud: AUD, repository: 'acme/web', ref: 'refs/tags/v1.2.3' }, `e.g. Condition {"StringEquals": {"${K}:aud": "${AUD}"}, "StringLike": {"${K}:sub": "repo:acme@123456/web@456789:ref:refs/tags/v*"}}`],
    ['an environment, immutable subject claims', { sub: 'repo:acme@123456/web@456789:environment:prod', aud: AUD, repository: 'acme/web', environment: 'prod' }, `e.g. Condition ${equals('repo:acme@123456/web@456789:environment:prod')}`],
    ['a customized sub for a tag: the tag as a pattern, the rest as the token has it', { sub: 'repo:acme@123456/web@456789:context:ref:refs/tags/v2.0.0:job_workflow_ref:acme/web/.github/workflows/release.yml@refs/tags/v2.0.0', aud: AUD, repository: 'acme/web' }, `"StringLike": {"${K}:sub": "repo:acme@123456/web@456789:context:ref:refs/tags/v*:job_workflow_ref:acme/web/.github/workflows/release.yml@refs/tags/v2.0.0"}}`],
    ['a reusable workflow under immutable subject claims: still told apart from the caller by name', { sub: 'repo:acme@1/web@2:ref:refs/heads/main', aud: AUD, repository: 'acme/web', job_workflow_ref: `${WF}@refs/heads/main` }, `e.g. Condition ${equals('repo:acme@1/web@2:ref:refs/heads/main')}`],
    ['a pull request', { sub: 'repo:acme/web:pull_request', aud: AUD, repository: 'acme/web', ref: 'refs/pull/12/merge' }, "and sub 'repo:acme/web:pull_request'; but this job runs for a pull request, which should not assume a role that pushes: build pull requests with push: false (a trust policy that lets them in lets any pull request's code push)."],
    ['a customized pull request', { sub: 'repository_owner_id:1:repository_id:2:context:pull_request', aud: AUD }, '; but this job runs for a pull request'],
    ['no readable claims', {}, `with aud 'sts.amazonaws.com' and sub '?' (the token has no readable sub: GitHub's default format for a branch is shown), e.g. Condition ${equals('repo:<owner>/<repo>:ref:refs/heads/main')}: name a protected branch, tag pattern (a ruleset guarding those tags) or environment, never repo:<owner>/<repo>:*`]
  ])('%s', (_, claims, expected) => {
    const hint = trustPolicyHint(claims, AUD)
    expect(hint).toContain(expected)
    expect(hint).toMatch(/^The role's trust policy must allow token\.actions\.githubusercontent\.com with aud /)
    expect(hint).not.toContain('\n')
    expect(hint).not.toMatch(/"repo:[^"]*:\*"/)
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
