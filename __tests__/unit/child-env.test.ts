/**
 * What docker's processes get of the step's environment: an allow-list (child-env.ts), the
 * gha cache's variables only when named, a build's own variables on top.
 */
import { buildAndPush } from '../../src/build/buildx.js'
import { childEnv, GHA_CACHE_VARIABLES, passedToDocker } from '../../src/child-env.js'
import { run } from '../../src/docker.js'
import { buildSettings } from '../fixtures/build-settings.js'
import { fakeDocker, pushedBuild } from '../fixtures/docker.js'

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

  test("the gha cache's variables only when named (a build with cache: gha)", () => {
    const parent = { ...NOT_DOCKERS, PATH: '/bin' }
    expect(childEnv(parent, GHA_CACHE_VARIABLES)).toEqual({
      PATH: '/bin',
      ACTIONS_CACHE_URL: 'https://cache/x',
      ACTIONS_RESULTS_URL: 'https://results/x',
      ACTIONS_RUNTIME_TOKEN: 'runtime-token',
      ACTIONS_CACHE_SERVICE_V2: 'true'
    })
  })

  test("a build's own variables (argument and secret values) come on top, a secret-env's VARIABLE among them", () => {
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
    const { docker, options } = fakeDocker([], pushedBuild())
    await buildAndPush(docker, buildSettings({ cache: { type, tag: 'buildcache', from: [] } }), ['r:1'], [])
    expect(options).toEqual([{ stream: true, ...(inherit ? { inherit } : {}) }])
  })
})
