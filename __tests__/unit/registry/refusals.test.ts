/**
 * A registry's refusals in one line with the fix, the same words whether they came through
 * buildx's error or the action's own registry client; what may pass is tried again first.
 */
import { ActionError } from '../../../src/errors.js'
import { RegistryError } from '../../../src/registry/client.js'
import { ImmutableTagError, immutableTagRefusal, registryRefusal, withRegistryRetry } from '../../../src/registry/refusals.js'
import { TransientError, type RetryDeps } from '../../../src/retry.js'

const ECR = '123456789012.dkr.ecr.us-east-1.amazonaws.com'
const ECR_WORDS = "The image tag '1.2.3' already exists in the 'team/web' repository and cannot be overwritten because the repository is immutable."

const policy = (tries: string[] = []): RetryDeps => ({ policy: { attempts: 3, delay: () => 0, sleep: async () => undefined, log: m => void tries.push(m) } })

describe('from words (buildx)', () => {
  test("ECR's immutable tag: the tag and repository it names, and the fix", () => {
    const error = immutableTagRefusal(`failed to push ${ECR}/team/web:1.2.3: ${ECR_WORDS}`)
    expect(error).toBeInstanceOf(ImmutableTagError)
    expect(error).toMatchObject({ tag: '1.2.3', repository: 'team/web' })
    expect(error?.message).toContain('add it to tag-mutability-exclusions')
    expect(immutableTagRefusal('failed to push: 500 Internal Server Error')).toBeUndefined()
  })

  test.each([
    [`failed to push ${ECR}/team/web:1: The repository with name 'team/web' does not exist in the registry`, "The registry has no repository 'team/web'"],
    [`failed to push ${ECR}/team/web:1: NAME_UNKNOWN: repository name not known to registry`, `The registry has no repository '${ECR}'`],
    [`failed to push ${ECR}/team/web:1: unexpected status from PUT request: 403 Forbidden`, 'The registry refused the push: the role needs ecr:'],
    ['failed to push public.ecr.aws/a1b2/web:1: denied: Not Authorized', 'The registry refused the push: the role needs ecr-public:']
  ])('%s', (message, said) => {
    const registry = message.includes('public.ecr.aws') ? 'public.ecr.aws' : ECR
    expect(registryRefusal(message, registry)?.message).toContain(said)
  })

  test('anything else is no refusal: undefined, left to the retry', () => {
    expect(registryRefusal('failed to push: 502 Bad Gateway', ECR)).toBeUndefined()
  })
})

describe("from the registry client's errors (withRegistryRetry)", () => {
  test('a passing failure is tried again, then said with the count and "run the job again"', async () => {
    const tries: string[] = []
    let calls = 0
    const error = await withRegistryRetry(ECR, 'reading the tag', policy(tries), async () => {
      calls++
      throw new TransientError('socket hang up')
    }).catch((e: unknown) => e as Error)
    expect(calls).toBe(3)
    expect(error).toBeInstanceOf(ActionError)
    expect(error.message).toBe('reading the tag failed 3 times (socket hang up); the registry may be having trouble: run the job again.')
  })

  test('an answer after a passing failure is the answer', async () => {
    let calls = 0
    expect(await withRegistryRetry(ECR, 'reading', policy(), async () => (++calls === 1 ? Promise.reject(new TransientError('reset')) : 'found'))).toBe('found')
  })

  test.each([
    [new RegistryError(403, 'PUT manifest: 403 DENIED: not authorized'), 'The registry refused putting the tag (403): the role needs ecr:'],
    [new RegistryError(404, 'PUT manifest: 404 NAME_UNKNOWN: no such repository', 'NAME_UNKNOWN'), 'The registry has no such repository for putting the tag'],
    [new RegistryError(400, `PUT manifest: 400 TAG_INVALID: ${ECR_WORDS}`, 'TAG_INVALID'), "Tag '1.2.3' already exists in 'team/web', which keeps it immutable"],
    [new RegistryError(400, 'PUT manifest: 400 MANIFEST_INVALID: bad', 'MANIFEST_INVALID'), 'The registry refused putting the tag: PUT manifest: 400 MANIFEST_INVALID: bad']
  ])('%s: tried once, explained', async (thrown, said) => {
    let calls = 0
    const error = await withRegistryRetry(ECR, 'putting the tag', policy(), async () => {
      calls++
      throw thrown
    }).catch((e: unknown) => e as Error)
    expect(calls).toBe(1)
    expect(error).toBeInstanceOf(ActionError)
    expect(error.message).toContain(said)
  })

  test("an error that is not the registry's passes through unchanged", async () => {
    const own = new Error('a bug')
    await expect(withRegistryRetry(ECR, 'x', policy(), async () => Promise.reject(own))).rejects.toBe(own)
  })
})
