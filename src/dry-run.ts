/**
 * Plan mode (`dry-run: true`): signs in as a push does and makes the push's own plan
 * (aws/destination.ts) — read calls only — then prints and summarizes it: every write the
 * push would make, what it leaves alone, the version tag's fate, the build command and the
 * IAM policy. No write call, no docker login, no build.
 */
import * as core from '@actions/core'
import { PUBLIC_REGISTRY } from './settings/registry-host.js'
import { readDockerfile } from './build/buildx.js'
import { buildxArgs, cacheMode, imageReferences, labelsFor, tagRoutes, type BuilderUse } from './build/plan.js'
import { inspectBuilder } from './build/builder.js'
import { plannedWrites, planDestination, PUBLIC_LIFECYCLE, type DestinationPlan } from './aws/destination.js'
import { leastPrivilegePolicy } from './aws/iam-policy.js'
import { runSession } from './aws/sign-in.js'
import { announceWrite } from './aws/setting-writes.js'
import type { PipelineDeps } from './pipeline.js'
import { decideVersion, findExistingVersion, type ExistingVersion } from './registry/existing-version.js'
import { parseRegistryHost } from './settings/registry-host.js'
import type { Settings } from './settings/types.js'
import { imageOutputs, outputBase, setOutputs } from './report/outputs.js'
import { profileWords, readSigningPlan, requireProblem, type SigningPlan } from './aws/signing.js'
import type { RegistryClient } from './registry/client.js'
import { defaultRetry } from './retry.js'
import { withProvenance } from './version-stage.js'
import { writePlan } from './report/summary.js'

export type PlanDeps = Pick<PipelineDeps, 'env' | 'docker' | 'registry' | 'getIDToken' | 'network' | 'cancel'>

/** What the plan says of the repository, in lines: each write the push would make, then what it leaves alone. */
export function repositoryLines(plan: DestinationPlan): string[] {
  if (plan.repository.stop !== undefined) return ['missing, and create-repository is false: the run would fail']
  const lines = plannedWrites(plan).map(announceWrite)
  const held = plan.type === 'public' ? plan.repository.heldByLogo : undefined
  if (held !== undefined) lines.push(`catalog data would not be updated (${held.join('; ')}): the repository has a logo`)
  const notes = plan.type === 'private' ? [...plan.repository.warnings, ...plan.warnings, ...plan.repository.notes] : plan.warnings
  lines.push(...notes.map(n => `note: ${n}`))
  const covered = plan.type === 'private' ? plan.replication?.plan.covered : undefined
  if (covered) lines.push(`note: replication: ${covered}`)
  return lines.length > 0 ? lines : ['no changes: it already matches the workflow']
}

/** The lifecycle policy: what the plan does with it, and (when it would be put) the texts before and after. */
function lifecycleOf(plan: DestinationPlan): { line: string; text?: string; currentText?: string } {
  if (plan.type === 'public') return { line: PUBLIC_LIFECYCLE }
  const { lifecycle, current } = plan.repository
  if (!lifecycle.put) return { line: lifecycle.reason }
  const before = current !== undefined ? plan.repository.currentPolicy : undefined
  return {
    line: `would be put (${lifecycle.reason})`,
    text: JSON.stringify(lifecycle.policy, null, 2),
    ...(before !== undefined ? { currentText: JSON.stringify(JSON.parse(before), null, 2) } : {})
  }
}

/** Where the image would go, and the version tag as the registry has it now (a repository that doesn't exist yet has none). */
async function destinationOf(
  settings: Settings,
  plan: DestinationPlan,
  deps: PlanDeps
): Promise<{ registry: string; uri: string; existing: ExistingVersion | undefined; client: RegistryClient; path: string }> {
  const { name } = settings.repository
  const registry = plan.credentials.current.registry
  const found = plan.type === 'public' ? plan.repository.current?.uri : plan.repository.current && `${registry}/${name}`
  const uri = found ?? (plan.type === 'public' ? `${PUBLIC_REGISTRY}/<alias>/${name}` : `${registry}/${name}`)
  const client = deps.registry(plan.credentials)
  const path = (found ?? '').slice(registry.length + 1)
  if (found === undefined) return { registry, uri, existing: undefined, client, path }
  const existing = await findExistingVersion(client, path, settings.image.version)
  return { registry, uri, existing, client, path }
}

export async function planOnly(settings: Settings, deps: PlanDeps): Promise<void> {
  const { build, image, repository } = settings
  const { env, docker } = deps
  const labels = labelsFor(env, image.version)
  /** What the run would do about the version tag as it is now. */
  const versionLine = async (found: ExistingVersion | undefined, client: RegistryClient, path: string): Promise<string> => {
    try {
      // As the run judges it: auto reuses on the image's provenance (supply/reuse.ts).
      const existing = found && (await withProvenance(settings, client, path, found, { env, retry: { policy: defaultRetry } }))
      const decision = decideVersion(existing, { sha: env.GITHUB_SHA ?? '', version: image.version, repository: repository.name }, image.ifVersionExists)
      return decision.build ? 'would be built and pushed' : `would be skipped: ${decision.reason}`
    } catch (error) {
      return `the run would stop: ${(error as Error).message}`
    }
  }
  let registryHost = ''
  let repoUri = repository.name
  let lines = ['not checked: push: false makes no AWS call']
  let lifecycle: ReturnType<typeof lifecycleOf> = { line: 'not checked (push: false)' }
  let buildLine = 'would be built (push: false: not pushed)'
  let scanBy = "ECR's scan"
  let signing: SigningPlan | undefined

  if (build.push) {
    const session = await core.group('Sign in to AWS', () => runSession(settings.aws, deps))
    const plan = await planDestination(settings, session)
    const where = await destinationOf(settings, plan, deps)
    registryHost = where.registry
    repoUri = where.uri
    lines = repositoryLines(plan)
    lifecycle = lifecycleOf(plan)
    buildLine = await versionLine(where.existing, where.client, where.path)
    if (plan.type === 'private' && plan.scanning?.scanType === 'ENHANCED') scanBy = "ECR's enhanced scan (Amazon Inspector, the registry's configuration)"
    if (plan.type === 'private') signing = await readSigningPlan(plan.ecr, repository.name, deps.cancel)
  }

  if (settings.scan.failOn !== undefined && buildLine.startsWith('would be built')) {
    buildLine += `, then ${scanBy} awaited (up to ${settings.scan.timeoutSeconds} s) and the run failed at or above ${settings.scan.failOn}`
  }
  // As a run does it: buildx pushes the version, the registry API then puts the other tags on the same index.
  const tags = tagRoutes(build, image)
  if (tags.api.length > 0 && buildLine.startsWith('would be built')) buildLine += `; then ${tags.api.join(', ')} put on the same image by the registry API once the run's checks pass`
  if (signing !== undefined && buildLine.startsWith('would be built')) buildLine += signingLine(settings, signing)
  // A named builder is looked at (not started) to show how buildx reaches it.
  let use: BuilderUse = {}
  if (build.builder !== undefined) {
    const builder = await inspectBuilder(docker, build.builder, false).catch((error: Error) => error)
    if (builder instanceof Error) buildLine = `the run would stop: ${builder.message}`
    use = builder instanceof Error ? { builder: build.builder } : builder.use
  }
  // As the run's: build arguments and secrets by name only, their values in buildx's environment.
  const command = ['docker', ...buildxArgs(build, imageReferences(repoUri, tags.buildx), labels, '<metadata-file>', build.push ? repoUri : undefined, use, cacheMode(await readDockerfile(build)))]
  const host = parseRegistryHost(registryHost)
  const account = host?.kind === 'private' ? host.account : '<account>'
  const iamPolicy = JSON.stringify(leastPrivilegePolicy(settings, account, signing), null, 2)

  core.info(`Dry run: nothing will be changed, built or pushed.`)
  for (const line of lines) core.info(`Repository ${repository.name}: ${line}`)
  core.info(`Lifecycle policy: ${lifecycle.line}`)
  if (lifecycle.text !== undefined) core.info(lifecycle.text)
  core.info(`Image ${repoUri}:${image.version}: ${buildLine}`)
  core.info(`Build command: ${command.join(' ')}`)
  core.info(`IAM policy for these inputs:\n${iamPolicy}`)

  setOutputs(imageOutputs({ ...outputBase(image, repoUri, registryHost), digest: '', metadata: {}, skipped: false }))
  if (settings.summary) {
    await writePlan({
      repository: repository.name,
      imageUri: `${repoUri}:${image.version}`,
      repositoryLines: lines,
      lifecycle: lifecycle.line,
      ...(lifecycle.text !== undefined ? { lifecycleText: lifecycle.text } : {}),
      ...(lifecycle.currentText !== undefined ? { currentLifecycleText: lifecycle.currentText } : {}),
      tags: image.tags,
      version: image.version,
      build: buildLine,
      command,
      iamPolicy
    })
  }
}

/** What ECR managed signing would do after the push, as the plan's words. */
function signingLine(settings: Settings, signing: SigningPlan): string {
  const problem = settings.signing.require ? requireProblem(signing, settings.repository.name) : undefined
  if (problem !== undefined) return `; but the run would stop before building: ${problem}`
  if (signing.kind === 'signed') return `, then ECR's managed signing with ${profileWords(signing.profiles)} awaited (up to ${settings.signing.timeoutSeconds} s)`
  return signing.kind === 'none' ? `; unsigned: ${signing.why}` : `; signature not known: ${signing.why}`
}
