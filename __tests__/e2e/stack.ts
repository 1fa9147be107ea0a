/**
 * The end-to-end suite's view of the local ECR stack (scripts/local-stack.sh): its
 * variables, a reset between scenarios, the AWS call log, the registry's own view of what
 * was pushed, and a test image built FROM scratch with a static busybox per architecture.
 */
import { execFile, execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import https from 'node:https'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { ECRClient } from '@aws-sdk/client-ecr'
import { ROOT } from '../../scripts/local-runner.mjs'

const STACK = path.join(ROOT, 'scripts/local-stack.sh')

export function stackEnv(): Record<string, string> {
  const text = execFileSync('bash', [STACK, 'env'], { encoding: 'utf8' })
  const env: Record<string, string> = {}
  for (const line of text.split('\n')) {
    const m = /^(?:export\s+)?([A-Z0-9_]+)=(.*)$/.exec(line.trim())
    if (m?.[1]) env[m[1]] = (m[2] ?? '').replace(/^['"]|['"]$/g, '')
  }
  return env
}

export const env = stackEnv()
export const REGISTRY = env.ECR_REGISTRY ?? '123456789012.dkr.ecr.us-east-1.amazonaws.com'
export const PASSWORD = '123456789012-auth-token'
export const ROLE = 'arn:aws:iam::123456789012:role/github-push'

export function resetStack(): void {
  execFileSync('bash', [STACK, 'reset'], { stdio: 'inherit' })
}

/** The variables a job on the stack has: endpoints, OIDC, a docker config of its own. */
export function jobEnv(extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    AWS_ENDPOINT_URL: env.AWS_ENDPOINT_URL,
    AWS_REGION: env.AWS_REGION,
    AWS_EC2_METADATA_DISABLED: 'true',
    NODE_EXTRA_CA_CERTS: env.NODE_EXTRA_CA_CERTS,
    ACTIONS_ID_TOKEN_REQUEST_URL: env.ACTIONS_ID_TOKEN_REQUEST_URL,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: env.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
    DOCKER_CONFIG: dockerConfig,
    ...extra
  }
}

/** Each test file logs docker in and out of a config of its own, never the machine's. */
export const dockerConfig = mkdtempSync(path.join(os.tmpdir(), 'docker-config-'))

/** An ECR client straight to the emulator: what the tests read is not counted as the action's calls. */
export const ecr = new ECRClient({
  region: 'us-east-1',
  endpoint: env.STACK_MOTO_URL ?? 'http://127.0.0.1:5000',
  credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' }
})

async function control(method: string, route: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${env.STACK_CONTROL_URL}${route}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } })
  })
  if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`)
  const text = await res.text()
  return text === '' ? undefined : JSON.parse(text)
}

/** The front answers as a registry without the OCI 1.1 referrers API (false) or as ECR (true); `resetFaults` sets it back. */
export async function setReferrersApi(enabled: boolean): Promise<void> {
  await control('POST', '/referrers-api', { enabled })
}

export interface AwsCall {
  service: string
  operation: string
  /** when the call arrived and when it was answered (epoch ms) */
  at: number
  /** absent while a call is unanswered (e.g. held by a `hang` fault) */
  answeredAt?: number
  /** refused with ExpiredTokenException / ExpiredToken: signed with a key an `expire` fault made expire */
  expired?: boolean
}

/** Every AWS call the action made since the last reset, in order. */
export async function awsCalls(): Promise<AwsCall[]> {
  return (await control('GET', '/calls')) as AwsCall[]
}

export async function resetCalls(): Promise<void> {
  await control('POST', '/calls/reset')
}

export type AwsFaultKind = 'throttle' | '500' | 'reset' | 'access-denied' | 'delay' | 'hang' | 'expire' | 'lost'

/**
 * The next `count` calls of an AWS operation (`"*"`: any; `service` narrows it to ecr,
 * ecr-public or sts) fail (throttle, 500, reset: connection closed, access-denied), are
 * answered `ms` late (delay), are never answered (hang: the socket stays open until
 * resetFaults() or 10 minutes), or are carried out and their answer dropped (lost: the
 * emulator acted, then the connection is closed). `expire` on AssumeRoleWithWebIdentity: the next `count`
 * answers carry credentials that expire `seconds` from then; past that, every call signed
 * with their access key is refused as expired (see expiredKeys()).
 */
export async function injectAwsFault(fault: { operation: string; kind: AwsFaultKind; count: number; ms?: number; seconds?: number; service?: 'ecr' | 'ecr-public' | 'sts' }): Promise<void> {
  await control('POST', '/faults', fault)
}

/** The next `count` AssumeRoleWithWebIdentity answers carry credentials that expire in `seconds`. */
export async function expireAssumedCredentials(seconds: number, count = 1): Promise<void> {
  await injectAwsFault({ operation: 'AssumeRoleWithWebIdentity', kind: 'expire', seconds, count })
}

export interface ExpiredKey {
  accessKeyId: string
  /** when the shortened credentials expire (epoch ms), and the Expiration the answer carried */
  expiresAt: number
  expiration: string
  /** how many calls signed with this key were refused as expired */
  refused: number
}

/** The access keys `expire` faults shortened since the last resetFaults(), with their refused calls. */
export async function expiredKeys(): Promise<ExpiredKey[]> {
  return (await control('GET', '/expired')) as ExpiredKey[]
}

export async function resetFaults(): Promise<void> {
  await control('POST', '/faults/reset')
}

export interface RegistryCall {
  at: number
  method: string
  repository: string
  /** manifests, blobs, tags */
  kind: string
  /** what follows the kind in the path: a tag or digest, `uploads/…` */
  reference: string
  /** the registry name the client used (its IPv4 or its dual-stack one) */
  host?: string
}

/** Every registry request to a repository since the last reset of the calls, in order. */
export async function registryCalls(): Promise<RegistryCall[]> {
  return (await control('GET', '/registry-calls')) as RegistryCall[]
}

/** Claims the stand-in's next OIDC tokens carry over its default ones (`{}`: the defaults again; /faults/reset also restores them). */
export async function setOidcClaims(claims: Record<string, string>): Promise<void> {
  await control('POST', '/oidc-claims', claims)
}

/** The registry's dual-stack name, which the front answers as the same registry. */
export const DUAL_STACK_REGISTRY = '123456789012.dkr-ecr.us-east-1.on.aws'

/** Every OIDC token the stand-in issued. */
export async function issuedTokens(): Promise<string[]> {
  return (await control('GET', '/tokens')) as string[]
}

/** The next `count` manifest PUTs (to `repository` and `reference`, if given) answer `status` ('reset': the connection is closed), storing nothing; `message` is the registry's error message, if given. */
export async function injectRegistryFaults(fault: { count: number; status: number | 'reset'; on?: 'manifest' | 'blob'; repository?: string; reference?: string; message?: string }): Promise<void> {
  await control('POST', '/registry-faults', fault)
}

/**
 * After `skip` matching reads, the next `count` manifest reads (GET and HEAD, or `method`
 * only) answer `status`; `reference` is the tag or digest read (`*` matches any characters:
 * `sha256:*` is every read by digest, none by tag), `repository` narrows it further.
 */
export async function failManifestReads(fault: { count: number; status: number; method?: 'GET' | 'HEAD'; reference?: string; skip?: number; repository?: string }): Promise<void> {
  await control('POST', '/registry-faults', { ...fault, on: 'manifest-read' })
}

/**
 * A lost answer: the next `count` manifest PUTs the registry stores (to `repository` and
 * the tag or digest `reference`, if given) are stored and registered as usual, then answered
 * `status` ('reset': the connection is closed without an answer).
 */
export async function loseRegistryAnswers(fault: { count: number; status: number | 'reset'; repository?: string; reference?: string }): Promise<void> {
  await control('POST', '/registry-faults', { ...fault, on: 'manifest', stored: true })
}

/** After `skip` matching requests, the next `count` (`method` on the tag or digest `reference`) are answered `ms` late. */
export async function delayRegistry(delay: { method: string; reference: string; skip?: number; count?: number; ms: number; repository?: string }): Promise<void> {
  await control('POST', '/registry-delays', delay)
}

/** How the emulator's next scans go: findings per severity after some IN_PROGRESS reads (`POST /_stack/scan` on moto). */
export async function setScans(scan: { severityCounts?: Record<string, number>; inProgressReads?: number; status?: string }): Promise<void> {
  const res = await fetch(`${env.STACK_MOTO_URL}/_stack/scan`, { method: 'POST', body: JSON.stringify(scan) })
  if (!res.ok) throw new Error(`POST /_stack/scan: ${res.status} ${await res.text()}`)
}

/**
 * How ECR managed signing goes for the images pushed from now on (`POST /_stack/signing` on
 * moto): IN_PROGRESS for that many reads of each image, then `status` (`COMPLETE`, `FAILED`
 * with the failure code and reason, or `IN_PROGRESS` for good). `{}`: at once COMPLETE.
 */
export async function setSigning(signing: { status?: 'COMPLETE' | 'FAILED' | 'IN_PROGRESS'; inProgressReads?: number; failureCode?: string; failureReason?: string }): Promise<void> {
  const res = await fetch(`${env.STACK_MOTO_URL}/_stack/signing`, { method: 'POST', body: JSON.stringify(signing) })
  if (!res.ok) throw new Error(`POST /_stack/signing: ${res.status} ${await res.text()}`)
}

// ---------------------------------------------------------------- the forward proxy

/** The stack's logging forward proxy (CONNECT and absolute-URI http), and the names of the stack's services that resolve to loopback without being skipped by proxy agents. */
export const PROXY_URL = env.STACK_PROXY_URL ?? 'http://127.0.0.1:3128'
export const AWS_HOST_URL = env.STACK_AWS_HOST_URL ?? 'http://aws.stack.test:4566'
export const OIDC_HOST_URL = env.STACK_OIDC_HOST_URL ?? 'http://oidc.stack.test:4580/token?api-version=2.0'

export interface ProxyRequest {
  at: number
  /** CONNECT for a tunnel (https, or http through a tunnelling agent), else the request's method */
  method: string
  host: string
  port: number
  /** the user name of a basic Proxy-Authorization (the password is never recorded) */
  user?: string
  /** 407 (credentials missing or wrong while requireProxyAuth is on) or 403 (not a loopback target) */
  refused?: number
}

/** Every request the proxy carried or refused since the last resetProxyLog(), in order. */
export async function proxyLog(): Promise<ProxyRequest[]> {
  return (await control('GET', '/proxy-log')) as ProxyRequest[]
}

/** Forgets the proxy's log and stops asking for credentials. */
export async function resetProxyLog(): Promise<void> {
  await control('POST', '/proxy-log/reset')
}

/** From now on the proxy answers 407 unless a request carries these credentials; no argument: it stops asking. */
export async function requireProxyAuth(auth?: { user: string; password: string }): Promise<void> {
  await control('POST', '/proxy-auth', auth ?? {})
}

// ---------------------------------------------------------------- the second engine

export const ENGINE2_CONTEXT = env.STACK_ENGINE2_CONTEXT ?? 'stack-engine2'
export const ENGINE2_HOST = env.STACK_ENGINE2_HOST ?? 'unix:///var/run/ecr-build-push-engine2.sock'

/**
 * Starts the second Docker engine (idempotent; `local-stack.sh engine2 up`) and creates its
 * docker context in `dockerConfigDir` too: contexts live in the docker config directory,
 * so a job with a DOCKER_CONFIG of its own sees the context only when made there.
 */
export function startEngine2(dockerConfigDir?: string): { context: string; socket: string; host: string } {
  execFileSync('bash', [STACK, 'engine2', 'up'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...(dockerConfigDir ? { DOCKER_CONFIG: dockerConfigDir } : {}) },
    timeout: 180_000
  })
  return { context: ENGINE2_CONTEXT, socket: ENGINE2_HOST.replace(/^unix:\/\//, ''), host: ENGINE2_HOST }
}

/** Stops the second engine and removes its bridge (`local-stack.sh engine2 down`); its images stay. */
export function stopEngine2(): void {
  execFileSync('bash', [STACK, 'engine2', 'down'], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 120_000 })
}

export interface BuildRecord {
  /** the build's id (the last part of `ref`) */
  id: string
  ref: string
  status: string
  createdAt: string
  completedAt?: string
}

const run = promisify(execFile)
/** A docker config with nothing in it: the history is read by socket, whatever contexts exist. */
let emptyDockerConfig: string | undefined

/** The builds an engine's BuildKit ran (`docker buildx history ls`), newest first. */
export async function buildHistory(engine: 'default' | 'engine2' = 'default'): Promise<BuildRecord[]> {
  emptyDockerConfig ??= mkdtempSync(path.join(os.tmpdir(), 'docker-history-'))
  const host = engine === 'engine2' ? ENGINE2_HOST : 'unix:///var/run/docker.sock'
  const { stdout } = await run('docker', ['buildx', 'history', 'ls', '--format', 'json'], {
    env: { ...process.env, DOCKER_HOST: host, DOCKER_CONFIG: emptyDockerConfig, DOCKER_CONTEXT: '' },
    timeout: 60_000
  })
  return stdout
    .split('\n')
    .filter(line => line.trim().startsWith('{'))
    .map(line => {
      const r = JSON.parse(line) as { ref: string; status: string; created_at: string; completed_at?: string }
      return {
        id: r.ref.split('/').pop() ?? r.ref,
        ref: r.ref,
        status: r.status,
        createdAt: r.created_at,
        ...(r.completed_at ? { completedAt: r.completed_at } : {})
      }
    })
}

/** The builds the second engine ran: a build that ran there is listed here and not in buildHistory('default'). */
export async function engine2Builds(): Promise<BuildRecord[]> {
  return buildHistory('engine2')
}

/**
 * Records every docker command the action starts: a docker shim first on PATH logs each
 * argv (one line each) and runs the real docker. `path` is the job's PATH, `configDir` a
 * docker config of its own; `argv()` is the log as text, `commands()` its lines, and
 * `calls()` each command with the environment it was started with, in order.
 */
export function recordingDocker(): { path: string; configDir: string; argv: () => string; commands: () => string[]; calls: () => DockerCall[] } {
  const shim = mkdtempSync(path.join(os.tmpdir(), 'docker-shim-'))
  const argvLog = path.join(shim, 'argv.log')
  const real = execFileSync('bash', ['-c', 'command -v docker'], { encoding: 'utf8' }).trim()
  writeFileSync(path.join(shim, 'docker'), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${argvLog}'\n{ printf '%s\\0' "$*"; env -0; } > '${shim}/call-'"$(date +%s%N)-$$"\nexec '${real}' "$@"\n`, {
    mode: 0o755
  })
  const configDir = mkdtempSync(path.join(os.tmpdir(), 'docker-config-rec-'))
  const argv = (): string => (existsSync(argvLog) ? readFileSync(argvLog, 'utf8') : '')
  const calls = (): DockerCall[] =>
    readdirSync(shim)
      .filter(f => f.startsWith('call-'))
      .sort()
      .map(f => {
        const [line = '', ...vars] = readFileSync(path.join(shim, f), 'utf8').split('\0')
        const env: Record<string, string> = {}
        for (const v of vars) if (v.includes('=')) env[v.slice(0, v.indexOf('='))] = v.slice(v.indexOf('=') + 1)
        return { argv: line, env }
      })
  return { path: `${shim}:${process.env.PATH ?? ''}`, configDir, argv, commands: () => argv().split('\n').filter(Boolean), calls }
}

/** One docker command the shim recorded: its argv (joined by spaces) and its environment. */
export interface DockerCall {
  argv: string
  env: Record<string, string>
}

/** Registries a docker config (by default the test file's own) holds credentials for. */
export function dockerLogins(configDir = dockerConfig): string[] {
  const config = path.join(configDir, 'config.json')
  if (!existsSync(config)) return []
  return Object.keys((JSON.parse(readFileSync(config, 'utf8')) as { auths?: object }).auths ?? {})
}

export const WRITE_OPERATIONS = /^(Create|Put|Delete|Set|Batch(Delete|Put)|Tag|Untag|Start|Update|Initiate|Upload|Complete|Replicate)/
export const writeCalls = (calls: AwsCall[]): AwsCall[] => calls.filter(c => c.service === 'ecr' && WRITE_OPERATIONS.test(c.operation))

/** GET on the registry's HTTP API v2, as the repository owner. */
export function registryGet(
  route: string,
  accept = 'application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json'
): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  const ca = readFileSync(env.NODE_EXTRA_CA_CERTS ?? '')
  return new Promise((resolve, reject) => {
    const req = https.request({ host: REGISTRY, port: 443, path: route, method: 'GET', ca, auth: `AWS:${PASSWORD}`, headers: { accept } }, res => {
      let body = ''
      res.on('data', (d: Buffer) => (body += d.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }))
    })
    req.on('error', reject)
    req.end()
  })
}

/** PUT of a manifest through the front, as the repository owner (another writer of a tag): the status the registry answered. */
export function registryPut(repository: string, reference: string, mediaType: string, body: string): Promise<number> {
  const ca = readFileSync(env.NODE_EXTRA_CA_CERTS ?? '')
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: REGISTRY,
        port: 443,
        path: `/v2/${repository}/manifests/${reference}`,
        method: 'PUT',
        ca,
        auth: `AWS:${PASSWORD}`,
        headers: { 'content-type': mediaType, 'content-length': Buffer.byteLength(body) }
      },
      res => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
      }
    )
    req.on('error', reject)
    req.end(body)
  })
}

/** A referrer's own tag on ECR (`sha256-<subject hex>.<referrer hex>`, supply/referrers.ts): left out of registryTags unless asked for. */
export const REFERRER_KEEP_TAG = /^sha256-[0-9a-f]{64}\.[0-9a-f]{16}$/

export async function registryTags(repository: string, options: { referrerTags?: boolean } = {}): Promise<string[]> {
  const res = await registryGet(`/v2/${repository}/tags/list`)
  if (res.status === 404) return []
  const tags = ((JSON.parse(res.body) as { tags?: string[] | null }).tags ?? []).sort()
  return options.referrerTags === true ? tags : tags.filter(t => !REFERRER_KEEP_TAG.test(t))
}

/** Every repository in the registry with its tags and what they point to: equal before and after means nothing was pushed. */
export async function registrySnapshot(): Promise<string> {
  const catalog = JSON.parse((await registryGet('/v2/_catalog')).body) as { repositories?: string[] }
  const out: Record<string, Record<string, string>> = {}
  for (const repository of (catalog.repositories ?? []).sort()) {
    out[repository] = {}
    for (const tag of await registryTags(repository)) out[repository][tag] = (await registryManifest(repository, tag)).digest
  }
  return JSON.stringify(out)
}

export interface ManifestRef {
  digest: string
  mediaType: string
  platform?: { os: string; architecture: string }
}

/** The manifest a tag points to and its digest, as the registry serves it. */
export async function registryManifest(repository: string, reference: string): Promise<{ digest: string; mediaType: string; manifests: ManifestRef[] }> {
  const res = await registryGet(`/v2/${repository}/manifests/${reference}`)
  if (res.status !== 200) throw new Error(`manifest ${repository}:${reference}: ${res.status} ${res.body}`)
  const body = JSON.parse(res.body) as { mediaType: string; manifests?: ManifestRef[] }
  return {
    digest: String(res.headers['docker-content-digest']),
    mediaType: body.mediaType,
    manifests: body.manifests ?? []
  }
}

/**
 * A workspace holding a two-stage Dockerfile FROM scratch with busybox for the target
 * architecture and RUN steps (arm64 ones run under QEMU). `marker` changes the image content.
 */
export function makeWorkspace(marker = 'v1', extraBuildStep = ''): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'workspace-'))
  mkdirSync(path.join(dir, 'rootfs'))
  for (const arch of ['amd64', 'arm64']) {
    copyFileSync(path.join(env.STACK_BUSYBOX_DIR ?? '', arch, 'busybox'), path.join(dir, 'rootfs', `busybox-${arch}`))
  }
  writeFileSync(
    path.join(dir, 'Dockerfile'),
    [
      'FROM scratch AS build',
      'ARG TARGETARCH',
      'COPY rootfs/busybox-${TARGETARCH} /bin/busybox',
      'RUN ["/bin/busybox", "--install", "-s", "/bin"]',
      `RUN echo "${marker}" > /marker && uname -m > /built-on`,
      ...(extraBuildStep ? [extraBuildStep] : []),
      '',
      'FROM scratch',
      'ARG TARGETARCH',
      'COPY rootfs/busybox-${TARGETARCH} /bin/busybox',
      'COPY --from=build /marker /built-on /',
      'CMD ["/bin/busybox", "sh", "-c", "echo $(/bin/busybox uname -m) $(/bin/busybox cat /marker) built-on=$(/bin/busybox cat /built-on)"]',
      ''
    ].join('\n')
  )
  return dir
}

/** `docker run --platform` of a pushed image: what it prints. */
export function runImage(reference: string, platform: string): string {
  return execFileSync('docker', ['run', '--rm', '--pull', 'always', '--platform', platform, reference], {
    encoding: 'utf8',
    env: { ...process.env, DOCKER_CONFIG: testDockerConfig() }
  }).trim()
}

/** A docker config logged in to the stack's registry, for what the tests push and pull themselves. */
let testLogin: string | undefined
export function testDockerConfig(): string {
  if (testLogin) return testLogin
  testLogin = mkdtempSync(path.join(os.tmpdir(), 'docker-test-login-'))
  execFileSync('docker', ['login', '--username', 'AWS', '--password-stdin', REGISTRY], {
    input: PASSWORD,
    env: { ...process.env, DOCKER_CONFIG: testLogin },
    stdio: ['pipe', 'ignore', 'inherit']
  })
  return testLogin
}

/** Puts an image in ECR's archive, mid-restore, or back in standard storage (`POST /_stack/image-status` on moto). */
export async function setImageStatus(image: { repositoryName: string; imageTag?: string; imageDigest?: string; imageStatus: 'ACTIVE' | 'ARCHIVED' | 'ACTIVATING' }): Promise<void> {
  const res = await fetch(`${env.STACK_MOTO_URL}/_stack/image-status`, { method: 'POST', body: JSON.stringify(image) })
  if (!res.ok) throw new Error(`POST /_stack/image-status: ${res.status} ${await res.text()}`)
}
