/**
 * `push: false` (e.g. pull requests): the image built for every platform, nothing pushed,
 * no AWS and no login; the outputs and the summary say so.
 */
import { checkBuilder, describeBuilder } from './build/builder.js'
import { buildAndPush } from './build/buildx.js'
import { annotationsForBuild, mergedLabels } from './build/metadata.js'
import { imageReferences, labelsFor } from './build/plan.js'
import { buildxConfigDir } from './build/record.js'
import type { Docker } from './docker.js'
import { imageOutputs, outputBase, setOutputs } from './report/outputs.js'
import { writeSummary } from './report/summary.js'
import type { Env, Settings } from './settings/types.js'

export async function buildOnly(settings: Settings, { env, docker }: { env: Env; docker: Docker }): Promise<void> {
  const { build, image, repository } = settings
  const builder = await checkBuilder(docker, build.platforms, build.builder, build.options?.load === true)
  const labels = labelsFor(env, image.version)
  const annotated = { ...build, annotations: annotationsForBuild(labels, build) }
  const result = await buildAndPush(docker, annotated, imageReferences(repository.name, image.tags), labels, {
    tempDir: env.RUNNER_TEMP,
    buildxConfigDir: buildxConfigDir(env),
    builder: builder.use
  })
  const outputs = imageOutputs({
    ...outputBase(image, repository.name, ''),
    digest: '',
    metadata: result.metadata,
    skipped: false,
    labels: mergedLabels(labels, build.labels),
    annotations: annotated.annotations
  })
  setOutputs(outputs)
  if (settings.summary)
    await writeSummary({
      repository: repository.name,
      pushed: false,
      outcome: `built, not pushed (push: false)${build.options?.load === true ? `; loaded into the job's Docker engine as ${image.tags.map(t => `${repository.name}:${t}`).join(', ')}` : ''}`,
      imageUri: outputs['image-uri'],
      imageDigestUri: '',
      digest: '',
      tags: image.tags,
      platforms: build.platforms,
      builder: describeBuilder(builder),
      repositoryChanges: [],
      lifecycle: 'not checked (push: false)',
      warnings: []
    })
}
