/**
 * The AWS clients' network, with the real SDK clients against local servers: an answer
 * that never comes is cut off by the request handler's bounds and retried by the SDK's strategy
 * (by the sign-in's own retry for STS), a certificate the runner refuses is explained at once
 * and not retried, a 4xx is not retried, calls go through the proxy, the scan gate's deadline
 * aborts a poll that hangs, the dual-stack switch, and no AWS write after the run's cancel.
 */
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import { BatchDeleteImageCommand, BatchGetImageCommand, DescribeRepositoriesCommand, ECRClient, PutLifecyclePolicyCommand, TagResourceCommand } from '@aws-sdk/client-ecr'
import type { AwsCredentialIdentity } from '@aws-sdk/types'
import { createEcrClient, sdkConfig, tagIamActions, withSession, useDualstack } from '../../../src/aws/clients.js'
import { createPublicClient } from '../../../src/aws/public-repository.js'
import { Renewable } from '../../../src/aws/session.js'
import { waitForScans } from '../../../src/aws/scan-gate.js'
import { signIn } from '../../../src/aws/sign-in.js'
import { ActionError, CancelledError } from '../../../src/errors.js'
import { DEFAULT_TIMEOUTS, DIRECT_NETWORK, networkSettings, type NetworkSettings } from '../../../src/network/agents.js'
import { isTransient } from '../../../src/retry.js'
import type { ProxyConfig, Settings } from '../../../src/settings/types.js'
import { startProxy } from '../../fixtures/fake-proxy.js'
import { selfSigned } from '../../fixtures/tls.js'
import { answeringServer } from '../../fixtures/answering-server.js'

const DIRECT: ProxyConfig = { https: '', http: '', noProxy: [], source: '' }

const SHORT = { connect: 1000, awsResponse: 400, response: 400, idle: 2000 }

const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }

const REPOSITORIES = JSON.stringify({ repositories: [{ repositoryName: 'team/web', repositoryUri: '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web' }] })

const ecrAt = (endpoint: string, network: NetworkSettings = DIRECT_NETWORK) =>
  tagIamActions(
    new ECRClient({ ...sdkConfig({ region: 'us-east-1', credentials: new Renewable<AwsCredentialIdentity>('test credentials', CREDENTIALS, async () => CREDENTIALS), network }, 'ECR'), endpoint }),
    'ecr'
  )

test('an ECR call that gets no answer is cut off at the response bound and retried by the SDK: the run goes on', async () => {
  const network = await networkSettings(DIRECT, { timeouts: SHORT })
  const ecr = await answeringServer(n => (n === 1 ? undefined : { status: 200, body: REPOSITORIES }))
  try {
    const started = Date.now()
    const out = await ecrAt(ecr.base, network).send(new DescribeRepositoriesCommand({ repositoryNames: ['team/web'] }))
    expect(out.repositories?.[0]?.repositoryName).toBe('team/web')
    expect(ecr.requests.map(r => r.target)).toEqual(['AmazonEC2ContainerRegistry_V20150921.DescribeRepositories', 'AmazonEC2ContainerRegistry_V20150921.DescribeRepositories'])
    expect(Date.now() - started).toBeGreaterThanOrEqual(SHORT.awsResponse)
  } finally {
    ecr.close()
  }
})

test('the handler options every client gets: connect and response bounds that throw, an idle bound', () => {
  expect(sdkConfig({ region: 'us-east-1' }, 'ECR').requestHandler).toEqual({
    connectionTimeout: DEFAULT_TIMEOUTS.connect,
    requestTimeout: DEFAULT_TIMEOUTS.awsResponse,
    throwOnRequestTimeout: true,
    socketTimeout: DEFAULT_TIMEOUTS.awsResponse
  })
})

test('a 4xx answer is not retried', async () => {
  const ecr = await answeringServer(() => ({ status: 400, body: JSON.stringify({ __type: 'RepositoryNotFoundException', message: 'no such repository' }) }))
  try {
    await expect(ecrAt(ecr.base).send(new DescribeRepositoriesCommand({ repositoryNames: ['team/web'] }))).rejects.toMatchObject({ name: 'RepositoryNotFoundException' })
    expect(ecr.requests).toHaveLength(1)
  } finally {
    ecr.close()
  }
})

test('an endpoint whose certificate the runner refuses: one try, and one line naming the host and NODE_EXTRA_CA_CERTS', async () => {
  const cert = selfSigned('ecr.test')
  let connections = 0
  const tls = https.createServer({ cert: cert.cert, key: cert.key }, (_req, res) => res.end('{}'))
  tls.on('connection', () => connections++)
  await new Promise<void>(resolve => tls.listen(0, '127.0.0.1', resolve))
  const port = (tls.address() as AddressInfo).port
  try {
    const error = (await ecrAt(`https://127.0.0.1:${port}`)
      .send(new DescribeRepositoriesCommand({}))
      .catch((e: unknown) => e)) as Error
    expect(error).toBeInstanceOf(ActionError)
    expect(error.message).toMatch(
      new RegExp(`^The TLS certificate of 127\\.0\\.0\\.1:${port} is self-signed, and this runner doesn't trust it \\(DEPTH_ZERO_SELF_SIGNED_CERT\\): .*NODE_EXTRA_CA_CERTS`)
    )
    expect(isTransient(error)).toBe(false)
    // One connection: the SDK did not try again.
    await new Promise(resolve => setTimeout(resolve, 200))
    expect(connections).toBe(1)
  } finally {
    tls.close()
  }
})

test('through the proxy: the AWS call goes to the proxy as an absolute URI for the endpoint host', async () => {
  const ecr = await answeringServer(() => ({ status: 200, body: REPOSITORIES }))
  const proxy = await startProxy({ targets: { 'aws.test': ecr.port } })
  try {
    const network = await networkSettings({ https: proxy.url, http: proxy.url, noProxy: [], source: 'test' })
    const out = await ecrAt(`http://aws.test:${ecr.port}`, network).send(new DescribeRepositoriesCommand({}))
    expect(out.repositories).toHaveLength(1)
    expect(proxy.log).toEqual([{ method: 'POST', target: `aws.test:${ecr.port}` }])
  } finally {
    await proxy.close()
    ecr.close()
  }
})

test("the scan gate's deadline aborts a poll that never gets an answer: the gate fails with the scan-timeout message, at once", async () => {
  const ecr = await answeringServer(() => undefined)
  try {
    const started = Date.now()
    const wait = { timeoutSeconds: 10, interval: () => 1000, sleep: async () => undefined, log: () => undefined, now: () => Date.now(), deadline: () => AbortSignal.timeout(300) }
    const gate = waitForScans(ecrAt(ecr.base), 'team/web', [{ platform: 'linux/amd64', digest: `sha256:${'a'.repeat(64)}` }], wait)
    await expect(gate).rejects.toThrow(new ActionError("ECR's scan of linux/amd64 sha256:aaaaaaaaaaaa… had no answer from ECR after 0 s: run the job again later, or raise scan-timeout (now 10 s)."))
    expect(Date.now() - started).toBeLessThan(DEFAULT_TIMEOUTS.awsResponse)
    expect(ecr.requests).toHaveLength(1)
  } finally {
    ecr.close()
  }
})

describe('sign-in', () => {
  const STS_ANSWER = `<AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleWithWebIdentityResult><Credentials><AccessKeyId>ASIAEXAMPLE</AccessKeyId><SecretAccessKey>s3cretKey</SecretAccessKey><SessionToken>sessionTok</SessionToken><Expiration>2030-01-01T00:00:00Z</Expiration></Credentials></AssumeRoleWithWebIdentityResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></AssumeRoleWithWebIdentityResponse>`
  const aws: Settings['aws'] = {
    region: 'us-east-1',
    roleToAssume: 'arn:aws:iam::123456789012:role/push',
    audience: 'sts.amazonaws.com',
    roleSessionName: 'GitHubActions',
    roleDurationSeconds: 3600,
    exportCredentials: false,
    dualStack: false
  }
  const saved = process.env.AWS_ENDPOINT_URL_STS
  afterEach(() => {
    if (saved === undefined) delete process.env.AWS_ENDPOINT_URL_STS
    else process.env.AWS_ENDPOINT_URL_STS = saved
  })

  test('an AssumeRoleWithWebIdentity that gets no answer is cut off and tried again with a fresh token', async () => {
    const network = await networkSettings(DIRECT, { timeouts: SHORT })
    const sts = await answeringServer(n => (n === 1 ? undefined : { status: 200, body: STS_ANSWER, type: 'text/xml' }))
    process.env.AWS_ENDPOINT_URL_STS = sts.base
    const tokens: string[] = []
    try {
      const session = await signIn(aws, {
        env: { ACTIONS_ID_TOKEN_REQUEST_URL: 'http://unused', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'x' },
        getIDToken: async () => {
          tokens.push(`token-${tokens.length + 1}`)
          return tokens[tokens.length - 1] ?? ''
        },
        setSecret: () => undefined,
        sleep: async () => undefined,
        network
      })
      expect(session.credentials?.current.accessKeyId).toBe('ASIAEXAMPLE')
      expect(sts.requests).toHaveLength(2)
      expect(sts.requests.map(r => new URLSearchParams(r.body).get('WebIdentityToken'))).toEqual(['token-1', 'token-2'])
    } finally {
      sts.close()
    }
  })
})

describe("after the run's cancel no AWS write starts", () => {
  const session = (signal: AbortSignal) => ({ region: 'us-east-1', credentials: new Renewable<AwsCredentialIdentity>('test credentials', CREDENTIALS, async () => CREDENTIALS), cancel: signal })
  const POLICY = { repositoryName: 'team/web', lifecyclePolicyText: '{"rules":[]}' }

  test("a write is refused with the cancel's reason before it is sent; a read still goes", async () => {
    const ecr = await answeringServer(() => ({ status: 200, body: '{}' }))
    try {
      const cancel = new AbortController()
      const s = session(cancel.signal)
      const client = tagIamActions(withSession(new ECRClient({ ...sdkConfig(s, 'ECR'), endpoint: ecr.base }), s), 'ecr')
      await client.send(new PutLifecyclePolicyCommand(POLICY))
      const reason = new CancelledError('SIGINT')
      cancel.abort(reason)
      await expect(client.send(new PutLifecyclePolicyCommand(POLICY))).rejects.toBe(reason)
      await expect(client.send(new TagResourceCommand({ resourceArn: 'arn:aws:ecr:us-east-1:123456789012:repository/team/web', tags: [] }))).rejects.toBe(reason)
      await expect(client.send(new BatchDeleteImageCommand({ repositoryName: 'team/web', imageIds: [] }))).rejects.toBe(reason)
      await client.send(new DescribeRepositoriesCommand({}))
      await client.send(new BatchGetImageCommand({ repositoryName: 'team/web', imageIds: [] }))
      expect(ecr.requests.map(r => r.target.replace(/^.*\./, ''))).toEqual(['PutLifecyclePolicy', 'DescribeRepositories', 'BatchGetImage'])
    } finally {
      ecr.close()
    }
  })

  test('a write the SDK is trying again when the cancel comes is not sent again', async () => {
    const cancel = new AbortController()
    // The first try fails with a 500, which the SDK retries; the cancel comes meanwhile.
    const ecr = await answeringServer(n => {
      if (n === 1) setImmediate(() => cancel.abort(new CancelledError('SIGTERM')))
      return { status: 500, body: JSON.stringify({ __type: 'ServerException', message: 'try again' }) }
    })
    try {
      const s = session(cancel.signal)
      const client = withSession(new ECRClient({ ...sdkConfig(s, 'ECR'), endpoint: ecr.base }), s)
      await expect(client.send(new PutLifecyclePolicyCommand(POLICY))).rejects.toBeInstanceOf(CancelledError)
      expect(ecr.requests).toHaveLength(1)
    } finally {
      ecr.close()
    }
  })

  test('the clients the run makes carry the check: ECR and ECR Public, with the session the pipeline gives them', async () => {
    const s = session(new AbortController().signal)
    expect(createEcrClient(s).middlewareStack.identify()).toContainEqual(expect.stringMatching(/^refuseWritesAfterCancel /))
    expect((await createPublicClient(s)).client.middlewareStack.identify()).toContainEqual(expect.stringMatching(/^refuseWritesAfterCancel /))
    expect(createEcrClient({ region: 'us-east-1' }).middlewareStack.identify()).not.toContainEqual(expect.stringMatching(/^refuseWritesAfterCancel /))
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
