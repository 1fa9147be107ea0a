/**
 * The one parser of registry host names. ECR's private registries are
 * `<account>.dkr.ecr[-fips].<region>.<suffix>` (or dual-stack `<account>.dkr-ecr.<region>.on.aws`),
 * where the suffix follows the partition; ECR Public is `public.ecr.aws`.
 */

/** ECR Public's registry host; its API answers in us-east-1 only. */
export const PUBLIC_REGISTRY = 'public.ecr.aws'
export const PUBLIC_API_REGION = 'us-east-1'

export type RegistryHost = { kind: 'private'; account: string; region: string; partition: string; host: string } | { kind: 'public'; host: string }

/** Each partition's DNS suffix and the prefixes of its regions. */
const PARTITIONS: { partition: string; suffix: string; regions: RegExp }[] = [
  { partition: 'aws-cn', suffix: 'amazonaws.com.cn', regions: /^cn-/ },
  { partition: 'aws-us-gov', suffix: 'amazonaws.com', regions: /^us-gov-/ },
  { partition: 'aws-iso', suffix: 'c2s.ic.gov', regions: /^us-iso-/ },
  { partition: 'aws-iso-b', suffix: 'sc2s.sgov.gov', regions: /^us-isob-/ },
  { partition: 'aws-iso-e', suffix: 'cloud.adc-e.uk', regions: /^eu-isoe-/ },
  { partition: 'aws-iso-f', suffix: 'csp.hci.ic.gov', regions: /^us-isof-/ },
  { partition: 'aws-eusc', suffix: 'amazonaws.eu', regions: /^eusc-/ },
  { partition: 'aws', suffix: 'amazonaws.com', regions: /^/ }
]

/** The partition a region belongs to (`aws` for the commercial regions). */
export function partitionOf(region: string): string {
  return PARTITIONS.find(p => p.regions.test(region))?.partition ?? 'aws'
}

/** A registry host (or an image reference starting with one) as account, region and partition; undefined for any other host. */
export function parseRegistryHost(hostOrReference: string): RegistryHost | undefined {
  const host =
    hostOrReference
      .replace(/^https?:\/\//, '')
      .split('/')[0]
      ?.toLowerCase() ?? ''
  if (host === PUBLIC_REGISTRY) return { kind: 'public', host }
  const m = /^(\d{12})\.(?:dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.(.+)|dkr-ecr(?:-fips)?\.([a-z0-9-]+)\.on\.aws)$/.exec(host)
  if (!m) return undefined
  const account = m[1] ?? ''
  const region = m[2] ?? m[4] ?? ''
  const partition = PARTITIONS.find(p => p.regions.test(region))
  if (partition === undefined || (m[3] !== undefined && m[3] !== partition.suffix)) return undefined
  return { kind: 'private', account, region, partition: partition.partition, host }
}

/** The same repository in another region's registry of the account: what replication makes (by the same kind of name). */
export function registryInRegion(registry: RegistryHost & { kind: 'private' }, region: string): string {
  if (DUAL_STACK.test(registry.host)) return `${registry.account}.dkr-ecr.${region}.on.aws`
  const suffix = PARTITIONS.find(p => p.partition === registry.partition)?.suffix ?? 'amazonaws.com'
  return `${registry.account}.dkr.ecr.${region}.${suffix}`
}

/** Where the replicas of an image appear: the same repository and tag in each region's registry. */
export function replicaUris(imageUri: string, regions: string[]): string[] {
  const registry = parseRegistryHost(imageUri)
  if (registry?.kind !== 'private') return []
  const rest = imageUri.slice(imageUri.indexOf('/'))
  return regions.map(region => `${registryInRegion(registry, region)}${rest}`)
}

/** A dual-stack registry name: `<account>.dkr-ecr[-fips].<region>.on.aws`. */
const DUAL_STACK = /^\d{12}\.dkr-ecr(?:-fips)?\./

/** The partitions where ECR has dual-stack (IPv4 and IPv6) names: `ecr.<region>.api.aws` and `<account>.dkr-ecr.<region>.on.aws`. */
const DUAL_STACK_PARTITIONS = ['aws', 'aws-us-gov']

export function dualStackSupported(region: string): boolean {
  return DUAL_STACK_PARTITIONS.includes(partitionOf(region))
}

/**
 * The dual-stack name of a private registry (GetAuthorizationToken's proxyEndpoint and a
 * repository's URI give the IPv4 one): `<account>.dkr-ecr[-fips].<region>.on.aws`. ECR
 * Public keeps public.ecr.aws; undefined for a host that is no ECR registry, or one in a
 * partition without dual-stack names.
 */
export function dualStackHost(host: string): string | undefined {
  const registry = parseRegistryHost(host)
  if (registry?.kind === 'public') return registry.host
  if (registry === undefined || !DUAL_STACK_PARTITIONS.includes(registry.partition)) return undefined
  const fips = /^\d{12}\.dkr[.-]ecr-fips\./.test(registry.host) ? '-fips' : ''
  return `${registry.account}.dkr-ecr${fips}.${registry.region}.on.aws`
}
