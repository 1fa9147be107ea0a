/**
 * The `network` section: which proxy the action's own requests go through. The inputs
 * `http-proxy` (one proxy for http and https) and `no-proxy` win over the job's
 * HTTPS_PROXY, HTTP_PROXY and NO_PROXY (the lower-case spelling first, as curl reads them).
 */
import { Input } from '../constants.js'
import { ActionError, InputError } from '../errors.js'
import { getInput } from './input.js'
import type { Env, ProxyConfig } from './types.js'

/** A proxy URL as it can be shown: the password, if any, replaced by ***. */
export function redactProxy(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:@/]*):[^/]*@/i, '$1:***@')
}

/** A proxy URL the agents can use: http(s), with a host; undefined when it is none. */
function proxyUrl(value: string): URL | undefined {
  try {
    const url = new URL(value)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' ? url : undefined
  } catch {
    return undefined
  }
}

/** The first of these variables that is set, with its name. */
function fromEnv(env: Env, names: string[]): { name: string; value: string } | undefined {
  for (const name of names) {
    const value = (env[name] ?? '').trim()
    if (value !== '') return { name, value }
  }
  return undefined
}

/** A proxy variable of the job: like curl, `host:port` without a scheme means http://. */
function envProxy(env: Env, names: string[]): string {
  const found = fromEnv(env, names)
  if (found === undefined) return ''
  const value = /^[a-z][a-z0-9+.-]*:\/\//i.test(found.value) ? found.value : `http://${found.value}`
  if (proxyUrl(value) === undefined) {
    throw new ActionError(`${found.name} in the job's environment is not a proxy URL ('${redactProxy(found.value)}'): use http://host:port, or unset it.`)
  }
  return value
}

/** NO_PROXY entries: host names, domains (.example.com), IP addresses or ranges, each with an optional :port; `*` for all. */
export function parseNoProxy(value: string): string[] {
  return value
    .split(/[,\s]+/)
    .map(s => s.trim().toLowerCase())
    .filter(s => s !== '')
}

export function readNetwork(env: Env): { proxy: ProxyConfig } {
  const input = getInput(env, Input.HttpProxy)
  if (input !== '' && proxyUrl(input) === undefined) {
    throw new InputError(Input.HttpProxy, `'${redactProxy(input)}' is not a proxy URL: use http://host:port, or http://user:password@host:port.`)
  }
  const noProxyInput = getInput(env, Input.NoProxy)
  const noProxy = parseNoProxy(noProxyInput !== '' ? noProxyInput : (fromEnv(env, ['no_proxy', 'NO_PROXY'])?.value ?? ''))
  if (input !== '') return { proxy: { https: input, http: input, noProxy, source: Input.HttpProxy } }
  const https = envProxy(env, ['https_proxy', 'HTTPS_PROXY'])
  const http = envProxy(env, ['http_proxy', 'HTTP_PROXY'])
  return { proxy: { https, http, noProxy, source: 'the environment' } }
}
