// admin-encoder.ts — turns an AdminMessage the session decided to send into FIX bytes: header,
// body, and for the Logon the RSA-PSS signature over the exact SendingTime placed in tag 52.
// The signer is a function handed in by the caller, so the private key never enters the session.
import { encodeMessage } from '../fix/encode.ts';
import { Tag } from '../fix/tags.ts';
import { formatUtcTimestamp } from '../fix/time.ts';
import { adminBody, msgTypeOf, type AdminMessage } from './admin-messages.ts';
import type { SessionConfig } from './session-config.ts';

export interface LogonSignatureInput {
  readonly sendingTime: string;
  readonly msgSeqNum: number;
  readonly senderCompId: string;
  readonly targetCompId: string;
}

/** Signs the Logon: returns the base64 signature for RawData(96). */
export type LogonSigner = (fields: LogonSignatureInput) => string;

export function encodeAdminMessage(
  message: AdminMessage,
  msgSeqNum: number,
  possDup: boolean,
  config: SessionConfig,
  nowMs: number,
  signLogon: LogonSigner,
): Buffer {
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
  const signature = signLogon({ sendingTime, msgSeqNum, senderCompId: config.senderCompId, targetCompId: config.targetCompId });
  const signatureFields: Array<readonly [number, string | number]> = config.sendRawDataLength
    ? [[Tag.RawDataLength, Buffer.byteLength(signature, 'latin1')], [Tag.RawData, signature]]
    : [[Tag.RawData, signature]];
  return encodeMessage(header, [...body, ...signatureFields]);
}
