/** The `repository` section: name, registry type, tag mutability, encryption, tags, replication, ECR Public's catalog. */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { Input, type InputName } from '../constants.js'
import { InputError } from '../errors.js'
import { REGION } from './aws.js'
import { getInput, parseLines, parseList } from './input.js'
import { VERSION_FILTERS, withCacheFilter } from './tag-mutability.js'
import { TAG_MUTABILITIES, type Env, type ExistingRepository, type RegistryType, type Settings, type TagMutability } from './types.js'

/** The tag mutability when the workflow states none: immutable, but for `latest` and the referrers tag schema's `sha256-*`. */
export const DEFAULT_TAG_MUTABILITY = 'IMMUTABLE_WITH_EXCLUSION'
export const DEFAULT_MUTABILITY_EXCLUSIONS = ['latest', 'sha256-*']

/** ECR repository names: lowercase path components, 2–256 characters. */
const REPOSITORY_NAME = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/

/** ECR's rule for a repository name: 2–256 lowercase letters, digits and . _ - separated by /. */
export const isRepositoryName = (name: string): boolean => name.length >= 2 && name.length <= 256 && REPOSITORY_NAME.test(name)
/** Docker image tags: what `docker buildx build --tag` and ECR both accept. */
const MUTABILITY_FILTER = /^[0-9a-zA-Z._*-]{1,128}$/
const KMS_KEY = /^(?:arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(?:key\/[0-9a-zA-Z-]+|alias\/[\w/.-]+)|alias\/[\w/.-]+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/

export function validateRepositoryName(name: string): string {
  if (name === '') throw new InputError(Input.Repository, 'is required: name the ECR repository, e.g. team/web.')
  if (!isRepositoryName(name)) {
    throw new InputError(Input.Repository, `'${name}' is not a valid ECR repository name: use 2–256 lowercase letters, digits and . _ - separated by /, e.g. team/web.`)
  }
  return name
}

/**
 * @param cacheFilter `<cache-tag>*` with cache: ecr: the cache's tags, which every build rewrites
 * @param floats `ref-tags` asks for floating tags: unstated, the default is then MUTABLE_WITH_EXCLUSION (tag-mutability.ts)
 */
export function readMutability(
  env: Env,
  cacheFilter: string | undefined,
  floats = false
): {
  mutability: TagMutability
  exclusions: string[]
  stated: boolean
} {
  const modeInput = getInput(env, Input.TagMutability)
  const exclusionsInput = getInput(env, Input.TagMutabilityExclusions)
  const mode = (modeInput !== '' ? modeInput.toUpperCase() : floats && exclusionsInput === '' ? 'MUTABLE_WITH_EXCLUSION' : DEFAULT_TAG_MUTABILITY) as TagMutability
  if (!TAG_MUTABILITIES.includes(mode)) {
    throw new InputError(Input.TagMutability, `'${modeInput}' is not a tag mutability: use ${TAG_MUTABILITIES.join(', ')}.`)
  }
  const withExclusions = mode.endsWith('_WITH_EXCLUSION')
  // MUTABLE_WITH_EXCLUSION's filters are what stays immutable: the versions; IMMUTABLE_WITH_EXCLUSION's what moves: latest.
  const defaults = mode === 'MUTABLE_WITH_EXCLUSION' ? VERSION_FILTERS : withExclusions ? DEFAULT_MUTABILITY_EXCLUSIONS : []
  const listed = exclusionsInput === '' ? defaults : parseList(exclusionsInput)
  if (!withExclusions && listed.length > 0) {
    throw new InputError(Input.TagMutabilityExclusions, `only applies to IMMUTABLE_WITH_EXCLUSION and MUTABLE_WITH_EXCLUSION, not ${mode}: remove it or change tag-mutability.`)
  }
  if (withExclusions && (listed.length < 1 || listed.length > 5)) {
    throw new InputError(Input.TagMutabilityExclusions, `has ${listed.length} filters: ECR takes 1 to 5.`)
  }
  // The registry cache is rewritten by every build: its tags (per-platform ones too) must stay mutable.
  const exclusions = mode === 'IMMUTABLE_WITH_EXCLUSION' && cacheFilter !== undefined ? withCacheFilter(listed, cacheFilter) : listed
  if (exclusions.length > 5) {
    throw new InputError(Input.TagMutabilityExclusions, `has 5 filters and the registry cache needs one more, '${cacheFilter}': drop one, or list a filter that covers the cache's tags.`)
  }
  for (const f of exclusions) {
    if (!MUTABILITY_FILTER.test(f)) {
      throw new InputError(Input.TagMutabilityExclusions, `'${f}' is not a filter ECR accepts: use up to 128 letters, digits, . _ - and * wildcards.`)
    }
  }
  return { mutability: mode, exclusions: [...new Set(exclusions)], stated: modeInput !== '' || exclusionsInput !== '' }
}

export function readResourceTags(env: Env): Settings['repository']['tags'] {
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

export function readReplication(env: Env, region: string): string[] {
  const regions = [...new Set(parseList(getInput(env, Input.ReplicateToRegions)))]
  for (const r of regions) {
    if (!REGION.test(r)) throw new InputError(Input.ReplicateToRegions, `'${r}' is not an AWS region code: use codes like eu-west-1, ap-northeast-2.`)
    if (r === region) throw new InputError(Input.ReplicateToRegions, `lists ${r}, the repository's own region: list only the other regions to copy images to.`)
  }
  if (regions.length > 25) throw new InputError(Input.ReplicateToRegions, `lists ${regions.length} regions: an ECR replication rule takes at most 25.`)
  return regions
}

export function readCatalog(env: Env, workspace: string): Settings['repository']['catalog'] {
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
export function refuseForPublic(env: Env): void {
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
    [Input.PullPrincipals, v => v !== ''],
    [Input.ExistingRepository, v => v.toLowerCase() === 'leave']
  ]
  for (const [name, stated] of unsupported) {
    if (stated(getInput(env, name))) {
      throw new InputError(name, `is not available with registry-type: public (ECR Public has no such setting): remove it.`)
    }
  }
}

/** `existing-repository`: reconcile (the default) or leave a repository the run didn't create. */
export function readExistingRepository(env: Env): ExistingRepository {
  const value = (getInput(env, Input.ExistingRepository) || 'reconcile').toLowerCase()
  if (value !== 'reconcile' && value !== 'leave') {
    throw new InputError(Input.ExistingRepository, `'${value}' is not a choice: use reconcile (make an existing repository match the workflow) or leave (write nothing to it, report the differences).`)
  }
  return value
}

export function readRegistryType(env: Env): RegistryType {
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

export function readEncryption(env: Env): Settings['repository']['encryption'] {
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
