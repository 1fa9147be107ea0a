/**
 * What the workflow asked for, as one typed object: the settings every stage reads. Only
 * types (and the few constant lists they are made of) live here, so that any module can
 * name a setting without importing the input parser.
 */

export type TagStatus = 'tagged' | 'untagged' | 'any'
export type CountType = 'imageCountMoreThan' | 'sinceImagePushed' | 'sinceImagePulled' | 'sinceImageTransitioned'

export interface LifecycleSelection {
  tagStatus: TagStatus
  tagPatternList?: string[]
  tagPrefixList?: string[]
  storageClass?: 'standard' | 'archive'
  countType: CountType
  countUnit?: 'days'
  countNumber: number
}

export interface LifecycleRule {
  rulePriority: number
  description?: string
  selection: LifecycleSelection
  action: { type: 'expire' | 'transition'; targetStorageClass?: 'archive' }
}

export interface LifecyclePolicy {
  rules: LifecycleRule[]
}

/** What to do when the version tag already exists (re-runs). */
export type IfVersionExists = 'auto' | 'fail' | 'skip'

export type TagMutability = 'MUTABLE' | 'IMMUTABLE' | 'IMMUTABLE_WITH_EXCLUSION' | 'MUTABLE_WITH_EXCLUSION'
export const TAG_MUTABILITIES: readonly TagMutability[] = ['MUTABLE', 'IMMUTABLE', 'IMMUTABLE_WITH_EXCLUSION', 'MUTABLE_WITH_EXCLUSION']

/** What the workflow says the repository's lifecycle policy is. */
export type LifecycleIntent =
  /** Stated by `lifecycle-policy` or a `lifecycle-*` shorthand input: enforced. */
  | { stated: true; policy: LifecyclePolicy; source: string }
  /** Nothing stated: the default policy, put only on a repository that has none. */
  | { stated: false; policy: LifecyclePolicy; source: string }

/** Another registry, and the role its token is asked for with (else the run's own session). */
export type OtherRegistry = ({ kind: 'private'; host: string; account: string; region: string } | { kind: 'public'; host: string }) & { role?: string }

/** A repository the pushed image is copied to; no `registry`: the run's own registry. */
export interface CopyDestination {
  registry?: OtherRegistry
  /** the repository's path in its registry (ECR Public: `<alias>/<name>`) */
  repository: string
}

export interface OtherRegistries {
  read: OtherRegistry[]
  copyTo: CopyDestination[]
}

export interface Settings {
  /** `read-registries` and `copy-to` (settings/registries.ts); undefined: neither given */
  registries?: OtherRegistries
  aws: {
    region: string
    roleToAssume?: string
    audience: string
    roleSessionName: string
    roleDurationSeconds: number
    exportCredentials: boolean
    /** ECR's dual-stack (IPv4 and IPv6) names for the AWS APIs and the registry */
    dualStack: boolean
  }
  repository: {
    name: string
    create: boolean
    tagMutability: TagMutability
    tagMutabilityExclusions: string[]
    /** False when neither mutability input was given: an immutable repository is then never loosened. */
    tagMutabilityStated: boolean
    /** The registry cache's tag this run exports (cache: ecr), which must stay mutable; undefined without one. */
    cacheTag?: string
    /** `<cache-tag>*`: the one wildcard that covers every cache tag of the repository, the per-platform ones too. */
    cacheFilter?: string
    scanOnPush: boolean
    /** AES256 or KMS from the workflow; KMS_DSSE only from a repository creation template. */
    encryption: { type: 'AES256' | 'KMS' | 'KMS_DSSE'; kmsKey?: string }
    /** Whether `encryption` or `kms-key` was given: else a creation template's encryption applies. */
    encryptionStated?: boolean
    lifecycle: LifecycleIntent
    /** The access (repository) policy the workflow states; undefined: never read or touched. */
    accessPolicy?: { text: string; source: string }
    /** `reconcile` (undefined): an existing repository is made to match; `leave`: nothing is written to it, the differences are reported. */
    existing?: ExistingRepository
    /** Resource tags the workflow states; tags it doesn't state are never removed. */
    tags: { Key: string; Value: string }[]
    /** Regions the registry's replication configuration must copy this repository to. */
    replicateToRegions: string[]
    /** `private`: ECR; `public`: ECR Public (public.ecr.aws), which has no lifecycle, mutability or scanning. */
    type: RegistryType
    /** ECR Public's catalog data: stated text only (architectures and OS come from the platforms). */
    catalog: { description?: string; about?: string }
  }
  /** The gate after the push: fail at or above `failOn`; undefined: no gate, no waiting. */
  scan: { failOn?: Severity; timeoutSeconds: number }
  /** ECR managed signing: how long to wait for the signature, and whether the run fails without one. */
  signing: { require: boolean; timeoutSeconds: number }
  /** US$ per GB-month for the summary's storage estimate. */
  storagePrice: number
  image: {
    version: string
    /** What to do when the version tag already exists (re-runs). */
    ifVersionExists: IfVersionExists
    latest: boolean
    /** `latest` may move to an image older than the one it names (latest.ts); by default it only moves forward. */
    latestMayMoveBack: boolean
    /** Every tag to push, the version first, without duplicates. */
    tags: string[]
    /** Of `tags`: the ref tags that float (`1.2`, `1`, a branch's, `pr-7`), moved only forward like `latest`. */
    floating: string[]
    /** Of `tags`: the ref tags fixed to one build (`sha-1a2b3c4`), put when the repository lacks them and never moved. */
    once: string[]
    /** The registries `tags` references named (`<registry>/<repository>:<tag>`), checked against the run's once it has signed in. */
    referenceHosts: string[]
  }
  build: {
    platforms: string[]
    context: string
    file: string
    target?: string
    /** `NAME=value`, in order; the values reach buildx through its environment, never its argv. */
    buildArgs: string[]
    /** Build secrets (`RUN --mount=type=secret,id=…`): each value reaches buildx in the variable `env`. */
    secrets: BuildSecret[]
    labels: string[]
    /** `annotations`: `[<level>:]KEY=VALUE`, as buildx's --annotation takes them. */
    annotations: string[]
    push: boolean
    /**
     * `ecr`: a registry cache in the same repository, written under `tag` and read from each
     * of `from` (a push-by-digest job's own: `<cache-tag>-<platform>`; another ref than the
     * default branch writes `<…>--<ref>` and reads the default branch's too); `gha`: GitHub's cache.
     */
    cache: { type: 'ecr' | 'gha' | 'none'; tag: string; from: string[]; scope?: string }
    /** build-push-action's pass-through options, as validated (build-options.ts); absent: none given */
    options?: BuildOptions
    /** The buildx builder an earlier step created; undefined: the job's current builder. */
    builder?: string
    /** `false`, `true` / `mode=min` (the default) or `mode=max`: the provenance the action attaches to each pushed platform image as a referrer. */
    provenance: string
    /** an SPDX SBOM for each pushed platform image, attached as a referrer */
    sbom: boolean
    /** BuildKit's SBOM generator image (`--sbom=generator=…`); undefined: BuildKit's default */
    sbomGenerator?: string
    /** Push this platform's image untagged, for a later merge (native per-platform runners). */
    pushByDigest: boolean
    /** No build: make the multi-platform index from these pushed digests. */
    mergeDigests: string[]
    /** How long one try of the merge (`buildx imagetools create`) may take, in seconds. */
    mergeTimeoutSeconds: number
  }
  skipLogout: boolean
  /** Read, validate and print the plan; no write call, no login, no build. */
  dryRun: boolean
  /** Write the job summary. */
  summary: boolean
  /** How the action's own requests (OIDC, AWS, the registry API) reach the network. */
  network: { proxy: ProxyConfig }
}

/**
 * The proxies for the action's own requests: from the `http-proxy` / `no-proxy` inputs, else
 * from HTTPS_PROXY, HTTP_PROXY and NO_PROXY (either case). '' means no proxy.
 */
export interface ProxyConfig {
  /** for https:// requests */
  https: string
  /** for http:// requests */
  http: string
  /** hosts reached directly (NO_PROXY entries) */
  noProxy: string[]
  /** where the proxy came from, for the log */
  source: string
}

/** What the run does to a repository it didn't create. */
export type ExistingRepository = 'reconcile' | 'leave'

/**
 * The build options docker/build-push-action users pass through, under its names and with
 * its meaning; each is in buildx's argv as given (checked: no secret among them).
 */
export interface BuildOptions {
  /** `--build-context name=value`, a local path made absolute */
  buildContexts: string[]
  noCache: boolean
  /** stages built without the cache (`--no-cache-filter`) */
  noCacheFilters: string[]
  pull: boolean
  /** `--ssh` specs: `default`, or `id=<agent socket or key file path>[,…]` */
  ssh: string[]
  /** `--network`: default, none or host */
  network?: string
  /** `--shm-size`, e.g. 2g */
  shmSize?: string
  /** `--ulimit type=soft[:hard]` */
  ulimits: string[]
  /** `--add-host name:ip` */
  addHosts: string[]
  /** replace the cache reads and writes `cache` makes (undefined: `cache` decides) */
  cacheFrom?: string[]
  cacheTo?: string[]
  /** `--load`: the built image into the job's Docker engine (push: false) */
  load: boolean
}

/** A build secret: its id in the Dockerfile, and the variable of buildx's environment that holds its value. */
export interface BuildSecret {
  id: string
  env: string
  value: string
}

/** The step's environment: INPUT_* and the runner's variables. */
export type Env = Readonly<Record<string, string | undefined>>

export type RegistryType = 'private' | 'public'
/** ECR's finding severities, most severe first. */
export const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL', 'UNDEFINED'] as const
export type Severity = (typeof SEVERITIES)[number]
