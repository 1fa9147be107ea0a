/**
 * Other registries: read-registries' logins (each registry's token in its region, through its
 * role; the post step logs out of each) and copy-to's destinations.
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createHash, randomUUID } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { AwsSession } from '../../src/aws/clients.js'
import type { OtherRegistryDeps } from '../../src/aws/other-registries.js'
import { fakeDocker } from '../fixtures/docker.js'
import { loginReadRegistries, copyToDestinations } from '../../src/other-registries-stage.js'
import { post } from '../../src/post.js'
import { readSettings } from '../../src/settings/read.js'
import { makeWorkspace, stepEnv, type TempWorkspace } from '../fixtures/workspace.js'
import { stdoutOf } from '../fixtures/stdout.js'
import { RegistryClient } from '../../src/registry/client.js'
import type { RetryPolicy } from '../../src/retry.js'
import type { Settings } from '../../src/settings/types.js'

const OWN = '123456789012.dkr.ecr.us-east-1.amazonaws.com'

const ROLE = 'arn:aws:iam::210987654321:role/reader'

let ws: TempWorkspace

beforeAll(() => {
  ws = makeWorkspace()
  ws.write('Dockerfile', 'FROM scratch\n')
})

afterAll(() => ws.remove())

/** No docker process: the login is written to the config file. */
const noDocker = fakeDocker().docker

test("each registry but the run's own gets its token in its region, with its role, and a login the post step takes out", async () => {
  const settings = readSettings(stepEnv(ws.dir, { repository: 'team/web', 'aws-region': 'us-east-1', 'read-registries': `210987654321/eu-west-1=${ROLE}\n${OWN}\npublic.ecr.aws` }, {}))
  const asked: string[] = []
  const deps: OtherRegistryDeps = {
    sessionFor: async (registry, session) => ({ ...session, region: registry.kind === 'private' ? registry.region : session.region }),
    token: async (registry, session) => {
      asked.push(`${registry.host} in ${session.region}${registry.role ? ` as ${registry.role}` : ''}`)
      const current = { registry: registry.host, username: 'AWS', password: `pw-${session.region}` }
      return { current, get: async () => current }
    }
  }
  const config = mkdtempSync(path.join(os.tmpdir(), 'read-logins-'))
  const session: AwsSession = { region: 'us-east-1' }
  const env = { DOCKER_CONFIG: config, RUNNER_TEMP: config }
  let state = ''
  const logins = await stdoutOf(async () => {
    const done = await loginReadRegistries(settings, session, { docker: noDocker, env }, OWN, deps)
    expect(done.map(l => l.registry)).toEqual(['210987654321.dkr.ecr.eu-west-1.amazonaws.com', 'public.ecr.aws'])
    state = JSON.stringify(done)
  })
  expect(logins).toContain('Logged in to 210987654321.dkr.ecr.eu-west-1.amazonaws.com as arn:aws:iam::210987654321:role/reader (read-registries)')
  expect(asked).toEqual([`210987654321.dkr.ecr.eu-west-1.amazonaws.com in eu-west-1 as ${ROLE}`, 'public.ecr.aws in us-east-1'])
  const auths = (JSON.parse(readFileSync(path.join(config, 'config.json'), 'utf8')) as { auths: Record<string, { auth: string }> }).auths
  expect(Object.keys(auths)).toEqual(['210987654321.dkr.ecr.eu-west-1.amazonaws.com', 'public.ecr.aws'])
  expect(auths['210987654321.dkr.ecr.eu-west-1.amazonaws.com']?.auth).toBe(Buffer.from('AWS:pw-eu-west-1').toString('base64'))

  const log = await stdoutOf(() => post({ 'STATE_read-logins': state }, noDocker))
  expect(log).toContain('Logged out of 210987654321.dkr.ecr.eu-west-1.amazonaws.com')
  expect(log).toContain('Logged out of public.ecr.aws')
  expect((JSON.parse(readFileSync(path.join(config, 'config.json'), 'utf8')) as { auths: object }).auths).toEqual({})
})

describe("copy-to", () => {
  const sha = (b: Buffer | string) => `sha256:${createHash('sha256').update(b).digest('hex')}`

  const MANIFEST = 'application/vnd.oci.image.manifest.v1+json'

  const INDEX = 'application/vnd.oci.image.index.v1+json'

  interface Registry {
    base: string
    blobs: Map<string, Buffer>
    manifests: Map<string, { type: string; body: Buffer }>
    requests: string[]
    mounts: boolean
    immutable: boolean
    /** a blob served with other bytes than its digest */
    corrupt?: string
    close: () => Promise<void>
  }

  async function startRegistry(): Promise<Registry> {
    const r = { blobs: new Map(), manifests: new Map(), requests: [] as string[], mounts: false, immutable: false } as Omit<Registry, 'base' | 'close'> & Partial<Registry>
    const uploads = new Map<string, Buffer[]>()
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        const body = Buffer.concat(chunks)
        const url = new URL(req.url ?? '/', 'http://x')
        r.requests.push(`${req.method} ${url.pathname}${url.searchParams.has('mount') ? '?mount' : ''}`)
        let m: RegExpExecArray | null
        if ((m = /^\/v2\/(.+)\/blobs\/(sha256:[0-9a-f]+)$/.exec(url.pathname))) {
          const blob = r.blobs.get(`${m[1]}@${m[2]}`)
          if (!blob) return void res.writeHead(404).end()
          if (req.method === 'HEAD') return void res.writeHead(200, { 'content-length': blob.length }).end()
          return void res.writeHead(200).end(m[2] === r.corrupt ? Buffer.alloc(blob.length, 1) : blob)
        }
        if (req.method === 'POST' && (m = /^\/v2\/(.+)\/blobs\/uploads\/$/.exec(url.pathname))) {
          const from = url.searchParams.get('from')
          const digest = url.searchParams.get('mount') ?? ''
          const there = r.blobs.get(`${from}@${digest}`)
          if (r.mounts && there) {
            r.blobs.set(`${m[1]}@${digest}`, there)
            return void res.writeHead(201).end()
          }
          const id = randomUUID()
          uploads.set(id, [])
          return void res.writeHead(202, { location: `/v2/${m[1]}/blobs/uploads/${id}` }).end()
        }
        if ((m = /^\/v2\/(.+)\/blobs\/uploads\/(.+)$/.exec(url.pathname))) {
          const parts = uploads.get(m[2] ?? '')
          if (!parts) return void res.writeHead(404).end()
          if (req.method === 'DELETE') return void (uploads.delete(m[2] ?? ''), res.writeHead(204).end())
          if (req.method === 'PATCH') return void (parts.push(body), res.writeHead(202, { location: url.pathname }).end())
          const whole = Buffer.concat(parts)
          const digest = url.searchParams.get('digest') ?? ''
          if (sha(whole) !== digest) return void res.writeHead(400).end('{"errors":[{"code":"DIGEST_INVALID","message":"x"}]}')
          r.blobs.set(`${m[1]}@${digest}`, whole)
          return void res.writeHead(201).end()
        }
        if ((m = /^\/v2\/(.+)\/manifests\/(.+)$/.exec(url.pathname))) {
          const key = `${m[1]}:${m[2]}`
          if (req.method === 'GET' || req.method === 'HEAD') {
            const found = r.manifests.get(key)
            if (!found) return void res.writeHead(404).end()
            return void res.writeHead(200, { 'content-type': found.type, 'docker-content-digest': sha(found.body) }).end(found.body)
          }
          if (r.immutable && !(m[2] ?? '').startsWith('sha256:') && r.manifests.has(key)) {
            return void res.writeHead(400).end(JSON.stringify({ errors: [{ code: 'TAG_INVALID', message: `The image tag '${m[2]}' already exists in the '${m[1]}' repository and cannot be overwritten because the repository is immutable.` }] }))
          }
          r.manifests.set(key, { type: String(req.headers['content-type']), body })
          return void res.writeHead(201, { 'docker-content-digest': sha(body) }).end()
        }
        res.writeHead(404).end()
      })
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    r.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    r.close = () => new Promise(resolve => server.close(() => resolve()))
    return r as Registry
  }

  /** An image of two platforms in `repo`: its index digest and its children. */
  function pushImage(r: Registry, repo: string, tag: string, marker = 'a'): { digest: string; children: string[]; blobs: string[] } {
    const children: string[] = []
    const blobs: string[] = []
    const descriptors = ['amd64', 'arm64'].map(arch => {
      const config = Buffer.from(JSON.stringify({ architecture: arch, marker }))
      const layer = Buffer.from(`layer of ${arch} ${marker} `.repeat(5000))
      for (const b of [config, layer]) r.blobs.set(`${repo}@${sha(b)}`, b)
      blobs.push(sha(config), sha(layer))
      const body = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MANIFEST, config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha(config), size: config.length }, layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: sha(layer), size: layer.length }] }))
      r.manifests.set(`${repo}:${sha(body)}`, { type: MANIFEST, body })
      children.push(sha(body))
      return { mediaType: MANIFEST, digest: sha(body), size: body.length, platform: { os: 'linux', architecture: arch } }
    })
    const index = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: INDEX, manifests: descriptors }))
    r.manifests.set(`${repo}:${sha(index)}`, { type: INDEX, body: index })
    r.manifests.set(`${repo}:${tag}`, { type: INDEX, body: index })
    return { digest: sha(index), children, blobs }
  }

  const retry: RetryPolicy = { attempts: 2, delay: () => 0, sleep: async () => undefined, log: () => undefined }

  const client = (r: Registry, registry = 'registry.test') => new RegistryClient({ registry, username: 'AWS', password: 'p' }, r.base)

  let one: Registry

  let two: Registry

  beforeEach(async () => {
    one = await startRegistry()
    two = await startRegistry()
  })

  afterEach(async () => {
    await one.close()
    await two.close()
  })

  test("copy-to's destinations: the run's registry (an ECR Public run's alias kept), another registry with its own token", async () => {
    const image = pushImage(one, 'alias/app', '1.0.0')
    const settings = {
      aws: { roleSessionName: 'run' },
      image: { version: '1.0.0' },
      repository: { name: 'app' },
      registries: { read: [], copyTo: [{ repository: 'mirror' }, { registry: { kind: 'private', host: 'two.test', account: '210987654321', region: 'eu-west-1' }, repository: 'acme/app' }] }
    } as unknown as Settings
    const tokens: OtherRegistryDeps = {
      sessionFor: async (_, session) => session,
      token: async registry => {
        const current = { registry: registry.host, username: 'AWS', password: 'p' }
        return { current, get: async () => current }
      }
    }
    const copied = await stdoutOf(async () => {
      const done = await copyToDestinations(settings, { region: 'us-east-1' }, { registry: client(one, 'public.ecr.aws'), path: 'alias/app', digest: image.digest, retry }, c => new RegistryClient(c, two.base), tokens)
      expect(done.map(c => c.uri)).toEqual(['public.ecr.aws/alias/mirror', 'two.test/acme/app'])
    })
    expect(copied).toContain('Copied to public.ecr.aws/alias/mirror:1.0.0 — 3 manifests, blobs: 4 uploaded')
    expect(one.manifests.get('alias/mirror:1.0.0')?.body).toEqual(one.manifests.get('alias/app:1.0.0')?.body)
    expect(two.manifests.get('acme/app:1.0.0')?.body).toEqual(one.manifests.get('alias/app:1.0.0')?.body)
  })
})
