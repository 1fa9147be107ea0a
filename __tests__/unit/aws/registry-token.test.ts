/**
 * Dual-stack: the `dual-stack` input (by default AWS_USE_DUALSTACK_ENDPOINT), the SDK's
 * switch (an explicit endpoint wins), and the registry's dual-stack name per partition,
 * derived from the IPv4 name GetAuthorizationToken and the repository give.
 */
import { GetAuthorizationTokenCommand, ECRClient } from '@aws-sdk/client-ecr'
import { mockClient } from 'aws-sdk-client-mock'
import { sdkConfig, useDualstack } from '../../../src/aws/clients.js'
import { getRegistryCredentials, onDualStack } from '../../../src/aws/registry-token.js'
import { InputError } from '../../../src/errors.js'
import { dualStackHost, parseRegistryHost, registryInRegion } from '../../../src/settings/registry-host.js'
import { readSettings } from '../../../src/settings/read.js'
import { makeWorkspace, stepEnv, type TempWorkspace } from '../../fixtures/workspace.js'

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

  test.each([`${A}.dkr.ecr.cn-north-1.amazonaws.com.cn`, `${A}.dkr.ecr.us-iso-east-1.c2s.ic.gov`, `${A}.dkr.ecr.us-isob-east-1.sc2s.sgov.gov`, `${A}.dkr.ecr.eusc-de-east-1.amazonaws.eu`, 'registry.example.com', ''])(
    '%j has no dual-stack name',
    host => expect(dualStackHost(host)).toBeUndefined()
  )

  test('a dual-stack image URI keeps its repository and tag; replicas are named the same way', () => {
    expect(onDualStack(`${A}.dkr.ecr.us-east-1.amazonaws.com/team/web:1.0.0`)).toBe(`${A}.dkr-ecr.us-east-1.on.aws/team/web:1.0.0`)
    const dual = parseRegistryHost(`${A}.dkr-ecr.us-east-1.on.aws`)
    if (dual?.kind !== 'private') throw new Error('not private')
    expect(registryInRegion(dual, 'eu-west-1')).toBe(`${A}.dkr-ecr.eu-west-1.on.aws`)
    expect(() => onDualStack(`${A}.dkr.ecr.cn-north-1.amazonaws.com.cn/team/web`)).toThrow('has no dual-stack name: set dual-stack: false.')
  })
})

describe("GetAuthorizationToken's proxyEndpoint is the IPv4 name", () => {
  const ecrMock = mockClient(ECRClient)
  afterAll(() => ecrMock.restore())
  test('with dual-stack the login goes to the dual-stack name; without, to proxyEndpoint', async () => {
    ecrMock.on(GetAuthorizationTokenCommand).resolves({
      authorizationData: [{ authorizationToken: Buffer.from('AWS:pw').toString('base64'), proxyEndpoint: `https://${A}.dkr.ecr.us-east-1.amazonaws.com` }]
    })
    const ecr = new ECRClient({ region: 'us-east-1' })
    expect((await getRegistryCredentials(ecr, () => {}, true)).registry).toBe(`${A}.dkr-ecr.us-east-1.on.aws`)
    expect((await getRegistryCredentials(ecr, () => {}, false)).registry).toBe(`${A}.dkr.ecr.us-east-1.amazonaws.com`)
  })
})

describe("the SDK's switch", () => {
  test.each<[string, boolean, Record<string, string>, boolean]>([
    ['on', true, {}, true],
    ['off', false, {}, false],
    ['an explicit AWS_ENDPOINT_URL wins', true, { AWS_ENDPOINT_URL: 'http://127.0.0.1:4566' }, false],
    ["the service's own endpoint wins", true, { AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:4566' }, false],
    ["another service's endpoint does not", true, { AWS_ENDPOINT_URL_ECR: 'http://127.0.0.1:4566' }, true]
  ])('%s', (_, dualStack, env, expected) => {
    expect(useDualstack({ dualStack }, 'STS', env)).toBe(expected)
  })

  test('the config every client gets always sets it, so the SDK does not read AWS_USE_DUALSTACK_ENDPOINT over an explicit endpoint', () => {
    expect(sdkConfig({ region: 'us-east-1' }, 'ECR').useDualstackEndpoint).toBe(false)
  })
})

describe('the dual-stack input', () => {
  let ws: TempWorkspace
  beforeAll(() => {
    ws = makeWorkspace('dual-stack')
    ws.write('Dockerfile', 'FROM scratch\n')
  })
  afterAll(() => ws.remove())
  const read = (inputs: Record<string, string>, extra: Record<string, string | undefined> = {}) => readSettings(stepEnv(ws.dir, { repository: 'team/web', ...inputs }, extra)).aws.dualStack

  test('defaults to AWS_USE_DUALSTACK_ENDPOINT; the input wins over it', () => {
    expect(read({})).toBe(false)
    expect(read({}, { AWS_USE_DUALSTACK_ENDPOINT: 'true' })).toBe(true)
    expect(read({ 'dual-stack': 'false' }, { AWS_USE_DUALSTACK_ENDPOINT: 'true' })).toBe(false)
    expect(read({ 'dual-stack': 'true' })).toBe(true)
  })

  test.each<[Record<string, string>, Record<string, string>, string]>([
    [{ 'dual-stack': 'true', 'aws-region': 'cn-north-1' }, {}, 'dual-stack: true, but ECR has no dual-stack endpoints in cn-north-1 (partition aws-cn): set dual-stack: false.'],
    [{ 'aws-region': 'us-iso-east-1' }, { AWS_USE_DUALSTACK_ENDPOINT: 'true' }, 'AWS_USE_DUALSTACK_ENDPOINT=true, but ECR has no dual-stack endpoints in us-iso-east-1 (partition aws-iso): set dual-stack: false.'],
    [{ 'dual-stack': 'maybe' }, {}, 'dual-stack']
  ])('%j %j is refused in one line', (inputs, extra, message) => {
    let error: unknown
    try {
      read(inputs, extra)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(InputError)
    expect((error as Error).message).toContain(message)
    expect((error as Error).message).not.toContain('\n')
  })
})
