/**
 * The README's Quick start on the local ECR stack (a real Docker engine with buildx and QEMU, a
 * registry that answers as ECR, and the emulator), the bundled action run as a runner runs it:
 * the first push to a new repository, the next version, the builder checked before the first
 * write, and the job's own credentials when no role is given.
 */
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DescribeImagesCommand } from '@aws-sdk/client-ecr'
import { errorLine, runAction, visibleLog, type RunResult } from '../../scripts/local-runner.mjs'
import { awsCalls, ecr, jobEnv, makeWorkspace, PASSWORD, REGISTRY, registryManifest, dockerLogins, recordingDocker, registryTags, resetCalls, runImage, writeCalls } from './stack.js'
import { BUILD_COMMAND, SHA_A, SHA_B, describeRepository, expectSuccess, lifecyclePolicy, onFreshStack } from './ship.js'

const { ship } = onFreshStack()

describe('a new repository', () => {
  let first: RunResult

  beforeAll(async () => {
    await resetCalls()
    first = await ship({ repository: 'team/web', version: '1.0.0' }, { env: { GITHUB_SHA: SHA_A } })
  })

  test('is created immutable except latest, scanned on push, with the default lifecycle policy', async () => {
    expectSuccess(first)
    expect(first.log).toMatch(BUILD_COMMAND)
    const repo = await describeRepository('team/web')
    expect(repo?.imageTagMutability).toBe('IMMUTABLE_WITH_EXCLUSION')
    expect(repo?.imageTagMutabilityExclusionFilters).toEqual([
      { filterType: 'WILDCARD', filter: 'latest' },
      { filterType: 'WILDCARD', filter: 'sha256-*' },
      { filterType: 'WILDCARD', filter: 'buildcache*' }
    ])
    expect(repo?.imageScanningConfiguration?.scanOnPush).toBe(true)
    expect(repo?.encryptionConfiguration?.encryptionType).toBe('AES256')
    const policy = (await lifecyclePolicy('team/web')) as { rules: { selection: Record<string, unknown> }[] }
    expect(policy.rules.map(r => r.selection.tagStatus)).toEqual(['tagged', 'tagged', 'tagged', 'tagged', 'untagged', 'tagged'])
    expect(policy.rules.slice(0, 4).map(r => r.selection.tagPatternList)).toEqual([['buildcache*--*'], ['latest'], ['buildcache*'], ['sha256-*']])
    expect(policy.rules[0]?.selection).toMatchObject({ countType: 'sinceImagePushed', countNumber: 14 })
    expect(policy.rules[4]?.selection).toMatchObject({ countType: 'sinceImagePushed', countNumber: 14 })
    expect(policy.rules[5]?.selection).toMatchObject({ countType: 'imageCountMoreThan', countNumber: 100 })
  })

  test('holds one index with both platforms under the version and latest, the digest the outputs give', async () => {
    const version = await registryManifest('team/web', '1.0.0')
    const latest = await registryManifest('team/web', 'latest')
    expect(version.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(latest.digest).toBe(version.digest)
    expect(version.mediaType).toMatch(/index|manifest\.list/)
    expect(version.manifests.map(m => `${m.platform?.os}/${m.platform?.architecture}`).sort()).toEqual(['linux/amd64', 'linux/arm64'])
    expect(first.outputs).toMatchObject({
      registry: REGISTRY,
      'repository-uri': `${REGISTRY}/team/web`,
      'image-uri': `${REGISTRY}/team/web:1.0.0`,
      'latest-uri': `${REGISTRY}/team/web:latest`,
      digest: version.digest,
      'image-digest-uri': `${REGISTRY}/team/web@${version.digest}`,
      tags: `${REGISTRY}/team/web:1.0.0\n${REGISTRY}/team/web:latest`,
      version: '1.0.0'
    })
    expect(JSON.parse(first.outputs.metadata ?? '{}')).toMatchObject({ 'containerimage.digest': version.digest })
    expect(await registryTags('team/web')).toEqual(['1.0.0', 'buildcache', 'latest'])
    expect(first.outputs.skipped).toBe('false')
  })

  test('the emulator sees the pushed image under both tags', async () => {
    const images = await ecr.send(new DescribeImagesCommand({ repositoryName: 'team/web', imageIds: [{ imageTag: '1.0.0' }] }))
    expect(images.imageDetails?.[0]?.imageDigest).toBe(first.outputs.digest)
    expect(images.imageDetails?.[0]?.imageTags?.sort()).toEqual(['1.0.0', 'latest'])
  })

  test('both platforms run and print their architecture', () => {
    const ref = first.outputs['image-digest-uri'] ?? ''
    expect(runImage(ref, 'linux/amd64')).toMatch(/^x86_64 v1 built-on=x86_64$/)
    expect(runImage(ref, 'linux/arm64')).toMatch(/^aarch64 v1 built-on=aarch64$/)
  })

  test('the job summary names the image, the digest, each platform with its digest, the cache and the repository it created', async () => {
    expect(first.summary).toContain(`${REGISTRY}/team/web@${first.outputs.digest}`)
    const index = await registryManifest('team/web', first.outputs.digest ?? '')
    for (const m of index.manifests) {
      expect(first.summary).toContain(`${m.platform?.os}/${m.platform?.architecture} <code>${m.digest}</code>`)
    }
    expect(first.summary).toContain(`<th align="left">Cache</th><td>ecr (${REGISTRY}/team/web:buildcache)</td>`)
    expect(first.summary).toContain('created the repository')
  })

  test('the post step logs out: no registry credentials stay in the docker config', () => {
    expect(first.post?.log).toContain(`Logged out of ${REGISTRY}`)
    expect(dockerLogins()).toEqual([])
  })

  test('no secret reaches the log, the outputs or the summary', () => {
    // The ECR password, the OIDC token and STS's key and session token were all masked…
    expect(first.masked).toContain(PASSWORD)
    expect(first.masked.length).toBeGreaterThanOrEqual(5)
    // …and none of them is printed anywhere a user can see.
    const visible = [visibleLog(first.log), visibleLog(first.post?.log ?? ''), first.summary, JSON.stringify(first.outputs)]
    for (const secret of first.masked) for (const text of visible) expect(text).not.toContain(secret)
  })
})

describe('the next version on the same repository', () => {
  let second: RunResult
  let before: string

  beforeAll(async () => {
    before = (await registryManifest('team/web', '1.0.0')).digest
    second = await ship({ repository: 'team/web', version: '1.1.0' }, { workspace: makeWorkspace('v2'), env: { GITHUB_SHA: SHA_B } })
  })

  test('moves latest and keeps the old version', async () => {
    expectSuccess(second)
    const latest = await registryManifest('team/web', 'latest')
    expect(latest.digest).toBe(second.outputs.digest)
    expect(latest.digest).not.toBe(before)
    expect((await registryManifest('team/web', '1.0.0')).digest).toBe(before)
    expect(await registryTags('team/web')).toEqual(['1.0.0', '1.1.0', 'buildcache', 'latest'])
    expect(runImage(`${REGISTRY}/team/web:latest`, 'linux/arm64')).toContain('aarch64 v2')
  })

  test('a converged repository gets zero ECR write calls', async () => {
    await resetCalls()
    const third = await ship({ repository: 'team/web', version: '1.2.0' }, { env: { GITHUB_SHA: SHA_A } })
    expectSuccess(third)
    const calls = await awsCalls()
    expect(writeCalls(calls)).toEqual([])
    expect(calls.map(c => c.operation)).toEqual(expect.arrayContaining(['AssumeRoleWithWebIdentity', 'DescribeRepositories', 'GetLifecyclePolicy', 'GetAuthorizationToken']))
    expect(third.summary).toContain('no changes')
  })
})

/** The first two words of each docker command recorded, sorted (the builder check's two run side by side). */
const dockerCommands = (argv: string): string[] =>
  argv
    .split('\n')
    .filter(Boolean)
    .map(l => l.split(' ').slice(0, 2).join(' '))
    .sort()

describe('the builder check, then one build', () => {
  test('the builder is checked before the first AWS write; a converged run runs the check and buildx, nothing else', async () => {
    const ws = makeWorkspace('check')
    await resetCalls()
    const first = recordingDocker()
    expectSuccess(await ship({ repository: 'team/check', version: '1.0.0' }, { workspace: ws, env: { PATH: first.path, DOCKER_CONFIG: first.configDir } }))
    expect(first.argv()).toContain('buildx inspect --bootstrap')
    expect(writeCalls(await awsCalls()).map(c => c.operation)).toContain('CreateRepository')

    await resetCalls()
    const converged = recordingDocker()
    const result = await ship({ repository: 'team/check', version: '1.0.1' }, { workspace: ws, env: { PATH: converged.path, DOCKER_CONFIG: converged.configDir } })
    expectSuccess(result)
    expect(writeCalls(await awsCalls())).toEqual([])
    // The login and the post step's logout are edits of docker's config file.
    expect(dockerCommands(converged.argv())).toEqual(['buildx build', 'buildx inspect'])
    expect(dockerLogins(converged.configDir)).toEqual([])
    // buildx pushes the version; latest is put on the same index by the registry API.
    const build =
      converged
        .argv()
        .split('\n')
        .find(line => line.startsWith('buildx build')) ?? ''
    expect(build.match(/--tag \S+/g)).toEqual([`--tag ${REGISTRY}/team/check:1.0.1`])
    expect(result.log).toContain(`Tagged ${result.outputs.digest} as latest`)
    const metadata = JSON.parse(result.outputs.metadata ?? '{}') as Record<string, string>
    expect(metadata['image.name']).toBe(`${REGISTRY}/team/check:1.0.1,${REGISTRY}/team/check:latest`)
    expect(metadata['containerimage.digest']).toBe(result.outputs.digest)
    const images = await ecr.send(new DescribeImagesCommand({ repositoryName: 'team/check', imageIds: [{ imageTag: 'latest' }] }))
    expect(images.imageDetails?.[0]?.imageDigest).toBe(result.outputs.digest)
    expect(images.imageDetails?.[0]?.imageTags?.sort()).toEqual(['1.0.1', 'latest'])
  })
})

describe('credentials from the job', () => {
  test("no role, keys in the environment: the SDK's default chain finds them, and the run pushes", async () => {
    await resetCalls()
    const result = await runAction({
      inputs: { 'aws-region': 'us-east-1', repository: 'team/static-credentials', version: '1.0.0' },
      env: jobEnv({ AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }),
      workspace: makeWorkspace('static-credentials')
    })
    expectSuccess(result)
    const operations = (await awsCalls()).map(c => c.operation)
    expect(operations).not.toContain('AssumeRoleWithWebIdentity')
    expect(operations).toContain('GetAuthorizationToken')
    expect((await registryManifest('team/static-credentials', 'latest')).digest).toBe(result.outputs.digest)
    expect(visibleLog(result.log)).not.toContain('wJalrXUtnFEMI')
  })

  test('no role and no credentials: one line says how to give them, nothing is called', async () => {
    await resetCalls()
    const home = mkdtempSync(path.join(os.tmpdir(), 'home-'))
    const result = await runAction({
      inputs: { 'aws-region': 'us-east-1', repository: 'team/no-credentials', version: '1.0.0' },
      // No keys, no profile files (an empty HOME), no instance metadata (jobEnv disables it).
      env: jobEnv({ HOME: home }),
      workspace: makeWorkspace('no-credentials')
    })
    expect(result.exitCode).toBe(1)
    expect(errorLine(result.log)).toBe('No AWS credentials: set role-to-assume (with permissions: id-token: write) or configure credentials in an earlier step.')
    expect(await awsCalls()).toEqual([])
    expect(result.post?.exitCode).toBe(0)
  })
})
