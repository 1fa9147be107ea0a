/**
 * What `read-registries` and `copy-to` add to the least-privilege policy (iam-policy.ts):
 * pulls from each registry read (any of its repositories: the Dockerfile names them), the
 * push actions on each copy's repository, ECR Public's token for public.ecr.aws, and
 * sts:AssumeRole on a registry's own role — whose own policy then needs what the registry
 * does (README: IAM).
 */
import { partitionOf } from '../settings/registry-host.js'
import type { OtherRegistry, Settings } from '../settings/types.js'

/** A statement of iam-policy.ts's PolicyDocument. */
interface Statement {
  Sid: string
  Effect: 'Allow'
  Action: string[]
  Resource: string | string[]
}

const PULL = ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability']
const PUSH = ['BatchCheckLayerAvailability', 'InitiateLayerUpload', 'UploadLayerPart', 'CompleteLayerUpload', 'PutImage']
const PUBLIC_LOGIN = ['ecr-public:GetAuthorizationToken', 'sts:GetServiceBearerToken']

const repositoryArn = (registry: { account: string; region: string }, name: string): string => `arn:${partitionOf(registry.region)}:ecr:${registry.region}:${registry.account}:repository/${name}`

/** The statements, with the run's own registry (`account`, `region`) for copies inside it. */
export function otherRegistryStatements(settings: Settings, account: string): Statement[] {
  const { read = [], copyTo = [] } = settings.registries ?? {}
  const own = { account, region: settings.aws.region }
  const roles = new Set<string>()
  const withRole = (r: OtherRegistry | undefined): boolean => (r?.role !== undefined ? (roles.add(r.role), true) : false)
  const pulls: string[] = []
  let publicLogin = false
  for (const r of read) {
    if (withRole(r)) continue
    if (r.kind === 'public') publicLogin = true
    else pulls.push(repositoryArn(r, '*'))
  }
  const pushes: string[] = []
  const publicPushes: string[] = []
  for (const c of copyTo) {
    if (withRole(c.registry)) continue
    if (c.registry?.kind === 'public') {
      publicLogin = true
      publicPushes.push(`arn:aws:ecr-public::${account}:repository/${c.repository.split('/').slice(1).join('/')}`)
    } else pushes.push(repositoryArn(c.registry ?? own, c.repository))
  }
  const statements: Statement[] = []
  if (pulls.length > 0) statements.push({ Sid: 'ReadRegistries', Effect: 'Allow', Action: PULL, Resource: pulls })
  if (pushes.length > 0) statements.push({ Sid: 'CopyTo', Effect: 'Allow', Action: ['ecr:BatchGetImage', ...PUSH.map(a => `ecr:${a}`)], Resource: pushes })
  if (publicPushes.length > 0)
    statements.push({ Sid: 'CopyToPublic', Effect: 'Allow', Action: ['ecr-public:BatchCheckLayerAvailability', ...PUSH.slice(1).map(a => `ecr-public:${a}`)], Resource: publicPushes })
  if (publicLogin) statements.push({ Sid: 'PublicLogin', Effect: 'Allow', Action: PUBLIC_LOGIN, Resource: '*' })
  if (roles.size > 0) statements.push({ Sid: 'RegistryRoles', Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: [...roles] })
  return statements
}
