/**
 * The AWS SDK clients, created once per run with the region, the signed-in credentials
 * and the action's user agent. Endpoints follow the SDK's own configuration
 * (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_ECR, AWS_ENDPOINT_URL_STS); with `dual-stack` they are
 * the dual-stack ones (`ecr.<region>.api.aws`), unless such a variable names the endpoint:
 * an explicit endpoint wins, and the SDK refuses both at once.
 *
 * Retries: the SDK's standard strategy (jittered exponential backoff) retries throttling,
 * 5xx and network errors — up to MAX_ATTEMPTS tries — and nothing that can't succeed
 * (access denied, validation, missing resources, a certificate the runner refuses).
 *
 * Every call is bounded by the session's network settings (network/agents.ts): a connection
 * that doesn't open, or an answer that doesn't come, fails the attempt with the SDK's
 * TimeoutError, which the same strategy retries; calls go through the job's proxy when it
 * has one.
 *
 * The run's cancel travels with the session: once it has aborted, a client made with the
 * session starts no write (nor another try of one) — the rest of a reconcile's Put* calls
 * are refused with the cancel's reason, unsent; reads still go.
 */
import { ECRClient } from '@aws-sdk/client-ecr'
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, MetadataBearer, MiddlewareStack } from '@aws-sdk/types'
import { DIRECT_NETWORK, type NetworkSettings, type SdkRequestHandler } from '../network/agents.js'
import { explainCertificateError } from '../network/certificates.js'
import { credentialProvider, renewOnExpiredToken, type Renewable } from './session.js'

/** What the SDK clients add to their user agent: the action's name. */
export const USER_AGENT = 'ecr-build-push'

export const MAX_ATTEMPTS = 6

export interface AwsSession {
  region: string
  /**
   * The role's credentials, signed in again before they run out (session.ts); undefined:
   * the SDK's default chain (environment, profile, instance role), which renews its own.
   */
  credentials?: Renewable<AwsCredentialIdentity>
  /** the run's cancel: once it has aborted, the session's clients send no write */
  cancel?: AbortSignal
  /** ECR's dual-stack (IPv4 and IPv6) endpoints */
  dualStack?: boolean
  /** the run's proxy and timeouts, for every client made with the session; none: directly, with the default timeouts */
  network?: NetworkSettings
}

/** The services' names in AWS_ENDPOINT_URL_<SERVICE>. */
export type SdkService = 'ECR' | 'ECR_PUBLIC' | 'STS'

/**
 * The SDK's dual-stack switch, always set (the SDK would otherwise read
 * AWS_USE_DUALSTACK_ENDPOINT itself): on with `dual-stack`, off when the job names the
 * service's endpoint, which the SDK then uses as it is.
 */
export function useDualstack(session: Pick<AwsSession, 'dualStack'>, service: SdkService, env: NodeJS.ProcessEnv = process.env): boolean {
  const explicit = (env.AWS_ENDPOINT_URL ?? '') !== '' || (env[`AWS_ENDPOINT_URL_${service}`] ?? '') !== ''
  return session.dualStack === true && !explicit
}

export function sdkConfig(
  session: AwsSession,
  service: SdkService
): {
  region: string
  customUserAgent: string
  maxAttempts: number
  useDualstackEndpoint: boolean
  requestHandler: SdkRequestHandler
  credentials?: AwsCredentialIdentityProvider
} {
  return {
    region: session.region,
    customUserAgent: USER_AGENT,
    maxAttempts: MAX_ATTEMPTS,
    useDualstackEndpoint: useDualstack(session, service),
    requestHandler: (session.network ?? DIRECT_NETWORK).sdkRequestHandler(),
    ...(session.credentials ? { credentials: credentialProvider(session.credentials) } : {})
  }
}

/**
 * A client made with the session: a call refused as expired is sent again with renewed
 * credentials, and no write starts after the run's cancel.
 */
export function withSession<I extends object, O extends MetadataBearer, C extends { middlewareStack: MiddlewareStack<I, O>; config: { credentials: AwsCredentialIdentityProvider } }>(
  client: C,
  session: AwsSession
): C {
  if (session.cancel) refuseWritesAfter<I, O, C>(client, session.cancel)
  return session.credentials ? renewOnExpiredToken<I, O, C>(client, session.credentials) : client
}

/** Operations that change something in AWS (ECR's and ECR Public's, by their names). */
const WRITE_OPERATION = /^(Create|Put|Delete|Set|Batch(Delete|Put)|Tag|Untag|Start|Update|Initiate|Upload|Complete|Replicate)[A-Z]/

/**
 * Once `cancel` has aborted, a write operation is refused with its reason before it is sent.
 * Checked on every try (after the SDK's retry middleware): a write the SDK would try again
 * after the cancel is refused too. The refusal is no error the SDK retries.
 */
export function refuseWritesAfter<I extends object, O extends MetadataBearer, C extends { middlewareStack: MiddlewareStack<I, O> }>(client: C, cancel: AbortSignal): C {
  client.middlewareStack.add(
    (next, context) => async args => {
      if (cancel.aborted && WRITE_OPERATION.test(String(context.commandName))) throw cancel.reason as Error
      return next(args)
    },
    { step: 'finalizeRequest', priority: 'low', name: 'refuseWritesAfterCancel' }
  )
  return client
}

/** An AWS error tagged with the IAM action of the call that failed, for explanations. */
export interface AwsCallError extends Error {
  iamAction?: string
}

/** Tags every error a client's calls throw with the IAM action (`<service>:<Operation>`), for explanations. */
export function tagIamActions<I extends object, O extends MetadataBearer, C extends { middlewareStack: MiddlewareStack<I, O> }>(client: C, service: string): C {
  client.middlewareStack.add(
    (next, context) => async args => {
      try {
        return await next(args)
      } catch (error) {
        if (error instanceof Error) (error as AwsCallError).iamAction = `${service}:${String(context.commandName).replace(/Command$/, '')}`
        throw error
      }
    },
    { step: 'initialize', name: 'iamActionOnError' }
  )
  return explainCertificates<I, O, C>(client)
}

/**
 * A certificate the runner refuses fails a call at once and is explained with the host the
 * call went to: the handler's error is read where it leaves the handler, before the SDK's
 * retry middleware (which tries nothing that is not transient) sees it.
 */
export function explainCertificates<I extends object, O extends MetadataBearer, C extends { middlewareStack: MiddlewareStack<I, O> }>(client: C): C {
  client.middlewareStack.add(
    next => async args => {
      try {
        return await next(args)
      } catch (error) {
        const request = args.request as { hostname?: string; port?: number } | undefined
        const host = `${request?.hostname ?? 'the AWS endpoint'}${request?.port !== undefined && request.port !== 443 ? `:${request.port}` : ''}`
        throw explainCertificateError(host, error) ?? error
      }
    },
    { step: 'deserialize', name: 'explainCertificateErrors' }
  )
  return client
}

export function createEcrClient(session: AwsSession): ECRClient {
  return tagIamActions(withSession(new ECRClient(sdkConfig(session, 'ECR')), session), 'ecr')
}
