/**
 * Provenance as OCI 1.1 referrers: the statement the action writes for a platform image, its
 * judgement on a re-run, and how it is stored — through the referrers API (`OCI-Subject`) or,
 * on a registry without it, the referrers tag schema (`sha256-<hex>`).
 */
import { ActionError } from '../../src/errors.js'
import type { RetryDeps } from '../../src/retry.js'
import { provenanceMismatch, provenanceStatement, workflowRun, SLSA_PROVENANCE_V1, IN_TOTO_MEDIA_TYPE } from '../../src/supply/provenance.js'
import { attach, listReferrers, referrersTag, subjectOf } from '../../src/supply/referrers.js'
import { attestImages } from '../../src/supply/attest.js'
import { sbomArgs, statementsByPlatform, SPDX_DOCUMENT } from '../../src/supply/sbom.js'
import { referrerRisk } from '../../src/supply/lifecycle.js'
import { readSettings } from '../../src/settings/read.js'
import { FakeRegistry } from '../fixtures/fake-registry.js'
import { buildSettings } from '../fixtures/build-settings.js'
import { makeWorkspace, stepEnv } from '../fixtures/workspace.js'

const noRetry: RetryDeps = { policy: { attempts: 1, delay: () => 0, sleep: async () => undefined, log: () => undefined } }
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

describe('SBOMs', () => {
  const META = '/runner/_temp/ecr-build-push-x/metadata.json'
  const ecrCache = { type: 'ecr' as const, tag: 'buildcache', from: ['buildcache'] }

  test('the SBOM run: the build exported to an OCI layout with the generator on, no tag, no push, no cache export', () => {
    const args = sbomArgs(buildSettings({ sbom: true, sbomGenerator: 'stack.test/sbom-generator:1', cache: ecrCache }), ['a=b'], META, 'r.test/team/web', {})
    expect(args).toContain('--sbom=generator=stack.test/sbom-generator:1')
    expect(args).toContain('--provenance=false')
    expect(args).toContain('type=oci,dest=/runner/_temp/ecr-build-push-x/oci-layout,tar=false')
    expect(args).not.toContain('--push')
    expect(args).not.toContain('--tag')
    expect(args).not.toContain('--cache-to')
    expect(args).toContain('--cache-from')
    expect(sbomArgs(buildSettings({ sbom: true }), [], META, undefined, {})).toContain('--sbom=true')
  })

  test('statements are read from the layout by the platform of the image each attestation manifest names', async () => {
    const blobs = new Map<string, Buffer>()
    const put = (name: string, value: unknown): string => (blobs.set(name, Buffer.from(JSON.stringify(value))), name)
    const spdx = put('sha256:spdx', { predicateType: SPDX_DOCUMENT })
    const att = put('sha256:att', { layers: [{ mediaType: IN_TOTO_MEDIA_TYPE, digest: spdx, annotations: { 'in-toto.io/predicate-type': SPDX_DOCUMENT } }, { mediaType: IN_TOTO_MEDIA_TYPE, digest: 'sha256:prov', annotations: { 'in-toto.io/predicate-type': SLSA_PROVENANCE_V1 } }] })
    const index = put('sha256:index', {
      manifests: [
        { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: 'sha256:img', platform: { os: 'linux', architecture: 'arm64' } },
        { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: att, platform: { os: 'unknown', architecture: 'unknown' }, annotations: { 'vnd.docker.reference.type': 'attestation-manifest', 'vnd.docker.reference.digest': 'sha256:img' } }
      ]
    })
    const found = await statementsByPlatform(async d => blobs.get(d) ?? Buffer.from('{}'), [{ mediaType: 'application/vnd.oci.image.index.v1+json', digest: index }])
    expect([...found.keys()]).toEqual(['linux/arm64'])
    expect(found.get('linux/arm64')?.map(b => JSON.parse(b.toString()).predicateType)).toEqual([SPDX_DOCUMENT])
  })

  const input = { env: ENV, build: buildSettings({ sbom: true, provenance: 'false' }), uri: 'r.test/team/web', path: 'team/web', version: '1.0.0', startedOn: 'a', finishedOn: 'b' }
  test('each platform image gets its own platform’s SBOM, its subject set to that image', async () => {
    const registry = new FakeRegistry()
    const index = registry.pushImage('team/web', '1.0.0', SHA)
    const children = (JSON.parse(registry.manifests.get(`team/web@${index}`)?.body.toString() ?? '{}') as { manifests: { digest: string }[] }).manifests.map(m => m.digest)
    const client = registry.client({ registry: 'r.test', username: 'AWS', password: 'pw' })
    const sboms = new Map([['linux/amd64', [Buffer.from('{"predicateType":"https://spdx.dev/Document","subject":[],"predicate":{"name":"amd"}}')]], ['linux/arm64', [Buffer.from('{"predicateType":"https://spdx.dev/Document","subject":[],"predicate":{"name":"arm"}}')]]])
    const images = [{ platform: 'linux/amd64', digest: children[0] ?? '' }, { platform: 'linux/arm64', digest: children[1] ?? '' }]
    const done = await attestImages(client, images, input, noRetry, sboms)
    expect(done.map(d => d.kind)).toEqual(['SBOM', 'SBOM'])
    for (const [i, image] of images.entries()) {
      const manifest = JSON.parse(registry.manifests.get(`team/web@${done[i]?.digest}`)?.body.toString() ?? '{}') as { subject: { digest: string }; layers: { digest: string }[] }
      expect(manifest.subject.digest).toBe(image.digest)
      const statement = JSON.parse(registry.blobs.get(manifest.layers[0]?.digest ?? '')?.toString() ?? '{}') as { subject: { digest: { sha256: string } }[]; predicate: { name: string } }
      expect(statement.subject[0]?.digest.sha256).toBe(image.digest.slice(7))
      expect(statement.predicate.name).toBe(i === 0 ? 'amd' : 'arm')
    }
  })

  test('the platform images are attested side by side, and logged in their order; a platform without its SBOM stores nothing for any', async () => {
    const registry = new FakeRegistry()
    const index = registry.pushImage('team/web', '1.0.0', SHA)
    const children = (JSON.parse(registry.manifests.get(`team/web@${index}`)?.body.toString() ?? '{}') as { manifests: { digest: string }[] }).manifests.map(m => m.digest)
    const client = registry.client({ registry: 'r.test', username: 'AWS', password: 'pw' })
    const calls: string[] = []
    const spy = Object.assign(Object.create(client) as typeof client, {
      manifestBytes: (repository: string, reference: string) => (calls.push(`read ${reference}`), client.manifestBytes(repository, reference)),
      storeManifest: (...args: Parameters<typeof client.storeManifest>) => (calls.push(`store ${JSON.parse(args[3].toString()).subject.digest}`), client.storeManifest(...args))
    })
    const images = [{ platform: 'linux/amd64', digest: children[0] ?? '' }, { platform: 'linux/arm64', digest: children[1] ?? '' }]
    const done = await attestImages(spy, images, { ...input, build: buildSettings({ provenance: 'mode=min' }) }, noRetry)
    expect(done.map(d => d.platform)).toEqual(['linux/amd64', 'linux/arm64'])
    // One platform's work doesn't wait for the other's: both subjects are read before either referrer is stored.
    expect(calls.slice(0, 2).sort()).toEqual([`read ${children[0]}`, `read ${children[1]}`].sort())
    calls.length = 0
    const sboms = new Map([['linux/amd64', [Buffer.from('{}')]]])
    await expect(attestImages(spy, images, input, noRetry, sboms)).rejects.toThrow('The SBOM generator made no SBOM for linux/arm64')
    expect(calls).toEqual([])
  })

  test('a platform the generator gave no SBOM for fails the run (sbom: true never passes on nothing)', async () => {
    const registry = new FakeRegistry()
    const index = registry.pushImage('team/web', '1.0.0', SHA)
    const child = (JSON.parse(registry.manifests.get(`team/web@${index}`)?.body.toString() ?? '{}') as { manifests: { digest: string }[] }).manifests[1]?.digest ?? ''
    const client = registry.client({ registry: 'r.test', username: 'AWS', password: 'pw' })
    const sboms = new Map([['linux/amd64', [Buffer.from('{}')]]])
    await expect(attestImages(client, [{ platform: 'linux/arm64', digest: child }], input, noRetry, sboms)).rejects.toThrow('The SBOM generator made no SBOM for linux/arm64 (it made some for: linux/amd64)')
  })

  test('sbom-generator: only with sbom true, and an image reference', () => {
    const ws = makeWorkspace()
    try {
      const read = (inputs: Record<string, string>) => readSettings(stepEnv(ws.dir, { repository: 'team/web', ...inputs }))
      expect(read({ sbom: 'true', 'sbom-generator': 'stack.test/sbom-generator:1' }).build.sbomGenerator).toBe('stack.test/sbom-generator:1')
      expect(read({ sbom: 'true' }).build.sbomGenerator).toBeUndefined()
      expect(() => read({ 'sbom-generator': 'stack.test/sbom-generator:1' })).toThrow("Input 'sbom-generator': is set but sbom is false")
      expect(() => read({ sbom: 'true', 'sbom-generator': 'Not An Image' })).toThrow("is not an image reference")
    } finally {
      ws.remove()
    }
  })
})

describe('lifecycle safety for referrers', () => {
  const rule = (priority: number, selection: Record<string, unknown>, description?: string) => ({ rulePriority: priority, ...(description ? { description } : {}), selection, action: { type: 'expire' } })
  const stated = (...rules: ReturnType<typeof rule>[]) => ({ stated: true as const, source: 'lifecycle-policy', policy: { rules } as never })
  const keepTen = rule(2, { tagStatus: 'tagged', tagPatternList: ['*'], countType: 'imageCountMoreThan', countNumber: 10 }, 'Keep 10')

  test('the generated policies (default and shorthand) protect sha256-* ahead of every rule that could expire a referrer', () => {
    const ws = makeWorkspace()
    try {
      for (const inputs of [{}, { 'lifecycle-keep-count': '5' }, { 'lifecycle-expire-days': '30', 'lifecycle-protect-tags': 'release-*' }]) {
        const { lifecycle } = readSettings(stepEnv(ws.dir, { repository: 'team/web', ...inputs })).repository
        expect(referrerRisk({ ...lifecycle, stated: true })).toBeUndefined()
      }
    } finally {
      ws.remove()
    }
  })

  test.each([
    ['a tagged rule over every tag', stated(rule(1, { tagStatus: 'tagged', tagPatternList: ['*'], countType: 'imageCountMoreThan', countNumber: 10 }, 'Keep 10'))],
    ['an "any" rule by age', stated(rule(1, { tagStatus: 'any', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 1 }))],
    ['a sha* prefix rule', stated(rule(1, { tagStatus: 'tagged', tagPrefixList: ['sha'], countType: 'sinceImagePushed', countUnit: 'days', countNumber: 7 }))]
  ])('a stated policy with %s: a hint naming the rule and the protection to put ahead of it', (_, intent) => {
    expect(referrerRisk(intent)).toMatch(/^The lifecycle policy's rule of priority 1.*may expire them while their image is in use.*"tagPatternList": \["sha256-\*"\]/)
  })

  test('no hint: protected first, only untagged or other tags selected, or the policy is not stated', () => {
    const protect = rule(1, { tagStatus: 'tagged', tagPatternList: ['sha256-*'], countType: 'imageCountMoreThan', countNumber: 10000 })
    expect(referrerRisk(stated(protect, keepTen))).toBeUndefined()
    expect(referrerRisk(stated(rule(1, { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 1 })))).toBeUndefined()
    expect(referrerRisk(stated(rule(1, { tagStatus: 'tagged', tagPatternList: ['v*'], countType: 'imageCountMoreThan', countNumber: 3 })))).toBeUndefined()
    expect(referrerRisk({ ...stated(keepTen), stated: false as never })).toBeUndefined()
  })
})
