/**
 * Large images: what a push costs is what the repository lacks. The bundled action on the
 * local stack, with an image of several random layers on fresh runners (emptied builders):
 * a single-stage Dockerfile's registry cache is exported with mode=min and still serves the
 * next run; a push-by-digest job leaves the layers the repository has out of its layout and
 * sends only what is new. Speed itself is measured in bench/large-image.mjs, not here.
 */
import { randomBytes } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { jest } from '@jest/globals'
import { runAction, type RunResult } from '../../scripts/local-runner.mjs'
import { env, jobEnv, REGISTRY, registryCalls, resetCalls, resetStack, ROLE, runImage } from './stack.js'

jest.setTimeout(10 * 60 * 1000)

const ship = (inputs: Record<string, string>, workspace: string): Promise<RunResult> =>
  runAction({ inputs: { 'role-to-assume': ROLE, 'aws-region': 'us-east-1', platforms: 'linux/amd64', ...inputs }, env: jobEnv(), workspace, post: true })

function expectSuccess(result: RunResult): void {
  if (result.exitCode !== 0) throw new Error(`the action failed:\n${result.log}`)
  expect(result.post?.exitCode).toBe(0)
}

/** A job on a fresh runner: the job's builder holds no cache, only the registry does. */
const emptyBuilder = () => execFileSync('docker', ['buildx', 'prune', '-af'], { stdio: 'ignore', timeout: 120_000 })

/** A single-stage image: busybox, four 2 MiB layers of random bytes, an expensive step, and an app layer `app()` replaces. */
function workspace(): { dir: string; app: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'large-'))
  copyFileSync(path.join(env.STACK_BUSYBOX_DIR ?? '', 'amd64', 'busybox'), path.join(dir, 'busybox'))
  const lines = ['FROM scratch', 'COPY busybox /bin/busybox']
  for (let i = 1; i <= 4; i++) {
    writeFileSync(path.join(dir, `data-${i}.bin`), randomBytes(2 << 20))
    lines.push(`COPY data-${i}.bin /data/`)
  }
  lines.push('RUN ["/bin/busybox", "sh", "-c", "i=0; while [ $i -lt 100000 ]; do i=$((i+1)); done; echo $i > /count"]', 'COPY app.txt /app.txt', 'CMD ["/bin/busybox", "cat", "/app.txt"]')
  writeFileSync(path.join(dir, 'Dockerfile'), `${lines.join('\n')}\n`)
  const app = () => writeFileSync(path.join(dir, 'app.txt'), `app ${randomBytes(8).toString('hex')}\n`)
  app()
  return { dir, app }
}

/** The build command's `--cache-to` value. */
const cacheTo = (log: string): string => /^\[command\]docker buildx build .*--cache-to (\S+)/m.exec(log)?.[1] ?? ''

/** Whether the log's expensive step came from the cache (`#N CACHED`). */
function loopCached(log: string): boolean {
  const step = /^#(\d+) \[[^\]]*\] RUN \["\/bin\/busybox", "sh", "-c", "i=0/m.exec(log)?.[1]
  expect(step).toBeDefined()
  return new RegExp(`^#${step} CACHED$`, 'm').test(log)
}

beforeAll(() => resetStack())

test("a single-stage Dockerfile's registry cache is written with mode=min, and a fresh runner's next build takes the expensive step from it", async () => {
  const ws = workspace()
  emptyBuilder()
  const first = await ship({ repository: 'team/large-min', version: '1.0.0' }, ws.dir)
  expectSuccess(first)
  expect(cacheTo(first.log)).toBe(`type=registry,ref=${REGISTRY}/team/large-min:buildcache,mode=min,image-manifest=true,oci-mediatypes=true,ignore-error=true`)
  expect(loopCached(first.log)).toBe(false)

  ws.app()
  emptyBuilder()
  const second = await ship({ repository: 'team/large-min', version: '1.0.1' }, ws.dir)
  expectSuccess(second)
  expect(loopCached(second.log)).toBe(true)
  expect(runImage(`${REGISTRY}/team/large-min:1.0.1`, 'linux/amd64')).toMatch(/^app [0-9a-f]{16}$/)
})

test('push-by-digest, first and on a fresh runner: the layers the repository has are never written to the layout nor sent again; the image is whole', async () => {
  const ws = workspace()
  emptyBuilder()
  const first = await ship({ repository: 'team/large-digest', version: '1.0.0', 'push-by-digest': 'true' }, ws.dir)
  expectSuccess(first)
  // A first push: the cache goes first and sends the layers; the layout then holds none of them.
  expect(first.log).toContain('No registry cache yet: the build sends its layers to the repository with the cache (buildcache-linux-amd64) first.')
  expect(first.log).toMatch(/by digest: 1 blobs uploaded \(\d+ bytes\), \d+ already in the repository \([6-9] of them never written to the layout/)
  // The cache-only build exported the cache; the layout build doesn't export it again.
  const builds = first.log.split('\n').filter(l => l.startsWith('[command]docker buildx build '))
  expect(builds.map(b => [b.includes('--output type=cacheonly'), b.includes('--cache-to ')])).toEqual([
    [true, true],
    [false, false]
  ])

  ws.app()
  emptyBuilder()
  await resetCalls()
  const second = await ship({ repository: 'team/large-digest', version: '1.0.1', 'push-by-digest': 'true' }, ws.dir)
  expectSuccess(second)
  // busybox, the four data layers and the expensive step's layer: the cache named them all.
  const pushed = /Pushed (sha256:[0-9a-f]{64}) by digest: (\d+) blobs uploaded \((\d+) bytes\), (\d+) already in the repository \((\d+) of them never written/.exec(second.log)
  expect(pushed).not.toBeNull()
  const [, digest, , bytes, , leftOut] = pushed ?? []
  expect(Number(leftOut)).toBeGreaterThanOrEqual(6)
  // What the action itself uploaded: less than one data layer (the cache export sent the new app layer).
  expect(Number(bytes)).toBeLessThan(2 << 20)
  // No blob of the repository's was read back or sent twice by the action: each upload started once per blob.
  const uploads = (await registryCalls()).filter(c => c.repository === 'team/large-digest' && c.kind === 'blobs' && c.method === 'POST')
  expect(uploads.length).toBeLessThanOrEqual(4)
  expect(runImage(`${REGISTRY}/team/large-digest@${digest}`, 'linux/amd64')).toMatch(/^app [0-9a-f]{16}$/)
})
