/** The one parser of registry hosts: every partition's suffix, FIPS and dual-stack, ECR Public, and nothing else. */
import { parseRegistryHost, partitionOf, registryInRegion, type RegistryHost, dualStackHost, replicaUris } from '../../../src/settings/registry-host.js'
import { onDualStack } from '../../../src/aws/registry-token.js'

const ACCOUNT = '123456789012'

type Private = RegistryHost & { kind: 'private' }

const privateHost = (host: string): Private => {
  const parsed = parseRegistryHost(host)
  if (parsed?.kind !== 'private') throw new Error(`${host} is not a private registry`)
  return parsed
}

describe('parseRegistryHost: each partition with its own DNS suffix', () => {
  test.each([
    ['aws', 'us-east-1', 'amazonaws.com'],
    ['aws', 'ap-northeast-2', 'amazonaws.com'],
    ['aws-cn', 'cn-north-1', 'amazonaws.com.cn'],
    ['aws-cn', 'cn-northwest-1', 'amazonaws.com.cn'],
    ['aws-us-gov', 'us-gov-west-1', 'amazonaws.com'],
    ['aws-us-gov', 'us-gov-east-1', 'amazonaws.com'],
    ['aws-iso', 'us-iso-east-1', 'c2s.ic.gov'],
    ['aws-iso-b', 'us-isob-east-1', 'sc2s.sgov.gov'],
    ['aws-iso-e', 'eu-isoe-west-1', 'cloud.adc-e.uk'],
    ['aws-iso-f', 'us-isof-south-1', 'csp.hci.ic.gov'],
    ['aws-eusc', 'eusc-de-east-1', 'amazonaws.eu']
  ])('%s: %s on %s', (partition, region, suffix) => {
    const host = `${ACCOUNT}.dkr.ecr.${region}.${suffix}`
    expect(parseRegistryHost(host)).toEqual({ kind: 'private', account: ACCOUNT, region, partition, host })
  })
})

describe('parseRegistryHost: FIPS and dual-stack forms', () => {
  test.each([
    [`${ACCOUNT}.dkr.ecr-fips.us-east-1.amazonaws.com`, 'us-east-1', 'aws'],
    [`${ACCOUNT}.dkr.ecr-fips.us-gov-west-1.amazonaws.com`, 'us-gov-west-1', 'aws-us-gov'],
    [`${ACCOUNT}.dkr-ecr.us-east-2.on.aws`, 'us-east-2', 'aws'],
    [`${ACCOUNT}.dkr-ecr-fips.us-east-2.on.aws`, 'us-east-2', 'aws'],
    [`${ACCOUNT}.dkr-ecr.us-gov-west-1.on.aws`, 'us-gov-west-1', 'aws-us-gov']
  ])('%s', (host, region, partition) => {
    expect(parseRegistryHost(host)).toEqual({ kind: 'private', account: ACCOUNT, region, partition, host })
  })
})

describe('parseRegistryHost: hosts in image references and URLs', () => {
  const host = `${ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com`

  test.each([[`${host}/team/web:1.2.3`], [`${host}/team/web@sha256:${'a'.repeat(64)}`], [`https://${host}`], [`https://${host}/v2/`], [`http://${host}`], [host.toUpperCase()]])('%s', reference => {
    expect(parseRegistryHost(reference)).toEqual({ kind: 'private', account: ACCOUNT, region: 'eu-west-1', partition: 'aws', host })
  })

  test('ECR Public, alone or in a reference', () => {
    expect(parseRegistryHost('public.ecr.aws')).toEqual({ kind: 'public', host: 'public.ecr.aws' })
    expect(parseRegistryHost('public.ecr.aws/a1b2c3d4/web:1')).toEqual({ kind: 'public', host: 'public.ecr.aws' })
    expect(parseRegistryHost('https://public.ecr.aws/v2/')).toEqual({ kind: 'public', host: 'public.ecr.aws' })
  })
})

describe('parseRegistryHost: undefined for anything else', () => {
  test.each([
    ['a suffix of another partition: a China region on amazonaws.com', `${ACCOUNT}.dkr.ecr.cn-north-1.amazonaws.com`],
    ['a commercial region on the China suffix', `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com.cn`],
    ['GovCloud on the China suffix', `${ACCOUNT}.dkr.ecr.us-gov-west-1.amazonaws.com.cn`],
    ['an ISO region on amazonaws.com', `${ACCOUNT}.dkr.ecr.us-iso-east-1.amazonaws.com`],
    ['ISO-B on ISO’s suffix', `${ACCOUNT}.dkr.ecr.us-isob-east-1.c2s.ic.gov`],
    ['ISO on ISO-B’s suffix', `${ACCOUNT}.dkr.ecr.us-iso-east-1.sc2s.sgov.gov`],
    ['an EUSC region on amazonaws.com', `${ACCOUNT}.dkr.ecr.eusc-de-east-1.amazonaws.com`],
    ['a commercial region on amazonaws.eu', `${ACCOUNT}.dkr.ecr.eu-central-1.amazonaws.eu`],
    ['an ECR host under someone else’s domain', `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com.example.com`],
    ['no account', 'dkr.ecr.us-east-1.amazonaws.com'],
    ['an account of 11 digits', '12345678901.dkr.ecr.us-east-1.amazonaws.com'],
    ['the API endpoint, not the registry', 'api.ecr.us-east-1.amazonaws.com'],
    ['GitHub’s registry', 'ghcr.io/acme/web:1'],
    ['Docker Hub', 'docker.io/library/alpine'],
    ['a name without a host', 'team/web:1'],
    ['a look-alike of ECR Public', 'public.ecr.aws.example.com'],
    ['nothing', '']
  ])('%s', (_name, host) => {
    expect(parseRegistryHost(host)).toBeUndefined()
  })
})

describe('partitionOf', () => {
  test.each([
    ['us-east-1', 'aws'],
    ['eu-central-2', 'aws'],
    ['ap-southeast-5', 'aws'],
    ['cn-north-1', 'aws-cn'],
    ['cn-northwest-1', 'aws-cn'],
    ['us-gov-west-1', 'aws-us-gov'],
    ['us-gov-east-1', 'aws-us-gov'],
    ['us-iso-east-1', 'aws-iso'],
    ['us-iso-west-1', 'aws-iso'],
    ['us-isob-east-1', 'aws-iso-b'],
    ['eu-isoe-west-1', 'aws-iso-e'],
    ['us-isof-south-1', 'aws-iso-f'],
    ['eusc-de-east-1', 'aws-eusc'],
    ['', 'aws']
  ])('%s → %s', (region, partition) => {
    expect(partitionOf(region)).toBe(partition)
  })
})

describe('registryInRegion: the same account’s registry in another region of its partition', () => {
  test.each([
    [`${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com`, 'eu-west-1', `${ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com`],
    [`${ACCOUNT}.dkr.ecr.cn-north-1.amazonaws.com.cn`, 'cn-northwest-1', `${ACCOUNT}.dkr.ecr.cn-northwest-1.amazonaws.com.cn`],
    [`${ACCOUNT}.dkr.ecr.us-gov-west-1.amazonaws.com`, 'us-gov-east-1', `${ACCOUNT}.dkr.ecr.us-gov-east-1.amazonaws.com`],
    [`${ACCOUNT}.dkr.ecr.us-iso-east-1.c2s.ic.gov`, 'us-iso-west-1', `${ACCOUNT}.dkr.ecr.us-iso-west-1.c2s.ic.gov`],
    [`${ACCOUNT}.dkr.ecr.us-isob-east-1.sc2s.sgov.gov`, 'us-isob-west-1', `${ACCOUNT}.dkr.ecr.us-isob-west-1.sc2s.sgov.gov`],
    [`${ACCOUNT}.dkr.ecr.eusc-de-east-1.amazonaws.eu`, 'eusc-de-west-1', `${ACCOUNT}.dkr.ecr.eusc-de-west-1.amazonaws.eu`],
    // a FIPS or dual-stack registry's replica is named in the plain form
    [`${ACCOUNT}.dkr.ecr-fips.us-east-1.amazonaws.com`, 'us-west-2', `${ACCOUNT}.dkr.ecr.us-west-2.amazonaws.com`],
    [`${ACCOUNT}.dkr-ecr.us-east-2.on.aws`, 'eu-west-1', `${ACCOUNT}.dkr-ecr.eu-west-1.on.aws`]
  ])('%s in %s', (host, region, expected) => {
    expect(registryInRegion(privateHost(host), region)).toBe(expected)
  })

  test('what it names parses back to the same account in the new region', () => {
    const replica = registryInRegion(privateHost(`${ACCOUNT}.dkr.ecr.cn-north-1.amazonaws.com.cn`), 'cn-northwest-1')
    expect(parseRegistryHost(replica)).toEqual({ kind: 'private', account: ACCOUNT, region: 'cn-northwest-1', partition: 'aws-cn', host: replica })
  })
})

const A = '123456789012'

describe('dualStackHost: the registry by its dual-stack name', () => {
  test.each([
    [`${A}.dkr.ecr.us-east-1.amazonaws.com`, `${A}.dkr-ecr.us-east-1.on.aws`],
    [`${A}.dkr.ecr.ap-northeast-2.amazonaws.com`, `${A}.dkr-ecr.ap-northeast-2.on.aws`],
    [`${A}.dkr.ecr-fips.us-east-2.amazonaws.com`, `${A}.dkr-ecr-fips.us-east-2.on.aws`],
    [`${A}.dkr.ecr.us-gov-west-1.amazonaws.com`, `${A}.dkr-ecr.us-gov-west-1.on.aws`],
    [`${A}.dkr.ecr-fips.us-gov-east-1.amazonaws.com`, `${A}.dkr-ecr-fips.us-gov-east-1.on.aws`],
    [`${A}.dkr-ecr.eu-west-1.on.aws`, `${A}.dkr-ecr.eu-west-1.on.aws`],
    ['public.ecr.aws', 'public.ecr.aws']
  ])('%s → %s', (ipv4, dual) => {
    expect(dualStackHost(ipv4)).toBe(dual)
    // The name it gives is one the parser reads as the same registry.
    const parsed = parseRegistryHost(dual)
    const before = parseRegistryHost(ipv4)
    expect(parsed && 'account' in parsed && before && 'account' in before ? [parsed.account, parsed.region, parsed.partition] : parsed?.kind).toEqual(
      before && 'account' in before ? [before.account, before.region, before.partition] : 'public'
    )
  })

  test.each([
    `${A}.dkr.ecr.cn-north-1.amazonaws.com.cn`,
    `${A}.dkr.ecr.us-iso-east-1.c2s.ic.gov`,
    `${A}.dkr.ecr.us-isob-east-1.sc2s.sgov.gov`,
    `${A}.dkr.ecr.eusc-de-east-1.amazonaws.eu`,
    'registry.example.com',
    ''
  ])('%j has no dual-stack name', host => expect(dualStackHost(host)).toBeUndefined())

  test('a dual-stack image URI keeps its repository and tag; replicas are named the same way', () => {
    expect(onDualStack(`${A}.dkr.ecr.us-east-1.amazonaws.com/team/web:1.0.0`)).toBe(`${A}.dkr-ecr.us-east-1.on.aws/team/web:1.0.0`)
    const dual = parseRegistryHost(`${A}.dkr-ecr.us-east-1.on.aws`)
    if (dual?.kind !== 'private') throw new Error('not private')
    expect(registryInRegion(dual, 'eu-west-1')).toBe(`${A}.dkr-ecr.eu-west-1.on.aws`)
    expect(() => onDualStack(`${A}.dkr.ecr.cn-north-1.amazonaws.com.cn/team/web`)).toThrow('has no dual-stack name: set dual-stack: false.')
  })
})

test('replicaUris: the same repository and tag in each region', () => {
  expect(replicaUris(`${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/team/web:1.2.3`, ['eu-west-1', 'ap-northeast-2'])).toEqual([
    `${ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com/team/web:1.2.3`,
    `${ACCOUNT}.dkr.ecr.ap-northeast-2.amazonaws.com/team/web:1.2.3`
  ])
  expect(replicaUris('public.ecr.aws/a/b:1', ['eu-west-1'])).toEqual([])
})
