/**
 * HTTP for the registry API, on node:http and node:https — the modules the AWS SDK loads
 * anyway. The global fetch would do, but its first call loads a second HTTP stack: about
 * 80 ms before the version lookup on a 2-core runner (docs/benchmarks.md). This keeps what
 * the registry client needs of fetch: redirects followed, with the Authorization header
 * dropped once one leaves the origin (ECR sends blob reads to a signed S3 URL, which must
 * not get it), bodies as text, bytes or a stream, and connections kept alive per client.
 * Errors name the method and URL, never a header.
 */
import http from 'node:http'
import https from 'node:https'
import type { Readable } from 'node:stream'

export interface HttpInit {
  method?: string
  headers?: Record<string, string>
  body?: string | Uint8Array | Readable
}

/** The part of fetch's Response the registry client reads; the body is read once, whole. */
export interface HttpResponse {
  readonly status: number
  readonly ok: boolean
  readonly headers: { get(name: string): string | null }
  text(): Promise<string>
  json(): Promise<unknown>
  arrayBuffer(): Promise<ArrayBuffer>
}

export type HttpTransport = (url: URL, init?: HttpInit) => Promise<HttpResponse>

/** fetch's limit */
const MAX_REDIRECTS = 20
/** A registry that says nothing for this long has gone away (fetch would wait 5 minutes). */
const IDLE_TIMEOUT_MS = 60_000

/** A transport with its own keep-alive connections (one per client: nothing shared across runs in tests). */
export function createTransport(idleTimeoutMs = IDLE_TIMEOUT_MS): HttpTransport {
  const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) }
  return async (url, init = {}) => {
    let method = (init.method ?? 'GET').toUpperCase()
    let body = init.body
    const headers = { ...init.headers }
    const origin = url.origin
    for (let hops = 0; ; hops++) {
      const res = await send(agents, url, method, headers, body, idleTimeoutMs)
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

function send(
  agents: Record<'http:' | 'https:', http.Agent>,
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: HttpInit['body'],
  idleTimeoutMs: number
): Promise<HttpResponse> {
  const where = `${method} ${url.origin}${url.pathname}`
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return Promise.reject(new Error(`${where}: not an http(s) URL`))
  const lib = url.protocol === 'https:' ? https : http
  const fixed = typeof body === 'string' ? Buffer.from(body) : body instanceof Uint8Array ? body : undefined
  return new Promise((resolve, reject) => {
    const req = lib.request(
      url,
      { method, agent: agents[url.protocol as 'http:' | 'https:'], headers: fixed ? { ...headers, 'content-length': String(fixed.length) } : headers },
      res => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('error', error => reject(failed(where, error)))
        res.on('end', () => resolve(response(res.statusCode ?? 0, res.headers, Buffer.concat(chunks))))
      }
    )
    req.setTimeout(idleTimeoutMs, () => req.destroy(Object.assign(new Error(`no answer in ${idleTimeoutMs / 1000}s`), { code: 'ETIMEDOUT' })))
    req.on('error', error => reject(failed(where, error)))
    if (fixed) req.end(fixed)
    else if (body !== undefined && typeof body !== 'string' && !(body instanceof Uint8Array)) {
      body.on('error', (error: Error) => req.destroy(error))
      body.pipe(req)
    } else req.end()
  })
}

/** A transport error naming the request, never a header; its code (ECONNRESET, ETIMEDOUT …) kept for the retry's decision. */
function failed(where: string, error: NodeJS.ErrnoException): Error {
  return Object.assign(new Error(`${where}: ${error.message}`), error.code !== undefined ? { code: error.code } : {})
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
