/**
 * holdWrites: a real ECR client (its request handler replaced) sends reads at once; the
 * first write asks for the builder check and waits for it to pass — or fails with its error.
 */
import { DescribeRepositoriesCommand, ECRClient, PutLifecyclePolicyCommand } from '@aws-sdk/client-ecr'
import { Readable } from 'node:stream'
import { holdWrites, tagIamActions } from '../../src/aws-clients.js'
import { ActionError } from '../../src/errors.js'

/** An ECR client whose HTTP layer records each operation and answers `{}`. */
function recordingClient(sent: string[]): ECRClient {
  return new ECRClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIA', secretAccessKey: 'x' },
    requestHandler: {
      handle: async (request: { headers: Record<string, string> }) => {
        sent.push(String(request.headers['x-amz-target']).split('.')[1] ?? '')
        return { response: { statusCode: 200, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: Readable.from([Buffer.from('{}')]) } }
      }
    } as never
  })
}

function deferred(): { promise: Promise<void>; resolve: () => void; reject: (e: Error) => void } {
  let resolve!: () => void
  let reject!: (e: Error) => void
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)))
  return { promise, resolve, reject }
}

const tick = () => new Promise(resolve => setTimeout(resolve, 20))

test('reads go at once; a write waits for the check, then goes', async () => {
  const sent: string[] = []
  const ready = deferred()
  let asked = 0
  const ecr = holdWrites(recordingClient(sent), () => (asked++, ready.promise))
  await ecr.send(new DescribeRepositoriesCommand({}))
  expect(asked).toBe(0)
  const write = ecr.send(new PutLifecyclePolicyCommand({ repositoryName: 'team/web', lifecyclePolicyText: '{}' }))
  await tick()
  expect(sent).toEqual(['DescribeRepositories'])
  expect(asked).toBe(1)
  ready.resolve()
  await write
  expect(sent).toEqual(['DescribeRepositories', 'PutLifecyclePolicy'])
})

test("a failed check fails the held write with the check's own error, and nothing is sent", async () => {
  const sent: string[] = []
  const ready = deferred()
  const ecr = holdWrites(tagIamActions(recordingClient(sent), 'ecr'), () => ready.promise)
  const write = ecr.send(new PutLifecyclePolicyCommand({ repositoryName: 'team/web', lifecyclePolicyText: '{}' }))
  ready.reject(new ActionError('docker is not installed on this runner: use a runner with Docker (e.g. ubuntu-latest).'))
  await expect(write).rejects.toThrow('docker is not installed on this runner')
  expect(sent).toEqual([])
})
