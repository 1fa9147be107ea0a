/**
 * The bundled action on a docker config that isn't the job's alone (self-hosted runners
 * whose jobs share a user): a login that was there before the run comes back at its end,
 * another job's login written meanwhile is left alone, and a self-hosted job without a
 * DOCKER_CONFIG of its own is told how to have one.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { jest } from '@jest/globals'
import { NODE24, ROOT, runAction, type RunResult } from '../../scripts/local-runner.mjs'
import { jobEnv, makeWorkspace, PASSWORD, REGISTRY, resetStack, ROLE } from './stack.js'

jest.setTimeout(10 * 60 * 1000)

const auth = (password: string) => ({ auth: Buffer.from(`AWS:${password}`).toString('base64') })
const THE_ACTIONS = auth(PASSWORD)
const BEFORE = auth('a-login-from-before-the-run')
const ANOTHER_JOB = auth('another-jobs-token')
/** The handoff file the post step keeps beside config.json (src/registry/config-login.ts). */
const HANDOFF = 'ecr-build-push-handoff.json'

const configWith = (auths: Record<string, unknown>): string => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'docker-shared-'))
  writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ auths }), { mode: 0o600 })
  return dir
}
/** What the config folder holds besides config.json and buildx's own folder: lock or handoff files left behind. */
const leftovers = (dir: string) => readdirSync(dir).filter(f => f !== 'config.json' && f !== 'buildx')
const entries = (dir: string) => (JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8')) as { auths?: Record<string, unknown> }).auths ?? {}

const ship = (repository: string, env: Record<string, string | undefined>, beforePost?: (main: RunResult) => void): Promise<RunResult> =>
  runAction({
    inputs: { 'role-to-assume': ROLE, 'aws-region': 'us-east-1', repository, version: '1.0.0', platforms: 'linux/amd64' },
    env: jobEnv(env),
    workspace: makeWorkspace(repository),
    ...(beforePost ? { beforePost } : {})
  })

function expectSuccess(result: RunResult): void {
  if (result.exitCode !== 0 || result.post?.exitCode !== 0) throw new Error(`the action failed:\n${result.log}\n${result.post?.log ?? ''}`)
}

beforeAll(() => resetStack())

describe('a login for the registry in the config before the run', () => {
  test('during the job the action’s login is there, the one before kept aside in the runner’s temp (owner only, not in the state); after the post step it is back', async () => {
    const dir = configWith({ [REGISTRY]: BEFORE, 'ghcr.io': { auth: 'Y2k6dG9rZW4=' } })
    let during: Record<string, unknown> = {}
    let replaced = ''
    const result = await ship('team/shared-before', { DOCKER_CONFIG: dir, RUNNER_ENVIRONMENT: 'self-hosted' }, main => {
      during = entries(dir)
      replaced = (JSON.parse(main.state['login-written'] ?? '{}') as { replaced?: string }).replaced ?? ''
      expect(path.dirname(replaced)).toBe(main.runnerTemp)
      expect(statSync(replaced).mode & 0o777).toBe(0o600)
      expect(JSON.parse(readFileSync(replaced, 'utf8'))).toEqual(BEFORE)
      const state = readFileSync(path.join(main.runnerTemp, 'state'), 'utf8')
      for (const secret of [BEFORE.auth, THE_ACTIONS.auth, PASSWORD]) expect(state).not.toContain(secret)
    })
    expectSuccess(result)
    expect(during).toEqual({ [REGISTRY]: THE_ACTIONS, 'ghcr.io': { auth: 'Y2k6dG9rZW4=' } })
    expect(result.post?.log).toContain(`Logged out of ${REGISTRY}; the login this run replaced is back`)
    expect(entries(dir)).toEqual({ [REGISTRY]: BEFORE, 'ghcr.io': { auth: 'Y2k6dG9rZW4=' } })
    expect(existsSync(replaced)).toBe(false)
    expect(leftovers(dir)).toEqual([])
    // A DOCKER_CONFIG of its own: no notice.
    expect(result.log).not.toContain('::notice::')
  })
})

describe('another job on the same config logs in to the registry while this one runs', () => {
  test('the post step leaves the other job’s login; when that job ends too, the login from before is back', async () => {
    const dir = configWith({ [REGISTRY]: BEFORE })
    const result = await ship('team/shared-other', { DOCKER_CONFIG: dir }, () => {
      // The other job's login, written as the action writes it, between this job's main and post steps.
      writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ auths: { [REGISTRY]: ANOTHER_JOB } }))
    })
    expectSuccess(result)
    expect(result.post?.log).toContain(`Left the login to ${REGISTRY} in docker's config: it is no longer the one this run wrote (another job logged in since).`)
    expect(result.post?.log).not.toContain('Logged out of')
    expect(entries(dir)).toEqual({ [REGISTRY]: ANOTHER_JOB })
    expect(statSync(path.join(dir, HANDOFF)).mode & 0o777).toBe(0o600)

    // The other job's post step: its login replaced this job's, which it would put back.
    const temp = mkdtempSync(path.join(os.tmpdir(), 'runner-other-'))
    const itsReplaced = path.join(temp, 'ecr-build-push-replaced-login-other.json')
    writeFileSync(itsReplaced, JSON.stringify(THE_ACTIONS), { mode: 0o600 })
    const written = { registry: REGISTRY, sha256: createHash('sha256').update(JSON.stringify(ANOTHER_JOB)).digest('hex'), replaced: itsReplaced }
    const other = spawnSync(existsSync(NODE24) ? NODE24 : process.execPath, [path.join(ROOT, 'dist/post/index.js')], {
      env: {
        PATH: process.env.PATH,
        HOME: temp,
        RUNNER_TEMP: temp,
        'STATE_logged-in-registries': JSON.stringify([REGISTRY]),
        'STATE_login-config-dir': dir,
        'STATE_login-written': JSON.stringify(written)
      },
      encoding: 'utf8',
      timeout: 60_000
    })
    expect(other.status).toBe(0)
    expect(other.stdout).toBe(`Logged out of ${REGISTRY}; the login this run replaced is back\n`)
    expect(entries(dir)).toEqual({ [REGISTRY]: BEFORE })
    expect(leftovers(dir)).toEqual([])
    expect(existsSync(itsReplaced)).toBe(false)
  })
})

describe('a self-hosted runner, no DOCKER_CONFIG', () => {
  test('a notice says how to give the job a docker config of its own; the login goes to ~/.docker and is taken out again', async () => {
    // HOME of its own: the machine's ~/.docker is never touched.
    const home = mkdtempSync(path.join(os.tmpdir(), 'runner-home-'))
    let during: Record<string, unknown> = {}
    const result = await ship('team/shared-notice', { DOCKER_CONFIG: undefined, HOME: home, RUNNER_ENVIRONMENT: 'self-hosted' }, () => {
      during = entries(path.join(home, '.docker'))
    })
    expectSuccess(result)
    const notices = result.log.split('\n').filter(l => l.startsWith('::notice::'))
    expect(notices).toEqual([
      `::notice::DOCKER_CONFIG is not set: this job shares docker's config (${home}/.docker), and its registry logins, with every job of this machine's user. ` +
        "Give each job its own: DOCKER_CONFIG: ${{ runner.temp }}/docker-config in the job's env (README: Self-hosted runners → Shared docker config)."
    ])
    expect(during).toEqual({ [REGISTRY]: THE_ACTIONS })
    expect(entries(path.join(home, '.docker'))).toEqual({})
  })
})
