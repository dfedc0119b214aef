// dc-messages.ts — the drop-copy (KalshiDC) application messages of kalshi-fix.md §5: the one request
// Fillwatch may send there, EventResendRequest (U1, "replay these ExecutionReports"), and how the
// replies are read: EventResendComplete (U2), EventResendReject (U3, one sentence per reason code), or a
// session/business Reject of the request. A U1 asks for history; no type here can express an order,
// and the outbound guard of a drop-copy session lets through U1 and admin messages only.
import { encodeMessage, type FieldList } from '../fix/encode.ts';
import type { FixMessage } from '../fix/decode.ts';
import { DecodeError } from '../fix/errors.ts';
import { MsgType, Tag } from '../../../shared/fix/tags.ts';
import { formatUtcTimestamp } from '../fix/time.ts';
import type { SessionConfig } from '../session/session-config.ts';
import { assertNever } from '../../../shared/assert-never.ts';

/** One exchange index's ExecIDs from `beginExecId` (inclusive) to `endExecId` (inclusive; undefined = the latest). */
export interface ExecIdRange {
  readonly exchangeIndex: number;
  readonly beginExecId: string;
  readonly endExecId: string | undefined;
}

/** The only application message a drop-copy session sends (35=U1). */
export interface DropCopyRequest {
  readonly type: 'EventResendRequest';
  readonly range: ExecIdRange;
}

export function dropCopyRequestBody(request: DropCopyRequest): FieldList {
  const { beginExecId, endExecId } = request.range;
  return endExecId === undefined
    ? [[Tag.BeginExecID, beginExecId]]
    : [[Tag.BeginExecID, beginExecId], [Tag.EndExecID, endExecId]];
}

/** Header + U1 body. The frame still goes through the session's OutboundGuard like every other. */
export function encodeDropCopyRequest(request: DropCopyRequest, msgSeqNum: number, config: SessionConfig, nowMs: number): Buffer {
  return encodeMessage(
    {
      msgType: MsgType.EventResendRequest,
      senderCompId: config.senderCompId,
      targetCompId: config.targetCompId,
      msgSeqNum,
      sendingTime: formatUtcTimestamp(nowMs),
    },
    dropCopyRequestBody(request),
  );
}

//#region EventResendReject reasons (21004)
export type EventResendRejectKind =
  | 'too-many-requests'
  | 'server-error'
  | 'begin-too-old'
  | 'end-too-large'
  | 'not-enabled'
  | 'undocumented';

export interface EventResendRejectReason {
  readonly kind: EventResendRejectKind;
  /** The 21004 value as received ('' when absent). */
  readonly code: string;
}

const REJECT_KINDS: Readonly<Record<string, EventResendRejectKind>> = {
  '1': 'too-many-requests',
  '2': 'server-error',
  '3': 'begin-too-old',
  '4': 'end-too-large',
  '5': 'not-enabled',
};

export function rejectReasonOf(code: string | undefined): EventResendRejectReason {
  const text = code ?? '';
  return { kind: REJECT_KINDS[text] ?? 'undocumented', code: text };
}

/** One sentence per reason code (kalshi-fix.md §5). */
export function describeRejectReason(reason: EventResendRejectReason): string {
  switch (reason.kind) {
    case 'too-many-requests':
      return 'Drop copy refused the history request: too many requests at once (EventResendReject reason 1).';
    case 'server-error':
      return 'Drop copy could not serve the history request because of a server error (EventResendReject reason 2).';
    case 'begin-too-old':
      return 'Drop copy refused the history request: its first ExecID is older than the 3-hour replay window (EventResendReject reason 3).';
    case 'end-too-large':
      return 'Drop copy refused the history request: its last ExecID is beyond the latest one on that exchange index (EventResendReject reason 4).';
    case 'not-enabled':
      return 'Drop copy replay is not enabled for this account: Kalshi must allowlist it on KalshiNR and KalshiDC (institutional@kalshi.com) (EventResendReject reason 5).';
    case 'undocumented':
      return `Drop copy refused the history request with reason code "${reason.code}", which Kalshi does not document (EventResendReject).`;
    default:
      return assertNever(reason.kind, 'EventResendReject reason');
  }
}

/** Worth asking again later: the server was busy or failed, not the request. */
export function isRetryableReject(reason: EventResendRejectReason): boolean {
  return reason.kind === 'too-many-requests' || reason.kind === 'server-error';
}
//#endregion

/** What an inbound message says about an outstanding U1, if it is a reply to one. */
export type DropCopyReply =
  | { readonly kind: 'complete'; readonly refSeqNum: number | undefined; readonly count: number | undefined }
  | { readonly kind: 'rejected'; readonly refSeqNum: number | undefined; readonly reason: EventResendRejectReason }
  /** A session Reject (35=3) or BusinessMessageReject (35=j) naming our request. */
  | { readonly kind: 'refused'; readonly refSeqNum: number | undefined; readonly text: string };

export function readDropCopyReply(message: FixMessage): DropCopyReply | undefined {
  const refSeqNum = intOrUndefined(message, Tag.RefSeqNum);
  switch (message.msgType) {
    case MsgType.EventResendComplete:
      return { kind: 'complete', refSeqNum, count: intOrUndefined(message, Tag.ResendEventCount) };
    case MsgType.EventResendReject:
      return { kind: 'rejected', refSeqNum, reason: rejectReasonOf(message.get(Tag.EventResendRejectReason)) };
    case MsgType.Reject:
    case MsgType.BusinessMessageReject: {
      const refMsgType = message.get(Tag.RefMsgType);
      if (refMsgType !== undefined && refMsgType !== MsgType.EventResendRequest) return undefined;
      const reasonTag = message.msgType === MsgType.Reject ? Tag.SessionRejectReason : Tag.BusinessRejectReason;
      const parts = [message.get(Tag.Text), message.has(reasonTag) ? `reason ${message.get(reasonTag)}` : undefined];
      return { kind: 'refused', refSeqNum, text: parts.filter((p) => p !== undefined && p !== '').join('; ') || '(no reason given)' };
    }
    default:
      return undefined;
  }
}

/** A malformed count or reference is treated as absent: the reply still ends the request. */
function intOrUndefined(message: FixMessage, tag: number): number | undefined {
  try {
    return message.getInt(tag);
  } catch (error) {
    if (error instanceof DecodeError) return undefined;
    throw error;
  }
}
