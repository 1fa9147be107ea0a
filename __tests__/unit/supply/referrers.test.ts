/** Storing a statement as a referrer of the image, and listing referrers. */
import { createHash } from 'node:crypto'
import { ActionError } from '../../../src/errors.js'
import type { RetryDeps } from '../../../src/retry.js'
import { SLSA_PROVENANCE_V1, IN_TOTO_MEDIA_TYPE } from '../../../src/supply/provenance.js'
import { attach, listReferrers, referrersTag, subjectOf } from '../../../src/supply/referrers.js'
import { FakeRegistry } from '../../fixtures/fake-registry.js'

const noRetry: RetryDeps = { policy: { attempts: 1, delay: () => 0, sleep: async () => undefined, log: () => undefined } }

const SHA = '0123456789abcdef0123456789abcdef01234567'

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

  test("the statement goes up beside the subject's read, in two requests and without asking whether the registry has it; the shared config is asked about first", async () => {
    const { registry, client, child } = setUp(true)
    await attach(client, 'team/web', await subjectOf(client, 'team/web', child, noRetry), artifact('{"warm":1}'), noRetry)
    const uploads: string[] = []
    const spy = Object.assign(Object.create(client) as typeof client, {
      uploadSmall: (...args: Parameters<typeof client.uploadSmall>) => (uploads.push(args[1]), client.uploadSmall(...args))
    })
    let read!: () => void
    const subject = new Promise<void>(resolve => (read = resolve)).then(() => subjectOf(client, 'team/web', child, noRetry))
    const statement = artifact('{"a":1}')
    const hex = createHash('sha256').update(statement.statement).digest('hex')
    const before = registry.requests.length
    const done = attach(spy, 'team/web', subject, statement, noRetry)
    // The subject's read answers only once the statement's upload has been made.
    for (let i = 0; i < 200 && uploads.length === 0; i++) await new Promise(r => setImmediate(r))
    expect(uploads).toEqual([`sha256:${hex}`])
    read()
    expect((await done).via).toBe('referrers-api')
    expect(registry.blobs.get(`sha256:${hex}`)).toEqual(statement.statement)
    const made = registry.requests.slice(before).filter(r => r.includes('/blobs/'))
    expect(made.filter(r => r.endsWith(hex))).toEqual([])
    expect(made.filter(r => r.startsWith('HEAD ') && r.endsWith('44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a'))).toHaveLength(1)
    expect(made.filter(r => !r.startsWith('HEAD ')).map(r => r.split(' ')[0])).toEqual(['POST', 'PUT'])
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
