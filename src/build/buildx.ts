/**
 * Stage 5, effects: runs the one `docker buildx build` (again while its push fails in a
 * way that may pass), reads its result from the metadata file buildx writes (never from
 * its log), and for `push-by-digest` uploads the OCI layout it exported (layout-push.ts).
 * A merge makes the index with `buildx imagetools create`.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Docker } from '../docker.js'
import { ActionError } from '../errors.js'
import type { RegistryClient } from '../registry/client.js'
import { pushLayout } from '../registry/layout-push.js'
import { defaultRetry, retry, TransientError, type RetryPolicy } from '../retry.js'
import type { Settings } from '../settings/types.js'
import { dockerFailure } from './builder.js'
import { classifyBuildFailure } from './failure.js'
import { buildxArgs, buildxCommand, buildxEnv, layoutDir, type BuilderUse } from './plan.js'

export interface BuildResult {
  digest: string
  metadata: Record<string, unknown>
  /** push-by-digest: what the upload sent (blobs the repository already had are not sent) */
  bytesUploaded?: number
}

export interface BuildOptions {
  /** the folder for buildx's metadata file (the runner's temporary folder) */
  tempDir?: string | undefined
  /** where an `ecr` registry cache lives; undefined when the run has no registry */
  repositoryUri?: string
  retry?: RetryPolicy
  /** push-by-digest: the registry and repository path the layout goes to */
  byDigest?: { registry: RegistryClient; repository: string }
  /** the builder the check found (`builder` input); default: the job's current builder */
  builder?: BuilderUse
}

/** Builds (and pushes) the image; its digest and metadata come from buildx's metadata file. */
export async function buildAndPush(docker: Docker, build: Settings['build'], references: string[], labels: string[], options: BuildOptions = {}): Promise<BuildResult> {
  const policy = options.retry ?? defaultRetry
  const dir = await mkdtemp(path.join(options.tempDir ?? os.tmpdir(), 'ecr-build-push-'))
  const metadataFile = path.join(dir, 'metadata.json')
  try {
    const args = buildxArgs(build, references, labels, metadataFile, options.repositoryUri, options.builder)
    // Build-argument and secret values go in buildx's environment, never its argv or the log.
    const env = buildxEnv(build)
    await retry(
      'The push',
      async () => {
        const result = await docker(args, { stream: true, ...(Object.keys(env).length > 0 ? { env } : {}) })
        if (result.exitCode === 0) return
        const failure = classifyBuildFailure(result, 'docker buildx build', references[0] ?? '')
        // Nothing was pushed: there is no registry to blame.
        throw build.push || !(failure instanceof TransientError) ? failure : dockerFailure('docker buildx build', result)
      },
      policy
    ).catch(givenUp('The push', policy))
    const metadata = await readMetadata(metadataFile)
    const built = typeof metadata['containerimage.digest'] === 'string' ? metadata['containerimage.digest'] : ''
    if (build.pushByDigest && build.push) {
      if (options.byDigest === undefined) throw new ActionError('push-by-digest has no registry to push to.')
      const pushed = await pushLayout(options.byDigest.registry, options.byDigest.repository, layoutDir(metadataFile), policy)
      if (built !== '' && built !== pushed.digest) throw new ActionError(`buildx built ${built} but exported ${pushed.digest}: run the job again.`)
      policy.log(`Pushed ${pushed.digest} by digest: ${pushed.uploaded} blobs uploaded (${pushed.bytesUploaded} bytes), ${pushed.skipped} already in the repository.`)
      return { digest: pushed.digest, metadata, bytesUploaded: pushed.bytesUploaded }
    }
    if (build.push && !/^sha256:[0-9a-f]{64}$/.test(built)) throw new ActionError('buildx pushed the image but reported no digest in its metadata file.')
    return { digest: built, metadata }
  } finally {
    // The layout of a push-by-digest build holds every layer: never left on the runner.
    await rm(dir, { recursive: true, force: true })
  }
}

async function readMetadata(file: string): Promise<Record<string, unknown>> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>
  } catch (error) {
    throw new ActionError(`buildx wrote no readable metadata file (${(error as Error).message}).`)
  }
}

/**
 * Pushes under every tag the index made from the images native runners each pushed by
 * digest (a merge): `buildx imagetools create`, which ECR takes (`docker manifest create`
 * does not).
 */
export async function mergeIndex(docker: Docker, repositoryUri: string, tags: string[], digests: string[], builder: BuilderUse = {}): Promise<void> {
  const refs: string[] = []
  for (const tag of tags) refs.push('--tag', `${repositoryUri}:${tag}`)
  for (const digest of digests) refs.push(`${repositoryUri}@${digest}`)
  const args = buildxCommand(builder, ['imagetools', 'create'], refs)
  await retry('The merge', async () => {
    const result = await docker(args, { stream: true })
    if (result.exitCode !== 0) throw classifyBuildFailure(result, 'docker buildx imagetools create', repositoryUri)
  }).catch(givenUp('The merge', defaultRetry))
}

/** A transient failure that outlasted every try, in words; any other error as it is. */
function givenUp(what: string, policy: RetryPolicy): (error: unknown) => never {
  return error => {
    if (!(error instanceof TransientError)) throw error
    throw new ActionError(`${what} failed ${policy.attempts} times (${error.message}); the registry may be having trouble: run the job again.`)
  }
}
