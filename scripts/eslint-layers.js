// The layers of src/, lowest first: a file imports only from its own folder and from lower
// layers; folders in the same layer don't import each other. docs/contributing.md#layers says why.
//
//   1. base      the root's shared kernel: errors.ts, constants.ts, json.ts, retry.ts, cancel.ts,
//                docker.ts, child-env.ts, temp-dirs.ts, stages.ts, undici-stub.ts
//   2. settings/ the inputs and the pure rules they are judged by (tag mutability, registry host
//                names, semver, annotation levels); imports no service
//   3. network/  the action's own HTTP (bounds, proxy, transport)
//      report/   outputs and the job summary from plain data
//   4. registry/ the registry's HTTP API, tags, login; nothing from aws/
//   5. aws/      the AWS SDK's calls (sign-in, repository, scanning, signing)
//      build/    docker buildx
//   6. supply/   provenance and SBOMs as referrers: built on the registry, the build and AWS
//   7. entry     the root's run: index.ts, main.ts, pipeline.ts and its stages, dry-run.ts,
//                build-only.ts, post.ts, post-entry.ts
//
// A folder or root file not listed here is an error too: a new one gets its place first.
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const LAYERS = [
  { base: ['cancel.ts', 'child-env.ts', 'constants.ts', 'docker.ts', 'errors.ts', 'json.ts', 'retry.ts', 'stages.ts', 'temp-dirs.ts', 'undici-stub.ts'] },
  { folders: ['settings'] },
  { folders: ['network', 'report'] },
  { folders: ['registry'] },
  { folders: ['aws', 'build'] },
  { folders: ['supply'] },
  {
    entry: [
      'build-only.ts',
      'dry-run.ts',
      'index.ts',
      'login-stage.ts',
      'main.ts',
      'other-registries-stage.ts',
      'pipeline.ts',
      'post.ts',
      'post-entry.ts',
      'signing-stage.ts',
      'tags-stage.ts',
      'version-stage.ts'
    ]
  }
]

const SRC = fileURLToPath(new URL('../src', import.meta.url))

/** A file's place: its unit (a folder, or `base` / `entry` for root files) and its layer's rank; undefined outside src/. */
export function placeOf(file) {
  const rel = path.relative(SRC, file)
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined
  const parts = rel.split(path.sep)
  const name = parts.length > 1 ? parts[0] : parts[0].replace(/\.js$/, '.ts')
  for (const [rank, layer] of LAYERS.entries()) {
    if (parts.length > 1 && layer.folders?.includes(name)) return { unit: `${name}/`, rank }
    if (parts.length === 1 && layer.base?.includes(name)) return { unit: 'base', rank }
    if (parts.length === 1 && layer.entry?.includes(name)) return { unit: 'entry', rank }
  }
  return { unit: parts.length > 1 ? `${name}/` : name, rank: -1 }
}

const layerWords = rank =>
  (LAYERS[rank].folders ?? [])
    .map(f => `${f}/`)
    .concat(LAYERS[rank].base ? ['base'] : [], LAYERS[rank].entry ? ['entry'] : [])
    .join(' ')

export default {
  meta: { type: 'problem', docs: { description: 'src/ imports only from its own folder and lower layers (scripts/eslint-layers.js)' }, schema: [] },
  create(context) {
    const from = placeOf(context.filename)
    if (from === undefined) return {}
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return
      const to = placeOf(path.resolve(path.dirname(context.filename), source))
      if (to === undefined || to.unit === from.unit) return
      for (const place of [from, to]) {
        if (place.rank === -1) return context.report({ node, message: `src/${place.unit} has no layer: give it its place in LAYERS (scripts/eslint-layers.js) and docs/contributing.md#layers.` })
      }
      if (to.rank > from.rank) {
        context.report({
          node,
          message: `upward import: ${from.unit} (layer ${from.rank + 1}) imports ${to.unit} (layer ${to.rank + 1}, ${layerWords(to.rank)}); move what both need down a layer (scripts/eslint-layers.js).`
        })
      } else if (to.rank === from.rank) {
        context.report({ node, message: `${from.unit} imports ${to.unit}, its peer in layer ${from.rank + 1}: peers stay apart; move what both need down a layer (scripts/eslint-layers.js).` })
      }
    }
    const withSource = node => check(node.source, node.source?.value)
    return {
      ImportDeclaration: withSource,
      ExportNamedDeclaration: withSource,
      ExportAllDeclaration: withSource,
      ImportExpression: node => check(node.source, node.source.type === 'Literal' ? node.source.value : undefined)
    }
  }
}
