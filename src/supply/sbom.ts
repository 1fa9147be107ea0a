/**
 * SBOMs (`sbom: true`): BuildKit's SBOM generator scans each platform's root filesystem
 * during a second run of the build (cached: nothing is built again) that exports to an OCI
 * layout on the runner's disk instead of pushing; the SPDX statements it attached are read
 * from the layout, by platform, and attest.ts stores each as a referrer of the pushed
 * platform image. The pushed index never holds them.
 */
import { readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { buildxArgs, buildxEnv, buildxInherit, layoutDir, type BuilderUse } from '../build/plan.js'
import type { Docker } from '../docker.js'
import { ActionError } from '../errors.js'
import type { Descriptor } from '../registry/client.js'
import type { Settings } from '../settings/types.js'
import { makeTempDir, removeTempDir } from '../temp-dirs.js'
import { PREDICATE_TYPE_ANNOTATION } from './provenance.js'

export const SPDX_DOCUMENT = 'https://spdx.dev/Document'

/** `os/architecture[/variant]` of a descriptor's platform. */
const platformOf = (d: Descriptor): string => (d.platform ? [d.platform.os, d.platform.architecture, ...(d.platform.variant ? [d.platform.variant] : [])].join('/') : '')

/**
 * The argv of the SBOM run: the build's own, exported to an OCI layout (no tag, no push),
 * with BuildKit's SBOM generator on, and without the registry cache export the push did.
 */
export function sbomArgs(build: Settings['build'], labels: string[], metadataFile: string, repositoryUri: string | undefined, use: BuilderUse): string[] {
  const args = buildxArgs({ ...build, pushByDigest: true }, [], labels, metadataFile, repositoryUri, use)
  const sbom = build.sbomGenerator !== undefined ? `--sbom=generator=${build.sbomGenerator}` : '--sbom=true'
  const out: string[] = []
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? ''
    if (arg === '--cache-to') i++
    else out.push(arg === '--sbom=false' ? sbom : arg)
  }
  return out
}

/** Pure: the SPDX statements of an OCI layout's attestation manifests, by their image's platform. */
export async function statementsByPlatform(read: (digest: string) => Promise<Buffer>, top: Descriptor[]): Promise<Map<string, Buffer[]>> {
  const found = new Map<string, Buffer[]>()
  const index = JSON.parse((await read(top[0]?.digest ?? '')).toString('utf8')) as { manifests?: Descriptor[] }
  const children = index.manifests ?? top
  const platforms = new Map(children.map(d => [d.digest, platformOf(d)]))
  for (const d of children) {
    if (d.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest') continue
    const platform = platforms.get(d.annotations['vnd.docker.reference.digest'] ?? '') ?? ''
    const manifest = JSON.parse((await read(d.digest)).toString('utf8')) as { layers?: Descriptor[] }
    for (const layer of manifest.layers ?? []) {
      if (layer.annotations?.[PREDICATE_TYPE_ANNOTATION] !== SPDX_DOCUMENT) continue
      found.set(platform, [...(found.get(platform) ?? []), await read(layer.digest)])
    }
  }
  return found
}

export interface SbomRunOptions {
  tempDir?: string | undefined
  repositoryUri?: string
  builder?: BuilderUse
}

/** Runs the build again with the SBOM generator and returns its SPDX statements by platform. */
export async function generateSboms(docker: Docker, build: Settings['build'], labels: string[], options: SbomRunOptions = {}): Promise<Map<string, Buffer[]>> {
  const dir = await makeTempDir(options.tempDir ?? os.tmpdir())
  try {
    const metadataFile = path.join(dir, 'metadata.json')
    const env = buildxEnv(build)
    const inherit = buildxInherit(build)
    const result = await docker(sbomArgs(build, labels, metadataFile, options.repositoryUri, options.builder ?? {}), {
      stream: true,
      ...(Object.keys(env).length > 0 ? { env } : {}),
      ...(inherit.length > 0 ? { inherit } : {})
    })
    if (result.exitCode !== 0) {
      const generator = build.sbomGenerator ?? "BuildKit's default generator (docker/buildkit-syft-scanner, from Docker Hub)"
      throw new ActionError(`The SBOM run of the build failed (exit code ${result.exitCode}): check that the builder can run ${generator}, or set sbom-generator; the image itself is pushed.`)
    }
    const layout = layoutDir(metadataFile)
    const top = (JSON.parse(await readFile(path.join(layout, 'index.json'), 'utf8')) as { manifests?: Descriptor[] }).manifests ?? []
    const read = (digest: string): Promise<Buffer> => readFile(path.join(layout, 'blobs', 'sha256', digest.replace(/^sha256:/, '').replace(/[^0-9a-f]/g, '')))
    return await statementsByPlatform(read, top)
  } finally {
    // The layout holds every layer: never left on the runner.
    await removeTempDir(dir)
  }
}

/** A statement from the generator with its subject set to the pushed platform image. */
export function withSubject(statement: Buffer, subject: { name: string; digest: string }): Buffer {
  const parsed = JSON.parse(statement.toString('utf8')) as Record<string, unknown>
  return Buffer.from(JSON.stringify({ ...parsed, subject: [{ name: subject.name, digest: { sha256: subject.digest.replace(/^sha256:/, '') } }] }))
}
