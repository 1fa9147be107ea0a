/**
 * The inputs: reads every workflow input once, validates it and returns one typed
 * `Settings` object. Nothing here calls AWS or docker: every input error is raised before
 * the first AWS write or docker call, as one line that names the input and the fix.
 */
import { Input } from '../constants.js'
import { PUBLIC_API_REGION } from './registry-host.js'
import { STORAGE_PRICE_USD_PER_GB_MONTH } from './prices.js'
import { InputError } from '../errors.js'
import { readAccessPolicy } from './access-policy.js'
import { readAws } from './aws.js'
import { readBuild, readCache } from './build.js'
import { getInput, parseBoolean, parseInteger, parseList, validateTag } from './input.js'
import { DEFAULT_LIFECYCLE, readLifecycle } from './lifecycle-policy.js'
import { readNetwork } from './network.js'
import { readCatalog, readEncryption, readExistingRepository, readMutability, readRegistryType, readReplication, readResourceTags, validateRepositoryName } from './repository.js'
import { SEVERITIES, type Env, type IfVersionExists, type Settings, type Severity } from './types.js'
import { readRefTags, refValues } from './ref-tags.js'
import { readOtherRegistries } from './registries.js'
import { checkTagMutability } from './tag-mutability.js'
import { readTagsInput } from './tag-references.js'
import { deriveVersion } from './version.js'

const IF_VERSION_EXISTS: readonly IfVersionExists[] = ['auto', 'fail', 'skip']

function readScan(env: Env): Settings['scan'] {
  const failOnInput = getInput(env, Input.ScanFailOn)
  const failOn = failOnInput.toUpperCase() as Severity
  if (failOnInput !== '' && !SEVERITIES.includes(failOn)) {
    throw new InputError(Input.ScanFailOn, `'${failOnInput}' is not a severity: use ${SEVERITIES.join(', ')}, or leave it empty for no gate.`)
  }
  const timeoutSeconds = parseInteger(Input.ScanTimeout, getInput(env, Input.ScanTimeout), { min: 10, max: 3600 }) ?? 600
  return { ...(failOnInput !== '' ? { failOn } : {}), timeoutSeconds }
}

/**
 * ECR managed signing: `require-signature` needs a private repository the run pushes to
 * (ECR Public signs nothing; push: false pushes nothing to sign).
 */
function readSigning(env: Env, push: boolean, registryType: Settings['repository']['type']): Settings['signing'] {
  const require = parseBoolean(Input.RequireSignature, getInput(env, Input.RequireSignature), false)
  const timeoutSeconds = parseInteger(Input.SignatureTimeout, getInput(env, Input.SignatureTimeout), { min: 10, max: 3600 }) ?? 120
  if (require && registryType === 'public') {
    throw new InputError(Input.RequireSignature, 'is true, but ECR Public has no managed signing: remove require-signature, or push to a private repository.')
  }
  if (require && !push) throw new InputError(Input.RequireSignature, 'is true, but push is false: nothing is pushed, so nothing is signed; remove require-signature for build-only runs.')
  return { require, timeoutSeconds }
}

function readStoragePrice(env: Env): number {
  const value = getInput(env, Input.StoragePrice)
  if (value === '') return STORAGE_PRICE_USD_PER_GB_MONTH
  if (!/^\d+(?:\.\d+)?$/.test(value) || Number(value) > 100) {
    throw new InputError(Input.StoragePrice, `'${value}' is not a price: give US$ per GB-month as a number, e.g. 0.10.`)
  }
  return Number(value)
}

function readIfVersionExists(env: Env): IfVersionExists {
  const value = (getInput(env, Input.IfVersionExists) || 'auto').toLowerCase() as IfVersionExists
  if (!IF_VERSION_EXISTS.includes(value)) {
    throw new InputError(Input.IfVersionExists, `'${value}' is not a choice: use auto, fail or skip.`)
  }
  return value
}

const optional = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } => (value === undefined ? {} : { [key]: value }) as { [P in K]?: V }

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
  const { filter: cacheFilter, scoped: scopedCache, ...cache } = readCache(env, registryType)
  const ecrCacheTag = cache.type === 'ecr' ? cache.tag : undefined
  const ecrCacheFilter = cache.type === 'ecr' ? cacheFilter : undefined
  const versionInput = getInput(env, Input.Version)
  const version = versionInput !== '' ? validateTag(Input.Version, versionInput) : deriveVersion({ ref: env.GITHUB_REF ?? '', sha: env.GITHUB_SHA ?? '' })
  const latest = parseBoolean(Input.Latest, getInput(env, Input.Latest), true)
  const extra = readTagsInput(parseList(getInput(env, Input.Tags)), name, aws.region, registryType)
  const refTags = readRefTags(getInput(env, Input.RefTags), refValues({ version, ref: env.GITHUB_REF ?? '', sha: env.GITHUB_SHA ?? '' }))
  const { mutability, exclusions, stated } = readMutability(env, ecrCacheFilter, refTags.floats)
  const tags = [...new Set([version, ...(latest ? ['latest'] : []), ...extra.tags, ...refTags.floating, ...refTags.once])]
  // A ref tag the version or a tag of `tags` is already is pushed as that.
  const fixed = new Set([version, ...extra.tags])
  const floating = refTags.floating.filter(t => !fixed.has(t))
  const once = refTags.once.filter(t => !fixed.has(t))
  // Every tag `<cache-tag>*` matches is kept mutable and protected from expiry: the cache's alone.
  const cacheLike = ecrCacheFilter !== undefined ? tags.find(t => t.startsWith(ecrCacheFilter.slice(0, -1))) : undefined
  if (cacheLike !== undefined) {
    throw new InputError(Input.CacheTag, `'${cacheLike}' is an image tag this run pushes, and the registry cache's tags are ${ecrCacheFilter}: give the cache a tag of its own.`)
  }
  if (registryType === 'private') {
    checkTagMutability(
      { mode: mutability, exclusions },
      { version, floating: [...floating, ...(latest ? ['latest'] : [])], ...(ecrCacheFilter !== undefined ? { cacheTag: ecrCacheFilter.slice(0, -1) } : {}), floats: refTags.floats }
    )
  }

  const build = readBuild(env, workspace, cache)
  const registries = readOtherRegistries(env, name, { push, byDigest: build.pushByDigest })
  return {
    ...(registries.read.length + registries.copyTo.length > 0 ? { registries } : {}),
    aws,
    repository: {
      name,
      create: parseBoolean(Input.CreateRepository, getInput(env, Input.CreateRepository), true),
      tagMutability: mutability,
      tagMutabilityExclusions: exclusions,
      tagMutabilityStated: stated,
      ...(ecrCacheTag !== undefined && ecrCacheFilter !== undefined ? { cacheTag: ecrCacheTag, cacheFilter: ecrCacheFilter } : {}),
      scanOnPush: parseBoolean(Input.ScanOnPush, getInput(env, Input.ScanOnPush), true),
      encryption: readEncryption(env),
      encryptionStated: getInput(env, Input.Encryption) !== '' || getInput(env, Input.KmsKey) !== '',
      lifecycle: readLifecycle(env, workspace, {
        protect: [...DEFAULT_LIFECYCLE.protectTags, ...(ecrCacheFilter ? [ecrCacheFilter] : [])],
        ...(ecrCacheFilter ? { scopedCache } : {})
      }),
      ...optional('accessPolicy', readAccessPolicy(env, workspace)),
      ...(readExistingRepository(env) === 'leave' ? { existing: 'leave' as const } : {}),
      tags: readResourceTags(env),
      replicateToRegions: readReplication(env, aws.region),
      type: registryType,
      catalog: readCatalog(env, workspace)
    },
    scan: readScan(env),
    signing: readSigning(env, push, registryType),
    storagePrice: readStoragePrice(env),
    image: {
      version,
      ifVersionExists: readIfVersionExists(env),
      latest,
      latestMayMoveBack: parseBoolean(Input.LatestMayMoveBack, getInput(env, Input.LatestMayMoveBack), false),
      tags,
      floating,
      once,
      referenceHosts: extra.hosts
    },
    build,
    skipLogout: parseBoolean(Input.SkipLogout, getInput(env, Input.SkipLogout), false),
    dryRun: parseBoolean(Input.DryRun, getInput(env, Input.DryRun), false),
    summary: parseBoolean(Input.Summary, getInput(env, Input.Summary), true),
    network: readNetwork(env)
  }
}
