/**
 * A write whose answer was lost — the registry stored it, then the connection was reset or
 * a 5xx came back — is tried again, and ECR refuses the second try on an immutable tag
 * (400 TAG_INVALID, "The image tag 'X' already exists … cannot be overwritten"), even when
 * the content is the same. When the tag already names exactly what this run wrote, that is
 * success, not "bump the version". Decided from what the registry holds under the tag,
 * read back with the registry client, against what this run knows it wrote:
 *
 * - a tag put over the registry API: the tag names the digest that was put;
 * - buildx's push: every platform image under the tag carries this run's labels — among
 *   them the action's `org.opencontainers.image.created`, a time no other run gives — and
 *   they are exactly the requested platforms;
 * - a merge: the tag's index names exactly the platform manifests of the given digests.
 *
 * Anything else (another image took the tag meanwhile) keeps the refusal.
 */
import type { RetryDeps } from '../retry.js'
import type { Manifest, RegistryClient } from './client.js'
import { imageConfigs, LABEL, type ImageConfig } from './image-config.js'
import { withRegistryRetry } from './refusals.js'

/** What this run's build gives each of its images. */
export interface BuildIdentity {
  /** every label the images carry, the workflow's over the action's, the action's created time among them */
  labels: Record<string, string>
  platforms: string[]
}

function keyValues(pairs: string[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const pair of pairs) {
    const at = pair.indexOf('=')
    if (at > 0) out[pair.slice(0, at)] = pair.slice(at + 1)
  }
  return out
}

/**
 * Pure: the labels this run's build gives its images (the workflow's own win, as on
 * buildx's command line); undefined when the workflow replaces the action's created time,
 * the one label that tells this run's images from another run's.
 */
export function buildIdentity(actionLabels: string[], workflowLabels: string[], platforms: string[]): BuildIdentity | undefined {
  const own = keyValues(actionLabels)
  const labels = { ...own, ...keyValues(workflowLabels) }
  const mark = own[LABEL.created]
  return mark !== undefined && labels[LABEL.created] === mark ? { labels, platforms } : undefined
}

/** arm64's only variant is v8 (and amd64's v1): registries and buildx write it or not. */
const platformKey = (p: string): string => p.replace(/^([^/]+)\/(arm64\/v8|amd64\/v1)$/, (_, os: string, arch: string) => `${os}/${arch.split('/')[0]}`)

/** Pure: the same values, each as often, in any order. */
function sameItems(a: string[], b: string[]): boolean {
  const x = [...a].sort()
  const y = [...b].sort()
  return x.length === y.length && x.every((v, i) => v === y[i])
}

/** Pure: the platform images under a tag are this run's build — each carries all its labels, and they are exactly its platforms. */
export function isThisBuild(configs: ImageConfig[], build: BuildIdentity): boolean {
  if (
    !sameItems(
      configs.map(c => platformKey(c.platform)),
      build.platforms.map(platformKey)
    )
  )
    return false
  return configs.every(c => Object.entries(build.labels).every(([k, v]) => c.labels[k] === v))
}

/** Pure: an index names exactly these manifests, in any order. */
export function namesExactly(children: string[], expected: string[]): boolean {
  return sameItems(children, expected)
}

/** What a tag names now, read with the retries of any registry read; undefined when there is no such tag. */
export function readTag(registry: RegistryClient, repository: string, tag: string, retry: RetryDeps): Promise<Manifest | undefined> {
  return withRegistryRetry(registry.registry, `reading the tag '${tag}'`, retry, () => registry.manifest(repository, tag))
}

/** The digest `tag` names when it is this run's build; undefined when it names something else (or nothing). */
export async function tagHoldsBuild(registry: RegistryClient, repository: string, tag: string, build: BuildIdentity | undefined, retry: RetryDeps): Promise<string | undefined> {
  if (build === undefined) return undefined
  const top = await readTag(registry, repository, tag, retry)
  if (top === undefined) return undefined
  const configs = await withRegistryRetry(registry.registry, `reading the images '${tag}' names`, retry, () => imageConfigs(registry, repository, top))
  return configs !== undefined && isThisBuild(configs, build) ? top.digest : undefined
}

/**
 * The digest `tag` names when it is the index made from exactly these digests: an image
 * digest stands for itself, an index's for its children (`imagetools create` merges them).
 */
export async function tagHoldsMerge(registry: RegistryClient, repository: string, tag: string, digests: string[], retry: RetryDeps): Promise<string | undefined> {
  const top = await readTag(registry, repository, tag, retry)
  if (top?.manifests === undefined) return undefined
  const expected = await withRegistryRetry(registry.registry, 'reading the merged images', retry, async () => {
    const given = await Promise.all(digests.map(d => registry.manifest(repository, d)))
    return given.flatMap((m, i) => (m?.manifests !== undefined ? m.manifests.map(c => c.digest) : [digests[i] ?? '']))
  })
  return namesExactly(
    top.manifests.map(m => m.digest),
    expected
  )
    ? top.digest
    : undefined
}

/** The log line for a tag the registry would not write again because it already names what this run wrote. */
export function foundTag(tag: string, digest: string): string {
  return `Found tag '${tag}' already naming this run's image (${digest}): the registry refused to write the immutable tag again, so an earlier try was stored though its answer was lost.`
}
