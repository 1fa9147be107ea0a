/**
 * The job summary and the dry run's plan, rendered by pure functions so tests read what
 * users see.
 */
import { describe, expect, test } from '@jest/globals'
import { renderSummary, type SummaryData, renderPlan } from '../../../src/report/summary.js'

const URI = '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web'

const DIGEST = `sha256:${'cd'.repeat(32)}`

const data = (over: Partial<SummaryData> = {}): SummaryData => ({
  repository: 'team/web',
  pushed: true,
  outcome: 'built and pushed',
  imageUri: `${URI}:1.2.3`,
  imageDigestUri: `${URI}@${DIGEST}`,
  digest: DIGEST,
  tags: ['1.2.3', 'latest'],
  platforms: ['linux/amd64', 'linux/arm64'],
  repositoryChanges: ['created the repository: IMMUTABLE_WITH_EXCLUSION (latest), scan on push on, AES256 encryption'],
  lifecycle: '',
  warnings: [],
  ...over
})

/** The cell next to a row heading. */
const cell = (html: string, heading: string): string | undefined => new RegExp(`<tr><th align="left">${heading}</th><td>(.*?)</td></tr>`).exec(html)?.[1]

describe('renderSummary', () => {
  test('a pushed image: heading, URI, digest-pinned URI, tags, platforms, changes and lifecycle', () => {
    const html = renderSummary(data())
    expect(html.split('\n')[0]).toBe('### Pushed <code>team/web</code>')
    expect(cell(html, 'Image')).toBe(`<code>${URI}:1.2.3</code>`)
    expect(cell(html, 'Pinned')).toBe(`<code>${URI}@${DIGEST}</code>`)
    expect(cell(html, 'Tags')).toBe('<code>1.2.3</code> <code>latest</code>')
    expect(cell(html, 'Platforms')).toBe('linux/amd64, linux/arm64')
    expect(cell(html, 'Repository')).toBe('created the repository: IMMUTABLE_WITH_EXCLUSION (latest), scan on push on, AES256 encryption')
    // A put is one of the repository's changes; the row only explains a policy left alone.
    expect(cell(html, 'Lifecycle policy')).toBeUndefined()
    expect(html).not.toContain('[!WARNING]')
  })

  test('a lifecycle policy left alone says why', () => {
    const html = renderSummary(data({ repositoryChanges: [], lifecycle: 'kept the existing policy (the workflow states none)' }))
    expect(cell(html, 'Lifecycle policy')).toBe('kept the existing policy (the workflow states none)')
  })

  test('several changes are one per line', () => {
    const html = renderSummary(data({ repositoryChanges: ['tag mutability MUTABLE → IMMUTABLE', 'scan on push off → on'] }))
    expect(cell(html, 'Repository')).toBe('tag mutability MUTABLE → IMMUTABLE<br>scan on push off → on')
  })

  test('no changes says so', () => {
    expect(cell(renderSummary(data({ repositoryChanges: [] })), 'Repository')).toBe('no changes')
  })

  test('build only: not pushed, no pinned URI', () => {
    const html = renderSummary(data({ pushed: false, imageUri: 'team/web:sha-0123abc', imageDigestUri: '', digest: '', repositoryChanges: [], lifecycle: 'not checked (push: false)' }))
    expect(html.split('\n')[0]).toBe('### Built (not pushed) <code>team/web</code>')
    expect(cell(html, 'Pinned')).toBe('not pushed')
    expect(cell(html, 'Image')).toBe('<code>team/web:sha-0123abc</code>')
  })

  test('each warning is its own GitHub alert block', () => {
    const warnings = ["the repository keeps 'latest' immutable, so pushing it again will be refused", 'the repository is encrypted with KMS, not AES256']
    const html = renderSummary(data({ warnings }))
    expect(html).toContain(`> [!WARNING]\n> ${warnings[0]}\n`)
    expect(html).toContain(`> [!WARNING]\n> ${warnings[1]}\n`)
    expect(html.match(/\[!WARNING\]/g)).toHaveLength(2)
  })

  test('escapes < > & in code cells', () => {
    const html = renderSummary(data({ repository: 'team/<script>alert(1)</script>', tags: ['a&b', '<x>'] }))
    expect(html).not.toContain('<script>')
    expect(html).toContain('<code>team/&lt;script&gt;alert(1)&lt;/script&gt;</code>')
    expect(cell(html, 'Tags')).toBe('<code>a&amp;b</code> <code>&lt;x&gt;</code>')
  })
})

describe('renderPlan', () => {
  const plan = {
    repository: 'team/web',
    imageUri: 'r/team/web:1.0.0',
    repositoryLines: ['would change: scan on push off → on'],
    lifecycle: 'would be put (differs from lifecycle-policy)',
    lifecycleText: '{"rules": [2]}',
    currentLifecycleText: '{"rules": [1]}',
    tags: ['1.0.0', 'latest'],
    version: '1.0.0',
    build: 'would be built and pushed',
    command: ['docker', 'buildx', 'build', '--build-arg', 'A=***', '--label', "it's"],
    iamPolicy: '{}'
  }

  test('says nothing was done, lists each change, the policy before and after, and a copyable command', () => {
    const md = renderPlan(plan)
    expect(md.split('\n')[0]).toBe('### Plan for <code>team/web</code> (dry run: nothing was changed, built or pushed)')
    expect(md).toContain('- would change: scan on push off → on')
    expect(md).toMatch(/Now:\n\n```json\n\{"rules": \[1\]\}\n```\n\nWould become:\n\n```json\n\{"rules": \[2\]\}/)
    expect(md).toContain("docker buildx build --build-arg 'A=***' --label 'it'\\''s'")
  })

  test('a policy put on a repository without one shows only the new policy', () => {
    const { currentLifecycleText: _, ...fresh } = plan
    const md = renderPlan(fresh)
    expect(md).not.toContain('Now:')
    expect(md).toContain('Would be put:')
  })
})

describe('renderSummary of a skipped run', () => {
  test('heads it as already pushed and says why nothing was built', () => {
    const md = renderSummary({
      repository: 'team/web',
      pushed: true,
      skipped: true,
      outcome: 'skipped: 1.0.0 already exists (sha256:1); if-version-exists: skip',
      imageUri: 'r/team/web:1.0.0',
      imageDigestUri: 'r/team/web@sha256:1',
      digest: 'sha256:1',
      tags: ['1.0.0'],
      platforms: ['linux/amd64'],
      repositoryChanges: [],
      lifecycle: '',
      warnings: [],
      timings: [
        ['sign-in', 0.31],
        ['repository', 0.05]
      ]
    })
    expect(md.split('\n')[0]).toBe('### Already pushed <code>team/web</code>')
    expect(md).toContain('<tr><th align="left">Build</th><td>skipped: 1.0.0 already exists (sha256:1); if-version-exists: skip</td></tr>')
    expect(md).toContain('<tr><th align="left">Time</th><td>sign-in 0.3 s · repository 0.1 s</td></tr>')
  })
})
