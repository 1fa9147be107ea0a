/** Names the workflow, the runner and the post step see. Written once, here. */

export const Input = {
  RoleToAssume: 'role-to-assume',
  AwsRegion: 'aws-region',
  Audience: 'audience',
  RoleSessionName: 'role-session-name',
  RoleDurationSeconds: 'role-duration-seconds',
  ExportCredentials: 'export-credentials',
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
  Tags: 'tags',
  Platforms: 'platforms',
  Context: 'context',
  File: 'file',
  Target: 'target',
  BuildArgs: 'build-args',
  Labels: 'labels',
  Push: 'push',
  SkipLogout: 'skip-logout',
  IfVersionExists: 'if-version-exists',
  Cache: 'cache',
  CacheTag: 'cache-tag',
  Provenance: 'provenance',
  Sbom: 'sbom',
  DryRun: 'dry-run',
  RepositoryPolicy: 'repository-policy',
  PullPrincipals: 'pull-principals',
  RepositoryTags: 'repository-tags',
  PushByDigest: 'push-by-digest',
  MergeDigests: 'merge-digests',
  Summary: 'summary'
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
  Skipped: 'skipped'
} as const

/** Values the main step hands to the post step. */
export const State = {
  IsPost: 'is-post',
  LoggedInRegistries: 'logged-in-registries'
} as const

export const DEFAULT_PLATFORMS = ['linux/amd64', 'linux/arm64']
export const DEFAULT_TAG_MUTABILITY = 'IMMUTABLE_WITH_EXCLUSION'
export const DEFAULT_MUTABILITY_EXCLUSIONS = ['latest']
export const LATEST_TAG = 'latest'
export const USER_AGENT = 'ecr-build-push'
