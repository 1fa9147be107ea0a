/**
 * `read-registries` and `copy-to`: each line read, and a bad one refused as one InputError
 * before any AWS call; what they add to the least-privilege policy.
 */
import { InputError } from '../../../src/errors.js'
import { readSettings } from '../../../src/settings/read.js'
import { makeWorkspace, stepEnv, type TempWorkspace } from '../../fixtures/workspace.js'
import { inputErrorOf } from '../../fixtures/input-error.js'

let ws: TempWorkspace

beforeAll(() => {
  ws = makeWorkspace()
  ws.write('Dockerfile', 'FROM scratch\n')
})

afterAll(() => ws.remove())

const env = (inputs: Record<string, string>) => stepEnv(ws.dir, { repository: 'team/web', 'aws-region': 'us-east-1', ...inputs }, {})

const ROLE = 'arn:aws:iam::210987654321:role/reader'

const inputError = (inputs: Record<string, string>): InputError => inputErrorOf(() => readSettings(env(inputs)))

describe('read-registries', () => {
  test('hosts, <account>/<region>, public.ecr.aws, each with an optional role', () => {
    const s = readSettings(env({ 'read-registries': `210987654321.dkr.ecr.eu-west-1.amazonaws.com\n  345678901234/cn-north-1=${ROLE}\npublic.ecr.aws\n123456789012.dkr-ecr.us-east-1.on.aws` }))
    expect(s.registries?.read).toEqual([
      { kind: 'private', host: '210987654321.dkr.ecr.eu-west-1.amazonaws.com', account: '210987654321', region: 'eu-west-1' },
      { kind: 'private', host: '345678901234.dkr.ecr.cn-north-1.amazonaws.com.cn', account: '345678901234', region: 'cn-north-1', role: ROLE },
      { kind: 'public', host: 'public.ecr.aws' },
      { kind: 'private', host: '123456789012.dkr-ecr.us-east-1.on.aws', account: '123456789012', region: 'us-east-1' }
    ])
  })

  test('not given: no registries setting at all', () => {
    expect(readSettings(env({})).registries).toBeUndefined()
  })

  test.each([
    ['docker.io', /'docker.io' is not an ECR registry/],
    ['123456789012.dkr.ecr.us-east-1.amazonaws.com/team/base', /is not an ECR registry/],
    ['1234/us-east-1', /is not an ECR registry/],
    ['123456789012/useast1', /is not an ECR registry/],
    ['123456789012/us-east-1=arn:aws:iam::1:role/x', /is not an IAM role ARN/],
    ['123456789012/us-east-1\n123456789012.dkr.ecr.us-east-1.amazonaws.com', /names 123456789012\.dkr\.ecr\.us-east-1\.amazonaws\.com twice/]
  ])('%j is refused', (value, message) => {
    const error = inputError({ 'read-registries': value })
    expect(error.message).toMatch(/^Input 'read-registries'/)
    expect(error.message).toMatch(message)
  })

  test('with push: false, refused: a build-only run signs in to nothing', () => {
    const error = inputError({ 'read-registries': '123456789012/us-east-1', push: 'false' })
    expect(error.message).toMatch(/^Input 'read-registries': is set, but push is false/)
  })
})

describe('copy-to', () => {
  test('a repository of this registry, another account and region, ECR Public', () => {
    const s = readSettings(env({ 'copy-to': `team/mirror\n210987654321.dkr.ecr.eu-west-1.amazonaws.com/apps/web=${ROLE}\npublic.ecr.aws/acme/web` }))
    expect(s.registries?.copyTo).toEqual([
      { repository: 'team/mirror' },
      { registry: { kind: 'private', host: '210987654321.dkr.ecr.eu-west-1.amazonaws.com', account: '210987654321', region: 'eu-west-1', role: ROLE }, repository: 'apps/web' },
      { registry: { kind: 'public', host: 'public.ecr.aws' }, repository: 'acme/web' }
    ])
  })

  test.each([
    [{ 'copy-to': 'team/web' }, /is the repository the run pushes to/],
    [{ 'copy-to': 'Team/Web' }, /is not a repository name/],
    [{ 'copy-to': 'quay.io/team/web' }, /is not an ECR repository/],
    [{ 'copy-to': 'public.ecr.aws/web' }, /names no alias/],
    [{ 'copy-to': `team/mirror=${ROLE}` }, /with the run's own role/],
    [{ 'copy-to': 'team/mirror\nteam/mirror' }, /twice/],
    [{ 'copy-to': 'team/mirror', push: 'false' }, /push is false/],
    [{ 'copy-to': 'team/mirror', 'push-by-digest': 'true' }, /merge-digests/]
  ])('%j is refused', (inputs, message) => {
    const error = inputError(inputs)
    expect(error.message).toMatch(/^Input 'copy-to'/)
    expect(error.message).toMatch(message)
  })
})
