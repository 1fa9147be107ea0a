/**
 * The push pipeline (src/pipeline.ts) with its effects replaced: STS and ECR by
 * aws-sdk-client-mock, docker by a recorder that "pushes" to an in-memory registry, the
 * registry client by that registry. What is checked: the order of the stages, the
 * decisions between them (create or reconcile, build, skip or merge, when the builder
 * check runs) and what a failure in each stage reports — and that nothing after it runs.
 */
import { jest } from '@jest/globals'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  CreateRepositoryCommand,
  DescribeRepositoriesCommand,
  ECRClient,
  GetAuthorizationTokenCommand,
  GetLifecyclePolicyCommand,
  LifecyclePolicyNotFoundException,
  PutLifecyclePolicyCommand,
  RepositoryNotFoundException,
  DescribeImagesCommand,
  DescribeImageSigningStatusCommand,
  GetSigningConfigurationCommand,
  SigningConfigurationNotFoundException
} from '@aws-sdk/client-ecr'
import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import { mockClient } from 'aws-sdk-client-mock'
import { CancelledError } from '../../src/errors.js'
import { failureMessage } from '../../src/main.js'
import { pushPipeline, type PipelineDeps } from '../../src/pipeline.js'
import { formatLifecyclePolicy } from '../../src/settings/lifecycle-policy.js'
import { readSettings } from '../../src/settings/read.js'
import type { RetryPolicy } from '../../src/retry.js'
import { ActionError } from '../../src/errors.js'
import { RegistryClient } from '../../src/registry/client.js'
import type { HttpTransport } from '../../src/network/http.js'
import { DIRECT_NETWORK } from '../../src/network/agents.js'
import { registryDocker, FakeRegistry } from '../fixtures/fake-registry.js'
import type { DockerCall } from '../fixtures/docker.js'
import { makeWorkspace, SHA, stepEnv, type TempWorkspace } from '../fixtures/workspace.js'

const HOST = '123456789012.dkr.ecr.us-east-1.amazonaws.com'
const ROLE = 'arn:aws:iam::123456789012:role/github-push'
const OTHER_SHA = 'fedcba9876543210fedcba9876543210fedcba98'

const sts = mockClient(STSClient)
const ecr = mockClient(ECRClient)
const noRetry: RetryPolicy = { attempts: 1, delay: () => 0, sleep: async () => undefined, log: () => undefined }

let ws: TempWorkspace
let files: string
let groups: string[]
let stdout: ReturnType<typeof jest.spyOn>

beforeAll(() => {
  ws = makeWorkspace()
  // One folder for the whole file: @actions/core keeps the summary file's path once it has used it.
  files = mkdtempSync(path.join(os.tmpdir(), 'pipeline-test-'))
})
afterAll(() => {
  ws.remove()
  rmSync(files, { recursive: true, force: true })
  sts.restore()
  ecr.restore()
})

beforeEach(() => {
  sts.reset()
  ecr.reset()
  rmSync(path.join(files, 'docker'), { recursive: true, force: true })
  for (const name of ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY']) {
    process.env[name] = path.join(files, name)
    writeFileSync(process.env[name] ?? '', '')
  }
  groups = []
  stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    const m = /^::group::(.+)$/m.exec(String(chunk))
    if (m?.[1]) groups.push(m[1].trim())
    return true
  })
  sts.on(AssumeRoleWithWebIdentityCommand).resolves({
    Credentials: { AccessKeyId: 'ASIAEXAMPLE', SecretAccessKey: 'secret', SessionToken: 'session', Expiration: new Date(Date.now() + 3600_000) }
  })
  // Every image is in ECR's standard storage class unless a test archives it.
  ecr.on(DescribeImagesCommand).callsFake((input: { imageIds?: { imageDigest?: string }[] }) => ({
    imageDetails: (input.imageIds ?? []).map(id => ({ imageDigest: id.imageDigest, imageStatus: 'ACTIVE' }))
  }))
  ecr.on(GetAuthorizationTokenCommand).resolves({
    authorizationData: [{ authorizationToken: Buffer.from('AWS:registry-password').toString('base64'), proxyEndpoint: `https://${HOST}` }]
  })
})

afterEach(() => stdout.mockRestore())

/** An existing repository as the workflow's defaults want it, with the default lifecycle policy. */
function existingRepository(settingsPolicy: string): void {
  ecr.on(DescribeRepositoriesCommand).resolves({
    repositories: [
      {
        repositoryName: 'team/web',
        repositoryUri: `${HOST}/team/web`,
        repositoryArn: 'arn:aws:ecr:us-east-1:123456789012:repository/team/web',
        imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
        imageTagMutabilityExclusionFilters: [
          { filterType: 'WILDCARD', filter: 'latest' },
          { filterType: 'WILDCARD', filter: 'buildcache' }
        ],
        imageScanningConfiguration: { scanOnPush: true },
        encryptionConfiguration: { encryptionType: 'AES256' }
      }
    ]
  })
  ecr.on(GetLifecyclePolicyCommand).resolves({ lifecyclePolicyText: settingsPolicy })
}

function newRepository(): void {
  ecr.on(DescribeRepositoriesCommand).rejects(new RepositoryNotFoundException({ message: 'not found', $metadata: {} }))
  ecr.on(GetLifecyclePolicyCommand).rejects(new RepositoryNotFoundException({ message: 'not found', $metadata: {} }))
  ecr.on(CreateRepositoryCommand).resolves({ repository: { repositoryName: 'team/web', repositoryUri: `${HOST}/team/web` } })
  ecr.on(PutLifecyclePolicyCommand).resolves({})
}

interface Run {
  error: unknown
  registry: FakeRegistry
  docker: DockerCall[]
  outputs: string
  state: string
}

async function ship(
  inputs: Record<string, string>,
  options: {
    registry?: FakeRegistry
    fail?: Parameters<typeof registryDocker>[2]
    retry?: RetryPolicy
    docker?: PipelineDeps['docker']
    signal?: AbortSignal
    onDocker?: (args: string[]) => void
    env?: Record<string, string>
  } = {}
): Promise<Run> {
  const env = stepEnv(
    ws.dir,
    { 'role-to-assume': ROLE, repository: 'team/web', version: '1.0.0', ...inputs },
    {
      ACTIONS_ID_TOKEN_REQUEST_URL: 'http://oidc.test/token',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token',
      DOCKER_CONFIG: path.join(files, 'docker'),
      RUNNER_TEMP: files,
      ...options.env
    }
  )
  const registry = options.registry ?? new FakeRegistry()
  const fake = registryDocker(registry, HOST, options.fail)
  const calls = fake.calls
  const inner = options.docker ?? fake.docker
  const docker: typeof fake.docker = async (args, o) => (options.onDocker?.(args), inner(args, o))
  const deps: PipelineDeps = {
    env,
    docker,
    registry: registry.client,
    getIDToken: async () => 'header.e30.signature',
    retry: options.retry ?? noRetry,
    network: DIRECT_NETWORK,
    ...(options.signal ? { cancel: options.signal } : {})
  }
  let error: unknown
  try {
    await pushPipeline(readSettings(env), deps)
  } catch (e) {
    error = e
  }
  const read = (name: string): string => readFileSync(path.join(files, name), 'utf8')
  return { error, registry, docker: calls, outputs: read('GITHUB_OUTPUT'), state: read('GITHUB_STATE') }
}

const summaryText = (): string => readFileSync(path.join(files, 'GITHUB_STEP_SUMMARY'), 'utf8')
const commands = (calls: DockerCall[]): string[] => calls.map(c => c.args.slice(0, 2).join(' '))
const ecrCalls = (): string[] => ecr.calls().map(c => (c.args[0] as { constructor: { name: string } }).constructor.name.replace(/Command$/, ''))
const output = (run: Run, name: string): string | undefined => new RegExp(`^${name}<<(\\S+)\\n([\\s\\S]*?)\\n\\1$`, 'm').exec(run.outputs)?.[2]
const defaultPolicy = (): string => formatLifecyclePolicy(readSettings(stepEnv(ws.dir, { repository: 'team/web', version: '1.0.0' })).repository.lifecycle.policy)

describe('a new build', () => {
  test('runs the stages in order: sign-in (the builder check beside it and the repository reads), repository, version, login, build and push, report', async () => {
    existingRepository(defaultPolicy())
    const run = await ship({})
    expect(run.error).toBeUndefined()
    expect(groups).toEqual(['sign-in', 'repository', 'version', 'login', 'build+push', 'attest', 'tags'])
    expect(commands(run.docker)).toEqual(['buildx inspect', 'buildx build'])
  })

  test('the builder check runs beside the sign-in and the repository reads; the repository is created only once it has passed', async () => {
    newRepository()
    const registry = new FakeRegistry()
    const fake = registryDocker(registry, HOST)
    const order: string[] = []
    const docker: PipelineDeps['docker'] = async (args, o) => {
      if (args[1] === 'inspect') {
        order.push('builder check started')
        // Held until the repository has been read (or 200 turns of the event loop): a sign-in that waited for the check would never get there.
        for (let i = 0; i < 200 && !ecrCalls().includes('DescribeRepositories'); i++) await new Promise(r => setImmediate(r))
        order.push(...ecrCalls().filter(c => c === 'DescribeRepositories' || c === 'CreateRepository'), 'builder check done')
      }
      return fake.docker(args, o)
    }
    const run = await ship({}, { registry, docker })
    expect(run.error).toBeUndefined()
    expect(order).toEqual(['builder check started', 'DescribeRepositories', 'builder check done'])
    expect(ecrCalls()).toContain('CreateRepository')
    expect(groups).toEqual(['sign-in', 'repository', 'version', 'login', 'build+push', 'attest', 'tags'])
  })

  test('a repository that already matches: the version look-up and the login go on beside the builder check; the build waits for it', async () => {
    existingRepository(defaultPolicy())
    const registry = new FakeRegistry()
    const fake = registryDocker(registry, HOST)
    const order: string[] = []
    const loggedIn = (): boolean => readFileSync(process.env.GITHUB_STATE ?? '', 'utf8').includes('logged-in-registries')
    const docker: PipelineDeps['docker'] = async (args, o) => {
      if (args[1] === 'inspect') {
        // Held until the login (or 200 turns of the event loop): a version stage that waited for the check would never get there.
        for (let i = 0; i < 200 && !loggedIn(); i++) await new Promise(r => setImmediate(r))
        const lookedUp = registry.requests.some(r => r.startsWith('HEAD /v2/team/web/manifests/1.0.0') || r.startsWith('GET /v2/team/web/manifests/1.0.0'))
        order.push(`builder check done (version looked up: ${lookedUp}, logged in: ${loggedIn()})`)
      }
      if (args[1] === 'build') order.push('build')
      return fake.docker(args, o)
    }
    const run = await ship({}, { registry, docker })
    expect(run.error).toBeUndefined()
    expect(order).toEqual(['builder check done (version looked up: true, logged in: true)', 'build'])
    expect(groups).toEqual(['sign-in', 'repository', 'version', 'login', 'build+push', 'attest', 'tags'])
  })

  test("what latest named before the run is read beside the build, for the summary: the build doesn't wait for it; latest moves only once it is read", async () => {
    existingRepository(defaultPolicy())
    const registry = new FakeRegistry()
    const before = registry.pushImage('team/web', 'latest', OTHER_SHA)
    const children = (JSON.parse(registry.manifests.get(`team/web@${before}`)?.body.toString() ?? '{}') as { manifests: { digest: string }[] }).manifests.map(m => m.digest)
    // The read of latest's platform images answers only once the build has started.
    let buildStarted!: () => void
    const started = new Promise<void>(resolve => (buildStarted = resolve))
    const order: string[] = []
    const transport: HttpTransport = async (url, init) => {
      if (url.pathname.endsWith(`/manifests/${children[0]}`) && (init?.method ?? 'GET') === 'GET') {
        await started
        order.push("latest's platform images read")
      }
      if (url.pathname.endsWith('/manifests/latest') && init?.method === 'PUT') order.push('latest moved')
      return registry.transport(url, init)
    }
    registry.client = credentials => new RegistryClient(credentials, undefined, transport)
    const run = await ship({}, { registry, onDocker: args => (args[1] === 'build' ? (order.push('build'), buildStarted()) : undefined) })
    expect(run.error).toBeUndefined()
    expect(order).toEqual(['build', "latest's platform images read", 'latest moved'])
    expect(registry.tag('team/web', 'latest')).toBe(registry.tag('team/web', '1.0.0'))
  })

  test("latest's check is read while the attest stage runs: in the tags stage latest is only read again and put", async () => {
    existingRepository(defaultPolicy())
    const registry = new FakeRegistry()
    registry.pushImage('team/web', 'latest', OTHER_SHA, { labels: { 'org.opencontainers.image.version': '0.9.0' } })
    const inTags: string[] = []
    const transport: HttpTransport = async (url, init) => {
      if (groups.at(-1) === 'tags') inTags.push(`${init?.method ?? 'GET'} ${url.pathname}`)
      return registry.transport(url, init)
    }
    registry.client = credentials => new RegistryClient(credentials, undefined, transport)
    const run = await ship({}, { registry })
    expect(run.error).toBeUndefined()
    // The stage's own requests (the summary's read of the referrers goes on beside it).
    expect(inTags.filter(r => !r.includes('/referrers/'))).toEqual(['GET /v2/team/web/manifests/latest', 'PUT /v2/team/web/manifests/latest'])
    expect(registry.tag('team/web', 'latest')).toBe(registry.tag('team/web', '1.0.0'))
  })

  test("the attest stage starts from the pushed index alone: statements go up while the platform images' manifests are read", async () => {
    existingRepository(defaultPolicy())
    const registry = new FakeRegistry()
    const seen: string[] = []
    const transport: HttpTransport = async (url, init) => {
      const method = init?.method ?? 'GET'
      const platformImage =
        method === 'GET' && /\/manifests\/sha256:/.test(url.pathname) && registry.manifests.get(`team/web@${url.pathname.split('/').pop() ?? ''}`)?.mediaType.includes('image.manifest')
      if (platformImage) {
        // A platform image's manifest is answered once a statement's upload has started, or after a while.
        for (let i = 0; i < 100 && !seen.includes('upload'); i++) await new Promise(r => setTimeout(r, 2))
        seen.push('platform manifest')
      } else if (method === 'POST' && url.pathname.endsWith('/blobs/uploads/')) seen.push('upload')
      return registry.transport(url, init)
    }
    registry.client = credentials => new RegistryClient(credentials, undefined, transport)
    const run = await ship({}, { registry })
    expect(run.error).toBeUndefined()
    expect(seen.indexOf('upload')).toBeGreaterThan(-1)
    expect(seen.indexOf('upload')).toBeLessThan(seen.indexOf('platform manifest'))
    // The report still has every platform image's manifest.
    expect(summaryText()).toMatch(/linux\/amd64.*linux\/arm64/s)
  })

  test("the summary's read of what each platform image has attached goes on beside the tags stage", async () => {
    existingRepository(defaultPolicy())
    const registry = new FakeRegistry()
    const seen: string[] = []
    const transport: HttpTransport = async (url, init) => {
      const line = `${init?.method ?? 'GET'} ${url.pathname}`
      if (line === 'PUT /v2/team/web/manifests/latest') {
        // latest's put is answered once the referrers were asked for, or after a while.
        for (let i = 0; i < 100 && !seen.some(l => l.includes('/referrers/')); i++) await new Promise(r => setTimeout(r, 2))
        seen.push('latest put')
      } else seen.push(line)
      return registry.transport(url, init)
    }
    registry.client = credentials => new RegistryClient(credentials, undefined, transport)
    const run = await ship({}, { registry })
    expect(run.error).toBeUndefined()
    const firstReferrersRead = seen.findIndex(l => l.includes('/referrers/'))
    expect(firstReferrersRead).toBeGreaterThan(-1)
    expect(firstReferrersRead).toBeLessThan(seen.indexOf('latest put'))
    expect(summaryText()).toMatch(/Supply chain.*linux\/amd64 <code>sha256:[0-9a-f]{12}…<\/code>: provenance \(SLSA v1\)/)
  })

  test('buildx pushes the version; latest is put on the digest of its metadata file after it exits', async () => {
    existingRepository(defaultPolicy())
    const run = await ship({})
    const build = run.docker.find(c => c.args[1] === 'build')?.args ?? []
    expect(build.filter((_, i) => build[i - 1] === '--tag')).toEqual([`${HOST}/team/web:1.0.0`])
    expect(build).toContain('--push')
    const digest = run.registry.tag('team/web', '1.0.0')
    expect(run.registry.tag('team/web', 'latest')).toBe(digest)
    expect(output(run, 'digest')).toBe(digest)
    expect(output(run, 'image-uri')).toBe(`${HOST}/team/web:1.0.0`)
    expect(output(run, 'skipped')).toBe('false')
    expect(JSON.parse(output(run, 'metadata') ?? '{}')['image.name']).toBe(`${HOST}/team/web:1.0.0,${HOST}/team/web:latest`)
  })

  test('provenance by default: buildx puts no attestation in the index; each platform image gets a referrer whose subject it is', async () => {
    existingRepository(defaultPolicy())
    const before = summaryText().length
    const run = await ship({})
    expect(run.error).toBeUndefined()
    const summary = summaryText().slice(before)
    expect(run.docker.find(c => c.args[1] === 'build')?.args).toContain('--provenance=false')
    const index = JSON.parse(run.registry.manifests.get(`team/web:1.0.0`)?.body.toString() ?? '{}') as { manifests: { digest: string; platform: { os: string } }[] }
    expect(index.manifests.map(m => m.platform.os)).toEqual(['linux', 'linux'])
    const stored = [...run.registry.manifests.entries()]
      .filter(([key]) => key.includes('@'))
      .map(([, m]) => ({ digest: m.digest, ...(JSON.parse(m.body.toString()) as { subject?: { digest: string }; artifactType?: string }) }))
    const referrers = stored.filter(m => m.subject)
    expect(new Set(referrers.map(r => r.subject?.digest))).toEqual(new Set(index.manifests.map(m => m.digest)))
    expect(referrers.map(r => r.artifactType)).toEqual(['application/vnd.in-toto+json', 'application/vnd.in-toto+json'])
    // On ECR each referrer has a tag of its own, which the lifecycle policy's sha256-* rule protects.
    for (const r of referrers) expect(run.registry.tag('team/web', `${r.subject?.digest.replace(':', '-')}.${r.digest.slice(7, 23)}`)).toBe(r.digest)
    expect(summary).toMatch(/Supply chain.*linux\/amd64 <code>sha256:[0-9a-f]{12}…<\/code>: provenance \(SLSA v1\)<br>linux\/arm64/)
  })

  test('attaching fails for good: the image stays pushed, the outputs name it, then the run fails saying why', async () => {
    existingRepository(defaultPolicy())
    const registry = new FakeRegistry()
    const broken: HttpTransport = async (url, init) => {
      if (init?.method === 'POST' && url.pathname.endsWith('/blobs/uploads/')) throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })
      return registry.transport(url, init)
    }
    registry.client = credentials => new RegistryClient(credentials, undefined, broken)
    const run = await ship({}, { registry })
    expect(failureMessage(run.error)).toMatch(/^the upload of sha256:[0-9a-f]{12}… failed 1 times \(.*socket hang up.*\); the registry may be having trouble: run the job again\.$/)
    const digest = registry.tag('team/web', '1.0.0')
    expect(output(run, 'digest')).toBe(digest)
    expect(groups).toEqual(['sign-in', 'repository', 'version', 'login', 'build+push', 'attest', 'tags'])
    // latest is left where it was: what deploys latest never gets an image the run failed.
    expect(registry.tag('team/web', 'latest')).toBeUndefined()
    expect(stdout.mock.calls.map((c: unknown[]) => String(c[0])).join('')).toContain("::warning::'latest' left where it was: the provenance was not attached.")
    expect(output(run, 'tags')).toBe(`${HOST}/team/web:1.0.0`)
    expect(output(run, 'latest-uri')).toBe('')
  })

  test('provenance: false attaches nothing', async () => {
    existingRepository(defaultPolicy())
    const before = summaryText().length
    const run = await ship({ provenance: 'false' })
    expect(run.error).toBeUndefined()
    expect([...run.registry.manifests.values()].filter(m => m.body.includes('"subject"'))).toEqual([])
    expect(summaryText().slice(before)).toContain('linux/amd64 <code>sha256:')
    expect(summaryText().slice(before)).toContain('nothing attached')
  })

  test('a repository that already matches is only read: no AWS write', async () => {
    existingRepository(defaultPolicy())
    await ship({})
    expect(ecrCalls().sort()).toEqual(['DescribeRepositories', 'GetAuthorizationToken', 'GetLifecyclePolicy', 'GetSigningConfiguration'])
  })

  test('an existing repository without a lifecycle policy, none stated: none is put; the log and the summary say so and name the input that would', async () => {
    existingRepository(defaultPolicy())
    ecr.on(GetLifecyclePolicyCommand).rejects(new LifecyclePolicyNotFoundException({ message: 'no policy', $metadata: {} }))
    const run = await ship({})
    expect(run.error).toBeUndefined()
    expect(ecrCalls().sort()).toEqual(['DescribeRepositories', 'GetAuthorizationToken', 'GetLifecyclePolicy', 'GetSigningConfiguration'])
    const logged = stdout.mock.calls.map((c: unknown[]) => String(c[0])).join('')
    expect(logged).toMatch(/Lifecycle policy: none: the repository has no lifecycle policy .*lifecycle-keep-count: 100 would put the default policy/)
    expect(readFileSync(path.join(files, 'GITHUB_STEP_SUMMARY'), 'utf8')).toMatch(
      /<th align="left">Lifecycle policy<\/th><td>none: the repository has no lifecycle policy and the workflow states none, so none is put and no image expires\. lifecycle-keep-count: 100 would put the default policy/
    )
  })

  test('an existing repository without a lifecycle policy, lifecycle-keep-count stated: the stated policy is put', async () => {
    existingRepository(defaultPolicy())
    ecr.on(GetLifecyclePolicyCommand).rejects(new LifecyclePolicyNotFoundException({ message: 'no policy', $metadata: {} }))
    ecr.on(PutLifecyclePolicyCommand).resolves({})
    const run = await ship({ 'lifecycle-keep-count': '50' })
    expect(run.error).toBeUndefined()
    const put = JSON.parse(ecr.commandCalls(PutLifecyclePolicyCommand)[0]?.args[0].input.lifecyclePolicyText ?? '{}') as { rules: { selection: { countNumber: number } }[] }
    expect(put.rules.at(-1)?.selection.countNumber).toBe(50)
  })

  test('a missing repository is created with the default lifecycle policy, then built', async () => {
    newRepository()
    const run = await ship({})
    expect(run.error).toBeUndefined()
    expect(ecrCalls()).toEqual(expect.arrayContaining(['CreateRepository', 'PutLifecyclePolicy']))
    expect(ecr.commandCalls(CreateRepositoryCommand)[0]?.args[0].input).toMatchObject({ repositoryName: 'team/web', imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION' })
    expect(commands(run.docker)).toContain('buildx build')
  })

  test('docker is logged in through its config file before the build, and the post step is told', async () => {
    existingRepository(defaultPolicy())
    const run = await ship({})
    const config = JSON.parse(readFileSync(path.join(files, 'docker', 'config.json'), 'utf8')) as { auths: Record<string, { auth: string }> }
    expect(Buffer.from(config.auths[HOST]?.auth ?? '', 'base64').toString()).toBe('AWS:registry-password')
    expect(run.state).toContain('logged-in-registries')
    expect(run.state).toContain(HOST)
    // Which entry it wrote, as a hash: the state holds no credential.
    expect(run.state).toContain('login-written')
    expect(run.state).not.toContain(config.auths[HOST]?.auth)
    expect(run.state).not.toContain('registry-password')
  })
})

describe('a build that outlives the registry token', () => {
  test("the tags after it carry a renewed token, and docker is logged in again for the job's later steps", async () => {
    existingRepository(defaultPolicy())
    let now = Date.now()
    const clock = jest.spyOn(Date, 'now').mockImplementation(() => now)
    const token = (password: string, hours: number) => ({
      authorizationData: [{ authorizationToken: Buffer.from(`AWS:${password}`).toString('base64'), proxyEndpoint: `https://${HOST}`, expiresAt: new Date(now + hours * 3600_000) }]
    })
    ecr.on(GetAuthorizationTokenCommand).resolvesOnce(token('first-password', 12)).resolves(token('second-password', 12))
    const registry = new FakeRegistry()
    const { docker: fake } = registryDocker(registry, HOST)
    const longBuild: typeof fake = async (args, options) => {
      const result = await fake(args, options)
      if (args[1] === 'build') now += 12 * 3600_000
      return result
    }
    const run = await ship({}, { registry, docker: longBuild })
    clock.mockRestore()
    expect(run.error).toBeUndefined()
    expect(ecrCalls().filter(c => c === 'GetAuthorizationToken')).toHaveLength(2)
    // The version lookup before the build, then latest put after it.
    const at = (request: string) => registry.logins[registry.requests.indexOf(request)]
    expect(at('GET /v2/team/web/manifests/1.0.0')).toBe('AWS:first-password')
    expect(at('PUT /v2/team/web/manifests/latest')).toBe('AWS:second-password')
    const config = JSON.parse(readFileSync(path.join(files, 'docker', 'config.json'), 'utf8')) as { auths: Record<string, { auth: string }> }
    expect(Buffer.from(config.auths[HOST]?.auth ?? '', 'base64').toString()).toBe('AWS:second-password')
  })
})

describe('a cancelled run', () => {
  test('a cancel while buildx runs: latest is not put on what it pushed, no later stage runs, the run fails as cancelled', async () => {
    existingRepository(defaultPolicy())
    const registry = new FakeRegistry()
    const before = registry.pushImage('team/web', 'latest', OTHER_SHA)
    const controller = new AbortController()
    const run = await ship({}, { registry, signal: controller.signal, onDocker: args => args[1] === 'build' && controller.abort(new CancelledError('SIGINT')) })
    expect(run.error).toEqual(new CancelledError('SIGINT'))
    expect(registry.tag('team/web', 'latest')).toBe(before)
    expect(registry.requests.filter(r => r.startsWith('PUT'))).toEqual([])
    expect(output(run, 'digest')).toBeUndefined()
  })

  test("the run's cancel goes with the session to the AWS clients the repository stage makes (aws/clients.ts refuses their writes after it)", async () => {
    existingRepository(defaultPolicy())
    const stacks: string[][] = []
    ecr.on(GetAuthorizationTokenCommand).callsFake((_input, getClient) => {
      stacks.push(getClient().middlewareStack.identify())
      return { authorizationData: [{ authorizationToken: Buffer.from('AWS:registry-password').toString('base64'), proxyEndpoint: `https://${HOST}` }] }
    })
    expect((await ship({}, { signal: new AbortController().signal })).error).toBeUndefined()
    expect((await ship({})).error).toBeUndefined()
    expect(stacks.map(stack => stack.some(name => name.startsWith('refuseWritesAfterCancel ')))).toEqual([true, false])
  })

  test("buildx's folder is in the step's state while it runs, and out of it (and gone) after", async () => {
    existingRepository(defaultPolicy())
    let during: string[] = []
    const run = await ship(
      {},
      { onDocker: args => args[1] === 'build' && (during = JSON.parse(/^temp-dirs<<(\S+)\n(.*)\n\1$/m.exec(readFileSync(path.join(files, 'GITHUB_STATE'), 'utf8'))?.[2] ?? '[]') as string[]) }
    )
    expect(run.error).toBeUndefined()
    expect(during).toEqual([expect.stringMatching(new RegExp(`^${files}/ecr-build-push-`))])
    expect(existsSync(during[0] ?? '')).toBe(false)
    const states = [...run.state.matchAll(/^temp-dirs<<(\S+)\n(.*)\n\1$/gm)].map(m => m[2])
    expect(states.at(-1)).toBe('[]')
  })
})

describe('re-runs', () => {
  test('the version exists, labelled with this commit: the label is not trusted, the run stops before login and build', async () => {
    existingRepository(defaultPolicy())
    const registry = new FakeRegistry()
    const digest = registry.pushImage('team/web', '1.0.0', SHA)
    const latest = registry.pushImage('team/web', 'latest', 'something-else')
    const run = await ship({}, { registry })
    expect(failureMessage(run.error)).toMatch(
      new RegExp(
        `^Tag '1\\.0\\.0' already exists in 'team/web' \\(${digest}\\), labelled as built from this commit \\(${SHA.slice(0, 7)}\\); a label is written by whoever pushed the image.*Bump the version, or set if-version-exists: skip`
      )
    )
    expect(groups).toEqual(['sign-in', 'repository', 'version'])
    expect(commands(run.docker)).not.toContain('buildx build')
    expect(registry.tag('team/web', 'latest')).toBe(latest)
  })

  describe('if-version-exists: auto reuses on provenance', () => {
    const WORKFLOW = { GITHUB_REPOSITORY: 'acme/web', GITHUB_WORKFLOW_REF: 'acme/web/.github/workflows/release.yml@refs/heads/main' }
    /** A first run that built and attached provenance, then the same version again. */
    async function again(env: Record<string, string>): Promise<{ first: Run; second: Run; digest: string | undefined }> {
      existingRepository(defaultPolicy())
      const registry = new FakeRegistry()
      const first = await ship({}, { registry, env: WORKFLOW })
      expect(first.error).toBeUndefined()
      const digest = registry.tag('team/web', '1.0.0')
      const second = await ship({}, { registry, env: { ...WORKFLOW, ...env } })
      return { first, second, digest }
    }

    test('this repository, this commit, the same workflow ref: kept, nothing built, the reason names the provenance', async () => {
      const { first, second, digest } = await again({})
      expect(second.error).toBeUndefined()
      expect(commands(second.docker)).not.toContain('buildx build')
      const own = { ...second, outputs: second.outputs.slice(first.outputs.length) }
      expect(output(own, 'skipped')).toBe('true')
      expect(output(own, 'digest')).toBe(digest)
      expect(groups).toContain('reuse')
    })

    test.each([
      ['another commit', { GITHUB_SHA: OTHER_SHA }, `it was built from commit ${SHA}, not fedcba9`],
      ['another workflow ref', { GITHUB_WORKFLOW_REF: 'acme/web/.github/workflows/release.yml@refs/heads/dev' }, 'which is not an allowed one'],
      [
        'another repository',
        { GITHUB_REPOSITORY: 'evil/web', GITHUB_WORKFLOW_REF: 'evil/web/.github/workflows/release.yml@refs/heads/main' },
        'it was built by https://github.com/acme/web, not https://github.com/evil/web'
      ]
    ])('%s: the run stops before login and build, saying which', async (_, env, why) => {
      const { second } = await again(env)
      expect(failureMessage(second.error)).toContain(why)
      expect(failureMessage(second.error)).toContain('Bump the version')
      expect(commands(second.docker)).not.toContain('buildx build')
    })

    test('an image without provenance (pushed with provenance: false): not reused', async () => {
      existingRepository(defaultPolicy())
      const registry = new FakeRegistry()
      expect((await ship({ provenance: 'false' }, { registry, env: WORKFLOW })).error).toBeUndefined()
      const second = await ship({}, { registry, env: WORKFLOW })
      expect(failureMessage(second.error)).toContain('it has no SLSA provenance referrer')
    })
  })

  test('the version exists from another commit: the run stops before login and build, saying how to fix it', async () => {
    existingRepository(defaultPolicy())
    const registry = new FakeRegistry()
    registry.pushImage('team/web', '1.0.0', OTHER_SHA)
    const run = await ship({}, { registry })
    expect(failureMessage(run.error)).toMatch(/^Tag '1\.0\.0' already exists in 'team\/web' \(sha256:[0-9a-f]{64}\), labelled as built from commit fedcba9.*Bump the version/)
    expect(groups).toEqual(['sign-in', 'repository', 'version'])
    expect(commands(run.docker)).not.toContain('buildx build')
  })

  test('if-version-exists: skip keeps the existing image and moves latest back to it', async () => {
    existingRepository(defaultPolicy())
    const registry = new FakeRegistry()
    const digest = registry.pushImage('team/web', '1.0.0', SHA)
    registry.pushImage('team/web', 'latest', 'something-else')
    const run = await ship({ 'if-version-exists': 'skip' }, { registry })
    expect(run.error).toBeUndefined()
    expect(groups).toEqual(['sign-in', 'repository', 'version', 'login', 'reuse', 'tags'])
    expect(commands(run.docker)).not.toContain('buildx build')
    expect(registry.tag('team/web', 'latest')).toBe(digest)
    expect(output(run, 'skipped')).toBe('true')
    expect(output(run, 'digest')).toBe(digest)
  })

  test('if-version-exists: skip on an archived image: the run stops before login, moves no tag, and names the restore command', async () => {
    existingRepository(defaultPolicy())
    const registry = new FakeRegistry()
    const digest = registry.pushImage('team/web', '1.0.0', SHA)
    const latest = registry.pushImage('team/web', 'latest', 'something-else')
    ecr.on(DescribeImagesCommand).resolves({ imageDetails: [{ imageDigest: digest, imageStatus: 'ARCHIVED', imageSizeInBytes: 2 * 1024 ** 3, lastArchivedAt: new Date('2026-09-01T00:00:00Z') }] })
    const run = await ship({ 'if-version-exists': 'skip' }, { registry })
    expect(failureMessage(run.error)).toBe(
      `Tag '1.0.0' in 'team/web' names ${digest}, and ECR has archived it since 2026-09-01 (imageStatus ARCHIVED): an archived image can't be pulled. No tag was moved. ` +
        `Restore it with \`aws ecr update-image-storage-class --region us-east-1 --repository-name team/web --image-id imageDigest=${digest} --target-storage-class STANDARD\` ` +
        'and run the job again once it is ACTIVE (ECR restores within about 20 minutes), or bump the version to push a new image. ' +
        "Archive: 2.0 GB at about $0.20 a month, restoring it about $0.060; $0.10 per GB-month in the archive, 90 days minimum; restoring $0.030 per GB (ECR's prices, March 2026, us-east-1)."
    )
    expect(ecr.commandCalls(DescribeImagesCommand).map(c => c.args[0].input)).toEqual([{ repositoryName: 'team/web', imageIds: [{ imageDigest: digest }] }])
    expect(groups).toEqual(['sign-in', 'repository', 'version'])
    expect(registry.tag('team/web', 'latest')).toBe(latest)
  })

  test('a re-run without ecr:DescribeImages fails closed, naming the permission', async () => {
    existingRepository(defaultPolicy())
    const registry = new FakeRegistry()
    registry.pushImage('team/web', '1.0.0', SHA)
    ecr.on(DescribeImagesCommand).rejects(Object.assign(new Error('not authorized to perform: ecr:DescribeImages'), { name: 'AccessDeniedException' }))
    const run = await ship({ 'if-version-exists': 'skip' }, { registry })
    expect(failureMessage(run.error)).toMatch(/^AWS refused ecr:DescribeImages \(AccessDeniedException\): a re-run reads whether the existing image .* allow ecr:DescribeImages on the repository/)
    expect(groups).toEqual(['sign-in', 'repository', 'version'])
  })

  test('a first push asks nothing of DescribeImages', async () => {
    existingRepository(defaultPolicy())
    const run = await ship({})
    expect(run.error).toBeUndefined()
    expect(ecr.commandCalls(DescribeImagesCommand)).toHaveLength(0)
  })

  test('if-version-exists: skip keeps any existing image, whatever its label', async () => {
    existingRepository(defaultPolicy())
    const registry = new FakeRegistry()
    registry.pushImage('team/web', '1.0.0', OTHER_SHA)
    const run = await ship({ 'if-version-exists': 'skip' }, { registry })
    expect(run.error).toBeUndefined()
    expect(commands(run.docker)).not.toContain('buildx build')
  })
})

describe('latest only moves forward', () => {
  const summary = (): string => readFileSync(path.join(files, 'GITHUB_STEP_SUMMARY'), 'utf8')
  const logged = (): string => stdout.mock.calls.map((c: unknown[]) => String(c[0])).join('')
  /** 2.0.0 under its version and latest, as an earlier release left it. */
  const released = (registry: FakeRegistry): string => {
    const v2 = registry.pushImage('team/web', '2.0.0', OTHER_SHA, { labels: { 'org.opencontainers.image.version': '2.0.0' }, created: '2026-01-01T00:00:00Z' })
    registry.put('team/web', 'application/vnd.oci.image.index.v1+json', registry.manifests.get(`team/web@${v2}`)?.body ?? '', 'latest')
    return v2
  }

  test('a lower version is built and pushed; latest stays on the higher one, a warning says which and why, the outputs and summary leave latest out', async () => {
    existingRepository(defaultPolicy())
    const registry = new FakeRegistry()
    const v2 = released(registry)
    const run = await ship({ version: '1.9.0' }, { registry })
    expect(run.error).toBeUndefined()
    expect(run.registry.tag('team/web', '1.9.0')).toBe(output(run, 'digest'))
    expect(run.registry.tag('team/web', 'latest')).toBe(v2)
    expect(logged()).toContain(`::warning::'latest' stays on 2.0.0 (${v2.slice(0, 19)}…, created 2026-01-01T00:00:00Z): this run's version 1.9.0 is lower than 2.0.0`)
    expect(output(run, 'latest-uri')).toBe('')
    expect(output(run, 'tags')).toBe(`${HOST}/team/web:1.9.0`)
    expect(JSON.parse(output(run, 'metadata') ?? '{}')['image.name']).toBe(`${HOST}/team/web:1.9.0`)
    expect(summary()).toContain('built and pushed; latest kept on 2.0.0')
  })

  test('latest-may-move-back: true moves it back', async () => {
    existingRepository(defaultPolicy())
    const registry = new FakeRegistry()
    released(registry)
    const run = await ship({ version: '1.9.0', 'latest-may-move-back': 'true' }, { registry })
    expect(run.error).toBeUndefined()
    expect(run.registry.tag('team/web', 'latest')).toBe(output(run, 'digest'))
    expect(output(run, 'latest-uri')).toBe(`${HOST}/team/web:latest`)
  })

  test('a re-run of an older release: nothing built, latest not moved back', async () => {
    existingRepository(defaultPolicy())
    const registry = new FakeRegistry()
    const v2 = released(registry)
    const old = registry.pushImage('team/web', '1.0.0', SHA, { labels: { 'org.opencontainers.image.version': '1.0.0' }, created: '2025-12-01T00:00:00Z' })
    const run = await ship({ 'if-version-exists': 'skip' }, { registry })
    expect(run.error).toBeUndefined()
    expect(output(run, 'skipped')).toBe('true')
    expect(output(run, 'digest')).toBe(old)
    expect(run.registry.tag('team/web', 'latest')).toBe(v2)
    expect(summary()).toMatch(/skipped: 1\.0\.0 already exists \(sha256:[0-9a-f]{64}\); if-version-exists: skip; latest kept on 2\.0\.0/)
  })

  test("a lost answer on buildx's push of the version: the tag found naming this run's build, the run succeeds and latest follows", async () => {
    existingRepository(defaultPolicy())
    const registry = new FakeRegistry()
    const fake = registryDocker(registry, HOST)
    const refused = `The image tag '1.0.0' already exists in the 'team/web' repository and cannot be overwritten because the repository is immutable.`
    const docker: PipelineDeps['docker'] = async (args, options) => {
      const result = await fake.docker(args, options)
      return args[1] === 'build' ? { exitCode: 1, stdout: '', stderr: `ERROR: failed to push ${HOST}/team/web:1.0.0: tag invalid: ${refused}\n` } : result
    }
    const logs: string[] = []
    const run = await ship({}, { registry, docker, retry: { ...noRetry, log: m => void logs.push(m) } })
    expect(run.error).toBeUndefined()
    expect(logs.join('\n')).toContain("Found tag '1.0.0' already naming this run's image")
    expect(output(run, 'digest')).toBe(registry.tag('team/web', '1.0.0'))
    expect(registry.tag('team/web', 'latest')).toBe(registry.tag('team/web', '1.0.0'))
    expect(summary()).toContain("built and pushed; found '1.0.0' already naming it")
  })
})

describe('ECR managed signing', () => {
  const PROFILE = 'arn:aws:signer:us-east-1:123456789012:/signing-profiles/release_signer'
  const summary = (): string => readFileSync(path.join(files, 'GITHUB_STEP_SUMMARY'), 'utf8')
  const logged = (): string => stdout.mock.calls.map((c: unknown[]) => String(c[0])).join('')
  const rule = (filter: string) => ({ signingConfiguration: { rules: [{ signingProfileArn: PROFILE, repositoryFilters: [{ filter, filterType: 'WILDCARD_MATCH' as const }] }] } })

  test("the signing configuration is asked for as soon as the run is signed in, beside the repository's reads", async () => {
    existingRepository(defaultPolicy())
    ecr.on(GetSigningConfigurationCommand).resolves(rule('team/*'))
    ecr.on(DescribeImageSigningStatusCommand).resolves({ signingStatuses: [{ signingProfileArn: PROFILE, status: 'COMPLETE' }] })
    const run = await ship({})
    expect(run.error).toBeUndefined()
    const calls = ecrCalls()
    expect(calls.indexOf('GetSigningConfiguration')).toBeGreaterThan(-1)
    expect(calls.indexOf('GetSigningConfiguration')).toBeLessThan(calls.indexOf('DescribeRepositories'))
  })

  test('require-signature and no signing configuration: the run stops before login and build, saying ECR would not sign it', async () => {
    existingRepository(defaultPolicy())
    ecr.on(GetSigningConfigurationCommand).rejects(new SigningConfigurationNotFoundException({ message: 'none', $metadata: {} }))
    const run = await ship({ 'require-signature': 'true' })
    expect(failureMessage(run.error)).toMatch(/^require-signature is true, but the registry has no signing configuration .*, so ECR won't sign team\/web's images/)
    expect(groups).toEqual(['sign-in', 'repository', 'version'])
    expect(commands(run.docker)).not.toContain('buildx build')
  })

  test('a rule covers the repository: the signature stage waits for COMPLETE on the pushed digest; outputs and summary say signed', async () => {
    existingRepository(defaultPolicy())
    ecr.on(GetSigningConfigurationCommand).resolves(rule('team/*'))
    ecr
      .on(DescribeImageSigningStatusCommand)
      .resolvesOnce({ signingStatuses: [{ signingProfileArn: PROFILE, status: 'IN_PROGRESS' }] })
      .resolves({ signingStatuses: [{ signingProfileArn: PROFILE, status: 'COMPLETE' }] })
    const run = await ship({ 'require-signature': 'true' })
    expect(run.error).toBeUndefined()
    expect(groups).toEqual(['sign-in', 'repository', 'version', 'login', 'build+push', 'attest', 'signature', 'tags'])
    const digest = run.registry.tag('team/web', '1.0.0')
    expect(ecr.commandCalls(DescribeImageSigningStatusCommand).map(c => c.args[0].input)).toContainEqual({ repositoryName: 'team/web', imageId: { imageDigest: digest } })
    expect(output(run, 'signature')).toBe('signed')
    expect(output(run, 'subject-name')).toBe(`${HOST}/team/web`)
    expect(output(run, 'subject-digest')).toBe(digest)
    expect(summary()).toContain(`<tr><th align="left">Signature</th><td>signed by <code>${PROFILE}</code> (ECR managed signing)</td></tr>`)
  })

  test('FAILED with require-signature: the run fails after the outputs and the summary, naming the profile and signer:SignPayload', async () => {
    existingRepository(defaultPolicy())
    ecr.on(GetSigningConfigurationCommand).resolves(rule('team/*'))
    ecr.on(DescribeImageSigningStatusCommand).resolves({ signingStatuses: [{ signingProfileArn: PROFILE, status: 'FAILED', failureCode: 'AccessDenied', failureReason: 'no' }] })
    const run = await ship({ 'require-signature': 'true' })
    expect(failureMessage(run.error)).toMatch(
      new RegExp(
        `^require-signature is true, but ECR's managed signing of team/web@sha256:[0-9a-f]{64} failed with the Signer profile ${PROFILE.replace(/[/.]/g, '\\$&')}: FAILED \\(AccessDenied: no\\); the role that pushes needs signer:SignPayload`
      )
    )
    expect(output(run, 'signature')).toBe('failed')
    expect(output(run, 'digest')).toBe(run.registry.tag('team/web', '1.0.0'))
    expect(summary()).toContain('FAILED with the Signer profile')
    // No tag but the version: latest is put only on an image that passed the run's checks.
    expect(run.registry.tag('team/web', 'latest')).toBeUndefined()
    expect(summary()).toContain('latest not put: require-signature: the image is not signed')
  })

  test("copy-to waits for the run's checks as the tags do: copied once the signature is there, before the tags", async () => {
    existingRepository(defaultPolicy())
    ecr.on(GetSigningConfigurationCommand).resolves(rule('team/*'))
    ecr.on(DescribeImageSigningStatusCommand).resolves({ signingStatuses: [{ signingProfileArn: PROFILE, status: 'COMPLETE' }] })
    const run = await ship({ 'require-signature': 'true', 'copy-to': 'team/mirror' })
    expect(run.error).toBeUndefined()
    expect(groups).toEqual(['sign-in', 'repository', 'version', 'login', 'build+push', 'attest', 'signature', 'copy', 'tags'])
    expect(run.registry.tag('team/mirror', '1.0.0')).toBe(run.registry.tag('team/web', '1.0.0'))
    expect(output(run, 'copied-uris')).toBe(`${HOST}/team/mirror@${run.registry.tag('team/web', '1.0.0')}`)
  })

  test('FAILED with require-signature and copy-to: nothing is copied; a warning names the copies and why, the outputs name none', async () => {
    existingRepository(defaultPolicy())
    ecr.on(GetSigningConfigurationCommand).resolves(rule('team/*'))
    ecr.on(DescribeImageSigningStatusCommand).resolves({ signingStatuses: [{ signingProfileArn: PROFILE, status: 'FAILED', failureCode: 'AccessDenied', failureReason: 'no' }] })
    const other = HOST.replace('us-east-1', 'eu-west-1')
    const run = await ship({ 'require-signature': 'true', 'copy-to': `team/mirror\n${other}/team/web` })
    expect(failureMessage(run.error)).toMatch(/^require-signature is true, but ECR's managed signing/)
    expect(groups).toEqual(['sign-in', 'repository', 'version', 'login', 'build+push', 'attest', 'signature', 'tags'])
    expect(run.registry.tag('team/mirror', '1.0.0')).toBeUndefined()
    expect(stdout.mock.calls.map((c: unknown[]) => String(c[0])).join('')).toContain(`::warning::Not copied to ${HOST}/team/mirror, ${other}/team/web: require-signature: the image is not signed.`)
    expect(output(run, 'copied-uris')).toBe('')
    expect(summary()).toContain('not copied: require-signature: the image is not signed')
  })

  test('a configuration the role may not read, without require-signature: one warning, signature unknown, nothing waited for', async () => {
    existingRepository(defaultPolicy())
    ecr.on(GetSigningConfigurationCommand).rejects(Object.assign(new Error('not authorized'), { name: 'AccessDeniedException' }))
    const run = await ship({})
    expect(run.error).toBeUndefined()
    expect(output(run, 'signature')).toBe('unknown')
    expect(
      logged().match(
        /::warning::Whether ECR signed team\/web@sha256:[0-9a-f]{64} is not known: the registry's signing configuration could not be read \(AccessDeniedException: not authorized\); grant the role ecr:GetSigningConfiguration/g
      )
    ).toHaveLength(1)
    expect(groups).not.toContain('signature')
    expect(ecr.commandCalls(DescribeImageSigningStatusCommand)).toHaveLength(0)
  })

  test('no signing configuration: one line says the image is unsigned; no wait, no warning', async () => {
    existingRepository(defaultPolicy())
    const run = await ship({})
    expect(output(run, 'signature')).toBe('unsigned')
    expect(logged()).toMatch(/Signature of team\/web@sha256:[0-9a-f]{64}: unsigned: the registry has no signing configuration/)
    expect(logged()).not.toContain('::warning::')
    expect(groups).not.toContain('signature')
  })
})

describe('floating ref tags move only forward; fixed ones are put once', () => {
  const summary = (): string => readFileSync(path.join(files, 'GITHUB_STEP_SUMMARY'), 'utf8')
  const logged = (): string => stdout.mock.calls.map((c: unknown[]) => String(c[0])).join('')
  const index = (registry: FakeRegistry, digest: string, tag: string): void =>
    void registry.put('team/web', 'application/vnd.oci.image.index.v1+json', registry.manifests.get(`team/web@${digest}`)?.body ?? '', tag)
  /** 1.3.0 under 1.3.0, 1.3, 1 and latest; 1.2.3 under 1.2.3 and 1.2: what earlier releases left. */
  const released = (registry: FakeRegistry): { v13: string; v123: string } => {
    const v13 = registry.pushImage('team/web', '1.3.0', OTHER_SHA, { labels: { 'org.opencontainers.image.version': '1.3.0' }, created: '2026-02-01T00:00:00Z' })
    for (const tag of ['1.3', '1', 'latest']) index(registry, v13, tag)
    const v123 = registry.pushImage('team/web', '1.2.3', OTHER_SHA, { labels: { 'org.opencontainers.image.version': '1.2.3' }, created: '2026-01-01T00:00:00Z' })
    index(registry, v123, '1.2')
    return { v13, v123 }
  }

  test('a patch of an older line: 1.2 moves to it, 1 and latest stay on 1.3.0; sha-<commit> is put; the outputs leave the kept ones out', async () => {
    existingRepository(defaultPolicy())
    const registry = new FakeRegistry()
    const { v13 } = released(registry)
    const run = await ship({ version: '1.2.4', 'ref-tags': 'semver,sha' }, { registry })
    expect(run.error).toBeUndefined()
    const digest = output(run, 'digest')
    expect(run.registry.tag('team/web', '1.2.4')).toBe(digest)
    expect(run.registry.tag('team/web', '1.2')).toBe(digest)
    expect(run.registry.tag('team/web', `sha-${SHA.slice(0, 7)}`)).toBe(digest)
    expect(run.registry.tag('team/web', '1')).toBe(v13)
    expect(run.registry.tag('team/web', 'latest')).toBe(v13)
    expect(logged()).toContain(`::warning::'1' stays on 1.3.0 (${v13.slice(0, 19)}…, created 2026-02-01T00:00:00Z): this run's version 1.2.4 is lower than 1.3.0, and '1' only moves forward.`)
    expect(output(run, 'tags')).toBe([`${HOST}/team/web:1.2.4`, `${HOST}/team/web:1.2`, `${HOST}/team/web:sha-${SHA.slice(0, 7)}`].join('\n'))
    expect(summary()).toContain('1 kept on 1.3.0')
  })

  test('a newer release moves 1.3 and 1 forward', async () => {
    existingRepository(defaultPolicy())
    const registry = new FakeRegistry()
    released(registry)
    const run = await ship({ version: '1.3.1', 'ref-tags': 'semver' }, { registry })
    expect(run.error).toBeUndefined()
    const digest = output(run, 'digest')
    for (const tag of ['1.3.1', '1.3', '1', 'latest']) expect(run.registry.tag('team/web', tag)).toBe(digest)
  })

  test('a fixed tag naming another image already is left as it is', async () => {
    existingRepository(defaultPolicy())
    const registry = new FakeRegistry()
    const { v123 } = released(registry)
    index(registry, v123, `sha-${SHA.slice(0, 7)}`)
    const run = await ship({ version: '1.3.1', 'ref-tags': 'sha' }, { registry })
    expect(run.error).toBeUndefined()
    expect(run.registry.tag('team/web', `sha-${SHA.slice(0, 7)}`)).toBe(v123)
    expect(logged()).toContain(`'sha-${SHA.slice(0, 7)}' names ${v123} already, and names one build only: left as it is.`)
  })
})

describe('merge of per-platform digests', () => {
  const digests = ['sha256:' + 'a'.repeat(64), 'sha256:' + 'b'.repeat(64)]

  test('makes the index under its version with imagetools; the other tags and latest follow over the registry API; the builder check asks for no platform', async () => {
    existingRepository(defaultPolicy())
    const run = await ship({ 'merge-digests': digests.join('\n'), tags: 'stable' })
    expect(run.error).toBeUndefined()
    expect(groups).toEqual(['sign-in', 'repository', 'version', 'login', 'merge', 'tags'])
    expect(commands(run.docker)).toEqual(['buildx inspect', 'buildx imagetools'])
    const merge = run.docker.find(c => c.args[1] === 'imagetools')?.args ?? []
    const annotations = merge.flatMap((a, i) => (merge[i - 1] === '--annotation' ? [a] : []))
    expect(merge.filter((a, i) => a !== '--annotation' && merge[i - 1] !== '--annotation')).toEqual([
      'buildx',
      'imagetools',
      'create',
      '--tag',
      `${HOST}/team/web:1.0.0`,
      ...digests.map(d => `${HOST}/team/web@${d}`)
    ])
    // The index carries the standard OCI annotations.
    expect(annotations).toContain('index:org.opencontainers.image.version=1.0.0')
    expect(annotations.every(a => a.startsWith('index:org.opencontainers.image.'))).toBe(true)
    expect(output(run, 'digest')).toBe(run.registry.tag('team/web', '1.0.0'))
    expect(run.registry.tag('team/web', 'latest')).toBe(run.registry.tag('team/web', '1.0.0'))
    expect(run.registry.tag('team/web', 'stable')).toBe(run.registry.tag('team/web', '1.0.0'))
    expect(run.registry.requests).toContain('PUT /v2/team/web/manifests/stable')
    expect(run.registry.requests).toContain('PUT /v2/team/web/manifests/latest')
  })

  test('the read of the merged index is tried again on a 503; the digest output is the index', async () => {
    existingRepository(defaultPolicy())
    const registry = new FakeRegistry()
    let versionReads = 0
    const transport: HttpTransport = async (url, init) => {
      // The first read is the version check before the merge (404); the second, after it, answers 503.
      if (url.pathname === '/v2/team/web/manifests/1.0.0' && ++versionReads === 2) throw Object.assign(new Error('GET team/web:1.0.0 manifest: 503'), { status: 503 })
      return registry.transport(url, init)
    }
    registry.client = credentials => new RegistryClient(credentials, undefined, transport)
    const tries: string[] = []
    const run = await ship({ 'merge-digests': digests.join('\n') }, { registry, retry: { ...noRetry, attempts: 4, log: line => tries.push(line) } })
    expect(run.error).toBeUndefined()
    expect(tries).toEqual(["reading the merged index '1.0.0' failed (GET team/web:1.0.0 manifest: 503); trying again in 0s (2 of 4)."])
    expect(output(run, 'digest')).toBe(registry.tag('team/web', '1.0.0'))
  })

  test('a merge the registry then shows no index for fails naming it, instead of going on with no digest', async () => {
    existingRepository(defaultPolicy())
    const registry = new FakeRegistry()
    const fake = registryDocker(registry, HOST)
    // imagetools exits 0, but nothing is under the version afterwards.
    const docker: PipelineDeps['docker'] = async (args, o) => (args[1] === 'imagetools' ? { exitCode: 0, stdout: '', stderr: '' } : fake.docker(args, o))
    const run = await ship({ 'merge-digests': digests.join('\n') }, { registry, docker })
    expect(run.error).toBeInstanceOf(ActionError)
    expect(failureMessage(run.error)).toMatch(/^The merge exited successfully, but the registry has no '1\.0\.0' in team\/web after it: .*run the job again/)
    expect(output(run, 'digest')).toBeUndefined()
  })
})

describe('a failure in each stage is reported, and nothing after it runs', () => {
  test('sign-in: the role refuses the token → the trust policy to fix; no ECR call', async () => {
    sts.on(AssumeRoleWithWebIdentityCommand).rejects(Object.assign(new Error('Not authorized to perform sts:AssumeRoleWithWebIdentity'), { name: 'AccessDenied' }))
    const run = await ship({})
    expect(failureMessage(run.error)).toMatch(/^Could not assume arn:aws:iam::123456789012:role\/github-push .*trust policy/)
    expect(ecrCalls()).toEqual([])
  })

  test('the builder check: no docker daemon → the fix; nothing is written to AWS', async () => {
    newRepository()
    const run = await ship({}, { fail: { 'buildx inspect': { exitCode: 1, stdout: '', stderr: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock' } } })
    expect(failureMessage(run.error)).toBe('the Docker daemon is not running: start it (or use a runner where it runs) before this step.')
    // The repository's reads ran beside the check; its creation waited for it and never came.
    expect(ecrCalls()).toContain('DescribeRepositories')
    expect(ecrCalls().filter(c => /^(Create|Put|Set|Tag|Delete|Start|Update|Batch)/.test(c))).toEqual([])
    expect(groups).toEqual(['sign-in', 'repository'])
  })

  test('repository: ECR refuses CreateRepository → its error; no login, no build', async () => {
    newRepository()
    ecr.on(CreateRepositoryCommand).rejects(Object.assign(new Error('not authorized to perform: ecr:CreateRepository'), { name: 'AccessDeniedException' }))
    const run = await ship({})
    expect(failureMessage(run.error)).toBe('AccessDeniedException: not authorized to perform: ecr:CreateRepository')
    expect(groups).toEqual(['sign-in', 'repository'])
    expect(commands(run.docker)).not.toContain('buildx build')
  })

  test('repository: missing and create-repository is false → says how to fix it', async () => {
    newRepository()
    const run = await ship({ 'create-repository': 'false' })
    expect(failureMessage(run.error)).toBe("Repository 'team/web' does not exist in us-east-1: create it, or set create-repository: true to let the action create it.")
    expect(ecrCalls()).not.toContain('CreateRepository')
  })

  test('build: a failing build step fails the run with buildx’s error; latest is not moved', async () => {
    existingRepository(defaultPolicy())
    const registry = new FakeRegistry()
    const before = registry.pushImage('team/web', 'latest', OTHER_SHA)
    const run = await ship(
      {},
      { registry, fail: { 'buildx build': { exitCode: 1, stdout: '', stderr: 'ERROR: failed to solve: process "/bin/sh -c make" did not complete successfully: exit code: 2' } } }
    )
    expect(failureMessage(run.error)).toBe('docker buildx build failed: process "/bin/sh -c make" did not complete successfully: exit code: 2')
    expect(registry.tag('team/web', 'latest')).toBe(before)
    expect(output(run, 'digest')).toBeUndefined()
  })

  test('version: a registry read that times out is tried again like any passing fault; a refused certificate is not', async () => {
    existingRepository(defaultPolicy())
    /** A registry whose client's transport throws `fault(url, n)` (n: the request's number) instead of answering, when it returns one. */
    const faulty = (fault: (url: URL, n: number) => Error | undefined): FakeRegistry => {
      const registry = new FakeRegistry()
      let n = 0
      const transport: HttpTransport = async (url, init) => {
        const error = fault(url, ++n)
        if (error) throw error
        return registry.transport(url, init)
      }
      registry.client = credentials => new RegistryClient(credentials, undefined, transport)
      return registry
    }
    const tries: string[] = []
    const retry: RetryPolicy = { attempts: 4, delay: () => 0, sleep: async () => undefined, log: line => tries.push(line) }

    let timedOut = false
    const timingOut = faulty(url =>
      !timedOut && url.pathname.endsWith('/manifests/1.0.0') && (timedOut = true) ? Object.assign(new Error('GET …: no answer in 30s'), { code: 'ETIMEDOUT' }) : undefined
    )
    const run = await ship({}, { registry: timingOut, retry })
    expect(run.error).toBeUndefined()
    expect(tries).toEqual(["reading the tag '1.0.0' failed (GET …: no answer in 30s); trying again in 0s (2 of 4)."])

    tries.length = 0
    const untrusted = faulty(() => Object.assign(new ActionError('The TLS certificate of registry.test is self-signed …'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }))
    const refused = await ship({}, { registry: untrusted, retry })
    expect(failureMessage(refused.error)).toBe('The TLS certificate of registry.test is self-signed …')
    expect(tries).toEqual([])
    expect(commands(refused.docker)).not.toContain('buildx build')
  })
})
