/** What read-registries and copy-to add to the least-privilege policy: per registry and repository, and a role's own AssumeRole. */
import { otherRegistryStatements } from '../../../src/aws/other-registries-policy.js'
import type { OtherRegistries, Settings } from '../../../src/settings/types.js'

const ACCOUNT = '123456789012'
const settings = (registries: OtherRegistries | undefined) => ({ aws: { region: 'us-east-1' }, registries }) as unknown as Settings
const eu = { kind: 'private' as const, host: '210987654321.dkr.ecr.eu-west-1.amazonaws.com', account: '210987654321', region: 'eu-west-1' }
const china = { kind: 'private' as const, host: '210987654321.dkr.ecr.cn-north-1.amazonaws.com.cn', account: '210987654321', region: 'cn-north-1' }
const pub = { kind: 'public' as const, host: 'public.ecr.aws' }

test('nothing read or copied: nothing added', () => {
  expect(otherRegistryStatements(settings(undefined), ACCOUNT)).toEqual([])
})

test('reads: pulls from any repository of each registry (its partition), ECR Public by its token', () => {
  const statements = otherRegistryStatements(settings({ read: [eu, china, pub], copyTo: [] }), ACCOUNT)
  expect(statements).toEqual([
    {
      Sid: 'ReadRegistries',
      Effect: 'Allow',
      Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability'],
      Resource: ['arn:aws:ecr:eu-west-1:210987654321:repository/*', 'arn:aws-cn:ecr:cn-north-1:210987654321:repository/*']
    },
    { Sid: 'PublicLogin', Effect: 'Allow', Action: ['ecr-public:GetAuthorizationToken', 'sts:GetServiceBearerToken'], Resource: '*' }
  ])
})

test("copies: the push actions on each repository, the run's own registry when none is named; ECR Public's by its names", () => {
  const statements = otherRegistryStatements(
    settings({ read: [], copyTo: [{ repository: 'team/mirror' }, { registry: eu, repository: 'team/web' }, { registry: pub, repository: 'a1b2c3/web' }] }),
    ACCOUNT
  )
  expect(statements.map(s => [s.Sid, s.Resource])).toEqual([
    ['CopyTo', ['arn:aws:ecr:us-east-1:123456789012:repository/team/mirror', 'arn:aws:ecr:eu-west-1:210987654321:repository/team/web']],
    ['CopyToPublic', ['arn:aws:ecr-public::123456789012:repository/web']],
    ['PublicLogin', '*']
  ])
  expect(statements[0]?.Action).toEqual(['ecr:BatchGetImage', 'ecr:BatchCheckLayerAvailability', 'ecr:InitiateLayerUpload', 'ecr:UploadLayerPart', 'ecr:CompleteLayerUpload', 'ecr:PutImage'])
  expect(statements[1]?.Action).toEqual([
    'ecr-public:BatchCheckLayerAvailability',
    'ecr-public:InitiateLayerUpload',
    'ecr-public:UploadLayerPart',
    'ecr-public:CompleteLayerUpload',
    'ecr-public:PutImage'
  ])
})

test('a registry with its own role: only sts:AssumeRole on the role (its own policy grants the rest), once per role', () => {
  const role = 'arn:aws:iam::210987654321:role/reader'
  const statements = otherRegistryStatements(settings({ read: [{ ...eu, role }], copyTo: [{ registry: { ...eu, role }, repository: 'team/web' }] }), ACCOUNT)
  expect(statements).toEqual([{ Sid: 'RegistryRoles', Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: [role] }])
})
