/**
 * examples/aws-setup/: the CloudFormation template, the Terraform module and the AWS CLI
 * script are valid (parsed, every reference defined, the resources the README names), their
 * trust conditions let in exactly the tokens they should — evaluated as IAM does against
 * sample claims of each `sub` format GitHub issues — and their permissions are the policy
 * the action itself prints (src/aws/iam-policy.ts), for one repository and for `team/*`.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { leastPrivilegePolicy } from '../../../src/aws/iam-policy.js'
import { readSettings } from '../../../src/settings/read.js'
import { ACCOUNT, cliPolicies, conditionsAllow, evaluateHcl, loadModule, loadTemplate, REGION, resolveTemplate, stringLike, type Json, type Policy, type Statement } from '../../fixtures/aws-setup.js'
import { makeWorkspace, stepEnv, type TempWorkspace } from '../../fixtures/workspace.js'

let ws: TempWorkspace
beforeAll(() => {
  ws = makeWorkspace()
})
afterAll(() => ws.remove())

// ---- the tokens: one of each sub format GitHub issues, for acme/web (owner ID 123456, repository ID 456789)

const NAMES = 'acme/web'
const IDS = 'acme@123456/web@456789'
const token = (sub: string, extra: Record<string, string> = {}) => ({ sub, aud: 'sts.amazonaws.com', repository: 'acme/web', ...extra })
/** [what it is, claims, the repository form the token's sub uses, whether a policy for main, v* and production lets it in] */
const TOKENS: [string, Record<string, string>, 'names' | 'ids' | 'other', boolean][] = [
  ['a push to main', token(`repo:${NAMES}:ref:refs/heads/main`), 'names', true],
  ['a release tag v1.2.3', token(`repo:${NAMES}:ref:refs/tags/v1.2.3`), 'names', true],
  ['a job in the production environment', token(`repo:${NAMES}:environment:production`, { environment: 'production' }), 'names', true],
  ['a push to another branch', token(`repo:${NAMES}:ref:refs/heads/feature`), 'names', false],
  ['a branch named main-x', token(`repo:${NAMES}:ref:refs/heads/main-x`), 'names', false],
  ['a tag outside the pattern', token(`repo:${NAMES}:ref:refs/tags/release-1`), 'names', false],
  ['a pull request', token(`repo:${NAMES}:pull_request`), 'names', false],
  ['the staging environment', token(`repo:${NAMES}:environment:staging`, { environment: 'staging' }), 'names', false],
  ['an environment whose name has a colon (GitHub writes %3A)', token(`repo:${NAMES}:environment:production%3Aeu`, { environment: 'production:eu' }), 'names', false],
  ['immutable claims: a push to main', token(`repo:${IDS}:ref:refs/heads/main`), 'ids', true],
  ['immutable claims: a release tag', token(`repo:${IDS}:ref:refs/tags/v2.0.0`), 'ids', true],
  ['immutable claims: production', token(`repo:${IDS}:environment:production`, { environment: 'production' }), 'ids', true],
  ['immutable claims: a pull request', token(`repo:${IDS}:pull_request`), 'ids', false],
  ['immutable claims: another branch', token(`repo:${IDS}:ref:refs/heads/feature`), 'ids', false],
  ['a recycled name: the same names, another owner', token('repo:acme@999999/web@111111:ref:refs/heads/main'), 'other', false],
  ['another repository of the owner', token('repo:acme/web-api:ref:refs/heads/main', { repository: 'acme/web-api' }), 'other', false],
  ['another owner', token('repo:evil/web:ref:refs/heads/main', { repository: 'evil/web' }), 'other', false],
  ['a sub customized to IDs', token('repository_owner_id:123456:repository_id:456789:context:ref:refs/heads/main'), 'other', false],
  ['another audience', { ...token(`repo:${NAMES}:ref:refs/heads/main`), aud: 'https://github.com/acme' }, 'names', false]
]

/** The trust statement each of the three set-ups makes for these settings. */
interface TrustSettings {
  subject: string
  environment?: string
}
type TrustOf = (s: TrustSettings) => Promise<Statement>

const trustOf: Record<string, TrustOf> = {
  CloudFormation: async ({ subject, environment }) => {
    const t = resolveTemplate(loadTemplate(), { SubjectRepository: subject, ...(environment ? { Environment: environment } : {}) })
    return (t.Resources.PushRole?.Properties.AssumeRolePolicyDocument as unknown as Policy).Statement[0] as Statement
  },
  Terraform: async ({ subject, environment }) => tfTrust({ subject_repository: subject, environments: environment ? [environment] : [] }),
  'the AWS CLI': async ({ subject, environment }) => cliPolicies({ SUBJECT_REPOSITORY: subject, ...(environment ? { ENVIRONMENT: environment } : {}) }).trust.Statement[0] as Statement
}

/** The Terraform module's trust statement, its expressions evaluated for these variables (the defaults filled in). */
async function tfTrust(given: Record<string, Json>): Promise<Statement> {
  const { vars, locals, main } = await tfContext(given)
  const doc = (main.data as Record<string, Record<string, Record<string, Json>[]>>).aws_iam_policy_document?.trust?.[0] as { statement: Record<string, Json>[] }
  const st = doc.statement[0] as { actions: string[]; effect: string; condition: { test: string; variable: string; values: Json }[] }
  const condition: Record<string, Record<string, string[]>> = {}
  for (const c of st.condition) (condition[c.test] ??= {})[c.variable] = evaluateHcl(c.values, vars, locals) as string[]
  return { Effect: st.effect, Action: st.actions, Condition: condition }
}

async function tfContext(given: Record<string, Json>) {
  const files = await loadModule()
  const declared = files['variables.tf']?.variable as unknown as Record<string, { default?: Json }[]>
  const vars: Record<string, Json> = {}
  for (const [name, [v]] of Object.entries(declared)) {
    const value = given[name] ?? v?.default
    if (value !== undefined) vars[name] = value
  }
  for (const name of Object.keys(given)) if (declared[name] === undefined) throw new Error(`variable ${name} is not declared`)
  const main = files['main.tf'] as Record<string, Json>
  const rawLocals = (main.locals as Record<string, Json>[])[0] ?? {}
  const locals: Record<string, Json> = {}
  for (const name of ['subjects', 'repository_arn']) locals[name] = evaluateHcl(rawLocals[name] ?? null, vars, locals)
  return { files, vars, locals, main }
}

describe('IAM string conditions, as evaluated here', () => {
  test.each<[string, string, boolean]>([
    ['repo:acme/web:ref:refs/tags/v*', 'repo:acme/web:ref:refs/tags/v1.2.3', true],
    ['repo:acme/web:ref:refs/tags/v*', 'repo:acme/web:ref:refs/tags/1.2.3', false],
    ['repo:acme/web:ref:refs/heads/main', 'repo:acme/web:ref:refs/heads/main-x', false],
    ['repo:acme/web:*', 'repo:acme/web:pull_request', true],
    ['repo:acme/we?:*', 'repo:acme/web:x', true],
    ['repo:acme/web.x', 'repo:acme/webax', false],
    ['Repo:acme/web', 'repo:acme/web', false]
  ])('StringLike %s on %s: %s', (pattern, value, expected) => {
    expect(stringLike(pattern, value)).toBe(expected)
  })

  test('an operator it does not know, or no conditions at all, fails rather than passes', () => {
    expect(() => conditionsAllow({ ForAnyValue: { 'token.actions.githubusercontent.com:sub': 'x' } }, {})).toThrow(/not evaluated/)
    expect(() => conditionsAllow(undefined, {})).toThrow(/any GitHub repository/)
  })
})

describe.each(Object.keys(trustOf))('%s: the trust conditions', setup => {
  const trust = trustOf[setup] as TrustOf

  test.each(TOKENS)('repository by name, main, v*, production — %s', async (_, claims, form, allowed) => {
    const st = await trust({ subject: NAMES, environment: 'production' })
    expect(st.Effect).toBe('Allow')
    expect([st.Action].flat()).toEqual(['sts:AssumeRoleWithWebIdentity'])
    expect(conditionsAllow(st.Condition, claims)).toBe(allowed && form === 'names')
  })

  test.each(TOKENS)('repository with immutable IDs, main, v*, production — %s', async (_, claims, form, allowed) => {
    const st = await trust({ subject: IDS, environment: 'production' })
    expect(conditionsAllow(st.Condition, claims)).toBe(allowed && form === 'ids')
  })

  test('without an environment, no environment gets in', async () => {
    const st = await trust({ subject: NAMES })
    expect(conditionsAllow(st.Condition, token(`repo:${NAMES}:environment:production`))).toBe(false)
    expect(conditionsAllow(st.Condition, token(`repo:${NAMES}:ref:refs/heads/main`))).toBe(true)
  })

  test('never a repo-wide wildcard', async () => {
    const st = await trust({ subject: NAMES, environment: 'production' })
    for (const values of Object.values(st.Condition ?? {}).flatMap(o => Object.values(o))) {
      for (const v of [values].flat()) expect(v).not.toMatch(/^repo:[^:]+:\*$/)
    }
  })
})

// ---- the permissions: the action's own policy for its default inputs

/** The policy as comparable sets: each statement's actions, sorted, by its resource (the repository's ARN as REPO). */
const shape = (policy: Policy, repositoryArn: string) =>
  policy.Statement.map(s => ({ Sid: s.Sid, Effect: s.Effect, Action: [s.Action].flat().sort(), Resource: [s.Resource].flat().map(r => (r === repositoryArn ? 'REPO' : r)) })).sort((a, b) =>
    String(a.Sid).localeCompare(String(b.Sid))
  )

const actionPolicy = (repository: string): { policy: Policy; arn: string } => {
  // A pattern such as team/* is no repository name: the policy of one repository under it, its ARN widened to the pattern.
  const name = repository.replace(/\*$/, 'web')
  const policy = leastPrivilegePolicy(readSettings(stepEnv(ws.dir, { repository: name, 'aws-region': REGION })), ACCOUNT) as unknown as Policy
  const one = `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/${name}`
  const arn = `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/${repository}`
  return { policy: { ...policy, Statement: policy.Statement.map(s => ({ ...s, Resource: s.Resource === one ? arn : s.Resource })) }, arn }
}

const permissionsOf: Record<string, (repository: string) => Promise<Policy>> = {
  CloudFormation: async repository => {
    const t = resolveTemplate(loadTemplate(), { SubjectRepository: NAMES, Repository: repository })
    const policies = t.Resources.PushRole?.Properties.Policies as unknown as { PolicyDocument: Policy }[]
    expect(policies).toHaveLength(1)
    return (policies[0] as { PolicyDocument: Policy }).PolicyDocument
  },
  Terraform: async repository => {
    const { vars, locals, main } = await tfContext({ subject_repository: NAMES, repository })
    const doc = (main.data as Record<string, Record<string, { statement: Record<string, Json>[] }[]>>).aws_iam_policy_document?.push?.[0]
    return {
      Version: '2012-10-17',
      Statement: (doc?.statement ?? []).map(s => ({
        Sid: s.sid as string,
        Effect: s.effect as string,
        Action: s.actions as string[],
        Resource: (evaluateHcl(s.resources ?? null, vars, locals) as string[]).map(r => r)
      }))
    }
  },
  'the AWS CLI': async repository => cliPolicies({ SUBJECT_REPOSITORY: NAMES, REPOSITORY: repository }).permissions
}

describe.each(Object.keys(permissionsOf))('%s: the permissions', setup => {
  test.each(['team/web', 'team/*'])('are the policy the action prints, on %s', async repository => {
    const { policy, arn } = actionPolicy(repository)
    expect(shape(await (permissionsOf[setup] as (r: string) => Promise<Policy>)(repository), arn)).toEqual(shape(policy, arn))
  })
})

describe('the README', () => {
  const readme = readFileSync(path.resolve(import.meta.dirname, '../../../README.md'), 'utf8')

  test("step 2's policy is the one the action prints for its default inputs", () => {
    const section = readme.slice(readme.indexOf('### 2. The permissions'))
    const json = /```json\n([\s\S]*?)```/.exec(section)?.[1]
    expect(json).toBeDefined()
    const documented = JSON.parse(json ?? '{}') as Policy
    const arn = 'arn:aws:ecr:ap-northeast-2:123456789012:repository/team/web'
    const { policy } = actionPolicy('team/web')
    const ours = { ...policy, Statement: policy.Statement.map(s => ({ ...s, Resource: s.Resource === `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/team/web` ? arn : s.Resource })) }
    expect(shape(documented, arn)).toEqual(shape(ours, arn))
  })

  test('names the three set-ups, and each exists', () => {
    for (const file of ['examples/aws-setup/aws-cli.sh', 'examples/aws-setup/cloudformation.yml', 'examples/aws-setup/terraform/main.tf']) {
      expect(readme).toContain(file)
      expect(readFileSync(path.resolve(import.meta.dirname, '../../..', file), 'utf8').length).toBeGreaterThan(100)
    }
  })
})

describe('the files are what the README says', () => {
  test('CloudFormation: the provider (unless the account has one), the role trusting it, its output; every reference defined', () => {
    const raw = loadTemplate()
    const text = JSON.stringify(raw)
    for (const m of text.matchAll(/"Ref":"([\w:]+)"|\$\{([\w:]+)(?:\.\w+)?\}/g)) {
      const name = m[1] ?? m[2] ?? ''
      expect(name.startsWith('AWS::') || name in raw.Parameters || name in raw.Resources).toBe(true)
    }
    const created = resolveTemplate(raw, { SubjectRepository: NAMES })
    expect(Object.fromEntries(Object.entries(created.Resources).map(([k, r]) => [k, r.Type]))).toEqual({ GitHubOidcProvider: 'AWS::IAM::OIDCProvider', PushRole: 'AWS::IAM::Role' })
    expect(created.Resources.GitHubOidcProvider?.Properties).toEqual({ Url: 'https://token.actions.githubusercontent.com', ClientIdList: ['sts.amazonaws.com'] })
    const federated = `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`
    expect(((created.Resources.PushRole?.Properties.AssumeRolePolicyDocument as unknown as Policy).Statement[0] as Statement).Principal).toEqual({ Federated: federated })
    expect(created.Outputs.RoleArn?.Value).toBe('{PushRole.Arn}')
    const kept = resolveTemplate(raw, { SubjectRepository: NAMES, CreateOidcProvider: 'false' })
    expect(Object.keys(kept.Resources)).toEqual(['PushRole'])
    expect(((kept.Resources.PushRole?.Properties.AssumeRolePolicyDocument as unknown as Policy).Statement[0] as Statement).Principal).toEqual({ Federated: federated })
    expect(() => resolveTemplate(raw, { SubjectRepository: 'acme/web:*' })).toThrow(/AllowedPattern/)
  })

  test('Terraform: the provider (count on create_oidc_provider), the role with the trust document, its policy, the output; every var declared', async () => {
    const { files } = await tfContext({ subject_repository: NAMES })
    const main = files['main.tf'] as unknown as { resource: Record<string, Record<string, Record<string, Json>[]>> }
    expect(Object.keys(main.resource).sort()).toEqual(['aws_iam_openid_connect_provider', 'aws_iam_role', 'aws_iam_role_policy'])
    const provider = main.resource.aws_iam_openid_connect_provider?.github?.[0]
    expect(provider).toMatchObject({ url: 'https://token.actions.githubusercontent.com', client_id_list: ['sts.amazonaws.com'], count: '${var.create_oidc_provider ? 1 : 0}' })
    expect(main.resource.aws_iam_role?.push?.[0]?.assume_role_policy).toBe('${data.aws_iam_policy_document.trust.json}')
    expect(main.resource.aws_iam_role_policy?.push?.[0]).toMatchObject({ role: '${aws_iam_role.push.id}', policy: '${data.aws_iam_policy_document.push.json}' })
    expect((files['outputs.tf']?.output as unknown as Record<string, { value: string }[]>).role_arn?.[0]?.value).toBe('${aws_iam_role.push.arn}')
    const declared = Object.keys(files['variables.tf']?.variable ?? {})
    for (const m of JSON.stringify(files['main.tf']).matchAll(/var\.(\w+)/g)) expect(declared).toContain(m[1])
    await expect(tfContext({ subject: NAMES })).rejects.toThrow(/not declared/)
  })
})
