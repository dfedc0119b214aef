// undecodable-notice.ts — what the journal reports about a message it kept raw because it could not be
// read (a field broke a FIX rule, or an ExecutionReport failed validation), and the one sentence a
// person sees for it. An unreadable ExecutionReport may hide a fill, so it says so.
import { enumLabel } from '../fix/dictionary.ts';
import { MsgType, Tag } from '../fix/tags.ts';

export interface UndecodableNotice {
  /** The message's id in the journal (`fillwatch verify` and the raw-message view use it). */
  readonly rawId: number;
  readonly msgType: string;
  readonly msgSeqNum: number;
  readonly possDup: boolean;
  readonly receivedAt: number;
  readonly reason: string;
}

/** 'ExecutionReport 34=1234 could not be read: Tag 58 has an empty value; kept in the journal (message 77). …' */
export function describeUndecodable(notice: UndecodableNotice): string {
  const what = enumLabel(Tag.MsgType, notice.msgType) ?? `MsgType ${notice.msgType}`;
  const head = `${what} 34=${notice.msgSeqNum} could not be read: ${notice.reason.replace(/\.$/, '')}; kept in the journal (message ${notice.rawId}).`;
  return notice.msgType === MsgType.ExecutionReport
    ? `${head} A fill may be hidden in it: check it against the exchange's records.`
    : head;
}
