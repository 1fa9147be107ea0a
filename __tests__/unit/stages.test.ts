/** The pipeline's stages: each a group in the log, timed in the order they ran; none starts after a cancel. */
import { Stages } from '../../src/stages.js'
import { stdoutOf } from '../fixtures/stdout.js'

test("each stage's log is a group, and its time is kept in order, also for a stage that fails", async () => {
  const stages = new Stages()
  const log = await stdoutOf(async () => {
    expect(await stages.run('build', async () => 42)).toBe(42)
    await expect(stages.run('push', async () => Promise.reject(new Error('refused')))).rejects.toThrow('refused')
  })
  expect(log).toBe('::group::build\n::endgroup::\n::group::push\n::endgroup::\n')
  expect(stages.times.map(([name]) => name)).toEqual(['build', 'push'])
  for (const [, seconds] of stages.times) expect(seconds).toBeGreaterThanOrEqual(0)
})

test("after the run's cancel no stage starts: it throws the cancel's reason and runs nothing", async () => {
  const cancel = new AbortController()
  const stages = new Stages(cancel.signal)
  cancel.abort(new Error('cancelled'))
  let ran = false
  await expect(stages.run('push', async () => void (ran = true))).rejects.toThrow('cancelled')
  expect(ran).toBe(false)
  expect(stages.times).toEqual([])
})
