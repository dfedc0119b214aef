// acceptor-session.ts — the FIX acceptor session of one connection to the simulated Kalshi listener
// endpoint: admits or refuses the Logon, keeps the heartbeat, serves resends on KalshiRT, refuses
// every application message, and writes the ExecutionReports the account stream hands it (with
// whatever faults are armed). Bytes and sockets are fix-connection.ts's; sequence numbers live in the
// SessionRecord, which outlives the connection; the stream and fault queue live in simulator.ts.
// A Logon to KalshiDC hands the connection to dc-acceptor.ts (the drop-copy endpoint) for good.
// What it needs from the simulator and reports to it: acceptor-hooks.ts.
import type { Buffer } from 'node:buffer';
import type { TLSSocket } from 'node:tls';
import type { FixMessage } from '../core/fix/decode.ts';
import { encodeMessage } from '../core/fix/encode.ts';
import type { OutboundHeader } from '../core/fix/encode.ts';
import { MsgType, Tag } from '../../shared/fix/tags.ts';
import { formatUtcTimestamp } from '../core/fix/time.ts';
import * as out from './acceptor-messages.ts';
import type { OutboundAdmin } from './acceptor-messages.ts';
import type { ReportSink } from './account-stream.ts';
import type { GeneratedReport } from './er-generator.ts';
import { renderExecutionReport } from './er-render.ts';
import { ArmedFaults, corruptChecksum, DEFAULT_GARBAGE, MAINTENANCE_TEXT } from './faults.ts';
import type { Fault } from './faults.ts';
import { FixConnection } from './fix-connection.ts';
import { heartbeatActions } from './heartbeat-monitor.ts';
import { gateInbound } from './inbound-gate.ts';
import { ResendStream } from './resend-stream.ts';
import type { AcceptorDeps } from './acceptor-hooks.ts';
import { withDefect } from './malformed-defects.ts';
import { admitLogon } from './logon-admission.ts';
import { DropCopyConnection } from './dc-acceptor.ts';
import { describeLogonRefusal } from './logon-check.ts';
import type { ListenerTarget, LogonRefusal } from './logon-check.ts';
import { assertNever } from '../../shared/assert-never.ts';
import type { SessionRecord } from './message-store.ts';

type Phase = 'awaiting-logon' | 'active' | 'closing' | 'closed';

/** After our Logout, how long the peer has to answer before the socket is destroyed. */
const LOGOUT_LINGER_MS = 1000;

export class AcceptorSession implements ReportSink {
  readonly #conn: FixConnection;
  readonly #deps: AcceptorDeps;
  readonly #faults = new ArmedFaults();
  #phase: Phase = 'awaiting-logon';
  #record: SessionRecord | undefined;
  #heartbeatMs = 0;
  #testRequest: { id: string; sentAt: number } | undefined;
  #testRequestCounter = 0;
  /** Set when the Logon named KalshiDC: every later message is the drop-copy connection's. */
  #dropCopy: DropCopyConnection | undefined;
  /** Logon timeout before the Logon, heartbeat ticks after it. */
  #timer: NodeJS.Timeout | undefined;
  /** The resend being streamed; new reports wait (ready is false) until it is done. */
  readonly #resend: ResendStream;

  constructor(socket: TLSSocket, deps: AcceptorDeps) {
    this.#deps = deps;
    this.#conn = new FixConnection(socket, {
      onMessage: (msg) => this.#onMessage(msg),
      onClose: (reason) => this.#onClosed(reason),
      log: deps.log,
      now: deps.now,
    });
    this.#resend = new ResendStream({ conn: this.#conn, faults: this.#faults, isActive: () => this.#phase === 'active', log: deps.log });
    this.#timer = setTimeout(() => this.#conn.destroy(`no Logon within ${deps.logonTimeoutMs} ms`), deps.logonTimeoutMs);
  }

  get apiKeyId(): string | undefined {
    return this.#record?.apiKeyId;
  }

  get target(): ListenerTarget | undefined {
    return this.#record?.target;
  }

  get record(): SessionRecord | undefined {
    return this.#record;
  }

  get isActive(): boolean {
    return this.#phase === 'active';
  }

  // ReportSink: the account stream writes through these. While a resend streams, new reports wait
  // behind it, so the client receives the range it asked for in order and only then what is new.
  get ready(): boolean {
    return this.#phase === 'active' && !this.#conn.congested && !this.#resend.streaming;
  }

  onceReady(callback: () => void): void {
    if (this.#resend.streaming) this.#resend.afterEnd(callback);
    else this.#conn.onceDrained(callback);
  }

  deliver(report: GeneratedReport): void {
    const record = this.#record;
    if (record === undefined || this.#phase !== 'active') return;
    const body = renderExecutionReport(report, record.render);
    const sendingTime = formatUtcTimestamp(this.#deps.now());
    const decision = this.#faults.onAppMessage();
    const msgSeqNum = record.allocateApp(MsgType.ExecutionReport, body, sendingTime, decision.defect);
    if (!decision.withhold) {
      const frame = encodeMessage(this.#header(MsgType.ExecutionReport, msgSeqNum, sendingTime), body);
      this.#write(decision.defect === undefined ? frame : withDefect(frame, decision.defect));
    }
    this.#deps.hooks.onErSent(this, report, msgSeqNum, decision.withhold ? (record.retains ? 'withheld' : 'lost') : 'live');
    if (decision.dropAfter) this.#drop('fault drop-after');
  }

  applyFault(fault: Fault): void {
    this.#deps.log(`fault on ${this.apiKeyId ?? '?'}: ${fault.kind}`);
    switch (fault.kind) {
      case 'garbage':
        this.#conn.write(fault.bytes ?? DEFAULT_GARBAGE);
        return;
      case 'logout':
        this.#serverLogout(fault.text);
        return;
      case 'maintenance-reset': {
        const record = this.#record;
        this.#serverLogout(MAINTENANCE_TEXT);
        // After the Logout went out with the old numbering: both sides restart at 1 (see simulator.ts).
        record?.reset();
        if (record !== undefined) record.resetRequired = true;
        return;
      }
      default:
        if (this.#faults.arm(fault).dropNow) this.#drop('fault drop-after 0');
    }
  }

  destroy(): void {
    this.#conn.destroy('simulator stopped');
  }

  #onMessage(msg: FixMessage): void {
    if (this.#phase === 'closed') return;
    // Any message proves the peer alive, as in QuickFIX; a TestRequest needs no specific answer.
    this.#testRequest = undefined;
    if (this.#dropCopy !== undefined) this.#dropCopy.onMessage(msg);
    else if (this.#phase === 'awaiting-logon') this.#routeLogon(msg);
    else this.#onSessionMessage(msg);
  }

  /** TargetCompID picks the session type on the shared port: KalshiDC goes to the drop-copy endpoint. */
  #routeLogon(msg: FixMessage): void {
    const endpoint = this.#deps.dropCopy;
    if (endpoint === undefined || msg.msgType !== MsgType.Logon || msg.targetCompId !== 'KalshiDC') {
      this.#onLogon(msg);
      return;
    }
    this.#stopTimer();
    const deps = this.#deps;
    this.#dropCopy = new DropCopyConnection(this.#conn, {
      endpoint,
      publicKeys: deps.publicKeys,
      now: deps.now,
      heartbeatUnitMs: deps.heartbeatUnitMs,
      heartbeatGraceMs: deps.heartbeatGraceMs,
      log: deps.log,
      onLogonRefused: (apiKeyId, refusal) => deps.hooks.onLogonRefused(apiKeyId, refusal),
      onApplicationRefused: (refused) => deps.hooks.onApplicationMessage(this, refused),
    });
    this.#dropCopy.logon(msg);
  }

  #onLogon(msg: FixMessage): void {
    const deps = this.#deps;
    if (msg.msgType !== MsgType.Logon) {
      if (!out.isAdminMsgType(msg.msgType)) deps.hooks.onApplicationMessage(this, msg);
      this.#refuse({ kind: 'first-message-not-logon', msgType: msg.msgType }, msg, undefined, 1);
      return;
    }
    const admission = admitLogon(msg, {
      publicKeys: deps.publicKeys,
      records: deps.records,
      nowMs: deps.now(),
      claim: (apiKeyId) => deps.hooks.claim(apiKeyId, this),
    });
    if (!admission.ok) {
      // Holding the record means holding the key's slot: the simulator frees it when we close.
      this.#record = admission.claimed;
      this.#refuse(admission.refusal, msg, admission.apiKeyId, admission.msgSeqNum);
      return;
    }
    const { logon, record } = admission;
    this.#record = record;
    this.#phase = 'active';
    this.#heartbeatMs = logon.heartBtIntSec * deps.heartbeatUnitMs;
    this.#sendAdmin(out.logonResponse(logon.heartBtIntSec, logon.resetSeqNum));
    if (admission.resendFrom !== undefined) this.#sendAdmin(out.resendRequest(admission.resendFrom, 0));
    clearTimeout(this.#timer);
    const period = Math.max(5, Math.min(1000, Math.floor(this.#heartbeatMs / 4)));
    this.#timer = setInterval(() => this.#onTick(), period);
    deps.log(`logon ${logon.apiKeyId} on ${logon.target}${logon.resetSeqNum ? ' (141=Y)' : ''}, next out ${record.nextOutSeq}`);
    deps.hooks.onActive(this, logon);
  }

  /**
   * Logout with the reason, then close. The refused client has no session yet: the Logout carries the
   * seq it would see next without consuming it, addressed back to the CompIDs it sent.
   */
  #refuse(refusal: LogonRefusal, logon: FixMessage, apiKeyId: string | undefined, msgSeqNum: number): void {
    const text = describeLogonRefusal(refusal);
    this.#deps.log(`logon refused: ${text}`);
    this.#deps.hooks.onLogonRefused(apiKeyId, refusal);
    const sendingTime = formatUtcTimestamp(this.#deps.now());
    const logout = out.logout(text);
    const header = { msgType: logout.msgType, msgSeqNum, sendingTime, senderCompId: logon.targetCompId, targetCompId: logon.senderCompId };
    this.#write(encodeMessage(header, logout.body));
    this.#endSoon(`logon refused: ${text}`);
  }

  #onSessionMessage(msg: FixMessage): void {
    const record = this.#record;
    if (record === undefined || this.#phase !== 'active') {
      if (this.#phase === 'closing' && msg.msgType === MsgType.Logout) this.#conn.destroy('logout completed');
      return;
    }
    const type = msg.msgType;
    const decision = gateInbound(msg, record);
    switch (decision.kind) {
      case 'refuse-application':
        this.#deps.hooks.onApplicationMessage(this, msg);
        this.#sendAdmin(out.businessReject(msg.msgSeqNum, type, msg.get(Tag.ClOrdID), out.BUSINESS_REJECT_NOT_AUTHORIZED, decision.text));
        this.#serverLogout(decision.text);
        return;
      case 'refuse-comp-id':
        this.#sendAdmin(out.reject(msg.msgSeqNum, type, 9, decision.text));
        this.#serverLogout(decision.text);
        return;
      case 'sequence-reset':
        this.#onSequenceReset(msg, record);
        return;
      case 'ignore-duplicate':
        return;
      case 'seq-too-low':
        this.#serverLogout(decision.text);
        return;
      case 'accept':
        if (decision.resendFrom !== undefined) this.#sendAdmin(out.resendRequest(decision.resendFrom, 0));
        record.nextInSeq = msg.msgSeqNum + 1;
        this.#dispatch(msg, record);
        return;
      default:
        assertNever(decision, 'gate decision');
    }
  }

  #dispatch(msg: FixMessage, record: SessionRecord): void {
    switch (msg.msgType) {
      case MsgType.TestRequest:
        if (!this.#faults.silent) this.#sendAdmin(out.heartbeat(msg.get(Tag.TestReqID)));
        return;
      case MsgType.ResendRequest:
        this.#onResendRequest(msg, record);
        return;
      case MsgType.Logout:
        this.#deps.hooks.onLogout(this, msg.get(Tag.Text), 'client');
        this.#sendAdmin(out.logout(undefined));
        this.#endSoon('client logout');
        return;
      case MsgType.Logon:
        this.#serverLogout('Logon received on a session that is already logged on');
        return;
      case MsgType.Reject:
        this.#deps.log(`client rejected our ${msg.get(Tag.RefSeqNum) ?? '?'}: ${msg.get(Tag.Text) ?? ''}`);
        return;
      default: // Heartbeat: receiving it already refreshed lastRx
    }
  }

  #onSequenceReset(msg: FixMessage, record: SessionRecord): void {
    if (!record.retains) {
      this.#sendAdmin(out.reject(msg.msgSeqNum, MsgType.SequenceReset, 11, `SequenceReset is not supported on ${record.target}`));
      return;
    }
    const newSeqNo = msg.getInt(Tag.NewSeqNo);
    if (newSeqNo === undefined || newSeqNo < 1) {
      this.#sendAdmin(out.reject(msg.msgSeqNum, MsgType.SequenceReset, 5, 'SequenceReset needs NewSeqNo(36) >= 1'));
      return;
    }
    // GapFill answering our ResendRequest, or a reset: either way the next expected number moves up.
    if (newSeqNo > record.nextInSeq) record.nextInSeq = newSeqNo;
  }

  #onResendRequest(msg: FixMessage, record: SessionRecord): void {
    const opened = record.openResend(msg.getInt(Tag.BeginSeqNo) ?? 0, msg.getInt(Tag.EndSeqNo) ?? 0);
    if (!opened.ok) {
      this.#sendAdmin(out.reject(msg.msgSeqNum, MsgType.ResendRequest, record.retains ? 5 : 11, opened.text));
      return;
    }
    this.#resend.start({
      cursor: opened.cursor,
      request: `${msg.get(Tag.BeginSeqNo)}..${msg.get(Tag.EndSeqNo)}`,
      sendingTime: formatUtcTimestamp(this.#deps.now()),
      ids: { senderCompId: record.target, targetCompId: record.apiKeyId },
    });
  }

  #onTick(): void {
    // A resend in progress writes continuously; a Heartbeat or TestRequest would land in its middle.
    if (this.#phase !== 'active' || this.#faults.silent || this.#resend.streaming) return;
    const now = this.#deps.now();
    const state = {
      heartbeatMs: this.#heartbeatMs,
      graceMs: this.#deps.heartbeatGraceMs,
      lastRxMs: this.#conn.lastRxMs,
      lastTxMs: this.#conn.lastTxMs,
      testRequest: this.#testRequest,
    };
    for (const action of heartbeatActions(state, now)) {
      switch (action.kind) {
        case 'send-heartbeat':
          this.#sendAdmin(out.heartbeat(undefined));
          break;
        case 'send-test-request': {
          const id = `TEST-${++this.#testRequestCounter}`;
          this.#testRequest = { id, sentAt: now };
          this.#sendAdmin(out.testRequest(id));
          break;
        }
        case 'time-out':
          this.#serverLogout(`Heartbeat timeout: no answer to TestRequest ${action.testReqId}`);
          return;
        default:
          assertNever(action, 'heartbeat action');
      }
    }
  }

  #header(msgType: string, msgSeqNum: number, sendingTime: string): OutboundHeader {
    const record = this.#record!;
    return { msgType, msgSeqNum, sendingTime, senderCompId: record.target, targetCompId: record.apiKeyId };
  }

  #sendAdmin(message: OutboundAdmin): void {
    const record = this.#record;
    if (record === undefined || !this.#conn.writable) return;
    const sendingTime = formatUtcTimestamp(this.#deps.now());
    this.#write(encodeMessage(this.#header(message.msgType, record.allocateAdmin(), sendingTime), message.body));
  }

  #write(frame: Buffer): void {
    if (this.#conn.writable) this.#conn.write(this.#faults.takeBadChecksum() ? corruptChecksum(frame) : frame);
  }

  #serverLogout(text: string): void {
    if (this.#phase === 'closing' || this.#phase === 'closed') return;
    if (this.#phase === 'active') {
      this.#sendAdmin(out.logout(text));
      this.#deps.hooks.onLogout(this, text, 'server');
    }
    this.#endSoon(`server logout: ${text}`);
  }

  #endSoon(reason: string): void {
    if (this.#phase !== 'closed') this.#phase = 'closing';
    this.#stopTimer();
    this.#conn.end(reason, LOGOUT_LINGER_MS);
  }

  #drop(reason: string): void {
    this.#phase = 'closing';
    this.#stopTimer();
    this.#conn.drop(reason);
  }

  #stopTimer(): void {
    clearTimeout(this.#timer);
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  #onClosed(reason: string): void {
    if (this.#phase === 'closed') return;
    this.#phase = 'closed';
    this.#stopTimer();
    this.#resend.abandon();
    this.#dropCopy?.closed();
    this.#deps.hooks.onClose(this, reason);
  }
}
