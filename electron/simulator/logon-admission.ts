// logon-admission.ts — admits one Logon to a session: the stateless rules (logon-check.ts), then the
// stateful ones — one connection per API key, the 141=Y demanded after maintenance, and MsgSeqNum
// against what the session expects. On success it commits the session's new sequence state; on
// refusal it leaves the session untouched. Never writes to a socket.
import type { FixMessage } from '../core/fix/decode.ts';
import { checkLogon } from './logon-check.ts';
import type { AcceptedLogon, LogonRefusal } from './logon-check.ts';
import type { SessionRecord, SessionRecords } from './message-store.ts';

export interface AdmissionContext {
  readonly publicKeys: ReadonlyMap<string, string>;
  readonly records: SessionRecords;
  readonly nowMs: number;
  /** Takes the API key's single connection slot; false when another connection holds it. */
  readonly claim: (apiKeyId: string) => boolean;
}

export type Admission =
  | {
      readonly ok: true;
      readonly logon: AcceptedLogon;
      readonly record: SessionRecord;
      /** On RT, the first client seq we missed (the Logon came in above what we expected). */
      readonly resendFrom: number | undefined;
    }
  | {
      readonly ok: false;
      readonly refusal: LogonRefusal;
      /** Set once the key is known to be registered. */
      readonly apiKeyId: string | undefined;
      /** Set when the slot was claimed before the refusal: the caller must hold it until it closes. */
      readonly claimed: SessionRecord | undefined;
      /** Seq of the refusing Logout: the one the client would see next, not consumed. */
      readonly msgSeqNum: number;
    };

export function admitLogon(msg: FixMessage, ctx: AdmissionContext): Admission {
  const check = checkLogon(msg, ctx.publicKeys, ctx.nowMs);
  if (!check.ok) {
    const apiKeyId = ctx.publicKeys.has(msg.senderCompId) ? msg.senderCompId : undefined;
    return { ok: false, refusal: check.refusal, apiKeyId, claimed: undefined, msgSeqNum: 1 };
  }
  const logon = check.logon;
  if (!ctx.claim(logon.apiKeyId)) {
    return { ok: false, refusal: { kind: 'already-connected', apiKeyId: logon.apiKeyId }, apiKeyId: logon.apiKeyId, claimed: undefined, msgSeqNum: 1 };
  }
  const record = ctx.records.get(logon.apiKeyId, logon.target);
  const refuse = (refusal: LogonRefusal): Admission => ({ ok: false, refusal, apiKeyId: logon.apiKeyId, claimed: record, msgSeqNum: record.nextOutSeq });
  if (record.resetRequired && !logon.resetSeqNum) return refuse({ kind: 'reset-required-after-maintenance' });

  let resendFrom: number | undefined;
  if (logon.resetSeqNum) {
    record.reset();
    record.resetRequired = false;
  } else if (logon.msgSeqNum < record.nextInSeq) {
    return refuse({ kind: 'seq-too-low', expected: record.nextInSeq, received: logon.msgSeqNum });
  } else if (logon.msgSeqNum > record.nextInSeq && record.retains) {
    resendFrom = record.nextInSeq;
  }
  record.nextInSeq = logon.msgSeqNum + 1;
  record.render = logon.render;
  return { ok: true, logon, record, resendFrom };
}
