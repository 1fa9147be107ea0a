/**
 * Archived images, with the bundled dist/ run as the runner runs it on the local stack: a
 * re-run whose version tag names an image in ECR's archive (or being restored) moves no
 * tag to it and says how to restore it; restored, the re-run keeps it as before.
 */
import { jest } from '@jest/globals'
import { DescribeImagesCommand, UpdateImageStorageClassCommand } from '@aws-sdk/client-ecr'
import { errorLine, runAction, type RunResult } from '../../scripts/local-runner.mjs'
import { awsCalls, ecr, jobEnv, makeWorkspace, registryCalls, registryManifest, resetCalls, resetStack, ROLE, setImageStatus } from './stack.js'

const SHA_A = 'aaaaaaa111111111111111111111111111111111'
const SHA_B = 'bbbbbbb222222222222222222222222222222222'
const REPO = 'team/archived'

jest.setTimeout(10 * 60 * 1000)

beforeAll(() => {
  resetStack()
})

const ship = (inputs: Record<string, string>, sha: string, workspace = makeWorkspace('archived')): Promise<RunResult> =>
  runAction({
    inputs: { 'role-to-assume': ROLE, 'aws-region': 'us-east-1', repository: REPO, platforms: 'linux/amd64', cache: 'none', ...inputs },
    env: jobEnv({ GITHUB_SHA: sha }),
    workspace,
    post: true
  })

function expectSuccess(result: RunResult): void {
  if (result.exitCode !== 0) throw new Error(`the action failed:\n${result.log}`)
  expect(result.post?.exitCode).toBe(0)
}

const restoreCommand = (digest: string): string => `aws ecr update-image-storage-class --region us-east-1 --repository-name ${REPO} --image-id imageDigest=${digest} --target-storage-class STANDARD`

/** The registry writes of a run: none may happen when the kept image is archived. */
const manifestPuts = async (): Promise<number> => (await registryCalls()).filter(c => c.method === 'PUT' && c.kind === 'manifests').length
const describeImagesCalls = async (): Promise<number> => (await awsCalls()).filter(c => c.operation === 'DescribeImages').length

describe('a re-run of a version whose image is archived', () => {
  let v1 = ''
  let v2 = ''

  test('1.0.0 then 1.1.0 are pushed; latest names 1.1.0; a first push asks nothing of DescribeImages', async () => {
    await resetCalls()
    const first = await ship({ version: '1.0.0' }, SHA_A)
    expectSuccess(first)
    v1 = first.outputs.digest ?? ''
    expect(await describeImagesCalls()).toBe(0)
    const second = await ship({ version: '1.1.0' }, SHA_B)
    expectSuccess(second)
    v2 = second.outputs.digest ?? ''
    expect((await registryManifest(REPO, 'latest')).digest).toBe(v2)
  })

  test('archived (UpdateImageStorageClass ARCHIVE): skip, even with latest-may-move-back, fails before moving any tag, naming the archive and the restore command', async () => {
    await ecr.send(new UpdateImageStorageClassCommand({ repositoryName: REPO, imageId: { imageTag: '1.0.0' }, targetStorageClass: 'ARCHIVE' }))
    expect((await ecr.send(new DescribeImagesCommand({ repositoryName: REPO, imageIds: [{ imageDigest: v1 }] }))).imageDetails?.[0]?.imageStatus).toBe('ARCHIVED')
    await resetCalls()
    const rerun = await ship({ version: '1.0.0', 'if-version-exists': 'skip', 'latest-may-move-back': 'true' }, SHA_A)
    expect(rerun.exitCode).toBe(1)
    const today = new Date().toISOString().slice(0, 10)
    expect(errorLine(rerun.log)).toMatch(
      new RegExp(`^Tag '1\\.0\\.0' in '${REPO}' names ${v1}, and ECR has archived it since ${today} \\(imageStatus ARCHIVED\\): an archived image can't be pulled\\. No tag was moved\\. `)
    )
    expect(errorLine(rerun.log)).toContain(`Restore it with \`${restoreCommand(v1)}\` and run the job again once it is ACTIVE`)
    expect(errorLine(rerun.log)).toContain('or bump the version to push a new image. Archive: ')
    expect(errorLine(rerun.log)).toContain("per GB-month in the archive, 90 days minimum; restoring $0.030 per GB (ECR's prices, March 2026, us-east-1).")
    expect(await manifestPuts()).toBe(0)
    expect(await describeImagesCalls()).toBe(1)
    expect((await registryManifest(REPO, 'latest')).digest).toBe(v2)
    expect(rerun.outputs.digest).toBeUndefined()
  })

  test('the default (auto) stops too, and its message names the archive and the restore', async () => {
    await resetCalls()
    const rerun = await ship({ version: '1.0.0' }, SHA_A)
    expect(rerun.exitCode).toBe(1)
    expect(errorLine(rerun.log)).toMatch(new RegExp(`^Tag '1\\.0\\.0' already exists in '${REPO}' \\(${v1}\\), .*Bump the version\\. Besides, ECR has archived it since .*\\(imageStatus ARCHIVED\\)`))
    expect(errorLine(rerun.log)).toContain(restoreCommand(v1))
    expect(await manifestPuts()).toBe(0)
  })

  test('being restored (ACTIVATING): skip fails, saying to run again once it is ACTIVE', async () => {
    await setImageStatus({ repositoryName: REPO, imageTag: '1.0.0', imageStatus: 'ACTIVATING' })
    await resetCalls()
    const rerun = await ship({ version: '1.0.0', 'if-version-exists': 'skip', 'latest-may-move-back': 'true' }, SHA_A)
    expect(rerun.exitCode).toBe(1)
    expect(errorLine(rerun.log)).toContain(
      "ECR is restoring it from its archive (imageStatus ACTIVATING): it can't be pulled until the restore is done. No tag was moved. Run the job again once it is ACTIVE"
    )
    expect(await manifestPuts()).toBe(0)
    expect((await registryManifest(REPO, 'latest')).digest).toBe(v2)
  })

  test('restored (UpdateImageStorageClass STANDARD): the re-run keeps it as before, and latest may move back to it', async () => {
    await ecr.send(new UpdateImageStorageClassCommand({ repositoryName: REPO, imageId: { imageDigest: v1 }, targetStorageClass: 'STANDARD' }))
    const rerun = await ship({ version: '1.0.0', 'if-version-exists': 'skip', 'latest-may-move-back': 'true' }, SHA_A)
    expectSuccess(rerun)
    expect(rerun.outputs.skipped).toBe('true')
    expect(rerun.outputs.digest).toBe(v1)
    expect((await registryManifest(REPO, 'latest')).digest).toBe(v1)
  })
})
