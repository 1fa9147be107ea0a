/**
 * docker/build-push-action's pass-through build options, under its names and with its
 * meaning: `build-contexts`, `no-cache`, `no-cache-filters`, `pull`, `ssh`, `network`,
 * `shm-size`, `ulimit`, `add-hosts`, `cache-from` / `cache-to` and `load`. Each reaches
 * buildx's argv as given, so none may carry a secret (an error here never echoes a value
 * that could be one); and where one would break a guarantee of this action — a cache ECR
 * refuses, a write into the repository's own tags, `load` on a pushed build — it is refused
 * with one line saying why.
 */
import { existsSync, statSync } from 'node:fs'
import { isIP } from 'node:net'
import path from 'node:path'
import { Input } from '../constants.js'
import { InputError } from '../errors.js'
import { getInput, parseBoolean, parseLines, parseList } from './input.js'
import type { BuildOptions, Env } from './types.js'

/** A Dockerfile stage name (`FROM … AS <name>`). */
export const BUILD_STAGE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/
const CONTEXT_NAME = /^[A-Za-z0-9][A-Za-z0-9._/:@-]*$/
const CONTEXT_SOURCE = /^(?:docker-image|oci-layout):\/\/\S+$|^target:[A-Za-z0-9][A-Za-z0-9_.-]*$/
const REMOTE = /^(?:https?:\/\/|git@|git:\/\/|ssh:\/\/)/
/** A URL with a user (and maybe a password or token) before its host: on buildx's command line, in every log. */
const URL_USER = /^[a-z][a-z0-9+.-]*:\/\/[^/@\s]*@/i
const SSH_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/
const SHM_SIZE = /^[1-9]\d*(?:[bkmg]|[kmg]b)?$/i
const ULIMIT_TYPES = ['core', 'cpu', 'data', 'fsize', 'locks', 'memlock', 'msgqueue', 'nice', 'nofile', 'nproc', 'rss', 'rtprio', 'rttime', 'sigpending', 'stack']
const HOST_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/
const NETWORKS = ['default', 'none', 'host']
const CACHE_TYPES = ['registry', 'local', 'inline', 'gha', 's3', 'azblob']
/** Cache attributes that hold a credential (s3's keys, gha's and azblob's tokens): buildx reads them from its environment. */
const CREDENTIAL_KEY = /secret|token|password|access_key|session/i
const ECR_HOST = /^\d{12}\.dkr(?:\.ecr|-ecr)\.[a-z0-9-]+\.(?:amazonaws\.com(?:\.cn)?|on\.aws)\//

/** What the options are checked against: the run's own settings. */
export interface BuildOptionsContext {
  workspace: string
  /** the ECR repository the run pushes to */
  repository: string
  push: boolean
  /** push-by-digest or merge-digests: the image goes to the registry in any case */
  pushesAnyway: boolean
}

/** The options given; undefined when none is (the argv is then what it always was). */
export function readBuildOptions(env: Env, run: BuildOptionsContext): BuildOptions | undefined {
  const options: BuildOptions = {
    buildContexts: parseLines(getInput(env, Input.BuildContexts)).map(c => buildContext(c, run.workspace)),
    noCache: parseBoolean(Input.NoCache, getInput(env, Input.NoCache), false),
    noCacheFilters: parseList(getInput(env, Input.NoCacheFilters)).map(stage),
    pull: parseBoolean(Input.Pull, getInput(env, Input.Pull), false),
    ssh: readSsh(env, run.workspace),
    ulimits: parseLines(getInput(env, Input.Ulimit)).map(ulimit),
    addHosts: parseList(getInput(env, Input.AddHosts)).map(addHost),
    load: readLoad(env, run)
  }
  const network = getInput(env, Input.Network).toLowerCase()
  if (network !== '') {
    if (!NETWORKS.includes(network)) throw new InputError(Input.Network, `'${network}' is not a network BuildKit runs RUN steps on: use default, none or host.`)
    options.network = network
  }
  const shmSize = getInput(env, Input.ShmSize)
  if (shmSize !== '') {
    if (!SHM_SIZE.test(shmSize)) throw new InputError(Input.ShmSize, `'${shmSize}' is not a size: give a number with an optional unit b, k, m or g, e.g. 2g.`)
    options.shmSize = shmSize
  }
  const cacheFrom = parseLines(getInput(env, Input.CacheFrom))
  if (cacheFrom.length > 0) options.cacheFrom = cacheFrom.map(spec => cacheSpec(Input.CacheFrom, spec, run.repository))
  const cacheTo = parseLines(getInput(env, Input.CacheTo))
  if (cacheTo.length > 0) options.cacheTo = cacheTo.map(spec => cacheSpec(Input.CacheTo, spec, run.repository))
  const lists = [options.buildContexts, options.noCacheFilters, options.ssh, options.ulimits, options.addHosts]
  const given = lists.some(l => l.length > 0) || options.noCache || options.pull || options.load || ['network', 'shmSize', 'cacheFrom', 'cacheTo'].some(k => k in options)
  return given ? options : undefined
}

/** `name=value`: a local folder (made absolute), an image, an OCI layout, another stage or a remote context without credentials. */
function buildContext(item: string, workspace: string): string {
  const eq = item.indexOf('=')
  const name = item.slice(0, eq)
  const value = item.slice(eq + 1)
  if (eq < 1 || !CONTEXT_NAME.test(name) || value === '') {
    throw new InputError(Input.BuildContexts, `'${item.slice(0, 80)}' is not name=value: give one name=path (or docker-image://…, target:<stage>, a URL) per line.`)
  }
  if (URL_USER.test(value)) {
    throw new InputError(Input.BuildContexts, `the context '${name}' has credentials in its URL, which buildx would show on its command line: give them as a secret or use ssh.`)
  }
  if (CONTEXT_SOURCE.test(value) || REMOTE.test(value)) return item
  const dir = path.resolve(workspace, value)
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new InputError(Input.BuildContexts, `the context '${name}': '${value}' is not a directory in the workspace: fix the path or check the files out first.`)
  }
  return `${name}=${dir}`
}

function stage(name: string): string {
  if (!BUILD_STAGE.test(name)) throw new InputError(Input.NoCacheFilters, `'${name}' is not a build stage name: use the names after AS in the Dockerfile.`)
  return name
}

/**
 * `default`, `<id>` (both the job's agent, SSH_AUTH_SOCK), or `<id>=<socket or key file>[,…]`:
 * paths only. A key itself would be on buildx's command line: refused, and never echoed.
 */
function readSsh(env: Env, workspace: string): string[] {
  const raw = getInput(env, Input.Ssh)
  if (/-----BEGIN|PRIVATE KEY/.test(raw)) {
    throw new InputError(
      Input.Ssh,
      'holds a private key, which buildx would get on its command line: load it into an SSH agent (e.g. webfactory/ssh-agent) and give default, or give the path of a key file.'
    )
  }
  return parseLines(raw).map(item => {
    const eq = item.indexOf('=')
    const id = eq < 0 ? item : item.slice(0, eq)
    if (!SSH_ID.test(id)) throw new InputError(Input.Ssh, `'${id.slice(0, 40)}' is not an ssh id: give default, or id=<agent socket or key file path>, one per line.`)
    if (eq < 0) {
      if ((env.SSH_AUTH_SOCK ?? '') === '')
        throw new InputError(Input.Ssh, `'${id}' uses the job's SSH agent, and SSH_AUTH_SOCK is not set: start an agent in an earlier step (e.g. webfactory/ssh-agent) or give ${id}=<socket path>.`)
      return id
    }
    const paths = item
      .slice(eq + 1)
      .split(',')
      .map(p => p.trim())
    const resolved = paths.map(p => {
      const file = path.resolve(workspace, p)
      if (p === '' || !existsSync(file)) throw new InputError(Input.Ssh, `the id '${id}': '${p.slice(0, 200)}' is no agent socket or key file on the runner: give the path of one.`)
      return file
    })
    return `${id}=${resolved.join(',')}`
  })
}

/** `type=soft[:hard]`, as `docker run --ulimit`. */
function ulimit(item: string): string {
  const m = /^([a-z]+)=(-?\d+)(?::(-?\d+))?$/.exec(item)
  const [, type = '', soft = '', hard] = m ?? []
  if (!m || !ULIMIT_TYPES.includes(type)) {
    throw new InputError(Input.Ulimit, `'${item}' is not a ulimit: give type=soft[:hard] with type one of ${ULIMIT_TYPES.join(', ')}, e.g. nofile=1024:2048.`)
  }
  if (hard !== undefined && Number(hard) >= 0 && (Number(soft) < 0 || Number(soft) > Number(hard))) {
    throw new InputError(Input.Ulimit, `'${item}': the soft limit is above the hard one: give soft ≤ hard.`)
  }
  return item
}

/** `name:ip` or `name=ip` (an IPv4 or IPv6 address, or host-gateway). */
function addHost(item: string): string {
  const at = item.includes('=') ? item.indexOf('=') : item.indexOf(':')
  const name = item.slice(0, at)
  const ip = item.slice(at + 1)
  if (at < 1 || !HOST_NAME.test(name) || (isIP(ip) === 0 && ip !== 'host-gateway')) {
    throw new InputError(Input.AddHosts, `'${item}' is not host:ip: give a host name and an IPv4 or IPv6 address (or host-gateway), e.g. db.local:10.0.0.5.`)
  }
  return item
}

function readLoad(env: Env, run: BuildOptionsContext): boolean {
  const load = parseBoolean(Input.Load, getInput(env, Input.Load), false)
  if (load && (run.push || run.pushesAnyway)) {
    throw new InputError(Input.Load, 'is for push: false jobs that test the image before it ships: set push: false in that job (a pushed image is run from the registry).')
  }
  return load
}

/**
 * A cache source or destination as buildx takes it: `type=…,key=value,…` or a bare image
 * reference (a registry cache). Refused: an unknown type, a credential among its attributes,
 * and — as a destination — a registry cache on ECR that isn't an OCI image manifest (ECR
 * refuses buildx's default cache index), a write into the run's own repository (its cache
 * tags are `cache: ecr`'s: mutable, per ref, under the lifecycle policy), or a mode
 * other than min or max.
 */
export function cacheSpec(input: typeof Input.CacheFrom | typeof Input.CacheTo, spec: string, repository: string): string {
  const attrs = new Map<string, string>()
  if (spec.includes('=')) {
    for (const part of spec.split(',')) {
      const eq = part.indexOf('=')
      if (eq < 1) throw new InputError(input, 'has an entry that is not key=value: give type=<type>,key=value,… or an image reference, one per line.')
      attrs.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim())
    }
  } else {
    attrs.set('type', 'registry').set('ref', spec)
  }
  const secret = [...attrs.keys()].find(k => CREDENTIAL_KEY.test(k))
  if (secret !== undefined) {
    throw new InputError(
      input,
      `has '${secret}', which buildx would get on its command line: leave it out and give the credential in the step's environment (AWS_* for s3, the runner's token for gha).`
    )
  }
  const type = attrs.get('type') ?? 'local'
  if (!CACHE_TYPES.includes(type)) throw new InputError(input, `'${type}' is not a cache type: use ${CACHE_TYPES.join(', ')}.`)
  if (input === Input.CacheFrom) return spec
  const mode = attrs.get('mode')
  if (mode !== undefined && mode !== 'min' && mode !== 'max') throw new InputError(input, `mode '${mode}' is not a cache mode: use min or max.`)
  const ref = type === 'registry' ? (attrs.get('ref') ?? '') : ''
  if (ECR_HOST.test(ref)) {
    const [, pathAndTag = ''] = /^[^/]+\/(.*)$/.exec(ref) ?? []
    if (pathAndTag.replace(/[:@].*$/, '') === repository) {
      throw new InputError(input, `writes into ${repository} itself, whose tags are immutable versions or cache: ecr's per-ref cache: use cache: ecr (and cache-tag), or another repository.`)
    }
    if (attrs.get('image-manifest') !== 'true' || attrs.get('oci-mediatypes') === 'false') {
      throw new InputError(input, `'${ref}' is on ECR, which takes a registry cache only as an OCI image manifest: add image-manifest=true,oci-mediatypes=true.`)
    }
  }
  return spec
}
