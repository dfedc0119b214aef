// lenient-scan.ts — the second look at a correctly framed message that the strict field scan refused.
// FIX distinguishes a *garbled* message (no readable MsgSeqNum/MsgType: ignored, the expected number
// does not move) from one that is framed correctly but breaks a field rule: that one is *received*
// (the expected number advances) and answered with a session Reject (FIX 4.4 vol 2, "Message
// Recovery"/"Reject"; QuickFIX does the same). This scan keeps every field it can read, skips the
// ones it cannot, and names the first problem with its SessionRejectReason(373). Rare path: clarity
// over speed, so it allocates its own table.

import type { Buffer } from 'node:buffer';
import { DecodeError } from './errors.ts';
import type { FieldScan } from './field-scan.ts';
import { STRIDE, writeScan } from './field-scan.ts';
import { Tag } from '../../../shared/fix/tags.ts';
import { readUnsigned } from './values.ts';

/** SessionRejectReason(373) values this scan can name (FIX 4.4 / kalshi-fix.md §3). */
export const RejectReason = {
  invalidTagNumber: 0,
  requiredTagMissing: 1,
  tagWithoutValue: 4,
  incorrectDataFormat: 6,
} as const;

/** Why a received message could not be read field by field; `tag` when one can be named. */
export interface FieldProblem {
  readonly rejectReason: number;
  readonly tag: number | undefined;
  readonly text: string;
}

const SOH = 0x01;
const EQUALS = 0x3d;
const MAX_TAG_DIGITS = 9;

/**
 * Scans `frame` into `out`, skipping unreadable fields. Returns the first problem, or undefined when
 * the frame is fine after all. Throws DecodeError when the message is garbled: no readable MsgType(35)
 * or MsgSeqNum(34), so it cannot be placed in the sequence at all.
 */
export function scanFieldsLeniently(frame: Buffer, out: FieldScan): FieldProblem | undefined {
  const table = new Int32Array(((frame.length >> 1) + 2) * STRIDE);
  let problem: FieldProblem | undefined;
  const note = (rejectReason: number, tag: number | undefined, text: string) => { problem ??= { rejectReason, tag, text }; };

  let count = 0;
  let dataLength = -1;
  let dataTag = 0;
  for (let i = 0; i < frame.length;) {
    const fieldStart = i;
    let eq = i;
    while (eq < frame.length && frame[eq] !== EQUALS && frame[eq] !== SOH) eq++;
    const tag = eq < frame.length && frame[eq] === EQUALS ? readTag(frame, fieldStart, eq) : -1;
    if (tag < 0) {
      note(RejectReason.invalidTagNumber, undefined, describeBadTag(frame, fieldStart, eq));
      i = skipPastSoh(frame, fieldStart);
      dataLength = -1;
      continue;
    }
    const valueStart = eq + 1;
    let valueEnd: number;
    if (dataLength >= 0 && tag === dataTag && frame[valueStart + dataLength] === SOH) {
      valueEnd = valueStart + dataLength; // length-prefixed data may contain SOH
    } else {
      if (dataLength >= 0 && tag === dataTag) note(RejectReason.incorrectDataFormat, tag, `Tag ${tag} is not exactly the ${dataLength} bytes its length field announced.`);
      valueEnd = valueStart;
      while (valueEnd < frame.length && frame[valueEnd] !== SOH) valueEnd++;
    }
    i = valueEnd + 1;
    dataLength = -1;
    if (valueEnd === valueStart) {
      note(RejectReason.tagWithoutValue, tag, `Tag ${tag} has an empty value.`);
      continue;
    }
    if (tag === Tag.RawDataLength || tag === Tag.SignatureLength) {
      dataLength = readUnsigned(frame, valueStart, valueEnd);
      dataTag = tag === Tag.RawDataLength ? Tag.RawData : Tag.Signature;
      if (dataLength < 0) note(RejectReason.incorrectDataFormat, tag, `Tag ${tag} must be a byte count.`);
    }
    table[count * STRIDE] = tag;
    table[count * STRIDE + 1] = valueStart;
    table[count * STRIDE + 2] = valueEnd;
    count++;
  }

  const find = (tag: number) => {
    for (let f = 0; f < count; f++) if (table[f * STRIDE] === tag) return f;
    return -1;
  };
  const iMsgType = find(Tag.MsgType);
  const iSeq = find(Tag.MsgSeqNum);
  const msgSeqNum = iSeq < 0 ? -1 : readUnsigned(frame, table[iSeq * STRIDE + 1]!, table[iSeq * STRIDE + 2]!);
  if (iMsgType < 0) throw new DecodeError('missing-field', Tag.MsgType, 'The message has no readable MsgType(35), so it is garbled and ignored.');
  if (msgSeqNum < 1) throw new DecodeError('bad-value', Tag.MsgSeqNum, 'The message has no readable MsgSeqNum(34), so it is garbled and ignored.');

  const iSender = find(Tag.SenderCompID);
  const iTarget = find(Tag.TargetCompID);
  const iSendingTime = find(Tag.SendingTime);
  for (const [index, tag, name] of [[iSender, Tag.SenderCompID, 'SenderCompID'], [iTarget, Tag.TargetCompID, 'TargetCompID'], [iSendingTime, Tag.SendingTime, 'SendingTime']] as const) {
    if (index < 0) note(RejectReason.requiredTagMissing, tag, `The message has no ${name}(${tag}).`);
  }
  let possDup = false;
  const iPossDup = find(Tag.PossDupFlag);
  if (iPossDup >= 0) {
    const start = table[iPossDup * STRIDE + 1]!;
    const flag = table[iPossDup * STRIDE + 2]! - start === 1 ? frame[start] : 0;
    if (flag === 0x59 /* Y */) possDup = true;
    else if (flag !== 0x4e /* N */) note(RejectReason.incorrectDataFormat, Tag.PossDupFlag, 'PossDupFlag(43) must be Y or N.');
  }

  writeScan(out, table, 0, count, iMsgType, iSender, iTarget, iSendingTime, msgSeqNum, possDup);
  return problem;
}

/** Tag number of bytes [start, end): 1-9 digits, no leading zero; -1 otherwise. */
function readTag(frame: Buffer, start: number, end: number): number {
  if (end === start || end - start > MAX_TAG_DIGITS || frame[start] === 0x30) return -1;
  return readUnsigned(frame, start, end);
}

function describeBadTag(frame: Buffer, start: number, end: number): string {
  if (end - start > MAX_TAG_DIGITS && readUnsigned(frame, start, Math.min(end, start + 15)) >= 0) {
    return `Field at byte ${start} has a tag number longer than ${MAX_TAG_DIGITS} digits.`;
  }
  return `Field at byte ${start} does not start with a tag number.`;
}

function skipPastSoh(frame: Buffer, from: number): number {
  const soh = frame.indexOf(SOH, from);
  return soh < 0 ? frame.length : soh + 1;
}
