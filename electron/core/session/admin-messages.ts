// admin-messages.ts — the FIX session (admin) messages Fillwatch builds for the wire, and the MsgTypes
// each session profile may send. There is deliberately no type here for an order, cancel or quote, so
// the read-only property starts in the type system; outbound-guard.ts enforces it again at runtime.
// (The drop-copy history request U1 is not an admin message: it is typed in core/dropcopy/.)
import type { FieldList } from '../fix/encode.ts';
import { MsgType, Tag } from '../../../shared/fix/tags.ts';
import { profileOf, type SessionConfig, type SessionProfile } from './session-config.ts';
import { assertNever } from '../../../shared/assert-never.ts';

export type AdminMessage =
  | { readonly type: 'Logon'; readonly resetSeqNum: boolean }
  | { readonly type: 'Heartbeat'; readonly testReqId?: string }
  | { readonly type: 'TestRequest'; readonly testReqId: string }
  | { readonly type: 'ResendRequest'; readonly beginSeqNo: number; readonly endSeqNo: number }
  | { readonly type: 'SequenceReset'; readonly gapFill: true; readonly newSeqNo: number; readonly msgSeqNum: number }
  | { readonly type: 'Reject'; readonly refSeqNum: number; readonly reason: number; readonly text: string; readonly refTagId?: number }
  | { readonly type: 'Logout'; readonly text?: string };

/** MsgTypes of the admin messages above: all a listener may send. */
export const ADMIN_MSG_TYPES: ReadonlySet<string> = new Set([
  MsgType.Logon, MsgType.Heartbeat, MsgType.TestRequest, MsgType.ResendRequest,
  MsgType.Reject, MsgType.SequenceReset, MsgType.Logout,
]);

/**
 * What the outbound guard lets through, per session profile. A drop-copy session adds exactly one
 * MsgType, the history request EventResendRequest (U1, kalshi-fix.md §5); no profile can send an order.
 */
export const OUTBOUND_MSG_TYPES: Readonly<Record<SessionProfile, ReadonlySet<string>>> = {
  listener: ADMIN_MSG_TYPES,
  'drop-copy': new Set([...ADMIN_MSG_TYPES, MsgType.EventResendRequest]),
};

export function msgTypeOf(message: AdminMessage): string {
  switch (message.type) {
    case 'Logon': return MsgType.Logon;
    case 'Heartbeat': return MsgType.Heartbeat;
    case 'TestRequest': return MsgType.TestRequest;
    case 'ResendRequest': return MsgType.ResendRequest;
    case 'SequenceReset': return MsgType.SequenceReset;
    case 'Reject': return MsgType.Reject;
    case 'Logout': return MsgType.Logout;
    default: return assertNever(message, 'admin message');
  }
}

/**
 * Body fields of an admin message (header and trailer are added by the encoder). The Logon's
 * signature (95/96) is appended by the writer, which alone knows the final SendingTime.
 */
export function adminBody(message: AdminMessage, config: SessionConfig): FieldList {
  switch (message.type) {
    case 'Logon': return logonBody(message.resetSeqNum, config);
    case 'Heartbeat': return message.testReqId === undefined ? [] : [[Tag.TestReqID, message.testReqId]];
    case 'TestRequest': return [[Tag.TestReqID, message.testReqId]];
    case 'ResendRequest': return [[Tag.BeginSeqNo, message.beginSeqNo], [Tag.EndSeqNo, message.endSeqNo]];
    case 'SequenceReset': return [[Tag.GapFillFlag, 'Y'], [Tag.NewSeqNo, message.newSeqNo]];
    case 'Reject': {
      const fields: Array<readonly [number, string | number]> = [[Tag.RefSeqNum, message.refSeqNum]];
      if (message.refTagId !== undefined) fields.push([Tag.RefTagID, message.refTagId]);
      fields.push([Tag.SessionRejectReason, message.reason], [Tag.Text, message.text]);
      return fields;
    }
    case 'Logout': return message.text === undefined ? [] : [[Tag.Text, message.text]];
    default: return assertNever(message, 'admin message');
  }
}

/**
 * Listener profile, kalshi-fix.md §2.1: 20126=Y, skip pending ERs, and never 8013=Y.
 * Drop-copy profile (§5): 141=Y always and no listener tags (20126/21011 are valid on NR/RT only).
 */
function logonBody(resetSeqNum: boolean, config: SessionConfig): FieldList {
  const fields: Array<readonly [number, string | number]> = [
    [Tag.EncryptMethod, 0],
    [Tag.HeartBtInt, config.heartBtIntSec],
  ];
  if (profileOf(config.targetCompId) === 'drop-copy') {
    fields.push([Tag.ResetSeqNumFlag, 'Y'], [Tag.DefaultApplVerID, '9'], ...replayFormat(config));
    return fields;
  }
  if (resetSeqNum) fields.push([Tag.ResetSeqNumFlag, 'Y']);
  fields.push(
    [Tag.DefaultApplVerID, '9'],
    [Tag.ListenerSession, 'Y'],
    [config.skipPendingTag, 'Y'],
    ...replayFormat(config),
  );
  if (config.receiveSettlementReports) fields.push([Tag.ReceiveSettlementReports, 'Y']);
  if (config.retentionHours !== undefined) fields.push([Tag.MessageRetentionPeriod, config.retentionHours]);
  return fields;
}

/**
 * Options that shape the ExecutionReports themselves. A drop-copy session sends the listener's own
 * values, so a replayed ER is written exactly like the live one it stands in for (same price units,
 * same ExecType for expiries, same separate New). Kalshi's pages do not say which Logon options DC
 * honours (kalshi-fix.md §5); a server that ignores them changes only how replays are written.
 */
function replayFormat(config: SessionConfig): FieldList {
  const fields: Array<readonly [number, string]> = [];
  if (config.useDollars) fields.push([Tag.UseDollars, 'Y']);
  if (config.useExpiredOrdStatus) fields.push([Tag.UseExpiredOrdStatus, 'Y']);
  if (config.alwaysEmitNewBeforeTrade) fields.push([Tag.AlwaysEmitNewBeforeTrade, 'Y']);
  return fields;
}
