/**
 * The supply chain in the run, apart from the other stages:
 *
 *   referrerWarning  a stated lifecycle policy that could expire the referrers' tags, said once;
 *   attestStage      after the push, each platform image gets its provenance statement (and
 *                    its SBOM) as referrers (attest.ts); a failure leaves the image pushed, and
 *                    the outputs, the summary and the scan gate still come before it fails the run;
 *   summaryAttachments  what each platform image has attached, for the summary.
 */
import * as core from '@actions/core'
import type { Destination } from '../aws/destination.js'
import type { CheckedBuilder } from '../build/builder.js'
import { labelsFor } from '../build/plan.js'
import type { Docker } from '../docker.js'
import type { RegistryClient } from '../registry/client.js'
import { listPlatformImages } from '../registry/platform-images.js'
import type { PlatformManifest } from '../report/image-size.js'
import type { SummaryData } from '../report/summary.js'
import type { RetryDeps } from '../retry.js'
import type { Env, Settings } from '../settings/types.js'
import type { Stages } from '../stages.js'
import { attestImages, provenanceMode, readAttachments } from './attest.js'
import { referrerRisk } from './lifecycle.js'
import { generateSboms } from './sbom.js'

export interface AttestDeps {
  env: Env
  docker: Docker
  retry: RetryDeps
}

/** Whether the run attaches anything: provenance or an SBOM, on ECR or ECR Public. */
const attaches = (build: Settings['build']): boolean => provenanceMode(build.provenance) !== undefined || build.sbom

/** A warning when the workflow's lifecycle policy could expire the referrers' tags (lifecycle.ts). */
export function referrerWarning(settings: Settings, destination: Destination): void {
  const risk = destination.ecr !== undefined && attaches(settings.build) ? referrerRisk(settings.repository.lifecycle) : undefined
  if (risk !== undefined) core.warning(risk)
}

/**
 * The `attest` stage, for an image this run built (a merge's platforms were attested by their
 * jobs; a reused image keeps its referrers). It starts from the pushed index alone — the
 * platform images as it names them — while the pipeline reads their manifests for the report
 * and the scan gate (the client reads each digest once for both). Returns the failure, not
 * thrown: the pipeline reports first.
 */
export async function attestStage(
  settings: Settings,
  deps: AttestDeps,
  stages: Stages,
  at: { destination: Destination; registry: RegistryClient; digest: string; startedOn: string; builder: CheckedBuilder; built: boolean }
): Promise<Error | undefined> {
  const { build, image } = settings
  if (!at.built || build.mergeDigests.length > 0 || !attaches(build)) return undefined
  const run = async (): Promise<void> => {
    const { destination, registry } = at
    // The platform images the pushed index names (a read that fails fails the stage: never attested on nothing).
    const images = await listPlatformImages(registry, destination.path, at.digest, deps.retry, build.platforms.length === 1 ? (build.platforms[0] ?? '') : '')
    const finishedOn = new Date().toISOString()
    const sboms = build.sbom
      ? await generateSboms(deps.docker, build, labelsFor(deps.env, image.version), { tempDir: deps.env.RUNNER_TEMP, repositoryUri: destination.uri, builder: at.builder.use })
      : undefined
    const input = { env: deps.env, build, uri: destination.uri, path: destination.path, version: image.version, startedOn: at.startedOn, finishedOn, keepTags: destination.ecr !== undefined }
    await attestImages(
      registry,
      images.map(({ platform, digest }) => ({ platform, digest })),
      input,
      deps.retry,
      sboms
    )
  }
  return stages.run('attest', run).then(
    () => undefined,
    (error: unknown) => {
      deps.retry.cancel?.throwIfAborted()
      return error as Error
    }
  )
}

/** What each platform image has attached (attest.ts); a read that failed for good is said, not fatal. */
export async function summaryAttachments(registry: RegistryClient, path: string, images: PlatformManifest[], retry: RetryDeps): Promise<NonNullable<SummaryData['attachments']>> {
  try {
    return await readAttachments(
      registry,
      path,
      images.map(({ platform, digest }) => ({ platform, digest })),
      retry
    )
  } catch (error) {
    retry.cancel?.throwIfAborted()
    return (error as Error).message.replace(/\s+/g, ' ')
  }
}
