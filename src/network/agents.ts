/**
 * The action's own outbound HTTP — the OIDC token request, the AWS SDK's clients, the
 * registry API — with bounded waits and the job's proxy: a `NetworkSettings` value, made
 * once at the run's start from the settings (`networkSettings`) and handed to the clients
 * that use it (the AWS clients through the session, the registry client and the OIDC
 * request through their transport). docker and buildx are not among these: the daemon has
 * its own proxy settings.
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

/** The AWS SDK's request handler options (`NetworkSettings.sdkRequestHandler`). */
export interface SdkRequestHandler {
  connectionTimeout: number
  requestTimeout: number
  throwOnRequestTimeout: boolean
  socketTimeout: number
  httpAgent?: http.Agent
  httpsAgent?: http.Agent
}

/** The run's network: its proxy and its timeouts, and the agents every client it is handed gets from them. */
export interface NetworkSettings {
  readonly proxy: ProxyConfig
  readonly timeouts: Timeouts
  /** keep-alive agents for one client, through the proxy when there is one */
  agents(): Agents
  /**
   * The AWS SDK's request handler options: a connect timeout, a response timeout that throws
   * (the SDK's TimeoutError, which its retry strategy retries like any transient fault), an
   * idle timeout for a body that stalls, and, with a proxy, its agents (shared by every SDK
   * client of these settings; without one, each client keeps the SDK's own).
   */
  sdkRequestHandler(): SdkRequestHandler
}

const DIRECT: ProxyConfig = { https: '', http: '', noProxy: [], source: '' }

type Route = (config: ProxyConfig, direct: Agents) => Agents

function settingsOf(proxy: ProxyConfig, timeouts: Timeouts, route?: Route): NetworkSettings {
  const agents = (): Agents => {
    const direct: Agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) }
    return route ? route(proxy, direct) : direct
  }
  const sdkAgents = route ? agents() : undefined
  const handler = { connectionTimeout: timeouts.connect, requestTimeout: timeouts.awsResponse, throwOnRequestTimeout: true, socketTimeout: timeouts.awsResponse }
  return {
    proxy,
    timeouts,
    agents,
    sdkRequestHandler: () => (sdkAgents ? { ...handler, httpAgent: sdkAgents['http:'], httpsAgent: sdkAgents['https:'] } : { ...handler })
  }
}

/** No proxy, the default timeouts: what a client made without the run's settings (a test's) gets. */
export const DIRECT_NETWORK: NetworkSettings = settingsOf(DIRECT, DEFAULT_TIMEOUTS)

/**
 * The run's network settings: `config`'s proxy and the timeouts. A proxy's credentials are
 * masked (the whole URL, and the password or a token given as the user name) before
 * anything can print them, and the log says which proxy is used, without its credentials.
 */
export async function networkSettings(config: ProxyConfig, options: { timeouts?: Timeouts; setSecret?: (value: string) => void; log?: (line: string) => void } = {}): Promise<NetworkSettings> {
  for (const url of new Set([config.https, config.http])) maskProxyCredentials(url, options.setSecret)
  const route = hasProxy(config) ? (await import('./proxy-agent.js')).proxyAgents : undefined
  const settings = settingsOf(config, options.timeouts ?? DEFAULT_TIMEOUTS, route)
  if (route === undefined) return settings
  const via =
    config.https === config.http
      ? redactProxy(config.https)
      : [config.https !== '' ? `${redactProxy(config.https)} for https` : '', config.http !== '' ? `${redactProxy(config.http)} for http` : ''].filter(Boolean).join(', ')
  options.log?.(
    `The action's own requests (OIDC, AWS, the registry API) go through the proxy ${via}, from ${config.source}` +
      (config.noProxy.length > 0 ? `; directly to ${config.noProxy.join(', ')}` : '') +
      "; docker pushes through the daemon's own proxy settings."
  )
  return settings
}

function maskProxyCredentials(url: string, setSecret?: (value: string) => void): void {
  if (setSecret === undefined) return
  for (const part of proxySecrets(url)) setSecret(part)
}
