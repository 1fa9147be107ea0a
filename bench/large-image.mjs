// Images of real size: the action's push against buildx's own push of the same image, in
// the same run, on the local stack (linux/amd64, docker driver with the containerd image
// store; the build cache warm, so the figures are export + push).
//   buildx      `docker buildx build --push` of the image the action builds (its labels),
//               no registry cache: what a user would type by hand
//   buildx+cache  the same with the registry cache the action uses by default (`mode=min`
//               for this single-stage Dockerfile, image-manifest, OCI media types): what the
//               cache itself costs, apart from the action
//   action      the action (main + post), tagged push with its defaults (registry cache on)
//   by digest   the action with `push-by-digest: true`
// Each is measured cold (an empty repository) and incremental (a new app layer on the same
// base, pushed to the repository that has the base), alternated round by round; medians.
// The image: a few large layers and many small ones of random (incompressible) content, one
// small app layer that changes. Also: the peak RSS of the action's node process.
// Usage: node bench/large-image.mjs [rounds=3] [size in MiB=1024] [checkout-with-dist …]
import { execFileSync } from 'node:child_process'
import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { CreateRepositoryCommand, ECRClient } from '@aws-sdk/client-ecr'
import path from 'node:path'
import { NODE24, ROOT, runAction } from '../scripts/local-runner.mjs'
import { median, seconds, tempDir, upStack } from './stack.mjs'

const rounds = Number(process.argv[2] ?? 3)
const totalMiB = Number(process.argv[3] ?? 1024)
const sides = [...process.argv.slice(4).map(dir => [`action@${path.basename(dir)}`, dir]), ['action', ROOT]]
const env = upStack()
const registry = env.ECR_REGISTRY
const PLATFORM = 'linux/amd64'

/** A file of `mib` MiB of random bytes. */
function randomFile(file, mib) {
  const fd = openSync(file, 'w')
  for (let i = 0; i < mib; i++) writeSync(fd, randomBytes(1 << 20))
  closeSync(fd)
}

/** The build context: 4 large layers (7/8 of the size), 16 small ones, and an 8 MiB app layer that `app()` replaces. */
function workspace() {
  const dir = tempDir('bench-large-')
  const big = Math.max(1, Math.round((totalMiB * 7) / 8 / 4))
  const small = Math.max(1, Math.round(totalMiB / 8 / 16))
  const lines = ['FROM scratch']
  for (let i = 1; i <= 4; i++) {
    randomFile(path.join(dir, `big-${i}.bin`), big)
    lines.push(`COPY big-${i}.bin /data/`)
  }
  for (let i = 1; i <= 16; i++) {
    randomFile(path.join(dir, `small-${i}.bin`), small)
    lines.push(`COPY small-${i}.bin /lib/`)
  }
  lines.push('COPY app.bin /app/', 'CMD ["/app/app.bin"]')
  writeFileSync(path.join(dir, 'Dockerfile'), `${lines.join('\n')}\n`)
  console.log(`image: 4 × ${big} MiB + 16 × ${small} MiB + 8 MiB app layer = ${4 * big + 16 * small + 8} MiB`)
  return dir
}

/** A new app layer (a new commit's build), then the build cache warmed with it, untimed. */
function app(ws) {
  randomFile(path.join(ws, 'app.bin'), 8)
  execFileSync('docker', ['buildx', 'build', '--platform', PLATFORM, '--provenance=false', ws], { stdio: 'ignore' })
}

const ecr = new ECRClient({ region: 'us-east-1', endpoint: env.AWS_ENDPOINT_URL, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } })
const createRepository = name => ecr.send(new CreateRepositoryCommand({ repositoryName: name }))

/** The labels the action puts on the image (bench/overhead.mjs does the same). */
const labels = (version, sha) =>
  [
    `org.opencontainers.image.version=${version}`,
    `org.opencontainers.image.created=${new Date().toISOString()}`,
    `org.opencontainers.image.revision=${sha}`,
    'org.opencontainers.image.source=https://github.com/acme/web'
  ].flatMap(l => ['--label', l])

const rawConfig = tempDir('bench-docker-raw-')
writeFileSync(path.join(rawConfig, 'config.json'), JSON.stringify({ auths: { [registry]: { auth: Buffer.from('AWS:123456789012-auth-token').toString('base64') } } }))

function buildx(ws, repository, version, sha, cache = false) {
  const ref = `type=registry,ref=${registry}/${repository}:buildcache`
  const cacheArgs = cache ? ['--cache-from', ref, '--cache-to', `${ref},mode=min,image-manifest=true,oci-mediatypes=true`] : []
  const start = process.hrtime.bigint()
  execFileSync('docker', ['buildx', 'build', '--platform', PLATFORM, '--provenance=false', ...labels(version, sha), ...cacheArgs, '--tag', `${registry}/${repository}:${version}`, '--push', ws], {
    env: { ...process.env, DOCKER_CONFIG: rawConfig },
    stdio: 'ignore'
  })
  return { s: seconds(start) }
}

/** The action's node process under /usr/bin/time, for its peak RSS. */
const timedNode = (() => {
  const dir = tempDir('bench-node-')
  const wrapper = path.join(dir, 'node')
  writeFileSync(wrapper, `#!/bin/bash\nexec /usr/bin/time -a -o "$BENCH_RSS_FILE" -f %M ${NODE24} "$@"\n`, { mode: 0o755 })
  return wrapper
})()

/**
 * Each side keeps one docker config across its runs, as the raw build does: buildx keys its
 * copy of the build context by an id kept there, so a new config each run would send the
 * whole context again and measure that instead of the push.
 */
const configs = new Map()
const configFor = side => configs.get(side) ?? configs.set(side, tempDir('bench-docker-')).get(side)

async function action(checkout, ws, repository, version, sha, extra = {}) {
  const rssFile = path.join(tempDir('bench-rss-'), 'rss')
  writeFileSync(rssFile, '')
  const start = process.hrtime.bigint()
  const r = await runAction({
    action: checkout,
    node: timedNode,
    inputs: { 'role-to-assume': 'arn:aws:iam::123456789012:role/bench', 'aws-region': 'us-east-1', repository, version, platforms: PLATFORM, ...extra },
    env: { ...env, GITHUB_SHA: sha, DOCKER_CONFIG: configFor(`${checkout} ${JSON.stringify(extra)}`), BENCH_RSS_FILE: rssFile },
    workspace: ws
  })
  const s = seconds(start)
  if (r.exitCode !== 0) throw new Error(r.log)
  // The side must be what it says: a by-digest run pushes no tag.
  if ((extra['push-by-digest'] === 'true') !== !/--tag /.test(r.log.split('\n').find(l => l.startsWith('[command]docker buildx build')) ?? '')) {
    throw new Error(`${repository}: the run's buildx command doesn't match push-by-digest=${extra['push-by-digest'] ?? 'false'}`)
  }
  if (process.env.BENCH_LOG_DIR) writeFileSync(path.join(process.env.BENCH_LOG_DIR, `${repository.replace(/\//g, '_')}-${version}.log`), `${r.log}\n${r.summary}`)
  const rssKiB = Math.max(...readFileSync(rssFile, 'utf8').trim().split('\n').map(Number))
  // What buildx sent of the build context, as it states it: a measure of the push only when small.
  const context = /transferring context: (\S+) (\S+) done/.exec(r.log)
  return { s, rssMiB: rssKiB / 1024, context: context ? `${context[1]} in ${context[2]}` : '?' }
}

const ws = workspace()
// Every side's docker config has sent the context once, and the layers are compressed in the
// image store, before anything is timed: whoever went first would pay for both otherwise.
app(ws)
for (const config of [rawConfig, ...sides.flatMap(([, checkout]) => [configFor(`${checkout} {}`), configFor(`${checkout} {"push-by-digest":"true"}`)])]) {
  execFileSync('docker', ['buildx', 'build', '--platform', PLATFORM, '--provenance=false', ws], { stdio: 'ignore', env: { ...process.env, DOCKER_CONFIG: config } })
}
const kinds = [
  ['buildx', (_c, repo, v, sha) => buildx(ws, repo, v, sha)],
  ['buildx+cache', (_c, repo, v, sha) => buildx(ws, repo, v, sha, true)]
]
for (const [side, checkout] of sides) {
  kinds.push([side, (_c, repo, v, sha) => action(checkout, ws, repo, v, sha)])
  kinds.push([`${side} by digest`, (_c, repo, v, sha) => action(checkout, ws, repo, v, sha, { 'push-by-digest': 'true' })])
}
const times = Object.fromEntries(kinds.map(([k]) => [k, { cold: [], incremental: [], rss: [] }]))
const stamp = Date.now()
for (let round = 0; round < rounds; round++) {
  // Alternate who goes first, so neither always meets a warmer daemon.
  const order = round % 2 === 0 ? kinds : [...kinds].reverse()
  for (const [kind, run] of order) {
    const repository = `bench/large-${stamp}-${round}-${kind.replace(/[^a-z0-9]+/g, '-')}`
    if (kind.startsWith('buildx')) await createRepository(repository)
    app(ws)
    const cold = await run(kind, repository, '1.0.0', `${round}`.padStart(40, 'a'))
    app(ws)
    const incremental = await run(kind, repository, '1.0.1', `${round}`.padStart(40, 'b'))
    times[kind].cold.push(cold.s)
    times[kind].incremental.push(incremental.s)
    for (const r of [cold, incremental]) if (r.rssMiB !== undefined) times[kind].rss.push(r.rssMiB)
    const sent = r => (r.context ? ` (context ${r.context})` : '')
    console.log(`round ${round + 1} ${kind}: cold ${cold.s.toFixed(1)} s${sent(cold)}, incremental ${incremental.s.toFixed(1)} s${sent(incremental)}`)
  }
}

const base = times.buildx
console.log(`\n| push (${PLATFORM}, ${totalMiB} MiB, medians of ${rounds}) | ${kinds.map(([k]) => k).join(' | ')} |`)
console.log(`|---|${kinds.map(() => '---').join('|')}|`)
for (const when of ['cold', 'incremental']) {
  const cells = kinds.map(([k]) => {
    const m = median(times[k][when])
    return k === 'buildx' ? `${m.toFixed(1)} s` : `${m.toFixed(1)} s (${(m / median(base[when])).toFixed(2)}x)`
  })
  console.log(`| ${when} | ${cells.join(' | ')} |`)
}
console.log(
  `| peak RSS of the action's node process | — | — | ${kinds
    .slice(2)
    .map(([k]) => `${Math.max(...times[k].rss).toFixed(0)} MiB`)
    .join(' | ')} |`
)
// The action against the same push with the same registry cache by hand: what the action itself adds.
const cached = times['buildx+cache']
for (const when of ['cold', 'incremental']) {
  const cells = kinds.slice(2).map(([k]) => `${k} ${(median(times[k][when]) / median(cached[when])).toFixed(2)}x (+${(median(times[k][when]) - median(cached[when])).toFixed(1)} s)`)
  console.log(`${when}, against buildx+cache: ${cells.join(', ')}`)
}
