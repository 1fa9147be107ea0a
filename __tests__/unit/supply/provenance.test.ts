/** The SLSA provenance statement, and an existing image judged by its provenance. */
import { provenanceMismatch, provenanceStatement, workflowRun, SLSA_PROVENANCE_V1 } from '../../../src/supply/provenance.js'
import { buildSettings } from '../../fixtures/build-settings.js'

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
    expect(workflowRun({ GITHUB_REPOSITORY: 'acme/web', GITHUB_REF: 'refs/heads/dev', GITHUB_SHA: SHA })).toEqual({
      repository: 'https://github.com/acme/web',
      path: '',
      ref: 'refs/heads/dev',
      sha: SHA
    })
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
    [
      'a workflow ref not allowed',
      { workflowRefs: ['.github/workflows/release.yml@refs/heads/dev'] },
      'it was built by the workflow .github/workflows/release.yml@refs/heads/main, which is not an allowed one'
    ],
    ['another image', { digest: `sha256:${'b'.repeat(64)}` }, 'its statement is about another image']
  ])('%s: says which', (_, over, why) => {
    expect(provenanceMismatch(statement(), { ...claim, ...over })).toContain(why)
  })
  test('something that is no SLSA v1 statement', () => {
    expect(provenanceMismatch({ predicateType: 'https://spdx.dev/Document' }, claim)).toContain('not SLSA provenance v1')
    expect(provenanceMismatch('garbage', claim)).toContain('not SLSA provenance v1')
  })
})
