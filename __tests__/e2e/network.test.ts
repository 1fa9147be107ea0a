/**
 * The bundled action on the local stack when the network misbehaves: AWS calls the stack's
 * proxy accepts and never answers (the `hang` fault), a scan poll that hangs past
 * scan-timeout, a registry certificate the runner doesn't trust, and a job behind a forward
 * proxy (from the environment, bypassed by no-proxy, and given by http-proxy with
 * credentials).
 */
import { writeFileSync } from 'node:fs'
import { jest } from '@jest/globals'
import { errorLine, runAction, visibleLog, type RunResult } from '../../scripts/local-runner.mjs'
import {
  AWS_HOST_URL,
  awsCalls,
  injectAwsFault,
  jobEnv,
  makeWorkspace,
  OIDC_HOST_URL,
  PROXY_URL,
  proxyLog,
  REGISTRY,
  registryCalls,
  registryManifest,
  requireProxyAuth,
  resetCalls,
  resetFaults,
  resetProxyLog,
  resetStack,
  ROLE,
  type AwsCall,
  type ProxyRequest
} from './stack.js'

// Real builds (some under QEMU), and calls held for the 20 s of the response bound.
jest.setTimeout(10 * 60 * 1000)

let workspace: string

const ship = (inputs: Record<string, string>, extraEnv: Record<string, string | undefined> = {}): Promise<RunResult> =>
  runAction({ inputs: { 'role-to-assume': ROLE, 'aws-region': 'us-east-1', ...inputs }, env: jobEnv(extraEnv), workspace, post: true })

function expectSuccess(result: RunResult): void {
  if (result.exitCode !== 0) throw new Error(`the action failed:\n${result.log}`)
  expect(result.post?.exitCode).toBe(0)
}

const show = (what: string, lines: string[]): void => console.log(`${what}\n${lines.map(l => `  ${l}`).join('\n')}`)
const callLine = (c: AwsCall, t0: number): string =>
  `${c.service} ${c.operation} at +${((c.at - t0) / 1000).toFixed(1)} s, ${c.answeredAt === undefined ? 'never answered' : `answered at +${((c.answeredAt - t0) / 1000).toFixed(1)} s`}`
const proxyLine = (r: ProxyRequest): string => `${r.method} ${r.host}:${r.port}${r.user ? ` user=${r.user}` : ''}${r.refused ? ` refused=${r.refused}` : ''}`

beforeAll(() => {
  resetStack()
  workspace = makeWorkspace('network')
})
afterEach(async () => {
  await resetFaults()
  await requireProxyAuth()
})

describe('an AWS call that is accepted and never answered', () => {
  test('STS, DescribeRepositories and GetAuthorizationToken each hang once: each is cut off at the response bound and tried again, and the run succeeds', async () => {
    await resetCalls()
    await injectAwsFault({ operation: 'AssumeRoleWithWebIdentity', kind: 'hang', count: 1 })
    await injectAwsFault({ operation: 'DescribeRepositories', kind: 'hang', count: 1, service: 'ecr' })
    await injectAwsFault({ operation: 'GetAuthorizationToken', kind: 'hang', count: 1, service: 'ecr' })
    const result = await ship({ repository: 'net/hang', version: '1.0.0' })
    expectSuccess(result)

    const calls = await awsCalls()
    const t0 = calls[0]?.at ?? 0
    show(
      'AWS calls of the run (the stack records each as it arrives):',
      calls.map(c => callLine(c, t0))
    )
    for (const operation of ['AssumeRoleWithWebIdentity', 'DescribeRepositories', 'GetAuthorizationToken']) {
      const tries = calls.filter(c => c.operation === operation)
      expect(tries.length).toBeGreaterThanOrEqual(2)
      expect(tries[0]?.answeredAt).toBeUndefined()
      expect(tries[1]?.answeredAt).toBeDefined()
      // The next try went out once the first had waited out the response bound (20 s), not before.
      expect((tries[1]?.at ?? 0) - (tries[0]?.at ?? 0)).toBeGreaterThanOrEqual(19_000)
    }
    expect(visibleLog(result.log)).toMatch(/AssumeRoleWithWebIdentity failed \(.*20000 ms requestTimeout.*\); trying again in \d+(?:\.\d)?s \(2 of 6\)\./)
    expect((await registryManifest('net/hang', '1.0.0')).digest).toBe(result.outputs.digest)
  })

  test('a scan poll that hangs is bounded by scan-timeout: the gate fails with its message, long before the call would have been cut off', async () => {
    await injectAwsFault({ operation: 'DescribeImageScanFindings', kind: 'hang', count: 20, service: 'ecr' })
    await resetCalls()
    const result = await ship({ repository: 'net/hang', version: '1.0.1', 'scan-fail-on': 'HIGH', 'scan-timeout': '10' })
    const ended = Date.now()
    expect(result.exitCode).toBe(1)
    const error = errorLine(result.log)
    console.log(`the run's error: ${error}`)
    expect(error).toMatch(/^ECR's scan of linux\/(amd64|arm64) sha256:[0-9a-f]{12}… had no answer from ECR after 1\d s: run the job again later, or raise scan-timeout \(now 10 s\)\.$/)
    const polls = (await awsCalls()).filter(c => c.operation === 'DescribeImageScanFindings')
    expect(polls.length).toBeGreaterThanOrEqual(1)
    expect(polls.every(p => p.answeredAt === undefined)).toBe(true)
    // scan-timeout (10 s), not the response bound (20 s), ended the wait.
    const waited = ended - Math.min(...polls.map(p => p.at))
    console.log(`from the first poll to the end of the step: ${(waited / 1000).toFixed(1)} s`)
    expect(waited).toBeLessThan(20_000)
    // The image was pushed: only the gate failed.
    expect((await registryManifest('net/hang', '1.0.1')).digest).toMatch(/^sha256:/)
  })
})

describe('a registry certificate the runner does not trust', () => {
  test.each([
    ['NODE_EXTRA_CA_CERTS unset', undefined],
    ['NODE_EXTRA_CA_CERTS naming another CA', 'other']
  ])('%s: the run fails at once, naming the host, the self-signed certificate and NODE_EXTRA_CA_CERTS; nothing tried again, nothing built', async (_what, ca) => {
    let caFile: string | undefined
    if (ca !== undefined) {
      // A CA of its own, not the stack's: the registry's certificate is still unknown.
      caFile = `${makeWorkspace('ca')}/other-ca.pem`
      const { selfSigned } = await import('../fixtures/tls.js')
      writeFileSync(caFile, selfSigned('other-ca.test').cert)
    }
    await resetCalls()
    const result = await ship({ repository: 'net/untrusted', version: '1.0.0' }, { NODE_EXTRA_CA_CERTS: caFile })
    expect(result.exitCode).toBe(1)
    const error = errorLine(result.log)
    console.log(`the run's error (${_what}), after ${result.seconds.toFixed(1)} s: ${error}`)
    expect(error).toBe(
      `The TLS certificate of ${REGISTRY} is self-signed, and this runner doesn't trust it (DEPTH_ZERO_SELF_SIGNED_CERT): if the host uses a private CA (or a TLS-inspecting proxy sits in between), ` +
        `give the job NODE_EXTRA_CA_CERTS=<that CA's certificate, PEM> (docker needs it too, in /etc/docker/certs.d/${REGISTRY}/ca.crt).`
    )
    expect(result.log).not.toMatch(/trying again/)
    expect(result.log).not.toMatch(/\[command\]\S*(docker buildx|docker-buildx) build /)
    // The handshake failed: no request reached the registry.
    expect(await registryCalls()).toEqual([])
    expect(result.post?.exitCode).toBe(0)
  })
})

describe('a job behind a forward proxy', () => {
  const behindProxy = { HTTPS_PROXY: PROXY_URL, HTTP_PROXY: PROXY_URL, AWS_ENDPOINT_URL: AWS_HOST_URL, ACTIONS_ID_TOKEN_REQUEST_URL: OIDC_HOST_URL }
  const byTarget = (log: ProxyRequest[]) => [...new Set(log.map(r => `${r.method} ${r.host}:${r.port}`))].sort()

  test('HTTPS_PROXY and HTTP_PROXY: the OIDC request, every AWS call and the registry API go through the proxy', async () => {
    await resetProxyLog()
    await resetCalls()
    const result = await ship({ repository: 'net/proxied', version: '1.0.0' }, behindProxy)
    expectSuccess(result)
    const log = await proxyLog()
    show('the proxy log (HTTPS_PROXY / HTTP_PROXY):', log.map(proxyLine))
    expect(byTarget(log)).toEqual(['CONNECT 123456789012.dkr.ecr.us-east-1.amazonaws.com:443', 'GET oidc.stack.test:4580', 'POST aws.stack.test:4566'])
    // Every AWS call the stack saw came through the proxy.
    expect(log.filter(r => r.host === 'aws.stack.test')).toHaveLength((await awsCalls()).length)
    expect(log.some(r => r.refused !== undefined)).toBe(false)
    expect(visibleLog(result.log)).toContain(`go through the proxy ${PROXY_URL}, from the environment`)
  })

  test('no-proxy naming those hosts: none of them goes through the proxy', async () => {
    await resetProxyLog()
    const result = await ship({ repository: 'net/proxied', version: '1.0.1', 'no-proxy': 'aws.stack.test, oidc.stack.test, .amazonaws.com' }, behindProxy)
    expectSuccess(result)
    const log = await proxyLog()
    show('the proxy log (no-proxy: aws.stack.test, oidc.stack.test, .amazonaws.com):', log.length > 0 ? log.map(proxyLine) : ['(empty)'])
    expect(log).toEqual([])
  })

  test('http-proxy with credentials wins over the environment: every request carries the user, and the password is in no log line or output', async () => {
    const password = 'pr0xy-S3cret-9f2c'
    await requireProxyAuth({ user: 'alice', password })
    await resetProxyLog()
    const result = await ship(
      { repository: 'net/proxied', version: '1.0.2', 'http-proxy': PROXY_URL.replace('http://', `http://alice:${password}@`) },
      // The environment names a proxy that is not there: the input must win.
      { ...behindProxy, HTTPS_PROXY: 'http://127.0.0.1:9', HTTP_PROXY: 'http://127.0.0.1:9' }
    )
    expectSuccess(result)
    const log = await proxyLog()
    show('the proxy log (http-proxy with credentials):', log.map(proxyLine))
    expect(byTarget(log)).toEqual(['CONNECT 123456789012.dkr.ecr.us-east-1.amazonaws.com:443', 'GET oidc.stack.test:4580', 'POST aws.stack.test:4566'])
    expect(log.every(r => r.user === 'alice' && r.refused === undefined)).toBe(true)
    expect(result.masked).toContain(password)
    for (const text of [visibleLog(result.log), visibleLog(result.post?.log ?? ''), result.summary, JSON.stringify(result.outputs), JSON.stringify(result.state)]) {
      expect(text).not.toContain(password)
    }
    expect(visibleLog(result.log)).toContain(`go through the proxy http://***@${PROXY_URL.replace('http://', '')}, from http-proxy`)
  })

  test('a bad http-proxy fails before any AWS call, naming the input', async () => {
    await resetCalls()
    const result = await ship({ repository: 'net/proxied', version: '1.0.3', 'http-proxy': 'socks5://alice:hunter2@proxy:1080' })
    expect(result.exitCode).toBe(1)
    expect(errorLine(result.log)).toBe("Input 'http-proxy': 'socks5://***@proxy:1080' is not a proxy URL: use http://host:port, or http://user:password@host:port.")
    expect(result.log).not.toContain('hunter2')
    expect(await awsCalls()).toEqual([])
  })
})
