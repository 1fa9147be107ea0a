/**
 * The transport's bounds (a proxy that never answers CONNECT, a TLS server that never
 * speaks) and certificates the runner refuses, explained in one line.
 */
import http from 'node:http'
import https from 'node:https'
import net, { type AddressInfo } from 'node:net'
import { ActionError } from '../../../src/errors.js'
import { explainCertificateError, isCertificateError } from '../../../src/network/certificates.js'
import { createTransport } from '../../../src/network/http.js'
import { selfSigned } from '../../fixtures/tls.js'

describe('bounds and certificates of the transport', () => {
  let silent: net.Server
  let tlsServer: https.Server
  const cert = selfSigned('registry.test')
  let silentPort = 0
  let tlsPort = 0

  beforeAll(async () => {
    // Accepts connections and never says a word: not even a TLS handshake.
    silent = net.createServer(() => undefined)
    tlsServer = https.createServer({ cert: cert.cert, key: cert.key }, (_req, res) => res.writeHead(200).end('{}'))
    await new Promise<void>(resolve => silent.listen(0, '127.0.0.1', resolve))
    await new Promise<void>(resolve => tlsServer.listen(0, '127.0.0.1', resolve))
    silentPort = (silent.address() as AddressInfo).port
    tlsPort = (tlsServer.address() as AddressInfo).port
  })
  afterAll(() => {
    silent.close()
    tlsServer.closeAllConnections()
    tlsServer.close()
  })

  test('a TLS server that never answers the handshake: the answer bound fails the request', async () => {
    const send = createTransport({ timeouts: { response: 300 } })
    await expect(send(new URL(`https://127.0.0.1:${silentPort}/v2/`))).rejects.toMatchObject({ code: 'ETIMEDOUT', message: `GET https://127.0.0.1:${silentPort}/v2/: no answer in 0.3s` })
  })

  test('a self-signed certificate: one line naming the host, what is wrong and NODE_EXTRA_CA_CERTS; not a transient error', async () => {
    const error = (await createTransport()(new URL(`https://127.0.0.1:${tlsPort}/v2/`)).catch((e: unknown) => e)) as ActionError & { code: string }
    expect(error).toBeInstanceOf(ActionError)
    expect(error.code).toBe('DEPTH_ZERO_SELF_SIGNED_CERT')
    expect(error.message).toBe(
      `The TLS certificate of 127.0.0.1:${tlsPort} is self-signed, and this runner doesn't trust it (DEPTH_ZERO_SELF_SIGNED_CERT): if the host uses a private CA ` +
        `(or a TLS-inspecting proxy sits in between), give the job NODE_EXTRA_CA_CERTS=<that CA's certificate, PEM> (docker needs it too, in /etc/docker/certs.d/127.0.0.1:${tlsPort}/ca.crt).`
    )
    expect(error.message).not.toContain('\n')
  })

  test('a trusted certificate for another name: "is for another host name"', async () => {
    const agents = { 'http:': new http.Agent(), 'https:': new https.Agent({ ca: cert.cert }) }
    const error = (await createTransport({ agents })(new URL(`https://127.0.0.1:${tlsPort}/v2/`)).catch((e: unknown) => e)) as Error
    expect(error.message).toMatch(/^The TLS certificate of 127\.0\.0\.1:\d+ is for another host name \(ERR_TLS_CERT_ALTNAME_INVALID\): use the host name the certificate names/)
  })

  test.each([
    ['SELF_SIGNED_CERT_IN_CHAIN', "comes from a self-signed CA this runner doesn't trust (an unknown CA)", 'NODE_EXTRA_CA_CERTS'],
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', "comes from a CA this runner doesn't trust (an unknown CA)", 'NODE_EXTRA_CA_CERTS'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', "comes from a CA this runner doesn't trust (an unknown CA, or a chain the host sends incomplete)", 'NODE_EXTRA_CA_CERTS'],
    ['CERT_HAS_EXPIRED', 'has expired', 'must renew it'],
    ['CERT_NOT_YET_VALID', 'is not valid yet', "runner's clock"]
  ])('%s is explained: %s', (code, what, fix) => {
    const explained = explainCertificateError('registry.example', Object.assign(new Error('x'), { code }))
    expect(explained?.message).toContain(`The TLS certificate of registry.example ${what}`)
    expect(explained?.message).toContain(fix)
  })

  test('other errors are not certificate errors', () => {
    expect(isCertificateError(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toBe(false)
    expect(isCertificateError(Object.assign(new Error('x'), { code: 'toString' }))).toBe(false)
    expect(explainCertificateError('h', new Error('x'))).toBeUndefined()
  })
})
