/**
 * The builder check: each way docker can't build what was asked is one line with the fix; a
 * named builder inspected by name.
 */
import { checkBuilder, describeBuilder, inspectBuilder } from '../../../src/build/builder.js'
import { ActionError } from '../../../src/errors.js'
import { renderSummary } from '../../../src/report/summary.js'
import { failed, fakeDocker, ok } from '../../fixtures/docker.js'

const INSPECT_DOCKER = `Name:          default
Driver:        docker
Last Activity: 2026-11-24 10:00:00 +0000 UTC

Nodes:
Name:             default
Endpoint:         default
Status:           running
BuildKit version: v0.25.1
Platforms:        linux/amd64, linux/amd64/v2, linux/arm64, linux/386
`

const CONTAINERD = ok('[["driver-type","io.containerd.snapshotter.v1"]]')

test('a docker-driver builder with the containerd image store and both platforms passes', async () => {
  const { docker, commands } = fakeDocker({ 'buildx inspect': ok(INSPECT_DOCKER), 'info --format': CONTAINERD })
  await expect(checkBuilder(docker, ['linux/amd64', 'linux/arm64'])).resolves.toMatchObject({ driver: 'docker' })
  expect(commands(2)).toEqual(['buildx inspect', 'info --format'])
})

test.each([
  [
    'docker missing',
    { 'buildx inspect': failed('Unable to locate executable file: docker', 127) },
    ['linux/amd64'],
    'docker is not installed on this runner: use a runner with Docker (e.g. ubuntu-latest).'
  ],
  ['buildx missing', { 'buildx inspect': failed("docker: 'buildx' is not a docker command.") }, ['linux/amd64'], 'docker buildx is not installed: add docker/setup-buildx-action before this step.'],
  [
    'the daemon down',
    { 'buildx inspect': failed('Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?') },
    ['linux/amd64'],
    'the Docker daemon is not running: start it (or use a runner where it runs) before this step.'
  ],
  [
    'the docker driver without the containerd image store',
    { 'buildx inspect': ok(INSPECT_DOCKER), 'info --format': ok('[["Backing Filesystem","extfs"]]') },
    ['linux/amd64', 'linux/arm64'],
    "the 'default' builder uses the docker driver without the containerd image store, which can't build several platforms at once: add docker/setup-buildx-action before this step (or turn on the containerd image store)."
  ],
  [
    'a platform the builder lacks',
    { 'buildx inspect': ok(INSPECT_DOCKER), 'info --format': CONTAINERD },
    ['linux/amd64', 'linux/s390x'],
    "the 'default' builder can't build linux/s390x (it has linux/amd64, linux/amd64/v2, linux/arm64, linux/386): add docker/setup-qemu-action before this step, or build that platform on a runner of its own."
  ]
])('%s', async (_name, answers, platforms, message) => {
  const { docker } = fakeDocker(answers)
  await expect(checkBuilder(docker, platforms)).rejects.toThrow(message)
})

test('one platform on the docker driver (a push-by-digest job) needs neither docker info nor another builder', async () => {
  const { docker, commands } = fakeDocker({ 'buildx inspect': ok(INSPECT_DOCKER) })
  await expect(checkBuilder(docker, ['linux/arm64'])).resolves.toMatchObject({ driver: 'docker' })
  expect(commands(2)).toEqual(['buildx inspect'])
})

/** `docker buildx inspect --bootstrap` of the docker driver, Docker 29 / buildx 0.29, with the containerd image store (its BuildKit runs the containerd worker). */
const INSPECT_CONTAINERD_STORE = `Name:          default
Driver:        docker
Last Activity: 2026-12-04 11:15:36 +0000 UTC

Nodes:
Name:             default
Endpoint:         default
Status:           running
BuildKit version: v0.0.0+unknown
Platforms:        linux/amd64, linux/amd64/v2, linux/amd64/v3, linux/amd64/v4, linux/arm64
Labels:
 org.mobyproject.buildkit.worker.containerd.namespace: moby
 org.mobyproject.buildkit.worker.containerd.uuid:      19eb6fbd-1eda-4476-8ed1-c08a63afc6d7
 org.mobyproject.buildkit.worker.executor:             containerd
 org.mobyproject.buildkit.worker.hostname:             vm
 org.mobyproject.buildkit.worker.moby.host-gateway-ip: 172.17.0.1
 org.mobyproject.buildkit.worker.network:              host
 org.mobyproject.buildkit.worker.selinux.enabled:      false
 org.mobyproject.buildkit.worker.snapshotter:          overlayfs
GC Policy rule#0:
 All:            false
 Filters:        type==source.local,type==exec.cachemount,type==source.git.checkout
 Keep Duration:  48h0m0s
 Max Used Space: 3.346GiB
GC Policy rule#1:
 All:            false
 Keep Duration:  1440h0m0s
 Reserved Space: 24.21GiB
 Max Used Space: 188.1GiB
 Min Free Space: 47.5GiB
GC Policy rule#2:
 All:            false
 Reserved Space: 24.21GiB
 Max Used Space: 188.1GiB
 Min Free Space: 47.5GiB
GC Policy rule#3:
 All:            true
 Reserved Space: 24.21GiB
 Max Used Space: 188.1GiB
 Min Free Space: 47.5GiB
`

/** The same engine version with the classic (graphdriver) image store: no worker labels. */
const INSPECT_CLASSIC_STORE = `Name:          default
Driver:        docker
Last Activity: 2026-12-04 11:15:36 +0000 UTC

Nodes:
Name:             default
Endpoint:         default
Status:           running
BuildKit version: v0.0.0+unknown
Platforms:        linux/amd64, linux/amd64/v2, linux/amd64/v3, linux/amd64/v4, linux/arm64, linux/386
GC Policy rule#0:
 All:            false
 Filters:        type==source.local,type==exec.cachemount,type==source.git.checkout
 Keep Duration:  48h0m0s
 Max Used Space: 3.346GiB
GC Policy rule#1:
 All:            false
 Keep Duration:  1440h0m0s
 Reserved Space: 24.21GiB
 Max Used Space: 188.1GiB
 Min Free Space: 47.5GiB
GC Policy rule#2:
 All:            false
 Reserved Space: 24.21GiB
 Max Used Space: 188.1GiB
 Min Free Space: 47.5GiB
GC Policy rule#3:
 All:            true
 Reserved Space: 24.21GiB
 Max Used Space: 188.1GiB
 Min Free Space: 47.5GiB
`

test("the docker driver whose builder names BuildKit's containerd worker: one docker CLI start, no docker info", async () => {
  const { docker, commands } = fakeDocker({ 'buildx inspect': ok(INSPECT_CONTAINERD_STORE) })
  await expect(checkBuilder(docker, ['linux/amd64', 'linux/arm64'])).resolves.toMatchObject({ driver: 'docker', containerdStore: true })
  expect(commands(2)).toEqual(['buildx inspect'])
})

test('the docker driver whose builder names no containerd worker: docker info decides, and the classic store is refused', async () => {
  const { docker, commands } = fakeDocker({ 'buildx inspect': ok(INSPECT_CLASSIC_STORE), 'info --format': ok('[["Backing Filesystem","extfs"],["Supports d_type","true"]]') })
  await expect(checkBuilder(docker, ['linux/amd64', 'linux/arm64'])).rejects.toThrow("the 'default' builder uses the docker driver without the containerd image store")
  expect(commands(2)).toEqual(['buildx inspect', 'info --format'])
})

describe('load with several platforms', () => {
  /** A builder of `driver` with both platforms, on an engine whose `docker info` says `store`. */
  const builderDocker = (driver: string, store: string) =>
    fakeDocker(
      [
        [
          /inspect/,
          ok(`Name: ci
Driver: ${driver}
Platforms: linux/amd64, linux/arm64
`)
        ]
      ],
      ok(store)
    )

  test('a container builder loading into an engine without the containerd image store is refused', async () => {
    const { docker } = builderDocker('docker-container', '[["Backing Filesystem","extfs"]]')
    await expect(checkBuilder(docker, ['linux/amd64', 'linux/arm64'], 'ci', true)).rejects.toThrow(ActionError)
    await expect(checkBuilder(docker, ['linux/amd64', 'linux/arm64'], 'ci', true)).rejects.toThrow(/load: true can't put 2 platforms/)
  })

  test('with the containerd image store, or one platform, or no load, it passes', async () => {
    await expect(checkBuilder(builderDocker('docker-container', '[["driver-type","io.containerd.snapshotter.v1"]]').docker, ['linux/amd64', 'linux/arm64'], 'ci', true)).resolves.toMatchObject({
      driver: 'docker-container'
    })
    await expect(checkBuilder(builderDocker('docker-container', '[]').docker, ['linux/amd64'], 'ci', true)).resolves.toMatchObject({ driver: 'docker-container' })
    await expect(checkBuilder(builderDocker('docker-container', '[]').docker, ['linux/amd64', 'linux/arm64'], 'ci', false)).resolves.toMatchObject({ driver: 'docker-container' })
  })
})

describe('a named builder', () => {
  const REPO = '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web'

  const inspectText = (name: string, driver: string, platforms = 'linux/amd64, linux/arm64') =>
    `Name:          ${name}\nDriver:        ${driver}\n\nNodes:\nName:             ${name}0\nEndpoint:         tcp://buildkitd:1234\nStatus:           running\nPlatforms:        ${platforms}\n`

  describe('the builder check with a named builder', () => {
    test('a remote builder is inspected by name; no docker info (not the docker driver)', async () => {
      const { docker, commands } = fakeDocker([[/^buildx inspect --bootstrap --builder remote-1$/, ok(inspectText('remote-1', 'remote'))]])
      const builder = await checkBuilder(docker, ['linux/amd64', 'linux/arm64'], 'remote-1')
      expect(builder.use).toEqual({ builder: 'remote-1' })
      expect(commands()).toEqual(['buildx inspect --bootstrap --builder remote-1'])
      expect(describeBuilder(builder)).toBe('remote-1 (remote driver)')
    })

    test("a docker context's builder: its own engine is asked for the image store, in that context", async () => {
      const { docker, commands } = fakeDocker([
        [/^buildx inspect --bootstrap --builder build-host$/, ok(inspectText('build-host', 'docker'))],
        [/^--context build-host info /, CONTAINERD]
      ])
      const builder = await checkBuilder(docker, ['linux/amd64', 'linux/arm64'], 'build-host')
      expect(builder.use).toEqual({ builder: 'build-host', context: 'build-host' })
      expect(commands()).toEqual(['buildx inspect --bootstrap --builder build-host', '--context build-host info --format {{json .DriverStatus}}'])
      expect(describeBuilder(builder)).toBe('build-host (docker driver, run as docker --context build-host buildx)')
    })

    test('a builder that lacks a platform is named in the error', async () => {
      const { docker } = fakeDocker([[/inspect/, ok(inspectText('remote-1', 'remote', 'linux/amd64'))]])
      await expect(checkBuilder(docker, ['linux/amd64', 'linux/arm64'], 'remote-1')).rejects.toThrow("the 'remote-1' builder can't build linux/arm64")
    })

    test("a builder no earlier step created: buildx's own error and how to create it, in one line", async () => {
      const { docker } = fakeDocker([[/inspect/, failed('ERROR: no builder "nosuch" found')]])
      await expect(checkBuilder(docker, ['linux/amd64'], 'nosuch')).rejects.toThrow(
        `the builder 'nosuch' can't be used (ERROR: no builder "nosuch" found): create it in an earlier step (docker buildx create --name nosuch, or docker/setup-buildx-action with name: nosuch), or leave builder empty for the job's current builder.`
      )
    })

    test('a dry run only looks: no --bootstrap', async () => {
      const { docker, commands } = fakeDocker([[/^buildx inspect --builder remote-1$/, ok(inspectText('remote-1', 'remote'))]])
      expect((await inspectBuilder(docker, 'remote-1', false)).use).toEqual({ builder: 'remote-1' })
      expect(commands()).toEqual(['buildx inspect --builder remote-1'])
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
})
