/**
 * The platform images a pushed digest (or a tag) stands for, read from the registry: what
 * the scan gate judges and the summary sizes.
 */
import { ActionError } from '../errors.js'
import type { RetryDeps } from '../retry.js'
import type { PlatformManifest } from '../report/image-size.js'
import type { Manifest, RegistryClient } from './client.js'
import { isPlatformImage } from './image-config.js'
import { withRegistryRetry } from './refusals.js'

/**
 * The platform images a pushed digest stands for: an index's children (attestations left
 * out), or the image itself (named `single`). Each read that fails in a way that may pass
 * is tried again under `retry`; an empty digest, a read that fails for good, or a digest
 * the registry has no manifest for throws an ActionError saying so. A child the registry
 * doesn't have is kept by its descriptor (its digest is still what ECR scans).
 */
export async function readPlatformImages(registry: RegistryClient, repository: string, digest: string, retry: RetryDeps, single = ''): Promise<PlatformManifest[]> {
  const { top, images } = await topAndImages(registry, repository, digest, retry, single)
  if (top.manifests === undefined) return images.map(i => ({ ...i, manifest: top }))
  return Promise.all(images.map(async i => ({ ...i, manifest: (await readManifest(registry, repository, retry, 'the platform image', i.digest)) ?? { digest: i.digest, mediaType: i.mediaType } })))
}

/**
 * The same platform images by their platform and digest only, as the index names them: one
 * read (a read by digest the client shares with readPlatformImages' of the same digest).
 */
export async function listPlatformImages(registry: RegistryClient, repository: string, digest: string, retry: RetryDeps, single = ''): Promise<{ platform: string; digest: string }[]> {
  return (await topAndImages(registry, repository, digest, retry, single)).images.map(({ platform, digest }) => ({ platform, digest }))
}

const readManifest = (registry: RegistryClient, repository: string, retry: RetryDeps, what: string, reference: string): Promise<Manifest | undefined> =>
  withRegistryRetry(registry.registry, `reading ${what} ${reference.slice(0, 19)}…`, retry, () => registry.manifest(repository, reference))

async function topAndImages(
  registry: RegistryClient,
  repository: string,
  digest: string,
  retry: RetryDeps,
  single: string
): Promise<{ top: Manifest; images: { platform: string; digest: string; mediaType: string }[] }> {
  if (digest === '') throw new ActionError('the run has no digest of the pushed image (the registry named none): run the job again.')
  const top = await readManifest(registry, repository, retry, 'the pushed image', digest)
  if (top === undefined) throw new ActionError('the registry has no such manifest (was it deleted during the run?): run the job again.')
  // A one-platform build pushes the image itself; `single` names its platform.
  if (top.manifests === undefined) return { top, images: [{ platform: single, digest: top.digest || digest, mediaType: top.mediaType }] }
  const platform = (p: (typeof top.manifests)[number]['platform']): string => (p ? `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}` : '')
  return { top, images: top.manifests.filter(isPlatformImage).map(m => ({ platform: platform(m.platform), digest: m.digest, mediaType: m.mediaType })) }
}

/**
 * The platform images of what was pushed, each read tried again while it fails in a way
 * that may pass; when they can't be read (or there are none), why not, in one line.
 * @param single the one platform a single-platform build was for ('' otherwise)
 * @param gated the scan gate will judge them (its fix is named when there are none)
 */
export async function pushedImages(
  registry: RegistryClient,
  path: string,
  digest: string,
  retry: RetryDeps,
  { single, gated, cancel }: { single: string; gated: boolean; cancel?: AbortSignal | undefined }
): Promise<{ images: PlatformManifest[]; unread?: string }> {
  try {
    const images = await readPlatformImages(registry, path, digest, retry, single)
    if (images.length > 0) return { images }
    return { images, unread: `its index names no platform image (only attestations)${gated ? ': push an image built for a platform, or remove scan-fail-on.' : '.'}` }
  } catch (error) {
    // A cancel ends the run; anything else is why the images are unknown.
    cancel?.throwIfAborted()
    return { images: [], unread: (error as Error).message.replace(/\s+/g, ' ') }
  }
}
