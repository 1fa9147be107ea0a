/** Dry runs: the least-privilege IAM policy and the rendered plan. */
import { leastPrivilegePolicy } from '../../../src/aws/iam-policy.js'
import { pushRefusedHint } from '../../../src/registry/push-actions.js'
import { parseRegistryHost } from '../../../src/settings/registry-host.js'
import { readSettings } from '../../../src/settings/read.js'
import { renderPlan, renderSummary } from '../../../src/report/summary.js'
import { makeWorkspace, stepEnv, type TempWorkspace } from '../../fixtures/workspace.js'

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
    expect(policy.Statement[1]?.Action).toEqual(
      expect.arrayContaining(['ecr:CreateRepository', 'ecr:PutImage', 'ecr:CompleteLayerUpload', 'ecr:PutLifecyclePolicy'])
    )
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

  describe('ARNs follow the region\'s partition', () => {
    test.each([
      ['us-east-1', 'aws'],
      ['cn-north-1', 'aws-cn'],
      ['cn-northwest-1', 'aws-cn'],
      ['us-gov-west-1', 'aws-us-gov'],
      ['us-iso-east-1', 'aws-iso'],
      ['us-isob-east-1', 'aws-iso-b']
    ])('%s: arn:%s:…', (region, partition) => {
      const policy = leastPrivilegePolicy(
        settings({ 'aws-region': region, 'replicate-to-regions': region === 'us-east-1' ? 'eu-west-1' : '', encryption: 'KMS' }),
        '123456789012'
      )
      const byId = Object.fromEntries(policy.Statement.map(s => [s.Sid, s.Resource]))
      expect(byId.Repository).toBe(`arn:${partition}:ecr:${region}:123456789012:repository/team/web`)
      expect(byId.Encryption).toBe(`arn:${partition}:kms:${region}:123456789012:key/*`)
      if (region === 'us-east-1') {
        expect(byId.ReplicationRole).toBe('arn:aws:iam::123456789012:role/aws-service-role/replication.ecr.amazonaws.com/AWSServiceRoleForECRReplication')
      }
    })

    test('replication in aws-cn: the service-linked role in arn:aws-cn', () => {
      const policy = leastPrivilegePolicy(settings({ 'aws-region': 'cn-north-1', 'replicate-to-regions': 'cn-northwest-1' }), '123456789012')
      expect(policy.Statement.find(s => s.Sid === 'ReplicationRole')?.Resource).toBe(
        'arn:aws-cn:iam::123456789012:role/aws-service-role/replication.ecr.amazonaws.com/AWSServiceRoleForECRReplication'
      )
    })

    test('a KMS key given as an ARN is kept as it is', () => {
      const key = 'arn:aws-cn:kms:cn-north-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'
      const policy = leastPrivilegePolicy(settings({ 'aws-region': 'cn-north-1', encryption: 'KMS', 'kms-key': key }), '123456789012')
      expect(policy.Statement.find(s => s.Sid === 'Encryption')?.Resource).toBe(key)
    })
  })
})

describe('pushRefusedHint', () => {
  test('ECR: the ecr: push actions', () => {
    expect(pushRefusedHint('123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web:1')).toBe(
      'the role needs ecr:BatchCheckLayerAvailability, ecr:InitiateLayerUpload, ecr:UploadLayerPart, ecr:CompleteLayerUpload and ecr:PutImage on the repository.'
    )
  })

  test('ECR Public: the ecr-public: push actions', () => {
    expect(pushRefusedHint('public.ecr.aws/acme/web:1')).toContain('ecr-public:PutImage on the repository.')
    expect(pushRefusedHint('public.ecr.aws/acme/web:1')).not.toMatch(/\becr:/)
  })
})

describe('renderPlan', () => {
  const plan = {
    repository: 'team/web',
    imageUri: 'r/team/web:1.0.0',
    repositoryLines: ['would change: scan on push off → on'],
    lifecycle: 'would be put (differs from lifecycle-policy)',
    lifecycleText: '{"rules": [2]}',
    currentLifecycleText: '{"rules": [1]}',
    tags: ['1.0.0', 'latest'],
    version: '1.0.0',
    build: 'would be built and pushed',
    command: ['docker', 'buildx', 'build', '--build-arg', 'A=***', '--label', "it's"],
    iamPolicy: '{}'
  }

  test('says nothing was done, lists each change, the policy before and after, and a copyable command', () => {
    const md = renderPlan(plan)
    expect(md.split('\n')[0]).toBe('### Plan for <code>team/web</code> (dry run: nothing was changed, built or pushed)')
    expect(md).toContain('- would change: scan on push off → on')
    expect(md).toMatch(/Now:\n\n```json\n\{"rules": \[1\]\}\n```\n\nWould become:\n\n```json\n\{"rules": \[2\]\}/)
    expect(md).toContain("docker buildx build --build-arg 'A=***' --label 'it'\\''s'")
  })

  test('a policy put on a repository without one shows only the new policy', () => {
    const { currentLifecycleText: _, ...fresh } = plan
    const md = renderPlan(fresh)
    expect(md).not.toContain('Now:')
    expect(md).toContain('Would be put:')
  })
})

describe('renderSummary of a skipped run', () => {
  test('heads it as already pushed and says why nothing was built', () => {
    const md = renderSummary({
      repository: 'team/web',
      pushed: true,
      skipped: true,
      outcome: 'skipped: 1.0.0 already exists (sha256:1); if-version-exists: skip',
      imageUri: 'r/team/web:1.0.0',
      imageDigestUri: 'r/team/web@sha256:1',
      digest: 'sha256:1',
      tags: ['1.0.0'],
      platforms: ['linux/amd64'],
      repositoryChanges: [],
      lifecycle: '',
      warnings: [],
      timings: [['sign-in', 0.31], ['repository', 0.05]]
    })
    expect(md.split('\n')[0]).toBe('### Already pushed <code>team/web</code>')
    expect(md).toContain('<tr><th align="left">Build</th><td>skipped: 1.0.0 already exists (sha256:1); if-version-exists: skip</td></tr>')
    expect(md).toContain('<tr><th align="left">Time</th><td>sign-in 0.3 s · repository 0.1 s</td></tr>')
  })
})
