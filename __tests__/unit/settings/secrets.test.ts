/**
 * Build secrets (`secrets`, `secret-envs`): passed by id, never echoed, and never a build
 * argument too.
 */
import { buildxArgs, buildxEnv } from '../../../src/build/plan.js'
import { readSettings } from '../../../src/settings/read.js'
import { makeWorkspace, stepEnv, type TempWorkspace } from '../../fixtures/workspace.js'
import { inputErrorOf, settingsWorkspace } from '../../fixtures/input-error.js'

const { settings, inputError } = settingsWorkspace()

const META = '/runner/_temp/ecr-build-push-x/metadata.json'

const REPO = '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web'

describe('build secrets', () => {
  test("secrets (id=value) and secret-envs (id=VARIABLE): passed as --secret id=…,env=…, the values in buildx's environment only", () => {
    const s = settings({ secrets: 'token=s3cr3t=with=equals\nnpmrc=//registry/:_authToken=abc', 'secret-envs': 'gh=GH_TOKEN' }, { GH_TOKEN: 'ghp_value' })
    expect(s.build.secrets).toEqual([
      { id: 'token', env: 'ECR_BUILD_PUSH_SECRET_1', value: 's3cr3t=with=equals' },
      { id: 'npmrc', env: 'ECR_BUILD_PUSH_SECRET_2', value: '//registry/:_authToken=abc' },
      { id: 'gh', env: 'GH_TOKEN', value: 'ghp_value' }
    ])
    const argv = buildxArgs(s.build, [`${REPO}:1`], [], META)
    expect(argv.filter((_a, i) => argv[i - 1] === '--secret')).toEqual(['id=token,env=ECR_BUILD_PUSH_SECRET_1', 'id=npmrc,env=ECR_BUILD_PUSH_SECRET_2', 'id=gh,env=GH_TOKEN'])
    for (const value of ['s3cr3t', 'abc', 'ghp_value']) expect(argv.join(' ')).not.toContain(value)
    expect(buildxEnv(s.build)).toEqual({ ECR_BUILD_PUSH_SECRET_1: 's3cr3t=with=equals', ECR_BUILD_PUSH_SECRET_2: '//registry/:_authToken=abc', GH_TOKEN: 'ghp_value' })
  })

  test('a value of several lines comes through secret-envs whole', () => {
    const key = '-----BEGIN KEY-----\nabc\n-----END KEY-----'
    expect(settings({ 'secret-envs': 'key=DEPLOY_KEY' }, { DEPLOY_KEY: key }).build.secrets).toEqual([{ id: 'key', env: 'DEPLOY_KEY', value: key }])
  })

  test.each<[string, Record<string, string>, Record<string, string>, string]>([
    ['a line without an id', { secrets: 'justthevalue' }, {}, "Input 'secrets': line 1 is not id=value: give one id=value per line."],
    [
      'an empty value',
      { secrets: 'a=1\ntoken=' },
      {},
      "Input 'secrets': line 2: the secret 'token' is empty (a repository secret that doesn't exist is empty in ${{ secrets.… }}): give it a value or remove the line."
    ],
    [
      'an id buildx would split',
      { secrets: 'a,b=value' },
      {},
      "Input 'secrets': line 1: what stands before = is not a secret id: use letters, digits, _ . - (the id in RUN --mount=type=secret,id=…)."
    ],
    [
      'an id twice',
      { secrets: 'token=x', 'secret-envs': 'token=GH' },
      { GH: 'y' },
      "Input 'secret-envs': line 1: the secret 'token' is given twice: give each id once across secrets and secret-envs."
    ],
    [
      'a variable that is not set',
      { 'secret-envs': 'gh=GH_TOKEN' },
      {},
      "Input 'secret-envs': line 1: the secret 'gh' reads GH_TOKEN, which is not set (or empty) in the step's environment: set it with env: on the step."
    ],
    [
      'not id=VARIABLE',
      { 'secret-envs': 'gh=not a name' },
      {},
      "Input 'secret-envs': line 1 is not id=VARIABLE: give the secret's id and the name of the variable that holds it (not its value), e.g. token=GH_TOKEN."
    ]
  ])('%s: one line naming the input and the line, never the value', (_name, inputs, extra, message) => {
    const error = inputError(inputs, extra)
    expect(error.message).toBe(message)
    expect(error.message).not.toContain('justthevalue')
  })

  test.each<[string, Record<string, string>]>([
    // a base64 value written without its id: what stands before its padding is no id, and is the secret
    ['secrets', { secrets: 'id=x\nc2VjcmV0K3Bhc3M/d29yZA==' }],
    ['secrets', { secrets: 'ghp+s3cretvalue=' }],
    // a value where the variable's name belongs
    ['secret-envs', { 'secret-envs': 'token=ghp_s3cretvalue-from-a-paste' }],
    ['secret-envs', { 'secret-envs': 'ghp_s3cretvalue' }],
    // the second line of a value that went on over two lines, and a value with = before its key
    ['build-args', { 'build-args': 'CERT=-----BEGIN CERTIFICATE-----\nMIIBs3cretvalue+abc/def' }],
    ['build-args', { 'build-args': 'OK=1\ns3cretvalue/x=y' }]
  ])('a malformed %s line never shows up in the error (%j)', (input, inputs) => {
    const error = inputError(inputs)
    expect(error.message).toMatch(new RegExp(`^Input '${input}': line \\d`))
    expect(error.message).not.toMatch(/s3cret|c2VjcmV0|d29yZA|MIIB/)
  })
})

describe('a secret is never a build argument too', () => {
  let ws: TempWorkspace
  beforeAll(() => {
    ws = makeWorkspace()
  })
  afterAll(() => ws.remove())
  const read =
    (inputs: Record<string, string>, extra: Record<string, string> = {}) =>
    () =>
      readSettings(stepEnv(ws.dir, { repository: 'team/web', ...inputs }, extra))

  test.each<[string, Record<string, string>, Record<string, string>, string]>([
    [
      'a secret-envs VARIABLE',
      { 'build-args': 'NPM_TOKEN=x', 'secret-envs': 'npm=NPM_TOKEN' },
      { NPM_TOKEN: 'npm-secret' },
      "Input 'secret-envs': NPM_TOKEN, the variable that carries the secret 'npm', is also a build argument in build-args: buildx would give the build argument the secret's value, and the image's history keeps it. Rename the build argument (or the variable)."
    ],
    [
      'a secret-envs id',
      { 'build-args': 'npm=x', 'secret-envs': 'npm=NPM_TOKEN' },
      { NPM_TOKEN: 'npm-secret' },
      "Input 'secret-envs': 'npm' is a secret and, in build-args, a build argument too: a build argument's value stays in the image's history, where anyone who can pull reads it. Drop the build argument and read the value with RUN --mount=type=secret,id=npm."
    ],
    [
      'a secrets id',
      { 'build-args': 'NPM_TOKEN=npm-secret', secrets: 'NPM_TOKEN=npm-secret' },
      {},
      "Input 'secrets': 'NPM_TOKEN' is a secret and, in build-args, a build argument too: a build argument's value stays in the image's history, where anyone who can pull reads it. Drop the build argument and read the value with RUN --mount=type=secret,id=NPM_TOKEN."
    ],
    [
      'the variable that carries a secrets value',
      { 'build-args': 'A=1\nECR_BUILD_PUSH_SECRET_1=x', secrets: 'token=npm-secret' },
      {},
      "Input 'secrets': ECR_BUILD_PUSH_SECRET_1, the variable that carries the secret 'token', is also a build argument in build-args: buildx would give the build argument the secret's value, and the image's history keeps it. Rename the build argument (or the variable)."
    ]
  ])('%s: one line naming both inputs and the name, never the value', (_name, inputs, extra, message) => {
    const error = inputErrorOf(read(inputs, extra))
    expect(error.message).toBe(message)
    expect(error.message).not.toContain('npm-secret')
  })

  test('different names pass; names differing in case are different variables', () => {
    const s = read({ 'build-args': 'npm_token=x\nGREETING=hi', 'secret-envs': 'npm=NPM_TOKEN' }, { NPM_TOKEN: 'v' })()
    expect(s.build.buildArgs).toEqual(['npm_token=x', 'GREETING=hi'])
  })

  test('merge-timeout: 120 s unless given, 10 to 3600', () => {
    expect(read({})().build.mergeTimeoutSeconds).toBe(120)
    expect(read({ 'merge-timeout': '30' })().build.mergeTimeoutSeconds).toBe(30)
    expect(read({ 'merge-timeout': '5' })).toThrow("Input 'merge-timeout': 5 is out of range: use a number from 10 to 3600.")
  })
})
