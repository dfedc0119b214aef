// session-machine.ts — the FIX session rules for a read-only listener (initiator side), as a
// deterministic state machine: inputs in, effects out, time passed in as `now`. It performs no I/O
// and owns no timer; session.ts runs its effects. Tests drive it with a fake clock.
//
// Why a class and not a copy-on-write step(): the in-order path runs for every message of a
// catch-up burst (hundreds of thousands a second), and the gap hold is a map. Mutating one small
// object keeps that path allocation-free; the phase itself is still one tagged union.
import type { FixMessage } from '../fix/decode.ts';
import type { SessionPhase, SessionInput, SessionEffect, MachineStart } from './machine-io.ts';
import { MsgType, Tag } from '../../../shared/fix/tags.ts';
import { ADMIN_MSG_TYPES, type AdminMessage } from './admin-messages.ts';
import { type DisconnectReason, type SessionEvent } from '../../../shared/events/session-events.ts';
import { type SessionConfig, supportsResend } from './session-config.ts';
import { SequenceNumbers } from './sequence.ts';
import { LinkMonitor } from './link-monitor.ts';
import { classifyLogonReply } from './logon-reply.ts';
import { INFINITY_SEQ, ResendRecovery } from './resend.ts';
import { RoundTripProbe } from './round-trip-probe.ts';
import { misaddressed } from './comp-ids.ts';
import { gapFillAnswering, heartbeatAnswering, rejectOfMalformed, rejectOfNewSeqNo } from './admin-replies.ts';

export type { SessionPhase, SessionInput, SessionEffect, MachineStart } from './machine-io.ts';

export class SessionMachine {
  readonly config: SessionConfig;
  readonly seq: SequenceNumbers<FixMessage>;
  phase: SessionPhase = { kind: 'disconnected' };
  #effects: SessionEffect[] = [];
  readonly #link = new LinkMonitor();
  readonly #resend = new ResendRecovery();
  /** Next Logon must send 141=Y: fresh store, NR, or the exchange restarted its sequence. */
  #resetOnNextLogon: boolean;
  /** When we last heard from the exchange in an established session: the start of any loss window. */
  #lastActiveRxAt: number | undefined;
  /** Our round-trip TestRequest (config.roundTripProbe). */
  readonly #rttProbe = new RoundTripProbe();

  constructor(start: MachineStart) {
    this.config = start.config;
    this.seq = new SequenceNumbers(start.persisted ?? { nextInbound: 1, nextOutbound: 1 }, start.config.maxQueuedWhileResending);
    this.#resetOnNextLogon = start.persisted === undefined;
  }

  /** The last heartbeat round trip measured (TestRequest → Heartbeat with its TestReqID), if any. */
  get roundTrip(): { readonly ms: number; readonly at: number } | undefined {
    return this.#rttProbe.last;
  }

  /** Feeds one input; returns the effects to run, in order. */
  handle(input: SessionInput, now: number): SessionEffect[] {
    this.#effects = [];
    switch (input.kind) {
      case 'connected': this.#onConnected(now); break;
      case 'message': this.#onMessage(input.message, now); break;
      case 'tick': this.#onTick(now); break;
      case 'disconnected': this.#goDisconnected(input.reason); break;
      case 'logout-requested': this.#onLogoutRequested(input.text, now); break;
    }
    return this.#effects;
  }

  //#region connection lifecycle
  #onConnected(now: number): void {
    const reset = this.#resetOnNextLogon || !supportsResend(this.config.targetCompId);
    if (reset) {
      this.seq.reset({ nextInbound: 1, nextOutbound: 1 });
      this.#emit({ kind: 'sequences-reset', next: this.seq.snapshot() });
    }
    this.#link.restart(now);
    this.phase = { kind: 'logon-sent', at: now, resetSeqNum: reset };
    const msgSeqNum = this.#send({ type: 'Logon', resetSeqNum: reset }, now);
    this.#event({ kind: 'logon-sent', resetSeqNum: reset, msgSeqNum });
  }

  #onLogoutRequested(text: string, now: number): void {
    if (this.phase.kind === 'active') {
      this.#send({ type: 'Logout', text }, now);
      this.phase = { kind: 'logout-sent', at: now };
    } else if (this.phase.kind !== 'disconnected') {
      this.#disconnect({ kind: 'logout-complete' });
    }
  }

  /** We decide to end the connection: tell the driver to close it. */
  #disconnect(reason: DisconnectReason): void {
    this.#emit({ kind: 'disconnect', reason });
    this.#goDisconnected(reason);
  }

  /** The connection is over (our decision or the socket closed): forget per-connection state. */
  #goDisconnected(reason: DisconnectReason): void {
    if (this.phase.kind === 'disconnected') return;
    this.phase = { kind: 'disconnected' };
    this.#resend.clear();
    this.#rttProbe.clear();
    this.seq.clearHeld();
    this.#event({ kind: 'disconnected', reason });
  }
  //#endregion

  //#region inbound
  #onMessage(message: FixMessage, now: number): void {
    if (this.phase.kind === 'disconnected') return;
    this.#link.received(now);
    if (!this.#headerIsOurs(message)) return;

    if (this.phase.kind === 'logon-sent') {
      if (message.problem !== undefined) {
        this.#protocolError(`the exchange's reply to our Logon could not be read: ${message.problem.text}`);
        return;
      }
      this.#onLogonReply(message, now);
      return;
    }
    if (message.problem === undefined && message.msgType === MsgType.SequenceReset && message.get(Tag.GapFillFlag) !== 'Y') {
      this.#onSequenceResetReset(message, now);
      return;
    }
    this.#sequenced(message, now);
  }

  /** A message for another session (comp-ids.ts) ends this one: it is not ours to store. */
  #headerIsOurs(message: FixMessage): boolean {
    const why = misaddressed(message, this.config.senderCompId);
    if (why === undefined) return true;
    this.#event({ kind: 'unexpected-message', msgType: message.msgType, text: why });
    this.#protocolError('message addressed to another session (CompID mismatch)', message.msgType === MsgType.Logout ? undefined : { refSeqNum: message.msgSeqNum, reason: 9 });
    return false;
  }

  #onLogonReply(message: FixMessage, now: number): void {
    const weReset = (this.phase as Extract<SessionPhase, { kind: 'logon-sent' }>).resetSeqNum;
    const reply = classifyLogonReply(message, this.seq.nextInbound, weReset);
    switch (reply.kind) {
      case 'refused':
        if (reply.retryWithReset) this.#resetOnNextLogon = true;
        this.#disconnect({ kind: 'logon-rejected', text: reply.text, retryable: reply.retryWithReset || reply.transient });
        return;
      case 'not-a-logon':
        this.#protocolError(reply.text);
        return;
      case 'seq-too-low':
        this.#tooLow(reply.received, now);
        return;
      case 'accepted-after-restart':
        this.#event({ kind: 'exchange-sequence-restarted', expected: this.seq.nextInbound, received: reply.received });
        this.#possibleLoss(now, 'the exchange restarted its sequence numbers, so messages before the restart cannot be resent');
        this.seq.reset({ nextInbound: reply.received, nextOutbound: this.seq.nextOutbound });
        this.#emit({ kind: 'sequences-reset', next: this.seq.snapshot() });
        break;
      case 'accepted':
        break;
    }
    this.phase = { kind: 'active', since: now };
    this.#resetOnNextLogon = false;
    this.#event({ kind: 'logon-accepted', resetSeqNum: weReset || (reply.kind === 'accepted' && reply.serverReset) });
    if (weReset && this.#lastActiveRxAt !== undefined) {
      this.#possibleLoss(now, this.config.targetCompId === 'KalshiNR'
        ? 'KalshiNR cannot resend what was sent while disconnected'
        : 'the session was reset, so what was sent while disconnected cannot be resent');
    }
    this.#sequenced(message, now);
    if (this.config.roundTripProbe && this.phase.kind === 'active') this.#sendRoundTripProbe(now);
  }

  /** Applies the sequence rules to one message, then drains any held messages it unblocks. */
  #sequenced(message: FixMessage, now: number): void {
    const msgSeqNum = message.msgSeqNum;
    switch (this.seq.classify(msgSeqNum, message.possDup)) {
      case 'in-order':
        this.#inOrder(message, now);
        this.#drainHeld(now);
        return;
      case 'duplicate':
        this.#event({ kind: 'duplicate-ignored', msgSeqNum });
        return;
      case 'too-low':
        this.#tooLow(msgSeqNum, now);
        return;
      case 'gap':
        this.#gap(message, now);
        return;
    }
  }

  #gap(message: FixMessage, now: number): void {
    const expected = this.seq.nextInbound;
    const received = message.msgSeqNum;
    if (!supportsResend(this.config.targetCompId)) {
      // NR: nothing can be resent. Report the hole, then carry on from here.
      this.#event({ kind: 'seq-gap', expected, received, recoverable: false });
      this.#possibleLoss(now, `KalshiNR skipped MsgSeqNum ${expected} to ${received - 1}`);
      this.seq.advanceInbound(received);
      this.#emit({ kind: 'sequences-reset', next: this.seq.snapshot() });
      this.#inOrder(message, now);
      return;
    }
    const readable = message.problem === undefined;
    if (readable && message.msgType === MsgType.TestRequest) this.#send(heartbeatAnswering(message), now);
    if (readable && message.msgType === MsgType.Logout) {
      // A Logout ahead of a gap still ends the session; the gap is recovered on the next logon.
      this.#onLogout(message, now);
      return;
    }
    const dropped = this.seq.holdAhead(received, message);
    if (dropped > 0) this.#event({ kind: 'queue-overflow', dropped });
    if (this.#resend.outstanding) {
      this.#resend.extendTo(received);
    } else {
      this.#event({ kind: 'seq-gap', expected, received, recoverable: true });
      this.#resend.start(expected, received, now);
      this.#requestResend(expected, now);
    }
  }

  #requestResend(begin: number, now: number): void {
    this.#send({ type: 'ResendRequest', beginSeqNo: begin, endSeqNo: INFINITY_SEQ }, now);
    this.#event({ kind: 'resend-requested', begin, end: INFINITY_SEQ });
  }

  #drainHeld(now: number): void {
    for (let held = this.seq.takeNextHeld(); held !== undefined; held = this.seq.takeNextHeld()) {
      this.#inOrder(held, now, true);
    }
    if (!this.#resend.outstanding) return;
    const recovered = this.#resend.progressed(now, this.seq.nextInbound, this.seq.heldCount);
    if (recovered !== undefined) this.#event({ kind: 'resend-complete', begin: recovered.begin, end: recovered.end });
  }

  #tooLow(received: number, now: number): void {
    const expected = this.seq.nextInbound;
    this.#send({ type: 'Logout', text: `MsgSeqNum too low, expecting ${expected} but received ${received}` }, now);
    this.#disconnect({ kind: 'seq-too-low', expected, received });
  }

  /** The message is next in sequence: act on it and advance. */
  #inOrder(message: FixMessage, now: number, wasHeld = false): void {
    const msgSeqNum = message.msgSeqNum;
    const application = !ADMIN_MSG_TYPES.has(message.msgType);
    if (message.problem !== undefined) {
      this.#receivedMalformed(message, application, now);
      return;
    }
    if (message.msgType === MsgType.SequenceReset) {
      // GapFill (the Reset form never reaches here): jump over admin messages the exchange skipped.
      const newSeqNo = message.getInt(Tag.NewSeqNo) ?? 0;
      if (newSeqNo <= msgSeqNum) {
        this.#send(rejectOfNewSeqNo(msgSeqNum, `NewSeqNo ${newSeqNo} must be greater than MsgSeqNum ${msgSeqNum}`), now);
        this.#accept(message, msgSeqNum + 1, false);
        return;
      }
      this.#accept(message, newSeqNo, false);
      this.#event({ kind: 'gap-fill', from: msgSeqNum, to: newSeqNo });
      this.seq.discardHeldBelowNext();
      return;
    }
    this.#accept(message, msgSeqNum + 1, application);
    if (application) return;
    switch (message.msgType) {
      case MsgType.Heartbeat:
        // A held Heartbeat waited behind a resend: its delay is not the link's, so it measures nothing.
        if (!wasHeld && this.#rttProbe.waiting) this.#rttProbe.answered(message.get(Tag.TestReqID), now);
        return;
      case MsgType.Logon:
        return;
      case MsgType.TestRequest:
        if (!wasHeld) this.#send(heartbeatAnswering(message), now);
        return;
      case MsgType.ResendRequest:
        this.#answerResendRequest(message, now);
        return;
      case MsgType.Reject:
        this.#event({ kind: 'reject-received', refSeqNum: message.getInt(Tag.RefSeqNum), reason: message.get(Tag.SessionRejectReason), text: message.get(Tag.Text) });
        return;
      case MsgType.Logout:
        this.#onLogout(message, now);
        return;
    }
  }

  /**
   * A correctly framed message with a field that breaks a rule is received, not re-requested (FIX 4.4
   * vol 2; QuickFIX does the same): store it (it is evidence; the store marks it unreadable), advance,
   * and answer with a session Reject naming the problem. Its content is never acted on.
   */
  #receivedMalformed(message: FixMessage, application: boolean, now: number): void {
    const problem = message.problem!;
    this.#accept(message, message.msgSeqNum + 1, application);
    this.#send(rejectOfMalformed(message), now);
    this.#event({ kind: 'malformed-message', msgType: message.msgType, msgSeqNum: message.msgSeqNum, rejectReason: problem.rejectReason, text: problem.text });
  }

  #accept(message: FixMessage, nextInbound: number, application: boolean): void {
    this.seq.advanceInbound(nextInbound);
    if (this.phase.kind === 'active') this.#lastActiveRxAt = this.#link.lastRxAt;
    if (application && message.msgType === MsgType.BusinessMessageReject) {
      this.#event({ kind: 'business-reject-received', refMsgType: message.get(Tag.RefMsgType), text: message.get(Tag.Text) });
    }
    this.#emit({ kind: 'accept', message, nextInbound, application });
  }

  /** A resent GapFill takes no new outbound MsgSeqNum: it goes out under the range's first one. */
  #answerResendRequest(message: FixMessage, now: number): void {
    const gapFill = gapFillAnswering(message, this.seq.nextOutbound);
    if (gapFill === undefined) return;
    this.#emit({ kind: 'send', message: gapFill, msgSeqNum: gapFill.msgSeqNum, possDup: true });
    this.#link.sent(now);
  }

  #onLogout(message: FixMessage, now: number): void {
    const text = message.get(Tag.Text);
    if (this.phase.kind === 'logout-sent') {
      this.#disconnect({ kind: 'logout-complete' });
      return;
    }
    this.#event({ kind: 'exchange-logout', text });
    this.#send({ type: 'Logout' }, now);
    this.#disconnect({ kind: 'exchange-logout', text: text ?? '' });
  }

  /** SequenceReset-Reset: ignore its own MsgSeqNum; move forward only (FIX 4.4 vol 2, "Reset mode"). */
  #onSequenceResetReset(message: FixMessage, now: number): void {
    const newSeqNo = message.getInt(Tag.NewSeqNo);
    const expected = this.seq.nextInbound;
    if (newSeqNo === undefined || newSeqNo < expected) {
      this.#send(rejectOfNewSeqNo(message.msgSeqNum, `NewSeqNo ${newSeqNo ?? '(missing)'} is lower than the expected ${expected}`), now);
      this.#event({ kind: 'seq-reset-rejected', expected, newSeqNo: newSeqNo ?? 0 });
      return;
    }
    if (newSeqNo === expected) return;
    this.#event({ kind: 'seq-reset', from: expected, to: newSeqNo });
    this.#possibleLoss(now, `the exchange reset the sequence from ${expected} to ${newSeqNo} without resending`);
    this.#accept(message, newSeqNo, false);
    this.seq.discardHeldBelowNext();
    this.#drainHeld(now);
  }
  //#endregion

  //#region timers
  #onTick(now: number): void {
    const phase = this.phase;
    switch (phase.kind) {
      case 'disconnected':
        return;
      case 'logon-sent':
        if (now - phase.at >= this.config.logonTimeoutMs) this.#disconnect({ kind: 'logon-timeout' });
        return;
      case 'logout-sent':
        if (now - phase.at >= this.config.logoutTimeoutMs) this.#disconnect({ kind: 'logout-complete' });
        return;
      case 'active':
        this.#activeTimers(now);
        return;
    }
  }

  #activeTimers(now: number): void {
    const due = this.#link.due(now, this.config.heartBtIntSec * 1000, this.config.testRequestGraceMs);
    if (due.kind === 'timeout') {
      this.#event({ kind: 'heartbeat-timeout' });
      this.#disconnect({ kind: 'heartbeat-timeout' });
      return;
    }
    if (due.kind === 'test-request') {
      this.#send({ type: 'TestRequest', testReqId: due.testReqId }, now);
      this.#event({ kind: 'test-request-sent', testReqId: due.testReqId });
    }
    switch (this.#resend.stalled(now, this.config.resendStallMs)) {
      case 'give-up':
        this.#disconnect({ kind: 'resend-stalled', begin: this.seq.nextInbound });
        return;
      case 'ask-again':
        this.#resend.askedAgain(this.seq.nextInbound, now);
        this.#requestResend(this.seq.nextInbound, now);
        break;
      case undefined:
        break;
    }
    if (due.kind === 'heartbeat' && now - this.#link.lastTxAt >= this.config.heartBtIntSec * 1000) {
      if (this.config.roundTripProbe && this.#rttProbe.free(now, this.config.heartBtIntSec * 1000)) this.#sendRoundTripProbe(now);
      else this.#send({ type: 'Heartbeat' }, now);
    }
  }

  #sendRoundTripProbe(now: number): void {
    this.#send({ type: 'TestRequest', testReqId: this.#rttProbe.start(now) }, now);
  }
  //#endregion

  //#region helpers
  #send(message: AdminMessage, now: number): number {
    const msgSeqNum = this.seq.takeOutbound();
    this.#link.sent(now);
    this.#emit({ kind: 'send', message, msgSeqNum, possDup: false });
    return msgSeqNum;
  }

  #protocolError(text: string, reject?: { refSeqNum: number; reason: number }): void {
    if (reject !== undefined && this.phase.kind === 'active') {
      this.#send({ type: 'Reject', refSeqNum: reject.refSeqNum, reason: reject.reason, text }, this.#link.lastRxAt);
    }
    if (this.phase.kind === 'active') this.#send({ type: 'Logout', text }, this.#link.lastRxAt);
    this.#disconnect({ kind: 'protocol-error', text });
  }

  #possibleLoss(now: number, why: string): void {
    this.#event({ kind: 'possible-missed-messages', sinceMs: this.#lastActiveRxAt, untilMs: now, why });
  }

  #emit(effect: SessionEffect): void {
    this.#effects.push(effect);
  }

  #event(event: SessionEvent): void {
    this.#effects.push({ kind: 'event', event });
  }
  //#endregion
}
