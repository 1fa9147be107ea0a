/**
 * Cross-region replication (`replicate-to-regions`). ECR keeps one replication
 * configuration per registry, shared by every repository, so the action reads it, adds
 * what this repository needs and writes it back whole: another rule is never dropped or
 * changed (missing regions get a rule of their own), and nothing is written when the
 * repository already replicates to every region.
 *
 * ECR has no conditional write: another writer (a second job, a Terraform apply) that read
 * the configuration before this write and writes it back after it drops this rule. So the
 * configuration is read again a moment after the write; when this repository's rule is
 * gone, it is merged into what is there now and written again (a few tries, with backoff).
 * Each write starts from the latest read, so the other writer's rules stay.
 *
 * ECR filters repositories by name prefix only (`PREFIX_MATCH`): the rule the action adds
 * has the repository's full name as its prefix, so it also replicates every repository
 * whose name begins with it (`team/web` → `team/web-api`, `team/webhooks`); the change line
 * says so. Coverage is decided the way ECR replicates: a rule counts for a region when its
 * destinations include that region of this account and it has no filter or a filter that is
 * a prefix of this repository's name — a rule for a longer name (a sibling such as
 * `team/web-api`) never counts for `team/web`. The log names the rule that covers each
 * region already.
 *
 * Planning is pure (`planReplication`); `ensureReplication` makes the calls.
 */
import { DescribeRegistryCommand, PutReplicationConfigurationCommand, type ECRClient, type ReplicationRule } from '@aws-sdk/client-ecr'
import * as core from '@actions/core'
import { ActionError } from '../errors.js'
import { defaultRetry, retry, TransientError, type RetryPolicy } from '../retry.js'

/** ECR's limit of rules per registry (its 25 destinations per rule are checked with the input: settings/repository.ts). */
export const MAX_RULES = 10

export interface ReplicationPlan {
  /** Regions no rule replicates this repository to yet; empty: nothing to write. */
  missing: string[]
  /** The whole configuration to write when `missing` is not empty. */
  rules: ReplicationRule[]
  /** What the write does, in the user's words. */
  change: string
  /** Which existing rule already copies the repository to each region it covers; '' when none. */
  covered: string
}

/** The filters of a rule that match `repository` (ECR's PREFIX_MATCH: the filter begins its name); every repository for a rule without filters. */
function matchingFilters(rule: ReplicationRule, repository: string): string[] | 'all' {
  const filters = rule.repositoryFilters ?? []
  if (filters.length === 0) return 'all'
  return filters.filter(f => f.filterType === 'PREFIX_MATCH' && f.filter !== undefined && repository.startsWith(f.filter)).map(f => f.filter ?? '')
}

/** Whether a rule copies `repository` to `region` of this account. */
function covers(rule: ReplicationRule, repository: string, region: string, account: string): boolean {
  const toRegion = (rule.destinations ?? []).some(d => d.region === region && d.registryId === account)
  const filters = matchingFilters(rule, repository)
  return toRegion && (filters === 'all' || filters.length > 0)
}

/** The regions no rule of `rules` copies `repository` to. */
function uncovered(rules: ReplicationRule[], repository: string, regions: string[], account: string): string[] {
  return regions.filter(region => !rules.some(rule => covers(rule, repository, region, account)))
}

/** "the registry's rules already copy it to eu-west-1 (rule 1, prefix 'team/')", for the regions some rule covers; '' when none. */
function describeCoverage(rules: ReplicationRule[], repository: string, regions: string[], account: string): string {
  const parts = regions.flatMap(region => {
    const index = rules.findIndex(rule => covers(rule, repository, region, account))
    const rule = rules[index]
    if (rule === undefined) return []
    const filters = matchingFilters(rule, repository)
    const which = filters === 'all' ? 'every repository' : `prefix ${filters.map(f => `'${f}'`).join(', ')}`
    return [`${region} (rule ${index + 1}, ${which})`]
  })
  return parts.length > 0 ? `the registry's rules already copy it to ${parts.join(', ')}` : ''
}

/** ECR matches by prefix only: what the action's rule for `repository` also replicates. */
const prefixNote = (repository: string): string => `ECR's filters are prefixes: the rule's filter '${repository}' also replicates every repository whose name begins with it, e.g. '${repository}-api'`

export function planReplication(current: ReplicationRule[], repository: string, regions: string[], account: string): ReplicationPlan {
  const missing = uncovered(current, repository, regions, account)
  const covered = describeCoverage(current, repository, regions, account)
  if (missing.length === 0) return { missing, rules: current, change: '', covered }
  // Existing rules are never changed, not even one naming only this repository: it may be
  // the user's own (e.g. with a deletion setting); the missing regions get a rule of their own.
  if (current.length >= MAX_RULES) {
    throw new ActionError(
      `The registry's replication configuration already has ${current.length} rules, ECR's limit: add ${missing.join(', ')} to a rule that matches '${repository}' by hand, or remove replicate-to-regions.`
    )
  }
  const rules = [...current, { destinations: missing.map(region => ({ region, registryId: account })), repositoryFilters: [{ filter: repository, filterType: 'PREFIX_MATCH' as const }] }]
  return {
    missing,
    rules,
    change: `replication to ${missing.join(', ')} added (registry replication rule ${rules.length} of ${rules.length}); ${prefixNote(repository)}`,
    covered
  }
}

/** The account and the registry's current rules (ecr:DescribeRegistry). */
export async function readReplication(ecr: ECRClient): Promise<{ account: string; rules: ReplicationRule[] }> {
  const out = await ecr.send(new DescribeRegistryCommand({}))
  return { account: out.registryId ?? '', rules: out.replicationConfiguration?.rules ?? [] }
}

/** How a write is checked: the tries (and waits between them), and how long after a write the configuration is read again. */
export interface ReplicationWrite {
  retry: RetryPolicy
  /** long enough for a writer that read the configuration before this write to have written it back */
  settleMs: number
  /** where the rules that already cover the repository are named */
  log: (line: string) => void
  /** awaited before the write: the repository's own checks (a creation template that stops the run) come before any write */
  beforeWrite?: () => Promise<unknown>
}

export const DEFAULT_REPLICATION_WRITE: ReplicationWrite = { retry: defaultRetry, settleMs: 2000, log: line => core.info(line) }

/** The registry's rules as read, and what this repository needs of them. */
export interface ReplicationRead {
  account: string
  plan: ReplicationPlan
}

/** What the repository needs of the registry's replication configuration, from one read. */
export async function readReplicationPlan(ecr: ECRClient, repository: string, regions: string[]): Promise<ReplicationRead> {
  const { account, rules } = await readReplication(ecr)
  return { account, plan: planReplication(rules, repository, regions, account) }
}

/**
 * Makes sure the registry replicates `repository` to every region; returns the change made,
 * or ''. A write is checked by reading the configuration again; a rule another writer
 * dropped meanwhile is merged and written again, up to `write.retry.attempts` times.
 * @param planned the configuration as the run's plan read it (the first try writes from it)
 */
export async function ensureReplication(ecr: ECRClient, repository: string, regions: string[], write: ReplicationWrite = DEFAULT_REPLICATION_WRITE, planned?: ReplicationRead): Promise<string> {
  if (regions.length === 0) return ''
  let change = ''
  let logged = ''
  let read = planned
  const once = async (): Promise<void> => {
    const { account, plan } = read ?? (await readReplicationPlan(ecr, repository, regions))
    read = undefined
    if (plan.covered !== '' && plan.covered !== logged) {
      write.log(`Replication of ${repository}: ${plan.covered}.`)
      logged = plan.covered
    }
    if (plan.missing.length === 0) return
    await write.beforeWrite?.()
    await ecr.send(new PutReplicationConfigurationCommand({ replicationConfiguration: { rules: plan.rules } }))
    change = plan.change
    await write.retry.sleep(write.settleMs)
    const dropped = uncovered((await readReplication(ecr)).rules, repository, regions, account)
    if (dropped.length > 0) {
      throw new TransientError(`another writer replaced the registry's replication configuration after this run's write, dropping ${repository} → ${dropped.join(', ')}`)
    }
  }
  try {
    // Only a dropped rule is tried again here: the SDK retries the calls themselves.
    await retry("The registry's replication configuration", once, { policy: write.retry }, error => error instanceof TransientError)
  } catch (error) {
    if (!(error instanceof TransientError)) throw error
    throw new ActionError(
      `${error.message}, ${write.retry.attempts} times: run the job again, or let the other writer (e.g. your Terraform) keep a rule that replicates ${repository} to ${regions.join(', ')}.`,
      { cause: error }
    )
  }
  return change
}
