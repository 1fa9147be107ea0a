/**
 * Stage 4 — registry login. Gets an ECR authorization token and logs docker in with the
 * password on stdin (never `-p`). The post step logs out again unless `skip-logout`
 * (post.ts).
 */
import * as core from '@actions/core'
import { GetAuthorizationTokenCommand, type ECRClient } from '@aws-sdk/client-ecr'
import type { Docker } from './docker.js'
import { lastLine } from './docker.js'
import { ActionError } from './errors.js'

export interface RegistryLogin {
  /** `<account>.dkr.ecr.<region>.amazonaws.com`, from the token's proxy endpoint. */
  registry: string
}

export async function getRegistryCredentials(
  ecr: ECRClient,
  setSecret: (v: string) => void = core.setSecret
): Promise<{ registry: string; username: string; password: string }> {
  const out = await ecr.send(new GetAuthorizationTokenCommand({}))
  const data = out.authorizationData?.[0]
  if (!data?.authorizationToken || !data.proxyEndpoint) {
    throw new ActionError('ECR GetAuthorizationToken returned no token.')
  }
  return { registry: data.proxyEndpoint.replace(/^https?:\/\//, '').replace(/\/+$/, ''), ...decodeToken(data.authorizationToken, setSecret) }
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

export type RegistryCredentials = Awaited<ReturnType<typeof getRegistryCredentials>>

/** `docker login` with the password on stdin. */
export async function dockerLogin(docker: Docker, { registry, username, password }: RegistryCredentials): Promise<RegistryLogin> {
  const result = await docker(['login', '--username', username, '--password-stdin', registry], {
    input: Buffer.from(password, 'utf8')
  })
  if (result.exitCode !== 0) {
    throw new ActionError(`docker login to ${registry} failed: ${lastLine(result)}`)
  }
  return { registry }
}

export async function login(
  ecr: ECRClient,
  docker: Docker,
  setSecret: (v: string) => void = core.setSecret
): Promise<RegistryLogin> {
  return dockerLogin(docker, await getRegistryCredentials(ecr, setSecret))
}
