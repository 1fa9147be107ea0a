/** The pipeline's stages, each a group in the log, timed for the job summary. */
import * as core from '@actions/core'

export class Stages {
  /** seconds per stage, in the order they ran */
  readonly times: [string, number][] = []

  async run<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const start = performance.now()
    try {
      return await core.group(name, fn)
    } finally {
      this.times.push([name, (performance.now() - start) / 1000])
    }
  }
}
