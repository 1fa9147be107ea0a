/** The post step's entry point (action.yml `post`): a cancel stops its docker commands too. */
import { cancelOnSignals } from './cancel.js'
import { docker, withSignal } from './docker.js'
import { post } from './post.js'

const cancel = cancelOnSignals()
await post(process.env, withSignal(docker, cancel.signal))
cancel.dispose()
