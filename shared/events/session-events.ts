// session-events.ts — everything the session decides, as typed events, and the one function that
// turns each into a plain sentence with a severity (the Session Health view and the CLI log show
// the sentence; the journal keeps the typed form).
import { assertNever } from '../assert-never.ts';
import { enumLabel } from '../fix/dictionary.ts';
import { Tag } from '../fix/tags.ts';

export type Severity = 'info' | 'warning' | 'error' | 'critical';

export type DisconnectReason =
  | { readonly kind: 'socket-closed'; readonly detail: string }
  | { readonly kind: 'logon-timeout' }
  | { readonly kind: 'logon-rejected'; readonly text: string; readonly retryable: boolean }
  | { readonly kind: 'heartbeat-timeout' }
  | { readonly kind: 'exchange-logout'; readonly text: string }
  | { readonly kind: 'logout-complete' }
  | { readonly kind: 'seq-too-low'; readonly expected: number; readonly received: number }
  | { readonly kind: 'protocol-error'; readonly text: string }
  | { readonly kind: 'resend-stalled'; readonly begin: number }
  | { readonly kind: 'sequence-restarted' }
  | { readonly kind: 'store-failed'; readonly text: string };

export type SessionEvent =
  | { readonly kind: 'connecting'; readonly host: string; readonly port: number; readonly attempt: number }
  | { readonly kind: 'connected' }
  | { readonly kind: 'connect-failed'; readonly text: string }
  | { readonly kind: 'signing-failed'; readonly text: string }
  | { readonly kind: 'logon-sent'; readonly resetSeqNum: boolean; readonly msgSeqNum: number }
  | { readonly kind: 'logon-accepted'; readonly resetSeqNum: boolean }
  | { readonly kind: 'disconnected'; readonly reason: DisconnectReason }
  /** `slowDown`: the exchange's words asked us to wait (rate limit, maintenance), so the wait is long. */
  | { readonly kind: 'reconnect-scheduled'; readonly delayMs: number; readonly attempt: number; readonly slowDown: boolean }
  | { readonly kind: 'seq-gap'; readonly expected: number; readonly received: number; readonly recoverable: boolean }
  | { readonly kind: 'resend-requested'; readonly begin: number; readonly end: number }
  | { readonly kind: 'resend-complete'; readonly begin: number; readonly end: number }
  | { readonly kind: 'gap-fill'; readonly from: number; readonly to: number }
  | { readonly kind: 'seq-reset'; readonly from: number; readonly to: number }
  | { readonly kind: 'seq-reset-rejected'; readonly expected: number; readonly newSeqNo: number }
  | { readonly kind: 'exchange-sequence-restarted'; readonly expected: number; readonly received: number }
  | { readonly kind: 'possible-missed-messages'; readonly sinceMs: number | undefined; readonly untilMs: number; readonly why: string }
  | { readonly kind: 'duplicate-ignored'; readonly msgSeqNum: number }
  | { readonly kind: 'queue-overflow'; readonly dropped: number }
  | { readonly kind: 'frame-error'; readonly errorKind: string; readonly text: string }
  | { readonly kind: 'decode-error'; readonly text: string }
  | { readonly kind: 'malformed-message'; readonly msgType: string; readonly msgSeqNum: number; readonly rejectReason: number; readonly text: string }
  | { readonly kind: 'test-request-sent'; readonly testReqId: string }
  | { readonly kind: 'heartbeat-timeout' }
  | { readonly kind: 'reject-received'; readonly refSeqNum: number | undefined; readonly reason: string | undefined; readonly text: string | undefined }
  | { readonly kind: 'business-reject-received'; readonly refMsgType: string | undefined; readonly text: string | undefined }
  | { readonly kind: 'exchange-logout'; readonly text: string | undefined }
  | { readonly kind: 'unexpected-message'; readonly msgType: string; readonly text: string }
  | { readonly kind: 'outbound-refused'; readonly msgType: string };

export function describeDisconnect(reason: DisconnectReason): string {
  switch (reason.kind) {
    case 'socket-closed': return `connection closed (${reason.detail})`;
    case 'logon-timeout': return 'no Logon response from the exchange in time';
    case 'logon-rejected': return `the exchange rejected the Logon: ${reason.text || '(no reason given)'}`;
    case 'heartbeat-timeout': return 'the exchange stopped answering heartbeats and TestRequests';
    case 'exchange-logout': return `the exchange logged us out: ${reason.text || '(no reason given)'}`;
    case 'logout-complete': return 'logged out';
    case 'seq-too-low': return `MsgSeqNum too low, expecting ${reason.expected} but received ${reason.received}`;
    case 'protocol-error': return `protocol error: ${reason.text}`;
    case 'resend-stalled': return `the exchange did not answer our ResendRequest from ${reason.begin}`;
    case 'sequence-restarted': return 'the exchange restarted its sequence numbers; logging on again with a reset';
    case 'store-failed': return `could not store an inbound message (${reason.text}); disconnecting so nothing unstored is acknowledged`;
    default: return assertNever(reason, 'disconnect reason');
  }
}

export function describeSessionEvent(event: SessionEvent): { severity: Severity; text: string } {
  switch (event.kind) {
    case 'connecting': return info(`Connecting to ${event.host}:${event.port} (attempt ${event.attempt})`);
    case 'connected': return info('TLS connection established, certificate verified');
    case 'connect-failed': return warning(`Could not connect: ${event.text}`);
    case 'signing-failed': return { severity: 'error', text: `Could not sign the Logon (${event.text}); check the account's key in Settings. Retrying.` };
    case 'logon-sent': return info(`Logon sent (MsgSeqNum ${event.msgSeqNum}${event.resetSeqNum ? ', sequence reset requested' : ''})`);
    case 'logon-accepted': return info(`Logged on as a read-only listener${event.resetSeqNum ? ' (sequence numbers reset)' : ''}`);
    case 'disconnected': return {
      severity: event.reason.kind === 'logout-complete' ? 'info' : event.reason.kind === 'logon-rejected' || event.reason.kind === 'store-failed' ? 'error' : 'warning',
      text: `Disconnected: ${describeDisconnect(event.reason)}`,
    };
    case 'reconnect-scheduled': return info(`Reconnecting in ${(event.delayMs / 1000).toFixed(1)} s (attempt ${event.attempt}${event.slowDown ? '; the exchange asked to wait (rate limit or maintenance)' : ''})`);
    case 'seq-gap': return event.recoverable
      ? warning(`MsgSeqNum too high, expecting ${event.expected} but received ${event.received}; requesting a resend`)
      : { severity: 'error', text: `MsgSeqNum too high, expecting ${event.expected} but received ${event.received}: ${event.received - event.expected} message(s) missed and this session type cannot resend them` };
    case 'resend-requested': return info(`ResendRequest sent for ${event.begin} to ${event.end === 0 ? 'the latest' : event.end}`);
    case 'resend-complete': return info(`Resend complete: ${event.begin} to ${event.end} recovered`);
    case 'gap-fill': return info(`GapFill: the exchange skipped admin messages ${event.from} to ${event.to - 1}`);
    case 'seq-reset': return warning(`SequenceReset: the exchange moved the sequence from ${event.from} to ${event.to}`);
    case 'seq-reset-rejected': return { severity: 'error', text: `SequenceReset to ${event.newSeqNo} refused: it would move the sequence backwards from ${event.expected}` };
    case 'exchange-sequence-restarted': return warning(`The exchange restarted its sequence (expected ${event.expected}, received ${event.received}), e.g. after weekly maintenance`);
    case 'possible-missed-messages': return {
      severity: 'error',
      text: `Possible missed fills${event.sinceMs === undefined ? '' : ` between ${new Date(event.sinceMs).toISOString()} and`}${event.sinceMs === undefined ? ' before' : ''} ${new Date(event.untilMs).toISOString()}: ${event.why}`,
    };
    case 'duplicate-ignored': return info(`Duplicate MsgSeqNum ${event.msgSeqNum} (PossDup) ignored`);
    case 'queue-overflow': return warning(`${event.dropped} out-of-order message(s) dropped while waiting for a resend; they will be requested again`);
    case 'frame-error': return warning(`Discarded a malformed message (${event.errorKind}): ${event.text}`);
    case 'decode-error': return warning(`Ignored a garbled message: ${event.text}`);
    case 'malformed-message': return {
      severity: event.msgType === '8' ? 'error' : 'warning',
      text: `${describeMsgType(event.msgType)} 34=${event.msgSeqNum} could not be read: ${event.text}` +
        ` Kept as received; Reject sent (${describeSessionRejectReason(String(event.rejectReason))}).` +
        (event.msgType === '8' ? ' A fill may be hidden in it.' : ''),
    };
    case 'test-request-sent': return warning(`No traffic from the exchange; TestRequest ${event.testReqId} sent`);
    case 'heartbeat-timeout': return { severity: 'error', text: 'Heartbeat timeout: no answer to our TestRequest' };
    case 'reject-received': return warning(`Reject from the exchange for MsgSeqNum ${event.refSeqNum ?? '?'} (reason ${event.reason ?? '?'}): ${event.text ?? ''}`.trim());
    case 'business-reject-received': return warning(`BusinessMessageReject for ${event.refMsgType ?? '?'}: ${event.text ?? ''}`.trim());
    case 'exchange-logout': return warning(`The exchange sent Logout: ${event.text ?? '(no reason given)'}`);
    case 'unexpected-message': return warning(`Unexpected ${event.msgType}: ${event.text}`);
    case 'outbound-refused': return { severity: 'critical', text: `SECURITY: refused to send a ${event.msgType} message; Fillwatch is read-only and only sends session messages` };
    default: return assertNever(event, 'session event');
  }
}

/** 'ExecutionReport' for 8, 'MsgType X' for a type nobody named. */
function describeMsgType(msgType: string): string {
  return enumLabel(Tag.MsgType, msgType) ?? `MsgType ${msgType}`;
}

function info(text: string) { return { severity: 'info' as const, text }; }
function warning(text: string) { return { severity: 'warning' as const, text }; }

/** SessionRejectReason(373) values Kalshi documents (kalshi-fix.md §3). */
const REJECT_REASONS: Readonly<Record<string, string>> = {
  '0': 'invalid tag number', '1': 'required tag missing', '2': 'tag not defined for this message type',
  '3': 'undefined tag', '4': 'tag without a value', '5': 'value incorrect', '6': 'incorrect data format',
  '8': 'signature problem', '9': 'CompID problem', '10': 'SendingTime accuracy problem: check this computer\'s clock',
  '11': 'invalid MsgType',
};

/** 'SessionRejectReason 10 (SendingTime accuracy problem: …)' */
export function describeSessionRejectReason(reason: string): string {
  const meaning = REJECT_REASONS[reason];
  return `SessionRejectReason ${reason}${meaning === undefined ? '' : ` (${meaning})`}`;
}
