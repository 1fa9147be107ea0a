/**
 * The README's recipe "Pull requests: build only": push: false builds both platforms and
 * pushes nothing, without AWS.
 */
import { jest } from '@jest/globals'
import { runAction } from '../../scripts/local-runner.mjs'
import { awsCalls, dockerConfig, makeWorkspace, registryTags, resetCalls, resetStack } from './stack.js'
import { expectSuccess } from './ship.js'

// Real builds, some under QEMU.
jest.setTimeout(15 * 60 * 1000)

let workspace: string

beforeAll(() => {
  resetStack()
  workspace = makeWorkspace('v1')
})

describe('push: false', () => {
  test('builds both platforms and pushes nothing, without AWS', async () => {
    await resetCalls()
    const result = await runAction({
      inputs: { repository: 'team/pr', version: 'pr-1', push: 'false' },
      env: { DOCKER_CONFIG: dockerConfig },
      workspace
    })
    expectSuccess(result)
    expect(result.log).toMatch(/linux\/arm64/)
    expect(await awsCalls()).toEqual([])
    expect(await registryTags('team/pr')).toEqual([])
    expect(result.outputs['image-uri']).toBe('team/pr:pr-1')
    expect(result.outputs.digest).toBe('')
  })
})
