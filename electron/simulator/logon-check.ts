// logon-check.ts — decides whether one Logon (35=A) is acceptable to a Kalshi listener endpoint, and
// says why not in one sentence that the Logout's Text(58) carries. Pure: the caller passes the
// registered keys and the server's clock. Checks only what the Logon itself carries; rules that need
// session state (one connection per key, sequence numbers, post-maintenance reset) are refused with
// the same union by acceptor-session.ts. The identity part is shared with the drop-copy Logon check
// (dc-logon-check.ts).
import type { FixMessage } from '../core/fix/decode.ts';
import { BEGIN_STRING_FIXT11, Tag } from '../../shared/fix/tags.ts';
import { parseUtcTimestamp } from '../core/fix/time.ts';
import { verifyLogonSignature } from '../core/signing/logon-signature.ts';
import { assertNever } from '../../shared/assert-never.ts';
import type { RenderOptions } from './er-render.ts';

export type ListenerTarget = 'KalshiRT' | 'KalshiNR';

/** Kalshi's limit on SendingTime vs server time (kalshi-fix.md §2.2, §8.23). */
export const SENDING_TIME_TOLERANCE_MS = 30_000;

export type LogonRefusal =
  | { readonly kind: 'first-message-not-logon'; readonly msgType: string }
  | { readonly kind: 'bad-begin-string'; readonly got: string }
  | { readonly kind: 'bad-default-appl-ver-id'; readonly got: string | undefined }
  | { readonly kind: 'bad-encrypt-method'; readonly got: string | undefined }
  | { readonly kind: 'bad-heartbeat-interval'; readonly got: string | undefined }
  | { readonly kind: 'unknown-api-key'; readonly apiKeyId: string }
  | { readonly kind: 'unknown-target'; readonly got: string }
  | { readonly kind: 'sender-sub-id-present' }
  | { readonly kind: 'sending-time-out-of-range'; readonly skewMs: number | undefined }
  | { readonly kind: 'missing-signature' }
  | { readonly kind: 'invalid-signature' }
  | { readonly kind: 'not-listener' }
  | { readonly kind: 'skip-pending-required' }
  | { readonly kind: 'cancel-on-disconnect' }
  | { readonly kind: 'reset-required-on-nr' }
  | { readonly kind: 'reset-with-seq-not-one'; readonly msgSeqNum: number }
  | { readonly kind: 'already-connected'; readonly apiKeyId: string }
  | { readonly kind: 'seq-too-low'; readonly expected: number; readonly received: number }
  | { readonly kind: 'reset-required-after-maintenance' }
  | { readonly kind: 'reset-required-on-dc' }
  | { readonly kind: 'listener-flag-on-dc' };

/** The Text(58) of the Logout that refuses the Logon. */
export function describeLogonRefusal(r: LogonRefusal): string {
  switch (r.kind) {
    case 'first-message-not-logon':
      return `First message must be Logon (35=A), got 35=${r.msgType}`;
    case 'bad-begin-string':
      return `BeginString(8) must be FIXT.1.1, got ${r.got}`;
    case 'bad-default-appl-ver-id':
      return `DefaultApplVerID(1137) must be 9 (FIX50SP2), got ${r.got ?? 'none'}`;
    case 'bad-encrypt-method':
      return `EncryptMethod(98) must be 0, got ${r.got ?? 'none'}`;
    case 'bad-heartbeat-interval':
      return `HeartBtInt(108) must be an integer greater than 3, got ${r.got ?? 'none'}`;
    case 'unknown-api-key':
      return `Unknown API key ID in SenderCompID(49): ${r.apiKeyId}`;
    case 'unknown-target':
      return `TargetCompID(56) must be KalshiRT or KalshiNR for a listener session, got ${r.got}`;
    case 'sender-sub-id-present':
      return 'SenderSubID(50) is not allowed on Logon';
    case 'sending-time-out-of-range':
      return r.skewMs === undefined
        ? 'SendingTime(52) is not a valid YYYYMMDD-HH:MM:SS.mmm UTC timestamp'
        : `SendingTime(52) is ${(Math.abs(r.skewMs) / 1000).toFixed(1)} s from server time; it must be within 30 s`;
    case 'missing-signature':
      return 'Logon has no signature in RawData(96)';
    case 'invalid-signature':
      return 'Invalid signature';
    case 'not-listener':
      return 'Only listener sessions are accepted here: ListenerSession(20126)=Y is required';
    case 'skip-pending-required':
      return 'Listener session requires SkipPendingExecReports=Y';
    case 'cancel-on-disconnect':
      return 'Listener session must not set CancelOrdersOnDisconnect(8013)=Y';
    case 'reset-required-on-nr':
      return 'KalshiNR requires ResetSeqNumFlag(141)=Y on every Logon';
    case 'reset-with-seq-not-one':
      return `With ResetSeqNumFlag(141)=Y the Logon must have MsgSeqNum(34)=1, got ${r.msgSeqNum}`;
    case 'already-connected':
      return `API key ${r.apiKeyId} already has an active connection; only one connection per API key is allowed`;
    case 'seq-too-low':
      return `MsgSeqNum too low, expecting ${r.expected} but received ${r.received}`;
    case 'reset-required-after-maintenance':
      return 'Sequence numbers were reset by scheduled maintenance; log on with ResetSeqNumFlag(141)=Y';
    case 'reset-required-on-dc':
      return 'KalshiDC requires ResetSeqNumFlag(141)=Y on every Logon';
    case 'listener-flag-on-dc':
      return 'ListenerSession(20126)=Y is for KalshiRT or KalshiNR only; a KalshiDC (drop copy) Logon must not carry it';
    default:
      return assertNever(r, 'logon refusal');
  }
}

export interface AcceptedLogon {
  readonly apiKeyId: string;
  readonly target: ListenerTarget;
  readonly msgSeqNum: number;
  readonly heartBtIntSec: number;
  readonly resetSeqNum: boolean;
  readonly render: RenderOptions;
}

export type LogonCheck = { readonly ok: true; readonly logon: AcceptedLogon } | { readonly ok: false; readonly refusal: LogonRefusal };

const refuse = (refusal: LogonRefusal): LogonCheck => ({ ok: false, refusal });

/** What every Kalshi Logon must prove, whatever the session type: structure, identity, clock, key. */
export type LogonIdentityCheck<T extends string> =
  | { readonly ok: true; readonly apiKeyId: string; readonly target: T; readonly heartBtIntSec: number }
  | { readonly ok: false; readonly refusal: LogonRefusal };

/**
 * Structural fields first, then identity and clock, then the signature: a stranger learns nothing
 * about a session type's profile rules before proving the key. `isTarget` says which TargetCompIDs
 * the caller serves (the listener check: KalshiRT/KalshiNR; the drop-copy check: KalshiDC).
 */
export function checkLogonIdentity<T extends string>(
  msg: FixMessage,
  publicKeys: ReadonlyMap<string, string>,
  nowMs: number,
  isTarget: (target: string) => target is T,
): LogonIdentityCheck<T> {
  const beginString = msg.get(Tag.BeginString) ?? '';
  if (beginString !== BEGIN_STRING_FIXT11) return { ok: false, refusal: { kind: 'bad-begin-string', got: beginString } };
  const applVer = msg.get(Tag.DefaultApplVerID);
  if (applVer !== '9') return { ok: false, refusal: { kind: 'bad-default-appl-ver-id', got: applVer } };
  const encrypt = msg.get(Tag.EncryptMethod);
  if (encrypt !== '0') return { ok: false, refusal: { kind: 'bad-encrypt-method', got: encrypt } };
  const hbText = msg.get(Tag.HeartBtInt);
  const heartBtIntSec = hbText !== undefined && /^\d{1,6}$/.test(hbText) ? Number(hbText) : Number.NaN;
  if (!(heartBtIntSec > 3)) return { ok: false, refusal: { kind: 'bad-heartbeat-interval', got: hbText } };

  const target = msg.targetCompId;
  if (!isTarget(target)) return { ok: false, refusal: { kind: 'unknown-target', got: target } };
  const apiKeyId = msg.senderCompId;
  const publicKeyPem = publicKeys.get(apiKeyId);
  if (publicKeyPem === undefined) return { ok: false, refusal: { kind: 'unknown-api-key', apiKeyId } };
  if (msg.has(Tag.SenderSubID)) return { ok: false, refusal: { kind: 'sender-sub-id-present' } };

  const sentAt = parseUtcTimestamp(msg.sendingTime);
  if (sentAt === undefined) return { ok: false, refusal: { kind: 'sending-time-out-of-range', skewMs: undefined } };
  if (Math.abs(sentAt - nowMs) > SENDING_TIME_TOLERANCE_MS) return { ok: false, refusal: { kind: 'sending-time-out-of-range', skewMs: sentAt - nowMs } };

  const signature = msg.get(Tag.RawData);
  if (signature === undefined) return { ok: false, refusal: { kind: 'missing-signature' } };
  const fields = { sendingTime: msg.sendingTime, msgSeqNum: msg.msgSeqNum, senderCompId: apiKeyId, targetCompId: target };
  if (!verifyLogonSignature(publicKeyPem, fields, signature)) return { ok: false, refusal: { kind: 'invalid-signature' } };
  return { ok: true, apiKeyId, target, heartBtIntSec };
}

const isListenerTarget = (target: string): target is ListenerTarget => target === 'KalshiRT' || target === 'KalshiNR';

/** The listener Logon: identity (above), then the listener profile. */
export function checkLogon(msg: FixMessage, publicKeys: ReadonlyMap<string, string>, nowMs: number): LogonCheck {
  const identity = checkLogonIdentity(msg, publicKeys, nowMs, isListenerTarget);
  if (!identity.ok) return identity;
  const { apiKeyId, heartBtIntSec, target } = identity;

  if (msg.get(Tag.ListenerSession) !== 'Y') return refuse({ kind: 'not-listener' });
  // 21003 is the legacy number of SkipPendingExecReports, still accepted (§8.1).
  if (msg.get(Tag.SkipPendingExecReports) !== 'Y' && msg.get(Tag.SkipPendingExecReportsLegacy) !== 'Y') {
    return refuse({ kind: 'skip-pending-required' });
  }
  const cod = msg.get(Tag.CancelOrdersOnDisconnect);
  if (cod !== undefined && cod !== 'N') return refuse({ kind: 'cancel-on-disconnect' });

  const resetSeqNum = msg.get(Tag.ResetSeqNumFlag) === 'Y';
  if (target === 'KalshiNR' && !resetSeqNum) return refuse({ kind: 'reset-required-on-nr' });
  if (resetSeqNum && msg.msgSeqNum !== 1) return refuse({ kind: 'reset-with-seq-not-one', msgSeqNum: msg.msgSeqNum });

  return {
    ok: true,
    logon: {
      apiKeyId,
      target,
      msgSeqNum: msg.msgSeqNum,
      heartBtIntSec,
      resetSeqNum,
      render: readRenderOptions(msg),
    },
  };
}

/** How this Logon asks ERs to be written (21005 price units, 21008 original qty). */
export function readRenderOptions(msg: FixMessage): RenderOptions {
  return {
    units: msg.get(Tag.UseDollars) === 'Y' ? 'dollars' : 'cents',
    preserveOriginalOrderQty: msg.get(Tag.PreserveOriginalOrderQty) === 'Y',
  };
}
