/**
 * The SDK's own default credential chain, in a chunk of its own: credential-chain-stub.ts
 * loads it when a client first needs credentials it was not given.
 */
// The package's file itself: its name is the stub's, in the bundle (tsconfig.json `paths`).
export { defaultProvider } from '@aws-sdk/credential-provider-node/dist-cjs/index.js'
