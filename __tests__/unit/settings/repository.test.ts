/** The repository inputs: `existing-repository` takes reconcile or leave, and not on ECR Public. */
import { ECRClient } from '@aws-sdk/client-ecr'
import { mockClient } from 'aws-sdk-client-mock'
import { InputError } from '../../../src/errors.js'
import { readSettings } from '../../../src/settings/read.js'
import type { Settings } from '../../../src/settings/types.js'
import { makeWorkspace, stepEnv, type TempWorkspace } from '../../fixtures/workspace.js'

const ecrMock = mockClient(ECRClient)

let ws: TempWorkspace

beforeAll(() => {
  ws = makeWorkspace()
})

afterAll(() => {
  ws.remove()
  ecrMock.restore()
})

beforeEach(() => ecrMock.reset())

const repoSettings = (inputs: Record<string, string> = {}): Settings['repository'] => readSettings(stepEnv(ws.dir, { repository: 'team/web', cache: 'none', ...inputs })).repository

test('existing-repository takes reconcile or leave only, and not on ECR Public', () => {
  const refused = (inputs: Record<string, string>): InputError => {
    try {
      repoSettings(inputs)
    } catch (error) {
      return error as InputError
    }
    throw new Error('accepted')
  }
  expect(refused({ 'existing-repository': 'ignore' }).input).toBe('existing-repository')
  expect(refused({ 'existing-repository': 'leave', 'registry-type': 'public' }).input).toBe('existing-repository')
  expect(repoSettings({ 'existing-repository': 'LEAVE' }).existing).toBe('leave')
  expect(repoSettings({}).existing).toBeUndefined()
})
