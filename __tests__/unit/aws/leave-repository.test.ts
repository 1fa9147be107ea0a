/** `existing-repository: leave`: the plan's writes become what it says instead; the lifecycle policy is not put. */
import { leaveAsItIs } from '../../../src/aws/leave-repository.js'
import type { RepositoryState } from '../../../src/aws/repository-plan.js'
import type { SettingWrite } from '../../../src/aws/setting-writes.js'
import { readSettings } from '../../../src/settings/read.js'
import { makeWorkspace, stepEnv, type TempWorkspace } from '../../fixtures/workspace.js'

let ws: TempWorkspace
beforeAll(() => {
  ws = makeWorkspace()
})
afterAll(() => ws.remove())

const desired = () => readSettings(stepEnv(ws.dir, { repository: 'team/web', 'existing-repository': 'leave' })).repository

const current: RepositoryState = {
  uri: '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web',
  arn: 'arn:aws:ecr:us-east-1:123456789012:repository/team/web',
  mutability: { mode: 'IMMUTABLE', exclusions: [] },
  scanOnPush: false,
  encryption: { type: 'AES256' }
}

test('every write is said as a difference, none is kept; the lifecycle policy would be put, and is not', () => {
  const writes: SettingWrite[] = [
    { kind: 'tag-mutability', from: current.mutability, to: { mode: 'IMMUTABLE_WITH_EXCLUSION', exclusions: ['latest'] } },
    { kind: 'scan-on-push', from: false, to: true },
    { kind: 'access-policy', text: '{}', source: 'pull-principals', replaces: false },
    { kind: 'tags', resourceArn: current.arn, tags: [{ Key: 'team', Value: 'web' }] },
    { kind: 'lifecycle', text: '{}', reason: 'none set' }
  ]
  const plan = { desired: desired(), writes, warnings: [], notes: ['a note of the plan'], lifecycle: { put: true as const, policy: { rules: [] }, text: '{}', reason: 'none set' } }
  const left = leaveAsItIs(plan, current, [])
  expect(left.writes).toEqual([])
  expect(left.notes).toEqual([
    "left as it is (existing-repository: leave): tag mutability is IMMUTABLE; the workflow's settings make it IMMUTABLE_WITH_EXCLUSION (latest)",
    'left as it is (existing-repository: leave): scan on push is off; scan-on-push states on',
    'left as it is (existing-repository: leave): the access policy differs from pull-principals',
    'left as it is (existing-repository: leave): the stated tags team=web are missing or have other values',
    'a note of the plan'
  ])
  expect(left.lifecycle).toEqual({ put: false, reason: "left as it is (existing-repository: leave): the workflow's policy would be put (none set)" })
})

test("a repository that matches: it says so; the warnings are the repository's as it stays", () => {
  const plan = { desired: desired(), writes: [], warnings: ['a warning about the wanted settings'], notes: [], lifecycle: { put: false as const, reason: 'it matches' } }
  const left = leaveAsItIs(plan, current, ['latest'])
  expect(left.notes).toEqual(["left as it is (existing-repository: leave): it matches the workflow's settings"])
  expect(left.lifecycle).toEqual({ put: false, reason: 'it matches' })
  // IMMUTABLE as it stays keeps latest frozen: that is what the run is warned of.
  expect(left.warnings).toHaveLength(1)
  expect(left.warnings[0]).toContain("keeps 'latest' immutable")
})
