/**
 * The bundled action on the local stack with docker/build-push-action's pass-through build
 * options: each reaches buildx (the docker commands the action logged, and what the build's
 * RUN steps saw), a refused one stops the run before any AWS or docker call, `cache: gha`
 * has a scope of its own, and `existing-repository: leave` writes nothing to a repository
 * the run didn't create and says what differs.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync, copyFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { jest } from '@jest/globals'
import { CreateRepositoryCommand, DescribeRepositoriesCommand, GetLifecyclePolicyCommand } from '@aws-sdk/client-ecr'
import { errorLine, runAction, type RunResult } from '../../scripts/local-runner.mjs'
import { awsCalls, ecr, env, jobEnv, recordingDocker, REGISTRY, registryTags, resetCalls, resetStack, ROLE, writeCalls } from './stack.js'

jest.setTimeout(10 * 60 * 1000)

const ship = (inputs: Record<string, string>, workspace: string, extra: Record<string, string | undefined> = {}): Promise<RunResult> =>
  runAction({ inputs: { 'role-to-assume': ROLE, 'aws-region': 'us-east-1', platforms: 'linux/amd64', ...inputs }, env: jobEnv(extra), workspace, post: true })

function expectSuccess(result: RunResult): void {
  if (result.exitCode !== 0) throw new Error(`the action failed:\n${result.log}`)
  expect(result.post?.exitCode).toBe(0)
}

/** The `docker buildx build` command the action logged (@actions/exec's `[command]` line). */
const buildCommand = (log: string): string => log.split('\n').find(l => l.startsWith('[command]') && / buildx build /.test(l)) ?? ''

/**
 * An amd64 image whose RUN steps write down what they saw: the extra host, the open-files
 * limit, /dev/shm's size, a file of the named context `shared`, and the forwarded agent.
 */
function optionsWorkspace(withOptions = true): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'workspace-opts-'))
  mkdirSync(path.join(dir, 'rootfs'))
  copyFileSync(path.join(env.STACK_BUSYBOX_DIR ?? '', 'amd64', 'busybox'), path.join(dir, 'rootfs', 'busybox'))
  mkdirSync(path.join(dir, 'shared'))
  writeFileSync(path.join(dir, 'shared', 'note'), 'from the shared context\n')
  writeFileSync(
    path.join(dir, 'Dockerfile'),
    [
      'FROM scratch AS final',
      'COPY rootfs/busybox /bin/busybox',
      'RUN ["/bin/busybox", "--install", "-s", "/bin"]',
      ...(withOptions
        ? [
            'COPY --from=shared /note /shared-note',
            'RUN --mount=type=ssh,id=agent sh -c \'test -S "$SSH_AUTH_SOCK" && echo agent-forwarded > /ssh-seen\'',
            'RUN grep db.local /etc/hosts > /hosts-seen; ulimit -n > /ulimit-seen; df -k /dev/shm | tail -1 > /shm-seen',
            'CMD ["/bin/busybox", "sh", "-c", "cat /shared-note /ssh-seen /hosts-seen /ulimit-seen /shm-seen"]'
          ]
        : ['CMD ["/bin/busybox", "echo", "plain"]']),
      ''
    ].join('\n')
  )
  return dir
}

beforeAll(() => resetStack())

describe('pass-through options reach buildx', () => {
  let agent: { socket: string; pid: number }
  let result: RunResult
  const cacheRef = `${REGISTRY}/team/opts-cache:web`

  beforeAll(async () => {
    const socket = path.join(mkdtempSync(path.join(os.tmpdir(), 'agent-')), 'agent.sock')
    const out = execFileSync('ssh-agent', ['-s', '-a', socket], { encoding: 'utf8' })
    agent = { socket, pid: Number(/SSH_AGENT_PID=(\d+)/.exec(out)?.[1]) }
    // Another repository for the cache (cache-to may not write into the image's own).
    await ecr.send(new CreateRepositoryCommand({ repositoryName: 'team/opts-cache' }))
    result = await ship(
      {
        repository: 'team/opts',
        version: '1.0.0',
        'build-contexts': 'shared=shared',
        'no-cache-filters': 'final',
        pull: 'true',
        ssh: `agent=${socket}`,
        network: 'none',
        'shm-size': '128m',
        ulimit: 'nofile=1000:2000',
        'add-hosts': 'db.local:10.9.8.7',
        'cache-from': `type=registry,ref=${cacheRef}`,
        'cache-to': `type=registry,ref=${cacheRef},mode=max,image-manifest=true,oci-mediatypes=true`
      },
      optionsWorkspace()
    )
  })
  afterAll(() => {
    if (agent.pid > 0) process.kill(agent.pid)
  })

  test('every option is in the build command, and the pushed image shows the build saw them', () => {
    expectSuccess(result)
    const command = buildCommand(result.log)
    process.stdout.write(`build command: ${command}\n`)
    for (const part of [
      /--build-context shared=\/\S+\/shared /,
      / --no-cache-filter final /,
      / --pull /,
      new RegExp(` --ssh agent=${agent.socket} `),
      / --network none /,
      / --shm-size 128m /,
      / --ulimit nofile=1000:2000 /,
      / --add-host db\.local:10\.9\.8\.7 /,
      new RegExp(` --cache-from type=registry,ref=${cacheRef} `),
      new RegExp(` --cache-to type=registry,ref=${cacheRef},mode=max,image-manifest=true,oci-mediatypes=true `)
    ])
      expect(command).toMatch(part)
    // cache-from / cache-to replace the registry cache the repository would have had
    expect(command).not.toContain('team/opts:buildcache')
    const seen = execFileSync('docker', ['run', '--rm', '--pull', 'always', '--platform', 'linux/amd64', `${REGISTRY}/team/opts:1.0.0`], { encoding: 'utf8' })
    expect(seen).toContain('from the shared context')
    expect(seen).toContain('agent-forwarded')
    expect(seen).toMatch(/10\.9\.8\.7\s+db\.local/)
    expect(seen).toMatch(/^1000$/m)
    expect(seen).toMatch(/\s131072\s/)
  })

  test('the cache went to the other repository, as an image manifest ECR takes', async () => {
    expect(await registryTags('team/opts-cache')).toEqual(['web'])
    expect(await registryTags('team/opts')).not.toContain('buildcache')
  })
})

describe('load: true for a push: false job that tests the image', () => {
  test("buildx loads the image into the job's engine; no AWS call, nothing pushed", async () => {
    await resetCalls()
    const result = await ship({ repository: 'team/opts-load', version: '2.0.0', push: 'false', load: 'true', 'no-cache': 'true' }, optionsWorkspace(false))
    expectSuccess(result)
    const command = buildCommand(result.log)
    expect(command).toMatch(/ --no-cache /)
    expect(command).toMatch(/ --load /)
    expect(command).not.toMatch(/ --push /)
    expect(await awsCalls()).toEqual([])
    expect(execFileSync('docker', ['image', 'inspect', '--format', '{{.Id}}', 'team/opts-load:2.0.0'], { encoding: 'utf8' })).toMatch(/^sha256:/)
    expect(result.summary).toContain("loaded into the job's Docker engine as team/opts-load:2.0.0")
    execFileSync('docker', ['image', 'rm', 'team/opts-load:2.0.0', 'team/opts-load:latest'])
  })
})

describe('refused before any AWS or docker call', () => {
  test('a cache-to into the repository itself', async () => {
    const rec = recordingDocker()
    await resetCalls()
    const result = await ship({ repository: 'team/opts', version: '3.0.0', 'cache-to': `${REGISTRY}/team/opts:mycache` }, optionsWorkspace(), { PATH: rec.path })
    expect(result.exitCode).toBe(1)
    expect(errorLine(result.log)).toMatch(/^Input 'cache-to': writes into team\/opts itself/)
    expect(await awsCalls()).toEqual([])
    expect(rec.commands()).toEqual([])
  })
})

describe('cache: gha', () => {
  test('the build reads and writes a scope of its own image and platform', async () => {
    const result = await ship({ repository: 'team/opts-gha', version: '1.0.0', push: 'false', cache: 'gha' }, optionsWorkspace(false))
    expectSuccess(result)
    const command = buildCommand(result.log)
    process.stdout.write(`gha build command: ${command}\n`)
    expect(command).toMatch(/ --cache-from type=gha,scope=team\/opts-gha-linux-amd64 /)
    // The workspace's Dockerfile has one stage: mode=min keeps the same layers (build/plan.ts cacheMode).
    expect(command).toMatch(/ --cache-to type=gha,scope=team\/opts-gha-linux-amd64,mode=min,ignore-error=true /)
  })
})

describe('existing-repository: leave', () => {
  test('an existing repository gets no write call, and the log and summary say what differs', async () => {
    await ecr.send(new CreateRepositoryCommand({ repositoryName: 'team/managed', imageTagMutability: 'MUTABLE', imageScanningConfiguration: { scanOnPush: false } }))
    await resetCalls()
    const result = await ship({ repository: 'team/managed', version: '1.0.0', 'existing-repository': 'leave', 'lifecycle-keep-count': '20', cache: 'none' }, optionsWorkspace(false))
    expectSuccess(result)
    expect(writeCalls(await awsCalls())).toEqual([])
    const repo = (await ecr.send(new DescribeRepositoriesCommand({ repositoryNames: ['team/managed'] }))).repositories?.[0]
    expect(repo?.imageTagMutability).toBe('MUTABLE')
    expect(repo?.imageScanningConfiguration?.scanOnPush).toBe(false)
    await expect(ecr.send(new GetLifecyclePolicyCommand({ repositoryName: 'team/managed' }))).rejects.toMatchObject({ name: 'LifecyclePolicyNotFoundException' })
    for (const text of [result.log, result.summary]) {
      expect(text).toContain("left as it is (existing-repository: leave): tag mutability is MUTABLE; the workflow's settings make it IMMUTABLE_WITH_EXCLUSION (latest, sha256-*)")
      expect(text).toContain('left as it is (existing-repository: leave): scan on push is off; scan-on-push states on')
      expect(text).toContain("left as it is (existing-repository: leave): the workflow's policy would be put")
    }
    expect(await registryTags('team/managed')).toEqual(['1.0.0', 'latest'])
  })
})
