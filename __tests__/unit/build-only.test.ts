/** `push: false`: the image built for every platform, nothing pushed, no AWS and no login; the outputs and the summary say so. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildOnly } from '../../src/build-only.js'
import { readSettings } from '../../src/settings/read.js'
import { fakeDocker, ok, pushedBuild } from '../fixtures/docker.js'
import { stdoutOf } from '../fixtures/stdout.js'
import { makeWorkspace, stepEnv, type TempWorkspace } from '../fixtures/workspace.js'

const FILES = ['GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY'] as const
let ws: TempWorkspace
let files: string
const saved: Record<string, string | undefined> = {}

beforeEach(() => {
  ws = makeWorkspace()
  ws.write('Dockerfile', 'FROM scratch\n')
  files = mkdtempSync(path.join(os.tmpdir(), 'runner-files-'))
  for (const name of FILES) {
    saved[name] = process.env[name]
    process.env[name] = path.join(files, name)
    writeFileSync(path.join(files, name), '')
  }
})
afterEach(() => {
  ws.remove()
  rmSync(files, { recursive: true, force: true })
  for (const name of FILES) {
    if (saved[name] === undefined) delete process.env[name]
    else process.env[name] = saved[name]
  }
})

const INSPECT = 'Name: default\nDriver: docker-container\nPlatforms: linux/amd64, linux/arm64\n'
const docker = () =>
  fakeDocker([
    ['buildx inspect', ok(INSPECT)],
    ['info', ok('[["driver-type","io.containerd.snapshotter.v1"]]')],
    ['buildx build', pushedBuild()]
  ])
const read = (name: string) => readFileSync(path.join(files, name), 'utf8')
/** An output's value as the runner reads GITHUB_OUTPUT (name<<delimiter, value, delimiter). */
const output = (name: string): string | undefined => new RegExp(`^${name}<<(.+)\\n([^]*?)\\n\\1$`, 'm').exec(read('GITHUB_OUTPUT'))?.[2]

test('one build for every platform, not pushed; the outputs name the image without a registry or digest', async () => {
  const env = stepEnv(ws.dir, { repository: 'team/web', version: '1.2.3', push: 'false', summary: 'false' })
  const { docker: run, commands } = docker()
  await stdoutOf(() => buildOnly(readSettings(env), { env, docker: run }))
  expect(commands(2).filter(c => c.startsWith('buildx'))).toEqual(['buildx inspect', 'buildx build'])
  const build = commands().at(-1) ?? ''
  expect(build).toContain('--platform linux/amd64,linux/arm64')
  expect(build).not.toContain('--push')
  expect(output('image-uri')).toBe('team/web:1.2.3')
  expect(output('digest')).toBe('')
  expect(read('GITHUB_STEP_SUMMARY')).toBe('')
})

test('the summary says the image was built and not pushed, and where a load put it', async () => {
  const env = stepEnv(ws.dir, { repository: 'team/web', version: '1.2.3', push: 'false', load: 'true', platforms: 'linux/amd64' })
  await stdoutOf(() => buildOnly(readSettings(env), { env, docker: docker().docker }))
  expect(read('GITHUB_STEP_SUMMARY')).toContain("built, not pushed (push: false); loaded into the job's Docker engine as team/web:1.2.3")
})
