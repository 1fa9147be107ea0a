/**
 * The one way the action runs docker: an argv array (never a shell string), stdin passed
 * as data, output captured and, for builds, streamed to the log. Tests replace it with a
 * recorder.
 *
 * Every docker process is bounded. Each runs in a process group of its own (docker starts
 * the buildx plugin as its child), so a cancel reaches the whole group: SIGINT first —
 * what Ctrl-C sends, on which buildx cancels the build in BuildKit — and SIGKILL if the
 * group is still there a few seconds later. Every command but the build has a timeout too
 * (5 minutes unless its caller sets one: the merge's is `merge-timeout`); a build is bounded
 * by the cancel (and the job's timeout). Whatever is still running when the step's process
 * exits is killed with it.
 *
 * Streamed output is the children's, not the action's: it goes to the log between
 * `::stop-commands::<token>` and `::<token>::`, so no line a build prints (`::set-output`,
 * `::add-mask::`, `##[save-state …]`) is taken by the runner as a workflow command.
 *
 * A docker process gets the step's environment only as far as docker needs it
 * (child-env.ts): no input, token or AWS credential of the step reaches it.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { childEnv } from './child-env.js'

export interface DockerResult {
  exitCode: number
  stdout: string
  stderr: string
  /** the command was stopped by its timeout (its exit code is then 124) */
  timedOut?: boolean
}

export interface DockerOptions {
  /** Sent on stdin (e.g. the registry password); never part of the argv. */
  input?: Buffer
  /** Stream docker's output to the log (builds); otherwise it is only captured. */
  stream?: boolean
  /** Variables set for this command, on top of what it gets of the step's own (child-env.ts). */
  env?: Record<string, string>
  /** Variables of the step's own environment this command gets besides those every docker command gets (e.g. the gha cache's). */
  inherit?: readonly string[]
  /** Stops the command (and what it started); the call then rejects with the signal's reason. */
  signal?: AbortSignal
  /** Milliseconds before the command is stopped and fails (exit code 124); default: none when streamed, else 5 minutes. */
  timeoutMs?: number
}

export type Docker = (args: string[], options?: DockerOptions) => Promise<DockerResult>

/** A command that is not a build (inspect, login, history) has this long. */
export const DEFAULT_TIMEOUT_MS = 5 * 60_000
/** How long a process group has to exit after SIGINT before it gets SIGKILL. */
export const KILL_GRACE_MS = 3000
/** A streamed build's captured output keeps its last this-many characters per stream (the log has it all). */
const CAPTURE_LIMIT = 1 << 20

/** Process groups still running, killed when the step's process exits. */
const running = new Set<ChildProcess>()

export const docker: Docker = (args, options = {}) => run('docker', args, options)

/** Runs `command` as the docker wrapper runs docker (exported for its tests, which start a stand-in). */
export function run(command: string, args: string[], options: DockerOptions = {}): Promise<DockerResult> {
  if (options.signal?.aborted) return Promise.reject(options.signal.reason as Error)
  const stream = options.stream === true
  const resume = stream ? randomUUID() : ''
  // The command line too is inside: its arguments (build args, labels, paths) are the workflow's, not the action's.
  if (stream) process.stdout.write(`::stop-commands::${resume}\n[command]${[command, ...args].join(' ')}\n`)
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      detached: true,
      stdio: [options.input ? 'pipe' : 'ignore', 'pipe', 'pipe'],
      env: childEnv(process.env, options.inherit, options.env)
    })
    running.add(child)
    const out = { stdout: '', stderr: '' }
    let lastChar = '\n'
    const take = (name: 'stdout' | 'stderr') => (chunk: Buffer) => {
      const text = chunk.toString()
      out[name] += text
      if (out[name].length > 2 * CAPTURE_LIMIT && stream) out[name] = out[name].slice(-CAPTURE_LIMIT)
      // Both of the child's streams go to the step's stdout: one stream keeps their order
      // against the resume line below.
      if (stream && text !== '') {
        process.stdout.write(text)
        lastChar = text.at(-1) ?? lastChar
      }
    }
    child.stdout?.on('data', take('stdout'))
    child.stderr?.on('data', take('stderr'))
    if (options.input) child.stdin?.end(options.input)
    child.stdin?.on('error', () => undefined)

    let timedOut = false
    let killTimer: NodeJS.Timeout | undefined
    const stop = (): void => {
      signalGroup(child, 'SIGINT')
      killTimer ??= setTimeout(() => signalGroup(child, 'SIGKILL'), KILL_GRACE_MS)
    }
    const timeoutMs = options.timeoutMs ?? (stream ? undefined : DEFAULT_TIMEOUT_MS)
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true
            stop()
          }, timeoutMs)
    options.signal?.addEventListener('abort', stop, { once: true })

    const finish = (result: DockerResult | Error): void => {
      running.delete(child)
      clearTimeout(timer)
      clearTimeout(killTimer)
      options.signal?.removeEventListener('abort', stop)
      if (stream) process.stdout.write(`${lastChar === '\n' ? '' : '\n'}::${resume}::\n`)
      if (options.signal?.aborted) reject(options.signal.reason)
      else if (result instanceof Error) reject(result)
      else resolve(result)
    }
    // docker not on PATH: the exit code a shell gives, and spawn's message (…ENOENT).
    child.on('error', error => finish({ exitCode: 127, stdout: '', stderr: error.message }))
    child.on('close', (code, signal) => {
      if (!timedOut) return finish({ exitCode: code ?? 128 + signalNumber(signal), ...out })
      out.stderr += `\nERROR: ${commandName(command, args)} gave no result in ${Math.round((timeoutMs ?? 0) / 1000)} s and was stopped`
      finish({ exitCode: 124, ...out, timedOut: true })
    })
  })
}

/** `docker buildx imagetools create`: the command and its words before the first flag, past a leading `--context NAME`. */
function commandName(command: string, args: string[]): string {
  const words = args[0] === '--context' ? args.slice(2) : args
  const end = words.findIndex(w => w.startsWith('-'))
  return [command, ...words.slice(0, end === -1 ? words.length : end).slice(0, 4)].join(' ')
}

/** Docker with the run's cancel on every command (a command's own signal wins). */
export function withSignal(docker: Docker, signal: AbortSignal | undefined): Docker {
  return signal === undefined ? docker : (args, options = {}) => docker(args, { signal, ...options })
}

/** A signal to the child's process group: docker and the buildx plugin it started, even when docker itself has gone. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    // The group has gone already.
  }
}

function signalNumber(signal: NodeJS.Signals | null): number {
  return signal === 'SIGKILL' ? 9 : signal === 'SIGTERM' ? 15 : signal === 'SIGINT' ? 2 : 0
}

/** SIGKILL to every docker process group still running (the step's process is about to exit). */
export function killAll(): void {
  for (const child of running) signalGroup(child, 'SIGKILL')
}
process.on('exit', killAll)

/** The last meaningful line docker printed, for one-line error messages. */
export function lastLine(result: DockerResult): string {
  const lines = `${result.stderr}\n${result.stdout}`
    .split('\n')
    .map(l => l.trim())
    .filter(l => l !== '')
  return lines.findLast(l => /error/i.test(l)) ?? lines.at(-1) ?? `exit code ${result.exitCode}`
}
