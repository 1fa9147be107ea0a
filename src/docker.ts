/**
 * The one way the action runs docker: an argv array (never a shell string), stdin passed
 * as data, output captured and, for builds, streamed to the log. Tests replace it with a
 * recorder.
 */

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
}

export type Docker = (args: string[], options?: DockerOptions) => Promise<DockerResult>

export const docker: Docker = async (args, options = {}) => {
  // Loaded on the first docker command: a run that stops at a bad input never needs it.
  const exec = await import('@actions/exec')
  try {
    return await exec.getExecOutput('docker', args, {
      ignoreReturnCode: true,
      silent: options.stream !== true,
      ...(options.env ? { env: { ...withoutUndefined(process.env), ...options.env } } : {}),
      ...(options.input ? { input: options.input } : {})
    })
  } catch (error) {
    // @actions/exec throws when the executable is not on PATH.
    return { exitCode: 127, stdout: '', stderr: (error as Error).message }
  }
}

function withoutUndefined(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined))
}

/** The last meaningful line docker printed, for one-line error messages. */
export function lastLine(result: DockerResult): string {
  const lines = `${result.stderr}\n${result.stdout}`
    .split('\n')
    .map(l => l.trim())
    .filter(l => l !== '')
  return lines.findLast(l => /error/i.test(l)) ?? lines.at(-1) ?? `exit code ${result.exitCode}`
}
