import { runAction } from '../scripts/local-runner.mjs'
import { busyboxWorkspace, tempDir, upStack } from './stack.mjs'
const env = upStack()
const ws = busyboxWorkspace(env)
const dockerConfig = tempDir('bench-docker-')
const repository = `bench/trace-${Date.now()}`
const inputs = { 'role-to-assume': 'arn:aws:iam::123456789012:role/bench', 'aws-region': 'us-east-1', repository }
const extra = JSON.parse(process.argv[2] ?? '{}')
for (let i = 0; i < 3; i++) {
  const t0 = Date.now()
  let buf = ''
  const lines = []
  const r = await runAction({ inputs: { ...inputs, version: `v-${i}`, ...extra }, env: { ...env, DOCKER_CONFIG: dockerConfig, GITHUB_SHA: `${i}`.padStart(40, 'a'), RUNNER_DEBUG: '1' }, workspace: ws, action: process.env.TRACE_ACTION, node: process.env.TRACE_NODE,
    echo: d => { buf += d; let k; while ((k = buf.indexOf('\n')) >= 0) { lines.push(`${String(Date.now() - t0).padStart(5)} ${buf.slice(0, k).slice(0, 200)}`); buf = buf.slice(k + 1) } } })
  if (i === 2) console.log(lines.join('\n'))
  console.log('exit', r.exitCode, 'total', Date.now() - t0)
}
