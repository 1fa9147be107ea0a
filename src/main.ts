/**
 * The main step: reads and checks the inputs — a bad one fails here, before any AWS call
 * or docker command — then runs what they ask for: a push (pipeline.ts), a plan
 * (`dry-run`), or a build that pushes nothing (`push: false`). This is the one place that
 * reports failure. Each mode is loaded when it runs: a push brings the AWS SDK, most of
 * the bundle.
 */
import * as core from '@actions/core'
import type { AwsCallError } from './aws/clients.js'
import { State } from './constants.js'
import { docker as realDocker, type Docker } from './docker.js'
import { readSettings } from './settings/read.js'
import type { Env } from './settings/types.js'

export interface RunDeps {
  env: Env
  docker: Docker
}

export async function run(deps: RunDeps = { env: process.env, docker: realDocker }): Promise<void> {
  try {
    core.saveState(State.IsPost, 'true')
    const settings = readSettings(deps.env)
    maskSecrets(settings.build.secrets)
    if (settings.dryRun) {
      await (await import('./dry-run.js')).planOnly(settings, deps)
    } else if (!settings.build.push) {
      await (await import('./build-only.js')).buildOnly(settings, deps)
    } else {
      const [{ pushPipeline }, { RegistryClient }, { defaultRetry }] = await Promise.all([import('./pipeline.js'), import('./registry/client.js'), import('./retry.js')])
      await pushPipeline(settings, {
        ...deps,
        registry: credentials => new RegistryClient(credentials),
        getIDToken: audience => core.getIDToken(audience),
        retry: defaultRetry
      })
    }
  } catch (error) {
    core.setFailed(failureMessage(error))
  }
}

/** Build secrets are masked before anything runs; a value of several lines, each line too (as the runner masks them). */
export function maskSecrets(secrets: { value: string }[]): void {
  for (const { value } of secrets) {
    core.setSecret(value)
    for (const line of value.split(/\r?\n/)) if (line.trim() !== '' && line !== value) core.setSecret(line)
  }
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
