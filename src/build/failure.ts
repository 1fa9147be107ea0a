/**
 * What a failed `docker buildx build` or `imagetools create` means: a push that may pass
 * when tried again (the registry answered 5xx, a connection was reset), or a failure that
 * never will (an immutable tag, a missing repository, no permission, a failed build step),
 * explained in one line.
 */
import { ActionError } from '../errors.js'
import { lastLine, type DockerResult } from '../docker.js'
import { immutableTagRefusal, missingRepository, pushRefused } from '../registry/refusals.js'
import { TransientError } from '../retry.js'
import { toolFailure } from './builder.js'

/** @param registry where the push went (a host or an image reference), for the permissions a refusal needs */
export function classifyBuildFailure(result: DockerResult, what: string, registry: string): ActionError | TransientError {
  const output = `${result.stderr}\n${result.stdout}`
  const tool = toolFailure(result)
  if (tool) return tool
  const immutable = immutableTagRefusal(output)
  if (immutable) return immutable
  const missing = /repository with name '([^']+)' does not exist|NAME_UNKNOWN/.exec(output)
  if (missing) return missingRepository(missing[1] ?? '')
  if (/\b(401|403)\b|unauthorized|authentication required|denied/i.test(output) && /push/i.test(output)) return pushRefused('the push', registry)
  const transient =
    /failed to push|failed commit on ref|unexpected status[^\n]*\b5\d\d\b|\b50[0234]\b|connection reset|broken pipe|i\/o timeout|TLS handshake timeout|unexpected EOF/i
  const match = transient.exec(output)
  if (match) return new TransientError(match[0])
  return new ActionError(`${what} failed: ${lastLine(result)}`)
}
