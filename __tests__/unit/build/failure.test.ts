/**
 * A failed build, decided from what buildx states (its build record, else its own `ERROR:`
 * line), never from what a build step printed; and which failures are tried again.
 */
import { buildxErrorLine, explainBuildFailure, explainMergeFailure, failureFromOutput } from '../../../src/build/failure.js'
import type { DockerResult } from '../../../src/docker.js'
import { ActionError } from '../../../src/errors.js'
import { TransientError } from '../../../src/retry.js'
import { REPOSITORY, STEP, PROCESS, STEP_LINES, PLAIN_OUTPUT } from '../../fixtures/build-failure.js'

describe("buildx's own error line", () => {
  test("is the unprefixed ERROR: line, not a step's line that says ERROR:", () => {
    expect(buildxErrorLine(PLAIN_OUTPUT)).toBe(PROCESS)
  })

  test('a push failure: failed to push <ref>, without failed to build / failed to solve', () => {
    expect(
      buildxErrorLine(`#7 ERROR: failed to push ${REPOSITORY}:1: unknown: injected fault\nERROR: failed to build: failed to solve: failed to push ${REPOSITORY}:1: unknown: injected fault\n`)
    ).toBe(`failed to push ${REPOSITORY}:1: unknown: injected fault`)
  })

  test('none: docker itself failed, and its last line stands in', () => {
    expect(buildxErrorLine("docker: 'buildx' is not a docker command.\n")).toBeUndefined()
    expect(failureFromOutput({ exitCode: 1, stdout: '', stderr: "docker: 'buildx' is not a docker command.\n" }).message).toBe("docker: 'buildx' is not a docker command.")
  })
})

describe('explainBuildFailure', () => {
  test("a failed step: not tried again, whatever its lines say; buildx's message and the step's last lines", () => {
    const failure = explainBuildFailure({ message: PROCESS, step: STEP, logs: ['first', ...STEP_LINES] }, REPOSITORY)
    expect(failure).toBeInstanceOf(ActionError)
    expect(failure).not.toBeInstanceOf(TransientError)
    expect(failure.message).toBe(
      `The build failed at ${STEP}: ${PROCESS}\nIts last lines:\n${STEP_LINES.slice(-5)
        .map(l => `  ${l}`)
        .join('\n')}`
    )
  })

  test("a failed step with no lines kept: buildx's message alone", () => {
    expect(explainBuildFailure({ message: '"/nothere": not found', step: '[1/2] COPY nothere /x', logs: [] }, REPOSITORY).message).toBe(
      'The build failed at [1/2] COPY nothere /x: "/nothere": not found'
    )
  })

  test('a very long step name is cut', () => {
    const step = `[1/2] RUN ${'x'.repeat(300)}`
    expect(explainBuildFailure({ message: 'exit code: 1', step, logs: [] }, REPOSITORY).message).toMatch(/^The build failed at \[1\/2\] RUN x+…: exit code: 1$/)
  })

  test("from the output alone (no record): a failed step is buildx's error, tried once", () => {
    const failure = explainBuildFailure(failureFromOutput({ exitCode: 1, stdout: '', stderr: PLAIN_OUTPUT }), REPOSITORY)
    expect(failure).toEqual(new ActionError(`docker buildx build failed: ${PROCESS}`))
  })

  test.each([
    ['a 500 the engine gave up on', `failed to push ${REPOSITORY}:1.0.0: unexpected status from PUT request to https://x/v2/team/web/manifests/1.0.0: 500 Internal Server Error`],
    ['a reset connection', `failed to push ${REPOSITORY}:1.0.0: failed commit on ref "layer-sha256:1": write tcp 1.2.3.4:443: connection reset by peer`],
    ["a fault in the registry's own words", `failed to push ${REPOSITORY}:1.0.0: unknown: injected fault`],
    ['by digest', `failed to push ${REPOSITORY}@sha256:${'a'.repeat(64)}: 503 Service Unavailable`]
  ])('a push to this repository that failed (%s) is tried again', (_name, message) => {
    expect(explainBuildFailure({ message, logs: [] }, REPOSITORY)).toEqual(new TransientError(message))
  })

  test.each([
    ['another registry (a base image)', 'failed to resolve source metadata for docker.io/library/node:20: unexpected status 503 Service Unavailable'],
    ['another repository of the registry', `failed to push ${REPOSITORY}-cache:1: 500 Internal Server Error`],
    ['a cancelled solve', 'Canceled: context canceled']
  ])("anything else (%s) fails at once with buildx's words", (_name, message) => {
    expect(explainBuildFailure({ message, logs: [] }, REPOSITORY)).toEqual(new ActionError(`docker buildx build failed: ${message}`))
  })

  test('nothing pushed (push: false, or by digest): a push-like failure is not tried again', () => {
    const message = `failed to push ${REPOSITORY}:1.0.0: 500 Internal Server Error`
    expect(explainBuildFailure({ message, logs: [] }, undefined)).toEqual(new ActionError(`docker buildx build failed: ${message}`))
  })

  test.each([
    [
      'an immutable tag',
      `failed to push ${REPOSITORY}:stable: unknown: The image tag 'stable' already exists in the 'team/web' repository and cannot be overwritten because the repository is immutable.`,
      "Tag 'stable' already exists in 'team/web', which keeps it immutable"
    ],
    ['a missing repository', `failed to push ${REPOSITORY}:1: unknown: The repository with name 'team/web' does not exist in the registry with id '123456789012'`, "has no repository 'team/web'"],
    ['no permission', `failed to push ${REPOSITORY}:1: denied: User is not authorized to perform ecr:InitiateLayerUpload`, 'ecr:InitiateLayerUpload'],
    ['a 403', `failed to push ${REPOSITORY}:1: unexpected status from HEAD request: 403 Forbidden`, 'ecr:PutImage']
  ])('a push the registry refused (%s) is explained, not tried again', (_name, message, explanation) => {
    const failure = explainBuildFailure({ message, logs: [] }, REPOSITORY)
    expect(failure).toBeInstanceOf(ActionError)
    expect(failure.message).toContain(explanation)
  })

  test('ECR Public: a refused push names the ecr-public: actions', () => {
    const uri = 'public.ecr.aws/a1b2c3d4/web'
    expect(explainBuildFailure({ message: `failed to push ${uri}:1: unexpected status: 401 Unauthorized`, logs: [] }, uri).message).toBe(
      'The registry refused the push: the role needs ecr-public:BatchCheckLayerAvailability, ecr-public:InitiateLayerUpload, ecr-public:UploadLayerPart, ecr-public:CompleteLayerUpload and ecr-public:PutImage on the repository.'
    )
  })

  test('docker or its daemon missing: the line with the fix', () => {
    expect(explainBuildFailure({ message: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?', logs: [] }, REPOSITORY).message).toBe(
      'the Docker daemon is not running: start it (or use a runner where it runs) before this step.'
    )
    expect(explainBuildFailure(failureFromOutput({ exitCode: 127, stdout: '', stderr: 'spawn docker ENOENT' }), REPOSITORY).message).toBe(
      'docker is not installed on this runner: use a runner with Docker (e.g. ubuntu-latest).'
    )
  })
})

describe('explainMergeFailure', () => {
  const failed = (stderr: string): DockerResult => ({ exitCode: 1, stdout: '', stderr })
  test('a 5xx from the registry is tried again; an immutable tag is explained; anything else fails', () => {
    expect(explainMergeFailure(failed('ERROR: failed commit on ref "index-sha256:1": unexpected status from PUT request: 503 Service Unavailable'), REPOSITORY)).toBeInstanceOf(TransientError)
    expect(explainMergeFailure(failed("ERROR: The image tag 'latest' already exists in the 'team/web' repository and cannot be overwritten"), REPOSITORY).message).toContain(
      "Tag 'latest' already exists in 'team/web'"
    )
    expect(explainMergeFailure(failed('#1 step\nERROR: something odd\nexit status 1'), REPOSITORY)).toEqual(new ActionError('docker buildx imagetools create failed: something odd'))
  })
})
