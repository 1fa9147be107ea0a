/** ECR's published prices: the default a run estimates with, and the one the README and action.yml name. */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { ARCHIVE_MINIMUM_DAYS, STORAGE_PRICE_USD_PER_GB_MONTH } from '../../../src/settings/prices.js'
import { readSettings } from '../../../src/settings/read.js'
import { makeWorkspace, stepEnv, type TempWorkspace } from '../../fixtures/workspace.js'

const ROOT = path.resolve(import.meta.dirname, '../../..')

let ws: TempWorkspace
beforeAll(() => {
  ws = makeWorkspace()
})
afterAll(() => ws.remove())

test('an empty storage-price is the published price; a stated one wins', () => {
  expect(readSettings(stepEnv(ws.dir, { repository: 'team/web' })).storagePrice).toBe(STORAGE_PRICE_USD_PER_GB_MONTH)
  expect(readSettings(stepEnv(ws.dir, { repository: 'team/web', 'storage-price': '0.12' })).storagePrice).toBe(0.12)
})

test('the README and action.yml name the same default price', () => {
  const row = readFileSync(path.join(ROOT, 'README.md'), 'utf8')
    .split('\n')
    .find(l => l.startsWith('| `storage-price` |'))
  expect(Number(/^\| `storage-price` \| `([\d.]+)` \|/.exec(row ?? '')?.[1])).toBe(STORAGE_PRICE_USD_PER_GB_MONTH)
  const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { description: string }> }
  expect(Number(/published price \(([\d.]+),/.exec(action.inputs['storage-price']?.description ?? '')?.[1])).toBe(STORAGE_PRICE_USD_PER_GB_MONTH)
})

test("the archive's minimum storage is ECR's 90 days", () => {
  expect(ARCHIVE_MINIMUM_DAYS).toBe(90)
})
