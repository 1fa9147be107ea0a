/** The `build` section: platforms, context and Dockerfile, build arguments, cache, attestations, per-platform pushes. */
import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import { Input } from '../constants.js'
import { InputError } from '../errors.js'
import { getInput, IMAGE_TAG, parseBoolean, parseInteger, parseLines, parseList, readKeyValues, validateTag } from './input.js'
import { BUILD_STAGE, readBuildOptions } from './build-options.js'
import { ghaScope, MIN_SLUG, readRefInfo, SCOPE_SEPARATOR, scopeCacheTag, scopedCachePattern } from './cache-scope.js'
import { keepSecretsApart, readBuildArgs, readSecrets } from './secrets.js'
import { onIndex } from './annotations.js'
import type { Env, RegistryType, Settings } from './types.js'

/** The platforms built when the workflow names none. */
export const DEFAULT_PLATFORMS = ['linux/amd64', 'linux/arm64']
/** How long one try of a merge (`buildx imagetools create`) may take by default, in seconds: it moves manifests only, a few requests. */
export const DEFAULT_MERGE_TIMEOUT_SECONDS = 120

const PLATFORM_OS = ['linux', 'windows']
const PLATFORM_ARCH = ['amd64', 'arm64', 'arm', '386', 'ppc64le', 's390x', 'riscv64', 'mips64le', 'loong64']
const REMOTE_CONTEXT = /^(?:https?:\/\/|git@|git:\/\/)/
/** buildx builder names (a letter first) and docker context names, whose docker-driver builders take the context's name. */
const BUILDER_NAME = /^[A-Za-z0-9][A-Za-z0-9_.+-]*$/

export function validatePlatform(platform: string): string {
  const [os, arch, variant, ...rest] = platform.split('/')
  const ok = os !== undefined && PLATFORM_OS.includes(os) && arch !== undefined && PLATFORM_ARCH.includes(arch) && rest.length === 0 && (variant === undefined || /^v\d+$/.test(variant))
  if (!ok) {
    throw new InputError(Input.Platforms, `'${platform}' is not a platform buildx knows: use os/arch[/variant], e.g. linux/amd64,linux/arm64.`)
  }
  return platform
}

const CACHE_TYPES = ['ecr', 'gha', 'none'] as const
const PROVENANCE = /^(?:true|false|mode=(?:min|max))$/

/**
 * Empty: the registry cache for private repositories, none for public ones (it would
 * publish every build stage). A push-by-digest job builds its platforms apart from the
 * others, so it keeps a cache of its own, `<cache-tag>-<platform>`: parallel jobs don't
 * overwrite each other's. A run of another ref than the default branch writes only a cache
 * of its own beside it (cache-scope.ts). `filter` (`<cache-tag>*`) covers them all;
 * `scoped` (`<cache-tag>*--*`) only the other refs' ones.
 */
export function readCache(env: Env, registryType: RegistryType): Settings['build']['cache'] & { filter: string; scoped: string } {
  const typeInput = getInput(env, Input.Cache) || (registryType === 'public' ? 'none' : 'ecr')
  const type = typeInput.toLowerCase() as (typeof CACHE_TYPES)[number]
  if (!CACHE_TYPES.includes(type)) {
    throw new InputError(Input.Cache, `'${typeInput}' is not a cache: use ecr, gha or none.`)
  }
  const base = validateTag(Input.CacheTag, getInput(env, Input.CacheTag) || 'buildcache')
  const pushByDigest = parseBoolean(Input.PushByDigest, getInput(env, Input.PushByDigest), false)
  const own = pushByDigest ? perPlatformCacheTag(base, readPlatforms(env)) : base
  // `<cache-tag>*` is a tag-mutability filter and lifecycle pattern too: 128 characters at most.
  if (!IMAGE_TAG.test(own) || base.length > 127) {
    throw new InputError(
      Input.CacheTag,
      `'${base}' is too long${own !== base ? ` for this job's per-platform cache tag '${own}'` : ''}: use at most ${Math.min(127, 128 - (own.length - base.length))} characters.`
    )
  }
  const names = { filter: `${base}*`, scoped: scopedCachePattern(base) }
  if (type === 'gha') return { type, tag: own, from: [own], scope: ghaScope(getInput(env, Input.Repository), readPlatforms(env), getInput(env, Input.Target)), ...names }
  if (type !== 'ecr') return { type, tag: own, from: [own], ...names }
  const scope = scopeCacheTag(own, readRefInfo(env))
  if (scope === undefined) {
    const most = 128 - SCOPE_SEPARATOR.length - MIN_SLUG - (own.length - base.length)
    throw new InputError(Input.CacheTag, `'${base}' leaves no room for this ref's own cache tag ('${own}${SCOPE_SEPARATOR}<ref>'): use at most ${most} characters.`)
  }
  return { type, ...scope, ...names }
}

/** `buildcache` + linux/arm64 → `buildcache-linux-arm64`. */
export function perPlatformCacheTag(base: string, platforms: string[]): string {
  return [base, ...platforms.map(p => p.replace(/\//g, '-'))].join('-')
}

export function readPlatforms(env: Env): string[] {
  const listed = parseList(getInput(env, Input.Platforms))
  return [...new Set((listed.length > 0 ? listed : DEFAULT_PLATFORMS).map(validatePlatform))]
}

/** `builder`: the name of a builder an earlier step created (docker buildx create, setup-buildx-action, a docker context). */
export function readBuilder(env: Env): string | undefined {
  const name = getInput(env, Input.Builder)
  if (name === '') return undefined
  if (!BUILDER_NAME.test(name)) {
    throw new InputError(
      Input.Builder,
      `'${name}' is not a builder name: give the name of a builder an earlier step created (docker buildx ls lists them), or leave it empty for the job's current builder.`
    )
  }
  return name
}

export function readBuild(env: Env, workspace: string, cache: Settings['build']['cache']): Settings['build'] {
  const platforms = readPlatforms(env)
  const contextInput = getInput(env, Input.Context) || '.'
  const remote = REMOTE_CONTEXT.test(contextInput)
  const context = remote ? contextInput : path.resolve(workspace, contextInput)
  if (!remote && !(existsSync(context) && statSync(context).isDirectory())) {
    throw new InputError(Input.Context, `'${contextInput}' is not a directory in the workspace: check out the code first (actions/checkout) or fix the path.`)
  }
  const fileInput = getInput(env, Input.File)
  let file = ''
  if (fileInput !== '') {
    file = path.resolve(workspace, fileInput)
    if (!existsSync(file)) throw new InputError(Input.File, `'${fileInput}' does not exist: give the Dockerfile's path.`)
  } else if (!remote) {
    file = path.join(context, 'Dockerfile')
    if (!existsSync(file)) {
      throw new InputError(Input.File, `there is no Dockerfile in '${contextInput}': add one or give its path in 'file'.`)
    }
  }
  const target = getInput(env, Input.Target)
  if (target !== '' && !BUILD_STAGE.test(target)) {
    throw new InputError(Input.Target, `'${target}' is not a build stage name: use the name after AS in the Dockerfile.`)
  }
  const settings: Settings['build'] = {
    platforms,
    context,
    file,
    ...keepSecretsApart(readBuildArgs(env), readSecrets(env)),
    labels: readKeyValues(Input.Labels, getInput(env, Input.Labels)),
    annotations: readAnnotations(getInput(env, Input.Annotations)),
    push: parseBoolean(Input.Push, getInput(env, Input.Push), true),
    cache,
    provenance: readProvenance(env),
    sbom: parseBoolean(Input.Sbom, getInput(env, Input.Sbom), false),
    ...readSplitBuild(env)
  }
  // buildx makes an index for several platforms only; a merge (merge-digests) sets the index's, a push-by-digest job leaves them to it.
  const indexed = settings.annotations.find(onIndex)
  if (indexed !== undefined && platforms.length < 2 && !settings.pushByDigest && settings.mergeDigests.length === 0) {
    throw new InputError(Input.Annotations, `'${indexed.slice(0, 120)}' goes on an index, and a build of one platform has none: use the manifest level, or build several platforms.`)
  }
  const generator = readSbomGenerator(env, settings.sbom)
  if (generator !== undefined) settings.sbomGenerator = generator
  if (target !== '') settings.target = target
  const options = readBuildOptions(env, {
    workspace,
    repository: getInput(env, Input.Repository),
    push: settings.push,
    pushesAnyway: settings.pushByDigest || settings.mergeDigests.length > 0
  })
  if (options !== undefined) settings.options = options
  const builder = readBuilder(env)
  if (builder !== undefined) settings.builder = builder
  return settings
}

const ANNOTATION_LEVEL = '(?:manifest|index|manifest-descriptor|index-descriptor)(?:\\[[a-z0-9]+/[a-z0-9]+(?:/v\\d+)?\\])?'
/** buildx's `--annotation`: `[<level>[,<level>]:]KEY=VALUE`, the level `manifest` when none is given. */
const ANNOTATION = new RegExp(`^(?:${ANNOTATION_LEVEL}(?:,${ANNOTATION_LEVEL})*:)?[A-Za-z0-9][A-Za-z0-9._/-]*=`)

/** `annotations`: one `[<level>:]KEY=VALUE` per line, as docker/metadata-action's `annotations` output gives them. */
export function readAnnotations(value: string): string[] {
  const items = parseLines(value)
  for (const item of items) {
    if (!ANNOTATION.test(item)) {
      throw new InputError(Input.Annotations, `'${item.slice(0, 120)}' is not [level:]KEY=VALUE: one per line, the level manifest, index, manifest-descriptor or index-descriptor (default manifest).`)
    }
  }
  return items
}

/** `push-by-digest`, or `merge-digests` with the bound of one try of the merge (`merge-timeout`, seconds). */
export function readSplitBuild(env: Env): Pick<Settings['build'], 'pushByDigest' | 'mergeDigests' | 'mergeTimeoutSeconds'> {
  const pushByDigest = parseBoolean(Input.PushByDigest, getInput(env, Input.PushByDigest), false)
  const mergeDigests = [...new Set(parseList(getInput(env, Input.MergeDigests)))]
  for (const d of mergeDigests) {
    if (!/^sha256:[0-9a-f]{64}$/.test(d)) {
      throw new InputError(Input.MergeDigests, `'${d}' is not an image digest: give the sha256:… digests the push-by-digest runs output.`)
    }
  }
  if (pushByDigest && mergeDigests.length > 0) {
    throw new InputError(Input.MergeDigests, 'is given together with push-by-digest: push each platform by digest first, then merge in a later job.')
  }
  const mergeTimeoutSeconds = parseInteger(Input.MergeTimeout, getInput(env, Input.MergeTimeout), { min: 10, max: 3600 }) ?? DEFAULT_MERGE_TIMEOUT_SECONDS
  return { pushByDigest, mergeDigests, mergeTimeoutSeconds }
}

/** An image reference: `[host[:port]/]path[:tag][@sha256:…]`, lowercase path. */
const IMAGE_REFERENCE = /^(?:[a-zA-Z0-9.-]+(?::\d+)?\/)?[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[0-9a-f]{64})?$/

/** `sbom-generator`: BuildKit's SBOM generator image (`generator=`); only with `sbom: true`. */
export function readSbomGenerator(env: Env, sbom: boolean): string | undefined {
  const image = getInput(env, Input.SbomGenerator)
  if (image === '') return undefined
  if (!sbom) throw new InputError(Input.SbomGenerator, 'is set but sbom is false: set sbom: true, or remove sbom-generator.')
  if (!IMAGE_REFERENCE.test(image)) throw new InputError(Input.SbomGenerator, `'${image}' is not an image reference: give the generator image, e.g. docker/buildkit-syft-scanner:stable-1.`)
  return image
}

export function readProvenance(env: Env): string {
  const value = getInput(env, Input.Provenance) || 'mode=min'
  if (!PROVENANCE.test(value)) {
    throw new InputError(Input.Provenance, `'${value}' is not a provenance setting: use false, true, mode=min or mode=max.`)
  }
  return value
}
