// A build whose RUN step fails (printing every word a registry fault would say), on the
// local stack: how long the action (main + post) takes to fail, against a bare failing
// `docker buildx build --push` of the same context. Alternates them and prints medians.
// Usage: node bench/failed-build.mjs [rounds] [folder of another bundle's dist/, timed once]
import { execFileSync } from 'node:child_process'
import { runAction } from '../scripts/local-runner.mjs'
import { busyboxWorkspace, median, seconds, tempDir, upStack } from './stack.mjs'

const rounds = Number(process.argv[2] ?? 5)
const other = process.argv[3]
const env = upStack()
const registry = env.ECR_REGISTRY
const repository = `bench/failed-${Date.now()}`
const says = [
  'npm ERR! network: upstream answered HTTP 503',
  'connection reset by peer',
  'unexpected EOF',
  'read tcp 10.0.0.2:443: i/o timeout',
  `failed to push ${registry}/${repository}:1: 503 Service Unavailable`
]
const ws = busyboxWorkspace(env, ['RUN ["/bin/busybox", "--install", "-s", "/bin"]', `RUN ${says.map(s => `echo '${s}'`).join('; ')}; exit 3`])
const dockerConfig = tempDir('bench-docker-')
const rawConfig = tempDir('bench-docker-raw-')
execFileSync('docker', ['login', '-u', 'AWS', '--password-stdin', registry], {
  input: '123456789012-auth-token',
  env: { ...process.env, DOCKER_CONFIG: rawConfig },
  stdio: ['pipe', 'ignore', 'ignore']
})

async function action(version, bundle) {
  const start = process.hrtime.bigint()
  const r = await runAction({
    inputs: { 'role-to-assume': 'arn:aws:iam::123456789012:role/bench', 'aws-region': 'us-east-1', repository, version },
    env: { ...env, DOCKER_CONFIG: dockerConfig },
    workspace: ws,
    ...(bundle ? { action: bundle } : {})
  })
  if (r.exitCode !== 1 || !/exit code: 3/.test(r.log)) throw new Error(`expected the build step's failure:\n${r.log}`)
  return { total: seconds(start), main: r.seconds, builds: (r.log.match(/\[command\]\S*docker buildx build /g) ?? []).length }
}

function bare(version) {
  const start = process.hrtime.bigint()
  try {
    execFileSync('docker', ['buildx', 'build', '--platform', 'linux/amd64,linux/arm64', '--provenance=false', '--tag', `${registry}/${repository}:${version}`, '--push', ws], {
      env: { ...process.env, DOCKER_CONFIG: rawConfig },
      stdio: 'ignore'
    })
  } catch {
    return seconds(start)
  }
  throw new Error('the bare build did not fail')
}

await action('warmup') // the repository exists from here on
const a = []
const b = []
const main = []
for (let i = 0; i < rounds; i++) {
  a.push(bare(`bare-${i}`))
  const run = await action(`v${i}`)
  if (run.builds !== 1) throw new Error(`the action ran buildx ${run.builds} times`)
  b.push(run.total)
  main.push(run.main)
}
const f = x => `${x.toFixed(2)} s`
console.log(`a. bare failing buildx build --push: median ${f(median(a))} (${a.map(f).join(', ')})`)
console.log(`b. the action, main + post:          median ${f(median(b))} (${b.map(f).join(', ')}); main ${f(median(main))}`)
console.log(`b − a: ${f(median(b) - median(a))}; one buildx run per action run`)
if (other) {
  const run = await action('other', other)
  console.log(`c. ${other}, once: ${f(run.total)}, ${run.builds} buildx runs`)
}
