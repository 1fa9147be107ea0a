/**
 * Plan mode (`dry-run: true`): signs in and only reads — the repository, its lifecycle
 * policy, the version tag — then prints and summarizes what a run would do.
 */
import * as core from '@actions/core'
import { createEcrClient } from './aws/clients.js'
import { PUBLIC_REGISTRY } from './constants.js'
import { buildxArgs, imageReferences, labelsFor, tagRoutes, type BuilderUse } from './build/plan.js'
import { inspectBuilder } from './build/builder.js'
import type { Docker } from './docker.js'
import { signIn } from './aws/sign-in.js'
import { decideVersion, findExistingVersion, type ExistingVersion } from './registry/existing-version.js'
import { leastPrivilegePolicy } from './aws/iam-policy.js'
import { parseRegistryHost } from './registry/host.js'
import type { Env, Settings } from './settings/types.js'
import { imageOutputs, outputBase, setOutputs } from './report/outputs.js'
import { createPublicClient, inspectPublicRepository } from './aws/public-repository.js'
import { getPublicRegistryCredentials, getRegistryCredentials } from './aws/registry-token.js'
import { RegistryClient } from './registry/client.js'
import { defaultRetry } from './retry.js'
import { judgeProvenance, reuseClaim } from './supply/reuse.js'
import { readReplication, planReplication } from './aws/replication.js'
import { describeChange, inspectRepository } from './aws/repository.js'
import { registryScanningReader } from './aws/registry-scanning.js'
import { writePlan } from './report/summary.js'

/**
 * `dry-run: true`: signs in and reads (repository, lifecycle policy, the version tag),
 * then prints the plan. No write call, no docker login, no build.
 */
export async function planOnly(settings: Settings, { env, docker }: { env: Env; docker: Docker }): Promise<void> {
  const { build, image, repository } = settings
  const labels = labelsFor(env, image.version)
  /** What the run would do about the version tag as it is now. */
  const versionLine = async (found: ExistingVersion | undefined, client: RegistryClient, path: string): Promise<string> => {
    try {
      // As the run judges it: auto reuses on the image's provenance (supply/reuse.ts).
      const existing =
        found !== undefined && image.ifVersionExists === 'auto' ? { ...found, provenance: await judgeProvenance(client, path, found.digest, reuseClaim(env), defaultRetry) } : found
      const decision = decideVersion(existing, { sha: env.GITHUB_SHA ?? '', version: image.version, repository: repository.name }, image.ifVersionExists)
      return decision.build ? 'would be built and pushed' : `would be skipped: ${decision.reason}`
    } catch (error) {
      return `the run would stop: ${(error as Error).message}`
    }
  }
  let registryHost = ''
  let repoUri = repository.name
  let repositoryLines = ['not checked: push: false makes no AWS call']
  let lifecycle = 'not checked (push: false)'
  let lifecycleText: string | undefined
  let currentLifecycleText: string | undefined
  let buildLine = 'would be built (push: false: not pushed)'
  let scanBy = "ECR's scan"

  if (build.push && repository.type === 'public') {
    const pub = await createPublicClient(await core.group('Sign in to AWS', () => signIn(settings.aws)))
    const inspection = await inspectPublicRepository(pub, repository, build.platforms)
    registryHost = PUBLIC_REGISTRY
    repoUri = inspection.uri ?? `${PUBLIC_REGISTRY}/<alias>/${repository.name}`
    repositoryLines = inspection.lines
    lifecycle = 'none: ECR Public has no lifecycle policies'
    const client = new RegistryClient(await getPublicRegistryCredentials(pub))
    const path = inspection.uri?.slice(PUBLIC_REGISTRY.length + 1) ?? ''
    const existing = inspection.uri !== undefined ? await findExistingVersion(client, path, image.version) : undefined
    buildLine = await versionLine(existing, client, path)
  } else if (build.push) {
    const ecr = createEcrClient(await core.group('Sign in to AWS', () => signIn(settings.aws)))
    const movingTags = image.tags.filter(t => t !== image.version)
    const mustStayMutable = repository.cacheTag !== undefined ? [...movingTags, repository.cacheTag] : movingTags
    const scanning = registryScanningReader(ecr)
    const [inspection, credentials, replication, scanConfig] = await Promise.all([
      inspectRepository(ecr, repository, mustStayMutable, scanning.get),
      getRegistryCredentials(ecr, undefined, settings.aws.dualStack),
      repository.replicateToRegions.length > 0 ? readReplication(ecr) : undefined,
      settings.scan.failOn !== undefined ? scanning.get() : undefined
    ])
    if (scanConfig?.scanType === 'ENHANCED') scanBy = "ECR's enhanced scan (Amazon Inspector, the registry's configuration)"
    const refused = scanning.warning()
    if (refused !== undefined) inspection.warnings.push(refused)
    registryHost = credentials.registry
    repoUri = `${registryHost}/${repository.name}`
    repositoryLines = [
      ...(inspection.current === undefined && !repository.create
        ? [`missing, and create-repository is false: the run would fail`]
        : inspection.changes.map(c => `would ${c.kind === 'create' ? 'create' : 'change'}: ${describeChange(c)}`)),
      ...inspection.warnings.map(w => `note: ${w}`),
      ...(inspection.notes ?? []).map(n => `note: ${n}`)
    ]
    if (replication !== undefined) {
      const plan = planReplication(replication.rules, repository.name, repository.replicateToRegions, replication.account)
      if (plan.covered !== '') repositoryLines.push(`note: replication: ${plan.covered}`)
      if (plan.missing.length > 0) repositoryLines.push(`would change: ${plan.change}`)
    }
    if (repositoryLines.length === 0) repositoryLines = ['no changes: it already matches the workflow']
    lifecycle = inspection.lifecycle.put ? `would be put (${inspection.lifecycle.reason})` : inspection.lifecycle.reason
    if (inspection.lifecycle.put) {
      lifecycleText = JSON.stringify(inspection.lifecycle.policy, null, 2)
      if (inspection.currentPolicy !== undefined) currentLifecycleText = JSON.stringify(JSON.parse(inspection.currentPolicy), null, 2)
    }
    const client = new RegistryClient(credentials)
    const existing = inspection.current ? await findExistingVersion(client, repository.name, image.version) : undefined
    buildLine = await versionLine(existing, client, repository.name)
  }

  if (settings.scan.failOn !== undefined && buildLine.startsWith('would be built')) {
    buildLine += `, then ${scanBy} awaited (up to ${settings.scan.timeoutSeconds} s) and the run failed at or above ${settings.scan.failOn}`
  }
  // As a run does it: buildx pushes the version, the registry API then puts the other tags on the same index.
  const tags = tagRoutes(build, image)
  if (tags.api.length > 0 && buildLine.startsWith('would be built')) buildLine += `; then ${tags.api.join(', ')} put on the same image by the registry API`
  // A named builder is looked at (not started) to show how buildx reaches it.
  let use: BuilderUse = {}
  if (build.builder !== undefined) {
    const builder = await inspectBuilder(docker, build.builder, false).catch((error: Error) => error)
    if (builder instanceof Error) buildLine = `the run would stop: ${builder.message}`
    use = builder instanceof Error ? { builder: build.builder } : builder.use
  }
  // As the run's: build arguments and secrets by name only, their values in buildx's environment.
  const command = ['docker', ...buildxArgs(build, imageReferences(repoUri, tags.buildx), labels, '<metadata-file>', build.push ? repoUri : undefined, use)]
  const host = parseRegistryHost(registryHost)
  const account = host?.kind === 'private' ? host.account : '<account>'
  const iamPolicy = JSON.stringify(leastPrivilegePolicy(settings, account), null, 2)

  core.info(`Dry run: nothing will be changed, built or pushed.`)
  for (const line of repositoryLines) core.info(`Repository ${repository.name}: ${line}`)
  core.info(`Lifecycle policy: ${lifecycle}`)
  if (lifecycleText !== undefined) core.info(lifecycleText)
  core.info(`Image ${repoUri}:${image.version}: ${buildLine}`)
  core.info(`Build command: ${command.join(' ')}`)
  core.info(`IAM policy for these inputs:\n${iamPolicy}`)

  setOutputs(imageOutputs({ ...outputBase(image, repoUri, registryHost), digest: '', metadata: {}, skipped: false }))
  if (settings.summary) {
    await writePlan({
      repository: repository.name,
      imageUri: `${repoUri}:${image.version}`,
      repositoryLines,
      lifecycle,
      ...(lifecycleText !== undefined ? { lifecycleText } : {}),
      ...(currentLifecycleText !== undefined ? { currentLifecycleText } : {}),
      tags: image.tags,
      version: image.version,
      build: buildLine,
      command,
      iamPolicy
    })
  }
}

