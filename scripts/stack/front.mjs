// The local stack's Node services, in one process:
// - the ECR-like registry front (TLS, :443): basic auth as ECR's token, refuses pushes to
//   repositories the emulator doesn't have (NAME_UNKNOWN) and overwrites of tags the
//   repository keeps immutable (TAG_INVALID, ECR's wording), and registers each accepted
//   manifest with the emulator (PutImage) so DescribeImages / BatchGetImage see it;
// - the AWS proxy (:4566) the action's AWS_ENDPOINT_URL points at: forwards to moto and
//   records every call, with injectable faults;
// - the runner's OIDC token endpoint (:4580);
// - the control API (:4599) the tests use: calls, faults, issued tokens, expired keys, the
//   forward proxy's log;
// - a forward HTTP proxy (:3128, forward-proxy.mjs) that logs what it carries;
// - ECR Public (ecr-public.mjs): its API behind the AWS proxy, and the public.ecr.aws
//   registry on the same TLS port (token auth, as public.ecr.aws does it).
// Usage: node front.mjs STATE_DIR   (ports and hosts are fixed; see scripts/stack/README.md)
import { randomBytes } from 'node:crypto'
import { appendFileSync, readFileSync } from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import path from 'node:path'
import { getProxyLog, requireProxyAuth, resetProxy, startForwardProxy } from './forward-proxy.mjs'
import { answerReferrers, parseReferrers, referrersApiEnabled, setReferrersApi, subjectOf } from './referrers.mjs'
import { ALIAS, PUBLIC_HOST, PUBLIC_PASSWORD, publicApi, publicRepositoryExists, recordPublicImage, resetPublic } from './ecr-public.mjs'

const STATE = process.argv[2] ?? '/var/lib/ecr-build-push-stack'
const ACCOUNT = '123456789012'
const REGISTRY_HOST = `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com`
/** The same registry's dual-stack name (IPv4 and IPv6), which the front answers as the same registry. */
const DUAL_STACK_HOST = `${ACCOUNT}.dkr-ecr.us-east-1.on.aws`
/** The registry name the client used (dual-stack or not), for the locations the front gives back. */
const clientHost = req => ((req.headers.host ?? '').split(':')[0] === DUAL_STACK_HOST ? DUAL_STACK_HOST : REGISTRY_HOST)
const PASSWORD = `${ACCOUNT}-auth-token`
const MOTO = { host: '127.0.0.1', port: 5000 }
const REGISTRY = { host: '127.0.0.1', port: 5001 }
export const OIDC_REQUEST_TOKEN = 'local-stack-oidc-request-token'

/** @type {{service: string, operation: string, at: number, answeredAt?: number}[]} */
let calls = []
/** Every registry request that reached a repository: when, which method, which repository. */
let registryCalls = []
/** @type {{operation: string, kind: string, count: number, service?: string, ms?: number, seconds?: number}[]} */
let awsFaults = []
/**
 * Calls held without an answer (fault `hang`): their sockets, destroyed on /faults/reset
 * or after HANG_MS at the latest.
 * @type {Set<import('node:net').Socket>}
 */
const hanging = new Set()
const HANG_MS = 10 * 60 * 1000
/**
 * Access keys of credentials an `expire` fault shortened: once `expiresAt` (epoch ms) is
 * past, every AWS call signed with the key is refused as expired; `refused` counts them.
 * @type {Map<string, {accessKeyId: string, expiresAt: number, expiration: string, refused: number}>}
 */
let expiredKeys = new Map()
/**
 * Injected registry answers: `on` "manifest" (PUTs), "blob" (upload PATCH/PUTs) or
 * "manifest-read" (GETs and HEADs of manifests; `method` narrows it to one). `reference`
 * (a tag or digest, `*` matching any characters: "sha256:*") and `repository` narrow any
 * of them; `skip` matching requests are let through first. `status` is a number, or
 * "reset": the connection is closed without an answer; `message` is the registry's error
 * message. `stored`: the manifest PUT is forwarded, stored and registered as usual first,
 * and only its answer is lost.
 * @type {{count: number, status: number | 'reset', on: string, repository?: string, reference?: string, method?: string, skip: number, stored?: boolean, message?: string}[]}
 */
let registryFaults = []

/**
 * Requests the registry answers late: `method` and `reference` (a tag or digest; `*` for any
 * request, blobs and uploads too, as a registry far away answers every request late) to
 * match, `skip` matching requests let through first, then `count` held `ms` each.
 * @type {{method: string, reference: string, repository?: string, skip: number, count: number, ms: number}[]}
 */
let registryDelays = []

/** How long to hold this request (0: not at all); a referrers request (`reference` undefined) only by a `*` delay. */
function takeRegistryDelay(method, repository, reference) {
  const delay = registryDelays.find(
    d => d.count > 0 && (d.method === '*' || d.method === method) && (d.reference === '*' || d.reference === reference) && (!d.repository || d.repository === repository)
  )
  if (!delay) return 0
  if (delay.skip > 0) {
    delay.skip--
    return 0
  }
  delay.count--
  return delay.ms
}

/**
 * Takes one injected registry fault for this request, if any: `on` is "manifest", "blob" or
 * "manifest-read"; `stored` picks the faults that lose the answer of a PUT the registry stored.
 */
function takeRegistryFault(on, repository, method = '', reference = '', stored = false) {
  const fault = registryFaults.find(
    f =>
      f.count > 0 &&
      f.on === on &&
      !!f.stored === stored &&
      (!f.repository || f.repository === repository) &&
      (!f.method || f.method === method) &&
      (!f.reference || matchesFilter(reference, f.reference))
  )
  if (!fault) return undefined
  if (fault.skip > 0) {
    fault.skip--
    return undefined
  }
  fault.count--
  return fault
}

/** A fault's answer: its status with an error body, or, for "reset", the connection closed without one. */
function answerFault(res, fault, message) {
  if (fault.status === 'reset') return res.socket?.destroy()
  return registryError(res, fault.status, 'UNKNOWN', message)
}

const log = (/** @type {string} */ m) => console.log(`${new Date().toISOString()} ${m}`)

/** @param {http.IncomingMessage} req */
function readBody(req) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = []
    req.on('data', c => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/**
 * @param {{host: string, port: number}} target
 * @param {{method: string, path: string, headers: http.OutgoingHttpHeaders, body?: Buffer}} r
 * @returns {Promise<{status: number, headers: http.IncomingHttpHeaders, body: Buffer}>}
 */
function request(target, r) {
  return new Promise((resolve, reject) => {
    const req = http.request({ ...target, method: r.method, path: r.path, headers: r.headers }, res => {
      readBody(res).then(body => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }), reject)
    })
    req.on('error', reject)
    req.end(r.body)
  })
}

/** An ECR API call straight to moto (not counted). */
async function ecr(operation, payload) {
  const res = await request(MOTO, {
    method: 'POST',
    path: '/',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AmazonEC2ContainerRegistry_V20150921.${operation}`,
      authorization: 'AWS4-HMAC-SHA256 Credential=stack/20260101/us-east-1/ecr/aws4_request, SignedHeaders=host, Signature=0'
    },
    body: Buffer.from(JSON.stringify(payload))
  })
  const body = res.body.length ? JSON.parse(res.body.toString()) : {}
  return { ok: res.status < 300, status: res.status, body }
}

// ---------------------------------------------------------------- registry front

const matchesFilter = (tag, filter) =>
  new RegExp(
    `^${filter
      .split('*')
      .map(p => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`
  ).test(tag)

/** The manifest types a tag can name, for reads that must see any of them. */
const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json'
].join(', ')

function tagIsImmutable(repo, tag) {
  const excluded = (repo.imageTagMutabilityExclusionFilters ?? []).some(f => matchesFilter(tag, f.filter))
  switch (repo.imageTagMutability) {
    case 'IMMUTABLE':
      return true
    case 'IMMUTABLE_WITH_EXCLUSION':
      return !excluded
    case 'MUTABLE_WITH_EXCLUSION':
      return excluded
    default:
      return false
  }
}

function registryError(res, status, code, message, detail) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify({ errors: [{ code, message, ...(detail ? { detail } : {}) }] }))
}

/** `/v2/<name>/<kind>/<rest>` → name, kind, rest */
/**
 * ECR mounts a blob from another repository of the registry (a POST with `mount` and
 * `from`) only when the account setting BLOB_MOUNTING is ENABLED; it is off by default, and
 * ECR then starts a plain upload, as the distribution spec allows. The backend registry
 * would mount, so the front drops those parameters unless `POST /blob-mounting` enabled it:
 * a push to a new repository uploads every blob, as on ECR.
 */
let blobMounting = false
/** Claims the next OIDC tokens carry over the default ones (POST /oidc-claims; reset by /faults/reset). */
let oidcClaims = {}
function withoutMount(url) {
  const [route, query = ''] = url.split('?')
  const params = new URLSearchParams(query)
  params.delete('mount')
  params.delete('from')
  const rest = params.toString()
  return rest === '' ? route : `${route}?${rest}`
}

function parseV2(url) {
  const m = /^\/v2\/(.+?)\/(manifests|blobs|tags)\/(.*)$/.exec(url.split('?')[0])
  return m ? { name: m[1], kind: m[2], rest: m[3] } : undefined
}

function proxyStream(req, res, body) {
  const headers = { ...req.headers, host: `${REGISTRY.host}:${REGISTRY.port}` }
  delete headers.authorization
  const up = http.request({ ...REGISTRY, method: req.method, path: req.url, headers }, upRes => {
    const h = { ...upRes.headers }
    // Upload locations point at the backend; give the client the front's host.
    if (typeof h.location === 'string') h.location = h.location.replace(/^http:\/\/[^/]+/, `https://${clientHost(req)}`)
    res.writeHead(upRes.statusCode ?? 502, h)
    upRes.pipe(res)
  })
  up.on('error', e => registryError(res, 502, 'UNKNOWN', `backend: ${e.message}`))
  if (body) up.end(body)
  else req.pipe(up)
}

async function handleRegistry(req, res) {
  const auth = req.headers.authorization ?? ''
  const expected = `Basic ${Buffer.from(`AWS:${PASSWORD}`).toString('base64')}`
  if (auth !== expected) {
    res.writeHead(401, { 'www-authenticate': `Basic realm="${REGISTRY_HOST}"`, 'content-type': 'application/json' })
    res.end(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] }))
    return
  }
  const referrers = parseReferrers(req.url ?? '')
  if (referrers) {
    const late = takeRegistryDelay(req.method, referrers.name, undefined)
    if (late > 0) await new Promise(resolve => setTimeout(resolve, late))
    registryCalls.push({ at: Date.now(), method: req.method, repository: referrers.name, kind: 'referrers', reference: referrers.digest, host: clientHost(req) })
    return answerReferrers(STATE, req, res, referrers)
  }
  const v2 = parseV2(req.url ?? '')
  if (v2) registryCalls.push({ at: Date.now(), method: req.method, repository: v2.name, kind: v2.kind, reference: v2.rest, host: clientHost(req) })
  const hold = v2 ? takeRegistryDelay(req.method, v2.name, v2.rest) : 0
  if (hold > 0) await new Promise(resolve => setTimeout(resolve, hold))
  if (v2?.kind === 'manifests' && (req.method === 'GET' || req.method === 'HEAD')) {
    const readFault = takeRegistryFault('manifest-read', v2.name, req.method, v2.rest)
    if (readFault) {
      log(`registry: injected ${readFault.status} for ${req.method} ${v2.name}:${v2.rest}`)
      return registryError(res, readFault.status, 'UNKNOWN', 'injected fault')
    }
  }
  const writes = req.method === 'POST' || req.method === 'PUT' || req.method === 'PATCH'
  if (!v2 || !writes) return proxyStream(req, res)

  const described = await ecr('DescribeRepositories', { repositoryNames: [v2.name] })
  const repo = described.ok ? described.body.repositories?.[0] : undefined
  if (!repo) {
    return registryError(res, 404, 'NAME_UNKNOWN', `The repository with name '${v2.name}' does not exist in the registry with id '${ACCOUNT}'`)
  }
  if (v2.kind === 'blobs' && (req.method === 'PUT' || req.method === 'PATCH')) {
    const blobFault = takeRegistryFault('blob', v2.name, req.method, v2.rest)
    if (blobFault) {
      log(`registry: injected ${blobFault.status} for ${req.method} of a blob upload to ${v2.name}`)
      req.resume()
      return answerFault(res, blobFault, blobFault.message ?? 'injected fault')
    }
  }
  if (v2.kind === 'blobs' && req.method === 'POST' && !blobMounting) req.url = withoutMount(req.url ?? '')
  if (v2.kind !== 'manifests' || req.method !== 'PUT') return proxyStream(req, res)

  const reference = v2.rest
  const body = await readBody(req)
  const fault = takeRegistryFault('manifest', v2.name, 'PUT', reference)
  if (fault) {
    log(`registry: injected ${fault.status} for PUT ${v2.name}:${reference}`)
    return answerFault(res, fault, fault.message ?? 'injected fault')
  }
  const byTag = !reference.startsWith('sha256:')
  if (byTag) {
    // Every manifest type named: the registry answers 404 for an OCI manifest or index that
    // the Accept header doesn't name (`*/*` doesn't), and ECR refuses the overwrite whatever the type.
    const head = await request(REGISTRY, { method: 'HEAD', path: `/v2/${v2.name}/manifests/${reference}`, headers: { accept: MANIFEST_TYPES } })
    if (head.status === 200 && tagIsImmutable(repo, reference)) {
      log(`registry: refused overwrite of immutable ${v2.name}:${reference}`)
      return registryError(res, 400, 'TAG_INVALID', `The image tag '${reference}' already exists in the '${v2.name}' repository and cannot be overwritten because the repository is immutable.`)
    }
  }
  const headers = { ...req.headers, host: `${REGISTRY.host}:${REGISTRY.port}`, 'content-length': String(body.length) }
  delete headers.authorization
  const up = await request(REGISTRY, { method: 'PUT', path: req.url ?? '', headers, body })
  if (up.status === 201) {
    const digest = String(up.headers['docker-content-digest'] ?? '')
    const put = await ecr('PutImage', {
      repositoryName: v2.name,
      imageManifest: body.toString('utf8'),
      imageManifestMediaType: req.headers['content-type'],
      imageDigest: digest,
      ...(byTag ? { imageTag: reference } : {})
    })
    if (!put.ok) log(`registry: PutImage ${v2.name}:${reference} → ${put.status} ${JSON.stringify(put.body)}`)
    // Stored and registered: only the answer is lost (a reset after the write, a 5xx from a front that gave up).
    const lost = takeRegistryFault('manifest', v2.name, 'PUT', reference, true)
    if (lost) {
      log(`registry: stored PUT ${v2.name}:${reference} (${digest}), then lost its answer: ${lost.status}`)
      return answerFault(res, lost, 'injected fault after the manifest was stored')
    }
  }
  const h = { ...up.headers }
  if (typeof h.location === 'string') h.location = h.location.replace(/^http:\/\/[^/]+/, `https://${clientHost(req)}`)
  // OCI 1.1, as ECR: a stored manifest with a subject is listed by the referrers API.
  const subject = up.status === 201 && referrersApiEnabled() ? subjectOf(body) : undefined
  if (subject) h['oci-subject'] = subject
  res.writeHead(up.status, h)
  res.end(up.body)
}

// ---------------------------------------------------------------- public.ecr.aws

// Bearer tokens, as public.ecr.aws hands them out at /token: with the ECR Public password
// one that may push, without credentials one that may only pull.
const PUSH_TOKEN = randomBytes(16).toString('hex')
const PULL_TOKEN = randomBytes(16).toString('hex')
const PUBLIC_PREFIX = 'public'

function bearerChallenge(res, scope) {
  res.writeHead(401, {
    'www-authenticate': `Bearer realm="https://${PUBLIC_HOST}/token",service="${PUBLIC_HOST}"${scope ? `,scope="${scope}"` : ''}`,
    'content-type': 'application/json'
  })
  res.end(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] }))
}

/** `/v2/public/<name>/…` on the backend ↔ `/v2/<alias>/<name>/…` at public.ecr.aws */
const toBackend = (url, name) => url.replace(`/v2/${ALIAS}/${name}/`, `/v2/${PUBLIC_PREFIX}/${name}/`)
const toPublic = location =>
  location
    .replace(/^http:\/\/[^/]+/, '')
    .replace(new RegExp(`^/v2/${PUBLIC_PREFIX}/`), `/v2/${ALIAS}/`)
    .replace(/^\//, `https://${PUBLIC_HOST}/`)

async function handlePublicRegistry(req, res) {
  const url = new URL(req.url ?? '/', `https://${PUBLIC_HOST}`)
  if (url.pathname === '/token' || url.pathname === '/token/') {
    // GET with basic auth (docker, the action), or containerd's OAuth2 POST with the
    // password in a form; no credentials at all: an anonymous pull token.
    let user = ''
    let password = ''
    const auth = req.headers.authorization ?? ''
    if (auth.startsWith('Basic ')) [user = '', password = ''] = Buffer.from(auth.slice(6), 'base64').toString().split(':')
    if (req.method === 'POST') {
      const form = new URLSearchParams((await readBody(req)).toString())
      user = form.get('username') ?? user
      password = form.get('password') ?? password
    }
    if (user === '' && password === '') return sendJson(res, 200, { token: PULL_TOKEN, access_token: PULL_TOKEN })
    if (user !== 'AWS' || password !== PUBLIC_PASSWORD) return registryError(res, 401, 'DENIED', 'Your authorization token is invalid')
    return sendJson(res, 200, { token: PUSH_TOKEN, access_token: PUSH_TOKEN, expires_in: 3600 })
  }
  const token = (req.headers.authorization ?? '').replace(/^Bearer /, '')
  const writes = req.method === 'POST' || req.method === 'PUT' || req.method === 'PATCH' || req.method === 'DELETE'
  if (url.pathname === '/v2/' || url.pathname === '/v2') {
    if (token !== PUSH_TOKEN && token !== PULL_TOKEN) return bearerChallenge(res)
    return sendJson(res, 200, {})
  }
  const m = /^\/v2\/([^/]+)\/(.+?)\/(manifests|blobs|tags)\/(.*)$/.exec(url.pathname)
  if (!m) return registryError(res, 404, 'NOT_FOUND', 'no such route')
  const [, alias, name, kind, reference] = m
  const scope = `repository:${alias}/${name}:${writes ? 'pull,push' : 'pull'}`
  if (writes ? token !== PUSH_TOKEN : token !== PUSH_TOKEN && token !== PULL_TOKEN) return bearerChallenge(res, scope)
  // As public.ecr.aws: a repository the API doesn't have (never created, deleted, or
  // forgotten by /public/reset) is unknown for pulls and pushes alike.
  if (alias !== ALIAS || !publicRepositoryExists(name)) {
    req.resume()
    return registryError(res, 404, 'NAME_UNKNOWN', `The repository with name '${name}' does not exist in the registry with id '123456789012'`)
  }
  const backendPath = toBackend(url.pathname, name) + url.search
  const headers = { ...req.headers, host: `${REGISTRY.host}:${REGISTRY.port}` }
  delete headers.authorization
  if (kind === 'manifests' && req.method === 'PUT') {
    const body = await readBody(req)
    const up = await request(REGISTRY, { method: 'PUT', path: backendPath, headers: { ...headers, 'content-length': String(body.length) }, body })
    if (up.status === 201) {
      const digest = String(up.headers['docker-content-digest'] ?? '')
      recordPublicImage(name, digest, reference.startsWith('sha256:') ? undefined : reference, body, String(req.headers['content-type'] ?? ''))
    }
    const h = { ...up.headers }
    if (typeof h.location === 'string') h.location = toPublic(h.location)
    res.writeHead(up.status, h)
    return res.end(up.body)
  }
  if (kind === 'tags' && req.method === 'GET') {
    // The tag list names the repository as public.ecr.aws does, never the backend's
    // public/<name>; a repository nothing was pushed to yet lists no tags.
    const up = await request(REGISTRY, { method: 'GET', path: backendPath, headers })
    if (up.status === 404) return sendJson(res, 200, { name: `${ALIAS}/${name}`, tags: [] })
    if (up.status !== 200) {
      res.writeHead(up.status, up.headers)
      return res.end(up.body)
    }
    const list = JSON.parse(up.body.toString())
    if (typeof up.headers.link === 'string') res.setHeader('link', up.headers.link.replace(`/v2/${PUBLIC_PREFIX}/`, `/v2/${ALIAS}/`))
    return sendJson(res, 200, { ...list, name: `${ALIAS}/${name}` })
  }
  const up = http.request({ ...REGISTRY, method: req.method, path: backendPath, headers }, upRes => {
    const h = { ...upRes.headers }
    if (typeof h.location === 'string') h.location = toPublic(h.location)
    res.writeHead(upRes.statusCode ?? 502, h)
    upRes.pipe(res)
  })
  up.on('error', e => registryError(res, 502, 'UNKNOWN', `backend: ${e.message}`))
  req.pipe(up)
}

function sendJson(res, status, value) {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(value))
}

// ---------------------------------------------------------------- AWS proxy

function awsOperation(req, body) {
  const target = req.headers['x-amz-target']
  if (typeof target === 'string') {
    const [prefix, op] = target.split('.')
    const service = prefix?.startsWith('AmazonEC2ContainerRegistry') ? 'ecr' : prefix === 'SpencerFrontendService' ? 'ecr-public' : (prefix ?? '')
    return { service, operation: op ?? '', json: true }
  }
  const action = new URLSearchParams(body.toString()).get('Action') ?? new URL(req.url ?? '/', 'http://x').searchParams.get('Action')
  return { service: 'sts', operation: action ?? '', json: false }
}

/** Whether an AWS fault names this call: its operation ("*": any) and, when it names one, its service. */
const aimsAt = (fault, call) => (fault.operation === call.operation || fault.operation === '*') && (!fault.service || fault.service === call.service)

/** Fault kinds the call still goes through with: `delay` holds it, `expire` shortens its credentials, `lost` drops its answer. */
const PASS_THROUGH = new Set(['delay', 'expire', 'lost'])

function fault(res, call, kind, holdMs = HANG_MS) {
  if (kind === 'reset') {
    res.socket?.destroy()
    return
  }
  if (kind === 'hang') {
    // Accepted, never answered: the socket stays open until /faults/reset or HANG_MS.
    const socket = res.socket
    if (!socket) return
    hanging.add(socket)
    // Nothing is read or written on it any more: an idle timeout is the deadline.
    socket.setTimeout(holdMs, () => socket.destroy())
    socket.on('close', () => hanging.delete(socket))
    return
  }
  const errors = {
    throttle: call.json ? [400, 'ThrottlingException', 'Rate exceeded'] : [400, 'Throttling', 'Rate exceeded'],
    500: call.json ? [500, 'ServerException', 'injected server error'] : [500, 'InternalFailure', 'injected server error'],
    'access-denied': call.json
      ? [400, 'AccessDeniedException', `User is not authorized to perform: ${call.service}:${call.operation}`]
      : [403, 'AccessDenied', `Not authorized to perform sts:${call.operation}`]
  }
  const [status, code, message] = errors[kind] ?? errors['500']
  if (call.json) {
    res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': code })
    res.end(JSON.stringify({ __type: code, message }))
  } else {
    res.writeHead(status, { 'content-type': 'text/xml' })
    res.end(`<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>0</RequestId></ErrorResponse>`)
  }
}

/** The access key id a call is signed with (SigV4 `Credential=<AKID>/…`), if any. */
function accessKeyOf(req) {
  const m = /Credential=([^/,\s]+)\//.exec(String(req.headers.authorization ?? ''))
  if (m) return m[1]
  const q = new URL(req.url ?? '/', 'http://x').searchParams.get('X-Amz-Credential')
  return q ? q.split('/')[0] : undefined
}

/** Refuses a call signed with credentials whose (shortened) expiration is past, as AWS does. */
function refuseExpired(res, call) {
  const message = 'The security token included in the request is expired'
  if (call.json) {
    res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': 'ExpiredTokenException' })
    res.end(JSON.stringify({ __type: 'ExpiredTokenException', message }))
  } else {
    res.writeHead(400, { 'content-type': 'text/xml' })
    res.end(
      `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>ExpiredToken</Code><Message>${message}</Message></Error><RequestId>0</RequestId></ErrorResponse>`
    )
  }
}

/**
 * An `expire` fault on an AssumeRole* answer: its Credentials.Expiration becomes now +
 * `seconds`, and the access key is remembered. XML (awsQuery, what the SDK's STS client
 * asks for) or JSON (epoch seconds).
 */
function shortenCredentials(body, seconds) {
  const expiresAt = Date.now() + seconds * 1000
  const iso = new Date(expiresAt).toISOString()
  let text = body.toString('utf8')
  let accessKeyId
  if (text.trimStart().startsWith('<')) {
    accessKeyId = /<AccessKeyId>([^<]+)<\/AccessKeyId>/.exec(text)?.[1]
    text = text.replace(/<Expiration>[^<]*<\/Expiration>/, `<Expiration>${iso}</Expiration>`)
  } else {
    const json = JSON.parse(text)
    const creds = json.Credentials ?? json.AssumeRoleWithWebIdentityResult?.Credentials
    if (creds) {
      accessKeyId = creds.AccessKeyId
      creds.Expiration = Math.floor(expiresAt / 1000)
    }
    text = JSON.stringify(json)
  }
  if (accessKeyId) expiredKeys.set(accessKeyId, { accessKeyId, expiresAt, expiration: iso, refused: 0 })
  return { body: Buffer.from(text), accessKeyId, iso }
}

async function handleAws(req, res) {
  const body = await readBody(req)
  const call = awsOperation(req, body)
  const record = { service: call.service, operation: call.operation, at: Date.now() }
  calls.push(record)
  res.on('finish', () => (record.answeredAt = Date.now()))
  const key = accessKeyOf(req)
  const expired = key ? expiredKeys.get(key) : undefined
  if (expired && Date.now() >= expired.expiresAt) {
    expired.refused++
    record.expired = true
    log(`aws: refused ${call.service}:${call.operation} signed with expired ${key}`)
    return refuseExpired(res, call)
  }
  // A delay holds the call, which is then answered as usual.
  const delay = awsFaults.find(x => x.kind === 'delay' && x.count > 0 && aimsAt(x, call))
  if (delay) {
    delay.count--
    await new Promise(resolve => setTimeout(resolve, delay.ms))
  }
  // A fault names an operation ("*": any), and may name the service ("ecr", "ecr-public",
  // "sts"): ECR and ECR Public share operation names such as DescribeRepositories.
  const f = awsFaults.find(x => !PASS_THROUGH.has(x.kind) && x.count > 0 && aimsAt(x, call))
  if (f) {
    f.count--
    return fault(res, call, f.kind, f.ms)
  }
  // `lost`: the call is carried out, then its answer is dropped (the connection closed).
  const lost = awsFaults.find(x => x.kind === 'lost' && x.count > 0 && aimsAt(x, call))
  if (lost) lost.count--
  const dropAnswer = () => {
    log(`aws: ${call.service}:${call.operation} carried out, its answer dropped (fault lost)`)
    res.socket?.destroy()
  }
  if (call.service === 'ecr-public') {
    const out = publicApi(call.operation, body.toString())
    if (lost) return dropAnswer()
    const headers = { 'content-type': 'application/x-amz-json-1.1' }
    if (out.status !== 200) headers['x-amzn-errortype'] = String(out.body.__type)
    res.writeHead(out.status, headers)
    return res.end(JSON.stringify(out.body))
  }
  try {
    const up = await request(MOTO, { method: req.method ?? 'POST', path: req.url ?? '/', headers: req.headers, body })
    if (lost) return dropAnswer()
    const expire = awsFaults.find(x => x.kind === 'expire' && x.count > 0 && x.operation === call.operation && (!x.service || x.service === call.service))
    if (expire && up.status === 200) {
      expire.count--
      const short = shortenCredentials(up.body, expire.seconds ?? 60)
      log(`aws: ${call.operation} credentials ${short.accessKeyId ?? '(no key found)'} now expire at ${short.iso}`)
      const headers = { ...up.headers, 'content-length': String(short.body.length) }
      res.writeHead(up.status, headers)
      return res.end(short.body)
    }
    res.writeHead(up.status, up.headers)
    res.end(up.body)
  } catch (e) {
    res.writeHead(502)
    res.end(String(e))
  }
}

// ---------------------------------------------------------------- OIDC

const b64url = obj => Buffer.from(JSON.stringify(obj)).toString('base64url')

function handleOidc(req, res) {
  if (req.headers.authorization !== `Bearer ${OIDC_REQUEST_TOKEN}`) {
    res.writeHead(401, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ message: 'bad request token' }))
    return
  }
  const url = new URL(req.url ?? '/', 'http://x')
  const now = Math.floor(Date.now() / 1000)
  const claims = {
    iss: 'https://token.actions.githubusercontent.com',
    aud: url.searchParams.get('audience') ?? 'https://github.com/acme',
    sub: 'repo:acme/web:ref:refs/heads/main',
    repository: 'acme/web',
    repository_owner: 'acme',
    ref: 'refs/heads/main',
    job_workflow_ref: 'acme/web/.github/workflows/image.yml@refs/heads/main',
    jti: Math.random().toString(36).slice(2),
    iat: now,
    nbf: now,
    exp: now + 300,
    ...oidcClaims
  }
  const token = `${b64url({ alg: 'RS256', typ: 'JWT', kid: 'local-stack' })}.${b64url(claims)}.${Buffer.from(Math.random().toString(36).repeat(8)).toString('base64url')}`
  appendFileSync(path.join(STATE, 'oidc-tokens.log'), `${token}\n`)
  res.writeHead(200, { 'content-type': 'application/json' })
  res.end(JSON.stringify({ value: token }))
}

// ---------------------------------------------------------------- control

async function handleControl(req, res) {
  const url = new URL(req.url ?? '/', 'http://x')
  const body = await readBody(req)
  const json = body.length ? JSON.parse(body.toString()) : {}
  const send = (status, value) => {
    res.writeHead(status, { 'content-type': 'application/json' })
    res.end(value === undefined ? '' : JSON.stringify(value))
  }
  const route = `${req.method} ${url.pathname}`
  switch (route) {
    case 'GET /calls':
      return send(200, calls)
    case 'POST /calls/reset':
      calls = []
      registryCalls = []
      return send(204)
    case 'GET /registry-calls':
      return send(200, registryCalls)
    case 'POST /blob-mounting':
      blobMounting = json.enabled === true
      return send(204)
    case 'POST /referrers-api':
      setReferrersApi(json.enabled)
      return send(204)
    case 'POST /faults':
      awsFaults.push({
        operation: json.operation ?? '*',
        kind: json.kind ?? '500',
        count: json.count ?? 1,
        ...(json.service ? { service: json.service } : {}),
        ...(json.kind === 'delay' ? { ms: json.ms ?? 1000 } : {}),
        ...(json.kind === 'hang' ? { ms: Math.min(json.ms ?? HANG_MS, HANG_MS) } : {}),
        ...(json.kind === 'expire' ? { seconds: json.seconds ?? 60 } : {})
      })
      return send(204)
    case 'POST /registry-faults':
      registryFaults.push({
        count: json.count ?? 1,
        status: json.status ?? 500,
        on: json.on === 'blob' || json.on === 'manifest-read' ? json.on : 'manifest',
        skip: json.skip ?? 0,
        ...(json.repository ? { repository: json.repository } : {}),
        ...(json.reference ? { reference: json.reference } : {}),
        ...(json.method ? { method: String(json.method).toUpperCase() } : {}),
        ...(json.stored === true && json.on !== 'blob' && json.on !== 'manifest-read' ? { stored: true } : {}),
        ...(typeof json.message === 'string' ? { message: json.message } : {})
      })
      return send(204)
    case 'POST /registry-delays':
      registryDelays.push({
        method: json.method ?? 'GET',
        reference: json.reference ?? '',
        skip: json.skip ?? 0,
        count: json.count ?? 1,
        ms: json.ms ?? 1000,
        ...(json.repository ? { repository: json.repository } : {})
      })
      return send(204)
    case 'POST /public/reset':
      resetPublic()
      return send(204)
    case 'POST /oidc-claims':
      oidcClaims = json && typeof json === 'object' && !Array.isArray(json) ? json : {}
      return send(204)
    case 'POST /faults/reset':
      blobMounting = false
      setReferrersApi(true)
      oidcClaims = {}
      awsFaults = []
      registryFaults = []
      registryDelays = []
      expiredKeys = new Map()
      for (const socket of hanging) socket.destroy()
      hanging.clear()
      return send(204)
    case 'GET /expired':
      return send(200, [...expiredKeys.values()])
    case 'GET /proxy-log':
      return send(200, getProxyLog())
    case 'POST /proxy-log/reset':
      resetProxy()
      return send(204)
    case 'POST /proxy-auth':
      requireProxyAuth(json)
      return send(204)
    case 'GET /tokens': {
      let text = ''
      try {
        text = readFileSync(path.join(STATE, 'oidc-tokens.log'), 'utf8')
      } catch {
        // No token issued yet.
      }
      return send(200, text.split('\n').filter(Boolean))
    }
    case 'GET /health':
      return send(200, { ok: true })
    default:
      return send(404, { error: `no route ${route}` })
  }
}

const guard = handler => (req, res) =>
  handler(req, res).catch?.(e => {
    log(`error: ${e.stack ?? e}`)
    if (!res.headersSent) res.writeHead(500)
    res.end()
  })

https
  .createServer(
    { key: readFileSync(path.join(STATE, 'tls/key.pem')), cert: readFileSync(path.join(STATE, 'tls/cert.pem')) },
    guard((req, res) => ((req.headers.host ?? '').split(':')[0] === PUBLIC_HOST ? handlePublicRegistry(req, res) : handleRegistry(req, res)))
  )
  .listen(443, '127.0.0.1', () => log(`registry front on https://${REGISTRY_HOST} and https://${PUBLIC_HOST}`))
http.createServer(guard(handleAws)).listen(4566, '127.0.0.1', () => log('AWS proxy on :4566'))
http.createServer((req, res) => handleOidc(req, res)).listen(4580, '127.0.0.1', () => log('OIDC on :4580'))
startForwardProxy(log)
http.createServer(guard(handleControl)).listen(4599, '127.0.0.1', () => log('control on :4599'))
