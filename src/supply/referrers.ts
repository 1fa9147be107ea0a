/**
 * OCI 1.1 referrers: a statement stored as an artifact manifest whose `subject` is a
 * platform image's manifest, so `oras discover`, cosign and ECR's console find it beside the
 * image and the index the tags name keeps only platform images (no `unknown/unknown`).
 *
 * A registry that indexed the subject answers the manifest PUT with `OCI-Subject` (ECR does);
 * one that doesn't gets the OCI referrers tag schema: an index under `sha256-<hex>` of the
 * subject listing its referrers, which the action reads, adds to and puts back.
 */
import { createHash } from 'node:crypto'
import { ActionError } from '../errors.js'
import { INDEX_MEDIA_TYPES, MANIFEST_MEDIA_TYPES, type Descriptor, type RegistryClient } from '../registry/client.js'
import { ImmutableTagError, withRegistryRetry } from '../registry/refusals.js'
import type { RetryDeps } from '../retry.js'
import { PREDICATE_TYPE_ANNOTATION } from './provenance.js'

const OCI_MANIFEST = MANIFEST_MEDIA_TYPES[0] ?? ''
const OCI_INDEX = INDEX_MEDIA_TYPES[0] ?? ''
/** The OCI empty descriptor's blob, `{}`: an artifact's config. */
const EMPTY = { mediaType: 'application/vnd.oci.empty.v1+json', body: Buffer.from('{}') }

const sha256 = (body: Buffer): string => `sha256:${createHash('sha256').update(body).digest('hex')}`

/** `sha256-<hex>`: the referrers tag schema's tag for a subject. */
export const referrersTag = (digest: string): string => digest.replace(':', '-')

export interface Attachment {
  /** the referrer's manifest digest */
  digest: string
  /** how the registry lists it: its referrers API, or the tag schema's `sha256-<hex>` tag */
  via: 'referrers-api' | 'tag-schema'
}

/** The subject's descriptor as the registry has it (media type and size of its manifest). */
export async function subjectOf(registry: RegistryClient, repository: string, digest: string, retry: RetryDeps): Promise<Descriptor> {
  const raw = await withRegistryRetry(registry.registry, `reading ${digest.slice(0, 19)}…`, retry, () => registry.manifestBytes(repository, digest))
  if (raw === undefined) throw new ActionError(`The registry has no ${digest} in ${repository} to attach to: run the job again.`)
  return { mediaType: raw.mediaType || OCI_MANIFEST, digest, size: raw.body.length }
}

/** Pure: the artifact manifest of one statement about `subject`. */
export function artifactManifest(subject: Descriptor, artifactType: string, predicateType: string, statement: Buffer, created: string): Buffer {
  return Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      artifactType,
      config: { mediaType: EMPTY.mediaType, digest: sha256(EMPTY.body), size: EMPTY.body.length },
      layers: [{ mediaType: artifactType, digest: sha256(statement), size: statement.length, annotations: { [PREDICATE_TYPE_ANNOTATION]: predicateType } }],
      subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
      annotations: { [PREDICATE_TYPE_ANNOTATION]: predicateType, 'org.opencontainers.image.created': created }
    })
  )
}

/** A blob stored unless the repository has it. */
async function storeBlob(registry: RegistryClient, repository: string, blob: Buffer, retry: RetryDeps): Promise<void> {
  const d = sha256(blob)
  await withRegistryRetry(registry.registry, `the upload of ${d.slice(0, 19)}…`, retry, async () => {
    if (!(await registry.blobExists(repository, d))) await registry.uploadBlob(repository, d, blob.length, blob)
  })
}

/**
 * The config every referrer shares (the OCI empty blob), stored once for referrers attached
 * side by side — each waits for this one store: two uploads of it at once made the registry
 * refuse a referrer now and then (`MANIFEST_BLOB_UNKNOWN`).
 */
export const storeSharedConfig = (registry: RegistryClient, repository: string, retry: RetryDeps): Promise<void> => storeBlob(registry, repository, EMPTY.body, retry)

/**
 * A statement's blob, uploaded without asking first: a statement is new with each run (its
 * times), and a blob uploaded twice is stored once. Two requests (client.ts uploadSmall).
 */
async function uploadStatement(registry: RegistryClient, repository: string, statement: Buffer, retry: RetryDeps): Promise<void> {
  const d = sha256(statement)
  await withRegistryRetry(registry.registry, `the upload of ${d.slice(0, 19)}…`, retry, () => registry.uploadSmall(repository, d, statement))
}

/**
 * Stores a statement as a referrer of `subject` (its descriptor, or its read under way);
 * retried where the registry may pass. `sharedConfig`: storeSharedConfig under way for
 * every referrer of the run; without it, the shared config is stored here.
 */
export async function attach(
  registry: RegistryClient,
  repository: string,
  subject: Descriptor | Promise<Descriptor>,
  artifact: { artifactType: string; predicateType: string; statement: Buffer; created: string; keepTag?: boolean },
  retry: RetryDeps,
  sharedConfig: Promise<void> = storeSharedConfig(registry, repository, retry)
): Promise<Attachment> {
  // The artifact's blobs go up beside the subject's read, when it is still being read.
  const [known] = await Promise.all([subject, sharedConfig, uploadStatement(registry, repository, artifact.statement, retry)])
  const manifest = artifactManifest(known, artifact.artifactType, artifact.predicateType, artifact.statement, artifact.created)
  const digest = sha256(manifest)
  const stored = await withRegistryRetry(registry.registry, `the ${artifact.predicateType} referrer of ${known.digest.slice(0, 19)}…`, retry, () =>
    registry.storeManifest(repository, digest, OCI_MANIFEST, manifest)
  )
  if (stored.subject === known.digest) {
    if (artifact.keepTag === true) await putKeepTag(registry, repository, known.digest, digest, manifest, retry)
    return { digest, via: 'referrers-api' }
  }
  const entry: Descriptor = { mediaType: OCI_MANIFEST, digest, size: manifest.length, artifactType: artifact.artifactType, annotations: { [PREDICATE_TYPE_ANNOTATION]: artifact.predicateType } }
  await addToReferrersTag(registry, repository, known.digest, entry, retry)
  return { digest, via: 'tag-schema' }
}

/**
 * `sha256-<subject hex>.<referrer hex, 16>`: a tag of the referrer's own, on ECR. ECR's
 * lifecycle rules expire a referrer within 24 hours of its subject's deletion, but nothing
 * in them keeps an untagged referrer from an `untagged` rule while its subject lives (only
 * images an index references are kept so); tagged, and protected by the policy's
 * `sha256-*` rule (settings/lifecycle-policy.ts), it lives exactly as long as its image.
 * Unique per referrer, so never overwritten: a tag already naming it is fine.
 */
export const keepTag = (subject: string, referrer: string): string => `${referrersTag(subject)}.${referrer.replace(/^sha256:/, '').slice(0, 16)}`

async function putKeepTag(registry: RegistryClient, repository: string, subject: string, digest: string, manifest: Buffer, retry: RetryDeps): Promise<void> {
  const tag = keepTag(subject, digest)
  try {
    await withRegistryRetry(registry.registry, `the tag '${tag}'`, retry, () => registry.putManifest(repository, tag, OCI_MANIFEST, manifest))
  } catch (error) {
    if (!(error instanceof ImmutableTagError) || (await registry.manifest(repository, tag))?.digest !== digest) throw error
  }
}

/** The tag schema: the subject's `sha256-<hex>` index with `entry` in it (read, added to, put back). */
async function addToReferrersTag(registry: RegistryClient, repository: string, subject: string, entry: Descriptor, retry: RetryDeps): Promise<void> {
  const tag = referrersTag(subject)
  const current = await withRegistryRetry(registry.registry, `reading the tag '${tag}'`, retry, () => registry.manifest(repository, tag))
  const listed = current?.manifests ?? []
  if (listed.some(d => d.digest === entry.digest)) return
  const index = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [...listed, entry] }))
  try {
    await withRegistryRetry(registry.registry, `the tag '${tag}'`, retry, () => registry.putManifest(repository, tag, OCI_INDEX, index))
  } catch (error) {
    if (!(error instanceof ImmutableTagError)) throw error
    throw new ActionError(
      `The registry lists referrers by the tag '${tag}' (it has no referrers API), and ${repository} keeps that tag immutable: ` +
        `add 'sha256-*' to tag-mutability-exclusions (as for latest), or set provenance: false and sbom: false.`
    )
  }
}

/** What refers to `digest`: from the referrers API, else from the tag schema's index; [] when nothing does. */
export async function listReferrers(registry: RegistryClient, repository: string, digest: string, retry: RetryDeps): Promise<Descriptor[]> {
  const viaApi = await withRegistryRetry(registry.registry, `reading the referrers of ${digest.slice(0, 19)}…`, retry, () => registry.referrers(repository, digest))
  if (viaApi !== undefined) return viaApi
  const tag = referrersTag(digest)
  const index = await withRegistryRetry(registry.registry, `reading the tag '${tag}'`, retry, () => registry.manifest(repository, tag))
  return index?.manifests ?? []
}

/** A referrer's predicate type (`in-toto.io/predicate-type`), '' when it names none. */
export const predicateTypeOf = (d: Descriptor): string => d.annotations?.[PREDICATE_TYPE_ANNOTATION] ?? ''
