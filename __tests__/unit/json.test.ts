/** JSON compared as data, and where a text breaks JSON's grammar — without quoting the text. */
import { canonicalJson, describeJsonError, jsonSyntaxError, parseJson, sameJson } from '../../src/json.js'

describe('sameJson', () => {
  test('key order and white space do not matter; array order does', () => {
    expect(sameJson('{"b": [1, 2], "a": {"y": 1, "x": 2}}', { a: { x: 2, y: 1 }, b: [1, 2] })).toBe(true)
    expect(sameJson('{"b": [2, 1]}', { b: [1, 2] })).toBe(false)
  })

  test('text that is not JSON is never the same as anything', () => {
    expect(parseJson('{nope')).toBeUndefined()
    expect(sameJson('{nope', '{nope')).toBe(false)
  })

  test('canonicalJson sorts keys at every depth', () => {
    expect(JSON.stringify(canonicalJson({ b: 1, a: [{ d: 1, c: 2 }] }))).toBe('{"a":[{"c":2,"d":1}],"b":1}')
  })
})

describe('jsonSyntaxError', () => {
  test.each([
    ['{"a": 1}', undefined],
    ['[1, 2, {"x": null}]', undefined],
    ['{"a": 1,\n "b": 2\n', { line: 3, column: 1, problem: 'the text ends too early' }],
    ['{"a": 1 "b": 2}', { line: 1, column: 9, problem: "expected ',' or '}'" }],
    ["{'a': 1}", { line: 1, column: 2, problem: 'expected a "quoted" property name' }],
    ['{"a": tru}', { line: 1, column: 7, problem: 'unexpected character (a value is a "string", a number, true, false, null, {…} or […])' }],
    ['{"a": "x\\q"}', { line: 1, column: 9, problem: 'a \\ escape JSON has no such thing as' }],
    ['{} {}', { line: 1, column: 4, problem: 'more text after the JSON value' }]
  ])('%j → %j', (text, expected) => {
    expect(jsonSyntaxError(text)).toEqual(expected)
  })

  test("JSON.parse's verdict and this one agree", () => {
    for (const text of ['{"a":1}', '{"a":1,}', '[1,,2]', '"\u0001"', '01', '-', '{"a":1}\n']) {
      let parses = true
      try {
        JSON.parse(text)
      } catch {
        parses = false
      }
      expect(jsonSyntaxError(text) === undefined).toBe(parses)
    }
  })
})

test('describeJsonError names the line and column, never the text', () => {
  const secret = '{"Statement": [{"Sid": "s3cret"} {"x": 1}]}'
  const said = describeJsonError(secret)
  expect(said).toBe("at line 1, column 34 (expected ',' or ']')")
  expect(said).not.toContain('s3cret')
})
