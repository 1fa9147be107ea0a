/**
 * ECR managed signing in the run, apart from the other stages:
 *
 *   readSigning        the registry's signing configuration, read once signed in, beside the
 *                      repository stage and the version lookup (never rejects: a refusal is
 *                      a plan too);
 *   checkBeforeBuild   with `require-signature`, a configuration that can't be read or signs
 *                      nothing here stops the run before it builds or pushes anything;
 *   signatureStage     after the push, the `signature` stage waits for ECR's signature of the
 *                      pushed image (aws/signature.ts); the report then writes it to the
 *                      outputs and the summary, and fails the run after them when required.
 */
import * as core from '@actions/core'
import { createEcrClient, type AwsSession } from './aws/clients.js'
import type { Destination } from './aws/destination.js'
import { awaitSignature, unwaited, type SignatureResult, type SignatureWait } from './aws/signature.js'
import { readSigningPlan, requireProblem, type SigningPlan } from './aws/signing.js'
import { ActionError } from './errors.js'
import type { Pushed } from './report/report.js'
import { sleep } from './retry.js'
import type { Settings } from './settings/types.js'
import type { Stages } from './stages.js'

/** The plan for this run's repository (a registry-wide read: the repository needn't exist yet); ECR Public has no managed signing. */
export async function readSigning(settings: Settings, session: AwsSession, signal?: AbortSignal): Promise<SigningPlan> {
  if (settings.repository.type === 'public') return { kind: 'none', why: 'ECR Public has no managed signing' }
  try {
    return await readSigningPlan(createEcrClient(session), settings.repository.name, signal)
  } catch (error) {
    // Only a cancel gets here; the stage after this one stops the run.
    return { kind: 'unreadable', why: (error as Error).message }
  }
}

/** Stops a `require-signature` run that ECR won't sign (or can't be known to), before its build. */
export function checkBeforeBuild(settings: Settings, plan: SigningPlan): void {
  if (settings.signing.require) {
    const problem = requireProblem(plan, settings.repository.name)
    if (problem !== undefined) throw new ActionError(problem)
  }
}

/** Polls quickly at first (ECR signs within seconds), then every 5 s. */
function signatureWait(timeoutSeconds: number): SignatureWait {
  return { timeoutSeconds, interval: poll => Math.min(1000 * 2 ** (poll - 1), 5000), sleep, log: line => core.info(line), now: () => Date.now() }
}

/** A run without a digest (never expected after a push): nothing to ask ECR about. */
function noDigest(require: boolean): SignatureResult {
  const why = 'the run has no image digest to ask ECR about its signature'
  return { state: 'unknown', line: `not known: ${why}`, ...(require ? { failure: `require-signature is true, but ${why}` } : { warning: `The ${why.slice(4)}` }) }
}

/**
 * The pushed image's signature: waited for in the `signature` stage when a rule covers the
 * repository, else one line saying why it is unsigned (or not known).
 */
export async function signatureStage(settings: Settings, stages: Stages, destination: Destination, pushed: Pushed, plan: SigningPlan, signal?: AbortSignal): Promise<SignatureResult> {
  const repository = settings.repository.name
  const target = {
    repository,
    digest: pushed.digest,
    region: settings.aws.region,
    pushedNow: pushed.built,
    require: settings.signing.require,
    ...(signal ? { cancel: signal } : {})
  }
  const ecr = destination.ecr
  const result =
    plan.kind !== 'signed'
      ? unwaited(plan, target)
      : ecr !== undefined && pushed.digest !== ''
        ? await stages.run('signature', () => awaitSignature(plan, { ...target, ecr }, signatureWait(settings.signing.timeoutSeconds)))
        : noDigest(settings.signing.require)
  core.info(`Signature of ${repository}@${pushed.digest}: ${result.line.replace(/`/g, '')}`)
  return result
}
