/**
 * docker login with the ECR token: the password goes to docker on stdin or into the config
 * file, never the argv, and is masked; a self-hosted job sharing its user's config is told so.
 */
import { ECRClient, GetAuthorizationTokenCommand } from '@aws-sdk/client-ecr'
import { mockClient } from 'aws-sdk-client-mock'
import { lstatSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Docker } from '../../../src/docker.js'
import { ActionError } from '../../../src/errors.js'
import { entryHash } from '../../../src/registry/config-login.js'
import { dockerConfigDir } from '../../../src/registry/docker-config.js'
import { dockerLogin, sharedConfigNotice } from '../../../src/registry/login.js'
import { getRegistryCredentials } from '../../../src/aws/registry-token.js'
import { failed, fakeDocker, ok, type DockerAnswer } from '../../fixtures/docker.js'

const REGISTRY = '123456789012.dkr.ecr.us-east-1.amazonaws.com'

const PASSWORD = 'secret-password'

const AUTH_TOKEN = Buffer.from(`AWS:${PASSWORD}`).toString('base64')

const ecrMock = mockClient(ECRClient)

const ecr = new ECRClient({ region: 'us-east-1', credentials: { accessKeyId: 'AKIA', secretAccessKey: 'x' } })

beforeEach(() => {
  ecrMock.reset()
  ecrMock.on(GetAuthorizationTokenCommand).resolves({
    authorizationData: [{ authorizationToken: AUTH_TOKEN, proxyEndpoint: `https://${REGISTRY}`, expiresAt: new Date('2030-01-01') }]
  })
})

afterAll(() => ecrMock.restore())

/** The registry's credentials from ECR's token, then docker logged in with them: as the pipeline does. */
async function login(client: ECRClient, docker: Docker, setSecret: (v: string) => void, dir: string) {
  return dockerLogin(docker, await getRegistryCredentials(client, setSecret), dir)
}

/** docker login as it answers when it stores the password. */
const loginDocker = (answer: DockerAnswer = ok('Login Succeeded')) => fakeDocker([], answer)

/** A docker config folder; `config` is written as its config.json when given. */
function configDir(config?: object): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'docker-config-'))
  if (config) writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config))
  return dir
}

/** A config whose credentials live in a credential store: logins go through `docker login`. */
const storeConfig = () => configDir({ credsStore: 'desktop' })

const readConfig = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8')) as Record<string, unknown>

describe('login into the config file (no credential store or helper)', () => {
  const entry = { auth: Buffer.from(`AWS:${PASSWORD}`).toString('base64') }

  test('no config yet: the entry docker login writes, in a file only its owner reads; docker is not run', async () => {
    const { docker, calls } = loginDocker()
    const dir = path.join(configDir(), 'nested')
    expect(await login(ecr, docker, () => {}, dir)).toEqual({ registry: REGISTRY, configDir: dir, written: { registry: REGISTRY, sha256: entryHash(entry) } })
    expect(calls).toEqual([])
    expect(readConfig(dir)).toEqual({ auths: { [REGISTRY]: entry } })
    expect(statSync(path.join(dir, 'config.json')).mode & 0o777).toBe(0o600)
    expect(statSync(dir).mode & 0o777).toBe(0o700)
  })

  test('an existing config keeps everything else; an old entry for the registry is replaced', async () => {
    const dir = configDir({ auths: { 'ghcr.io': { auth: 'b3RoZXI=' }, [REGISTRY]: { auth: 'b2xk', identitytoken: 'old' } }, currentContext: 'ci', credHelpers: { 'gcr.io': 'gcloud' } })
    const { docker, calls } = loginDocker()
    await login(ecr, docker, () => {}, dir)
    expect(calls).toEqual([])
    expect(readConfig(dir)).toEqual({ auths: { 'ghcr.io': { auth: 'b3RoZXI=' }, [REGISTRY]: entry }, currentContext: 'ci', credHelpers: { 'gcr.io': 'gcloud' } })
  })

  test.each([
    ['a credential store', { credsStore: 'desktop' }],
    ['a helper for this registry', { credHelpers: { [REGISTRY]: 'ecr-login' } }],
    ['a config docker would have to explain', 'not json']
  ])('%s: docker login with the password on stdin, the file left alone', async (_what, config) => {
    const dir = configDir()
    const text = typeof config === 'string' ? config : JSON.stringify(config)
    writeFileSync(path.join(dir, 'config.json'), text)
    const { docker, calls } = loginDocker()
    await login(ecr, docker, () => {}, dir)
    expect(calls).toEqual([{ args: ['login', '--username', 'AWS', '--password-stdin', REGISTRY], input: PASSWORD }])
    expect(readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(text)
  })

  test("docker's own rule for where the config is: DOCKER_CONFIG, else ~/.docker", () => {
    expect(dockerConfigDir({ DOCKER_CONFIG: '/tmp/x', HOME: '/home/runner' })).toBe('/tmp/x')
    expect(dockerConfigDir({ HOME: '/home/runner' })).toBe('/home/runner/.docker')
  })

  test('a config.json that is a symlink stays one: the file it points to gets the login', async () => {
    const dir = configDir()
    const elsewhere = configDir({ currentContext: 'ci' })
    symlinkSync(path.join(elsewhere, 'config.json'), path.join(dir, 'config.json'))
    await login(ecr, loginDocker().docker, () => {}, dir)
    expect(lstatSync(path.join(dir, 'config.json')).isSymbolicLink()).toBe(true)
    expect(readConfig(elsewhere)).toEqual({ currentContext: 'ci', auths: { [REGISTRY]: { auth: Buffer.from(`AWS:${PASSWORD}`).toString('base64') } } })
  })

  test('no temporary file and no lock file is left beside the config', async () => {
    const dir = configDir()
    await login(ecr, loginDocker().docker, () => {}, dir)
    expect(readdirSync(dir)).toEqual(['config.json'])
  })
})

describe('login with docker login (a credential store keeps the password)', () => {
  test('docker gets the exact argv and the password only on stdin', async () => {
    const { docker, calls } = loginDocker()
    const secrets: string[] = []

    const result = await login(ecr, docker, (v: string) => secrets.push(v), storeConfig())

    expect(result).toEqual({ registry: REGISTRY })
    expect(ecrMock.commandCalls(GetAuthorizationTokenCommand)).toHaveLength(1)
    expect(calls).toEqual([{ args: ['login', '--username', 'AWS', '--password-stdin', REGISTRY], input: PASSWORD }])
    for (const arg of calls[0]?.args ?? []) {
      expect(arg).not.toContain(PASSWORD)
      expect(arg).not.toContain(AUTH_TOKEN)
    }
    expect(secrets).toContain(PASSWORD)
    expect(secrets).toContain(AUTH_TOKEN)
  })

  test('masks the password before docker sees it', async () => {
    const order: string[] = []
    const docker: Docker = async () => {
      order.push('docker')
      return { exitCode: 0, stdout: '', stderr: '' }
    }
    await login(ecr, docker, (v: string) => order.push(`mask:${v}`), storeConfig())
    expect(order.indexOf(`mask:${PASSWORD}`)).toBeGreaterThanOrEqual(0)
    expect(order.indexOf(`mask:${PASSWORD}`)).toBeLessThan(order.indexOf('docker'))
  })

  test('a failing docker login is an error that names the registry and docker’s reason, not the password', async () => {
    const { docker } = loginDocker(failed(`Error response from daemon: Get "https://${REGISTRY}/v2/": denied: Your authorization token has expired. Reauthenticate and try again.`))
    let caught: unknown
    try {
      await login(ecr, docker, () => {}, storeConfig())
    } catch (e) {
      caught = e
    }
    expect(caught).toBeInstanceOf(ActionError)
    const message = (caught as Error).message
    expect(message).toMatch(new RegExp(`^docker login to ${REGISTRY.replace(/\./g, '\\.')} failed: `))
    expect(message).toContain('authorization token has expired')
    expect(message).not.toContain(PASSWORD)
    expect(message).not.toContain(AUTH_TOKEN)
  })

  test('a password that contains a colon is kept whole', async () => {
    ecrMock.on(GetAuthorizationTokenCommand).resolves({
      authorizationData: [{ authorizationToken: Buffer.from('AWS:pa:ss:word').toString('base64'), proxyEndpoint: `https://${REGISTRY}/` }]
    })
    const creds = await getRegistryCredentials(ecr, () => {})
    expect(creds).toEqual({ registry: REGISTRY, username: 'AWS', password: 'pa:ss:word' })
  })

  test('no authorization data is an error and docker is not run', async () => {
    ecrMock.on(GetAuthorizationTokenCommand).resolves({ authorizationData: [] })
    const { docker, calls } = loginDocker()
    await expect(login(ecr, docker, () => {}, storeConfig())).rejects.toThrow('ECR GetAuthorizationToken returned no token.')
    expect(calls).toEqual([])
  })
})

describe('a self-hosted job sharing its user’s docker config', () => {
  test('is told, in one line, how to have its own', () => {
    const notice = sharedConfigNotice({ RUNNER_ENVIRONMENT: 'self-hosted', HOME: '/home/runner' }) ?? ''
    expect(notice).toContain('DOCKER_CONFIG is not set')
    expect(notice).toContain('/home/runner/.docker')
    expect(notice).toContain("DOCKER_CONFIG: ${{ runner.temp }}/docker-config in the job's env")
    expect(notice).not.toContain('\n')
  })

  test.each([
    ['GitHub-hosted', { RUNNER_ENVIRONMENT: 'github-hosted', HOME: '/home/runner' }],
    ['a DOCKER_CONFIG of its own', { RUNNER_ENVIRONMENT: 'self-hosted', DOCKER_CONFIG: '/tmp/job/docker', HOME: '/home/runner' }],
    ['not on a runner', { HOME: '/home/me' }]
  ])('%s: no notice', (_what, env) => {
    expect(sharedConfigNotice(env)).toBeUndefined()
  })
})
