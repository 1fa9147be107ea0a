/**
 * Agents that send each request through the proxy `proxyFor` names, or directly: one agent
 * (agent-base's) that hands every request to a tunnelling agent (https-proxy-agent: CONNECT,
 * then TLS to the host), an absolute-URI one for http:// (http-proxy-agent), or a direct
 * keep-alive agent. Loaded only when a proxy is configured.
 */
import type http from 'node:http'
import net from 'node:net'
import { Agent, type AgentConnectOpts } from 'agent-base'
import { HttpProxyAgent } from 'http-proxy-agent'
import { HttpsProxyAgent } from 'https-proxy-agent'
import type { ProxyConfig } from '../settings/types.js'
import { proxyFor, type Agents } from './proxy.js'

class ProxyRouter extends Agent {
  private readonly viaProxy = new Map<string, http.Agent>()

  constructor(
    scheme: 'http:' | 'https:',
    private readonly config: ProxyConfig,
    private readonly direct: Agents
  ) {
    // https:// keeps its connections (each a tunnel to one host, reused as it is); http://
    // doesn't: a kept connection would be reused here without http-proxy-agent, whose
    // absolute-URI request line the proxy needs on every request.
    super({ keepAlive: scheme === 'https:' })
    // What node's http/https modules check a request's agent against.
    this.protocol = scheme
  }

  override connect(_req: http.ClientRequest, opts: AgentConnectOpts): http.Agent {
    const scheme = opts.secureEndpoint ? 'https:' : 'http:'
    const host = net.isIPv6(opts.host ?? '') ? `[${opts.host}]` : (opts.host ?? '')
    const proxy = proxyFor(new URL(`${scheme}//${host}:${opts.port}`), this.config)
    if (proxy === '') return this.direct[scheme]
    const key = `${scheme} ${proxy}`
    let agent = this.viaProxy.get(key)
    if (agent === undefined) {
      agent = opts.secureEndpoint ? new HttpsProxyAgent(proxy, { keepAlive: true }) : new HttpProxyAgent(proxy, { keepAlive: true })
      this.viaProxy.set(key, agent)
    }
    return agent
  }

  override destroy(): void {
    for (const agent of this.viaProxy.values()) agent.destroy()
    super.destroy()
  }
}

/** Agents for http:// and https:// that follow `config`, going directly through `direct`. */
export function proxyAgents(config: ProxyConfig, direct: Agents): Agents {
  return { 'http:': new ProxyRouter('http:', config, direct), 'https:': new ProxyRouter('https:', config, direct) }
}
