/**
 * `read-registries` and `copy-to`: the other registries a run touches. Pure: every line is
 * checked here, before any AWS call, and a bad one fails the run naming the input and the fix.
 *
 *   read-registries   one registry a line, `<account>.dkr.ecr.<region>.amazonaws.com` (or its
 *                     dual-stack name), `<account>/<region>` or `public.ecr.aws`, optionally
 *                     `=<role ARN>`: docker is logged in to each before the build
 *   copy-to           one repository a line: `<name>` (the run's registry),
 *                     `<account>.dkr.ecr.<region>.amazonaws.com/<name>` or
 *                     `public.ecr.aws/<alias>/<name>`, optionally `=<role ARN>`
 */
import { Input, type InputName } from '../constants.js'
import { InputError } from '../errors.js'
import { parseRegistryHost, partitionOf, registryInRegion } from '../settings/registry-host.js'
import { REGION, ROLE_ARN } from './aws.js'
import { getInput, parseLines } from './input.js'
import { isRepositoryName } from './repository.js'
import type { CopyDestination, Env, OtherRegistries, OtherRegistry } from './types.js'

/** `<line>` and its optional `=<role ARN>`. */
function splitRole(name: InputName, line: string): { target: string; role?: string } {
  const at = line.indexOf('=')
  if (at < 0) return { target: line.trim() }
  const role = line.slice(at + 1).trim()
  if (!ROLE_ARN.test(role)) throw new InputError(name, `'${role}' in '${line}' is not an IAM role ARN: use <registry>=arn:aws:iam::<12-digit account>:role/<name>, or leave out =<role>.`)
  return { target: line.slice(0, at).trim(), role }
}

/** A registry named by its host, or as `<account>/<region>`; undefined for neither. */
function registryOf(target: string): OtherRegistry | undefined {
  const short = /^(\d{12})\/([a-z0-9-]+)$/.exec(target)
  if (short) {
    const [, account = '', region = ''] = short
    if (!REGION.test(region)) return undefined
    const host = registryInRegion({ kind: 'private', account, region, partition: partitionOf(region), host: '' }, region)
    return { kind: 'private', host, account, region }
  }
  const parsed = parseRegistryHost(target)
  if (parsed === undefined || target.toLowerCase() !== parsed.host) return undefined
  return parsed.kind === 'public' ? { kind: 'public', host: parsed.host } : { kind: 'private', host: parsed.host, account: parsed.account, region: parsed.region }
}

export function readReadRegistries(env: Env): OtherRegistry[] {
  const read: OtherRegistry[] = []
  for (const line of parseLines(getInput(env, Input.ReadRegistries))) {
    const { target, role } = splitRole(Input.ReadRegistries, line)
    const registry = registryOf(target)
    if (registry === undefined) {
      throw new InputError(Input.ReadRegistries, `'${target}' is not an ECR registry: use <account>.dkr.ecr.<region>.amazonaws.com, <account>/<region> or public.ecr.aws, one a line.`)
    }
    if (read.some(r => r.host === registry.host)) throw new InputError(Input.ReadRegistries, `names ${registry.host} twice: list each registry once.`)
    read.push(role !== undefined ? { ...registry, role } : registry)
  }
  return read
}

function destinationOf(line: string, ownRepository: string): CopyDestination {
  const { target, role } = splitRole(Input.CopyTo, line)
  const first = target.split('/')[0] ?? ''
  const hosted = first.includes('.')
  const registry = hosted ? registryOf(first) : undefined
  const repository = hosted ? target.slice(first.length + 1) : target
  const how = 'use <name> (this registry), <account>.dkr.ecr.<region>.amazonaws.com/<name> or public.ecr.aws/<alias>/<name>, one a line'
  if (hosted && (registry === undefined || /^\d{12}\//.test(target))) throw new InputError(Input.CopyTo, `'${target}' is not an ECR repository: ${how}.`)
  if (!isRepositoryName(repository)) throw new InputError(Input.CopyTo, `'${repository}' in '${target}' is not a repository name: ${how}.`)
  if (registry?.kind === 'public' && !repository.includes('/')) throw new InputError(Input.CopyTo, `'${target}' names no alias: use public.ecr.aws/<alias>/<name>.`)
  if (registry === undefined) {
    if (role !== undefined) throw new InputError(Input.CopyTo, `'${line}': a repository of this run's registry is written with the run's own role; leave out =<role>.`)
    if (repository === ownRepository) throw new InputError(Input.CopyTo, `'${target}' is the repository the run pushes to: name another one.`)
    return { repository }
  }
  return { registry: role !== undefined ? { ...registry, role } : registry, repository }
}

export function readCopyTo(env: Env, ownRepository: string, push: { push: boolean; byDigest: boolean }): CopyDestination[] {
  const lines = parseLines(getInput(env, Input.CopyTo))
  if (lines.length > 0 && !push.push) throw new InputError(Input.CopyTo, 'is set, but push is false: nothing is pushed to copy; remove copy-to for build-only runs.')
  if (lines.length > 0 && push.byDigest) throw new InputError(Input.CopyTo, "is set with push-by-digest: copy from the job that merges the digests (merge-digests), which has the image's index.")
  const copyTo: CopyDestination[] = []
  for (const line of lines) {
    const destination = destinationOf(line, ownRepository)
    if (copyTo.some(c => copyUri(c, '') === copyUri(destination, ''))) throw new InputError(Input.CopyTo, `names ${copyUri(destination, '<registry>')} twice: list each repository once.`)
    copyTo.push(destination)
  }
  return copyTo
}

/** A copy's repository URI; `ownRegistry`: the run's registry host. */
export function copyUri(c: CopyDestination, ownRegistry: string): string {
  return `${c.registry?.host ?? ownRegistry}/${c.repository}`
}

/** Both inputs; an empty list each when not given. */
export function readOtherRegistries(env: Env, ownRepository: string, push: { push: boolean; byDigest: boolean }): OtherRegistries {
  const read = readReadRegistries(env)
  // A build-only run signs in to nothing: its base images come from where docker is logged in already.
  if (read.length > 0 && !push.push)
    throw new InputError(Input.ReadRegistries, 'is set, but push is false: a build-only run makes no AWS call; log docker in to those registries in an earlier step, or remove read-registries.')
  return { read, copyTo: readCopyTo(env, ownRepository, push) }
}
