/**
 * pull-principals: one pull-only policy from accounts, roles and an organization, validated
 * before any call.
 */
import { pullPolicy, validateRepositoryPolicy } from '../../../src/settings/access-policy.js'
import { readSettings } from '../../../src/settings/read.js'
import { makeWorkspace, stepEnv, type TempWorkspace } from '../../fixtures/workspace.js'

let ws: TempWorkspace

beforeAll(() => {
  ws = makeWorkspace()
})

afterAll(() => ws.remove())

const settings = (inputs: Record<string, string>) => readSettings(stepEnv(ws.dir, { repository: 'team/web', cache: 'none', ...inputs })).repository

describe('pull-principals', () => {
  test('accounts, roles and an organization become one pull-only policy', () => {
    expect(JSON.parse(pullPolicy(['111122223333', 'arn:aws:iam::444455556666:role/deploy', 'o-abcdefghij']))).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'PullByPrincipal',
          Effect: 'Allow',
          Principal: { AWS: ['arn:aws:iam::111122223333:root', 'arn:aws:iam::444455556666:role/deploy'] },
          Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability']
        },
        {
          Sid: 'PullByOrganization',
          Effect: 'Allow',
          Principal: '*',
          Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability'],
          Condition: { StringEquals: { 'aws:PrincipalOrgID': ['o-abcdefghij'] } }
        }
      ]
    })
  })

  test.each([
    [{ 'pull-principals': 'everyone' }, "Input 'pull-principals': 'everyone' is not a principal"],
    [{ 'pull-principals': '1234' }, "Input 'pull-principals': '1234' is not a principal"],
    [{ 'pull-principals': '111122223333', 'repository-policy': '{"Statement":[]}' }, "Input 'pull-principals': is given together with repository-policy"],
    [{ 'repository-policy': '{"Statement": []}' }, 'Input \'repository-policy\': needs a "Statement" list'],
    [{ 'repository-policy': '{"Statement": [{"Effect": "Allow", "Action": "ecr:*"}]}' }, 'Statement[0] needs a Principal'],
    [{ 'repository-policy': '{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject"}]}' }, 'Statement[0].Action must name ecr: actions'],
    [{ 'repository-policy': '{"Statement": [{"Effect": "Maybe", "Principal": "*", "Action": "ecr:*"}]}' }, 'Statement[0].Effect must be "Allow" or "Deny"'],
    [{ 'repository-policy': 'nope.json' }, "Input 'repository-policy': 'nope.json' is neither JSON nor a file"],
    [{ 'repository-tags': 'no-equals-sign' }, "Input 'repository-tags': 'no-equals-sign' is not a tag ECR accepts"],
    [{ 'repository-tags': 'aws:reserved=x' }, "Input 'repository-tags': 'aws:reserved=x' is not a tag ECR accepts"]
  ])('refused before any call: %j', (inputs, message) => {
    expect(() => settings(inputs)).toThrow(message)
  })

  test('a policy over 10,240 characters', () => {
    expect(() => validateRepositoryPolicy(`{"Statement":[],"x":"${'a'.repeat(10240)}"}`)).toThrow('ECR takes at most 10240')
  })
})
