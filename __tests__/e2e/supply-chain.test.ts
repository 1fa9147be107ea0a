/**
 * Supply chain by default: each pushed platform image gets its SLSA provenance as an OCI 1.1
 * referrer (subject = the platform image), the index under the tags names the platform
 * images only, and a real client (`oras discover`) finds the statements — through the
 * referrers API the front answers as ECR does, or the referrers tag schema on a registry
 * without it. The bundled dist/ runs as the runner runs it, on the local stack.
 */
import { jest } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { runAction, type RunResult } from '../../scripts/local-runner.mjs'
import { orasDiscover, statementOf } from './referrers.js'
import { env, jobEnv, REFERRER_KEEP_TAG, makeWorkspace, registryGet, registryManifest, registryTags, resetFaults, resetStack, ROLE, setReferrersApi } from './stack.js'

const SHA = 'abcdef0123456789abcdef0123456789abcdef01'
const IN_TOTO = 'application/vnd.in-toto+json'
const SLSA = 'https://slsa.dev/provenance/v1'

jest.setTimeout(10 * 60 * 1000)

beforeAll(() => {
  resetStack()
})
afterEach(async () => {
  await resetFaults()
})

const ship = (inputs: Record<string, string>, workspace: string, sha = SHA): Promise<RunResult> =>
  runAction({ inputs: { 'role-to-assume': ROLE, 'aws-region': 'us-east-1', cache: 'none', ...inputs }, env: jobEnv({ GITHUB_SHA: sha }), workspace, post: true })

function expectSuccess(result: RunResult): void {
  if (result.exitCode !== 0) throw new Error(`the action failed:\n${result.log}`)
}

describe('provenance on by default, as referrers', () => {
  test('two platforms: the index names the two platform images only; each has its SLSA provenance, which oras discover lists and whose subject is that image', async () => {
    const result = await ship({ repository: 'team/prov', version: '1.0.0' }, makeWorkspace('prov'))
    expectSuccess(result)
    const index = await registryManifest('team/prov', '1.0.0')
    expect(index.manifests.map(m => `${m.platform?.os}/${m.platform?.architecture}`).sort()).toEqual(['linux/amd64', 'linux/arm64'])
    const trees: string[] = []
    for (const child of index.manifests) {
      const { referrers, tree } = orasDiscover('team/prov', child.digest)
      trees.push(tree)
      expect(referrers).toHaveLength(1)
      expect(referrers[0]?.artifactType).toBe(IN_TOTO)
      expect(referrers[0]?.annotations?.['in-toto.io/predicate-type']).toBe(SLSA)
      const statement = await statementOf('team/prov', referrers[0]?.digest ?? '')
      expect(statement.predicateType).toBe(SLSA)
      expect(statement.subject.map(s => `sha256:${s.digest.sha256}`)).toEqual([child.digest])
      expect(JSON.stringify(statement.predicate)).toContain(SHA)
    }
    // For the README and the report: what a user sees.
    writeFileSync('/tmp/supply-chain-oras-discover.txt', trees.join('\n'))
    // The front answered OCI-Subject: no referrers tag schema index; each referrer has a tag of its own
    // (sha256-<subject>.<referrer>), which the default lifecycle policy protects.
    const tags = await registryTags('team/prov', { referrerTags: true })
    expect(tags.filter(t => /^sha256-[0-9a-f]{64}$/.test(t))).toEqual([])
    expect(
      tags
        .filter(t => REFERRER_KEEP_TAG.test(t))
        .map(t => t.slice(0, 71))
        .sort()
    ).toEqual(index.manifests.map(m => m.digest.replace(':', '-')).sort())
    expect(result.summary).toMatch(/Supply chain.*linux\/amd64 <code>sha256:[0-9a-f]{12}…<\/code>: provenance \(SLSA v1\)/)
  })

  test('provenance: false attaches nothing', async () => {
    const result = await ship({ repository: 'team/prov-off', version: '1.0.0', platforms: 'linux/amd64', provenance: 'false' }, makeWorkspace('prov-off'))
    expectSuccess(result)
    const { referrers } = orasDiscover('team/prov-off', result.outputs.digest ?? '')
    expect(referrers).toEqual([])
    expect(result.summary).toContain('nothing attached')
  })

  test('a registry without the referrers API: the statement is listed under the sha256-<hex> tag, which oras discover reads', async () => {
    await setReferrersApi(false)
    const result = await ship({ repository: 'team/prov-tags', version: '1.0.0', platforms: 'linux/amd64' }, makeWorkspace('prov-tags'))
    expectSuccess(result)
    const digest = result.outputs.digest ?? ''
    expect(await registryTags('team/prov-tags')).toContain(digest.replace(':', '-'))
    expect((await registryGet(`/v2/team/prov-tags/referrers/${digest}`)).status).toBe(404)
    const { referrers } = orasDiscover('team/prov-tags', digest)
    expect(referrers.map(r => r.artifactType)).toEqual([IN_TOTO])
    expect(result.log).toContain('(tag-schema)')
  })
})

describe('SBOM', () => {
  test('sbom: true with the stack’s generator: each platform image gets an SPDX referrer beside its provenance, about it, listing its files; the index stays platforms only', async () => {
    const generator = env.STACK_SBOM_GENERATOR ?? 'stack.test/sbom-generator:1'
    const result = await ship({ repository: 'team/sbom', version: '1.0.0', sbom: 'true', 'sbom-generator': generator }, makeWorkspace('sbom'))
    expectSuccess(result)
    expect(result.log).toContain(`--sbom=generator=${generator}`)
    const index = await registryManifest('team/sbom', '1.0.0')
    expect(index.manifests.map(m => `${m.platform?.os}/${m.platform?.architecture}`).sort()).toEqual(['linux/amd64', 'linux/arm64'])
    for (const child of index.manifests) {
      const { referrers } = orasDiscover('team/sbom', child.digest)
      expect(referrers.map(r => r.annotations?.['in-toto.io/predicate-type']).sort()).toEqual(['https://slsa.dev/provenance/v1', 'https://spdx.dev/Document'])
      const spdx = referrers.find(r => r.annotations?.['in-toto.io/predicate-type'] === 'https://spdx.dev/Document')
      const statement = await statementOf('team/sbom', spdx?.digest ?? '')
      expect(statement.subject.map(s => `sha256:${s.digest.sha256}`)).toEqual([child.digest])
      expect(JSON.stringify(statement.predicate)).toContain('"fileName":"./bin/busybox"')
    }
    expect(result.summary).toContain('provenance (SLSA v1), SBOM (SPDX)')
  })
})

describe('per-platform runners, the merge and re-runs', () => {
  const ws = makeWorkspace('prov-split')
  const perPlatform: string[] = []

  test('each push-by-digest job attaches its platform image’s provenance', async () => {
    for (const arch of ['amd64', 'arm64']) {
      const job = await ship({ repository: 'team/prov-split', version: '2.0.0', platforms: `linux/${arch}`, 'push-by-digest': 'true' }, ws)
      expectSuccess(job)
      const digest = job.outputs.digest ?? ''
      const { referrers } = orasDiscover('team/prov-split', digest)
      expect(referrers.map(r => r.annotations?.['in-toto.io/predicate-type'])).toEqual([SLSA])
      const statement = await statementOf('team/prov-split', referrers[0]?.digest ?? '')
      expect(statement.subject[0]?.name).toContain(`platform=linux%2F${arch}`)
      expect(job.summary).toContain(`linux/${arch} <code>`)
      perPlatform.push(digest)
    }
  })

  test('the merge keeps every platform’s referrers reachable and lists them; a re-run under auto reuses the index on its provenance', async () => {
    const merge = await ship({ repository: 'team/prov-split', version: '2.0.0', 'merge-digests': perPlatform.join(',') }, ws)
    expectSuccess(merge)
    const index = await registryManifest('team/prov-split', '2.0.0')
    expect(index.manifests.map(m => m.digest).sort()).toEqual([...perPlatform].sort())
    for (const child of index.manifests) expect(orasDiscover('team/prov-split', child.digest).referrers).toHaveLength(1)
    expect(merge.summary).toMatch(/Supply chain.*linux\/amd64 <code>sha256:[0-9a-f]{12}…<\/code>: provenance \(SLSA v1\)<br>linux\/arm64 <code>sha256:[0-9a-f]{12}…<\/code>: provenance \(SLSA v1\)/)

    const rerun = await ship({ repository: 'team/prov-split', version: '2.0.0', 'merge-digests': perPlatform.join(',') }, ws)
    expectSuccess(rerun)
    expect(rerun.outputs.skipped).toBe('true')
    expect(rerun.outputs.digest).toBe(index.digest)
    expect(rerun.log).toContain(`and its provenance shows it was built from this commit (${SHA.slice(0, 7)}) by .github/workflows/release.yml@refs/heads/main; if-version-exists: auto`)
    expect(rerun.log).not.toContain('imagetools create')
    expect(rerun.summary).toContain('provenance (SLSA v1)')
    for (const child of index.manifests) expect(orasDiscover('team/prov-split', child.digest).referrers).toHaveLength(1)
  })

  test('a re-run of the same version from another workflow ref is not reused: it stops before building, saying why', async () => {
    const other = await runAction({
      inputs: { 'role-to-assume': ROLE, 'aws-region': 'us-east-1', cache: 'none', repository: 'team/prov-split', version: '2.0.0', 'merge-digests': perPlatform.join(',') },
      env: jobEnv({ GITHUB_SHA: SHA, GITHUB_WORKFLOW_REF: 'acme/web/.github/workflows/branch.yml@refs/heads/feature' }),
      workspace: ws,
      post: true
    })
    expect(other.exitCode).toBe(1)
    expect(other.log).toContain('it was built by the workflow .github/workflows/release.yml@refs/heads/main, which is not an allowed one (.github/workflows/branch.yml@refs/heads/feature)')
    expect(other.log).not.toContain('imagetools create')
  })
})
