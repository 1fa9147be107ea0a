/**
 * Replication, the scanning gate (which also holds back `copy-to`) and the size/cost lines, end to end: the bundled action
 * on the local stack, with the registry's replication configuration and the scans read
 * back from the emulator.
 */
import { jest } from '@jest/globals'
import { CreateRepositoryCommand, DescribeRegistryCommand, PutImageScanningConfigurationCommand, PutReplicationConfigurationCommand, type ReplicationRule } from '@aws-sdk/client-ecr'
import { DescribeImagesCommand, ECRPUBLICClient, GetRepositoryCatalogDataCommand, PutRepositoryCatalogDataCommand } from '@aws-sdk/client-ecr-public'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { errorLine, runAction, type RunResult } from '../../scripts/local-runner.mjs'
import {
  awsCalls,
  ecr,
  env,
  failManifestReads,
  jobEnv,
  makeWorkspace,
  REGISTRY,
  registryGet,
  registryManifest,
  registryTags,
  resetCalls,
  resetFaults,
  resetStack,
  ROLE,
  runImage,
  setScans,
  writeCalls
} from './stack.js'

jest.setTimeout(15 * 60 * 1000)

const ship = (inputs: Record<string, string>, workspace: string): Promise<RunResult> =>
  runAction({ inputs: { 'role-to-assume': ROLE, 'aws-region': 'us-east-1', ...inputs }, env: jobEnv(), workspace, post: true })

function expectSuccess(result: RunResult): void {
  if (result.exitCode !== 0) throw new Error(`the action failed:\n${result.log}`)
}

beforeAll(() => resetStack())

describe('replicate-to-regions', () => {
  const OTHER: ReplicationRule = { destinations: [{ region: 'sa-east-1', registryId: '123456789012' }], repositoryFilters: [{ filter: 'payments/', filterType: 'PREFIX_MATCH' }] }
  let first: RunResult

  beforeAll(async () => {
    await ecr.send(new PutReplicationConfigurationCommand({ replicationConfiguration: { rules: [OTHER] } }))
    first = await ship({ repository: 'team/replicated', version: '1.0.0', 'replicate-to-regions': 'eu-west-1, ap-northeast-2', platforms: 'linux/amd64' }, makeWorkspace('replicated'))
  })

  test("adds a rule for the repository and keeps the registry's other rule as it was", async () => {
    expectSuccess(first)
    const rules = (await ecr.send(new DescribeRegistryCommand({}))).replicationConfiguration?.rules
    expect(rules).toEqual([
      OTHER,
      {
        destinations: [
          { region: 'eu-west-1', registryId: '123456789012' },
          { region: 'ap-northeast-2', registryId: '123456789012' }
        ],
        repositoryFilters: [{ filter: 'team/replicated', filterType: 'PREFIX_MATCH' }]
      }
    ])
    expect(first.log).toContain('Repository team/replicated: replication to eu-west-1, ap-northeast-2 added (registry replication rule 2 of 2)')
  })

  test('outputs the replica URIs and lists them in the summary', () => {
    const replicas = ['eu-west-1', 'ap-northeast-2'].map(r => `123456789012.dkr.ecr.${r}.amazonaws.com/team/replicated:1.0.0`)
    expect(first.outputs['replica-uris']).toBe(replicas.join('\n'))
    expect(first.summary).toContain(`<th align="left">Replicas</th><td><code>${replicas[0]}</code><br><code>${replicas[1]}</code></td>`)
    expect(first.summary).toMatch(/storage: about \$[\d.]+ a month in 3 regions/)
  })

  test('already replicated: the next version makes no write call', async () => {
    await resetCalls()
    expectSuccess(await ship({ repository: 'team/replicated', version: '1.0.1', 'replicate-to-regions': 'ap-northeast-2,eu-west-1', platforms: 'linux/amd64' }, makeWorkspace('replicated-2')))
    const calls = await awsCalls()
    expect(calls.map(c => c.operation)).toContain('DescribeRegistry')
    expect(writeCalls(calls)).toEqual([])
  })
})

describe('replicate-to-regions next to rules for other repositories (ECR filters by name prefix)', () => {
  const to = (region: string) => [{ region, registryId: '123456789012' }]
  // A rule whose prefix begins this repository's name, and a sibling's rule for a longer name.
  const SHORTER: ReplicationRule = { destinations: to('eu-west-1'), repositoryFilters: [{ filter: 'team/sib', filterType: 'PREFIX_MATCH' }] }
  const LONGER: ReplicationRule = { destinations: to('ap-northeast-2'), repositoryFilters: [{ filter: 'team/sib-web-old', filterType: 'PREFIX_MATCH' }] }

  test("the shorter prefix's rule counts and is named in the log, the sibling's does not; the new rule's filter is the full name and the run says what else it matches", async () => {
    await ecr.send(new PutReplicationConfigurationCommand({ replicationConfiguration: { rules: [SHORTER, LONGER] } }))
    const result = await ship({ repository: 'team/sib-web', version: '1.0.0', 'replicate-to-regions': 'eu-west-1,ap-northeast-2', platforms: 'linux/amd64' }, makeWorkspace('sib-web'))
    expectSuccess(result)
    const rules = (await ecr.send(new DescribeRegistryCommand({}))).replicationConfiguration?.rules
    expect(rules).toEqual([SHORTER, LONGER, { destinations: to('ap-northeast-2'), repositoryFilters: [{ filter: 'team/sib-web', filterType: 'PREFIX_MATCH' }] }])
    expect(result.log).toContain("Replication of team/sib-web: the registry's rules already copy it to eu-west-1 (rule 1, prefix 'team/sib').")
    const change =
      "replication to ap-northeast-2 added (registry replication rule 3 of 3); ECR's filters are prefixes: the rule's filter 'team/sib-web' also replicates every repository whose name begins with it, e.g. 'team/sib-web-api'"
    expect(result.log).toContain(`Repository team/sib-web: ${change}`)
    expect(result.summary).toContain(change)
  })
})

describe('scan-fail-on', () => {
  test('below the threshold: waits for both platform scans, reports the findings, passes', async () => {
    await setScans({ severityCounts: { HIGH: 2, LOW: 1 }, inProgressReads: 2 })
    const result = await ship({ repository: 'team/scanned', version: '1.0.0', 'scan-fail-on': 'CRITICAL' }, makeWorkspace('scanned'))
    expectSuccess(result)
    expect(result.log).toMatch(/Waiting for ECR's scan of linux\/amd64 sha256:[0-9a-f]{12}…: IN_PROGRESS/)
    expect(result.log).toMatch(/Waiting for ECR's scan of linux\/arm64 sha256:[0-9a-f]{12}…: IN_PROGRESS/)
    expect(JSON.parse(result.outputs['scan-findings'] ?? '')).toEqual({ HIGH: 4, LOW: 2 })
    expect(result.summary).toContain('<th align="left">Scan</th><td>4 HIGH, 2 LOW — scan-fail-on CRITICAL: passed</td>')
  })

  test('at the threshold: fails in one line naming the findings, after pushing and writing the summary; latest stays on the image that passed, and nothing is copied', async () => {
    await setScans({ severityCounts: { CRITICAL: 1, MEDIUM: 3 } })
    const passed = await registryManifest('team/scanned', 'latest')
    await ecr.send(new CreateRepositoryCommand({ repositoryName: 'team/scanned-mirror' }))
    const result = await ship({ repository: 'team/scanned', version: '1.0.1', 'scan-fail-on': 'HIGH', 'copy-to': 'team/scanned-mirror' }, makeWorkspace('scanned-2'))
    expect(result.exitCode).toBe(1)
    const error = result.log.split('\n').filter(l => l.startsWith('::error::'))
    expect(error).toHaveLength(1)
    expect(error[0]).toMatch(/^::error::ECR's scan found 2 CRITICAL in team\/scanned@sha256:[0-9a-f]{64} \(scan-fail-on: HIGH\): fix them and push a new version/)
    expect(result.outputs.digest).toMatch(/^sha256:/)
    expect(result.summary).toContain('2 CRITICAL, 6 MEDIUM — scan-fail-on HIGH: failed')
    // What deploys latest never gets the image the gate failed: the version is pushed, latest is not moved.
    expect((await registryManifest('team/scanned', '1.0.1')).digest).toBe(result.outputs.digest)
    expect((await registryManifest('team/scanned', 'latest')).digest).toBe(passed.digest)
    expect(result.log).toContain("::warning::'latest' left where it was: scan-fail-on did not pass.")
    expect(result.outputs['latest-uri']).toBe('')
    // Nor does a copy-to repository: nothing is copied of an image the gate failed.
    expect(await registryTags('team/scanned-mirror')).toEqual([])
    expect(result.log).toContain(`::warning::Not copied to ${REGISTRY}/team/scanned-mirror: scan-fail-on did not pass.`)
    expect(result.outputs['copied-uris']).toBe('')
  })

  test('a repository without scan on push: the action starts each scan', async () => {
    await ecr.send(new PutImageScanningConfigurationCommand({ repositoryName: 'team/scanned', imageScanningConfiguration: { scanOnPush: false } }))
    await setScans({ severityCounts: {} })
    await resetCalls()
    const result = await ship({ repository: 'team/scanned', version: '1.0.2', 'scan-on-push': 'false', 'scan-fail-on': 'LOW', platforms: 'linux/arm64' }, makeWorkspace('scanned-3'))
    expectSuccess(result)
    expect((await awsCalls()).filter(c => c.operation === 'StartImageScan')).toHaveLength(1)
    expect(result.summary).toContain('no findings — scan-fail-on LOW: passed')
  })

  test('a scan still running at scan-timeout: the wait is bounded and the run says what to do', async () => {
    await setScans({ severityCounts: {}, inProgressReads: 1000 })
    const result = await ship({ repository: 'team/scanned', version: '1.0.9', 'scan-fail-on': 'HIGH', 'scan-timeout': '10', platforms: 'linux/amd64' }, makeWorkspace('scanned-slow'))
    expect(result.exitCode).toBe(1)
    expect(result.log).toMatch(/::error::ECR's scan of linux\/amd64 sha256:[0-9a-f]{12}… was still IN_PROGRESS after \d+ s: run the job again later, or raise scan-timeout \(now 10 s\)/)
    expect(result.log.match(/Waiting for ECR's scan/g)?.length).toBeGreaterThanOrEqual(3)
  })

  test('a scan that fails: the gate fails and says why', async () => {
    await setScans({ status: 'UNSUPPORTED_IMAGE' })
    const result = await ship({ repository: 'team/scanned', version: '1.0.3', 'scan-fail-on': 'CRITICAL', platforms: 'linux/amd64' }, makeWorkspace('scanned-4'))
    expect(result.exitCode).toBe(1)
    expect(result.log).toMatch(/::error::ECR's scan of linux\/amd64 sha256:[0-9a-f]{12}… ended UNSUPPORTED_IMAGE .*so scan-fail-on can't vouch for the image/)
  })

  // The reads of the pushed index and its platform images are by digest; the version
  // check before the build reads by tag, which these faults leave alone. `latest: false`:
  // no tag is put over the API (which would read the index first); `cache: none`: BuildKit
  // doesn't read a registry cache's manifest by digest. So the action's reads after the
  // push are the only reads by digest.
  describe('the registry answers 503 to the reads of what was pushed', () => {
    afterEach(() => resetFaults())

    test('once: the read is tried again, and the gate judges both platforms', async () => {
      await setScans({ severityCounts: { HIGH: 1 }, inProgressReads: 1 })
      await failManifestReads({ count: 1, status: 503, method: 'GET', reference: 'sha256:*', repository: 'team/scanned' })
      const result = await ship({ repository: 'team/scanned', version: '1.0.5', latest: 'false', cache: 'none', 'scan-fail-on': 'CRITICAL' }, makeWorkspace('scanned-503'))
      expectSuccess(result)
      const digest = result.outputs.digest ?? ''
      expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/)
      expect(result.log).toContain(`reading the pushed image ${digest.slice(0, 19)}… failed (GET team/scanned:${digest} manifest: 503 `)
      expect(result.log).toMatch(/Waiting for ECR's scan of linux\/amd64 sha256:[0-9a-f]{12}…/)
      expect(result.log).toMatch(/Waiting for ECR's scan of linux\/arm64 sha256:[0-9a-f]{12}…/)
      expect(JSON.parse(result.outputs['scan-findings'] ?? '')).toEqual({ HIGH: 2 })
      expect(result.summary).toContain('2 HIGH — scan-fail-on CRITICAL: passed')
    })

    test('every time: the run fails naming the image it could not judge; no scan is read, scan-findings is not {}', async () => {
      await setScans({ severityCounts: {} })
      await failManifestReads({ count: 1000, status: 503, method: 'GET', reference: 'sha256:*', repository: 'team/scanned' })
      await resetCalls()
      const result = await ship({ repository: 'team/scanned', version: '1.0.6', latest: 'false', cache: 'none', 'scan-fail-on': 'HIGH' }, makeWorkspace('scanned-503-always'))
      expect(result.exitCode).toBe(1)
      const digest = result.outputs.digest ?? ''
      expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/)
      const errors = result.log.split('\n').filter(l => l.startsWith('::error::'))
      expect(errors).toHaveLength(1)
      expect(errors[0]).toMatch(
        new RegExp(
          `^::error::scan-fail-on can't judge team/scanned@${digest}: reading the pushed image sha256:[0-9a-f]{12}… failed 4 times \\(GET .* 503 .*\\); the registry may be having trouble: run the job again\\.$`
        )
      )
      expect((await awsCalls()).map(c => c.operation)).not.toContain('DescribeImageScanFindings')
      expect(result.outputs['scan-findings']).toBe('')
      expect(result.files.outputs['scan-findings']).not.toBe('{}')
      expect(result.summary).toContain('not judged — scan-fail-on HIGH: failed')
    })
  })

  test('a dry run says the scan would be awaited, and reads no scan', async () => {
    await resetCalls()
    const plan = await ship({ repository: 'team/scanned', version: '2.0.0', 'scan-fail-on': 'HIGH', 'scan-timeout': '300', 'dry-run': 'true' }, makeWorkspace('scanned-plan'))
    expectSuccess(plan)
    expect(plan.log).toContain("would be built and pushed, then ECR's scan awaited (up to 300 s) and the run failed at or above HIGH")
    expect((await awsCalls()).map(c => c.operation)).not.toContain('DescribeImageScanFindings')
    expect(plan.log).toContain('"ecr:DescribeImageScanFindings"')
  })

  test('no scan-fail-on: no scan call, no waiting, an empty scan-findings output', async () => {
    await resetCalls()
    const result = await ship({ repository: 'team/scanned', version: '1.0.4', platforms: 'linux/amd64' }, makeWorkspace('scanned-5'))
    expectSuccess(result)
    // (the registry's scanning configuration may be read: this run turns scan on push back on)
    expect((await awsCalls()).map(c => c.operation).filter(o => /Image.*Scan/.test(o) && o !== 'PutImageScanningConfiguration')).toEqual([])
    expect(result.outputs['scan-findings']).toBe('')
  })
})

describe('sizes and storage cost in the summary', () => {
  /** Config plus layers of one platform image, as the registry serves it. */
  async function imageBytes(repository: string, digest: string): Promise<{ total: number; blobs: Map<string, number> }> {
    const res = await registryGet(`/v2/${repository}/manifests/${digest}`)
    const m = JSON.parse(res.body) as { config: { digest: string; size: number }; layers: { digest: string; size: number }[] }
    const blobs = new Map([m.config, ...m.layers].map(d => [d.digest, d.size]))
    return { total: [...blobs.values()].reduce((a, b) => a + b, 0), blobs }
  }
  const human = (n: number) => (n < 1024 ? `${n} B` : n < 1024 ** 2 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 ** 2).toFixed(1)} MB`)

  test('each platform compressed, what the push added over the earlier latest, the monthly estimate at the stated price', async () => {
    const first = await ship({ repository: 'team/sized', version: '1.0.0' }, makeWorkspace('sized'))
    expectSuccess(first)
    expect(first.summary).toContain('added by this push: not known (no earlier latest to compare with)')
    const before = await registryManifest('team/sized', 'latest')

    const second = await ship({ repository: 'team/sized', version: '1.0.1', 'storage-price': '0.25' }, makeWorkspace('sized-2'))
    expectSuccess(second)
    const index = await registryManifest('team/sized', second.outputs.digest ?? '')
    const previous = await Promise.all(before.manifests.map(m => imageBytes('team/sized', m.digest)))
    const had = new Set(previous.flatMap(p => [...p.blobs.keys()]))
    const all = new Map<string, number>()
    for (const m of index.manifests) {
      const { total, blobs } = await imageBytes('team/sized', m.digest)
      expect(second.summary).toContain(`${m.platform?.os}/${m.platform?.architecture}: ${human(total)} compressed`)
      for (const [d, s] of blobs) all.set(d, s)
    }
    const added = [...all].filter(([d]) => !had.has(d)).reduce((a, [, s]) => a + s, 0)
    expect(added).toBeGreaterThan(0)
    expect(second.summary).toContain(`added by this push: ${human(added)} (layers the earlier latest didn't have)`)
    expect(second.summary).toMatch(/storage: about \$[\d.e-]+ a month at \$0\.25 per GB-month \(storage-price\)/)
  })
})

describe('registry-type: public', () => {
  const pub = new ECRPUBLICClient({ region: 'us-east-1', endpoint: env.AWS_ENDPOINT_URL ?? 'http://127.0.0.1:4566', credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } })
  const URI = 'public.ecr.aws/ecr-build-push-local/tools/web'
  const publicCalls = async () => (await awsCalls()).filter(c => c.service === 'ecr-public')
  const publicWrites = async () => (await publicCalls()).filter(c => /^(Create|Put|Set|Tag)/.test(c.operation))
  let first: RunResult
  let ws: string

  beforeAll(async () => {
    ws = makeWorkspace('public')
    writeFileSync(path.join(ws, 'ABOUT.md'), '# tools/web\n\nA busybox that says where it was built.\n')
    await resetCalls()
    first = await ship({ 'registry-type': 'public', repository: 'tools/web', version: '1.0.0', description: 'Where was it built?', about: 'ABOUT.md' }, ws)
  })

  test('creates the public repository with catalog data from description, about and the platforms', async () => {
    expectSuccess(first)
    const catalog = (await pub.send(new GetRepositoryCatalogDataCommand({ repositoryName: 'tools/web' }))).catalogData
    expect(catalog).toMatchObject({
      description: 'Where was it built?',
      aboutText: '# tools/web\n\nA busybox that says where it was built.\n',
      architectures: ['x86-64', 'ARM 64'],
      operatingSystems: ['Linux']
    })
    expect(first.log).toContain('Repository tools/web: created the public repository with catalog data (x86-64, ARM 64; Linux)')
  })

  test('pushes both platforms under the version and latest to public.ecr.aws, and the outputs name them', async () => {
    expect(first.outputs['image-uri']).toBe(`${URI}:1.0.0`)
    expect(first.outputs['latest-uri']).toBe(`${URI}:latest`)
    expect(first.outputs.registry).toBe('public.ecr.aws')
    expect(first.outputs['image-digest-uri']).toBe(`${URI}@${first.outputs.digest}`)
    const images = (await pub.send(new DescribeImagesCommand({ repositoryName: 'tools/web' }))).imageDetails ?? []
    const index = images.find(i => i.imageDigest === first.outputs.digest)
    expect(index?.imageTags?.sort()).toEqual(['1.0.0', 'latest'])
    expect(runImage(first.outputs['image-digest-uri'] ?? '', 'linux/arm64')).toContain('aarch64 public')
    // The platforms in the summary, read from public.ecr.aws with its token service.
    expect(first.summary).toMatch(/linux\/amd64 <code>sha256:[0-9a-f]{64}<\/code><br>linux\/arm64/)
  })

  test('talks to ECR Public only, logs in to public.ecr.aws and out again in the post step', async () => {
    expect((await awsCalls()).filter(c => c.service === 'ecr')).toEqual([])
    expect(first.state['logged-in-registries']).toBe('["public.ecr.aws"]')
    expect(first.post?.log).toContain('Logged out of public.ecr.aws')
    expect(first.summary).toContain('none: ECR Public has no lifecycle policies')
    expect(first.summary).toContain('ECR Public: the first 50 GB a month are free')
  })

  test('the next version: the catalog already says it all, no write call', async () => {
    await resetCalls()
    expectSuccess(await ship({ 'registry-type': 'public', repository: 'tools/web', version: '1.0.1', description: 'Where was it built?' }, makeWorkspace('public-2')))
    expect(await publicWrites()).toEqual([])
    expect((await publicCalls()).map(c => c.operation).sort()).toEqual(['DescribeRepositories', 'GetAuthorizationToken', 'GetRepositoryCatalogData'])
  })

  test('a re-run of the same commit and version is reused under auto on its provenance (read from public.ecr.aws under the referrers tag schema); another commit stops; skip keeps it', async () => {
    const reused = await ship({ 'registry-type': 'public', repository: 'tools/web', version: '1.0.0' }, ws)
    expectSuccess(reused)
    expect(reused.outputs.skipped).toBe('true')
    expect(reused.outputs.digest).toBe(first.outputs.digest)
    expect(reused.log).toContain('and its provenance shows it was built from this commit')
    const refused = await runAction({
      inputs: { 'role-to-assume': ROLE, 'aws-region': 'us-east-1', 'registry-type': 'public', repository: 'tools/web', version: '1.0.0' },
      env: jobEnv({ GITHUB_SHA: 'f'.repeat(40) }),
      workspace: ws,
      post: true
    })
    expect(refused.exitCode).toBe(1)
    expect(errorLine(refused.log)).toContain(`Tag '1.0.0' already exists in 'tools/web' (${first.outputs.digest}), labelled as built from commit`)
    expect(errorLine(refused.log)).toContain(', not fffffff')
    const again = await ship({ 'registry-type': 'public', repository: 'tools/web', version: '1.0.0', 'if-version-exists': 'skip' }, ws)
    expectSuccess(again)
    expect(again.outputs.skipped).toBe('true')
    expect(again.outputs.digest).toBe(first.outputs.digest)
  })

  test('a changed description is set; a catalog with a logo is left alone, with a warning', async () => {
    expectSuccess(await ship({ 'registry-type': 'public', repository: 'tools/web', version: '1.0.2', description: 'Built where?' }, makeWorkspace('public-3')))
    expect((await pub.send(new GetRepositoryCatalogDataCommand({ repositoryName: 'tools/web' }))).catalogData).toMatchObject({
      description: 'Built where?',
      aboutText: expect.stringContaining('busybox')
    })

    const catalog = (await pub.send(new GetRepositoryCatalogDataCommand({ repositoryName: 'tools/web' }))).catalogData ?? {}
    await pub.send(new PutRepositoryCatalogDataCommand({ repositoryName: 'tools/web', catalogData: { ...catalog, logoImageBlob: new Uint8Array([137, 80, 78, 71]) } }))
    await resetCalls()
    const result = await ship({ 'registry-type': 'public', repository: 'tools/web', version: '1.0.3', description: 'Somewhere else' }, makeWorkspace('public-4'))
    expectSuccess(result)
    expect(await publicWrites()).toEqual([])
    expect(result.log).toMatch(/::warning::catalog data not updated \(description\): the repository has a logo/)
  })

  test('dry-run reads the public repository and prints the catalog change; nothing written', async () => {
    await resetCalls()
    const plan = await ship({ 'registry-type': 'public', repository: 'tools/web', version: '9.0.0', description: 'New words', 'dry-run': 'true' }, makeWorkspace('public-5'))
    expectSuccess(plan)
    expect(await publicWrites()).toEqual([])
    expect(plan.log).toContain('catalog data would not be updated (description): the repository has a logo')
    expect(plan.log).toContain('"ecr-public:PutRepositoryCatalogData"')
  })

  test('per-platform push-by-digest runs and a merge, on ECR Public', async () => {
    const split = makeWorkspace('public-split')
    const digests: string[] = []
    for (const arch of ['amd64', 'arm64']) {
      const job = await ship({ 'registry-type': 'public', repository: 'tools/split', version: '3.0.0', platforms: `linux/${arch}`, 'push-by-digest': 'true' }, split)
      expectSuccess(job)
      expect(job.log).toMatch(/Pushed sha256:[0-9a-f]{64} by digest/)
      digests.push(job.outputs.digest ?? '')
    }
    const merge = await ship({ 'registry-type': 'public', repository: 'tools/split', version: '3.0.0', 'merge-digests': digests.join(',') }, split)
    expectSuccess(merge)
    const images = (await pub.send(new DescribeImagesCommand({ repositoryName: 'tools/split' }))).imageDetails ?? []
    expect(images.find(i => i.imageDigest === merge.outputs.digest)?.imageTags?.sort()).toEqual(['3.0.0', 'latest'])
    expect(merge.outputs['image-uri']).toBe('public.ecr.aws/ecr-build-push-local/tools/split:3.0.0')
    expect(runImage(merge.outputs['image-digest-uri'] ?? '', 'linux/amd64')).toContain('x86_64 public-split')
  })

  test('an input ECR Public has no setting for is refused before any call', async () => {
    await resetCalls()
    const result = await ship({ 'registry-type': 'public', repository: 'tools/web', version: '2.0.0', 'lifecycle-keep-count': '10' }, ws)
    expect(result.exitCode).toBe(1)
    expect(result.log).toContain("::error::Input 'lifecycle-keep-count': is not available with registry-type: public")
    expect(await awsCalls()).toEqual([])
  })
})

test('the registry answers for the repositories these tests pushed', async () => {
  expect((await registryGet('/v2/team/sized/tags/list')).status).toBe(200)
  expect(REGISTRY).toMatch(/\.dkr\.ecr\./)
})
