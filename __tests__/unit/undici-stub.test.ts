/** The bundle's stand-in for undici: nothing of the action builds a ProxyAgent, and one that did would fail saying why. */
import { ProxyAgent } from '../../src/undici-stub.js'

test('a ProxyAgent is refused, naming the stub', () => {
  expect(() => new ProxyAgent()).toThrow('undici is not part of the ecr-build-push bundle (src/undici-stub.ts)')
})
