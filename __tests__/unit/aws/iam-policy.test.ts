/**
 * The least-privilege IAM policy the action prints: what each setting adds to it (other
 * registries, signing, archived images) and nothing more.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { leastPrivilegePolicy } from '../../../src/aws/iam-policy.js'
import { parseRegistryHost } from '../../../src/settings/registry-host.js'
import { readSettings } from '../../../src/settings/read.js'
import { makeWorkspace, stepEnv, type TempWorkspace } from '../../fixtures/workspace.js'
import { planSigning } from '../../../src/aws/signing.js'

let ws: TempWorkspace

beforeAll(() => {
  ws = makeWorkspace()
})

afterAll(() => ws.remove())

const settings = (inputs: Record<string, string> = {}) => readSettings(stepEnv(ws.dir, { repository: 'team/web', ...inputs }))

describe('leastPrivilegePolicy', () => {
  test('push with create: login anywhere, everything else on the repository ARN only', () => {
    const policy = leastPrivilegePolicy(settings(), '123456789012')
    expect(policy.Statement[0]).toEqual({ Sid: 'Login', Effect: 'Allow', Action: ['ecr:GetAuthorizationToken'], Resource: '*' })
    expect(policy.Statement[1]?.Resource).toBe('arn:aws:ecr:us-east-1:123456789012:repository/team/web')
    expect(policy.Statement[1]?.Action).toEqual(expect.arrayContaining(['ecr:CreateRepository', 'ecr:PutImage', 'ecr:CompleteLayerUpload', 'ecr:PutLifecyclePolicy']))
    expect(policy.Statement[2]).toEqual({ Sid: 'RegistryScanning', Effect: 'Allow', Action: ['ecr:GetRegistryScanningConfiguration'], Resource: '*' })
    // whether the registry's managed signing covers the repository
    expect(policy.Statement[3]).toEqual({ Sid: 'ManagedSigning', Effect: 'Allow', Action: ['ecr:GetSigningConfiguration'], Resource: '*' })
    // a repository the run creates takes its creation template's defaults, read registry-wide
    expect(policy.Statement[4]).toEqual({ Sid: 'CreationTemplates', Effect: 'Allow', Action: ['ecr:DescribeRepositoryCreationTemplates'], Resource: '*' })
    expect(policy.Statement).toHaveLength(5)
    expect(leastPrivilegePolicy(settings({ 'create-repository': 'false' }), '1').Statement.map(s => s.Sid)).not.toContain('CreationTemplates')
  })

  test('create-repository: false needs no CreateRepository; push: false needs no upload', () => {
    expect(leastPrivilegePolicy(settings({ 'create-repository': 'false' }), '1').Statement[1]?.Action).not.toContain('ecr:CreateRepository')
    expect(leastPrivilegePolicy(settings({ push: 'false' }), '1').Statement[1]?.Action).not.toContain('ecr:PutImage')
  })

  test('PutLifecyclePolicy only where a policy may be put: a repository the run may create, or a stated policy', () => {
    const actions = (inputs: Record<string, string>) => leastPrivilegePolicy(settings(inputs), '1').Statement[1]?.Action
    expect(actions({ 'create-repository': 'false' })).not.toContain('ecr:PutLifecyclePolicy')
    expect(actions({ 'create-repository': 'false', 'lifecycle-keep-count': '50' })).toContain('ecr:PutLifecyclePolicy')
    expect(actions({ 'create-repository': 'false' })).toContain('ecr:GetLifecyclePolicy')
  })

  test('KMS encryption adds the grant actions on the key', () => {
    const key = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'
    const policy = leastPrivilegePolicy(settings({ encryption: 'KMS', 'kms-key': key }), '123456789012')
    expect(policy.Statement.find(st => st.Sid === 'Encryption')).toEqual({ Sid: 'Encryption', Effect: 'Allow', Action: ['kms:CreateGrant', 'kms:RetireGrant', 'kms:DescribeKey'], Resource: key })
  })

  test('parseRegistryHost (which replaced parseRegistry)', () => {
    expect(parseRegistryHost('123456789012.dkr.ecr.ap-northeast-2.amazonaws.com')).toMatchObject({ kind: 'private', account: '123456789012', region: 'ap-northeast-2' })
    expect(parseRegistryHost('ghcr.io')).toBeUndefined()
  })

  describe("ARNs follow the region's partition", () => {
    test.each([
      ['us-east-1', 'aws'],
      ['cn-north-1', 'aws-cn'],
      ['cn-northwest-1', 'aws-cn'],
      ['us-gov-west-1', 'aws-us-gov'],
      ['us-iso-east-1', 'aws-iso'],
      ['us-isob-east-1', 'aws-iso-b']
    ])('%s: arn:%s:…', (region, partition) => {
      const policy = leastPrivilegePolicy(settings({ 'aws-region': region, 'replicate-to-regions': region === 'us-east-1' ? 'eu-west-1' : '', encryption: 'KMS' }), '123456789012')
      const byId = Object.fromEntries(policy.Statement.map(s => [s.Sid, s.Resource]))
      expect(byId.Repository).toBe(`arn:${partition}:ecr:${region}:123456789012:repository/team/web`)
      expect(byId.Encryption).toBe(`arn:${partition}:kms:${region}:123456789012:key/*`)
      if (region === 'us-east-1') {
        expect(byId.ReplicationRole).toBe('arn:aws:iam::123456789012:role/aws-service-role/replication.ecr.amazonaws.com/AWSServiceRoleForECRReplication')
      }
    })

    test('replication in aws-cn: the service-linked role in arn:aws-cn', () => {
      const policy = leastPrivilegePolicy(settings({ 'aws-region': 'cn-north-1', 'replicate-to-regions': 'cn-northwest-1' }), '123456789012')
      expect(policy.Statement.find(s => s.Sid === 'ReplicationRole')?.Resource).toBe('arn:aws-cn:iam::123456789012:role/aws-service-role/replication.ecr.amazonaws.com/AWSServiceRoleForECRReplication')
    })

    test('a KMS key given as an ARN is kept as it is', () => {
      const key = 'arn:aws-cn:kms:cn-north-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'
      const policy = leastPrivilegePolicy(settings({ 'aws-region': 'cn-north-1', encryption: 'KMS', 'kms-key': key }), '123456789012')
      expect(policy.Statement.find(s => s.Sid === 'Encryption')?.Resource).toBe(key)
    })
  })
})

describe('least-privilege policy', () => {
  let ws: TempWorkspace
  beforeAll(() => {
    ws = makeWorkspace()
  })
  afterAll(() => ws.remove())
  const actions = (inputs: Record<string, string>) =>
    leastPrivilegePolicy(readSettings(stepEnv(ws.dir, { repository: 'team/web', ...inputs })), '123456789012').Statement.find(s => s.Sid === 'Repository')?.Action
  test('a push may read whether its existing version is archived: ecr:DescribeImages on the repository', () => {
    expect(actions({})).toContain('ecr:DescribeImages')
    expect(actions({ push: 'false' })).not.toContain('ecr:DescribeImages')
  })
})

describe('other registries', () => {
  let ws: TempWorkspace

  beforeAll(() => {
    ws = makeWorkspace()
    ws.write('Dockerfile', 'FROM scratch\n')
  })

  afterAll(() => ws.remove())

  const env = (inputs: Record<string, string>) => stepEnv(ws.dir, { repository: 'team/web', 'aws-region': 'us-east-1', ...inputs }, {})

  const ROLE = 'arn:aws:iam::210987654321:role/reader'

  describe('the least-privilege policy', () => {
    test('pulls from each registry read, pushes to each copy, ECR Public login, sts:AssumeRole for a role', () => {
      const s = readSettings(
        env({
          'read-registries': `210987654321/eu-west-1\n345678901234/us-west-2=${ROLE}`,
          'copy-to': 'team/mirror\n456789012345.dkr.ecr.us-east-2.amazonaws.com/apps/web\npublic.ecr.aws/acme/web'
        })
      )
      const statements = Object.fromEntries(leastPrivilegePolicy(s, '123456789012').Statement.map(st => [st.Sid, st]))
      expect(statements.ReadRegistries).toEqual({
        Sid: 'ReadRegistries',
        Effect: 'Allow',
        Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability'],
        Resource: ['arn:aws:ecr:eu-west-1:210987654321:repository/*']
      })
      expect(statements.CopyTo?.Resource).toEqual(['arn:aws:ecr:us-east-1:123456789012:repository/team/mirror', 'arn:aws:ecr:us-east-2:456789012345:repository/apps/web'])
      expect(statements.CopyTo?.Action).toEqual(expect.arrayContaining(['ecr:BatchGetImage', 'ecr:InitiateLayerUpload', 'ecr:PutImage']))
      expect(statements.CopyToPublic?.Resource).toEqual(['arn:aws:ecr-public::123456789012:repository/web'])
      expect(statements.PublicLogin?.Action).toEqual(['ecr-public:GetAuthorizationToken', 'sts:GetServiceBearerToken'])
      expect(statements.RegistryRoles?.Resource).toEqual([ROLE])
      expect(statements.Login?.Action).toEqual(['ecr:GetAuthorizationToken'])
    })

    test('neither input: nothing added', () => {
      const sids = leastPrivilegePolicy(readSettings(env({})), '123456789012').Statement.map(st => st.Sid)
      for (const sid of ['ReadRegistries', 'CopyTo', 'CopyToPublic', 'PublicLogin', 'RegistryRoles']) expect(sids).not.toContain(sid)
    })
  })
})

describe('signing', () => {
  const P1 = 'arn:aws:signer:us-east-1:123456789012:/signing-profiles/release_signer'

  const P2 = 'arn:aws:signer:us-east-1:210987654321:/signing-profiles/org_signer'

  let ws: TempWorkspace

  beforeAll(() => {
    ws = makeWorkspace()
  })

  afterAll(() => ws.remove())

  const settings = (inputs: Record<string, string> = {}) => readSettings(stepEnv(ws.dir, { repository: 'team/web', ...inputs }))

  describe('the IAM policy', () => {
    const sids = (policy: ReturnType<typeof leastPrivilegePolicy>) => Object.fromEntries(policy.Statement.map(s => [s.Sid, s]))

    test('a push reads the configuration (registry-level) and the image status (repository); SignPayload on exactly the profiles the dry run read', () => {
      const policy = sids(leastPrivilegePolicy(settings(), '123456789012', { kind: 'signed', profiles: [{ arn: P1 }, { arn: P2 }] }))
      expect(policy.ManagedSigning).toEqual({ Sid: 'ManagedSigning', Effect: 'Allow', Action: ['ecr:GetSigningConfiguration'], Resource: '*' })
      expect(policy.Repository?.Action).toContain('ecr:DescribeImageSigningStatus')
      expect(policy.SignOnPush).toEqual({ Sid: 'SignOnPush', Effect: 'Allow', Action: ['signer:SignPayload'], Resource: [P1, P2] })
    })

    test('nothing signs the repository: no SignPayload; not read, with require-signature: the account’s profiles in the region', () => {
      expect(sids(leastPrivilegePolicy(settings(), '1', planSigning(undefined, 'team/web'))).SignOnPush).toBeUndefined()
      expect(sids(leastPrivilegePolicy(settings(), '1')).SignOnPush).toBeUndefined()
      expect(sids(leastPrivilegePolicy(settings({ 'require-signature': 'true' }), '123456789012')).SignOnPush?.Resource).toBe('arn:aws:signer:us-east-1:123456789012:/signing-profiles/*')
      expect(sids(leastPrivilegePolicy(settings({ push: 'false' }), '1')).ManagedSigning).toBeUndefined()
    })
  })
})
