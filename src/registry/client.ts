/**
 * A small client for the registry's HTTP API v2 (the OCI distribution API docker itself
 * speaks). It reads what a tag points to before building (the manifest, an image's config
 * with its labels), and pushes an OCI layout by digest (blobs, then manifests), for
 * `push-by-digest`. It uses the registry password the login stage already holds, as
 * basic auth, sent only to the registry's own origin; the Authorization header never
 * reaches a log line or an error.
 */
import { createHash } from 'node:crypto'
import type { Readable } from 'node:stream'
import { mergeScopes, ownLocation, parseBearerChallenge, scopeCovers, tokenRealm } from './bearer.js'
import { errorText, expect, RegistryError } from './answer.js'
import { createTransport, type HttpInit, type HttpResponse, type HttpTransport } from '../network/http.js'

export { RegistryError } from './answer.js'

export const INDEX_MEDIA_TYPES = ['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json']
export const MANIFEST_MEDIA_TYPES = ['application/vnd.oci.image.manifest.v1+json', 'application/vnd.docker.distribution.manifest.v2+json']

/** What signs the action in to a registry: ECR's (or ECR Public's) token, as user and password. */
export interface RegistryCredentials {
  registry: string
  username: string
  password: string
  /** when the password stops working (ECR's token: 12 hours after it was given) */
  expiration?: Date
}

/** Credentials that are renewed when they run out (aws/session.ts): asked for before each request. */
export interface RenewableCredentials {
  readonly current: RegistryCredentials
  get(): Promise<RegistryCredentials>
}

export interface Descriptor {
  mediaType: string
  digest: string
  size?: number
  /** OCI 1.1: what an artifact manifest holds (a referrer's kind) */
  artifactType?: string
  platform?: { os: string; architecture: string; variant?: string }
  annotations?: Record<string, string>
}

export interface Manifest {
  digest: string
  mediaType: string
  /** an index's children */
  manifests?: Descriptor[]
  /** an image manifest's config */
  config?: Descriptor
  layers?: Descriptor[]
  /** OCI 1.1: the manifest this one refers to (a referrer) */
  subject?: Descriptor
  artifactType?: string
}

export interface RawManifest {
  mediaType: string
  digest: string
  body: Buffer
}

/** A manifest's JSON with its digest; its media type from the JSON, else the one it was served as. */
export function parseManifest(json: string, mediaType: string, digest: string): Manifest {
  const body = JSON.parse(json) as Omit<Manifest, 'digest'> & { mediaType?: string }
  return { ...body, mediaType: body.mediaType ?? mediaType, digest }
}

export class RegistryClient {
  /** `https://<registry>`; tests may point it at a plain-HTTP registry. */
  readonly base: string

  constructor(
    private readonly auth: RegistryCredentials | RenewableCredentials,
    base?: string,
    private readonly transport: HttpTransport = createTransport()
  ) {
    this.base = base ?? `https://${this.registry}`
  }

  /** The registry's host, as signed in to. */
  get registry(): string {
    return ('current' in this.auth ? this.auth.current : this.auth).registry
  }

  /** A bearer token the registry's token service gave, once it asked for one (ECR Public). */
  private bearer: { scope: string; token: string } | undefined

  /** The password as basic auth, renewed first when it is about to run out. */
  private async basic(): Promise<string> {
    const { username, password } = 'current' in this.auth ? await this.auth.get() : this.auth
    return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`
  }

  private async authorization(): Promise<string> {
    return this.bearer ? `Bearer ${this.bearer.token}` : this.basic()
  }

  private async get(path: string, accept: string[]): Promise<HttpResponse> {
    return this.send('GET', `/v2/${path}`, { headers: { accept: accept.join(', ') } })
  }

  /**
   * A request with the registry's credentials; `url` may be a path or a Location the
   * registry gave. ECR takes the password as basic auth; a registry that answers 401 with a
   * Bearer challenge (public.ecr.aws) gets the token dance: the password buys a token from
   * the realm for the challenged scope, and the request is sent again with it (a streamed
   * body can't be sent twice, but uploads start with a POST that has none).
   *
   * Requests run side by side (four blob uploads at once), so a 401 may answer a request
   * sent before another one got a token: it is sent again with the token now held when that
   * token covers the challenge, and the 401 is final only for a request that carried such a
   * token. A token asked for also covers what the held one did, so a pull challenge never
   * takes push away from an upload in flight; one fetch per scope serves every request.
   * Public for the registry calls other modules make (copy.ts: blob reads and mounts).
   */
  async send(method: string, url: string, init: Omit<HttpInit, 'method'> = {}): Promise<HttpResponse> {
    const go = (authorization: string): Promise<HttpResponse> => this.transport(new URL(url, this.base), { method, ...init, headers: { authorization, ...init.headers } })
    const sent = await this.authorization()
    const res = await go(sent)
    const challenge = res.status === 401 ? parseBearerChallenge(res.headers.get('www-authenticate') ?? '') : undefined
    const streamed = init.body !== undefined && typeof init.body !== 'string' && !(init.body instanceof Uint8Array)
    if (challenge === undefined || streamed) return res
    const held = this.bearer
    let token: string | undefined
    if (held !== undefined && scopeCovers(held.scope, challenge.scope)) {
      if (`Bearer ${held.token}` === sent) return res
      token = held.token
    } else {
      const scope = mergeScopes(held?.scope ?? '', challenge.scope)
      token = await this.token(challenge.realm, challenge.service, scope)
      if (token === undefined) return res
      if (this.bearer === undefined || scopeCovers(scope, this.bearer.scope)) this.bearer = { scope, token }
    }
    await res.arrayBuffer().catch(() => undefined)
    return go(`Bearer ${token}`)
  }

  /** Token fetches in flight, by realm, service and scope: requests challenged together share one. */
  private readonly tokenFetches = new Map<string, Promise<string | undefined>>()

  private token(realm: string, service: string, scope: string): Promise<string | undefined> {
    const key = `${realm} ${service} ${scope}`
    let fetching = this.tokenFetches.get(key)
    if (fetching === undefined) {
      fetching = this.fetchToken(realm, service, scope)
      this.tokenFetches.set(key, fetching)
      const done = (): void => void this.tokenFetches.delete(key)
      fetching.then(done, done)
    }
    return fetching
  }

  private async fetchToken(realm: string, service: string, scope: string): Promise<string | undefined> {
    const tokenUrl = tokenRealm(realm, this.base, this.registry)
    if (service) tokenUrl.searchParams.set('service', service)
    for (const one of scope.split(' ').filter(Boolean)) tokenUrl.searchParams.append('scope', one)
    const tokenRes = await this.transport(tokenUrl, { headers: { authorization: await this.basic() } })
    if (!tokenRes.ok) {
      await tokenRes.arrayBuffer().catch(() => undefined)
      return undefined
    }
    const body = (await tokenRes.json()) as { token?: string; access_token?: string }
    return body.token ?? body.access_token ?? undefined
  }

  /** Whether the repository already holds a blob (HEAD). */
  async blobExists(repository: string, digest: string): Promise<boolean> {
    const res = await this.send('HEAD', `/v2/${repository}/blobs/${digest}`)
    if (res.status === 404) return false
    if (!res.ok) throw new RegistryError(res.status, `HEAD ${repository} blob ${digest}: ${res.status}`)
    return true
  }

  /**
   * Uploads a blob — a stream (never held in memory) or small bytes: start an upload, send
   * the whole blob in one PATCH — what docker does, and ECR takes — then close it with its
   * digest, unless `beforeClose` throws (the caller's check of what was sent).
   */
  async uploadBlob(repository: string, digest: string, size: number, body: Readable | Buffer, beforeClose: () => void = () => undefined): Promise<void> {
    const started = await this.send('POST', `/v2/${repository}/blobs/uploads/`)
    await expect(started, [202], `start an upload to ${repository}`)
    const patchUrl = this.uploadLocation(started)
    const patched = await this.send('PATCH', patchUrl.toString(), {
      headers: { 'content-type': 'application/octet-stream', 'content-length': String(size) },
      body
    })
    await expect(patched, [202], `upload ${digest} to ${repository}`)
    beforeClose()
    const closeUrl = this.uploadLocation(patched)
    closeUrl.searchParams.set('digest', digest)
    const closed = await this.send('PUT', closeUrl.toString(), { headers: { 'content-length': '0' } })
    await expect(closed, [201], `complete the upload of ${digest} to ${repository}`)
  }

  /**
   * Uploads small bytes in two requests where uploadBlob takes three: start an upload, then
   * close it with the bytes in the same request (the OCI spec's monolithic upload, POST then
   * PUT; what containerd's pusher, and so buildx, does against ECR).
   */
  async uploadSmall(repository: string, digest: string, body: Buffer): Promise<void> {
    const started = await this.send('POST', `/v2/${repository}/blobs/uploads/`)
    await expect(started, [202], `start an upload to ${repository}`)
    const closeUrl = this.uploadLocation(started)
    closeUrl.searchParams.set('digest', digest)
    const closed = await this.send('PUT', closeUrl.toString(), { headers: { 'content-type': 'application/octet-stream', 'content-length': String(body.length) }, body })
    await expect(closed, [201], `upload ${digest} to ${repository}`)
  }

  /** PUTs a manifest under a digest or tag; returns the digest the registry computed. */
  async putManifest(repository: string, reference: string, mediaType: string, body: Buffer): Promise<string> {
    return (await this.storeManifest(repository, reference, mediaType, body)).digest
  }

  /** The same, with the `OCI-Subject` the registry answered: OCI 1.1, it indexed the manifest's `subject` as a referrer. */
  async storeManifest(repository: string, reference: string, mediaType: string, body: Buffer): Promise<{ digest: string; subject?: string }> {
    const res = await this.send('PUT', `/v2/${repository}/manifests/${reference}`, { headers: { 'content-type': mediaType }, body })
    await expect(res, [201], `PUT ${repository}@${reference} manifest`)
    const subject = res.headers.get('oci-subject')
    return { digest: res.headers.get('docker-content-digest') ?? '', ...(subject ? { subject } : {}) }
  }

  /** The referrers API (OCI 1.1): what refers to `digest`; undefined when the registry has no such API (404). */
  async referrers(repository: string, digest: string): Promise<Descriptor[] | undefined> {
    const res = await this.get(`${repository}/referrers/${digest}`, [INDEX_MEDIA_TYPES[0] ?? ''])
    if (res.status === 404) return (await res.arrayBuffer().catch(() => undefined), undefined)
    if (!res.ok) throw new RegistryError(res.status, `GET ${repository} referrers of ${digest}: ${res.status}${(await errorText(res)).text}`)
    return ((await res.json()) as { manifests?: Descriptor[] }).manifests ?? []
  }

  /** The manifest a tag or digest names; undefined when the registry has no such tag. */
  async manifest(repository: string, reference: string): Promise<Manifest | undefined> {
    const raw = await this.manifestBytes(repository, reference)
    return raw === undefined ? undefined : parseManifest(raw.body.toString('utf8'), raw.mediaType, raw.digest)
  }

  /** Manifests read by digest: content-addressed, so one read serves every caller (tagging and the summary read the new index at once). */
  private readonly byDigest = new Map<string, Promise<RawManifest | undefined>>()

  /**
   * A manifest's exact bytes, with its media type and digest (to put it under a tag as it
   * is); undefined when there is none. By digest, a found manifest is read once.
   */
  async manifestBytes(repository: string, reference: string): Promise<RawManifest | undefined> {
    if (!reference.startsWith('sha256:')) return this.readManifest(repository, reference)
    const key = `${repository}@${reference}`
    let read = this.byDigest.get(key)
    if (read === undefined) {
      read = this.readManifest(repository, reference)
      this.byDigest.set(key, read)
      // Only what was found is kept: a miss or a failure is asked again next time.
      read.then(
        m => m ?? this.byDigest.delete(key),
        () => this.byDigest.delete(key)
      )
    }
    return read
  }

  private async readManifest(repository: string, reference: string): Promise<RawManifest | undefined> {
    const res = await this.get(`${repository}/manifests/${reference}`, [...INDEX_MEDIA_TYPES, ...MANIFEST_MEDIA_TYPES])
    if (res.status === 404) return undefined
    if (!res.ok) throw new RegistryError(res.status, `GET ${repository}:${reference} manifest: ${res.status}${(await errorText(res)).text}`)
    const body = Buffer.from(await res.arrayBuffer())
    // A registry that sends no Docker-Content-Digest: the digest is that of the bytes served.
    const digest = res.headers.get('docker-content-digest') || `sha256:${createHash('sha256').update(body).digest('hex')}`
    return { mediaType: res.headers.get('content-type') ?? '', digest, body }
  }

  /** Where an upload goes on: the registry's `Location`, on its own origin only (bearer.ts). */
  private uploadLocation(res: HttpResponse): URL {
    const value = res.headers.get('location')
    if (!value) throw new RegistryError(res.status, 'the registry gave no upload location')
    return ownLocation(value, this.base, this.registry)
  }

  /**
   * A JSON blob (an image config); the registry may redirect to storage (ECR: a presigned
   * S3 URL), which the transport follows without the Authorization header (http.ts).
   */
  async jsonBlob(repository: string, digest: string): Promise<unknown> {
    const res = await this.get(`${repository}/blobs/${digest}`, ['application/json', '*/*'])
    if (!res.ok) throw new RegistryError(res.status, `GET ${repository} blob ${digest}: ${res.status}`)
    return res.json()
  }
}
