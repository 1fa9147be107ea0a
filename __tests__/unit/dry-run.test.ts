/**
 * Plan mode (`dry-run: true`) without AWS: what a run with push: false would do, printed — the
 * build command as the run would give it, the IAM policy — and nothing built, asked or written.
 * (The plan of a push, write for write, is in aws/destination.test.ts.)
 */
import type { DestinationPlan } from '../../src/aws/destination.js'
import { planOnly, repositoryLines } from '../../src/dry-run.js'
import { DIRECT_NETWORK } from '../../src/network/agents.js'
import { readSettings } from '../../src/settings/read.js'
import { fakeDocker } from '../fixtures/docker.js'
import { stdoutOf } from '../fixtures/stdout.js'
import { makeWorkspace, stepEnv, type TempWorkspace } from '../fixtures/workspace.js'

let ws: TempWorkspace
beforeAll(() => {
  ws = makeWorkspace()
  ws.write('Dockerfile', 'FROM scratch\n')
})
afterAll(() => ws.remove())

function deps(env: Record<string, string | undefined>) {
  const docker = fakeDocker()
  const asked: string[] = []
  return {
    docker,
    asked,
    deps: {
      env,
      docker: docker.docker,
      registry: () => {
        throw new Error('no registry is read')
      },
      getIDToken: async () => (asked.push('token'), 'header.e30.signature'),
      network: DIRECT_NETWORK
    }
  }
}

test('push: false: no AWS call, no docker command; the plan says what the run would do', async () => {
  const env = stepEnv(ws.dir, { repository: 'team/web', version: '1.2.3', push: 'false', 'dry-run': 'true', summary: 'false', 'build-args': 'NODE=20' })
  const { docker, asked, deps: d } = deps(env)
  const log = await stdoutOf(() => planOnly(readSettings(env), d))
  expect(docker.calls).toEqual([])
  expect(asked).toEqual([])
  expect(log).toContain('Dry run: nothing will be changed, built or pushed.\n')
  expect(log).toContain('Repository team/web: not checked: push: false makes no AWS call\n')
  expect(log).toContain('Image team/web:1.2.3: would be built (push: false: not pushed)\n')
  expect(log).toMatch(/^Build command: docker buildx build .*--tag team\/web:1\.2\.3 .*--build-arg NODE /m)
  expect(log).not.toContain('NODE=20')
  expect(log).toContain('IAM policy for these inputs:\n{')
})

test('a named builder is looked at, not started; one no earlier step made stops the plan, saying so', async () => {
  const env = stepEnv(ws.dir, { repository: 'team/web', version: '1.2.3', push: 'false', 'dry-run': 'true', summary: 'false', builder: 'nosuch' })
  const { docker, deps: d } = deps(env)
  const log = await stdoutOf(() => planOnly(readSettings(env), { ...d, docker: fakeDocker([['buildx inspect', { exitCode: 1, stdout: '', stderr: 'ERROR: no builder "nosuch" found' }]]).docker }))
  expect(docker.calls).toEqual([])
  expect(log).toMatch(/^Image team\/web:1\.2\.3: the run would stop: the builder 'nosuch' can't be used/m)
  expect(log).toMatch(/^Build command: docker buildx build --builder nosuch /m)
})

test('repositoryLines: a missing repository the run may not create is a run that would fail', () => {
  expect(repositoryLines({ type: 'private', repository: { stop: 'missing' } } as unknown as DestinationPlan)).toEqual(['missing, and create-repository is false: the run would fail'])
})
