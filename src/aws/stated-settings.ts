/**
 * The two repository settings ECR and ECR Public share, planned the same way for both: the
 * access policy and the resource tags. Only what the workflow states is read or written —
 * an access policy or a tag it doesn't name is never touched — and a repository that
 * already matches gets no write. Pure: the reads come in, the write to make (if any) goes out.
 */
import { sameJson } from '../json.js'
import type { Settings } from '../settings/types.js'
import type { ResourceTag, SettingWrite } from './setting-writes.js'

/**
 * The stated access policy, where the repository's differs.
 * @param current the repository's policy text; undefined when it has none (or this run creates it)
 */
export function planAccessPolicy(stated: Settings['repository']['accessPolicy'], current: string | undefined): SettingWrite | undefined {
  if (stated === undefined) return undefined
  if (current !== undefined && sameJson(current, stated.text)) return undefined
  return { kind: 'access-policy', text: stated.text, source: stated.source, replaces: current !== undefined }
}

/** The stated tags the repository lacks (or holds with another value); undefined when it has them all. */
export function planTags(stated: Settings['repository']['tags'], have: { Key?: string | undefined; Value?: string | undefined }[], resourceArn: string): SettingWrite | undefined {
  if (stated.length === 0) return undefined
  const current = new Map(have.map(t => [t.Key, t.Value]))
  const missing: ResourceTag[] = stated.filter(t => current.get(t.Key) !== t.Value)
  return missing.length > 0 ? { kind: 'tags', resourceArn, tags: missing } : undefined
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
