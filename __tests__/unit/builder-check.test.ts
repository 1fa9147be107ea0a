/** The builder check: each way docker can't build what was asked is one line with the fix. */
import { checkBuilder } from '../../src/build/builder.js'
import type { Docker, DockerResult } from '../../src/docker.js'

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

/** A docker that answers each subcommand from a table; anything else fails the test. */
function fakeDocker(answers: Record<string, DockerResult>): { docker: Docker; calls: string[] } {
  const calls: string[] = []
  const docker: Docker = async args => {
    const key = args.slice(0, 2).join(' ')
    calls.push(key)
    const answer = answers[key]
    if (!answer) throw new Error(`unexpected docker ${args.join(' ')}`)
    return answer
  }
  return { docker, calls }
}
const ok = (stdout: string): DockerResult => ({ exitCode: 0, stdout, stderr: '' })
const fail = (stderr: string, exitCode = 1): DockerResult => ({ exitCode, stdout: '', stderr })
const CONTAINERD = ok('[["driver-type","io.containerd.snapshotter.v1"]]')

test('a docker-driver builder with the containerd image store and both platforms passes', async () => {
  const { docker, calls } = fakeDocker({ 'buildx inspect': ok(INSPECT_DOCKER), 'info --format': CONTAINERD })
  await expect(checkBuilder(docker, ['linux/amd64', 'linux/arm64'])).resolves.toMatchObject({ driver: 'docker' })
  expect(calls).toEqual(['buildx inspect', 'info --format'])
})

test.each([
  ['docker missing', { 'buildx inspect': fail('Unable to locate executable file: docker', 127) }, ['linux/amd64'], 'docker is not installed on this runner: use a runner with Docker (e.g. ubuntu-latest).'],
  ['buildx missing', { 'buildx inspect': fail("docker: 'buildx' is not a docker command.") }, ['linux/amd64'], 'docker buildx is not installed: add docker/setup-buildx-action before this step.'],
  ['the daemon down', { 'buildx inspect': fail('Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?') }, ['linux/amd64'], 'the Docker daemon is not running: start it (or use a runner where it runs) before this step.'],
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
  const { docker, calls } = fakeDocker({ 'buildx inspect': ok(INSPECT_DOCKER) })
  await expect(checkBuilder(docker, ['linux/arm64'])).resolves.toMatchObject({ driver: 'docker' })
  expect(calls).toEqual(['buildx inspect'])
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
  const { docker, calls } = fakeDocker({ 'buildx inspect': ok(INSPECT_CONTAINERD_STORE) })
  await expect(checkBuilder(docker, ['linux/amd64', 'linux/arm64'])).resolves.toMatchObject({ driver: 'docker', containerdStore: true })
  expect(calls).toEqual(['buildx inspect'])
})

test('the docker driver whose builder names no containerd worker: docker info decides, and the classic store is refused', async () => {
  const { docker, calls } = fakeDocker({ 'buildx inspect': ok(INSPECT_CLASSIC_STORE), 'info --format': ok('[["Backing Filesystem","extfs"],["Supports d_type","true"]]') })
  await expect(checkBuilder(docker, ['linux/amd64', 'linux/arm64'])).rejects.toThrow("the 'default' builder uses the docker driver without the containerd image store")
  expect(calls).toEqual(['buildx inspect', 'info --format'])
})
