// Cold build vs warm rebuild from the ECR registry cache on an emptied builder, for an image
// with an expensive RUN step (arm64 under QEMU), on the local stack. Runs alternately, several
// times, and prints medians and the ratio. Usage: node bench/cache.mjs [rounds]
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ROOT, runAction } from '../scripts/local-runner.mjs'

const rounds = Number(process.argv[2] ?? 3)
execFileSync('bash', [path.join(ROOT, 'scripts/local-stack.sh'), 'up'], { stdio: 'inherit' })
const env = Object.fromEntries(
  execFileSync('bash', [path.join(ROOT, 'scripts/local-stack.sh'), 'env'], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map(l => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)])
)
const dockerConfig = mkdtempSync(path.join(os.tmpdir(), 'bench-docker-'))

function workspace(marker) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-ws-'))
  for (const arch of ['amd64', 'arm64']) copyFileSync(path.join(env.STACK_BUSYBOX_DIR, arch, 'busybox'), path.join(dir, `busybox-${arch}`))
  writeFileSync(
    path.join(dir, 'Dockerfile'),
    [
      'FROM scratch',
      'ARG TARGETARCH',
      'COPY busybox-${TARGETARCH} /bin/busybox',
      'RUN ["/bin/busybox", "--install", "-s", "/bin"]',
      `RUN echo ${marker} > /marker; i=0; while [ $i -lt 600000 ]; do i=$((i+1)); done; echo $i > /count`,
      'CMD ["/bin/cat", "/count"]',
      ''
    ].join('\n')
  )
  return dir
}

async function timed(inputs, ws) {
  const start = process.hrtime.bigint()
  const result = await runAction({
    inputs: { 'role-to-assume': 'arn:aws:iam::123456789012:role/bench', 'aws-region': 'us-east-1', ...inputs },
    env: { ...env, DOCKER_CONFIG: dockerConfig },
    workspace: ws
  })
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  if (result.exitCode !== 0) throw new Error(result.log)
  return seconds
}

const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
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
console.log(
  `median cold ${median(cold).toFixed(1)} s, median warm ${median(warm).toFixed(1)} s, warm/cold ${((100 * median(warm)) / median(cold)).toFixed(0)}%`
)
