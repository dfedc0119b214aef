// admin-encoder.ts — turns an AdminMessage the session decided to send into FIX bytes: header,
// body, and for the Logon the RSA-PSS signature over the exact SendingTime placed in tag 52.
// The signer is a function handed in by the caller, so the private key never enters the session.
import { encodeMessage } from '../fix/encode.ts';
import { Tag } from '../../../shared/fix/tags.ts';
import { formatUtcTimestamp } from '../fix/time.ts';
import { adminBody, msgTypeOf, type AdminMessage } from './admin-messages.ts';
import type { SessionConfig } from './session-config.ts';
import type { LogonSignatureFields } from '../../../shared/service/logon-signature-fields.ts';

/** What the Logon signature covers (plain data, shared so a signing request can cross a thread). */
export type LogonSignatureInput = LogonSignatureFields;

/**
 * Signs the Logon: returns the base64 signature for RawData(96). May answer later (a Promise) when the
 * key lives elsewhere, e.g. the engine runs in a worker and the key stays on Electron's main thread.
 */
export type LogonSigner = (fields: LogonSignatureInput) => string | Promise<string>;

/** A signer that answers at once (in-process key). */
export type SyncLogonSigner = (fields: LogonSignatureInput) => string;

/**
 * Encodes an admin message. Only a Logon needs the signer; when it answers with a Promise, so does this
 * function (the session writes the Logon once it is signed: nothing else is sent before its reply).
 */
export function encodeAdminMessage(
  message: AdminMessage,
  msgSeqNum: number,
  possDup: boolean,
  config: SessionConfig,
  nowMs: number,
  signLogon: LogonSigner,
): Buffer | Promise<Buffer> {
  const sendingTime = formatUtcTimestamp(nowMs);
  const header = {
    msgType: msgTypeOf(message),
    senderCompId: config.senderCompId,
    targetCompId: config.targetCompId,
    msgSeqNum,
    sendingTime,
    ...(possDup ? { possDup: true, origSendingTime: sendingTime } : {}),
  };
  const body = adminBody(message, config);
  if (message.type !== 'Logon') return encodeMessage(header, body);
  const withSignature = (signature: string): Buffer => {
    const signatureFields: Array<readonly [number, string | number]> = config.sendRawDataLength
      ? [[Tag.RawDataLength, Buffer.byteLength(signature, 'latin1')], [Tag.RawData, signature]]
      : [[Tag.RawData, signature]];
    return encodeMessage(header, [...body, ...signatureFields]);
  };
  const signature = signLogon({ sendingTime, msgSeqNum, senderCompId: config.senderCompId, targetCompId: config.targetCompId });
  return typeof signature === 'string' ? withSignature(signature) : signature.then(withSignature);
}

/** encodeAdminMessage for a signer known to answer at once (tests, tools). */
export function encodeAdminMessageNow(
  message: AdminMessage, msgSeqNum: number, possDup: boolean, config: SessionConfig, nowMs: number, signLogon: SyncLogonSigner,
): Buffer {
  return encodeAdminMessage(message, msgSeqNum, possDup, config, nowMs, signLogon) as Buffer;
}

/**
 * Hands a frame to `write` now, or once its Logon signature arrives. A failed signature goes to
 * `onSigningFailed` (the caller closes that connection and retries later).
 */
export function writeWhenSigned(frame: Buffer | Promise<Buffer>, write: (frame: Buffer) => void, onSigningFailed: (error: unknown) => void): void {
  if (!(frame instanceof Promise)) {
    write(frame);
    return;
  }
  frame.then(write, onSigningFailed);
}
