/**
 * `latest` only moves forward — pure. Two runs racing (an older commit finishing last) or
 * the re-run of an old release job must not move `latest` back to an older image without
 * anyone noticing. The image `latest` names now and the one this run would put there are
 * compared by their `org.opencontainers.image.version` labels when both are semver (a
 * leading `v` allowed), else by their created time; the reads are in latest.ts.
 */
import { compareSemver, parseSemver } from '../settings/semver.js'

/** What the rule knows of an image. */
export interface ImageFacts {
  digest: string
  /** `org.opencontainers.image.version`; '' when the image has none */
  version: string
  /** the config's own `created`, else its `org.opencontainers.image.created` label; '' when neither */
  created: string
}

export type LatestVerdict =
  /** `note`: what the log should say when the move was not judged on both images' data */
  | { move: true; note?: string }
  /** why `latest` stays where it is */
  | { move: false; why: string }

const time = (created: string): number | undefined => {
  const ms = created === '' ? NaN : Date.parse(created)
  return Number.isNaN(ms) ? undefined : ms
}

/** An image in words for the log: `2.0.0 (sha256:0123456789ab…, created 2026-…)`. */
export function describeImage(image: ImageFacts): string {
  const details = [`${image.digest.slice(0, 19)}…`, ...(image.created !== '' ? [`created ${image.created}`] : [])]
  return `${image.version !== '' ? `${image.version} ` : ''}(${details.join(', ')})`
}

/**
 * Whether `latest` (or another tag that only moves forward) may move from `current` (undefined: there is no `latest` yet) to `next`:
 * backwards when both versions are semver and the new one is lower; otherwise (not both
 * semver, or equal) when the new image was created before the current one. A current image
 * with neither data to compare (pushed by another tool) lets it move, and the log says so.
 */
export function judgeLatest(current: ImageFacts | undefined, next: ImageFacts, tag = 'latest'): LatestVerdict {
  if (current === undefined || current.digest === next.digest) return { move: true }
  const [from, to] = [parseSemver(current.version), parseSemver(next.version)]
  if (from !== undefined && to !== undefined) {
    const order = compareSemver(to, from)
    if (order < 0) return { move: false, why: `this run's version ${next.version} is lower than ${current.version}` }
    if (order > 0) return { move: true }
  }
  const [then, now] = [time(current.created), time(next.created)]
  if (then !== undefined && now !== undefined) {
    return now < then ? { move: false, why: `this run's image was created ${next.created}, before ${current.created}` } : { move: true }
  }
  const note =
    then === undefined
      ? `'${tag}' named ${current.digest}, which has ${from === undefined ? 'neither a semver version label nor a' : 'no'} created time to compare with (pushed by another tool?): moved it to this run's image`
      : `this run's image has no created time to compare with ${describeImage(current)}: moved '${tag}' to it`
  return { move: true, note }
}
