/**
 * The build's effects: runs the one `docker buildx build` (again only while buildx says its
 * push to this repository failed in a way that may pass), reads its result from the
 * metadata file buildx writes and, when it failed, its reason from the build's record
 * (never from its log: failure.ts, record.ts), and for `push-by-digest` uploads the OCI
 * layout it exported (layout-push.ts). A merge makes the index with `buildx imagetools create`.
 */
import { readFile, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { DEFAULT_MERGE_TIMEOUT_SECONDS } from '../settings/build.js'
import type { Docker } from '../docker.js'
import { ActionError } from '../errors.js'
import { foundTag } from '../registry/already-tagged.js'
import type { RegistryClient } from '../registry/client.js'
import { prefillLayout, pushLayout } from '../registry/layout-push.js'
import { ImmutableTagError } from '../registry/refusals.js'
import { defaultRetry, retry, TransientError, type RetryDeps, type RetryPolicy } from '../retry.js'
import type { Settings } from '../settings/types.js'
import { makeTempDir, removeTempDir } from '../temp-dirs.js'
import { explainBuildFailure, explainMergeFailure, failureFromOutput, type BuildFailure } from './failure.js'
import { buildxArgs, buildxCommand, cacheMode, cacheOnlyArgs, ownPushByDigest, buildxEnv, buildxInherit, layoutDir, withoutCacheExport, type BuilderUse } from './plan.js'
import { findBuildRef, listBuildRefs, readBuildFailure } from './record.js'

export interface BuildResult {
  digest: string
  metadata: Record<string, unknown>
  /** the tag the registry refused to write again because it already named this build (buildx then wrote no metadata) */
  found?: string
  /** push-by-digest: what the upload sent (blobs the repository already had are not sent) */
  bytesUploaded?: number
}

export interface BuildOptions {
  /** the folder for buildx's metadata file (the runner's temporary folder) */
  tempDir?: string | undefined
  /** where an `ecr` registry cache lives; undefined when the run has no registry */
  repositoryUri?: string
  /** how a push is tried again, and the run's cancel */
  retry?: RetryDeps
  /** push-by-digest: the registry and repository path the layout goes to */
  byDigest?: { registry: RegistryClient; repository: string }
  /** buildx's own folder (record.ts buildxConfigDir), where it notes each build it starts */
  buildxConfigDir?: string
  /** the builder the check found (`builder` input); default: the job's current builder */
  builder?: BuilderUse
  /** its driver (`docker buildx inspect`): whether buildx can push by digest itself */
  driver?: string
  /**
   * The registry refused a tag buildx pushed as immutable: the digest the tag names when it
   * is this run's build (a try whose answer was lost, already-tagged.ts), else undefined.
   */
  alreadyPushed?: (tag: string) => Promise<string | undefined>
}

/** Builds (and pushes) the image; its digest and metadata come from buildx's metadata file. */
export async function buildAndPush(docker: Docker, build: Settings['build'], references: string[], labels: string[], options: BuildOptions = {}): Promise<BuildResult> {
  const tries = options.retry ?? { policy: defaultRetry }
  const { policy } = tries
  const dir = await makeTempDir(options.tempDir ?? os.tmpdir())
  const metadataFile = path.join(dir, 'metadata.json')
  // Only a push to the repository can fail in a way another try may mend; an export to a
  // local layout (by digest) or no push at all cannot.
  const pushedTo = build.push && !build.pushByDigest ? options.repositoryUri : undefined
  try {
    const args = buildxArgs(build, references, labels, metadataFile, options.repositoryUri, options.builder, cacheMode(await readDockerfile(build)), options.driver)
    // Build-argument and secret values go in buildx's environment, never its argv or the log;
    // so do the runner's cache variables, for a gha cache only.
    const env = buildxEnv(build)
    const inherit = buildxInherit(build)
    // By digest on the docker driver: the action pushes the layout buildx exports.
    const layoutPush = build.pushByDigest && build.push && !ownPushByDigest(options.driver ?? 'docker')
    if (layoutPush && options.byDigest === undefined) throw new ActionError('push-by-digest has no registry to push to.')
    const byDigest = layoutPush ? options.byDigest : undefined
    const runBuild = (argv: string[]): Promise<void> =>
      retry(
        'The push',
        async () => {
          const before = options.buildxConfigDir !== undefined ? await listBuildRefs(options.buildxConfigDir) : undefined
          const result = await docker(argv, { stream: true, ...(Object.keys(env).length > 0 ? { env } : {}), ...(inherit.length > 0 ? { inherit } : {}) })
          if (result.exitCode === 0) return
          const failure = (await recordedFailure(docker, options, before, build.context)) ?? failureFromOutput(result)
          throw explainBuildFailure(failure, pushedTo)
        },
        tries
      )
    // By digest with a registry cache: the layers the repository has from the cache aren't
    // written to the layout. With no cache yet (a first push), the cache goes first, alone,
    // sending every layer to the repository; the layout then leaves them all out.
    let prefilled = new Set<string>()
    let buildArgs = args
    if (byDigest !== undefined && build.cache.type === 'ecr' && build.options?.cacheTo === undefined) {
      const prefill = (tags: string[]) => prefillLayout(byDigest.registry, byDigest.repository, layoutDir(metadataFile), [...new Set(tags)], m => policy.log(m))
      prefilled = await prefill([build.cache.tag, ...build.cache.from])
      if (prefilled.size === 0) {
        policy.log(`No registry cache yet: the build sends its layers to the repository with the cache (${build.cache.tag}) first.`)
        await runBuild(cacheOnlyArgs(args))
        prefilled = await prefill([build.cache.tag])
        // The same solve's cache was just exported: the layout build doesn't export it again.
        buildArgs = withoutCacheExport(args)
      }
    }
    const found = await runBuild(buildArgs).then(
      () => undefined,
      alreadyThere(pushedTo === undefined ? [] : references.map(r => r.slice(pushedTo.length + 1)), options.alreadyPushed, policy, 'The push')
    )
    if (found !== undefined) return { digest: found.digest, metadata: {}, found: found.tag }
    const metadata = await readMetadata(metadataFile)
    const built = typeof metadata['containerimage.digest'] === 'string' ? metadata['containerimage.digest'] : ''
    if (byDigest !== undefined) {
      const pushed = await pushLayout(byDigest.registry, byDigest.repository, layoutDir(metadataFile), tries, prefilled)
      if (built !== '' && built !== pushed.digest) throw new ActionError(`buildx built ${built} but exported ${pushed.digest}: run the job again.`)
      policy.log(
        `Pushed ${pushed.digest} by digest: ${pushed.uploaded} blobs uploaded (${pushed.bytesUploaded} bytes), ${pushed.skipped} already in the repository (${pushed.leftOut} of them never written to the layout: the registry cache had them).`
      )
      return { digest: pushed.digest, metadata, bytesUploaded: pushed.bytesUploaded }
    }
    if (build.push && !/^sha256:[0-9a-f]{64}$/.test(built)) throw new ActionError('buildx pushed the image but reported no digest in its metadata file.')
    return { digest: built, metadata }
  } finally {
    // The layout of a push-by-digest build holds every layer: never left on the runner.
    await removeTempDir(dir)
  }
}

/** The failure the build's record states, when buildx noted the build (record.ts). */
async function recordedFailure(docker: Docker, { buildxConfigDir: configDir, builder }: BuildOptions, before: Set<string> | undefined, context: string): Promise<BuildFailure | undefined> {
  if (configDir === undefined || before === undefined) return undefined
  const ref = await findBuildRef(configDir, before, context)
  return ref === undefined ? undefined : readBuildFailure(docker, ref, builder)
}

/** The build's Dockerfile, for its cache mode; undefined when it isn't a local file of a sane size. */
export async function readDockerfile(build: Settings['build']): Promise<string | undefined> {
  if (build.cache.type === 'none' || /^[a-z]+:\/\/|^git@|^-$/i.test(build.context)) return undefined
  const file = build.file !== '' ? build.file : path.join(build.context, 'Dockerfile')
  const size = (await stat(file).catch(() => undefined))?.size
  return size !== undefined && size < 1 << 20 ? readFile(file, 'utf8').catch(() => undefined) : undefined
}

async function readMetadata(file: string): Promise<Record<string, unknown>> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>
  } catch (error) {
    throw new ActionError(`buildx wrote no readable metadata file (${(error as Error).message}).`, { cause: error })
  }
}

export interface MergeOptions {
  /** how a merge is tried again, and the run's cancel */
  retry?: RetryDeps
  builder?: BuilderUse
  /** how long one try may take before it is stopped (`merge-timeout`) */
  timeoutSeconds?: number
  /** `index:KEY=VALUE` annotations for the index */
  annotations?: string[]
}

/** A try of the merge that got no answer in time (the command was stopped). */
class MergeStalled extends Error {
  constructor(seconds: number) {
    super(`The merge got no answer from the registry in ${seconds} s: docker buildx imagetools create was stopped`)
  }
}

/**
 * Pushes under every tag the index made from the images native runners each pushed by
 * digest (a merge): `buildx imagetools create`, which ECR takes (`docker manifest create`
 * does not). Each try is bounded by `timeoutSeconds`. A try that got no answer in that
 * time is tried once more (a stalled connection is no proof the registry is broken), and
 * a second stall fails the run; a failure that may pass is tried again by `retry`.
 */
export async function mergeIndex(
  docker: Docker,
  repositoryUri: string,
  tags: string[],
  digests: string[],
  options: MergeOptions = {},
  alreadyMerged?: (tag: string) => Promise<string | undefined>
): Promise<{ tag: string; digest: string } | undefined> {
  const tries = options.retry ?? { policy: defaultRetry }
  const { policy } = tries
  const seconds = options.timeoutSeconds ?? DEFAULT_MERGE_TIMEOUT_SECONDS
  const refs: string[] = []
  for (const tag of tags) refs.push('--tag', `${repositoryUri}:${tag}`)
  for (const annotation of options.annotations ?? []) refs.push('--annotation', annotation)
  for (const digest of digests) refs.push(`${repositoryUri}@${digest}`)
  const args = buildxCommand(options.builder ?? {}, ['imagetools', 'create'], refs)
  const merge = (): Promise<{ tag: string; digest: string } | undefined> =>
    retry(
      'The merge',
      async () => {
        const result = await docker(args, { stream: true, timeoutMs: seconds * 1000 })
        if (result.timedOut === true) throw new MergeStalled(seconds)
        if (result.exitCode !== 0) throw explainMergeFailure(result, repositoryUri)
        return undefined
      },
      tries
    ).catch(alreadyThere(tags, alreadyMerged, policy, 'The merge'))
  try {
    return await merge()
  } catch (error) {
    if (!(error instanceof MergeStalled)) throw error
    policy.log(`${error.message}; a stalled connection is no proof the registry is broken: trying the merge once more.`)
    return merge().catch((again: unknown) => {
      if (!(again instanceof MergeStalled)) throw again
      throw new ActionError(`${again.message}, twice: the registry may be having trouble: run the job again (merge-timeout sets how long a merge may take).`)
    })
  }
}

/**
 * A failure that ends the push, unless the registry refused one of `tags` as immutable and
 * `check` finds it already naming what this run pushed: then that tag and digest.
 */
function alreadyThere(
  tags: string[],
  check: ((tag: string) => Promise<string | undefined>) | undefined,
  policy: RetryPolicy,
  what: string
): (error: unknown) => Promise<{ tag: string; digest: string }> {
  return async error => {
    if (error instanceof ImmutableTagError && check !== undefined && tags.includes(error.tag)) {
      const digest = await check(error.tag)
      if (digest !== undefined) {
        policy.log(foundTag(error.tag, digest))
        return { tag: error.tag, digest }
      }
    }
    return givenUp(what, policy)(error)
  }
}

/** A transient failure that outlasted every try, in words; any other error as it is. */
function givenUp(what: string, policy: RetryPolicy): (error: unknown) => never {
  return error => {
    if (!(error instanceof TransientError)) throw error
    throw new ActionError(`${what} failed ${policy.attempts} times (${error.message}); the registry may be having trouble: run the job again.`, { cause: error })
  }
}
