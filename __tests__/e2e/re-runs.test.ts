/**
 * Re-runs (docs/versions-and-tags.md, if-version-exists): a version that exists is reused on
 * its provenance, kept with skip, or refused when another commit or a forged label claims it.
 */
import { execFileSync } from 'node:child_process'
import { errorLine } from '../../scripts/local-runner.mjs'
import { awsCalls, makeWorkspace, REGISTRY, registryManifest, registrySnapshot, recordingDocker, resetCalls, testDockerConfig, writeCalls } from './stack.js'
import { BUILD_COMMAND, SHA_A, SHA_B, expectSuccess, onFreshStack } from './ship.js'

const { ship } = onFreshStack()

describe('re-runs', () => {
  test('the same commit, version and workflow again: auto reuses it on its provenance, nothing built or written; from another workflow ref it trusts no label and stops before login and build', async () => {
    const ws = makeWorkspace('rerun')
    const first = await ship({ repository: 'team/rerun', version: '3.0.0' }, { workspace: ws, env: { GITHUB_SHA: SHA_A } })
    expectSuccess(first)
    await resetCalls()
    const before = await registrySnapshot()
    const again = await ship({ repository: 'team/rerun', version: '3.0.0' }, { workspace: ws, env: { GITHUB_SHA: SHA_A } })
    expectSuccess(again)
    expect(again.outputs.skipped).toBe('true')
    expect(again.outputs.digest).toBe(first.outputs.digest)
    expect(again.log).toContain(
      `3.0.0 already exists (${first.outputs.digest}) and its provenance shows it was built from this commit (aaaaaaa) by .github/workflows/release.yml@refs/heads/main; if-version-exists: auto`
    )
    expect(again.log).not.toMatch(BUILD_COMMAND)
    expect(writeCalls(await awsCalls())).toEqual([])
    expect(await registrySnapshot()).toBe(before)

    const branch = await ship(
      { repository: 'team/rerun', version: '3.0.0' },
      { workspace: ws, env: { GITHUB_SHA: SHA_A, GITHUB_WORKFLOW_REF: 'acme/web/.github/workflows/branch.yml@refs/heads/feature' } }
    )
    expect(branch.exitCode).toBe(1)
    expect(errorLine(branch.log)).toMatch(
      new RegExp(
        `^Tag '3\\.0\\.0' already exists in 'team/rerun' \\(${first.outputs.digest}\\), labelled as built from this commit \\(aaaaaaa\\); ` +
          "a label is written by whoever pushed the image, and its provenance doesn't show that this workflow built it from this commit \\(linux/amd64 sha256:.*it was built by the workflow \\.github/workflows/release\\.yml@refs/heads/main, which is not an allowed one \\(\\.github/workflows/branch\\.yml@refs/heads/feature\\)\\)\\. " +
          'Bump the version, or set if-version-exists: skip to keep the existing image \\(trusting whoever pushed it\\)\\.$'
      )
    )
    expect(branch.log).not.toMatch(BUILD_COMMAND)
    expect(branch.log).not.toContain('Logged in to')
    expect(await registrySnapshot()).toBe(before)
  })

  test('if-version-exists: skip: nothing built, the same digest, skipped', async () => {
    const again = await ship({ repository: 'team/rerun', version: '3.0.0', 'if-version-exists': 'skip' }, { workspace: makeWorkspace('rerun'), env: { GITHUB_SHA: SHA_A } })
    expectSuccess(again)
    expect(again.log).not.toMatch(BUILD_COMMAND)
    expect(again.outputs.skipped).toBe('true')
    expect(again.outputs.digest).toBe((await registryManifest('team/rerun', '3.0.0')).digest)
    expect(again.summary).toContain('already exists')
    expect(again.summary).toContain('if-version-exists: skip')
  })

  test('a version kept with skip moves latest back to it when latest-may-move-back allows', async () => {
    const ws = makeWorkspace('moves')
    const v1 = await ship({ repository: 'team/moves', version: '1.0.0' }, { workspace: ws, env: { GITHUB_SHA: SHA_A } })
    const v2 = await ship({ repository: 'team/moves', version: '2.0.0' }, { workspace: makeWorkspace('moves-2'), env: { GITHUB_SHA: SHA_B } })
    expectSuccess(v2)
    expect((await registryManifest('team/moves', 'latest')).digest).toBe(v2.outputs.digest)
    // Re-running the 1.0.0 release job: nothing is built, latest follows the release again
    // (without the input it stays on 2.0.0: tags.test.ts).
    const rec = recordingDocker()
    const rerun = await ship(
      { repository: 'team/moves', version: '1.0.0', 'if-version-exists': 'skip', 'latest-may-move-back': 'true' },
      { workspace: ws, env: { GITHUB_SHA: SHA_A, PATH: rec.path, DOCKER_CONFIG: rec.configDir } }
    )
    expectSuccess(rerun)
    expect(rerun.outputs.skipped).toBe('true')
    expect((await registryManifest('team/moves', 'latest')).digest).toBe(v1.outputs.digest)
    expect(rerun.summary).toContain('moved latest')
    // By the registry API: no docker command moved it; the only one was the builder check's
    // (its labels name BuildKit's containerd worker: no docker info).
    expect(dockerCommands(rec.argv())).toEqual(['buildx inspect'])
  })

  test('the same version from another commit stops before building and names what its label claims', async () => {
    const ws = makeWorkspace('conflict')
    expectSuccess(await ship({ repository: 'team/conflict', version: '1.0.0' }, { workspace: ws, env: { GITHUB_SHA: SHA_A } }))
    const before = await registrySnapshot()
    const other = await ship({ repository: 'team/conflict', version: '1.0.0' }, { workspace: makeWorkspace('conflict-2'), env: { GITHUB_SHA: SHA_B } })
    expect(other.exitCode).toBe(1)
    expect(errorLine(other.log)).toContain(`labelled as built from commit ${SHA_A} (this run is bbbbbbb)`)
    expect(errorLine(other.log)).toContain('Bump the version')
    expect(other.log).not.toMatch(BUILD_COMMAND)
    expect(await registrySnapshot()).toBe(before)
  })

  test('if-version-exists: skip keeps an image from another commit', async () => {
    const result = await ship({ repository: 'team/conflict', version: '1.0.0', 'if-version-exists': 'skip' }, { workspace: makeWorkspace('conflict-3'), env: { GITHUB_SHA: SHA_B } })
    expectSuccess(result)
    expect(result.outputs.skipped).toBe('true')
    expect(result.log).not.toMatch(BUILD_COMMAND)
  })

  test("a forged label: another pipeline pushes the release's version labelled with its commit; auto refuses it and moves nothing, skip keeps it as asked", async () => {
    const release = await ship({ repository: 'team/forged', version: '0.9.0', platforms: 'linux/amd64' }, { workspace: makeWorkspace('forged-0'), env: { GITHUB_SHA: SHA_A } })
    expectSuccess(release)
    // Another pipeline with push rights: other code, under the next release's version, labelled with its commit.
    execFileSync(
      'docker',
      [
        'buildx',
        'build',
        '--platform',
        'linux/amd64',
        '--provenance=false',
        '--label',
        `org.opencontainers.image.revision=${SHA_B}`,
        '--tag',
        `${REGISTRY}/team/forged:1.0.0`,
        '--push',
        makeWorkspace('not-the-release')
      ],
      { env: { ...process.env, DOCKER_CONFIG: testDockerConfig() }, stdio: 'ignore' }
    )
    const forged = (await registryManifest('team/forged', '1.0.0')).digest
    const before = await registrySnapshot()

    const refused = await ship({ repository: 'team/forged', version: '1.0.0' }, { workspace: makeWorkspace('forged-release'), env: { GITHUB_SHA: SHA_B } })
    expect(refused.exitCode).toBe(1)
    expect(errorLine(refused.log)).toContain(`(${forged}), labelled as built from this commit (bbbbbbb); a label is written by whoever pushed the image`)
    expect(refused.log).not.toMatch(BUILD_COMMAND)
    expect(refused.log).not.toContain('Logged in to')
    expect(await registrySnapshot()).toBe(before)
    expect((await registryManifest('team/forged', 'latest')).digest).toBe(release.outputs.digest)

    const kept = await ship({ repository: 'team/forged', version: '1.0.0', 'if-version-exists': 'skip' }, { workspace: makeWorkspace('forged-release'), env: { GITHUB_SHA: SHA_B } })
    expectSuccess(kept)
    expect(kept.outputs.skipped).toBe('true')
    expect(kept.outputs.digest).toBe(forged)
    expect((await registryManifest('team/forged', 'latest')).digest).toBe(forged)
  })
})

/** The first two words of each docker command recorded, sorted (the builder check's two run side by side). */
const dockerCommands = (argv: string): string[] =>
  argv
    .split('\n')
    .filter(Boolean)
    .map(l => l.split(' ').slice(0, 2).join(' '))
    .sort()
