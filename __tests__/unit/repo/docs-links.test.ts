/**
 * Every relative link in README.md and docs/ leads somewhere: the file exists, and an
 * `#anchor` names a heading of that file (as GitHub makes anchors from headings).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '../../..')

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens; repeats get -1, -2 … */
export function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>()
  const out = new Set<string>()
  let fence = false
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fence = !fence
    const m = fence ? null : /^#{1,6}\s+(.*)$/.exec(line)
    if (m === null) continue
    const slug = (m[1] ?? '')
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}_\- ]/gu, '')
      .replace(/ /g, '-')
    const n = seen.get(slug) ?? 0
    seen.set(slug, n + 1)
    out.add(n === 0 ? slug : `${slug}-${n}`)
  }
  return out
}

/** The links of a markdown file outside code blocks, other than to a scheme (https:, mailto:). */
export function relativeLinks(markdown: string): string[] {
  const links: string[] = []
  let fence = false
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fence = !fence
    if (fence) continue
    for (const m of line.replace(/`[^`]*`/g, '').matchAll(/\]\(([^)\s]+)\)/g)) if (!/^[a-z]+:/i.test(m[1] ?? '')) links.push(m[1] ?? '')
  }
  return links
}

/** What is wrong with each link of `file` (relative to the repository). */
export function brokenLinks(file: string, read: (f: string) => string = f => readFileSync(path.join(ROOT, f), 'utf8'), exists: (f: string) => boolean = f => existsSync(path.join(ROOT, f))): string[] {
  const problems: string[] = []
  for (const link of relativeLinks(read(file))) {
    const [target = '', anchor] = link.split('#')
    const resolved = target === '' ? file : path.normalize(path.join(path.dirname(file), target))
    if (!exists(resolved)) {
      problems.push(`${file}: ${link} — no ${resolved}`)
      continue
    }
    if (anchor !== undefined && anchor !== '' && resolved.endsWith('.md') && !anchorsOf(read(resolved)).has(anchor)) problems.push(`${file}: ${link} — no heading #${anchor} in ${resolved}`)
  }
  return problems
}

const files = [
  'README.md',
  ...readdirSync(path.join(ROOT, 'docs'))
    .filter(f => f.endsWith('.md'))
    .map(f => `docs/${f}`)
]

test.each(files)('every relative link in %s leads to a file and a heading that exist', file => {
  expect(brokenLinks(file)).toEqual([])
})

test('the check fails on a missing file, a missing heading, and a link relative to the wrong folder', () => {
  const pages: Record<string, string> = {
    'README.md': '# A\n## Quick start\n[ok](#quick-start) [gone](#nothing) [doc](docs/x.md#b) [nofile](docs/y.md) `[code](#in-code)`\n```\n[fenced](#fenced)\n```\n',
    'docs/x.md': '# B\n[up](../README.md#a) [wrong](README.md)\n'
  }
  const problems = [
    ...brokenLinks(
      'README.md',
      f => pages[f] ?? '',
      f => f in pages
    ),
    ...brokenLinks(
      'docs/x.md',
      f => pages[f] ?? '',
      f => f in pages
    )
  ]
  expect(problems).toEqual(['README.md: #nothing — no heading #nothing in README.md', 'README.md: docs/y.md — no docs/y.md', 'docs/x.md: README.md — no docs/README.md'])
})

test("GitHub's anchors: punctuation and backticks dropped, repeats numbered", () => {
  expect([...anchorsOf("## Plan mode (`dry-run`)\n## `latest` only moves forward\n### 1. The OIDC provider\n## Repeat\n## Repeat\n## The builder can't build arm64")]).toEqual([
    'plan-mode-dry-run',
    'latest-only-moves-forward',
    '1-the-oidc-provider',
    'repeat',
    'repeat-1',
    'the-builder-cant-build-arm64'
  ])
})
