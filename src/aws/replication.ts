/**
 * Cross-region replication (`replicate-to-regions`). ECR keeps one replication
 * configuration per registry, shared by every repository, so the action reads it, adds
 * what this repository needs and writes it back whole: another rule is never dropped or
 * changed (missing regions get a rule of their own), and nothing is written when the
 * repository already replicates to every region.
 *
 * Planning is pure (`planReplication`); `ensureReplication` makes the two calls.
 */
import {
  DescribeRegistryCommand,
  PutReplicationConfigurationCommand,
  type ECRClient,
  type ReplicationRule
} from '@aws-sdk/client-ecr'
import { ActionError } from '../errors.js'
import { parseRegistryHost, registryInRegion } from '../registry/host.js'

/** ECR's limits: rules per registry, destinations per rule. */
export const MAX_RULES = 10
export const MAX_DESTINATIONS = 25

export interface ReplicationPlan {
  /** Regions no rule replicates this repository to yet; empty: nothing to write. */
  missing: string[]
  /** The whole configuration to write when `missing` is not empty. */
  rules: ReplicationRule[]
  /** What the write does, in the user's words. */
  change: string
}

/** Whether a rule copies `repository` to `region` of this account. */
function covers(rule: ReplicationRule, repository: string, region: string, account: string): boolean {
  const toRegion = (rule.destinations ?? []).some(d => d.region === region && d.registryId === account)
  const filters = rule.repositoryFilters ?? []
  const matches = filters.length === 0 || filters.some(f => f.filterType === 'PREFIX_MATCH' && repository.startsWith(f.filter ?? '\u0000'))
  return toRegion && matches
}

export function planReplication(current: ReplicationRule[], repository: string, regions: string[], account: string): ReplicationPlan {
  const missing = regions.filter(region => !current.some(rule => covers(rule, repository, region, account)))
  if (missing.length === 0) return { missing, rules: current, change: '' }
  // Existing rules are never changed, not even one naming only this repository: it may be
  // the user's own (e.g. with a deletion setting); the missing regions get a rule of their own.
  if (current.length >= MAX_RULES) {
    throw new ActionError(
      `The registry's replication configuration already has ${current.length} rules, ECR's limit: add ${missing.join(', ')} to a rule that matches '${repository}' by hand, or remove replicate-to-regions.`
    )
  }
  const rules = [...current, { destinations: missing.map(region => ({ region, registryId: account })), repositoryFilters: [{ filter: repository, filterType: 'PREFIX_MATCH' as const }] }]
  return { missing, rules, change: `replication to ${missing.join(', ')} added (registry replication rule ${rules.length} of ${rules.length})` }
}

/** The account and the registry's current rules (ecr:DescribeRegistry). */
export async function readReplication(ecr: ECRClient): Promise<{ account: string; rules: ReplicationRule[] }> {
  const out = await ecr.send(new DescribeRegistryCommand({}))
  return { account: out.registryId ?? '', rules: out.replicationConfiguration?.rules ?? [] }
}

/** Makes sure the registry replicates `repository` to every region; returns the change made, or ''. */
export async function ensureReplication(ecr: ECRClient, repository: string, regions: string[]): Promise<string> {
  if (regions.length === 0) return ''
  const { account, rules } = await readReplication(ecr)
  const plan = planReplication(rules, repository, regions, account)
  if (plan.missing.length === 0) return ''
  await ecr.send(new PutReplicationConfigurationCommand({ replicationConfiguration: { rules: plan.rules } }))
  return plan.change
}

/** Where the replicas of an image appear: the same repository and tag in each region's registry. */
export function replicaUris(imageUri: string, regions: string[]): string[] {
  const registry = parseRegistryHost(imageUri)
  if (registry?.kind !== 'private') return []
  const rest = imageUri.slice(imageUri.indexOf('/'))
  return regions.map(region => `${registryInRegion(registry, region)}${rest}`)
}
