/** The access policy and resource tags, reconciled alike for ECR and ECR Public (src/aws/stated-settings.ts). */
import { ensureAccessPolicy, ensureResourceTags, unlessNotFound } from '../../src/aws/stated-settings.js'

const POLICY = { text: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"ecr:BatchGetImage"}]}', source: 'pull-principals' }

function policyCalls(current: string | undefined) {
  const writes: string[] = []
  let reads = 0
  return { writes, reads: () => reads, calls: { read: async () => (reads++, current), write: async (text: string) => void writes.push(text) } }
}

describe('ensureAccessPolicy', () => {
  test('none stated: nothing read, nothing written', async () => {
    const p = policyCalls('{"whatever":1}')
    expect(await ensureAccessPolicy(undefined, false, p.calls)).toBeUndefined()
    expect(p.reads()).toBe(0)
    expect(p.writes).toEqual([])
  })

  test('the same policy in another key order and spacing: read, not written', async () => {
    const p = policyCalls(JSON.stringify(JSON.parse(POLICY.text), null, 2).replace('"Version":', '"Version" :'))
    expect(await ensureAccessPolicy(POLICY, false, p.calls)).toBeUndefined()
    expect(p.writes).toEqual([])
  })

  test('another policy is replaced; none is set; a created repository is not read', async () => {
    const other = policyCalls('{"Statement":[]}')
    expect(await ensureAccessPolicy(POLICY, false, other.calls)).toBe('access policy replaced (pull-principals)')
    expect(other.writes).toEqual([POLICY.text])
    const none = policyCalls(undefined)
    expect(await ensureAccessPolicy(POLICY, false, none.calls)).toBe('access policy set (pull-principals)')
    const created = policyCalls('{"never":"read"}')
    expect(await ensureAccessPolicy(POLICY, true, created.calls)).toBe('access policy set (pull-principals)')
    expect(created.reads()).toBe(0)
  })
})

describe('ensureResourceTags', () => {
  test('adds only the stated tags that are missing or differ; keeps the others as they are', async () => {
    const added: { Key: string; Value: string }[][] = []
    const change = await ensureResourceTags(
      [
        { Key: 'team', Value: 'web' },
        { Key: 'env', Value: 'prod' },
        { Key: 'cost', Value: '42' }
      ],
      { list: async () => [{ Key: 'team', Value: 'web' }, { Key: 'env', Value: 'dev' }, { Key: 'owner', Value: 'someone' }], add: async tags => void added.push(tags) }
    )
    expect(change).toBe('tags env=prod, cost=42')
    expect(added).toEqual([[{ Key: 'env', Value: 'prod' }, { Key: 'cost', Value: '42' }]])
  })

  test('all there: no write; none stated: not even a read', async () => {
    let listed = 0
    const calls = { list: async () => (listed++, [{ Key: 'team', Value: 'web' }]), add: async () => Promise.reject(new Error('no write expected')) }
    expect(await ensureResourceTags([{ Key: 'team', Value: 'web' }], calls)).toBeUndefined()
    expect(await ensureResourceTags([], calls)).toBeUndefined()
    expect(listed).toBe(1)
  })
})

test('unlessNotFound: the named error is "none", any other is thrown', async () => {
  const named = (name: string) => Object.assign(new Error(name), { name })
  expect(await unlessNotFound(() => Promise.reject(named('RepositoryPolicyNotFoundException')), 'RepositoryPolicyNotFoundException')).toBeUndefined()
  await expect(unlessNotFound(() => Promise.reject(named('AccessDeniedException')), 'RepositoryPolicyNotFoundException')).rejects.toThrow('AccessDeniedException')
  expect(await unlessNotFound(async () => 'text', 'X')).toBe('text')
})
