/** The build inputs: `annotations` and `builder`. */
import { readAnnotations } from '../../../src/settings/build.js'
import { InputError } from '../../../src/errors.js'
import { buildxArgs } from '../../../src/build/plan.js'
import { settingsWorkspace } from '../../fixtures/input-error.js'

describe('the annotations input', () => {
  test('takes what docker/metadata-action outputs: [levels:]KEY=VALUE, one per line', () => {
    const given = 'manifest:org.opencontainers.image.title=web\nindex,manifest:org.opencontainers.image.vendor=Acme\nmanifest[linux/amd64]:a.b=c\nteam=core'
    expect(readAnnotations(given)).toEqual(given.split('\n'))
  })

  test.each(['layer:a=b', 'no-value', '=x'])("'%s' is refused naming the input", item => {
    expect(() => readAnnotations(item)).toThrow(InputError)
    expect(() => readAnnotations(item)).toThrow(/^Input 'annotations': '.*' is not \[level:\]KEY=VALUE/)
  })
})

describe('the builder input', () => {
  const { settings, inputError } = settingsWorkspace()

  const META = '/runner/_temp/ecr-build-push-x/metadata.json'

  const REPO = '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web'

  describe('builder input', () => {
    test("empty: the job's current builder, no --builder anywhere", () => {
      const s = settings({})
      expect('builder' in s.build).toBe(false)
      expect(buildxArgs(s.build, [`${REPO}:1`], [], META).slice(0, 2)).toEqual(['buildx', 'build'])
    })

    test.each(['remote-1', 'k8s_builder.eu', 'stack-engine2', 'ctx+ssh', '0builder'])('%s is a builder name', name => {
      expect(settings({ builder: name }).build.builder).toBe(name)
    })

    test.each(['my builder', '-x', 'a;rm', 'a,b', '$(id)', 'tcp://host:1234'])('%j is refused with one line', name => {
      expect(inputError({ builder: name }).message).toMatch(
        /^Input 'builder': '.*' is not a builder name: give the name of a builder an earlier step created \(docker buildx ls lists them\), or leave it empty for the job's current builder\.$/
      )
    })
  })
})
