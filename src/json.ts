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
