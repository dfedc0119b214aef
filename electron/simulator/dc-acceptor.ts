// dc-acceptor.ts — the simulated KalshiDC side of one connection (kalshi-fix.md §5), handed over by
// acceptor-session.ts when a Logon names TargetCompID KalshiDC: admits or refuses the Logon (always
// 141=Y, so both sides start at 1), keeps the heartbeat, and answers each EventResendRequest (U1) by
// replaying the account's ERs in the range with new DC sequence numbers, then EventResendComplete (U2)
// with the count — or EventResendReject (U3) with a reason. Orders and every other application message
// are refused like on a listener. No resend, no sequence reset: DC supports neither.
import type { FixMessage } from '../core/fix/decode.ts';
import { encodeMessage, type FieldList } from '../core/fix/encode.ts';
import { MsgType, Tag } from '../../shared/fix/tags.ts';
import { formatUtcTimestamp } from '../core/fix/time.ts';
import * as out from './acceptor-messages.ts';
import type { OutboundAdmin } from './acceptor-messages.ts';
import { checkDropCopyLogon, type AcceptedDropCopyLogon } from './dc-logon-check.ts';
import type { DropCopyEndpoint } from './dc-endpoint.ts';
import { renderExecutionReport } from './er-render.ts';
import type { FixConnection } from './fix-connection.ts';
import { heartbeatActions } from './heartbeat-monitor.ts';
import { describeLogonRefusal, type LogonRefusal } from './logon-check.ts';

const DC = 'KalshiDC';
const LOGOUT_LINGER_MS = 1000;

export interface DropCopyConnectionDeps {
  readonly endpoint: DropCopyEndpoint;
  readonly publicKeys: ReadonlyMap<string, string>;
  readonly now: () => number;
  readonly heartbeatUnitMs: number;
  readonly heartbeatGraceMs: number;
  readonly log: (line: string) => void;
  readonly onLogonRefused: (apiKeyId: string | undefined, refusal: LogonRefusal) => void;
  /** An order (or any application message but U1) arrived: it is refused and the session ends. */
  readonly onApplicationRefused: (msg: FixMessage) => void;
}

export class DropCopyConnection {
  readonly #conn: FixConnection;
  readonly #deps: DropCopyConnectionDeps;
  #logon: AcceptedDropCopyLogon | undefined;
  #active = false;
  #nextOutSeq = 1;
  #nextInSeq = 1;
  #testRequest: { id: string; sentAt: number } | undefined;
  #testRequests = 0;
  #timer: NodeJS.Timeout | undefined;

  constructor(conn: FixConnection, deps: DropCopyConnectionDeps) {
    this.#conn = conn;
    this.#deps = deps;
  }

  get apiKeyId(): string | undefined {
    return this.#logon?.apiKeyId;
  }

  /** The connection's first message, a Logon to KalshiDC. */
  logon(msg: FixMessage): void {
    const deps = this.#deps;
    const check = checkDropCopyLogon(msg, deps.publicKeys, deps.now());
    const known = deps.publicKeys.has(msg.senderCompId) ? msg.senderCompId : undefined;
    if (!check.ok) return this.#refuse(check.refusal, msg, known);
    if (!deps.endpoint.claim(check.logon.apiKeyId)) return this.#refuse({ kind: 'already-connected', apiKeyId: check.logon.apiKeyId }, msg, known);
    this.#logon = check.logon;
    this.#active = true;
    this.#nextInSeq = 2;
    this.#sendAdmin(out.logonResponse(check.logon.heartBtIntSec, true));
    const heartbeatMs = check.logon.heartBtIntSec * deps.heartbeatUnitMs;
    this.#timer = setInterval(() => this.#onTick(heartbeatMs), Math.max(5, Math.min(1000, Math.floor(heartbeatMs / 4))));
    deps.log(`drop-copy logon ${check.logon.apiKeyId}`);
  }

  onMessage(msg: FixMessage): void {
    const logon = this.#logon;
    if (!this.#active || logon === undefined) return;
    this.#testRequest = undefined;
    if (msg.msgType !== MsgType.EventResendRequest && !out.isAdminMsgType(msg.msgType)) {
      this.#deps.onApplicationRefused(msg);
      const text = `Drop copy session cannot send ${out.msgTypeLabel(msg.msgType)}`;
      this.#sendAdmin(out.businessReject(msg.msgSeqNum, msg.msgType, msg.get(Tag.ClOrdID), out.BUSINESS_REJECT_NOT_AUTHORIZED, text));
      return this.#logout(text);
    }
    if (msg.senderCompId !== logon.apiKeyId || msg.targetCompId !== DC) {
      const text = `CompID problem: expected 49=${logon.apiKeyId} 56=${DC}, got 49=${msg.senderCompId} 56=${msg.targetCompId}`;
      this.#sendAdmin(out.reject(msg.msgSeqNum, msg.msgType, 9, text));
      return this.#logout(text);
    }
    if (msg.msgSeqNum < this.#nextInSeq) {
      if (msg.possDup) return;
      return this.#logout(describeLogonRefusal({ kind: 'seq-too-low', expected: this.#nextInSeq, received: msg.msgSeqNum }));
    }
    this.#nextInSeq = msg.msgSeqNum + 1;
    this.#dispatch(msg);
  }

  /** The socket closed: free the key's slot and stop the heartbeat. */
  closed(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    if (this.#active && this.#logon !== undefined) this.#deps.endpoint.release(this.#logon.apiKeyId);
    this.#active = false;
  }

  #dispatch(msg: FixMessage): void {
    switch (msg.msgType) {
      case MsgType.EventResendRequest:
        this.#serve(msg);
        return;
      case MsgType.TestRequest:
        this.#sendAdmin(out.heartbeat(msg.get(Tag.TestReqID)));
        return;
      case MsgType.Logout:
        this.#sendAdmin(out.logout(undefined));
        this.#end('client logout');
        return;
      case MsgType.Logon:
        this.#logout('Logon received on a session that is already logged on');
        return;
      case MsgType.ResendRequest:
      case MsgType.SequenceReset:
        this.#sendAdmin(out.reject(msg.msgSeqNum, msg.msgType, 11, `${out.msgTypeLabel(msg.msgType)} is not supported on ${DC}`));
        return;
      default: // Heartbeat, Reject: receiving it refreshed the peer's liveness
    }
  }

  /** U1: replay [BeginExecID, EndExecID] with new DC sequence numbers, then U2 — or U3 / Reject. */
  #serve(msg: FixMessage): void {
    const logon = this.#logon!;
    const answer = this.#deps.endpoint.answer(logon.apiKeyId, msg.get(Tag.BeginExecID), msg.get(Tag.EndExecID));
    switch (answer.kind) {
      case 'malformed':
        this.#sendAdmin({
          msgType: MsgType.Reject,
          body: [[Tag.RefSeqNum, msg.msgSeqNum], [Tag.Text, answer.text], [Tag.RefMsgType, MsgType.EventResendRequest], [Tag.SessionRejectReason, 5]],
        });
        return;
      case 'reject':
        this.#sendApp(MsgType.EventResendReject, [[Tag.RefSeqNum, msg.msgSeqNum], [Tag.EventResendRejectReason, answer.code], [Tag.Text, answer.text]]);
        return;
      case 'replay':
        for (const report of answer.reports) this.#sendApp(MsgType.ExecutionReport, renderExecutionReport(report, logon.render));
        this.#sendApp(MsgType.EventResendComplete, [[Tag.RefSeqNum, msg.msgSeqNum], [Tag.ResendEventCount, answer.reports.length]]);
        this.#deps.log(`drop copy replayed ${answer.reports.length} ER(s) for ${msg.get(Tag.BeginExecID) ?? '?'}..${msg.get(Tag.EndExecID) ?? 'latest'}`);
        return;
    }
  }

  #onTick(heartbeatMs: number): void {
    if (!this.#active) return;
    const now = this.#deps.now();
    const state = { heartbeatMs, graceMs: this.#deps.heartbeatGraceMs, lastRxMs: this.#conn.lastRxMs, lastTxMs: this.#conn.lastTxMs, testRequest: this.#testRequest };
    for (const action of heartbeatActions(state, now)) {
      if (action.kind === 'send-heartbeat') this.#sendAdmin(out.heartbeat(undefined));
      else if (action.kind === 'send-test-request') {
        const id = `DC-TEST-${++this.#testRequests}`;
        this.#testRequest = { id, sentAt: now };
        this.#sendAdmin(out.testRequest(id));
      } else {
        this.#logout(`Heartbeat timeout: no answer to TestRequest ${action.testReqId}`);
        return;
      }
    }
  }

  /** A refused Logon: Logout with the reason (seq 1, not consumed), then close. */
  #refuse(refusal: LogonRefusal, msg: FixMessage, apiKeyId: string | undefined): void {
    const text = describeLogonRefusal(refusal);
    this.#deps.log(`drop-copy logon refused: ${text}`);
    this.#deps.onLogonRefused(apiKeyId, refusal);
    const logout = out.logout(text);
    const header = { msgType: logout.msgType, msgSeqNum: 1, sendingTime: formatUtcTimestamp(this.#deps.now()), senderCompId: msg.targetCompId, targetCompId: msg.senderCompId };
    this.#conn.write(encodeMessage(header, logout.body));
    this.#conn.end(`drop-copy logon refused: ${text}`, LOGOUT_LINGER_MS);
  }

  #logout(text: string): void {
    if (!this.#active) return;
    this.#sendAdmin(out.logout(text));
    this.#end(`drop-copy logout: ${text}`);
  }

  #end(reason: string): void {
    this.closed();
    this.#conn.end(reason, LOGOUT_LINGER_MS);
  }

  #sendAdmin(message: OutboundAdmin): void {
    this.#sendApp(message.msgType, message.body);
  }

  /** Every DC message takes the next DC sequence number: replays are numbered anew (§5). */
  #sendApp(msgType: string, body: FieldList): void {
    const logon = this.#logon;
    if (logon === undefined || !this.#conn.writable) return;
    const header = { msgType, msgSeqNum: this.#nextOutSeq++, sendingTime: formatUtcTimestamp(this.#deps.now()), senderCompId: DC, targetCompId: logon.apiKeyId };
    this.#conn.write(encodeMessage(header, body));
  }
}
