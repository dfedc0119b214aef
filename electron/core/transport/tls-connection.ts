// tls-connection.ts — opens the TLS socket to the exchange: certificates always verified against
// Node's bundled Mozilla root store (tls.rootCertificates; the operating system's store is not read),
// plus an optional CA bundle such as Kalshi's pinned certificate or the simulator's CA; optional
// SHA-256 pins on the presented chain, SNI, a connect timeout and TCP keep-alive.
// It gives back a connected socket or a ConnectError with one of four kinds, whose message is one
// line saying what is wrong and what to do; it never retries.
import { connect, rootCertificates, checkServerIdentity, type PeerCertificate, type TLSSocket } from 'node:tls';
import { isIP } from 'node:net';

export interface TlsEndpoint {
  readonly host: string;
  readonly port: number;
  /** Extra trust anchors (PEM), added to Node's bundled roots. */
  readonly caPem?: string;
  /** SHA-256 fingerprints (hex, colons optional) one of which must appear in the server's chain. */
  readonly pinnedSha256?: readonly string[];
  /** SNI / certificate name; defaults to host. */
  readonly servername?: string;
  readonly connectTimeoutMs?: number;
  readonly keepAliveMs?: number;
}

export type ConnectErrorKind = 'unreachable' | 'timeout' | 'tls' | 'pin-mismatch';

export class ConnectError extends Error {
  override readonly name = 'ConnectError';
  readonly kind: ConnectErrorKind;
  constructor(kind: ConnectErrorKind, message: string) {
    super(message);
    this.kind = kind;
  }
}

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO|HOSTNAME|ERR_TLS|ERR_SSL|EPROTO|ALTNAME/;

export function connectTls(endpoint: TlsEndpoint): Promise<TLSSocket> {
  const where = `${endpoint.host}:${endpoint.port}`;
  const servername = endpoint.servername ?? endpoint.host;
  return new Promise((resolve, reject) => {
    const socket = connect({
      host: endpoint.host,
      port: endpoint.port,
      // Node does not send SNI for an IP address (RFC 6066); the name check still runs.
      ...(isIP(servername) === 0 ? { servername } : {}),
      ca: endpoint.caPem === undefined ? undefined : [...rootCertificates, endpoint.caPem],
      rejectUnauthorized: true,
      minVersion: 'TLSv1.2', // kalshi-fix.md §1
      checkServerIdentity: (name, cert) => checkServerIdentity(servername, cert) ?? checkPins(name, cert, endpoint.pinnedSha256),
    });
    const timer = setTimeout(() => fail(new ConnectError('timeout', `Timed out connecting to ${where} after ${endpoint.connectTimeoutMs ?? 10_000} ms.`)), endpoint.connectTimeoutMs ?? 10_000);
    const fail = (error: ConnectError) => {
      clearTimeout(timer);
      socket.destroy();
      reject(error);
    };
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      socket.off('error', onError);
      socket.setNoDelay(true);
      socket.setKeepAlive(true, endpoint.keepAliveMs ?? 15_000);
      resolve(socket);
    });
    const onError = (error: NodeJS.ErrnoException) => fail(classify(error, where, servername));
    socket.once('error', onError);
  });
}

function classify(error: NodeJS.ErrnoException, where: string, servername: string): ConnectError {
  const code = error.code ?? '';
  if (error instanceof ConnectError) return error;
  if (code === 'ERR_FILLWATCH_PIN') return new ConnectError('pin-mismatch', `TLS certificate of ${where} does not match the pinned fingerprint.`);
  if (TLS_CODES.test(code) || /certificate|ssl|tls/i.test(error.message)) {
    return new ConnectError('tls', `TLS failure with ${where}: ${tlsAdvice(code, error.message, servername)}`);
  }
  if (code === 'ETIMEDOUT') return new ConnectError('timeout', `Timed out connecting to ${where}.`);
  return new ConnectError('unreachable', `Cannot reach ${where}: ${error.message}${code ? ` (${code})` : ''}.`);
}

const UNTRUSTED = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_UNTRUSTED', 'CERT_SIGNATURE_FAILURE']);
const OUT_OF_DATE = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);

/**
 * What went wrong and what the user can do, in a few words. Node's own text is not used for the known
 * cases: it ends with a hint to run Node with --use-system-ca, which a Fillwatch user cannot act on.
 */
function tlsAdvice(code: string, nodeMessage: string, servername: string): string {
  if (UNTRUSTED.has(code)) return `certificate not signed by a trusted CA (${code}); pass --ca with the server's CA certificate.`;
  if (OUT_OF_DATE.has(code)) return `certificate expired or not yet valid (${code}); check this computer's clock.`;
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return `certificate is not for "${servername}" (${code}); check the host name or pass --servername.`;
  const what = nodeMessage.replace(/[;.]?\s*(if the root CA|try running Node).*$/s, '').replace(/\s+/g, ' ').slice(0, 80);
  return `${what} (${code || 'no code'}); pass --ca if the server has its own CA, check the host name and the clock.`;
}

function checkPins(_name: string, cert: PeerCertificate, pins: readonly string[] | undefined): Error | undefined {
  if (pins === undefined || pins.length === 0) return undefined;
  const wanted = new Set(pins.map(normalizeFingerprint));
  const seen = new Set<PeerCertificate>();
  for (let c: PeerCertificate | undefined = cert; c !== undefined && !seen.has(c); c = (c as { issuerCertificate?: PeerCertificate }).issuerCertificate) {
    seen.add(c);
    if (c.fingerprint256 !== undefined && wanted.has(normalizeFingerprint(c.fingerprint256))) return undefined;
  }
  return Object.assign(new Error('certificate pin mismatch'), { code: 'ERR_FILLWATCH_PIN' });
}

export function normalizeFingerprint(fp: string): string {
  return fp.replace(/[^0-9a-f]/gi, '').toUpperCase();
}
