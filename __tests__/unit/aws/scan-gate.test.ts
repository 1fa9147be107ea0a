/**
 * The scan gate: counts of findings, waiting for basic and enhanced scans within scan-timeout,
 * and the findings that fail the run.
 */
import { DescribeImageScanFindingsCommand, ECRClient, ScanNotFoundException, StartImageScanCommand, LimitExceededException } from '@aws-sdk/client-ecr'
import { mockClient } from 'aws-sdk-client-mock'
import { ActionError } from '../../../src/errors.js'
import { addCounts, countEnhanced, enhancedSeverity, failingArns, formatCounts, gateFailures, waitForScans, type ScanWait } from '../../../src/aws/scan-gate.js'

const A = `sha256:${'a'.repeat(64)}`
const B = `sha256:${'b'.repeat(64)}`
const IMAGES = [
  { platform: 'linux/amd64', digest: A },
  { platform: 'linux/arm64', digest: B }
]

const ecrMock = mockClient(ECRClient)
const ecr = new ECRClient({ region: 'us-east-1', credentials: { accessKeyId: 'AKIA', secretAccessKey: 'x' } })
afterAll(() => ecrMock.restore())
beforeEach(() => ecrMock.reset())

/** A clock that only moves when the gate sleeps. */
function fakeWait(timeoutSeconds = 60): ScanWait & { lines: string[]; slept: number[] } {
  let now = 0
  const lines: string[] = []
  const slept: number[] = []
  return {
    timeoutSeconds,
    interval: poll => Math.min(1000 * 2 ** (poll - 1), 5000),
    sleep: async ms => {
      slept.push(ms)
      now += ms
    },
    log: line => lines.push(line),
    now: () => now,
    lines,
    slept
  }
}

const complete = (counts: Record<string, number>) => ({
  imageScanStatus: { status: 'COMPLETE' as const },
  imageScanFindings: { findingSeverityCounts: counts }
})
const inProgress = { imageScanStatus: { status: 'IN_PROGRESS' as const } }
const forDigest = (digest: string) => ({ repositoryName: 'team/web', imageId: { imageDigest: digest } })

describe('counts', () => {
  test('gateFailures: only severities at or above the threshold, most severe first', () => {
    expect(gateFailures({ HIGH: 2, CRITICAL: 1, LOW: 9 }, 'HIGH')).toEqual(['1 CRITICAL', '2 HIGH'])
    expect(gateFailures({ MEDIUM: 3, LOW: 9 }, 'HIGH')).toEqual([])
    expect(gateFailures({ UNDEFINED: 1 }, 'UNDEFINED')).toEqual(['1 UNDEFINED'])
    expect(gateFailures({ UNDEFINED: 1 }, 'INFORMATIONAL')).toEqual([])
  })
  test('addCounts and formatCounts', () => {
    expect(addCounts([{ HIGH: 1 }, { HIGH: 2, LOW: 1 }])).toEqual({ HIGH: 3, LOW: 1 })
    expect(formatCounts({ LOW: 1, CRITICAL: 2 })).toBe('2 CRITICAL, 1 LOW')
    expect(formatCounts({})).toBe('no findings')
  })
})

describe('waitForScans', () => {
  test('waits through IN_PROGRESS with a progress line per poll, then adds both platforms up', async () => {
    ecrMock
      .on(DescribeImageScanFindingsCommand, forDigest(A))
      .resolvesOnce(inProgress)
      .resolvesOnce(inProgress)
      .resolves(complete({ HIGH: 1 }))
    ecrMock.on(DescribeImageScanFindingsCommand, forDigest(B)).resolves(complete({ HIGH: 2, LOW: 4 }))
    const wait = fakeWait()
    const result = await waitForScans(ecr, 'team/web', IMAGES, wait)
    expect(result.total).toEqual({ HIGH: 3, LOW: 4 })
    expect(result.perImage.map(i => i.counts)).toEqual([{ HIGH: 1 }, { HIGH: 2, LOW: 4 }])
    expect(wait.lines).toHaveLength(2)
    // Each image backs off on its own: 1 s, then 2 s.
    expect(wait.slept).toEqual([1000, 2000])
    expect(wait.lines[0]).toMatch(/^Waiting for ECR's scan of linux\/amd64 sha256:aaaaaaaaaaaa…: IN_PROGRESS \(0 s of 60 s\)$/)
    expect(ecrMock.commandCalls(StartImageScanCommand)).toHaveLength(0)
  })

  test('no scan yet (scan on push off): starts one, once, and waits for it', async () => {
    ecrMock
      .on(DescribeImageScanFindingsCommand)
      .rejectsOnce(new ScanNotFoundException({ message: 'no scan', $metadata: {} }))
      .resolvesOnce(inProgress)
      .resolves(complete({}))
    ecrMock.on(StartImageScanCommand).resolves({})
    const wait = fakeWait()
    const result = await waitForScans(ecr, 'team/web', [IMAGES[0]!], wait)
    expect(result.total).toEqual({})
    expect(ecrMock.commandCalls(StartImageScanCommand)).toHaveLength(1)
    expect(wait.lines[0]).toMatch(/^Started ECR's scan/)
  })

  test('a scan already started today (LimitExceeded) is waited for, not an error', async () => {
    ecrMock
      .on(DescribeImageScanFindingsCommand)
      .rejectsOnce(new ScanNotFoundException({ message: 'no scan', $metadata: {} }))
      .resolves(complete({ CRITICAL: 1 }))
    ecrMock.on(StartImageScanCommand).rejects(new LimitExceededException({ message: 'once a day', $metadata: {} }))
    expect((await waitForScans(ecr, 'team/web', [IMAGES[0]!], fakeWait())).total).toEqual({ CRITICAL: 1 })
  })

  test('still in progress at the deadline: one line naming scan-timeout', async () => {
    ecrMock.on(DescribeImageScanFindingsCommand).resolves(inProgress)
    const wait = fakeWait(20)
    const error = await waitForScans(ecr, 'team/web', [IMAGES[0]!], wait).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ActionError)
    expect((error as Error).message).toMatch(/still IN_PROGRESS after \d+ s: run the job again later, or raise scan-timeout \(now 20 s\)/)
    expect(wait.slept.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(20000)
  })

  test.each(['FAILED', 'UNSUPPORTED_IMAGE', 'FINDINGS_UNAVAILABLE'])('a scan that ends %s fails the gate, saying why', async status => {
    ecrMock.on(DescribeImageScanFindingsCommand).resolves({ imageScanStatus: { status: status as 'FAILED', description: 'UnsupportedImageError: the OS is not supported' } })
    await expect(waitForScans(ecr, 'team/web', [IMAGES[0]!], fakeWait())).rejects.toThrow(
      new RegExp(`ended ${status} \\(UnsupportedImageError: the OS is not supported\\), so scan-fail-on can't vouch`)
    )
  })

  test('a poll that never gets an answer is aborted at the deadline: the gate fails as for a scan still running, with the last status seen', async () => {
    const controller = new AbortController()
    const given: (AbortSignal | undefined)[] = []
    let polls = 0
    // The second poll hangs until its signal aborts, as the SDK's handler does.
    const hanging = {
      send: (_command: unknown, options?: { abortSignal?: AbortSignal }) => {
        given.push(options?.abortSignal)
        if (++polls === 1) return Promise.resolve(inProgress)
        return new Promise((_resolve, reject) => options?.abortSignal?.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' }))))
      }
    } as unknown as ECRClient
    const wait = { ...fakeWait(30), deadline: (ms: number) => (ms === 30000 ? controller.signal : AbortSignal.abort()) }
    const gate = waitForScans(hanging, 'team/web', [IMAGES[0]!], wait)
    await new Promise(resolve => setTimeout(resolve, 20))
    controller.abort()
    await expect(gate).rejects.toThrow(new ActionError(`ECR's scan of linux/amd64 sha256:aaaaaaaaaaaa… was still IN_PROGRESS after 1 s: run the job again later, or raise scan-timeout (now 30 s).`))
    expect(given).toEqual([controller.signal, controller.signal])
  })

  test('no platform image to judge: refuses instead of passing on nothing, and reads no scan', async () => {
    const error = await waitForScans(ecr, 'team/web', [], fakeWait()).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ActionError)
    expect((error as Error).message).toMatch(/^scan-fail-on has no platform image of team\/web to judge/)
    expect(ecrMock.calls()).toHaveLength(0)
  })

  test('enhanced scanning (ACTIVE) counts as done', async () => {
    ecrMock.on(DescribeImageScanFindingsCommand).resolves({ imageScanStatus: { status: 'ACTIVE' }, imageScanFindings: { findingSeverityCounts: { MEDIUM: 2 } } })
    expect((await waitForScans(ecr, 'team/web', [IMAGES[0]!], fakeWait())).total).toEqual({ MEDIUM: 2 })
  })
})

describe('waitForScans with enhanced scanning (the registry is ENHANCED)', () => {
  const arn = (n: number) => `arn:aws:inspector2:us-east-1:123456789012:finding/${n.toString(16).padStart(32, '0')}`
  const active = (severities: string[], nextToken?: string, from = 0) => ({
    imageScanStatus: { status: 'ACTIVE' as const },
    imageScanFindings: { enhancedFindings: severities.map((severity, i) => ({ severity, findingArn: arn(from + i), type: 'PACKAGE_VULNERABILITY' })) },
    ...(nextToken ? { nextToken } : {})
  })

  test('never starts a basic scan: waits through no scan yet and PENDING for ACTIVE, then counts the findings, every page', async () => {
    ecrMock
      .on(DescribeImageScanFindingsCommand, forDigest(A))
      .rejectsOnce(new ScanNotFoundException({ message: 'no scan', $metadata: {} }))
      .resolvesOnce({ imageScanStatus: { status: 'PENDING' } })
      .resolves(active(['HIGH', 'UNTRIAGED'], 'page2'))
    ecrMock.on(DescribeImageScanFindingsCommand, { ...forDigest(A), nextToken: 'page2' }).resolves(active(['HIGH', 'LOW'], undefined, 2))
    const wait = fakeWait()
    const result = await waitForScans(ecr, 'team/web', [IMAGES[0]!], wait, true)
    expect(result.total).toEqual({ HIGH: 2, LOW: 1, UNDEFINED: 1 })
    expect(result.arns).toEqual({ HIGH: [arn(0), arn(2)], UNDEFINED: [arn(1)], LOW: [arn(3)] })
    expect(ecrMock.commandCalls(StartImageScanCommand)).toHaveLength(0)
    expect(wait.lines[0]).toMatch(/^Waiting for ECR's enhanced \(Inspector\) scan of linux\/amd64 .*: NOT_STARTED/)
    expect(wait.lines[1]).toMatch(/: PENDING /)
  })

  test("ECR's own counts are never undercut by the findings listed", async () => {
    ecrMock
      .on(DescribeImageScanFindingsCommand)
      .resolves({ ...active(['HIGH']), imageScanFindings: { ...active(['HIGH']).imageScanFindings, findingSeverityCounts: { HIGH: 3, UNTRIAGED: 2 } as Record<string, number> } })
    expect((await waitForScans(ecr, 'team/web', [IMAGES[0]!], fakeWait(), true)).total).toEqual({ HIGH: 3, UNDEFINED: 2 })
  })

  test.each([
    ['FINDINGS_UNAVAILABLE', "findings for it aren't available"],
    ['SCAN_ELIGIBILITY_EXPIRED', 'no longer eligible'],
    ['UNSUPPORTED_IMAGE', "can't scan its operating system"],
    ['LIMIT_EXCEEDED', 'limit was reached']
  ])('%s is not "passed": the gate fails, saying why', async (status, why) => {
    ecrMock.on(DescribeImageScanFindingsCommand).resolves({ imageScanStatus: { status: status as 'FAILED' } })
    await expect(waitForScans(ecr, 'team/web', [IMAGES[0]!], fakeWait(), true)).rejects.toThrow(new RegExp(`enhanced scan of .* ended ${status}: .*${why}.*can't vouch`))
  })

  test('no result by the deadline fails as the gate does today, and still no scan is started', async () => {
    ecrMock.on(DescribeImageScanFindingsCommand).rejects(new ScanNotFoundException({ message: 'no scan', $metadata: {} }))
    await expect(waitForScans(ecr, 'team/web', [IMAGES[0]!], fakeWait(10), true)).rejects.toThrow(/still NOT_STARTED after \d+ s/)
    expect(ecrMock.commandCalls(StartImageScanCommand)).toHaveLength(0)
  })

  test('enhanced findings are counted even when the configuration could not be read', async () => {
    ecrMock.on(DescribeImageScanFindingsCommand).resolves(active(['CRITICAL']))
    expect((await waitForScans(ecr, 'team/web', [IMAGES[0]!], fakeWait())).total).toEqual({ CRITICAL: 1 })
  })
})

describe('failingArns', () => {
  test('the failing severities only, most severe first, at most 10 then "and N more"', () => {
    const arns = { CRITICAL: ['c1'], HIGH: Array.from({ length: 12 }, (_, i) => `h${i}`), LOW: ['l1'] }
    expect(failingArns(arns, 'CRITICAL')).toEqual(['c1'])
    expect(failingArns(arns, 'HIGH')).toEqual(['c1', 'h0', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'h7', 'h8', 'and 3 more'])
    expect(failingArns(undefined, 'LOW')).toEqual([])
  })
  test('UNTRIAGED counts as UNDEFINED, the lowest severity', () => {
    expect(enhancedSeverity('UNTRIAGED')).toBe('UNDEFINED')
    expect(enhancedSeverity('HIGH')).toBe('HIGH')
    expect(countEnhanced([{ severity: 'UNTRIAGED', findingArn: 'a' }, { severity: 'MEDIUM' }]).counts).toEqual({ UNDEFINED: 1, MEDIUM: 1 })
  })
})
