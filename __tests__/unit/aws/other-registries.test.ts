/** The tokens of the registries a run reads from or copies to: one per host, side by side; a refusal names what is needed. */
import { otherRegistryTokens, sessionFor, type OtherRegistryDeps } from '../../../src/aws/other-registries.js'
import type { AwsSession } from '../../../src/aws/clients.js'
import { ActionError } from '../../../src/errors.js'
import type { OtherRegistry } from '../../../src/settings/types.js'

const session = { region: 'us-east-1', credentials: { accessKeyId: 'AKIA', secretAccessKey: 'x' } } as unknown as AwsSession
const eu: OtherRegistry = { kind: 'private', host: '210987654321.dkr.ecr.eu-west-1.amazonaws.com', account: '210987654321', region: 'eu-west-1' }
const pub: OtherRegistry = { kind: 'public', host: 'public.ecr.aws' }

const named = (name: string, message: string) => Object.assign(new Error(message), { name })

function deps(token: OtherRegistryDeps['token']): OtherRegistryDeps & { asked: string[] } {
  const asked: string[] = []
  return {
    asked,
    sessionFor: async (registry, s) => ({ ...s, region: registry.kind === 'private' ? registry.region : s.region }),
    token: async (registry, s) => (asked.push(`${registry.host} in ${s.region}`), token(registry, s))
  }
}

test('one token per host, even when a registry is both read and copied to; each in its own region', async () => {
  const d = deps(async registry => {
    const current = { registry: registry.host, username: 'AWS', password: 'p' }
    return { current, get: async () => current }
  })
  const tokens = await otherRegistryTokens([eu, pub, { ...eu }], session, 'GitHubActions', d)
  expect([...tokens.keys()]).toEqual([eu.host, pub.host])
  expect(d.asked.sort()).toEqual([`${eu.host} in eu-west-1`, 'public.ecr.aws in us-east-1'])
})

test.each([
  [eu, named('AccessDeniedException', 'not authorized'), `Could not get a token for ${eu.host} (AccessDeniedException: not authorized): the run's role needs ecr:GetAuthorizationToken.`],
  [
    pub,
    named('AccessDeniedException', 'no'),
    "Could not get a token for public.ecr.aws (AccessDeniedException: no): the run's role needs ecr-public:GetAuthorizationToken and sts:GetServiceBearerToken."
  ],
  [
    { ...eu, role: 'arn:aws:iam::210987654321:role/reader' },
    named('AccessDeniedException', 'no'),
    `Could not get a token for ${eu.host} (AccessDeniedException: no): arn:aws:iam::210987654321:role/reader needs ecr:GetAuthorizationToken.`
  ],
  [eu, named('InvalidSignatureException', 'bad\n::warning::x'), `Could not get a token for ${eu.host} (InvalidSignatureException: bad\\n::warning::x).`]
])('%j refused: one line naming the registry and what it needs', async (registry, error, message) => {
  await expect(
    otherRegistryTokens(
      [registry],
      session,
      'GitHubActions',
      deps(async () => Promise.reject(error))
    )
  ).rejects.toThrow(new ActionError(message))
})

test('an ActionError (already explained) passes through as it is', async () => {
  const own = new ActionError('Could not assume the role')
  await expect(
    otherRegistryTokens(
      [eu],
      session,
      'GitHubActions',
      deps(async () => Promise.reject(own))
    )
  ).rejects.toBe(own)
})

test("sessionFor without a role: the run's credentials in the registry's region (ECR Public: the run's region)", async () => {
  expect(await sessionFor(eu, session, 'GitHubActions')).toEqual({ ...session, region: 'eu-west-1' })
  expect(await sessionFor(pub, session, 'GitHubActions')).toEqual(session)
})
