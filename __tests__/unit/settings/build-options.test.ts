/**
 * docker/build-push-action's pass-through options: each bad value is one InputError naming
 * the input; the ones that would break a guarantee are refused, and no secret is echoed.
 */
import { InputError } from '../../../src/errors.js'
import { readSettings } from '../../../src/settings/read.js'
import type { Settings } from '../../../src/settings/types.js'
import { makeWorkspace, stepEnv, type TempWorkspace } from '../../fixtures/workspace.js'
import { inputErrorOf } from '../../fixtures/input-error.js'

const URI = '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web'

let ws: TempWorkspace

beforeAll(() => {
  ws = makeWorkspace()
  ws.mkdir('shared')
  ws.write('keys/deploy_key', 'not a real key\n')
})

afterAll(() => ws.remove())

const settings = (inputs: Record<string, string>, extra: Record<string, string | undefined> = {}): Settings => readSettings(stepEnv(ws.dir, { repository: 'team/web', ...inputs }, extra))

const refusal = (inputs: Record<string, string>, extra: Record<string, string | undefined> = {}): InputError => inputErrorOf(() => settings(inputs, extra))

describe('refused, one line naming the input', () => {
  test.each([
    [{ 'build-contexts': 'shared' }, 'build-contexts', 'name=value'],
    [{ 'build-contexts': 'shared=missing-dir' }, 'build-contexts', 'not a directory'],
    [{ 'no-cache': 'yes' }, 'no-cache', 'true or false'],
    [{ 'no-cache-filters': 'bad stage' }, 'no-cache-filters', 'build stage'],
    [{ pull: '1' }, 'pull', 'true or false'],
    [{ ssh: 'bad id!=x' }, 'ssh', 'ssh id'],
    [{ ssh: 'github=/nowhere/agent.sock' }, 'ssh', 'no agent socket or key file'],
    [{ network: 'bridge' }, 'network', 'default, none or host'],
    [{ 'shm-size': '2 gigs' }, 'shm-size', 'not a size'],
    [{ ulimit: 'files=10' }, 'ulimit', 'type=soft[:hard]'],
    [{ ulimit: 'nofile=2048:1024' }, 'ulimit', 'soft ≤ hard'],
    [{ 'add-hosts': 'db.local:not-an-ip' }, 'add-hosts', 'host:ip'],
    [{ 'cache-from': 'type=ftp,dest=x' }, 'cache-from', 'not a cache type'],
    [{ 'cache-to': 'type=registry,ref=x/y:c,mode=all' }, 'cache-to', 'min or max'],
    [{ load: 'true' }, 'load', 'push: false'],
    [{ load: 'true', push: 'false', 'push-by-digest': 'true' }, 'load', 'push: false']
  ])('%j', (inputs, input, says) => {
    const error = refusal(inputs)
    expect(error.input).toBe(input)
    expect(error.message).toContain(says)
  })

  test("the job's agent without SSH_AUTH_SOCK", () => {
    expect(refusal({ ssh: 'default' }, { SSH_AUTH_SOCK: undefined }).message).toContain('SSH_AUTH_SOCK is not set')
  })

  test('a cache-to on ECR that is not an OCI image manifest (what ECR takes)', () => {
    const error = refusal({ 'cache-to': 'type=registry,ref=123456789012.dkr.ecr.us-east-1.amazonaws.com/team/cache:web,mode=max' })
    expect(error.message).toContain('image-manifest=true,oci-mediatypes=true')
    expect(refusal({ 'cache-to': '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/cache:web' }).input).toBe('cache-to')
  })

  test("a cache-to into the repository itself, whose tags are versions and cache: ecr's per-ref cache", () => {
    const error = refusal({ 'cache-to': `type=registry,ref=${URI}:mycache,image-manifest=true,oci-mediatypes=true` })
    expect(error.message).toContain('writes into team/web itself')
  })
})

describe('no secret reaches the argv, nor the error', () => {
  const KEY = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----'

  test('a private key in ssh is refused without being echoed', () => {
    const error = refusal({ ssh: `github=${KEY}` })
    expect(error.message).not.toContain('b3BlbnNzaC1rZXktdjEAAAAA')
    expect(error.message).toContain('private key')
  })

  test("a credential among a cache's attributes is refused without being echoed", () => {
    const error = refusal({ 'cache-to': 'type=s3,region=us-east-1,bucket=b,access_key_id=AKIAX,secret_access_key=wJalrXUtnFEMI' })
    expect(error.message).not.toContain('wJalrXUtnFEMI')
    expect(error.message).not.toContain('AKIAX')
    expect(refusal({ 'cache-from': 'type=gha,token=ghs_abc123' }).message).not.toContain('ghs_abc123')
  })

  test('a remote build context with credentials in its URL', () => {
    const error = refusal({ 'build-contexts': 'src=https://x-access-token:ghs_abc123@github.com/acme/lib.git' })
    expect(error.message).not.toContain('ghs_abc123')
  })
})
