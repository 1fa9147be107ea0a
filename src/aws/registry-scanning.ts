/**
 * The registry's scanning configuration (GetRegistryScanningConfiguration), which decides
 * how ECR scans images before a repository's own `scanOnPush` does:
 *
 * - ENHANCED (Amazon Inspector): the repository's `scanOnPush` is ignored; the registry's
 *   rules say which repositories are scanned (on push or continuously), and findings come
 *   as `enhancedFindings`. A basic scan can't be started.
 * - BASIC with a rule whose filter covers the repository: the registry's rule (scan on push,
 *   or manual) takes precedence over the repository's setting.
 * - BASIC with no rule covering it: the repository's own `scanOnPush` decides.
 *
 * Read at most once per run, and only when it matters (scan-on-push drift, or the gate).
 * A role without ecr:GetRegistryScanningConfiguration gets one warning and the action goes
 * on as if the repository's setting decided.
 */
import { GetRegistryScanningConfigurationCommand, type ECRClient } from '@aws-sdk/client-ecr'
import type { RepositoryPlan } from './repository-plan.js'
import { matchesFilter } from '../settings/tag-mutability.js'

export interface ScanningRule {
  scanFrequency: string
  filters: string[]
}

export interface RegistryScanning {
  scanType: 'BASIC' | 'ENHANCED'
  rules: ScanningRule[]
}

/**
 * Does a registry scanning rule's WILDCARD filter cover this repository name? As the ECR
 * user guide describes it: a filter with no `*` matches every name that contains it; a `*`
 * stands for zero or more characters, and the name must match the filter as a whole.
 */
export function matchesRepositoryFilter(name: string, filter: string): boolean {
  // With a `*`, the same matching as the tag filters of tag mutability.
  return filter.includes('*') ? matchesFilter(name, filter) : name.includes(filter)
}

/** The first rule with a filter covering the repository, with that filter. */
export function coveringRule(config: RegistryScanning, repository: string): { rule: ScanningRule; filter: string } | undefined {
  for (const rule of config.rules) {
    const filter = rule.filters.find(f => matchesRepositoryFilter(repository, f))
    if (filter !== undefined) return { rule, filter }
  }
  return undefined
}

/**
 * Why the repository's own scan-on-push is not what decides, in words; undefined when it is
 * (BASIC without a rule covering the repository, or a configuration that couldn't be read).
 */
export function registryDecidesScanning(config: RegistryScanning | undefined, repository: string): string | undefined {
  if (config === undefined) return undefined
  const covering = coveringRule(config, repository)
  const rule = covering ? `rule ${covering.rule.scanFrequency} (filter '${covering.filter}')` : 'no rule covering this repository, so it is not scanned'
  if (config.scanType === 'ENHANCED') return `the registry's ENHANCED scanning (Amazon Inspector) decides how it is scanned: ${rule}`
  if (covering === undefined) return undefined
  return `the registry's BASIC scanning ${rule} decides how it is scanned`
}

export interface RegistryScanningReader {
  /** the configuration; undefined when the role may not read it (then `warning` says so) */
  get(): Promise<RegistryScanning | undefined>
  /** the one warning when the read was refused */
  warning(): string | undefined
}

/** Reads the configuration on the first `get` only; an AccessDenied becomes one warning. */
export function registryScanningReader(ecr: ECRClient): RegistryScanningReader {
  let read: Promise<RegistryScanning | undefined> | undefined
  let refused: string | undefined
  return {
    get: () =>
      (read ??= ecr.send(new GetRegistryScanningConfigurationCommand({})).then(
        out => ({
          scanType: out?.scanningConfiguration?.scanType === 'ENHANCED' ? 'ENHANCED' : 'BASIC',
          rules: (out?.scanningConfiguration?.rules ?? []).map(r => ({
            scanFrequency: r.scanFrequency ?? 'MANUAL',
            filters: (r.repositoryFilters ?? []).map(f => f.filter ?? '').filter(f => f !== '')
          }))
        }),
        (error: unknown) => {
          if ((error as Error).name !== 'AccessDeniedException') throw error
          refused =
            `the role may not read the registry's scanning configuration (ecr:GetRegistryScanningConfiguration), ` +
            `so the repository's own scan-on-push is taken to decide: grant it to let the action see when the registry's configuration decides.`
          return undefined
        }
      )),
    warning: () => refused
  }
}

/**
 * A repository plan with the scan-on-push change left out when the registry's configuration
 * decides (ECR would ignore it), and a note saying so instead (a note, not a warning: with
 * enhanced scanning the repository's setting is expected to be stale). Reads the configuration only
 * when the plan has that change.
 */
export async function deferScanOnPush(plan: RepositoryPlan, repository: string, read: (() => Promise<RegistryScanning | undefined>) | undefined): Promise<RepositoryPlan> {
  const change = plan.changes.find(c => c.kind === 'scan-on-push')
  if (change?.kind !== 'scan-on-push' || read === undefined) return plan
  const decides = registryDecidesScanning(await read(), repository)
  if (decides === undefined) return plan
  return {
    changes: plan.changes.filter(c => c !== change),
    warnings: plan.warnings,
    notes: [...(plan.notes ?? []), `scan on push is ${change.from ? 'on' : 'off'} on the repository, not ${change.to ? 'on' : 'off'} as scan-on-push states, and left so: ${decides}.`]
  }
}
