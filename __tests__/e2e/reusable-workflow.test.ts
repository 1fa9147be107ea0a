/**
 * The reusable workflow (.github/workflows/build-push.yml) run job by job on the stack, as a
 * caller's inputs and secrets make it: the plan job's matrix from `platforms` and `runners`,
 * each platform job's action step with its `with:` as the job renders it (push by digest, the
 * build argument and the build secret reaching the build), the digest handed on through the
 * artifact folder, and the merge job tagging the index with the version, latest and `tags`.
 */
import { jest } from '@jest/globals'
import { createHash } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ROOT, runAction, visibleLog } from '../../scripts/local-runner.mjs'
import { jobEnv, makeWorkspace, registryManifest, registryTags, ROLE } from './stack.js'
import { loadWorkflow, render, runJob, type Contexts } from './workflow-runner.js'

jest.setTimeout(10 * 60 * 1000)

const workflow = loadWorkflow(path.join(ROOT, '.github/workflows/build-push.yml'))
const SECRET = 'reusable-s3cret-value'
// The build fails unless the build argument and the secret reach it.
const SECRET_MD5 = createHash('md5').update(SECRET).digest('hex')
const workspace = makeWorkspace('reusable', `ARG GREETING\nRUN --mount=type=secret,id=token test "$GREETING" = hello && test "$(md5sum < /run/secrets/token | cut -c1-32)" = ${SECRET_MD5}`)

/** The contexts a caller's `with:` and `secrets:` give the workflow's jobs, its defaults filled in. */
function callerContexts(withInputs: Record<string, string>, secrets: Record<string, string>): Contexts {
  const defaults = Object.fromEntries(Object.entries(workflow.on.workflow_call.inputs).map(([k, v]) => [k, v.default ?? '']))
  return { inputs: { ...defaults, ...withInputs }, secrets, strategy: {} }
}

const ship = (inputs: Record<string, string>) => runAction({ inputs, env: jobEnv(), workspace, post: true })

test('the render refuses an expression it does not know', () => {
  expect(() => render('${{ fromJSON(inputs.x) }}', {})).toThrow(/not rendered/)
  expect(render('${{ inputs.a || inputs.b }}', { inputs: { a: '', b: 'x' } })).toBe('x')
})

test('plan, two platform jobs on the runners named per platform, then the merge: one index under the version, latest and the extra tag', async () => {
  const contexts = callerContexts(
    {
      'role-to-assume': ROLE,
      'aws-region': 'us-east-1',
      repository: 'team/reusable',
      version: '3.1.0',
      tags: 'stable',
      'build-args': 'GREETING=hello',
      runners: '{"linux/amd64": "ubuntu-24.04", "linux/arm64": ["self-hosted", "arm64"]}'
    },
    { 'build-secrets': `token=${SECRET}` }
  )
  const artifacts = mkdtempSync(path.join(os.tmpdir(), 'artifacts-'))

  const plan = await runJob(workflow.jobs.plan ?? { steps: [] }, contexts, artifacts, ship)
  const matrix = JSON.parse(plan.outputs.matrix?.matrix ?? '{}') as { include: { platform: string; 'runs-on': string | string[] }[] }
  expect(matrix.include).toEqual([
    { platform: 'linux/amd64', 'runs-on': 'ubuntu-24.04' },
    { platform: 'linux/arm64', 'runs-on': ['self-hosted', 'arm64'] }
  ])

  const digests: string[] = []
  for (const [index, entry] of matrix.include.entries()) {
    const job = await runJob(workflow.jobs.platform ?? { steps: [] }, { ...contexts, matrix: entry, strategy: { 'job-index': String(index) } }, artifacts, ship)
    const [result] = job.actions
    expect(result?.log).toContain('type=oci,dest=')
    // The secret reached the build in its environment, never on a command line or in the log.
    expect(visibleLog(result?.log ?? '')).not.toContain(SECRET)
    expect(result?.log).toContain('--secret id=token,env=')
    digests.push(result?.outputs.digest ?? '')
  }
  expect(digests.every(d => /^sha256:[0-9a-f]{64}$/.test(d))).toBe(true)

  const merge = await runJob(workflow.jobs.merge ?? { steps: [] }, contexts, artifacts, ship)
  expect(merge.outputs.digests?.list?.split(',').sort()).toEqual([...digests].sort())
  const image = merge.actions[0]
  const index = await registryManifest('team/reusable', '3.1.0')
  expect(image?.outputs.digest).toBe(index.digest)
  expect(index.manifests.map(m => m.digest).sort()).toEqual([...digests].sort())
  for (const tag of ['latest', 'stable']) expect((await registryManifest('team/reusable', tag)).digest).toBe(index.digest)
  expect(await registryTags('team/reusable')).toEqual(expect.arrayContaining(['3.1.0', 'latest', 'stable']))
})

test('a platform without a runner label stops the plan job with one line naming the input', async () => {
  const contexts = callerContexts({ 'role-to-assume': ROLE, 'aws-region': 'us-east-1', repository: 'team/reusable', platforms: 'linux/amd64,linux/s390x' }, {})
  const failed = runJob(workflow.jobs.plan ?? { steps: [] }, contexts, mkdtempSync(path.join(os.tmpdir(), 'artifacts-')), ship)
  await expect(failed).rejects.toThrow(/::error::Input 'runners': no runner label for linux\/s390x/)
})
