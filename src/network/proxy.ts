/**
 * Which proxy a request goes through, if any: the rules Go's net/http applies to
 * HTTPS_PROXY, HTTP_PROXY and NO_PROXY — what docker and buildx on the same runner follow —
 * so one NO_PROXY means the same to the action and to docker:
 *
 * - `localhost` and loopback addresses are never proxied;
 * - `*` in NO_PROXY: nothing is proxied;
 * - `example.com` is that host and its subdomains; `.example.com` and `*.example.com` only
 *   the subdomains;
 * - an IP address is itself, a CIDR range (`10.0.0.0/8`) every address in it;
 * - `:port` after any of them narrows it to that port.
 */
import type http from 'node:http'
import net from 'node:net'
import type { ProxyConfig } from '../settings/types.js'

/** One agent per scheme, as node's http and https modules take them. */
export interface Agents {
  'http:': http.Agent
  'https:': http.Agent
}

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' }

/** A URL's host without IPv6 brackets, lower case. */
function bareHost(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '').toLowerCase()
}

function isLoopback(host: string): boolean {
  if (host === 'localhost') return true
  const family = net.isIP(host)
  if (family === 4) return host.startsWith('127.')
  if (family === 6) {
    const loopback = new net.BlockList()
    loopback.addAddress('::1', 'ipv6')
    loopback.addSubnet('::ffff:127.0.0.0', 104, 'ipv6')
    return loopback.check(host, 'ipv6')
  }
  return false
}

/** Splits `host:port`, `[v6]:port` or a bare host; a bare IPv6 address has no port. */
function splitEntry(entry: string): { host: string; port: string } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry)
  if (bracketed) return { host: bracketed[1] ?? '', port: bracketed[2] ?? '' }
  if (net.isIP(entry) === 6) return { host: entry, port: '' }
  const m = /^(.*):(\d+)$/.exec(entry)
  return m ? { host: m[1] ?? '', port: m[2] ?? '' } : { host: entry, port: '' }
}

/** Whether one NO_PROXY entry covers this host and port. */
function covers(entry: string, host: string, port: string): boolean {
  if (entry.includes('/')) {
    const [address = '', bits = ''] = entry.split('/')
    const family = net.isIP(address)
    const hostFamily = net.isIP(host)
    if (family === 0 || hostFamily !== family || !/^\d+$/.test(bits)) return false
    const range = new net.BlockList()
    range.addSubnet(address, Number(bits), family === 4 ? 'ipv4' : 'ipv6')
    return range.check(host, family === 4 ? 'ipv4' : 'ipv6')
  }
  const { host: name, port: only } = splitEntry(entry)
  if (name === '' || (only !== '' && only !== port)) return false
  if (net.isIP(name) !== 0) return name === host
  const domain = name.startsWith('*.') ? name.slice(1) : name
  if (domain.startsWith('.')) return host.endsWith(domain)
  return host === domain || host.endsWith(`.${domain}`)
}

/** The proxy URL for a request to `url`; '' to go directly. */
export function proxyFor(url: URL, config: ProxyConfig): string {
  const proxy = url.protocol === 'https:' ? config.https : url.protocol === 'http:' ? config.http : ''
  if (proxy === '') return ''
  const host = bareHost(url)
  if (isLoopback(host)) return ''
  const port = url.port || DEFAULT_PORTS[url.protocol] || ''
  if (config.noProxy.includes('*')) return ''
  return config.noProxy.some(entry => covers(entry, host, port)) ? '' : proxy
}

/** Whether any request could go through a proxy. */
export function hasProxy(config: ProxyConfig): boolean {
  return (config.https !== '' || config.http !== '') && !config.noProxy.includes('*')
}
