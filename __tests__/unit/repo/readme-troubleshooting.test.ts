/**
 * The README's troubleshooting section quotes the action's own one-line errors: each is made
 * here by the code that makes it, and must appear in the README word for word.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { trustPolicyHint } from '../../../src/aws/trust-hint.js'
import { checkBuilder } from '../../../src/build/builder.js'
import { fakeDocker, ok } from '../../fixtures/docker.js'
import { ImmutableTagError } from '../../../src/registry/refusals.js'
import { readSettings } from '../../../src/settings/read.js'
import { makeWorkspace, stepEnv, type TempWorkspace } from '../../fixtures/workspace.js'

const README = readFileSync(path.resolve(import.meta.dirname, '../../../README.md'), 'utf8')
const section = README.slice(README.indexOf('## Troubleshooting'))

let ws: TempWorkspace
beforeAll(() => {
  ws = makeWorkspace()
})
afterAll(() => ws.remove())

const errorOf = async (f: () => unknown): Promise<string> => {
  try {
    await f()
  } catch (error) {
    return (error as Error).message
  }
  throw new Error('no error')
}

test('AssumeRoleWithWebIdentity denied: the hint for a token with immutable subject claims', () => {
  const hint = trustPolicyHint({ sub: 'repo:acme@123456/web@456789:ref:refs/heads/main', aud: 'sts.amazonaws.com', repository: 'acme/web' }, 'sts.amazonaws.com')
  expect(section).toContain(`(AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity). ${hint}\n`)
})

test('no region', async () => {
  const env = stepEnv(ws.dir, { repository: 'team/web', 'aws-region': '' })
  delete env.AWS_REGION
  delete env.AWS_DEFAULT_REGION
  const message = await errorOf(() => readSettings(env))
  expect(message).toMatch(/^Input 'aws-region': /)
  expect(section).toContain(`\n${message}\n`)
})

test('a builder without arm64', async () => {
  const inspect = 'Name: default\nDriver: docker\n\nNodes:\nName: default\nStatus: running\nPlatforms: linux/amd64, linux/amd64/v2, linux/386\n'
  const { docker } = fakeDocker({ 'buildx inspect': ok(inspect), 'info --format': ok('[["driver-type","io.containerd.snapshotter.v1"]]') })
  const message = await errorOf(() => checkBuilder(docker, ['linux/amd64', 'linux/arm64']))
  expect(message).toContain("can't build linux/arm64")
  expect(section).toContain(`\n${message}\n`)
})

test('an immutable tag refused on push', () => {
  expect(section).toContain(new ImmutableTagError('1.2.3', 'team/web').message)
})
