/** The writes a run makes to a repository's settings, as data: the one call that makes each, and its words. */
import { announceWrite, callOf, describeWrite, type SettingWrite } from '../../../src/aws/setting-writes.js'

const ARN = 'arn:aws:ecr:us-east-1:123456789012:repository/team/web'
const IMMUTABLE = { mode: 'IMMUTABLE_WITH_EXCLUSION' as const, exclusions: ['latest', 'sha256-*'] }
const MUTABLE = { mode: 'MUTABLE' as const, exclusions: [] }

const create: SettingWrite = { kind: 'create', mutability: IMMUTABLE, scanOnPush: true, encryption: { type: 'AES256' } }

test.each<[SettingWrite, 'ecr' | 'ecr-public', string, string]>([
  [create, 'ecr', 'ecr:CreateRepository', 'would create: created the repository: IMMUTABLE_WITH_EXCLUSION (latest, sha256-*), scan on push on, AES256 encryption'],
  [{ kind: 'tag-mutability', from: MUTABLE, to: IMMUTABLE }, 'ecr', 'ecr:PutImageTagMutability', 'would change: tag mutability MUTABLE → IMMUTABLE_WITH_EXCLUSION (latest, sha256-*)'],
  [{ kind: 'scan-on-push', from: false, to: true }, 'ecr', 'ecr:PutImageScanningConfiguration', 'would change: scan on push off → on'],
  [{ kind: 'access-policy', text: '{}', source: 'pull-principals', replaces: true }, 'ecr', 'ecr:SetRepositoryPolicy', 'would change: access policy replaced (pull-principals)'],
  [
    {
      kind: 'tags',
      resourceArn: ARN,
      tags: [
        { Key: 'team', Value: 'web' },
        { Key: 'cost', Value: '42' }
      ]
    },
    'ecr',
    'ecr:TagResource',
    'would change: tags team=web, cost=42'
  ],
  [{ kind: 'lifecycle', text: '{}', reason: 'none set' }, 'ecr', 'ecr:PutLifecyclePolicy', 'would change: lifecycle policy put (none set)'],
  [{ kind: 'replication', rules: [], change: 'replicated to eu-west-1' }, 'ecr', 'ecr:PutReplicationConfiguration', 'would change: replicated to eu-west-1'],
  [
    { kind: 'create-public', catalog: { architectures: ['x86-64', 'ARM 64'], operatingSystems: ['Linux'] }, tags: [] },
    'ecr-public',
    'ecr-public:CreateRepository',
    'would create: created the public repository with catalog data (x86-64, ARM 64; Linux)'
  ],
  [{ kind: 'catalog', catalog: {}, changed: ['description', 'usage text'] }, 'ecr-public', 'ecr-public:PutRepositoryCatalogData', 'would change: catalog data: description; usage text']
])('%j: %s %s', (write, service, call, announced) => {
  expect(callOf(write, service)).toBe(call)
  expect(announceWrite(write)).toBe(announced)
  expect(announceWrite(write)).toBe(`would ${announced.startsWith('would create') ? 'create' : 'change'}: ${describeWrite(write)}`)
})

test('a repository created from a template names, setting by setting, what came from it', () => {
  const fromTemplate: SettingWrite = {
    ...create,
    encryption: { type: 'KMS', kmsKey: 'arn:aws:kms:us-east-1:123456789012:key/k' },
    template: { prefix: 'team', settings: ['encryption', 'tags'], tags: ['owner=web'] }
  }
  expect(describeWrite(fromTemplate)).toBe(
    'created the repository: IMMUTABLE_WITH_EXCLUSION (latest, sha256-*), scan on push on, KMS encryption (arn:aws:kms:us-east-1:123456789012:key/k) from template team, tags owner=web from template team'
  )
})
