/**
 * Provenance, planning — the SLSA provenance statement (in-toto) for one pushed platform
 * image, and the judgement of a statement read back (a re-run's reuse). Pure.
 *
 * The statement follows GitHub's workflow build type (what `actions/attest-build-provenance`
 * writes): the workflow that ran (repository, path, ref), the commit it checked out, the run;
 * `internalParameters.build` adds the image's platform, Dockerfile and target (and with
 * `mode=max` the names of its build arguments and secrets, never their values).
 */
import type { Env, Settings } from '../settings/types.js'

export const IN_TOTO_MEDIA_TYPE = 'application/vnd.in-toto+json'
export const SLSA_PROVENANCE_V1 = 'https://slsa.dev/provenance/v1'
export const STATEMENT_V1 = 'https://in-toto.io/Statement/v1'
export const WORKFLOW_BUILD_TYPE = 'https://actions.github.io/buildtypes/workflow/v1'
/** The annotation (on a referrer manifest and its layer) naming the statement's predicate type. */
export const PREDICATE_TYPE_ANNOTATION = 'in-toto.io/predicate-type'

/** The workflow a run comes from, read from the runner's variables. */
export interface WorkflowRun {
  /** `https://github.com/acme/web` ('' outside Actions) */
  repository: string
  /** `.github/workflows/release.yml` */
  path: string
  /** `refs/heads/main` */
  ref: string
  sha: string
}

/** `acme/web/.github/workflows/release.yml@refs/heads/main` (GITHUB_WORKFLOW_REF) as its parts. */
export function workflowRun(env: Env): WorkflowRun {
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com'
  const repository = env.GITHUB_REPOSITORY ? `${server}/${env.GITHUB_REPOSITORY}` : ''
  const workflowRef = env.GITHUB_WORKFLOW_REF ?? ''
  const at = workflowRef.lastIndexOf('@')
  const prefix = `${env.GITHUB_REPOSITORY ?? ''}/`
  const file = at < 0 ? '' : workflowRef.slice(0, at)
  return {
    repository,
    path: file.startsWith(prefix) ? file.slice(prefix.length) : file,
    ref: at < 0 ? (env.GITHUB_REF ?? '') : workflowRef.slice(at + 1),
    sha: env.GITHUB_SHA ?? ''
  }
}

/** `path@ref`, as the allowed workflow refs are written. */
export const workflowRefOf = (w: Pick<WorkflowRun, 'path' | 'ref'>): string => `${w.path}@${w.ref}`

export interface StatementInput {
  env: Env
  build: Settings['build']
  /** `min` (the default) or `max` */
  mode: 'min' | 'max'
  /** the repository URI and the version tag, for the subject's name */
  uri: string
  version: string
  platform: string
  /** the platform image's manifest digest: the statement's subject */
  digest: string
  startedOn: string
  finishedOn: string
}

/** An in-toto subject's name for a platform image: `pkg:docker/<uri>@<version>?platform=linux%2Famd64`. */
export const subjectName = (uri: string, version: string, platform: string): string => `pkg:docker/${uri}@${version}${platform === '' ? '' : `?platform=${encodeURIComponent(platform)}`}`

/** The in-toto statement (SLSA provenance v1) for one platform image. */
export function provenanceStatement(i: StatementInput): Record<string, unknown> {
  const { env, build } = i
  const run = workflowRun(env)
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com'
  const hosted = env.RUNNER_ENVIRONMENT === 'self-hosted' ? 'self-hosted' : 'github-hosted'
  const buildFacts: Record<string, unknown> = { platform: i.platform, context: build.context, file: build.file || 'Dockerfile', ...(build.target !== undefined ? { target: build.target } : {}) }
  if (i.mode === 'max') {
    buildFacts.buildArgs = [...new Set(build.buildArgs.map(a => a.slice(0, a.indexOf('='))))]
    buildFacts.secrets = build.secrets.map(s => s.id)
    buildFacts.cache = build.cache.type
  }
  const github: Record<string, string> = {}
  for (const [key, name] of [
    ['event_name', 'GITHUB_EVENT_NAME'],
    ['repository_id', 'GITHUB_REPOSITORY_ID'],
    ['repository_owner_id', 'GITHUB_REPOSITORY_OWNER_ID'],
    ['runner_environment', 'RUNNER_ENVIRONMENT']
  ] as const) {
    const value = env[name]
    if (value) github[key] = value
  }
  const runId = env.GITHUB_RUN_ID
  return {
    _type: STATEMENT_V1,
    subject: [{ name: subjectName(i.uri, i.version, i.platform), digest: { sha256: i.digest.replace(/^sha256:/, '') } }],
    predicateType: SLSA_PROVENANCE_V1,
    predicate: {
      buildDefinition: {
        buildType: WORKFLOW_BUILD_TYPE,
        externalParameters: { workflow: { ref: run.ref, repository: run.repository, path: run.path } },
        internalParameters: { github, build: buildFacts },
        resolvedDependencies: run.repository === '' ? [] : [{ uri: `git+${run.repository}@${run.ref}`, digest: { gitCommit: run.sha } }]
      },
      runDetails: {
        builder: { id: `https://github.com/actions/runner/${hosted}` },
        metadata: {
          ...(runId && run.repository ? { invocationId: `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${runId}/attempts/${env.GITHUB_RUN_ATTEMPT ?? '1'}` } : {}),
          startedOn: i.startedOn,
          finishedOn: i.finishedOn
        }
      }
    }
  }
}

/** What a re-run asks of an existing image's provenance before it reuses the image. */
export interface ReuseClaim {
  /** the platform image the statement must be about */
  digest: string
  repository: string
  sha: string
  /** `path@ref` of each workflow allowed to have built it */
  workflowRefs: string[]
}

/**
 * Whether a statement shows the image was built by this repository's allowed workflow from
 * this commit: undefined when it does, else why not (in words, for the run's message).
 */
export function provenanceMismatch(statement: unknown, claim: ReuseClaim): string | undefined {
  const s = (typeof statement === 'object' && statement !== null ? statement : {}) as {
    predicateType?: unknown
    subject?: { digest?: { sha256?: unknown } }[]
    predicate?: { buildDefinition?: { externalParameters?: { workflow?: { ref?: unknown; repository?: unknown; path?: unknown } }; resolvedDependencies?: { digest?: { gitCommit?: unknown } }[] } }
  }
  if (s.predicateType !== SLSA_PROVENANCE_V1) return `its statement is not SLSA provenance v1 (${String(s.predicateType)})`
  const hex = claim.digest.replace(/^sha256:/, '')
  if (!Array.isArray(s.subject) || !s.subject.some(x => x.digest?.sha256 === hex)) return `its statement is about another image than ${claim.digest}`
  const def = s.predicate?.buildDefinition
  const workflow = def?.externalParameters?.workflow
  if (workflow?.repository !== claim.repository) return `it was built by ${String(workflow?.repository)}, not ${claim.repository}`
  const commits = (def?.resolvedDependencies ?? []).map(d => d.digest?.gitCommit)
  if (!commits.includes(claim.sha)) return `it was built from commit ${String(commits[0])}, not ${claim.sha.slice(0, 7)}`
  const ref = `${String(workflow.path)}@${String(workflow.ref)}`
  if (!claim.workflowRefs.includes(ref)) return `it was built by the workflow ${ref}, which is not an allowed one (${claim.workflowRefs.join(', ')})`
  return undefined
}
