/**
 * The registry's credentials, from ECR's (or ECR Public's) authorization token: user `AWS`
 * and a password that lasts 12 hours (`expiresAt`). The token and the password are masked
 * the moment they exist. `registryToken` holds them and asks again when they are about to
 * run out (session.ts), so the registry client still signs in after a long build.
 */
import * as core from '@actions/core'
import { GetAuthorizationTokenCommand, type ECRClient } from '@aws-sdk/client-ecr'
import { PUBLIC_REGISTRY } from '../settings/registry-host.js'
import { ActionError } from '../errors.js'
import { dualStackHost } from '../settings/registry-host.js'
import type { RegistryCredentials } from '../registry/client.js'
import type { PublicClient } from './public-repository.js'
import { Renewable } from './session.js'

/**
 * ECR's token for the account's registry. Its proxyEndpoint is the IPv4 name; with
 * `dualStack` the registry is the same registry's dual-stack name, which docker logs in to
 * and pushes to.
 */
export async function getRegistryCredentials(ecr: ECRClient, setSecret: (v: string) => void = core.setSecret, dualStack = false): Promise<RegistryCredentials> {
  const out = await ecr.send(new GetAuthorizationTokenCommand({}))
  const data = out.authorizationData?.[0]
  if (!data?.authorizationToken || !data.proxyEndpoint) {
    throw new ActionError('ECR GetAuthorizationToken returned no token.')
  }
  const proxyHost = data.proxyEndpoint.replace(/^https?:\/\//, '').replace(/\/+$/, '')
  return {
    registry: dualStack ? dualStackRegistry(proxyHost) : proxyHost,
    ...decodeToken(data.authorizationToken, setSecret),
    ...(data.expiresAt ? { expiration: data.expiresAt } : {})
  }
}

/** An ECR (or ECR Public) token is base64 of `user:password`; both the token and the password are masked. */
export function decodeToken(token: string, setSecret: (v: string) => void): { username: string; password: string } {
  setSecret(token)
  const decoded = Buffer.from(token, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  const password = decoded.slice(colon + 1)
  setSecret(password)
  return { username: decoded.slice(0, colon), password }
}

/** docker's credentials for public.ecr.aws: user AWS and a 12-hour token (ecr-public:GetAuthorizationToken). */
export async function getPublicRegistryCredentials({ sdk, client }: PublicClient, setSecret: (v: string) => void = core.setSecret): Promise<RegistryCredentials> {
  const data = (await client.send(new sdk.GetAuthorizationTokenCommand({}))).authorizationData
  if (!data?.authorizationToken) throw new ActionError('ECR Public GetAuthorizationToken returned no token.')
  return { registry: PUBLIC_REGISTRY, ...decodeToken(data.authorizationToken, setSecret), ...(data.expiresAt ? { expiration: data.expiresAt } : {}) }
}

/** The registry's credentials from `get`, asked for again when they are about to run out. */
export async function registryToken(get: () => Promise<RegistryCredentials>): Promise<Renewable<RegistryCredentials>> {
  return new Renewable("the registry's token", await get(), get, { log: line => core.info(line) })
}

/** The dual-stack name of an ECR registry host; a host that has none fails the run naming it. */
export function dualStackRegistry(host: string): string {
  const dual = dualStackHost(host)
  if (dual === undefined) throw new ActionError(`dual-stack is on, but ECR's registry ${host} has no dual-stack name: set dual-stack: false.`)
  return dual
}

/** An image or repository URI on the same registry's dual-stack name. */
export function onDualStack(uri: string): string {
  const host = uri.split('/')[0] ?? ''
  return `${dualStackRegistry(host)}${uri.slice(host.length)}`
}
