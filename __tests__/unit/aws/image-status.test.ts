/**
 * Archived images: a re-run's version tag that names an image in ECR's archive (or being
 * restored, or not listed as active) never becomes a kept release, on any mode; what ECR
 * answers is read once by digest; the archive's price in the message.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { DescribeImagesCommand, ECRClient } from '@aws-sdk/client-ecr'
import { mockClient } from 'aws-sdk-client-mock'
import { readStorageState, restoreCommand } from '../../../src/aws/image-status.js'
import { leastPrivilegePolicy } from '../../../src/aws/iam-policy.js'
import { ActionError } from '../../../src/errors.js'
import { decideVersion, type ArchivedImage } from '../../../src/registry/existing-version.js'
import { archiveCostLine } from '../../../src/report/image-size.js'
import { readSettings } from '../../../src/settings/read.js'
import { makeWorkspace, stepEnv, type TempWorkspace } from '../../fixtures/workspace.js'

const DIGEST = `sha256:${'c'.repeat(64)}`
const SHA = 'a'.repeat(40)
const run = { sha: SHA, version: '1.2.3', repository: 'team/web' }
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
    expect(() => decideVersion(archived('UNLISTED'), run, 'skip')).toThrow("ECR's DescribeImages doesn't list it (without a status filter it lists active images only): it may be archived. No tag was moved. Restore it with")
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

describe('readStorageState', () => {
  const ecr = mockClient(ECRClient)
  const client = new ECRClient({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } })

  test('one DescribeImages call by digest; ECR’s status, size and archive date', async () => {
    ecr.reset()
    const at = new Date('2026-07-01T00:00:00Z')
    ecr.on(DescribeImagesCommand).resolves({ imageDetails: [{ imageDigest: DIGEST, imageStatus: 'ARCHIVED', imageSizeInBytes: 42, lastArchivedAt: at }] })
    await expect(readStorageState(client, 'team/web', DIGEST)).resolves.toEqual({ status: 'ARCHIVED', bytes: 42, archivedAt: at })
    expect(ecr.commandCalls(DescribeImagesCommand).map(c => c.args[0].input)).toEqual([{ repositoryName: 'team/web', imageIds: [{ imageDigest: DIGEST }] }])
  })

  test('an image listed without a status predates the archive: ACTIVE', async () => {
    ecr.reset()
    ecr.on(DescribeImagesCommand).resolves({ imageDetails: [{ imageDigest: DIGEST }] })
    await expect(readStorageState(client, 'team/web', DIGEST)).resolves.toEqual({ status: 'ACTIVE' })
  })

  test('an image not listed, or ImageNotFoundException: undefined (not shown to be pullable)', async () => {
    ecr.reset()
    ecr.on(DescribeImagesCommand).resolves({ imageDetails: [] })
    await expect(readStorageState(client, 'team/web', DIGEST)).resolves.toBeUndefined()
    ecr.on(DescribeImagesCommand).rejects(Object.assign(new Error('not found'), { name: 'ImageNotFoundException' }))
    await expect(readStorageState(client, 'team/web', DIGEST)).resolves.toBeUndefined()
  })

  test('AccessDenied fails closed naming ecr:DescribeImages; other errors fail with their name', async () => {
    ecr.reset()
    ecr.on(DescribeImagesCommand).rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }))
    await expect(readStorageState(client, 'team/web', DIGEST)).rejects.toThrow(/^AWS refused ecr:DescribeImages \(AccessDeniedException\).*allow ecr:DescribeImages on the repository/)
    ecr.on(DescribeImagesCommand).rejects(Object.assign(new Error('boom'), { name: 'ServerException' }))
    await expect(readStorageState(client, 'team/web', DIGEST)).rejects.toThrow(`Could not read the storage class of the existing image ${DIGEST} (DescribeImages: ServerException): no tag was moved; run the job again.`)
  })

  test('a status the action does not know fails closed', async () => {
    ecr.reset()
    ecr.on(DescribeImagesCommand).resolves({ imageDetails: [{ imageDigest: DIGEST, imageStatus: 'FROZEN' as 'ACTIVE' }] })
    await expect(readStorageState(client, 'team/web', DIGEST)).rejects.toThrow("ECR reports the existing image")
  })
})

describe('the archive price', () => {
  const price = { perGbMonth: 0.1, restorePerGb: 0.03, minimumDays: 90, asOf: 'March 2026, us-east-1' }

  test('with the size ECR reports: the month in the archive and the restore', () => {
    expect(archiveCostLine(3 * 1024 ** 3, price)).toBe(
      "Archive: 3.0 GB at about $0.30 a month, restoring it about $0.090; $0.10 per GB-month in the archive, 90 days minimum; restoring $0.030 per GB (ECR's prices, March 2026, us-east-1)."
    )
  })

  test('without a size: the rates alone', () => {
    expect(archiveCostLine(undefined, price)).toBe("Archive: $0.10 per GB-month in the archive, 90 days minimum; restoring $0.030 per GB (ECR's prices, March 2026, us-east-1).")
  })
})

describe('least-privilege policy', () => {
  let ws: TempWorkspace
  beforeAll(() => {
    ws = makeWorkspace()
  })
  afterAll(() => ws.remove())
  const actions = (inputs: Record<string, string>) =>
    leastPrivilegePolicy(readSettings(stepEnv(ws.dir, { repository: 'team/web', ...inputs })), '123456789012').Statement.find(s => s.Sid === 'Repository')?.Action
  test('a push may read whether its existing version is archived: ecr:DescribeImages on the repository', () => {
    expect(actions({})).toContain('ecr:DescribeImages')
    expect(actions({ push: 'false' })).not.toContain('ecr:DescribeImages')
  })
})
