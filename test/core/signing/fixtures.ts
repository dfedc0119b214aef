// fixtures.ts — key inputs for the signing tests, generated at test time with node:crypto (an
// implementation independent of the forge code under test), so no private key is ever committed.
// Each getter is memoised: one RSA-2048 generation per test file, not per test.
import { generateKeyPairSync } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import forge from 'node-forge';

function memo<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

export const rsa2048 = memo((): { privateKey: KeyObject; publicKey: KeyObject } =>
  generateKeyPairSync('rsa', { modulusLength: 2048 }),
);

export const pkcs8Pem = (): string => rsa2048().privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
export const pkcs1Pem = (): string => rsa2048().privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
export const spkiPem = (): string => rsa2048().publicKey.export({ type: 'spki', format: 'pem' }).toString();
export const pkcs1PublicPem = (): string => rsa2048().publicKey.export({ type: 'pkcs1', format: 'pem' }).toString();

export const encryptedPkcs8Pem = (): string =>
  rsa2048()
    .privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'correct horse' })
    .toString();

// PKCS#1 with a cipher is OpenSSL's legacy form: 'Proc-Type: 4,ENCRYPTED' + 'DEK-Info' headers.
export const encryptedPkcs1Pem = (): string =>
  rsa2048()
    .privateKey.export({ type: 'pkcs1', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'correct horse' })
    .toString();

export const ecPkcs8Pem = memo((): string =>
  generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
);
export const ecSec1Pem = memo((): string =>
  generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'sec1', format: 'pem' }).toString(),
);
export const ed25519Pem = memo((): string =>
  generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
);
export const rsa1024Pem = memo((): string =>
  generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
);

/**
 * A self-signed X.509 certificate for the 2048-bit test key. node:crypto cannot issue certificates,
 * so forge assembles this one; it is only an input that must be refused, not something under test.
 */
export const certificatePem = memo((): string => {
  const key = forge.pki.privateKeyFromPem(pkcs8Pem()) as forge.pki.rsa.PrivateKey;
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 86_400_000);
  const name = [{ name: 'commonName', value: 'fillwatch-test' }];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.sign(key, forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
});
