/**
 * buildx's build record: its folder, the one build noted since the listing, and the failed
 * step read from it.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildxConfigDir, findBuildRef, listBuildRefs, readBuildFailure } from '../../../src/build/record.js'
import { fakeDocker, ok } from '../../fixtures/docker.js'
import { REPOSITORY, STEP, PROCESS, STEP_LINES } from '../../fixtures/build-failure.js'

/** A buildx config folder: refs/<builder>/<node>/<ref> files naming the context. */
function buildxConfig(): { dir: string; note: (ref: string, context: string, builder?: string) => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'buildx-config-'))
  return {
    dir,
    note(ref, context, builder = 'default') {
      mkdirSync(path.join(dir, 'refs', builder, builder), { recursive: true })
      writeFileSync(path.join(dir, 'refs', builder, builder, ref), JSON.stringify({ Target: 'default', LocalPath: context, DockerfilePath: `${context}/Dockerfile` }))
    }
  }
}

describe('the build record', () => {
  test("buildx's folder: BUILDX_CONFIG, else buildx in docker's config folder", () => {
    expect(buildxConfigDir({ BUILDX_CONFIG: '/b', DOCKER_CONFIG: '/d' })).toBe('/b')
    expect(buildxConfigDir({ DOCKER_CONFIG: '/d' })).toBe('/d/buildx')
    expect(buildxConfigDir({ HOME: '/home/runner' })).toBe('/home/runner/.docker/buildx')
  })

  test('the one build noted since the listing, on this context', async () => {
    const config = buildxConfig()
    config.note('old', '/work/app')
    const before = await listBuildRefs(config.dir)
    expect(await findBuildRef(config.dir, before, '/work/app')).toBeUndefined()
    config.note('other', '/work/other-app')
    config.note('mine', '/work/app')
    expect(await findBuildRef(config.dir, before, '/work/app')).toBe('mine')
    // Another build of the same folder beside it: no record is taken for this one.
    config.note('twin', '/work/app', 'remote')
    expect(await findBuildRef(config.dir, before, '/work/app')).toBeUndefined()
  })

  test('no folder yet: nothing noted', async () => {
    expect(await listBuildRefs('/nonexistent/buildx')).toEqual(new Set())
  })

  test("history inspect: the failed step, buildx's message and the step's last lines", async () => {
    const { docker, commands } = fakeDocker({ 'buildx history inspect': ok(JSON.stringify({ Status: 'failed', Error: { Code: 2, Message: PROCESS, Name: STEP, Logs: STEP_LINES, Stack: 'x' } })) })
    expect(await readBuildFailure(docker, 'mine')).toEqual({ message: PROCESS, step: STEP, logs: STEP_LINES })
    expect(commands()).toEqual(['buildx history inspect mine --format json'])
  })

  test('a push failure: no step', async () => {
    const { docker } = fakeDocker({ 'buildx history inspect': ok(JSON.stringify({ Status: 'failed', Error: { Code: 2, Message: `failed to push ${REPOSITORY}:1: unknown: injected fault` } })) })
    expect(await readBuildFailure(docker, 'x')).toEqual({ message: `failed to push ${REPOSITORY}:1: unknown: injected fault`, logs: [] })
  })

  test('no record, no error in it, or no JSON: none', async () => {
    expect(await readBuildFailure(async () => ({ exitCode: 1, stdout: '', stderr: 'ERROR: no such record' }), 'x')).toBeUndefined()
    expect(await readBuildFailure(async () => ({ exitCode: 0, stdout: '{"Status":"completed"}', stderr: '' }), 'x')).toBeUndefined()
    expect(await readBuildFailure(async () => ({ exitCode: 0, stdout: 'table', stderr: '' }), 'x')).toBeUndefined()
  })
})
