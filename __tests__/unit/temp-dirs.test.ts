/** The main step's temporary folders: each recorded in the step's state while it exists, for the post step to remove. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { makeTempDir, removeTempDir } from '../../src/temp-dirs.js'
import { TEMP_DIR_PREFIX } from '../../src/constants.js'
import { stdoutOf } from '../fixtures/stdout.js'

let parent: string
let state: string | undefined
beforeEach(() => {
  parent = mkdtempSync(path.join(os.tmpdir(), 'runner-temp-'))
  state = process.env.GITHUB_STATE
  delete process.env.GITHUB_STATE
})
afterEach(() => {
  rmSync(parent, { recursive: true, force: true })
  if (state !== undefined) process.env.GITHUB_STATE = state
})

/** The list the last save-state command in the log recorded. */
const recorded = (log: string): string[] =>
  JSON.parse(
    log
      .trim()
      .split('\n')
      .at(-1)
      ?.replace(/^::save-state name=temp-dirs::/, '') ?? '[]'
  ) as string[]

test("a folder made in the runner's temporary folder, named as the post step removes only, and recorded at once", async () => {
  let a = ''
  let b = ''
  const log = await stdoutOf(async () => {
    a = await makeTempDir(parent)
    b = await makeTempDir(parent)
  })
  for (const dir of [a, b]) {
    expect(existsSync(dir)).toBe(true)
    expect(path.dirname(dir)).toBe(parent)
    expect(path.basename(dir).startsWith(TEMP_DIR_PREFIX)).toBe(true)
  }
  expect(recorded(log)).toEqual([a, b])
  await stdoutOf(() => removeTempDir(a).then(() => removeTempDir(b)))
})

test('removed: gone from the disk and from the state', async () => {
  let a = ''
  let b = ''
  const log = await stdoutOf(async () => {
    a = await makeTempDir(parent)
    b = await makeTempDir(parent)
    await removeTempDir(a)
  })
  expect(existsSync(a)).toBe(false)
  expect(recorded(log)).toEqual([b])
  expect(recorded(await stdoutOf(() => removeTempDir(b)))).toEqual([])
})
