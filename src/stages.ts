/** The pipeline's stages, each a group in the log, timed for the job summary; none starts after a cancel. */
import * as core from '@actions/core'

export class Stages {
  /** seconds per stage, in the order they ran */
  readonly times: [string, number][] = []

  constructor(private readonly signal?: AbortSignal) {}

  async run<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.signal?.throwIfAborted()
    const start = performance.now()
    try {
      return await core.group(name, fn)
    } finally {
      this.times.push([name, (performance.now() - start) / 1000])
    }
  }
}
