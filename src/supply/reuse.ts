/**
 * A re-run's reuse rests on provenance, not a label: `if-version-exists: auto` keeps an
 * existing version only when every platform image of it has a provenance referrer naming
 * this repository, this commit and an allowed workflow ref (this run's own workflow file at
 * its ref). Reads that fail for good fail the run (fail closed): nothing is reused on a
 * statement the action could not read.
 */
import { withRegistryRetry } from '../registry/refusals.js'
import type { RegistryClient } from '../registry/client.js'
import { readPlatformImages } from '../registry/platform-images.js'
import type { RetryDeps } from '../retry.js'
import type { Env } from '../settings/types.js'
import { provenanceMismatch, SLSA_PROVENANCE_V1, workflowRefOf, workflowRun, type ReuseClaim } from './provenance.js'
import { listReferrers, predicateTypeOf } from './referrers.js'

/** What the provenance of an existing version shows: built by this run's workflow from this commit, or why not. */
export type ProvenanceVerdict = { ok: true; workflow: string } | { ok: false; why: string }

/** The claim a run makes: its repository, commit and workflow ref. */
export function reuseClaim(env: Env): Omit<ReuseClaim, 'digest'> {
  const run = workflowRun(env)
  return { repository: run.repository, sha: run.sha, workflowRefs: run.path === '' ? [] : [workflowRefOf(run)] }
}

/** Judges the provenance referrers of every platform image `digest` stands for. */
export async function judgeProvenance(registry: RegistryClient, path: string, digest: string, claim: Omit<ReuseClaim, 'digest'>, retry: RetryDeps): Promise<ProvenanceVerdict> {
  if (claim.repository === '' || claim.sha === '' || claim.workflowRefs.length === 0) {
    return { ok: false, why: 'this run names no repository, commit or workflow ref (GITHUB_REPOSITORY, GITHUB_SHA, GITHUB_WORKFLOW_REF) to compare its provenance with' }
  }
  const images = await readPlatformImages(registry, path, digest, retry)
  if (images.length === 0) return { ok: false, why: 'its index names no platform image' }
  for (const image of images) {
    const why = await imageMismatch(registry, path, { ...claim, digest: image.digest }, retry)
    if (why !== undefined) return { ok: false, why: `${image.platform || 'the image'} ${image.digest.slice(0, 19)}…: ${why}` }
  }
  return { ok: true, workflow: claim.workflowRefs[0] ?? '' }
}

/** undefined when one of the image's provenance referrers matches the claim; else why none does. */
async function imageMismatch(registry: RegistryClient, path: string, claim: ReuseClaim, retry: RetryDeps): Promise<string | undefined> {
  const referrers = (await listReferrers(registry, path, claim.digest, retry)).filter(d => predicateTypeOf(d) === SLSA_PROVENANCE_V1)
  if (referrers.length === 0) return 'it has no SLSA provenance referrer'
  let why = ''
  for (const referrer of referrers) {
    const manifest = await withRegistryRetry(registry.registry, `reading the provenance ${referrer.digest.slice(0, 19)}…`, retry, () => registry.manifest(path, referrer.digest))
    const layer = manifest?.layers?.[0]
    if (manifest?.subject?.digest !== claim.digest || layer === undefined) {
      why = 'its provenance referrer is not about it'
      continue
    }
    const statement = await withRegistryRetry(registry.registry, `reading the statement ${layer.digest.slice(0, 19)}…`, retry, () => registry.jsonBlob(path, layer.digest))
    const mismatch = provenanceMismatch(statement, claim)
    if (mismatch === undefined) return undefined
    why = mismatch
  }
  return why
}
