/**
 * The bundled action on the local stack with a builder of the workflow's choosing (a second
 * Docker engine reached through a docker context), a registry cache per platform for
 * push-by-digest jobs, and build secrets and build arguments that never reach a command
 * line, the log or the image.
 */
import { createHash, randomBytes } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import https from 'node:https'
import os from 'node:os'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { jest } from '@jest/globals'
import { DescribeRepositoriesCommand, GetLifecyclePolicyCommand } from '@aws-sdk/client-ecr'
import { errorLine, runAction, visibleLog, type RunResult } from '../../scripts/local-runner.mjs'
import {
  awsCalls,
  buildHistory,
  ecr,
  engine2Builds,
  ENGINE2_CONTEXT,
  env,
  jobEnv,
  makeWorkspace,
  PASSWORD,
  recordingDocker,
  REGISTRY,
  registryGet,
  registryManifest,
  registryTags,
  resetCalls,
  resetStack,
  ROLE,
  runImage,
  startEngine2,
  stopEngine2
} from './stack.js'

// Real builds, arm64 ones under QEMU, on two engines.
jest.setTimeout(15 * 60 * 1000)

const ship = (inputs: Record<string, string>, workspace: string, extra: Record<string, string | undefined> = {}): Promise<RunResult> =>
  runAction({ inputs: { 'role-to-assume': ROLE, 'aws-region': 'us-east-1', ...inputs }, env: jobEnv(extra), workspace, post: true })

function expectSuccess(result: RunResult): void {
  if (result.exitCode !== 0) throw new Error(`the action failed:\n${result.log}`)
  expect(result.post?.exitCode).toBe(0)
}

/** The log lines @actions/exec printed for the docker commands it started. */
const commandLines = (log: string): string[] => log.split('\n').filter(l => l.startsWith('[command]'))

beforeAll(() => resetStack())

describe('builder: a second Docker engine, reached through a docker context', () => {
  // The job's docker config holds the context (contexts live there), and a shim records every docker argv.
  const rec = recordingDocker()
  const jobDocker = { PATH: rec.path, DOCKER_CONFIG: rec.configDir }

  beforeAll(() => {
    startEngine2(rec.configDir)
  })
  afterAll(() => {
    // It costs memory: the rest of the suite doesn't need it.
    stopEngine2()
  })

  test("a run with builder: stack-engine2 builds there; the job's current builder runs nothing; the image is pushed", async () => {
    const defaultBefore = (await buildHistory('default')).map(b => b.id)
    const engine2Before = (await engine2Builds()).map(b => b.id)
    const seen = rec.argv().split('\n').filter(Boolean).length
    const result = await ship({ repository: 'team/remote', version: '1.0.0', builder: ENGINE2_CONTEXT }, makeWorkspace('engine2'), jobDocker)
    expectSuccess(result)

    // buildx refuses --builder alone for another context's docker builder: it runs in that context.
    const build = commandLines(result.log).find(l => / buildx build /.test(l)) ?? ''
    process.stdout.write(`engine2 build command: ${build}\n`)
    expect(build).toMatch(new RegExp(`^\\[command\\]\\S*docker --context ${ENGINE2_CONTEXT} buildx build --builder ${ENGINE2_CONTEXT} --platform linux/amd64,linux/arm64 `))

    // buildx's metadata names the build; that engine's BuildKit has it, the default one doesn't.
    const ref = String((JSON.parse(result.outputs.metadata ?? '{}') as Record<string, unknown>)['buildx.build.ref'])
    const id = ref.split('/').pop() ?? ''
    const engine2After = (await engine2Builds()).map(b => b.id)
    const defaultAfter = (await buildHistory('default')).map(b => b.id)
    process.stdout.write(`buildx.build.ref ${ref}; engine2 builds ${engine2Before.length} → ${engine2After.length}; default builds ${defaultBefore.length} → ${defaultAfter.length}\n`)
    expect(ref).toMatch(new RegExp(`^${ENGINE2_CONTEXT}/`))
    expect(engine2After).toContain(id)
    expect(engine2After.filter(b => !engine2Before.includes(b))).toEqual([id])
    expect(defaultAfter).toEqual(defaultBefore)

    // Every docker command went to that builder: its check (whose labels name its engine's
    // containerd image store: no docker info), the build.
    const argv = rec.argv().split('\n').filter(Boolean).slice(seen)
    expect(argv.map(a => a.split(' --platform ')[0])).toEqual(
      expect.arrayContaining([`buildx inspect --bootstrap --builder ${ENGINE2_CONTEXT}`, `--context ${ENGINE2_CONTEXT} buildx build --builder ${ENGINE2_CONTEXT}`])
    )
    expect(argv).toHaveLength(2)

    const index = await registryManifest('team/remote', '1.0.0')
    expect(index.digest).toBe(result.outputs.digest)
    expect(index.manifests.map(m => `${m.platform?.os}/${m.platform?.architecture}`).sort()).toEqual(['linux/amd64', 'linux/arm64'])
    expect(runImage(`${REGISTRY}/team/remote@${index.digest}`, 'linux/arm64')).toBe('aarch64 engine2 built-on=aarch64')
    expect(result.summary).toContain(`<tr><th align="left">Builder</th><td>${ENGINE2_CONTEXT} (docker driver, run as docker --context ${ENGINE2_CONTEXT} buildx)</td></tr>`)
  })

  test('push-by-digest exports through it, and the merge (imagetools create) runs on it', async () => {
    const before = (await engine2Builds()).map(b => b.id)
    const ws = makeWorkspace('engine2-split')
    const job = await ship({ repository: 'team/remote-split', version: '2.0.0', platforms: 'linux/arm64', 'push-by-digest': 'true', builder: ENGINE2_CONTEXT }, ws, jobDocker)
    expectSuccess(job)
    // A first push by digest: the registry cache alone first (it sends the layers), then the layout, both there.
    const builds = commandLines(job.log).filter(l => / buildx build /.test(l))
    expect(builds).toHaveLength(2)
    for (const build of builds) expect(build).toContain(`docker --context ${ENGINE2_CONTEXT} buildx build --builder ${ENGINE2_CONTEXT} --platform linux/arm64 `)
    expect(builds[0]).toContain('--output type=cacheonly ')
    expect(builds[1]).toContain('--output type=oci,dest=')
    // The cache went with the first; the layout build doesn't export it again.
    expect(builds[1]).not.toContain('--cache-to')
    const id = String((JSON.parse(job.outputs.metadata ?? '{}') as Record<string, unknown>)['buildx.build.ref'])
      .split('/')
      .pop()
    const added = (await engine2Builds()).map(b => b.id).filter(b => !before.includes(b))
    expect(added).toHaveLength(2)
    expect(added).toContain(id)
    const digest = job.outputs.digest ?? ''
    expect((await registryGet(`/v2/team/remote-split/manifests/${digest}`)).status).toBe(200)

    const merge = await ship({ repository: 'team/remote-split', version: '2.0.0', 'merge-digests': digest, builder: ENGINE2_CONTEXT }, ws, jobDocker)
    expectSuccess(merge)
    const create = commandLines(merge.log).find(l => l.includes('imagetools create')) ?? ''
    process.stdout.write(`engine2 merge command: ${create}\n`)
    expect(create).toMatch(new RegExp(`^\\[command\\]\\S*docker --context ${ENGINE2_CONTEXT} buildx imagetools create --builder ${ENGINE2_CONTEXT} --tag `))
    expect((await registryManifest('team/remote-split', '2.0.0')).manifests.map(m => m.digest)).toEqual([digest])
  })

  test('a dry run shows the command a run would start, and builds nothing', async () => {
    const before = (await engine2Builds()).length
    const plan = await ship({ repository: 'team/remote', version: '9.0.0', builder: ENGINE2_CONTEXT, 'dry-run': 'true' }, makeWorkspace('engine2-plan'), jobDocker)
    expectSuccess(plan)
    expect(plan.log).toContain(`Build command: docker --context ${ENGINE2_CONTEXT} buildx build --builder ${ENGINE2_CONTEXT} --platform`)
    expect((await engine2Builds()).length).toBe(before)
  })

  test('a builder no earlier step created: one line before any AWS write', async () => {
    const result = await ship({ repository: 'team/nobuilder', version: '1.0.0', builder: 'nosuch' }, makeWorkspace('nobuilder'), jobDocker)
    expect(result.exitCode).toBe(1)
    expect(result.log).toContain(`::error::the builder 'nosuch' can't be used (ERROR: no builder "nosuch" found): create it in an earlier step`)
    await expect(ecr.send(new DescribeRepositoriesCommand({ repositoryNames: ['team/nobuilder'] }))).rejects.toMatchObject({ name: 'RepositoryNotFoundException' })
  })
})

/** The expensive step: a busy loop (several seconds for arm64 under QEMU). */
const LOOP = 'RUN i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done; echo $i > /count'
/** A job on a fresh runner: the job's builder holds no cache, only the registry does. */
const emptyBuilder = () => execFileSync('docker', ['buildx', 'prune', '-af'], { stdio: 'ignore', timeout: 120_000 })
/**
 * Whether the log's expensive step came from the cache: buildx prints `#N CACHED` for a step it did not run.
 * The first build judged: a first push by digest builds twice (its cache alone, then the layout).
 */
function loopStep(whole: string): { step: string; cached: boolean } {
  const log = whole
    .split(/^\[command\]\S*docker buildx build /m)
    .slice(0, 2)
    .join('')
  const step = /^#(\d+) \[[^\]]*\] RUN i=0; while/m.exec(log)?.[1] ?? ''
  expect(step).not.toBe('')
  return { step, cached: new RegExp(`^#${step} CACHED$`, 'm').test(log) }
}

describe('a registry cache per platform', () => {
  test("two rounds of per-platform push-by-digest jobs on emptied builders: in the second, each platform's expensive step comes from its own cache", async () => {
    const ws = makeWorkspace(`per-platform-${Date.now()}`, LOOP)
    const rounds: Record<string, RunResult>[] = []
    for (const round of [1, 2]) {
      const jobs: Record<string, RunResult> = {}
      // As the reusable workflow's matrix: amd64's job, then arm64's, each on a fresh runner.
      for (const arch of ['amd64', 'arm64']) {
        emptyBuilder()
        const job = await ship({ repository: 'team/per-platform', version: `${round}.0.0`, platforms: `linux/${arch}`, 'push-by-digest': 'true' }, ws)
        expectSuccess(job)
        expect(job.log).toContain(`--cache-to type=registry,ref=${REGISTRY}/team/per-platform:buildcache-linux-${arch},`)
        jobs[arch] = job
      }
      rounds.push(jobs)
    }
    for (const arch of ['amd64', 'arm64']) {
      const cold = loopStep(rounds[0]?.[arch]?.log ?? '')
      const warm = loopStep(rounds[1]?.[arch]?.log ?? '')
      process.stdout.write(`linux/${arch}: round 1 step #${cold.step} cached=${cold.cached}; round 2 step #${warm.step} cached=${warm.cached}\n`)
      expect(cold.cached).toBe(false)
      // With one shared tag, arm64's export (the last) would have replaced amd64's cache.
      expect(warm.cached).toBe(true)
    }
    expect(await registryTags('team/per-platform')).toEqual(['buildcache-linux-amd64', 'buildcache-linux-arm64'])

    // One wildcard keeps them all mutable (round 2 rewrote both) and the default policy protects them.
    const repo = (await ecr.send(new DescribeRepositoriesCommand({ repositoryNames: ['team/per-platform'] }))).repositories?.[0]
    expect(repo?.imageTagMutabilityExclusionFilters?.map(f => f.filter)).toEqual(['latest', 'sha256-*', 'buildcache*'])
    const policy = JSON.parse((await ecr.send(new GetLifecyclePolicyCommand({ repositoryName: 'team/per-platform' }))).lifecyclePolicyText ?? '{}') as {
      rules: { selection: { tagPatternList?: string[] } }[]
    }
    expect(policy.rules.map(r => r.selection.tagPatternList)).toContainEqual(['buildcache*'])
    expect(rounds[1]?.arm64?.summary).toContain(`<th align="left">Cache</th><td>ecr (${REGISTRY}/team/per-platform:buildcache-linux-arm64)</td>`)
  })
})

describe('a registry cache per ref', () => {
  test("a branch build reads the default branch's cache and its own, writes only its own; the default branch's cache is untouched", async () => {
    const ws = makeWorkspace(`per-ref-${Date.now()}`, LOOP)
    emptyBuilder()
    const main = await ship({ repository: 'team/per-ref', version: '1.0.0', platforms: 'linux/amd64' }, ws)
    expectSuccess(main)
    expect(main.log).toContain(`--cache-to type=registry,ref=${REGISTRY}/team/per-ref:buildcache,`)
    const defaultCache = (await registryManifest('team/per-ref', 'buildcache')).digest

    // A push to feature-x of a repository whose default branch is main, on a fresh runner.
    emptyBuilder()
    const event = path.join(mkdtempSync(path.join(os.tmpdir(), 'event-')), 'event.json')
    writeFileSync(event, JSON.stringify({ ref: 'refs/heads/feature-x', repository: { full_name: 'acme/web', default_branch: 'main' } }))
    const branch = await ship({ repository: 'team/per-ref', version: 'feature-x-1', latest: 'false', platforms: 'linux/amd64' }, ws, {
      GITHUB_REF: 'refs/heads/feature-x',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: event
    })
    expectSuccess(branch)
    const build = commandLines(branch.log).find(l => / buildx build /.test(l)) ?? ''
    const values = (flag: string) => [...build.matchAll(new RegExp(`${flag} (\\S+)`, 'g'))].map(m => m[1])
    expect(values('--cache-from')).toEqual([`type=registry,ref=${REGISTRY}/team/per-ref:buildcache--feature-x`, `type=registry,ref=${REGISTRY}/team/per-ref:buildcache`])
    expect(values('--cache-to')).toEqual([`type=registry,ref=${REGISTRY}/team/per-ref:buildcache--feature-x,mode=max,image-manifest=true,oci-mediatypes=true,ignore-error=true`])
    // Read: the expensive step came from the default branch's cache (the builder was empty, the branch had none).
    expect(loopStep(branch.log).cached).toBe(true)
    // Written: its own tag only; the default branch's cache is the same manifest as before.
    expect(await registryTags('team/per-ref')).toEqual(['1.0.0', 'buildcache', 'buildcache--feature-x', 'feature-x-1', 'latest'])
    expect((await registryManifest('team/per-ref', 'buildcache')).digest).toBe(defaultCache)
    expect(branch.summary).toContain(`<th align="left">Cache</th><td>ecr (${REGISTRY}/team/per-ref:buildcache--feature-x; also read: buildcache)</td>`)

    // The default policy expires other refs' caches first, then protects the default branch's.
    const policy = JSON.parse((await ecr.send(new GetLifecyclePolicyCommand({ repositoryName: 'team/per-ref' }))).lifecyclePolicyText ?? '{}') as {
      rules: { selection: { tagPatternList?: string[]; countType: string } }[]
    }
    expect(policy.rules.slice(0, 3).map(r => [r.selection.tagPatternList, r.selection.countType])).toEqual([
      [['buildcache*--*'], 'sinceImagePushed'],
      [['latest'], 'imageCountMoreThan'],
      [['buildcache*'], 'imageCountMoreThan']
    ])
  })
})

describe('build secrets and build arguments', () => {
  const TOKEN = `tok-${randomBytes(12).toString('hex')}`
  const NPM = `npm-${randomBytes(12).toString('hex')}`
  const GREETING = `greeting-${randomBytes(12).toString('hex')}`
  /** a secret of several lines, as JSON: its lines `{` and `}` must not be masked on their own */
  const JSON_SECRET = `{\n  "registry": "npm.example",\n  "token": "json-${randomBytes(12).toString('hex')}"\n}`
  const sha = (s: string) => createHash('sha256').update(s).digest('hex')
  const rec = recordingDocker()
  /**
   * What the step holds that no docker process may get, besides the raw inputs (INPUT_SECRETS)
   * and the OIDC request token the stack sets: the job's AWS credentials (replaced by the
   * action's own, exported with export-credentials), the runner's tokens, a state variable.
   */
  const STEP_ONLY = {
    AWS_ACCESS_KEY_ID: 'AKIAJOBKEYEXAMPLE',
    AWS_SECRET_ACCESS_KEY: `aws-${randomBytes(12).toString('hex')}`,
    GITHUB_TOKEN: `ghs_${randomBytes(12).toString('hex')}`,
    ACTIONS_RUNTIME_TOKEN: `rt-${randomBytes(12).toString('hex')}`,
    ACTIONS_CACHE_URL: 'http://127.0.0.1:9/cache/',
    STATE_left_over: `state-${randomBytes(12).toString('hex')}`
  }
  let result: RunResult

  beforeAll(async () => {
    // The Dockerfile holds only hashes: the RUN lines buildx prints can't show a value.
    const ws = makeWorkspace('secrets')
    writeFileSync(
      path.join(ws, 'Dockerfile'),
      [
        'FROM scratch',
        'ARG TARGETARCH',
        'COPY rootfs/busybox-${TARGETARCH} /bin/busybox',
        'RUN ["/bin/busybox", "--install", "-s", "/bin"]',
        `RUN --mount=type=secret,id=token,required=true [ "$(sha256sum < /run/secrets/token | cut -d' ' -f1)" = "${sha(TOKEN)}" ] && echo token-ok > /checks`,
        `RUN --mount=type=secret,id=npm,required=true [ "$(sha256sum < /run/secrets/npm | cut -d' ' -f1)" = "${sha(NPM)}" ] && echo npm-ok >> /checks`,
        `RUN --mount=type=secret,id=json,required=true [ "$(sha256sum < /run/secrets/json | cut -d' ' -f1)" = "${sha(JSON_SECRET)}" ] && echo json-ok >> /checks`,
        'ARG GREETING',
        'RUN printf %s "$GREETING" | sha256sum | cut -d" " -f1 >> /checks',
        'CMD ["/bin/cat", "/checks"]',
        ''
      ].join('\n')
    )
    result = await ship(
      {
        repository: 'team/secrets',
        version: '1.0.0',
        platforms: 'linux/amd64',
        secrets: `token=${TOKEN}`,
        'secret-envs': 'npm=NPM_TOKEN\njson=JSON_SECRET',
        'build-args': `GREETING=${GREETING}`,
        'export-credentials': 'true'
      },
      ws,
      { PATH: rec.path, DOCKER_CONFIG: rec.configDir, NPM_TOKEN: NPM, JSON_SECRET, ...STEP_ONLY }
    )
  })

  test('the build reads both secrets and the argument: the image says so', () => {
    expectSuccess(result)
    expect(runImage(result.outputs['image-digest-uri'] ?? '', 'linux/amd64').split('\n')).toEqual(['token-ok', 'npm-ok', 'json-ok', sha(GREETING)])
  })

  test("every secret value is masked and in no docker command line, log line, output or summary; a build argument's value in none of the action's", () => {
    expect(result.masked).toEqual(expect.arrayContaining([TOKEN, NPM]))
    // A JSON secret: whole and by its lines, but not `{` and `}`, which would star every brace of the log and the JSON outputs.
    const jsonLines = JSON_SECRET.split('\n').map(l => l.trim())
    expect(result.masked).toEqual(expect.arrayContaining([JSON_SECRET, jsonLines[1], jsonLines[2]]))
    expect(result.masked.filter(m => m.trim().length < 3)).toEqual([])
    const argv = rec.argv()
    const build = argv.split('\n').find(l => l.startsWith('buildx build ')) ?? ''
    expect(build).toContain('--build-arg GREETING ')
    expect(build).toContain('--secret id=token,env=ECR_BUILD_PUSH_SECRET_1 --secret id=npm,env=NPM_TOKEN ')
    const visible = [argv, visibleLog(result.log), visibleLog(result.post?.log ?? ''), result.summary, JSON.stringify(result.outputs)]
    for (const value of [TOKEN, NPM, PASSWORD]) for (const text of visible) expect(text).not.toContain(value)
    // The raw log has the secrets only in the mask commands the runner consumes.
    expect(result.log.split('\n').filter(l => l.includes(TOKEN))).toEqual([`::add-mask::${TOKEN}`])
    // The build argument is in no command line and no line of the action's own…
    for (const text of [argv, ...commandLines(result.log), result.summary]) expect(text).not.toContain(GREETING)
    // …but buildx's metadata (the `metadata` output) records the build's arguments, and
    // BuildKit's progress names a RUN step by its command with the build arguments it uses
    // filled in (what the README warns of): the only log lines that show it.
    expect(JSON.parse(result.outputs.metadata ?? '{}')).toMatchObject({
      'buildx.build.provenance': { invocation: { parameters: { args: { 'build-arg:GREETING': GREETING }, secrets: [{ id: 'json' }, { id: 'npm' }, { id: 'token' }] } } }
    })
    const shown = result.log.split('\n').filter(l => l.includes(GREETING))
    expect(shown.length).toBeGreaterThan(0)
    for (const line of shown) expect(line).toMatch(/^#\d+ \[[^\]]+\] RUN printf %s /)
  })

  test("no docker command got the step's inputs, tokens, AWS credentials or state; the build alone got the secret and argument values", () => {
    expectSuccess(result)
    const calls = rec.calls()
    process.stdout.write(`docker commands and the variables they got:\n${calls.map(c => `  ${c.argv.split(' ').slice(0, 3).join(' ')}: ${Object.keys(c.env).sort().join(' ')}`).join('\n')}\n`)
    const build = calls.find(c => c.argv.startsWith('buildx build '))
    expect(build).toBeDefined()
    const exported = JSON.stringify(result.env)
    expect(exported).toContain('AWS_SECRET_ACCESS_KEY')
    for (const call of calls) {
      expect(Object.keys(call.env).filter(n => /^(INPUT_|STATE_|ACTIONS_|AWS_)|^GITHUB_(TOKEN|OUTPUT|ENV|STATE|PATH)$/.test(n))).toEqual([])
      const values = Object.values(call.env)
      for (const value of [...Object.values(STEP_ONLY), env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? 'x', result.env.AWS_SECRET_ACCESS_KEY ?? 'x', result.env.AWS_SESSION_TOKEN ?? 'x']) {
        expect(values).not.toContain(value)
      }
      // What docker needs: its PATH (the shim's), its config.
      expect(call.env).toMatchObject({ PATH: rec.path, DOCKER_CONFIG: rec.configDir })
      if (call !== build) for (const value of [TOKEN, NPM, GREETING]) expect(values).not.toContain(value)
    }
    // The secret-env's VARIABLE reached buildx, with the secret and the argument.
    expect(build?.env).toMatchObject({ ECR_BUILD_PUSH_SECRET_1: TOKEN, NPM_TOKEN: NPM, GREETING })
  })

  test('a secret-envs VARIABLE that is a build argument too: one line, before any docker command or AWS call', async () => {
    await resetCalls()
    const seen = rec.commands().length
    const clash = await ship(
      { repository: 'team/secrets-clash', version: '1.0.0', platforms: 'linux/amd64', 'build-args': 'NPM_TOKEN=x', 'secret-envs': 'npm=NPM_TOKEN' },
      makeWorkspace('secrets-clash'),
      { PATH: rec.path, DOCKER_CONFIG: rec.configDir, NPM_TOKEN: NPM }
    )
    expect(clash.exitCode).toBe(1)
    expect(errorLine(clash.log)).toBe(
      "Input 'secret-envs': NPM_TOKEN, the variable that carries the secret 'npm', is also a build argument in build-args: buildx would give the build argument the secret's value, and the image's history keeps it. Rename the build argument (or the variable)."
    )
    expect(rec.commands()).toHaveLength(seen)
    expect(await awsCalls()).toEqual([])
    expect(visibleLog(clash.log)).not.toContain(NPM)
    await expect(ecr.send(new DescribeRepositoriesCommand({ repositoryNames: ['team/secrets-clash'] }))).rejects.toMatchObject({ name: 'RepositoryNotFoundException' })
  })

  test('no secret is in any blob the registry holds for the repository: image, config, cache; the argument is in the history, by design', async () => {
    const blobs = [...(await blobsOf('team/secrets', '1.0.0')), ...(await blobsOf('team/secrets', 'buildcache'))]
    expect(blobs.length).toBeGreaterThan(4)
    for (const blob of blobs) {
      expect(blob.includes(TOKEN)).toBe(false)
      expect(blob.includes(NPM)).toBe(false)
    }
    // What the README warns of: a build argument a RUN step uses is in the image's history.
    expect(blobs.some(b => b.includes(GREETING))).toBe(true)
  })

  test('a dry run shows the names, never the values', async () => {
    const plan = await ship(
      { repository: 'team/secrets', version: '2.0.0', platforms: 'linux/amd64', secrets: `token=${TOKEN}`, 'secret-envs': 'npm=NPM_TOKEN', 'build-args': `GREETING=${GREETING}`, 'dry-run': 'true' },
      makeWorkspace('secrets-plan'),
      { NPM_TOKEN: NPM }
    )
    expectSuccess(plan)
    expect(plan.log).toMatch(/Build command: docker buildx build .*--build-arg GREETING --secret id=token,env=ECR_BUILD_PUSH_SECRET_1 --secret id=npm,env=NPM_TOKEN /)
    for (const value of [TOKEN, NPM, GREETING]) expect(visibleLog(plan.log) + plan.summary).not.toContain(value)
  })
})

/** Every blob of an image (manifests, configs, layers unzipped) as the registry serves it. */
async function blobsOf(repository: string, reference: string): Promise<Buffer[]> {
  const res = await registryGet(`/v2/${repository}/manifests/${reference}`)
  expect(res.status).toBe(200)
  const manifest = JSON.parse(res.body) as { manifests?: { digest: string }[]; config?: { digest: string }; layers?: { digest: string }[] }
  const out: Buffer[] = [Buffer.from(res.body)]
  for (const child of manifest.manifests ?? []) out.push(...(await blobsOf(repository, child.digest)))
  for (const blob of [...(manifest.config ? [manifest.config] : []), ...(manifest.layers ?? [])]) {
    const data = await registryBlob(repository, blob.digest)
    out.push(data[0] === 0x1f && data[1] === 0x8b ? gunzipSync(data) : data)
  }
  return out
}

function registryBlob(repository: string, digest: string): Promise<Buffer> {
  const ca = readFileSync(env.NODE_EXTRA_CA_CERTS ?? '')
  return new Promise((resolve, reject) => {
    https
      .get({ host: REGISTRY, port: 443, path: `/v2/${repository}/blobs/${digest}`, ca, auth: `AWS:${PASSWORD}` }, res => {
        const chunks: Buffer[] = []
        res.on('data', (d: Buffer) => chunks.push(d))
        res.on('end', () => (res.statusCode === 200 ? resolve(Buffer.concat(chunks)) : reject(new Error(`blob ${digest}: ${res.statusCode}`))))
      })
      .on('error', reject)
  })
}
