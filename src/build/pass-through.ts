/**
 * Planning: the argv of docker/build-push-action's pass-through options
 * (settings/build-options.ts checked them: paths made absolute, no secret among them). Kept
 * apart from the argv the action's own settings make (plan.ts buildxArgs); the cache
 * overrides go with the action's cache (plan.ts cacheArgs).
 */
import type { BuildOptions, Settings } from '../settings/types.js'

/** `--build-context`, `--no-cache`, `--no-cache-filter`, `--pull`, `--ssh`, `--network`, `--shm-size`, `--ulimit`, `--add-host`, `--load`. */
export function passThroughArgs(options: BuildOptions | undefined): string[] {
  if (options === undefined) return []
  const args: string[] = []
  for (const context of options.buildContexts) args.push('--build-context', context)
  if (options.noCache) args.push('--no-cache')
  for (const stage of options.noCacheFilters) args.push('--no-cache-filter', stage)
  if (options.pull) args.push('--pull')
  for (const ssh of options.ssh) args.push('--ssh', ssh)
  if (options.network !== undefined) args.push('--network', options.network)
  if (options.shmSize !== undefined) args.push('--shm-size', options.shmSize)
  for (const limit of options.ulimits) args.push('--ulimit', limit)
  for (const host of options.addHosts) args.push('--add-host', host)
  if (options.load) args.push('--load')
  return args
}

/** Whether the build reads or writes GitHub's cache, whose URL and token buildx then needs in its environment. */
export function usesGhaCache(build: Settings['build']): boolean {
  const overridden = [...(build.options?.cacheFrom ?? []), ...(build.options?.cacheTo ?? [])]
  const gha = (spec: string): boolean => /(?:^|,)\s*type\s*=\s*gha\s*(?:,|$)/i.test(spec)
  if (overridden.some(gha)) return true
  // `cache: gha` whose reads or writes are not both replaced
  return build.cache.type === 'gha' && (build.options?.cacheFrom === undefined || build.options.cacheTo === undefined)
}
