/**
 * The one way the action runs docker: an argv array (never a shell string), stdin passed
 * as data, output captured. Tests replace it with a recorder.
 */
import { readdir, readFile } from 'node:fs/promises'
import os from 'node:os'

export interface DockerResult {
  exitCode: number
  stdout: string
  stderr: string
}

export interface DockerOptions {
  /** Sent on stdin (e.g. the registry password); never part of the argv. */
  input?: Buffer
  /** Stream docker's output to the log (builds); otherwise it is only captured. */
  stream?: boolean
  /** Variables set for this command on top of the step's own. */
  env?: Record<string, string>
  /**
   * A docker CLI plugin's executable (docker-buildx) to run standalone, `args` then being
   * the plugin's: what `docker <plugin> …` runs, without the CLI's start and its query of
   * the plugin's metadata before it.
   */
  program?: string
  /**
   * With `stream`: the command line and output are kept back until this settles, then
   * written to the log and streamed from then on; dropped if it rejects. A build started
   * before its stage lets its log appear there, not amid the stages before it.
   */
  holdOutput?: Promise<unknown>
  /** With `stream`: also given the output as it comes (the build watches it for its push). */
  onOutput?: (data: Buffer) => void
}

export type Docker = (args: string[], options?: DockerOptions) => Promise<DockerResult>

export const docker: Docker = async (args, options = {}) => {
  // Loaded on the first docker command: a run that stops at a bad input never needs it.
  const exec = await import('@actions/exec')
  const program = options.program ?? 'docker'
  const held = options.stream === true && options.holdOutput !== undefined ? holdBack(`[command]${program} ${args.join(' ')}`, options.holdOutput) : undefined
  const watch = options.stream === true ? options.onOutput : undefined
  const listener = held && watch ? (data: Buffer) => (held(data), watch(data)) : (held ?? watch)
  try {
    return await exec.getExecOutput(program, args, {
      ignoreReturnCode: true,
      silent: options.stream !== true || held !== undefined,
      ...(listener ? { listeners: { stdout: listener, stderr: listener } } : {}),
      ...(options.env ? { env: { ...withoutUndefined(process.env), ...options.env } } : {}),
      ...(options.input ? { input: options.input } : {})
    })
  } catch (error) {
    // @actions/exec throws when the executable is not on PATH.
    return { exitCode: 127, stdout: '', stderr: (error as Error).message }
  }
}

/** A writer that keeps what it is given until `until` settles: then the log gets it, or nothing does. */
function holdBack(command: string, until: Promise<unknown>): (data: Buffer) => void {
  let kept: Buffer[] | undefined = [Buffer.from(`${command}${os.EOL}`)]
  let open = false
  until.then(
    () => {
      for (const chunk of kept ?? []) process.stdout.write(chunk)
      kept = undefined
      open = true
    },
    () => (kept = undefined)
  )
  return data => {
    if (open) process.stdout.write(data)
    else kept?.push(data)
  }
}

function withoutUndefined(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined))
}

/**
 * This process's docker commands whose command line holds `marker` (a path only that
 * command has), with the plugin each runs (`docker buildx` runs docker-buildx with the
 * same arguments), by process ID. Linux only, where /proc tells a process's children and
 * command line; elsewhere it finds none.
 */
export async function findDocker(marker: string): Promise<number[]> {
  if (process.platform !== 'linux') return []
  const found: number[] = []
  const look = async (parent: number): Promise<void> => {
    for (const pid of await childPids(parent)) {
      const argv = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')
      if (!argv.split('\0').includes(marker)) continue
      found.push(pid)
      await look(pid)
    }
  }
  await look(process.pid)
  return found
}

/** Sends a signal to a process; false when it is gone already. */
export function signal(pid: number, name: 'SIGINT' | 'SIGKILL'): boolean {
  try {
    process.kill(pid, name)
    return true
  } catch {
    return false
  }
}

async function childPids(parent: number): Promise<number[]> {
  const children = await readFile(`/proc/${parent}/task/${parent}/children`, 'utf8').catch(() => undefined)
  if (children !== undefined) return children.split(' ').filter(Boolean).map(Number)
  // Kernels without that file: every process's parent, from its stat line.
  const pids = (await readdir('/proc').catch(() => [])).filter(name => /^\d+$/.test(name))
  const stats = await Promise.all(pids.map(async pid => [Number(pid), await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '')] as const))
  // `pid (comm) state ppid …`: comm may hold spaces and parentheses, so read after the last ')'.
  return stats.filter(([, stat]) => Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent).map(([pid]) => pid)
}

/** The last meaningful line docker printed, for one-line error messages. */
export function lastLine(result: DockerResult): string {
  const lines = `${result.stderr}\n${result.stdout}`
    .split('\n')
    .map(l => l.trim())
    .filter(l => l !== '')
  return lines.findLast(l => /error/i.test(l)) ?? lines.at(-1) ?? `exit code ${result.exitCode}`
}
