/**
 * The one retry helper: what is worth another try, how often, how long between, and what is
 * logged.
 */
import { defaultRetry, isTransient, retry, TransientError, type RetryPolicy } from '../../src/retry.js'
import { RegistryError } from '../../src/registry/client.js'

/** A policy that records its waits and log lines instead of sleeping. */
function recording(attempts = 4): { policy: RetryPolicy; waits: number[]; logs: string[] } {
  const waits: number[] = []
  const logs: string[] = []
  const policy: RetryPolicy = {
    attempts,
    delay: attempt => 1000 * attempt,
    sleep: async ms => void waits.push(ms),
    log: message => logs.push(message)
  }
  return { policy, waits, logs }
}

/** A function that fails with each of `errors` in turn, then returns 'done'; it records the attempt numbers it was given. */
function failing(...errors: unknown[]): { fn: (attempt: number) => Promise<string>; attempts: number[] } {
  const attempts: number[] = []
  const fn = async (attempt: number) => {
    attempts.push(attempt)
    const error = errors.shift()
    if (error !== undefined) throw error
    return 'done'
  }
  return { fn, attempts }
}

const aws = (name: string, status?: number) => Object.assign(new Error(`${name} happened`), { name, ...(status !== undefined ? { $metadata: { httpStatusCode: status } } : {}) })

const network = (code: string) => Object.assign(new Error(`connect ${code}`), { code })

describe('retry', () => {
  test('a first success: returned, nothing waited or logged', async () => {
    const { policy, waits, logs } = recording()
    const { fn, attempts } = failing()
    await expect(retry('The thing', fn, { policy })).resolves.toBe('done')
    expect(attempts).toEqual([1])
    expect(waits).toEqual([])
    expect(logs).toEqual([])
  })

  test.each([
    ['AccessDenied', aws('AccessDenied', 403)],
    ['a 404 from the registry', new RegistryError(404, 'manifest unknown')],
    ['a plain error', new Error('bad input')],
    ['a thrown string', 'oops']
  ])('%s: thrown at once, never tried again', async (_name, error) => {
    const { policy, waits, logs } = recording()
    const { fn, attempts } = failing(error, error)
    await expect(retry('The thing', fn, { policy })).rejects.toBe(error)
    expect(attempts).toEqual([1])
    expect(waits).toEqual([])
    expect(logs).toEqual([])
  })

  test('transient failures, then success: each try numbered, each wait the policy’s delay for the next try', async () => {
    const { policy, waits } = recording()
    const { fn, attempts } = failing(aws('ThrottlingException', 400), new TransientError('failed to push'))
    await expect(retry('The thing', fn, { policy })).resolves.toBe('done')
    expect(attempts).toEqual([1, 2, 3])
    expect(waits).toEqual([2000, 3000])
  })

  test('a failure that stays transient: tried `attempts` times in all, then the last error thrown', async () => {
    const { policy, waits, logs } = recording(3)
    const errors = [new TransientError('one'), new TransientError('two'), new TransientError('three'), new TransientError('four')]
    const { fn, attempts } = failing(...errors)
    await expect(retry('The thing', fn, { policy })).rejects.toBe(errors[2])
    expect(attempts).toEqual([1, 2, 3])
    expect(waits).toEqual([2000, 3000])
    expect(logs).toHaveLength(2)
  })

  test('a transient failure and then one that is not: stops at the second', async () => {
    const { policy, waits } = recording()
    const denied = aws('AccessDeniedException', 400)
    const { fn, attempts } = failing(aws('ServiceUnavailable', 503), denied)
    await expect(retry('The thing', fn, { policy })).rejects.toBe(denied)
    expect(attempts).toEqual([1, 2])
    expect(waits).toEqual([2000])
  })

  test('each retry is logged: what failed, why, the wait and the try to come', async () => {
    const { policy, logs } = recording()
    const { fn } = failing(network('ECONNRESET'), new RegistryError(503, 'upload sha256:abc: 503'))
    await retry('The upload', fn, { policy })
    expect(logs).toEqual(['The upload failed (connect ECONNRESET); trying again in 2s (2 of 4).', 'The upload failed (upload sha256:abc: 503); trying again in 3s (3 of 4).'])
  })

  test('one attempt: never tried again', async () => {
    const { policy, waits } = recording(1)
    const error = new TransientError('x')
    const { fn, attempts } = failing(error)
    await expect(retry('The thing', fn, { policy })).rejects.toBe(error)
    expect(attempts).toEqual([1])
    expect(waits).toEqual([])
  })

  test('a caller’s own test of what is transient replaces isTransient', async () => {
    const { policy } = recording()
    const odd = new Error('odd')
    const { fn, attempts } = failing(odd, odd)
    await expect(retry('The thing', fn, { policy }, error => error === odd)).resolves.toBe('done')
    expect(attempts).toEqual([1, 2, 3])
    const throttled = aws('Throttling', 400)
    const second = failing(throttled)
    await expect(retry('The thing', second.fn, { policy }, () => false)).rejects.toBe(throttled)
    expect(second.attempts).toEqual([1])
  })

  test('a slow-down budget: its errors get their own tries and waits, counted apart from the others', async () => {
    const { policy, waits, logs } = recording(2)
    const slowDown = { name: 'while throttled', when: (e: unknown) => (e as Error).name === 'Throttling', attempts: 4, delay: (n: number) => 100 * n }
    const { fn, attempts } = failing(aws('Throttling', 400), aws('ServiceUnavailable', 503), aws('Throttling', 400), aws('Throttling', 400), aws('Throttling', 400))
    await expect(retry('The thing', fn, { policy: { ...policy, slowDown } })).rejects.toMatchObject({ name: 'Throttling' })
    // Four throttles (its budget) and one server error (within the policy's two tries).
    expect(attempts).toEqual([1, 2, 3, 4, 5])
    expect(waits).toEqual([200, 2000, 300, 400])
    expect(logs[0]).toBe('The thing failed (Throttling happened); trying again in 0.2s (2 of 4 while throttled).')
    expect(logs[1]).toBe('The thing failed (ServiceUnavailable happened); trying again in 2s (2 of 2).')
  })

  test('the default policy: four tries, 2 s, 4 s and 8 s apart', () => {
    expect(defaultRetry.attempts).toBe(4)
    expect([2, 3, 4].map(n => defaultRetry.delay(n))).toEqual([2000, 4000, 8000])
  })
})

describe('isTransient', () => {
  test.each([
    'Throttling',
    'ThrottlingException',
    'RequestLimitExceeded',
    'TooManyRequestsException',
    'InternalFailure',
    'InternalError',
    'ServiceUnavailable',
    'ServiceUnavailableException',
    'ServerException',
    'IDPCommunicationError',
    'RequestTimeout',
    'RequestTimeoutException',
    'TimeoutError'
  ])('the AWS error %s', name => {
    expect(isTransient(aws(name))).toBe(true)
  })

  test('an SDK error marked $retryable', () => {
    expect(isTransient(Object.assign(aws('SomethingNew', 400), { $retryable: { throttling: true } }))).toBe(true)
    expect(isTransient(Object.assign(aws('SomethingNew', 400), { $retryable: {} }))).toBe(true)
  })

  test.each([500, 502, 503, 504, 429])('an AWS answer with status %i', status => {
    expect(isTransient(aws('UnknownError', status))).toBe(true)
  })

  test.each([500, 502, 503, 429])('a registry answer with status %i', status => {
    expect(isTransient(new RegistryError(status, `PUT manifest: ${status}`))).toBe(true)
  })

  test.each(['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ECONNREFUSED', 'EAI_AGAIN', 'ENOTFOUND', 'ECONNABORTED', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_SOCKET'])('the network error %s', code => {
    expect(isTransient(network(code))).toBe(true)
  })

  test('an error marked transient, as TransientError is', () => {
    expect(isTransient(new TransientError('failed to push'))).toBe(true)
    expect(isTransient(Object.assign(new Error('x'), { transient: true }))).toBe(true)
  })

  test.each([
    ['AccessDenied', aws('AccessDenied', 403)],
    ['AccessDeniedException', aws('AccessDeniedException', 400)],
    ['InvalidIdentityToken', aws('InvalidIdentityToken', 400)],
    ['ExpiredTokenException', aws('ExpiredTokenException', 400)],
    ['ValidationException', aws('ValidationException', 400)],
    ['RepositoryNotFoundException', aws('RepositoryNotFoundException', 400)],
    ['a registry 400', new RegistryError(400, 'TAG_INVALID')],
    ['a registry 401', new RegistryError(401, 'unauthorized')],
    ['a registry 403', new RegistryError(403, 'denied')],
    ['a registry 404', new RegistryError(404, 'NAME_UNKNOWN')],
    ['an error without name, status or code', new Error('read ECONNRESET')],
    ['an unknown code', network('EACCES')],
    ['a certificate the runner refuses', network('SELF_SIGNED_CERT_IN_CHAIN')],
    ['an expired certificate', network('CERT_HAS_EXPIRED')],
    ['a certificate for another host', network('ERR_TLS_CERT_ALTNAME_INVALID')],
    ['transient: false', Object.assign(new Error('x'), { transient: false })],
    ['a string', 'ECONNRESET'],
    ['null', null],
    ['undefined', undefined]
  ])('not %s', (_name, error) => {
    expect(isTransient(error)).toBe(false)
  })
})

const named = (name: string, status?: number) => Object.assign(new Error(`${name} happened`), { name, ...(status ? { $metadata: { httpStatusCode: status } } : {}) })

describe('isTransient', () => {
  test.each([['Throttling'], ['ThrottlingException'], ['ServiceUnavailable'], ['IDPCommunicationError']])('%s is retried', name => expect(isTransient(named(name))).toBe(true))

  test('a 5xx and a reset connection are retried', () => {
    expect(isTransient(named('InternalError', 503))).toBe(true)
    expect(isTransient(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).toBe(true)
  })

  test.each([
    ['AccessDenied', 403],
    ['InvalidIdentityToken', 400],
    ['ValidationError', 400],
    ['ExpiredTokenException', 400]
  ])('%s is not', (name, status) => expect(isTransient(named(name, status))).toBe(false))
})
