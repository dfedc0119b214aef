// certs.ts — the simulator's throwaway PKI: a self-signed CA and server certificates it issues for
// the local FIX acceptor, so Fillwatch's client can run with full TLS verification (CA pinned,
// hostname checked) against 127.0.0.1. Never used for anything but the simulator and tests; the
// keys are generated fresh each time and never written anywhere by this module.
import { isIP } from 'node:net';
import forge from 'node-forge';

export interface CertificateAuthority {
  certPem: string;
  keyPem: string;
}

export interface IssuedCertificate {
  certPem: string;
  keyPem: string;
}

const KEY_BITS = 2048; // forge delegates to node's native keygen: ~0.1–0.3 s each
const DAY_MS = 86_400_000;
// notBefore is one day back so a peer whose clock runs a little behind still accepts the cert.
const BACKDATE_MS = DAY_MS;
const LIFETIME_MS = 365 * DAY_MS;

export function createCertificateAuthority(commonName = 'Fillwatch Simulator CA'): CertificateAuthority {
  const keys = forge.pki.rsa.generateKeyPair({ bits: KEY_BITS, e: 0x10001 });
  const cert = baseCertificate(keys.publicKey);
  const subject = [
    { name: 'commonName', value: commonName },
    { name: 'organizationName', value: 'Fillwatch Simulator' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { certPem: toLf(forge.pki.certificateToPem(cert)), keyPem: toLf(pkcs8Pem(keys.privateKey)) };
}

/**
 * A leaf for a TLS server, signed by `ca`. Each hostname becomes a SAN entry: an IP SAN for IPv4/IPv6
 * literals, a DNS SAN otherwise (clients match IP literals only against IP SANs). CN is the first.
 */
export function issueServerCertificate(ca: CertificateAuthority, hostnames: string[]): IssuedCertificate {
  if (hostnames.length === 0) throw new RangeError('issueServerCertificate needs at least one hostname or IP.');
  const caCert = forge.pki.certificateFromPem(ca.certPem);
  const caKey = forge.pki.privateKeyFromPem(ca.keyPem);
  const keys = forge.pki.rsa.generateKeyPair({ bits: KEY_BITS, e: 0x10001 });
  const cert = baseCertificate(keys.publicKey);
  cert.setSubject([{ name: 'commonName', value: hostnames[0] }]);
  cert.setIssuer(caCert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: hostnames.map(altName) },
    { name: 'subjectKeyIdentifier' },
    // Links the leaf to the CA's key so verifiers pick the right issuer.
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(caKey, forge.md.sha256.create());
  return { certPem: toLf(forge.pki.certificateToPem(cert)), keyPem: toLf(pkcs8Pem(keys.privateKey)) };
}

function baseCertificate(publicKey: forge.pki.rsa.PublicKey): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = randomSerial();
  const now = Date.now();
  cert.validity.notBefore = new Date(now - BACKDATE_MS);
  cert.validity.notAfter = new Date(now + LIFETIME_MS);
  return cert;
}

// 16 random bytes, top bit cleared so the DER INTEGER stays positive (RFC 5280 §4.1.2.2), and
// non-zero leading nibble so forge does not emit a non-minimal encoding.
function randomSerial(): string {
  const bytes = forge.util.bytesToHex(forge.random.getBytesSync(16));
  const first = (parseInt(bytes.slice(0, 2), 16) & 0x7f) | 0x10;
  return first.toString(16).padStart(2, '0') + bytes.slice(2);
}

function altName(host: string): { type: number; value?: string; ip?: string } {
  if (host === '') throw new RangeError('issueServerCertificate: empty hostname.');
  // GeneralName tags (RFC 5280): 2 = dNSName, 7 = iPAddress.
  return isIP(host) !== 0 ? { type: 7, ip: host } : { type: 2, value: host };
}

function pkcs8Pem(key: forge.pki.PrivateKey): string {
  return forge.pki.privateKeyInfoToPem(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(key)));
}

// forge writes PEM with CRLF; LF matches openssl and node.
function toLf(pem: string): string {
  return pem.replace(/\r\n/g, '\n');
}
