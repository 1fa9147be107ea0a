/** The post step's entry point (action.yml `post`). */
import { post } from './post.js'

await post()
