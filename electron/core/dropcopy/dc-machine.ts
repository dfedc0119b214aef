// dc-machine.ts — the rules of one drop-copy (KalshiDC) connection as a deterministic machine: Logon
// with 141=Y, then one EventResendRequest (U1) at a time until each is answered by EventResendComplete
// (U2), EventResendReject (U3) or a Reject, then Logout. Between them: heartbeats, TestRequests, and a
// reply timeout. Inputs in, effects out, `now` passed in; no I/O and no timers (dc-session.ts runs the
// effects). It never resends and never asks for a resend: KalshiDC supports neither (kalshi-fix.md §3).
//
// Why not the listener's SessionMachine: DC is request/response with its own end condition (every
// request answered), always resets, and has no gap recovery; bending the listener rules to fit would
// weaken the read-only listener. What both share is reused: LinkMonitor, the admin encoder, the guard.
import type { FixMessage } from '../fix/decode.ts';
import { MsgType, Tag } from '../../../shared/fix/tags.ts';
import type { AdminMessage } from '../session/admin-messages.ts';
import { LinkMonitor } from '../session/link-monitor.ts';
import type { SessionConfig } from '../session/session-config.ts';
import { describeSessionRejectReason } from '../../../shared/events/session-events.ts';
import { readDropCopyReply, type DropCopyRequest, type ExecIdRange } from './dc-messages.ts';
import { describeDropCopyFailure, type DropCopyEvent, type DropCopyFailure, type RangeOutcome } from './dc-events.ts';

export type DcPhase = 'disconnected' | 'logon-sent' | 'active' | 'logout-sent' | 'ended';

export type DcInput =
  | { readonly kind: 'connected' }
  | { readonly kind: 'message'; readonly message: FixMessage }
  | { readonly kind: 'tick' }
  /** The socket closed (whoever closed it). */
  | { readonly kind: 'closed'; readonly detail: string }
  /** The driver failed outside the protocol (connect, store). */
  | { readonly kind: 'fail'; readonly failure: DropCopyFailure }
  | { readonly kind: 'stop' };

export type DcEffect =
  | { readonly kind: 'send'; readonly message: AdminMessage | DropCopyRequest; readonly msgSeqNum: number }
  /** An inbound message in sequence order: store it with the next expected number. */
  | { readonly kind: 'accept'; readonly message: FixMessage; readonly nextInbound: number }
  /** 141=Y: both directions restart at 1. */
  | { readonly kind: 'sequences-reset' }
  /** A request ended. The driver makes what was accepted durable BEFORE reporting it. */
  | { readonly kind: 'request-done'; readonly range: ExecIdRange; readonly outcome: RangeOutcome }
  | { readonly kind: 'event'; readonly event: DropCopyEvent }
  | { readonly kind: 'close' };

export interface DcMachineOptions {
  /** Give up on a request after this long without any ER or reply for it. Default 30 000. */
  readonly replyTimeoutMs?: number;
}

interface Outstanding {
  readonly range: ExecIdRange;
  readonly refSeqNum: number;
  lastProgressAt: number;
  received: number;
}

export class DropCopyMachine {
  readonly config: SessionConfig;
  phase: DcPhase = 'disconnected';
  /** Why the run ended early; undefined while running and after a clean finish. */
  failure: DropCopyFailure | undefined;
  readonly #queue: ExecIdRange[];
  readonly #replyTimeoutMs: number;
  readonly #link = new LinkMonitor();
  #outstanding: Outstanding | undefined;
  #phaseAt = 0;
  #nextInbound = 1;
  #nextOutbound = 1;
  #effects: DcEffect[] = [];

  constructor(config: SessionConfig, ranges: readonly ExecIdRange[], options: DcMachineOptions = {}) {
    this.config = config;
    this.#queue = [...ranges];
    this.#replyTimeoutMs = options.replyTimeoutMs ?? 30_000;
  }

  get nextOutbound(): number {
    return this.#nextOutbound;
  }

  handle(input: DcInput, now: number): DcEffect[] {
    this.#effects = [];
    switch (input.kind) {
      case 'connected': this.#onConnected(now); break;
      case 'message': this.#onMessage(input.message, now); break;
      case 'tick': this.#onTick(now); break;
      case 'closed': this.#onClosed(input.detail); break;
      case 'fail': this.#fail(input.failure, now); break;
      case 'stop': this.#onStop(now); break;
    }
    return this.#effects;
  }

  #onConnected(now: number): void {
    if (this.phase !== 'disconnected') return;
    this.#nextInbound = 1;
    this.#nextOutbound = 1;
    this.#effects.push({ kind: 'sequences-reset' });
    this.#link.restart(now);
    this.#enter('logon-sent', now);
    this.#send({ type: 'Logon', resetSeqNum: true }, now);
  }

  #onMessage(message: FixMessage, now: number): void {
    if (this.phase === 'disconnected' || this.phase === 'ended') return;
    this.#link.received(now);
    const sender = message.senderCompId;
    // A CompID lost to a field problem is that message's problem (below), not a misroute.
    const compIdsUnreadable = message.problem !== undefined && (sender === '' || message.targetCompId === '');
    if (!compIdsUnreadable && (message.targetCompId !== this.config.senderCompId || !sender.startsWith('Kalshi'))) {
      this.#fail({ kind: 'protocol-error', text: `message addressed to another session (49=${sender}, 56=${message.targetCompId})` }, now);
      return;
    }
    if (this.phase === 'logon-sent' && message.problem !== undefined) {
      this.#fail({ kind: 'protocol-error', text: `the reply to our Logon could not be read: ${message.problem.text}` }, now);
      return;
    }
    if (this.phase === 'logon-sent') {
      this.#onLogonReply(message, now);
      return;
    }
    if (!this.#sequenced(message, now)) return;
    if (message.problem !== undefined) this.#onMalformed(message, now);
    else this.#dispatch(message, now);
  }

  /**
   * Stored as received (the journal marks it unreadable) and answered with a session Reject, as on the
   * listener. A replayed ER still counts toward the request, so U2's count check stays honest.
   */
  #onMalformed(message: FixMessage, now: number): void {
    const problem = message.problem!;
    if (message.msgType === MsgType.ExecutionReport && this.#outstanding !== undefined) {
      this.#outstanding.received++;
      this.#outstanding.lastProgressAt = now;
    }
    this.#send({ type: 'Reject', refSeqNum: message.msgSeqNum, reason: problem.rejectReason, text: problem.text, ...(problem.tag === undefined ? {} : { refTagId: problem.tag }) }, now);
    this.#event({ kind: 'malformed-message', msgType: message.msgType, msgSeqNum: message.msgSeqNum, text: problem.text });
  }

  #onLogonReply(message: FixMessage, now: number): void {
    switch (message.msgType) {
      case MsgType.Logon:
        if (!this.#sequenced(message, now)) return;
        this.#enter('active', now);
        this.#event({ kind: 'logon-accepted' });
        this.#sendNextRequest(now);
        return;
      case MsgType.Logout:
        this.#fail({ kind: 'logon-rejected', text: message.get(Tag.Text) ?? '' }, now);
        return;
      case MsgType.Reject: {
        const reason = message.get(Tag.SessionRejectReason);
        const text = [message.get(Tag.Text), reason === undefined ? undefined : describeSessionRejectReason(reason)].filter(Boolean).join('; ');
        this.#fail({ kind: 'logon-rejected', text }, now);
        return;
      }
      default:
        this.#fail({ kind: 'protocol-error', text: `expected a Logon reply but received MsgType ${message.msgType}` }, now);
    }
  }

  /** DC cannot resend (kalshi-fix.md §3): a gap is reported and skipped; lower than expected is fatal. */
  #sequenced(message: FixMessage, now: number): boolean {
    const received = message.msgSeqNum;
    if (received < this.#nextInbound) {
      this.#fail({ kind: 'protocol-error', text: `MsgSeqNum too low, expecting ${this.#nextInbound} but received ${received}` }, now);
      return false;
    }
    if (received > this.#nextInbound) this.#event({ kind: 'seq-gap', expected: this.#nextInbound, received });
    this.#nextInbound = received + 1;
    this.#effects.push({ kind: 'accept', message, nextInbound: this.#nextInbound });
    return true;
  }

  #dispatch(message: FixMessage, now: number): void {
    switch (message.msgType) {
      case MsgType.Heartbeat:
        return;
      case MsgType.TestRequest: {
        const testReqId = message.get(Tag.TestReqID);
        this.#send(testReqId === undefined ? { type: 'Heartbeat' } : { type: 'Heartbeat', testReqId }, now);
        return;
      }
      case MsgType.Logout:
        this.#onLogout(message, now);
        return;
      case MsgType.ExecutionReport:
        if (this.#outstanding === undefined) {
          this.#event({ kind: 'unexpected-message', msgType: message.msgType, text: 'an ExecutionReport outside any request (stored all the same)' });
          return;
        }
        this.#outstanding.received++;
        this.#outstanding.lastProgressAt = now;
        return;
      default:
        this.#onOther(message, now);
    }
  }

  #onOther(message: FixMessage, now: number): void {
    const reply = readDropCopyReply(message);
    const outstanding = this.#outstanding;
    if (reply === undefined || outstanding === undefined || (reply.refSeqNum !== undefined && reply.refSeqNum !== outstanding.refSeqNum)) {
      const text = reply === undefined ? 'not part of the drop-copy exchange (ignored)' : `a reply to MsgSeqNum ${reply.refSeqNum ?? '?'}, which is not the outstanding request (ignored)`;
      this.#event({ kind: 'unexpected-message', msgType: message.msgType, text });
      return;
    }
    const outcome: RangeOutcome =
      reply.kind === 'complete' ? { kind: 'complete', count: reply.count, received: outstanding.received }
      : reply.kind === 'rejected' ? { kind: 'rejected', reason: reply.reason }
      : { kind: 'refused', text: reply.text };
    this.#outstanding = undefined;
    this.#done(outstanding.range, outcome);
    this.#sendNextRequest(now);
  }

  #onLogout(message: FixMessage, now: number): void {
    if (this.phase === 'logout-sent') {
      this.#end();
      return;
    }
    const text = message.get(Tag.Text) ?? '';
    this.failure ??= { kind: 'exchange-logout', text };
    this.#send({ type: 'Logout' }, now);
    this.#end();
  }

  #sendNextRequest(now: number): void {
    if (this.phase !== 'active' || this.#outstanding !== undefined) return;
    const range = this.#queue.shift();
    if (range === undefined) {
      this.#send({ type: 'Logout', text: 'Fillwatch backfill complete' }, now);
      this.#enter('logout-sent', now);
      return;
    }
    const msgSeqNum = this.#send({ type: 'EventResendRequest', range }, now);
    this.#outstanding = { range, refSeqNum: msgSeqNum, lastProgressAt: now, received: 0 };
    this.#event({ kind: 'request-sent', range, msgSeqNum });
  }

  #onTick(now: number): void {
    switch (this.phase) {
      case 'logon-sent':
        if (now - this.#phaseAt >= this.config.logonTimeoutMs) this.#fail({ kind: 'logon-timeout' }, now);
        return;
      case 'logout-sent':
        if (now - this.#phaseAt >= this.config.logoutTimeoutMs) this.#end();
        return;
      case 'active': {
        const due = this.#link.due(now, this.config.heartBtIntSec * 1000, this.config.testRequestGraceMs);
        if (due.kind === 'timeout') {
          this.#fail({ kind: 'heartbeat-timeout' }, now);
          return;
        }
        if (due.kind === 'test-request') {
          this.#send({ type: 'TestRequest', testReqId: due.testReqId }, now);
          this.#event({ kind: 'test-request-sent', testReqId: due.testReqId });
        } else if (due.kind === 'heartbeat') {
          this.#send({ type: 'Heartbeat' }, now);
        }
        const o = this.#outstanding;
        if (o !== undefined && now - o.lastProgressAt >= this.#replyTimeoutMs) {
          this.#fail({ kind: 'reply-timeout', range: o.range, waitedMs: now - o.lastProgressAt }, now);
        }
        return;
      }
      case 'disconnected':
      case 'ended':
        return;
    }
  }

  #onStop(now: number): void {
    if (this.phase === 'ended') return;
    this.failure ??= { kind: 'stopped' };
    if (this.phase === 'active') {
      this.#send({ type: 'Logout', text: 'Fillwatch backfill stopped' }, now);
      this.#enter('logout-sent', now);
      return;
    }
    if (this.phase !== 'logout-sent') this.#end();
  }

  #onClosed(detail: string): void {
    if (this.phase === 'ended') return;
    // A close after our Logout is the normal end; any other close loses what was outstanding.
    if (this.phase !== 'logout-sent') this.failure ??= { kind: 'connection-lost', detail };
    this.#end();
  }

  /** Ends the run for `failure`: a Logout first when the session is up, then close. */
  #fail(failure: DropCopyFailure, now: number): void {
    if (this.phase === 'ended') return;
    this.failure ??= failure;
    if (this.phase === 'active') this.#send({ type: 'Logout', text: describeDropCopyFailure(failure) }, now);
    this.#end();
  }

  /** Every request not answered is reported as not served, once, then the socket is closed. */
  #end(): void {
    if (this.phase === 'ended') return;
    const failure = this.failure ?? { kind: 'connection-lost', detail: 'closed before every request was answered' };
    if (this.#outstanding !== undefined) this.#done(this.#outstanding.range, { kind: 'not-served', failure });
    this.#outstanding = undefined;
    for (const range of this.#queue.splice(0)) this.#done(range, { kind: 'not-served', failure });
    this.phase = 'ended';
    this.#event({ kind: 'ended', failure: this.failure });
    this.#effects.push({ kind: 'close' });
  }

  #done(range: ExecIdRange, outcome: RangeOutcome): void {
    this.#effects.push({ kind: 'request-done', range, outcome });
    this.#event({ kind: 'request-done', range, outcome });
  }

  #enter(phase: DcPhase, now: number): void {
    this.phase = phase;
    this.#phaseAt = now;
  }

  #send(message: AdminMessage | DropCopyRequest, now: number): number {
    const msgSeqNum = this.#nextOutbound++;
    this.#link.sent(now);
    this.#effects.push({ kind: 'send', message, msgSeqNum });
    return msgSeqNum;
  }

  #event(event: DropCopyEvent): void {
    this.#effects.push({ kind: 'event', event });
  }
}
