/**
 * More than one registry. The stack has one private registry host, also answering as its
 * dual-stack name (a second host name to docker, with logins of its own), and ECR Public.
 * So: the base image is read through the dual-stack name, which only `read-registries`
 * logs docker in to (without it the pull is refused); the pushed image is copied by digest
 * to another repository of the registry and to ECR Public, and the copies run.
 * Another account or region (a second registry's own token) is left to the unit tests.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import https from 'node:https'
import os from 'node:os'
import path from 'node:path'
import { CreateRepositoryCommand } from '@aws-sdk/client-ecr'
import { CreateRepositoryCommand as CreatePublicRepository, ECRPUBLICClient } from '@aws-sdk/client-ecr-public'
import { jest } from '@jest/globals'
import { runAction, type RunResult } from '../../scripts/local-runner.mjs'
import { awsCalls, type AwsCall, dockerLogins, DUAL_STACK_REGISTRY, ecr, env, jobEnv, makeWorkspace, REGISTRY, registryManifest, resetCalls, resetFaults, resetStack, ROLE, runImage } from './stack.js'

jest.setTimeout(15 * 60 * 1000)

const PUBLIC = 'public.ecr.aws/ecr-build-push-local/copy'
const base = { 'role-to-assume': ROLE, 'aws-region': 'us-east-1', platforms: 'linux/amd64,linux/arm64' }

/** A workspace whose image starts FROM the base image, read through the dual-stack name. */
function derivedWorkspace(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'workspace-derived-'))
  writeFileSync(
    path.join(dir, 'Dockerfile'),
    [`FROM ${DUAL_STACK_REGISTRY}/base/busybox:1`, 'RUN ["/bin/busybox", "sh", "-c", "echo copied-$(/bin/busybox uname -m) > /copied"]', 'CMD ["/bin/busybox", "cat", "/copied"]', ''].join('\n')
  )
  return dir
}

/** A manifest's digest at public.ecr.aws, read with an anonymous pull token as any puller would. */
async function publicDigest(reference: string): Promise<{ status: number; digest: string; body: string }> {
  const ca = readFileSync(env.NODE_EXTRA_CA_CERTS ?? '')
  const get = (route: string, headers: Record<string, string>): Promise<{ status: number; body: string; headers: Record<string, unknown> }> =>
    new Promise((resolve, reject) => {
      https
        .get({ host: 'public.ecr.aws', port: 443, path: route, ca, headers }, res => {
          let body = ''
          res.on('data', (d: Buffer) => (body += d.toString()))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }))
        })
        .on('error', reject)
    })
  const token = (JSON.parse((await get('/token?scope=repository:ecr-build-push-local/copy:pull', {})).body) as { token: string }).token
  const res = await get(`/v2/ecr-build-push-local/copy/manifests/${reference}`, {
    authorization: `Bearer ${token}`,
    accept: 'application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.oci.image.manifest.v1+json'
  })
  return { status: res.status, digest: String(res.headers['docker-content-digest'] ?? ''), body: res.body }
}

let baseRun: RunResult
let refused: RunResult
let result: RunResult
let rerun: RunResult
let calls: AwsCall[] = []
/** the role the second registry's token is asked for with */
const READER = 'arn:aws:iam::123456789012:role/base-reader'

beforeAll(async () => {
  resetStack()
  await resetFaults()
  await resetCalls()
  baseRun = await runAction({ inputs: { ...base, repository: 'base/busybox', version: '1', latest: 'false' }, env: jobEnv(), workspace: makeWorkspace('base') })
  if (baseRun.exitCode !== 0) throw new Error(`the base image's run failed:\n${baseRun.log}`)
  // Copies go to repositories that exist: the action creates none.
  await ecr.send(new CreateRepositoryCommand({ repositoryName: 'team/copy', imageTagMutability: 'IMMUTABLE' }))
  await ecr.send(new CreateRepositoryCommand({ repositoryName: 'team/mounted' }))
  const pub = new ECRPUBLICClient({ region: 'us-east-1', endpoint: env.AWS_ENDPOINT_URL ?? 'http://127.0.0.1:4566', credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } })
  await pub.send(new CreatePublicRepository({ repositoryName: 'copy' }))
  refused = await runAction({ inputs: { ...base, repository: 'team/app', version: '0.9.0' }, env: jobEnv(), workspace: derivedWorkspace() })
  await resetCalls()
  result = await runAction({
    inputs: { ...base, repository: 'team/app', version: '1.0.0', 'read-registries': `${DUAL_STACK_REGISTRY}=${READER}`, 'copy-to': `team/copy\n${PUBLIC}` },
    env: jobEnv(),
    workspace: derivedWorkspace()
  })
  calls = await awsCalls()
  // A re-run that keeps the image copies again: the immutable tag already names it; with blob mounting on, a new copy mounts.
  await fetch(`${env.STACK_CONTROL_URL}/blob-mounting`, { method: 'POST', body: JSON.stringify({ enabled: true }), headers: { 'content-type': 'application/json' } })
  rerun = await runAction({
    inputs: { ...base, repository: 'team/app', version: '1.0.0', 'if-version-exists': 'skip', 'copy-to': 'team/copy\nteam/mounted' },
    env: jobEnv(),
    workspace: derivedWorkspace()
  })
  await resetFaults()
})

test('without read-registries, the base image behind the second registry name is refused', () => {
  expect(refused.exitCode).not.toBe(0)
})

test("with read-registries, docker is logged in to the second registry, with its role's token, and the build reads its base image", () => {
  if (result.exitCode !== 0) throw new Error(`the action failed:\n${result.log}`)
  expect(result.log).toContain(`Logged in to ${DUAL_STACK_REGISTRY} as ${READER} (read-registries)`)
  expect(calls.filter(c => c.operation === 'AssumeRole').length).toBe(1)
  expect(calls.filter(c => c.service === 'ecr' && c.operation === 'GetAuthorizationToken').length).toBe(2)
})

test('the post step logs out of both registries', () => {
  expect(result.post?.log).toContain(`Logged out of ${DUAL_STACK_REGISTRY}`)
  expect(result.post?.log).toContain(`Logged out of ${REGISTRY}`)
  expect(dockerLogins()).toEqual([])
})

test("the copies have the source's digests: the index, each platform image, and the version tag", async () => {
  const source = await registryManifest('team/app', '1.0.0')
  expect(source.digest).toBe(result.outputs.digest)
  const copy = await registryManifest('team/copy', '1.0.0')
  expect(copy.digest).toBe(source.digest)
  expect(copy.manifests.map(m => m.digest)).toEqual(source.manifests.map(m => m.digest))
  for (const m of source.manifests) expect((await registryManifest('team/copy', m.digest)).digest).toBe(m.digest)
  const pub = await publicDigest('1.0.0')
  expect(pub.status).toBe(200)
  expect(pub.digest).toBe(source.digest)
  for (const m of source.manifests) expect((await publicDigest(m.digest)).digest).toBe(m.digest)
})

test('copied-uris names each copy by digest, and the summary lists them', () => {
  expect(result.outputs['copied-uris']?.split('\n')).toEqual([`${REGISTRY}/team/copy@${result.outputs.digest}`, `${PUBLIC}@${result.outputs.digest}`])
  expect(result.summary).toContain(`${REGISTRY}/team/copy:1.0.0`)
})

test('the copies run, on both platforms', () => {
  expect(runImage(`${REGISTRY}/team/copy:1.0.0`, 'linux/amd64')).toBe('copied-x86_64')
  expect(runImage(`${REGISTRY}/team/copy@${result.outputs.digest}`, 'linux/arm64')).toBe('copied-aarch64')
  expect(runImage(`${PUBLIC}:1.0.0`, 'linux/amd64')).toBe('copied-x86_64')
})

test("a re-run copies again: the immutable copy's tag already names the image, and a new copy in the registry mounts every blob", async () => {
  if (rerun.exitCode !== 0) throw new Error(`the re-run failed:\n${rerun.log}`)
  expect(rerun.log).toMatch(/Copied to \S+\/team\/copy:1\.0\.0 — 3 manifests, blobs: \d+ already there; the tag already named it/)
  expect(rerun.log).toMatch(/Copied to \S+\/team\/mounted:1\.0\.0 — 3 manifests, blobs: \d+ mounted\n/)
  expect((await registryManifest('team/mounted', '1.0.0')).digest).toBe(result.outputs.digest)
  expect(runImage(`${REGISTRY}/team/mounted:1.0.0`, 'linux/arm64')).toBe('copied-aarch64')
})
