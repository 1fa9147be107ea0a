/**
 * What an image's config says about it — its labels, its own `created` time, its platform —
 * read from the registry: for the first platform image a tag names (re-runs, `latest`'s
 * rule) or for every one (whether a tag names this run's build).
 */
import { MANIFEST_MEDIA_TYPES, type Descriptor, type Manifest, type RegistryClient } from './client.js'

export interface ImageConfig {
  labels: Record<string, string>
  /** the config's own `created` (RFC 3339); '' when it has none */
  created: string
  /** `os/architecture[/variant]`; '' when the config names none */
  platform: string
}

export const LABEL = {
  version: 'org.opencontainers.image.version',
  created: 'org.opencontainers.image.created',
  revision: 'org.opencontainers.image.revision'
} as const

/** An index entry that is a platform image: not an attestation manifest (which buildx lists as unknown/unknown). */
export function isPlatformImage(d: Descriptor): boolean {
  return MANIFEST_MEDIA_TYPES.includes(d.mediaType) && d.platform?.os !== 'unknown' && d.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest'
}

/** Pure: an image config blob as the facts the action reads from it. */
export function parseConfig(blob: unknown): ImageConfig {
  const c = (typeof blob === 'object' && blob !== null ? blob : {}) as { created?: unknown; os?: unknown; architecture?: unknown; variant?: unknown; config?: { Labels?: unknown } }
  const labels: Record<string, string> = {}
  const given = c.config?.Labels
  if (typeof given === 'object' && given !== null) for (const [k, v] of Object.entries(given)) if (typeof v === 'string') labels[k] = v
  const text = (v: unknown): string => (typeof v === 'string' ? v : '')
  const platform = text(c.os) !== '' && text(c.architecture) !== '' ? [c.os, c.architecture, ...(text(c.variant) !== '' ? [c.variant] : [])].join('/') : ''
  return { labels, created: text(c.created), platform }
}

/** The image manifests a manifest stands for (an index's platform images, or the image itself); undefined when the registry lacks one. */
async function platformImages(registry: RegistryClient, repository: string, manifest: Manifest, first: boolean): Promise<Manifest[] | undefined> {
  if (manifest.manifests === undefined) return [manifest]
  const children = manifest.manifests.filter(isPlatformImage)
  const read = await Promise.all((first ? children.slice(0, 1) : children).map(c => registry.manifest(repository, c.digest)))
  return read.every(m => m !== undefined) ? read : undefined
}

async function readConfig(registry: RegistryClient, repository: string, image: Manifest): Promise<ImageConfig | undefined> {
  return image.config ? parseConfig(await registry.jsonBlob(repository, image.config.digest)) : undefined
}

/** The config of the first platform image a manifest stands for; undefined when it names none the registry has. */
export async function firstImageConfig(registry: RegistryClient, repository: string, manifest: Manifest): Promise<ImageConfig | undefined> {
  const [image] = (await platformImages(registry, repository, manifest, true)) ?? []
  return image ? readConfig(registry, repository, image) : undefined
}

/** The configs of every platform image a manifest stands for; undefined when one of them can't be found. */
export async function imageConfigs(registry: RegistryClient, repository: string, manifest: Manifest): Promise<ImageConfig[] | undefined> {
  const images = await platformImages(registry, repository, manifest, false)
  if (images === undefined || images.length === 0) return undefined
  const configs = await Promise.all(images.map(image => readConfig(registry, repository, image)))
  return configs.every(c => c !== undefined) ? configs : undefined
}
