/**
 * Tags from the git ref, OCI annotations and full references in `tags`, with the bundled
 * dist/ run as the runner runs it on the local stack: release runs of `v1.2.3`, then
 * `v1.1.9`, then `v1.2.4`, on a repository the action creates MUTABLE_WITH_EXCLUSION
 * (`*.*.*`, `sha-*`), whose front refuses to overwrite a full version as ECR does.
 */
import { jest } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { DescribeRepositoriesCommand } from '@aws-sdk/client-ecr'
import { errorLine, runAction, type RunResult } from '../../scripts/local-runner.mjs'
import { awsCalls, ecr, jobEnv, makeWorkspace, REGISTRY, registryGet, registryManifest, registryPut, resetCalls, resetStack, ROLE, testDockerConfig, writeCalls } from './stack.js'

const SHA_A = 'aaaaaaa111111111111111111111111111111111'
const SHA_B = 'bbbbbbb222222222222222222222222222222222'
const SHA_C = 'ccccccc333333333333333333333333333333333'
const REPO = 'team/releases'

// Real two-platform builds (arm64 under QEMU), no registry cache.
jest.setTimeout(15 * 60 * 1000)

beforeAll(() => {
  resetStack()
})

const release = (tag: string, sha: string, inputs: Record<string, string> = {}): Promise<RunResult> =>
  runAction({
    inputs: { 'role-to-assume': ROLE, 'aws-region': 'us-east-1', repository: REPO, cache: 'none', 'ref-tags': 'semver', ...inputs },
    env: jobEnv({ GITHUB_SHA: sha, GITHUB_REF: `refs/tags/${tag}` }),
    workspace: makeWorkspace(`release-${tag}`),
    post: true
  })

function expectSuccess(result: RunResult): void {
  if (result.exitCode !== 0) throw new Error(`the action failed:\n${result.log}`)
  expect(result.post?.exitCode).toBe(0)
}

const digestOf = async (tag: string): Promise<string> => (await registryManifest(REPO, tag)).digest

/** What `docker buildx imagetools inspect --raw` shows of a reference: its manifest as JSON. */
function inspectRaw(reference: string): { mediaType: string; annotations?: Record<string, string>; manifests?: { digest: string }[] } {
  const raw = execFileSync('docker', ['buildx', 'imagetools', 'inspect', '--raw', reference], {
    encoding: 'utf8',
    env: { ...process.env, DOCKER_CONFIG: testDockerConfig() },
    timeout: 60_000
  })
  return JSON.parse(raw) as { mediaType: string; annotations?: Record<string, string> }
}

describe('releases with ref-tags: semver', () => {
  let v123: RunResult
  let v119: RunResult

  beforeAll(async () => {
    v123 = await release('v1.2.3', SHA_A, { annotations: 'index:com.example.team=core' })
    expectSuccess(v123)
    v119 = await release('v1.1.9', SHA_B)
  })

  test('v1.2.3 pushes 1.2.3, 1.2, 1 and latest; the repository is created MUTABLE_WITH_EXCLUSION with *.*.* and sha-*', async () => {
    const digest = v123.outputs.digest
    for (const tag of ['1.2.3', '1.2', '1', 'latest']) expect(await digestOf(tag)).toBe(digest)
    expect(v123.outputs.tags?.split('\n')).toEqual(['1.2.3', 'latest', '1.2', '1'].map(t => `${REGISTRY}/${REPO}:${t}`))
    const repo = (await ecr.send(new DescribeRepositoriesCommand({ repositoryNames: [REPO] }))).repositories?.[0]
    expect(repo?.imageTagMutability).toBe('MUTABLE_WITH_EXCLUSION')
    expect(repo?.imageTagMutabilityExclusionFilters?.map(f => f.filter)).toEqual(['*.*.*', 'sha-*'])
  })

  test("the pushed index carries the standard annotations and the workflow's, as imagetools inspect shows; each platform manifest the standard ones", async () => {
    const index = inspectRaw(`${REGISTRY}/${REPO}:1.2.3`)
    expect(index.mediaType).toBe('application/vnd.oci.image.index.v1+json')
    expect(index.annotations).toMatchObject({
      'org.opencontainers.image.version': '1.2.3',
      'org.opencontainers.image.revision': SHA_A,
      'org.opencontainers.image.source': 'https://github.com/acme/web',
      'org.opencontainers.image.title': 'web',
      'com.example.team': 'core'
    })
    const child = inspectRaw(`${REGISTRY}/${REPO}@${index.manifests?.[0]?.digest ?? ''}`)
    expect(child.annotations).toMatchObject({ 'org.opencontainers.image.version': '1.2.3', 'org.opencontainers.image.title': 'web' })
    expect(v123.outputs.annotations?.split('\n')).toEqual(
      expect.arrayContaining(['index:org.opencontainers.image.version=1.2.3', 'manifest:org.opencontainers.image.version=1.2.3', 'index:com.example.team=core'])
    )
    expect(v123.outputs.labels?.split('\n')).toEqual(expect.arrayContaining(['org.opencontainers.image.version=1.2.3', 'org.opencontainers.image.title=web']))
  })

  test('a later v1.1.9 moves none of the floating tags back: 1.1 is new, 1 and latest stay on 1.2.3, the run succeeds', async () => {
    expectSuccess(v119)
    const digest = v119.outputs.digest
    expect(await digestOf('1.1.9')).toBe(digest)
    expect(await digestOf('1.1')).toBe(digest)
    for (const tag of ['1.2.3', '1.2', '1', 'latest']) expect(await digestOf(tag)).toBe(v123.outputs.digest)
    expect(v119.commands.warnings).toEqual([
      expect.stringMatching(/^'1' stays on 1\.2\.3 \(sha256:[0-9a-f]{12}…, created .*\): this run's version 1\.1\.9 is lower than 1\.2\.3, and '1' only moves forward\.$/),
      expect.stringMatching(/^'latest' stays on 1\.2\.3 .*this run's version 1\.1\.9 is lower than 1\.2\.3/)
    ])
    expect(v119.outputs.tags?.split('\n')).toEqual([`${REGISTRY}/${REPO}:1.1.9`, `${REGISTRY}/${REPO}:1.1`])
    expect(v119.summary).toContain('1 kept on 1.2.3')
  })

  test('v1.2.4 moves 1.2, 1 and latest forward; the full version 1.2.3 stays immutable', async () => {
    const v124 = await release('v1.2.4', SHA_C)
    expectSuccess(v124)
    for (const tag of ['1.2.4', '1.2', '1', 'latest']) expect(await digestOf(tag)).toBe(v124.outputs.digest)
    expect(await digestOf('1.1')).toBe(v119.outputs.digest)
    // Overwriting a full version: refused as ECR refuses it.
    const other = await registryGet(`/v2/${REPO}/manifests/${v124.outputs.digest}`)
    expect(await registryPut(REPO, '1.2.3', String(other.headers['content-type']), other.body)).toBe(400)
    expect(await digestOf('1.2.3')).toBe(v123.outputs.digest)
  })
})

describe('tags: what docker/metadata-action outputs', () => {
  test('full references to this repository are pushed as their tags', async () => {
    const result = await runAction({
      inputs: {
        'role-to-assume': ROLE,
        'aws-region': 'us-east-1',
        repository: 'team/meta',
        platforms: 'linux/amd64',
        cache: 'none',
        version: '2.0.0',
        tags: `${REGISTRY}/team/meta:2.0.0\n${REGISTRY}/team/meta:edge\nteam/meta:stable`
      },
      env: jobEnv({ GITHUB_SHA: SHA_A }),
      workspace: makeWorkspace('meta'),
      post: true
    })
    expectSuccess(result)
    for (const tag of ['2.0.0', 'latest', 'edge', 'stable']) expect((await registryManifest('team/meta', tag)).digest).toBe(result.outputs.digest)
    expect(result.outputs.tags?.split('\n')).toEqual(['2.0.0', 'latest', 'edge', 'stable'].map(t => `${REGISTRY}/team/meta:${t}`))
  })

  test('a reference to another repository fails the step in one line naming the input to use, before any AWS write', async () => {
    await resetCalls()
    const result = await runAction({
      inputs: { 'role-to-assume': ROLE, 'aws-region': 'us-east-1', repository: 'team/meta-other', platforms: 'linux/amd64', cache: 'none', tags: 'ghcr.io/acme/web:1.0.0' },
      env: jobEnv({ GITHUB_SHA: SHA_B }),
      workspace: makeWorkspace('meta-other'),
      post: true
    })
    expect(result.exitCode).toBe(1)
    expect(errorLine(result.log)).toBe(
      "Input 'tags': 'ghcr.io/acme/web:1.0.0' is not in this step's repository (team/meta-other): tags takes tags of 'repository' only; push to another repository with a step of its own (its repository input)."
    )
    expect(writeCalls(await awsCalls())).toEqual([])
  })
})
