// What the action adds to the build itself, on the local stack (issue: speed).
//   a. the same build by hand: the action's own buildx command (the version tag, labels,
//      registry cache), run as `docker buildx build`, credentials in place
//      a+. the same with latest as a second --tag: the action's whole result, by hand
//      a+p. a+ with buildx's own provenance (its default, mode=min): the result with provenance, by hand
//      a0. the bare build: no labels, no registry cache (the same image every round: a push
//          with nothing new), and a0+labels, the bare build with the action's labels
//   b. the action (main + post) on a converged repository, same build (a new version each time)
//   c. a re-run of an already-pushed commit (if-version-exists: skip)
//   e. bundle cold start: `node dist/main/index.js` up to the first input error
//   f. AWS calls per converged run, and how many of them write
// Alternates them several times and prints medians. Usage: node bench/overhead.mjs [rounds]
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { NODE24, ROOT, runAction } from '../scripts/local-runner.mjs'
import { busyboxWorkspace, median, seconds, tempDir, upStack } from './stack.mjs'

const rounds = Number(process.argv[2] ?? 5)
const env = upStack()
const dockerConfig = tempDir('bench-docker-')
// The raw build keeps its own login: the action's post step logs its config out.
const rawConfig = tempDir('bench-docker-raw-')
const ws = busyboxWorkspace(env)
const metadataDir = tempDir('bench-metadata-')

const repository = `bench/overhead-${Date.now()}`
const registry = env.ECR_REGISTRY
const inputs = { 'role-to-assume': 'arn:aws:iam::123456789012:role/bench', 'aws-region': 'us-east-1', repository }
const jobEnv = { ...env, DOCKER_CONFIG: dockerConfig }

async function action(version, sha, extra = {}) {
  const start = process.hrtime.bigint()
  const r = await runAction({ inputs: { ...inputs, version, ...extra }, env: { ...jobEnv, GITHUB_SHA: sha }, workspace: ws })
  if (r.exitCode !== 0) throw new Error(r.log)
  return { s: seconds(start), r }
}

/**
 * The build by hand. With `sha`, it carries the OCI labels the action adds (version,
 * revision, created, source): the same image the action pushes, so a new config and
 * manifests each round, as any new commit has.
 */
function raw(version, sha) {
  const start = process.hrtime.bigint()
  const labels = sha
    ? [
        `org.opencontainers.image.version=${version}`,
        `org.opencontainers.image.created=${new Date().toISOString()}`,
        `org.opencontainers.image.revision=${sha}`,
        'org.opencontainers.image.source=https://github.com/acme/web'
      ].flatMap(l => ['--label', l])
    : []
  execFileSync('docker', ['buildx', 'build', '--platform', 'linux/amd64,linux/arm64', '--provenance=false', ...labels, '--tag', `${registry}/${repository}:${version}`, '--push', ws], {
    env: { ...process.env, DOCKER_CONFIG: rawConfig },
    stdio: 'ignore'
  })
  return seconds(start)
}

// e first, while no build has left the daemons busy.
const e = []
for (let i = 0; i < 10; i++) {
  const start = process.hrtime.bigint()
  try {
    execFileSync(NODE24, [path.join(ROOT, 'dist/main/index.js')], {
      env: { PATH: process.env.PATH, INPUT_REPOSITORY: 'Bad Name', AWS_REGION: 'us-east-1', GITHUB_STATE: '/dev/null', GITHUB_OUTPUT: '/dev/null' },
      stdio: 'ignore'
    })
  } catch {
    // The input error is the point: it exits 1.
  }
  e.push(seconds(start))
}

// Warm everything: the repository exists and is converged, the build cache is warm.
await action('warmup', 'f'.repeat(40))
execFileSync('docker', ['login', '-u', 'AWS', '--password-stdin', registry], {
  input: '123456789012-auth-token',
  env: { ...process.env, DOCKER_CONFIG: rawConfig },
  stdio: ['pipe', 'ignore', 'ignore']
})

/**
 * The action's own buildx command, run by hand: the argv the action printed, with a fresh
 * version tag, a fresh created label and a metadata file of its own. The same build — tags,
 * labels, registry cache — without the action around it.
 */
function replay(log, version, latest = false, provenance = false) {
  // The action runs `docker buildx build …` (older bundles ran the plugin standalone, `…/docker-buildx build …`).
  const line = /\[command\]\S*docker(?: |-)buildx (build .*)/.exec(log)?.[1]
  if (!line) throw new Error('no buildx command in the log')
  const args = ['buildx', ...line.split(' ')].map(a =>
    a
      .replace(/^(.*:)v-\d+$/, `$1${version}`)
      .replace(/^org\.opencontainers\.image\.version=.*/, `org.opencontainers.image.version=${version}`)
      .replace(/^org\.opencontainers\.image\.created=.*/, `org.opencontainers.image.created=${new Date().toISOString()}`)
  )
  // The action removes its metadata folder when the build ends: the replay writes its own.
  args[args.indexOf('--metadata-file') + 1] = path.join(metadataDir, `metadata-${version}.json`)
  if (latest) args.splice(args.indexOf('--tag'), 0, '--tag', `${registry}/${repository}:latest`)
  // buildx's own provenance (its default, mode=min) in place of the action's: the same result by hand.
  if (provenance) args.splice(args.indexOf('--provenance=false'), 1)
  const start = process.hrtime.bigint()
  execFileSync('docker', args, { env: { ...process.env, DOCKER_CONFIG: rawConfig }, stdio: 'ignore' })
  return seconds(start)
}

const a = [],
  aLabelled = [],
  aSame = [],
  aResult = [],
  aProvenance = [],
  b = [],
  bNoCache = [],
  c = []
let lastB
for (let i = 0; i < rounds; i++) {
  // The docker driver keeps every image it builds: some dozens of them slow containerd
  // down, and a runner starts with few. Pruned between rounds, untimed.
  execFileSync('docker', ['image', 'prune', '-af'], { stdio: 'ignore' })
  const sha = `${i}`.padStart(40, 'a')
  a.push(raw(`raw-${i}`))
  aLabelled.push(raw(`raw-labelled-${i}`, `${i}`.padStart(40, 'd')))
  const runB = await action(`v-${i}`, sha)
  b.push(runB.s)
  lastB = runB.r
  c.push((await action(`v-${i}`, sha, { 'if-version-exists': 'skip' })).s)
  // After c: the replay moves latest, which c would otherwise have to move back.
  aSame.push(replay(runB.r.log, `same-${i}`))
  aResult.push(replay(runB.r.log, `result-${i}`, true))
  aProvenance.push(replay(runB.r.log, `provenance-${i}`, true, true))
  bNoCache.push((await action(`n-${i}`, sha.replace(/^./, 'b'), { cache: 'none' })).s)
}
await fetch(`${env.STACK_CONTROL_URL}/calls/reset`, { method: 'POST' })
await action('counted', 'c'.repeat(40))
const calls = await (await fetch(`${env.STACK_CONTROL_URL}/calls`)).json()
const writes = calls.filter(x => /^(Create|Put|Delete|Set|Tag|Untag|Batch(Delete|Put)|Start|Update)/.test(x.operation))

const f = x => `${x.toFixed(2)} s`
const d = (x, y) => f(median(x) - median(y))
console.log(`a. the same build by hand:          median ${f(median(aSame))}  (the action's buildx command — version tag, labels, registry cache — as \`docker buildx build\`, logged in already)`)
console.log(`   a+. the same, latest a 2nd --tag:  median ${f(median(aResult))}  (the action's whole result, by hand)`)
console.log(
  `   a+p. the same with buildx's provenance: median ${f(median(aProvenance))}  (latest a 2nd --tag, buildx's default provenance (mode=min) instead of --provenance=false: the action's result, provenance included, by hand)`
)
console.log(`   a0. the bare build:               median ${f(median(a))}  (no labels, no registry cache: the same image every round, a push with nothing new)`)
console.log(`   a0+labels:                        median ${f(median(aLabelled))}  (the bare build with the action's labels: a new image every round, no cache)`)
const r = (x, y) => `${(median(x) / median(y)).toFixed(2)}×`
console.log(
  `b. the action, converged:          median ${f(median(b))}  (b − a = ${d(b, aSame)}, b/a = ${r(b, aSame)}; b − a+ = ${d(b, aResult)}; b − a+p = ${d(b, aProvenance)}; b − a0 = ${d(b, a)}, b/a0 = ${r(b, a)}; b − a0+labels = ${d(b, aLabelled)})`
)
console.log(`b'. the action, cache: none:        median ${f(median(bNoCache))}  (b' − a0+labels = ${d(bNoCache, aLabelled)}: the same build without a cache; b' − a0 = ${d(bNoCache, a)})`)
console.log(`   stages of the last b run:        ${/<th align="left">Time<\/th><td>([^<]*)</.exec(lastB.summary)?.[1] ?? '?'}`)
console.log(`   main step ${f(lastB.seconds ?? NaN)}, post step ${f(lastB.post?.seconds ?? NaN)}`)
console.log(`c. re-run of a pushed commit:      median ${f(median(c))}`)
console.log(`e. bundle cold start (Node 24):    median ${f(median(e))}`)
console.log(`f. AWS calls, converged run:       ${calls.length} (${calls.map(x => x.operation).join(', ')}), writes: ${writes.length}`)
