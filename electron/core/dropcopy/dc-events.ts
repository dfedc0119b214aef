// dc-events.ts — what one drop-copy connection reports: how a run ended (DropCopyFailure), how each
// history request ended (RangeOutcome), and its log events, each turned into one plain sentence with a
// severity by describe*(). Types and sentences only; nothing here decides or sends.
import type { Severity } from '../../../shared/events/session-events.ts';
import { assertNever } from '../../../shared/assert-never.ts';
import { describeRejectReason, type EventResendRejectReason, type ExecIdRange } from './dc-messages.ts';
import { describeRange } from './exec-id-range.ts';

/** Why a drop-copy run ended before answering every request. */
export type DropCopyFailure =
  | { readonly kind: 'connect-failed'; readonly text: string }
  | { readonly kind: 'logon-rejected'; readonly text: string }
  | { readonly kind: 'logon-timeout' }
  | { readonly kind: 'heartbeat-timeout' }
  | { readonly kind: 'reply-timeout'; readonly range: ExecIdRange; readonly waitedMs: number }
  | { readonly kind: 'exchange-logout'; readonly text: string }
  | { readonly kind: 'connection-lost'; readonly detail: string }
  | { readonly kind: 'protocol-error'; readonly text: string }
  | { readonly kind: 'store-failed'; readonly text: string }
  | { readonly kind: 'stopped' };

export function describeDropCopyFailure(failure: DropCopyFailure): string {
  switch (failure.kind) {
    case 'connect-failed': return `could not connect to drop copy: ${failure.text}`;
    case 'logon-rejected': return `drop copy rejected the Logon: ${failure.text || '(no reason given)'}`;
    case 'logon-timeout': return 'drop copy did not answer the Logon in time';
    case 'heartbeat-timeout': return 'drop copy stopped answering heartbeats and TestRequests';
    case 'reply-timeout': return `drop copy sent nothing for ${(failure.waitedMs / 1000).toFixed(1)} s while answering the request for ${describeRange(failure.range)}`;
    case 'exchange-logout': return `drop copy logged us out: ${failure.text || '(no reason given)'}`;
    case 'connection-lost': return `the drop-copy connection closed (${failure.detail})`;
    case 'protocol-error': return `drop-copy protocol error: ${failure.text}`;
    case 'store-failed': return `could not store a replayed message (${failure.text})`;
    case 'stopped': return 'the backfill was stopped before it finished';
    default: return assertNever(failure, 'drop-copy failure');
  }
}

/** Worth another connection later: the link or the server failed, not our key or our journal. */
export function isRetryableFailure(failure: DropCopyFailure): boolean {
  switch (failure.kind) {
    case 'connect-failed': case 'logon-timeout': case 'heartbeat-timeout': case 'reply-timeout':
    case 'exchange-logout': case 'connection-lost':
      return true;
    case 'logon-rejected': case 'protocol-error': case 'store-failed': case 'stopped':
      return false;
    default: return assertNever(failure, 'drop-copy failure');
  }
}

/** How one EventResendRequest ended. */
export type RangeOutcome =
  /** U2. `count` is its ResendEventCount(21003); `received` the ERs that arrived before it. */
  | { readonly kind: 'complete'; readonly count: number | undefined; readonly received: number }
  /** U3 with its reason. */
  | { readonly kind: 'rejected'; readonly reason: EventResendRejectReason }
  /** A session or business Reject of the request. */
  | { readonly kind: 'refused'; readonly text: string }
  /** The run ended before this request was answered (or sent). */
  | { readonly kind: 'not-served'; readonly failure: DropCopyFailure };

export function describeRangeOutcome(range: ExecIdRange, outcome: RangeOutcome): string {
  const what = describeRange(range);
  switch (outcome.kind) {
    case 'complete': {
      const mismatch = outcome.count !== undefined && outcome.count !== outcome.received;
      return mismatch
        ? `Drop copy replayed ${outcome.received} ExecutionReport(s) for ${what} but announced ${outcome.count}`
        : `Drop copy replayed ${outcome.received} ExecutionReport(s) for ${what}`;
    }
    case 'rejected': return `${describeRejectReason(outcome.reason)} Request: ${what}.`;
    case 'refused': return `Drop copy refused the request for ${what}: ${outcome.text}`;
    case 'not-served': return `The request for ${what} was not answered: ${describeDropCopyFailure(outcome.failure)}`;
    default: return assertNever(outcome, 'range outcome');
  }
}

export type DropCopyEvent =
  | { readonly kind: 'connecting'; readonly host: string; readonly port: number }
  | { readonly kind: 'logon-accepted' }
  | { readonly kind: 'request-sent'; readonly range: ExecIdRange; readonly msgSeqNum: number }
  | { readonly kind: 'request-done'; readonly range: ExecIdRange; readonly outcome: RangeOutcome }
  | { readonly kind: 'seq-gap'; readonly expected: number; readonly received: number }
  | { readonly kind: 'test-request-sent'; readonly testReqId: string }
  | { readonly kind: 'unexpected-message'; readonly msgType: string; readonly text: string }
  | { readonly kind: 'frame-error'; readonly text: string }
  | { readonly kind: 'malformed-message'; readonly msgType: string; readonly msgSeqNum: number; readonly text: string }
  | { readonly kind: 'outbound-refused'; readonly msgType: string }
  | { readonly kind: 'ended'; readonly failure: DropCopyFailure | undefined };

export function describeDropCopyEvent(event: DropCopyEvent): { severity: Severity; text: string } {
  switch (event.kind) {
    case 'connecting': return { severity: 'info', text: `Drop copy: connecting to ${event.host}:${event.port}` };
    case 'logon-accepted': return { severity: 'info', text: 'Drop copy: logged on (sequence numbers reset)' };
    case 'request-sent': return { severity: 'info', text: `Drop copy: EventResendRequest ${event.msgSeqNum} for ${describeRange(event.range)}` };
    case 'request-done': return {
      severity: event.outcome.kind === 'complete' && (event.outcome.count === undefined || event.outcome.count === event.outcome.received) ? 'info' : 'warning',
      text: describeRangeOutcome(event.range, event.outcome),
    };
    case 'seq-gap': return { severity: 'warning', text: `Drop copy: MsgSeqNum too high, expecting ${event.expected} but received ${event.received}; drop copy cannot resend, the request will be checked against its count` };
    case 'test-request-sent': return { severity: 'warning', text: `Drop copy: no traffic; TestRequest ${event.testReqId} sent` };
    case 'unexpected-message': return { severity: 'warning', text: `Drop copy: unexpected ${event.msgType}: ${event.text}` };
    case 'frame-error': return { severity: 'warning', text: `Drop copy: discarded a malformed message: ${event.text}` };
    case 'malformed-message': return {
      severity: event.msgType === '8' ? 'error' : 'warning',
      text: `Drop copy: MsgType ${event.msgType} 34=${event.msgSeqNum} could not be read: ${event.text} Kept as received; Reject sent.${event.msgType === '8' ? ' A fill may be hidden in it.' : ''}`,
    };
    case 'outbound-refused': return { severity: 'critical', text: `SECURITY: refused to send a ${event.msgType} message on drop copy; only session messages and history requests (U1) may leave` };
    case 'ended': return event.failure === undefined
      ? { severity: 'info', text: 'Drop copy: logged out' }
      : { severity: 'warning', text: `Drop copy: ${describeDropCopyFailure(event.failure)}` };
    default: return assertNever(event, 'drop-copy event');
  }
}
