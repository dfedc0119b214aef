// dc-logon-check.ts — decides whether one Logon to the simulated KalshiDC is acceptable: the identity
// rules every Kalshi Logon shares (logon-check.ts), then the drop-copy profile of kalshi-fix.md §5 and
// §2.1: 141=Y on every Logon (so MsgSeqNum 1), no ListenerSession(20126) (valid on NR/RT only), and no
// CancelOrdersOnDisconnect. Pure; the one-connection rule is the endpoint's.
import type { FixMessage } from '../core/fix/decode.ts';
import { Tag } from '../../shared/fix/tags.ts';
import type { RenderOptions } from './er-render.ts';
import { checkLogonIdentity, readRenderOptions, type LogonRefusal } from './logon-check.ts';

export interface AcceptedDropCopyLogon {
  readonly apiKeyId: string;
  readonly heartBtIntSec: number;
  /** How replayed ERs are written (21005 units, 21008), as the Logon asked. */
  readonly render: RenderOptions;
}

export type DropCopyLogonCheck =
  | { readonly ok: true; readonly logon: AcceptedDropCopyLogon }
  | { readonly ok: false; readonly refusal: LogonRefusal };

const isDropCopy = (target: string): target is 'KalshiDC' => target === 'KalshiDC';

export function checkDropCopyLogon(msg: FixMessage, publicKeys: ReadonlyMap<string, string>, nowMs: number): DropCopyLogonCheck {
  const identity = checkLogonIdentity(msg, publicKeys, nowMs, isDropCopy);
  if (!identity.ok) return identity;
  if (msg.get(Tag.ResetSeqNumFlag) !== 'Y') return { ok: false, refusal: { kind: 'reset-required-on-dc' } };
  if (msg.msgSeqNum !== 1) return { ok: false, refusal: { kind: 'reset-with-seq-not-one', msgSeqNum: msg.msgSeqNum } };
  if (msg.has(Tag.ListenerSession)) return { ok: false, refusal: { kind: 'listener-flag-on-dc' } };
  const cod = msg.get(Tag.CancelOrdersOnDisconnect);
  if (cod !== undefined && cod !== 'N') return { ok: false, refusal: { kind: 'cancel-on-disconnect' } };
  return { ok: true, logon: { apiKeyId: identity.apiKeyId, heartBtIntSec: identity.heartBtIntSec, render: readRenderOptions(msg) } };
}
