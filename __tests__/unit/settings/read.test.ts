/**
 * readSettings with the env records the runner gives the step. Every input error must be
 * one line that names the input and says what to change.
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { buildxArgs, buildxEnv } from '../../../src/build/plan.js'
import { InputError } from '../../../src/errors.js'
import { jsonSyntaxError } from '../../../src/json.js'
import { readSettings } from '../../../src/settings/read.js'
import { formatLifecyclePolicy, validateLifecyclePolicy } from '../../../src/settings/lifecycle-policy.js'
import { makeWorkspace, SHA, stepEnv, type TempWorkspace } from '../../fixtures/workspace.js'
import { inputErrorOf } from '../../fixtures/input-error.js'

let ws: TempWorkspace

beforeAll(() => {
  ws = makeWorkspace()
  ws.write('app/Dockerfile', 'FROM scratch\n')
  ws.write('docker/Release.Dockerfile', 'FROM scratch AS release\n')
  ws.mkdir('empty-context')
  ws.write('not-a-dir', 'just a file\n')
})

afterAll(() => ws.remove())

const env = (inputs: Record<string, string>, extra: Record<string, string | undefined> = {}) => stepEnv(ws.dir, { repository: 'team/web', ...inputs }, extra)

const inputError = (e: Record<string, string | undefined>): InputError => inputErrorOf(() => readSettings(e))

const POLICY = {
  rules: [
    {
      rulePriority: 1,
      description: 'Expire untagged images after 7 days',
      selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 7 },
      action: { type: 'expire' }
    }
  ]
}

describe('defaults', () => {
  test('a workflow that only names the repository gets every documented default', () => {
    const s = readSettings(env({}))
    expect(s.aws).toEqual({
      region: 'us-east-1',
      audience: 'sts.amazonaws.com',
      roleSessionName: 'GitHubActions',
      roleDurationSeconds: 3600,
      exportCredentials: false,
      dualStack: false
    })
    expect('roleToAssume' in s.aws).toBe(false)
    expect(s.repository).toMatchObject({
      name: 'team/web',
      create: true,
      tagMutability: 'IMMUTABLE_WITH_EXCLUSION',
      tagMutabilityExclusions: ['latest', 'sha256-*', 'buildcache*'],
      tagMutabilityStated: false,
      cacheTag: 'buildcache',
      cacheFilter: 'buildcache*',
      scanOnPush: true,
      encryption: { type: 'AES256' }
    })
    expect(s.repository.encryption).toEqual({ type: 'AES256' })
    expect(s.repository.lifecycle.stated).toBe(false)
    expect(s.image).toEqual({
      version: `sha-${SHA.slice(0, 7)}`,
      ifVersionExists: 'auto',
      latest: true,
      latestMayMoveBack: false,
      tags: [`sha-${SHA.slice(0, 7)}`, 'latest'],
      floating: [],
      once: [],
      referenceHosts: []
    })
    expect(s.build).toEqual({
      platforms: ['linux/amd64', 'linux/arm64'],
      context: ws.dir,
      file: path.join(ws.dir, 'Dockerfile'),
      buildArgs: [],
      secrets: [],
      labels: [],
      annotations: [],
      push: true,
      cache: { type: 'ecr', tag: 'buildcache', from: ['buildcache'] },
      provenance: 'mode=min',
      sbom: false,
      pushByDigest: false,
      mergeDigests: [],
      mergeTimeoutSeconds: 120
    })
    expect('target' in s.build).toBe(false)
    expect(s.skipLogout).toBe(false)
  })

  test("the default lifecycle policy expires other refs' caches after 14 days, protects latest and the cache, expires untagged after 14 days and keeps 100 tagged", () => {
    const { lifecycle } = readSettings(env({})).repository
    expect(lifecycle.stated).toBe(false)
    const policy = JSON.parse(formatLifecyclePolicy(lifecycle.policy)) as {
      rules: { selection: Record<string, unknown>; action: { type: string } }[]
    }
    expect(policy.rules.map(r => r.selection.tagStatus)).toEqual(['tagged', 'tagged', 'tagged', 'tagged', 'untagged', 'tagged'])
    // First: an image a higher-priority rule selects is never expired by a lower one (the protection of buildcache*).
    expect(policy.rules[0]?.selection).toEqual({ tagStatus: 'tagged', tagPatternList: ['buildcache*--*'], countType: 'sinceImagePushed', countUnit: 'days', countNumber: 14 })
    expect(policy.rules[1]?.selection.tagPatternList).toEqual(['latest'])
    expect(policy.rules[2]?.selection.tagPatternList).toEqual(['buildcache*'])
    // The referrers' own tags (provenance, SBOMs): kept while their image lives.
    expect(policy.rules[3]?.selection.tagPatternList).toEqual(['sha256-*'])
    expect(policy.rules[4]?.selection).toMatchObject({ countType: 'sinceImagePushed', countNumber: 14 })
    expect(policy.rules[5]?.selection).toMatchObject({ countType: 'imageCountMoreThan', countNumber: 100 })
    expect(validateLifecyclePolicy(formatLifecyclePolicy(lifecycle.policy), 'lifecycle-policy')).toEqual(lifecycle.policy)
  })

  test("other refs' caches follow lifecycle-untagged-days; stated protections, and no registry cache, leave them out", () => {
    const first = (inputs: Record<string, string>) => readSettings(env(inputs)).repository.lifecycle.policy.rules[0]
    expect(first({ 'lifecycle-untagged-days': '3', 'cache-tag': 'cache' })?.selection).toMatchObject({ tagPatternList: ['cache*--*'], countNumber: 3 })
    expect(first({ 'lifecycle-protect-tags': 'latest,buildcache*' })?.selection.tagPatternList).toEqual(['latest'])
    expect(first({ cache: 'gha' })?.selection.tagPatternList).toEqual(['latest'])
  })

  test('an unstated default is not "stated" even though mutability exclusions default to latest', () => {
    const s = readSettings(env({ 'tag-mutability': '' }))
    expect(s.repository.tagMutabilityStated).toBe(false)
  })

  test('mutability exclusions alone state the mutability', () => {
    const s = readSettings(env({ 'tag-mutability-exclusions': 'latest,stable-*' }))
    expect(s.repository).toMatchObject({
      tagMutability: 'IMMUTABLE_WITH_EXCLUSION',
      tagMutabilityExclusions: ['latest', 'stable-*', 'buildcache*'],
      tagMutabilityStated: true
    })
  })

  test('tag-mutability is case-insensitive and IMMUTABLE has no exclusions', () => {
    const s = readSettings(env({ 'tag-mutability': 'immutable' }))
    expect(s.repository).toMatchObject({ tagMutability: 'IMMUTABLE', tagMutabilityExclusions: [], tagMutabilityStated: true })
  })

  test('explicit values are read and typed', () => {
    const s = readSettings(
      env({
        'role-to-assume': 'arn:aws:iam::123456789012:role/ci/ecr-push',
        audience: 'sts.example',
        'role-session-name': 'deploy@web',
        'role-duration-seconds': '900',
        'export-credentials': 'TRUE',
        'create-repository': 'false',
        'scan-on-push': 'False',
        encryption: 'kms',
        'kms-key': 'alias/ecr',
        latest: 'false',
        push: 'false',
        'skip-logout': 'true',
        target: 'release',
        file: 'docker/Release.Dockerfile',
        context: 'app'
      })
    )
    expect(s.aws).toEqual({
      region: 'us-east-1',
      roleToAssume: 'arn:aws:iam::123456789012:role/ci/ecr-push',
      audience: 'sts.example',
      roleSessionName: 'deploy@web',
      roleDurationSeconds: 900,
      exportCredentials: true,
      dualStack: false
    })
    expect(s.repository.create).toBe(false)
    expect(s.repository.scanOnPush).toBe(false)
    expect(s.repository.encryption).toEqual({ type: 'KMS', kmsKey: 'alias/ecr' })
    expect(s.image.latest).toBe(false)
    expect(s.image.tags).toEqual([`sha-${SHA.slice(0, 7)}`])
    expect(s.build).toMatchObject({
      push: false,
      target: 'release',
      context: path.join(ws.dir, 'app'),
      file: path.join(ws.dir, 'docker/Release.Dockerfile')
    })
    expect(s.skipLogout).toBe(true)
  })

  test('a remote context needs no Dockerfile in the workspace and is passed as is', () => {
    const s = readSettings(env({ context: 'https://github.com/acme/web.git#main' }))
    expect(s.build.context).toBe('https://github.com/acme/web.git#main')
    expect(s.build.file).toBe('')
  })
})

describe('region', () => {
  test.each<[string, Record<string, string>, Record<string, string | undefined>, string]>([
    ['AWS_REGION', {}, { AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'ap-south-1' }, 'eu-west-1'],
    ['AWS_DEFAULT_REGION when AWS_REGION is unset', {}, { AWS_REGION: undefined, AWS_DEFAULT_REGION: 'ap-northeast-2' }, 'ap-northeast-2'],
    ['the input over both', { 'aws-region': 'us-gov-west-1' }, { AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'ap-south-1' }, 'us-gov-west-1'],
    ['AWS_REGION when the input is blank', { 'aws-region': '  ' }, { AWS_REGION: 'cn-north-1' }, 'cn-north-1']
  ])('from %s', (_, inputs, extra, region) => {
    expect(readSettings(env(inputs, extra)).aws.region).toBe(region)
  })
})

describe('lifecycle-policy', () => {
  test('inline JSON is stated and enforced as written', () => {
    const { lifecycle } = readSettings(env({ 'lifecycle-policy': JSON.stringify(POLICY, null, 2) })).repository
    expect(lifecycle.stated).toBe(true)
    expect(lifecycle.source).toBe('lifecycle-policy')
    expect(JSON.parse(formatLifecyclePolicy(lifecycle.policy))).toEqual(POLICY)
  })

  test('a path is read relative to GITHUB_WORKSPACE', () => {
    ws.write('.github/ecr-lifecycle.json', JSON.stringify(POLICY))
    const { lifecycle } = readSettings(env({ 'lifecycle-policy': '.github/ecr-lifecycle.json' })).repository
    expect(lifecycle.stated).toBe(true)
    expect(JSON.parse(formatLifecyclePolicy(lifecycle.policy))).toEqual(POLICY)
  })

  test('the shorthand inputs state a generated policy', () => {
    const { lifecycle } = readSettings(env({ 'lifecycle-keep-count': '30', 'lifecycle-untagged-days': '3', 'lifecycle-protect-tags': 'latest,release-*' })).repository
    expect(lifecycle.stated).toBe(true)
    expect(lifecycle.source).toBe('lifecycle-* inputs')
    const policy = JSON.parse(formatLifecyclePolicy(lifecycle.policy)) as { rules: { selection: Record<string, unknown> }[] }
    const selections = policy.rules.map(r => r.selection)
    expect(selections).toContainEqual(expect.objectContaining({ tagStatus: 'untagged', countNumber: 3 }))
    expect(selections).toContainEqual(expect.objectContaining({ countType: 'imageCountMoreThan', countNumber: 30 }))
    const protectedPatterns = selections.flatMap(s => (s.tagPatternList as string[] | undefined) ?? [])
    expect(protectedPatterns).toEqual(expect.arrayContaining(['latest', 'release-*']))
  })

  test('lifecycle-expire-days replaces the keep count', () => {
    const { lifecycle } = readSettings(env({ 'lifecycle-expire-days': '90' })).repository
    const policy = JSON.parse(formatLifecyclePolicy(lifecycle.policy)) as { rules: { selection: Record<string, unknown> }[] }
    expect(policy.rules.map(r => r.selection)).toContainEqual(expect.objectContaining({ tagStatus: 'tagged', countType: 'sinceImagePushed', countNumber: 90 }))
    expect(policy.rules.some(r => r.selection.countType === 'imageCountMoreThan' && r.selection.countNumber === 100)).toBe(false)
  })
})

describe("a policy that is not JSON: the input, the file and where, never the policy's text", () => {
  // What JSON.parse says quotes the text: "Unexpected token 'x', \"{…}\" is not valid JSON".
  const broken = '{\n  "rules": [\n    {"description": "s3cret-note", "rulePriority": 1 x}\n  ]\n}'

  test.each([
    ['lifecycle-policy', 'give a lifecycle policy'],
    ['repository-policy', 'give a repository policy document']
  ])('%s from a file names the file, the line and the column', (input, fix) => {
    ws.write(`.github/broken-${input}.json`, broken)
    const error = inputError(env({ [input]: `.github/broken-${input}.json` }))
    expect(error.message).toBe(
      `Input '${input}': the file '.github/broken-${input}.json' is not valid JSON at line 3, column 54 (expected ',' or '}'): ${fix}${input === 'lifecycle-policy' ? " in ECR's JSON format" : ''}.`
    )
  })

  test.each(['lifecycle-policy', 'repository-policy'])('%s given inline: where, without the text', input => {
    const error = inputError(env({ [input]: broken }))
    expect(error.message).toMatch(new RegExp(`^Input '${input}': is not valid JSON at line 3, column 54 \\(expected ',' or '}'\\): give`))
    expect(error.message).not.toContain('s3cret')
  })

  test.each<[string, { line: number; column: number; problem: string } | undefined]>([
    ['{"a": [1, 2.5e3, -0, true, false, null, "x\\u00e9\\n"]}', undefined],
    ['  []  ', undefined],
    ['', { line: 1, column: 1, problem: 'the text ends too early' }],
    ['{"rules": [', { line: 1, column: 12, problem: 'the text ends too early' }],
    ['{"a" 1}', { line: 1, column: 6, problem: "expected ':' after the property name" }],
    ["{'a': 1}", { line: 1, column: 2, problem: 'expected a "quoted" property name' }],
    ['{"a": 1,}', { line: 1, column: 9, problem: 'expected a "quoted" property name' }],
    ['[1,\n tru]', { line: 2, column: 2, problem: 'unexpected character (a value is a "string", a number, true, false, null, {…} or […])' }],
    ['{"a": "x\ny"}', { line: 1, column: 9, problem: 'a line break or control character inside a string' }],
    ['{"a": "\\q"}', { line: 1, column: 8, problem: 'a \\ escape JSON has no such thing as' }],
    ['{"a": 1} {', { line: 1, column: 10, problem: 'more text after the JSON value' }],
    ['{"a": "open', { line: 1, column: 12, problem: 'a string is not closed' }]
  ])('jsonSyntaxError(%j)', (text, expected) => {
    expect(jsonSyntaxError(text)).toEqual(expected)
    // It agrees with JSON.parse about what is JSON.
    if (expected === undefined) expect(() => JSON.parse(text)).not.toThrow()
    else expect(() => JSON.parse(text)).toThrow(SyntaxError)
  })

  test('a value that is neither JSON nor a path is not echoed when it spans lines', () => {
    const error = inputError(env({ 'lifecycle-policy': 'rules:\n  - s3cret-note' }))
    expect(error.message).toBe("Input 'lifecycle-policy': is neither JSON nor a file in the workspace: give the policy JSON or a path to it.")
  })
})

const long = (n: number) => 'a'.repeat(n)

/**
 * Every error readSettings can raise: [what is wrong, inputs, extra env, input named, the fix
 * the message must give].
 */
const INPUT_ERRORS: [string, Record<string, string>, Record<string, string | undefined>, string, string | RegExp][] = [
  // repository
  ['repository missing', { repository: '' }, {}, 'repository', 'is required: name the ECR repository'],
  ['repository upper case', { repository: 'Team/Web' }, {}, 'repository', 'use 2–256 lowercase letters'],
  ['repository too short', { repository: 'a' }, {}, 'repository', 'use 2–256 lowercase letters'],
  ['repository too long', { repository: long(257) }, {}, 'repository', 'use 2–256 lowercase letters'],
  ['repository empty path component', { repository: 'team//web' }, {}, 'repository', 'separated by /'],
  ['repository trailing slash', { repository: 'team/web/' }, {}, 'repository', 'separated by /'],
  ['repository leading separator', { repository: '-web' }, {}, 'repository', 'is not a valid ECR repository name'],
  ['repository with a tag', { repository: 'team/web:1.0' }, {}, 'repository', 'is not a valid ECR repository name'],
  // tags and version
  ['tag with a space', { tags: 'release candidate' }, {}, 'tags', 'use up to 128 letters, digits, _ . -'],
  ['tag starting with .', { tags: '.hidden' }, {}, 'tags', 'not starting with . or -'],
  ['tag starting with -', { tags: '-rc' }, {}, 'tags', 'not starting with . or -'],
  ['tag of 129 characters', { tags: long(129) }, {}, 'tags', 'up to 128'],
  ['tag with a slash', { tags: 'feature/x' }, {}, 'tags', 'is not a valid image tag'],
  ['version with a slash', { version: 'release/1' }, {}, 'version', 'is not a valid image tag'],
  ['version with +', { version: '1.2.3+build' }, {}, 'version', 'is not a valid image tag'],
  ['version not given and no GITHUB_SHA', {}, { GITHUB_SHA: undefined }, 'version', 'give the version tag to push'],
  // platforms
  ['unknown architecture', { platforms: 'linux/sparc' }, {}, 'platforms', 'use os/arch[/variant], e.g. linux/amd64,linux/arm64'],
  ['unknown os', { platforms: 'darwin/arm64' }, {}, 'platforms', 'use os/arch[/variant]'],
  ['os only', { platforms: 'linux' }, {}, 'platforms', 'use os/arch[/variant]'],
  ['variant without v', { platforms: 'linux/arm/7' }, {}, 'platforms', 'use os/arch[/variant]'],
  ['too many parts', { platforms: 'linux/arm/v7/x' }, {}, 'platforms', 'use os/arch[/variant]'],
  ['one bad platform among good ones', { platforms: 'linux/amd64,linux/amd65' }, {}, 'platforms', "'linux/amd65'"],
  // booleans
  ['latest: yes', { latest: 'yes' }, {}, 'latest', 'use true or false'],
  ['push: 1', { push: '1' }, {}, 'push', 'use true or false'],
  ['create-repository: on', { 'create-repository': 'on' }, {}, 'create-repository', 'use true or false'],
  ['scan-on-push: enabled', { 'scan-on-push': 'enabled' }, {}, 'scan-on-push', 'use true or false'],
  ['export-credentials: y', { 'export-credentials': 'y' }, {}, 'export-credentials', 'use true or false'],
  ['skip-logout: no', { 'skip-logout': 'no' }, {}, 'skip-logout', 'use true or false'],
  // numbers
  ['role-duration-seconds below 900', { 'role-duration-seconds': '899' }, {}, 'role-duration-seconds', 'use a number from 900 to 43200'],
  ['role-duration-seconds above 43200', { 'role-duration-seconds': '43201' }, {}, 'role-duration-seconds', 'use a number from 900 to 43200'],
  ['role-duration-seconds with a unit', { 'role-duration-seconds': '1h' }, {}, 'role-duration-seconds', 'is not a whole number'],
  ['role-duration-seconds negative', { 'role-duration-seconds': '-3600' }, {}, 'role-duration-seconds', 'is not a whole number'],
  ['role-duration-seconds fractional', { 'role-duration-seconds': '3600.5' }, {}, 'role-duration-seconds', 'is not a whole number'],
  ['lifecycle-keep-count 0', { 'lifecycle-keep-count': '0' }, {}, 'lifecycle-keep-count', 'use a number from 1 to 10000'],
  ['lifecycle-keep-count 10001', { 'lifecycle-keep-count': '10001' }, {}, 'lifecycle-keep-count', 'use a number from 1 to 10000'],
  ['lifecycle-expire-days 36501', { 'lifecycle-expire-days': '36501' }, {}, 'lifecycle-expire-days', 'use a number from 1 to 36500'],
  ['lifecycle-untagged-days 0', { 'lifecycle-untagged-days': '0' }, {}, 'lifecycle-untagged-days', 'use a number from 1 to 36500'],
  ['lifecycle-untagged-days words', { 'lifecycle-untagged-days': 'two weeks' }, {}, 'lifecycle-untagged-days', 'is not a whole number'],
  ['lifecycle-protect-tags with a space', { 'lifecycle-protect-tags': 'latest,release candidate' }, {}, 'lifecycle-protect-tags', 'at most 4 * wildcards'],
  ['lifecycle-protect-tags with 5 wildcards', { 'lifecycle-protect-tags': 'a*b*c*d*e*' }, {}, 'lifecycle-protect-tags', 'at most 4 * wildcards'],
  // sign-in
  ['role-session-name of one character', { 'role-session-name': 'a' }, {}, 'role-session-name', 'use 2–64 of letters, digits'],
  ['role-session-name with a space', { 'role-session-name': 'my session' }, {}, 'role-session-name', 'use 2–64 of letters, digits'],
  ['role-session-name of 65 characters', { 'role-session-name': long(65) }, {}, 'role-session-name', 'use 2–64'],
  ['role-to-assume with a short account', { 'role-to-assume': 'arn:aws:iam::1234:role/ci' }, {}, 'role-to-assume', 'use arn:aws:iam::<12-digit account>:role/<name>'],
  ['role-to-assume as a role name', { 'role-to-assume': 'ecr-push' }, {}, 'role-to-assume', 'use arn:aws:iam::<12-digit account>:role/<name>'],
  ['role-to-assume for a user', { 'role-to-assume': 'arn:aws:iam::123456789012:user/ci' }, {}, 'role-to-assume', 'is not an IAM role ARN'],
  ['region missing', {}, { AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined }, 'aws-region', 'set aws-region (e.g. us-east-1) or AWS_REGION'],
  ['region without dashes', { 'aws-region': 'useast1' }, {}, 'aws-region', 'use one like us-east-1'],
  ['region in upper case', { 'aws-region': 'US-EAST-1' }, {}, 'aws-region', 'use one like us-east-1'],
  ['AWS_REGION invalid', {}, { AWS_REGION: 'virginia' }, 'aws-region', "'virginia' is not an AWS region code"],
  // repository settings
  ['tag-mutability unknown', { 'tag-mutability': 'frozen' }, {}, 'tag-mutability', 'use MUTABLE, IMMUTABLE, IMMUTABLE_WITH_EXCLUSION, MUTABLE_WITH_EXCLUSION'],
  ['exclusions with IMMUTABLE', { 'tag-mutability': 'IMMUTABLE', 'tag-mutability-exclusions': 'latest' }, {}, 'tag-mutability-exclusions', 'remove it or change tag-mutability'],
  ['exclusions with MUTABLE', { 'tag-mutability': 'MUTABLE', 'tag-mutability-exclusions': 'dev-*' }, {}, 'tag-mutability-exclusions', 'not MUTABLE'],
  ['six exclusions', { 'tag-mutability-exclusions': 'a,b,c,d,e,f' }, {}, 'tag-mutability-exclusions', 'has 6 filters: ECR takes 1 to 5'],
  ['exclusions that are all blank', { 'tag-mutability-exclusions': ' , \n' }, {}, 'tag-mutability-exclusions', 'has 0 filters: ECR takes 1 to 5'],
  ['exclusion filter with a slash', { 'tag-mutability-exclusions': 'release/*' }, {}, 'tag-mutability-exclusions', 'use up to 128 letters, digits, . _ - and * wildcards'],
  ['encryption unknown', { encryption: 'RSA' }, {}, 'encryption', 'use AES256 or KMS'],
  ['kms-key without KMS', { 'kms-key': 'alias/ecr' }, {}, 'kms-key', 'set encryption to KMS or remove kms-key'],
  ['kms-key with AES256', { encryption: 'AES256', 'kms-key': 'alias/ecr' }, {}, 'kms-key', 'set encryption to KMS'],
  ['kms-key not a key', { encryption: 'KMS', 'kms-key': 'my-key' }, {}, 'kms-key', 'use a key ARN, key ID, alias ARN or alias/<name>'],
  // lifecycle
  [
    'lifecycle-policy with lifecycle-keep-count',
    { 'lifecycle-policy': JSON.stringify(POLICY), 'lifecycle-keep-count': '10' },
    {},
    'lifecycle-policy',
    'use either the full policy or the shorthand inputs'
  ],
  [
    'lifecycle-policy with lifecycle-protect-tags',
    { 'lifecycle-policy': JSON.stringify(POLICY), 'lifecycle-protect-tags': 'latest' },
    {},
    'lifecycle-policy',
    'use either the full policy or the shorthand inputs'
  ],
  ['lifecycle-keep-count with lifecycle-expire-days', { 'lifecycle-keep-count': '10', 'lifecycle-expire-days': '30' }, {}, 'lifecycle-expire-days', 'not both'],
  ['lifecycle-policy neither JSON nor a file', { 'lifecycle-policy': '.github/missing.json' }, {}, 'lifecycle-policy', 'give the policy JSON or a path to it'],
  ['lifecycle-policy naming a folder', { 'lifecycle-policy': 'app' }, {}, 'lifecycle-policy', 'is neither JSON nor a file'],
  ['lifecycle-policy that is not valid JSON', { 'lifecycle-policy': '{"rules": [' }, {}, 'lifecycle-policy', /\S/],
  ['lifecycle-policy without rules', { 'lifecycle-policy': '{"rules": []}' }, {}, 'lifecycle-policy', /rule/i],
  // build
  ['build-arg without =', { 'build-args': 'NODE_VERSION=20\nDEBUG' }, {}, 'build-args', 'give one KEY=VALUE per line'],
  ['build-arg starting with =', { 'build-args': '=20' }, {}, 'build-args', 'give one KEY=VALUE per line'],
  ['label without =', { labels: 'team' }, {}, 'labels', 'give one KEY=VALUE per line'],
  ['label key with a space', { labels: 'my label=x' }, {}, 'labels', 'is not KEY=VALUE'],
  ['target with a space', { target: 'my stage' }, {}, 'target', 'use the name after AS in the Dockerfile'],
  ['target starting with -', { target: '--push' }, {}, 'target', 'is not a build stage name'],
  ['context folder missing', { context: 'does-not-exist' }, {}, 'context', 'check out the code first (actions/checkout) or fix the path'],
  ['context is a file', { context: 'not-a-dir' }, {}, 'context', 'is not a directory in the workspace'],
  ['no Dockerfile in the context', { context: 'empty-context' }, {}, 'file', "add one or give its path in 'file'"],
  ['file missing', { file: 'docker/Missing.Dockerfile' }, {}, 'file', "give the Dockerfile's path"],
  // replication, scanning, cost
  ['replicate-to-regions not a region', { 'replicate-to-regions': 'eu-west-1,frankfurt' }, {}, 'replicate-to-regions', "'frankfurt' is not an AWS region code"],
  ['replicate-to-regions naming the own region', { 'replicate-to-regions': 'us-east-1' }, {}, 'replicate-to-regions', "the repository's own region"],
  ['replicate-to-regions over 25', { 'replicate-to-regions': Array.from({ length: 26 }, (_, i) => `eu-west-${i + 10}`).join(',') }, {}, 'replicate-to-regions', 'at most 25'],
  ['scan-fail-on unknown', { 'scan-fail-on': 'SEVERE' }, {}, 'scan-fail-on', 'use CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL, UNDEFINED'],
  ['scan-timeout too short', { 'scan-timeout': '5' }, {}, 'scan-timeout', 'use a number from 10 to 3600'],
  ['storage-price not a number', { 'storage-price': '$0.10' }, {}, 'storage-price', 'give US$ per GB-month'],
  // ECR Public
  ['registry-type unknown', { 'registry-type': 'gallery' }, {}, 'registry-type', 'use private (ECR) or public'],
  ['description on a private repository', { description: 'A web app' }, {}, 'description', 'set registry-type: public'],
  ['public with tag-mutability', { 'registry-type': 'public', 'tag-mutability': 'IMMUTABLE' }, {}, 'tag-mutability', 'not available with registry-type: public'],
  ['public with a lifecycle shorthand', { 'registry-type': 'public', 'lifecycle-keep-count': '5' }, {}, 'lifecycle-keep-count', 'remove it'],
  ['public with KMS', { 'registry-type': 'public', encryption: 'KMS' }, {}, 'encryption', 'not available with registry-type: public'],
  ['public with replication', { 'registry-type': 'public', 'replicate-to-regions': 'eu-west-1' }, {}, 'replicate-to-regions', 'registry-type: public'],
  ['public with a scan gate', { 'registry-type': 'public', 'scan-fail-on': 'HIGH' }, {}, 'scan-fail-on', 'registry-type: public'],
  ['public with pull-principals', { 'registry-type': 'public', 'pull-principals': '111122223333' }, {}, 'pull-principals', 'registry-type: public'],
  ['public description over 1024', { 'registry-type': 'public', description: long(1025) }, {}, 'description', 'at most 1024'],
  ['public about file missing', { 'registry-type': 'public', about: 'docs/missing.md' }, {}, 'about', 'check it out first']
]

describe('replication, scanning, cost and ECR Public', () => {
  test('unstated: no replication, no gate, the published price, a private registry', () => {
    const s = readSettings(env({}))
    expect(s.repository).toMatchObject({ replicateToRegions: [], type: 'private', catalog: {} })
    expect(s.scan).toEqual({ timeoutSeconds: 600 })
    expect(s.storagePrice).toBe(0.1)
  })

  test('stated values are read, deduplicated and typed', () => {
    const s = readSettings(env({ 'replicate-to-regions': 'eu-west-1\nap-northeast-2, eu-west-1', 'scan-fail-on': 'high', 'scan-timeout': '120', 'storage-price': '0.12' }))
    expect(s.repository.replicateToRegions).toEqual(['eu-west-1', 'ap-northeast-2'])
    expect(s.scan).toEqual({ failOn: 'HIGH', timeoutSeconds: 120 })
    expect(s.storagePrice).toBe(0.12)
  })

  test('public: catalog text (about from a file), no registry cache, us-east-1 without a region', () => {
    writeFileSync(path.join(ws.dir, 'ABOUT.md'), '# Web\n\nThe web app.\n')
    const s = readSettings(env({ 'registry-type': 'public', description: 'The web app', about: 'ABOUT.md' }, { AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined }))
    expect(s.repository.type).toBe('public')
    expect(s.repository.catalog).toEqual({ description: 'The web app', about: '# Web\n\nThe web app.\n' })
    expect(s.build.cache.type).toBe('none')
    expect(s.aws.region).toBe('us-east-1')
    expect(readSettings(env({ 'registry-type': 'public', cache: 'ecr' })).build.cache.type).toBe('ecr')
  })

  test("public: the runner's defaults (scan-on-push true, encryption AES256) are not refused", () => {
    expect(() => readSettings(env({ 'registry-type': 'public', 'scan-on-push': 'true', encryption: 'AES256' }))).not.toThrow()
  })
})

describe('every input error names the input and the fix', () => {
  test('the table is long enough to cover every check', () => {
    expect(INPUT_ERRORS.length).toBeGreaterThanOrEqual(35)
  })

  test.each(INPUT_ERRORS)('%s', (_, inputs, extra, name, fix) => {
    const error = inputError(env(inputs, extra))
    expect(error.input).toBe(name)
    expect(error.message.startsWith(`Input '${name}': `)).toBe(true)
    expect(error.message).not.toContain('\n')
    if (typeof fix === 'string') expect(error.message).toContain(fix)
    else expect(error.message.slice(`Input '${name}': `.length)).toMatch(fix)
  })
})

describe('values that look like shell', () => {
  test.each(['v1;rm -rf /', '$(whoami)', '`id`', 'a&&b', 'x|y', "it's"])('tag %j is refused', tag => {
    const error = inputError(env({ tags: tag }))
    expect(error.message).toMatch(/^Input 'tags': /)
  })

  test.each(['1.0;ls', '$(curl evil)', '`id`'])('version %j is refused', version => {
    expect(inputError(env({ version })).message).toMatch(/^Input 'version': /)
  })

  test.each(['team/web;ls', 'team/$(id)', 'team/`id`'])('repository %j is refused', repository => {
    expect(inputError(env({ repository })).message).toMatch(/^Input 'repository': /)
  })

  test.each(['release;rm', '$(id)'])('target %j is refused', target => {
    expect(inputError(env({ target })).message).toMatch(/^Input 'target': /)
  })

  test("build-args and labels with $(...), backticks and ; are data: a label one argv item, a build-arg value in buildx's environment verbatim", () => {
    const buildArgs = ['TOKEN=$(cat /etc/passwd)', 'CMD=`id`; rm -rf /', 'QUOTED="a b" \'c\'']
    const labels = ['note=$(whoami) && echo pwned']
    const s = readSettings(env({ 'build-args': buildArgs.join('\n'), labels: labels.join('\n') }))
    expect(s.build.buildArgs).toEqual(buildArgs)
    expect(s.build.labels).toEqual(labels)
    const argv = buildxArgs(s.build, ['team/web:1'], [], '/tmp/metadata.json')
    for (const name of ['TOKEN', 'CMD', 'QUOTED']) expect(argv[argv.indexOf(name) - 1]).toBe('--build-arg')
    expect(buildxEnv(s.build)).toEqual({ TOKEN: '$(cat /etc/passwd)', CMD: '`id`; rm -rf /', QUOTED: '"a b" \'c\'' })
    expect(argv[argv.indexOf(labels[0] ?? '') - 1]).toBe('--label')
  })
})
