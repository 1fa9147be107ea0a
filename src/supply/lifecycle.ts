/**
 * Lifecycle safety for referrers. ECR's documented evaluation rules ("Lifecycle policy
 * evaluation rules", Amazon ECR User Guide): an image a manifest list references can't be
 * expired or archived before the manifest list is; and reference artifacts (referrers) are
 * expired or archived within 24 hours of their subject's deletion or archival. Nothing there
 * keeps an untagged referrer from an `untagged` rule while its image lives, so on ECR each
 * referrer carries a tag of its own (`sha256-<subject>.<referrer>`) and the generated
 * policies protect `sha256-*`. A stated policy whose first rule to select such a tag may
 * expire it gets a hint. Pure.
 */
import { matchesFilter } from '../settings/tag-mutability.js'
import type { LifecycleIntent, LifecycleRule } from '../settings/types.js'

/** A referrer's own tag, as referrers.ts writes it. */
const SAMPLE = `sha256-${'0'.repeat(64)}.${'0'.repeat(16)}`
/** A tagged count rule this high never expires anything in practice: a protection (lifecycle-policy.ts). */
const PROTECTING_COUNT = 1000

function selectsReferrerTag(rule: LifecycleRule): boolean {
  const s = rule.selection
  if (s.storageClass === 'archive') return false
  if (s.tagStatus === 'any') return true
  if (s.tagStatus !== 'tagged') return false
  if (s.tagPatternList !== undefined) return s.tagPatternList.every(p => matchesFilter(SAMPLE, p))
  return (s.tagPrefixList ?? []).every(p => SAMPLE.startsWith(p))
}

/** Why a stated policy may expire the provenance and SBOMs of images still in use; undefined when it can't. */
export function referrerRisk(intent: LifecycleIntent): string | undefined {
  if (!intent.stated) return undefined
  const rules = [...intent.policy.rules].sort((a, b) => a.rulePriority - b.rulePriority)
  const first = rules.find(selectsReferrerTag)
  if (first === undefined) return undefined
  const s = first.selection
  if (s.tagStatus === 'tagged' && s.countType === 'imageCountMoreThan' && s.countNumber >= PROTECTING_COUNT) return undefined
  return (
    `The lifecycle policy's rule of priority ${first.rulePriority}${first.description ? ` (${first.description})` : ''} is the first to select the tags of ` +
    `referrers (sha256-<image>.<referrer>: the provenance and SBOMs attached to each image) and may expire them while their image is in use; ` +
    `ECR itself expires a referrer within 24 hours of its image. Put a rule ahead of it that protects them: ` +
    `{"rulePriority": 1, "description": "Protect sha256-*", "selection": {"tagStatus": "tagged", "tagPatternList": ["sha256-*"], "countType": "imageCountMoreThan", "countNumber": 10000}, "action": {"type": "expire"}}`
  )
}
