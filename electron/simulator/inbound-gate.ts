// inbound-gate.ts — the one gate every message from a logged-on listener passes: application
// messages are refused outright, then CompIDs, then MsgSeqNum against what the session expects.
// Pure: returns a decision with its reason in words; acceptor-session.ts carries it out.
import { MsgType } from '../../shared/fix/tags.ts';
import { isAdminMsgType, msgTypeLabel } from './acceptor-messages.ts';
import { describeLogonRefusal } from './logon-check.ts';

export interface InboundHeader {
  readonly msgType: string;
  readonly msgSeqNum: number;
  readonly possDup: boolean;
  readonly senderCompId: string;
  readonly targetCompId: string;
}

export interface GateSession {
  readonly apiKeyId: string;
  readonly target: string;
  readonly nextInSeq: number;
  readonly retains: boolean;
}

export type GateDecision =
  /** Listener restriction: BusinessMessageReject + Logout with `text`. */
  | { readonly kind: 'refuse-application'; readonly text: string }
  /** Reject 373=9 + Logout. */
  | { readonly kind: 'refuse-comp-id'; readonly text: string }
  /** SequenceReset moves the expected seq itself, whatever its own MsgSeqNum. */
  | { readonly kind: 'sequence-reset' }
  /** Below the expected seq with PossDup=Y: already processed, drop it. */
  | { readonly kind: 'ignore-duplicate' }
  /** Below the expected seq without PossDup: Logout with `text` (kalshi-fix.md §3). */
  | { readonly kind: 'seq-too-low'; readonly text: string }
  /** Process it; when `resendFrom` is set (RT), first ask the client for what we missed. */
  | { readonly kind: 'accept'; readonly resendFrom: number | undefined };

export function gateInbound(msg: InboundHeader, session: GateSession): GateDecision {
  if (!isAdminMsgType(msg.msgType)) return { kind: 'refuse-application', text: `Listener session cannot send ${msgTypeLabel(msg.msgType)}` };
  if (msg.senderCompId !== session.apiKeyId || msg.targetCompId !== session.target) {
    return {
      kind: 'refuse-comp-id',
      text: `CompID problem: expected 49=${session.apiKeyId} 56=${session.target}, got 49=${msg.senderCompId} 56=${msg.targetCompId}`,
    };
  }
  if (msg.msgType === MsgType.SequenceReset) return { kind: 'sequence-reset' };
  const expected = session.nextInSeq;
  if (msg.msgSeqNum < expected) {
    return msg.possDup
      ? { kind: 'ignore-duplicate' }
      : { kind: 'seq-too-low', text: describeLogonRefusal({ kind: 'seq-too-low', expected, received: msg.msgSeqNum }) };
  }
  return { kind: 'accept', resendFrom: msg.msgSeqNum > expected && session.retains ? expected : undefined };
}
