// Cold build vs warm rebuild from the ECR registry cache on an emptied builder, for an image
// with an expensive RUN step (arm64 under QEMU), on the local stack. Runs alternately, several
// times, and prints medians and the ratio. Usage: node bench/cache.mjs [rounds]
import { execFileSync } from 'node:child_process'
import { runAction } from '../scripts/local-runner.mjs'
import { busyboxWorkspace, median, seconds, tempDir, upStack } from './stack.mjs'

const rounds = Number(process.argv[2] ?? 3)
const env = upStack()
const dockerConfig = tempDir('bench-docker-')

/** The expensive image: a RUN step of 600,000 shell loop iterations (arm64 under QEMU). */
const workspace = marker =>
  busyboxWorkspace(env, [
    'RUN ["/bin/busybox", "--install", "-s", "/bin"]',
    `RUN echo ${marker} > /marker; i=0; while [ $i -lt 600000 ]; do i=$((i+1)); done; echo $i > /count`,
    'CMD ["/bin/cat", "/count"]'
  ])

async function timed(inputs, ws) {
  const start = process.hrtime.bigint()
  const result = await runAction({
    inputs: { 'role-to-assume': 'arn:aws:iam::123456789012:role/bench', 'aws-region': 'us-east-1', ...inputs },
    env: { ...env, DOCKER_CONFIG: dockerConfig },
    workspace: ws
  })
  if (result.exitCode !== 0) throw new Error(result.log)
  return seconds(start)
}

const cold = []
const warm = []
for (let i = 0; i < rounds; i++) {
  const ws = workspace(`${Date.now()}-${i}`)
  const repository = `bench/cache-${Date.now()}-${i}`
  execFileSync('docker', ['buildx', 'prune', '-af'], { stdio: 'ignore' })
  cold.push(await timed({ repository, version: 'cold' }, ws))
  execFileSync('docker', ['buildx', 'prune', '-af'], { stdio: 'ignore' })
  warm.push(await timed({ repository, version: 'warm' }, ws))
  console.log(`round ${i + 1}: cold ${cold.at(-1).toFixed(1)} s, warm ${warm.at(-1).toFixed(1)} s`)
}
console.log(`median cold ${median(cold).toFixed(1)} s, median warm ${median(warm).toFixed(1)} s, warm/cold ${((100 * median(warm)) / median(cold)).toFixed(0)}%`)
