/** JSON compared as data: key order and white space don't matter. */

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The value with every object's keys sorted, so equal data stringifies equally. */
export function canonicalJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalJson)
  if (isObject(value)) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map(k => [k, canonicalJson(value[k])])
    )
  }
  return value
}

/** Parses text (objects pass through); undefined when it is not JSON. */
export function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return value
  try {
    return JSON.parse(value)
  } catch {
    return undefined
  }
}

export function sameJson(a: unknown, b: unknown): boolean {
  const x = parseJson(a)
  return x !== undefined && JSON.stringify(canonicalJson(x)) === JSON.stringify(canonicalJson(parseJson(b)))
}

/**
 * Where text first breaks JSON's grammar — line and column (1-based) and what is wrong
 * there — so that an error can point at it without printing the text (a policy file may
 * hold anything; JSON.parse's own message quotes it). Undefined when the text is JSON.
 */
export function jsonSyntaxError(text: string): { line: number; column: number; problem: string } | undefined {
  let i = 0
  const fail = (problem: string): never => {
    throw Object.assign(new SyntaxError(problem), { at: i })
  }
  const blank = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i++
  }
  const expect = (c: string, what: string): void => {
    blank()
    if (text[i] !== c) fail(i >= text.length ? 'the text ends too early' : what)
    i++
  }
  const string = (): void => {
    i++
    for (;;) {
      if (i >= text.length) fail('a string is not closed')
      const c = text[i] ?? ''
      if (c === '"') return void i++
      if (c < ' ') fail('a line break or control character inside a string')
      if (c !== '\\') {
        i++
        continue
      }
      const next = text[i + 1] ?? ''
      if ('"\\/bfnrt'.includes(next) && next !== '') i += 2
      else if (next === 'u' && /^[0-9a-f]{4}$/i.test(text.slice(i + 2, i + 6))) i += 6
      else fail('a \\ escape JSON has no such thing as')
    }
  }
  const value = (): void => {
    blank()
    const c = text[i]
    if (c === undefined) return fail('the text ends too early')
    if (c === '"') return string()
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']'
      i++
      blank()
      if (text[i] === close) return void i++
      for (;;) {
        if (c === '{') {
          blank()
          if (text[i] !== '"') fail(i >= text.length ? 'the text ends too early' : 'expected a "quoted" property name')
          string()
          expect(':', "expected ':' after the property name")
        }
        value()
        blank()
        if (text[i] === ',') {
          i++
          continue
        }
        return expect(close, `expected ',' or '${close}'`)
      }
    }
    const literal = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y
    literal.lastIndex = i
    if (!literal.test(text)) fail('unexpected character (a value is a "string", a number, true, false, null, {…} or […])')
    i = literal.lastIndex
  }
  try {
    value()
    blank()
    if (i < text.length) fail('more text after the JSON value')
    return undefined
  } catch (error) {
    const at = (error as { at?: unknown }).at
    if (typeof at !== 'number') return { line: 0, column: 0, problem: 'too deeply nested to read' }
    const before = text.slice(0, at).split('\n')
    return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1, problem: (error as Error).message }
  }
}

/** Where a JSON text that JSON.parse refused breaks, for an error: `at line 3, column 14 (expected ',' or '}')`. */
export function describeJsonError(text: string): string {
  const error = jsonSyntaxError(text)
  return error === undefined || error.line === 0 ? `(${error?.problem ?? 'as JSON.parse reads it'})` : `at line ${error.line}, column ${error.column} (${error.problem})`
}
