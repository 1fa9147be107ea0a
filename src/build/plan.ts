/**
 * Planning: the image references to push and the `docker buildx build` argv.
 * Pure: the same settings always give the same argv, an array that never passes through
 * a shell.
 */
import { GHA_CACHE_VARIABLES } from '../child-env.js'
import type { BuildOptions, Env, Settings } from '../settings/types.js'
import { repositoryFacts } from './metadata.js'
import { passThroughArgs, usesGhaCache } from './pass-through.js'

export interface RunInfo {
  /** GITHUB_SHA */
  sha: string
  /** `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}`, empty outside Actions */
  sourceUrl: string
  /** ISO 8601 time of the build */
  created: string
  /** the GitHub repository's name, description, page and license (SPDX), when the event names them */
  title?: string
  description?: string
  url?: string
  licenses?: string
}

/** `<repository>:<tag>` for every tag, the version first. */
export function imageReferences(repository: string, tags: string[]): string[] {
  return tags.map(tag => `${repository}:${tag}`)
}

/**
 * Which tags buildx pushes and which the registry API then puts on the same image: a push
 * sends the version only and the others (latest, tags) follow as one request each; a
 * build that isn't pushed, or is pushed by digest, gives buildx every tag.
 */
export function tagRoutes(build: Settings['build'], image: Settings['image']): { buildx: string[]; api: string[] } {
  if (!build.push || build.pushByDigest) return { buildx: image.tags, api: [] }
  return { buildx: [image.version], api: image.tags.filter(t => t !== image.version) }
}

/** OCI annotations-as-labels that tie the image to its commit; the workflow's own labels win. */
export function ociLabels(version: string, run: RunInfo): string[] {
  const labels = [`org.opencontainers.image.version=${version}`, `org.opencontainers.image.created=${run.created}`]
  if (run.sha !== '') labels.push(`org.opencontainers.image.revision=${run.sha}`)
  if (run.sourceUrl !== '') labels.push(`org.opencontainers.image.source=${run.sourceUrl}`)
  for (const key of ['title', 'description', 'url', 'licenses'] as const) {
    const value = run[key]
    if (value !== undefined && value !== '') labels.push(`org.opencontainers.image.${key}=${value}`)
  }
  return labels
}

/**
 * How much of the build a cache export keeps: `max` every stage's steps, `min` those of
 * the image. A single-stage Dockerfile's image holds every step's layer, so `min` keeps the
 * same layers — and BuildKit prepares it in about half the time (~0.6 s of every push of a
 * 21-layer image, docs/benchmarks.md). A Dockerfile with more stages, or one that can't be
 * read (a remote context), gets `max`.
 * @param dockerfile the Dockerfile's text, undefined when it couldn't be read
 */
export function cacheMode(dockerfile: string | undefined): 'min' | 'max' {
  if (dockerfile === undefined) return 'max'
  const instructions = dockerfile
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .filter(line => /^\s*FROM\s/i.test(line))
  return instructions.length === 1 ? 'min' : 'max'
}

/**
 * The `--cache-from` / `--cache-to` arguments: a registry cache is read from each of its
 * tags (another ref than the default branch: its own and the default branch's) and written
 * to one. ECR takes a registry cache only as an OCI image manifest
 * (`image-manifest=true,oci-mediatypes=true`); a failed cache export never fails the build.
 * A gha cache has a scope per image and platforms (cache-scope.ts ghaScope). The workflow's
 * `cache-from` / `cache-to` replace the reads / the writes of `cache`.
 * @param repositoryUri where an `ecr` cache lives; undefined when the run has no registry
 * @param mode cacheMode's answer for the build's Dockerfile
 */
export function cacheArgs(cache: Settings['build']['cache'], repositoryUri: string | undefined, overrides: Pick<BuildOptions, 'cacheFrom' | 'cacheTo'> = {}, mode: 'min' | 'max' = 'max'): string[] {
  let from: string[] = []
  let to: string[] = []
  if (cache.type === 'gha') {
    const scope = cache.scope !== undefined ? `,scope=${cache.scope}` : ''
    from = [`type=gha${scope}`]
    to = [`type=gha${scope},mode=${mode},ignore-error=true`]
  } else if (cache.type === 'ecr' && repositoryUri !== undefined) {
    from = cache.from.map(tag => `type=registry,ref=${repositoryUri}:${tag}`)
    to = [`type=registry,ref=${repositoryUri}:${cache.tag},mode=${mode},image-manifest=true,oci-mediatypes=true,ignore-error=true`]
  }
  return [...(overrides.cacheFrom ?? from).flatMap(spec => ['--cache-from', spec]), ...(overrides.cacheTo ?? to).flatMap(spec => ['--cache-to', spec])]
}

/**
 * Where buildx runs: `--builder NAME` for a builder an earlier step created; for a
 * docker-driver builder (a docker context's own, e.g. an engine reached over ssh or tcp)
 * also docker's `--context NAME`, since buildx refuses `--builder` for another context's
 * docker builder. Empty: the job's current builder.
 */
export interface BuilderUse {
  builder?: string
  context?: string
}

/** How to reach the named builder, from its driver (`docker buildx inspect`). */
export function builderUse(name: string | undefined, driver: string): BuilderUse {
  if (name === undefined) return {}
  return driver === 'docker' ? { builder: name, context: name } : { builder: name }
}

/** `[--context C] buildx <command…> [--builder B] <args…>`: the argv after `docker`. */
export function buildxCommand(use: BuilderUse, command: string[], args: string[] = []): string[] {
  return [...(use.context !== undefined ? ['--context', use.context] : []), 'buildx', ...command, ...(use.builder !== undefined ? ['--builder', use.builder] : []), ...args]
}

/**
 * Whether buildx pushes by digest itself (`type=image,push-by-digest=true`): every driver
 * but docker's, which refuses it ("not implemented for docker driver") and exports an OCI
 * layout the action pushes instead (registry/layout-push.ts).
 */
export const ownPushByDigest = (driver: string): boolean => driver !== 'docker'

/**
 * The build's argv. Values that may be secret never appear in it: a build argument is
 * passed by name (`--build-arg NAME`, which buildx reads from its environment) and a
 * secret by the variable that holds it (`--secret id=…,env=…`); `buildxEnv` gives both.
 */
export function buildxArgs(
  build: Settings['build'],
  references: string[],
  labels: string[],
  metadataFile: string,
  repositoryUri?: string,
  use: BuilderUse = {},
  mode: 'min' | 'max' = 'max',
  driver = 'docker'
): string[] {
  const args = ['--platform', build.platforms.join(',')]
  if (build.file !== '') args.push('--file', build.file)
  if (build.target !== undefined) args.push('--target', build.target)
  // By digest: buildx pushes it untagged itself where its driver can; on the docker driver
  // it exports an OCI layout beside the metadata file, which the action then pushes.
  if (build.pushByDigest && build.push && repositoryUri !== undefined && ownPushByDigest(driver)) {
    args.push('--output', `type=image,name=${repositoryUri},push-by-digest=true,name-canonical=true,push=true,oci-mediatypes=true`)
  } else if (build.pushByDigest) {
    args.push('--output', `type=oci,dest=${layoutDir(metadataFile)},tar=false`)
  } else {
    for (const ref of references) args.push('--tag', ref)
  }
  for (const label of [...labels, ...build.labels]) args.push('--label', label)
  for (const annotation of build.annotations) args.push('--annotation', annotation)
  for (const name of new Set(build.buildArgs.map(argName))) args.push('--build-arg', name)
  for (const secret of build.secrets) args.push('--secret', `id=${secret.id},env=${secret.env}`)
  args.push(...cacheArgs(build.cache, repositoryUri, build.options, mode))
  args.push(...passThroughArgs(build.options))
  // No attestations inside the image index: they show up in ECR as unknown/unknown images,
  // which Lambda and SageMaker refuse. The action attaches provenance and SBOMs as referrers instead (supply/).
  args.push('--provenance=false', '--sbom=false')
  args.push('--metadata-file', metadataFile)
  if (build.push && !build.pushByDigest) args.push('--push')
  args.push(build.context)
  return buildxCommand(use, ['build'], args)
}

const argName = (arg: string): string => arg.slice(0, arg.indexOf('='))

/** The variables the build's buildx gets on top of the step's: each build argument's value, each secret's. */
export function buildxEnv(build: Settings['build']): Record<string, string> {
  const env: Record<string, string> = {}
  // As on buildx's command line, the last value of a repeated argument wins.
  for (const arg of build.buildArgs) env[argName(arg)] = arg.slice(arg.indexOf('=') + 1)
  for (const secret of build.secrets) env[secret.env] = secret.value
  return env
}

/** The runner's variables the build's buildx gets besides every docker command's: the gha cache's (its URL and token), for a gha cache only (`cache: gha`, or one in cache-from / cache-to). */
export function buildxInherit(build: Settings['build']): readonly string[] {
  return usesGhaCache(build) ? GHA_CACHE_VARIABLES : []
}

/** The same build with no output but its cache export (`--output type=cacheonly`, no metadata file). */
export function cacheOnlyArgs(args: string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--output' || args[i] === '--metadata-file') {
      if (args[i] === '--output') out.push('--output', 'type=cacheonly')
      i++
    } else out.push(args[i] ?? '')
  }
  return out
}

/** The build's argv without its cache export (`--cache-to`): for the layout build after a cache-only one exported the same cache. */
export function withoutCacheExport(args: string[]): string[] {
  return args.filter((a, i) => a !== '--cache-to' && args[i - 1] !== '--cache-to')
}

/** Where a push-by-digest build exports its OCI layout: beside its metadata file. */
export function layoutDir(metadataFile: string): string {
  return `${metadataFile.replace(/[^/]*$/, '')}oci-layout`
}

/** The builder can build a requested platform when it lists it (buildx marks some with `*`). */
export function missingPlatforms(requested: string[], available: string[]): string[] {
  const have = new Set(available.map(p => p.replace(/\*$/, '').trim()))
  return requested.filter(p => !have.has(p))
}

export interface BuilderInfo {
  name: string
  driver: string
  platforms: string[]
  /**
   * The docker driver's engine runs BuildKit's containerd worker, as it does only with the
   * containerd image store: its labels (`org.mobyproject.buildkit.worker.containerd.*`) say
   * so. Undefined when no label says it (older engines, another driver): `docker info` decides.
   */
  containerdStore?: true
}

/** Reads `docker buildx inspect` output: the builder's name, driver and every node's platforms. */
export function parseBuilderInspect(text: string): BuilderInfo {
  const info: BuilderInfo = { name: '', driver: '', platforms: [] }
  for (const line of text.split('\n')) {
    if (/^org\.mobyproject\.buildkit\.worker\.containerd\.namespace:/.test(line.trim())) info.containerdStore = true
    const m = /^([A-Za-z ]+):\s*(.*)$/.exec(line.trim())
    if (!m) continue
    const [, key = '', value = ''] = m
    if (key === 'Name' && info.name === '') info.name = value
    else if (key === 'Driver' && info.driver === '') info.driver = value
    else if (key === 'Platforms')
      info.platforms.push(
        ...value
          .split(',')
          .map(p => p.trim())
          .filter(p => p !== '')
      )
  }
  return info
}

/** The OCI labels for this run, from the runner's variables and the event's repository (metadata.ts). */
export function labelsFor(env: Env, version: string): string[] {
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com'
  return ociLabels(version, {
    sha: env.GITHUB_SHA ?? '',
    sourceUrl: env.GITHUB_REPOSITORY ? `${server}/${env.GITHUB_REPOSITORY}` : '',
    created: new Date().toISOString(),
    ...repositoryFacts(env)
  })
}
