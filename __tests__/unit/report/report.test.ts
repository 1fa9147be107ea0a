/**
 * The tail of a push as pipeline.ts runs it — the reads of what was pushed
 * (report/image-size.ts), the scan gate (aws/scan-verdict.ts) and the report of plain data
 * (report/report.ts): with `scan-fail-on` the gate must know every platform image it judges. A read that fails in a passing way is
 * tried again; one that keeps failing, an empty digest or an index without a platform image
 * fails the run naming the image — never "passed" on nothing, never `scan-findings={}`.
 * Without the gate the sizes stay informative, and the summary says when they are unknown.
 */
import { jest } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DescribeImageScanFindingsCommand, ECRClient } from '@aws-sdk/client-ecr'
import { mockClient } from 'aws-sdk-client-mock'
import type { Destination } from '../../../src/aws/destination.js'
import { ActionError } from '../../../src/errors.js'
import { RegistryClient } from '../../../src/registry/client.js'
import type { HttpTransport } from '../../../src/network/http.js'
import { report, type Pushed } from '../../../src/report/report.js'
import { pushedImages } from '../../../src/registry/platform-images.js'
import { awaitScans, gateVerdict, unjudgeable } from '../../../src/aws/scan-verdict.js'
import type { RetryDeps } from '../../../src/retry.js'
import { readSettings } from '../../../src/settings/read.js'
import { Stages } from '../../../src/stages.js'
import { FakeRegistry } from '../../fixtures/fake-registry.js'
import { makeWorkspace, SHA, stepEnv, type TempWorkspace } from '../../fixtures/workspace.js'

const HOST = '123456789012.dkr.ecr.us-east-1.amazonaws.com'
const INDEX = 'application/vnd.oci.image.index.v1+json'
const IMAGE = 'application/vnd.oci.image.manifest.v1+json'

const ecrMock = mockClient(ECRClient)
const ecr = new ECRClient({ region: 'us-east-1', credentials: { accessKeyId: 'AKIA', secretAccessKey: 'x' } })

let ws: TempWorkspace
let files: string
let tries: string[]
let stdout: ReturnType<typeof jest.spyOn>

beforeAll(() => {
  ws = makeWorkspace()
  files = mkdtempSync(path.join(os.tmpdir(), 'report-test-'))
})
afterAll(() => {
  ws.remove()
  rmSync(files, { recursive: true, force: true })
  ecrMock.restore()
})
beforeEach(() => {
  ecrMock.reset()
  ecrMock.on(DescribeImageScanFindingsCommand).resolves({ imageScanStatus: { status: 'COMPLETE' }, imageScanFindings: { findingSeverityCounts: { MEDIUM: 1 } } })
  for (const name of ['GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY']) {
    process.env[name] = path.join(files, name)
    writeFileSync(process.env[name] ?? '', '')
  }
  tries = []
  stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
})
afterEach(() => stdout.mockRestore())

const retry = (): RetryDeps => ({ policy: { attempts: 4, delay: () => 0, sleep: async () => undefined, log: line => tries.push(line) } })

/** A registry whose GETs of `failing` answer 503 `times` times (Infinity: always). */
function registryFailing(registry: FakeRegistry, failing: string, times: number): RegistryClient {
  let left = times
  const transport: HttpTransport = async (url, init) => {
    if ((init?.method ?? 'GET') === 'GET' && url.pathname.endsWith(`/manifests/${failing}`) && left-- > 0) {
      const body = Buffer.from('{"errors":[{"code":"UNAVAILABLE","message":"service unavailable"}]}')
      return {
        status: 503,
        ok: false,
        headers: { get: () => null },
        text: async () => body.toString(),
        json: async () => JSON.parse(body.toString()) as unknown,
        arrayBuffer: async () => body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer
      }
    }
    return registry.transport(url, init)
  }
  return new RegistryClient({ registry: HOST, username: 'AWS', password: 'pw' }, undefined, transport)
}

function destination(): Destination {
  return {
    uri: `${HOST}/team/web`,
    registry: HOST,
    path: 'team/web',
    changes: [],
    warnings: [],
    lifecycle: '',
    mutability: { mode: 'IMMUTABLE', exclusions: [] },
    credentials: undefined as unknown as Destination['credentials'],
    ecr
  }
}

async function run(inputs: Record<string, string>, client: RegistryClient, digest: string): Promise<{ error: unknown; outputs: string; summary: string }> {
  const settings = readSettings(stepEnv(ws.dir, { repository: 'team/web', version: '1.0.0', ...inputs }))
  const pushed: Pushed = { digest, metadata: {}, outcome: 'built and pushed', built: true }
  const target = destination()
  let error: unknown
  try {
    // As pipeline.ts does it: read, judge (the scan stage), report, then fail on the verdict.
    const gated = settings.scan.failOn !== undefined
    const read = await pushedImages(client, target.path, digest, retry(), { single: '', gated })
    const unjudged = gated ? unjudgeable(settings, target, read.unread) : undefined
    const scan = gated && unjudged === undefined ? await new Stages().run('scan', () => awaitScans(settings, { ...target, ecr }, read.images)) : undefined
    const verdict = gated ? gateVerdict(settings, digest, scan, unjudged) : undefined
    await report(settings, { destination: target, pushed, ...read, latestBefore: undefined, ...(verdict ? { scan: verdict } : {}), times: [] })
    if (verdict?.failure) throw verdict.failure
  } catch (e) {
    error = e
  }
  return { error, outputs: readFileSync(path.join(files, 'GITHUB_OUTPUT'), 'utf8'), summary: readFileSync(path.join(files, 'GITHUB_STEP_SUMMARY'), 'utf8') }
}

const scanned = (): string[] => ecrMock.commandCalls(DescribeImageScanFindingsCommand).map(c => c.args[0].input.imageId?.imageDigest ?? '')
const findings = (outputs: string): string | undefined => /^scan-findings<<(\S+)\n([\s\S]*?)\n\1$/m.exec(outputs)?.[2]

/** The two platform images of the index `digest` names. */
function children(registry: FakeRegistry, digest: string): string[] {
  const index = JSON.parse(registry.manifests.get(`team/web@${digest}`)?.body.toString() ?? '{}') as { manifests: { digest: string }[] }
  return index.manifests.map(m => m.digest)
}

describe('scan-fail-on: the images the gate judges', () => {
  test('a 503 on the index read is tried again, and the gate then judges every platform', async () => {
    const registry = new FakeRegistry()
    const digest = registry.pushImage('team/web', '1.0.0', SHA)
    const result = await run({ 'scan-fail-on': 'HIGH' }, registryFailing(registry, digest, 1), digest)
    expect(result.error).toBeUndefined()
    expect(tries).toHaveLength(1)
    expect(tries[0]).toMatch(/failed \(GET team\/web:sha256:[0-9a-f]{64} manifest: 503 .*\); trying again in 0s \(2 of 4\)\.$/)
    expect(scanned().sort()).toEqual(children(registry, digest).sort())
    expect(JSON.parse(findings(result.outputs) ?? '')).toEqual({ MEDIUM: 2 })
  })

  test('a read that keeps failing fails the run naming the image; no scan is read and scan-findings is not {}', async () => {
    const registry = new FakeRegistry()
    const digest = registry.pushImage('team/web', '1.0.0', SHA)
    const result = await run({ 'scan-fail-on': 'HIGH' }, registryFailing(registry, digest, Infinity), digest)
    expect(result.error).toBeInstanceOf(ActionError)
    const message = (result.error as Error).message
    expect(message).not.toContain('\n')
    expect(message).toMatch(new RegExp(`^scan-fail-on can't judge team/web@${digest}: .*failed 4 times .*503.*run the job again`))
    expect(tries).toHaveLength(3)
    expect(scanned()).toEqual([])
    expect(findings(result.outputs)).not.toBe('{}')
    expect(result.outputs).not.toMatch(/scan-findings<<\S+\n\{\}\n/)
    expect(result.summary).toMatch(/<th align="left">Scan<\/th><td>not judged — scan-fail-on HIGH: failed/)
  })

  test('a child manifest read that keeps failing fails the run too', async () => {
    const registry = new FakeRegistry()
    const digest = registry.pushImage('team/web', '1.0.0', SHA)
    const [child = ''] = children(registry, digest)
    const result = await run({ 'scan-fail-on': 'HIGH' }, registryFailing(registry, child, Infinity), digest)
    expect((result.error as Error).message).toMatch(new RegExp(`^scan-fail-on can't judge team/web@${digest}: `))
    expect(scanned()).toEqual([])
  })

  test('an empty digest fails the run: there is no image to judge', async () => {
    const registry = new FakeRegistry()
    registry.pushImage('team/web', '1.0.0', SHA)
    const result = await run({ 'scan-fail-on': 'HIGH' }, registry.client({ registry: HOST, username: 'AWS', password: 'pw' }), '')
    expect(result.error).toBeInstanceOf(ActionError)
    expect((result.error as Error).message).toMatch(/^scan-fail-on can't judge team\/web:1\.0\.0: the run has no digest of the pushed image/)
    expect(scanned()).toEqual([])
    expect(findings(result.outputs)).not.toBe('{}')
  })

  test('a digest the registry has no manifest for fails the run', async () => {
    const registry = new FakeRegistry()
    const digest = `sha256:${'f'.repeat(64)}`
    const result = await run({ 'scan-fail-on': 'HIGH' }, registry.client({ registry: HOST, username: 'AWS', password: 'pw' }), digest)
    expect((result.error as Error).message).toMatch(new RegExp(`^scan-fail-on can't judge team/web@${digest}: the registry has no such manifest`))
  })

  test('an index that names no platform image (only attestations) fails the run', async () => {
    const registry = new FakeRegistry()
    const attestation = registry.put('team/web', IMAGE, JSON.stringify({ schemaVersion: 2, mediaType: IMAGE, layers: [] }))
    const digest = registry.put(
      'team/web',
      INDEX,
      JSON.stringify({ schemaVersion: 2, mediaType: INDEX, manifests: [{ mediaType: IMAGE, digest: attestation, size: 1, platform: { os: 'unknown', architecture: 'unknown' } }] }),
      '1.0.0'
    )
    const result = await run({ 'scan-fail-on': 'HIGH' }, registry.client({ registry: HOST, username: 'AWS', password: 'pw' }), digest)
    expect(result.error).toBeInstanceOf(ActionError)
    expect((result.error as Error).message).toMatch(new RegExp(`^scan-fail-on can't judge team/web@${digest}: its index names no platform image`))
    expect(scanned()).toEqual([])
  })
})

describe('without scan-fail-on', () => {
  test('a read that keeps failing drops the sizes, and the summary says so; the run goes on', async () => {
    const registry = new FakeRegistry()
    const digest = registry.pushImage('team/web', '1.0.0', SHA)
    const result = await run({}, registryFailing(registry, digest, Infinity), digest)
    expect(result.error).toBeUndefined()
    expect(result.summary).toMatch(/<th align="left">Size<\/th><td>not known: .*503/)
    expect(scanned()).toEqual([])
    expect(findings(result.outputs)).toBe('')
  })
})
