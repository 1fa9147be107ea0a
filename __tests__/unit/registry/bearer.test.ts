/**
 * Bearer tokens: the challenge parsed, where the password may go for a token, scopes merged
 * and covered.
 */
import type { HttpTransport } from '../../../src/network/http.js'
import { mergeScopes, parseBearerChallenge, scopeCovers, tokenRealm } from '../../../src/registry/bearer.js'
import { RegistryClient } from '../../../src/registry/client.js'
import { ActionError } from '../../../src/errors.js'

test('parseBearerChallenge', () => {
  expect(parseBearerChallenge('Bearer realm="https://public.ecr.aws/token",service="public.ecr.aws",scope="aws"')).toEqual({
    realm: 'https://public.ecr.aws/token',
    service: 'public.ecr.aws',
    scope: 'aws'
  })
  expect(parseBearerChallenge('Basic realm="x"')).toBeUndefined()
})

describe('where the password may go for a token', () => {
  test.each([
    ['https://public.ecr.aws/token', 'public.ecr.aws', 'https://public.ecr.aws'],
    ['https://public.ecr.aws/token', '123456789012.dkr.ecr.us-east-1.amazonaws.com', 'https://123456789012.dkr.ecr.us-east-1.amazonaws.com'],
    ['https://registry.test:8443/token', 'registry.test', 'https://registry.test'],
    ['http://127.0.0.1:5000/token', 'registry.test', 'http://127.0.0.1:5000']
  ])('%s is allowed for %s (client base %s)', (realm, registry, base) => {
    expect(tokenRealm(realm, base, registry).href).toBe(realm)
  })

  test.each([
    ['another host', 'https://evil.example/token'],
    ['plain http on the registry host', 'http://registry.test/token'],
    ['plain http on public.ecr.aws', 'http://public.ecr.aws/token'],
    ['a look-alike host', 'https://public.ecr.aws.evil.example/token'],
    ['no URL', 'not a url']
  ])('%s is refused', (_what, realm) => {
    expect(() => tokenRealm(realm, 'https://registry.test', 'registry.test')).toThrow(ActionError)
    expect(() => tokenRealm(realm, 'https://registry.test', 'registry.test')).toThrow(
      /^The registry registry\.test asked for its password to be sent to .* for a token; the action sends it only over https to registry\.test itself or to public\.ecr\.aws, so it stopped there/
    )
  })

  test('a challenge naming another host: the request fails with that error, and nothing is sent there', async () => {
    const sent: string[] = []
    const transport: HttpTransport = async (url, init) => {
      sent.push(`${url.origin} ${init?.headers?.authorization ?? ''}`)
      return {
        status: 401,
        ok: false,
        headers: { get: (name: string) => (name === 'www-authenticate' ? 'Bearer realm="https://collector.example/token",service="x",scope="repository:web:pull"' : null) },
        text: async () => '',
        json: async () => ({}),
        arrayBuffer: async () => new ArrayBuffer(0)
      }
    }
    const registry = new RegistryClient({ registry: 'registry.test', username: 'AWS', password: 'pw' }, undefined, transport)
    await expect(registry.manifest('web', 'latest')).rejects.toThrow(/asked for its password to be sent to https:\/\/collector\.example for a token/)
    expect(sent).toEqual([`https://registry.test Basic ${Buffer.from('AWS:pw').toString('base64')}`])
  })
})

test('scopeCovers and mergeScopes: actions per resource', () => {
  expect(scopeCovers('repository:a/web:pull,push', 'repository:a/web:pull')).toBe(true)
  expect(scopeCovers('repository:a/web:pull', 'repository:a/web:pull,push')).toBe(false)
  expect(scopeCovers('repository:a/web:pull,push', 'repository:a/cache:pull')).toBe(false)
  expect(scopeCovers('aws', 'aws')).toBe(true)
  expect(scopeCovers('', 'aws')).toBe(false)
  expect(mergeScopes('', 'repository:a/web:pull')).toBe('repository:a/web:pull')
  expect(mergeScopes('repository:a/web:pull,push', 'repository:a/web:pull')).toBe('repository:a/web:pull,push')
  expect(mergeScopes('repository:a/web:pull', 'repository:a/web:push')).toBe('repository:a/web:pull,push')
  expect(mergeScopes('repository:a/web:pull', 'repository:a/cache:pull aws')).toBe('repository:a/web:pull repository:a/cache:pull aws')
})
