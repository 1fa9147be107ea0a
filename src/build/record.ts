/**
 * A build's record, as BuildKit keeps it: how the action learns why a build failed.
 *
 * `docker buildx history inspect <ref> --format json` gives a build's status and, when it
 * failed, its error as data: the step that failed (`Name`), buildx's message for it
 * (`Message`: `process "…" did not complete successfully: exit code: N`) and the step's
 * last lines of output (`Logs`). Nothing in it is read from the build's log.
 *
 * buildx names the record in its metadata file (`buildx.build.ref`) only when the build
 * succeeded. A failed build's record is found where buildx notes each build it starts:
 * `<buildx config>/refs/<builder>/<node>/<ref>`, a small JSON file naming the context
 * folder (what docker/build-push-action reads for its summary). The action lists that
 * folder before the build; the one new file naming this context is this build's.
 */
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Docker } from '../docker.js'
import { dockerConfigDir } from '../registry/docker-config.js'
import type { Env } from '../settings/types.js'
import type { BuildFailure } from './failure.js'
import { buildxCommand, type BuilderUse } from './plan.js'

/** A history inspect answers at once; one that doesn't is not waited for. */
const INSPECT_TIMEOUT_MS = 30_000

/** Where buildx keeps its state: $BUILDX_CONFIG, else `buildx` in docker's config folder. */
export function buildxConfigDir(env: Env): string {
  return env.BUILDX_CONFIG || path.join(dockerConfigDir(env), 'buildx')
}

/** Every build buildx has noted, as `<builder>/<node>/<ref>`; empty when there is no such folder yet. */
export async function listBuildRefs(configDir: string): Promise<Set<string>> {
  const refs = new Set<string>()
  const root = path.join(configDir, 'refs')
  for (const builder of await entries(root)) {
    for (const node of await entries(path.join(root, builder))) {
      for (const ref of await entries(path.join(root, builder, node))) refs.add(`${builder}/${node}/${ref}`)
    }
  }
  return refs
}

const entries = (dir: string): Promise<string[]> => readdir(dir).catch(() => [])

/**
 * The ref of the build buildx started on `context` since `before` was listed; undefined
 * when it noted none (it stopped before starting the build) or more than one (another
 * build of the same folder ran beside it: then no record is taken for this one's).
 */
export async function findBuildRef(configDir: string, before: Set<string>, context: string): Promise<string | undefined> {
  const found: string[] = []
  for (const entry of await listBuildRefs(configDir)) {
    if (before.has(entry)) continue
    const state = await readFile(path.join(configDir, 'refs', entry), 'utf8')
      .then(text => JSON.parse(text) as { LocalPath?: unknown })
      .catch(() => undefined)
    if (state?.LocalPath === context) found.push(entry.split('/').at(-1) ?? '')
  }
  return found.length === 1 ? found[0] : undefined
}

interface HistoryRecord {
  Status?: string
  Error?: { Message?: string; Name?: string; Logs?: string[] }
}

/** The failure a build's record states; undefined when there is no record, or it states none. */
export async function readBuildFailure(docker: Docker, ref: string, use: BuilderUse = {}): Promise<BuildFailure | undefined> {
  // On the builder (and docker context) the build ran on.
  const result = await docker(buildxCommand(use, ['history', 'inspect'], [ref, '--format', 'json']), { timeoutMs: INSPECT_TIMEOUT_MS })
  if (result.exitCode !== 0) return undefined
  let record: HistoryRecord
  try {
    record = JSON.parse(result.stdout) as HistoryRecord
  } catch {
    return undefined
  }
  const error = record.Error
  if (typeof error?.Message !== 'string' || error.Message === '') return undefined
  return {
    message: error.Message,
    ...(typeof error.Name === 'string' && error.Name !== '' ? { step: error.Name } : {}),
    logs: Array.isArray(error.Logs) ? error.Logs.filter((l): l is string => typeof l === 'string') : []
  }
}
