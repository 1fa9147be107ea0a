/** Names the workflow, the runner and the post step see. Written once, here. */

export const Input = {
  RoleToAssume: 'role-to-assume',
  AwsRegion: 'aws-region',
  Audience: 'audience',
  RoleSessionName: 'role-session-name',
  RoleDurationSeconds: 'role-duration-seconds',
  ExportCredentials: 'export-credentials',
  DualStack: 'dual-stack',
  Repository: 'repository',
  CreateRepository: 'create-repository',
  TagMutability: 'tag-mutability',
  TagMutabilityExclusions: 'tag-mutability-exclusions',
  ScanOnPush: 'scan-on-push',
  Encryption: 'encryption',
  KmsKey: 'kms-key',
  LifecyclePolicy: 'lifecycle-policy',
  LifecycleKeepCount: 'lifecycle-keep-count',
  LifecycleExpireDays: 'lifecycle-expire-days',
  LifecycleUntaggedDays: 'lifecycle-untagged-days',
  LifecycleProtectTags: 'lifecycle-protect-tags',
  Version: 'version',
  Latest: 'latest',
  LatestMayMoveBack: 'latest-may-move-back',
  Tags: 'tags',
  RefTags: 'ref-tags',
  Annotations: 'annotations',
  Platforms: 'platforms',
  Context: 'context',
  File: 'file',
  Target: 'target',
  BuildArgs: 'build-args',
  Secrets: 'secrets',
  SecretEnvs: 'secret-envs',
  Builder: 'builder',
  Labels: 'labels',
  Push: 'push',
  SkipLogout: 'skip-logout',
  IfVersionExists: 'if-version-exists',
  Cache: 'cache',
  CacheTag: 'cache-tag',
  Provenance: 'provenance',
  Sbom: 'sbom',
  SbomGenerator: 'sbom-generator',
  DryRun: 'dry-run',
  RepositoryPolicy: 'repository-policy',
  PullPrincipals: 'pull-principals',
  RepositoryTags: 'repository-tags',
  PushByDigest: 'push-by-digest',
  MergeDigests: 'merge-digests',
  MergeTimeout: 'merge-timeout',
  Summary: 'summary',
  ReplicateToRegions: 'replicate-to-regions',
  ScanFailOn: 'scan-fail-on',
  ScanTimeout: 'scan-timeout',
  RequireSignature: 'require-signature',
  SignatureTimeout: 'signature-timeout',
  RegistryType: 'registry-type',
  Description: 'description',
  About: 'about',
  StoragePrice: 'storage-price',
  HttpProxy: 'http-proxy',
  NoProxy: 'no-proxy',
  ExistingRepository: 'existing-repository',
  // docker/build-push-action's pass-through build options, under its names
  BuildContexts: 'build-contexts',
  NoCache: 'no-cache',
  NoCacheFilters: 'no-cache-filters',
  Pull: 'pull',
  Ssh: 'ssh',
  Network: 'network',
  ShmSize: 'shm-size',
  Ulimit: 'ulimit',
  AddHosts: 'add-hosts',
  CacheFrom: 'cache-from',
  CacheTo: 'cache-to',
  Load: 'load',
  ReadRegistries: 'read-registries',
  CopyTo: 'copy-to'
} as const
export type InputName = (typeof Input)[keyof typeof Input]

export const Output = {
  Registry: 'registry',
  RepositoryUri: 'repository-uri',
  ImageUri: 'image-uri',
  LatestUri: 'latest-uri',
  Digest: 'digest',
  ImageDigestUri: 'image-digest-uri',
  Tags: 'tags',
  Version: 'version',
  Metadata: 'metadata',
  Skipped: 'skipped',
  ReplicaUris: 'replica-uris',
  ScanFindings: 'scan-findings',
  Signature: 'signature',
  SubjectName: 'subject-name',
  SubjectDigest: 'subject-digest',
  Labels: 'labels',
  Annotations: 'annotations',
  CopiedUris: 'copied-uris'
} as const

/** Values the main step hands to the post step. */
export const State = {
  IsPost: 'is-post',
  LoggedInRegistries: 'logged-in-registries',
  /** the docker config folder the login was written to, when it was written there (not by docker login) */
  LoginConfigDir: 'login-config-dir',
  /** the entry written there, as a hash, and where the entry it replaced is kept (config-login.ts WrittenLogin) */
  LoginWritten: 'login-written',
  /** the logins to the registries a build reads from (`read-registries`): a JSON list of {registry, written?} */
  ReadLogins: 'read-logins',
  /** the temporary folders the main step made (a JSON list), removed by the post step if a cancel left them */
  TempDirs: 'temp-dirs'
} as const

/** How the temporary folders the action makes are named: the post step removes only such folders. */
export const TEMP_DIR_PREFIX = 'ecr-build-push-'

export const DEFAULT_PLATFORMS = ['linux/amd64', 'linux/arm64']
/** How long one try of a merge (`buildx imagetools create`) may take by default, in seconds: it moves manifests only, a few requests. */
export const DEFAULT_MERGE_TIMEOUT_SECONDS = 120
export const DEFAULT_TAG_MUTABILITY = 'IMMUTABLE_WITH_EXCLUSION'
export const DEFAULT_MUTABILITY_EXCLUSIONS = ['latest', 'sha256-*']
export const USER_AGENT = 'ecr-build-push'
/** ECR Public's registry host; its API answers in us-east-1 only. */
export const PUBLIC_REGISTRY = 'public.ecr.aws'
export const PUBLIC_API_REGION = 'us-east-1'
/**
 * ECR's published storage price, US$ per GB-month of compressed image data, US East
 * (N. Virginia), as on the ECR pricing page in March 2026; public repositories: 50 GB free,
 * then the same price. `storage-price` overrides it (other regions, later prices).
 */
export const STORAGE_PRICE_USD_PER_GB_MONTH = 0.1
export const STORAGE_PRICE_AS_OF = 'March 2026, us-east-1'
/**
 * ECR's archive storage class, US East (N. Virginia), as published in March 2026: storage
 * at the standard price for the first 150 TB a month ($0.07 per GB-month past that), a
 * restore (retrieval) fee per GB, and a 90-day minimum storage duration. An archived image
 * can't be pulled until restored; ECR restores within about 20 minutes.
 */
export const ARCHIVE_PRICE_USD_PER_GB_MONTH = 0.1
export const ARCHIVE_RESTORE_USD_PER_GB = 0.03
export const ARCHIVE_MINIMUM_DAYS = 90
export const ARCHIVE_PRICE_AS_OF = 'March 2026, us-east-1'
