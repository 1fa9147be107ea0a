// The demo's job: the bundled action run as a workflow step on the local stack (with a
// docker config of its own, as a fresh runner has), then what the job's later steps see —
// the outputs, and the pushed image pulled and run by digest on each platform while the
// login is still there — then the post step, which logs docker out, and the job summary.
// The log is shown as the job page shows it: masked values as ***, groups as headings,
// blank lines left out.
//   node scripts/demo.mjs name=value … (the step's inputs)
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { runAction } from './local-runner.mjs'

const PLATFORMS = ['linux/amd64', 'linux/arm64']

/** @type {Record<string, string>} */
const inputs = Object.fromEntries(process.argv.slice(2).map(a => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]))
const dockerConfig = mkdtempSync(path.join(os.tmpdir(), 'demo-docker-config-'))
const heading = (/** @type {string} */ title) => console.log(`\n── ${title} ${'─'.repeat(Math.max(3, 76 - title.length))}`)

/**
 * The step's log as the runner shows it: `::add-mask::` lines hidden and their values
 * replaced by *** from then on, `::group::` as a heading, annotations as words.
 */
function jobLog() {
  /** @type {string[]} */
  const masks = []
  let pending = ''
  /** @param {string} line */
  const show = line => {
    if (line.trim() === '') return
    const command = /^::([a-z-]+)(?: [^:]*)?::(.*)$/.exec(line)
    if (command) {
      const [, name, value = ''] = command
      if (name === 'add-mask') return void (value !== '' && masks.push(value))
      if (name === 'group') return void console.log(`▸ ${value}`)
      if (name === 'endgroup' || name === 'debug' || name === 'save-state' || name === 'set-output') return
      line = `${name}: ${value}`
    }
    for (const secret of masks) line = line.split(secret).join('***')
    console.log(`  ${line}`)
  }
  return {
    /** @param {string} text */
    write: text => {
      const lines = (pending + text).split('\n')
      pending = lines.pop() ?? ''
      lines.forEach(show)
    },
    flush: () => {
      if (pending !== '') show(pending)
      pending = ''
    }
  }
}

/** The job summary's markdown and HTML as plain lines: the heading, then one row a line. */
function summaryText(/** @type {string} */ markdown) {
  const plain = (/** @type {string} */ html) =>
    html
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&')
  /** @type {string[]} */
  const out = []
  for (const line of markdown.split('\n')) {
    const row = /<tr><th[^>]*>(.*?)<\/th><td>(.*)<\/td><\/tr>/.exec(line)
    if (row) {
      const [first = '', ...more] = (row[2] ?? '').split('<br>').map(plain)
      out.push(`  ${plain(row[1] ?? '').padEnd(18)}${first}`, ...more.map(m => `  ${''.padEnd(18)}${m}`))
    } else if (line.startsWith('### ')) out.push(plain(line.slice(4)))
    else if (line.startsWith('> ') && !line.startsWith('> [!')) out.push(`  warning: ${plain(line.slice(2))}`)
  }
  return out.join('\n')
}

heading('the action (main step)')
const log = jobLog()
const result = await runAction({
  inputs,
  echo: log.write,
  env: { ...process.env, DOCKER_CONFIG: dockerConfig },
  // A later step of the same job: it has the outputs, and docker is still logged in.
  beforePost: main => {
    log.flush()
    if (main.exitCode !== 0) return
    heading('outputs')
    for (const [name, value] of Object.entries(main.outputs)) {
      if (name !== 'metadata') console.log(`  ${name.padEnd(18)}${value.split('\n').join(`\n  ${''.padEnd(18)}`)}`)
    }
    const image = main.outputs['image-digest-uri'] ?? ''
    heading('a later step: docker run of the pushed image, by digest')
    for (const platform of PLATFORMS) {
      const printed = execFileSync('docker', ['run', '--rm', '--pull', 'always', '--quiet', '--platform', platform, image], {
        env: { ...process.env, DOCKER_CONFIG: dockerConfig },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        timeout: 180_000
      })
      console.log(`  ${platform.padEnd(18)}${printed.trim()}`)
    }
    heading('post step')
  }
})
log.flush()

heading('job summary')
console.log(summaryText(result.summary))
rmSync(dockerConfig, { recursive: true, force: true })
const failed = result.exitCode !== 0 ? 'the main step' : (result.post?.exitCode ?? 0) !== 0 ? 'the post step' : undefined
if (failed) {
  console.error(`\nThe demo failed: ${failed} exited ${failed === 'the main step' ? result.exitCode : result.post?.exitCode}.`)
  process.exit(1)
}
