/**
 * The test harness's reading of a step's workflow commands (scripts/local-runner.mjs), which
 * the end-to-end tests rely on: it must take what the runner takes, and leave what the
 * runner leaves, for a test of the action's output to mean anything.
 */
import { errorLine, processCommands } from '../../../scripts/local-runner.mjs'

describe('workflow commands, as the runner reads them', () => {
  test('::name props::data at the start of a line (after blanks), data and properties unescaped', () => {
    const log = ['::set-output name=digest::sha256:1', '  ::save-state name=a%2Cb::x%25y%0Az', '::add-mask::s3cret', '::warning file=a.ts::careful', 'x ::set-output name=no::1', '::unknown::x'].join(
      '\n'
    )
    expect(processCommands(log)).toEqual({
      outputs: { digest: 'sha256:1' },
      state: { 'a,b': 'x%y\nz' },
      masks: ['s3cret'],
      errors: [],
      warnings: ['careful']
    })
  })

  test("##[name props]data anywhere in a line (the older form): a build step's prefixed line is still a command", () => {
    expect(processCommands('#9 12.503 ##[set-output name=digest;]sha256:evil\n#9 ##[add-mask]x%3By')).toMatchObject({ outputs: { digest: 'sha256:evil' }, masks: ['x;y'] })
  })

  test('after ::stop-commands::<token>, nothing is a command until ::<token>:: (any case)', () => {
    const log = [
      '::stop-commands::Tok-1',
      '::set-output name=digest::evil',
      '##[save-state name=s;]evil',
      '::error::not an error',
      '::stop-commands::other',
      '::tok-1::',
      '::set-output name=digest::good'
    ].join('\n')
    expect(processCommands(log)).toEqual({ outputs: { digest: 'good' }, state: {}, masks: [], errors: [], warnings: [] })
  })

  test('a token never resumed: nothing after it is a command', () => {
    expect(processCommands('::stop-commands::t\n::error::x').errors).toEqual([])
  })

  test('errorLine: the first error the runner took, unescaped', () => {
    expect(errorLine('::stop-commands::t\n::error::from a build\n::t::\n::error::The build failed%0AIts last lines:%0A  x')).toBe('The build failed\nIts last lines:\n  x')
  })
})
