/**
 * Sign-in. With `role-to-assume`, trades the job's GitHub OIDC token for
 * temporary credentials (STS AssumeRoleWithWebIdentity), and again when they are about to
 * run out; without it, the SDK's default chain is used as is. Every credential is masked
 * the moment it exists and stays in memory unless `export-credentials` asks for it in
 * later steps.
 */
import * as core from '@actions/core'
import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import type { AwsCredentialIdentity } from '@aws-sdk/types'
import { explainCertificates, MAX_ATTEMPTS, sdkConfig, type AwsSession } from './clients.js'
import { requestIdToken } from './oidc-token.js'
import { Renewable } from './session.js'
import { HINT_CLAIMS, trustPolicyHint } from './trust-hint.js'
import { ActionError, logSafe } from '../errors.js'
import { isThrottling, retry, sleep, type RetryPolicy } from '../retry.js'
import type { NetworkSettings } from '../network/agents.js'
import type { Env, Settings } from '../settings/types.js'

export interface CredentialDeps {
  env: Env
  getIDToken: (audience: string) => Promise<string>
  setSecret: (value: string) => void
  /** waits between STS attempts; replaced in tests */
  sleep?: (ms: number) => Promise<void>
  /** the run's cancel: it ends a wait between STS attempts, at the first sign-in and at each renewal */
  cancel?: AbortSignal | undefined
  /** the run's proxy and timeouts, for STS and every client made with the session; none: directly, with the default timeouts */
  network?: NetworkSettings | undefined
}

const defaultDeps = (): CredentialDeps => ({
  env: process.env,
  getIDToken: aud => requestIdToken(process.env, aud, core.setSecret),
  setSecret: v => core.setSecret(v)
})

/** The non-secret claims of a JWT, for error messages. Never logs the token itself. */
export function tokenClaims(token: string): Record<string, unknown> {
  try {
    const payload = token.split('.')[1] ?? ''
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>
    return Object.fromEntries(Object.entries(claims).filter(([k]) => HINT_CLAIMS.includes(k)))
  } catch {
    return {}
  }
}

/**
 * With `role-to-assume`: the job's OIDC token traded for the role's temporary credentials,
 * which sign in again the same way when they are about to run out (session.ts); without
 * it, the SDK's default chain.
 */
export async function signIn(aws: Settings['aws'], deps: CredentialDeps = defaultDeps()): Promise<AwsSession> {
  const { network } = deps
  if (aws.roleToAssume === undefined) return { region: aws.region, dualStack: aws.dualStack, ...(network ? { network } : {}) }

  if (!deps.env.ACTIONS_ID_TOKEN_REQUEST_URL || !deps.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
    throw new ActionError("role-to-assume needs the job's GitHub OIDC token, but the runner gave none: add 'permissions: id-token: write' to the job (and contents: read).")
  }
  const assume = assumeRole(aws, aws.roleToAssume, deps)
  const credentials = new Renewable("the role's session", await assume(), assume, { log: line => core.info(line) })
  return { region: aws.region, dualStack: aws.dualStack, credentials, ...(network ? { network } : {}) }
}

/**
 * The run's AWS session — a push's and a dry run's alike — signed in with the run's OIDC
 * token source, environment and network settings. The cancel goes with the session: the
 * clients made with it start no write after it (clients.ts).
 */
export async function runSession(
  aws: Settings['aws'],
  deps: { env: Env; getIDToken: (audience: string) => Promise<string>; network: NetworkSettings; cancel?: AbortSignal | undefined }
): Promise<AwsSession> {
  const { cancel } = deps
  const session = await signIn(aws, { env: deps.env, getIDToken: deps.getIDToken, setSecret: core.setSecret, cancel, network: deps.network })
  return cancel ? { ...session, cancel } : session
}

/** STS throttling's budget: tries, and the longest wait between two (full jitter below it). */
export const STS_THROTTLE_ATTEMPTS = 12
export const STS_THROTTLE_MAX_WAIT_MS = 6000

/**
 * How AssumeRoleWithWebIdentity is tried again. Many jobs signing in at once (a matrix) get
 * STS throttling, and STS's IDPCommunicationError means GitHub's OIDC provider did not
 * answer STS in time: both pass when the callers spread out, so they get 12 tries with
 * exponential waits of full jitter (up to 0.25 s, 0.5 s, 1 s … capped at 6 s: at most about
 * 44 s of waiting, 22 s on average), as configure-aws-credentials retries for tens of
 * seconds. Other passing errors (5xx, a connection reset or timed out) keep the 6 tries of
 * every AWS call (counted apart), each of which may itself wait out a response timeout.
 * Errors that can't pass (AccessDenied, InvalidIdentityToken, an expired token) are not
 * tried again. (The run's cancel, which ends any wait, is handed to `retry` beside it.)
 */
export function stsRetry(wait: (ms: number) => Promise<void>, log: (message: string) => void): RetryPolicy {
  return {
    attempts: MAX_ATTEMPTS,
    // Jittered exponential backoff: up to 0.2 s, 0.4 s, 0.8 s … (full jitter).
    delay: attempt => Math.random() * 200 * 2 ** (attempt - 2),
    slowDown: {
      name: 'while throttled',
      when: error => isThrottling(error) || (error as Error | undefined)?.name === 'IDPCommunicationError',
      attempts: STS_THROTTLE_ATTEMPTS,
      delay: attempt => Math.random() * Math.min(STS_THROTTLE_MAX_WAIT_MS, 250 * 2 ** (attempt - 2))
    },
    sleep: wait,
    log
  }
}

/** One sign-in as `roleArn`, each time it is called: a fresh OIDC token, AssumeRoleWithWebIdentity, every credential masked. */
function assumeRole(aws: Settings['aws'], roleArn: string, deps: CredentialDeps): () => Promise<AwsCredentialIdentity> {
  // One SDK attempt per try: each retry gets a fresh OIDC token, as a token is short-lived.
  const sts = explainCertificates(new STSClient({ ...sdkConfig({ region: aws.region, dualStack: aws.dualStack, ...(deps.network ? { network: deps.network } : {}) }, 'STS'), maxAttempts: 1 }))
  const policy = stsRetry(deps.sleep ?? sleep, message => core.info(message))
  return async () => {
    let token = ''
    let result
    try {
      result = await retry(
        'AssumeRoleWithWebIdentity',
        async () => {
          token = await deps.getIDToken(aws.audience)
          deps.setSecret(token)
          return sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: roleArn, RoleSessionName: aws.roleSessionName, WebIdentityToken: token, DurationSeconds: aws.roleDurationSeconds }))
        },
        { policy, cancel: deps.cancel }
      )
    } catch (error) {
      const name = (error as Error).name
      if (name === 'AccessDenied' || name === 'AccessDeniedException' || name === 'InvalidIdentityToken') {
        throw new ActionError(`Could not assume ${roleArn} with the job's OIDC token (${name}: ${logSafe((error as Error).message)}). ${trustPolicyHint(tokenClaims(token), aws.audience)}`, {
          cause: error
        })
      }
      throw error
    }
    const c = result.Credentials
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) {
      throw new ActionError(`STS returned no credentials for ${roleArn}.`)
    }
    deps.setSecret(c.AccessKeyId)
    deps.setSecret(c.SecretAccessKey)
    deps.setSecret(c.SessionToken)
    return {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      sessionToken: c.SessionToken,
      ...(c.Expiration ? { expiration: c.Expiration } : {})
    }
  }
}

/** `export-credentials: true`: later steps of the job get the same identity and region. */
export function exportCredentials(session: AwsSession, exportVariable = core.exportVariable): void {
  exportVariable('AWS_REGION', session.region)
  exportVariable('AWS_DEFAULT_REGION', session.region)
  const c = session.credentials?.current
  if (!c) return
  exportVariable('AWS_ACCESS_KEY_ID', c.accessKeyId)
  exportVariable('AWS_SECRET_ACCESS_KEY', c.secretAccessKey)
  if (c.sessionToken) exportVariable('AWS_SESSION_TOKEN', c.sessionToken)
}
