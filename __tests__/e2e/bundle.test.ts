/**
 * The committed bundle runs on the Node versions runners use: Node 24 (`runs.using:
 * node24`) and Node 20. A bundle that can't load its modules fails here, not in a user's job.
 */
import { NODE24, errorLine, runAction } from '../../scripts/local-runner.mjs'

const nodes: [string, string][] = [
  ['Node 24', NODE24],
  ['Node 20', process.execPath]
]

describe.each(nodes)('dist/ on %s', (_label, node) => {
  test('starts, reads its inputs and fails a bad one with a one-line error', async () => {
    const result = await runAction({ inputs: { repository: 'team/web', platforms: 'linux/sparc' }, env: { AWS_REGION: 'us-east-1' }, node })
    expect(result.exitCode).toBe(1)
    expect(errorLine(result.log)).toBe(
      "Input 'platforms': 'linux/sparc' is not a platform buildx knows: use os/arch[/variant], e.g. linux/amd64,linux/arm64."
    )
    expect(result.post?.exitCode).toBe(0)
  })

  test('the node running it is the one named', async () => {
    const version = (await import('node:child_process')).execFileSync(node, ['--version'], { encoding: 'utf8' })
    expect(version).toMatch(_label === 'Node 24' ? /^v24\./ : /^v20\./)
  })
})
