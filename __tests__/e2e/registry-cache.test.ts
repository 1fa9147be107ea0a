/**
 * The registry cache (docs/cache-and-secrets.md): an emptied builder rebuilds from the cache
 * in the repository, whose tag stays mutable.
 */
import { execFileSync } from 'node:child_process'
import { makeWorkspace, registryTags } from './stack.js'
import { describeRepository, expectSuccess, onFreshStack } from './ship.js'

const { ship } = onFreshStack()

describe('the registry cache', () => {
  test('an emptied builder rebuilds from the cache in the repository, whose tag stays mutable', async () => {
    const ws = makeWorkspace(`cache-${Date.now()}`, 'RUN i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done; echo $i > /work')
    execFileSync('docker', ['buildx', 'prune', '-af'], { stdio: 'ignore' })
    const cold = await ship({ repository: 'team/cached', version: '1.0.0' }, { workspace: ws })
    expectSuccess(cold)
    execFileSync('docker', ['buildx', 'prune', '-af'], { stdio: 'ignore' })
    const warm = await ship({ repository: 'team/cached', version: '1.0.1' }, { workspace: ws })
    expectSuccess(warm)
    expect(warm.log).toContain('importing cache manifest from')
    // The expensive step ran for both platforms in the cold build and came from the cache in
    // the warm one: buildx prints `#N CACHED` for a step it did not run.
    const expensive = (log: string) => [...new Set([...log.matchAll(/^#(\d+) \[[^\]]*\] RUN i=0/gm)].map(m => m[1]))]
    const cached = (log: string, step: string | undefined) => new RegExp(`^#${step} CACHED`, 'm').test(log)
    expect(expensive(cold.log)).toHaveLength(2)
    for (const step of expensive(cold.log)) expect(cached(cold.log, step)).toBe(false)
    expect(expensive(warm.log)).toHaveLength(2)
    for (const step of expensive(warm.log)) expect(cached(warm.log, step)).toBe(true)
    expect(warm.outputs.digest).not.toBe('')
    const repo = await describeRepository('team/cached')
    expect(repo?.imageTagMutabilityExclusionFilters?.map(f => f.filter)).toContain('buildcache*')
    expect(await registryTags('team/cached')).toContain('buildcache')
  })
})
