/**
 * The version tag when the workflow gives none: the git tag that triggered the run
 * (`refs/tags/v1.2.3` → `1.2.3`), otherwise `sha-<first 7 of the commit>`.
 */
import { Input } from '../constants.js'
import { InputError } from '../errors.js'

export function deriveVersion(run: { ref: string; sha: string }): string {
  const tag = run.ref.startsWith('refs/tags/') ? run.ref.slice('refs/tags/'.length) : ''
  if (tag !== '') {
    // v1.2.3 → 1.2.3; other tags are kept, with characters an image tag can't hold replaced.
    const version = (/^v\d/.test(tag) ? tag.slice(1) : tag).replace(/[^A-Za-z0-9_.-]/g, '-').replace(/^[.-]+/, '')
    if (version !== '') return version.slice(0, 128)
  }
  if (!/^[0-9a-f]{7,}$/i.test(run.sha)) {
    throw new InputError(Input.Version, 'is empty and GITHUB_SHA is not set: give the version tag to push.')
  }
  return `sha-${run.sha.slice(0, 7).toLowerCase()}`
}
