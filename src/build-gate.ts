/**
 * The credential gate, which lets buildx start before the registry is ready. The build's
 * docker runs with a config folder of its own: the job's config.json with one credential
 * helper for the registry, and every other entry of the job's folder (builders, contexts,
 * plugins) linked in. The helper answers buildx's first request for the registry's
 * credentials once the action opens the gate — after the repository is reconciled and the
 * version known to need building — and until then buildx waits there: its own start, the
 * build context and base images from other registries are done meanwhile. The job's own
 * docker config is never changed by it.
 */
import { accessSync, constants, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { rename, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { readDockerConfig, type DockerConfigFile } from './docker-config.js'

/** The helper's name: docker runs `docker-credential-<name>` for the hosts `credHelpers` gives it. */
export const GATE_HELPER = 'ecr-build-push'

/** The build's config.json: the job's, with the gate's helper answering for the registry. */
export function gateConfig(config: DockerConfigFile, registry: string): DockerConfigFile {
  return { ...config, credHelpers: { ...config.credHelpers, [registry]: GATE_HELPER } }
}

/**
 * The helper, in the credential helper protocol (`get` with the host on stdin prints
 * `{ServerURL, Username, Secret}`): `get` waits for the credentials file beside its folder
 * and prints it; it gives up — "credentials not found", as a helper without them says —
 * when the gate is closed or removed, or the action's process `pid` is gone. It keeps
 * nothing: `store` and `erase` do nothing, `list` lists nothing.
 */
export function gateHelperScript(pid: number): string {
  return [
    '#!/bin/sh',
    '# ecr-build-push: hands buildx the registry credentials once the action has them.',
    'gate=$(dirname "$0")/..',
    'cat >/dev/null',
    'case "$1" in',
    '  get) ;;',
    "  list) echo '{}'; exit 0 ;;",
    '  *) exit 0 ;;',
    'esac',
    'while [ ! -f "$gate/credentials" ]; do',
    `  if [ -f "$gate/closed" ] || [ ! -d "$gate/bin" ] || ! kill -0 ${pid} 2>/dev/null; then`,
    "    echo 'credentials not found in native keychain'",
    '    exit 1',
    '  fi',
    '  sleep 0.01',
    'done',
    'cat "$gate/credentials"',
    ''
  ].join('\n')
}

export interface BuildGate {
  /** the variables the build's docker runs with: its config folder, the helper on PATH */
  env: Record<string, string>
  /** Hands the credentials to the helper (a file readable by this user only, until close). */
  open(credentials: { registry: string; username: string; password: string }): Promise<void>
  /** Refuses: a request waiting at the gate, and any later one, fails at once. */
  deny(): Promise<void>
  /** Refuses, then removes the gate's folder, credentials included. */
  close(): Promise<void>
}

/**
 * Makes the gate's folder under `tempDir`: `docker/` (the build's DOCKER_CONFIG), `bin/`
 * (the helper), later `credentials`. Undefined — the build then runs as it would without
 * a gate, after the login — when the job's config.json can't be read as JSON, or the
 * folder can't be made or can't run the helper.
 */
export async function createGate(
  registry: string,
  { tempDir, configDir, env = process.env }: { tempDir: string; configDir: string; env?: NodeJS.ProcessEnv }
): Promise<BuildGate | undefined> {
  const config = await readDockerConfig(configDir)
  if (config === undefined) return undefined
  let dir: string | undefined
  try {
    // A dozen small local file operations, made at once (not one event-loop turn each):
    // the build starts as soon as they are done.
    dir = mkdtempSync(path.join(tempDir, 'ecr-build-push-gate-'))
    const home = path.join(dir, 'docker')
    const bin = path.join(dir, 'bin')
    mkdirSync(home, { mode: 0o700 })
    mkdirSync(bin, { mode: 0o700 })
    // The job's folder, linked entry by entry: builders, contexts and plugins stay the
    // job's, and what buildx records there (builds, builder state) lands in the job's.
    mkdirSync(configDir, { recursive: true, mode: 0o700 })
    for (const entry of readdirSync(configDir)) {
      if (entry !== 'config.json') symlinkSync(path.join(configDir, entry), path.join(home, entry))
    }
    writeFileSync(path.join(home, 'config.json'), JSON.stringify(gateConfig(config, registry)), { mode: 0o600 })
    const helper = path.join(bin, `docker-credential-${GATE_HELPER}`)
    writeFileSync(helper, gateHelperScript(process.pid), { mode: 0o700 })
    // A temporary folder mounted noexec can't run the helper: no gate then.
    accessSync(helper, constants.X_OK)
    const gate = dir
    const deny = (): Promise<void> => writeFile(path.join(gate, 'closed'), '').catch(() => undefined)
    return {
      env: {
        DOCKER_CONFIG: home,
        BUILDX_CONFIG: env.BUILDX_CONFIG || path.join(configDir, 'buildx'),
        PATH: [bin, env.PATH].filter(Boolean).join(path.delimiter)
      },
      open: async ({ registry: host, username, password }) => {
        const next = path.join(gate, 'credentials.next')
        await writeFile(next, JSON.stringify({ ServerURL: host, Username: username, Secret: password }), { mode: 0o600 })
        await rename(next, path.join(gate, 'credentials'))
      },
      deny,
      close: async () => {
        await deny()
        // Links are removed, never followed: the job's folder stays as it is.
        await rm(gate, { recursive: true, force: true })
      }
    }
  } catch {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true })
    return undefined
  }
}

/** The folder the gate goes in: the runner's temporary folder, else the system's. */
export function gateTempDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.RUNNER_TEMP || os.tmpdir()
}
