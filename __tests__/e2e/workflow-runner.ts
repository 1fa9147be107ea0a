/**
 * Runs a job of a workflow file the way the runner would, as far as the stack can: its
 * `${{ … }}` expressions rendered from the given contexts, `run:` steps in bash with their
 * `env:` and GITHUB_OUTPUT, this action's steps through scripts/local-runner.mjs with their
 * `with:` as the job renders it. Steps that set up a hosted runner (checkout, buildx, QEMU)
 * are what the stack already is; artifacts go through one folder the jobs share. Any other
 * step, or an expression it can't render, fails the test.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parse } from 'yaml'
import { parseFileCommands, type RunResult } from '../../scripts/local-runner.mjs'

export interface Step {
  id?: string
  name?: string
  uses?: string
  run?: string
  with?: Record<string, unknown>
  env?: Record<string, unknown>
}
export interface Job {
  steps: Step[]
}
export type Contexts = Record<string, unknown>

export const loadWorkflow = (file: string): { on: { workflow_call: { inputs: Record<string, { default?: unknown }> } }; jobs: Record<string, Job> } => parse(readFileSync(file, 'utf8')) as never

/** One `${{ … }}` expression: a property path in the contexts, or `a || b` of them. */
export function evaluate(expression: string, contexts: Contexts): unknown {
  const alternatives = expression.split('||').map(e => e.trim())
  for (const alt of alternatives) {
    if (!/^[a-z_]+(\.[\w-]+)+$/i.test(alt)) throw new Error(`expression '${expression}' is not rendered here`)
    let value: unknown = contexts
    for (const key of alt.split('.')) {
      if (value === undefined || value === null || typeof value !== 'object') throw new Error(`'${alt}': no ${key}`)
      value = (value as Record<string, unknown>)[key]
    }
    if (value !== undefined && value !== '' && value !== null) return value
  }
  return ''
}

/** A value with its expressions rendered, as the runner renders a `with:` or `env:` value. */
export function render(value: unknown, contexts: Contexts): string {
  const text = String(value)
  const whole = /^\$\{\{(.*)\}\}$/s.exec(text.trim())
  if (whole !== null && !whole[1]?.includes('}}')) return String(evaluate(whole[1] ?? '', contexts))
  return text.replace(/\$\{\{(.*?)\}\}/g, (_, e: string) => String(evaluate(e, contexts)))
}

const HOSTED_SETUP = /^(actions\/checkout|docker\/setup-buildx-action|docker\/setup-qemu-action)@/

export interface JobRun {
  outputs: Record<string, Record<string, string>>
  actions: RunResult[]
}

/**
 * Runs `job`'s steps. `artifacts` is the folder upload-artifact / download-artifact share;
 * `ship` runs this action with the rendered inputs.
 */
export async function runJob(job: Job, contexts: Contexts, artifacts: string, ship: (inputs: Record<string, string>) => Promise<RunResult>): Promise<JobRun> {
  const temp = mkdtempSync(path.join(os.tmpdir(), 'job-'))
  const steps: Record<string, { outputs: Record<string, string> }> = {}
  const actions: RunResult[] = []
  const ctx = (): Contexts => ({ ...contexts, steps, runner: { temp } })
  for (const step of job.steps) {
    const uses = step.uses ?? ''
    if (HOSTED_SETUP.test(uses)) continue
    if (uses.startsWith('acme/ecr-build-push@')) {
      const inputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, render(v, ctx())]))
      const result = await ship(inputs)
      actions.push(result)
      if (result.exitCode !== 0) throw new Error(`the action failed in step ${step.id ?? step.name ?? uses}: ${result.log.slice(-2000)}`)
      if (step.id !== undefined) steps[step.id] = { outputs: result.outputs }
    } else if (uses.startsWith('actions/upload-artifact@')) {
      const name = render(step.with?.name, ctx())
      const from = render(step.with?.path, ctx()).replace(/\/\*$/, '')
      cpSync(from, path.join(artifacts, name), { recursive: true })
    } else if (uses.startsWith('actions/download-artifact@')) {
      const pattern = new RegExp(`^${render(step.with?.pattern, ctx()).replace(/\*/g, '.*')}$`)
      const to = render(step.with?.path, ctx())
      mkdirSync(to, { recursive: true })
      for (const name of execFileSync('ls', [artifacts], { encoding: 'utf8' })
        .split('\n')
        .filter(n => pattern.test(n)))
        cpSync(path.join(artifacts, name), to, { recursive: true })
    } else if (step.run !== undefined) {
      const output = path.join(temp, `output-${Object.keys(steps).length}-${Date.now()}`)
      writeFileSync(output, '')
      const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, render(v, ctx())]))
      try {
        execFileSync('bash', ['-e', '-c', render(step.run, ctx())], {
          env: { PATH: process.env.PATH ?? '/usr/bin:/bin', RUNNER_TEMP: temp, GITHUB_OUTPUT: output, ...env },
          encoding: 'utf8',
          stdio: 'pipe'
        })
      } catch (error) {
        const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string }
        throw new Error(`step ${step.id ?? step.name ?? 'run'} failed: ${stdout}${stderr}`, { cause: error })
      }
      if (step.id !== undefined) steps[step.id] = { outputs: parseFileCommands(readFileSync(output, 'utf8')) }
    } else {
      throw new Error(`step '${uses}' is not run here`)
    }
  }
  return { outputs: Object.fromEntries(Object.entries(steps).map(([id, s]) => [id, s.outputs])), actions }
}
