/**
 * Plan mode and the job summary (docs/plan-and-summary.md): dry-run prints what a run would
 * do and writes, logs in and builds nothing; the summary times each stage, or is not written.
 */
import { CreateRepositoryCommand, PutLifecyclePolicyCommand } from '@aws-sdk/client-ecr'
import { type RunResult } from '../../scripts/local-runner.mjs'
import { awsCalls, ecr, makeWorkspace, REGISTRY, registrySnapshot, dockerLogins, resetCalls, writeCalls } from './stack.js'
import { SHA_A, describeRepository, expectSuccess, onFreshStack } from './ship.js'

const { ship } = onFreshStack()

beforeAll(async () => {
  // The version a re-run finds: 3.0.0 of team/rerun, built by this commit and workflow.
  expectSuccess(await ship({ repository: 'team/rerun', version: '3.0.0' }, { workspace: makeWorkspace('rerun'), env: { GITHUB_SHA: SHA_A } }))
})

describe('dry-run', () => {
  async function dryRun(repository: string, inputs: Record<string, string> = {}, version = '9.9.9'): Promise<RunResult> {
    await resetCalls()
    const before = await registrySnapshot()
    const result = await ship({ repository, version, 'dry-run': 'true', ...inputs }, { post: false, env: { GITHUB_SHA: SHA_A } })
    expectSuccess({ ...result, post: { exitCode: 0, log: '', seconds: 0 } })
    expect(writeCalls(await awsCalls())).toEqual([])
    expect(await registrySnapshot()).toBe(before)
    // docker never ran: every build or merge the action starts is echoed as `[command]…`.
    expect(result.log).not.toContain('[command]')
    expect(dockerLogins()).toEqual([])
    expect(result.outputs.digest).toBe('')
    expect(result.outputs['image-uri']).toBe(`${REGISTRY}/${repository}:${version}`)
    return result
  }

  test('a missing repository: would be created, with the default policy, and built', async () => {
    const result = await dryRun('team/planned')
    expect(result.summary).toContain('dry run: nothing was changed, built or pushed')
    expect(result.summary).toContain('would create: created the repository: IMMUTABLE_WITH_EXCLUSION (latest, sha256-*, buildcache*)')
    expect(result.summary).toContain('**Lifecycle policy**: would be put (new repository: default policy)')
    expect(result.summary).toContain("would be built and pushed; then latest put on the same image by the registry API once the run's checks pass")
    // As a run does it: buildx pushes the version tag only.
    expect(result.summary).toContain(`--tag ${REGISTRY}/team/planned:9.9.9 --label`)
    expect(result.summary).not.toContain(`--tag ${REGISTRY}/team/planned:latest`)
    expect(result.summary).toContain('"ecr:CreateRepository"')
    expect(result.summary).toContain(`arn:aws:ecr:us-east-1:123456789012:repository/team/planned`)
    expect(result.summary).toMatch(/docker buildx build --platform linux\/amd64,linux\/arm64/)
    await expect(describeRepository('team/planned')).rejects.toMatchObject({ name: 'RepositoryNotFoundException' })
  })

  test('a drifted repository: each setting that would change, current → stated, and the policy diff', async () => {
    await ecr.send(new CreateRepositoryCommand({ repositoryName: 'team/drifted', imageTagMutability: 'MUTABLE' }))
    await ecr.send(
      new PutLifecyclePolicyCommand({
        repositoryName: 'team/drifted',
        lifecyclePolicyText: JSON.stringify({ rules: [{ rulePriority: 1, selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 5 }, action: { type: 'expire' } }] })
      })
    )
    const result = await dryRun('team/drifted', { 'lifecycle-keep-count': '30', 'build-args': 'TOKEN=hunter2' })
    expect(result.summary).toContain('would change: tag mutability MUTABLE → IMMUTABLE_WITH_EXCLUSION (latest, sha256-*, buildcache*)')
    expect(result.summary).toContain('would change: scan on push off → on')
    expect(result.summary).toContain('would be put (differs from lifecycle-* inputs)')
    expect(result.summary).toMatch(/Now:[\s\S]*"countNumber": 5[\s\S]*Would become:[\s\S]*"countNumber": 30/)
    // By name only, as the run passes it: the value is in buildx's environment.
    expect(result.summary).toContain('--build-arg TOKEN ')
    expect(result.summary + result.log).not.toContain('hunter2')
    expect((await describeRepository('team/drifted'))?.imageTagMutability).toBe('MUTABLE')
  })

  test('a converged repository: no changes, and an existing version built by this commit and workflow would be kept on its provenance, as the run judges it (with skip: be kept too)', async () => {
    const result = await dryRun('team/rerun', {}, '3.0.0')
    expect(result.summary).toContain('no changes: it already matches the workflow')
    expect(result.summary).toContain('kept the existing policy (the workflow states none)')
    expect(result.summary).toMatch(/would be skipped: 3\.0\.0 already exists \(sha256:[0-9a-f]{64}\) and its provenance shows it was built from this commit \(aaaaaaa\)/)
    expect((await dryRun('team/rerun', { 'if-version-exists': 'skip' }, '3.0.0')).summary).toContain('would be skipped: 3.0.0 already exists')
  })
})

describe('the job summary', () => {
  test('summary: false writes none', async () => {
    const result = await ship({ repository: 'team/rerun', version: '3.0.0', summary: 'false', 'if-version-exists': 'skip' }, { env: { GITHUB_SHA: SHA_A } })
    expectSuccess(result)
    expect(result.summary).toBe('')
  })

  test('times each stage, and groups the log by stage', async () => {
    const result = await ship({ repository: 'team/timed', version: '1.0.0' }, { workspace: makeWorkspace('timed') })
    expectSuccess(result)
    expect(result.summary).toMatch(
      /<th align="left">Time<\/th><td>sign-in \d+\.\d s · repository \d+\.\d s · version \d+\.\d s · login \d+\.\d s · build\+push \d+\.\d s · attest \d+\.\d s · tags \d+\.\d s<\/td>/
    )
    expect(result.log).toMatch(/::group::sign-in[\s\S]*::endgroup::[\s\S]*::group::build\+push[\s\S]*::group::attest[\s\S]*::group::tags/)
  })
})
