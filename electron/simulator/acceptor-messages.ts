// acceptor-messages.ts — bodies of the session messages the simulated Kalshi endpoint sends (Logon
// response, Heartbeat, TestRequest, ResendRequest, SequenceReset-GapFill, Reject, BusinessMessageReject,
// Logout). Pure field lists: the connection adds the header and the sequence number. Never sends.
import type { FieldList } from '../core/fix/encode.ts';
import { MsgType, Tag } from '../../shared/fix/tags.ts';

export interface OutboundAdmin {
  readonly msgType: string;
  readonly body: FieldList;
}

export function logonResponse(heartBtIntSec: number, resetSeqNum: boolean): OutboundAdmin {
  const body: Array<readonly [number, string | number]> = [
    [Tag.EncryptMethod, 0],
    [Tag.HeartBtInt, heartBtIntSec],
  ];
  if (resetSeqNum) body.push([Tag.ResetSeqNumFlag, 'Y']);
  body.push([Tag.DefaultApplVerID, '9']);
  return { msgType: MsgType.Logon, body };
}

export function heartbeat(testReqId: string | undefined): OutboundAdmin {
  return { msgType: MsgType.Heartbeat, body: testReqId === undefined ? [] : [[Tag.TestReqID, testReqId]] };
}

export function testRequest(testReqId: string): OutboundAdmin {
  return { msgType: MsgType.TestRequest, body: [[Tag.TestReqID, testReqId]] };
}

export function resendRequest(beginSeqNo: number, endSeqNo: number): OutboundAdmin {
  return { msgType: MsgType.ResendRequest, body: [[Tag.BeginSeqNo, beginSeqNo], [Tag.EndSeqNo, endSeqNo]] };
}

export function gapFill(newSeqNo: number): OutboundAdmin {
  return { msgType: MsgType.SequenceReset, body: [[Tag.GapFillFlag, 'Y'], [Tag.NewSeqNo, newSeqNo]] };
}

/** Session-level Reject (35=3); 373 codes per kalshi-fix.md §3 (5 value incorrect, 9 CompID, 11 MsgType). */
export function reject(refSeqNum: number, refMsgType: string, reason: number, text: string): OutboundAdmin {
  return {
    msgType: MsgType.Reject,
    body: [
      [Tag.RefSeqNum, refSeqNum],
      [Tag.Text, text],
      [Tag.RefMsgType, refMsgType],
      [Tag.SessionRejectReason, reason],
    ],
  };
}

/** BusinessMessageReject (35=j), how Kalshi refuses listener-session restrictions (§3). */
export function businessReject(refSeqNum: number, refMsgType: string, refId: string | undefined, reason: number, text: string): OutboundAdmin {
  const body: Array<readonly [number, string | number]> = [
    [Tag.RefSeqNum, refSeqNum],
    [Tag.Text, text],
    [Tag.RefMsgType, refMsgType],
  ];
  if (refId !== undefined) body.push([Tag.BusinessRejectRefID, refId]);
  body.push([Tag.BusinessRejectReason, reason]);
  return { msgType: MsgType.BusinessMessageReject, body };
}

export function logout(text: string | undefined): OutboundAdmin {
  return { msgType: MsgType.Logout, body: text === undefined ? [] : [[Tag.Text, text]] };
}

/** BusinessRejectReason 6 = not authorized (the SDK's value; Kalshi does not document the code). */
export const BUSINESS_REJECT_NOT_AUTHORIZED = 6;

const ADMIN_TYPES: ReadonlySet<string> = new Set([
  MsgType.Heartbeat,
  MsgType.TestRequest,
  MsgType.ResendRequest,
  MsgType.Reject,
  MsgType.SequenceReset,
  MsgType.Logout,
  MsgType.Logon,
]);

export function isAdminMsgType(msgType: string): boolean {
  return ADMIN_TYPES.has(msgType);
}

const NAMES: ReadonlyMap<string, string> = new Map(Object.entries(MsgType).map(([name, code]) => [code, name]));

/** 'NewOrderSingle (35=D)', or '35=ZZ' for a type we have no name for. */
export function msgTypeLabel(msgType: string): string {
  const name = NAMES.get(msgType);
  return name === undefined ? `35=${msgType}` : `${name} (35=${msgType})`;
}
