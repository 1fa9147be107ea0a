/**
 * Planning the build: image references, OCI labels, the buildx argv and environment (the
 * pass-through options, the cache, a named builder, build arguments), parsed builder inspects.
 */
import { describe, expect, test } from '@jest/globals'
import {
  buildxArgs,
  buildxEnv,
  cacheArgs,
  cacheMode,
  cacheOnlyArgs,
  imageReferences,
  layoutDir,
  missingPlatforms,
  ociLabels,
  parseBuilderInspect,
  tagRoutes,
  withoutCacheExport,
  type RunInfo,
  buildxInherit,
  builderUse,
  buildxCommand
} from '../../../src/build/plan.js'
import type { Settings } from '../../../src/settings/types.js'
import { buildSettings } from '../../fixtures/build-settings.js'
import { readSettings } from '../../../src/settings/read.js'
import { makeWorkspace, stepEnv, type TempWorkspace } from '../../fixtures/workspace.js'
import { buildAndPush, mergeIndex } from '../../../src/build/buildx.js'
import { fakeDocker, pushedBuild } from '../../fixtures/docker.js'
import { settingsWorkspace } from '../../fixtures/input-error.js'

const REPO = '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web'

const META = '/runner/_temp/ecr-build-push-x/metadata.json'

const OCI = ['org.opencontainers.image.version=1.2.3', 'org.opencontainers.image.created=2024-05-01T10:00:00.000Z']

const build = buildSettings

const refs = [`${REPO}:1.2.3`, `${REPO}:latest`]

const BUILDX_CASES: [string, Settings['build'], string[], string[], string[]][] = [
  [
    'defaults',
    build(),
    refs,
    OCI,
    [
      'buildx',
      'build',
      '--platform',
      'linux/amd64,linux/arm64',
      '--file',
      '/work/app/Dockerfile',
      '--tag',
      `${REPO}:1.2.3`,
      '--tag',
      `${REPO}:latest`,
      '--label',
      OCI[0] ?? '',
      '--label',
      OCI[1] ?? '',
      '--provenance=false',
      '--sbom=false',
      '--metadata-file',
      META,
      '--push',
      '/work/app'
    ]
  ],
  [
    'target',
    build({ target: 'release' }),
    [`${REPO}:1.2.3`],
    [],
    [
      'buildx',
      'build',
      '--platform',
      'linux/amd64,linux/arm64',
      '--file',
      '/work/app/Dockerfile',
      '--target',
      'release',
      '--tag',
      `${REPO}:1.2.3`,
      '--provenance=false',
      '--sbom=false',
      '--metadata-file',
      META,
      '--push',
      '/work/app'
    ]
  ],
  [
    'build-args, in order',
    build({ buildArgs: ['NODE_VERSION=20', 'LIST=a,b'] }),
    [`${REPO}:1.2.3`],
    [],
    [
      'buildx',
      'build',
      '--platform',
      'linux/amd64,linux/arm64',
      '--file',
      '/work/app/Dockerfile',
      '--tag',
      `${REPO}:1.2.3`,
      '--build-arg',
      'NODE_VERSION',
      '--build-arg',
      'LIST',
      '--provenance=false',
      '--sbom=false',
      '--metadata-file',
      META,
      '--push',
      '/work/app'
    ]
  ],
  [
    'workflow labels after the OCI labels, so they win',
    build({ labels: ['org.opencontainers.image.version=custom', 'team=core'] }),
    [`${REPO}:1.2.3`],
    OCI,
    [
      'buildx',
      'build',
      '--platform',
      'linux/amd64,linux/arm64',
      '--file',
      '/work/app/Dockerfile',
      '--tag',
      `${REPO}:1.2.3`,
      '--label',
      OCI[0] ?? '',
      '--label',
      OCI[1] ?? '',
      '--label',
      'org.opencontainers.image.version=custom',
      '--label',
      'team=core',
      '--provenance=false',
      '--sbom=false',
      '--metadata-file',
      META,
      '--push',
      '/work/app'
    ]
  ],
  [
    'push: false has no --push',
    build({ push: false }),
    ['team/web:1.2.3'],
    [],
    [
      'buildx',
      'build',
      '--platform',
      'linux/amd64,linux/arm64',
      '--file',
      '/work/app/Dockerfile',
      '--tag',
      'team/web:1.2.3',
      '--provenance=false',
      '--sbom=false',
      '--metadata-file',
      META,
      '/work/app'
    ]
  ],
  [
    'single platform',
    build({ platforms: ['linux/arm64'] }),
    [`${REPO}:1.2.3`],
    [],
    ['buildx', 'build', '--platform', 'linux/arm64', '--file', '/work/app/Dockerfile', '--tag', `${REPO}:1.2.3`, '--provenance=false', '--sbom=false', '--metadata-file', META, '--push', '/work/app']
  ],
  [
    'file outside the context',
    build({ file: '/work/docker/Release.Dockerfile' }),
    [`${REPO}:1.2.3`],
    [],
    [
      'buildx',
      'build',
      '--platform',
      'linux/amd64,linux/arm64',
      '--file',
      '/work/docker/Release.Dockerfile',
      '--tag',
      `${REPO}:1.2.3`,
      '--provenance=false',
      '--sbom=false',
      '--metadata-file',
      META,
      '--push',
      '/work/app'
    ]
  ],
  [
    'remote context without a file',
    build({ context: 'https://github.com/acme/web.git#main', file: '' }),
    [`${REPO}:1.2.3`],
    [],
    [
      'buildx',
      'build',
      '--platform',
      'linux/amd64,linux/arm64',
      '--tag',
      `${REPO}:1.2.3`,
      '--provenance=false',
      '--sbom=false',
      '--metadata-file',
      META,
      '--push',
      'https://github.com/acme/web.git#main'
    ]
  ]
]

describe('buildxArgs', () => {
  test.each(BUILDX_CASES)('%s', (_, settings, references, labels, expected) => {
    expect(buildxArgs(settings, references, labels, META)).toEqual(expected)
  })

  test.each(BUILDX_CASES)('%s: argv, not a shell string', (_, settings, references, labels) => {
    const argv = buildxArgs(settings, references, labels, META)
    // no item holds a whole command line, and nothing is quoted for a shell
    for (const item of argv) {
      expect(item.startsWith('docker')).toBe(false)
      expect(item).not.toMatch(/^(['"]).*\1$/)
      expect(item).not.toMatch(/ --/)
    }
    // the context is the last item, so it can't be taken for a flag's value
    expect(argv.at(-1)).toBe(settings.context)
    // attestations are off: they show up in ECR as unknown/unknown images
    expect(argv).toContain('--provenance=false')
    expect(argv).toContain('--sbom=false')
  })

  test("a build argument is passed by name, its value (spaces and shell characters kept) in buildx's environment", () => {
    const s = build({ buildArgs: ['NOTE=$(id); echo "hi there" `x`'], context: '/work/my app' })
    const argv = buildxArgs(s, ['r:1'], [], META)
    expect(argv[argv.indexOf('NOTE') - 1]).toBe('--build-arg')
    expect(argv.join(' ')).not.toContain('hi there')
    expect(buildxEnv(s)).toEqual({ NOTE: '$(id); echo "hi there" `x`' })
    expect(argv.at(-1)).toBe('/work/my app')
  })

  test('push-by-digest: an OCI layout beside the metadata file, no tags, no --push', () => {
    const argv = buildxArgs(build({ platforms: ['linux/arm64'], pushByDigest: true }), refs, OCI, '/tmp/run/ecr-build-push-x/metadata.json')
    expect(argv).toContain('type=oci,dest=/tmp/run/ecr-build-push-x/oci-layout,tar=false')
    expect(argv[argv.indexOf('type=oci,dest=/tmp/run/ecr-build-push-x/oci-layout,tar=false') - 1]).toBe('--output')
    expect(argv).not.toContain('--tag')
    expect(argv).not.toContain('--push')
    expect(layoutDir('/tmp/run/ecr-build-push-x/metadata.json')).toBe('/tmp/run/ecr-build-push-x/oci-layout')
  })

  test('does not change the settings it is given', () => {
    const s = build({ labels: ['a=b'] })
    const copy = structuredClone(s)
    buildxArgs(s, refs, OCI, META)
    expect(s).toEqual(copy)
  })
})

describe('imageReferences', () => {
  test('one reference per tag, the version first', () => {
    expect(imageReferences(REPO, ['1.2.3', 'latest', 'stable'])).toEqual([`${REPO}:1.2.3`, `${REPO}:latest`, `${REPO}:stable`])
  })

  test('a bare repository name when not pushed', () => {
    expect(imageReferences('team/web', ['sha-0123abc'])).toEqual(['team/web:sha-0123abc'])
  })

  test('no tags, no references', () => {
    expect(imageReferences(REPO, [])).toEqual([])
  })
})

describe('ociLabels', () => {
  const run: RunInfo = {
    sha: '0123abcdef4567890123abcdef4567890123abcd',
    sourceUrl: 'https://github.com/acme/web',
    created: '2024-05-01T10:00:00.000Z'
  }

  test('version, created, revision and source', () => {
    expect(ociLabels('1.2.3', run)).toEqual([
      'org.opencontainers.image.version=1.2.3',
      'org.opencontainers.image.created=2024-05-01T10:00:00.000Z',
      'org.opencontainers.image.revision=0123abcdef4567890123abcdef4567890123abcd',
      'org.opencontainers.image.source=https://github.com/acme/web'
    ])
  })

  test('outside Actions: no revision and no source', () => {
    expect(ociLabels('dev', { sha: '', sourceUrl: '', created: '2024-05-01T10:00:00.000Z' })).toEqual([
      'org.opencontainers.image.version=dev',
      'org.opencontainers.image.created=2024-05-01T10:00:00.000Z'
    ])
  })
})

describe('missingPlatforms', () => {
  test.each<[string, string[], string[], string[]]>([
    ['all there', ['linux/amd64', 'linux/arm64'], ['linux/amd64', 'linux/arm64', 'linux/386'], []],
    ['buildx marks configured platforms with *', ['linux/amd64', 'linux/arm64'], ['linux/amd64*', 'linux/arm64*'], []],
    ['arm64 missing', ['linux/amd64', 'linux/arm64'], ['linux/amd64*', 'linux/amd64/v2', 'linux/386'], ['linux/arm64']],
    ['nothing available', ['linux/amd64'], [], ['linux/amd64']],
    ['a variant is its own platform', ['linux/arm/v7'], ['linux/arm/v6', 'linux/arm64'], ['linux/arm/v7']],
    ['order of the request is kept', ['linux/s390x', 'linux/amd64', 'linux/ppc64le'], ['linux/amd64'], ['linux/s390x', 'linux/ppc64le']],
    ['amd64/v2 does not stand in for amd64', ['linux/amd64'], ['linux/amd64/v2', 'linux/amd64/v3'], ['linux/amd64']]
  ])('%s', (_, requested, available, missing) => {
    expect(missingPlatforms(requested, available)).toEqual(missing)
  })
})

describe('parseBuilderInspect', () => {
  const DOCKER_DRIVER = `Name:          default
Driver:        docker
Last Activity: 2024-05-01 10:00:00 +0000 UTC

Nodes:
Name:             default
Endpoint:         default
Status:           running
BuildKit version: v0.12.5
Platforms:        linux/amd64, linux/amd64/v2, linux/amd64/v3, linux/386
Labels:
 org.mobyproject.buildkit.worker.moby.host-gateway-ip: 172.17.0.1
GC Policy rule#0:
 All:           false
 Filters:       type==source.local,type==exec.cachemount,type==source.git.checkout
 Keep Duration: 48h0m0s
 Keep Bytes:    1.863GiB
GC Policy rule#1:
 All:           false
 Keep Duration: 1440h0m0s
 Keep Bytes:    13.97GiB
`

  const TWO_NODES = `Name:          multiarch
Driver:        docker-container
Last Activity: 2024-05-01 10:00:00 +0000 UTC

Nodes:
Name:                  multiarch0
Endpoint:              unix:///var/run/docker.sock
Driver Options:        image="moby/buildkit:buildx-stable-1" network="host"
Status:                running
BuildKit daemon flags: --allow-insecure-entitlement=network.host
BuildKit version:      v0.13.2
Platforms:             linux/amd64*, linux/amd64/v2, linux/amd64/v3, linux/386
Labels:
 org.mobyproject.buildkit.worker.executor:         oci
 org.mobyproject.buildkit.worker.hostname:         2f5b8e0f6a3c
 org.mobyproject.buildkit.worker.network:          host
 org.mobyproject.buildkit.worker.oci.process-mode: sandbox
 org.mobyproject.buildkit.worker.selinux.enabled:  false
 org.mobyproject.buildkit.worker.snapshotter:      overlayfs
GC Policy rule#0:
 All:           false
 Filters:       type==source.local,type==exec.cachemount,type==source.git.checkout
 Keep Duration: 48h0m0s
 Keep Bytes:    488.3MiB

Name:                  multiarch1
Endpoint:              ssh://runner@arm-builder
Driver Options:        image="moby/buildkit:buildx-stable-1"
Status:                running
BuildKit version:      v0.13.2
Platforms:             linux/arm64*, linux/arm/v7, linux/arm/v6
Labels:
 org.mobyproject.buildkit.worker.executor:         oci
 org.mobyproject.buildkit.worker.hostname:         7c1d2e3f4a5b
`

  test('the docker driver', () => {
    expect(parseBuilderInspect(DOCKER_DRIVER)).toEqual({
      name: 'default',
      driver: 'docker',
      platforms: ['linux/amd64', 'linux/amd64/v2', 'linux/amd64/v3', 'linux/386']
    })
  })

  test('a docker-container builder with two nodes: the builder name, and both nodes’ platforms', () => {
    const info = parseBuilderInspect(TWO_NODES)
    expect(info).toEqual({
      name: 'multiarch',
      driver: 'docker-container',
      platforms: ['linux/amd64*', 'linux/amd64/v2', 'linux/amd64/v3', 'linux/386', 'linux/arm64*', 'linux/arm/v7', 'linux/arm/v6']
    })
    expect(missingPlatforms(['linux/amd64', 'linux/arm64', 'linux/arm/v7'], info.platforms)).toEqual([])
  })

  test('the docker driver cannot build arm64 without QEMU', () => {
    expect(missingPlatforms(['linux/amd64', 'linux/arm64'], parseBuilderInspect(DOCKER_DRIVER).platforms)).toEqual(['linux/arm64'])
  })

  test('CRLF output and a node that has not booted (no Platforms line)', () => {
    const text = 'Name:   remote\r\nDriver: remote\r\n\r\nNodes:\r\nName:     remote0\r\nEndpoint: tcp://builder:1234\r\nStatus:   inactive\r\n'
    expect(parseBuilderInspect(text)).toEqual({ name: 'remote', driver: 'remote', platforms: [] })
  })

  test('empty output', () => {
    expect(parseBuilderInspect('')).toEqual({ name: '', driver: '', platforms: [] })
  })
})

describe('tagRoutes: which tags buildx pushes, which the registry API adds', () => {
  const image = { version: '1.2.0', tags: ['1.2.0', 'stable', 'latest'] } as Settings['image']
  const build = (over: Partial<Settings['build']>) => ({ push: true, pushByDigest: false, ...over }) as Settings['build']

  test('a push: buildx the version, the API the rest', () => {
    expect(tagRoutes(build({}), image)).toEqual({ buildx: ['1.2.0'], api: ['stable', 'latest'] })
  })

  test('not pushed, or pushed by digest: buildx gets every tag, the API none', () => {
    expect(tagRoutes(build({ push: false }), image)).toEqual({ buildx: image.tags, api: [] })
    expect(tagRoutes(build({ pushByDigest: true }), image)).toEqual({ buildx: image.tags, api: [] })
  })
})

describe('cacheMode: min where max keeps nothing more', () => {
  test.each([
    ['one stage', 'FROM node:22\nCOPY . /app\nRUN npm ci\n', 'min'],
    ['one stage, lower case, continued line, comments', '# syntax=docker/dockerfile:1\n# FROM a comment\nfrom \\\n  node:22 AS app\nRUN echo\n', 'min'],
    ['two stages', 'FROM golang AS build\nRUN go build\nFROM scratch\nCOPY --from=build /app /app\n', 'max'],
    ['a FROM after a continuation', 'FROM a\nRUN echo \\\nFROM b\n', 'min'],
    ['no FROM at all', 'RUN echo\n', 'max'],
    ['unreadable (a remote context)', undefined, 'max']
  ])('%s → %s', (_name, dockerfile, mode) => {
    expect(cacheMode(dockerfile)).toBe(mode)
  })

  test('the mode reaches both cache kinds', () => {
    expect(cacheArgs({ type: 'ecr', tag: 'buildcache', from: ['buildcache'] }, 'r.test/web', {}, 'min')).toEqual([
      '--cache-from',
      'type=registry,ref=r.test/web:buildcache',
      '--cache-to',
      'type=registry,ref=r.test/web:buildcache,mode=min,image-manifest=true,oci-mediatypes=true,ignore-error=true'
    ])
    expect(cacheArgs({ type: 'gha', tag: 'buildcache', from: [] }, undefined, {}, 'min')).toEqual(['--cache-from', 'type=gha', '--cache-to', 'type=gha,mode=min,ignore-error=true'])
  })
})

test('cacheOnlyArgs: the same build with only its cache export (a first push by digest sends the layers with the cache)', () => {
  const args = [
    'buildx',
    'build',
    '--platform',
    'linux/amd64',
    '--output',
    'type=oci,dest=/t/oci-layout,tar=false',
    '--label',
    'a=b',
    '--cache-to',
    'type=registry,ref=r/w:c',
    '--metadata-file',
    '/t/metadata.json',
    '.'
  ]
  expect(cacheOnlyArgs(args)).toEqual(['buildx', 'build', '--platform', 'linux/amd64', '--output', 'type=cacheonly', '--label', 'a=b', '--cache-to', 'type=registry,ref=r/w:c', '.'])
})

describe("push-by-digest: buildx's own where its driver can, a layout on the docker driver", () => {
  const byDigest = build({ pushByDigest: true, push: true, cache: { type: 'none', tag: 'buildcache', from: [] } })
  const output = (argv: string[]) => argv[argv.indexOf('--output') + 1]
  test.each(['docker-container', 'remote', 'kubernetes', 'cloud'])('%s: pushed untagged by buildx itself, no layout, no --tag', driver => {
    const argv = buildxArgs(byDigest, ['r.test/web:1.0.0'], [], META, 'r.test/web', {}, 'max', driver)
    expect(output(argv)).toBe('type=image,name=r.test/web,push-by-digest=true,name-canonical=true,push=true,oci-mediatypes=true')
    expect(argv).not.toContain('--tag')
    expect(argv).not.toContain('--push')
  })
  test('docker: an OCI layout beside the metadata file, which the action pushes', () => {
    const argv = buildxArgs(byDigest, ['r.test/web:1.0.0'], [], META, 'r.test/web', {}, 'max', 'docker')
    expect(output(argv)).toBe(`type=oci,dest=${layoutDir(META)},tar=false`)
  })
})

test('withoutCacheExport: the layout build after a cache-only one keeps its cache import and drops only the export', () => {
  const args = ['buildx', 'build', '--cache-from', 'type=registry,ref=r/w:c', '--output', 'type=oci,dest=/x', '--cache-to', 'type=registry,ref=r/w:c,mode=min', '--cache-to', 'type=gha', '.']
  expect(withoutCacheExport(args)).toEqual(['buildx', 'build', '--cache-from', 'type=registry,ref=r/w:c', '--output', 'type=oci,dest=/x', '.'])
})

describe('build options', () => {
  const URI = '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web'

  let ws: TempWorkspace

  beforeAll(() => {
    ws = makeWorkspace()
    ws.mkdir('shared')
    ws.write('keys/deploy_key', 'not a real key\n')
  })

  afterAll(() => ws.remove())

  const settings = (inputs: Record<string, string>, extra: Record<string, string | undefined> = {}): Settings => readSettings(stepEnv(ws.dir, { repository: 'team/web', ...inputs }, extra))

  const argv = (s: Settings): string[] => buildxArgs(s.build, [`${URI}:1.0.0`], [], '/tmp/m.json', URI)

  /** Each value the flag got, in order. */
  const values = (args: string[], flag: string): string[] => args.flatMap((a, i) => (a === flag ? [args[i + 1] ?? ''] : []))

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

    test("cache-to to another ECR repository as an OCI image manifest; a gha override gets the runner's cache variables", () => {
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
})

describe('a named builder and build arguments', () => {
  const { settings, inputError } = settingsWorkspace()

  const META = '/runner/_temp/ecr-build-push-x/metadata.json'

  const REPO = '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web'

  describe('every buildx command on the named builder', () => {
    test('a remote, kubernetes or docker-container builder: buildx --builder NAME', () => {
      for (const driver of ['remote', 'kubernetes', 'docker-container', 'cloud']) {
        expect(builderUse('remote-1', driver)).toEqual({ builder: 'remote-1' })
      }
      const use = builderUse('remote-1', 'remote')
      expect(buildxArgs(buildSettings({ builder: 'remote-1' }), [`${REPO}:1`], [], META, undefined, use).slice(0, 5)).toEqual(['buildx', 'build', '--builder', 'remote-1', '--platform'])
      expect(buildxCommand(use, ['imagetools', 'create'], ['--tag', 'x'])).toEqual(['buildx', 'imagetools', 'create', '--builder', 'remote-1', '--tag', 'x'])
    })

    test("a docker context's docker-driver builder: docker --context NAME buildx … --builder NAME (buildx refuses --builder alone)", () => {
      const use = builderUse('build-host', 'docker')
      expect(use).toEqual({ builder: 'build-host', context: 'build-host' })
      expect(buildxArgs(buildSettings(), [`${REPO}:1`], [], META, undefined, use).slice(0, 6)).toEqual(['--context', 'build-host', 'buildx', 'build', '--builder', 'build-host'])
      expect(buildxCommand(use, ['inspect', '--bootstrap'])).toEqual(['--context', 'build-host', 'buildx', 'inspect', '--bootstrap', '--builder', 'build-host'])
    })

    test("no name: buildx as before, whatever the current builder's driver", () => {
      expect(builderUse(undefined, 'docker')).toEqual({})
      expect(buildxCommand({}, ['imagetools', 'create'])).toEqual(['buildx', 'imagetools', 'create'])
    })

    test('push-by-digest on a named builder: the OCI layout export goes through it too', () => {
      const argv = buildxArgs(buildSettings({ platforms: ['linux/arm64'], pushByDigest: true }), [], [], META, REPO, { builder: 'remote-1' })
      expect(argv.slice(0, 4)).toEqual(['buildx', 'build', '--builder', 'remote-1'])
      expect(argv).toContain('type=oci,dest=/runner/_temp/ecr-build-push-x/oci-layout,tar=false')
    })

    test('buildAndPush and mergeIndex run on the builder they are given', async () => {
      const { docker, calls } = fakeDocker([], pushedBuild())
      await buildAndPush(docker, buildSettings(), [`${REPO}:1`], [], { builder: { builder: 'remote-1' } })
      await mergeIndex(docker, REPO, ['1'], [`sha256:${'1'.repeat(64)}`], { builder: { builder: 'host', context: 'host' } })
      expect(calls[0]?.args.slice(0, 4)).toEqual(['buildx', 'build', '--builder', 'remote-1'])
      expect(calls[1]?.args).toEqual(['--context', 'host', 'buildx', 'imagetools', 'create', '--builder', 'host', '--tag', `${REPO}:1`, `${REPO}@sha256:${'1'.repeat(64)}`])
    })
  })

  describe("build-args through buildx's environment", () => {
    test("--build-arg NAME once per name; the last value wins, as on buildx's command line", () => {
      const s = settings({ 'build-args': 'A=1\nB=two words\nA=3\nEMPTY=' })
      const argv = buildxArgs(s.build, [`${REPO}:1`], [], META)
      expect(argv.filter((_a, i) => argv[i - 1] === '--build-arg')).toEqual(['A', 'B', 'EMPTY'])
      expect(buildxEnv(s.build)).toEqual({ A: '3', B: 'two words', EMPTY: '' })
    })

    test("the environment reaches the build's docker command, and only it", async () => {
      const { docker, commands, options } = fakeDocker([], pushedBuild())
      const build = buildSettings({ buildArgs: ['NODE=20'], secrets: [{ id: 't', env: 'ECR_BUILD_PUSH_SECRET_1', value: 'v' }] })
      await buildAndPush(docker, build, [`${REPO}:1`], [])
      expect(commands(2)).toEqual(['buildx build'])
      expect(options).toEqual([{ stream: true, env: { NODE: '20', ECR_BUILD_PUSH_SECRET_1: 'v' } }])
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
})

describe('cacheArgs', () => {
  const uri = '1.dkr.ecr.us-east-1.amazonaws.com/team/web'
  test('ecr: a registry cache ECR accepts, that never fails the build', () => {
    expect(cacheArgs({ type: 'ecr', tag: 'buildcache', from: ['buildcache'] }, uri)).toEqual([
      '--cache-from',
      `type=registry,ref=${uri}:buildcache`,
      '--cache-to',
      `type=registry,ref=${uri}:buildcache,mode=max,image-manifest=true,oci-mediatypes=true,ignore-error=true`
    ])
  })
  test('ecr without a registry (push: false): none', () => {
    expect(cacheArgs({ type: 'ecr', tag: 'buildcache', from: ['buildcache'] }, undefined)).toEqual([])
  })
  test('gha and none', () => {
    expect(cacheArgs({ type: 'gha', tag: 'x', from: ['x'] }, uri)).toEqual(['--cache-from', 'type=gha', '--cache-to', 'type=gha,mode=max,ignore-error=true'])
    expect(cacheArgs({ type: 'none', tag: 'x', from: ['x'] }, uri)).toEqual([])
  })
})
