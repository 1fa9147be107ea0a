// The stack's forward HTTP proxy (127.0.0.1:3128), for tests of the action behind a proxy:
// CONNECT tunnels (https) and absolute-URI requests (http), each one logged: when, method,
// host, port, and the user name of a Proxy-Authorization (never the password). It only
// reaches loopback: a target that doesn't resolve to 127.0.0.0/8 or ::1 is refused (403)
// and logged with `refused`. `requireAuth` makes it ask for credentials (407).
// Runs in the front's process (front.mjs); the control API reads and resets its log.
import dns from 'node:dns/promises'
import http from 'node:http'
import net from 'node:net'

export const PROXY_PORT = 3128
/** An idle tunnel or forwarded request is closed after this long: nothing stays open for ever. */
const IDLE_MS = 10 * 60 * 1000

/** @type {{at: number, method: string, host: string, port: number, user?: string, refused?: number}[]} */
let proxyLog = []
/** @type {{user: string, password: string} | undefined} */
let requiredAuth

export const getProxyLog = () => proxyLog
export function resetProxy() {
  proxyLog = []
  requiredAuth = undefined
}
/** @param {{user?: string, password?: string}} auth  no user: no credentials asked for */
export function requireProxyAuth(auth) {
  requiredAuth = auth.user ? { user: String(auth.user), password: String(auth.password ?? '') } : undefined
}

/** The user name of a basic Proxy-Authorization, and whether it passes. */
function proxyUser(req) {
  const header = String(req.headers['proxy-authorization'] ?? '')
  let user
  let password
  if (/^basic /i.test(header)) {
    const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString()
    const colon = decoded.indexOf(':')
    user = colon < 0 ? decoded : decoded.slice(0, colon)
    password = colon < 0 ? '' : decoded.slice(colon + 1)
  }
  const ok = !requiredAuth || (user === requiredAuth.user && password === requiredAuth.password)
  return { user, ok }
}

async function isLoopback(host) {
  const h = host.replace(/^\[|\]$/g, '')
  try {
    const addresses = net.isIP(h) ? [{ address: h }] : await dns.lookup(h, { all: true })
    return addresses.length > 0 && addresses.every(a => a.address.startsWith('127.') || a.address === '::1' || a.address === '::ffff:127.0.0.1')
  } catch {
    return false
  }
}

/** Logs the request; answers the refusal itself (407, 403) and returns false, or true to carry it. */
async function admit(req, host, port, refuse) {
  const { user, ok } = proxyUser(req)
  const entry = { at: Date.now(), method: req.method ?? '', host, port, ...(user !== undefined ? { user } : {}) }
  proxyLog.push(entry)
  if (!ok) {
    entry.refused = 407
    refuse(407, { 'proxy-authenticate': 'Basic realm="stack-proxy"' }, 'proxy authentication required\n')
    return false
  }
  if (!(await isLoopback(host))) {
    entry.refused = 403
    refuse(403, {}, `the stack's proxy only reaches loopback; ${host} does not resolve there\n`)
    return false
  }
  return true
}

function track(socket) {
  socket.setTimeout(IDLE_MS, () => socket.destroy())
}

export function startForwardProxy(log) {
  const server = http.createServer(async (req, res) => {
    let url
    try {
      url = new URL(req.url ?? '')
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain' })
      return res.end('a proxy request needs an absolute URI\n')
    }
    if (url.protocol !== 'http:') {
      res.writeHead(400, { 'content-type': 'text/plain' })
      return res.end('only http:// URIs; use CONNECT for https\n')
    }
    const host = url.hostname
    const port = Number(url.port || 80)
    const refuse = (status, headers, text) => {
      req.resume()
      res.writeHead(status, { 'content-type': 'text/plain', ...headers })
      res.end(text)
    }
    if (!(await admit(req, host, port, refuse))) return
    const headers = { ...req.headers }
    for (const h of ['proxy-authorization', 'proxy-connection', 'connection', 'keep-alive']) delete headers[h]
    const up = http.request({ host, port, method: req.method, path: url.pathname + url.search, headers, agent: false }, upRes => {
      res.writeHead(upRes.statusCode ?? 502, upRes.headers)
      upRes.pipe(res)
    })
    up.on('socket', track)
    up.on('error', e => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' })
      res.end(`proxy: ${e.message}\n`)
    })
    req.pipe(up)
  })
  server.on('connect', async (req, client, head) => {
    track(client)
    client.on('error', () => client.destroy())
    const m = /^\[?([^\]]+?)\]?:(\d+)$/.exec(req.url ?? '')
    if (!m) {
      client.end('HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n')
      return
    }
    const host = m[1]
    const port = Number(m[2])
    const refuse = (status, headers, text) => {
      const extra = Object.entries(headers)
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('')
      client.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\n${extra}content-type: text/plain\r\ncontent-length: ${Buffer.byteLength(text)}\r\n\r\n${text}`)
    }
    if (!(await admit(req, host, port, refuse))) return
    let connected = false
    const up = net.connect(port, host, () => {
      connected = true
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head?.length) up.write(head)
      up.pipe(client)
      client.pipe(up)
    })
    track(up)
    up.on('error', e => {
      if (!connected && client.writable) client.end(`HTTP/1.1 502 Bad Gateway\r\ncontent-type: text/plain\r\n\r\nproxy: ${e.message}\n`)
      else client.destroy()
    })
    client.on('close', () => up.destroy())
    up.on('close', () => connected && client.end())
  })
  server.listen(PROXY_PORT, '127.0.0.1', () => log(`forward proxy on http://127.0.0.1:${PROXY_PORT}`))
  return server
}
