/**
 * The unit tests mirror src/: each module `src/<folder>/<file>.ts` has its own
 * `__tests__/unit/<folder>/<file>.test.ts`, and each test file there is a module's (the
 * repository's own files — docs, README, workflows, examples — are tested in repo/).
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '../../..')

/** Modules with no behaviour of their own to test, and why. */
const EXEMPT: Record<string, string> = {
  'index.ts': "the main step's entry point: it only starts main.ts's run (tested) under the runner's signals; the e2e suite runs it",
  'post-entry.ts': "the post step's entry point: it only starts post.ts's post (tested); the e2e suite runs it",
  'settings/types.ts': 'types only: tsc checks them'
}

/** Every `.ts` file under `dir`, relative to it. */
function files(dir: string, ending: string, under = ''): string[] {
  return readdirSync(path.join(dir, under), { withFileTypes: true }).flatMap(e =>
    e.isDirectory() ? files(dir, ending, path.join(under, e.name)) : e.name.endsWith(ending) ? [path.join(under, e.name).split(path.sep).join('/')] : []
  )
}

/** The modules of `src` without a test file of their own in `tests`, and the test files in `tests` that mirror no module. */
function unmirrored(src: string, tests: string, exempt: Record<string, string> = {}): { untested: string[]; orphans: string[] } {
  const modules = files(src, '.ts')
  const testFiles = files(tests, '.test.ts').filter(f => !f.startsWith('repo/'))
  const tested = new Set(testFiles.map(f => f.replace(/\.test\.ts$/, '.ts')))
  return {
    untested: modules.filter(m => !tested.has(m) && !(m in exempt)),
    orphans: testFiles.filter(t => !modules.includes(t.replace(/\.test\.ts$/, '.ts')))
  }
}

test("every module of src/ has its own unit test file, and every unit test file is a module's", () => {
  expect(unmirrored(path.join(ROOT, 'src'), path.join(ROOT, '__tests__/unit'), EXEMPT)).toEqual({ untested: [], orphans: [] })
})

test('every exemption names a module that exists', () => {
  const modules = files(path.join(ROOT, 'src'), '.ts')
  for (const m of Object.keys(EXEMPT)) expect(modules).toContain(m)
})

test('the check fails on a module without a test and on a test of no module', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mirror-'))
  try {
    for (const f of ['src/a.ts', 'src/aws/b.ts', 'src/aws/c.ts', 'tests/a.test.ts', 'tests/aws/b.test.ts', 'tests/aws/gone.test.ts', 'tests/repo/readme.test.ts']) {
      mkdirSync(path.dirname(path.join(dir, f)), { recursive: true })
      writeFileSync(path.join(dir, f), '')
    }
    expect(unmirrored(path.join(dir, 'src'), path.join(dir, 'tests'))).toEqual({ untested: ['aws/c.ts'], orphans: ['aws/gone.test.ts'] })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
