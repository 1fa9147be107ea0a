/**
 * Post step: logs docker out of the registries the main step logged in to, unless
 * `skip-logout`. Warns and never fails the job.
 *
 * It runs at the end of every job that uses the action, so it loads as little as it can:
 * no AWS SDK and no @actions/core (whose HTTP client is most of a bundle). The three
 * runner conventions it needs are written out here: state arrives as STATE_<name>, a log
 * line is a line on stdout, a warning is the `::warning::` command.
 */
import os from 'node:os'
import { Input, State } from './constants.js'
import { docker, lastLine, type Docker } from './docker.js'
import { getInput, parseBoolean } from './inputs.js'

/** `::warning::` with the runner's escaping of %, CR and LF. */
const warning = (message: string): void => {
  process.stdout.write(`::warning::${message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}${os.EOL}`)
}
const info = (message: string): void => {
  process.stdout.write(`${message}${os.EOL}`)
}

/** Forgets the registry credentials; returns the registries logged out. Warns, never fails. */
export async function logout(run: Docker, registries: string[], warn: (m: string) => void = warning): Promise<string[]> {
  const done: string[] = []
  for (const registry of registries) {
    const result = await run(['logout', registry])
    if (result.exitCode === 0) done.push(registry)
    else warn(`docker logout ${registry} failed: ${lastLine(result)}`)
  }
  return done
}

export async function post(env: NodeJS.ProcessEnv = process.env, run: Docker = docker): Promise<void> {
  try {
    const registries = JSON.parse(env[`STATE_${State.LoggedInRegistries}`] || '[]') as string[]
    if (parseBoolean(Input.SkipLogout, getInput(env, Input.SkipLogout), false)) {
      if (registries.length > 0) info(`Staying logged in to ${registries.join(', ')} (skip-logout).`)
    } else {
      for (const r of await logout(run, registries)) info(`Logged out of ${r}`)
    }
  } catch (error) {
    warning(`Post step: ${(error as Error).message}`)
  }
}
