/**
 * `push: false` (e.g. pull requests): the image built for every platform, nothing pushed,
 * no AWS and no login; the outputs and the summary say so. The builder check explains a
 * build that fails.
 */
import { buildAndPush, checkBuilder, explainFailure } from './build.js'
import { dockerConfigDir } from './docker-config.js'
import { imageReferences, labelsFor } from './build-plan.js'
import type { Settings } from './inputs.js'
import type { RunDeps } from './main.js'
import { imageOutputs, outputBase, setOutputs } from './outputs.js'
import { writeSummary } from './summary.js'

export async function buildOnly(settings: Settings, { env, docker }: RunDeps): Promise<void> {
  const { build, image, repository } = settings
  const result = await explainFailure(
    buildAndPush(docker, build, imageReferences(repository.name, image.tags), labelsFor(env, image.version), { tempDir: env.RUNNER_TEMP, configDir: dockerConfigDir(env) }),
    () => checkBuilder(docker, build.platforms)
  )
  const outputs = imageOutputs({ ...outputBase(image, repository.name, ''), digest: '', metadata: result.metadata, skipped: false })
  setOutputs(outputs)
  if (settings.summary) await writeSummary({
    repository: repository.name,
    pushed: false,
    outcome: 'built, not pushed (push: false)',
    imageUri: outputs['image-uri'],
    imageDigestUri: '',
    digest: '',
    tags: image.tags,
    platforms: build.platforms,
    repositoryChanges: [],
    lifecycle: 'not checked (push: false)',
    warnings: []
  })
}
