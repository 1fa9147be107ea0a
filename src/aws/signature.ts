/**
 * The signature stage: after the push, waits — bounded by `signature-timeout`, a line per
 * poll — until DescribeImageSigningStatus reports the pushed image signed by every Signer
 * profile whose rule covers the repository (aws/signing.ts). The image judged is the one the
 * run outputs (`digest`): for a multi-platform image its index, which is what a tag or
 * `image-digest-uri` resolves to and what `notation verify` checks; a push-by-digest job's
 * platform image.
 *
 * Outcomes (the `signature` output): `signed`; `failed` (a profile's status FAILED);
 * `in-progress` (not done by the deadline); `unsigned` (nothing signs it, or a reused image
 * pushed before a rule covered it); `unknown` (the configuration or the status could not be
 * read). With `require-signature` anything but `signed` fails the run, naming the profile
 * and the permissions involved; without it the last three are warnings.
 */
import { DescribeImageSigningStatusCommand, type ECRClient, type ImageSigningStatus } from '@aws-sdk/client-ecr'
import type { ScanWait } from './scan-gate.js'
import { profileWords, type CoveringProfile, type SigningPlan } from './signing.js'

export type SignatureState = 'signed' | 'failed' | 'in-progress' | 'unsigned' | 'unknown'

export interface SignatureResult {
  state: SignatureState
  /** the job summary's line */
  line: string
  /** with require-signature: why the run fails */
  failure?: string
  /** without require-signature: the run's warning */
  warning?: string
}

/** The wait's clock and bound: the scan gate's, a poll at a time under one deadline. */
export type SignatureWait = ScanWait

export interface SignatureTarget {
  ecr: ECRClient
  repository: string
  digest: string
  region: string
  /** false on a re-run that reused the image: ECR signs on push, so no status means none will come */
  pushedNow: boolean
  require: boolean
  /** the run's cancel: ends the wait by throwing */
  cancel?: AbortSignal
}

const SIGN_PERMISSION = 'the role that pushes needs signer:SignPayload on it (ECR signs with the identity that pushed the image)'

/** A result that is not `signed`: a failure with require-signature, else a warning. */
function notSigned(state: SignatureState, line: string, why: string, require: boolean): SignatureResult {
  return require ? { state, line, failure: `require-signature is true, but ${why}` } : { state, line, warning: why.charAt(0).toUpperCase() + why.slice(1) }
}

/** Why signing failed, e.g. ` (AccessDenied: …)`; '' when ECR gave no reason. */
const failureWords = (s: ImageSigningStatus): string => (s.failureCode || s.failureReason ? ` (${[s.failureCode, s.failureReason].filter(Boolean).join(': ')})` : '')
/** The profile's status in words, e.g. `FAILED (AccessDenied: …)`. */
const statusWords = (s: ImageSigningStatus): string => `${s.status ?? 'no status'}${failureWords(s)}`

/** Judges one answer: a result when it decides, undefined while signing goes on. */
export function judgeStatuses(statuses: ImageSigningStatus[], profiles: CoveringProfile[], target: SignatureTarget): SignatureResult | undefined {
  const what = `${target.repository}@${target.digest}`
  const failed = statuses.find(s => s.status === 'FAILED')
  if (failed !== undefined) {
    const profile = failed.signingProfileArn ?? profiles[0]?.arn ?? 'unknown'
    return notSigned(
      'failed',
      `FAILED with the Signer profile \`${profile}\`${failureWords(failed)}`,
      `ECR's managed signing of ${what} failed with the Signer profile ${profile}: ${statusWords(failed)}; ${SIGN_PERMISSION}, and the profile must be active in ${target.region}`,
      target.require
    )
  }
  const complete = (arn: string): boolean => statuses.some(s => s.signingProfileArn === arn && s.status === 'COMPLETE')
  if (statuses.length > 0 && statuses.every(s => s.status === 'COMPLETE') && profiles.every(p => complete(p.arn))) {
    const arns = [...new Set(statuses.map(s => s.signingProfileArn ?? ''))].filter(a => a !== '')
    return { state: 'signed', line: `signed by ${arns.map(a => `\`${a}\``).join(', ')} (ECR managed signing)` }
  }
  if (statuses.length === 0 && !target.pushedNow) {
    return notSigned(
      'unsigned',
      'unsigned: ECR has no signing status for this image (pushed before a signing rule covered the repository; this run pushed nothing)',
      `${what} is not signed: ECR has no signing status for it (it was pushed before a signing rule covered ${target.repository}, and ECR signs on push); push a new version to have it signed`,
      target.require
    )
  }
  return undefined
}

/** The result for a plan that waits for nothing: nothing signs the image, or the configuration couldn't be read. */
export function unwaited(plan: Exclude<SigningPlan, { kind: 'signed' }>, target: Pick<SignatureTarget, 'repository' | 'digest' | 'require'>): SignatureResult {
  if (plan.kind === 'none') {
    const line = `unsigned: ${plan.why}`
    return target.require ? { state: 'unsigned', line, failure: `require-signature is true, but ${target.repository}@${target.digest} is not signed: ${plan.why}` } : { state: 'unsigned', line }
  }
  return notSigned(
    'unknown',
    `not known: ${plan.why}`,
    `whether ECR signed ${target.repository}@${target.digest} is not known: ${plan.why}; grant the role ecr:GetSigningConfiguration (on *) to have the action wait for the signature`,
    target.require
  )
}

/** Waits for the signature of `target` by every profile of the plan, under one deadline. */
export async function awaitSignature(plan: SigningPlan, target: SignatureTarget, wait: SignatureWait): Promise<SignatureResult> {
  if (plan.kind !== 'signed') return unwaited(plan, target)
  const { profiles } = plan
  const what = `${target.repository}@${target.digest}`
  const start = wait.now()
  const deadline = start + wait.timeoutSeconds * 1000
  const timeout = (wait.deadline ?? AbortSignal.timeout)(wait.timeoutSeconds * 1000)
  const abortSignal = target.cancel ? AbortSignal.any([timeout, target.cancel]) : timeout
  let statuses: ImageSigningStatus[] = []
  const late = (): SignatureResult => {
    const elapsed = Math.round((wait.now() - start) / 1000)
    const pending = profiles.filter(p => !statuses.some(s => s.signingProfileArn === p.arn && s.status === 'COMPLETE'))
    const seen = statuses.length > 0 ? statuses.map(statusWords).join(', ') : 'no signing status yet'
    return notSigned(
      'in-progress',
      `not signed in time: ${seen} after ${elapsed} s (signature-timeout ${wait.timeoutSeconds} s), waiting on ${pending.map(p => `\`${p.arn}\``).join(', ')}`,
      `ECR's managed signing of ${what} with ${profileWords(pending)} was not done after ${elapsed} s (${seen}): run the job again later, or raise signature-timeout (now ${wait.timeoutSeconds} s); ${SIGN_PERMISSION}`,
      target.require
    )
  }
  for (let poll = 1; ; poll++) {
    try {
      const out = await target.ecr.send(new DescribeImageSigningStatusCommand({ repositoryName: target.repository, imageId: { imageDigest: target.digest } }), { abortSignal })
      statuses = out?.signingStatuses ?? []
    } catch (error) {
      target.cancel?.throwIfAborted()
      if (abortSignal.aborted) return late()
      const e = error as Error
      // Just pushed: ECR may not list the image yet; the deadline still bounds the wait.
      if (e.name !== 'ImageNotFoundException') {
        const why = `${e.name}: ${e.message.replace(/\s+/g, ' ')}`
        const fix = e.name === 'AccessDeniedException' ? 'grant the role ecr:DescribeImageSigningStatus on the repository' : 'run the job again'
        return notSigned('unknown', `not known: the signing status could not be read (${why})`, `the signing status of ${what} could not be read (${why}): ${fix}`, target.require)
      }
    }
    const judged = judgeStatuses(statuses, profiles, target)
    if (judged !== undefined) return judged
    const elapsed = Math.round((wait.now() - start) / 1000)
    const interval = wait.interval(poll)
    if (wait.now() + interval > deadline) return late()
    const now = statuses.length > 0 ? statuses.map(s => s.status ?? '?').join(', ') : 'not started'
    wait.log(`Waiting for ECR's managed signing of ${what.replace(/(sha256:[0-9a-f]{12})[0-9a-f]+$/, '$1…')}: ${now} (${elapsed} s of ${wait.timeoutSeconds} s)`)
    await wait.sleep(interval)
    target.cancel?.throwIfAborted()
  }
}
