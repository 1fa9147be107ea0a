/**
 * Provenance as OCI 1.1 referrers: the statement the action writes for a platform image, its
 * judgement on a re-run, and how it is stored — through the referrers API (`OCI-Subject`) or,
 * on a registry without it, the referrers tag schema (`sha256-<hex>`).
 */
import { ActionError } from '../../src/errors.js'
import type { RetryPolicy } from '../../src/retry.js'
import { provenanceMismatch, provenanceStatement, workflowRun, SLSA_PROVENANCE_V1, IN_TOTO_MEDIA_TYPE } from '../../src/supply/provenance.js'
import { attach, listReferrers, referrersTag, subjectOf } from '../../src/supply/referrers.js'
import { FakeRegistry } from '../fixtures/fake-registry.js'
import { buildSettings } from '../fixtures/build-settings.js'

const noRetry: RetryPolicy = { attempts: 1, delay: () => 0, sleep: async () => undefined, log: () => undefined }
const SHA = '0123456789abcdef0123456789abcdef01234567'
const ENV = {
  GITHUB_REPOSITORY: 'acme/web',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_SHA: SHA,
  GITHUB_REF: 'refs/tags/v1.0.0',
  GITHUB_WORKFLOW_REF: 'acme/web/.github/workflows/release.yml@refs/heads/main',
  GITHUB_RUN_ID: '42',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_EVENT_NAME: 'push',
  RUNNER_ENVIRONMENT: 'github-hosted'
}
const DIGEST = `sha256:${'a'.repeat(64)}`

const statement = (mode: 'min' | 'max' = 'min', over: Partial<Parameters<typeof provenanceStatement>[0]> = {}) =>
  provenanceStatement({
    env: ENV,
    build: buildSettings({ buildArgs: ['NPM_TOKEN=s3cret', 'MODE=prod'], secrets: [{ id: 'npm', env: 'X', value: 'hidden' }] }),
    mode,
    uri: '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web',
    version: '1.0.0',
    platform: 'linux/arm64',
    digest: DIGEST,
    startedOn: '2026-12-04T08:00:00.000Z',
    finishedOn: '2026-12-04T08:01:00.000Z',
    ...over
  })

describe('the provenance statement', () => {
  test('is SLSA v1 about the platform image, naming the workflow, its ref, the commit and the run', () => {
    const s = statement() as {
      subject: { name: string; digest: { sha256: string } }[]
      predicateType: string
      predicate: { buildDefinition: Record<string, Record<string, unknown>>; runDetails: { builder: { id: string }; metadata: Record<string, string> } }
    }
    expect(s.predicateType).toBe(SLSA_PROVENANCE_V1)
    expect(s.subject).toEqual([{ name: 'pkg:docker/123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web@1.0.0?platform=linux%2Farm64', digest: { sha256: 'a'.repeat(64) } }])
    expect(s.predicate.buildDefinition.externalParameters?.workflow).toEqual({ ref: 'refs/heads/main', repository: 'https://github.com/acme/web', path: '.github/workflows/release.yml' })
    expect(s.predicate.buildDefinition.resolvedDependencies).toEqual([{ uri: 'git+https://github.com/acme/web@refs/heads/main', digest: { gitCommit: SHA } }])
    expect(s.predicate.runDetails.metadata.invocationId).toBe('https://github.com/acme/web/actions/runs/42/attempts/2')
    expect(s.predicate.runDetails.builder.id).toBe('https://github.com/actions/runner/github-hosted')
  })

  test('mode=max adds the names of build arguments and secrets, never their values; min has neither', () => {
    const max = JSON.stringify(statement('max'))
    expect(max).toContain('"buildArgs":["NPM_TOKEN","MODE"]')
    expect(max).toContain('"secrets":["npm"]')
    expect(max).not.toContain('s3cret')
    expect(max).not.toContain('hidden')
    expect(JSON.stringify(statement('min'))).not.toContain('NPM_TOKEN')
  })

  test('outside a workflow (no GITHUB_WORKFLOW_REF) the ref is the job ref and the path is empty', () => {
    expect(workflowRun({ GITHUB_REPOSITORY: 'acme/web', GITHUB_REF: 'refs/heads/dev', GITHUB_SHA: SHA })).toEqual({ repository: 'https://github.com/acme/web', path: '', ref: 'refs/heads/dev', sha: SHA })
  })
})

describe('judging an existing image by its provenance', () => {
  const claim = { digest: DIGEST, repository: 'https://github.com/acme/web', sha: SHA, workflowRefs: ['.github/workflows/release.yml@refs/heads/main'] }
  test('this repository, this commit, an allowed workflow ref: no mismatch', () => {
    expect(provenanceMismatch(statement(), claim)).toBeUndefined()
  })
  test.each([
    ['another repository', { repository: 'https://github.com/evil/web' }, 'it was built by https://github.com/acme/web, not https://github.com/evil/web'],
    ['another commit', { sha: 'f'.repeat(40) }, `it was built from commit ${SHA}, not fffffff`],
    ['a workflow ref not allowed', { workflowRefs: ['.github/workflows/release.yml@refs/heads/dev'] }, 'it was built by the workflow .github/workflows/release.yml@refs/heads/main, which is not an allowed one'],
    ['another image', { digest: `sha256:${'b'.repeat(64)}` }, 'its statement is about another image']
  ])('%s: says which', (_, over, why) => {
    expect(provenanceMismatch(statement(), { ...claim, ...over })).toContain(why)
  })
  test('something that is no SLSA v1 statement', () => {
    expect(provenanceMismatch({ predicateType: 'https://spdx.dev/Document' }, claim)).toContain('not SLSA provenance v1')
    expect(provenanceMismatch('garbage', claim)).toContain('not SLSA provenance v1')
  })
})

describe('storing a statement as a referrer', () => {
  const artifact = (text: string) => ({ artifactType: IN_TOTO_MEDIA_TYPE, predicateType: SLSA_PROVENANCE_V1, statement: Buffer.from(text), created: '2026-12-04T08:01:00.000Z' })
  const setUp = (referrersApi: boolean) => {
    const registry = new FakeRegistry()
    registry.referrersApi = referrersApi
    const index = registry.pushImage('team/web', '1.0.0', SHA)
    const child = JSON.parse(registry.manifests.get(`team/web@${index}`)?.body.toString() ?? '{}').manifests[0].digest as string
    const client = registry.client({ registry: 'registry.test', username: 'AWS', password: 'pw' })
    return { registry, client, child }
  }

  test('a registry that answers OCI-Subject: one manifest PUT by digest with the subject, listed by the referrers API, no tag', async () => {
    const { registry, client, child } = setUp(true)
    const subject = await subjectOf(client, 'team/web', child, noRetry)
    const done = await attach(client, 'team/web', subject, artifact('{"a":1}'), noRetry)
    expect(done.via).toBe('referrers-api')
    const stored = JSON.parse(registry.manifests.get(`team/web@${done.digest}`)?.body.toString() ?? '{}')
    expect(stored.subject).toEqual(subject)
    expect(stored.artifactType).toBe(IN_TOTO_MEDIA_TYPE)
    expect(stored.config.mediaType).toBe('application/vnd.oci.empty.v1+json')
    expect(registry.tag('team/web', referrersTag(child))).toBeUndefined()
    expect((await listReferrers(client, 'team/web', child, noRetry)).map(d => d.digest)).toEqual([done.digest])
  })

  test('a registry without the referrers API: the sha256-<hex> tag lists the referrers, one more on each attach, and is read back', async () => {
    const { registry, client, child } = setUp(false)
    const subject = await subjectOf(client, 'team/web', child, noRetry)
    const first = await attach(client, 'team/web', subject, artifact('{"a":1}'), noRetry)
    const second = await attach(client, 'team/web', subject, artifact('{"b":2}'), noRetry)
    const again = await attach(client, 'team/web', subject, artifact('{"a":1}'), noRetry)
    expect([first.via, second.via, again.via]).toEqual(['tag-schema', 'tag-schema', 'tag-schema'])
    expect(registry.tag('team/web', referrersTag(child))).toBeDefined()
    expect((await listReferrers(client, 'team/web', child, noRetry)).map(d => d.digest)).toEqual([first.digest, second.digest])
  })

  test('the sha256-<hex> tag kept immutable: the run fails naming the exclusion that lets it move', async () => {
    const { registry, client, child } = setUp(false)
    const subject = await subjectOf(client, 'team/web', child, noRetry)
    await attach(client, 'team/web', subject, artifact('{"a":1}'), noRetry)
    registry.immutable.add(referrersTag(child))
    const failed = attach(client, 'team/web', subject, artifact('{"b":2}'), noRetry)
    await expect(failed).rejects.toThrow(ActionError)
    await expect(failed).rejects.toThrow("add 'sha256-*' to tag-mutability-exclusions")
  })
})
