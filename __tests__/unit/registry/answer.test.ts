/** What a registry's answer says when it is not the one asked for: its status and error code, safe for the log. */
import { errorText, expect as expectAnswer, RegistryError } from '../../../src/registry/answer.js'
import type { HttpResponse } from '../../../src/network/http.js'

function answer(status: number, body: string): HttpResponse & { read: boolean } {
  const res = {
    status,
    ok: status >= 200 && status < 300,
    read: false,
    headers: { get: () => null },
    text: async () => ((res.read = true), body),
    json: async () => JSON.parse(body) as unknown,
    arrayBuffer: async () => ((res.read = true), new ArrayBuffer(0))
  }
  return res
}

test('an answer among the expected ones passes, its body read so the connection is reused', async () => {
  const res = answer(201, '')
  await expectAnswer(res, [201, 202], 'PUT manifest')
  expect(res.read).toBe(true)
})

test("another status is a RegistryError with the registry's codes and messages, the first code kept", async () => {
  const body = JSON.stringify({
    errors: [
      { code: 'TAG_INVALID', message: 'tag is immutable' },
      { code: 'DENIED', message: 'no' }
    ]
  })
  const error = await expectAnswer(answer(400, body), [201], 'PUT manifest').catch((e: unknown) => e)
  expect(error).toBeInstanceOf(RegistryError)
  expect(error).toMatchObject({ status: 400, code: 'TAG_INVALID', message: 'PUT manifest: 400 TAG_INVALID: tag is immutable; DENIED: no' })
})

test('a body that is not JSON: its start, cut at 200 characters; an empty one: the status alone', async () => {
  expect(await errorText(answer(502, 'x'.repeat(300)))).toEqual({ text: ` ${'x'.repeat(200)}` })
  const error = (await expectAnswer(answer(503, ''), [200], 'GET blob').catch((e: unknown) => e)) as RegistryError
  expect(error.message).toBe('GET blob: 503')
  expect(error.code).toBeUndefined()
})

test("the registry's words can't issue workflow commands", async () => {
  const { text } = await errorText(answer(400, JSON.stringify({ errors: [{ code: 'X', message: 'bad\n::add-mask::s3cret' }] })))
  expect(text).not.toMatch(/\n::/)
})
