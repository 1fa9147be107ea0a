/** Stage 6 — every run sets the same output keys, computed by one pure function. */
import { imageOutputs, setOutputs, type OutputValues } from '../../../src/report/outputs.js'

const REGISTRY = '123456789012.dkr.ecr.us-east-1.amazonaws.com'
const URI = `${REGISTRY}/team/web`
const DIGEST = `sha256:${'ab'.repeat(32)}`

const values = (over: Partial<OutputValues> = {}): OutputValues => ({
  registry: REGISTRY,
  repositoryUri: URI,
  version: '1.2.3',
  tags: ['1.2.3', 'latest'],
  latest: true,
  digest: DIGEST,
  metadata: { 'containerimage.digest': DIGEST, 'image.name': `${URI}:1.2.3,${URI}:latest` },
  skipped: false,
  ...over
})

const KEYS = [
  'registry',
  'repository-uri',
  'image-uri',
  'latest-uri',
  'digest',
  'image-digest-uri',
  'tags',
  'version',
  'metadata',
  'skipped',
  'replica-uris',
  'scan-findings',
  'signature',
  'subject-name',
  'subject-digest',
  'labels',
  'annotations',
  'copied-uris'
]

describe('imageOutputs', () => {
  test('a pushed image with latest', () => {
    expect(imageOutputs(values())).toEqual({
      registry: REGISTRY,
      'repository-uri': URI,
      'image-uri': `${URI}:1.2.3`,
      'latest-uri': `${URI}:latest`,
      digest: DIGEST,
      'image-digest-uri': `${URI}@${DIGEST}`,
      tags: `${URI}:1.2.3\n${URI}:latest`,
      version: '1.2.3',
      metadata: JSON.stringify({ 'containerimage.digest': DIGEST, 'image.name': `${URI}:1.2.3,${URI}:latest` }),
      skipped: 'false',
      'replica-uris': '',
      'scan-findings': '',
      signature: '',
      'subject-name': URI,
      'subject-digest': DIGEST,
      labels: '',
      annotations: '',
      'copied-uris': ''
    })
  })

  test('replica URIs one per line; scan findings as JSON', () => {
    const out = imageOutputs(values({ replicaUris: ['a/b:1', 'c/b:1'], scanFindings: { HIGH: 2 } }))
    expect(out['replica-uris']).toBe('a/b:1\nc/b:1')
    expect(JSON.parse(out['scan-findings'])).toEqual({ HIGH: 2 })
  })

  test('latest: false leaves latest-uri empty and lists only the pushed tags', () => {
    const out = imageOutputs(values({ latest: false, tags: ['1.2.3', 'stable'] }))
    expect(out['latest-uri']).toBe('')
    expect(out.tags).toBe(`${URI}:1.2.3\n${URI}:stable`)
    expect(out['image-uri']).toBe(`${URI}:1.2.3`)
  })

  test('no digest (push: false): digest and image-digest-uri are empty, the references have no registry', () => {
    const out = imageOutputs(values({ registry: '', repositoryUri: 'team/web', digest: '', metadata: { 'buildx.build.ref': 'builder/builder0/abc' } }))
    expect(out).toEqual({
      registry: '',
      'repository-uri': 'team/web',
      'image-uri': 'team/web:1.2.3',
      'latest-uri': 'team/web:latest',
      digest: '',
      'image-digest-uri': '',
      tags: 'team/web:1.2.3\nteam/web:latest',
      version: '1.2.3',
      metadata: '{"buildx.build.ref":"builder/builder0/abc"}',
      skipped: 'false',
      'replica-uris': '',
      'scan-findings': '',
      signature: '',
      'subject-name': '',
      'subject-digest': '',
      labels: '',
      annotations: '',
      'copied-uris': ''
    })
  })

  test('every run sets the same keys, all strings', () => {
    for (const v of [values(), values({ latest: false, digest: '' })]) {
      const out = imageOutputs(v)
      expect(Object.keys(out).sort()).toEqual([...KEYS].sort())
      for (const value of Object.values(out)) expect(typeof value).toBe('string')
    }
  })

  test('metadata round-trips as JSON', () => {
    const metadata = { 'containerimage.descriptor': { mediaType: 'application/vnd.oci.image.index.v1+json', size: 856 } }
    expect(JSON.parse(imageOutputs(values({ metadata })).metadata)).toEqual(metadata)
  })
})

describe('setOutputs', () => {
  test('writes each output once, by name', () => {
    const written: [string, string][] = []
    const outputs = imageOutputs(values())
    setOutputs(outputs, (name: string, value: unknown) => {
      written.push([name, String(value)])
    })
    expect(written).toHaveLength(KEYS.length)
    expect(Object.fromEntries(written)).toEqual(outputs)
    expect(new Set(written.map(([name]) => name)).size).toBe(KEYS.length)
  })

  test('empty values are still set, so the key exists', () => {
    const written: Record<string, string> = {}
    setOutputs(imageOutputs(values({ latest: false, digest: '' })), (name: string, value: unknown) => {
      written[name] = String(value)
    })
    expect(written['latest-uri']).toBe('')
    expect(written['image-digest-uri']).toBe('')
    expect(written.digest).toBe('')
  })
})
