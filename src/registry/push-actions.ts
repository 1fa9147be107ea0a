/**
 * The IAM actions a push needs on the repository, and the end of a refused push's error
 * that names them (the registry client's refusals and the least-privilege policy share them).
 */
import { parseRegistryHost } from '../settings/registry-host.js'

/** What a push needs on the repository, as `ecr:` or `ecr-public:` actions. */
export function pushActions(service: 'ecr' | 'ecr-public'): string[] {
  return ['BatchCheckLayerAvailability', 'InitiateLayerUpload', 'UploadLayerPart', 'CompleteLayerUpload', 'PutImage'].map(a => `${service}:${a}`)
}

/**
 * The end of a refused push's error: the actions the role needs, as ECR Public names them
 * when `registry` (a host, or an image reference) is public.ecr.aws.
 */
export function pushRefusedHint(registry: string): string {
  const actions = pushActions(parseRegistryHost(registry)?.kind === 'public' ? 'ecr-public' : 'ecr')
  return `the role needs ${actions.slice(0, -1).join(', ')} and ${actions.at(-1) ?? ''} on the repository.`
}
