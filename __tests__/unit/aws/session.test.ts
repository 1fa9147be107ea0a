/**
 * Sessions that run out: when the role's credentials and the registry's token are renewed,
 * and the ECR client's calls — through the real SDK, signing included, against a local
 * HTTP server that answers as ECR — after the session has run out or been refused.
 */
import http from 'node:http'
import { jest } from '@jest/globals'
import type { AddressInfo } from 'node:net'
import { DescribeRepositoriesCommand } from '@aws-sdk/client-ecr'
import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import { mockClient } from 'aws-sdk-client-mock'
import { createEcrClient } from '../../../src/aws/clients.js'
import { Renewable, renewalTime, RENEWAL_MARGIN_MS } from '../../../src/aws/session.js'
import { signIn } from '../../../src/aws/sign-in.js'
import type { Settings } from '../../../src/settings/types.js'

const T0 = Date.parse('2030-01-01T00:00:00Z')

const at = (ms: number): Date => new Date(T0 + ms)

describe('renewalTime', () => {
  test.each([
    ['a one-hour session: 5 minutes before it ends', 3600_000, 3600_000 - RENEWAL_MARGIN_MS],
    ['a 15-minute session (STS minimum): a quarter before it ends', 900_000, 900_000 - 225_000],
    ['a 20-second session: 5 seconds before it ends', 20_000, 15_000],
    ["ECR's 12-hour token: 5 minutes before it ends", 12 * 3600_000, 12 * 3600_000 - RENEWAL_MARGIN_MS]
  ])('%s', (_, lifetime, due) => {
    expect(renewalTime(at(lifetime), T0)).toBe(T0 + due)
  })

  test('no expiration, or one already past when it came (a clock that is off): never before a refusal', () => {
    expect(renewalTime(undefined, T0)).toBe(Infinity)
    expect(renewalTime(at(0), T0)).toBe(Infinity)
    // moto's GetAuthorizationToken answers 2015-01-01.
    expect(renewalTime(new Date('2015-01-01T00:00:00Z'), T0)).toBe(Infinity)
  })
})

describe('Renewable', () => {
  function clocked(lifetimes: number[]) {
    let now = T0
    let issued = 0
    const log: string[] = []
    const renewable = new Renewable(
      'the thing',
      { id: 0, expiration: at(lifetimes[0] ?? 0) },
      async () => {
        issued++
        return { id: issued, expiration: new Date(now + (lifetimes[issued] ?? 3600_000)) }
      },
      { now: () => now, log: line => void log.push(line) }
    )
    return { renewable, log, advance: (ms: number) => (now += ms), issued: () => issued }
  }

  test('held until it is due, then renewed once; the log says when the old one ended and the new one ends', async () => {
    const { renewable, log, advance, issued } = clocked([3600_000, 3600_000])
    advance(3600_000 - RENEWAL_MARGIN_MS - 1)
    expect((await renewable.get()).id).toBe(0)
    expect(issued()).toBe(0)
    advance(1)
    expect((await renewable.get()).id).toBe(1)
    expect((await renewable.get()).id).toBe(1)
    expect(issued()).toBe(1)
    expect(renewable.renewals).toBe(1)
    expect(log).toEqual(['Renewed the thing (it expires at 2030-01-01T01:00:00.000Z); the new one lasts until 2030-01-01T01:55:00.000Z.'])
  })

  test('asked for together when due: one renewal for all', async () => {
    const { renewable, advance, issued } = clocked([60_000])
    advance(60_000)
    const got = await Promise.all([renewable.get(), renewable.get(), renewable.get(true)])
    expect(got.map(c => c.id)).toEqual([1, 1, 1])
    expect(issued()).toBe(1)
  })

  test('forced (refused as expired): renewed though not due', async () => {
    const { renewable, log } = clocked([3600_000])
    expect((await renewable.get(true)).id).toBe(1)
    expect(log[0]).toMatch(/^Renewed the thing \(AWS refused it as expired\)/)
  })

  test("a failed renewal is the caller's error, and the next call tries again", async () => {
    let fail = true
    let now = T0
    const renewable = new Renewable(
      'the thing',
      { expiration: at(1000) },
      async () => {
        if (fail) throw new Error('STS is down')
        return { expiration: new Date(now + 3600_000) }
      },
      { now: () => now }
    )
    now += 1000
    await expect(renewable.get()).rejects.toThrow('STS is down')
    fail = false
    await expect(renewable.get()).resolves.toEqual({ expiration: new Date(now + 3600_000) })
  })
})

/** A local server that answers as ECR: refuses keys it has been told are expired, and records the key each call was signed with. */
async function fakeEcr(): Promise<{ url: string; expired: Set<string>; calls: { operation: string; key: string; refused: boolean }[]; close: () => Promise<void> }> {
  const expired = new Set<string>()
  const calls: { operation: string; key: string; refused: boolean }[] = []
  const server = http.createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      const key = /Credential=([^/]+)\//.exec(String(req.headers.authorization))?.[1] ?? ''
      const operation = String(req.headers['x-amz-target']).split('.')[1] ?? ''
      const refused = expired.has(key)
      calls.push({ operation, key, refused })
      if (refused) {
        res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': 'ExpiredTokenException' })
        res.end(JSON.stringify({ __type: 'ExpiredTokenException', message: 'The security token included in the request is expired' }))
        return
      }
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' })
      res.end(JSON.stringify({ repositories: [] }))
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    expired,
    calls,
    close: () => new Promise(resolve => server.close(() => resolve()))
  }
}

describe("the ECR client with the role's session, through the SDK", () => {
  const sts = mockClient(STSClient)
  const aws: Settings['aws'] = {
    region: 'us-east-1',
    roleToAssume: 'arn:aws:iam::123456789012:role/push',
    audience: 'sts.amazonaws.com',
    roleSessionName: 'GitHubActions',
    roleDurationSeconds: 3600,
    exportCredentials: false,
    dualStack: false
  }
  const env = { ACTIONS_ID_TOKEN_REQUEST_URL: 'http://t', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'r' }
  let ecr: Awaited<ReturnType<typeof fakeEcr>>
  let tokens: number
  let masked: string[]
  let now: number

  beforeEach(async () => {
    ecr = await fakeEcr()
    process.env.AWS_ENDPOINT_URL_ECR = ecr.url
    tokens = 0
    masked = []
    now = Date.now()
    // One clock for the SDK's cache of credentials and the action's renewal.
    jest.spyOn(Date, 'now').mockImplementation(() => now)
    sts.reset()
  })
  afterEach(async () => {
    jest.restoreAllMocks()
    delete process.env.AWS_ENDPOINT_URL_ECR
    await ecr.close()
  })
  afterAll(() => sts.restore())

  /** STS hands out ASIA1, ASIA2 … each lasting `lifetimes[n]` ms from the (test's) clock. */
  function stsAnswers(...lifetimes: number[]): void {
    let n = 0
    sts.on(AssumeRoleWithWebIdentityCommand).callsFake(() => {
      n++
      return { Credentials: { AccessKeyId: `ASIA${n}`, SecretAccessKey: `secret-${n}`, SessionToken: `session-${n}`, Expiration: new Date(now + (lifetimes[n - 1] ?? 3600_000)) } }
    })
  }
  const session = () => signIn(aws, { env, getIDToken: async () => `oidc-${++tokens}`, setSecret: v => void masked.push(v), sleep: async () => undefined })

  test('a call after the session is due: signed in again (a fresh OIDC token) before it is sent; none refused', async () => {
    stsAnswers(3600_000, 3600_000)
    const client = createEcrClient(await session())
    await client.send(new DescribeRepositoriesCommand({}))
    now += 3600_000 // a long build
    ecr.expired.add('ASIA1')
    await client.send(new DescribeRepositoriesCommand({}))
    expect(ecr.calls.map(c => [c.key, c.refused])).toEqual([
      ['ASIA1', false],
      ['ASIA2', false]
    ])
    expect(sts.commandCalls(AssumeRoleWithWebIdentityCommand).map(c => c.args[0].input.WebIdentityToken)).toEqual(['oidc-1', 'oidc-2'])
    expect(masked).toEqual(expect.arrayContaining(['oidc-2', 'ASIA2', 'secret-2', 'session-2']))
  })

  test('a 20-second session is not renewed at every call, only once due', async () => {
    stsAnswers(20_000, 3600_000)
    const client = createEcrClient(await session())
    for (let i = 0; i < 5; i++) await client.send(new DescribeRepositoriesCommand({}))
    expect(sts.commandCalls(AssumeRoleWithWebIdentityCommand)).toHaveLength(1)
    now += 16_000
    await client.send(new DescribeRepositoriesCommand({}))
    expect(sts.commandCalls(AssumeRoleWithWebIdentityCommand)).toHaveLength(2)
    expect(ecr.calls.map(c => c.key)).toEqual(['ASIA1', 'ASIA1', 'ASIA1', 'ASIA1', 'ASIA1', 'ASIA2'])
  })

  test('refused as expired though not due (a clock that is off): signed in again, the call sent once more with the new key', async () => {
    stsAnswers(3600_000, 3600_000)
    const client = createEcrClient(await session())
    await client.send(new DescribeRepositoriesCommand({}))
    ecr.expired.add('ASIA1')
    await client.send(new DescribeRepositoriesCommand({}))
    expect(ecr.calls.map(c => [c.key, c.refused])).toEqual([
      ['ASIA1', false],
      ['ASIA1', true],
      ['ASIA2', false]
    ])
    expect(sts.commandCalls(AssumeRoleWithWebIdentityCommand)).toHaveLength(2)
  })

  test('calls refused together: one sign-in for all of them', async () => {
    stsAnswers(3600_000, 3600_000, 3600_000)
    const client = createEcrClient(await session())
    ecr.expired.add('ASIA1')
    await Promise.all([1, 2, 3].map(() => client.send(new DescribeRepositoriesCommand({}))))
    expect(sts.commandCalls(AssumeRoleWithWebIdentityCommand)).toHaveLength(2)
    expect(ecr.calls.filter(c => !c.refused).map(c => c.key)).toEqual(['ASIA2', 'ASIA2', 'ASIA2'])
  })

  test('refused again with the new key: the call fails with ExpiredTokenException, after one sign-in', async () => {
    stsAnswers(3600_000, 3600_000)
    const client = createEcrClient(await session())
    ecr.expired.add('ASIA1').add('ASIA2')
    await expect(client.send(new DescribeRepositoriesCommand({}))).rejects.toMatchObject({ name: 'ExpiredTokenException', iamAction: 'ecr:DescribeRepositories' })
    expect(ecr.calls).toHaveLength(2)
    expect(sts.commandCalls(AssumeRoleWithWebIdentityCommand)).toHaveLength(2)
  })

  test("without a role: the SDK's own credentials, no sign-in, a refusal is the call's error", async () => {
    process.env.AWS_ACCESS_KEY_ID = 'AKIAJOB'
    process.env.AWS_SECRET_ACCESS_KEY = 'job-secret'
    try {
      const client = createEcrClient(
        await signIn({ region: aws.region, audience: aws.audience, roleSessionName: aws.roleSessionName, roleDurationSeconds: 3600, exportCredentials: false, dualStack: false })
      )
      await client.send(new DescribeRepositoriesCommand({}))
      ecr.expired.add('AKIAJOB')
      await expect(client.send(new DescribeRepositoriesCommand({}))).rejects.toMatchObject({ name: 'ExpiredTokenException' })
      expect(ecr.calls.map(c => c.key)).toEqual(['AKIAJOB', 'AKIAJOB'])
      expect(sts.commandCalls(AssumeRoleWithWebIdentityCommand)).toHaveLength(0)
    } finally {
      delete process.env.AWS_ACCESS_KEY_ID
      delete process.env.AWS_SECRET_ACCESS_KEY
    }
  })
})
