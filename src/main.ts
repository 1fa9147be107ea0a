/**
 * The main step: reads and checks the inputs — a bad one fails here, before any AWS call
 * or docker command — then runs what they ask for: a push (pipeline.ts), a plan
 * (`dry-run`), or a build that pushes nothing (`push: false`). This is the one place that
 * reports failure. Each mode is loaded when it runs: a push brings the AWS SDK, most of
 * the bundle. A cancel (`signal`, from cancel.ts) reaches every docker command and the
 * retries; the run then fails as cancelled, whatever else went wrong on the way out.
 */
import * as core from '@actions/core'
import type { AwsCallError } from './aws/clients.js'
import type { PipelineDeps } from './pipeline.js'
import { errorDetail, logSafe } from './errors.js'
import { State } from './constants.js'
import { startBuilderCheck } from './build/builder.js'
import { docker as realDocker, withSignal, type Docker } from './docker.js'
import { networkSettings } from './network/agents.js'
import { readSettings } from './settings/read.js'
import type { Env } from './settings/types.js'

export interface RunDeps {
  env: Env
  docker: Docker
  /** the run's cancel */
  signal?: AbortSignal
}

export async function run({ signal, ...given }: RunDeps = { env: process.env, docker: realDocker }): Promise<void> {
  const deps = { ...given, docker: withSignal(given.docker, signal) }
  try {
    core.saveState(State.IsPost, 'true')
    const settings = readSettings(deps.env)
    // The run's proxy and timeouts, made once and handed to every client that makes a request.
    const network = await networkSettings(settings.network.proxy, { setSecret: core.setSecret, log: core.info })
    maskSecrets(settings.build.secrets)
    if (!settings.build.push && !settings.dryRun) {
      await (await import('./build-only.js')).buildOnly(settings, deps)
    } else {
      // A push's builder check (a docker CLI start) runs while the pipeline's modules, the AWS SDK among them, load.
      const builderCheck = settings.dryRun ? undefined : startBuilderCheck(deps.docker, settings.build)
      // A dry run signs in, reads the registry and plans exactly as a push does: the same deps.
      const [{ RegistryClient }, { defaultRetry }, { requestIdToken }, { createTransport }] = await Promise.all([
        import('./registry/client.js'),
        import('./retry.js'),
        import('./aws/oidc-token.js'),
        import('./network/http.js')
      ])
      const pushDeps: PipelineDeps = {
        ...deps,
        registry: credentials => new RegistryClient(credentials, undefined, createTransport({ network })),
        getIDToken: audience => requestIdToken(deps.env, audience, core.setSecret, createTransport({ network })),
        retry: defaultRetry,
        network,
        ...(signal ? { cancel: signal } : {}),
        ...(builderCheck ? { builderCheck } : {})
      }
      if (settings.dryRun) await (await import('./dry-run.js')).planOnly(settings, pushDeps)
      else await (await import('./pipeline.js')).pushPipeline(settings, pushDeps)
    }
  } catch (error) {
    core.debug(errorDetail(error))
    core.setFailed(failureMessage(signal?.aborted ? signal.reason : error))
  }
}

/** A line of a secret shorter than this (trimmed) is not masked on its own: `{`, `}`, `],`. */
export const MIN_MASKED_LINE = 3

/**
 * Build secrets are masked before anything runs: each whole, and each line of a value of
 * several lines (the log prints line by line), trimmed — as the runner masks a repository
 * secret (actions/runner, Worker.cs InitializeSecretMasker: the whole trimmed value, then
 * each trimmed line, however short). Unlike the runner, a line of one or two characters is
 * not masked alone: a JSON secret's `{` and `}` would become *** in every line of the log
 * and of outputs that print JSON. Such a line is no secret on its own.
 */
export function maskSecrets(secrets: { value: string }[]): void {
  for (const { value } of secrets) {
    core.setSecret(value)
    for (const line of new Set(value.split(/\r?\n|\r/).map(l => l.trim()))) if (line.length >= MIN_MASKED_LINE && line !== value) core.setSecret(line)
  }
}

/** One line: ours as written; AWS errors with their name and the call's message. */
export function failureMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  if (error.name === 'InputError' || error.name === 'ActionError' || error.name === 'CancelledError') return error.message
  if (error.name === 'CredentialsProviderError') {
    return 'No AWS credentials: set role-to-assume (with permissions: id-token: write) or configure credentials in an earlier step.'
  }
  const iamAction = (error as AwsCallError).iamAction
  if (error.name === 'ExpiredTokenException' || error.name === 'ExpiredToken') {
    return (
      `AWS refused ${iamAction ?? 'a call'} (${error.name}): the credentials have expired. With role-to-assume the action signs in again and sends the call once more, ` +
      `so a second refusal points at the runner's clock (compare it with an NTP server); credentials from an earlier step must be renewed there, or use role-to-assume.`
    )
  }
  if (iamAction !== undefined && /AccessDenied/.test(error.name)) {
    return (
      `AWS refused ${iamAction} (${error.name}): allow ${iamAction} on the repository for the role. ` +
      `A run with dry-run: true prints the whole least-privilege policy for these inputs (README: IAM permissions).`
    )
  }
  return `${error.name}: ${logSafe(error.message)}`
}
