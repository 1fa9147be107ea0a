/**
 * Stage 5b — attest: each pushed platform image gets its provenance statement as an OCI 1.1
 * referrer (referrers.ts), and the report reads back what each platform image has attached.
 */
import * as core from '@actions/core'
import type { RegistryClient } from '../registry/client.js'
import type { RetryPolicy } from '../retry.js'
import type { Env, Settings } from '../settings/types.js'
import { IN_TOTO_MEDIA_TYPE, provenanceStatement, SLSA_PROVENANCE_V1 } from './provenance.js'
import { attach, listReferrers, predicateTypeOf, subjectOf, type Attachment } from './referrers.js'

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
}

/** Attaches a provenance statement to each platform image; what was attached, per image. */
export async function attestImages(registry: RegistryClient, images: PlatformImage[], input: AttestInput, retry: RetryPolicy): Promise<(PlatformImage & Attachment)[]> {
  const mode = provenanceMode(input.build.provenance)
  if (mode === undefined) return []
  const done: (PlatformImage & Attachment)[] = []
  for (const image of images) {
    const subject = await subjectOf(registry, input.path, image.digest, retry)
    const statement = provenanceStatement({ ...input, mode, platform: image.platform, digest: image.digest })
    const attached = await attach(
      registry,
      input.path,
      subject,
      { artifactType: IN_TOTO_MEDIA_TYPE, predicateType: SLSA_PROVENANCE_V1, statement: Buffer.from(JSON.stringify(statement)), created: input.finishedOn },
      retry
    )
    core.info(`Attached provenance to ${image.platform || 'the image'} ${image.digest.slice(0, 19)}… as ${attached.digest.slice(0, 19)}… (${attached.via})`)
    done.push({ ...image, ...attached })
  }
  return done
}

/** The kinds of statement known by their predicate type, as the summary names them. */
const KINDS: Record<string, string> = {
  [SLSA_PROVENANCE_V1]: 'provenance (SLSA v1)',
  'https://slsa.dev/provenance/v0.2': 'provenance (SLSA v0.2)',
  'https://spdx.dev/Document': 'SBOM (SPDX)'
}

/** What each platform image has attached, in words (`provenance (SLSA v1)`), read back from the registry. */
export async function readAttachments(registry: RegistryClient, path: string, images: PlatformImage[], retry: RetryPolicy): Promise<(PlatformImage & { attached: string[] })[]> {
  return Promise.all(
    images.map(async image => {
      const found = await listReferrers(registry, path, image.digest, retry)
      const kinds = found.map(d => KINDS[predicateTypeOf(d)] ?? d.artifactType ?? d.mediaType)
      return { ...image, attached: [...new Set(kinds)] }
    })
  )
}
