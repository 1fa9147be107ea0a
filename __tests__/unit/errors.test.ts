/**
 * Untrusted text (a registry's or AWS's words) goes to the log through logSafe and can't
 * issue workflow commands.
 */
import { logSafe } from '../../src/errors.js'
import { retry, type RetryPolicy } from '../../src/retry.js'
import { failureMessage } from '../../src/main.js'
import { RegistryClient } from '../../src/registry/client.js'
import type { HttpResponse, HttpTransport } from '../../src/network/http.js'
import { withRegistryRetry } from '../../src/registry/refusals.js'
import { processCommands } from '../../scripts/local-runner.mjs'

describe("untrusted text (a registry's or AWS's words) can't issue workflow commands", () => {
  /** What a hostile or broken registry may put in its error message. */
  const INJECTED = 'fault\n::set-output name=digest::sha256:evil\r\n  ::add-mask::team\n##[set-output name=evil;]x%0A::error::evil'
  const NOTHING = { outputs: {}, state: {}, masks: [], errors: [], warnings: [] }

  test.each([
    [INJECTED, 'fault\\n::set-output name=digest::sha256:evil\\n  ::add-mask::team\\n## [set-output name=evil;]x%0A::error::evil'],
    ['::add-mask::team', ': :add-mask::team'],
    ['  ::error::x', '  : :error::x'],
    ['a ##[warning]b', 'a ## [warning]b'],
    ['NAME_UNKNOWN: repository team/web not found', 'NAME_UNKNOWN: repository team/web not found']
  ])('logSafe(%j) → %j, one line the runner takes no command from', (text, safe) => {
    expect(logSafe(text)).toBe(safe)
    expect(processCommands(logSafe(text))).toEqual(NOTHING)
    // the same text printed as it was would have been taken as commands
    if (text !== safe) expect(processCommands(text)).not.toEqual(NOTHING)
  })

  const respond = (status: number, body: string): HttpResponse => ({
    status,
    ok: status < 300,
    headers: { get: () => null },
    text: async () => body,
    json: async () => JSON.parse(body) as unknown,
    arrayBuffer: async () => new ArrayBuffer(0)
  })

  test("a registry's 5xx error message: the retry's log lines and the run's error carry it on one line, without a command", async () => {
    let calls = 0
    const transport: HttpTransport = async () => (++calls <= 2 ? respond(500, JSON.stringify({ errors: [{ code: 'UNKNOWN', message: INJECTED }] })) : respond(404, ''))
    const client = new RegistryClient({ registry: 'registry.test', username: 'AWS', password: 'p' }, 'https://registry.test', transport)
    const logged: string[] = []
    const policy: RetryPolicy = { attempts: 2, delay: () => 0, sleep: async () => undefined, log: line => logged.push(line) }
    const error = (await withRegistryRetry('registry.test', "reading the tag '1.0.0'", { policy }, () => client.manifest('team/web', '1.0.0')).catch((e: unknown) => e)) as Error
    expect(logged).toHaveLength(1)
    const said = 'UNKNOWN: fault\\n::set-output name=digest::sha256:evil\\n  ::add-mask::team\\n## [set-output name=evil;]x%0A::error::evil'
    expect(logged).toEqual([`reading the tag '1.0.0' failed (GET team/web:1.0.0 manifest: 500 ${said}); trying again in 0s (2 of 2).`])
    expect(processCommands(logged.join('\n'))).toEqual(NOTHING)
    expect(error.message).not.toMatch(/[\r\n]/)
    expect(processCommands(error.message)).toEqual(NOTHING)
  })

  test("an AWS error's message in a retry's log line and in the run's error", async () => {
    const aws = Object.assign(new Error(`Rate exceeded\n::add-mask::team`), { name: 'ThrottlingException' })
    const logged: string[] = []
    const policy: RetryPolicy = { attempts: 2, delay: () => 0, sleep: async () => undefined, log: line => logged.push(line) }
    await expect(retry('DescribeRepositories', async () => Promise.reject(aws), { policy })).rejects.toBe(aws)
    expect(logged).toEqual(['DescribeRepositories failed (Rate exceeded\\n::add-mask::team); trying again in 0s (2 of 2).'])
    expect(processCommands(logged.join('\n'))).toEqual(NOTHING)
    expect(failureMessage(Object.assign(new Error('bad\n::set-output name=digest::x'), { name: 'InvalidParameterException' }))).toBe('InvalidParameterException: bad\\n::set-output name=digest::x')
  })
})
