/**
 * The registry's token: GetAuthorizationToken (its IPv4 proxyEndpoint, the dual-stack name
 * when asked for), ECR Public's token decoded and masked, and when a token is renewed.
 */
import { GetAuthorizationTokenCommand, ECRClient } from '@aws-sdk/client-ecr'
import { mockClient } from 'aws-sdk-client-mock'
import { ECRPUBLICClient, GetAuthorizationTokenCommand as GetPublicAuthorizationTokenCommand } from '@aws-sdk/client-ecr-public'
import type { AwsCredentialIdentity } from '@aws-sdk/types'
import { getRegistryCredentials, getPublicRegistryCredentials, registryToken } from '../../../src/aws/registry-token.js'
import { createPublicClient, type PublicClient } from '../../../src/aws/public-repository.js'
import { Renewable, RENEWAL_MARGIN_MS } from '../../../src/aws/session.js'
import { makeWorkspace, type TempWorkspace } from '../../fixtures/workspace.js'
import { RegistryClient } from '../../../src/registry/client.js'
import type { HttpTransport } from '../../../src/network/http.js'

const A = '123456789012'

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

describe('ECR Public', () => {
  const mock = mockClient(ECRPUBLICClient)

  let pub: PublicClient

  let ws: TempWorkspace

  beforeAll(async () => {
    ws = makeWorkspace()
    pub = await createPublicClient({
      region: 'eu-west-1',
      credentials: new Renewable<AwsCredentialIdentity>('the session', { accessKeyId: 'AKIA', secretAccessKey: 'x' }, async () => ({ accessKeyId: 'AKIA', secretAccessKey: 'x' }))
    })
  })

  afterAll(() => {
    ws.remove()
    mock.restore()
  })

  beforeEach(() => mock.reset())

  test('the login token is decoded and both it and the password are masked', async () => {
    const token = Buffer.from('AWS:public-password').toString('base64')
    mock.on(GetPublicAuthorizationTokenCommand).resolves({ authorizationData: { authorizationToken: token } })
    const masked: string[] = []
    expect(await getPublicRegistryCredentials(pub, (v: string) => masked.push(v))).toEqual({ registry: 'public.ecr.aws', username: 'AWS', password: 'public-password' })
    expect(masked).toEqual([token, 'public-password'])
  })
})

describe("the registry's token", () => {
  // Made here, not when the file loads: a mock of ECRClient replaces every client's send, the ones above included.
  let ecrMock: ReturnType<typeof mockClient>
  beforeAll(() => {
    ecrMock = mockClient(ECRClient)
  })
  afterAll(() => ecrMock.restore())
  beforeEach(() => ecrMock.reset())

  const tokenAnswer = (password: string, expiresAt: Date) => ({
    authorizationData: [{ authorizationToken: Buffer.from(`AWS:${password}`).toString('base64'), expiresAt, proxyEndpoint: 'https://123456789012.dkr.ecr.us-east-1.amazonaws.com' }]
  })

  test("renewed from ECR when due: the registry client's requests carry the new password", async () => {
    const realNow = Date.now
    let now = realNow()
    Date.now = () => now
    try {
      ecrMock
        .on(GetAuthorizationTokenCommand)
        .resolvesOnce(tokenAnswer('first', new Date(now + 12 * 3600_000)))
        .resolves(tokenAnswer('second', new Date(now + 25 * 3600_000)))
      const ecr = new ECRClient({ region: 'us-east-1' })
      const token = await registryToken(() => getRegistryCredentials(ecr, () => undefined))
      const sent: string[] = []
      const transport: HttpTransport = async (_url, init = {}) => {
        sent.push(Buffer.from(String(init.headers?.authorization).replace(/^Basic /, ''), 'base64').toString())
        return { status: 404, ok: false, headers: { get: () => null }, text: async () => '', json: async () => ({}), arrayBuffer: async () => new ArrayBuffer(0) }
      }
      const client = new RegistryClient(token, undefined, transport)
      await client.manifest('team/web', '1.0.0')
      now += 12 * 3600_000 - RENEWAL_MARGIN_MS // a very long build
      await client.manifest('team/web', '1.0.0')
      await client.manifest('team/web', '1.0.0')
      expect(sent).toEqual(['AWS:first', 'AWS:second', 'AWS:second'])
      expect(ecrMock.commandCalls(GetAuthorizationTokenCommand)).toHaveLength(2)
      expect(token.current.expiration).toEqual(new Date(now - (12 * 3600_000 - RENEWAL_MARGIN_MS) + 25 * 3600_000))
    } finally {
      Date.now = realNow
    }
  })

  test('an expiresAt already past when given (the emulator answers 2015): kept, never asked for again', async () => {
    ecrMock.on(GetAuthorizationTokenCommand).resolves(tokenAnswer('only', new Date('2015-01-01T00:00:00Z')))
    const token = await registryToken(() => getRegistryCredentials(new ECRClient({ region: 'us-east-1' }), () => undefined))
    for (let i = 0; i < 3; i++) expect((await token.get()).password).toBe('only')
    expect(ecrMock.commandCalls(GetAuthorizationTokenCommand)).toHaveLength(1)
  })
})
