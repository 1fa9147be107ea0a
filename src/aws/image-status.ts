/**
 * A re-run's one question to ECR about the image its version tag names: is it in the
 * standard storage class? An image in ECR's archive can't be pulled until it is restored
 * (UpdateImageStorageClass to STANDARD, done within about 20 minutes), so it is no release
 * to keep or to move tags to. One DescribeImages call by digest, made only when the tag
 * exists (ECR only: ECR Public has no archive). The SDK's client bounds it (timeouts, its
 * retries), and the run's cancel aborts it.
 */
import { DescribeImagesCommand, type ECRClient } from '@aws-sdk/client-ecr'
import { ActionError } from '../errors.js'

/** ImageDetail.imageStatus: ACTIVE (standard), ARCHIVED, or ACTIVATING (being restored). */
export type ImageStatus = 'ACTIVE' | 'ARCHIVED' | 'ACTIVATING'

export interface StorageState {
  status: ImageStatus
  /** compressed size ECR reports (the largest platform image for an index) */
  bytes?: number
  /** when ECR last moved it to the archive */
  archivedAt?: Date
}

const STATUSES = new Set<string>(['ACTIVE', 'ARCHIVED', 'ACTIVATING'])

/** The exact command that restores an image to ECR's standard storage class. */
export function restoreCommand(repository: string, digest: string, region: string): string {
  return `aws ecr update-image-storage-class --region ${region} --repository-name ${repository} --image-id imageDigest=${digest} --target-storage-class STANDARD`
}

/**
 * The storage state of `digest` in `repository`. An answer that doesn't list the image
 * (ECR lists only ACTIVE images where no status filter is given, so an archived one may be
 * missing) is reported as ARCHIVED-or-missing: the run can't show the image is pullable.
 * An image listed without a status predates ECR's archive and is taken as ACTIVE.
 * AccessDenied names the permission; any other failure fails the run with ECR's error name.
 */
export async function readStorageState(ecr: ECRClient, repository: string, digest: string, signal?: AbortSignal): Promise<StorageState | undefined> {
  let out
  try {
    out = await ecr.send(new DescribeImagesCommand({ repositoryName: repository, imageIds: [{ imageDigest: digest }] }), signal ? { abortSignal: signal } : {})
  } catch (error) {
    const name = error instanceof Error ? error.name : 'Error'
    if (name === 'ImageNotFoundException') return undefined
    if (/AccessDenied/.test(name)) {
      throw new ActionError(
        `AWS refused ecr:DescribeImages (${name}): a re-run reads whether the existing image ${digest} is archived before keeping it or moving any tag to it; ` +
          `allow ecr:DescribeImages on the repository for the role (a run with dry-run: true prints the whole least-privilege policy).`,
        { cause: error }
      )
    }
    throw new ActionError(`Could not read the storage class of the existing image ${digest} (DescribeImages: ${name}): no tag was moved; run the job again.`, { cause: error })
  }
  const detail = out.imageDetails?.find(d => d.imageDigest === digest)
  if (detail === undefined) return undefined
  const status = detail.imageStatus ?? 'ACTIVE'
  if (!STATUSES.has(status)) {
    throw new ActionError(`ECR reports the existing image ${digest} as '${status}', a storage state this action doesn't know: no tag was moved; restore the image or push a new version.`)
  }
  return {
    status: status as ImageStatus,
    ...(detail.imageSizeInBytes !== undefined ? { bytes: detail.imageSizeInBytes } : {}),
    ...(detail.lastArchivedAt !== undefined ? { archivedAt: detail.lastArchivedAt } : {})
  }
}
