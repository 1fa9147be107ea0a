/**
 * The outputs, computed by one pure function so that every run sets the same keys.
 * No output holds a masked value: GitHub drops job outputs that do, and these are meant
 * to be passed to deploy jobs.
 */
import * as core from '@actions/core'
import { Output } from '../constants.js'
import type { Settings } from '../settings/types.js'

export interface OutputValues {
  /** Registry host; empty when the run did not reach ECR (push: false). */
  registry: string
  /** `<registry>/<repository>`, or the bare repository name when not pushed. */
  repositoryUri: string
  version: string
  tags: string[]
  latest: boolean
  digest: string
  metadata: Record<string, unknown>
  /** the version already existed and nothing was built */
  skipped: boolean
  /** The image's URIs in the regions it replicates to. */
  replicaUris?: string[]
  /** Findings per severity from the scan gate; undefined when there was no gate. */
  scanFindings?: Record<string, number>
  /** ECR managed signing's outcome (aws/signature.ts); undefined when the run pushed nothing. */
  signature?: string
  /** The labels the build gave the image (`KEY=VALUE`) and its annotations (`<level>:KEY=VALUE`); empty when nothing was built. */
  labels?: string[]
  annotations?: string[]
  /** `<repository URI>@<digest>` of each copy (`copy-to`) */
  copiedUris?: string[]
}

export function imageOutputs(v: OutputValues): Record<(typeof Output)[keyof typeof Output], string> {
  return {
    [Output.Registry]: v.registry,
    [Output.RepositoryUri]: v.repositoryUri,
    [Output.ImageUri]: `${v.repositoryUri}:${v.version}`,
    [Output.LatestUri]: v.latest ? `${v.repositoryUri}:latest` : '',
    [Output.Digest]: v.digest,
    [Output.ImageDigestUri]: v.digest !== '' ? `${v.repositoryUri}@${v.digest}` : '',
    [Output.Tags]: v.tags.map(t => `${v.repositoryUri}:${t}`).join('\n'),
    [Output.Version]: v.version,
    [Output.Metadata]: JSON.stringify(v.metadata),
    [Output.Skipped]: String(v.skipped),
    [Output.ReplicaUris]: (v.replicaUris ?? []).join('\n'),
    [Output.ScanFindings]: v.scanFindings !== undefined ? JSON.stringify(v.scanFindings) : '',
    [Output.Signature]: v.signature ?? '',
    // What actions/attest-build-provenance takes with push-to-registry: the image's name without a tag, and its digest.
    [Output.SubjectName]: v.digest !== '' ? v.repositoryUri : '',
    [Output.SubjectDigest]: v.digest,
    [Output.Labels]: (v.labels ?? []).join('\n'),
    [Output.Annotations]: (v.annotations ?? []).join('\n'),
    [Output.CopiedUris]: (v.copiedUris ?? []).join('\n')
  }
}

export function setOutputs(values: Record<string, string>, setOutput = core.setOutput): void {
  for (const [name, value] of Object.entries(values)) setOutput(name, value)
}

/** The outputs that follow from the settings and the repository alone. */
export function outputBase(image: Settings['image'], repositoryUri: string, registry: string): Pick<OutputValues, 'registry' | 'repositoryUri' | 'version' | 'tags' | 'latest'> {
  return { registry, repositoryUri, version: image.version, tags: image.tags, latest: image.latest }
}
