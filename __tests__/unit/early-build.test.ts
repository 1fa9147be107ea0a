/**
 * The build started before the registry is ready: where it will push (foreseen from the
 * role), the credential gate (its config, its helper run by a real shell), finding and
 * stopping the build's processes, running buildx's plugin standalone, and the build's log
 * kept back until its stage.
 */
import { jest } from '@jest/globals'
import { spawn, execFileSync } from 'node:child_process'
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createGate, gateConfig, gateHelperScript, GATE_HELPER } from '../../src/build-gate.js'
import { foreseenRegistry, startsEarly } from '../../src/build-plan.js'
import { startBuild, type DockerProcesses } from '../../src/build.js'
import { cliPluginDirs, findCliPlugin } from '../../src/docker-config.js'
import { docker as realDocker, findDocker, signal, type Docker, type DockerOptions, type DockerResult } from '../../src/docker.js'
import { startEarlyBuild } from '../../src/early-build.js'
import { readSettings } from '../../src/inputs.js'
import { buildSettings } from '../fixtures/build-settings.js'
import { makeWorkspace, stepEnv } from '../fixtures/workspace.js'

const REGISTRY = '123456789012.dkr.ecr.us-east-1.amazonaws.com'
const tmp = (prefix: string): string => mkdtempSync(path.join(os.tmpdir(), prefix))
const credentials = { registry: REGISTRY, username: 'AWS', password: 'token-secret' }

describe('foreseenRegistry', () => {
  test.each([
    ['arn:aws:iam::123456789012:role/push', 'us-east-1', '123456789012.dkr.ecr.us-east-1.amazonaws.com'],
    ['arn:aws:iam::123456789012:role/path/to/push', 'ap-northeast-2', '123456789012.dkr.ecr.ap-northeast-2.amazonaws.com'],
    ['arn:aws-us-gov:iam::123456789012:role/push', 'us-gov-west-1', '123456789012.dkr.ecr.us-gov-west-1.amazonaws.com'],
    ['arn:aws-cn:iam::123456789012:role/push', 'cn-north-1', '123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn']
  ])('%s in %s: %s', (role, region, registry) => {
    expect(foreseenRegistry(role, region)).toBe(registry)
  })

  test('no role, an unknown partition or no region: not foreseen', () => {
    expect(foreseenRegistry(undefined, 'us-east-1')).toBeUndefined()
    expect(foreseenRegistry('arn:aws-xx:iam::123456789012:role/push', 'us-east-1')).toBeUndefined()
    expect(foreseenRegistry('arn:aws:iam::123456789012:role/push', '')).toBeUndefined()
  })
})

describe('startsEarly', () => {
  const ws = makeWorkspace()
  afterAll(() => ws.remove())
  const settings = (inputs: Record<string, string>) => readSettings(stepEnv(ws.dir, { repository: 'team/web', ...inputs }))

  test('a push to ECR starts early; a merge, ECR Public, a dry run and push: false do not', () => {
    expect(startsEarly(settings({}))).toBe(true)
    expect(startsEarly(settings({ 'push-by-digest': 'true', platforms: 'linux/arm64' }))).toBe(true)
    expect(startsEarly(settings({ 'merge-digests': `sha256:${'a'.repeat(64)}` }))).toBe(false)
    expect(startsEarly(settings({ 'registry-type': 'public', 'tag-mutability': '' }))).toBe(false)
    expect(startsEarly(settings({ 'dry-run': 'true' }))).toBe(false)
    expect(startsEarly(settings({ push: 'false' }))).toBe(false)
  })
})

describe('the credential gate', () => {
  test("its config is the job's with one helper for the registry", () => {
    const job = { auths: { 'ghcr.io': { auth: 'eA==' } }, credsStore: 'desktop', credHelpers: { 'gcr.io': 'gcloud' }, proxies: { default: {} } }
    expect(gateConfig(job, REGISTRY)).toEqual({ ...job, credHelpers: { 'gcr.io': 'gcloud', [REGISTRY]: GATE_HELPER } })
    expect(job.credHelpers).toEqual({ 'gcr.io': 'gcloud' })
  })

  /** Runs the gate's helper as docker does: the operation as argument, the host on stdin. */
  function helper(gate: string, operation: string): Promise<{ code: number | null; out: string }> {
    return new Promise(resolve => {
      const child = spawn(path.join(gate, 'bin', `docker-credential-${GATE_HELPER}`), [operation], { stdio: ['pipe', 'pipe', 'inherit'] })
      let out = ''
      child.stdout.on('data', (d: Buffer) => (out += d.toString()))
      child.on('close', code => resolve({ code, out }))
      child.stdin.end(REGISTRY)
    })
  }
  const gateDir = (temp: string): string => path.join(temp, readdirSync(temp).find(n => n.startsWith('ecr-build-push-gate-')) ?? '')

  test('get waits for the credentials, then prints them; list and store keep nothing', async () => {
    const temp = tmp('gate-')
    const gate = await createGate(REGISTRY, { tempDir: temp, configDir: tmp('job-docker-'), env: { PATH: '/usr/bin:/bin' } })
    if (!gate) throw new Error('no gate')
    const dir = gateDir(temp)
    let answered = false
    const waiting = helper(dir, 'get').then(r => ((answered = true), r))
    await new Promise(resolve => setTimeout(resolve, 300))
    expect(answered).toBe(false)
    await gate.open(credentials)
    expect(await waiting).toEqual({ code: 0, out: JSON.stringify({ ServerURL: REGISTRY, Username: 'AWS', Secret: 'token-secret' }) })
    expect((statSync(path.join(dir, 'credentials')).mode & 0o777).toString(8)).toBe('600')
    expect(await helper(dir, 'list')).toEqual({ code: 0, out: '{}\n' })
    expect(await helper(dir, 'store')).toEqual({ code: 0, out: '' })
    await gate.close()
    expect(existsSync(dir)).toBe(false)
  })

  test('a refused or removed gate answers "not found" at once, as a helper without the credentials does', async () => {
    for (const end of ['deny', 'close'] as const) {
      const temp = tmp('gate-')
      const gate = await createGate(REGISTRY, { tempDir: temp, configDir: tmp('job-docker-') })
      if (!gate) throw new Error('no gate')
      const dir = gateDir(temp)
      const copy = tmp('helper-copy-')
      // A copy of the helper beside a gate folder of its own, for the removed case.
      if (end === 'close') execFileSync('cp', ['-r', dir, copy])
      const waiting = helper(end === 'close' ? path.join(copy, path.basename(dir)) : dir, 'get')
      await new Promise(resolve => setTimeout(resolve, 100))
      if (end === 'deny') await gate.deny()
      else execFileSync('rm', ['-rf', path.join(copy, path.basename(dir), 'bin')])
      expect(await waiting).toEqual({ code: 1, out: 'credentials not found in native keychain\n' })
      await gate.close()
    }
  })

  test('a helper whose action has ended gives up', async () => {
    const temp = tmp('gate-')
    const bin = path.join(temp, 'bin')
    mkdirSync(bin)
    // A process ID that is gone: a child that has exited.
    const gone = spawn('true').pid ?? 0
    await new Promise(resolve => setTimeout(resolve, 200))
    writeFileSync(path.join(bin, `docker-credential-${GATE_HELPER}`), gateHelperScript(gone), { mode: 0o700 })
    expect(await helper(temp, 'get')).toEqual({ code: 1, out: 'credentials not found in native keychain\n' })
  })

  test("the build's config folder: the job's config with the helper, every other entry linked, the job's folder untouched", async () => {
    const job = tmp('job-docker-')
    writeFileSync(path.join(job, 'config.json'), JSON.stringify({ auths: { 'ghcr.io': { auth: 'eA==' } }, currentContext: 'remote' }))
    mkdirSync(path.join(job, 'contexts'))
    mkdirSync(path.join(job, 'cli-plugins'))
    mkdirSync(path.join(job, 'buildx'))
    writeFileSync(path.join(job, 'buildx', 'current'), '{"Key":"x"}')
    const before = readFileSync(path.join(job, 'config.json'), 'utf8')
    const temp = tmp('gate-')
    const gate = await createGate(REGISTRY, { tempDir: temp, configDir: job, env: { PATH: '/usr/bin:/bin' } })
    if (!gate) throw new Error('no gate')
    const home = gate.env.DOCKER_CONFIG ?? ''
    expect(JSON.parse(readFileSync(path.join(home, 'config.json'), 'utf8'))).toEqual({
      auths: { 'ghcr.io': { auth: 'eA==' } },
      currentContext: 'remote',
      credHelpers: { [REGISTRY]: GATE_HELPER }
    })
    expect((statSync(path.join(home, 'config.json')).mode & 0o777).toString(8)).toBe('600')
    for (const entry of ['contexts', 'cli-plugins', 'buildx']) expect(lstatSync(path.join(home, entry)).isSymbolicLink()).toBe(true)
    expect(gate.env.BUILDX_CONFIG).toBe(path.join(job, 'buildx'))
    expect(gate.env.PATH).toBe(`${path.join(path.dirname(home), 'bin')}:/usr/bin:/bin`)
    await gate.open(credentials)
    await gate.close()
    expect(existsSync(path.dirname(home))).toBe(false)
    expect(readFileSync(path.join(job, 'config.json'), 'utf8')).toBe(before)
    expect(readFileSync(path.join(job, 'buildx', 'current'), 'utf8')).toBe('{"Key":"x"}')
    expect(readdirSync(job).sort()).toEqual(['buildx', 'cli-plugins', 'config.json', 'contexts'])
  })

  test('BUILDX_CONFIG the job sets is kept; a config that is not JSON makes no gate', async () => {
    const gate = await createGate(REGISTRY, { tempDir: tmp('gate-'), configDir: tmp('job-docker-'), env: { BUILDX_CONFIG: '/opt/buildx' } })
    expect(gate?.env.BUILDX_CONFIG).toBe('/opt/buildx')
    await gate?.close()
    const broken = tmp('job-docker-')
    writeFileSync(path.join(broken, 'config.json'), '{ not json')
    expect(await createGate(REGISTRY, { tempDir: tmp('gate-'), configDir: broken })).toBeUndefined()
  })
})

describe("buildx's plugin, run standalone", () => {
  test("docker's order: the config's extra folders, the user's, then the system's", () => {
    expect(cliPluginDirs('/home/u/.docker', { cliPluginsExtraDirs: ['/opt/plugins'] })).toEqual([
      '/opt/plugins',
      '/home/u/.docker/cli-plugins',
      '/usr/local/lib/docker/cli-plugins',
      '/usr/local/libexec/docker/cli-plugins',
      '/usr/lib/docker/cli-plugins',
      '/usr/libexec/docker/cli-plugins'
    ])
  })

  test('the first executable docker-buildx wins; one that is not executable is passed over', async () => {
    const job = tmp('job-docker-')
    const extra = tmp('extra-plugins-')
    mkdirSync(path.join(job, 'cli-plugins'))
    writeFileSync(path.join(extra, 'docker-buildx'), '#!/bin/sh\n', { mode: 0o644 })
    writeFileSync(path.join(job, 'cli-plugins', 'docker-buildx'), '#!/bin/sh\n', { mode: 0o755 })
    writeFileSync(path.join(job, 'config.json'), JSON.stringify({ cliPluginsExtraDirs: [extra] }))
    expect(await findCliPlugin('buildx', job)).toBe(path.join(job, 'cli-plugins', 'docker-buildx'))
    execFileSync('chmod', ['755', path.join(extra, 'docker-buildx')])
    expect(await findCliPlugin('buildx', job)).toBe(path.join(extra, 'docker-buildx'))
    expect(await findCliPlugin('no-such-plugin', job)).toBeUndefined()
  })

  test('the build runs the plugin with the arguments after "buildx"; without one, docker buildx', async () => {
    const job = tmp('job-docker-')
    mkdirSync(path.join(job, 'cli-plugins'))
    writeFileSync(path.join(job, 'cli-plugins', 'docker-buildx'), '#!/bin/sh\n', { mode: 0o755 })
    const calls: [string[], DockerOptions | undefined][] = []
    const docker: Docker = async (args, options) => {
      calls.push([args, options])
      return { exitCode: 0, stdout: '', stderr: '' }
    }
    await (await startBuild(docker, buildSettings(), ['r/x:1'], [], { tempDir: tmp('build-'), configDir: job })).first
    expect(calls[0]?.[0].slice(0, 3)).toEqual(['build', '--platform', 'linux/amd64,linux/arm64'])
    expect(calls[0]?.[1]?.program).toBe(path.join(job, 'cli-plugins', 'docker-buildx'))
    await (await startBuild(docker, buildSettings(), ['r/x:1'], [], { tempDir: tmp('build-') })).first
    expect(calls[1]?.[0].slice(0, 2)).toEqual(['buildx', 'build'])
    expect(calls[1]?.[1]?.program).toBeUndefined()
  })
})

describe("the build's processes", () => {
  test('found by a path on their command line, with their children that carry it; interrupted with SIGINT', async () => {
    const marker = path.join(tmp('marker-'), 'metadata.json')
    // A parent that carries the marker and runs a child that carries it too, as docker runs docker-buildx.
    const wait = 'setTimeout(() => undefined, 30000)'
    const script = `require('node:child_process').spawn(process.execPath, ['-e', '${wait}', process.argv[1]], { stdio: 'ignore' }); ${wait}`
    const parent = spawn(process.execPath, ['-e', script, marker], { stdio: 'ignore' })
    const exited = new Promise<string | null>(resolve => parent.on('exit', (_code, sig) => resolve(sig)))
    let found: number[] = []
    for (let i = 0; i < 100 && found.length < 2; i++) {
      found = await findDocker(marker)
      await new Promise(resolve => setTimeout(resolve, 20))
    }
    expect(found[0]).toBe(parent.pid)
    expect(found).toHaveLength(2)
    expect(await findDocker(`${marker}.other`)).toEqual([])
    for (const pid of found) expect(signal(pid, 'SIGINT')).toBe(true)
    expect(await exited).toBe('SIGINT')
    expect(signal(found[0] ?? 0, 'SIGINT')).toBe(false)
  })

  /** A build that runs until a signal reaches every process `find` reports. */
  function fakeBuild(pids: number[], ignoreSigint = false): { docker: Docker; processes: DockerProcesses; sent: [number, string][] } {
    const sent: [number, string][] = []
    let end: (r: DockerResult) => void = () => undefined
    const docker: Docker = () => new Promise(resolve => (end = resolve))
    const processes: DockerProcesses = {
      find: async () => pids,
      signal: (pid, name) => {
        sent.push([pid, name])
        if (name === 'SIGKILL' || !ignoreSigint) end({ exitCode: 130, stdout: '', stderr: 'canceled' })
        return true
      }
    }
    return { docker, processes, sent }
  }

  test('cancel: SIGINT to each process once, and the build ends', async () => {
    const { docker, processes, sent } = fakeBuild([11, 12])
    const started = await startBuild(docker, buildSettings(), ['r/x:1'], [], { tempDir: tmp('build-'), processes })
    await started.running()
    await started.cancel()
    expect(sent).toEqual([
      [11, 'SIGINT'],
      [12, 'SIGINT']
    ])
    expect((await started.first).exitCode).toBe(130)
  })

  test('cancel: a build still running a second after SIGINT is killed', async () => {
    const { docker, processes, sent } = fakeBuild([21], true)
    const started = await startBuild(docker, buildSettings(), ['r/x:1'], [], { tempDir: tmp('build-'), processes })
    await started.cancel()
    expect(sent[0]).toEqual([21, 'SIGINT'])
    expect(sent.filter(([, name]) => name === 'SIGINT')).toHaveLength(1)
    expect(sent.at(-1)).toEqual([21, 'SIGKILL'])
  })

  test('running waits until the process is there; cancel waits until it is there to stop it', async () => {
    let pids: number[] = []
    const sent: number[] = []
    let end: (r: DockerResult) => void = () => undefined
    const docker: Docker = () => new Promise(resolve => (end = resolve))
    const processes: DockerProcesses = {
      find: async () => pids,
      signal: pid => {
        sent.push(pid)
        end({ exitCode: 130, stdout: '', stderr: '' })
        return true
      }
    }
    const started = await startBuild(docker, buildSettings(), ['r/x:1'], [], { tempDir: tmp('build-'), processes })
    let running = false
    void started.running(5000).then(() => (running = true))
    const cancelled = started.cancel()
    await new Promise(resolve => setTimeout(resolve, 100))
    expect(running).toBe(false)
    expect(sent).toEqual([])
    pids = [31]
    await cancelled
    expect(running).toBe(true)
    expect(sent).toEqual([31])
  })

  test('running gives up after its limit: a docker whose process is never seen does not hold the run', async () => {
    const docker: Docker = () => new Promise(() => undefined)
    const started = await startBuild(docker, buildSettings(), ['r/x:1'], [], { tempDir: tmp('build-'), processes: { find: async () => [], signal: () => false } })
    let running = false
    void started.running(50).then(() => (running = true))
    await new Promise(resolve => setTimeout(resolve, 300))
    expect(running).toBe(true)
  })
})

describe('the push, seen in the build\'s output', () => {
  const uri = '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web'
  const digest = `sha256:${'cd'.repeat(32)}`
  /** A build whose output comes in the chunks given, then waits for `end`. */
  function talkingBuild(chunks: string[]): { docker: Docker; end: () => void } {
    let end: () => void = () => undefined
    const docker: Docker = (_args, options) =>
      new Promise(resolve => {
        end = () => resolve({ exitCode: 0, stdout: '', stderr: chunks.join('') })
        setTimeout(() => {
          for (const chunk of chunks) options?.onOutput?.(Buffer.from(chunk))
        }, 5)
      })
    return { docker, end: () => end() }
  }

  test('known while buildx still runs (the cache export comes after), across chunks that split the line', async () => {
    const line = `#9 pushing manifest for ${uri}:v1@${digest} 0.1s done\n`
    const { docker, end } = talkingBuild(['#9 pushing layers 0.1s done\n', line.slice(0, 40), line.slice(40), '#10 exporting cache to registry\n'])
    const started = await startBuild(docker, buildSettings(), [`${uri}:v1`], [], { tempDir: tmp('build-'), repositoryUri: uri })
    let ended = false
    void started.first.then(() => (ended = true))
    expect(await started.pushed).toBe(digest)
    expect(ended).toBe(false)
    end()
    await started.first
  })

  test('a build that ends without pushing under the repository: undefined, once it ends', async () => {
    const { docker, end } = talkingBuild([`#9 pushing manifest for ${uri}-other:v1@${digest} 0.1s done\n`])
    const started = await startBuild(docker, buildSettings(), [`${uri}:v1`], [], { tempDir: tmp('build-'), repositoryUri: uri })
    let seen: string | undefined | null = null
    void started.pushed.then(d => (seen = d))
    await new Promise(resolve => setTimeout(resolve, 30))
    expect(seen).toBeNull()
    end()
    expect(await started.pushed).toBeUndefined()
  })
})

describe("the build's log, kept back", () => {
  const write = jest.spyOn(process.stdout, 'write')
  afterEach(() => write.mockReset())
  afterAll(() => write.mockRestore())
  const logged = (): string => write.mock.calls.map(c => String(c[0])).join('')

  test('written with its command line when its stage comes, and streamed from then on', async () => {
    write.mockImplementation(() => true)
    let open: () => void = () => undefined
    const stage = new Promise<void>(resolve => (open = resolve))
    const result = await realDocker(['-c', 'echo before'], { program: 'sh', stream: true, holdOutput: stage })
    expect(result.stdout).toBe('before\n')
    expect(logged()).toBe('')
    open()
    await stage
    await new Promise(resolve => setImmediate(resolve))
    expect(logged()).toBe('[command]sh -c echo before\nbefore\n')
  })

  test('dropped when the build is not used', async () => {
    write.mockImplementation(() => true)
    let drop: (e: Error) => void = () => undefined
    const stage = new Promise<void>((_resolve, reject) => (drop = reject))
    await realDocker(['-c', 'echo unused'], { program: 'sh', stream: true, holdOutput: stage })
    drop(new Error('not built'))
    await stage.catch(() => undefined)
    await new Promise(resolve => setImmediate(resolve))
    expect(logged()).toBe('')
  })

  test("the command's variables are added to the step's", async () => {
    const result = await realDocker(['-c', 'printf "%s %s" "$GATE_TEST" "$HOME"'], { program: 'sh', env: { GATE_TEST: 'set' } })
    expect(result.stdout).toBe(`set ${process.env.HOME ?? ''}`)
  })
})

describe('startEarlyBuild', () => {
  const ws = makeWorkspace()
  afterAll(() => ws.remove())

  function setup(): { env: Record<string, string | undefined>; calls: [string[], DockerOptions | undefined][]; docker: Docker; finish: () => void } {
    const configDir = tmp('job-docker-')
    const env = { ...stepEnv(ws.dir, { repository: 'team/web', version: '1.0.0' }), RUNNER_TEMP: tmp('runner-'), DOCKER_CONFIG: configDir, PATH: '/usr/bin:/bin' }
    const calls: [string[], DockerOptions | undefined][] = []
    let finish: () => void = () => undefined
    const docker: Docker = (args, options) => {
      calls.push([args, options])
      return new Promise(resolve => (finish = () => resolve({ exitCode: 0, stdout: '', stderr: '' })))
    }
    return { env, calls, docker, finish: () => finish() }
  }

  test('the build pushes to the foreseen repository, through the gate, and goes on once released', async () => {
    const { env, calls, docker, finish } = setup()
    const early = await startEarlyBuild(readSettings(env), { env, docker }, REGISTRY, { find: async () => [1], signal: () => false })
    if (!early) throw new Error('not started')
    expect(early.repositoryUri).toBe(`${REGISTRY}/team/web`)
    const [args, options] = calls[0] ?? [[], undefined]
    expect(args).toContain(`${REGISTRY}/team/web:1.0.0`)
    expect(args).not.toContain(`${REGISTRY}/team/web:latest`)
    expect(options?.env?.DOCKER_CONFIG).toMatch(/ecr-build-push-gate-[^/]+\/docker$/)
    const gate = path.dirname(options?.env?.DOCKER_CONFIG ?? '')
    const started = await early.release(credentials)
    expect(JSON.parse(readFileSync(path.join(gate, 'credentials'), 'utf8'))).toMatchObject({ Secret: 'token-secret' })
    await expect(options?.holdOutput).resolves.toBeUndefined()
    finish()
    expect((await started.first).exitCode).toBe(0)
    await early.dispose()
    expect(existsSync(gate)).toBe(false)
  })

  test('disposed unreleased: the gate refuses first, then the build is stopped and the gate removed', async () => {
    const { env } = setup()
    let options: DockerOptions | undefined
    // A build that ends when its gate refuses, as buildx told "no credentials" and interrupted does.
    const docker: Docker = async (_args, o) => {
      options = o
      const closed = path.join(path.dirname(o?.env?.DOCKER_CONFIG ?? ''), 'closed')
      while (!existsSync(closed)) await new Promise(resolve => setTimeout(resolve, 10))
      return { exitCode: 1, stdout: '', stderr: 'canceled' }
    }
    const signalled: number[] = []
    const early = await startEarlyBuild(readSettings(env), { env, docker }, REGISTRY, { find: async () => [41], signal: pid => (signalled.push(pid), true) })
    if (!early) throw new Error('not started')
    const gate = path.dirname(options?.env?.DOCKER_CONFIG ?? '')
    await early.dispose()
    expect(signalled[0]).toBe(41)
    await expect(options?.holdOutput).rejects.toThrow('not used')
    expect(existsSync(gate)).toBe(false)
    // Once: a second dispose is the same one.
    await early.dispose()
  })

  test('not for a dry run, and not without a readable docker config', async () => {
    const { env, docker } = setup()
    expect(await startEarlyBuild(readSettings({ ...env, 'INPUT_DRY-RUN': 'true' }), { env, docker }, REGISTRY)).toBeUndefined()
    writeFileSync(path.join(env.DOCKER_CONFIG ?? '', 'config.json'), 'not json')
    expect(await startEarlyBuild(readSettings(env), { env, docker }, REGISTRY)).toBeUndefined()
  })
})
