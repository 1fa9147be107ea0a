/** The login stage: docker logged in, the post step told what to log out of; logged in again after the run when the token was renewed. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { AwsSession } from '../../src/aws/clients.js'
import type { Destination } from '../../src/aws/destination.js'
import { login, renewForLaterSteps } from '../../src/login-stage.js'
import type { RegistryCredentials } from '../../src/registry/client.js'
import { readSettings } from '../../src/settings/read.js'
import { fakeDocker } from '../fixtures/docker.js'
import { stdoutOf } from '../fixtures/stdout.js'
import { makeWorkspace, stepEnv, type TempWorkspace } from '../fixtures/workspace.js'

const REGISTRY = '123456789012.dkr.ecr.us-east-1.amazonaws.com'
const first: RegistryCredentials = { registry: REGISTRY, username: 'AWS', password: 'first-password' }

let dir: string
let ws: TempWorkspace
const saved = process.env.GITHUB_STATE
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'login-stage-'))
  process.env.GITHUB_STATE = path.join(dir, 'state')
  writeFileSync(process.env.GITHUB_STATE, '')
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
  if (saved === undefined) delete process.env.GITHUB_STATE
  else process.env.GITHUB_STATE = saved
})
beforeAll(() => {
  ws = makeWorkspace()
})
afterAll(() => ws.remove())

const state = (): string => readFileSync(process.env.GITHUB_STATE ?? '', 'utf8')
const auth = (): string | undefined => (JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8')) as { auths: Record<string, { auth: string }> }).auths[REGISTRY]?.auth
const basic = (c: RegistryCredentials): string => Buffer.from(`${c.username}:${c.password}`).toString('base64')

test("the login is written to docker's config file (no docker process); the post step is told the registry, the folder and the entry", async () => {
  const fake = fakeDocker()
  const log = await stdoutOf(async () => {
    const done = await login({ docker: fake.docker, env: { DOCKER_CONFIG: dir, RUNNER_TEMP: dir } }, first)
    expect(done.configDir).toBe(dir)
  })
  expect(log).toContain(`Logged in to ${REGISTRY}`)
  expect(log).not.toContain('first-password')
  expect(fake.calls).toEqual([])
  expect(auth()).toBe(basic(first))
  expect(state()).toContain(`logged-in-registries`)
  expect(state()).toContain(JSON.stringify([REGISTRY]))
  expect(state()).toContain(dir)
})

test("a self-hosted job sharing its user's docker config is told how to have its own, once", async () => {
  const env = { RUNNER_ENVIRONMENT: 'self-hosted', HOME: dir, RUNNER_TEMP: dir }
  const log = await stdoutOf(async () => {
    const done = await login({ docker: fakeDocker().docker, env }, first)
    await login({ docker: fakeDocker().docker, env }, { ...first, password: 'second' }, done)
  })
  expect(log.match(/DOCKER_CONFIG is not set/g)).toHaveLength(1)
})

test('after the run: logged in again only when the registry token was renewed since the login', async () => {
  const settings = readSettings(stepEnv(ws.dir, { repository: 'team/web' }))
  const env = { DOCKER_CONFIG: dir, RUNNER_TEMP: dir }
  const deps = { docker: fakeDocker().docker, env }
  const session: AwsSession = { region: 'us-east-1' }
  let token = first
  const destination = { credentials: { current: first, get: async () => token } } as unknown as Destination
  const firstLogin = await stdoutOf(async () => void (await login(deps, first)))
  expect(firstLogin).toContain('Logged in')
  const same = await stdoutOf(() => renewForLaterSteps(settings, deps, session, destination, first, { registry: REGISTRY, configDir: dir }))
  expect(same).not.toContain('Logged in')
  expect(auth()).toBe(basic(first))
  token = { ...first, password: 'renewed-password' }
  const renewed = await stdoutOf(() => renewForLaterSteps(settings, deps, session, destination, first, { registry: REGISTRY, configDir: dir }))
  expect(renewed).toContain(`Logged in to ${REGISTRY}`)
  expect(auth()).toBe(basic(token))
})
