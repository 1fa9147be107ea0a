/** A re-run's reuse rests on provenance: every platform image needs a statement naming this repository, commit and workflow. */
import type { RetryDeps } from '../../../src/retry.js'
import { attestImages } from '../../../src/supply/attest.js'
import { judgeProvenance, reuseClaim } from '../../../src/supply/reuse.js'
import { buildSettings } from '../../fixtures/build-settings.js'
import { FakeRegistry } from '../../fixtures/fake-registry.js'

const retry: RetryDeps = { policy: { attempts: 1, delay: () => 0, sleep: async () => undefined, log: () => undefined } }
const SHA = '0123456789abcdef0123456789abcdef01234567'
const ENV = { GITHUB_REPOSITORY: 'acme/web', GITHUB_SHA: SHA, GITHUB_REF: 'refs/heads/main', GITHUB_WORKFLOW_REF: 'acme/web/.github/workflows/release.yml@refs/heads/main' }

/** An image pushed under 1.0.0, its platform images attested by a run of `env` (only the first, with `onlyFirst`). */
async function image(env: Record<string, string>, onlyFirst = false) {
  const registry = new FakeRegistry()
  const client = registry.client({ registry: 'r', username: 'AWS', password: 'p' })
  const index = registry.pushImage('team/web', '1.0.0', SHA)
  const children = (JSON.parse(registry.manifests.get(`team/web@${index}`)?.body.toString() ?? '{}') as { manifests: { digest: string }[] }).manifests
  const images = children.map((m, i) => ({ platform: i === 0 ? 'linux/amd64' : 'linux/arm64', digest: m.digest }))
  const input = { env, build: buildSettings({ provenance: 'true' }), uri: 'r/team/web', path: 'team/web', version: '1.0.0', startedOn: '2026-12-04T08:00:00Z', finishedOn: '2026-12-04T08:01:00Z' }
  await attestImages(client, onlyFirst ? images.slice(0, 1) : images, input, retry)
  return { client, index }
}

test("reuseClaim: the run's repository, commit and own workflow file at its ref", () => {
  expect(reuseClaim(ENV)).toEqual({ repository: 'https://github.com/acme/web', sha: SHA, workflowRefs: ['.github/workflows/release.yml@refs/heads/main'] })
  expect(reuseClaim({ GITHUB_REPOSITORY: 'acme/web', GITHUB_SHA: SHA }).workflowRefs).toEqual([])
})

test('every platform image built by this workflow from this commit: reused, naming the workflow', async () => {
  const { client, index } = await image(ENV)
  expect(await judgeProvenance(client, 'team/web', index, reuseClaim(ENV), retry)).toEqual({ ok: true, workflow: '.github/workflows/release.yml@refs/heads/main' })
})

test('another commit, or a platform image without provenance: not reused, saying which image and why', async () => {
  const other = await image({ ...ENV, GITHUB_SHA: 'f'.repeat(40) })
  const verdict = await judgeProvenance(other.client, 'team/web', other.index, reuseClaim(ENV), retry)
  expect(verdict.ok).toBe(false)
  expect(!verdict.ok && verdict.why).toMatch(/^linux\/amd64 sha256:.{12}…: /)

  const half = await image(ENV, true)
  const missing = await judgeProvenance(half.client, 'team/web', half.index, reuseClaim(ENV), retry)
  expect(missing).toEqual({ ok: false, why: expect.stringMatching(/^linux\/arm64 sha256:.{12}…: it has no SLSA provenance referrer$/) })
})

test('a run that names no workflow ref has nothing to compare with: not reused, and nothing read', async () => {
  const registry = new FakeRegistry()
  const verdict = await judgeProvenance(
    registry.client({ registry: 'r', username: 'AWS', password: 'p' }),
    'team/web',
    `sha256:${'0'.repeat(64)}`,
    reuseClaim({ GITHUB_REPOSITORY: 'acme/web', GITHUB_SHA: SHA }),
    retry
  )
  expect(verdict).toEqual({ ok: false, why: expect.stringContaining('names no repository, commit or workflow ref') })
  expect(registry.requests).toEqual([])
})
