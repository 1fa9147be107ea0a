/**
 * A small client for the registry's HTTP API v2 (what docker itself speaks), used to read
 * what a tag points to before building: the manifest, and an image's config with its
 * labels. It uses the registry password the login stage already holds; nothing here writes.
 */

export const INDEX_MEDIA_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json'
]
export const MANIFEST_MEDIA_TYPES = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json'
]

export interface RegistryAuth {
  registry: string
  username: string
  password: string
}

export interface Descriptor {
  mediaType: string
  digest: string
  size?: number
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
}

export class RegistryError extends Error {
  override readonly name = 'RegistryError'
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message)
  }
}

export type Fetch = typeof fetch

export class RegistryClient {
  constructor(
    private readonly auth: RegistryAuth,
    private readonly fetchImpl: Fetch = fetch
  ) {}

  private async get(path: string, accept: string[]): Promise<Response> {
    const basic = Buffer.from(`${this.auth.username}:${this.auth.password}`).toString('base64')
    return this.fetchImpl(`https://${this.auth.registry}/v2/${path}`, {
      headers: { authorization: `Basic ${basic}`, accept: accept.join(', ') },
      redirect: 'follow'
    })
  }

  /** The manifest a tag or digest names; undefined when the registry has no such tag. */
  async manifest(repository: string, reference: string): Promise<Manifest | undefined> {
    const res = await this.get(`${repository}/manifests/${reference}`, [...INDEX_MEDIA_TYPES, ...MANIFEST_MEDIA_TYPES])
    if (res.status === 404) return undefined
    if (!res.ok) throw new RegistryError(res.status, `GET ${repository}:${reference} manifest: ${res.status} ${await res.text()}`)
    const body = (await res.json()) as Omit<Manifest, 'digest'> & { mediaType?: string }
    return {
      ...body,
      mediaType: body.mediaType ?? res.headers.get('content-type') ?? '',
      digest: res.headers.get('docker-content-digest') ?? ''
    }
  }

  /** A JSON blob (an image config); the registry may redirect to storage (ECR: S3). */
  async jsonBlob(repository: string, digest: string): Promise<unknown> {
    // Authorization is not forwarded across origins by fetch, which is what a signed S3 URL needs.
    const res = await this.get(`${repository}/blobs/${digest}`, ['application/json', '*/*'])
    if (!res.ok) throw new RegistryError(res.status, `GET ${repository} blob ${digest}: ${res.status}`)
    return res.json()
  }
}
