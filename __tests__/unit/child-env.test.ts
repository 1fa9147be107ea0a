/**
 * What docker's processes get of the step: the environment's allow-list (child-env.ts), a
 * secret that is never also a build argument, and the merge's bound.
 */
import { jest } from '@jest/globals'
import { randomUUID } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { buildAndPush, mergeIndex } from '../../src/build/buildx.js'
import { childEnv, GHA_CACHE_VARIABLES, passedToDocker } from '../../src/child-env.js'
import { run, type Docker, type DockerOptions, type DockerResult } from '../../src/docker.js'
import { ActionError, InputError } from '../../src/errors.js'
import type { RetryPolicy } from '../../src/retry.js'
import { readSettings } from '../../src/settings/read.js'
import { buildSettings } from '../fixtures/build-settings.js'
import { processesWith } from '../fixtures/processes.js'
import { makeWorkspace, stepEnv, type TempWorkspace } from '../fixtures/workspace.js'

/** What a step's environment holds that is none of docker's business. */
const NOT_DOCKERS = {
  INPUT_SECRETS: 'token=s3cret',
  INPUT_ROLE_TO_ASSUME: 'arn:aws:iam::123456789012:role/x',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-request-token',
  ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.actions/x',
  ACTIONS_RUNTIME_TOKEN: 'runtime-token',
  ACTIONS_RUNTIME_URL: 'https://pipelines/x',
  ACTIONS_CACHE_URL: 'https://cache/x',
  ACTIONS_RESULTS_URL: 'https://results/x',
  ACTIONS_CACHE_SERVICE_V2: 'true',
  GITHUB_TOKEN: 'ghp_x',
  GITHUB_OUTPUT: '/runner/_temp/output',
  GITHUB_ENV: '/runner/_temp/env',
  GITHUB_STATE: '/runner/_temp/state',
  AWS_ACCESS_KEY_ID: 'ASIAX',
  AWS_SECRET_ACCESS_KEY: 'aws-secret',
  AWS_SESSION_TOKEN: 'aws-session',
  AWS_PROFILE: 'prod',
  STATE_logged_in_registries: '[]',
  NPM_TOKEN: 'npm-secret',
  DOCKER_PASSWORD: 'hub-password',
  RUNNER_TOKEN: 'runner-registration-token',
  NODE_OPTIONS: '--require /tmp/x.js',
  LD_PRELOAD: '/tmp/x.so'
}

/** What docker, buildx and their helpers read. */
const DOCKERS = {
  PATH: '/usr/bin:/bin',
  HOME: '/home/runner',
  USER: 'runner',
  LANG: 'C.UTF-8',
  LC_ALL: 'C.UTF-8',
  TZ: 'UTC',
  TMPDIR: '/tmp',
  SOURCE_DATE_EPOCH: '1700000000',
  HTTPS_PROXY: 'http://proxy:3128',
  http_proxy: 'http://proxy:3128',
  no_proxy: 'localhost',
  ALL_PROXY: 'socks5://proxy:1080',
  SSL_CERT_FILE: '/etc/ssl/ca.pem',
  SSL_CERT_DIR: '/etc/ssl/certs',
  XDG_RUNTIME_DIR: '/run/user/1001',
  DOCKER_CONFIG: '/home/runner/.docker',
  DOCKER_HOST: 'ssh://builder',
  DOCKER_CONTEXT: 'remote',
  DOCKER_CERT_PATH: '/certs',
  DOCKER_TLS_VERIFY: '1',
  DOCKER_CLI_HINTS: 'false',
  SSH_AUTH_SOCK: '/tmp/ssh-agent.sock',
  BUILDX_BUILDER: 'remote-1',
  BUILDX_NO_DEFAULT_ATTESTATIONS: '1',
  BUILDKIT_PROGRESS: 'plain',
  GITHUB_ACTIONS: 'true',
  GITHUB_SHA: 'a'.repeat(40),
  GITHUB_REPOSITORY: 'acme/web',
  GITHUB_RUN_ID: '7',
  GITHUB_EVENT_PATH: '/runner/_temp/event.json',
  GITHUB_WORKFLOW_REF: 'acme/web/.github/workflows/ci.yml@refs/heads/main',
  RUNNER_OS: 'Linux',
  RUNNER_ARCH: 'X64',
  ImageOS: 'ubuntu24',
  Path: 'C:\\Windows',
  SystemRoot: 'C:\\Windows'
}

describe('the environment of a docker process', () => {
  test('only what docker, buildx and their helpers read: no input, token, AWS credential, state or file command of the step', () => {
    expect(childEnv({ ...NOT_DOCKERS, ...DOCKERS })).toEqual(DOCKERS)
    for (const name of Object.keys(NOT_DOCKERS)) expect([name, passedToDocker(name)]).toEqual([name, false])
  })

  test('the gha cache\'s variables only when named (a build with cache: gha)', () => {
    const parent = { ...NOT_DOCKERS, PATH: '/bin' }
    expect(childEnv(parent, GHA_CACHE_VARIABLES)).toEqual({
      PATH: '/bin',
      ACTIONS_CACHE_URL: 'https://cache/x',
      ACTIONS_RESULTS_URL: 'https://results/x',
      ACTIONS_RUNTIME_TOKEN: 'runtime-token',
      ACTIONS_CACHE_SERVICE_V2: 'true'
    })
  })

  test('a build\'s own variables (argument and secret values) come on top, a secret-env\'s VARIABLE among them', () => {
    expect(childEnv({ PATH: '/bin', NPM_TOKEN: 'from-the-step' }, [], { NPM_TOKEN: 'npm-secret', GREETING: 'hi' })).toEqual({ PATH: '/bin', NPM_TOKEN: 'npm-secret', GREETING: 'hi' })
  })

  test('a real process gets that and no more', async () => {
    const saved = { ...process.env }
    Object.assign(process.env, NOT_DOCKERS)
    try {
      const result = await run('sh', ['-c', 'env'], { env: { GREETING: 'hi' } })
      const names = result.stdout.split('\n').map(l => l.slice(0, l.indexOf('=')))
      for (const name of Object.keys(NOT_DOCKERS)) expect(names).not.toContain(name)
      expect(names).toEqual(expect.arrayContaining(['PATH', 'GREETING']))
    } finally {
      for (const name of Object.keys(NOT_DOCKERS)) if (!(name in saved)) delete process.env[name]
    }
  })

  test.each([
    ['gha', GHA_CACHE_VARIABLES],
    ['ecr', undefined],
    ['none', undefined]
  ] as const)('cache: %s → the build inherits %j', async (type, inherit) => {
    const seen: (DockerOptions | undefined)[] = []
    const docker: Docker = async (args, options) => {
      seen.push(options)
      writeFileSync(args[args.indexOf('--metadata-file') + 1] ?? '', JSON.stringify({ 'containerimage.digest': `sha256:${'d'.repeat(64)}` }))
      return { exitCode: 0, stdout: '', stderr: '' }
    }
    await buildAndPush(docker, buildSettings({ cache: { type, tag: 'buildcache', from: [] } }), ['r:1'], [])
    expect(seen).toEqual([{ stream: true, ...(inherit ? { inherit } : {}) }])
  })
})

describe('a secret is never a build argument too', () => {
  let ws: TempWorkspace
  beforeAll(() => {
    ws = makeWorkspace()
  })
  afterAll(() => ws.remove())
  const read = (inputs: Record<string, string>, extra: Record<string, string> = {}) => () => readSettings(stepEnv(ws.dir, { repository: 'team/web', ...inputs }, extra))

  test.each<[string, Record<string, string>, Record<string, string>, string]>([
    [
      'a secret-envs VARIABLE',
      { 'build-args': 'NPM_TOKEN=x', 'secret-envs': 'npm=NPM_TOKEN' },
      { NPM_TOKEN: 'npm-secret' },
      "Input 'secret-envs': NPM_TOKEN, the variable that carries the secret 'npm', is also a build argument in build-args: buildx would give the build argument the secret's value, and the image's history keeps it. Rename the build argument (or the variable)."
    ],
    [
      'a secret-envs id',
      { 'build-args': 'npm=x', 'secret-envs': 'npm=NPM_TOKEN' },
      { NPM_TOKEN: 'npm-secret' },
      "Input 'secret-envs': 'npm' is a secret and, in build-args, a build argument too: a build argument's value stays in the image's history, where anyone who can pull reads it. Drop the build argument and read the value with RUN --mount=type=secret,id=npm."
    ],
    [
      'a secrets id',
      { 'build-args': 'NPM_TOKEN=npm-secret', secrets: 'NPM_TOKEN=npm-secret' },
      {},
      "Input 'secrets': 'NPM_TOKEN' is a secret and, in build-args, a build argument too: a build argument's value stays in the image's history, where anyone who can pull reads it. Drop the build argument and read the value with RUN --mount=type=secret,id=NPM_TOKEN."
    ],
    [
      'the variable that carries a secrets value',
      { 'build-args': 'A=1\nECR_BUILD_PUSH_SECRET_1=x', secrets: 'token=npm-secret' },
      {},
      "Input 'secrets': ECR_BUILD_PUSH_SECRET_1, the variable that carries the secret 'token', is also a build argument in build-args: buildx would give the build argument the secret's value, and the image's history keeps it. Rename the build argument (or the variable)."
    ]
  ])('%s: one line naming both inputs and the name, never the value', (_name, inputs, extra, message) => {
    const error = caught(read(inputs, extra))
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toBe(message)
    expect(error.message).not.toContain('npm-secret')
  })

  test('different names pass; names differing in case are different variables', () => {
    const s = read({ 'build-args': 'npm_token=x\nGREETING=hi', 'secret-envs': 'npm=NPM_TOKEN' }, { NPM_TOKEN: 'v' })()
    expect(s.build.buildArgs).toEqual(['npm_token=x', 'GREETING=hi'])
  })

  test('merge-timeout: 120 s unless given, 10 to 3600', () => {
    expect(read({})().build.mergeTimeoutSeconds).toBe(120)
    expect(read({ 'merge-timeout': '30' })().build.mergeTimeoutSeconds).toBe(30)
    expect(read({ 'merge-timeout': '5' })).toThrow("Input 'merge-timeout': 5 is out of range: use a number from 10 to 3600.")
  })
})

describe('the merge\'s bound', () => {
  const URI = '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web'
  const DIGESTS = [`sha256:${'1'.repeat(64)}`]
  const stalled: DockerResult = { exitCode: 124, stdout: '', stderr: 'ERROR: docker buildx imagetools create gave no result in 10 s and was stopped', timedOut: true }
  const policy = (log: string[]): RetryPolicy => ({ attempts: 4, delay: () => 0, sleep: async () => undefined, log: m => log.push(m) })

  test('each try has the timeout; one that got no answer is tried once more, logged; a second stall fails with one line', async () => {
    const calls: (DockerOptions | undefined)[] = []
    const log: string[] = []
    const docker: Docker = async (_args, options) => (calls.push(options), stalled)
    await expect(mergeIndex(docker, URI, ['1.0.0'], DIGESTS, { retry: { policy: policy(log) }, timeoutSeconds: 10 })).rejects.toThrow(
      new ActionError(
        'The merge got no answer from the registry in 10 s: docker buildx imagetools create was stopped, twice: the registry may be having trouble: run the job again (merge-timeout sets how long a merge may take).'
      )
    )
    expect(calls).toEqual([
      { stream: true, timeoutMs: 10_000 },
      { stream: true, timeoutMs: 10_000 }
    ])
    expect(log).toEqual(['The merge got no answer from the registry in 10 s: docker buildx imagetools create was stopped; a stalled connection is no proof the registry is broken: trying the merge once more.'])
  })

  test('a stall, then an answer: merged', async () => {
    const results = [stalled, { exitCode: 0, stdout: '', stderr: '' }]
    const log: string[] = []
    await mergeIndex(async () => results.shift() ?? stalled, URI, ['1.0.0'], DIGESTS, { retry: { policy: policy(log) } })
    expect(results).toEqual([])
    expect(log).toHaveLength(1)
  })

  test('default: 120 s', async () => {
    const calls: (DockerOptions | undefined)[] = []
    await mergeIndex(async (_args, options) => (calls.push(options), { exitCode: 0, stdout: '', stderr: '' }), URI, ['1.0.0'], DIGESTS)
    expect(calls).toEqual([{ stream: true, timeoutMs: 120_000 }])
  })

  test('a real command that never answers: stopped with all it started, in bounded time', async () => {
    const marker = `60.${randomUUID().replace(/\D/g, '').slice(0, 9)}`
    // A stand-in for docker whose imagetools create hangs (and the plugin it started).
    const docker: Docker = (_args, options) => run('sh', ['-c', `sleep ${marker} | sleep ${marker}`], options)
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
    const started = Date.now()
    try {
      await expect(mergeIndex(docker, URI, ['1.0.0'], DIGESTS, { retry: { policy: policy([]) }, timeoutSeconds: 1 })).rejects.toThrow(/^The merge got no answer from the registry in 1 s: .*, twice: /)
    } finally {
      spy.mockRestore()
    }
    expect(Date.now() - started).toBeLessThan(5000)
    expect(processesWith(`sleep ${marker}`)).toEqual([])
  }, 15_000)
})

function caught(fn: () => unknown): Error {
  try {
    fn()
  } catch (error) {
    return error as Error
  }
  throw new Error('no error')
}
