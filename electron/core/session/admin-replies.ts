// admin-replies.ts — what the listener answers to the exchange's session messages, built from the
// message being answered: a Heartbeat for a TestRequest, one GapFill for a ResendRequest, a Reject
// naming what broke a rule. Pure; session-machine.ts decides when to send them.
import type { FixMessage } from '../fix/decode.ts';
import { Tag } from '../../../shared/fix/tags.ts';
import type { AdminMessage } from './admin-messages.ts';

/** SessionRejectReason 5: value is incorrect (out of range) for this tag. */
const VALUE_INCORRECT = 5;

export function heartbeatAnswering(testRequest: FixMessage): AdminMessage {
  const testReqId = testRequest.get(Tag.TestReqID);
  return testReqId === undefined ? { type: 'Heartbeat' } : { type: 'Heartbeat', testReqId };
}

/**
 * We never send application messages, so any range the exchange asks for is one GapFill to our next
 * MsgSeqNum, sent as PossDup with the range's first number; nothing when the range is all ahead of us.
 */
export function gapFillAnswering(resendRequest: FixMessage, nextOutbound: number): Extract<AdminMessage, { type: 'SequenceReset' }> | undefined {
  const begin = resendRequest.getInt(Tag.BeginSeqNo) ?? 1;
  if (begin >= nextOutbound) return undefined;
  return { type: 'SequenceReset', gapFill: true, newSeqNo: nextOutbound, msgSeqNum: begin };
}

/** The Reject for a correctly framed message with a field that breaks a rule (its problem). */
export function rejectOfMalformed(message: FixMessage): AdminMessage {
  const problem = message.problem!;
  return { type: 'Reject', refSeqNum: message.msgSeqNum, reason: problem.rejectReason, text: problem.text, ...(problem.tag === undefined ? {} : { refTagId: problem.tag }) };
}

/** The Reject for a SequenceReset whose NewSeqNo would move the sequence backwards (or nowhere). */
export function rejectOfNewSeqNo(refSeqNum: number, text: string): AdminMessage {
  return { type: 'Reject', refSeqNum, reason: VALUE_INCORRECT, refTagId: Tag.NewSeqNo, text };
}
