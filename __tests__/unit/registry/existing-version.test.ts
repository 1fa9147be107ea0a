/**
 * An existing version tag: re-run decisions (skip, fail, overwrite), an archived image never
 * becomes a kept release, and the version tag looked up in the registry.
 */
import { describe, expect, test } from '@jest/globals'
import { ActionError } from '../../../src/errors.js'
import { decideVersion, type ArchivedImage, findExistingVersion } from '../../../src/registry/existing-version.js'
import { restoreCommand } from '../../../src/aws/image-status.js'
import type { RetryDeps } from '../../../src/retry.js'
import { pushLayout } from '../../../src/registry/layout-push.js'
import { addTags } from '../../../src/registry/tags.js'
import { UploadRegistry, writeLayout } from '../../fixtures/upload-registry.js'

const SHA = 'a'.repeat(40)

const OTHER = 'b'.repeat(40)

const run = { sha: SHA, version: '1.2.3', repository: 'team/web' }

const existing = (revision: string) => ({ digest: `sha256:${'c'.repeat(64)}`, revision })

describe('decideVersion', () => {
  const DIGEST = `sha256:${'c'.repeat(64)}`
  const UNTRUSTED = "a label is written by whoever pushed the image, so it can't show that the image was built from this commit"
  const WAYS_OUT = 'Bump the version, or set if-version-exists: skip to keep the existing image (trusting whoever pushed it).'

  test.each(['auto', 'fail', 'skip'] as const)('no such tag: build (%s)', mode => {
    expect(decideVersion(undefined, run, mode)).toEqual({ build: true })
  })

  // The label is a claim anyone with push rights can make: with auto, no label earns a reuse.
  test.each([
    ['this commit', SHA, `labelled as built from this commit (aaaaaaa); ${UNTRUSTED}`],
    ['another commit', OTHER, `labelled as built from commit ${OTHER} (this run is aaaaaaa); ${UNTRUSTED}`],
    ['no commit (no label)', '', `with no revision label; ${UNTRUSTED}`]
  ])('auto, an image whose label names %s: stop before building, the label named as a claim', (_, revision, middle) => {
    expect(() => decideVersion(existing(revision), run, 'auto')).toThrow(new ActionError(`Tag '1.2.3' already exists in 'team/web' (${DIGEST}), ${middle}. ${WAYS_OUT}`))
  })

  test.each([SHA, OTHER, ''])('fail: stop whatever the label says (%j)', revision => {
    expect(() => decideVersion(existing(revision), run, 'fail')).toThrow(`(${DIGEST}), `)
    expect(() => decideVersion(existing(revision), run, 'fail')).toThrow(`if-version-exists: fail stops whenever the tag exists. ${WAYS_OUT}`)
  })

  test.each([SHA, OTHER, ''])('skip: keep the existing image whatever the label says (%j)', revision => {
    expect(decideVersion(existing(revision), run, 'skip')).toEqual({ build: false, reason: `1.2.3 already exists (${DIGEST}); if-version-exists: skip` })
  })
})

const DIGEST = `sha256:${'c'.repeat(64)}`

const RESTORE = restoreCommand('team/web', DIGEST, 'eu-west-1')

const archived = (status: ArchivedImage['status'], extra: Partial<ArchivedImage> = {}) => ({ digest: DIGEST, revision: SHA, archive: { status, restore: RESTORE, ...extra } })

describe('decideVersion on an image ECR keeps out of reach', () => {
  test('the restore command names the repository, the digest and the region', () => {
    expect(RESTORE).toBe(`aws ecr update-image-storage-class --region eu-west-1 --repository-name team/web --image-id imageDigest=${DIGEST} --target-storage-class STANDARD`)
  })

  test('skip on an archived image fails: no release that cannot be pulled', () => {
    const decide = () => decideVersion(archived('ARCHIVED', { archivedAt: new Date('2026-06-30T10:00:00Z'), bytes: 1024 ** 3 }), run, 'skip')
    expect(decide).toThrow(ActionError)
    expect(decide).toThrow(`Tag '1.2.3' in 'team/web' names ${DIGEST}, and ECR has archived it since 2026-06-30 (imageStatus ARCHIVED): an archived image can't be pulled. No tag was moved.`)
    expect(decide).toThrow(`Restore it with \`${RESTORE}\` and run the job again once it is ACTIVE`)
    expect(decide).toThrow('or bump the version to push a new image. Archive: 1.0 GB at about $0.10 a month, restoring it about $0.030;')
  })

  test('skip on an image being restored fails, saying to wait for ACTIVE', () => {
    const decide = () => decideVersion(archived('ACTIVATING'), run, 'skip')
    expect(decide).toThrow("ECR is restoring it from its archive (imageStatus ACTIVATING): it can't be pulled until the restore is done. No tag was moved. Run the job again once it is ACTIVE")
    expect(decide).not.toThrow('update-image-storage-class')
  })

  test('skip on an image DescribeImages does not list fails, as it may be archived', () => {
    expect(() => decideVersion(archived('UNLISTED'), run, 'skip')).toThrow(
      "ECR's DescribeImages doesn't list it (without a status filter it lists active images only): it may be archived. No tag was moved. Restore it with"
    )
  })

  test.each(['auto', 'fail'] as const)('%s: the stop names the archive and the restore too', mode => {
    const decide = () => decideVersion(archived('ARCHIVED'), run, mode)
    expect(decide).toThrow(`Tag '1.2.3' already exists in 'team/web' (${DIGEST})`)
    expect(decide).toThrow(`Bump the version. Besides, ECR has archived it (imageStatus ARCHIVED): an archived image can't be pulled. No tag was moved. Restore it with \`${RESTORE}\``)
  })

  test('an active image is kept with skip as before', () => {
    expect(decideVersion({ digest: DIGEST, revision: SHA }, run, 'skip')).toEqual({ build: false, reason: `1.2.3 already exists (${DIGEST}); if-version-exists: skip` })
  })
})

describe('the version tag in the registry', () => {
  const registry = new UploadRegistry()
  beforeAll(() => registry.start())
  afterAll(() => registry.close())
  beforeEach(() => registry.reset())

  const client = (password = 'secret') => registry.client(password)

  const logs: string[] = []

  const retry: RetryDeps = { policy: { attempts: 3, delay: () => 0, sleep: async () => undefined, log: (m: string) => logs.push(m) } }

  describe('findExistingVersion: the version tag looked up in the registry', () => {
    const SHA = '0123abcdef4567890123abcdef4567890123abcd'

    test('an index: the tag, its first platform image and that image’s config, for the revision label', async () => {
      const l = writeLayout(['amd64', 'arm64'], { 'org.opencontainers.image.revision': SHA })
      await pushLayout(client(), 'team/web', l.dir, retry)
      await addTags(client(), 'team/web', l.root, ['v1'], retry)
      registry.requests = []
      expect(await findExistingVersion(client(), 'team/web', 'v1')).toEqual({ digest: l.root, revision: SHA })
      expect(registry.requests[0]).toBe('GET /v2/team/web/manifests/v1')
      expect(registry.requests.filter(r => r.startsWith('GET /v2/team/web/manifests/'))).toHaveLength(2)
      expect(registry.requests.filter(r => r.includes('/blobs/'))).toHaveLength(1)
    })

    test('an image manifest without a revision label: the digest, and an empty revision', async () => {
      const l = writeLayout(['amd64'])
      await pushLayout(client(), 'team/web', l.dir, retry)
      await addTags(client(), 'team/web', l.root, ['v1'], retry)
      expect(await findExistingVersion(client(), 'team/web', 'v1')).toEqual({ digest: l.root, revision: '' })
    })

    test('no such tag: undefined, after one request', async () => {
      registry.requests = []
      await expect(findExistingVersion(client(), 'team/web', 'v2')).resolves.toBeUndefined()
      expect(registry.requests).toEqual(['GET /v2/team/web/manifests/v2'])
    })
  })
})
