// The SDK's default credential chain, imported by its file (credential-chain.ts): the package's name is the stub's.
declare module '@aws-sdk/credential-provider-node/dist-cjs/index.js' {
  import type { AwsCredentialIdentityProvider } from '@smithy/types'
  export const defaultProvider: (init?: Record<string, unknown>) => AwsCredentialIdentityProvider
}
