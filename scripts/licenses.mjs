// Writes a bundle's third-party notices: every package ncc put in any of its chunks (read
// from ncc's --stats-out), with its license and the license text the package ships, sorted
// by name. ncc's own --license writes the notices once per chunk under one file name, so a
// bundle split into chunks kept only the last chunk's list.
// Usage: node scripts/licenses.mjs STATS.json OUT.txt
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { ROOT } from './local-runner.mjs'

const [statsFile, out] = process.argv.slice(2)
if (!statsFile || !out) throw new Error('usage: node scripts/licenses.mjs STATS.json OUT.txt')

/** @typedef {{ name?: string, modules?: StatsModule[] }} StatsModule */
const stats = /** @type {{ modules: StatsModule[] }} */ (JSON.parse(readFileSync(statsFile, 'utf8')))
const names = new Set()
/** @param {StatsModule[]} modules */
const collect = modules => {
  for (const m of modules) {
    // The innermost node_modules/<package> of a module's path (its own, not a parent's).
    const found = [...(m.name ?? '').matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)].at(-1)
    if (found?.[1]) names.add(found[1])
    if (m.modules) collect(m.modules)
  }
}
collect(stats.modules)

const notices = [...names].sort().map(name => {
  const dir = path.join(ROOT, 'node_modules', name)
  const pkg = /** @type {{ license?: string }} */ (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')))
  const file = readdirSync(dir).find(f => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f))
  const text = file ? readFileSync(path.join(dir, file), 'utf8').trim() : '(the package ships no license file)'
  return `${name}\n${pkg.license ?? 'UNKNOWN'}\n${text}\n`
})
writeFileSync(out, notices.join('\n'))
