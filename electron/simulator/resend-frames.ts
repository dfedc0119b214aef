// resend-frames.ts — turns resend steps (message-store.ts) into wire frames: stored application
// messages again under their original MsgSeqNum with PossDupFlag(43)=Y and OrigSendingTime(122),
// admin runs as SequenceReset-GapFill (123=Y). Pure; the connection writes the frames.
//
// A resent message is the stored body text behind a new header, written straight into one buffer:
// the body was checked by the encoder when it was first rendered, and a resend of 100k messages must
// leave at wire speed, not at the pace of re-splitting and re-validating every field. The bytes are
// exactly encodeMessage's (test/simulator/resend-frames.test.ts).
import { Buffer } from 'node:buffer';
import { fixChecksum, formatChecksum } from '../core/fix/checksum.ts';
import { encodeMessage } from '../core/fix/encode.ts';
import { BEGIN_STRING_FIXT11, Tag } from '../../shared/fix/tags.ts';
import { gapFill } from './acceptor-messages.ts';
import { withDefect } from './malformed-defects.ts';
import type { ResendStep, StoredMessage } from './message-store.ts';

export interface ResendIds {
  readonly senderCompId: string;
  readonly targetCompId: string;
}

/** The frame of one step. */
export function resendFrame(step: ResendStep, ids: ResendIds, sendingTime: string): Buffer {
  if (step.kind === 'resend') {
    const m = step.message;
    const frame = resentMessage(m, ids, sendingTime);
    return m.defect === undefined ? frame : withDefect(frame, m.defect);
  }
  const fill = gapFill(step.newSeqNo);
  return encodeMessage({ ...ids, msgType: fill.msgType, msgSeqNum: step.msgSeqNum, sendingTime, possDup: true }, fill.body);
}

export function resendFrames(steps: readonly ResendStep[], ids: ResendIds, sendingTime: string): Buffer[] {
  return steps.map((step) => resendFrame(step, ids, sendingTime));
}

/** encodeMessage's header order (35 34 49 52 56 43 122), then the stored body, BodyLength and CheckSum. */
function resentMessage(m: StoredMessage, ids: ResendIds, sendingTime: string): Buffer {
  const header =
    `${Tag.MsgType}=${m.msgType}\x01${Tag.MsgSeqNum}=${m.msgSeqNum}\x01${Tag.SenderCompID}=${ids.senderCompId}\x01` +
    `${Tag.SendingTime}=${sendingTime}\x01${Tag.TargetCompID}=${ids.targetCompId}\x01${Tag.PossDupFlag}=Y\x01` +
    `${Tag.OrigSendingTime}=${m.sendingTime}\x01`;
  const head = `${Tag.BeginString}=${BEGIN_STRING_FIXT11}\x01${Tag.BodyLength}=${header.length + m.bodyText.length}\x01${header}`;
  const out = Buffer.allocUnsafe(head.length + m.bodyText.length + 7);
  let at = out.write(head, 0, 'latin1');
  const sum = fixChecksum(out, 0, at) + m.bodySum;
  at += out.write(m.bodyText, at, 'latin1');
  out.write(`${Tag.CheckSum}=${formatChecksum(sum)}\x01`, at, 'latin1');
  return out;
}
