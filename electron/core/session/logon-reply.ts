// logon-reply.ts — what the exchange's first message after our Logon means. A pure classification;
// session-machine.ts acts on it. Kalshi refuses a Logon with a Logout, or with a session Reject
// (373=8 signature, 373=10 SendingTime accuracy; kalshi-fix.md §3).
import type { FixMessage } from '../fix/decode.ts';
import { MsgType, Tag } from '../../../shared/fix/tags.ts';
import { describeSessionRejectReason } from '../../../shared/events/session-events.ts';
import { asksToSlowDown } from './slow-down.ts';

export type LogonReply =
  /** `retryWithReset`: log on again with 141=Y. `transient`: the exchange asked to come back later. */
  | { readonly kind: 'refused'; readonly text: string; readonly retryWithReset: boolean; readonly transient: boolean }
  | { readonly kind: 'not-a-logon'; readonly text: string }
  | { readonly kind: 'accepted'; readonly serverReset: boolean }
  /** The exchange restarted at 1 (weekly maintenance) although we resumed: accept it, report the loss. */
  | { readonly kind: 'accepted-after-restart'; readonly received: number }
  | { readonly kind: 'seq-too-low'; readonly received: number };

export function classifyLogonReply(message: FixMessage, expectedInbound: number, weRequestedReset: boolean): LogonReply {
  switch (message.msgType) {
    case MsgType.Logout: {
      const text = message.get(Tag.Text) ?? '';
      // A sequence complaint on a resumed Logon means the exchange restarted its numbers.
      return { kind: 'refused', text, retryWithReset: !weRequestedReset && /seq/i.test(text), transient: asksToSlowDown(text) };
    }
    case MsgType.Reject: {
      const reason = message.get(Tag.SessionRejectReason);
      const text = [message.get(Tag.Text), reason === undefined ? undefined : describeSessionRejectReason(reason)]
        .filter((part) => part !== undefined && part !== '').join('; ');
      return { kind: 'refused', text, retryWithReset: false, transient: asksToSlowDown(text) };
    }
    case MsgType.Logon: break;
    default: return { kind: 'not-a-logon', text: `expected a Logon reply but received MsgType ${message.msgType}` };
  }
  const serverReset = message.get(Tag.ResetSeqNumFlag) === 'Y';
  const received = message.msgSeqNum;
  if (received >= expectedInbound || weRequestedReset) return { kind: 'accepted', serverReset };
  return serverReset || received === 1 ? { kind: 'accepted-after-restart', received } : { kind: 'seq-too-low', received };
}
