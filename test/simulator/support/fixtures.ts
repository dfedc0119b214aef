// fixtures.ts — keys and certificates for the simulator tests, made at test time (nothing secret is
// committed) and memoised so each test file pays for them once: RSA keys via node:crypto (fast and
// independent of the forge signer under test), the TLS chain via the simulator's own certs.ts.
import { generateKeyPairSync } from 'node:crypto';
import { createCertificateAuthority, issueServerCertificate } from '../../../electron/simulator/certs.ts';
import { importPrivateKeyPem } from '../../../electron/core/signing/private-key.ts';
import type { SigningKey } from '../../../electron/core/signing/private-key.ts';

export interface TestAccount {
  readonly apiKeyId: string;
  readonly publicKeyPem: string;
  readonly key: SigningKey;
}

function memo<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

function makeAccount(apiKeyId: string): TestAccount {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    apiKeyId,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    key: importPrivateKeyPem(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()),
  };
}

export const accountA = memo(() => makeAccount('3f2a9c1e-7b44-4d0e-9a51-0c6f2b8d1e77'));
export const accountB = memo(() => makeAccount('9b0c6d2e-1f3a-4c5b-8d7e-6a5b4c3d2e1f'));
/** A key pair the simulator never hears of, for "wrong key" cases. */
export const strangerKey = memo(() => makeAccount('00000000-0000-4000-8000-000000000000'));

export const testTls = memo(() => {
  const ca = createCertificateAuthority('Fillwatch Simulator Test CA');
  return { caPem: ca.certPem, server: issueServerCertificate(ca, ['127.0.0.1', 'localhost']) };
});
