/**
 * ECR managed signing: which Signer profiles cover a repository (the registry's signing
 * configuration), what `require-signature` refuses before a build, and the inputs.
 */
import { ECRClient, GetSigningConfigurationCommand, SigningConfigurationNotFoundException } from '@aws-sdk/client-ecr'
import { mockClient } from 'aws-sdk-client-mock'
import { coveringProfiles, planSigning, readSigningPlan, requireProblem, type SigningPlan } from '../../../src/aws/signing.js'
import { readSettings } from '../../../src/settings/read.js'
import { makeWorkspace, stepEnv, type TempWorkspace } from '../../fixtures/workspace.js'

const P1 = 'arn:aws:signer:us-east-1:123456789012:/signing-profiles/release_signer'

const P2 = 'arn:aws:signer:us-east-1:210987654321:/signing-profiles/org_signer'

const ecrMock = mockClient(ECRClient)

const ecr = new ECRClient({ region: 'us-east-1', credentials: { accessKeyId: 'AKIA', secretAccessKey: 'x' } })

afterAll(() => ecrMock.restore())

beforeEach(() => ecrMock.reset())

let ws: TempWorkspace

beforeAll(() => {
  ws = makeWorkspace()
})

afterAll(() => ws.remove())

const settings = (inputs: Record<string, string> = {}) => readSettings(stepEnv(ws.dir, { repository: 'team/web', ...inputs }))

const accessDenied = (message: string): Error => Object.assign(new Error(message), { name: 'AccessDeniedException' })

const signedBy = (...arns: string[]): SigningPlan => ({ kind: 'signed', profiles: arns.map(arn => ({ arn })) })

describe('which Signer profiles cover the repository', () => {
  test('WILDCARD_MATCH filters match the whole name, `*` any characters; a rule without filters covers every repository; each profile once', () => {
    const rules = [
      { profileArn: P1, filters: ['other/*', 'team/*'] },
      { profileArn: P2, filters: [] },
      { profileArn: P1, filters: ['*'] }
    ]
    expect(coveringProfiles(rules, 'team/web')).toEqual([{ arn: P1, filter: 'team/*' }, { arn: P2 }])
    expect(coveringProfiles([{ profileArn: P1, filters: ['team'] }], 'team/web')).toEqual([])
    expect(coveringProfiles([{ profileArn: P1, filters: ['*/web'] }], 'team/web')).toEqual([{ arn: P1, filter: '*/web' }])
    expect(coveringProfiles([{ profileArn: P1, filters: ['*prod*'] }], 'team/web')).toEqual([])
  })

  test('no configuration, or no rule for the repository: nothing signs it, in words', () => {
    expect(planSigning(undefined, 'team/web')).toEqual({ kind: 'none', why: 'the registry has no signing configuration (ECR managed signing is not set up)' })
    expect(planSigning([{ profileArn: P1, filters: ['api/*'] }], 'team/web')).toEqual({
      kind: 'none',
      why: "the registry's signing configuration has no rule whose repository filters match team/web"
    })
  })

  test('readSigningPlan: SigningConfigurationNotFoundException is "none"; AccessDenied is "unreadable", naming the error; rules become profiles', async () => {
    ecrMock
      .on(GetSigningConfigurationCommand)
      .rejectsOnce(new SigningConfigurationNotFoundException({ message: 'not found', $metadata: {} }))
      .rejectsOnce(accessDenied('not authorized to perform: ecr:GetSigningConfiguration'))
      .resolvesOnce({ signingConfiguration: { rules: [{ signingProfileArn: P1, repositoryFilters: [{ filter: 'team/*', filterType: 'WILDCARD_MATCH' }] }] } })
    expect((await readSigningPlan(ecr, 'team/web')).kind).toBe('none')
    expect(await readSigningPlan(ecr, 'team/web')).toEqual({
      kind: 'unreadable',
      why: "the registry's signing configuration could not be read (AccessDeniedException: not authorized to perform: ecr:GetSigningConfiguration)"
    })
    expect(await readSigningPlan(ecr, 'team/web')).toEqual({ kind: 'signed', profiles: [{ arn: P1, filter: 'team/*' }] })
  })
})

describe('require-signature before the build', () => {
  test('refuses a configuration that signs nothing here, or one it could not read, naming the fix; passes when a rule covers it', () => {
    expect(requireProblem(signedBy(P1), 'team/web')).toBeUndefined()
    expect(requireProblem(planSigning(undefined, 'team/web'), 'team/web')).toMatch(
      /^require-signature is true, but the registry has no signing configuration .*, so ECR won't sign team\/web's images: add a signing rule covering it .*signer:SignPayload.*, or remove require-signature\.$/
    )
    expect(requireProblem({ kind: 'unreadable', why: "the registry's signing configuration could not be read (AccessDeniedException: no)" }, 'team/web')).toBe(
      "require-signature is true, but the registry's signing configuration could not be read (AccessDeniedException: no): grant the role ecr:GetSigningConfiguration (on *), or remove require-signature."
    )
  })
})

describe('inputs', () => {
  test('defaults: not required, 120 s; signature-timeout 10–3600', () => {
    expect(settings().signing).toEqual({ require: false, timeoutSeconds: 120 })
    expect(settings({ 'require-signature': 'true', 'signature-timeout': '600' }).signing).toEqual({ require: true, timeoutSeconds: 600 })
    expect(() => settings({ 'signature-timeout': '5' })).toThrow("Input 'signature-timeout': 5 is out of range: use a number from 10 to 3600.")
  })

  test('require-signature on ECR Public or with push: false is refused before anything runs', () => {
    expect(() => settings({ 'require-signature': 'true', 'registry-type': 'public' })).toThrow(/^Input 'require-signature': is true, but ECR Public has no managed signing/)
    expect(() => settings({ 'require-signature': 'true', push: 'false' })).toThrow(/^Input 'require-signature': is true, but push is false/)
    expect(() => settings({ 'require-signature': 'yes' })).toThrow(/^Input 'require-signature': 'yes' is not a boolean/)
  })
})
