/**
 * The job summary: what was shipped and what was done to the repository, in one table and
 * a few lines.
 */
import * as core from '@actions/core'

export interface SummaryData {
  repository: string
  pushed: boolean
  /** built and pushed, skipped (and why), built only */
  outcome: string
  imageUri: string
  imageDigestUri: string
  digest: string
  tags: string[]
  platforms: string[]
  repositoryChanges: string[]
  /** Why the lifecycle policy was left alone; empty when it was put (a put is among the changes). */
  lifecycle: string
  warnings: string[]
}

const code = (s: string): string => `<code>${s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</code>`

/** Markdown/HTML for the summary; pure, so tests read exactly what users see. */
export function renderSummary(d: SummaryData): string {
  const rows: [string, string][] = [
    ['Image', code(d.imageUri)],
    ['Build', d.outcome],
    ['Pinned', d.imageDigestUri !== '' ? code(d.imageDigestUri) : 'not pushed'],
    ['Tags', d.tags.map(code).join(' ')],
    ['Platforms', d.platforms.join(', ')],
    ['Repository', d.repositoryChanges.length > 0 ? d.repositoryChanges.join('<br>') : 'no changes']
  ]
  if (d.lifecycle !== '') rows.push(['Lifecycle policy', d.lifecycle])
  const lines = [
    `### ${d.pushed ? 'Pushed' : 'Built (not pushed)'} ${code(d.repository)}`,
    '',
    '<table>',
    ...rows.map(([k, v]) => `<tr><th align="left">${k}</th><td>${v}</td></tr>`),
    '</table>',
    ''
  ]
  for (const w of d.warnings) lines.push(`> [!WARNING]`, `> ${w}`, '')
  return lines.join('\n')
}

export async function writeSummary(d: SummaryData): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  await core.summary.addRaw(renderSummary(d), true).write()
}
