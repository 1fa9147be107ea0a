/**
 * What reaches buildx through its environment rather than its command line: build secrets
 * (`secrets`: id=value, `secret-envs`: id=VARIABLE) and the values of build arguments. An
 * error here names the input and the line, never the value — nor a part of the line that
 * failed to parse, which may be a value written without its id or key (a secret's line, a
 * continued line of a value of several lines).
 */
import { Input } from '../constants.js'
import { InputError } from '../errors.js'
import { getInput, parseLines } from './input.js'
import type { BuildSecret, Env } from './types.js'

/** What `RUN --mount=type=secret,id=…` names: no comma or `=`, which would end buildx's `--secret` field. */
const SECRET_ID = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/
const VARIABLE = /^[A-Za-z_][A-Za-z0-9_]*$/
const BUILD_ARG = /^[A-Za-z_][A-Za-z0-9_.-]*=/
const SECRET_PREFIX = 'ECR_BUILD_PUSH_SECRET_'
/** The variable that carries the n-th value given in `secrets` (1-based). */
export const secretVariable = (n: number): string => `${SECRET_PREFIX}${n}`
/**
 * Variables docker and buildx read from their own environment, where a build argument's
 * value would have to be set for the build: it would change how docker itself runs.
 */
const DOCKER_OWN = /^(?:PATH|HOME|LD_\w*|DOCKER_\w*|BUILDX_\w*)$/

/** `id=value` (secrets) and `id=VARIABLE` (secret-envs), one per line; ids unique across both. */
export function readSecrets(env: Env): BuildSecret[] {
  const secrets: BuildSecret[] = []
  const add = (input: typeof Input.Secrets | typeof Input.SecretEnvs, line: number, id: string, variable: string, value: string | undefined): void => {
    if (!SECRET_ID.test(id)) {
      throw new InputError(input, `line ${line}: what stands before = is not a secret id: use letters, digits, _ . - (the id in RUN --mount=type=secret,id=…).`)
    }
    if (secrets.some(s => s.id === id)) throw new InputError(input, `line ${line}: the secret '${id}' is given twice: give each id once across secrets and secret-envs.`)
    if (value === undefined || value === '') {
      throw new InputError(
        input,
        input === Input.Secrets
          ? `line ${line}: the secret '${id}' is empty (a repository secret that doesn't exist is empty in \${{ secrets.… }}): give it a value or remove the line.`
          : `line ${line}: the secret '${id}' reads ${variable}, which is not set (or empty) in the step's environment: set it with env: on the step.`
      )
    }
    secrets.push({ id, env: variable, value })
  }
  parseLines(getInput(env, Input.Secrets)).forEach((item, i) => {
    const at = item.indexOf('=')
    // Never the line itself in the message: it may be a value written without its id.
    if (at <= 0) throw new InputError(Input.Secrets, `line ${i + 1} is not id=value: give one id=value per line.`)
    add(Input.Secrets, i + 1, item.slice(0, at).trim(), secretVariable(secrets.length + 1), item.slice(at + 1))
  })
  parseLines(getInput(env, Input.SecretEnvs)).forEach((item, i) => {
    const [id = '', variable = '', ...rest] = item.split('=').map(s => s.trim())
    if (rest.length > 0 || !VARIABLE.test(variable)) {
      throw new InputError(Input.SecretEnvs, `line ${i + 1} is not id=VARIABLE: give the secret's id and the name of the variable that holds it (not its value), e.g. token=GH_TOKEN.`)
    }
    add(Input.SecretEnvs, i + 1, id, variable, env[variable])
  })
  return secrets
}

/** `build-args`: KEY=VALUE lines, whose names become variables of buildx's environment. */
export function readBuildArgs(env: Env): string[] {
  const args = parseLines(getInput(env, Input.BuildArgs))
  for (const [i, arg] of args.entries()) {
    const name = arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg
    if (!BUILD_ARG.test(arg)) {
      throw new InputError(Input.BuildArgs, `line ${i + 1} is not KEY=VALUE: give one KEY=VALUE per line, the KEY of letters, digits, _ . - (a value can't go on over several lines).`)
    }
    if (DOCKER_OWN.test(name)) {
      throw new InputError(Input.BuildArgs, `'${name}' is a variable docker reads itself, and a build argument's value is handed to buildx in its environment: give the ARG another name.`)
    }
  }
  return args
}

/**
 * A name that is both a secret — its id, or the variable that carries it to buildx — and a
 * build argument is refused before anything runs. `--build-arg NAME` takes the value of
 * buildx's variable NAME, which the image's history keeps: a build argument named like the
 * secret's variable would get the secret's value, and one named like its id is most likely
 * the same value passed twice (as `build-args: NPM_TOKEN=…` beside `secrets: NPM_TOKEN=…`).
 */
export function keepSecretsApart(buildArgs: string[], secrets: BuildSecret[]): { buildArgs: string[]; secrets: BuildSecret[] } {
  const argNames = new Set(buildArgs.map(arg => arg.slice(0, arg.indexOf('='))))
  for (const secret of secrets) {
    const from = secret.env.startsWith(SECRET_PREFIX) ? Input.Secrets : Input.SecretEnvs
    const name = [secret.id, secret.env].find(n => argNames.has(n))
    if (name === undefined) continue
    throw new InputError(
      from,
      name === secret.id
        ? `'${name}' is a secret and, in build-args, a build argument too: a build argument's value stays in the image's history, where anyone who can pull reads it. Drop the build argument and read the value with RUN --mount=type=secret,id=${name}.`
        : `${name}, the variable that carries the secret '${secret.id}', is also a build argument in build-args: buildx would give the build argument the secret's value, and the image's history keeps it. Rename the build argument (or the variable).`
    )
  }
  return { buildArgs, secrets }
}
