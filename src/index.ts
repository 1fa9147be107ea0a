/** Entry point of the main step (`runs.main`). */
import { cancelOnSignals } from './cancel.js'
import { docker } from './docker.js'
import { run } from './main.js'

const cancel = cancelOnSignals()
await run({ env: process.env, docker, signal: cancel.signal })
cancel.dispose()
// Cancelled: a request still waiting for an answer must not keep the step open.
if (cancel.signal.aborted) process.exit()
