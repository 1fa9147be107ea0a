/**
 * ECR's repository creation templates as the defaults of a repository this run creates.
 * A template (`appliedFor` CREATE_ON_PUSH) holds the settings the registry's owners want on
 * new repositories under a name prefix; the action reads them only when the repository does
 * not exist yet, so a converged run makes no extra call.
 *
 * Precedence, setting by setting: what the workflow states, else the template's, else the
 * action's own default. Source: ECR API Reference, CreateRepositoryCreationTemplate
 * (`prefix`: "there is always an assumed / applied to the end of the prefix"; `ROOT` for
 * every repository no other template matches) and the RepositoryCreationTemplate shape.
 */
import { DescribeRepositoryCreationTemplatesCommand, type ECRClient, type RepositoryCreationTemplate } from '@aws-sdk/client-ecr'
import { ActionError } from '../errors.js'
import { Input } from '../constants.js'
import type { LifecyclePolicy, Settings, TagMutability } from '../settings/types.js'
import { planRepository, type RepositoryChange } from './repository-plan.js'
import { isTagMutable, withCacheFilter, type Mutability } from '../settings/tag-mutability.js'

/** A template, as far as the action uses it. */
export interface CreationTemplate {
  prefix: string
  appliedFor: string[]
  encryption?: { type: string; kmsKey?: string }
  tags: { Key: string; Value: string }[]
  mutability?: Mutability
  repositoryPolicy?: string
  lifecyclePolicy?: string
}

/** The settings a template may give. */
export type TemplateSetting = 'tag mutability' | 'encryption' | 'tags' | 'lifecycle policy' | 'access policy'

export interface TemplateDefaults {
  /** the settings to create the repository with */
  repository: Settings['repository']
  /** the template that matched: its prefix, the settings that came from it, and its tags (`key=value`) the repository gets */
  template?: { prefix: string; settings: TemplateSetting[]; tags: string[] }
}

export const ROOT = 'ROOT'

export function fromApi(t: RepositoryCreationTemplate): CreationTemplate {
  const template: CreationTemplate = {
    prefix: t.prefix ?? '',
    appliedFor: t.appliedFor ?? [],
    tags: (t.resourceTags ?? []).filter(x => x.Key !== undefined).map(x => ({ Key: x.Key ?? '', Value: x.Value ?? '' }))
  }
  const enc = t.encryptionConfiguration
  if (enc?.encryptionType) template.encryption = { type: enc.encryptionType, ...(enc.kmsKey ? { kmsKey: enc.kmsKey } : {}) }
  if (t.imageTagMutability) {
    const exclusions = (t.imageTagMutabilityExclusionFilters ?? []).map(f => f.filter ?? '').filter(f => f !== '')
    template.mutability = { mode: t.imageTagMutability as TagMutability, exclusions }
  }
  if (t.repositoryPolicy) template.repositoryPolicy = t.repositoryPolicy
  if (t.lifecyclePolicy) template.lifecyclePolicy = t.lifecyclePolicy
  return template
}

/**
 * The template ECR would apply to a repository pushed under `name`: the longest prefix `p`
 * with `name` beginning `p/` (a trailing `/` of the prefix is the same prefix), else `ROOT`.
 * Only CREATE_ON_PUSH templates: those are for repositories created by pushes.
 */
export function pickTemplate(name: string, templates: CreationTemplate[]): CreationTemplate | undefined {
  const forPush = templates.filter(t => t.appliedFor.includes('CREATE_ON_PUSH'))
  let best: CreationTemplate | undefined
  let length = -1
  for (const t of forPush) {
    if (t.prefix === ROOT) continue
    const p = t.prefix.replace(/\/+$/, '')
    if (p !== '' && name.startsWith(`${p}/`) && p.length > length) {
      best = t
      length = p.length
    }
  }
  return best ?? forPush.find(t => t.prefix === ROOT)
}

/** A template's mutability, with the registry cache's tags kept mutable where its exclusions have room. */
function templateMutability(m: Mutability, cacheFilter: string | undefined): Mutability {
  if (m.mode !== 'IMMUTABLE_WITH_EXCLUSION' || cacheFilter === undefined) return m
  const exclusions = withCacheFilter(m.exclusions, cacheFilter)
  return exclusions.length > 5 ? m : { mode: m.mode, exclusions }
}

/**
 * The settings of a repository the run creates: stated → template → the action's default,
 * for each setting. Pure. Throws (before any write) when the template's mutability keeps a
 * tag this run must move immutable and the workflow states no mutability.
 * @param movingTags the tags the run pushes again each time (`latest`, the cache tag)
 */
export function withTemplate(desired: Settings['repository'], template: CreationTemplate | undefined, movingTags: string[]): TemplateDefaults {
  if (template === undefined) return { repository: desired }
  const from = `from template ${template.prefix}`
  const repository: Settings['repository'] = { ...desired }
  const fromTemplate: TemplateSetting[] = []

  if (!desired.tagMutabilityStated && template.mutability !== undefined) {
    const m = templateMutability(template.mutability, desired.cacheFilter)
    const frozen = movingTags.filter(t => !isTagMutable(t, m))
    if (frozen.length > 0) {
      throw new ActionError(
        `Repository creation template '${template.prefix}' makes new repositories ${m.mode}${m.exclusions.length > 0 ? ` (${m.exclusions.join(', ')})` : ''}, ` +
          `so this run could not move ${frozen.map(t => `'${t}'`).join(', ')}: state ${Input.TagMutability} (e.g. IMMUTABLE_WITH_EXCLUSION with ${Input.TagMutabilityExclusions}: ${frozen.join(',')}) in the workflow, ` +
          `or set ${Input.Latest}: false.`
      )
    }
    repository.tagMutability = m.mode
    repository.tagMutabilityExclusions = m.exclusions
    fromTemplate.push('tag mutability')
  }
  if (!desired.encryptionStated && template.encryption !== undefined) {
    repository.encryption = template.encryption as Settings['repository']['encryption']
    fromTemplate.push('encryption')
  }
  const stated = new Set(desired.tags.map(t => t.Key))
  const templateTags = template.tags.filter(t => !stated.has(t.Key))
  if (templateTags.length > 0) {
    repository.tags = [...templateTags, ...desired.tags]
    fromTemplate.push('tags')
  }
  if (!desired.lifecycle.stated && template.lifecyclePolicy !== undefined) {
    repository.lifecycle = { stated: false, policy: JSON.parse(template.lifecyclePolicy) as LifecyclePolicy, source: `the policy ${from}` }
    fromTemplate.push('lifecycle policy')
  }
  if (desired.accessPolicy === undefined && template.repositoryPolicy !== undefined) {
    repository.accessPolicy = { text: template.repositoryPolicy, source: from }
    fromTemplate.push('access policy')
  }
  return { repository, template: { prefix: template.prefix, settings: fromTemplate, tags: templateTags.map(t => `${t.Key}=${t.Value}`) } }
}

/** Pages of 100; a registry has at most a few hundred templates. */
const MAX_PAGES = 20

/**
 * Every template of the registry, paginated and bounded. `undefined` when the role may not
 * read them (AccessDeniedException): the caller warns and goes on without.
 */
export async function readTemplates(ecr: ECRClient): Promise<CreationTemplate[] | undefined> {
  const templates: CreationTemplate[] = []
  let nextToken: string | undefined
  for (let page = 0; page < MAX_PAGES; page++) {
    let out
    try {
      out = await ecr.send(new DescribeRepositoryCreationTemplatesCommand({ maxResults: 100, ...(nextToken ? { nextToken } : {}) }))
    } catch (error) {
      if ((error as Error).name === 'AccessDeniedException') return undefined
      throw error
    }
    templates.push(...(out?.repositoryCreationTemplates ?? []).map(fromApi))
    nextToken = out?.nextToken
    if (!nextToken) return templates
  }
  throw new ActionError(`ECR listed more than ${MAX_PAGES * 100} repository creation templates: the action reads at most that many.`)
}

export const TEMPLATES_DENIED =
  "could not read the registry's repository creation templates (AccessDeniedException): the repository is created with the workflow's settings and the action's defaults. Allow ecr:DescribeRepositoryCreationTemplates to have its template apply."

/** The defaults of a repository the run is about to create: the matching template read and merged; a warning when the role may not read templates. */
export async function templateDefaults(ecr: ECRClient, desired: Settings['repository'], movingTags: string[]): Promise<TemplateDefaults & { warnings: string[] }> {
  const templates = await readTemplates(ecr)
  if (templates === undefined) return { repository: desired, warnings: [TEMPLATES_DENIED] }
  return { ...withTemplate(desired, pickTemplate(desired.name, templates), movingTags), warnings: [] }
}

/** A repository's settings with its creation template's (creation-template.ts); the create change names what came from it. */
export async function creationDefaults(
  ecr: ECRClient,
  desired: Settings['repository'],
  movingTags: string[]
): Promise<{ repository: Settings['repository']; warnings: string[]; changes: RepositoryChange[] }> {
  const defaults = await templateDefaults(ecr, desired, movingTags)
  const { template } = defaults
  const changes = planRepository(undefined, defaults.repository, movingTags).changes.map(c => (c.kind === 'create' && template !== undefined ? { ...c, template } : c))
  return { repository: defaults.repository, warnings: defaults.warnings, changes }
}
