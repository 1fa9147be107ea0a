/**
 * The writes a run makes to a repository's settings, as data: what the plan of a run
 * (destination.ts) holds, what a push carries out, and what a dry run prints. Each write
 * names the one API call that makes it (`callOf`) and says in the user's words what it
 * changes (`describeWrite`) — the same words whether it was made or would be.
 */
import type { ReplicationRule } from '@aws-sdk/client-ecr'
import type { RepositoryCatalogDataInput } from '@aws-sdk/client-ecr-public'
import type { RepositoryChange } from './repository-plan.js'
import { describeMutability } from '../settings/tag-mutability.js'

export interface ResourceTag {
  Key: string
  Value: string
}

export type SettingWrite =
  /** ECR: the repository created (with its tags), its tag mutability, its scan on push */
  | RepositoryChange
  | { kind: 'access-policy'; text: string; source: string; replaces: boolean }
  | { kind: 'tags'; resourceArn: string; tags: ResourceTag[] }
  /** ECR: the lifecycle policy put */
  | { kind: 'lifecycle'; text: string; reason: string }
  /** ECR: the registry's whole replication configuration, with this repository's rule added */
  | { kind: 'replication'; rules: ReplicationRule[]; change: string }
  /** ECR Public: the repository created with its catalog data and tags */
  | { kind: 'create-public'; catalog?: RepositoryCatalogDataInput; tags: ResourceTag[] }
  | { kind: 'catalog'; catalog: RepositoryCatalogDataInput; changed: string[] }

/** The API operation that makes each write (ECR's, or ECR Public's for the public kinds and the shared ones there). */
const OPERATIONS: Record<SettingWrite['kind'], string> = {
  create: 'CreateRepository',
  'tag-mutability': 'PutImageTagMutability',
  'scan-on-push': 'PutImageScanningConfiguration',
  'access-policy': 'SetRepositoryPolicy',
  tags: 'TagResource',
  lifecycle: 'PutLifecyclePolicy',
  replication: 'PutReplicationConfiguration',
  'create-public': 'CreateRepository',
  catalog: 'PutRepositoryCatalogData'
}

/** The call a write makes, as IAM names it: `ecr:TagResource`, `ecr-public:PutRepositoryCatalogData`. */
export function callOf(write: SettingWrite, service: 'ecr' | 'ecr-public'): string {
  return `${service}:${OPERATIONS[write.kind]}`
}

/** What a write changes, in the user's words (the log and the summary say "would …" before it in a dry run). */
export function describeWrite(w: SettingWrite): string {
  switch (w.kind) {
    case 'create': {
      const t = w.template
      const from = (setting: string): string => (t?.settings.includes(setting) ? ` from template ${t.prefix}` : '')
      const key = w.encryption.kmsKey && from('encryption') !== '' ? ` (${w.encryption.kmsKey})` : ''
      const tags = t?.settings.includes('tags') ? `, tags ${t.tags.join(', ')}${from('tags')}` : ''
      return `created the repository: ${describeMutability(w.mutability)}${from('tag mutability')}, scan on push ${w.scanOnPush ? 'on' : 'off'}, ${w.encryption.type} encryption${key}${from('encryption')}${tags}`
    }
    case 'tag-mutability':
      return `tag mutability ${describeMutability(w.from)} → ${describeMutability(w.to)}`
    case 'scan-on-push':
      return `scan on push ${w.from ? 'on' : 'off'} → ${w.to ? 'on' : 'off'}`
    case 'access-policy':
      return `access policy ${w.replaces ? 'replaced' : 'set'} (${w.source})`
    case 'tags':
      return `tags ${w.tags.map(t => `${t.Key}=${t.Value}`).join(', ')}`
    case 'lifecycle':
      return `lifecycle policy put (${w.reason})`
    case 'replication':
      return w.change
    case 'create-public':
      return `created the public repository${w.catalog ? ` with catalog data (${w.catalog.architectures?.join(', ')}; ${w.catalog.operatingSystems?.join(', ')})` : ''}`
    case 'catalog':
      return `catalog data: ${w.changed.join('; ')}`
  }
}

/** How a dry run announces a write: "would create: …" for a repository, "would change: …" for the rest. */
export function announceWrite(w: SettingWrite): string {
  return `would ${w.kind === 'create' || w.kind === 'create-public' ? 'create' : 'change'}: ${describeWrite(w)}`
}
