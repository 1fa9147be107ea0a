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
  /** the version tag already held this run's image */
  skipped?: boolean
  imageUri: string
  imageDigestUri: string
  digest: string
  tags: string[]
  platforms: string[]
  repositoryChanges: string[]
  /** Why the lifecycle policy was left alone; empty when it was put (a put is among the changes). */
  lifecycle: string
  warnings: string[]
  /** seconds per stage, in order */
  timings?: [string, number][]
  /** each platform's image digest in the pushed index */
  platformDigests?: { platform: string; digest: string }[]
  /** the buildx builder that built it, e.g. `default (docker driver)` */
  builder?: string
  /** the build cache used, e.g. `ecr (…:buildcache)` */
  cache?: string
  /** sizes and the storage estimate */
  size?: { lines: string[] }
  /** the scan gate's result line, e.g. "2 HIGH (scan-fail-on: CRITICAL): passed" */
  scan?: string
  /** ECR managed signing's line, e.g. "signed by `arn:aws:signer:…` (ECR managed signing)" */
  signature?: string
  /** regions the image replicates to, with their URIs */
  replicas?: string[]
  /** what each platform image has attached as OCI referrers (provenance, SBOM), or why it is not known */
  attachments?: { platform: string; digest: string; attached: string[] }[] | string
  /** the copies `copy-to` made, a line each */
  copies?: string[]
}

export interface PlanData {
  repository: string
  imageUri: string
  /** "create", "change", or "no changes" lines, one per setting */
  repositoryLines: string[]
  /** lifecycle policy: what would happen, and the policy text when it would be put */
  lifecycle: string
  lifecycleText?: string
  currentLifecycleText?: string
  tags: string[]
  version: string
  build: string
  command: string[]
  iamPolicy: string
}

const code = (s: string): string => `<code>${s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</code>`

/** Per platform image, what refers to it: `linux/amd64 <code>sha256:…</code>: provenance (SLSA v1)`. */
function attachmentsCell(a: NonNullable<SummaryData['attachments']>): string {
  if (typeof a === 'string') return `not known: ${a}`
  return a.map(p => `${p.platform || 'image'} ${code(`${p.digest.slice(0, 19)}…`)}: ${p.attached.length > 0 ? p.attached.join(', ') : 'nothing attached'}`).join('<br>')
}

/** Markdown/HTML for the summary; pure, so tests read exactly what users see. */
export function renderSummary(d: SummaryData): string {
  const rows: [string, string][] = [
    ['Image', code(d.imageUri)],
    ['Build', d.outcome],
    ['Pinned', d.imageDigestUri !== '' ? code(d.imageDigestUri) : 'not pushed'],
    ['Tags', d.tags.map(code).join(' ')],
    ['Platforms', d.platformDigests && d.platformDigests.length > 0 ? d.platformDigests.map(p => `${p.platform} ${code(p.digest)}`).join('<br>') : d.platforms.join(', ')],
    ...(d.builder !== undefined ? [['Builder', d.builder] as [string, string]] : []),
    ['Repository', d.repositoryChanges.length > 0 ? d.repositoryChanges.join('<br>') : 'no changes']
  ]
  if (d.lifecycle !== '') rows.push(['Lifecycle policy', d.lifecycle])
  if (d.scan !== undefined) rows.push(['Scan', d.scan])
  if (d.signature !== undefined) rows.push(['Signature', d.signature.replace(/`([^`]+)`/g, (_, s: string) => code(s))])
  if (d.replicas !== undefined && d.replicas.length > 0) rows.push(['Replicas', d.replicas.map(code).join('<br>')])
  if (d.attachments !== undefined) rows.push(['Supply chain', attachmentsCell(d.attachments)])
  if (d.copies !== undefined && d.copies.length > 0) rows.push(['Copies', d.copies.join('<br>')])
  if (d.size !== undefined && d.size.lines.length > 0) rows.push(['Size', d.size.lines.join('<br>')])
  if (d.cache !== undefined) rows.push(['Cache', d.cache])
  if (d.timings && d.timings.length > 0) rows.push(['Time', d.timings.map(([stage, s]) => `${stage} ${s.toFixed(1)} s`).join(' · ')])
  const lines = [
    `### ${d.skipped ? 'Already pushed' : d.pushed ? 'Pushed' : 'Built (not pushed)'} ${code(d.repository)}`,
    '',
    '<table>',
    ...rows.map(([k, v]) => `<tr><th align="left">${k}</th><td>${v}</td></tr>`),
    '</table>',
    ''
  ]
  for (const w of d.warnings) lines.push(`> [!WARNING]`, `> ${w}`, '')
  return lines.join('\n')
}

const fence = (lang: string, text: string): string => ['```' + lang, text, '```'].join('\n')

/** The plan of a dry run: what the action would do, and nothing done. */
export function renderPlan(p: PlanData): string {
  const lines = [
    `### Plan for ${code(p.repository)} (dry run: nothing was changed, built or pushed)`,
    '',
    `**Repository**`,
    '',
    ...p.repositoryLines.map(l => `- ${l}`),
    '',
    `**Lifecycle policy**: ${p.lifecycle}`,
    ''
  ]
  if (p.lifecycleText !== undefined) {
    if (p.currentLifecycleText !== undefined) lines.push('Now:', '', fence('json', p.currentLifecycleText), '')
    lines.push(p.currentLifecycleText !== undefined ? 'Would become:' : 'Would be put:', '', fence('json', p.lifecycleText), '')
  }
  lines.push(
    `**Image**: ${code(p.imageUri)} — ${p.build}`,
    '',
    `**Tags**: ${p.tags.map(code).join(' ')}`,
    '',
    '**Build command**',
    '',
    fence('sh', p.command.map(a => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ')),
    '',
    '**IAM policy these inputs need**',
    '',
    fence('json', p.iamPolicy),
    ''
  )
  return lines.join('\n')
}

export async function writePlan(p: PlanData): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  await core.summary.addRaw(renderPlan(p), true).write()
}

export async function writeSummary(d: SummaryData): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  await core.summary.addRaw(renderSummary(d), true).write()
}
