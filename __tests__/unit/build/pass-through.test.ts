/** docker/build-push-action's pass-through options as buildx flags, and when buildx needs GitHub's cache. */
import { passThroughArgs, usesGhaCache } from '../../../src/build/pass-through.js'
import type { BuildOptions } from '../../../src/settings/types.js'
import { buildSettings } from '../../fixtures/build-settings.js'

const none: BuildOptions = { buildContexts: [], noCache: false, noCacheFilters: [], pull: false, ssh: [], ulimits: [], addHosts: [], load: false }

describe('passThroughArgs', () => {
  test('no options: no flags', () => {
    expect(passThroughArgs(undefined)).toEqual([])
    expect(passThroughArgs(none)).toEqual([])
  })

  test('each option under its flag, lists once per entry, in a fixed order', () => {
    const options: BuildOptions = {
      buildContexts: ['shared=/work/shared', 'base=docker-image://alpine:3'],
      noCache: true,
      noCacheFilters: ['test'],
      pull: true,
      ssh: ['default'],
      network: 'host',
      shmSize: '2g',
      ulimits: ['nofile=1024:2048'],
      addHosts: ['db:10.0.0.5'],
      load: true
    }
    expect(passThroughArgs(options)).toEqual([
      '--build-context',
      'shared=/work/shared',
      '--build-context',
      'base=docker-image://alpine:3',
      '--no-cache',
      '--no-cache-filter',
      'test',
      '--pull',
      '--ssh',
      'default',
      '--network',
      'host',
      '--shm-size',
      '2g',
      '--ulimit',
      'nofile=1024:2048',
      '--add-host',
      'db:10.0.0.5',
      '--load'
    ])
  })
})

describe('usesGhaCache', () => {
  const gha = { type: 'gha' as const, tag: 'buildcache', from: ['buildcache'] }

  test.each([
    ['cache: gha', buildSettings({ cache: gha }), true],
    [
      'cache: gha with both reads and writes replaced by the registry',
      buildSettings({ cache: gha, options: { ...none, cacheFrom: ['type=registry,ref=x'], cacheTo: ['type=registry,ref=x'] } }),
      false
    ],
    ['cache: gha with only its reads replaced', buildSettings({ cache: gha, options: { ...none, cacheFrom: ['type=registry,ref=x'] } }), true],
    ['cache: none, a cache-to of type gha', buildSettings({ options: { ...none, cacheTo: ['mode=max, type = gha'] } }), true],
    ['cache: none, a registry cache-from', buildSettings({ options: { ...none, cacheFrom: ['type=registry,ref=ghaa'] } }), false],
    ['cache: none', buildSettings(), false]
  ])('%s → %s', (_, build, uses) => {
    expect(usesGhaCache(build)).toBe(uses)
  })
})
