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
import { PUBLIC_API_REGION, PUBLIC_REGISTRY } from '../constants.js'
import { ActionError } from '../errors.js'
import { ensureAccessPolicy, ensureResourceTags, unlessNotFound } from './stated-settings.js'
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

/** Makes sure the public repository exists with the stated catalog data, access policy and tags. */
export async function ensurePublicRepository(pub: PublicClient, desired: Settings['repository'], platforms: string[]): Promise<PublicRepository> {
  const { sdk, client } = pub
  const name = desired.name
  const changes: string[] = []
  const warnings: string[] = []
  let repo = await describe(pub, name)
  let created = false
  if (repo === undefined) {
    if (!desired.create) {
      throw new ActionError(`Public repository '${name}' does not exist: create it, or set create-repository: true to let the action create it.`)
    }
    const catalogData = planCatalog(undefined, desired.catalog, platforms)?.catalog
    try {
      const out = await client.send(
        new sdk.CreateRepositoryCommand({ repositoryName: name, ...(catalogData ? { catalogData } : {}), ...(desired.tags.length > 0 ? { tags: desired.tags } : {}) })
      )
      repo = { uri: out.repository?.repositoryUri ?? '', arn: out.repository?.repositoryArn ?? '' }
      created = true
      changes.push(`created the public repository${catalogData ? ` with catalog data (${catalogData.architectures?.join(', ')}; ${catalogData.operatingSystems?.join(', ')})` : ''}`)
    } catch (error) {
      if ((error as Error).name !== 'RepositoryAlreadyExistsException') throw error
      repo = await describe(pub, name)
    }
  }
  if (repo === undefined || repo.uri === '') throw new ActionError(`ECR Public did not describe repository '${name}'.`)

  if (!created) {
    const current = (await client.send(new sdk.GetRepositoryCatalogDataCommand({ repositoryName: name }))).catalogData
    const plan = planCatalog(current, desired.catalog, platforms)
    if (plan !== undefined && current?.logoUrl) {
      warnings.push(`catalog data not updated (${plan.changed.join(', ')}): the repository has a logo, which ECR Public's API can't keep on update; change it in the console.`)
    } else if (plan !== undefined) {
      await client.send(new sdk.PutRepositoryCatalogDataCommand({ repositoryName: name, catalogData: plan.catalog }))
      changes.push(`catalog data: ${plan.changed.join('; ')}`)
    }
    const arn = repo.arn
    const tagged = await ensureResourceTags(desired.tags, {
      list: async () => (await client.send(new sdk.ListTagsForResourceCommand({ resourceArn: arn }))).tags ?? [],
      add: async tags => void (await client.send(new sdk.TagResourceCommand({ resourceArn: arn, tags })))
    })
    if (tagged !== undefined) changes.push(tagged)
  }
  const access = await ensureAccessPolicy(desired.accessPolicy, created, {
    read: () => unlessNotFound(async () => (await client.send(new sdk.GetRepositoryPolicyCommand({ repositoryName: name }))).policyText, 'RepositoryPolicyNotFoundException'),
    write: async policyText => void (await client.send(new sdk.SetRepositoryPolicyCommand({ repositoryName: name, policyText })))
  })
  if (access !== undefined) changes.push(access)
  return { uri: repo.uri, registry: repo.uri.split('/')[0] ?? PUBLIC_REGISTRY, created, changes, warnings }
}

/** What `ensurePublicRepository` would do, from read calls only (dry runs): the URI when it exists, and a line per change. */
export async function inspectPublicRepository(
  pub: PublicClient,
  desired: Settings['repository'],
  platforms: string[]
): Promise<{ uri: string | undefined; lines: string[] }> {
  const repo = await describe(pub, desired.name)
  if (repo === undefined) {
    if (!desired.create) return { uri: undefined, lines: ['missing, and create-repository is false: the run would fail'] }
    const plan = planCatalog(undefined, desired.catalog, platforms)
    return { uri: undefined, lines: [`would create the public repository with catalog data: ${plan?.changed.join('; ') ?? 'none'}`] }
  }
  const current = (await pub.client.send(new pub.sdk.GetRepositoryCatalogDataCommand({ repositoryName: desired.name }))).catalogData
  const plan = planCatalog(current, desired.catalog, platforms)
  if (plan === undefined) return { uri: repo.uri, lines: ['no changes: the catalog data already says it all'] }
  return {
    uri: repo.uri,
    lines: [current?.logoUrl ? `catalog data would not be updated (${plan.changed.join('; ')}): the repository has a logo` : `would change catalog data: ${plan.changed.join('; ')}`]
  }
}
