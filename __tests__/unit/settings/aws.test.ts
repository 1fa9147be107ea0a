/** The AWS inputs: `dual-stack` (by default AWS_USE_DUALSTACK_ENDPOINT). */
import { readSettings } from '../../../src/settings/read.js'
import { makeWorkspace, stepEnv, type TempWorkspace } from '../../fixtures/workspace.js'
import { inputErrorOf } from '../../fixtures/input-error.js'

describe('the dual-stack input', () => {
  let ws: TempWorkspace
  beforeAll(() => {
    ws = makeWorkspace('dual-stack')
    ws.write('Dockerfile', 'FROM scratch\n')
  })
  afterAll(() => ws.remove())
  const read = (inputs: Record<string, string>, extra: Record<string, string | undefined> = {}) => readSettings(stepEnv(ws.dir, { repository: 'team/web', ...inputs }, extra)).aws.dualStack

  test('defaults to AWS_USE_DUALSTACK_ENDPOINT; the input wins over it', () => {
    expect(read({})).toBe(false)
    expect(read({}, { AWS_USE_DUALSTACK_ENDPOINT: 'true' })).toBe(true)
    expect(read({ 'dual-stack': 'false' }, { AWS_USE_DUALSTACK_ENDPOINT: 'true' })).toBe(false)
    expect(read({ 'dual-stack': 'true' })).toBe(true)
  })

  test.each<[Record<string, string>, Record<string, string>, string]>([
    [{ 'dual-stack': 'true', 'aws-region': 'cn-north-1' }, {}, 'dual-stack: true, but ECR has no dual-stack endpoints in cn-north-1 (partition aws-cn): set dual-stack: false.'],
    [
      { 'aws-region': 'us-iso-east-1' },
      { AWS_USE_DUALSTACK_ENDPOINT: 'true' },
      'AWS_USE_DUALSTACK_ENDPOINT=true, but ECR has no dual-stack endpoints in us-iso-east-1 (partition aws-iso): set dual-stack: false.'
    ],
    [{ 'dual-stack': 'maybe' }, {}, 'dual-stack']
  ])('%j %j is refused in one line', (inputs, extra, message) => {
    expect(inputErrorOf(() => read(inputs, extra)).message).toContain(message)
  })
})
