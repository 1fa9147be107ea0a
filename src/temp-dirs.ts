/**
 * The temporary folders the main step makes (buildx's metadata file and, for
 * push-by-digest, the OCI layout beside it, in the runner's temporary folder). Each is
 * recorded in the step's state the moment it exists and removed when its stage ends; one
 * a cancel left behind (the runner kills the step's processes 10 s after its SIGINT) is
 * removed by the post step, which reads the same state (post.ts).
 */
import * as core from '@actions/core'
import { mkdtemp, rm } from 'node:fs/promises'
import path from 'node:path'
import { State, TEMP_DIR_PREFIX } from './constants.js'

const made = new Set<string>()
const record = (): void => core.saveState(State.TempDirs, JSON.stringify([...made]))

/** A new folder in `parent`, recorded in the step's state. */
export async function makeTempDir(parent: string): Promise<string> {
  const dir = await mkdtemp(path.join(parent, TEMP_DIR_PREFIX))
  made.add(dir)
  record()
  return dir
}

/** Removes a folder makeTempDir made, and takes it out of the step's state. */
export async function removeTempDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true })
  made.delete(dir)
  record()
}
