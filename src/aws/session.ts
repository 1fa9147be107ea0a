/**
 * Sessions that run out. The role's credentials (STS: `role-duration-seconds`, 1 hour by
 * default) and the registry's password (ECR's token: 12 hours) are held with their
 * expiration and renewed shortly before it — the role's by signing in again (a fresh OIDC
 * token, AssumeRoleWithWebIdentity), the registry's by asking ECR again — so that a build
 * that outlives them is followed by calls that still work.
 *
 * When: `RENEWAL_MARGIN_MS` (5 minutes, the SDK's own margin: @smithy/core's
 * `EXPIRATION_MS`, after which it asks a credential provider again on every call) before
 * the expiration, or a quarter of the lifetime for one shorter than 20 minutes, so that a
 * short session is not renewed at every call. Something already past its expiration when
 * it came (a clock that is off) is kept until a call is refused.
 *
 * The SDK's clients get the role's credentials as a provider (`credentialProvider`): the
 * SDK asks it before signing, and `renewOnExpiredToken` asks it to renew when AWS refuses a
 * call as expired anyway (a clock that is off, a session cut short), then sends the call
 * once more. Without a role the SDK's default chain is used, which renews its own.
 */
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, MetadataBearer, MiddlewareStack } from '@aws-sdk/types'

export const RENEWAL_MARGIN_MS = 5 * 60_000

/** When to renew something that expires at `expiration`, got at `receivedAt` (epoch ms); Infinity: never before it is refused. */
export function renewalTime(expiration: Date | undefined, receivedAt: number): number {
  if (expiration === undefined) return Infinity
  const lifetime = expiration.getTime() - receivedAt
  if (!(lifetime > 0)) return Infinity
  return expiration.getTime() - Math.min(RENEWAL_MARGIN_MS, lifetime / 4)
}

/** A credential with its expiration, renewed when due; renewals asked for together make one. */
export class Renewable<T extends { expiration?: Date }> {
  private held: T
  private due: number
  private renewing: Promise<T> | undefined
  /** how many times it was renewed */
  renewals = 0

  /**
   * @param what how the log names it, e.g. "the role's session"
   * @param renew gets a new one (signs in again, asks ECR again)
   */
  constructor(
    private readonly what: string,
    first: T,
    private readonly renew: () => Promise<T>,
    private readonly options: { now?: () => number; log?: (line: string) => void } = {}
  ) {
    this.held = first
    this.due = renewalTime(first.expiration, this.now())
  }

  private now(): number {
    return (this.options.now ?? Date.now)()
  }

  /** What is held now, renewed or not (for docker's login and exported variables). */
  get current(): T {
    return this.held
  }

  /** What is held, renewed first when it is due; `force`: renewed now (it was refused as expired). */
  async get(force = false): Promise<T> {
    if (!force && this.now() < this.due) return this.held
    this.renewing ??= this.renewNow(force).finally(() => (this.renewing = undefined))
    return this.renewing
  }

  private async renewNow(force: boolean): Promise<T> {
    const was = this.held.expiration?.toISOString() ?? 'an unknown time'
    const fresh = await this.renew()
    this.held = fresh
    this.due = renewalTime(fresh.expiration, this.now())
    this.renewals++
    this.options.log?.(`Renewed ${this.what} (${force ? 'AWS refused it as expired' : `it expires at ${was}`}); the new one lasts until ${fresh.expiration?.toISOString() ?? 'an unknown time'}.`)
    return fresh
  }
}

/**
 * The SDK's credential provider for renewable credentials: what is held, renewed first when
 * due. `forceRefresh` only makes the SDK ask again: renewing after a refusal is
 * `renewOnExpiredToken`'s, once for calls refused together.
 */
export function credentialProvider(credentials: Renewable<AwsCredentialIdentity>): AwsCredentialIdentityProvider {
  return async () => credentials.get()
}

/** What AWS answers for a call signed with expired credentials: ECR and ECR Public, STS. */
const EXPIRED = new Set(['ExpiredTokenException', 'ExpiredToken'])

/**
 * A call refused as expired is sent once more with renewed credentials: renewed unless
 * other credentials are held already (calls refused together renew once), then handed to
 * the client's own cache of them (`forceRefresh`). A second refusal is the call's error.
 */
export function renewOnExpiredToken<I extends object, O extends MetadataBearer, C extends { middlewareStack: MiddlewareStack<I, O>; config: { credentials: AwsCredentialIdentityProvider } }>(
  client: C,
  credentials: Renewable<AwsCredentialIdentity>
): C {
  client.middlewareStack.add(
    next => async args => {
      const signedWith = credentials.current.accessKeyId
      try {
        return await next(args)
      } catch (error) {
        if (!EXPIRED.has((error as Error).name)) throw error
        if (credentials.current.accessKeyId === signedWith) await credentials.get(true)
        await client.config.credentials({ forceRefresh: true })
        return next(args)
      }
    },
    { step: 'initialize', name: 'renewOnExpiredToken' }
  )
  return client
}
