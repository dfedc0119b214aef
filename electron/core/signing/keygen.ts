// keygen.ts — makes a fresh RSA key pair for a user who has none yet (onboarding "Generate"), in
// the same shape as `openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048`: PKCS#8 private,
// SPKI public, LF line endings. Never stores or logs what it makes; the caller hands the private
// PEM straight to the keychain and importPrivateKeyPem.
import forge from 'node-forge';
import { MIN_RSA_BITS } from './key-import-error.ts';

export interface GeneratedKeyPair {
  privateKeyPem: string;
  publicKeyPem: string;
}

const PUBLIC_EXPONENT = 0x10001;
const MAX_RSA_BITS = 16384;

/** Synchronous; forge delegates to node's native keygen (~0.3 s at 2048 bits, blocks the thread). */
export function generateKeyPair(bits = MIN_RSA_BITS): GeneratedKeyPair {
  checkBits(bits);
  return toPems(forge.pki.rsa.generateKeyPair({ bits, e: PUBLIC_EXPONENT }));
}

/** Same, off the calling thread (native async keygen), for Electron's main process. */
export function generateKeyPairAsync(bits = MIN_RSA_BITS): Promise<GeneratedKeyPair> {
  checkBits(bits);
  return new Promise((resolve, reject) => {
    forge.pki.rsa.generateKeyPair({ bits, e: PUBLIC_EXPONENT }, (err, keys) => {
      if (err) reject(err instanceof Error ? err : new Error(String(err)));
      else resolve(toPems(keys));
    });
  });
}

// Fewer than 2048 bits would make a key importPrivateKeyPem refuses; forge's native path stops at 16384.
function checkBits(bits: number): void {
  if (!Number.isSafeInteger(bits) || bits < MIN_RSA_BITS || bits > MAX_RSA_BITS || bits % 8 !== 0) {
    throw new RangeError(`RSA key size must be a multiple of 8 between ${MIN_RSA_BITS} and ${MAX_RSA_BITS} bits, got ${String(bits)}.`);
  }
}

function toPems(keys: forge.pki.rsa.KeyPair): GeneratedKeyPair {
  const pkcs8 = forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(keys.privateKey));
  return {
    privateKeyPem: toLf(forge.pki.privateKeyInfoToPem(pkcs8)),
    publicKeyPem: toLf(forge.pki.publicKeyToPem(keys.publicKey)),
  };
}

// forge writes PEM with CRLF; LF matches openssl's output.
function toLf(pem: string): string {
  return pem.replace(/\r\n/g, '\n');
}
