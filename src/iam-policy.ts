/**
 * The least-privilege IAM policy for what these inputs make the action do, scoped to the
 * repository's ARN. Pure; printed by dry runs and documented in the README.
 */
import type { Settings } from './inputs.js'

export interface PolicyDocument {
  Version: '2012-10-17'
  Statement: { Sid: string; Effect: 'Allow'; Action: string[]; Resource: string | string[] }[]
}

/** `<account>.dkr.ecr.<region>.amazonaws.com` → account, region */
export function parseRegistry(registry: string): { account: string; region: string } | undefined {
  const m = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$/.exec(registry)
  return m ? { account: m[1] ?? '', region: m[2] ?? '' } : undefined
}

export function leastPrivilegePolicy(settings: Settings, account: string): PolicyDocument {
  const { repository, build } = settings
  const arn = `arn:aws:ecr:${settings.aws.region}:${account}:repository/${repository.name}`
  const actions = ['ecr:DescribeRepositories', 'ecr:GetLifecyclePolicy', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer']
  if (build.push) {
    actions.push('ecr:BatchCheckLayerAvailability', 'ecr:InitiateLayerUpload', 'ecr:UploadLayerPart', 'ecr:CompleteLayerUpload', 'ecr:PutImage')
  }
  if (repository.create) actions.push('ecr:CreateRepository')
  actions.push('ecr:PutImageTagMutability', 'ecr:PutImageScanningConfiguration', 'ecr:PutLifecyclePolicy')
  if (repository.accessPolicy !== undefined) actions.push('ecr:GetRepositoryPolicy', 'ecr:SetRepositoryPolicy')
  if (repository.tags.length > 0) actions.push('ecr:ListTagsForResource', 'ecr:TagResource')
  const statements: PolicyDocument['Statement'] = [
    { Sid: 'Login', Effect: 'Allow', Action: ['ecr:GetAuthorizationToken'], Resource: '*' },
    { Sid: 'Repository', Effect: 'Allow', Action: actions, Resource: arn }
  ]
  if (repository.encryption.type === 'KMS') {
    const key = repository.encryption.kmsKey?.startsWith('arn:') ? repository.encryption.kmsKey : `arn:aws:kms:${settings.aws.region}:${account}:key/*`
    statements.push({ Sid: 'Encryption', Effect: 'Allow', Action: ['kms:CreateGrant', 'kms:RetireGrant', 'kms:DescribeKey'], Resource: key })
  }
  return { Version: '2012-10-17', Statement: statements }
}
