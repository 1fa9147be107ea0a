/**
 * The login stage: docker logged in to the run's registry (registry/login.ts: docker's config
 * file, or `docker login` with the password on stdin), the post step told what to log out
 * of; and after the run, docker logged in again for the job's later steps when the
 * registry's token was renewed since.
 */
import * as core from '@actions/core'
import os from 'node:os'
import type { AwsSession } from './aws/clients.js'
import type { Destination } from './aws/destination.js'
import { exportCredentials } from './aws/sign-in.js'
import { State } from './constants.js'
import type { Docker } from './docker.js'
import type { RegistryCredentials } from './registry/client.js'
import { dockerConfigDir } from './registry/docker-config.js'
import { dockerLogin, sharedConfigNotice, type RegistryLogin } from './registry/login.js'
import type { Env, Settings } from './settings/types.js'

export interface LoginDeps {
  docker: Docker
  env: Env
}

/**
 * What the job's later steps were given still works after a long run: docker is logged in
 * again when the registry's token was renewed since the login (buildx pushed with the
 * first; tags and reads use the registry client, which renews its own), and with
 * `export-credentials` the role's renewed credentials are exported again.
 */
export async function renewForLaterSteps(settings: Settings, deps: LoginDeps, session: AwsSession, destination: Destination, loggedIn: RegistryCredentials, firstLogin: RegistryLogin): Promise<void> {
  const token = await destination.credentials.get()
  if (token.password !== loggedIn.password) await login(deps, token, firstLogin)
  if (settings.aws.exportCredentials && (session.credentials?.renewals ?? 0) > 0) exportCredentials(session)
}

/**
 * Logs docker in, and tells the post step what to log out of — and, for a login written to
 * docker's config file, which entry this run wrote (config-login.ts). A self-hosted job
 * sharing its user's docker config is told how to have its own.
 */
export async function login({ docker, env }: LoginDeps, credentials: RegistryCredentials, earlier?: RegistryLogin): Promise<RegistryLogin> {
  core.saveState(State.LoggedInRegistries, JSON.stringify([credentials.registry]))
  const notice = earlier === undefined ? sharedConfigNotice(env) : undefined
  if (notice !== undefined) core.notice(notice)
  const done = await dockerLogin(docker, credentials, dockerConfigDir(env), { tempDir: env.RUNNER_TEMP || os.tmpdir(), ...(earlier ? { earlier } : {}) })
  if (done.configDir !== undefined) core.saveState(State.LoginConfigDir, done.configDir)
  if (done.written !== undefined) core.saveState(State.LoginWritten, JSON.stringify(done.written))
  core.info(`Logged in to ${credentials.registry}`)
  return done
}
