// field-scan.ts — the one pass over a frame's bytes that finds every tag=value field and records
// (tag, valueStart, valueEnd) in an Int32Array, plus the positions of the header fields every message
// needs. Allocates no object or string per field. Checks field syntax and required header fields;
// never checks BodyLength/CheckSum (the framer did), sequence numbers or session rules.

import type { Buffer } from 'node:buffer';
import { DecodeError } from './errors.ts';
import { Tag } from '../../../shared/fix/tags.ts';
import { readUnsigned } from './values.ts';

/** Ints per field in the table: tag, valueStart, valueEnd (byte offsets into the frame). */
export const STRIDE = 3;

const SOH = 0x01;
const EQUALS = 0x3d;
/**
 * Field tables of many messages share one slab so a parse allocates no typed array of its own. A
 * retained message pins its slab (64 KiB); fine for a stream of short-lived messages.
 */
const SLAB_INTS = 16 * 1024;
let slab = new Int32Array(SLAB_INTS);
let slabUsed = 0;

// Header tags the parser remembers while scanning, by tag number (all below 128).
const K_MSG_TYPE = 1;
const K_SEQ = 2;
const K_SENDER = 3;
const K_TARGET = 4;
const K_SENDING_TIME = 5;
const K_POSS_DUP = 6;
const K_DATA_LENGTH = 7;
const HEADER_KIND = new Uint8Array(128);
HEADER_KIND[Tag.MsgType] = K_MSG_TYPE;
HEADER_KIND[Tag.MsgSeqNum] = K_SEQ;
HEADER_KIND[Tag.SenderCompID] = K_SENDER;
HEADER_KIND[Tag.TargetCompID] = K_TARGET;
HEADER_KIND[Tag.SendingTime] = K_SENDING_TIME;
HEADER_KIND[Tag.PossDupFlag] = K_POSS_DUP;
HEADER_KIND[Tag.RawDataLength] = K_DATA_LENGTH;
HEADER_KIND[Tag.SignatureLength] = K_DATA_LENGTH;

function malformed(tag: number | undefined, message: string): DecodeError {
  return new DecodeError('malformed-field', tag, message);
}

/** Where a scan put its results; filled in place so a parse allocates no result object. */
export interface FieldScan {
  table: Int32Array;
  /** Index in `table` of the first field's tag. */
  base: number;
  count: number;
  /** Wire positions of MsgType, SenderCompID, TargetCompID and SendingTime. */
  iMsgType: number;
  iSender: number;
  iTarget: number;
  iSendingTime: number;
  msgSeqNum: number;
  possDup: boolean;
}

/**
 * Scans `frame` (`8=…` through `10=NNN` SOH) into `out`. Throws DecodeError only: 'malformed-field'
 * for bytes that are not tag=value SOH, 'missing-field' when 8, 9, 35, 34, 49, 52, 56 or the trailing
 * 10 is absent, 'bad-value' for a MsgSeqNum, PossDupFlag or data length that cannot be read.
 */
export function scanFields(frame: Buffer, out: FieldScan): void {
  const len = frame.length;
  // Every field takes at least 4 bytes (`t=v` SOH), which bounds the table size.
  const maxInts = ((len >> 2) + 1) * STRIDE;
  let table = slab;
  let base = slabUsed;
  if (base + maxInts > table.length) {
    if (maxInts > SLAB_INTS) {
      table = new Int32Array(maxInts);
    } else {
      slab = table = new Int32Array(SLAB_INTS);
      slabUsed = 0;
    }
    base = 0;
  }

  // A frame always ends with SOH, which lets the inner loops run without bounds checks: the tag loop
  // stops at the SOH (not a digit) and the value loop stops at it.
  if (len === 0 || frame[len - 1] !== SOH) throw malformed(undefined, 'The message does not end with a field separator.');

  let iMsgType = -1;
  let iSeq = -1;
  let iSender = -1;
  let iTarget = -1;
  let iSendingTime = -1;
  let iPossDup = -1;
  let count = 0;
  let w = base;
  let i = 0;
  /** Byte length announced by a preceding RawDataLength(95)/SignatureLength(93), or -1. */
  let dataLength = -1;
  let dataTag = 0;

  while (i < len) {
    // Tag: 1–9 digits, no leading zero, then '='.
    const tagStart = i;
    let tag = frame[i]! - 0x31; // '1'..'9': no leading zero
    if (tag >>> 0 > 8) throw malformed(undefined, `Field at byte ${tagStart} does not start with a tag number.`);
    tag += 1;
    let c = frame[++i]!;
    while (c !== EQUALS) {
      const d = c - 0x30;
      if (d >>> 0 > 9) throw malformed(undefined, `Field at byte ${tagStart} has a tag that is not a number or no '='.`);
      tag = tag * 10 + d;
      c = frame[++i]!;
    }
    if (i - tagStart > 9) throw malformed(undefined, `Field at byte ${tagStart} has a tag number longer than 9 digits.`);

    const valueStart = ++i;
    if (dataLength >= 0 && tag === dataTag) {
      // Length-prefixed data may itself contain SOH, so it is read by count.
      i = valueStart + dataLength;
      if (i >= len || frame[i] !== SOH) throw malformed(tag, `Tag ${tag} is not exactly the ${dataLength} bytes its length field announced.`);
    } else {
      while (frame[i] !== SOH) i++;
    }
    if (i === valueStart) throw malformed(tag, `Tag ${tag} has an empty value.`);
    table[w] = tag;
    table[w + 1] = valueStart;
    table[w + 2] = i;
    w += STRIDE;
    i++;

    dataLength = -1;
    if (tag < 128) {
      switch (HEADER_KIND[tag]) {
        case 0:
          break;
        case K_MSG_TYPE:
          if (iMsgType < 0) iMsgType = count;
          break;
        case K_SEQ:
          if (iSeq < 0) iSeq = count;
          break;
        case K_SENDER:
          if (iSender < 0) iSender = count;
          break;
        case K_TARGET:
          if (iTarget < 0) iTarget = count;
          break;
        case K_SENDING_TIME:
          if (iSendingTime < 0) iSendingTime = count;
          break;
        case K_POSS_DUP:
          if (iPossDup < 0) iPossDup = count;
          break;
        case K_DATA_LENGTH:
          dataLength = readUnsigned(frame, valueStart, i - 1);
          if (dataLength < 0) throw new DecodeError('bad-value', tag, `Tag ${tag} must be a byte count.`);
          dataTag = tag === Tag.RawDataLength ? Tag.RawData : Tag.Signature;
          break;
      }
    }
    count++;
  }

  if (table[base] !== Tag.BeginString) throw new DecodeError('missing-field', Tag.BeginString, 'The message does not start with BeginString(8).');
  if (count < 2 || table[base + STRIDE] !== Tag.BodyLength) throw new DecodeError('missing-field', Tag.BodyLength, 'BodyLength(9) is not the second field.');
  if (table[w - STRIDE] !== Tag.CheckSum) throw new DecodeError('missing-field', Tag.CheckSum, 'The message does not end with CheckSum(10).');
  if (iMsgType < 0) throw new DecodeError('missing-field', Tag.MsgType, 'The message has no MsgType(35).');
  if (iSeq < 0) throw new DecodeError('missing-field', Tag.MsgSeqNum, 'The message has no MsgSeqNum(34).');
  if (iSender < 0) throw new DecodeError('missing-field', Tag.SenderCompID, 'The message has no SenderCompID(49).');
  if (iTarget < 0) throw new DecodeError('missing-field', Tag.TargetCompID, 'The message has no TargetCompID(56).');
  if (iSendingTime < 0) throw new DecodeError('missing-field', Tag.SendingTime, 'The message has no SendingTime(52).');

  const so = base + iSeq * STRIDE;
  const msgSeqNum = readUnsigned(frame, table[so + 1]!, table[so + 2]!);
  if (msgSeqNum < 1) throw new DecodeError('bad-value', Tag.MsgSeqNum, 'MsgSeqNum(34) must be a positive integer.');
  let possDup = false;
  if (iPossDup >= 0) {
    const po = base + iPossDup * STRIDE;
    const flag = table[po + 2]! - table[po + 1]! === 1 ? frame[table[po + 1]!] : 0;
    if (flag !== 0x59 /* Y */ && flag !== 0x4e /* N */) throw new DecodeError('bad-value', Tag.PossDupFlag, 'PossDupFlag(43) must be Y or N.');
    possDup = flag === 0x59;
  }

  if (table === slab) slabUsed = w;
  writeScan(out, table, base, count, iMsgType, iSender, iTarget, iSendingTime, msgSeqNum, possDup);
}

/** Fills `out` in place (positional: a parse allocates no result object). Shared with lenient-scan.ts. */
export function writeScan(
  out: FieldScan, table: Int32Array, base: number, count: number, iMsgType: number, iSender: number, iTarget: number,
  iSendingTime: number, msgSeqNum: number, possDup: boolean,
): void {
  out.table = table;
  out.base = base;
  out.count = count;
  out.iMsgType = iMsgType;
  out.iSender = iSender;
  out.iTarget = iTarget;
  out.iSendingTime = iSendingTime;
  out.msgSeqNum = msgSeqNum;
  out.possDup = possDup;
}
