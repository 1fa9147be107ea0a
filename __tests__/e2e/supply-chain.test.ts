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
import { jobEnv, makeWorkspace, registryGet, registryManifest, registryTags, resetFaults, resetStack, ROLE, setReferrersApi } from './stack.js'

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
    // The front answered OCI-Subject: no referrers tag was needed.
    expect((await registryTags('team/prov')).filter(t => t.startsWith('sha256-'))).toEqual([])
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
