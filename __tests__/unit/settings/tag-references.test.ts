/** `tags` as full references: only to this repository. */
import { checkReferenceHosts, readTagsInput } from '../../../src/settings/tag-references.js'
import { ActionError } from '../../../src/errors.js'
import { errorOf, inputErrorOf, settingsWorkspace } from '../../fixtures/input-error.js'

const REGISTRY = '123456789012.dkr.ecr.us-east-1.amazonaws.com'

const { settings } = settingsWorkspace()

/** The settings of a run of `event` on `ref`. */
const settingsFor = (inputs: Record<string, string>, ref: string, event = 'push') => settings(inputs, { GITHUB_REF: ref, GITHUB_EVENT_NAME: event })

describe('tags: full references to this repository', () => {
  test.each<[string, string[], string[]]>([
    [`${REGISTRY}/team/web:1.2.3`, ['1.2.3'], [REGISTRY]],
    ['team/web:edge', ['edge'], []],
    [`123456789012.dkr-ecr.us-east-1.on.aws/team/web:v1`, ['v1'], ['123456789012.dkr-ecr.us-east-1.on.aws']],
    ['stable', ['stable'], []]
  ])('%s → its tag', (item, tags, hosts) => {
    expect(readTagsInput([item], 'team/web', 'us-east-1', 'private')).toEqual({ tags, hosts })
  })

  test('what metadata-action gives, as settings: the tags follow the version without duplicates', () => {
    const s = settingsFor({ version: '1.2.3', tags: `${REGISTRY}/team/web:1.2.3\n${REGISTRY}/team/web:1.2\n${REGISTRY}/team/web:latest` }, 'refs/tags/v1.2.3')
    expect(s.image.tags).toEqual(['1.2.3', 'latest', '1.2'])
    expect(s.image.referenceHosts).toEqual([REGISTRY])
  })

  test.each([
    ['ghcr.io/acme/web:1.2.3', "'ghcr.io/acme/web:1.2.3' is not in this step's repository (team/web)"],
    [`${REGISTRY}/team/api:1.2.3`, 'is not in this step'],
    [`123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/web:1.2.3`, 'is not in this step'],
    [`${REGISTRY}/team/web@sha256:${'a'.repeat(64)}`, 'names an image by digest']
  ])('%s is refused in one line naming the input to use', (item, text) => {
    const error = inputErrorOf(() => settingsFor({ tags: item }, 'refs/heads/main'))
    expect(error.message).toMatch(/^Input 'tags': /)
    expect(error.message).toContain(text)
  })

  test('another repository says which input to use instead', () => {
    expect(errorOf(() => settingsFor({ tags: 'ghcr.io/acme/web:1' }, 'refs/heads/main')).message).toContain(
      "tags takes tags of 'repository' only; push to another repository with a step of its own (its repository input)"
    )
  })

  test('after sign-in: a reference to another account is refused; the same account by its dual-stack name is not', () => {
    expect(() => checkReferenceHosts([REGISTRY, '123456789012.dkr-ecr.us-east-1.on.aws'], `${REGISTRY}/team/web`, 'team/web')).not.toThrow()
    const error = errorOf(() => checkReferenceHosts(['210987654321.dkr.ecr.us-east-1.amazonaws.com'], `${REGISTRY}/team/web`, 'team/web'))
    expect(error).toBeInstanceOf(ActionError)
    expect(error.message).toBe(
      `Input 'tags': '210987654321.dkr.ecr.us-east-1.amazonaws.com/team/web' is not this run's repository (${REGISTRY}/team/web): tags takes tags of 'repository' only; push to another registry with a step of its own (its role-to-assume and repository inputs).`
    )
  })
})
