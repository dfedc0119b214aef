// logon-signature.ts — builds and signs the Kalshi Logon (35=A) signature, tag 96 (kalshi-fix.md §2.2),
// and verifies one with node:crypto (the simulator's acceptor uses that). Never sees private key
// bytes: signing goes through the SigningKey handle. Verification never throws.
import { constants, createPublicKey, verify } from 'node:crypto';
import { signRsaPssSha256 } from './private-key.ts';
import type { SigningKey } from './private-key.ts';

export interface LogonSignatureFields {
  /** Tag 52, byte-identical to the one sent (YYYYMMDD-HH:MM:SS.mmm UTC). */
  sendingTime: string;
  /** Tag 34, signed as its decimal text without padding. */
  msgSeqNum: number;
  /** Tag 49: the API key ID. */
  senderCompId: string;
  /** Tag 56: KalshiNR / KalshiRT / …. */
  targetCompId: string;
}

const SOH = '\x01';
const SALT_LENGTH = 32;

/**
 * SendingTime SOH "A" SOH MsgSeqNum SOH SenderCompID SOH TargetCompID, no leading or trailing SOH.
 * Throws RangeError on a field that could not have been sent as-is (empty, containing SOH, or a
 * seq num that is not a positive integer): signing such a payload would only produce a Logon that
 * Kalshi rejects with 373=8, far from the bug that caused it.
 */
export function logonSignaturePayload(f: LogonSignatureFields): string {
  if (!Number.isSafeInteger(f.msgSeqNum) || f.msgSeqNum < 1) {
    throw new RangeError(`MsgSeqNum must be a positive integer, got ${String(f.msgSeqNum)}.`);
  }
  const text: ReadonlyArray<readonly [string, unknown]> = [
    ['SendingTime', f.sendingTime],
    ['SenderCompID', f.senderCompId],
    ['TargetCompID', f.targetCompId],
  ];
  for (const [name, value] of text) {
    if (typeof value !== 'string' || value === '' || value.includes(SOH)) {
      throw new RangeError(`${name} must be a non-empty FIX value without SOH.`);
    }
  }
  return [f.sendingTime, 'A', String(f.msgSeqNum), f.senderCompId, f.targetCompId].join(SOH);
}

/** Base64 RSA-PSS (SHA-256, MGF1-SHA-256, salt 32) of the payload: 344 chars for a 2048-bit key. */
export function signLogon(key: SigningKey, f: LogonSignatureFields): string {
  return signRsaPssSha256(key, logonSignaturePayload(f));
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Checks tag 96 against the public key the user registered. Salt length is pinned to 32 rather than
 * auto-detected, so a signature made with other PSS parameters fails here as it would at Kalshi.
 * Returns false for any malformed input (bad PEM, non-RSA key, bad base64, bad fields).
 */
export function verifyLogonSignature(publicKeyPem: string, f: LogonSignatureFields, signatureBase64: string): boolean {
  try {
    if (typeof signatureBase64 !== 'string' || signatureBase64 === '' || !BASE64.test(signatureBase64)) return false;
    const key = createPublicKey(publicKeyPem);
    if (key.asymmetricKeyType !== 'rsa') return false;
    return verify(
      'sha256',
      Buffer.from(logonSignaturePayload(f), 'utf8'),
      { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: SALT_LENGTH },
      Buffer.from(signatureBase64, 'base64'),
    );
  } catch {
    return false;
  }
}
