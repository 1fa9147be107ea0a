/** The levels of an `annotations` entry, as buildx reads them: manifest by default, index ones for a merge. */
import { levelsAndKey, onIndex, onIndexOnly } from '../../../src/settings/annotations.js'

describe('levelsAndKey', () => {
  test.each([
    ['org.opencontainers.image.title=web', ['manifest'], 'org.opencontainers.image.title'],
    ['index:a.b=c', ['index'], 'a.b'],
    ['index,manifest:team=core', ['index', 'manifest'], 'team'],
    ['manifest[linux/amd64]:a.b=c:d', ['manifest'], 'a.b'],
    ['index-descriptor,manifest[linux/arm64]:k=v=w', ['index-descriptor', 'manifest'], 'k']
  ])('%s → %j, key %s', (annotation, levels, key) => {
    expect(levelsAndKey(annotation)).toEqual({ levels, key })
  })
})

describe('onIndex and onIndexOnly', () => {
  test.each([
    ['a=b', false, false],
    ['index:a=b', true, true],
    ['index-descriptor:a=b', true, true],
    ['index,index-descriptor:a=b', true, true],
    ['index,manifest:a=b', true, false],
    ['manifest[linux/amd64]:a=b', false, false]
  ])('%s: on an index %s, only on an index %s', (annotation, index, only) => {
    expect(onIndex(annotation)).toBe(index)
    expect(onIndexOnly(annotation)).toBe(only)
  })
})
