/**
 * docker/build-push-action's pass-through options: each reaches buildx's argv under its own
 * flag, each bad value is one InputError naming the input, the ones that would break a
 * guarantee (a cache ECR refuses, a write into the repository, load on a pushed build, a
 * secret on the command line) are refused; `cache: gha` gets a scope per image and platform.
 */
import { buildxArgs, buildxInherit } from '../../../src/build/plan.js'
import { checkBuilder } from '../../../src/build/builder.js'
import type { Docker, DockerResult } from '../../../src/docker.js'
import { ActionError, InputError } from '../../../src/errors.js'
import { readSettings } from '../../../src/settings/read.js'
import type { Settings } from '../../../src/settings/types.js'
import { makeWorkspace, stepEnv, type TempWorkspace } from '../../fixtures/workspace.js'

const URI = '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web'
let ws: TempWorkspace

beforeAll(() => {
  ws = makeWorkspace()
  ws.mkdir('shared')
  ws.write('keys/deploy_key', 'not a real key\n')
})
afterAll(() => ws.remove())

const settings = (inputs: Record<string, string>, extra: Record<string, string | undefined> = {}): Settings =>
  readSettings(stepEnv(ws.dir, { repository: 'team/web', ...inputs }, extra))

const argv = (s: Settings): string[] => buildxArgs(s.build, [`${URI}:1.0.0`], [], '/tmp/m.json', URI)

/** Each value the flag got, in order. */
const values = (args: string[], flag: string): string[] => args.flatMap((a, i) => (a === flag ? [args[i + 1] ?? ''] : []))

function refusal(inputs: Record<string, string>, extra: Record<string, string | undefined> = {}): InputError {
  try {
    settings(inputs, extra)
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    expect((error as Error).message).not.toContain('\n')
    return error as InputError
  }
  throw new Error('the inputs were accepted')
}

describe('each option reaches buildx under its flag', () => {
  test('every option at once, before the context (the last argument)', () => {
    const args = argv(
      settings(
        {
          'build-contexts': 'shared=shared\nbase=docker-image://alpine:3.20\ntools=target:tools',
          'no-cache': 'true',
          'no-cache-filters': 'deps,test',
          pull: 'true',
          ssh: 'default\ngithub=keys/deploy_key',
          network: 'host',
          'shm-size': '2g',
          ulimit: 'nofile=1024:2048\nnproc=512',
          'add-hosts': 'db.local:10.0.0.5,v6.local=::1'
        },
        { SSH_AUTH_SOCK: '/tmp/agent.sock' }
      )
    )
    expect(values(args, '--build-context')).toEqual([`shared=${ws.dir}/shared`, 'base=docker-image://alpine:3.20', 'tools=target:tools'])
    expect(args).toContain('--no-cache')
    expect(values(args, '--no-cache-filter')).toEqual(['deps', 'test'])
    expect(args).toContain('--pull')
    expect(values(args, '--ssh')).toEqual(['default', `github=${ws.dir}/keys/deploy_key`])
    expect(values(args, '--network')).toEqual(['host'])
    expect(values(args, '--shm-size')).toEqual(['2g'])
    expect(values(args, '--ulimit')).toEqual(['nofile=1024:2048', 'nproc=512'])
    expect(values(args, '--add-host')).toEqual(['db.local:10.0.0.5', 'v6.local=::1'])
    expect(args.at(-1)).toBe(ws.dir)
  })

  test('none given: the argv is what it always was', () => {
    const s = settings({})
    expect(s.build.options).toBeUndefined()
    for (const flag of ['--build-context', '--no-cache', '--pull', '--ssh', '--network', '--shm-size', '--ulimit', '--add-host', '--load']) expect(argv(s)).not.toContain(flag)
  })

  test('load: true with push: false gives --load and no --push', () => {
    const args = argv(settings({ push: 'false', load: 'true', platforms: 'linux/amd64' }))
    expect(args).toContain('--load')
    expect(args).not.toContain('--push')
  })
})

describe('cache-from / cache-to replace what cache makes', () => {
  test('cache-from replaces the reads, the registry cache still writes', () => {
    const args = argv(settings({ 'cache-from': 'type=local,src=/tmp/cache' }))
    expect(values(args, '--cache-from')).toEqual(['type=local,src=/tmp/cache'])
    expect(values(args, '--cache-to')).toEqual([`type=registry,ref=${URI}:buildcache,mode=max,image-manifest=true,oci-mediatypes=true,ignore-error=true`])
  })

  test('cache-to to another ECR repository as an OCI image manifest; a gha override gets the runner\'s cache variables', () => {
    const to = '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/cache:web'
    const s = settings({ cache: 'none', 'cache-from': 'type=gha,scope=web', 'cache-to': `type=registry,ref=${to},mode=max,image-manifest=true,oci-mediatypes=true` })
    const args = argv(s)
    expect(values(args, '--cache-from')).toEqual(['type=gha,scope=web'])
    expect(values(args, '--cache-to')).toEqual([`type=registry,ref=${to},mode=max,image-manifest=true,oci-mediatypes=true`])
    expect(buildxInherit(s.build)).toContain('ACTIONS_RUNTIME_TOKEN')
  })
})

describe('cache: gha has a scope per image and platform', () => {
  test('the repository and the platforms name the scope, on both reads and writes', () => {
    const args = argv(settings({ cache: 'gha' }))
    expect(values(args, '--cache-from')).toEqual(['type=gha,scope=team/web-linux-amd64-linux-arm64'])
    expect(values(args, '--cache-to')).toEqual(['type=gha,scope=team/web-linux-amd64-linux-arm64,mode=max,ignore-error=true'])
  })

  test('per-platform jobs and another image of the same repository get scopes of their own', () => {
    const scope = (inputs: Record<string, string>): string[] => values(argv(settings({ cache: 'gha', ...inputs })), '--cache-to')
    const amd = scope({ 'push-by-digest': 'true', platforms: 'linux/amd64' })
    const arm = scope({ 'push-by-digest': 'true', platforms: 'linux/arm64' })
    const other = scope({ repository: 'team/api' })
    const target = scope({ target: 'tests' })
    expect(amd).toEqual(['type=gha,scope=team/web-linux-amd64,mode=max,ignore-error=true'])
    expect(arm).toEqual(['type=gha,scope=team/web-linux-arm64,mode=max,ignore-error=true'])
    expect(other).toEqual(['type=gha,scope=team/api-linux-amd64-linux-arm64,mode=max,ignore-error=true'])
    expect(target).toEqual(['type=gha,scope=team/web-tests-linux-amd64-linux-arm64,mode=max,ignore-error=true'])
  })
})

describe('refused, one line naming the input', () => {
  test.each([
    [{ 'build-contexts': 'shared' }, 'build-contexts', 'name=value'],
    [{ 'build-contexts': 'shared=missing-dir' }, 'build-contexts', 'not a directory'],
    [{ 'no-cache': 'yes' }, 'no-cache', 'true or false'],
    [{ 'no-cache-filters': 'bad stage' }, 'no-cache-filters', 'build stage'],
    [{ pull: '1' }, 'pull', 'true or false'],
    [{ ssh: 'bad id!=x' }, 'ssh', 'ssh id'],
    [{ ssh: 'github=/nowhere/agent.sock' }, 'ssh', 'no agent socket or key file'],
    [{ network: 'bridge' }, 'network', 'default, none or host'],
    [{ 'shm-size': '2 gigs' }, 'shm-size', 'not a size'],
    [{ ulimit: 'files=10' }, 'ulimit', 'type=soft[:hard]'],
    [{ ulimit: 'nofile=2048:1024' }, 'ulimit', 'soft ≤ hard'],
    [{ 'add-hosts': 'db.local:not-an-ip' }, 'add-hosts', 'host:ip'],
    [{ 'cache-from': 'type=ftp,dest=x' }, 'cache-from', 'not a cache type'],
    [{ 'cache-to': 'type=registry,ref=x/y:c,mode=all' }, 'cache-to', 'min or max'],
    [{ load: 'true' }, 'load', 'push: false'],
    [{ load: 'true', push: 'false', 'push-by-digest': 'true' }, 'load', 'push: false']
  ])('%j', (inputs, input, says) => {
    const error = refusal(inputs)
    expect(error.input).toBe(input)
    expect(error.message).toContain(says)
  })

  test('the job\'s agent without SSH_AUTH_SOCK', () => {
    expect(refusal({ ssh: 'default' }, { SSH_AUTH_SOCK: undefined }).message).toContain('SSH_AUTH_SOCK is not set')
  })

  test('a cache-to on ECR that is not an OCI image manifest (what ECR takes)', () => {
    const error = refusal({ 'cache-to': 'type=registry,ref=123456789012.dkr.ecr.us-east-1.amazonaws.com/team/cache:web,mode=max' })
    expect(error.message).toContain('image-manifest=true,oci-mediatypes=true')
    expect(refusal({ 'cache-to': '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/cache:web' }).input).toBe('cache-to')
  })

  test('a cache-to into the repository itself, whose tags are versions and cache: ecr\'s per-ref cache', () => {
    const error = refusal({ 'cache-to': `type=registry,ref=${URI}:mycache,image-manifest=true,oci-mediatypes=true` })
    expect(error.message).toContain('writes into team/web itself')
  })
})

describe('no secret reaches the argv, nor the error', () => {
  const KEY = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----'

  test('a private key in ssh is refused without being echoed', () => {
    const error = refusal({ ssh: `github=${KEY}` })
    expect(error.message).not.toContain('b3BlbnNzaC1rZXktdjEAAAAA')
    expect(error.message).toContain('private key')
  })

  test('a credential among a cache\'s attributes is refused without being echoed', () => {
    const error = refusal({ 'cache-to': 'type=s3,region=us-east-1,bucket=b,access_key_id=AKIAX,secret_access_key=wJalrXUtnFEMI' })
    expect(error.message).not.toContain('wJalrXUtnFEMI')
    expect(error.message).not.toContain('AKIAX')
    expect(refusal({ 'cache-from': 'type=gha,token=ghs_abc123' }).message).not.toContain('ghs_abc123')
  })

  test('a remote build context with credentials in its URL', () => {
    const error = refusal({ 'build-contexts': 'src=https://x-access-token:ghs_abc123@github.com/acme/lib.git' })
    expect(error.message).not.toContain('ghs_abc123')
  })
})

describe('load with several platforms', () => {
  const answer = (stdout: string): DockerResult => ({ exitCode: 0, stdout, stderr: '' })
  const fakeDocker = (driver: string, store: string): { docker: Docker; calls: string[][] } => {
    const calls: string[][] = []
    const docker: Docker = async args => {
      calls.push(args)
      if (args.includes('inspect')) return answer(`Name: ci\nDriver: ${driver}\nPlatforms: linux/amd64, linux/arm64\n`)
      return answer(store)
    }
    return { docker, calls }
  }

  test('a container builder loading into an engine without the containerd image store is refused', async () => {
    const { docker } = fakeDocker('docker-container', '[["Backing Filesystem","extfs"]]')
    await expect(checkBuilder(docker, ['linux/amd64', 'linux/arm64'], 'ci', true)).rejects.toThrow(ActionError)
    await expect(checkBuilder(docker, ['linux/amd64', 'linux/arm64'], 'ci', true)).rejects.toThrow(/load: true can't put 2 platforms/)
  })

  test('with the containerd image store, or one platform, or no load, it passes', async () => {
    await expect(checkBuilder(fakeDocker('docker-container', '[["driver-type","io.containerd.snapshotter.v1"]]').docker, ['linux/amd64', 'linux/arm64'], 'ci', true)).resolves.toMatchObject({ driver: 'docker-container' })
    await expect(checkBuilder(fakeDocker('docker-container', '[]').docker, ['linux/amd64'], 'ci', true)).resolves.toMatchObject({ driver: 'docker-container' })
    await expect(checkBuilder(fakeDocker('docker-container', '[]').docker, ['linux/amd64', 'linux/arm64'], 'ci', false)).resolves.toMatchObject({ driver: 'docker-container' })
  })
})
