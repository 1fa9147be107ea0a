// The OCI 1.1 referrers API as ECR answers it, for the distribution registry 2.8 behind the
// front, which predates it: `GET /v2/<name>/referrers/<digest>[?artifactType=…]` lists the
// manifests of the repository whose `subject` is that digest (read from the registry's own
// storage, so it survives a restart of the front and is emptied by `reset`), and a manifest
// PUT with a `subject` is answered with `OCI-Subject`. `POST /referrers-api {"enabled":false}`
// (control API) makes the front answer as a registry without the API: no `OCI-Subject`, and
// 404 for the referrers endpoint, so clients fall back to the referrers tag schema.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'

let enabled = true
export const referrersApiEnabled = () => enabled
export function setReferrersApi(on) {
  enabled = on !== false
}

/** `/v2/<name>/referrers/<digest>` as its parts; undefined for any other path. */
export function parseReferrers(url) {
  const m = /^\/v2\/(.+?)\/referrers\/(sha256:[0-9a-f]{64})$/.exec(url.split('?')[0])
  return m ? { name: m[1], digest: m[2] } : undefined
}

/** The digest a manifest's `subject` names; undefined when it has none (or isn't JSON). */
export function subjectOf(body) {
  try {
    const digest = JSON.parse(body.toString('utf8'))?.subject?.digest
    return typeof digest === 'string' ? digest : undefined
  } catch {
    return undefined
  }
}

/** The image index of the referrers of `digest` in repository `name`, optionally of one artifact type. */
export function referrersIndex(state, name, digest, artifactType) {
  const root = path.join(state, 'registry', 'data', 'docker', 'registry', 'v2')
  const revisions = path.join(root, 'repositories', name, '_manifests', 'revisions', 'sha256')
  let hexes
  try {
    hexes = readdirSync(revisions)
  } catch {
    hexes = []
  }
  const manifests = []
  for (const hex of hexes) {
    if (!existsSync(path.join(revisions, hex, 'link'))) continue
    let body
    try {
      body = readFileSync(path.join(root, 'blobs', 'sha256', hex.slice(0, 2), hex, 'data'))
    } catch {
      continue
    }
    let m
    try {
      m = JSON.parse(body.toString('utf8'))
    } catch {
      continue
    }
    if (m?.subject?.digest !== digest) continue
    const type = m.artifactType ?? m.config?.mediaType
    if (artifactType && type !== artifactType) continue
    manifests.push({
      mediaType: m.mediaType ?? OCI_MANIFEST,
      digest: `sha256:${hex}`,
      size: body.length,
      ...(type ? { artifactType: type } : {}),
      ...(m.annotations ? { annotations: m.annotations } : {})
    })
  }
  return { schemaVersion: 2, mediaType: OCI_INDEX, manifests }
}

/** Answers a referrers request (auth already checked). */
export function answerReferrers(state, req, res, target) {
  if (!enabled || req.method !== 'GET') {
    res.writeHead(404, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ errors: [{ code: 'NOT_FOUND', message: 'not found' }] }))
    return
  }
  const artifactType = new URL(req.url ?? '', 'https://x').searchParams.get('artifactType') ?? ''
  const body = JSON.stringify(referrersIndex(state, target.name, target.digest, artifactType))
  res.writeHead(200, { 'content-type': OCI_INDEX, 'content-length': Buffer.byteLength(body), ...(artifactType ? { 'oci-filters-applied': 'artifactType' } : {}) })
  res.end(body)
}
