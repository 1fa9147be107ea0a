/**
 * A builder of the workflow's choosing, a registry cache per platform for push-by-digest
 * jobs, and build secrets: the settings, the buildx argv and environment, the builder check,
 * the repository's exclusion filters and the summary.
 */
import { writeFileSync } from 'node:fs'
import { checkBuilder, describeBuilder, inspectBuilder } from '../../../src/build/builder.js'
import { buildAndPush, mergeIndex } from '../../../src/build/buildx.js'
import { builderUse, buildxArgs, buildxCommand, buildxEnv, cacheArgs } from '../../../src/build/plan.js'
import { planRepository, type RepositoryState } from '../../../src/aws/repository-plan.js'
import { withCacheFilter } from '../../../src/settings/tag-mutability.js'
import type { Docker, DockerOptions, DockerResult } from '../../../src/docker.js'
import { InputError } from '../../../src/errors.js'
import { renderSummary } from '../../../src/report/summary.js'
import { formatLifecyclePolicy } from '../../../src/settings/lifecycle-policy.js'
import { readSettings } from '../../../src/settings/read.js'
import { buildSettings } from '../../fixtures/build-settings.js'
import { makeWorkspace, stepEnv, type TempWorkspace } from '../../fixtures/workspace.js'

let ws: TempWorkspace
beforeAll(() => {
  ws = makeWorkspace()
})
afterAll(() => ws.remove())

const settings = (inputs: Record<string, string>, extra: Record<string, string | undefined> = {}) =>
  readSettings(stepEnv(ws.dir, { repository: 'team/web', ...inputs }, extra))

function inputError(inputs: Record<string, string>, extra: Record<string, string | undefined> = {}): InputError {
  try {
    settings(inputs, extra)
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return error as InputError
  }
  throw new Error('readSettings accepted the inputs')
}

const ok = (stdout = ''): DockerResult => ({ exitCode: 0, stdout, stderr: '' })
const META = '/runner/_temp/ecr-build-push-x/metadata.json'
const REPO = '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web'

const inspectText = (name: string, driver: string, platforms = 'linux/amd64, linux/arm64') =>
  `Name:          ${name}\nDriver:        ${driver}\n\nNodes:\nName:             ${name}0\nEndpoint:         tcp://buildkitd:1234\nStatus:           running\nPlatforms:        ${platforms}\n`

describe('builder input', () => {
  test('empty: the job\'s current builder, no --builder anywhere', () => {
    const s = settings({})
    expect('builder' in s.build).toBe(false)
    expect(buildxArgs(s.build, [`${REPO}:1`], [], META).slice(0, 2)).toEqual(['buildx', 'build'])
  })

  test.each(['remote-1', 'k8s_builder.eu', 'stack-engine2', 'ctx+ssh', '0builder'])('%s is a builder name', name => {
    expect(settings({ builder: name }).build.builder).toBe(name)
  })

  test.each(['my builder', '-x', 'a;rm', 'a,b', '$(id)', 'tcp://host:1234'])('%j is refused with one line', name => {
    expect(inputError({ builder: name }).message).toMatch(/^Input 'builder': '.*' is not a builder name: give the name of a builder an earlier step created \(docker buildx ls lists them\), or leave it empty for the job's current builder\.$/)
  })
})

describe('every buildx command on the named builder', () => {
  test('a remote, kubernetes or docker-container builder: buildx --builder NAME', () => {
    for (const driver of ['remote', 'kubernetes', 'docker-container', 'cloud']) {
      expect(builderUse('remote-1', driver)).toEqual({ builder: 'remote-1' })
    }
    const use = builderUse('remote-1', 'remote')
    expect(buildxArgs(buildSettings({ builder: 'remote-1' }), [`${REPO}:1`], [], META, undefined, use).slice(0, 5)).toEqual(['buildx', 'build', '--builder', 'remote-1', '--platform'])
    expect(buildxCommand(use, ['imagetools', 'create'], ['--tag', 'x'])).toEqual(['buildx', 'imagetools', 'create', '--builder', 'remote-1', '--tag', 'x'])
  })

  test('a docker context\'s docker-driver builder: docker --context NAME buildx … --builder NAME (buildx refuses --builder alone)', () => {
    const use = builderUse('build-host', 'docker')
    expect(use).toEqual({ builder: 'build-host', context: 'build-host' })
    expect(buildxArgs(buildSettings(), [`${REPO}:1`], [], META, undefined, use).slice(0, 6)).toEqual(['--context', 'build-host', 'buildx', 'build', '--builder', 'build-host'])
    expect(buildxCommand(use, ['inspect', '--bootstrap'])).toEqual(['--context', 'build-host', 'buildx', 'inspect', '--bootstrap', '--builder', 'build-host'])
  })

  test('no name: buildx as before, whatever the current builder\'s driver', () => {
    expect(builderUse(undefined, 'docker')).toEqual({})
    expect(buildxCommand({}, ['imagetools', 'create'])).toEqual(['buildx', 'imagetools', 'create'])
  })

  test('push-by-digest on a named builder: the OCI layout export goes through it too', () => {
    const argv = buildxArgs(buildSettings({ platforms: ['linux/arm64'], pushByDigest: true }), [], [], META, REPO, { builder: 'remote-1' })
    expect(argv.slice(0, 4)).toEqual(['buildx', 'build', '--builder', 'remote-1'])
    expect(argv).toContain('type=oci,dest=/runner/_temp/ecr-build-push-x/oci-layout,tar=false')
  })

  test('buildAndPush and mergeIndex run on the builder they are given', async () => {
    const calls: string[][] = []
    const docker: Docker = async args => {
      calls.push(args)
      if (args.includes('--metadata-file')) writeFileSync(args[args.indexOf('--metadata-file') + 1] ?? '', JSON.stringify({ 'containerimage.digest': `sha256:${'d'.repeat(64)}` }))
      return ok()
    }
    await buildAndPush(docker, buildSettings(), [`${REPO}:1`], [], { builder: { builder: 'remote-1' } })
    await mergeIndex(docker, REPO, ['1'], [`sha256:${'1'.repeat(64)}`], { builder: { builder: 'host', context: 'host' } })
    expect(calls[0]?.slice(0, 4)).toEqual(['buildx', 'build', '--builder', 'remote-1'])
    expect(calls[1]).toEqual(['--context', 'host', 'buildx', 'imagetools', 'create', '--builder', 'host', '--tag', `${REPO}:1`, `${REPO}@sha256:${'1'.repeat(64)}`])
  })
})

describe('the builder check with a named builder', () => {
  function fakeDocker(answers: [RegExp, DockerResult][]): { docker: Docker; calls: string[] } {
    const calls: string[] = []
    const docker: Docker = async args => {
      const line = args.join(' ')
      calls.push(line)
      const answer = answers.find(([pattern]) => pattern.test(line))
      if (!answer) throw new Error(`unexpected docker ${line}`)
      return answer[1]
    }
    return { docker, calls }
  }
  const CONTAINERD = ok('[["driver-type","io.containerd.snapshotter.v1"]]')

  test('a remote builder is inspected by name; no docker info (not the docker driver)', async () => {
    const { docker, calls } = fakeDocker([[/^buildx inspect --bootstrap --builder remote-1$/, ok(inspectText('remote-1', 'remote'))]])
    const builder = await checkBuilder(docker, ['linux/amd64', 'linux/arm64'], 'remote-1')
    expect(builder.use).toEqual({ builder: 'remote-1' })
    expect(calls).toEqual(['buildx inspect --bootstrap --builder remote-1'])
    expect(describeBuilder(builder)).toBe('remote-1 (remote driver)')
  })

  test('a docker context\'s builder: its own engine is asked for the image store, in that context', async () => {
    const { docker, calls } = fakeDocker([
      [/^buildx inspect --bootstrap --builder build-host$/, ok(inspectText('build-host', 'docker'))],
      [/^--context build-host info /, CONTAINERD]
    ])
    const builder = await checkBuilder(docker, ['linux/amd64', 'linux/arm64'], 'build-host')
    expect(builder.use).toEqual({ builder: 'build-host', context: 'build-host' })
    expect(calls).toEqual(['buildx inspect --bootstrap --builder build-host', '--context build-host info --format {{json .DriverStatus}}'])
    expect(describeBuilder(builder)).toBe('build-host (docker driver, run as docker --context build-host buildx)')
  })

  test('a builder that lacks a platform is named in the error', async () => {
    const { docker } = fakeDocker([[/inspect/, ok(inspectText('remote-1', 'remote', 'linux/amd64'))]])
    await expect(checkBuilder(docker, ['linux/amd64', 'linux/arm64'], 'remote-1')).rejects.toThrow("the 'remote-1' builder can't build linux/arm64")
  })

  test('a builder no earlier step created: buildx\'s own error and how to create it, in one line', async () => {
    const { docker } = fakeDocker([[/inspect/, { exitCode: 1, stdout: '', stderr: 'ERROR: no builder "nosuch" found' }]])
    await expect(checkBuilder(docker, ['linux/amd64'], 'nosuch')).rejects.toThrow(
      `the builder 'nosuch' can't be used (ERROR: no builder "nosuch" found): create it in an earlier step (docker buildx create --name nosuch, or docker/setup-buildx-action with name: nosuch), or leave builder empty for the job's current builder.`
    )
  })

  test('a dry run only looks: no --bootstrap', async () => {
    const { docker, calls } = fakeDocker([[/^buildx inspect --builder remote-1$/, ok(inspectText('remote-1', 'remote'))]])
    expect((await inspectBuilder(docker, 'remote-1', false)).use).toEqual({ builder: 'remote-1' })
    expect(calls).toEqual(['buildx inspect --builder remote-1'])
  })

  test('the summary names the builder', () => {
    const html = renderSummary({
      repository: 'team/web',
      pushed: true,
      outcome: 'built and pushed',
      imageUri: `${REPO}:1`,
      imageDigestUri: '',
      digest: '',
      tags: ['1'],
      platforms: ['linux/amd64'],
      builder: 'build-host (docker driver, run as docker --context build-host buildx)',
      repositoryChanges: [],
      lifecycle: '',
      warnings: []
    })
    expect(html).toContain('<tr><th align="left">Builder</th><td>build-host (docker driver, run as docker --context build-host buildx)</td></tr>')
  })
})

describe('a registry cache per platform', () => {
  test('push-by-digest: each platform\'s job imports and exports its own cache tag', () => {
    const arm = settings({ platforms: 'linux/arm64', 'push-by-digest': 'true' })
    expect(arm.build.cache).toEqual({ type: 'ecr', tag: 'buildcache-linux-arm64', from: ['buildcache-linux-arm64'] })
    expect(arm.repository).toMatchObject({ cacheTag: 'buildcache-linux-arm64', cacheFilter: 'buildcache*' })
    expect(cacheArgs(arm.build.cache, REPO)).toEqual([
      '--cache-from',
      `type=registry,ref=${REPO}:buildcache-linux-arm64`,
      '--cache-to',
      `type=registry,ref=${REPO}:buildcache-linux-arm64,mode=max,image-manifest=true,oci-mediatypes=true,ignore-error=true`
    ])
    expect(settings({ platforms: 'linux/amd64', 'push-by-digest': 'true', 'cache-tag': 'cache' }).build.cache.tag).toBe('cache-linux-amd64')
    expect(settings({ platforms: 'linux/arm/v7', 'push-by-digest': 'true' }).build.cache.tag).toBe('buildcache-linux-arm-v7')
  })

  test('one multi-platform run, and a merge, keep the one cache tag', () => {
    expect(settings({}).build.cache.tag).toBe('buildcache')
    expect(settings({ 'merge-digests': `sha256:${'1'.repeat(64)}` }).build.cache.tag).toBe('buildcache')
  })

  test('one wildcard filter keeps every cache tag mutable, and the default lifecycle policy protects them all', () => {
    for (const inputs of [{}, { platforms: 'linux/arm64', 'push-by-digest': 'true' }]) {
      const s = settings(inputs)
      expect(s.repository.tagMutabilityExclusions).toEqual(['latest', 'sha256-*', 'buildcache*'])
      const rules = (JSON.parse(formatLifecyclePolicy(s.repository.lifecycle.policy)) as { rules: { selection: { tagPatternList?: string[] } }[] }).rules
      expect(rules[2]?.selection.tagPatternList).toEqual(['buildcache*'])
    }
  })

  test('stated filters: a wildcard that covers the cache tags is enough; an exact cache filter gives way to the wildcard', () => {
    expect(settings({ 'tag-mutability-exclusions': 'latest,build*' }).repository.tagMutabilityExclusions).toEqual(['latest', 'build*'])
    expect(settings({ 'tag-mutability-exclusions': '*' }).repository.tagMutabilityExclusions).toEqual(['*'])
    expect(settings({ 'tag-mutability-exclusions': 'latest,buildcache' }).repository.tagMutabilityExclusions).toEqual(['latest', 'buildcache*'])
    // Five filters with the exact one: the wildcard takes its place, no sixth.
    expect(settings({ 'tag-mutability-exclusions': 'a,b,c,d,buildcache' }).repository.tagMutabilityExclusions).toEqual(['a', 'b', 'c', 'd', 'buildcache*'])
    expect(inputError({ 'tag-mutability-exclusions': 'a,b,c,d,e' }).message).toBe(
      "Input 'tag-mutability-exclusions': has 5 filters and the registry cache needs one more, 'buildcache*': drop one, or list a filter that covers the cache's tags."
    )
  })

  test('withCacheFilter: a filter ending in * that matches the cache tag covers all of them', () => {
    expect(withCacheFilter(['latest', 'b*'], 'buildcache*')).toEqual(['latest', 'b*'])
    expect(withCacheFilter(['latest', 'build*cache'], 'buildcache*')).toEqual(['latest', 'build*cache', 'buildcache*'])
    expect(withCacheFilter(['latest', 'buildcache'], 'buildcache*')).toEqual(['latest', 'buildcache*'])
  })

  const state = (exclusions: string[]): RepositoryState => ({
    uri: REPO,
    arn: 'arn:aws:ecr:us-east-1:123456789012:repository/team/web',
    mutability: { mode: 'IMMUTABLE_WITH_EXCLUSION', exclusions },
    scanOnPush: true,
    encryption: { type: 'AES256' }
  })

  test('a repository made with the exact buildcache filter: a one-job run leaves it; a per-platform run gets the wildcard in its place', () => {
    const single = settings({})
    expect(planRepository(state(['latest', 'buildcache']), single.repository, ['latest', 'buildcache']).changes).toEqual([])
    const perPlatform = settings({ platforms: 'linux/arm64', 'push-by-digest': 'true' })
    expect(planRepository(state(['latest', 'buildcache']), perPlatform.repository, ['buildcache-linux-arm64']).changes).toEqual([
      {
        kind: 'tag-mutability',
        from: { mode: 'IMMUTABLE_WITH_EXCLUSION', exclusions: ['latest', 'buildcache'] },
        to: { mode: 'IMMUTABLE_WITH_EXCLUSION', exclusions: ['latest', 'buildcache*'] }
      }
    ])
    expect(planRepository(state(['latest', 'buildcache*']), perPlatform.repository, ['buildcache-linux-arm64']).changes).toEqual([])
  })

  test('an IMMUTABLE repository is never loosened for the cache: a warning instead', () => {
    const perPlatform = settings({ platforms: 'linux/arm64', 'push-by-digest': 'true' })
    const plan = planRepository({ ...state([]), mutability: { mode: 'IMMUTABLE', exclusions: [] } }, perPlatform.repository, ['buildcache-linux-arm64'])
    expect(plan.changes).toEqual([])
    expect(plan.warnings[0]).toContain("'buildcache-linux-arm64'")
  })

  test('an image tag among the cache\'s tags is refused', () => {
    expect(inputError({ tags: 'buildcache-old' }).message).toBe(
      "Input 'cache-tag': 'buildcache-old' is an image tag this run pushes, and the registry cache's tags are buildcache*: give the cache a tag of its own."
    )
    expect(inputError({ version: 'buildcache' }).message).toMatch(/^Input 'cache-tag': 'buildcache' is an image tag this run pushes/)
  })

  test('a cache tag too long for its per-platform form or its wildcard', () => {
    const long = 'c'.repeat(120)
    expect(inputError({ 'cache-tag': long, platforms: 'linux/arm64', 'push-by-digest': 'true' }).message).toBe(
      `Input 'cache-tag': '${long}' is too long for this job's per-platform cache tag '${long}-linux-arm64': use at most 116 characters.`
    )
    expect(inputError({ 'cache-tag': 'c'.repeat(128) }).message).toBe(`Input 'cache-tag': '${'c'.repeat(128)}' is too long: use at most 127 characters.`)
  })
})

describe('build secrets', () => {
  test('secrets (id=value) and secret-envs (id=VARIABLE): passed as --secret id=…,env=…, the values in buildx\'s environment only', () => {
    const s = settings({ secrets: 'token=s3cr3t=with=equals\nnpmrc=//registry/:_authToken=abc', 'secret-envs': 'gh=GH_TOKEN' }, { GH_TOKEN: 'ghp_value' })
    expect(s.build.secrets).toEqual([
      { id: 'token', env: 'ECR_BUILD_PUSH_SECRET_1', value: 's3cr3t=with=equals' },
      { id: 'npmrc', env: 'ECR_BUILD_PUSH_SECRET_2', value: '//registry/:_authToken=abc' },
      { id: 'gh', env: 'GH_TOKEN', value: 'ghp_value' }
    ])
    const argv = buildxArgs(s.build, [`${REPO}:1`], [], META)
    expect(argv.filter((_a, i) => argv[i - 1] === '--secret')).toEqual([
      'id=token,env=ECR_BUILD_PUSH_SECRET_1',
      'id=npmrc,env=ECR_BUILD_PUSH_SECRET_2',
      'id=gh,env=GH_TOKEN'
    ])
    for (const value of ['s3cr3t', 'abc', 'ghp_value']) expect(argv.join(' ')).not.toContain(value)
    expect(buildxEnv(s.build)).toEqual({ ECR_BUILD_PUSH_SECRET_1: 's3cr3t=with=equals', ECR_BUILD_PUSH_SECRET_2: '//registry/:_authToken=abc', GH_TOKEN: 'ghp_value' })
  })

  test('a value of several lines comes through secret-envs whole', () => {
    const key = '-----BEGIN KEY-----\nabc\n-----END KEY-----'
    expect(settings({ 'secret-envs': 'key=DEPLOY_KEY' }, { DEPLOY_KEY: key }).build.secrets).toEqual([{ id: 'key', env: 'DEPLOY_KEY', value: key }])
  })

  test.each<[string, Record<string, string>, Record<string, string>, string]>([
    ['a line without an id', { secrets: 'justthevalue' }, {}, "Input 'secrets': line 1 is not id=value: give one id=value per line."],
    ['an empty value', { secrets: 'a=1\ntoken=' }, {}, "Input 'secrets': line 2: the secret 'token' is empty (a repository secret that doesn't exist is empty in ${{ secrets.… }}): give it a value or remove the line."],
    ['an id buildx would split', { secrets: 'a,b=value' }, {}, "Input 'secrets': line 1: what stands before = is not a secret id: use letters, digits, _ . - (the id in RUN --mount=type=secret,id=…)."],
    ['an id twice', { secrets: 'token=x', 'secret-envs': 'token=GH' }, { GH: 'y' }, "Input 'secret-envs': line 1: the secret 'token' is given twice: give each id once across secrets and secret-envs."],
    ['a variable that is not set', { 'secret-envs': 'gh=GH_TOKEN' }, {}, "Input 'secret-envs': line 1: the secret 'gh' reads GH_TOKEN, which is not set (or empty) in the step's environment: set it with env: on the step."],
    ['not id=VARIABLE', { 'secret-envs': 'gh=not a name' }, {}, "Input 'secret-envs': line 1 is not id=VARIABLE: give the secret's id and the name of the variable that holds it (not its value), e.g. token=GH_TOKEN."]
  ])('%s: one line naming the input and the line, never the value', (_name, inputs, extra, message) => {
    const error = inputError(inputs, extra)
    expect(error.message).toBe(message)
    expect(error.message).not.toContain('justthevalue')
  })

  test.each<[string, Record<string, string>]>([
    // a base64 value written without its id: what stands before its padding is no id, and is the secret
    ['secrets', { secrets: 'id=x\nc2VjcmV0K3Bhc3M/d29yZA==' }],
    ['secrets', { secrets: 'ghp+s3cretvalue=' }],
    // a value where the variable's name belongs
    ['secret-envs', { 'secret-envs': 'token=ghp_s3cretvalue-from-a-paste' }],
    ['secret-envs', { 'secret-envs': 'ghp_s3cretvalue' }],
    // the second line of a value that went on over two lines, and a value with = before its key
    ['build-args', { 'build-args': 'CERT=-----BEGIN CERTIFICATE-----\nMIIBs3cretvalue+abc/def' }],
    ['build-args', { 'build-args': 'OK=1\ns3cretvalue/x=y' }]
  ])('a malformed %s line never shows up in the error (%j)', (input, inputs) => {
    const error = inputError(inputs)
    expect(error.message).toMatch(new RegExp(`^Input '${input}': line \\d`))
    expect(error.message).not.toMatch(/s3cret|c2VjcmV0|d29yZA|MIIB/)
  })
})

describe('build-args through buildx\'s environment', () => {
  test('--build-arg NAME once per name; the last value wins, as on buildx\'s command line', () => {
    const s = settings({ 'build-args': 'A=1\nB=two words\nA=3\nEMPTY=' })
    const argv = buildxArgs(s.build, [`${REPO}:1`], [], META)
    expect(argv.filter((_a, i) => argv[i - 1] === '--build-arg')).toEqual(['A', 'B', 'EMPTY'])
    expect(buildxEnv(s.build)).toEqual({ A: '3', B: 'two words', EMPTY: '' })
  })

  test('the environment reaches the build\'s docker command, and only it', async () => {
    const seen: [string, DockerOptions | undefined][] = []
    const docker: Docker = async (args, options) => {
      seen.push([args[1] ?? '', options])
      if (args.includes('--metadata-file')) writeFileSync(args[args.indexOf('--metadata-file') + 1] ?? '', JSON.stringify({ 'containerimage.digest': `sha256:${'d'.repeat(64)}` }))
      return ok()
    }
    const build = buildSettings({ buildArgs: ['NODE=20'], secrets: [{ id: 't', env: 'ECR_BUILD_PUSH_SECRET_1', value: 'v' }] })
    await buildAndPush(docker, build, [`${REPO}:1`], [])
    expect(seen).toEqual([['build', { stream: true, env: { NODE: '20', ECR_BUILD_PUSH_SECRET_1: 'v' } }]])
  })

  test.each(['PATH', 'HOME', 'DOCKER_HOST', 'DOCKER_CONFIG', 'BUILDX_BUILDER', 'LD_PRELOAD'])('%s, a variable docker reads itself, is refused', name => {
    expect(inputError({ 'build-args': `${name}=x` }).message).toBe(
      `Input 'build-args': '${name}' is a variable docker reads itself, and a build argument's value is handed to buildx in its environment: give the ARG another name.`
    )
  })

  test('a malformed line is named by its line, neither its value nor what may be one', () => {
    expect(inputError({ 'build-args': 'OK=1\n1BAD=hunter2' }).message).toBe(
      "Input 'build-args': line 2 is not KEY=VALUE: give one KEY=VALUE per line, the KEY of letters, digits, _ . - (a value can't go on over several lines)."
    )
  })

  test('proxy and BUILDKIT_ arguments stay allowed', () => {
    expect(settings({ 'build-args': 'HTTP_PROXY=http://proxy:3128\nBUILDKIT_INLINE_CACHE=1' }).build.buildArgs).toHaveLength(2)
  })
})
