/**
 * The action's own outbound HTTP — the OIDC token request, the AWS SDK's clients, the
 * registry API — with bounded waits and the job's proxy. main sets it up once from the
 * settings (`configureNetwork`); every client made after that takes its agents and
 * timeouts from here. docker and buildx are not among these: the daemon has its own proxy
 * settings.
 */
import http from 'node:http'
import https from 'node:https'
import type { ProxyConfig } from '../settings/types.js'
import { proxySecrets, redactProxy } from '../settings/network.js'
import { hasProxy, type Agents } from './proxy.js'

export type { Agents }

/** How long the action waits, in milliseconds, before a request counts as failed (and is tried again where that helps). */
export interface Timeouts {
  /** to open a connection (through the proxy, when there is one) */
  connect: number
  /** an AWS API call, from sending it to its answer's headers: they come in well under a second */
  awsResponse: number
  /** a registry or OIDC request, from the request sent (body included) to its answer's headers */
  response: number
  /** a connection that carries nothing while a body streams */
  idle: number
}

export const DEFAULT_TIMEOUTS: Timeouts = { connect: 10_000, awsResponse: 20_000, response: 30_000, idle: 60_000 }

const DIRECT: ProxyConfig = { https: '', http: '', noProxy: [], source: '' }

let proxy: ProxyConfig = DIRECT
let timeouts: Timeouts = DEFAULT_TIMEOUTS
let route: ((config: ProxyConfig, direct: Agents) => Agents) | undefined
/** The agents every SDK client shares when a proxy is configured (without one, each client keeps the SDK's own). */
let sdkAgents: Agents | undefined

/**
 * Sets the proxy and the timeouts for every client made from now on. A proxy's credentials
 * are masked (the whole URL, and the password or a token given as the user name) before
 * anything can print them, and the log says which proxy is used, without its credentials.
 */
export async function configureNetwork(
  config: ProxyConfig,
  options: { timeouts?: Timeouts; setSecret?: (value: string) => void; log?: (line: string) => void } = {}
): Promise<void> {
  for (const url of new Set([config.https, config.http])) maskProxyCredentials(url, options.setSecret)
  proxy = config
  timeouts = options.timeouts ?? DEFAULT_TIMEOUTS
  sdkAgents = undefined
  route = hasProxy(config) ? (await import('./proxy-agent.js')).proxyAgents : undefined
  if (route === undefined) return
  const via =
    config.https === config.http
      ? redactProxy(config.https)
      : [config.https !== '' ? `${redactProxy(config.https)} for https` : '', config.http !== '' ? `${redactProxy(config.http)} for http` : ''].filter(Boolean).join(', ')
  options.log?.(
    `The action's own requests (OIDC, AWS, the registry API) go through the proxy ${via}, from ${config.source}` +
      (config.noProxy.length > 0 ? `; directly to ${config.noProxy.join(', ')}` : '') +
      '; docker pushes through the daemon\'s own proxy settings.'
  )
}

function maskProxyCredentials(url: string, setSecret?: (value: string) => void): void {
  if (setSecret === undefined) return
  for (const part of proxySecrets(url)) setSecret(part)
}

export function currentTimeouts(): Timeouts {
  return timeouts
}

/** Keep-alive agents for one client, through the proxy when one is configured. */
export function createAgents(): Agents {
  const direct: Agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) }
  return route ? route(proxy, direct) : direct
}

/**
 * The AWS SDK's request handler options: a connect timeout, a response timeout that throws
 * (the SDK's TimeoutError, which its retry strategy retries like any transient fault), an
 * idle timeout for a body that stalls, and the proxy's agents when there is one.
 */
export function sdkRequestHandler(): {
  connectionTimeout: number
  requestTimeout: number
  throwOnRequestTimeout: boolean
  socketTimeout: number
  httpAgent?: http.Agent
  httpsAgent?: http.Agent
} {
  const handler = { connectionTimeout: timeouts.connect, requestTimeout: timeouts.awsResponse, throwOnRequestTimeout: true, socketTimeout: timeouts.awsResponse }
  if (route === undefined) return handler
  sdkAgents ??= createAgents()
  return { ...handler, httpAgent: sdkAgents['http:'], httpsAgent: sdkAgents['https:'] }
}
