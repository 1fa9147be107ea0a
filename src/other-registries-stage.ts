/**
 * The other registries of a run: `read-registries`, logged in to beside the run's registry
 * before the build (the base images it pulls), and `copy-to`, the pushed image copied by
 * digest once the run's checks passed (registry/copy.ts; with one failed, nothing is
 * copied). Each registry's token comes from its region, with the run's session or its own
 * role (aws/other-registries.ts). The logins are written as the run's own
 * (registry/login.ts: docker's config file, or `docker login` with the password on stdin)
 * and told to the post step, which logs out of them too.
 */
import * as core from '@actions/core'
import os from 'node:os'
import type { AwsSession } from './aws/clients.js'
import { otherRegistryDeps, otherRegistryTokens, type OtherRegistryDeps } from './aws/other-registries.js'
import { State } from './constants.js'
import type { Docker } from './docker.js'
import type { RegistryClient, RegistryCredentials, RenewableCredentials } from './registry/client.js'
import type { WrittenLogin } from './registry/config-login.js'
import { copyImage, type CopyCounts } from './registry/copy.js'
import { dockerConfigDir } from './registry/docker-config.js'
import { dockerLogin } from './registry/login.js'
import type { RetryDeps } from './retry.js'
import { copyUri } from './settings/registries.js'
import type { Env, Settings } from './settings/types.js'

/** What the post step is told about each: the registry, and the entry written to docker's config. */
export interface ReadLogin {
  registry: string
  configDir?: string
  written?: WrittenLogin
}

/** Logs docker in to each of `read-registries`; the post step logs out of them. */
export async function loginReadRegistries(
  settings: Settings,
  session: AwsSession,
  deps: { docker: Docker; env: Env },
  ownRegistry: string,
  tokens: OtherRegistryDeps = otherRegistryDeps
): Promise<ReadLogin[]> {
  // The run's own registry is logged in to already.
  const read = (settings.registries?.read ?? []).filter(r => r.host !== ownRegistry)
  if (read.length === 0) return []
  const found = await otherRegistryTokens(read, session, settings.aws.roleSessionName, tokens)
  const done: ReadLogin[] = []
  try {
    for (const registry of read) {
      const credentials = found.get(registry.host)?.current
      if (credentials === undefined) continue
      const login = await dockerLogin(deps.docker, credentials, dockerConfigDir(deps.env), { tempDir: deps.env.RUNNER_TEMP || os.tmpdir() })
      done.push({ registry: login.registry, ...(login.configDir !== undefined ? { configDir: login.configDir } : {}), ...(login.written !== undefined ? { written: login.written } : {}) })
      core.info(`Logged in to ${login.registry}${registry.role !== undefined ? ` as ${registry.role}` : ''} (read-registries)`)
    }
  } finally {
    core.saveState(State.ReadLogins, JSON.stringify(done))
  }
  return done
}

export interface Copied {
  uri: string
  line: string
}

/** Copies the pushed image to each of `copy-to`, one after another; the first failure fails the run. */
export async function copyToDestinations(
  settings: Settings,
  session: AwsSession,
  run: { registry: RegistryClient; path: string; digest: string; retry: RetryDeps },
  makeClient: (credentials: RegistryCredentials | RenewableCredentials) => RegistryClient,
  tokens: OtherRegistryDeps = otherRegistryDeps
): Promise<Copied[]> {
  const copyTo = settings.registries?.copyTo ?? []
  if (copyTo.length === 0) return []
  const others = copyTo.flatMap(c => (c.registry ? [c.registry] : []))
  const found = others.length > 0 ? await otherRegistryTokens(others, session, settings.aws.roleSessionName, tokens) : new Map<string, RenewableCredentials>()
  const clients = new Map<string, RegistryClient>()
  const copied: Copied[] = []
  for (const destination of copyTo) {
    const host = destination.registry?.host
    const credentials = host === undefined ? undefined : found.get(host)
    let client = host === undefined ? run.registry : clients.get(host)
    if (client === undefined && credentials !== undefined && host !== undefined) clients.set(host, (client = makeClient(credentials)))
    if (client === undefined) continue
    // In the run's own ECR Public registry a repository's path starts with the registry's alias.
    const alias = host === undefined && run.path !== settings.repository.name ? run.path.slice(0, run.path.length - settings.repository.name.length) : ''
    const target = { ...destination, repository: `${alias}${destination.repository}` }
    const uri = copyUri(target, run.registry.registry)
    const counts = await copyImage({ client: run.registry, repository: run.path }, { client, repository: target.repository }, run.digest, settings.image.version, run.retry)
    const line = `${uri}:${settings.image.version} — ${describe(counts)}`
    core.info(`Copied to ${line}`)
    copied.push({ uri, line })
  }
  return copied
}

/**
 * With a check failed (`held`: which, in words) nothing is copied: whatever pulls from the
 * other registries never gets an image the run failed. Warns, naming them; returns the
 * outcome's words.
 */
export function withheldCopies(settings: Settings, ownRegistry: string, held: string): string {
  const uris = (settings.registries?.copyTo ?? []).map(c => copyUri(c, ownRegistry))
  core.warning(`Not copied to ${uris.join(', ')}: ${held}.`)
  return `not copied: ${held}`
}

/** What a copy did, in words. */
export function describe(c: CopyCounts): string {
  const blobs = [c.uploaded > 0 ? `${c.uploaded} uploaded` : '', c.mounted > 0 ? `${c.mounted} mounted` : '', c.present > 0 ? `${c.present} already there` : ''].filter(Boolean)
  return `${c.manifests} manifest${c.manifests === 1 ? '' : 's'}, blobs: ${blobs.join(', ') || 'none'}${c.tagKept ? '; the tag already named it' : ''}`
}
