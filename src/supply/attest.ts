/**
 * The attest stage: each pushed platform image gets its provenance statement (and with
 * `sbom: true` its SPDX SBOM) as an OCI 1.1 referrer (referrers.ts), and the report reads
 * back what each platform image has attached.
 */
import * as core from '@actions/core'
import type { RegistryClient } from '../registry/client.js'
import type { RetryDeps } from '../retry.js'
import type { Env, Settings } from '../settings/types.js'
import { ActionError } from '../errors.js'
import type { Descriptor } from '../registry/client.js'
import { IN_TOTO_MEDIA_TYPE, provenanceStatement, SLSA_PROVENANCE_V1, subjectName } from './provenance.js'
import { SPDX_DOCUMENT, withSubject } from './sbom.js'
import { attach, listReferrers, predicateTypeOf, storeSharedConfig, subjectOf, type Attachment } from './referrers.js'

/** `provenance` as a mode: undefined when the workflow turned it off. */
export function provenanceMode(provenance: string): 'min' | 'max' | undefined {
  if (provenance === 'false') return undefined
  return provenance === 'mode=max' ? 'max' : 'min'
}

export interface PlatformImage {
  platform: string
  digest: string
}

export interface AttestInput {
  env: Env
  build: Settings['build']
  uri: string
  path: string
  version: string
  startedOn: string
  finishedOn: string
  /** ECR: each referrer also gets a tag of its own, which the lifecycle policy protects (referrers.ts keepTag) */
  keepTags?: boolean
}

/**
 * Attaches to each platform image its provenance statement and, given `sboms` (sbom.ts, by
 * platform), its SPDX statements; what was attached, per image. A platform the SBOM run gave
 * nothing for fails the run: `sbom: true` never passes on nothing.
 */
export async function attestImages(
  registry: RegistryClient,
  images: PlatformImage[],
  input: AttestInput,
  retry: RetryDeps,
  sboms?: Map<string, Buffer[]>
): Promise<(PlatformImage & Attachment & { kind: string })[]> {
  const mode = provenanceMode(input.build.provenance)
  type Done = PlatformImage & Attachment & { kind: string }
  const store = async (
    image: PlatformImage,
    subject: Promise<Descriptor>,
    shared: Promise<void>,
    kind: string,
    predicateType: string,
    statement: Buffer
  ): Promise<{ image: PlatformImage; attached: Attachment; kind: string }> => {
    const artifact = { artifactType: IN_TOTO_MEDIA_TYPE, predicateType, statement, created: input.finishedOn, keepTag: input.keepTags === true }
    return { image, attached: await attach(registry, input.path, subject, artifact, retry, shared), kind }
  }
  const statements = (image: PlatformImage): { kind: string; predicateType: string; statement: Buffer }[] => {
    const all =
      mode !== undefined
        ? [{ kind: 'provenance', predicateType: SLSA_PROVENANCE_V1, statement: Buffer.from(JSON.stringify(provenanceStatement({ ...input, mode, platform: image.platform, digest: image.digest }))) }]
        : []
    if (sboms === undefined) return all
    const found = sboms.get(image.platform) ?? (image.platform === '' && sboms.size === 1 ? [...sboms.values()][0] : undefined)
    if (found === undefined || found.length === 0) {
      throw new ActionError(`The SBOM generator made no SBOM for ${image.platform || 'the image'} (it made some for: ${[...sboms.keys()].join(', ') || 'none'}): the image is pushed without one.`)
    }
    const name = subjectName(input.uri, input.version, image.platform)
    return [...all, ...found.map(statement => ({ kind: 'SBOM', predicateType: SPDX_DOCUMENT, statement: withSubject(statement, { name, digest: image.digest }) }))]
  }
  // Every statement is decided before anything is stored: a platform without its SBOM stores nothing.
  const planned = images.map(image => ({ image, statements: statements(image) })).filter(p => p.statements.length > 0)
  if (planned.length === 0) return []
  // The platform images side by side, each one's statements one after another (a registry
  // without the referrers API keeps them in one index per platform image, read and put
  // back). The blob every referrer shares is stored once, beside the first statements'
  // uploads and the subjects' reads; every manifest waits for it.
  const shared = storeSharedConfig(registry, input.path, retry)
  shared.catch(() => undefined)
  const results = await Promise.allSettled(
    planned.map(async ({ image, statements }) => {
      // Read beside the first statement's upload.
      const subject = subjectOf(registry, input.path, image.digest, retry)
      const done = []
      for (const s of statements) done.push(await store(image, subject, shared, s.kind, s.predicateType, s.statement))
      return done
    })
  )
  // Said in the platforms' order, whichever finished first; what was stored is said before a failure is thrown.
  const stored = results.flatMap(r => (r.status === 'fulfilled' ? r.value : []))
  for (const { image, attached, kind } of stored) core.info(`Attached ${kind} to ${image.platform || 'the image'} ${image.digest.slice(0, 19)}… as ${attached.digest.slice(0, 19)}… (${attached.via})`)
  const failed = results.find(r => r.status === 'rejected')
  if (failed !== undefined) throw failed.reason
  return stored.map(({ image, attached, kind }): Done => ({ ...image, ...attached, kind }))
}

/** The kinds of statement known by their predicate type, as the summary names them. */
const KINDS: Record<string, string> = {
  [SLSA_PROVENANCE_V1]: 'provenance (SLSA v1)',
  'https://slsa.dev/provenance/v0.2': 'provenance (SLSA v0.2)',
  [SPDX_DOCUMENT]: 'SBOM (SPDX)'
}

/** What each platform image has attached, in words (`provenance (SLSA v1)`), read back from the registry. */
export async function readAttachments(registry: RegistryClient, path: string, images: PlatformImage[], retry: RetryDeps): Promise<(PlatformImage & { attached: string[] })[]> {
  return Promise.all(
    images.map(async image => {
      const found = await listReferrers(registry, path, image.digest, retry)
      const kinds = found.map(d => KINDS[predicateTypeOf(d)] ?? d.artifactType ?? d.mediaType)
      // In a fixed order (provenance, then SBOMs, then others), whatever order the registry lists them in.
      const rank = (k: string): number => Object.values(KINDS).indexOf(k) + 1 || 99
      return { ...image, attached: [...new Set(kinds)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)) }
    })
  )
}
