// encode.ts — builds one outbound FIX frame: writes the standard header in FIX order, the caller's
// body fields in the caller's order, and computes BodyLength(9) and CheckSum(10). Never decides what
// may be sent (session/outbound-guard.ts does) and never reads the clock (SendingTime is passed in).

import { Buffer } from 'node:buffer';
import { fixChecksum, formatChecksum } from './checksum.ts';
import { EncodeError } from './errors.ts';
import { BEGIN_STRING_FIXT11, Tag } from '../../../shared/fix/tags.ts';

export interface OutboundHeader {
  msgType: string;
  senderCompId: string;
  targetCompId: string;
  msgSeqNum: number;
  sendingTime: string;
  possDup?: boolean;
  origSendingTime?: string;
  /** Default FIXT.1.1. */
  beginString?: string;
}

export type FieldList = ReadonlyArray<readonly [tag: number, value: string | number]>;

/** Tags the encoder writes itself; a body that carries them would produce a second, conflicting copy. */
const RESERVED_TAGS: ReadonlySet<number> = new Set([
  Tag.BeginString,
  Tag.BodyLength,
  Tag.CheckSum,
  Tag.MsgType,
  Tag.MsgSeqNum,
  Tag.SenderCompID,
  Tag.SendingTime,
  Tag.TargetCompID,
  Tag.PossDupFlag,
  Tag.OrigSendingTime,
]);

/** Length-prefixed data fields: the data tag's value may contain SOH when its length field precedes it. */
const DATA_TAG_BY_LENGTH_TAG: ReadonlyMap<number, number> = new Map([
  [Tag.RawDataLength, Tag.RawData],
  [Tag.SignatureLength, Tag.Signature],
]);

function checkValue(tag: number, value: string, allowSoh: boolean): void {
  if (value.length === 0) throw new EncodeError('bad-value', tag, `Tag ${tag} has an empty value; FIX forbids empty fields.`);
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c > 0xff) throw new EncodeError('bad-value', tag, `Tag ${tag} contains a character outside Latin-1.`);
    if (c === 0x01 && !allowSoh) throw new EncodeError('bad-value', tag, `Tag ${tag} contains the SOH field separator.`);
  }
}

function fieldText(tag: number, value: string | number): string {
  if (typeof value === 'number') {
    // Only integers go on the wire as numbers: prices and quantities are decimal strings, never floats.
    if (!Number.isSafeInteger(value)) throw new EncodeError('bad-value', tag, `Tag ${tag} is the number ${value}, which is not a safe integer.`);
    return String(value);
  }
  return value;
}

function field(tag: number, value: string): string {
  checkValue(tag, value, false);
  return `${tag}=${value}\x01`;
}

/**
 * Encodes `8, 9, 35, 34, 49, 52, 56, (43, 122)` then `body` in order, then `10=NNN`. Throws EncodeError
 * for a bad tag, an empty/SOH/non-Latin-1 value, a non-integer number, or a body that repeats a header tag.
 */
export function encodeMessage(header: OutboundHeader, body: FieldList): Buffer {
  if (!Number.isSafeInteger(header.msgSeqNum) || header.msgSeqNum < 1) {
    throw new EncodeError('bad-value', Tag.MsgSeqNum, `MsgSeqNum(34) must be a positive integer, got ${header.msgSeqNum}.`);
  }
  let rest =
    field(Tag.MsgType, header.msgType) +
    `${Tag.MsgSeqNum}=${header.msgSeqNum}\x01` +
    field(Tag.SenderCompID, header.senderCompId) +
    field(Tag.SendingTime, header.sendingTime) +
    field(Tag.TargetCompID, header.targetCompId);
  if (header.possDup !== undefined) rest += `${Tag.PossDupFlag}=${header.possDup ? 'Y' : 'N'}\x01`;
  if (header.origSendingTime !== undefined) rest += field(Tag.OrigSendingTime, header.origSendingTime);

  let pendingDataTag = 0;
  let pendingDataLength = -1;
  for (const [tag, raw] of body) {
    if (!Number.isSafeInteger(tag) || tag < 1) throw new EncodeError('bad-tag', undefined, `Tag ${String(tag)} is not a positive integer.`);
    if (RESERVED_TAGS.has(tag)) throw new EncodeError('reserved-tag', tag, `Tag ${tag} belongs to the header or trailer, which the encoder writes.`);
    const value = fieldText(tag, raw);
    const isAnnouncedData = tag === pendingDataTag && Buffer.byteLength(value, 'latin1') === pendingDataLength;
    checkValue(tag, value, isAnnouncedData);
    rest += `${tag}=${value}\x01`;
    const dataTag = DATA_TAG_BY_LENGTH_TAG.get(tag);
    pendingDataTag = dataTag ?? 0;
    pendingDataLength = dataTag === undefined ? -1 : Number(value);
  }

  const beginString = header.beginString ?? BEGIN_STRING_FIXT11;
  checkValue(Tag.BeginString, beginString, false);
  const bodyLength = rest.length; // latin1: one byte per character
  const head = `8=${beginString}\x019=${bodyLength}\x01`;
  const total = head.length + bodyLength + 7;
  const out = Buffer.allocUnsafe(total);
  let at = out.write(head, 0, 'latin1');
  at += out.write(rest, at, 'latin1');
  const sum = fixChecksum(out, 0, at);
  out.write(`10=${formatChecksum(sum)}\x01`, at, 'latin1');
  return out;
}
