// Bundles of the action, alternately, on one converged repository (main + post, a new
// version each run, the same small two-platform image): what a change to the action did to
// a run, measured on the same machine in the same minutes. Usage:
//   git worktree add /tmp/before <rev> && node bench/compare.mjs 9 /tmp/before [/tmp/other …]
// (the last side is this checkout's dist/). With AWS_LATENCY_MS=60 in the environment, every
// AWS call is answered that much later (the stack's delay fault), as from a runner to AWS;
// with REGISTRY_LATENCY_MS=30, every registry request (buildx's too) is.
import { execFileSync } from 'node:child_process'
import { runAction, ROOT } from '../scripts/local-runner.mjs'
import { busyboxWorkspace, median, seconds, tempDir, upStack } from './stack.mjs'

const rounds = Number(process.argv[2] ?? 9)
const others = process.argv.slice(3)
if (others.length === 0) throw new Error('usage: node bench/compare.mjs ROUNDS CHECKOUT-WITH-DIST [CHECKOUT-WITH-DIST …]')
const env = upStack()
const ws = busyboxWorkspace(env)
const dockerConfig = tempDir('bench-docker-')
const repository = `bench/compare-${Date.now()}`
const sides = [...others.map((dir, i) => [others.length === 1 ? 'before' : `before${i + 1}`, dir]), ['after', ROOT]]

async function run(action, version) {
  const start = process.hrtime.bigint()
  const result = await runAction({
    action,
    inputs: { 'role-to-assume': 'arn:aws:iam::123456789012:role/bench', 'aws-region': 'us-east-1', repository, version },
    env: { ...env, DOCKER_CONFIG: dockerConfig, GITHUB_SHA: version.padStart(40, '0').slice(-40) },
    workspace: ws
  })
  if (result.exitCode !== 0 || result.post?.exitCode !== 0) throw new Error(result.log)
  return seconds(start)
}

const latency = Number(process.env.AWS_LATENCY_MS ?? 0)
async function control(route, body) {
  await fetch(`${env.STACK_CONTROL_URL}${route}`, { method: 'POST', ...(body ? { body: JSON.stringify(body) } : {}) })
}
const registryLatency = Number(process.env.REGISTRY_LATENCY_MS ?? 0)
if (latency > 0) await control('/faults', { operation: '*', kind: 'delay', ms: latency, count: 1e6 })
if (registryLatency > 0) await control('/registry-delays', { method: '*', reference: '*', ms: registryLatency, count: 1e6 })

// Warm both: the repository converged, the build cache full.
for (const [name, dir] of sides) await run(dir, `warm-${name}`)
const times = sides.map(() => [])
for (let i = 0; i < rounds; i++) {
  // The docker driver keeps every image it builds; pruned between rounds, untimed (bench/overhead.mjs).
  execFileSync('docker', ['image', 'prune', '-af'], { stdio: 'ignore' })
  for (const [s, [name, dir]] of sides.entries()) times[s].push(await run(dir, `${name}-${i}`))
}
for (const [s, [name, dir]] of sides.entries()) {
  console.log(`${name.padEnd(7)} ${dir}: median ${median(times[s]).toFixed(2)} s (${times[s].map(t => t.toFixed(2)).join(' ')})`)
}
const after = median(times.at(-1))
for (const [s, [name]] of sides.slice(0, -1).entries()) console.log(`after − ${name}: ${(after - median(times[s])).toFixed(2)} s`)
if (latency > 0 || registryLatency > 0) await control('/faults/reset')
