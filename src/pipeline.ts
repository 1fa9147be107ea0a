/**
 * A push, as a sequence of stages, each awaited before the next:
 *
 *   1. sign-in     credentials (OIDC → STS, or the job's own); the builder check runs beside
 *                  it and the stages up to the push, which waits for it;
 *   2. repository  the repository made to match the workflow (the plan a dry run prints,
 *                  aws/destination.ts; a plan with writes is carried out once the builder
 *                  check has passed: nothing is written to AWS before docker can build what
 *                  was asked), and the registry's token;
 *   3. version     whether the version tag exists already (a re-run); what `latest` names is
 *                  read beside it and the stages after it, for the summary, before it moves;
 *   4. login       docker logged in to the registry (the post step logs out);
 *   5. push        build and push, merge per-platform digests, or reuse the existing image —
 *                  under its version tag only;
 *   6. scan        with `scan-fail-on`: ECR's scans awaited, up to `scan-timeout`;
 *   7. signature   ECR managed signing: the pushed image's signature awaited when a signing
 *                  rule covers the repository (signing-stage.ts; its configuration is read
 *                  beside the repository stage and the version lookup, and stops a
 *                  `require-signature` run before the build when ECR won't sign it);
 *   8. copy, tags  `copy-to`'s copies made, then the other tags, the ref tags and `latest`
 *                  put on the image, once the provenance is attached, the gate passed and
 *                  the signature is there; a check that failed copies nothing and leaves
 *                  the tags where they were (tags-stage.ts);
 *   9. report      outputs, job summary, then the scan gate's and the signature's verdicts;
 *                  then docker's login and the exported credentials renewed for the job's
 *                  later steps if they were.
 *
 * The role's session and the registry's token are renewed when they are about to run out
 * (aws/session.ts), so the calls after a long build — tags, the scan gate — still work.
 *
 * What runs side by side does so inside a stage. Every effect comes in through
 * `PipelineDeps` or the AWS SDK, which the unit tests replace. The run's cancel
 * (`deps.cancel`) is handed to each stage and effect that waits: it stops the docker process
 * running and starts no further stage, try, tag or AWS write; a retry gets it beside its
 * policy (`{ policy, cancel }`), which is only timing.
 */
import * as core from '@actions/core'
import { applyDestination, planDestination, plannedWrites, type Destination } from './aws/destination.js'
import { exportCredentials, runSession } from './aws/sign-in.js'
import { awaitScans, gateVerdict, unjudgeable } from './aws/scan-verdict.js'
import { describeBuilder, startBuilderCheck, type CheckedBuilder } from './build/builder.js'
import { buildAndPush, mergeIndex } from './build/buildx.js'
import { annotationsFor, annotationsForBuild, mergedLabels } from './build/metadata.js'
import { onIndexOnly } from './settings/annotations.js'
import { imageReferences, labelsFor, tagRoutes } from './build/plan.js'
import { failedCheck, latestReadAhead, putTags, tagsAfterChecks } from './tags-stage.js'
import { buildxConfigDir } from './build/record.js'
import { ActionError } from './errors.js'
import type { Docker } from './docker.js'
import type { RegistryClient, RegistryCredentials, RenewableCredentials } from './registry/client.js'
import { decideVersion, type ExistingVersion, type VersionDecision } from './registry/existing-version.js'
import { withRegistryRetry } from './registry/refusals.js'
import { buildIdentity, tagHoldsBuild, tagHoldsMerge } from './registry/already-tagged.js'
import { checkReferenceHosts } from './settings/tag-references.js'
import { pushedImages } from './registry/platform-images.js'
import { report, type Pushed } from './report/report.js'
import { checkBeforeBuild, readSigning, signatureStage } from './signing-stage.js'
import type { NetworkSettings } from './network/agents.js'
import type { RetryDeps, RetryPolicy } from './retry.js'
import type { Env, Settings } from './settings/types.js'
import { Stages } from './stages.js'
import { copyToDestinations, loginReadRegistries, withheldCopies } from './other-registries-stage.js'
import { login, renewForLaterSteps } from './login-stage.js'
import { attestStage, referrerWarning, summaryAttachments } from './supply/attest-stage.js'
import { lookUpVersion, readLatestBefore, withProvenance, withStorageState } from './version-stage.js'

export interface PipelineDeps {
  env: Env
  docker: Docker
  /** the registry's HTTP API, signed in with these credentials */
  registry: (credentials: RegistryCredentials | RenewableCredentials) => RegistryClient
  /** the runner's OIDC token for an audience */
  getIDToken: (audience: string) => Promise<string>
  /** how registry writes and pushes are tried again */
  retry: RetryPolicy
  /** the run's proxy and timeouts (network/agents.ts), for the AWS clients; the registry client and the OIDC request are made with them */
  network: NetworkSettings
  /** the run's cancel (cancel.ts) */
  cancel?: AbortSignal
  /** the builder check, when main.ts started it while this module and the AWS SDK loaded (build/builder.ts startBuilderCheck) */
  builderCheck?: Promise<CheckedBuilder>
}

export async function pushPipeline(settings: Settings, deps: PipelineDeps): Promise<void> {
  const { aws, build, image, repository } = settings
  const { cancel } = deps
  // Every retry is handed the run's cancel: a wait ends at it, and no try starts after it.
  const retry: RetryDeps = { policy: deps.retry, cancel }
  const stages = new Stages(cancel)

  // The builder check (a docker CLI start, longer than an STS call) runs beside the sign-in,
  // the repository's reads, the version look-up and the login; a plan with writes waits for it
  // (nothing is written to AWS before docker can build what was asked), and so does the push stage.
  const builderCheck = deps.builderCheck ?? startBuilderCheck(deps.docker, build)
  const session = await stages.run('sign-in', () => runSession(aws, deps))
  if (aws.exportCredentials) exportCredentials(session)
  // The registry's signing configuration, read beside the repository stage and the version look-up.
  const signing = readSigning(settings, session, cancel)

  const destination = await stages.run('repository', async () => {
    const plan = await planDestination(settings, session)
    if (plannedWrites(plan).length > 0) await builderCheck
    return applyDestination(settings, plan)
  })
  checkReferenceHosts(image.referenceHosts, destination.uri, repository.name)
  for (const change of destination.changes) core.info(`Repository ${repository.name}: ${change}`)
  for (const note of destination.notes ?? []) core.info(`Repository ${repository.name}: note: ${note}`)
  if (destination.lifecycle !== '') core.info(`Lifecycle policy: ${destination.lifecycle}`)
  for (const warning of destination.warnings) core.warning(warning)
  referrerWarning(settings, destination)
  const registry = deps.registry(destination.credentials)

  // Read for the summary beside the version look-up and what follows it; awaited before `latest` moves.
  const latestBefore = readLatestBefore(settings, registry, destination.path, retry)
  const existing = await stages.run('version', async () => {
    const found = await lookUpVersion(settings, registry, destination.path, retry)
    const existing = found && (await withStorageState(settings, destination, found, cancel))
    return existing && (await withProvenance(settings, registry, destination.path, existing, { env: deps.env, retry }))
  })
  const decision = decideVersion(existing, { sha: deps.env.GITHUB_SHA ?? '', version: image.version, repository: repository.name }, image.ifVersionExists)
  checkBeforeBuild(settings, await signing)

  const loggedIn = destination.credentials.current
  const [firstLogin] = await stages.run('login', () => Promise.all([login(deps, loggedIn), loginReadRegistries(settings, session, deps, loggedIn.registry)]))

  const builder = await builderCheck
  const startedOn = new Date().toISOString()
  const pushed =
    !decision.build && existing !== undefined
      ? await stages.run('reuse', () => reuse(existing, decision))
      : build.mergeDigests.length > 0
        ? await stages.run('merge', () => merge(settings, deps, retry, destination, registry, builder))
        : await stages.run('build+push', () => buildPush(settings, deps, retry, destination, registry, builder))

  // What latest's check reads, read beside the stages up to the tags (tags-stage.ts).
  const latestAhead = latestReadAhead(settings, { destination, registry, retry }, pushed.digest)
  // What was pushed, platform by platform: the summary's sizes and what the scan gate judges.
  const gated = settings.scan.failOn !== undefined
  const single = build.platforms.length === 1 && build.mergeDigests.length === 0 ? (build.platforms[0] ?? '') : ''
  // Read beside the attest stage, which lists them from the pushed index alone (one read of each digest serves both).
  const reading: ReturnType<typeof pushedImages> =
    settings.summary || gated ? pushedImages(registry, destination.path, pushed.digest, retry, { single, gated, cancel }) : Promise.resolve({ images: [] })
  reading.catch(() => undefined)
  // A failed attest leaves the image pushed: what follows still runs, then the run fails.
  const attestAt = { destination, registry, digest: pushed.digest, startedOn, builder, built: pushed.built }
  const attestFailure = await attestStage(settings, { env: deps.env, docker: deps.docker, retry }, stages, attestAt)
  const read = await reading

  const unjudged = gated ? unjudgeable(settings, destination, read.unread) : undefined
  const ecr = destination.ecr
  const scan = gated && unjudged === undefined && ecr !== undefined ? await stages.run('scan', () => awaitScans(settings, { ...destination, ecr }, read.images)) : undefined
  const verdict = gated ? gateVerdict(settings, pushed.digest, scan, unjudged) : undefined

  const signature = await signatureStage(settings, stages, destination, pushed, await signing, cancel)

  // The tags after the version only once every check passed; the gate, the signature and a failed attest fail the run after the outputs and the summary are written.
  const failures = [verdict?.failure, signature.failure !== undefined ? new ActionError(`${signature.failure}.`) : undefined, attestFailure].filter(f => f !== undefined)
  const held = failedCheck({ gate: verdict?.failure, signature: signature.failure, attest: attestFailure })
  // The copies, like the tags, only of an image that passed: the other registries never get one the run failed.
  const copyAt = { registry, path: destination.path, digest: pushed.digest, retry }
  const copying = settings.registries?.copyTo ?? []
  const copies = copying.length > 0 && held === undefined ? await stages.run('copy', () => copyToDestinations(settings, session, copyAt, deps.registry)) : []
  const checked = copying.length > 0 && held !== undefined ? { ...pushed, outcome: `${pushed.outcome}; ${withheldCopies(settings, registry.registry, held)}` } : pushed
  // What each platform image has attached, for the summary: read beside the tags stage.
  const attachmentsRead = settings.summary && read.images.length > 0 ? summaryAttachments(registry, destination.path, read.images, retry) : undefined
  attachmentsRead?.catch(() => undefined)
  const tagsAt = { destination, registry, retry, latestRead: latestBefore, latestAhead }
  const tagged = tagsAfterChecks(settings).length > 0 ? await stages.run('tags', () => putTags(settings, tagsAt, checked, !pushed.built, held)) : checked
  const attachments = await attachmentsRead
  await report(settings, { destination, pushed: tagged, ...read, latestBefore: await latestBefore, ...(verdict ? { scan: verdict } : {}), signature, attachments, copies, times: stages.times })
  for (const also of failures.slice(1)) core.warning(`Also: ${also.message}`)
  if (failures[0] !== undefined) throw failures[0]
  await renewForLaterSteps(settings, deps, session, destination, loggedIn, firstLogin)
}

/** A re-run: nothing is built; the tags after the version move back to it once the run's checks pass (tags-stage.ts). */
async function reuse(existing: ExistingVersion, decision: VersionDecision): Promise<Pushed> {
  const reason = decision.build ? '' : decision.reason
  core.info(`Not building: ${reason}.`)
  return { digest: existing.digest, metadata: {}, built: false, outcome: `skipped: ${reason}` }
}

/**
 * The index made from the digests per-platform runs pushed, under its version (the other
 * tags follow once the run's checks pass: tags-stage.ts). A version the registry refused
 * because it already names that index (a lost answer) is taken as merged. Its digest is read
 * back from the version tag.
 */
async function merge(settings: Settings, deps: PipelineDeps, retry: RetryDeps, destination: Destination, registry: RegistryClient, builder: CheckedBuilder): Promise<Pushed> {
  const { build, image } = settings
  const annotations = annotationsFor(labelsFor(deps.env, image.version), build.annotations.filter(onIndexOnly), ['index'])
  const check = (tag: string): Promise<string | undefined> => tagHoldsMerge(registry, destination.path, tag, build.mergeDigests, retry)
  const found = await mergeIndex(deps.docker, destination.uri, [image.version], build.mergeDigests, { retry, builder: builder.use, timeoutSeconds: build.mergeTimeoutSeconds, annotations }, check)
  const index = found ?? (await withRegistryRetry(registry.registry, `reading the merged index '${image.version}'`, retry, () => registry.manifest(destination.path, image.version)))
  if (index === undefined) {
    throw new ActionError(`The merge exited successfully, but the registry has no '${image.version}' in ${destination.path} after it: run the job again.`)
  }
  const outcome = `merged ${build.mergeDigests.length} platform images into one index${found ? `; found '${found.tag}' already naming it` : ''}`
  return { digest: index.digest, metadata: {}, built: true, outcome, builder: describeBuilder(builder), annotations }
}

/**
 * buildx pushes the version (or, by digest, exports the image the action uploads); the other
 * tags go on the digest its metadata file names once the run's checks pass (tags-stage.ts).
 * A version tag the registry refused because it already names this run's build (a lost
 * answer) is taken as pushed.
 */
async function buildPush(settings: Settings, deps: PipelineDeps, retry: RetryDeps, destination: Destination, registry: RegistryClient, builder: CheckedBuilder): Promise<Pushed> {
  const { build, image } = settings
  const tags = tagRoutes(build, image)
  const labels = labelsFor(deps.env, image.version)
  const identity = buildIdentity(labels, build.labels, build.platforms)
  const annotated = { ...build, annotations: annotationsForBuild(labels, build) }
  const built = await buildAndPush(deps.docker, annotated, imageReferences(destination.uri, tags.buildx), labels, {
    tempDir: deps.env.RUNNER_TEMP,
    repositoryUri: destination.uri,
    retry,
    byDigest: { registry, repository: destination.path },
    buildxConfigDir: buildxConfigDir(deps.env),
    builder: builder.use,
    driver: builder.driver,
    alreadyPushed: tag => tagHoldsBuild(registry, destination.path, tag, identity, retry)
  })
  const outcome = build.pushByDigest ? 'built and pushed by digest (untagged), for a merge' : `built and pushed${built.found !== undefined ? `; found '${built.found}' already naming it` : ''}`
  return {
    digest: built.digest,
    metadata: built.metadata,
    built: true,
    outcome,
    builder: describeBuilder(builder),
    labels: mergedLabels(labels, build.labels),
    annotations: annotated.annotations,
    ...(built.bytesUploaded !== undefined ? { uploaded: built.bytesUploaded } : {})
  }
}
