/** Agents that send each request through the proxy proxyFor names, or directly: per scheme, NO_PROXY honoured, one tunnel agent per proxy. */
import http from 'node:http'
import https from 'node:https'
import { HttpProxyAgent } from 'http-proxy-agent'
import { HttpsProxyAgent } from 'https-proxy-agent'
import { proxyAgents } from '../../../src/network/proxy-agent.js'
import type { ProxyConfig } from '../../../src/settings/types.js'

const config: ProxyConfig = { https: 'http://proxy.corp:3128', http: 'http://plain.corp:8080', noProxy: ['.internal', '10.0.0.1'], source: 'inputs' }
const direct = { 'http:': new http.Agent(), 'https:': new https.Agent() }

/** The agent a request to `host:port` is handed to, as node's http module asks the router. */
const routed = (agents: ReturnType<typeof proxyAgents>, scheme: 'http:' | 'https:', host: string, port: number): http.Agent =>
  (agents[scheme] as unknown as { connect(req: unknown, opts: object): http.Agent }).connect({}, { secureEndpoint: scheme === 'https:', host, port })

afterAll(() => {
  direct['http:'].destroy()
  direct['https:'].destroy()
})

test('https:// through a CONNECT tunnel to the https proxy; http:// as an absolute URI to the http proxy', () => {
  const agents = proxyAgents(config, direct)
  const tunnel = routed(agents, 'https:', 'api.ecr.us-east-1.amazonaws.com', 443)
  expect(tunnel).toBeInstanceOf(HttpsProxyAgent)
  expect(String((tunnel as HttpsProxyAgent<string>).proxy)).toBe('http://proxy.corp:3128/')
  const plain = routed(agents, 'http:', 'example.com', 80)
  expect(plain).toBeInstanceOf(HttpProxyAgent)
  expect(String((plain as HttpProxyAgent<string>).proxy)).toBe('http://plain.corp:8080/')
  agents['http:'].destroy()
  agents['https:'].destroy()
})

test('a host NO_PROXY names goes directly, through the keep-alive agent it was given', () => {
  const agents = proxyAgents(config, direct)
  expect(routed(agents, 'https:', 'registry.internal', 443)).toBe(direct['https:'])
  expect(routed(agents, 'http:', '10.0.0.1', 80)).toBe(direct['http:'])
  agents['https:'].destroy()
})

test('one tunnelling agent per proxy, reused for every host behind it', () => {
  const agents = proxyAgents(config, direct)
  expect(routed(agents, 'https:', 'a.example', 443)).toBe(routed(agents, 'https:', 'b.example', 443))
  agents['https:'].destroy()
})

test('an IPv6 host is asked about as a URL takes it, in brackets', () => {
  const agents = proxyAgents({ ...config, noProxy: ['[::1]'] }, direct)
  expect(routed(agents, 'https:', '::1', 443)).toBe(direct['https:'])
  agents['https:'].destroy()
})
