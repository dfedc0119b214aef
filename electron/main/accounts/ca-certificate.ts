// ca-certificate.ts — a CA certificate the user picks for a custom host (a simulator, a test venue):
// parsed with Node's X509Certificate before it is kept, so a wrong file is refused with a sentence,
// and described by public facts only (subject, SHA-256) for Settings.
import { X509Certificate } from 'node:crypto';
import type { CertificateFacts } from '../../../shared/ipc/contract.ts';

export class CertificateError extends Error {
  override readonly name = 'CertificateError';
}

/** Checks that `pem` is one X.509 certificate and returns its facts. */
export function certificateFacts(pem: string): CertificateFacts {
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) {
    throw new CertificateError('This file holds a private key, not a CA certificate; choose the certificate (it begins with -----BEGIN CERTIFICATE-----).');
  }
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(pem);
  } catch {
    throw new CertificateError('This is not a readable PEM certificate; choose the CA certificate file (it begins with -----BEGIN CERTIFICATE-----).');
  }
  return { subject: certificate.subject.replace(/\n/g, ', '), sha256: certificate.fingerprint256 };
}
