/**
 * What the bundle gives the SDK's clients for `@aws-sdk/credential-provider-node`
 * (tsconfig.json's `paths` maps the name here; ncc follows it): the same `defaultProvider`,
 * whose chain (environment, profiles and SSO, process, web identity token file, ECS and
 * EC2 metadata) is loaded the first time a client asks it for credentials. With
 * `role-to-assume` no client ever does — STS's call needs none and ECR's client gets the
 * role's credentials — so a run with a role never compiles the chain and the nested STS,
 * SSO and sign-in clients it brings (0.2 MB of the SDK's chunk); a run without a role
 * loads it (credential-chain.ts) on its first AWS call.
 */
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types'

type Init = Record<string, unknown>

export const defaultProvider = (init: Init = {}): AwsCredentialIdentityProvider => {
  let chain: Promise<AwsCredentialIdentityProvider> | undefined
  return async (props?: Record<string, unknown>): Promise<AwsCredentialIdentity> => {
    chain ??= import('./credential-chain.js').then(m => m.defaultProvider(init))
    return (await chain)(props)
  }
}
