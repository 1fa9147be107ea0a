/**
 * `registry-type: public` — the repository and login for ECR Public (public.ecr.aws).
 * ECR Public's API answers in us-east-1 only. A repository has catalog data (shown in the
 * ECR Public Gallery) instead of lifecycle, mutability and scanning settings: the
 * description and about text the workflow states, and the architectures and operating
 * systems of the platforms it pushes. The catalog is only ever added to — architectures
 * and OS are merged, unstated text is kept — and a repository with a logo is not written
 * (the API can't hand the logo back to keep it), only warned about.
 *
 * The client is loaded on demand: private runs never load it.
 */
import type { ECRPUBLICClient, RepositoryCatalogData, RepositoryCatalogDataInput } from '@aws-sdk/client-ecr-public'
import { sdkConfig, tagIamActions, withSession, type AwsSession } from './clients.js'
import { PUBLIC_API_REGION, PUBLIC_REGISTRY } from '../settings/registry-host.js'
import { ActionError } from '../errors.js'
import { describeWrite, type SettingWrite } from './setting-writes.js'
import { planAccessPolicy, planTags, unlessNotFound } from './stated-settings.js'
import type { Settings } from '../settings/types.js'
import { sameJson } from '../json.js'

type Sdk = typeof import('@aws-sdk/client-ecr-public')

export interface PublicRepository {
  /** public.ecr.aws/<alias>/<name> */
  uri: string
  registry: string
  created: boolean
  changes: string[]
  warnings: string[]
}

const ARCHITECTURES: Record<string, string> = { amd64: 'x86-64', arm64: 'ARM 64', arm: 'ARM', '386': 'x86' }
const SYSTEMS: Record<string, string> = { linux: 'Linux', windows: 'Windows' }

/** The Gallery's architecture and OS badges for these platforms, e.g. linux/arm64 → ARM 64, Linux. */
export function catalogBadges(platforms: string[]): { architectures: string[]; operatingSystems: string[] } {
  const architectures = new Set<string>()
  const operatingSystems = new Set<string>()
  for (const p of platforms) {
    const [os = '', arch = ''] = p.split('/')
    if (ARCHITECTURES[arch]) architectures.add(ARCHITECTURES[arch])
    if (SYSTEMS[os]) operatingSystems.add(SYSTEMS[os])
  }
  return { architectures: [...architectures], operatingSystems: [...operatingSystems] }
}

/** The catalog data to write, or undefined when the current one already says it all. Pure. */
export function planCatalog(
  current: RepositoryCatalogData | undefined,
  stated: Settings['repository']['catalog'],
  platforms: string[]
): { catalog: RepositoryCatalogDataInput; changed: string[] } | undefined {
  const badges = catalogBadges(platforms)
  const merge = (have: string[] | undefined, want: string[]): string[] => [...new Set([...(have ?? []), ...want])]
  const catalog: RepositoryCatalogDataInput = {
    ...(current?.description !== undefined ? { description: current.description } : {}),
    ...(current?.aboutText !== undefined ? { aboutText: current.aboutText } : {}),
    ...(current?.usageText !== undefined ? { usageText: current.usageText } : {}),
    architectures: merge(current?.architectures, badges.architectures),
    operatingSystems: merge(current?.operatingSystems, badges.operatingSystems)
  }
  if (stated.description !== undefined) catalog.description = stated.description
  if (stated.about !== undefined) catalog.aboutText = stated.about
  const changed: string[] = []
  if (catalog.description !== current?.description) changed.push('description')
  if (catalog.aboutText !== current?.aboutText) changed.push('about')
  if (!sameJson(JSON.stringify(catalog.architectures), JSON.stringify(current?.architectures ?? []))) changed.push(`architectures ${catalog.architectures?.join(', ')}`)
  if (!sameJson(JSON.stringify(catalog.operatingSystems), JSON.stringify(current?.operatingSystems ?? []))) changed.push(`operating systems ${catalog.operatingSystems?.join(', ')}`)
  return changed.length > 0 ? { catalog, changed } : undefined
}

export interface PublicClient {
  sdk: Sdk
  client: ECRPUBLICClient
}

export async function createPublicClient(session: AwsSession): Promise<PublicClient> {
  const sdk = await import('@aws-sdk/client-ecr-public')
  const client = tagIamActions(withSession(new sdk.ECRPUBLICClient(sdkConfig({ ...session, region: PUBLIC_API_REGION }, 'ECR_PUBLIC')), session), 'ecr-public')
  return { sdk, client }
}

async function describe({ sdk, client }: PublicClient, name: string): Promise<{ uri: string; arn: string } | undefined> {
  const repo = await unlessNotFound(async () => (await client.send(new sdk.DescribeRepositoriesCommand({ repositoryNames: [name] }))).repositories?.[0], 'RepositoryNotFoundException')
  return repo ? { uri: repo.repositoryUri ?? '', arn: repo.repositoryArn ?? '' } : undefined
}

/** The writes that make the public repository match the workflow, from read calls only. */
export interface PublicRepositoryPlan {
  name: string
  /** undefined: no such repository (its URI comes with the create) */
  current: { uri: string; arn: string } | undefined
  writes: SettingWrite[]
  /** the catalog changes a logo on the repository keeps from being written */
  heldByLogo?: string[]
  /** the run stops before any write, saying this */
  stop?: string
}

/**
 * What the run does to the public repository, from read calls only: the catalog data, the
 * tags and the access policy the workflow states, compared with the repository's.
 * `known`: the repository as just described (no second describe).
 */
export async function planPublicRepository(pub: PublicClient, desired: Settings['repository'], platforms: string[], known?: { uri: string; arn: string }): Promise<PublicRepositoryPlan> {
  const { sdk, client } = pub
  const name = desired.name
  const current = known ?? (await describe(pub, name))
  if (current === undefined) {
    if (!desired.create) return { name, current, writes: [], stop: `Public repository '${name}' does not exist: create it, or set create-repository: true to let the action create it.` }
    const catalog = planCatalog(undefined, desired.catalog, platforms)?.catalog
    const access = planAccessPolicy(desired.accessPolicy, undefined)
    return { name, current, writes: [{ kind: 'create-public', ...(catalog ? { catalog } : {}), tags: desired.tags }, ...(access ? [access] : [])] }
  }
  const [catalogData, policy, tags] = await Promise.all([
    client.send(new sdk.GetRepositoryCatalogDataCommand({ repositoryName: name })).then(out => out.catalogData),
    desired.accessPolicy !== undefined
      ? unlessNotFound(async () => (await client.send(new sdk.GetRepositoryPolicyCommand({ repositoryName: name }))).policyText, 'RepositoryPolicyNotFoundException')
      : undefined,
    desired.tags.length > 0 ? client.send(new sdk.ListTagsForResourceCommand({ resourceArn: current.arn })).then(out => out.tags ?? []) : []
  ])
  const catalog = planCatalog(catalogData, desired.catalog, platforms)
  // The API can't hand the logo back to keep it: a repository with one is not written.
  const heldByLogo = catalog !== undefined && catalogData?.logoUrl ? catalog.changed : undefined
  const writes = [
    heldByLogo === undefined && catalog !== undefined ? { kind: 'catalog' as const, ...catalog } : undefined,
    planTags(desired.tags, tags, current.arn),
    planAccessPolicy(desired.accessPolicy, policy)
  ]
  return { name, current, writes: writes.filter(w => w !== undefined), ...(heldByLogo !== undefined ? { heldByLogo } : {}) }
}

/** Carries out one write; the created repository's URI and ARN for `create-public`. */
async function apply({ sdk, client }: PublicClient, name: string, w: SettingWrite): Promise<{ uri: string; arn: string } | undefined> {
  switch (w.kind) {
    case 'create-public': {
      const out = await client.send(new sdk.CreateRepositoryCommand({ repositoryName: name, ...(w.catalog ? { catalogData: w.catalog } : {}), ...(w.tags.length > 0 ? { tags: w.tags } : {}) }))
      return { uri: out.repository?.repositoryUri ?? '', arn: out.repository?.repositoryArn ?? '' }
    }
    case 'catalog':
      await client.send(new sdk.PutRepositoryCatalogDataCommand({ repositoryName: name, catalogData: w.catalog }))
      return undefined
    case 'tags':
      await client.send(new sdk.TagResourceCommand({ resourceArn: w.resourceArn, tags: w.tags }))
      return undefined
    case 'access-policy':
      await client.send(new sdk.SetRepositoryPolicyCommand({ repositoryName: name, policyText: w.text }))
      return undefined
    default:
      throw new ActionError(`ECR Public has no write '${w.kind}'.`)
  }
}

/**
 * Carries out the plan's writes. A create that finds the repository there already (another
 * job created it since the plan's describe) plans again against what is there.
 */
export async function applyPublicRepository(pub: PublicClient, plan: PublicRepositoryPlan, replan: (known: { uri: string; arn: string }) => Promise<PublicRepositoryPlan>): Promise<PublicRepository> {
  if (plan.stop !== undefined) throw new ActionError(plan.stop)
  let repo = plan.current
  let { writes, heldByLogo } = plan
  let created = false
  const changes: string[] = []
  const [first, ...rest] = writes
  if (first?.kind === 'create-public') {
    try {
      repo = await apply(pub, plan.name, first)
      created = true
      changes.push(describeWrite(first))
      writes = rest
    } catch (error) {
      if ((error as Error).name !== 'RepositoryAlreadyExistsException') throw error
      repo = await describe(pub, plan.name)
      if (repo === undefined) throw new ActionError(`ECR Public did not describe repository '${plan.name}'.`)
      ;({ writes, heldByLogo } = await replan(repo))
    }
  }
  if (repo === undefined || repo.uri === '') throw new ActionError(`ECR Public did not describe repository '${plan.name}'.`)
  for (const write of writes) {
    await apply(pub, plan.name, write)
    changes.push(describeWrite(write))
  }
  const warnings = heldByLogo !== undefined ? [logoWarning(heldByLogo)] : []
  return { uri: repo.uri, registry: repo.uri.split('/')[0] ?? PUBLIC_REGISTRY, created, changes, warnings }
}

/** Why the catalog data was not written: the logo. */
function logoWarning(changed: string[]): string {
  return `catalog data not updated (${changed.join(', ')}): the repository has a logo, which ECR Public's API can't keep on update; change it in the console.`
}

/** Makes sure the public repository exists with the stated catalog data, access policy and tags: its plan, carried out. */
export async function ensurePublicRepository(pub: PublicClient, desired: Settings['repository'], platforms: string[]): Promise<PublicRepository> {
  const plan = await planPublicRepository(pub, desired, platforms)
  return applyPublicRepository(pub, plan, known => planPublicRepository(pub, desired, platforms, known))
}
