/**
 * The main step: inputs → credentials → repository → login → push → report. This module
 * reads and checks the inputs — a bad one fails here, before the AWS SDK is even loaded —
 * and is the one place that reports failure. A push run then starts what needs no SDK (the
 * runner's OIDC token request) and loads the rest of the pipeline, ship.ts, while that is
 * under way; a dry run loads dry-run.ts, `push: false` build-only.ts.
 */
import * as core from '@actions/core'
import type { AwsCallError } from './aws-clients.js'
import { foreseenRegistry, startsEarly } from './build-plan.js'
import { State } from './constants.js'
import { docker as realDocker, type Docker } from './docker.js'
import type { EarlyBuild, EarlyStart } from './early-build.js'
import { readSettings, type Env, type Settings } from './inputs.js'

export interface RunDeps {
  env: Env
  docker: Docker
}

export async function run(deps: RunDeps = { env: process.env, docker: realDocker }): Promise<void> {
  try {
    core.saveState(State.IsPost, 'true')
    const settings = readSettings(deps.env)
    if (settings.dryRun) await (await import('./dry-run.js')).planOnly(settings, deps)
    else if (settings.build.push) await push(settings, deps)
    else await (await import('./build-only.js')).buildOnly(settings, deps)
  } catch (error) {
    core.setFailed(failureMessage(error))
  }
}

/**
 * A push: the OIDC token request starts first, and ship.ts and the AWS SDK load while it
 * is under way (on GitHub the token alone takes longer than the loading). The builder
 * check runs only when something needs it: before the first AWS write, and to explain a
 * docker step that failed.
 */
async function push(settings: Settings, deps: RunDeps): Promise<void> {
  const { aws, build } = settings
  // A merge builds nothing: it only needs buildx.
  const builderCheck = once(async () => (await import('./build.js')).checkBuilder(deps.docker, build.mergeDigests.length > 0 ? [] : build.platforms))
  // Without the runner's variables, sign-in explains what the workflow lacks.
  const idToken =
    aws.roleToAssume !== undefined && deps.env.ACTIONS_ID_TOKEN_REQUEST_URL && deps.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ? core.getIDToken(aws.audience) : undefined
  // Awaited by sign-in; a failure is reported there, not as an unhandled rejection.
  idToken?.catch(() => undefined)
  // The build starts as soon as the registry is known, and waits for the registry's
  // credentials at a gate, not for the stages before it (early-build.ts).
  let building: Promise<EarlyBuild | undefined> | undefined
  const early: EarlyStart = {
    start: registry => (building ??= import('./early-build.js').then(m => m.startEarlyBuild(settings, deps, registry)).catch(() => undefined)),
    current: () => building
  }
  const foreseen = startsEarly(settings) ? foreseenRegistry(aws.roleToAssume, aws.region) : undefined
  // When the role's ARN tells it: before ship.ts and the SDK load, whose loading holds the
  // event loop, and the build's start would wait behind it.
  if (foreseen !== undefined) await early.start(foreseen)
  try {
    const { ship } = await import('./ship.js')
    await ship(settings, deps, { builderCheck, idToken, early })
  } finally {
    // A build the run did not use is interrupted: never left waiting at its gate.
    await (await building)?.dispose()
  }
}

/** `fn`, run the first time it is asked for; every caller gets that one promise. */
function once<T>(fn: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined
  return () => (promise ??= fn())
}

/** One line: ours as written; AWS errors with their name and the call's message. */
export function failureMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  if (error.name === 'InputError' || error.name === 'ActionError') return error.message
  if (error.name === 'CredentialsProviderError') {
    return 'No AWS credentials: set role-to-assume (with permissions: id-token: write) or configure credentials in an earlier step.'
  }
  const iamAction = (error as AwsCallError).iamAction
  if (iamAction !== undefined && /AccessDenied/.test(error.name)) {
    return (
      `AWS refused ${iamAction} (${error.name}): allow ${iamAction} on the repository for the role. ` +
      `A run with dry-run: true prints the whole least-privilege policy for these inputs (README: IAM permissions).`
    )
  }
  return `${error.name}: ${error.message}`
}
