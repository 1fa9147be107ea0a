/**
 * The README's recipe "Pull requests: build only": push: false builds both platforms and
 * pushes nothing, without AWS.
 */
import { runAction } from '../../scripts/local-runner.mjs'
import { awsCalls, dockerConfig, registryTags, resetCalls } from './stack.js'
import { expectSuccess, onFreshStack } from './ship.js'

const { workspace } = onFreshStack()

describe('push: false', () => {
  test('builds both platforms and pushes nothing, without AWS', async () => {
    await resetCalls()
    const result = await runAction({
      inputs: { repository: 'team/pr', version: 'pr-1', push: 'false' },
      env: { DOCKER_CONFIG: dockerConfig },
      workspace: workspace()
    })
    expectSuccess(result)
    expect(result.log).toMatch(/linux\/arm64/)
    expect(await awsCalls()).toEqual([])
    expect(await registryTags('team/pr')).toEqual([])
    expect(result.outputs['image-uri']).toBe('team/pr:pr-1')
    expect(result.outputs.digest).toBe('')
  })
})
