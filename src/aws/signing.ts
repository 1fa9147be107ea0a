/**
 * ECR managed signing (AWS Signer): which Signer profiles sign this repository's images.
 *
 * The registry's signing configuration (GetSigningConfiguration) holds up to 10 rules, each
 * a Signer profile and optional repository filters (`WILDCARD_MATCH`: `*` stands for any
 * characters, the name is matched as a whole; a rule without filters covers every
 * repository). ECR signs a pushed image once with each profile whose rule covers the
 * repository, using the identity that pushed it (so that role needs `signer:SignPayload` on
 * the profile).
 *
 * Read once per run, beside the other reads after the repository stage. Fail closed: with
 * `require-signature`, a configuration that can't be read, or one that signs nothing here,
 * stops the run before its build (requireProblem); without it, the first is a warning
 * (aws/signature.ts).
 */
import { GetSigningConfigurationCommand, type ECRClient } from '@aws-sdk/client-ecr'
import { matchesFilter } from '../settings/tag-mutability.js'

export interface SigningRule {
  profileArn: string
  /** WILDCARD_MATCH filters; empty: every repository */
  filters: string[]
}

/** A Signer profile that signs the repository's images, and the filter of its rule that matched (none: the rule has no filters). */
export interface CoveringProfile {
  arn: string
  filter?: string
}

/** What the registry's signing configuration means for this repository. */
export type SigningPlan =
  /** nothing signs it: no configuration, no rule covering it, or ECR Public */
  | { kind: 'none'; why: string }
  /** the configuration could not be read: whether ECR signs it is not known */
  | { kind: 'unreadable'; why: string }
  /** ECR signs each pushed image with these profiles */
  | { kind: 'signed'; profiles: CoveringProfile[] }

/** Does a signing rule's WILDCARD_MATCH filter cover this repository name? */
export const signingFilterMatches = (repository: string, filter: string): boolean => matchesFilter(repository, filter)

/** The profiles whose rules cover the repository, each once, in the configuration's order. */
export function coveringProfiles(rules: SigningRule[], repository: string): CoveringProfile[] {
  const found: CoveringProfile[] = []
  for (const rule of rules) {
    if (found.some(p => p.arn === rule.profileArn)) continue
    if (rule.filters.length === 0) {
      found.push({ arn: rule.profileArn })
      continue
    }
    const filter = rule.filters.find(f => signingFilterMatches(repository, f))
    if (filter !== undefined) found.push({ arn: rule.profileArn, filter })
  }
  return found
}

/** The plan from a configuration's rules (undefined: the registry has none). */
export function planSigning(rules: SigningRule[] | undefined, repository: string): SigningPlan {
  if (rules === undefined) return { kind: 'none', why: 'the registry has no signing configuration (ECR managed signing is not set up)' }
  const profiles = coveringProfiles(rules, repository)
  if (profiles.length === 0) return { kind: 'none', why: `the registry's signing configuration has no rule whose repository filters match ${repository}` }
  return { kind: 'signed', profiles }
}

/**
 * Reads the registry's signing configuration: SigningConfigurationNotFoundException is "none";
 * any other refusal (AccessDenied, an unknown operation, …) makes the plan `unreadable`, naming
 * the error. A cancel is passed on.
 */
export async function readSigningPlan(ecr: ECRClient, repository: string, signal?: AbortSignal): Promise<SigningPlan> {
  try {
    const out = await ecr.send(new GetSigningConfigurationCommand({}), signal ? { abortSignal: signal } : {})
    const rules = out?.signingConfiguration?.rules
    return planSigning(
      rules?.map(r => ({ profileArn: r.signingProfileArn ?? '', filters: (r.repositoryFilters ?? []).map(f => f.filter ?? '').filter(f => f !== '') })).filter(r => r.profileArn !== ''),
      repository
    )
  } catch (error) {
    signal?.throwIfAborted()
    const e = error as Error
    if (e.name === 'SigningConfigurationNotFoundException') return planSigning(undefined, repository)
    return { kind: 'unreadable', why: `the registry's signing configuration could not be read (${e.name}: ${e.message.replace(/\s+/g, ' ')})` }
  }
}

/** The profiles in words: `the Signer profile <arn>` or `the Signer profiles <arn>, <arn>`. */
export function profileWords(profiles: CoveringProfile[]): string {
  return `the Signer profile${profiles.length === 1 ? '' : 's'} ${profiles.map(p => p.arn).join(', ')}`
}

/** Why a run with `require-signature` must stop before building; undefined when ECR will sign its image. */
export function requireProblem(plan: SigningPlan, repository: string): string | undefined {
  switch (plan.kind) {
    case 'signed':
      return undefined
    case 'unreadable':
      return `require-signature is true, but ${plan.why}: grant the role ecr:GetSigningConfiguration (on *), or remove require-signature.`
    case 'none':
      return (
        `require-signature is true, but ${plan.why}, so ECR won't sign ${repository}'s images: add a signing rule covering it ` +
        `(ECR → Private registry → Managed signing, or PutSigningConfiguration) with a Signer profile the pushing role may sign with (signer:SignPayload), or remove require-signature.`
      )
  }
}
