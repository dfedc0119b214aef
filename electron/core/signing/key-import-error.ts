// key-import-error.ts — the closed set of reasons a private-key PEM is refused, each with the one
// sentence the user sees. Owns wording only; never inspects keys and never carries key bytes (no
// `cause` from the parser either, since parser errors can hold fragments of the input).
import { assertNever } from '../../../shared/assert-never.ts';

export type KeyImportErrorKind = 'not-pem' | 'encrypted' | 'not-rsa' | 'too-short' | 'is-public-key';

/** Smallest modulus Kalshi accepts (kalshi-fix.md §2.2: RSA 2048-bit). */
export const MIN_RSA_BITS = 2048;

export function describeKeyImportError(kind: KeyImportErrorKind): string {
  switch (kind) {
    case 'not-pem':
      return 'This is not a readable PEM private key; choose the key file that begins with -----BEGIN PRIVATE KEY-----.';
    case 'encrypted':
      return 'This private key is protected by a passphrase; remove it first (openssl pkey -in key.pem -out plain.pem) and import the unencrypted file.';
    case 'not-rsa':
      return 'This is not an RSA key; Kalshi needs an RSA key made with openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048.';
    case 'too-short':
      return `This RSA key is shorter than ${MIN_RSA_BITS} bits; Kalshi needs an RSA key of at least ${MIN_RSA_BITS} bits.`;
    case 'is-public-key':
      return 'This is a public key or certificate; Fillwatch needs the private key file you generated (it begins with -----BEGIN PRIVATE KEY-----).';
    default:
      return assertNever(kind, 'KeyImportErrorKind');
  }
}

export class KeyImportError extends Error {
  readonly kind: KeyImportErrorKind;

  constructor(kind: KeyImportErrorKind) {
    super(describeKeyImportError(kind));
    this.name = 'KeyImportError';
    this.kind = kind;
  }
}
