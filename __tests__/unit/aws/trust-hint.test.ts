/**
 * The hint for a refused AssumeRoleWithWebIdentity: the token's claims a trust policy compares,
 * never the token.
 */
import { trustPolicyHint } from '../../../src/aws/trust-hint.js'

describe('trustPolicyHint', () => {
  const K = 'token.actions.githubusercontent.com'
  const AUD = 'sts.amazonaws.com'
  const equals = (sub: string) => `{"StringEquals": {"${K}:aud": "${AUD}", "${K}:sub": "${sub}"}}`
  const NOTE = 'name a protected branch, tag pattern (a ruleset guarding those tags) or environment, never repo:acme/web:*, which lets any branch, and so anyone who can push one, assume the role.'
  const WF = 'acme/web/.github/workflows/release.yml'
  const SHARED = 'acme/ci/.github/workflows/build.yml@refs/heads/main'
  test.each<[string, Record<string, unknown>, string]>([
    [
      'a push to main',
      { sub: 'repo:acme/web:ref:refs/heads/main', aud: AUD, repository: 'acme/web', ref: 'refs/heads/main', job_workflow_ref: `${WF}@refs/heads/main`, workflow_ref: `${WF}@refs/heads/main` },
      `and sub 'repo:acme/web:ref:refs/heads/main' (GitHub's default sub for a branch (ref:refs/heads/…)), e.g. Condition ${equals('repo:acme/web:ref:refs/heads/main')}: ${NOTE}`
    ],
    [
      'a job with an environment',
      { sub: 'repo:acme/web:environment:prod', aud: AUD, repository: 'acme/web', ref: 'refs/heads/main', environment: 'prod' },
      `(GitHub's default sub for a job with an environment (environment:…, which replaces the ref)), e.g. Condition ${equals('repo:acme/web:environment:prod')}: ${NOTE}`
    ],
    [
      'a tag push',
      { sub: 'repo:acme/web:ref:refs/tags/v1.2.3', aud: AUD, repository: 'acme/web', ref: 'refs/tags/v1.2.3' },
      `(GitHub's default sub for a tag (ref:refs/tags/…)), e.g. Condition {"StringEquals": {"${K}:aud": "${AUD}"}, "StringLike": {"${K}:sub": "repo:acme/web:ref:refs/tags/v*"}}: ${NOTE}`
    ],
    [
      'a sub customized with job_workflow_ref',
      { sub: `repo:acme/web:job_workflow_ref:${WF}@refs/heads/main`, aud: AUD, repository: 'acme/web', job_workflow_ref: `${WF}@refs/heads/main`, workflow_ref: `${WF}@refs/heads/main` },
      `(a sub customized with GitHub's OIDC customization API (include_claim_keys: repo, job_workflow_ref): match it exactly as the token has it), e.g. Condition ${equals(`repo:acme/web:job_workflow_ref:${WF}@refs/heads/main`)}: ${NOTE}`
    ],
    [
      'a sub customized with context',
      { sub: 'repo:acme/web:context:environment:prod', aud: AUD, repository: 'acme/web', environment: 'prod' },
      `(include_claim_keys: repo, context): match it exactly as the token has it), e.g. Condition ${equals('repo:acme/web:context:environment:prod')}`
    ],
    [
      'a sub of IDs',
      { sub: 'repository_owner_id:72039097:repository_id:599170215:context:ref:refs/heads/main', aud: AUD, repository: 'acme/web', ref: 'refs/heads/main' },
      `(include_claim_keys: repository_owner_id, repository_id, context; IDs stay the same when the repository or its owner is renamed): match it exactly as the token has it), e.g. Condition ${equals('repository_owner_id:72039097:repository_id:599170215:context:ref:refs/heads/main')}`
    ],
    [
      'a reusable workflow',
      { sub: 'repo:acme/web:environment:prod', aud: AUD, repository: 'acme/web', environment: 'prod', job_workflow_ref: SHARED, workflow_ref: `${WF}@refs/heads/main` },
      `with aud '${AUD}' and sub 'repo:acme/web:environment:prod' and job_workflow_ref '${SHARED}' (the job runs the reusable workflow ${SHARED} (its job_workflow_ref, not the caller's workflow_ref ${WF}): match job_workflow_ref, pinned to a protected ref, with the caller's sub, as any repository that can call the workflow gets a token naming it), e.g. Condition {"StringEquals": {"${K}:aud": "${AUD}", "${K}:sub": "repo:acme/web:environment:prod", "${K}:job_workflow_ref": "${SHARED}"}}: ${NOTE}`
    ],
    [
      'a reusable workflow, no workflow_ref',
      { sub: 'repo:acme/web:ref:refs/heads/main', aud: AUD, repository: 'acme/web', job_workflow_ref: SHARED },
      `"${K}:sub": "repo:acme/web:ref:refs/heads/main", "${K}:job_workflow_ref": "${SHARED}"}}`
    ],
    [
      'a push to main, immutable subject claims',
      { sub: 'repo:acme@123456/web@456789:ref:refs/heads/main', aud: AUD, repository: 'acme/web', ref: 'refs/heads/main' },
      `(GitHub's default sub with immutable owner and repository IDs (owner@id/repository@id) for a branch (ref:refs/heads/…)), e.g. Condition ${equals('repo:acme@123456/web@456789:ref:refs/heads/main')}: name a protected branch, tag pattern (a ruleset guarding those tags) or environment, never repo:acme@123456/web@456789:*`
    ],
    [
      'a tag push, immutable subject claims: the pattern keeps the IDs',
      { sub: 'repo:acme@123456/web@456789:ref:refs/tags/v1.2.3', aud: AUD, repository: 'acme/web', ref: 'refs/tags/v1.2.3' },
      `e.g. Condition {"StringEquals": {"${K}:aud": "${AUD}"}, "StringLike": {"${K}:sub": "repo:acme@123456/web@456789:ref:refs/tags/v*"}}`
    ],
    [
      'an environment, immutable subject claims',
      { sub: 'repo:acme@123456/web@456789:environment:prod', aud: AUD, repository: 'acme/web', environment: 'prod' },
      `e.g. Condition ${equals('repo:acme@123456/web@456789:environment:prod')}`
    ],
    [
      'a customized sub for a tag: the tag as a pattern, the rest as the token has it',
      { sub: 'repo:acme@123456/web@456789:context:ref:refs/tags/v2.0.0:job_workflow_ref:acme/web/.github/workflows/release.yml@refs/tags/v2.0.0', aud: AUD, repository: 'acme/web' },
      `"StringLike": {"${K}:sub": "repo:acme@123456/web@456789:context:ref:refs/tags/v*:job_workflow_ref:acme/web/.github/workflows/release.yml@refs/tags/v2.0.0"}}`
    ],
    [
      'a reusable workflow under immutable subject claims: still told apart from the caller by name',
      { sub: 'repo:acme@1/web@2:ref:refs/heads/main', aud: AUD, repository: 'acme/web', job_workflow_ref: `${WF}@refs/heads/main` },
      `e.g. Condition ${equals('repo:acme@1/web@2:ref:refs/heads/main')}`
    ],
    [
      'a pull request',
      { sub: 'repo:acme/web:pull_request', aud: AUD, repository: 'acme/web', ref: 'refs/pull/12/merge' },
      "and sub 'repo:acme/web:pull_request'; but this job runs for a pull request, which should not assume a role that pushes: build pull requests with push: false (a trust policy that lets them in lets any pull request's code push)."
    ],
    ['a customized pull request', { sub: 'repository_owner_id:1:repository_id:2:context:pull_request', aud: AUD }, '; but this job runs for a pull request'],
    [
      'no readable claims',
      {},
      `with aud 'sts.amazonaws.com' and sub '?' (the token has no readable sub: GitHub's default format for a branch is shown), e.g. Condition ${equals('repo:<owner>/<repo>:ref:refs/heads/main')}: name a protected branch, tag pattern (a ruleset guarding those tags) or environment, never repo:<owner>/<repo>:*`
    ]
  ])('%s', (_, claims, expected) => {
    const hint = trustPolicyHint(claims, AUD)
    expect(hint).toContain(expected)
    expect(hint).toMatch(/^The role's trust policy must allow token\.actions\.githubusercontent\.com with aud /)
    expect(hint).not.toContain('\n')
    expect(hint).not.toMatch(/"repo:[^"]*:\*"/)
  })
})
