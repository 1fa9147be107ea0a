/**
 * main: the one line it reports with core.setFailed, the stack behind it for core.debug, the
 * build secrets it masks first, and a cancelled run.
 */
import { jest } from '@jest/globals'
import { RepositoryNotFoundException } from '@aws-sdk/client-ecr'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ActionError, errorDetail, InputError, CancelledError } from '../../src/errors.js'
import { failureMessage, maskSecrets, run } from '../../src/main.js'
import type { Docker } from '../../src/docker.js'

describe('failureMessage', () => {
  test('an InputError is its own message: the input and the fix', () => {
    const error = new InputError('lifecycle-keep-count', '0 is out of range: use a number from 1 to 10000.')
    expect(failureMessage(error)).toBe("Input 'lifecycle-keep-count': 0 is out of range: use a number from 1 to 10000.")
  })

  test('an ActionError is its own message, without its class name', () => {
    const message = "the 'default' builder can't build linux/arm64: add docker/setup-qemu-action before this step."
    expect(failureMessage(new ActionError(message))).toBe(message)
  })

  test.each(['ExpiredTokenException', 'ExpiredToken'])('%s (refused after signing in again): names the call, the clock and what to do', name => {
    const error = Object.assign(new Error('The security token included in the request is expired'), { name, iamAction: 'ecr:DescribeImageScanFindings' })
    expect(failureMessage(error)).toBe(
      `AWS refused ecr:DescribeImageScanFindings (${name}): the credentials have expired. With role-to-assume the action signs in again and sends the call once more, ` +
        `so a second refusal points at the runner's clock (compare it with an NTP server); credentials from an earlier step must be renewed there, or use role-to-assume.`
    )
  })

  test('no AWS credentials at all: says how to give some', () => {
    const error = Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' })
    const message = failureMessage(error)
    expect(message).toBe('No AWS credentials: set role-to-assume (with permissions: id-token: write) or configure credentials in an earlier step.')
    expect(message).not.toContain('Could not load credentials')
  })

  test('an AWS error keeps its name and the call’s message', () => {
    const error = new RepositoryNotFoundException({
      message: "The repository with name 'team/web' does not exist in the registry with id '123456789012'",
      $metadata: {}
    })
    expect(failureMessage(error)).toBe("RepositoryNotFoundException: The repository with name 'team/web' does not exist in the registry with id '123456789012'")
  })

  test('any other Error: name and message', () => {
    expect(failureMessage(new TypeError("Cannot read properties of undefined (reading 'uri')"))).toBe("TypeError: Cannot read properties of undefined (reading 'uri')")
    const denied = Object.assign(new Error('User is not authorized to perform: ecr:CreateRepository'), { name: 'AccessDeniedException' })
    expect(failureMessage(denied)).toBe('AccessDeniedException: User is not authorized to perform: ecr:CreateRepository')
  })

  test('something thrown that is not an Error', () => {
    expect(failureMessage('docker exploded')).toBe('docker exploded')
    expect(failureMessage(42)).toBe('42')
    expect(failureMessage(undefined)).toBe('undefined')
  })
})

describe('errorDetail: the stack behind the one line, for core.debug', () => {
  test('the stack, then the error it was made from', () => {
    const detail = errorDetail(new ActionError("Could not store docker's credentials: EACCES", { cause: new Error('EACCES: permission denied') }))
    expect(detail).toMatch(/^ActionError: Could not store docker's credentials: EACCES\n\s+at /)
    expect(detail).toMatch(/\nCaused by: Error: EACCES: permission denied\n\s+at /)
  })

  test("a failed run logs its error's stack with core.debug, and the one line with setFailed", async () => {
    const written: string[] = []
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation(chunk => (written.push(String(chunk)), true))
    const exitCode = process.exitCode
    try {
      await run({ env: {}, docker: async () => ({ exitCode: 0, stdout: '', stderr: '' }) })
    } finally {
      spy.mockRestore()
      process.exitCode = exitCode
    }
    const lines = written.join('').split('\n')
    expect(lines.find(l => l.startsWith('::debug::'))).toMatch(/^::debug::InputError: Input '[a-z-]+': .*%0A\s+at /)
    expect(lines.some(l => l.startsWith('::error::Input '))).toBe(true)
  })
})

describe('maskSecrets', () => {
  /** The add-mask commands maskSecrets writes for these secrets. */
  function masksOf(secrets: { value: string }[]): string[] {
    const written: string[] = []
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation(chunk => (written.push(String(chunk)), true))
    try {
      maskSecrets(secrets)
    } finally {
      spy.mockRestore()
    }
    return written
      .join('')
      .split(/\r?\n/)
      .filter(l => l.startsWith('::add-mask::'))
  }

  test('each build secret is masked, and each line of one of several lines (as the runner masks a multi-line secret)', () => {
    expect(masksOf([{ value: 'one-line' }, { value: '-----BEGIN KEY-----\nabc123\n-----END KEY-----' }])).toEqual([
      '::add-mask::one-line',
      '::add-mask::-----BEGIN KEY-----%0Aabc123%0A-----END KEY-----',
      '::add-mask::-----BEGIN KEY-----',
      '::add-mask::abc123',
      '::add-mask::-----END KEY-----'
    ])
  })

  test("a JSON secret: masked whole and by its lines of 3 characters or more (trimmed), never '{' or '}' alone", () => {
    const json = '{\n  "user": "deploy",\n  "token": "s3cr3t"\n}'
    expect(masksOf([{ value: json }, { value: 'ab\r\n  ]\r\nxyz  ' }])).toEqual([
      '::add-mask::{%0A  "user": "deploy",%0A  "token": "s3cr3t"%0A}',
      '::add-mask::"user": "deploy",',
      '::add-mask::"token": "s3cr3t"',
      '::add-mask::ab%0D%0A  ]%0D%0Axyz  ',
      '::add-mask::xyz'
    ])
  })
})

describe('main, cancelled', () => {
  test('every docker command gets the cancel; the run fails as cancelled whatever else failed on the way out', async () => {
    const controller = new AbortController()
    const seen: (AbortSignal | undefined)[] = []
    // The builder check is the first docker command; the cancel arrives while it runs.
    const docker: Docker = async (_args, options) => {
      seen.push(options?.signal)
      controller.abort(new CancelledError('SIGINT'))
      return { exitCode: 130, stdout: '', stderr: 'ERROR: Canceled: context canceled' }
    }
    const workspace = mkdtempSync(path.join(os.tmpdir(), 'cancel-ws-'))
    writeFileSync(path.join(workspace, 'Dockerfile'), 'FROM scratch\n')
    const out: string[] = []
    jest.spyOn(process.stdout, 'write').mockImplementation(chunk => (out.push(String(chunk)), true))
    const exitCode = process.exitCode
    try {
      await run({
        env: { GITHUB_WORKSPACE: workspace, INPUT_REPOSITORY: 'team/web', INPUT_VERSION: '1.0.0', INPUT_PUSH: 'false', AWS_REGION: 'us-east-1' },
        docker,
        signal: controller.signal
      })
    } finally {
      jest.restoreAllMocks()
      process.exitCode = exitCode
      rmSync(workspace, { recursive: true, force: true })
    }
    expect(out.join('')).not.toContain('::error::Input')
    expect(seen.length).toBeGreaterThan(0)
    for (const signal of seen) expect(signal).toBe(controller.signal)
    expect(out.join('')).toContain('::error::The run was cancelled (SIGINT)')
  })
})

describe('main, a push', () => {
  test("the builder check starts before the pipeline's modules (the AWS SDK among them) load, and the pipeline is handed it", async () => {
    const order: string[] = []
    jest.unstable_mockModule('../../src/pipeline.js', () => {
      order.push('pipeline loaded')
      return {
        pushPipeline: async (_settings: unknown, deps: { builderCheck?: Promise<unknown> }) => {
          order.push(`pipeline handed the check: ${deps.builderCheck !== undefined}`)
          await deps.builderCheck
        }
      }
    })
    const docker: Docker = async args => {
      order.push(args.slice(0, 2).join(' '))
      return { exitCode: 0, stdout: 'Name: default\nDriver: docker\nNodes:\nName: default\nStatus: running\nPlatforms: linux/amd64, linux/arm64\n', stderr: '' }
    }
    const workspace = mkdtempSync(path.join(os.tmpdir(), 'main-push-ws-'))
    writeFileSync(path.join(workspace, 'Dockerfile'), 'FROM scratch\n')
    const out: string[] = []
    jest.spyOn(process.stdout, 'write').mockImplementation(chunk => (out.push(String(chunk)), true))
    try {
      await jest.isolateModulesAsync(async () => {
        const isolated = await import('../../src/main.js')
        await isolated.run({ env: { GITHUB_WORKSPACE: workspace, INPUT_REPOSITORY: 'team/web', INPUT_VERSION: '1.0.0', AWS_REGION: 'us-east-1', INPUT_PLATFORMS: 'linux/amd64' }, docker })
      })
    } finally {
      jest.restoreAllMocks()
      rmSync(workspace, { recursive: true, force: true })
    }
    expect(out.join('')).not.toContain('::error::')
    expect(order).toEqual(['buildx inspect', 'pipeline loaded', 'pipeline handed the check: true'])
  })
})

const named = (name: string, status?: number) => Object.assign(new Error(`${name} happened`), { name, ...(status ? { $metadata: { httpStatusCode: status } } : {}) })

describe('failureMessage for AccessDenied from ECR', () => {
  test('names the IAM action the call needed and where the full policy is', () => {
    const error = Object.assign(named('AccessDeniedException', 400), { iamAction: 'ecr:CreateRepository' })
    expect(failureMessage(error)).toBe(
      'AWS refused ecr:CreateRepository (AccessDeniedException): allow ecr:CreateRepository on the repository for the role. A run with dry-run: true prints the whole least-privilege policy for these inputs (README: IAM permissions).'
    )
  })
})
