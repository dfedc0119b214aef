// index.ts — the signing module's public surface: import a user's RSA private key into an opaque
// handle, sign/verify the Kalshi Logon signature, generate a key pair. Re-exports only.
export { KeyImportError, describeKeyImportError, MIN_RSA_BITS } from './key-import-error.ts';
export type { KeyImportErrorKind } from './key-import-error.ts';
export { importPrivateKeyPem, isSigningKey } from './private-key.ts';
export type { SigningKey } from './private-key.ts';
export { logonSignaturePayload, signLogon, verifyLogonSignature } from './logon-signature.ts';
export type { LogonSignatureFields } from './logon-signature.ts';
export { generateKeyPair, generateKeyPairAsync } from './keygen.ts';
export type { GeneratedKeyPair } from './keygen.ts';
