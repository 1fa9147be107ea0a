/**
 * Tags on a repository the action keeps immutable (its default: IMMUTABLE_WITH_EXCLUSION,
 * `latest` excepted), with the bundled dist/ run as the runner runs it on the local stack:
 * a write the registry stored but whose answer was lost, refused when tried again; and
 * `latest`, which only moves forward.
 */
import { jest } from '@jest/globals'
import { DescribeRepositoriesCommand } from '@aws-sdk/client-ecr'
import { errorLine, runAction, type RunResult } from '../../scripts/local-runner.mjs'
import { delayRegistry, ecr, jobEnv, loseRegistryAnswers, makeWorkspace, registryCalls, registryGet, registryManifest, registryPut, resetCalls, resetFaults, resetStack, ROLE } from './stack.js'

const SHA_A = 'aaaaaaa111111111111111111111111111111111'
const SHA_B = 'bbbbbbb222222222222222222222222222222222'
const SHA_C = 'ccccccc333333333333333333333333333333333'

// Real builds (one platform each, no registry cache, to keep them short).
jest.setTimeout(10 * 60 * 1000)

beforeAll(() => {
  resetStack()
})
afterEach(async () => {
  await resetFaults()
})

const ship = (inputs: Record<string, string>, workspace: string, sha: string): Promise<RunResult> =>
  runAction({
    inputs: { 'role-to-assume': ROLE, 'aws-region': 'us-east-1', platforms: 'linux/amd64', cache: 'none', ...inputs },
    env: jobEnv({ GITHUB_SHA: sha }),
    workspace,
    post: true
  })

function expectSuccess(result: RunResult): void {
  if (result.exitCode !== 0) throw new Error(`the action failed:\n${result.log}`)
  expect(result.post?.exitCode).toBe(0)
}

const tagPuts = async (repository: string, tag: string): Promise<number> =>
  (await registryCalls()).filter(c => c.method === 'PUT' && c.kind === 'manifests' && c.repository === repository && c.reference === tag).length

const IMMUTABLE_REFUSAL = (tag: string, repository: string): string =>
  `Tag '${tag}' already exists in '${repository}', which keeps it immutable: bump the version, or, if '${tag}' is meant to move, add it to tag-mutability-exclusions (with tag-mutability: IMMUTABLE_WITH_EXCLUSION).`

describe('a lost answer on an immutable tag: the registry stored the write, the retry is refused', () => {
  test("the extra tag the action puts over the registry API (connection reset after the store): found naming this run's image, the run succeeds", async () => {
    await resetCalls()
    await loseRegistryAnswers({ count: 1, status: 'reset', repository: 'team/lost-tag', reference: 'stable' })
    const result = await ship({ repository: 'team/lost-tag', version: '1.0.0', tags: 'stable' }, makeWorkspace('lost-tag'), SHA_A)
    expectSuccess(result)
    const repo = (await ecr.send(new DescribeRepositoriesCommand({ repositoryNames: ['team/lost-tag'] }))).repositories?.[0]
    expect(repo?.imageTagMutability).toBe('IMMUTABLE_WITH_EXCLUSION')
    expect(result.log).toContain(`Found tag 'stable' already naming this run's image (${result.outputs.digest})`)
    expect((await registryManifest('team/lost-tag', 'stable')).digest).toBe(result.outputs.digest)
    // Stored with its answer lost, then refused: two PUTs of the tag.
    expect(await tagPuts('team/lost-tag', 'stable')).toBe(2)
  })

  test('the extra tag names another image: refused as today', async () => {
    const before = (await registryManifest('team/lost-tag', 'stable')).digest
    const result = await ship({ repository: 'team/lost-tag', version: '1.1.0', tags: 'stable' }, makeWorkspace('lost-tag-2'), SHA_B)
    expect(result.exitCode).toBe(1)
    expect(errorLine(result.log)).toBe(IMMUTABLE_REFUSAL('stable', 'team/lost-tag'))
    expect(result.log).not.toContain('Found tag')
    expect((await registryManifest('team/lost-tag', 'stable')).digest).toBe(before)
  })

  test("buildx's push of the version (503 after the store): the run succeeds with the image under the tag, latest follows", async () => {
    await resetCalls()
    await loseRegistryAnswers({ count: 1, status: 503, repository: 'team/lost-push', reference: '1.0.0' })
    const result = await ship({ repository: 'team/lost-push', version: '1.0.0' }, makeWorkspace('lost-push'), SHA_A)
    expectSuccess(result)
    const version = await registryManifest('team/lost-push', '1.0.0')
    expect(result.outputs.digest).toBe(version.digest)
    expect((await registryManifest('team/lost-push', 'latest')).digest).toBe(version.digest)
    expect(await tagPuts('team/lost-push', '1.0.0')).toBeGreaterThanOrEqual(1)
  })

  test('another image of the same commit and version took the tag while buildx pushed: refused as today', async () => {
    // Another run of this commit: the same version and revision labels, its own created time.
    const other = await ship({ repository: 'team/lost-push', version: 'other', labels: 'org.opencontainers.image.version=2.0.0', latest: 'false' }, makeWorkspace('same-commit'), SHA_A)
    expectSuccess(other)
    const held = await registryGet(`/v2/team/lost-push/manifests/${other.outputs.digest}`)
    await resetCalls()
    // buildx's PUT of 2.0.0 is held; meanwhile the other image takes the tag.
    await delayRegistry({ method: 'PUT', reference: '2.0.0', count: 1, ms: 8000, repository: 'team/lost-push' })
    const running = ship({ repository: 'team/lost-push', version: '2.0.0' }, makeWorkspace('same-commit'), SHA_A)
    const deadline = Date.now() + 5 * 60_000
    while ((await tagPuts('team/lost-push', '2.0.0')) === 0 && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 200))
    expect(await registryPut('team/lost-push', '2.0.0', String(held.headers['content-type']), held.body)).toBe(201)
    const result = await running
    expect(result.exitCode).toBe(1)
    expect(errorLine(result.log)).toBe(IMMUTABLE_REFUSAL('2.0.0', 'team/lost-push'))
    expect(result.log).not.toContain('Found tag')
    expect((await registryManifest('team/lost-push', '2.0.0')).digest).toBe(other.outputs.digest)
  })
})

describe('latest only moves forward', () => {
  let v2: RunResult
  let v19: RunResult
  const latest = async (): Promise<string> => (await registryManifest('team/forward', 'latest')).digest

  beforeAll(async () => {
    v2 = await ship({ repository: 'team/forward', version: '2.0.0' }, makeWorkspace('forward-2'), SHA_A)
    expectSuccess(v2)
    v19 = await ship({ repository: 'team/forward', version: '1.9.0' }, makeWorkspace('forward-19'), SHA_B)
  })

  test('1.9.0 from another commit after 2.0.0: pushed, latest stays on 2.0.0 with a warning, the run succeeds', async () => {
    expectSuccess(v19)
    expect((await registryManifest('team/forward', '1.9.0')).digest).toBe(v19.outputs.digest)
    expect(v19.outputs.digest).not.toBe(v2.outputs.digest)
    expect(await latest()).toBe(v2.outputs.digest)
    expect(v19.commands.warnings).toEqual([
      expect.stringMatching(
        /^'latest' stays on 2\.0\.0 \(sha256:[0-9a-f]{12}…, created .*\): this run's version 1\.9\.0 is lower than 2\.0\.0, and 'latest' only moves forward\. Set latest-may-move-back: true to move it back\.$/
      )
    ])
    expect(v19.outputs['latest-uri']).toBe('')
    expect(v19.summary).toContain('latest kept on 2.0.0')
  })

  test('the re-run of the 1.9.0 job (kept with skip): nothing built, latest not moved back', async () => {
    const rerun = await ship({ repository: 'team/forward', version: '1.9.0', 'if-version-exists': 'skip' }, makeWorkspace('forward-19'), SHA_B)
    expectSuccess(rerun)
    expect(rerun.outputs.skipped).toBe('true')
    expect(rerun.outputs.digest).toBe(v19.outputs.digest)
    expect(await latest()).toBe(v2.outputs.digest)
    expect(rerun.commands.warnings.join('\n')).toContain("'latest' stays on 2.0.0")
  })

  test('latest-may-move-back: true moves it back', async () => {
    const back = await ship({ repository: 'team/forward', version: '1.8.0', 'latest-may-move-back': 'true' }, makeWorkspace('forward-18'), SHA_C)
    expectSuccess(back)
    expect(await latest()).toBe(back.outputs.digest)
    expect(back.commands.warnings).toEqual([])
  })
})
