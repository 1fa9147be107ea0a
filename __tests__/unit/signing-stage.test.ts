/** ECR managed signing in the run: read beside the repository stage and the version, a required signature checked before the build, the signature stage after the push. */
import type { Destination } from '../../src/aws/destination.js'
import { ActionError } from '../../src/errors.js'
import type { Pushed } from '../../src/report/report.js'
import { readSettings } from '../../src/settings/read.js'
import { checkBeforeBuild, readSigning, signatureStage } from '../../src/signing-stage.js'
import { Stages } from '../../src/stages.js'
import { stdoutOf } from '../fixtures/stdout.js'
import { makeWorkspace, stepEnv, type TempWorkspace } from '../fixtures/workspace.js'

let ws: TempWorkspace
beforeAll(() => {
  ws = makeWorkspace()
})
afterAll(() => ws.remove())

const settings = (inputs: Record<string, string> = {}) => readSettings(stepEnv(ws.dir, { repository: 'team/web', ...inputs }))
const publicDestination = {} as unknown as Destination
const DIGEST = `sha256:${'d'.repeat(64)}`
const pushed = { digest: DIGEST, built: true } as Pushed

test('ECR Public has no managed signing: a plan of none, nothing asked', async () => {
  expect(await readSigning(settings({ 'registry-type': 'public' }), { region: 'us-east-1' })).toEqual({ kind: 'none', why: 'ECR Public has no managed signing' })
})

describe('checkBeforeBuild', () => {
  test("require-signature with a configuration that signs nothing here, or can't be read: the run stops before its build", () => {
    expect(() => checkBeforeBuild(settings({ 'require-signature': 'true' }), { kind: 'none', why: 'no rule covers it' })).toThrow(ActionError)
    expect(() => checkBeforeBuild(settings({ 'require-signature': 'true' }), { kind: 'none', why: 'no rule covers it' })).toThrow("so ECR won't sign team/web's images")
    expect(() => checkBeforeBuild(settings({ 'require-signature': 'true' }), { kind: 'unreadable', why: 'AccessDenied' })).toThrow('grant the role ecr:GetSigningConfiguration')
  })

  test('without require-signature, nothing stops the run', () => {
    expect(() => checkBeforeBuild(settings(), { kind: 'none', why: 'no rule covers it' })).not.toThrow()
  })
})

describe('signatureStage', () => {
  test('nothing signs the repository: no stage, one line saying why, and a failure only when required', async () => {
    const stages = new Stages()
    let result: Awaited<ReturnType<typeof signatureStage>> | undefined
    const log = await stdoutOf(async () => void (result = await signatureStage(settings(), stages, publicDestination, pushed, { kind: 'none', why: 'no rule covers it' })))
    expect(stages.times).toEqual([])
    expect(result).toEqual({ state: 'unsigned', line: 'unsigned: no rule covers it' })
    expect(log).toBe(`Signature of team/web@${DIGEST}: unsigned: no rule covers it\n`)
    const required = await signatureStage(settings({ 'require-signature': 'true' }), stages, publicDestination, pushed, { kind: 'none', why: 'no rule covers it' })
    expect(required.failure).toBe(`require-signature is true, but team/web@${DIGEST} is not signed: no rule covers it`)
  })

  test('a signing plan but no digest to ask about: not known, and a required signature fails', async () => {
    const plan = { kind: 'signed', profiles: [] } as never
    let result: Awaited<ReturnType<typeof signatureStage>> | undefined
    await stdoutOf(async () => void (result = await signatureStage(settings({ 'require-signature': 'true' }), new Stages(), publicDestination, { ...pushed, digest: '' }, plan)))
    expect(result).toMatchObject({ state: 'unknown', failure: 'require-signature is true, but the run has no image digest to ask ECR about its signature' })
  })
})
