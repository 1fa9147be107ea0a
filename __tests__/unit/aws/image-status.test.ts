/**
 * An image's storage state, read once by digest with DescribeImages: ECR's status, size and
 * archive date; a status that cannot be read fails closed.
 */
import { describe, expect, test } from '@jest/globals'
import { DescribeImagesCommand, ECRClient } from '@aws-sdk/client-ecr'
import { mockClient } from 'aws-sdk-client-mock'
import { readStorageState } from '../../../src/aws/image-status.js'

const DIGEST = `sha256:${'c'.repeat(64)}`

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
    await expect(readStorageState(client, 'team/web', DIGEST)).rejects.toThrow(
      `Could not read the storage class of the existing image ${DIGEST} (DescribeImages: ServerException): no tag was moved; run the job again.`
    )
  })

  test('a status the action does not know fails closed', async () => {
    ecr.reset()
    ecr.on(DescribeImagesCommand).resolves({ imageDetails: [{ imageDigest: DIGEST, imageStatus: 'FROZEN' as 'ACTIVE' }] })
    await expect(readStorageState(client, 'team/web', DIGEST)).rejects.toThrow('ECR reports the existing image')
  })
})
