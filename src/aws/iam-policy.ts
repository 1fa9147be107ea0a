/**
 * The least-privilege IAM policy for what these inputs make the action do, scoped to the
 * repository's ARN. Pure; printed by dry runs and documented in the README.
 */
import { pushActions } from '../registry/push-actions.js'
import { partitionOf } from '../settings/registry-host.js'
import type { Settings } from '../settings/types.js'
import type { SigningPlan } from './signing.js'
import { otherRegistryStatements } from './other-registries-policy.js'

export interface PolicyDocument {
  Version: '2012-10-17'
  Statement: { Sid: string; Effect: 'Allow'; Action: string[]; Resource: string | string[] }[]
}

/** ECR Public: the token (with STS's bearer token under it) and the public repository. */
function publicPolicy(settings: Settings, account: string): PolicyDocument {
  const { repository, build } = settings
  const actions = ['ecr-public:DescribeRepositories', 'ecr-public:GetRepositoryCatalogData', 'ecr-public:PutRepositoryCatalogData']
  if (build.push) actions.push(...pushActions('ecr-public'))
  if (repository.create) actions.push('ecr-public:CreateRepository')
  if (repository.accessPolicy !== undefined) actions.push('ecr-public:GetRepositoryPolicy', 'ecr-public:SetRepositoryPolicy')
  if (repository.tags.length > 0) actions.push('ecr-public:ListTagsForResource', 'ecr-public:TagResource')
  return {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Login', Effect: 'Allow', Action: ['ecr-public:GetAuthorizationToken', 'sts:GetServiceBearerToken'], Resource: '*' },
      { Sid: 'Repository', Effect: 'Allow', Action: actions, Resource: `arn:aws:ecr-public::${account}:repository/${repository.name}` },
      ...otherRegistryStatements(settings, account)
    ]
  }
}

/**
 * ECR managed signing: the run reads the registry's signing configuration and the pushed
 * image's signing status; ECR signs with the pusher's identity, so the role needs
 * signer:SignPayload on each profile whose rule covers the repository — the profiles the
 * dry run read, or (not read, with require-signature) any of the account's profiles in the region.
 */
function signingStatements(settings: Settings, account: string, partition: string, signing: SigningPlan | undefined): PolicyDocument['Statement'] {
  const statements: PolicyDocument['Statement'] = [{ Sid: 'ManagedSigning', Effect: 'Allow', Action: ['ecr:GetSigningConfiguration'], Resource: '*' }]
  if (signing?.kind === 'signed') {
    statements.push({ Sid: 'SignOnPush', Effect: 'Allow', Action: ['signer:SignPayload'], Resource: signing.profiles.map(p => p.arn) })
  } else if (signing?.kind !== 'none' && settings.signing.require) {
    statements.push({ Sid: 'SignOnPush', Effect: 'Allow', Action: ['signer:SignPayload'], Resource: `arn:${partition}:signer:${settings.aws.region}:${account}:/signing-profiles/*` })
  }
  return statements
}

export function leastPrivilegePolicy(settings: Settings, account: string, signing?: SigningPlan): PolicyDocument {
  const { repository, build } = settings
  if (repository.type === 'public') return publicPolicy(settings, account)
  const partition = partitionOf(settings.aws.region)
  const arn = `arn:${partition}:ecr:${settings.aws.region}:${account}:repository/${repository.name}`
  const actions = ['ecr:DescribeRepositories', 'ecr:GetLifecyclePolicy', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer']
  if (build.push) actions.push(...pushActions('ecr'))
  // A re-run reads whether the image its version tag names is archived (aws/image-status.ts).
  if (build.push && !build.pushByDigest) actions.push('ecr:DescribeImages')
  // Whether ECR signed the pushed image (managed signing).
  if (build.push) actions.push('ecr:DescribeImageSigningStatus')
  if (repository.create) actions.push('ecr:CreateRepository')
  actions.push('ecr:PutImageTagMutability', 'ecr:PutImageScanningConfiguration')
  // The default policy goes only on a repository the run creates; a stated one on any.
  if (repository.create || repository.lifecycle.stated) actions.push('ecr:PutLifecyclePolicy')
  if (repository.accessPolicy !== undefined) actions.push('ecr:GetRepositoryPolicy', 'ecr:SetRepositoryPolicy')
  if (repository.tags.length > 0) actions.push('ecr:ListTagsForResource', 'ecr:TagResource')
  if (settings.scan.failOn !== undefined) actions.push('ecr:DescribeImageScanFindings', 'ecr:StartImageScan')
  const statements: PolicyDocument['Statement'] = [
    { Sid: 'Login', Effect: 'Allow', Action: ['ecr:GetAuthorizationToken'], Resource: '*' },
    { Sid: 'Repository', Effect: 'Allow', Action: actions, Resource: arn },
    // Whether the registry's scanning configuration, not the repository's scan on push, decides (and how the gate reads findings).
    { Sid: 'RegistryScanning', Effect: 'Allow', Action: ['ecr:GetRegistryScanningConfiguration'], Resource: '*' }
  ]
  if (build.push) statements.push(...signingStatements(settings, account, partition, signing))
  if (repository.replicateToRegions.length > 0) {
    // The registry's replication configuration; the first one also creates ECR's service-linked role.
    statements.push(
      { Sid: 'Replication', Effect: 'Allow', Action: ['ecr:DescribeRegistry', 'ecr:PutReplicationConfiguration'], Resource: '*' },
      {
        Sid: 'ReplicationRole',
        Effect: 'Allow',
        Action: ['iam:CreateServiceLinkedRole'],
        Resource: `arn:${partition}:iam::${account}:role/aws-service-role/replication.ecr.amazonaws.com/AWSServiceRoleForECRReplication`
      }
    )
  }
  if (repository.encryption.type === 'KMS') {
    const key = repository.encryption.kmsKey?.startsWith('arn:') ? repository.encryption.kmsKey : `arn:${partition}:kms:${settings.aws.region}:${account}:key/*`
    statements.push({ Sid: 'Encryption', Effect: 'Allow', Action: ['kms:CreateGrant', 'kms:RetireGrant', 'kms:DescribeKey'], Resource: key })
  }
  // A repository the run creates takes the defaults of the registry's creation template (creation-template.ts).
  statements.push(...otherRegistryStatements(settings, account))
  if (repository.create) statements.push({ Sid: 'CreationTemplates', Effect: 'Allow', Action: ['ecr:DescribeRepositoryCreationTemplates'], Resource: '*' })
  return { Version: '2012-10-17', Statement: statements }
}
