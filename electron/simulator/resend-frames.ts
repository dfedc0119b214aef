// resend-frames.ts — turns a resend plan (message-store.ts) into wire frames: stored application
// messages again under their original MsgSeqNum with PossDupFlag(43)=Y and OrigSendingTime(122),
// admin runs as SequenceReset-GapFill (123=Y). Pure; the connection writes the frames.
import type { Buffer } from 'node:buffer';
import { encodeMessage } from '../core/fix/encode.ts';
import { gapFill } from './acceptor-messages.ts';
import { bodyFromText } from './message-store.ts';
import { withDefect } from './malformed-defects.ts';
import type { ResendStep } from './message-store.ts';

export function resendFrames(steps: readonly ResendStep[], ids: { senderCompId: string; targetCompId: string }, sendingTime: string): Buffer[] {
  return steps.map((step) => {
    if (step.kind === 'resend') {
      const m = step.message;
      const frame = encodeMessage({ ...ids, msgType: m.msgType, msgSeqNum: m.msgSeqNum, sendingTime, possDup: true, origSendingTime: m.sendingTime }, bodyFromText(m.bodyText));
      return m.defect === undefined ? frame : withDefect(frame, m.defect);
    }
    const fill = gapFill(step.newSeqNo);
    return encodeMessage({ ...ids, msgType: fill.msgType, msgSeqNum: step.msgSeqNum, sendingTime, possDup: true }, fill.body);
  });
}
