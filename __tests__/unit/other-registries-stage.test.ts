/**
 * read-registries: each registry's token asked for in its region (through its role when
 * given), docker logged in to the host the workflow named — in the run's docker config, as
 * the run's own login is — and the post step logging out of each.
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { AwsSession } from '../../src/aws/clients.js'
import type { OtherRegistryDeps } from '../../src/aws/other-registries.js'
import type { Docker } from '../../src/docker.js'
import { loginReadRegistries } from '../../src/other-registries-stage.js'
import { post } from '../../src/post.js'
import { readSettings } from '../../src/settings/read.js'
import { makeWorkspace, stepEnv, type TempWorkspace } from '../fixtures/workspace.js'
import { stdoutOf } from '../fixtures/stdout.js'

const OWN = '123456789012.dkr.ecr.us-east-1.amazonaws.com'
const ROLE = 'arn:aws:iam::210987654321:role/reader'
let ws: TempWorkspace
beforeAll(() => {
  ws = makeWorkspace()
  ws.write('Dockerfile', 'FROM scratch\n')
})
afterAll(() => ws.remove())

const noDocker: Docker = async () => {
  throw new Error('no docker process: the login is written to the config file')
}

test("each registry but the run's own gets its token in its region, with its role, and a login the post step takes out", async () => {
  const settings = readSettings(stepEnv(ws.dir, { repository: 'team/web', 'aws-region': 'us-east-1', 'read-registries': `210987654321/eu-west-1=${ROLE}\n${OWN}\npublic.ecr.aws` }, {}))
  const asked: string[] = []
  const deps: OtherRegistryDeps = {
    sessionFor: async (registry, session) => ({ ...session, region: registry.kind === 'private' ? registry.region : session.region }),
    token: async (registry, session) => {
      asked.push(`${registry.host} in ${session.region}${registry.role ? ` as ${registry.role}` : ''}`)
      const current = { registry: registry.host, username: 'AWS', password: `pw-${session.region}` }
      return { current, get: async () => current }
    }
  }
  const config = mkdtempSync(path.join(os.tmpdir(), 'read-logins-'))
  const session: AwsSession = { region: 'us-east-1' }
  const env = { DOCKER_CONFIG: config, RUNNER_TEMP: config }
  let state = ''
  const logins = await stdoutOf(async () => {
    const done = await loginReadRegistries(settings, session, { docker: noDocker, env }, OWN, deps)
    expect(done.map(l => l.registry)).toEqual(['210987654321.dkr.ecr.eu-west-1.amazonaws.com', 'public.ecr.aws'])
    state = JSON.stringify(done)
  })
  expect(logins).toContain('Logged in to 210987654321.dkr.ecr.eu-west-1.amazonaws.com as arn:aws:iam::210987654321:role/reader (read-registries)')
  expect(asked).toEqual([`210987654321.dkr.ecr.eu-west-1.amazonaws.com in eu-west-1 as ${ROLE}`, 'public.ecr.aws in us-east-1'])
  const auths = (JSON.parse(readFileSync(path.join(config, 'config.json'), 'utf8')) as { auths: Record<string, { auth: string }> }).auths
  expect(Object.keys(auths)).toEqual(['210987654321.dkr.ecr.eu-west-1.amazonaws.com', 'public.ecr.aws'])
  expect(auths['210987654321.dkr.ecr.eu-west-1.amazonaws.com']?.auth).toBe(Buffer.from('AWS:pw-eu-west-1').toString('base64'))

  const log = await stdoutOf(() => post({ 'STATE_read-logins': state }, noDocker))
  expect(log).toContain('Logged out of 210987654321.dkr.ecr.eu-west-1.amazonaws.com')
  expect(log).toContain('Logged out of public.ecr.aws')
  expect((JSON.parse(readFileSync(path.join(config, 'config.json'), 'utf8')) as { auths: object }).auths).toEqual({})
})
