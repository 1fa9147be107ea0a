/**
 * Stage 1 — inputs. Reads every workflow input once, validates it and returns one typed
 * `Settings` object. Nothing here calls AWS or docker: every input error is raised before
 * the first AWS write or docker call, as one line that names the input and the fix.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import {
  DEFAULT_MUTABILITY_EXCLUSIONS,
  DEFAULT_PLATFORMS,
  DEFAULT_TAG_MUTABILITY,
  Input,
  PUBLIC_API_REGION,
  STORAGE_PRICE_USD_PER_GB_MONTH,
  type InputName
} from './constants.js'
import { InputError } from './errors.js'
import {
  DEFAULT_LIFECYCLE,
  generateLifecyclePolicy,
  validateLifecyclePolicy,
  type LifecyclePolicy
} from './lifecycle-policy.js'
import type { IfVersionExists } from './existing-version.js'
import { matchesFilter } from './repository-plan.js'
import { deriveVersion } from './version.js'

export type TagMutability = 'MUTABLE' | 'IMMUTABLE' | 'IMMUTABLE_WITH_EXCLUSION' | 'MUTABLE_WITH_EXCLUSION'
const TAG_MUTABILITIES: readonly TagMutability[] = [
  'MUTABLE',
  'IMMUTABLE',
  'IMMUTABLE_WITH_EXCLUSION',
  'MUTABLE_WITH_EXCLUSION'
]

/** What the workflow says the repository's lifecycle policy is. */
export type LifecycleIntent =
  /** Stated by `lifecycle-policy` or a `lifecycle-*` shorthand input: enforced. */
  | { stated: true; policy: LifecyclePolicy; source: string }
  /** Nothing stated: the default policy, put only on a repository that has none. */
  | { stated: false; policy: LifecyclePolicy; source: string }

export interface Settings {
  aws: {
    region: string
    roleToAssume?: string
    audience: string
    roleSessionName: string
    roleDurationSeconds: number
    exportCredentials: boolean
  }
  repository: {
    name: string
    create: boolean
    tagMutability: TagMutability
    tagMutabilityExclusions: string[]
    /** False when neither mutability input was given: an immutable repository is then never loosened. */
    tagMutabilityStated: boolean
    /** The registry cache's tag (cache: ecr), which must stay mutable; undefined without one. */
    cacheTag?: string
    scanOnPush: boolean
    encryption: { type: 'AES256' | 'KMS'; kmsKey?: string }
    lifecycle: LifecycleIntent
    /** The access (repository) policy the workflow states; undefined: never read or touched. */
    accessPolicy?: { text: string; source: string }
    /** Resource tags the workflow states; tags it doesn't state are never removed. */
    tags: { Key: string; Value: string }[]
    /** Regions the registry's replication configuration must copy this repository to. */
    replicateToRegions: string[]
    /** `private`: ECR; `public`: ECR Public (public.ecr.aws), which has no lifecycle, mutability or scanning. */
    type: RegistryType
    /** ECR Public's catalog data: stated text only (architectures and OS come from the platforms). */
    catalog: { description?: string; about?: string }
  }
  /** The gate after the push: fail at or above `failOn`; undefined: no gate, no waiting. */
  scan: { failOn?: Severity; timeoutSeconds: number }
  /** US$ per GB-month for the summary's storage estimate. */
  storagePrice: number
  image: {
    version: string
    /** What to do when the version tag already exists (re-runs). */
    ifVersionExists: IfVersionExists
    latest: boolean
    /** Every tag to push, the version first, without duplicates. */
    tags: string[]
  }
  build: {
    platforms: string[]
    context: string
    file: string
    target?: string
    buildArgs: string[]
    labels: string[]
    push: boolean
    /** `ecr`: a registry cache under `tag` in the same repository; `gha`: GitHub's cache. */
    cache: { type: 'ecr' | 'gha' | 'none'; tag: string }
    /** `--provenance` value; 'false' keeps attestation manifests out of the index. */
    provenance: string
    sbom: boolean
    /** Push this platform's image untagged, for a later merge (native per-platform runners). */
    pushByDigest: boolean
    /** No build: make the multi-platform index from these pushed digests. */
    mergeDigests: string[]
  }
  skipLogout: boolean
  /** Read, validate and print the plan; no write call, no login, no build. */
  dryRun: boolean
  /** Write the job summary. */
  summary: boolean
}

export type Env = Readonly<Record<string, string | undefined>>

export type RegistryType = 'private' | 'public'
/** ECR's finding severities, most severe first. */
export const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL', 'UNDEFINED'] as const
export type Severity = (typeof SEVERITIES)[number]

/** The value the runner passes for an input (`INPUT_<NAME>`), trimmed; '' when unset. */
export function getInput(env: Env, name: InputName): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

/** Items of a list input: separated by commas or newlines, trimmed, empties dropped. */
export function parseList(value: string): string[] {
  return value
    .split(/[,\n]/)
    .map(s => s.trim())
    .filter(s => s !== '')
}

/** Items of a one-per-line input (values may contain commas). */
export function parseLines(value: string): string[] {
  return value
    .split('\n')
    .map(s => s.trim())
    .filter(s => s !== '')
}

export function parseBoolean(name: InputName, value: string, fallback: boolean): boolean {
  if (value === '') return fallback
  const v = value.toLowerCase()
  if (v === 'true') return true
  if (v === 'false') return false
  throw new InputError(name, `'${value}' is not a boolean: use true or false.`)
}

export function parseInteger(
  name: InputName,
  value: string,
  range: { min: number; max: number }
): number | undefined {
  if (value === '') return undefined
  if (!/^\d+$/.test(value)) {
    throw new InputError(name, `'${value}' is not a whole number: use a number from ${range.min} to ${range.max}.`)
  }
  const n = Number(value)
  if (n < range.min || n > range.max) {
    throw new InputError(name, `${value} is out of range: use a number from ${range.min} to ${range.max}.`)
  }
  return n
}

/** ECR repository names: lowercase path components, 2–256 characters. */
const REPOSITORY_NAME = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/
/** Docker image tags: what `docker buildx build --tag` and ECR both accept. */
export const IMAGE_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/
const MUTABILITY_FILTER = /^[0-9a-zA-Z._*-]{1,128}$/
const KMS_KEY =
  /^(?:arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(?:key\/[0-9a-zA-Z-]+|alias\/[\w/.-]+)|alias\/[\w/.-]+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/
const BUILD_TARGET = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/
const KEY_VALUE = /^[A-Za-z_][A-Za-z0-9_.-]*=/
const PLATFORM_OS = ['linux', 'windows']
const PLATFORM_ARCH = ['amd64', 'arm64', 'arm', '386', 'ppc64le', 's390x', 'riscv64', 'mips64le', 'loong64']
const REMOTE_CONTEXT = /^(?:https?:\/\/|git@|git:\/\/)/

export function validateRepositoryName(name: string): string {
  if (name === '') throw new InputError(Input.Repository, 'is required: name the ECR repository, e.g. team/web.')
  if (name.length < 2 || name.length > 256 || !REPOSITORY_NAME.test(name)) {
    throw new InputError(
      Input.Repository,
      `'${name}' is not a valid ECR repository name: use 2–256 lowercase letters, digits and . _ - separated by /, e.g. team/web.`
    )
  }
  return name
}

export function validateTag(input: InputName, tag: string): string {
  if (!IMAGE_TAG.test(tag)) {
    throw new InputError(
      input,
      `'${tag}' is not a valid image tag: use up to 128 letters, digits, _ . - (not starting with . or -).`
    )
  }
  return tag
}

export function validatePlatform(platform: string): string {
  const [os, arch, variant, ...rest] = platform.split('/')
  const ok =
    os !== undefined &&
    PLATFORM_OS.includes(os) &&
    arch !== undefined &&
    PLATFORM_ARCH.includes(arch) &&
    rest.length === 0 &&
    (variant === undefined || /^v\d+$/.test(variant))
  if (!ok) {
    throw new InputError(
      Input.Platforms,
      `'${platform}' is not a platform buildx knows: use os/arch[/variant], e.g. linux/amd64,linux/arm64.`
    )
  }
  return platform
}

/** A policy input: the JSON itself, or a path (relative to the workspace) to a JSON file. */
export function readPolicyText(name: InputName, value: string, workspace: string): string {
  if (value.startsWith('{') || value.startsWith('[')) return value
  const file = path.resolve(workspace, value)
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new InputError(name, `'${value}' is neither JSON nor a file in the workspace: give the policy JSON or a path to it.`)
  }
  return readFileSync(file, 'utf8')
}

function readLifecycle(env: Env, workspace: string, protectDefault: string[]): LifecycleIntent {
  const policyInput = getInput(env, Input.LifecyclePolicy)
  const keepCount = parseInteger(Input.LifecycleKeepCount, getInput(env, Input.LifecycleKeepCount), { min: 1, max: 10000 })
  const expireDays = parseInteger(Input.LifecycleExpireDays, getInput(env, Input.LifecycleExpireDays), { min: 1, max: 36500 })
  const untaggedDays = parseInteger(Input.LifecycleUntaggedDays, getInput(env, Input.LifecycleUntaggedDays), {
    min: 1,
    max: 36500
  })
  const protectInput = getInput(env, Input.LifecycleProtectTags)
  const protectTags = parseList(protectInput)
  for (const t of protectTags) {
    if (!/^[A-Za-z0-9_.*-]{1,128}$/.test(t) || (t.match(/\*/g) ?? []).length > 4) {
      throw new InputError(
        Input.LifecycleProtectTags,
        `'${t}' is not a tag pattern ECR accepts: use letters, digits, _ . - and at most 4 * wildcards.`
      )
    }
  }
  const shorthandStated =
    keepCount !== undefined || expireDays !== undefined || untaggedDays !== undefined || protectInput !== ''

  if (policyInput !== '') {
    if (shorthandStated) {
      throw new InputError(
        Input.LifecyclePolicy,
        'is given together with lifecycle-keep-count / -expire-days / -untagged-days / -protect-tags: use either the full policy or the shorthand inputs.'
      )
    }
    const text = readPolicyText(Input.LifecyclePolicy, policyInput, workspace)
    return { stated: true, policy: validateLifecyclePolicy(text, Input.LifecyclePolicy), source: 'lifecycle-policy' }
  }
  if (keepCount !== undefined && expireDays !== undefined) {
    throw new InputError(
      Input.LifecycleExpireDays,
      'is given together with lifecycle-keep-count: keep the newest N images or expire them after N days, not both.'
    )
  }
  const tagRule = expireDays !== undefined ? { expireDays } : { keepCount: keepCount ?? DEFAULT_LIFECYCLE.keepCount }
  const policy = generateLifecyclePolicy({
    ...tagRule,
    untaggedDays: untaggedDays ?? DEFAULT_LIFECYCLE.untaggedDays,
    protectTags: protectInput !== '' ? protectTags : protectDefault
  })
  return shorthandStated
    ? { stated: true, policy, source: 'lifecycle-* inputs' }
    : { stated: false, policy, source: 'default policy' }
}

function readMutability(
  env: Env,
  cacheTag: string | undefined
): {
  mutability: TagMutability
  exclusions: string[]
  stated: boolean
} {
  const modeInput = getInput(env, Input.TagMutability)
  const exclusionsInput = getInput(env, Input.TagMutabilityExclusions)
  const mode = (modeInput === '' ? DEFAULT_TAG_MUTABILITY : modeInput.toUpperCase()) as TagMutability
  if (!TAG_MUTABILITIES.includes(mode)) {
    throw new InputError(Input.TagMutability, `'${modeInput}' is not a tag mutability: use ${TAG_MUTABILITIES.join(', ')}.`)
  }
  const withExclusions = mode.endsWith('_WITH_EXCLUSION')
  const listed = exclusionsInput === '' ? (withExclusions ? DEFAULT_MUTABILITY_EXCLUSIONS : []) : parseList(exclusionsInput)
  if (!withExclusions && listed.length > 0) {
    throw new InputError(
      Input.TagMutabilityExclusions,
      `only applies to IMMUTABLE_WITH_EXCLUSION and MUTABLE_WITH_EXCLUSION, not ${mode}: remove it or change tag-mutability.`
    )
  }
  if (withExclusions && (listed.length < 1 || listed.length > 5)) {
    throw new InputError(Input.TagMutabilityExclusions, `has ${listed.length} filters: ECR takes 1 to 5.`)
  }
  // The registry cache is rewritten by every build: its tag must stay mutable.
  const addCache = mode === 'IMMUTABLE_WITH_EXCLUSION' && cacheTag !== undefined && !listed.some(f => matchesFilter(cacheTag, f))
  const exclusions = addCache ? [...listed, cacheTag] : listed
  if (exclusions.length > 5) {
    throw new InputError(
      Input.TagMutabilityExclusions,
      `has 5 filters and the registry cache needs one more for '${cacheTag}': drop one, or set cache-tag to a tag a filter already matches.`
    )
  }
  for (const f of exclusions) {
    if (!MUTABILITY_FILTER.test(f)) {
      throw new InputError(
        Input.TagMutabilityExclusions,
        `'${f}' is not a filter ECR accepts: use up to 128 letters, digits, . _ - and * wildcards.`
      )
    }
  }
  return { mutability: mode, exclusions: [...new Set(exclusions)], stated: modeInput !== '' || exclusionsInput !== '' }
}

const ACCOUNT_ID = /^\d{12}$/
const ORG_ID = /^o-[a-z0-9]{10,32}$/
const PRINCIPAL_ARN = /^arn:aws[a-z-]*:iam::\d{12}:(?:root|role\/[\w+=,.@/-]+|user\/[\w+=,.@/-]+)$/
const PULL_ACTIONS = ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability']

/** A repository policy as ECR takes it: an IAM policy document with statements, ≤ 10,240 characters. */
export function validateRepositoryPolicy(text: string): string {
  const fail = (what: string): never => {
    throw new InputError(Input.RepositoryPolicy, what)
  }
  if (text.length > 10240) fail(`the policy is ${text.length} characters; ECR takes at most 10240.`)
  let policy: unknown
  try {
    policy = JSON.parse(text)
  } catch (error) {
    return fail(`is not valid JSON (${(error as Error).message}): give a repository policy document.`)
  }
  const statements = (policy as { Statement?: unknown }).Statement
  const list = Array.isArray(statements) ? statements : statements !== undefined ? [statements] : []
  if (typeof policy !== 'object' || policy === null || list.length === 0) fail('needs a "Statement" list: give an IAM policy document.')
  list.forEach((st: Record<string, unknown>, i) => {
    if (st.Effect !== 'Allow' && st.Effect !== 'Deny') fail(`Statement[${i}].Effect must be "Allow" or "Deny".`)
    if (st.Principal === undefined && st.NotPrincipal === undefined) fail(`Statement[${i}] needs a Principal: a repository policy says who may do what.`)
    const actions = ([] as unknown[]).concat(st.Action ?? st.NotAction ?? [])
    if (actions.length === 0 || !actions.every(a => typeof a === 'string' && (a === '*' || /^ecr:[A-Za-z*]+$/.test(a)))) {
      fail(`Statement[${i}].Action must name ecr: actions (e.g. ecr:BatchGetImage).`)
    }
  })
  return text
}

/** The pull-only statement for `pull-principals`: accounts, role/user ARNs, or an organization. */
export function pullPolicy(principals: string[]): string {
  const arns: string[] = []
  const orgs: string[] = []
  for (const p of principals) {
    if (ACCOUNT_ID.test(p)) arns.push(`arn:aws:iam::${p}:root`)
    else if (PRINCIPAL_ARN.test(p)) arns.push(p)
    else if (ORG_ID.test(p)) orgs.push(p)
    else {
      throw new InputError(
        Input.PullPrincipals,
        `'${p}' is not a principal: use a 12-digit account ID, an IAM role or user ARN, or an organization ID (o-…).`
      )
    }
  }
  const Statement: object[] = []
  if (arns.length > 0) Statement.push({ Sid: 'PullByPrincipal', Effect: 'Allow', Principal: { AWS: arns }, Action: PULL_ACTIONS })
  if (orgs.length > 0) {
    Statement.push({
      Sid: 'PullByOrganization',
      Effect: 'Allow',
      Principal: '*',
      Action: PULL_ACTIONS,
      Condition: { StringEquals: { 'aws:PrincipalOrgID': orgs } }
    })
  }
  return JSON.stringify({ Version: '2012-10-17', Statement })
}

function readAccessPolicy(env: Env, workspace: string): Settings['repository']['accessPolicy'] {
  const policyInput = getInput(env, Input.RepositoryPolicy)
  const principals = parseList(getInput(env, Input.PullPrincipals))
  if (policyInput !== '' && principals.length > 0) {
    throw new InputError(Input.PullPrincipals, 'is given together with repository-policy: put the pull statement in the policy, or use pull-principals alone.')
  }
  if (policyInput !== '') {
    return { text: validateRepositoryPolicy(readPolicyText(Input.RepositoryPolicy, policyInput, workspace)), source: 'repository-policy' }
  }
  if (principals.length > 0) return { text: pullPolicy(principals), source: 'pull-principals' }
  return undefined
}

function readResourceTags(env: Env): Settings['repository']['tags'] {
  const tags = parseLines(getInput(env, Input.RepositoryTags)).map(line => {
    const at = line.indexOf('=')
    const Key = at > 0 ? line.slice(0, at).trim() : ''
    const Value = line.slice(at + 1).trim()
    if (Key === '' || Key.length > 128 || Value.length > 256 || /^aws:/i.test(Key) || !/^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u.test(`${Key}${Value}`)) {
      throw new InputError(Input.RepositoryTags, `'${line}' is not a tag ECR accepts: one key=value per line, key up to 128 and value up to 256 characters, not starting with aws:.`)
    }
    return { Key, Value }
  })
  if (tags.length > 50) throw new InputError(Input.RepositoryTags, `has ${tags.length} tags: ECR takes at most 50.`)
  return tags
}

function readReplication(env: Env, region: string): string[] {
  const regions = [...new Set(parseList(getInput(env, Input.ReplicateToRegions)))]
  for (const r of regions) {
    if (!REGION.test(r)) throw new InputError(Input.ReplicateToRegions, `'${r}' is not an AWS region code: use codes like eu-west-1, ap-northeast-2.`)
    if (r === region) throw new InputError(Input.ReplicateToRegions, `lists ${r}, the repository's own region: list only the other regions to copy images to.`)
  }
  if (regions.length > 25) throw new InputError(Input.ReplicateToRegions, `lists ${regions.length} regions: an ECR replication rule takes at most 25.`)
  return regions
}

function readScan(env: Env): Settings['scan'] {
  const failOnInput = getInput(env, Input.ScanFailOn)
  const failOn = failOnInput.toUpperCase() as Severity
  if (failOnInput !== '' && !SEVERITIES.includes(failOn)) {
    throw new InputError(Input.ScanFailOn, `'${failOnInput}' is not a severity: use ${SEVERITIES.join(', ')}, or leave it empty for no gate.`)
  }
  const timeoutSeconds = parseInteger(Input.ScanTimeout, getInput(env, Input.ScanTimeout), { min: 10, max: 3600 }) ?? 600
  return { ...(failOnInput !== '' ? { failOn } : {}), timeoutSeconds }
}

function readStoragePrice(env: Env): number {
  const value = getInput(env, Input.StoragePrice)
  if (value === '') return STORAGE_PRICE_USD_PER_GB_MONTH
  if (!/^\d+(?:\.\d+)?$/.test(value) || Number(value) > 100) {
    throw new InputError(Input.StoragePrice, `'${value}' is not a price: give US$ per GB-month as a number, e.g. 0.10.`)
  }
  return Number(value)
}

/** ECR Public's catalog text: as given, or read from a file in the workspace (`about` is markdown). */
function readCatalog(env: Env, workspace: string): Settings['repository']['catalog'] {
  const description = getInput(env, Input.Description)
  const aboutInput = getInput(env, Input.About)
  let about = aboutInput
  if (/^[\w./-]+\.(?:md|markdown|txt)$/i.test(aboutInput)) {
    const file = path.resolve(workspace, aboutInput)
    if (!existsSync(file)) throw new InputError(Input.About, `'${aboutInput}' looks like a file but is not in the workspace: check it out first or give the text itself.`)
    about = readFileSync(file, 'utf8')
  }
  if (description.length > 1024) throw new InputError(Input.Description, `is ${description.length} characters: ECR Public takes at most 1024.`)
  if (about.length > 25600) throw new InputError(Input.About, `is ${about.length} characters: ECR Public takes at most 25600.`)
  return { ...(description !== '' ? { description } : {}), ...(about !== '' ? { about } : {}) }
}

/**
 * ECR Public has no lifecycle policies, tag immutability, scanning, encryption settings or
 * replication: a workflow that states one of them is told so instead of being ignored.
 */
function refuseForPublic(env: Env): void {
  const unsupported: [InputName, (v: string) => boolean][] = [
    [Input.TagMutability, v => v !== ''],
    [Input.TagMutabilityExclusions, v => v !== ''],
    [Input.LifecyclePolicy, v => v !== ''],
    [Input.LifecycleKeepCount, v => v !== ''],
    [Input.LifecycleExpireDays, v => v !== ''],
    [Input.LifecycleUntaggedDays, v => v !== ''],
    [Input.LifecycleProtectTags, v => v !== ''],
    [Input.Encryption, v => v !== '' && v.toUpperCase() !== 'AES256'],
    [Input.KmsKey, v => v !== ''],
    [Input.ReplicateToRegions, v => v !== ''],
    [Input.ScanFailOn, v => v !== ''],
    [Input.PullPrincipals, v => v !== '']
  ]
  for (const [name, stated] of unsupported) {
    if (stated(getInput(env, name))) {
      throw new InputError(name, `is not available with registry-type: public (ECR Public has no such setting): remove it.`)
    }
  }
}

function readRegistryType(env: Env): RegistryType {
  const value = (getInput(env, Input.RegistryType) || 'private').toLowerCase()
  if (value !== 'private' && value !== 'public') {
    throw new InputError(Input.RegistryType, `'${value}' is not a registry type: use private (ECR) or public (ECR Public, public.ecr.aws).`)
  }
  if (value === 'public') refuseForPublic(env)
  for (const name of [Input.Description, Input.About]) {
    if (value === 'private' && getInput(env, name) !== '') {
      throw new InputError(name, 'is catalog data of ECR Public: set registry-type: public, or remove it.')
    }
  }
  return value
}

function readBuildKeyValues(name: InputName, value: string): string[] {
  const items = parseLines(value)
  for (const item of items) {
    if (!KEY_VALUE.test(item)) {
      throw new InputError(name, `'${item}' is not KEY=VALUE: give one KEY=VALUE per line.`)
    }
  }
  return items
}

const CACHE_TYPES = ['ecr', 'gha', 'none'] as const
const PROVENANCE = /^(?:true|false|mode=(?:min|max))$/
const IF_VERSION_EXISTS: readonly IfVersionExists[] = ['auto', 'fail', 'skip']

/** Empty: the registry cache for private repositories, none for public ones (it would publish every build stage). */
function readCache(env: Env, registryType: RegistryType): Settings['build']['cache'] {
  const typeInput = getInput(env, Input.Cache) || (registryType === 'public' ? 'none' : 'ecr')
  const type = typeInput.toLowerCase() as (typeof CACHE_TYPES)[number]
  if (!CACHE_TYPES.includes(type)) {
    throw new InputError(Input.Cache, `'${typeInput}' is not a cache: use ecr, gha or none.`)
  }
  return { type, tag: validateTag(Input.CacheTag, getInput(env, Input.CacheTag) || 'buildcache') }
}

function readBuild(env: Env, workspace: string, cache: Settings['build']['cache']): Settings['build'] {
  const listed = parseList(getInput(env, Input.Platforms))
  const platforms = [...new Set((listed.length > 0 ? listed : DEFAULT_PLATFORMS).map(validatePlatform))]
  const contextInput = getInput(env, Input.Context) || '.'
  const remote = REMOTE_CONTEXT.test(contextInput)
  const context = remote ? contextInput : path.resolve(workspace, contextInput)
  if (!remote && !(existsSync(context) && statSync(context).isDirectory())) {
    throw new InputError(Input.Context, `'${contextInput}' is not a directory in the workspace: check out the code first (actions/checkout) or fix the path.`)
  }
  const fileInput = getInput(env, Input.File)
  let file = ''
  if (fileInput !== '') {
    file = path.resolve(workspace, fileInput)
    if (!existsSync(file)) throw new InputError(Input.File, `'${fileInput}' does not exist: give the Dockerfile's path.`)
  } else if (!remote) {
    file = path.join(context, 'Dockerfile')
    if (!existsSync(file)) {
      throw new InputError(Input.File, `there is no Dockerfile in '${contextInput}': add one or give its path in 'file'.`)
    }
  }
  const target = getInput(env, Input.Target)
  if (target !== '' && !BUILD_TARGET.test(target)) {
    throw new InputError(Input.Target, `'${target}' is not a build stage name: use the name after AS in the Dockerfile.`)
  }
  const settings: Settings['build'] = {
    platforms,
    context,
    file,
    buildArgs: readBuildKeyValues(Input.BuildArgs, getInput(env, Input.BuildArgs)),
    labels: readBuildKeyValues(Input.Labels, getInput(env, Input.Labels)),
    push: parseBoolean(Input.Push, getInput(env, Input.Push), true),
    cache,
    provenance: readProvenance(env),
    sbom: parseBoolean(Input.Sbom, getInput(env, Input.Sbom), false),
    ...readSplitBuild(env)
  }
  if (target !== '') settings.target = target
  return settings
}

/** @param needed false for build-only runs (push: false), which make no AWS call */
function readSplitBuild(env: Env): Pick<Settings['build'], 'pushByDigest' | 'mergeDigests'> {
  const pushByDigest = parseBoolean(Input.PushByDigest, getInput(env, Input.PushByDigest), false)
  const mergeDigests = [...new Set(parseList(getInput(env, Input.MergeDigests)))]
  for (const d of mergeDigests) {
    if (!/^sha256:[0-9a-f]{64}$/.test(d)) {
      throw new InputError(Input.MergeDigests, `'${d}' is not an image digest: give the sha256:… digests the push-by-digest runs output.`)
    }
  }
  if (pushByDigest && mergeDigests.length > 0) {
    throw new InputError(Input.MergeDigests, 'is given together with push-by-digest: push each platform by digest first, then merge in a later job.')
  }
  return { pushByDigest, mergeDigests }
}

function readProvenance(env: Env): string {
  const value = getInput(env, Input.Provenance) || 'false'
  if (!PROVENANCE.test(value)) {
    throw new InputError(Input.Provenance, `'${value}' is not a provenance setting: use false, true, mode=min or mode=max.`)
  }
  return value
}

function readIfVersionExists(env: Env): IfVersionExists {
  const value = (getInput(env, Input.IfVersionExists) || 'auto').toLowerCase() as IfVersionExists
  if (!IF_VERSION_EXISTS.includes(value)) {
    throw new InputError(Input.IfVersionExists, `'${value}' is not a choice: use auto, fail or skip.`)
  }
  return value
}

function readAws(env: Env, needed: boolean): Settings['aws'] {
  const region = getInput(env, Input.AwsRegion) || env.AWS_REGION || env.AWS_DEFAULT_REGION || ''
  if (region === '' && needed) {
    throw new InputError(Input.AwsRegion, 'no region: set aws-region (e.g. us-east-1) or AWS_REGION in the job.')
  }
  if (region !== '' && !REGION.test(region)) {
    throw new InputError(Input.AwsRegion, `'${region}' is not an AWS region code: use one like us-east-1 or ap-northeast-2.`)
  }
  const roleToAssume = getInput(env, Input.RoleToAssume)
  if (roleToAssume !== '' && !ROLE_ARN.test(roleToAssume)) {
    throw new InputError(
      Input.RoleToAssume,
      `'${roleToAssume}' is not an IAM role ARN: use arn:aws:iam::<12-digit account>:role/<name>.`
    )
  }
  const roleSessionName = getInput(env, Input.RoleSessionName) || 'GitHubActions'
  if (!SESSION_NAME.test(roleSessionName)) {
    throw new InputError(Input.RoleSessionName, `'${roleSessionName}' is not a session name STS accepts: use 2–64 of letters, digits and + = , . @ _ -.`)
  }
  const audience = getInput(env, Input.Audience) || 'sts.amazonaws.com'
  const aws: Settings['aws'] = {
    region,
    audience,
    roleSessionName,
    roleDurationSeconds:
      parseInteger(Input.RoleDurationSeconds, getInput(env, Input.RoleDurationSeconds), { min: 900, max: 43200 }) ?? 3600,
    exportCredentials: parseBoolean(Input.ExportCredentials, getInput(env, Input.ExportCredentials), false)
  }
  if (roleToAssume !== '') aws.roleToAssume = roleToAssume
  return aws
}

function readEncryption(env: Env): Settings['repository']['encryption'] {
  const typeInput = getInput(env, Input.Encryption)
  const type = (typeInput || 'AES256').toUpperCase()
  if (type !== 'AES256' && type !== 'KMS') {
    throw new InputError(Input.Encryption, `'${typeInput}' is not an encryption type: use AES256 or KMS.`)
  }
  const kmsKey = getInput(env, Input.KmsKey)
  if (kmsKey === '') return { type }
  if (type !== 'KMS') {
    throw new InputError(Input.KmsKey, 'is only used with encryption: KMS: set encryption to KMS or remove kms-key.')
  }
  if (!KMS_KEY.test(kmsKey)) {
    throw new InputError(Input.KmsKey, `'${kmsKey}' is not a KMS key: use a key ARN, key ID, alias ARN or alias/<name>.`)
  }
  return { type, kmsKey }
}

const optional = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V }

/**
 * Reads and validates every input. `env` is the step's environment (INPUT_* and GITHUB_*);
 * relative paths resolve against GITHUB_WORKSPACE (the runner's working directory).
 */
export function readSettings(env: Env = process.env): Settings {
  const workspace = env.GITHUB_WORKSPACE || process.cwd()
  const push = parseBoolean(Input.Push, getInput(env, Input.Push), true)
  const name = validateRepositoryName(getInput(env, Input.Repository))
  const registryType = readRegistryType(env)
  // ECR Public's API answers in us-east-1 only; the region input is then only for signing in.
  const aws = readAws(env, push && registryType === 'private')
  if (registryType === 'public' && aws.region === '') aws.region = PUBLIC_API_REGION
  const cache = readCache(env, registryType)
  const ecrCacheTag = cache.type === 'ecr' ? cache.tag : undefined
  const { mutability, exclusions, stated } = readMutability(env, ecrCacheTag)

  const versionInput = getInput(env, Input.Version)
  const version =
    versionInput !== ''
      ? validateTag(Input.Version, versionInput)
      : deriveVersion({ ref: env.GITHUB_REF ?? '', sha: env.GITHUB_SHA ?? '' })
  const latest = parseBoolean(Input.Latest, getInput(env, Input.Latest), true)
  const extraTags = parseList(getInput(env, Input.Tags)).map(t => validateTag(Input.Tags, t))
  const tags = [...new Set([version, ...(latest ? ['latest'] : []), ...extraTags])]
  if (ecrCacheTag !== undefined && tags.includes(ecrCacheTag)) {
    throw new InputError(Input.CacheTag, `'${ecrCacheTag}' is also an image tag this run pushes: give the cache a tag of its own.`)
  }

  return {
    aws,
    repository: {
      name,
      create: parseBoolean(Input.CreateRepository, getInput(env, Input.CreateRepository), true),
      tagMutability: mutability,
      tagMutabilityExclusions: exclusions,
      tagMutabilityStated: stated,
      ...(ecrCacheTag !== undefined ? { cacheTag: ecrCacheTag } : {}),
      scanOnPush: parseBoolean(Input.ScanOnPush, getInput(env, Input.ScanOnPush), true),
      encryption: readEncryption(env),
      lifecycle: readLifecycle(env, workspace, [...DEFAULT_LIFECYCLE.protectTags, ...(ecrCacheTag ? [ecrCacheTag] : [])]),
      ...optional('accessPolicy', readAccessPolicy(env, workspace)),
      tags: readResourceTags(env),
      replicateToRegions: readReplication(env, aws.region),
      type: registryType,
      catalog: readCatalog(env, workspace)
    },
    scan: readScan(env),
    storagePrice: readStoragePrice(env),
    image: { version, ifVersionExists: readIfVersionExists(env), latest, tags },
    build: readBuild(env, workspace, cache),
    skipLogout: parseBoolean(Input.SkipLogout, getInput(env, Input.SkipLogout), false),
    dryRun: parseBoolean(Input.DryRun, getInput(env, Input.DryRun), false),
    summary: parseBoolean(Input.Summary, getInput(env, Input.Summary), true)
  }
}
