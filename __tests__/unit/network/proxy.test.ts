/** proxyFor: which requests take the proxy, NO_PROXY read as Go (and so docker) reads it. */
import { proxyFor } from '../../../src/network/proxy.js'
import type { ProxyConfig } from '../../../src/settings/types.js'

describe('proxyFor: NO_PROXY as Go (and so docker) reads it', () => {
  const config = (noProxy: string[]): ProxyConfig => ({ https: 'http://p:1', http: 'http://q:2', noProxy, source: 'test' })
  const via = (url: string, noProxy: string[] = []) => proxyFor(new URL(url), config(noProxy))

  test.each([
    ['https://123456789012.dkr.ecr.us-east-1.amazonaws.com/v2/', [], 'http://p:1'],
    ['http://aws.stack.test:4566/', [], 'http://q:2'],
    ['https://localhost/v2/', [], ''],
    ['http://127.0.0.1:4566/', [], ''],
    ['http://127.1.2.3/', [], ''],
    ['https://[::1]:443/', [], ''],
    ['https://a.example.com/', ['example.com'], ''],
    ['https://example.com/', ['example.com'], ''],
    ['https://notexample.com/', ['example.com'], 'http://p:1'],
    ['https://example.com/', ['.example.com'], 'http://p:1'],
    ['https://a.example.com/', ['.example.com'], ''],
    ['https://a.example.com/', ['*.example.com'], ''],
    ['https://example.com/', ['*.example.com'], 'http://p:1'],
    ['http://aws.stack.test:4566/', ['aws.stack.test:4566'], ''],
    ['http://aws.stack.test:4567/', ['aws.stack.test:4566'], 'http://q:2'],
    ['https://public.ecr.aws/token', ['public.ecr.aws:443'], ''],
    ['https://10.1.2.3/', ['10.0.0.0/8'], ''],
    ['https://11.1.2.3/', ['10.0.0.0/8'], 'http://p:1'],
    ['https://192.168.1.5/', ['192.168.1.5'], ''],
    ['https://[2001:db8::1]/', ['2001:db8::/32'], ''],
    ['https://anything.example/', ['*'], ''],
    ['ftp://x.example/', [], '']
  ])('%s with NO_PROXY %j → %j', (url, noProxy, expected) => {
    expect(via(url, noProxy)).toBe(expected)
  })

  test('a scheme without a proxy goes directly', () => {
    expect(proxyFor(new URL('https://x.example/'), { https: '', http: 'http://q:2', noProxy: [], source: '' })).toBe('')
  })
})
