/**
 * `tags` takes what docker/metadata-action gives: besides plain tags, full references to
 * this repository (`<registry>/<repository>:<tag>`, or `<repository>:<tag>`), taken as their
 * tag. A reference to any other repository is refused in one line. The registry's account
 * is known only once the run has signed in: `checkReferenceHosts` compares it then.
 */
import { Input } from '../constants.js'
import { ActionError, InputError } from '../errors.js'
import { parseRegistryHost } from './registry-host.js'
import { validateTag } from './input.js'
import type { RegistryType } from './types.js'

export interface TagsInput {
  tags: string[]
  /** the registry hosts the references named (each checked against the run's registry after sign-in) */
  hosts: string[]
}

const other = (item: string, repository: string): InputError =>
  new InputError(
    Input.Tags,
    `'${item}' is not in this step's repository (${repository}): tags takes tags of 'repository' only; push to another repository with a step of its own (its repository input).`
  )

/** One item of `tags`: a tag, or a reference to this repository whose tag it takes. */
function readItem(item: string, repository: string, region: string, type: RegistryType): { tag: string; host?: string } {
  if (item.includes('@')) {
    throw new InputError(Input.Tags, `'${item}' names an image by digest: give a tag, e.g. ${repository}:1.2.3.`)
  }
  const colon = item.lastIndexOf(':')
  // No tag after the last `/`: not a reference (`feature/x`), judged as a tag.
  if (colon < item.lastIndexOf('/') || colon === -1) return { tag: validateTag(Input.Tags, item) }
  const name = item.slice(0, colon).toLowerCase()
  const tag = validateTag(Input.Tags, item.slice(colon + 1))
  if (name === repository) return { tag }
  const first = name.split('/')[0] ?? ''
  const path = name.slice(first.length + 1)
  const host = parseRegistryHost(first)
  if (host === undefined) throw other(item, repository)
  if (host.kind === 'private' && type === 'private' && path === repository && host.region === region) return { tag, host: host.host }
  // ECR Public: public.ecr.aws/<alias>/<repository>
  if (host.kind === 'public' && type === 'public' && path.split('/').length === 2 && path.endsWith(`/${repository}`)) return { tag, host: `${host.host}/${path.split('/')[0]}` }
  throw other(item, repository)
}

/** The `tags` input, references read as their tags. */
export function readTagsInput(items: string[], repository: string, region: string, type: RegistryType): TagsInput {
  const tags: string[] = []
  const hosts = new Set<string>()
  for (const item of items) {
    const read = readItem(item, repository, region, type)
    tags.push(read.tag)
    if (read.host !== undefined) hosts.add(read.host)
  }
  return { tags, hosts: [...hosts] }
}

/**
 * Once the run knows its repository's URI: every registry a `tags` reference named is that
 * repository's (the same account; on ECR Public, the same alias). Checked before docker's
 * login and any image write.
 */
export function checkReferenceHosts(hosts: string[], repositoryUri: string, repository: string): void {
  const registry = repositoryUri.slice(0, repositoryUri.length - repository.length - 1).toLowerCase()
  const ours = parseRegistryHost(registry)
  // The same account and region whichever of its names (IPv4 or dual-stack) the reference uses.
  const same = (host: string): boolean => {
    const named = parseRegistryHost(host)
    return host === registry || (ours?.kind === 'private' && named?.kind === 'private' && named.account === ours.account && named.region === ours.region)
  }
  const wrong = hosts.find(h => !same(h))
  if (wrong !== undefined) {
    throw new ActionError(
      `Input 'tags': '${wrong}/${repository}' is not this run's repository (${repositoryUri}): tags takes tags of 'repository' only; push to another registry with a step of its own (its role-to-assume and repository inputs).`
    )
  }
}
