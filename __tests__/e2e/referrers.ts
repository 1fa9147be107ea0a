/**
 * OCI 1.1 referrers on the local stack, checked with a real client: `oras discover` (Debian's
 * oras, installed by local-stack.sh), logged in with a registry config of its own.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PASSWORD, REGISTRY, registryGet } from './stack.js'

let orasConfig: string | undefined
function orasLogin(): string {
  if (orasConfig) return orasConfig
  orasConfig = path.join(mkdtempSync(path.join(os.tmpdir(), 'oras-config-')), 'config.json')
  execFileSync('oras', ['login', '--registry-config', orasConfig, '--username', 'AWS', '--password-stdin', REGISTRY], { input: PASSWORD, stdio: ['pipe', 'ignore', 'inherit'], timeout: 30_000 })
  return orasConfig
}

export interface Referrer {
  digest: string
  artifactType?: string
  annotations?: Record<string, string>
}

/** `oras discover <repository>@<digest>`: the referrers it lists (JSON), and its tree as printed. */
export function orasDiscover(repository: string, digest: string): { referrers: Referrer[]; tree: string } {
  const reference = `${REGISTRY}/${repository}@${digest}`
  const run = (format: string): string => execFileSync('oras', ['discover', '--registry-config', orasLogin(), '--format', format, reference], { encoding: 'utf8', timeout: 30_000 })
  const json = JSON.parse(run('json')) as { referrers?: Referrer[] }
  return { referrers: json.referrers ?? [], tree: run('tree') }
}

/** The in-toto statement a referrer holds (its one layer), read from the registry. */
export async function statementOf(repository: string, referrer: string): Promise<{ subject: { name: string; digest: { sha256: string } }[]; predicateType: string; predicate: unknown }> {
  const manifest = JSON.parse((await registryGet(`/v2/${repository}/manifests/${referrer}`, 'application/vnd.oci.image.manifest.v1+json')).body) as { layers: { digest: string }[] }
  const blob = await registryGet(`/v2/${repository}/blobs/${manifest.layers[0]?.digest ?? ''}`, '*/*')
  return JSON.parse(blob.body) as never
}
