/**
 * The OIDC doctor: when STS denies AssumeRoleWithWebIdentity, the error line names the
 * trust-policy condition that would let this job's token in, for the sub format the token
 * has. The stand-in OIDC endpoint issues the claims each test sets.
 */
import { jest } from '@jest/globals'
import { errorLine, runAction, visibleLog } from '../../scripts/local-runner.mjs'
import { injectAwsFault, issuedTokens, jobEnv, makeWorkspace, resetFaults, ROLE, setOidcClaims } from './stack.js'

jest.setTimeout(5 * 60 * 1000)

const K = 'token.actions.githubusercontent.com'
const workspace = makeWorkspace('oidc-doctor')

const denied = async (claims: Record<string, string>): Promise<string> => {
  await setOidcClaims(claims)
  await injectAwsFault({ operation: 'AssumeRoleWithWebIdentity', kind: 'access-denied', count: 10 })
  const result = await runAction({
    inputs: { 'role-to-assume': ROLE, 'aws-region': 'us-east-1', repository: 'team/oidc-doctor', version: '1.0.0' },
    env: jobEnv(),
    workspace,
    post: false
  })
  expect(result.exitCode).toBe(1)
  for (const token of await issuedTokens()) expect(visibleLog(result.log)).not.toContain(token)
  return errorLine(result.log)
}

afterEach(async () => resetFaults())

test("a job with an environment: the condition names the environment's sub", async () => {
  const line = await denied({ sub: 'repo:acme/web:environment:production', environment: 'production' })
  expect(line).toContain("sub 'repo:acme/web:environment:production' (GitHub's default sub for a job with an environment")
  expect(line).toContain(`"${K}:sub": "repo:acme/web:environment:production"`)
})

test("a reusable workflow: the condition names the token's job_workflow_ref", async () => {
  const shared = 'acme/pipelines/.github/workflows/image.yml@refs/heads/main'
  const line = await denied({ job_workflow_ref: shared, workflow_ref: 'acme/web/.github/workflows/release.yml@refs/heads/main' })
  expect(line).toContain(`and job_workflow_ref '${shared}' (the job runs the reusable workflow ${shared}`)
  // The caller's sub stays in the condition: the workflow's ref alone would let in every repository that calls it.
  expect(line).toContain(`"${K}:sub": "repo:acme/web:ref:refs/heads/main", "${K}:job_workflow_ref": "${shared}"`)
})

test('a sub customized to IDs: the condition is that sub exactly', async () => {
  const sub = 'repository_owner_id:72039097:repository_id:599170215:context:ref:refs/heads/main'
  const line = await denied({ sub })
  expect(line).toContain('include_claim_keys: repository_owner_id, repository_id, context')
  expect(line).toContain(`"${K}:sub": "${sub}"`)
})

test('a tag push with immutable subject claims: the tag pattern keeps the IDs the token has', async () => {
  const line = await denied({ sub: 'repo:acme@123456/web@456789:ref:refs/tags/v1.2.3', ref: 'refs/tags/v1.2.3' })
  expect(line).toContain("sub 'repo:acme@123456/web@456789:ref:refs/tags/v1.2.3' (GitHub's default sub with immutable owner and repository IDs")
  expect(line).toContain(`"StringLike": {"${K}:sub": "repo:acme@123456/web@456789:ref:refs/tags/v*"}`)
  expect(line).toContain('never repo:acme@123456/web@456789:*')
})
