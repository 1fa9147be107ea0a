/**
 * HTTP for the registry API and the OIDC token request, on node:http and node:https — the
 * modules the AWS SDK loads anyway. The global fetch would do, but its first call loads a
 * second HTTP stack: about 80 ms before the version lookup on a 2-core runner
 * (docs/benchmarks.md). This keeps what
 * the registry client needs of fetch: redirects followed, with the Authorization header
 * dropped once one leaves the origin (ECR sends blob reads to a signed S3 URL, which must
 * not get it), bodies as text, bytes or a stream, and connections kept alive per client.
 * Every request is bounded: a connection that doesn't open, an answer that doesn't come
 * and a connection gone silent fail it with ETIMEDOUT (which the retries try again), and
 * connections go through the job's proxy (the run's `NetworkSettings`, network/agents.ts). Errors name the method and
 * URL, never a header; a certificate the runner refuses is explained (network/certificates.ts).
 */
import http from 'node:http'
import https from 'node:https'
import type { Readable } from 'node:stream'
import { DIRECT_NETWORK, type Agents, type NetworkSettings, type Timeouts } from './agents.js'
import { explainCertificateError } from './certificates.js'

export interface HttpInit {
  method?: string
  headers?: Record<string, string>
  body?: string | Uint8Array | Readable
  /** a 2xx answer's body as a stream (`HttpResponse.stream`), read once by the caller: a blob copied, never held whole */
  streamBody?: boolean
}

/** The part of fetch's Response the registry client reads; the body is read once, whole. */
export interface HttpResponse {
  readonly status: number
  readonly ok: boolean
  readonly headers: { get(name: string): string | null }
  text(): Promise<string>
  json(): Promise<unknown>
  arrayBuffer(): Promise<ArrayBuffer>
  /** with `streamBody`, a 2xx answer's body, still bounded by the idle timeout */
  readonly stream?: Readable
}

export type HttpTransport = (url: URL, init?: HttpInit) => Promise<HttpResponse>

/** fetch's limit */
const MAX_REDIRECTS = 20

type Bounds = Pick<Timeouts, 'connect' | 'response' | 'idle'>

/**
 * A transport with its own keep-alive connections (one per client: nothing shared across
 * runs in tests), through the proxy of the `network` it is handed, bounded by its timeouts
 * unless given. Without a `network`: directly, with the default timeouts.
 */
export function createTransport(options: { network?: NetworkSettings; agents?: Agents; timeouts?: Partial<Bounds> } = {}): HttpTransport {
  const network = options.network ?? DIRECT_NETWORK
  const agents = options.agents ?? network.agents()
  const bounds: Bounds = { ...network.timeouts, ...options.timeouts }
  return async (url, init = {}) => {
    let method = (init.method ?? 'GET').toUpperCase()
    let body = init.body
    const headers = { ...init.headers }
    const origin = url.origin
    for (let hops = 0; ; hops++) {
      const res = await send(agents, url, method, headers, body, bounds, init.streamBody === true)
      const location = res.headers.get('location')
      if (![301, 302, 303, 307, 308].includes(res.status) || location === null || hops >= MAX_REDIRECTS) return res
      // A streamed body can't be sent twice: the caller gets the redirect itself.
      if ((res.status === 307 || res.status === 308) && body !== undefined && typeof body !== 'string' && !(body instanceof Uint8Array)) return res
      if (res.status === 303 ? method !== 'HEAD' : (res.status === 301 || res.status === 302) && method === 'POST') {
        method = 'GET'
        body = undefined
        for (const name of Object.keys(headers)) if (/^content-/i.test(name)) delete headers[name]
      }
      url = new URL(location, url)
      if (url.origin !== origin) for (const name of Object.keys(headers)) if (/^authorization$/i.test(name)) delete headers[name]
    }
  }
}

function send(agents: Agents, url: URL, method: string, headers: Record<string, string>, body: HttpInit['body'], bounds: Bounds, streamBody = false): Promise<HttpResponse> {
  const where = `${method} ${url.origin}${url.pathname}`
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return Promise.reject(new Error(`${where}: not an http(s) URL`))
  const lib = url.protocol === 'https:' ? https : http
  const fixed = typeof body === 'string' ? Buffer.from(body) : body instanceof Uint8Array ? body : undefined
  const stream = body !== undefined && typeof body !== 'string' && !(body instanceof Uint8Array) ? body : undefined
  return new Promise((resolve, reject) => {
    const timers: NodeJS.Timeout[] = []
    const req = lib.request(url, { method, agent: agents[url.protocol as 'http:' | 'https:'], headers: fixed ? { ...headers, 'content-length': String(fixed.length) } : headers }, res => {
      for (const timer of timers) clearTimeout(timer)
      const status = res.statusCode ?? 0
      if (streamBody && status >= 200 && status < 300) return resolve(streamed(status, res))
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('error', error => reject(failed(url, where, error)))
      res.on('end', () => resolve(response(res.statusCode ?? 0, res.headers, Buffer.concat(chunks))))
    })
    // Rejected at once: a request still waiting for its socket (a proxy that never answers CONNECT) reports no error of its own.
    const timeout = (ms: number, what: string) => () => {
      const error = Object.assign(new Error(`${what} in ${ms / 1000}s`), { code: 'ETIMEDOUT' })
      reject(failed(url, where, error))
      req.destroy(error)
    }
    const expectAnswer = () => timers.push(setTimeout(timeout(bounds.response, 'no answer'), bounds.response))
    const connecting = setTimeout(timeout(bounds.connect, 'no connection'), bounds.connect)
    timers.push(connecting)
    req.once('socket', socket => (socket.connecting ? socket.once('connect', () => clearTimeout(connecting)) : clearTimeout(connecting)))
    // A small request is answered within the bound from the start; a streamed upload, from its last byte.
    if (stream) req.once('finish', expectAnswer)
    else expectAnswer()
    req.setTimeout(bounds.idle, timeout(bounds.idle, 'nothing received'))
    req.once('close', () => timers.forEach(clearTimeout))
    req.on('error', error => reject(failed(url, where, error)))
    if (fixed) req.end(fixed)
    else if (stream) {
      stream.on('error', (error: Error) => req.destroy(error))
      stream.pipe(req)
    } else req.end()
  })
}

/**
 * A transport error naming the request, never a header; its code (ECONNRESET, ETIMEDOUT …)
 * kept for the retry's decision. A refused certificate is explained instead.
 */
function failed(url: URL, where: string, error: NodeJS.ErrnoException): Error {
  return explainCertificateError(url.host, error) ?? Object.assign(new Error(`${where}: ${error.message}`), error.code !== undefined ? { code: error.code } : {})
}

/** An answer whose body the caller streams; reading it whole instead still works. */
function streamed(status: number, res: http.IncomingMessage): HttpResponse {
  const whole = async (): Promise<Buffer> => {
    const chunks: Buffer[] = []
    for await (const chunk of res) chunks.push(chunk as Buffer)
    return Buffer.concat(chunks)
  }
  return {
    ...response(status, res.headers, Buffer.alloc(0)),
    text: async () => (await whole()).toString('utf8'),
    json: async () => JSON.parse((await whole()).toString('utf8')) as unknown,
    arrayBuffer: async () => new Uint8Array(await whole()).buffer,
    stream: res
  }
}

function response(status: number, headers: http.IncomingHttpHeaders, body: Buffer): HttpResponse {
  return {
    status,
    ok: status >= 200 && status < 300,
    headers: {
      get(name) {
        const value = headers[name.toLowerCase()]
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value
      }
    },
    text: async () => body.toString('utf8'),
    json: async () => JSON.parse(body.toString('utf8')) as unknown,
    arrayBuffer: async () => body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer
  }
}
