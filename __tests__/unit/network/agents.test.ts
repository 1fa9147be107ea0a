/** networkSettings: the proxy settings as a value the clients are given, with the agents they get; a proxy's credentials masked. */
import http from 'node:http'
import https from 'node:https'
import { networkSettings } from '../../../src/network/agents.js'
import type { ProxyConfig } from '../../../src/settings/types.js'

const DIRECT: ProxyConfig = { https: '', http: '', noProxy: [], source: '' }

describe('networkSettings', () => {
  test("masks a proxy's URL and password before anything could print them, and logs it with the password hidden", async () => {
    const masked: string[] = []
    const lines: string[] = []
    await networkSettings(
      { https: 'http://alice:s3cr%40t@proxy.corp:3128', http: 'http://alice:s3cr%40t@proxy.corp:3128', noProxy: ['.internal'], source: 'http-proxy' },
      { setSecret: v => masked.push(v), log: l => lines.push(l) }
    )
    expect(masked).toEqual(['http://alice:s3cr%40t@proxy.corp:3128', 's3cr%40t', 's3cr@t'])
    expect(lines).toEqual([
      "The action's own requests (OIDC, AWS, the registry API) go through the proxy http://***@proxy.corp:3128, from http-proxy; directly to .internal; docker pushes through the daemon's own proxy settings."
    ])
  })

  test('a token given as the user name is masked and not logged; two proxies are logged each without credentials', async () => {
    const masked: string[] = []
    const lines: string[] = []
    await networkSettings(
      { https: 'http://ghp_0123456789abcdef@proxy.corp:3128', http: 'user:pass@plain.corp:8080', noProxy: [], source: 'the environment' },
      { setSecret: v => masked.push(v), log: l => lines.push(l) }
    )
    expect(masked).toEqual(['http://ghp_0123456789abcdef@proxy.corp:3128', 'ghp_0123456789abcdef', 'user:pass@plain.corp:8080', 'pass'])
    expect(lines[0]).toContain('the proxy http://***@proxy.corp:3128 for https, ***@plain.corp:8080 for http, from the environment')
  })

  test('no proxy: nothing masked, nothing logged, plain keep-alive agents', async () => {
    const masked: string[] = []
    const lines: string[] = []
    const network = await networkSettings(DIRECT, { setSecret: v => masked.push(v), log: l => lines.push(l) })
    expect([masked, lines]).toEqual([[], []])
    const agents = network.agents()
    expect(agents['https:']).toBeInstanceOf(https.Agent)
    expect((agents['http:'] as http.Agent & { keepAlive: boolean }).keepAlive).toBe(true)
  })
})
