/**
 * What a role's trust policy must say to let this job's GitHub OIDC token in, read from the
 * token's claims, for every `sub` format GitHub issues: the default ones (a branch, a tag,
 * an environment, a pull request), a sub customized with the OIDC customization API
 * (`include_claim_keys`, e.g. `repository_owner_id:…:repository_id:…:context:…`) and a job
 * that runs a reusable workflow (matched on the `job_workflow_ref` claim).
 */

const KEY = 'token.actions.githubusercontent.com'

/** The claims a trust policy compares; the rest of the token never leaves it. */
export const HINT_CLAIMS = ['sub', 'aud', 'repository', 'ref', 'environment', 'job_workflow_ref', 'workflow_ref']

/** The claim keys GitHub's OIDC customization API puts into a sub (`include_claim_keys`). */
const CUSTOM_KEYS =
  /(?:^|:)(repo|context|repository|repository_id|repository_owner|repository_owner_id|repository_visibility|job_workflow_ref|job_workflow_sha|workflow|workflow_ref|workflow_sha|environment|environment_node_id|ref|ref_type|ref_protected|event_name|head_ref|base_ref|actor|actor_id|runner_environment|enterprise|enterprise_id):/g

interface Match {
  /** the claim compared, and how */
  claim: 'sub' | 'job_workflow_ref'
  op: 'StringEquals' | 'StringLike'
  value: string
  /** what in the token shows its format */
  because: string
}

/** The workflow file a `<owner>/<repo>/<path>@<ref>` claim names, without its ref. */
const workflowFile = (ref: string | undefined): string | undefined => ref?.replace(/@.*$/, '')

/**
 * What a sub names its repository by: `acme/web`, or `acme@123456/web@456789` with GitHub's
 * immutable subject claims (repositories created or renamed since 15 July 2026, or opted
 * in), which a trust policy must match as the token has it.
 */
export const subjectRepository = (sub: string | undefined): string | undefined => /^repo:([^:]+):/.exec(sub ?? '')?.[1]

const IMMUTABLE = /^[^@/]+@\d+\/[^@/]+@\d+$/

/** The condition that matches this token, and why: the format its claims show. */
function matchFor(claim: (key: string) => string | undefined, repo: string): Match {
  const sub = claim('sub')
  const jobWorkflow = claim('job_workflow_ref')
  const caller = workflowFile(claim('workflow_ref'))
  const reusable = jobWorkflow !== undefined && (caller !== undefined ? workflowFile(jobWorkflow) !== caller : !jobWorkflow.startsWith(`${claim('repository') ?? repo.replace(/@\d+/g, '')}/`))
  if (reusable) {
    return {
      claim: 'job_workflow_ref',
      op: 'StringEquals',
      value: jobWorkflow,
      because: `the job runs the reusable workflow ${jobWorkflow} (its job_workflow_ref${caller !== undefined ? `, not the caller's workflow_ref ${caller}` : ''}): match job_workflow_ref, pinned to a protected ref, with the caller's sub, as any repository that can call the workflow gets a token naming it`
    }
  }
  if (sub === undefined) {
    const ref = claim('ref') ?? 'refs/heads/main'
    return { claim: 'sub', op: 'StringEquals', value: `repo:${repo}:ref:${ref}`, because: "the token has no readable sub: GitHub's default format for a branch is shown" }
  }
  const ids = IMMUTABLE.test(repo) ? ' with immutable owner and repository IDs (owner@id/repository@id)' : ''
  // A tag's sub, default or customized: the tag's leading non-digits and a wildcard (values hold no ':', GitHub writes it %3A).
  const tag = /(^|:)ref:refs\/tags\/([^:]+)/.exec(sub)
  if (tag?.[2] !== undefined && /^repo:[^:]+:ref:refs\/tags\/[^:]+$/.test(sub)) {
    return { claim: 'sub', op: 'StringLike', value: `repo:${repo}:ref:refs/tags/${/^[^0-9]*/.exec(tag[2])?.[0] ?? ''}*`, because: `GitHub's default sub${ids} for a tag (ref:refs/tags/…)` }
  }
  if (/^repo:[^:]+:ref:refs\/heads\/.+$/.test(sub)) return { claim: 'sub', op: 'StringEquals', value: sub, because: `GitHub's default sub${ids} for a branch (ref:refs/heads/…)` }
  if (/^repo:[^:]+:ref:.+$/.test(sub)) return { claim: 'sub', op: 'StringEquals', value: sub, because: `GitHub's default sub${ids} for a ref (ref:…)` }
  if (/^repo:[^:]+:environment:.+$/.test(sub))
    return { claim: 'sub', op: 'StringEquals', value: sub, because: `GitHub's default sub${ids} for a job with an environment (environment:…, which replaces the ref)` }
  const keys = [...new Set([...sub.matchAll(CUSTOM_KEYS)].map(m => m[1] ?? ''))]
  const stable = keys.some(k => k.endsWith('_id')) || ids !== '' ? '; IDs stay the same when the repository or its owner is renamed' : ''
  const customized = `a sub customized with GitHub's OIDC customization API (include_claim_keys${keys.length > 0 ? `: ${keys.join(', ')}` : ''}${stable})`
  if (tag?.[2] !== undefined) {
    // Only the tag varies from release to release: the same sub with the tag's leading non-digits and a wildcard.
    const value = `${sub.slice(0, tag.index + (tag[1] ?? '').length)}ref:refs/tags/${/^[^0-9]*/.exec(tag[2])?.[0] ?? ''}*${sub.slice(tag.index + tag[0].length)}`
    return { claim: 'sub', op: 'StringLike', value, because: `${customized} for a tag: match it as the token has it, the tag as a pattern` }
  }
  return { claim: 'sub', op: 'StringEquals', value: sub, because: `${customized}: match it exactly as the token has it` }
}

/**
 * What the role's trust policy must say to let this job's token in, as one sentence: the
 * condition that matches this token (exact, or a tag pattern), what in the token shows its
 * format, and never `repo:<owner>/<repo>:*`, which lets any branch — anyone who can push
 * one — assume the role. A pull request's token is told to stay out of a push role.
 */
export function trustPolicyHint(claims: Record<string, unknown>, audience: string): string {
  const claim = (key: string): string | undefined => (typeof claims[key] === 'string' && claims[key] !== '' ? (claims[key] as string) : undefined)
  const aud = claim('aud') ?? audience
  const sub = claim('sub')
  // The repository as the sub names it (with its IDs under immutable subject claims), else by its name.
  const repo = subjectRepository(sub) ?? claim('repository') ?? '<owner>/<repo>'
  const must = `The role's trust policy must allow ${KEY} with aud '${aud}' and sub '${sub ?? '?'}'`
  if (sub !== undefined && /(?:^|:)pull_request$/.test(sub)) {
    return `${must}; but this job runs for a pull request, which should not assume a role that pushes: build pull requests with push: false (a trust policy that lets them in lets any pull request's code push).`
  }
  const match = matchFor(claim, repo)
  // A reusable workflow's ref alone would let in every repository that calls it: the caller's sub stays.
  const callerSub = match.claim === 'job_workflow_ref' && sub !== undefined ? `, "${KEY}:sub": "${sub}"` : ''
  const condition =
    match.op === 'StringEquals'
      ? `{"StringEquals": {"${KEY}:aud": "${aud}"${callerSub}, "${KEY}:${match.claim}": "${match.value}"}}`
      : `{"StringEquals": {"${KEY}:aud": "${aud}"}, "StringLike": {"${KEY}:${match.claim}": "${match.value}"}}`
  const allow = match.claim === 'sub' ? must : `${must} and job_workflow_ref '${match.value}'`
  return (
    `${allow} (${match.because}), e.g. Condition ${condition}: name a protected branch, tag pattern (a ruleset guarding those tags) or environment, ` +
    `never repo:${repo}:*, which lets any branch, and so anyone who can push one, assume the role.`
  )
}
