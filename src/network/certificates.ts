/**
 * A TLS certificate the runner can't accept is no passing fault: it fails the same way each
 * time, so it is never tried again. It is explained in one line — the host, what is wrong
 * with its certificate (from node's error code), and what fixes it.
 */
import { ActionError } from '../errors.js'

const UNTRUSTED = "this runner doesn't trust"
const PRIVATE_CA =
  "if the host uses a private CA (or a TLS-inspecting proxy sits in between), give the job NODE_EXTRA_CA_CERTS=<that CA's certificate, PEM> (docker needs it too, in /etc/docker/certs.d/<host>/ca.crt)"

/** What each of node's certificate errors says about the certificate, and what fixes it. */
const PROBLEMS: Record<string, { what: string; fix: string }> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: { what: `is self-signed, and ${UNTRUSTED} it`, fix: PRIVATE_CA },
  SELF_SIGNED_CERT_IN_CHAIN: { what: `comes from a self-signed CA ${UNTRUSTED} (an unknown CA)`, fix: PRIVATE_CA },
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: { what: `comes from a CA ${UNTRUSTED} (an unknown CA)`, fix: PRIVATE_CA },
  UNABLE_TO_GET_ISSUER_CERT: { what: `comes from a CA ${UNTRUSTED} (an unknown CA)`, fix: PRIVATE_CA },
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: {
    what: `comes from a CA ${UNTRUSTED} (an unknown CA, or a chain the host sends incomplete)`,
    fix: PRIVATE_CA
  },
  CERT_UNTRUSTED: { what: `is not trusted by this runner`, fix: PRIVATE_CA },
  CERT_SIGNATURE_FAILURE: { what: 'has a signature that does not verify', fix: 'the host must present a valid certificate' },
  CERT_HAS_EXPIRED: { what: 'has expired', fix: 'the host (or the proxy in between) must renew it; a CA the runner trusts does not make it valid' },
  CERT_NOT_YET_VALID: { what: 'is not valid yet', fix: "check the runner's clock" },
  CERT_REVOKED: { what: 'has been revoked', fix: 'the host must present a valid certificate' },
  ERR_TLS_CERT_ALTNAME_INVALID: {
    what: 'is for another host name',
    fix: 'use the host name the certificate names (check AWS_ENDPOINT_URL and the registry), or have the certificate name this host'
  }
}

/** Whether an error is a certificate the runner refused (node's error code). */
export function isCertificateError(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined
  return typeof code === 'string' && Object.hasOwn(PROBLEMS, code)
}

/**
 * The explanation of a refused certificate, as the run's one-line error; undefined for any
 * other error. `host` is where the request went (`host`, or `host:port` for a port other than 443).
 */
export function explainCertificateError(host: string, error: unknown): ActionError | undefined {
  if (!isCertificateError(error)) return undefined
  const code = (error as { code: string }).code
  const problem = PROBLEMS[code] as { what: string; fix: string }
  return Object.assign(new ActionError(`The TLS certificate of ${host} ${problem.what} (${code}): ${problem.fix.replace('<host>', host)}.`), { code })
}
