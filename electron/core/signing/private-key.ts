// private-key.ts — the opaque SigningKey handle. Owns the imported RSA private key and is the only
// module that can reach it: the forge key lives in a module-private WeakMap keyed by the handle, so
// JSON.stringify, util.inspect, console.log, structuredClone (Electron IPC) and String() of a handle
// show only bits + fingerprint. Never exports, serialises or logs key material.
import forge from 'node-forge';
import { readRsaPrivateKeyPem } from './read-private-key-pem.ts';

export interface SigningKey {
  readonly bits: number;
  /** 'SHA256:' + unpadded base64 of sha256(SPKI DER), written the way ssh-keygen -l writes it. */
  readonly fingerprint: string;
  /** SPKI, '-----BEGIN PUBLIC KEY-----', LF line endings: what the user registers with Kalshi. */
  readonly publicKeyPem: string;
}

const privateKeys = new WeakMap<SigningKey, forge.pki.rsa.PrivateKey>();

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

class RsaSigningKey implements SigningKey {
  readonly bits: number;
  readonly fingerprint: string;
  readonly publicKeyPem: string;

  constructor(bits: number, fingerprint: string, publicKeyPem: string) {
    this.bits = bits;
    this.fingerprint = fingerprint;
    this.publicKeyPem = publicKeyPem;
  }

  toJSON(): { bits: number; fingerprint: string } {
    return { bits: this.bits, fingerprint: this.fingerprint };
  }

  toString(): string {
    return `SigningKey(RSA-${this.bits} ${this.fingerprint})`;
  }

  [INSPECT](): string {
    return this.toString();
  }
}

/** Imports PKCS#8 or PKCS#1 PEM; throws KeyImportError (see key-import-error.ts) for anything else. */
export function importPrivateKeyPem(pem: string): SigningKey {
  const privateKey = readRsaPrivateKeyPem(pem);
  const publicKey = forge.pki.setRsaPublicKey(privateKey.n, privateKey.e);
  const handle = Object.freeze(
    new RsaSigningKey(privateKey.n.bitLength(), spkiFingerprint(publicKey), toLf(forge.pki.publicKeyToPem(publicKey))),
  );
  privateKeys.set(handle, privateKey);
  return handle;
}

/** True only for handles made by importPrivateKeyPem (a look-alike object has no key behind it). */
export function isSigningKey(value: unknown): value is SigningKey {
  return typeof value === 'object' && value !== null && privateKeys.has(value as SigningKey);
}

/**
 * RSASSA-PSS, SHA-256, MGF1(SHA-256), salt 32 over the UTF-8 bytes of `message`; returns base64.
 * These are Kalshi's parameters (kalshi-fix.md §2.2); forge ~25 ms per 2048-bit signature, so this
 * is for one-per-logon use, not hot loops.
 */
export function signRsaPssSha256(key: SigningKey, message: string): string {
  const privateKey = privateKeys.get(key);
  if (privateKey === undefined) {
    throw new TypeError('signRsaPssSha256 needs a SigningKey returned by importPrivateKeyPem.');
  }
  const md = forge.md.sha256.create();
  md.update(message, 'utf8');
  const pss = forge.pss.create({
    md: forge.md.sha256.create(),
    mgf: forge.mgf.mgf1.create(forge.md.sha256.create()),
    saltLength: 32,
  });
  return forge.util.encode64(privateKey.sign(md, pss));
}

function spkiFingerprint(publicKey: forge.pki.rsa.PublicKey): string {
  const der = forge.asn1.toDer(forge.pki.publicKeyToAsn1(publicKey)).getBytes();
  const digest = forge.md.sha256.create().update(der).digest().getBytes();
  return 'SHA256:' + forge.util.encode64(digest).replace(/=+$/, '');
}

// forge writes PEM with CRLF; LF matches what openssl and node produce and what users paste.
function toLf(pem: string): string {
  return pem.replace(/\r\n/g, '\n');
}
