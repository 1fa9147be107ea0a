/**
 * Dual-stack: with `dual-stack: true` the login, the build's tags and cache and the outputs
 * use the registry's dual-stack name (<account>.dkr-ecr.<region>.on.aws), the image is
 * pushed there, and the stack's explicit AWS endpoint (AWS_ENDPOINT_URL) still serves the
 * AWS calls, even with the SDK's own AWS_USE_DUALSTACK_ENDPOINT set.
 */
import { execFileSync } from 'node:child_process'
import { jest } from '@jest/globals'
import { runAction, type RunResult } from '../../scripts/local-runner.mjs'
import { dockerConfig, dockerLogins, DUAL_STACK_REGISTRY, jobEnv, makeWorkspace, REGISTRY, registryCalls, registryManifest, resetCalls, resetFaults, resetStack, ROLE } from './stack.js'

jest.setTimeout(10 * 60 * 1000)

let result: RunResult

beforeAll(async () => {
  resetStack()
  await resetFaults()
  await resetCalls()
  result = await runAction({
    inputs: { 'role-to-assume': ROLE, 'aws-region': 'us-east-1', repository: 'team/dual', version: '1.0.0', platforms: 'linux/amd64', 'dual-stack': 'true' },
    env: jobEnv({ AWS_USE_DUALSTACK_ENDPOINT: 'true' }),
    workspace: makeWorkspace('dual'),
    post: false
  })
})

afterAll(() => {
  execFileSync('docker', ['logout', DUAL_STACK_REGISTRY], { env: { ...process.env, DOCKER_CONFIG: dockerConfig }, stdio: 'ignore' })
})

test('the run succeeds through the explicit AWS endpoint, with the SDK asked for dual-stack too', () => {
  if (result.exitCode !== 0) throw new Error(`the action failed:\n${result.log}`)
})

test("the outputs name the image by the registry's dual-stack name", () => {
  expect(result.outputs['image-uri']).toBe(`${DUAL_STACK_REGISTRY}/team/dual:1.0.0`)
  expect(result.outputs['image-digest-uri']).toMatch(new RegExp(`^${DUAL_STACK_REGISTRY.replace(/\./g, '\\.')}/team/dual@sha256:[0-9a-f]{64}$`))
  for (const [name, value] of Object.entries(result.outputs)) if (name !== 'metadata') expect(`${name}=${value}`).not.toContain(REGISTRY)
})

test('docker logs in to the dual-stack name, and buildx tags and caches with it', () => {
  expect(dockerLogins()).toEqual([DUAL_STACK_REGISTRY])
  const build = result.log.split('\n').find(line => /\[command\]\S*(docker buildx|docker-buildx) build /.test(line)) ?? ''
  expect(build).toContain(`${DUAL_STACK_REGISTRY}/team/dual:1.0.0`)
  expect(build).not.toContain(REGISTRY)
})

test('the image is pushed to the dual-stack name and the registry holds it', async () => {
  const puts = (await registryCalls()).filter(c => c.repository === 'team/dual' && c.kind === 'manifests' && c.method === 'PUT')
  expect(puts.length).toBeGreaterThan(0)
  expect(new Set(puts.map(c => c.host))).toEqual(new Set([DUAL_STACK_REGISTRY]))
  const manifest = await registryManifest('team/dual', '1.0.0')
  expect(`${DUAL_STACK_REGISTRY}/team/dual@${manifest.digest}`).toBe(result.outputs['image-digest-uri'])
})
