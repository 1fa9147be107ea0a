/** The repository's access policy: `repository-policy` as given, or the pull statement `pull-principals` makes. */
import { Input } from '../constants.js'
import { InputError } from '../errors.js'
import { describeJsonError } from '../json.js'
import { getInput, parseList, policySource, readPolicyText } from './input.js'
import type { Env, Settings } from './types.js'

const ACCOUNT_ID = /^\d{12}$/
const ORG_ID = /^o-[a-z0-9]{10,32}$/
const PRINCIPAL_ARN = /^arn:aws[a-z-]*:iam::\d{12}:(?:root|role\/[\w+=,.@/-]+|user\/[\w+=,.@/-]+)$/
const PULL_ACTIONS = ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability']

/** A repository policy as ECR takes it: an IAM policy document with statements, ≤ 10,240 characters. */
export function validateRepositoryPolicy(text: string, file?: string): string {
  const fail = (what: string): never => {
    throw new InputError(Input.RepositoryPolicy, what)
  }
  if (text.length > 10240) fail(`the policy is ${text.length} characters; ECR takes at most 10240.`)
  let policy: unknown
  try {
    policy = JSON.parse(text)
  } catch {
    return fail(`${policySource(file)}is not valid JSON ${describeJsonError(text)}: give a repository policy document.`)
  }
  const statements = (policy as { Statement?: unknown }).Statement
  const list = Array.isArray(statements) ? statements : statements !== undefined ? [statements] : []
  if (typeof policy !== 'object' || policy === null || list.length === 0) fail('needs a "Statement" list: give an IAM policy document.')
  list.forEach((st: Record<string, unknown>, i) => {
    if (st.Effect !== 'Allow' && st.Effect !== 'Deny') fail(`Statement[${i}].Effect must be "Allow" or "Deny".`)
    if (st.Principal === undefined && st.NotPrincipal === undefined) fail(`Statement[${i}] needs a Principal: a repository policy says who may do what.`)
    const actions = ([] as unknown[]).concat(st.Action ?? st.NotAction ?? [])
    if (actions.length === 0 || !actions.every(a => typeof a === 'string' && (a === '*' || /^ecr:[A-Za-z*]+$/.test(a)))) {
      fail(`Statement[${i}].Action must name ecr: actions (e.g. ecr:BatchGetImage).`)
    }
  })
  return text
}

/** The pull-only statement for `pull-principals`: accounts, role/user ARNs, or an organization. */
export function pullPolicy(principals: string[]): string {
  const arns: string[] = []
  const orgs: string[] = []
  for (const p of principals) {
    if (ACCOUNT_ID.test(p)) arns.push(`arn:aws:iam::${p}:root`)
    else if (PRINCIPAL_ARN.test(p)) arns.push(p)
    else if (ORG_ID.test(p)) orgs.push(p)
    else {
      throw new InputError(Input.PullPrincipals, `'${p}' is not a principal: use a 12-digit account ID, an IAM role or user ARN, or an organization ID (o-…).`)
    }
  }
  const Statement: object[] = []
  if (arns.length > 0) Statement.push({ Sid: 'PullByPrincipal', Effect: 'Allow', Principal: { AWS: arns }, Action: PULL_ACTIONS })
  if (orgs.length > 0) {
    Statement.push({
      Sid: 'PullByOrganization',
      Effect: 'Allow',
      Principal: '*',
      Action: PULL_ACTIONS,
      Condition: { StringEquals: { 'aws:PrincipalOrgID': orgs } }
    })
  }
  return JSON.stringify({ Version: '2012-10-17', Statement })
}

export function readAccessPolicy(env: Env, workspace: string): Settings['repository']['accessPolicy'] {
  const policyInput = getInput(env, Input.RepositoryPolicy)
  const principals = parseList(getInput(env, Input.PullPrincipals))
  if (policyInput !== '' && principals.length > 0) {
    throw new InputError(Input.PullPrincipals, 'is given together with repository-policy: put the pull statement in the policy, or use pull-principals alone.')
  }
  if (policyInput !== '') {
    const { text, file } = readPolicyText(Input.RepositoryPolicy, policyInput, workspace)
    return { text: validateRepositoryPolicy(text, file), source: 'repository-policy' }
  }
  if (principals.length > 0) return { text: pullPolicy(principals), source: 'pull-principals' }
  return undefined
}
