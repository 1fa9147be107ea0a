// Native per-platform jobs and the registry cache: two rounds of push-by-digest jobs
// (linux/amd64, then linux/arm64, each on an emptied builder, as on fresh runners) for an
// image with an expensive RUN step; round 2 against round 1, per platform, and whether
// round 2's expensive step came from the cache. Usage:
//   node bench/platform-cache.mjs [rounds] [checkout-with-dist …]
// Each checkout given (e.g. `git worktree add /tmp/before <rev>`) runs the same rounds
// with its bundle before this checkout's, for a before/after figure.
import { execFileSync } from 'node:child_process'
import { runAction, ROOT } from '../scripts/local-runner.mjs'
import { busyboxWorkspace, median, seconds, tempDir, upStack } from './stack.mjs'

const rounds = Number(process.argv[2] ?? 3)
const sides = [...process.argv.slice(3).map(dir => ['before', dir]), ['after', ROOT]]
const env = upStack()
const dockerConfig = tempDir('bench-docker-')
const PLATFORMS = ['linux/amd64', 'linux/arm64']

/**
 * The expensive image: a RUN step of 600,000 shell loop iterations (arm64 under QEMU), as
 * bench/cache.mjs, in a build stage whose result the image copies: BuildKit then prints
 * `#N CACHED` for the step when it comes from the cache (a cached last step is only
 * fetched, and printed without that word).
 */
const workspace = marker =>
  busyboxWorkspace(env, [
    'RUN ["/bin/busybox", "--install", "-s", "/bin"]',
    `RUN echo ${marker} > /marker; i=0; while [ $i -lt 600000 ]; do i=$((i+1)); done; echo $i > /count`,
    'FROM scratch',
    'COPY --from=0 /bin/busybox /count /',
    'CMD ["/busybox", "cat", "/count"]'
  ])

/** One platform's job on a fresh runner: the builder emptied first (untimed), then the action, main and post. */
async function job(action, repository, platform, ws) {
  execFileSync('docker', ['buildx', 'prune', '-af'], { stdio: 'ignore' })
  const start = process.hrtime.bigint()
  const result = await runAction({
    action,
    inputs: { 'role-to-assume': 'arn:aws:iam::123456789012:role/bench', 'aws-region': 'us-east-1', repository, version: '1.0.0', platforms: platform, 'push-by-digest': 'true' },
    env: { ...env, DOCKER_CONFIG: dockerConfig },
    workspace: ws
  })
  if (result.exitCode !== 0) throw new Error(result.log)
  const step = /^#(\d+) \[[^\]]*\] RUN echo \S+ > \/marker/m.exec(result.log)?.[1]
  return { seconds: seconds(start), cached: step !== undefined && new RegExp(`^#${step} CACHED$`, 'm').test(result.log) }
}

for (const [side, action] of sides) {
  const times = Object.fromEntries(PLATFORMS.map(p => [p, { cold: [], warm: [], cached: 0 }]))
  for (let i = 0; i < rounds; i++) {
    const ws = workspace(`${Date.now()}-${i}`)
    const repository = `bench/platform-cache-${side}-${Date.now()}-${i}`
    const line = []
    for (const round of ['cold', 'warm']) {
      for (const platform of PLATFORMS) {
        const { seconds: s, cached } = await job(action, repository, platform, ws)
        times[platform][round].push(s)
        if (round === 'warm' && cached) times[platform].cached++
        line.push(`${platform} ${round} ${s.toFixed(1)} s${round === 'warm' ? (cached ? ' (cached)' : ' (not cached)') : ''}`)
      }
    }
    console.log(`${side} ${i + 1}: ${line.join(', ')}`)
  }
  for (const platform of PLATFORMS) {
    const { cold, warm, cached } = times[platform]
    console.log(
      `${side} ${platform}: median round 1 ${median(cold).toFixed(1)} s, round 2 ${median(warm).toFixed(1)} s, ` +
        `round 2/round 1 ${((100 * median(warm)) / median(cold)).toFixed(0)}%; the expensive step cached in ${cached} of ${rounds} second rounds`
    )
  }
}
