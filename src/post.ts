/**
 * Post step: logs docker out of the registries the main step logged in to, unless
 * `skip-logout`. Warns and never fails the job.
 */
import * as core from '@actions/core'
import { Input, State } from './constants.js'
import { docker } from './docker.js'
import { getInput, parseBoolean } from './inputs.js'
import { logout } from './registry-login.js'

try {
  const registries = JSON.parse(core.getState(State.LoggedInRegistries) || '[]') as string[]
  if (parseBoolean(Input.SkipLogout, getInput(process.env, Input.SkipLogout), false)) {
    if (registries.length > 0) core.info(`Staying logged in to ${registries.join(', ')} (skip-logout).`)
  } else {
    for (const r of await logout(docker, registries)) core.info(`Logged out of ${r}`)
  }
} catch (error) {
  core.warning(`Post step: ${(error as Error).message}`)
}
