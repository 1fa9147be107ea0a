// The local stack's ECR Public: the API (JSON 1.1, target prefix SpencerFrontendService,
// as @aws-sdk/client-ecr-public sends it) kept in memory, following the ECR Public API
// reference for the operations the action and its tests use. front.mjs routes the AWS
// proxy's SpencerFrontendService calls here, and answers as the public.ecr.aws registry
// with this module's repositories and images.
//
// One registry: account 123456789012, alias `ecr-build-push-local`, so repository URIs are
// public.ecr.aws/ecr-build-push-local/<name>. Timestamps are epoch seconds, as the JSON
// protocol sends them.

export const PUBLIC_HOST = 'public.ecr.aws'
export const ALIAS = 'ecr-build-push-local'
export const PUBLIC_PASSWORD = '123456789012-public-auth-token'
const ACCOUNT = '123456789012'
// The repository name pattern as the API reference gives it (and as ECR quotes it in errors).
const NAME_PATTERN = '(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*'
const NAME = new RegExp(`^${NAME_PATTERN}$`)
const MAX_TAGS = 50
const ARCHITECTURES = ['ARM', 'ARM 64', 'x86', 'x86-64']
const SYSTEMS = ['Linux', 'Windows']

/**
 * @typedef {{ digest: string, tags: Set<string>, size: number, pushedAt: number, mediaType: string }} Image
 * @typedef {{ name: string, createdAt: number, catalog: Record<string, unknown>, policy?: string, tags: Map<string, string>, images: Map<string, Image> }} Repo
 */
/** @type {Map<string, Repo>} */
let repositories = new Map()

export function resetPublic() {
  repositories = new Map()
}

class ApiError extends Error {
  /** @param {string} type @param {string} message @param {number} [status] */
  constructor(type, message, status = 400) {
    super(message)
    this.type = type
    this.status = status
  }
}

const now = () => Date.now() / 1000
const arn = (/** @type {string} */ name) => `arn:aws:ecr-public::${ACCOUNT}:repository/${name}`
const uri = (/** @type {string} */ name) => `${PUBLIC_HOST}/${ALIAS}/${name}`

/** @param {Repo} r */
function describeRepo(r) {
  return { repositoryArn: arn(r.name), registryId: ACCOUNT, repositoryName: r.name, repositoryUri: uri(r.name), createdAt: r.createdAt }
}

/** @param {string} name */
function repo(name) {
  const r = repositories.get(name)
  if (!r) throw new ApiError('RepositoryNotFoundException', `The repository with name '${name}' does not exist in the registry with id '${ACCOUNT}'`)
  return r
}

/** The catalog data as GetRepositoryCatalogData returns it. @param {Repo} r */
function catalogOut(r) {
  const { logoImageBlob, ...rest } = r.catalog
  return { ...rest, ...(logoImageBlob ? { logoUrl: `https://d2c5ehxjfx8c3k.cloudfront.net/${r.name}/logo.png` } : {}), marketplaceCertified: false }
}

/** RepositoryCatalogDataInput, checked as the API reference says. @param {Record<string, any>} c */
function validateCatalog(c) {
  const bad = (/** @type {string} */ m) => {
    throw new ApiError('InvalidParameterException', m)
  }
  if (c.description !== undefined && (typeof c.description !== 'string' || c.description.length > 1024)) bad('description: at most 1024 characters')
  for (const k of ['aboutText', 'usageText']) if (c[k] !== undefined && (typeof c[k] !== 'string' || c[k].length > 25600)) bad(`${k}: at most 25600 characters`)
  // Values other than the gallery's badges (ARCHITECTURES, SYSTEMS) are kept, as ECR Public
  // does, but a warning in the log says the gallery won't show them.
  for (const [k, badges] of /** @type {[string, string[]][]} */ ([
    ['architectures', ARCHITECTURES],
    ['operatingSystems', SYSTEMS]
  ])) {
    const list = c[k]
    if (list === undefined) continue
    if (!Array.isArray(list) || list.length > 50) bad(`${k}: a list of at most 50`)
    for (const v of list) {
      if (typeof v !== 'string' || v.length < 1 || v.length > 50) bad(`${k}: each 1 to 50 characters`)
      if (!badges.includes(v)) console.log(`ecr-public: ${k} '${v}' is not a gallery badge (${badges.join(', ')})`)
    }
  }
  return c
}

/** @param {Repo} r @param {Image} i */
function describeImage(r, i) {
  return {
    registryId: ACCOUNT,
    repositoryName: r.name,
    imageDigest: i.digest,
    imageTags: [...i.tags],
    imageSizeInBytes: i.size,
    imagePushedAt: i.pushedAt,
    imageManifestMediaType: i.mediaType
  }
}

/** @type {Record<string, (p: Record<string, any>) => unknown>} */
const operations = {
  CreateRepository(p) {
    const name = p.repositoryName
    if (typeof name !== 'string' || name.length < 2 || name.length > 205 || !NAME.test(name)) {
      throw new ApiError('InvalidParameterException', `Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must satisfy regular expression '${NAME_PATTERN}''`)
    }
    if (repositories.has(name)) throw new ApiError('RepositoryAlreadyExistsException', `The repository with name '${name}' already exists in the registry with id '${ACCOUNT}'`)
    /** @type {Repo} */
    const r = { name, createdAt: now(), catalog: validateCatalog(p.catalogData ?? {}), tags: new Map(), images: new Map() }
    addTags(r, p.tags)
    repositories.set(name, r)
    return { repository: describeRepo(r), catalogData: catalogOut(r) }
  },
  DescribeRepositories(p) {
    if (p.repositoryNames && (p.maxResults !== undefined || p.nextToken !== undefined)) {
      throw new ApiError('InvalidParameterException', 'maxResults and nextToken cannot be used with repositoryNames')
    }
    if (p.repositoryNames) return { repositories: p.repositoryNames.map((/** @type {string} */ n) => describeRepo(repo(n))) }
    const { items, nextToken } = page([...repositories.values()], p)
    return { repositories: items.map(describeRepo), ...(nextToken ? { nextToken } : {}) }
  },
  DeleteRepository(p) {
    const r = repo(p.repositoryName)
    if (r.images.size > 0 && !p.force)
      throw new ApiError('RepositoryNotEmptyException', `The repository with name '${r.name}' in registry with id '${ACCOUNT}' cannot be deleted because it still contains images`)
    repositories.delete(r.name)
    return { repository: describeRepo(r) }
  },
  DescribeRegistries(p) {
    page([], p)
    return {
      registries: [
        {
          registryId: ACCOUNT,
          registryArn: `arn:aws:ecr-public::${ACCOUNT}:registry/${ACCOUNT}`,
          registryUri: `${PUBLIC_HOST}/${ALIAS}`,
          verified: false,
          aliases: [{ name: ALIAS, status: 'ACTIVE', primaryRegistryAlias: true, defaultRegistryAlias: true }]
        }
      ]
    }
  },
  GetRegistryCatalogData() {
    return { registryCatalogData: { displayName: ALIAS } }
  },
  GetRepositoryCatalogData(p) {
    return { catalogData: catalogOut(repo(p.repositoryName)) }
  },
  PutRepositoryCatalogData(p) {
    const r = repo(p.repositoryName)
    // The whole catalog is replaced by what is sent.
    r.catalog = validateCatalog(p.catalogData ?? {})
    return { catalogData: catalogOut(r) }
  },
  GetAuthorizationToken() {
    return { authorizationData: { authorizationToken: Buffer.from(`AWS:${PUBLIC_PASSWORD}`).toString('base64'), expiresAt: now() + 12 * 3600 } }
  },
  DescribeImages(p) {
    const r = repo(p.repositoryName)
    const images = [...r.images.values()]
    if (p.imageIds) {
      if (p.maxResults !== undefined || p.nextToken !== undefined) throw new ApiError('InvalidParameterException', 'maxResults and nextToken cannot be used with imageIds')
      const found = p.imageIds.map((/** @type {{imageDigest?: string, imageTag?: string}} */ id) => {
        const image = images.find(i => (id.imageDigest && i.digest === id.imageDigest) || (id.imageTag && i.tags.has(id.imageTag)))
        if (!image)
          throw new ApiError('ImageNotFoundException', `The image with imageId ${JSON.stringify(id)} does not exist within the repository with name '${r.name}' in the registry with id '${ACCOUNT}'`)
        return image
      })
      return { imageDetails: found.map((/** @type {Image} */ i) => describeImage(r, i)) }
    }
    const { items, nextToken } = page(images, p)
    return { imageDetails: items.map(i => describeImage(r, i)), ...(nextToken ? { nextToken } : {}) }
  },
  DescribeImageTags(p) {
    const r = repo(p.repositoryName)
    const details = [...r.images.values()].flatMap(i =>
      [...i.tags].map(imageTag => ({
        imageTag,
        createdAt: i.pushedAt,
        imageDetail: { imageDigest: i.digest, imageSizeInBytes: i.size, imagePushedAt: i.pushedAt, imageManifestMediaType: i.mediaType }
      }))
    )
    const { items, nextToken } = page(details, p)
    return { imageTagDetails: items, ...(nextToken ? { nextToken } : {}) }
  },
  SetRepositoryPolicy(p) {
    const r = repo(p.repositoryName)
    try {
      JSON.parse(p.policyText)
    } catch {
      throw new ApiError('InvalidParameterException', "Invalid parameter at 'PolicyText' failed to satisfy constraint: 'Invalid repository policy provided'")
    }
    r.policy = p.policyText
    return { registryId: ACCOUNT, repositoryName: r.name, policyText: r.policy }
  },
  GetRepositoryPolicy(p) {
    const r = repo(p.repositoryName)
    if (r.policy === undefined)
      throw new ApiError('RepositoryPolicyNotFoundException', `Repository policy does not exist for the repository with name '${r.name}' in the registry with id '${ACCOUNT}'`)
    return { registryId: ACCOUNT, repositoryName: r.name, policyText: r.policy }
  },
  DeleteRepositoryPolicy(p) {
    const out = operations.GetRepositoryPolicy(p)
    repo(p.repositoryName).policy = undefined
    return out
  },
  TagResource(p) {
    addTags(repoByArn(p.resourceArn), p.tags)
    return {}
  },
  UntagResource(p) {
    const r = repoByArn(p.resourceArn)
    for (const k of p.tagKeys ?? []) r.tags.delete(k)
    return {}
  },
  ListTagsForResource(p) {
    return { tags: [...repoByArn(p.resourceArn).tags].map(([Key, Value]) => ({ Key, Value })) }
  }
}

/**
 * Tags as CreateRepository and TagResource take them: keys 1–128 characters, values up to
 * 256, at most 50 on a repository (counting those it has); none is applied when one fails.
 * @param {Repo} r @param {{Key?: string, Value?: string}[] | undefined} tags
 */
function addTags(r, tags = []) {
  for (const t of tags) {
    if (typeof t.Key !== 'string' || t.Key.length < 1 || t.Key.length > 128 || (t.Value !== undefined && (typeof t.Value !== 'string' || t.Value.length > 256))) {
      throw new ApiError('InvalidTagParameterException', 'Tag keys can have a maximum character length of 128 characters, and tag values can have a maximum length of 256 characters.')
    }
  }
  const keys = new Set([...r.tags.keys(), ...tags.map(t => /** @type {string} */ (t.Key))])
  if (keys.size > MAX_TAGS)
    throw new ApiError('TooManyTagsException', `The list of tags on the repository is over the limit. The maximum number of tags that can be applied to a repository is ${MAX_TAGS}.`)
  for (const t of tags) r.tags.set(/** @type {string} */ (t.Key), t.Value ?? '')
}

/**
 * One page of a list, as the Describe operations page with maxResults (1–1000, 100 when not
 * given) and an opaque nextToken.
 * @template T @param {T[]} list @param {{maxResults?: number, nextToken?: string}} p
 * @returns {{ items: T[], nextToken?: string }}
 */
function page(list, p) {
  const size = p.maxResults ?? 100
  if (!Number.isInteger(size) || size < 1 || size > 1000)
    throw new ApiError('InvalidParameterException', "Invalid parameter at 'maxResults' failed to satisfy constraint: 'Member must have value between 1 and 1000'")
  let start = 0
  if (p.nextToken !== undefined) {
    start = Number(/^page:(\d+)$/.exec(Buffer.from(String(p.nextToken), 'base64').toString())?.[1] ?? NaN)
    if (!Number.isInteger(start)) throw new ApiError('InvalidParameterException', "Invalid parameter at 'nextToken': not a token this operation returned")
  }
  const end = start + size
  return { items: list.slice(start, end), ...(end < list.length ? { nextToken: Buffer.from(`page:${end}`).toString('base64') } : {}) }
}

/** @param {string} resourceArn */
function repoByArn(resourceArn) {
  const name = /^arn:aws:ecr-public::\d{12}:repository\/(.+)$/.exec(resourceArn ?? '')?.[1]
  if (!name) throw new ApiError('InvalidParameterException', `Invalid parameter at 'resourceArn': ${resourceArn}`)
  return repo(name)
}

/**
 * One ECR Public API call: the JSON answer, or the error as the JSON protocol sends it.
 * @param {string} operation @param {string} text the request body
 * @returns {{ status: number, body: Record<string, unknown> }}
 */
export function publicApi(operation, text) {
  const op = operations[operation]
  if (!op) return { status: 400, body: { __type: 'UnknownOperationException', message: `${operation} is not emulated` } }
  /** @type {Record<string, any>} */
  let payload
  try {
    payload = text.trim() ? JSON.parse(text) : {}
  } catch {
    return { status: 400, body: { __type: 'SerializationException', message: 'the request body is not JSON' } }
  }
  try {
    return { status: 200, body: /** @type {Record<string, unknown>} */ (op(payload)) }
  } catch (e) {
    if (e instanceof ApiError) return { status: e.status, body: { __type: e.type, message: e.message } }
    throw e
  }
}

/** Whether the public registry has this repository (the registry answers NAME_UNKNOWN for others). @param {string} name */
export function publicRepositoryExists(name) {
  return repositories.has(name)
}

/**
 * A manifest the public registry accepted: the image DescribeImages shows.
 * @param {string} name @param {string} digest @param {string | undefined} tag @param {Buffer} manifest @param {string} mediaType
 */
export function recordPublicImage(name, digest, tag, manifest, mediaType) {
  const r = repositories.get(name)
  if (!r) return
  /** @type {{ config?: { size?: number }, layers?: { size?: number }[], manifests?: { digest: string }[] }} */
  const m = JSON.parse(manifest.toString('utf8'))
  const size = m.manifests ? m.manifests.reduce((sum, child) => sum + (r.images.get(child.digest)?.size ?? 0), 0) : [m.config, ...(m.layers ?? [])].reduce((sum, d) => sum + (d?.size ?? 0), 0)
  const image = r.images.get(digest) ?? { digest, tags: new Set(), size, pushedAt: now(), mediaType }
  if (tag) {
    // A tag names one image: moving it takes it from the one that had it.
    for (const other of r.images.values()) other.tags.delete(tag)
    image.tags.add(tag)
  }
  r.images.set(digest, image)
}
