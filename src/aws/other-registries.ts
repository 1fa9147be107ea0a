/**
 * The tokens of the other registries a run reads from or copies to (`read-registries`,
 * `copy-to`): ECR's GetAuthorizationToken in the registry's region (ECR Public's for
 * public.ecr.aws), with the run's session or, for a registry given `=<role ARN>`, a session
 * of that role (STS AssumeRole with the run's credentials). ECR's token is good for every
 * registry of the region the identity may read, so docker signs in to the host the
 * workflow named, not the token's proxyEndpoint (the identity's own account). Every
 * credential is masked the moment it exists, and renewed when it is about to run out.
 */
import * as core from '@actions/core'
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts'
import type { AwsCredentialIdentity } from '@aws-sdk/types'
import { createEcrClient, explainCertificates, sdkConfig, type AwsSession } from './clients.js'
import { createPublicClient } from './public-repository.js'
import { getPublicRegistryCredentials, getRegistryCredentials, registryToken } from './registry-token.js'
import { Renewable } from './session.js'
import { ActionError, logSafe } from '../errors.js'
import type { RenewableCredentials } from '../registry/client.js'
import type { OtherRegistry } from '../settings/types.js'

/** How the tokens are got: replaced in tests. */
export interface OtherRegistryDeps {
  sessionFor: (registry: OtherRegistry, session: AwsSession, sessionName: string) => Promise<AwsSession>
  token: (registry: OtherRegistry, session: AwsSession) => Promise<RenewableCredentials>
}

/** The session a registry's token is asked for with: the run's, in the registry's region, or the registry's role's. */
export async function sessionFor(registry: OtherRegistry, session: AwsSession, sessionName: string): Promise<AwsSession> {
  const region = registry.kind === 'private' ? registry.region : session.region
  const inRegion: AwsSession = { ...session, region }
  if (registry.role === undefined) return inRegion
  const role = registry.role
  const sts = explainCertificates(new STSClient(sdkConfig(session, 'STS')))
  const assume = async (): Promise<AwsCredentialIdentity> => {
    let c
    try {
      c = (await sts.send(new AssumeRoleCommand({ RoleArn: role, RoleSessionName: sessionName }))).Credentials
    } catch (error) {
      const name = (error as Error).name
      if (name === 'AccessDenied' || name === 'AccessDeniedException') {
        throw new ActionError(
          `Could not assume ${role} for ${registry.host} (${name}: ${logSafe((error as Error).message)}): the run's role needs sts:AssumeRole on it, and its trust policy must name the run's role.`
        )
      }
      throw error
    }
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) throw new ActionError(`STS returned no credentials for ${role}.`)
    for (const secret of [c.AccessKeyId, c.SecretAccessKey, c.SessionToken]) core.setSecret(secret)
    return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, ...(c.Expiration ? { expiration: c.Expiration } : {}) }
  }
  const credentials = new Renewable(`the session of ${role}`, await assume(), assume, { log: line => core.info(line) })
  return { ...inRegion, credentials }
}

/** The registry's token, renewed when due; docker's user name and the host the workflow named. */
export async function otherRegistryToken(registry: OtherRegistry, session: AwsSession): Promise<RenewableCredentials> {
  if (registry.kind === 'public') {
    const pub = await createPublicClient(session)
    return registryToken(() => getPublicRegistryCredentials(pub))
  }
  const ecr = createEcrClient(session)
  return registryToken(async () => ({ ...(await getRegistryCredentials(ecr)), registry: registry.host }))
}

export const otherRegistryDeps: OtherRegistryDeps = { sessionFor, token: otherRegistryToken }

/**
 * Each registry's token, asked for side by side, one per host even when listed in both
 * inputs; a refusal names the registry and what its identity needs.
 */
export async function otherRegistryTokens(
  registries: OtherRegistry[],
  session: AwsSession,
  sessionName: string,
  deps: OtherRegistryDeps = otherRegistryDeps
): Promise<Map<string, RenewableCredentials>> {
  const unique = [...new Map(registries.map(r => [r.host, r])).values()]
  const tokens = await Promise.all(
    unique.map(async registry => {
      try {
        return [registry.host, await deps.token(registry, await deps.sessionFor(registry, session, sessionName))] as const
      } catch (error) {
        if (error instanceof ActionError) throw error
        const name = (error as Error).name
        const action = registry.kind === 'public' ? 'ecr-public:GetAuthorizationToken and sts:GetServiceBearerToken' : 'ecr:GetAuthorizationToken'
        const hint = /AccessDenied/.test(name) ? `: ${registry.role ?? "the run's role"} needs ${action}` : ''
        throw new ActionError(`Could not get a token for ${registry.host} (${name}: ${logSafe((error as Error).message)})${hint}.`)
      }
    })
  )
  return new Map(tokens)
}
