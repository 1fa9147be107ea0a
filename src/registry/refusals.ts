/**
 * What a registry's refusals mean, in one line with the fix — the same words whether the
 * refusal reached the action through buildx or through its own registry client.
 */
import { ActionError, logSafe } from '../errors.js'
import { pushRefusedHint } from './push-actions.js'
import { isTransient, retry, type RetryDeps, type RetryPolicy } from '../retry.js'
import { RegistryError } from './client.js'

/** ECR's own words for an overwrite of an immutable tag (the registry's error message). */
const IMMUTABLE = /The image tag '([^']+)' already exists in the '([^']+)' repository/

/**
 * The registry refused to overwrite a tag its repository keeps immutable; `tag` and
 * `repository` as the registry named them. A write tried again after its answer was lost
 * meets this too: the caller may then find the tag already naming what it wrote
 * (already-tagged.ts), which is no failure.
 */
export class ImmutableTagError extends ActionError {
  constructor(
    readonly tag: string,
    readonly repository: string
  ) {
    super(
      `Tag '${tag}' already exists in '${repository}', which keeps it immutable: bump the version, or, if '${tag}' is meant to move, ` +
        `add it to tag-mutability-exclusions (with tag-mutability: IMMUTABLE_WITH_EXCLUSION).`
    )
  }
}

/** The explanation for an immutable tag's refusal in `text`; undefined when it says no such thing. */
export function immutableTagRefusal(text: string): ImmutableTagError | undefined {
  const m = IMMUTABLE.exec(text)
  return m ? new ImmutableTagError(m[1] ?? '', m[2] ?? '') : undefined
}

export function missingRepository(name: string): ActionError {
  return new ActionError(`The registry has no repository '${name}': it was deleted during the run, or the push went to another registry.`)
}

/** A push the registry refused for want of permission; `registry` names where it went (ECR or ECR Public). */
export function pushRefused(what: string, registry: string): ActionError {
  return new ActionError(`The registry refused ${what}: ${pushRefusedHint(registry)}`)
}

/**
 * The explanation for a push the registry refused for good, from buildx's own error about
 * it (`failed to push <ref>: …`): an immutable tag, a repository that isn't there, or no
 * permission. Undefined when it says no such thing.
 * @param registry where the push went (a host or an image reference), for the permissions a refusal needs
 */
export function registryRefusal(message: string, registry: string): ActionError | undefined {
  const immutable = immutableTagRefusal(message)
  if (immutable) return immutable
  const missing = /repository with name '([^']+)' does not exist|NAME_UNKNOWN|name unknown/i.exec(message)
  if (missing) return missingRepository(missing[1] ?? registry)
  if (/\b(401|403)\b|unauthorized|authentication required|denied|forbidden/i.test(message)) return pushRefused('the push', registry)
  return undefined
}

/**
 * A registry request of the action's own client, tried again while it fails in a way that
 * may pass, and explained when it fails in a way that never will.
 * @param registry the registry's host, for the permissions a refusal needs
 */
export async function withRegistryRetry<T>(registry: string, what: string, tries: RetryDeps, fn: () => Promise<T>): Promise<T> {
  try {
    return await retry(what, fn, tries)
  } catch (error) {
    throw explainRegistryError(registry, what, error, tries.policy)
  }
}

function explainRegistryError(registry: string, what: string, error: unknown, policy: RetryPolicy): unknown {
  const message = logSafe((error as Error).message)
  if (isTransient(error)) return new ActionError(`${what} failed ${policy.attempts} times (${message}); the registry may be having trouble: run the job again.`, { cause: error })
  if (!(error instanceof RegistryError)) return error
  if (error.status === 401 || error.status === 403) return pushRefused(`${what} (${error.status})`, registry)
  if (error.status === 404 && /NAME_UNKNOWN/.test(message)) {
    return new ActionError(`The registry has no such repository for ${what}: it was deleted during the run, or the push went to another registry.`, { cause: error })
  }
  // ECR: 400 TAG_INVALID, naming the tag and the repository.
  const immutable = error.status === 400 && (error.code === undefined || error.code === 'TAG_INVALID') ? immutableTagRefusal(message) : undefined
  return immutable ?? new ActionError(`The registry refused ${what}: ${message}`, { cause: error })
}
