/**
 * Other registries: read-registries' logins (each registry's token in its region, through its
 * role; the post step logs out of each) and copy-to's destinations.
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { AwsSession } from '../../src/aws/clients.js'
import type { OtherRegistryDeps } from '../../src/aws/other-registries.js'
import { fakeDocker } from '../fixtures/docker.js'
import { loginReadRegistries, copyToDestinations, withheldCopies } from '../../src/other-registries-stage.js'
import { post } from '../../src/post.js'
import { readSettings } from '../../src/settings/read.js'
import { makeWorkspace, stepEnv, type TempWorkspace } from '../fixtures/workspace.js'
import { stdoutOf } from '../fixtures/stdout.js'
import { RegistryClient } from '../../src/registry/client.js'
import type { RetryDeps } from '../../src/retry.js'
import type { Settings } from '../../src/settings/types.js'
import { pushImage, startRegistry, type Registry } from '../fixtures/copy-registry.js'

const OWN = '123456789012.dkr.ecr.us-east-1.amazonaws.com'

const ROLE = 'arn:aws:iam::210987654321:role/reader'

let ws: TempWorkspace

beforeAll(() => {
  ws = makeWorkspace()
  ws.write('Dockerfile', 'FROM scratch\n')
})

afterAll(() => ws.remove())

/** No docker process: the login is written to the config file. */
const noDocker = fakeDocker().docker

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

describe('copy-to', () => {
  const retry: RetryDeps = { policy: { attempts: 2, delay: () => 0, sleep: async () => undefined, log: () => undefined } }

  const client = (r: Registry, registry = 'registry.test') => new RegistryClient({ registry, username: 'AWS', password: 'p' }, r.base)

  let one: Registry

  let two: Registry

  beforeEach(async () => {
    one = await startRegistry()
    two = await startRegistry()
  })

  afterEach(async () => {
    await one.close()
    await two.close()
  })

  test("copy-to's destinations: the run's registry (an ECR Public run's alias kept), another registry with its own token", async () => {
    const image = pushImage(one, 'alias/app', '1.0.0')
    const settings = {
      aws: { roleSessionName: 'run' },
      image: { version: '1.0.0' },
      repository: { name: 'app' },
      registries: { read: [], copyTo: [{ repository: 'mirror' }, { registry: { kind: 'private', host: 'two.test', account: '210987654321', region: 'eu-west-1' }, repository: 'acme/app' }] }
    } as unknown as Settings
    const tokens: OtherRegistryDeps = {
      sessionFor: async (_, session) => session,
      token: async registry => {
        const current = { registry: registry.host, username: 'AWS', password: 'p' }
        return { current, get: async () => current }
      }
    }
    const copied = await stdoutOf(async () => {
      const done = await copyToDestinations(
        settings,
        { region: 'us-east-1' },
        { registry: client(one, 'public.ecr.aws'), path: 'alias/app', digest: image.digest, retry },
        c => new RegistryClient(c, two.base),
        tokens
      )
      expect(done.map(c => c.uri)).toEqual(['public.ecr.aws/alias/mirror', 'two.test/acme/app'])
    })
    expect(copied).toContain('Copied to public.ecr.aws/alias/mirror:1.0.0 — 3 manifests, blobs: 4 uploaded')
    expect(one.manifests.get('alias/mirror:1.0.0')?.body).toEqual(one.manifests.get('alias/app:1.0.0')?.body)
    expect(two.manifests.get('acme/app:1.0.0')?.body).toEqual(one.manifests.get('alias/app:1.0.0')?.body)
  })
})

test("a check failed: withheldCopies names every copy, in the run's registry by its host, and says why", async () => {
  const settings = {
    registries: { read: [], copyTo: [{ repository: 'mirror' }, { registry: { kind: 'public', host: 'public.ecr.aws' }, repository: 'acme/app' }] }
  } as unknown as Settings
  let words = ''
  const out = await stdoutOf(async () => {
    words = withheldCopies(settings, OWN, 'scan-fail-on did not pass')
  })
  expect(out).toContain(`::warning::Not copied to ${OWN}/mirror, public.ecr.aws/acme/app: scan-fail-on did not pass.`)
  expect(words).toBe('not copied: scan-fail-on did not pass')
})
