/** Reading one input: lists, lines, booleans and integers. */
import { getInput, parseBoolean, parseInteger, parseLines, parseList } from '../../../src/settings/input.js'
import { readSettings } from '../../../src/settings/read.js'
import { makeWorkspace, stepEnv, type TempWorkspace } from '../../fixtures/workspace.js'

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

describe('lists', () => {
  test('tags and platforms split on commas and newlines, trimmed, empties dropped, duplicates removed', () => {
    const s = readSettings(
      env({
        version: '1.2.3',
        tags: 'stable, 1.2\n\n  1 ,latest,1.2.3,',
        platforms: 'linux/amd64\nlinux/arm/v7 , linux/arm64,linux/amd64'
      })
    )
    expect(s.image.tags).toEqual(['1.2.3', 'latest', 'stable', '1.2', '1'])
    expect(s.build.platforms).toEqual(['linux/amd64', 'linux/arm/v7', 'linux/arm64'])
  })

  test('a single platform stays single', () => {
    expect(readSettings(env({ platforms: 'linux/arm64' })).build.platforms).toEqual(['linux/arm64'])
  })

  test('build-args and labels are one per line, so values keep their commas', () => {
    const s = readSettings(
      env({
        'build-args': 'LIST=a,b,c\n  NODE_VERSION=20  \n\nEMPTY=',
        labels: 'org.opencontainers.image.title=web, the app\ncom.example.team=core'
      })
    )
    expect(s.build.buildArgs).toEqual(['LIST=a,b,c', 'NODE_VERSION=20', 'EMPTY='])
    expect(s.build.labels).toEqual(['org.opencontainers.image.title=web, the app', 'com.example.team=core'])
  })

  test('parseList / parseLines / getInput directly', () => {
    expect(parseList(' a,b\n c ,,\n')).toEqual(['a', 'b', 'c'])
    expect(parseLines('a,b\n c \n\n')).toEqual(['a,b', 'c'])
    expect(getInput({ 'INPUT_ROLE-TO-ASSUME': '  arn  ' }, 'role-to-assume')).toBe('arn')
    expect(getInput({}, 'role-to-assume')).toBe('')
  })

  test('parseBoolean and parseInteger', () => {
    expect(parseBoolean('push', '', true)).toBe(true)
    expect(parseBoolean('push', '', false)).toBe(false)
    expect(parseBoolean('push', 'TrUe', false)).toBe(true)
    expect(parseBoolean('push', 'FALSE', true)).toBe(false)
    expect(parseInteger('lifecycle-keep-count', '', { min: 1, max: 10 })).toBeUndefined()
    expect(parseInteger('lifecycle-keep-count', '1', { min: 1, max: 10 })).toBe(1)
    expect(parseInteger('lifecycle-keep-count', '10', { min: 1, max: 10 })).toBe(10)
  })
})
