/**
 * ECR lifecycle policies: validation with ECR's documented rules, the policy generated from
 * the `lifecycle-*` shorthand inputs, and comparison. Pure: no I/O.
 *
 * Sources: Amazon ECR User Guide, "Lifecycle policy properties", "How lifecycle policies
 * work" (evaluation rules) and "Examples of lifecycle policies"; ECR API Reference,
 * PutLifecyclePolicy (lifecyclePolicyText: 100–30,720 characters).
 * A policy ECR accepts must never be refused here; where the documentation is silent, the
 * check is left out.
 */
import { Input } from '../constants.js'
import { InputError } from '../errors.js'
import { describeJsonError, parseJson, sameJson } from '../json.js'
import { getInput, parseInteger, parseList, policySource, readPolicyText } from './input.js'
import type { CountType, Env, LifecycleIntent, LifecyclePolicy, LifecycleRule } from './types.js'

export const MAX_POLICY_LENGTH = 30720
export const MAX_RULES = 50
export const MAX_WILDCARDS = 4

/** The tags of referrers: the OCI tag schema's `sha256-<hex>` and the action's own `sha256-<hex>.<hex>`. */
export const REFERRER_TAGS = 'sha256-*'
/** The policy the action puts when the workflow states none. */
export const DEFAULT_LIFECYCLE = { keepCount: 100, untaggedDays: 14, protectTags: ['latest'] } as const

const RULE_KEYS = ['rulePriority', 'description', 'selection', 'action']
const SELECTION_KEYS = ['tagStatus', 'tagPatternList', 'tagPrefixList', 'storageClass', 'countType', 'countUnit', 'countNumber']
const ACTION_KEYS = ['type', 'targetStorageClass']
const COUNT_TYPES: CountType[] = ['imageCountMoreThan', 'sinceImagePushed', 'sinceImagePulled', 'sinceImageTransitioned']

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isPositiveInteger = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1

function unknownKey(obj: Record<string, unknown>, allowed: string[]): string | undefined {
  return Object.keys(obj).find(k => !allowed.includes(k))
}

/**
 * Parses and validates a lifecycle policy. Throws `InputError(input, …)` at the first
 * problem, naming where it is (`rules[1].selection.countNumber`) and what to change.
 */
export function validateLifecyclePolicy(text: string, input: string, file?: string): LifecyclePolicy {
  const fail = (where: string, what: string): never => {
    throw new InputError(input, where === '' ? what : `${where}: ${what}`)
  }
  if (text.length > MAX_POLICY_LENGTH) {
    fail('', `the policy is ${text.length} characters; ECR takes at most ${MAX_POLICY_LENGTH}.`)
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return fail('', `${policySource(file)}is not valid JSON ${describeJsonError(text)}: give a lifecycle policy in ECR's JSON format.`)
  }
  if (!isObject(parsed)) return fail('', 'the policy must be a JSON object with a "rules" list.')
  const extra = unknownKey(parsed, ['rules'])
  if (extra !== undefined) fail('', `unknown property "${extra}": a lifecycle policy has only "rules".`)
  const rules = parsed.rules
  if (!Array.isArray(rules) || rules.length === 0) fail('rules', 'give a list of 1 to 50 rules.')
  if ((rules as unknown[]).length > MAX_RULES) fail('rules', `has ${(rules as unknown[]).length} rules; ECR takes at most ${MAX_RULES}.`)

  const seen = new Map<number, number>()
  const untaggedRule = new Map<string, number>()
  ;(rules as unknown[]).forEach((rule, i) => {
    const at = `rules[${i}]`
    if (!isObject(rule)) return fail(at, 'each rule must be an object with rulePriority, selection and action.')
    const bad = unknownKey(rule, RULE_KEYS)
    if (bad !== undefined) fail(at, `unknown property "${bad}": a rule has ${RULE_KEYS.join(', ')}.`)
    if (!isPositiveInteger(rule.rulePriority)) fail(`${at}.rulePriority`, 'must be a whole number of 1 or more.')
    const priority = rule.rulePriority as number
    if (seen.has(priority)) fail(`${at}.rulePriority`, `${priority} is also the priority of rules[${seen.get(priority)}]: each rule needs its own.`)
    seen.set(priority, i)
    if (rule.description !== undefined && typeof rule.description !== 'string') fail(`${at}.description`, 'must be a string.')

    const sel = rule.selection
    if (!isObject(sel)) return fail(`${at}.selection`, 'is required: an object with tagStatus, countType and countNumber.')
    const badSel = unknownKey(sel, SELECTION_KEYS)
    if (badSel !== undefined) fail(`${at}.selection`, `unknown property "${badSel}": a selection has ${SELECTION_KEYS.join(', ')}.`)

    const status = sel.tagStatus
    if (status !== 'tagged' && status !== 'untagged' && status !== 'any') {
      fail(`${at}.selection.tagStatus`, 'must be "tagged", "untagged" or "any".')
    }
    const lists = (['tagPatternList', 'tagPrefixList'] as const).filter(k => sel[k] !== undefined)
    if (status === 'tagged') {
      if (lists.length !== 1) {
        fail(`${at}.selection`, 'a "tagged" rule needs exactly one of tagPatternList or tagPrefixList.')
      }
      const key = lists[0] as 'tagPatternList' | 'tagPrefixList'
      const list = sel[key]
      if (!Array.isArray(list) || list.length === 0 || !list.every(t => typeof t === 'string' && t !== '')) {
        fail(`${at}.selection.${key}`, 'must be a non-empty list of tag strings.')
      }
      if (key === 'tagPatternList') {
        for (const pattern of list as string[]) {
          if ((pattern.match(/\*/g) ?? []).length > MAX_WILDCARDS) {
            fail(`${at}.selection.tagPatternList`, `"${pattern}" has more than ${MAX_WILDCARDS} wildcards (*).`)
          }
        }
      }
    } else if (lists.length > 0) {
      fail(`${at}.selection.${lists[0]}`, `a "${String(status)}" rule takes no tag list: remove it or use tagStatus "tagged".`)
    }
    if (status === 'untagged') {
      const storageKey = String(sel.storageClass ?? 'standard')
      const earlier = untaggedRule.get(storageKey)
      if (earlier !== undefined) {
        fail(`${at}.selection.tagStatus`, `only one rule may select untagged images, and rules[${earlier}] already does.`)
      }
      untaggedRule.set(storageKey, i)
    }

    const countType = sel.countType as CountType
    if (!COUNT_TYPES.includes(countType)) fail(`${at}.selection.countType`, `must be one of ${COUNT_TYPES.join(', ')}.`)
    if (countType === 'imageCountMoreThan') {
      if (sel.countUnit !== undefined) fail(`${at}.selection.countUnit`, 'imageCountMoreThan takes no countUnit: remove it.')
    } else if (sel.countUnit !== 'days') {
      fail(`${at}.selection.countUnit`, `${countType} needs "countUnit": "days".`)
    }
    if (!isPositiveInteger(sel.countNumber)) fail(`${at}.selection.countNumber`, 'must be a whole number of 1 or more.')

    const storage = sel.storageClass
    if (storage !== undefined && storage !== 'standard' && storage !== 'archive') {
      fail(`${at}.selection.storageClass`, 'must be "standard" or "archive".')
    }
    if (countType === 'sinceImageTransitioned' && storage !== 'archive') {
      fail(`${at}.selection.storageClass`, 'sinceImageTransitioned selects archived images: set "storageClass": "archive".')
    }

    const action = rule.action
    if (!isObject(action)) return fail(`${at}.action`, 'is required: {"type": "expire"} or {"type": "transition", "targetStorageClass": "archive"}.')
    const badAction = unknownKey(action, ACTION_KEYS)
    if (badAction !== undefined) fail(`${at}.action`, `unknown property "${badAction}": an action has type and targetStorageClass.`)
    if (action.type === 'expire') {
      if (action.targetStorageClass !== undefined) fail(`${at}.action.targetStorageClass`, 'is only for "transition": remove it.')
    } else if (action.type === 'transition') {
      if (action.targetStorageClass !== 'archive') fail(`${at}.action.targetStorageClass`, 'a transition needs "targetStorageClass": "archive".')
      if (storage === 'archive') fail(`${at}.selection.storageClass`, 'archived images can only be expired, not transitioned to archive again.')
      if (countType === 'sinceImageTransitioned') fail(`${at}.selection.countType`, 'a transition selects by sinceImagePushed, sinceImagePulled or imageCountMoreThan.')
    } else {
      fail(`${at}.action.type`, 'must be "expire" or "transition".')
    }
  })

  // Evaluated last: a rule with tagStatus "any" must have the highest priority. Rules on
  // archived images (storageClass "archive") are evaluated apart from those on standard ones.
  const typed = (rules as LifecycleRule[]).map((r, i) => ({ r, i, storage: r.selection.storageClass ?? 'standard' }))
  for (const { r, i, storage } of typed) {
    const peers = typed.filter(t => t.storage === storage)
    const highest = Math.max(...peers.map(t => t.r.rulePriority))
    if (r.selection.tagStatus === 'any' && r.rulePriority !== highest) {
      fail(`rules[${i}].rulePriority`, `a rule with tagStatus "any" must have the highest rulePriority (${highest} is higher): renumber it to be evaluated last.`)
    }
  }
  return parsed as unknown as LifecyclePolicy
}

export interface LifecycleShorthand {
  keepCount?: number
  expireDays?: number
  untaggedDays: number
  protectTags: readonly string[]
  /** Tags expired this many days after their push, ahead of every protection: other refs' registry caches (`buildcache*--*`). */
  expireFirst?: { pattern: string; days: number }
}

/**
 * The policy for the shorthand inputs. ECR never lets a lower-priority rule expire an image
 * that a higher-priority rule's tag selection matched, so each protected pattern gets a
 * first rule of its own that selects it and can never expire anything in practice (more than
 * 10,000 images under one pattern would be needed; ECR's default quota is 20,000 images per
 * repository and a protected tag such as `latest` names one). Patterns go in separate rules
 * because a tag list in one rule selects only images that match every entry.
 */
export function generateLifecyclePolicy(opts: LifecycleShorthand): LifecyclePolicy {
  const rules: LifecycleRule[] = []
  if (opts.expireFirst !== undefined) {
    const { pattern, days } = opts.expireFirst
    rules.push({
      rulePriority: 1,
      description: `Expire the caches of refs other than the default branch (${pattern}) after ${days} days`,
      selection: { tagStatus: 'tagged', tagPatternList: [pattern], countType: 'sinceImagePushed', countUnit: 'days', countNumber: days },
      action: { type: 'expire' }
    })
  }
  for (const pattern of opts.protectTags) {
    rules.push({
      rulePriority: rules.length + 1,
      description: `Protect ${pattern}`,
      selection: { tagStatus: 'tagged', tagPatternList: [pattern], countType: 'imageCountMoreThan', countNumber: 10000 },
      action: { type: 'expire' }
    })
  }
  rules.push({
    rulePriority: rules.length + 1,
    description: `Expire untagged images after ${opts.untaggedDays} days`,
    selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: opts.untaggedDays },
    action: { type: 'expire' }
  })
  if (opts.expireDays !== undefined) {
    rules.push({
      rulePriority: rules.length + 1,
      description: `Expire tagged images after ${opts.expireDays} days`,
      selection: { tagStatus: 'tagged', tagPatternList: ['*'], countType: 'sinceImagePushed', countUnit: 'days', countNumber: opts.expireDays },
      action: { type: 'expire' }
    })
  } else {
    const keep = opts.keepCount ?? DEFAULT_LIFECYCLE.keepCount
    rules.push({
      rulePriority: rules.length + 1,
      description: `Keep the newest ${keep} tagged images`,
      selection: { tagStatus: 'tagged', tagPatternList: ['*'], countType: 'imageCountMoreThan', countNumber: keep },
      action: { type: 'expire' }
    })
  }
  return { rules }
}

/** Key order and white space don't matter; rules are compared in priority order (as ECR applies them). */
function byPriority(policy: string | LifecyclePolicy): unknown {
  const parsed = parseJson(policy)
  if (isObject(parsed) && Array.isArray(parsed.rules)) {
    const rules = [...(parsed.rules as { rulePriority?: number }[])].sort((a, b) => (a.rulePriority ?? 0) - (b.rulePriority ?? 0))
    return { ...parsed, rules }
  }
  return parsed
}

export function lifecyclePoliciesEqual(a: string | LifecyclePolicy, b: string | LifecyclePolicy): boolean {
  return sameJson(byPriority(a), byPriority(b))
}

/** The text sent to ECR. */
export function formatLifecyclePolicy(policy: LifecyclePolicy): string {
  return JSON.stringify(policy)
}

/**
 * The lifecycle policy the workflow states: `lifecycle-policy` (JSON or a file), the
 * `lifecycle-*` shorthand, or neither (the default).
 * @param defaults the patterns protected unless `lifecycle-protect-tags` is given, and the
 *   pattern of other refs' registry caches, expired after `lifecycle-untagged-days` with them
 */
export function readLifecycle(env: Env, workspace: string, defaults: { protect: string[]; scopedCache?: string }): LifecycleIntent {
  const policyInput = getInput(env, Input.LifecyclePolicy)
  const keepCount = parseInteger(Input.LifecycleKeepCount, getInput(env, Input.LifecycleKeepCount), { min: 1, max: 10000 })
  const expireDays = parseInteger(Input.LifecycleExpireDays, getInput(env, Input.LifecycleExpireDays), { min: 1, max: 36500 })
  const untaggedDays = parseInteger(Input.LifecycleUntaggedDays, getInput(env, Input.LifecycleUntaggedDays), {
    min: 1,
    max: 36500
  })
  const protectInput = getInput(env, Input.LifecycleProtectTags)
  const protectTags = parseList(protectInput)
  for (const t of protectTags) {
    if (!/^[A-Za-z0-9_.*-]{1,128}$/.test(t) || (t.match(/\*/g) ?? []).length > 4) {
      throw new InputError(Input.LifecycleProtectTags, `'${t}' is not a tag pattern ECR accepts: use letters, digits, _ . - and at most 4 * wildcards.`)
    }
  }
  const shorthandStated = keepCount !== undefined || expireDays !== undefined || untaggedDays !== undefined || protectInput !== ''

  if (policyInput !== '') {
    if (shorthandStated) {
      throw new InputError(Input.LifecyclePolicy, 'is given together with lifecycle-keep-count / -expire-days / -untagged-days / -protect-tags: use either the full policy or the shorthand inputs.')
    }
    const { text, file } = readPolicyText(Input.LifecyclePolicy, policyInput, workspace)
    return { stated: true, policy: validateLifecyclePolicy(text, Input.LifecyclePolicy, file), source: 'lifecycle-policy' }
  }
  if (keepCount !== undefined && expireDays !== undefined) {
    throw new InputError(Input.LifecycleExpireDays, 'is given together with lifecycle-keep-count: keep the newest N images or expire them after N days, not both.')
  }
  const tagRule = expireDays !== undefined ? { expireDays } : { keepCount: keepCount ?? DEFAULT_LIFECYCLE.keepCount }
  const days = untaggedDays ?? DEFAULT_LIFECYCLE.untaggedDays
  // Stated protections are the workflow's to make: other refs' caches then expire only as it says.
  const scoped = protectInput === '' && defaults.scopedCache !== undefined ? { expireFirst: { pattern: defaults.scopedCache, days } } : {}
  const policy = generateLifecyclePolicy({
    ...tagRule,
    untaggedDays: days,
    // Referrers (provenance, SBOMs) carry sha256-* tags: always kept while their image lives (supply/referrers.ts).
    protectTags: [...new Set([...(protectInput !== '' ? protectTags : defaults.protect), REFERRER_TAGS])],
    ...scoped
  })
  return shorthandStated ? { stated: true, policy, source: 'lifecycle-* inputs' } : { stated: false, policy, source: 'default policy' }
}
