/**
 * The `network` section: which proxy the action's own requests go through. The inputs
 * `http-proxy` (one proxy for http and https) and `no-proxy` win over the job's
 * HTTPS_PROXY, HTTP_PROXY and NO_PROXY (the lower-case spelling first, as curl reads them).
 */
import { Input } from '../constants.js'
import { ActionError, InputError } from '../errors.js'
import { getInput } from './input.js'
import type { Env, ProxyConfig } from './types.js'

/** What a proxy value shows in its place when it is not shaped like a URL: nothing of it. */
export const UNSHOWN_PROXY = '<a value not shaped like a URL, not shown>'

/**
 * A proxy value split where its credentials end: the scheme (if any), what stands before
 * the last `@` (a user and password, or a token given as the user name), and the rest.
 * The last `@`, not URL parsing: a password with `/` or `@` in it is split wrongly by a
 * URL parser, and the whole of it must still count as credentials.
 */
function splitProxy(value: string): { scheme: string; credentials: string | undefined; host: string } {
  const m = /^([a-z][a-z0-9+.-]*:\/\/)?([\s\S]*)$/i.exec(value)
  const scheme = m?.[1] ?? ''
  const rest = m?.[2] ?? value
  const at = rest.lastIndexOf('@')
  return at < 0 ? { scheme, credentials: undefined, host: rest } : { scheme, credentials: rest.slice(0, at), host: rest.slice(at + 1) }
}

/** `host`, `host:port`, `[v6]:port`, with a `/` at most after it. */
const HOST_PORT = /^(?:\[[0-9a-f:.]+\]|[\w.~%-]+)(?::\d{1,5})?\/?$/i

/**
 * A proxy value as it can be shown in the log, the summary or an error: its credentials
 * (user and password, or a token as the user name; encoded or not) replaced by ***, with or
 * without a scheme. A value that is not `[scheme://][credentials@]host[:port]` shows as a
 * placeholder only: where its secret ends can't be told.
 */
export function redactProxy(value: string): string {
  const { scheme, credentials, host } = splitProxy(value.trim())
  if (!HOST_PORT.test(host)) return UNSHOWN_PROXY
  return `${scheme}${credentials === undefined ? '' : '***@'}${host}`
}

/** A proxy value for an error message: redacted and quoted, or the placeholder. */
function quoted(value: string): string {
  const shown = redactProxy(value)
  return shown === UNSHOWN_PROXY ? shown : `'${shown}'`
}

/**
 * The parts of a proxy value to mask in the log: the value itself, and the password — or
 * the user name when it comes alone (a token) — as written and percent-decoded.
 */
export function proxySecrets(value: string): string[] {
  const { credentials } = splitProxy(value)
  if (credentials === undefined || credentials === '') return []
  const colon = credentials.indexOf(':')
  const secret = colon < 0 ? credentials : credentials.slice(colon + 1)
  const parts = [value, secret]
  try {
    parts.push(decodeURIComponent(secret))
  } catch {
    // not percent-encoded: masked as written
  }
  return [...new Set(parts)].filter(part => part !== '')
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
    throw new ActionError(`${found.name} in the job's environment is not a proxy URL (${quoted(found.value)}): use http://host:port, or unset it.`)
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
    throw new InputError(Input.HttpProxy, `${quoted(input)} is not a proxy URL: use http://host:port, or http://user:password@host:port.`)
  }
  const noProxyInput = getInput(env, Input.NoProxy)
  const noProxy = parseNoProxy(noProxyInput !== '' ? noProxyInput : (fromEnv(env, ['no_proxy', 'NO_PROXY'])?.value ?? ''))
  if (input !== '') return { proxy: { https: input, http: input, noProxy, source: Input.HttpProxy } }
  const https = envProxy(env, ['https_proxy', 'HTTPS_PROXY'])
  const http = envProxy(env, ['http_proxy', 'HTTP_PROXY'])
  return { proxy: { https, http, noProxy, source: 'the environment' } }
}
