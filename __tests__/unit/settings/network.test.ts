/**
 * readNetwork: the http-proxy and no-proxy inputs win over the environment; credentials in a
 * proxy URL masked and never shown.
 */
import { ActionError } from '../../../src/errors.js'
import { proxySecrets, readNetwork, redactProxy, UNSHOWN_PROXY } from '../../../src/settings/network.js'
import { inputErrorOf } from '../../fixtures/input-error.js'

describe('readNetwork: the http-proxy and no-proxy inputs win over the environment', () => {
  test('the environment: https_proxy for https, http_proxy for http, the lower-case spelling first; a proxy without a scheme is http', () => {
    expect(readNetwork({ HTTPS_PROXY: 'http://upper:3128', https_proxy: 'http://lower:3128', HTTP_PROXY: 'proxy.corp:8080', NO_PROXY: '.internal, 10.0.0.0/8 ,localhost' }).proxy).toEqual({
      https: 'http://lower:3128',
      http: 'http://proxy.corp:8080',
      noProxy: ['.internal', '10.0.0.0/8', 'localhost'],
      source: 'the environment'
    })
    expect(readNetwork({}).proxy).toEqual({ https: '', http: '', noProxy: [], source: 'the environment' })
  })

  test('the inputs: one proxy for both schemes, and their own no-proxy list', () => {
    const env = { HTTPS_PROXY: 'http://env:1', NO_PROXY: 'env.example', 'INPUT_HTTP-PROXY': 'http://alice:s3cret@proxy.corp:3128', 'INPUT_NO-PROXY': 'a.example\n.b.example' }
    expect(readNetwork(env).proxy).toEqual({
      https: 'http://alice:s3cret@proxy.corp:3128',
      http: 'http://alice:s3cret@proxy.corp:3128',
      noProxy: ['a.example', '.b.example'],
      source: 'http-proxy'
    })
    // no-proxy alone overrides NO_PROXY for the environment's proxy
    expect(readNetwork({ HTTPS_PROXY: 'http://env:1', NO_PROXY: 'env.example', 'INPUT_NO-PROXY': '*' }).proxy.noProxy).toEqual(['*'])
  })

  test('a bad http-proxy is one line naming the input, never its credentials, whatever their form', () => {
    const bads = [
      'socks5://alice:s3cret@proxy:1080',
      'proxy.corp:3128',
      'http://',
      'ftp://proxy',
      'user:s3cret@proxy:3128',
      'http://user:s3/cret@proxy:3128',
      'socks5://ghp_s3cret@proxy:1080',
      'http://alice:s3cret@[bad'
    ]
    for (const bad of bads) {
      const error = inputErrorOf(() => readNetwork({ 'INPUT_HTTP-PROXY': bad }))
      expect(error.message).toMatch(/^Input 'http-proxy': ('.*'|<a value not shaped like a URL, not shown>) is not a proxy URL: use http:\/\/host:port, or http:\/\/user:password@host:port\.$/)
      expect(error.message).not.toMatch(/s3cret|s3\/cret/)
    }
  })

  test('a proxy variable that is no URL fails the run naming it, password hidden', () => {
    expect(() => readNetwork({ HTTPS_PROXY: 'http://alice:s3cret@[bad' })).toThrow(ActionError)
    expect(() => readNetwork({ HTTPS_PROXY: 'http://alice:s3cret@[bad' })).toThrow(
      "HTTPS_PROXY in the job's environment is not a proxy URL (<a value not shaped like a URL, not shown>): use http://host:port, or unset it."
    )
    expect(() => readNetwork({ HTTPS_PROXY: 'http://alice:pa/ss@proxy:3128' })).toThrow("HTTPS_PROXY in the job's environment is not a proxy URL ('http://***@proxy:3128')")
  })

  test.each([
    ['http://alice:p@ss@proxy:3128', 'http://***@proxy:3128'],
    // a password with `/`, which URL parsing takes for the end of the host
    ['http://user:pa/ss@host:3128', 'http://***@host:3128'],
    // no scheme, as HTTPS_PROXY may be written
    ['user:pass@proxy:3128', '***@proxy:3128'],
    // a token as the user name
    ['http://ghp_0123456789abcdef@proxy:3128', 'http://***@proxy:3128'],
    ['https://x-access-token:ghp_abc@proxy.corp', 'https://***@proxy.corp'],
    // percent-encoded credentials
    ['http://al%40ice:s3cr%2Ft%40@proxy:3128/', 'http://***@proxy:3128/'],
    ['socks5://alice:s3cret@[::1]:1080', 'socks5://***@[::1]:1080'],
    ['http://proxy:3128', 'http://proxy:3128'],
    ['proxy.corp:3128', 'proxy.corp:3128'],
    // what can't be parsed shows nothing of itself
    ['http://alice:s3cret@[bad', UNSHOWN_PROXY],
    ['http://alice:s3 cret@proxy:3128 trailing', UNSHOWN_PROXY],
    ['http://proxy:3128/path?token=s3cret', UNSHOWN_PROXY],
    ['s3cret-without-a-host@', UNSHOWN_PROXY],
    ['http://', UNSHOWN_PROXY]
  ])('redactProxy(%j) → %j', (value, shown) => {
    expect(redactProxy(value)).toBe(shown)
  })

  test('proxySecrets: the URL, and the password or a lone user name (a token), as written and decoded', () => {
    expect(proxySecrets('http://alice:s3cr%40t@proxy:3128')).toEqual(['http://alice:s3cr%40t@proxy:3128', 's3cr%40t', 's3cr@t'])
    expect(proxySecrets('http://user:pa/ss@host:3128')).toEqual(['http://user:pa/ss@host:3128', 'pa/ss'])
    expect(proxySecrets('user:pass@proxy:3128')).toEqual(['user:pass@proxy:3128', 'pass'])
    expect(proxySecrets('http://ghp_0123456789abcdef@proxy:3128')).toEqual(['http://ghp_0123456789abcdef@proxy:3128', 'ghp_0123456789abcdef'])
    expect(proxySecrets('http://a:100%@proxy:3128')).toEqual(['http://a:100%@proxy:3128', '100%'])
    expect(proxySecrets('http://proxy:3128')).toEqual([])
  })
})
