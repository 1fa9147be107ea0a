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

/** The condition that matches this token, and why: the format its claims show. */
function matchFor(claim: (key: string) => string | undefined, repo: string): Match {
  const sub = claim('sub')
  const jobWorkflow = claim('job_workflow_ref')
  const caller = workflowFile(claim('workflow_ref'))
  const reusable = jobWorkflow !== undefined && (caller !== undefined ? workflowFile(jobWorkflow) !== caller : !jobWorkflow.startsWith(`${repo}/`))
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
    return { claim: 'sub', op: 'StringEquals', value: `repo:${repo}:ref:${ref}`, because: 'the token has no readable sub: GitHub\'s default format for a branch is shown' }
  }
  const tag = /^repo:[^:]+:ref:refs\/tags\/(.+)$/.exec(sub)?.[1]
  if (tag !== undefined) {
    return { claim: 'sub', op: 'StringLike', value: `repo:${repo}:ref:refs/tags/${/^[^0-9]*/.exec(tag)?.[0] ?? ''}*`, because: "GitHub's default sub for a tag (ref:refs/tags/…)" }
  }
  if (/^repo:[^:]+:ref:refs\/heads\/.+$/.test(sub)) return { claim: 'sub', op: 'StringEquals', value: sub, because: "GitHub's default sub for a branch (ref:refs/heads/…)" }
  if (/^repo:[^:]+:ref:.+$/.test(sub)) return { claim: 'sub', op: 'StringEquals', value: sub, because: "GitHub's default sub for a ref (ref:…)" }
  if (/^repo:[^:]+:environment:.+$/.test(sub)) return { claim: 'sub', op: 'StringEquals', value: sub, because: "GitHub's default sub for a job with an environment (environment:…, which replaces the ref)" }
  const keys = [...new Set([...sub.matchAll(CUSTOM_KEYS)].map(m => m[1] ?? ''))]
  const ids = keys.some(k => k.endsWith('_id')) ? '; IDs stay the same when the repository or its owner is renamed' : ''
  return {
    claim: 'sub',
    op: 'StringEquals',
    value: sub,
    because: `a sub customized with GitHub's OIDC customization API (include_claim_keys${keys.length > 0 ? `: ${keys.join(', ')}` : ''}${ids}): match it exactly as the token has it`
  }
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
  const repo = claim('repository') ?? /^repo:([^:]+):/.exec(sub ?? '')?.[1] ?? '<owner>/<repo>'
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
