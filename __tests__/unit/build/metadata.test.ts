/**
 * OCI annotations and the standard labels: what buildx gets, on which level, and the labels
 * output.
 */
import { annotationLevels, annotationsFor, annotationsForBuild, mergedLabels, repositoryFacts } from '../../../src/build/metadata.js'
import { buildxArgs, labelsFor } from '../../../src/build/plan.js'
import { readSettings } from '../../../src/settings/read.js'
import { buildSettings } from '../../fixtures/build-settings.js'
import { eventFile, makeWorkspace, stepEnv } from '../../fixtures/workspace.js'

const EVENT = eventFile({
  repository: { name: 'web', full_name: 'acme/web', description: 'The web\nfront end', html_url: 'https://github.com/acme/web', license: { spdx_id: 'Apache-2.0' } }
})

const ENV = { GITHUB_REPOSITORY: 'acme/web', GITHUB_SHA: '0123abcdef4567890123abcdef4567890123abcd', GITHUB_EVENT_PATH: EVENT }

describe('the standard org.opencontainers.image.* metadata', () => {
  test("from the event's repository: title, description (one line), url and licenses, besides version, created, revision and source", () => {
    const labels = labelsFor(ENV, '1.2.3')
    expect(labels.map(l => l.slice(0, l.indexOf('=')).replace('org.opencontainers.image.', ''))).toEqual(['version', 'created', 'revision', 'source', 'title', 'description', 'url', 'licenses'])
    expect(labels).toContain('org.opencontainers.image.description=The web front end')
    expect(labels).toContain('org.opencontainers.image.licenses=Apache-2.0')
  })

  test('no event file: the name from GITHUB_REPOSITORY; no description or license', () => {
    expect(repositoryFacts({ GITHUB_REPOSITORY: 'acme/web' })).toEqual({ title: 'web', url: 'https://github.com/acme/web' })
    expect(repositoryFacts({ GITHUB_REPOSITORY: 'acme/web', GITHUB_EVENT_PATH: '/nonexistent/event.json' })).toEqual({ title: 'web', url: 'https://github.com/acme/web' })
  })

  test('annotations go on the index and the manifests of a multi-platform image; on the manifest alone for one platform or a push by digest', () => {
    expect(annotationLevels(buildSettings())).toEqual(['index', 'manifest'])
    expect(annotationLevels(buildSettings({ platforms: ['linux/amd64'] }))).toEqual(['manifest'])
    expect(annotationLevels(buildSettings({ pushByDigest: true }))).toEqual(['manifest'])
  })

  test("the workflow's annotations replace a standard one of the same key and level, and are added last", () => {
    const labels = ['org.opencontainers.image.version=1.2.3', 'org.opencontainers.image.title=web']
    expect(annotationsFor(labels, ['index:org.opencontainers.image.title=Web', 'team=core'], ['index', 'manifest'])).toEqual([
      'index:org.opencontainers.image.version=1.2.3',
      'manifest:org.opencontainers.image.version=1.2.3',
      'manifest:org.opencontainers.image.title=web',
      'index:org.opencontainers.image.title=Web',
      'team=core'
    ])
  })

  test("the labels output: the workflow's label of a key in place of the action's", () => {
    expect(mergedLabels(['org.opencontainers.image.version=1.2.3', 'org.opencontainers.image.title=web'], ['org.opencontainers.image.title=Web'])).toEqual([
      'org.opencontainers.image.version=1.2.3',
      'org.opencontainers.image.title=Web'
    ])
  })

  test('buildx gets each annotation as --annotation', () => {
    const args = buildxArgs(buildSettings({ annotations: ['index:org.opencontainers.image.title=web'] }), ['r:1'], [], '/tmp/m.json')
    expect(args[args.indexOf('--annotation') + 1]).toBe('index:org.opencontainers.image.title=web')
  })
})

describe('index annotations need an index', () => {
  const ws = makeWorkspace()
  afterAll(() => ws.remove())
  const read = (inputs: Record<string, string>) => readSettings(stepEnv(ws.dir, { repository: 'team/web', ...inputs }))

  test('one platform: an index annotation is refused before any docker call, naming the input', () => {
    expect(() => read({ platforms: 'linux/amd64', annotations: 'index:a.b=c' })).toThrow(
      "Input 'annotations': 'index:a.b=c' goes on an index, and a build of one platform has none: use the manifest level, or build several platforms."
    )
    expect(read({ platforms: 'linux/amd64', annotations: 'manifest:a.b=c' }).build.annotations).toEqual(['manifest:a.b=c'])
  })

  test('a push-by-digest job leaves the index ones to the merge', () => {
    const build = read({ platforms: 'linux/arm64', 'push-by-digest': 'true', annotations: 'index:a.b=c\nmanifest:d.e=f' }).build
    expect(annotationsForBuild(['org.opencontainers.image.version=1'], build)).toEqual(['manifest:org.opencontainers.image.version=1', 'manifest:d.e=f'])
  })
})
