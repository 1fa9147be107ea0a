/**
 * The bundled action run once as a job step of the suite's workflow (role, region, the job's
 * environment), with what the e2e files that run it share: the two commits they build, how a
 * build shows in the log, and the checks of a run that succeeded.
 */
import { beforeAll, expect, jest } from '@jest/globals'
import { DescribeRepositoriesCommand, GetLifecyclePolicyCommand } from '@aws-sdk/client-ecr'
import { runAction, type RunResult } from '../../scripts/local-runner.mjs'
import { ecr, jobEnv, makeWorkspace, resetStack, ROLE } from './stack.js'

/** The build's command line in the log: `docker buildx build`, or the buildx plugin run standalone. */
export const BUILD_COMMAND = /\[command\]\S*(docker buildx|docker-buildx) build /

export const SHA_A = 'aaaaaaa111111111111111111111111111111111'
export const SHA_B = 'bbbbbbb222222222222222222222222222222222'

export interface ShipOptions {
  workspace?: string
  env?: Record<string, string | undefined>
  post?: boolean
}

/** A `ship` that runs the action (and its post step, unless `post: false`) in `workspace()` unless told another. */
export const shipper =
  (workspace: () => string) =>
  (inputs: Record<string, string>, options: ShipOptions = {}): Promise<RunResult> =>
    runAction({
      inputs: { 'role-to-assume': ROLE, 'aws-region': 'us-east-1', ...inputs },
      env: jobEnv(options.env),
      workspace: options.workspace ?? workspace(),
      post: options.post ?? true
    })

export function expectSuccess(result: RunResult): void {
  if (result.exitCode !== 0) throw new Error(`the action failed:\n${result.log}`)
  expect(result.post?.exitCode).toBe(0)
}

export const describeRepository = async (name: string) => (await ecr.send(new DescribeRepositoriesCommand({ repositoryNames: [name] }))).repositories?.[0]

export const lifecyclePolicy = async (name: string) => JSON.parse((await ecr.send(new GetLifecyclePolicyCommand({ repositoryName: name }))).lifecyclePolicyText ?? '{}') as unknown

/**
 * An e2e file's start: real builds (some under QEMU) get 15 minutes a test, the stack is reset
 * before the file's tests, and `ship` runs in a workspace of a first version (`workspace()`).
 */
export function onFreshStack(): { ship: ReturnType<typeof shipper>; workspace: () => string } {
  jest.setTimeout(15 * 60 * 1000)
  let workspace = ''
  beforeAll(() => {
    resetStack()
    workspace = makeWorkspace('v1')
  })
  return { ship: shipper(() => workspace), workspace: () => workspace }
}
