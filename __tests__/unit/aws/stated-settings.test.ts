/** The access policy and resource tags, planned alike for ECR and ECR Public (src/aws/stated-settings.ts). */
import { planAccessPolicy, planTags, unlessNotFound } from '../../../src/aws/stated-settings.js'

const POLICY = { text: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"ecr:BatchGetImage"}]}', source: 'pull-principals' }
const ARN = 'arn:aws:ecr:us-east-1:123456789012:repository/team/web'

describe('planAccessPolicy', () => {
  test('none stated: nothing to write, whatever the repository has', () => {
    expect(planAccessPolicy(undefined, '{"whatever":1}')).toBeUndefined()
  })

  test('the same policy in another key order and spacing: no write', () => {
    expect(planAccessPolicy(POLICY, JSON.stringify(JSON.parse(POLICY.text), null, 2).replace('"Version":', '"Version" :'))).toBeUndefined()
  })

  test('another policy is replaced; none (or a repository this run creates) gets it set', () => {
    expect(planAccessPolicy(POLICY, '{"Statement":[]}')).toEqual({ kind: 'access-policy', text: POLICY.text, source: 'pull-principals', replaces: true })
    expect(planAccessPolicy(POLICY, undefined)).toEqual({ kind: 'access-policy', text: POLICY.text, source: 'pull-principals', replaces: false })
  })
})

describe('planTags', () => {
  test('only the stated tags that are missing or differ; the others stay as they are', () => {
    const stated = [
      { Key: 'team', Value: 'web' },
      { Key: 'env', Value: 'prod' },
      { Key: 'cost', Value: '42' }
    ]
    const have = [
      { Key: 'team', Value: 'web' },
      { Key: 'env', Value: 'dev' },
      { Key: 'owner', Value: 'someone' }
    ]
    expect(planTags(stated, have, ARN)).toEqual({
      kind: 'tags',
      resourceArn: ARN,
      tags: [
        { Key: 'env', Value: 'prod' },
        { Key: 'cost', Value: '42' }
      ]
    })
  })

  test('all there, or none stated: no write', () => {
    expect(planTags([{ Key: 'team', Value: 'web' }], [{ Key: 'team', Value: 'web' }], ARN)).toBeUndefined()
    expect(planTags([], [], ARN)).toBeUndefined()
  })
})

test('unlessNotFound: the named error is "none", any other is thrown', async () => {
  const named = (name: string) => Object.assign(new Error(name), { name })
  expect(await unlessNotFound(() => Promise.reject(named('RepositoryPolicyNotFoundException')), 'RepositoryPolicyNotFoundException')).toBeUndefined()
  await expect(unlessNotFound(() => Promise.reject(named('AccessDeniedException')), 'RepositoryPolicyNotFoundException')).rejects.toThrow('AccessDeniedException')
  expect(await unlessNotFound(async () => 'text', 'X')).toBe('text')
})
