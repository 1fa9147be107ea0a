/**
 * The two repository settings ECR and ECR Public share, reconciled the same way for both:
 * the access policy and the resource tags. Only what the workflow states is read or
 * written — an access policy or a tag it doesn't name is never touched — and a repository
 * that already matches costs reads only. Each registry's client comes in as the few calls
 * it needs, so the logic is written once.
 */
import { sameJson } from '../json.js'
import type { Settings } from '../settings/types.js'

export interface AccessPolicyCalls {
  /** the repository's policy text; undefined when it has none */
  read(): Promise<string | undefined>
  write(text: string): Promise<void>
}

export interface TagCalls {
  list(): Promise<{ Key?: string | undefined; Value?: string | undefined }[]>
  add(tags: { Key: string; Value: string }[]): Promise<void>
}

/** Sets the stated access policy where the repository's differs; the change in words, or undefined. */
export async function ensureAccessPolicy(stated: Settings['repository']['accessPolicy'], created: boolean, calls: AccessPolicyCalls): Promise<string | undefined> {
  if (stated === undefined) return undefined
  // A repository this run created has no policy to read.
  const current = created ? undefined : await calls.read()
  if (current !== undefined && sameJson(current, stated.text)) return undefined
  await calls.write(stated.text)
  return `access policy ${current === undefined ? 'set' : 'replaced'} (${stated.source})`
}

/** Adds the stated tags the repository lacks (or holds with another value); the change in words, or undefined. */
export async function ensureResourceTags(stated: Settings['repository']['tags'], calls: TagCalls): Promise<string | undefined> {
  if (stated.length === 0) return undefined
  const have = new Map((await calls.list()).map(t => [t.Key, t.Value]))
  const missing = stated.filter(t => have.get(t.Key) !== t.Value)
  if (missing.length === 0) return undefined
  await calls.add(missing)
  return `tags ${missing.map(t => `${t.Key}=${t.Value}`).join(', ')}`
}

/** A read that answers undefined for the error `notFound` names (no such repository, no policy). */
export async function unlessNotFound<T>(read: () => Promise<T>, notFound: string): Promise<T | undefined> {
  try {
    return await read()
  } catch (error) {
    if ((error as Error).name === notFound) return undefined
    throw error
  }
}
