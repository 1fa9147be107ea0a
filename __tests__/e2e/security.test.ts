/**
 * The security model (docs/security.md) on the stack: no credential on a command line, docker's
 * credentials in the config or the credential store and taken out by the post step (unless
 * skip-logout).
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { runAction, visibleLog } from '../../scripts/local-runner.mjs'
import { dockerConfig, jobEnv, makeWorkspace, PASSWORD, REGISTRY, dockerLogins, recordingDocker, ROLE } from './stack.js'
import { expectSuccess, onFreshStack } from './ship.js'

const { ship } = onFreshStack()

describe('secrets on command lines', () => {
  test('no docker command line carries the registry password or a credential', async () => {
    const shim = recordingDocker()
    const result = await ship({ repository: 'team/argv', version: '1.0.0' }, { workspace: makeWorkspace('argv'), env: { PATH: shim.path, DOCKER_CONFIG: shim.configDir } })
    expectSuccess(result)
    const argv = shim.argv()
    // No credential store here: the login is written to docker's config, no docker login runs.
    expect(argv).not.toMatch(/^login /m)
    expect(argv).toMatch(/^buildx build /m)
    for (const secret of [PASSWORD, ...result.masked]) expect(argv).not.toContain(secret)
  })
})

describe("docker's credentials", () => {
  test("no credential store: the login is in the config docker reads, and the job's other docker commands use it", async () => {
    const ws = makeWorkspace('file-login')
    const result = await ship({ repository: 'team/file-login', version: '1.0.0' }, { workspace: ws, post: false })
    expect(result.exitCode).toBe(0)
    expect(dockerLogins()).toEqual([REGISTRY])
    const config = readFileSync(path.join(dockerConfig, 'config.json'), 'utf8')
    expect((statSync(path.join(dockerConfig, 'config.json')).mode & 0o777).toString(8)).toBe('600')
    // Another docker command of the job is logged in: it pulls what the action pushed.
    execFileSync('docker', ['pull', '-q', `${REGISTRY}/team/file-login:1.0.0`], { env: { ...process.env, DOCKER_CONFIG: dockerConfig }, stdio: 'ignore' })
    expect(visibleLog(result.log)).not.toContain(PASSWORD)
    // What docker login writes: base64 of user:password, under the bare host name.
    expect((JSON.parse(config) as { auths: Record<string, unknown> }).auths[REGISTRY]).toEqual({ auth: Buffer.from(`AWS:${PASSWORD}`).toString('base64') })
    execFileSync('docker', ['logout', REGISTRY], { env: { ...process.env, DOCKER_CONFIG: dockerConfig }, stdio: 'ignore' })
  })

  test('a credential store: docker login with the password on stdin puts it there, and docker logout takes it out', async () => {
    // A credential helper (the protocol docker-credential-* speak): what it is given kept in
    // a file, each operation logged.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cred-helper-'))
    const store = path.join(dir, 'store.json')
    const ops = path.join(dir, 'ops.log')
    writeFileSync(store, '{}')
    writeFileSync(
      path.join(dir, 'docker-credential-stacktest'),
      `#!${process.execPath}
const fs = require('fs')
const input = fs.readFileSync(0, 'utf8').trim()
const all = JSON.parse(fs.readFileSync(${JSON.stringify(store)}, 'utf8'))
const save = () => fs.writeFileSync(${JSON.stringify(store)}, JSON.stringify(all))
const op = process.argv[2]
fs.appendFileSync(${JSON.stringify(ops)}, op + ' ' + (op === 'store' ? JSON.parse(input).ServerURL : input) + '\\n')
if (op === 'store') { const c = JSON.parse(input); all[c.ServerURL] = c; save(); fs.writeFileSync(${JSON.stringify(store)} + '.first', input) }
else if (op === 'get') { if (!all[input]) { process.stdout.write('credentials not found in native keychain'); process.exit(1) } process.stdout.write(JSON.stringify(all[input])) }
else if (op === 'erase') { delete all[input]; save() }
else if (op === 'list') process.stdout.write(JSON.stringify(Object.fromEntries(Object.entries(all).map(([k, v]) => [k, v.Username]))))
`,
      { mode: 0o755 }
    )
    const config = mkdtempSync(path.join(os.tmpdir(), 'docker-store-'))
    writeFileSync(path.join(config, 'config.json'), JSON.stringify({ credsStore: 'stacktest' }))
    const shim = recordingDocker()
    const result = await runAction({
      inputs: { 'role-to-assume': ROLE, 'aws-region': 'us-east-1', repository: 'team/store-login', version: '1.0.0' },
      env: jobEnv({ DOCKER_CONFIG: config, PATH: `${dir}:${shim.path}` }),
      workspace: makeWorkspace('store-login'),
      // A later step of the job pulls what the action pushed, with the login the store keeps.
      beforePost: () => {
        execFileSync('docker', ['pull', '-q', `${REGISTRY}/team/store-login:1.0.0`], { env: { ...process.env, DOCKER_CONFIG: config, PATH: `${dir}:${process.env.PATH ?? ''}` }, stdio: 'ignore' })
      }
    })
    expectSuccess(result)
    expect(shim.argv()).toContain(`login --username AWS --password-stdin ${REGISTRY}`)
    // The helper got the password from docker login, the later pull read it back, the post step erased it.
    expect(JSON.parse(readFileSync(`${store}.first`, 'utf8'))).toEqual({ ServerURL: REGISTRY, Username: 'AWS', Secret: PASSWORD })
    const log = readFileSync(ops, 'utf8').trim().split('\n')
    expect(log[0]).toBe(`store ${REGISTRY}`)
    expect(log).toContain(`get ${REGISTRY}`)
    // docker logout erases the host with and without https://, as it may have been stored either way.
    expect(log.at(-1)).toMatch(new RegExp(`^erase (https://)?${REGISTRY.replace(/\./g, '\\.')}$`))
    expect(result.post?.log).toContain(`Logged out of ${REGISTRY}`)
    expect(JSON.parse(readFileSync(store, 'utf8'))).toEqual({})
    expect(readFileSync(path.join(config, 'config.json'), 'utf8')).not.toContain(PASSWORD)
  })
})

describe('skip-logout', () => {
  test('keeps the registry login after the post step, for later steps of the job', async () => {
    const result = await ship({ repository: 'team/stay', version: '1.0.0', 'skip-logout': 'true' }, { workspace: makeWorkspace('stay') })
    expectSuccess(result)
    expect(result.post?.log).toContain(`Staying logged in to ${REGISTRY} (skip-logout).`)
    expect(dockerLogins()).toEqual([REGISTRY])
    execFileSync('docker', ['logout', REGISTRY], { env: { ...process.env, DOCKER_CONFIG: dockerConfig }, stdio: 'ignore' })
    expect(dockerLogins()).toEqual([])
  })
})
