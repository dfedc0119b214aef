// The Session view's counters, fed typed events directly: the listener's session events and the drop
// copy's backfill events become counts, states and last outcomes; events the view does not count
// leave everything as it was.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DropCopyCounters, ListenerCounters } from '../../electron/core/service/connection-counters.ts';

const T = Date.UTC(2026, 10, 24, 14, 0, 0);
const window = { sinceMs: T - 60_000, untilMs: T };
const range = { exchangeIndex: 1, beginExecId: '1;100', endExecId: undefined };

describe('ListenerCounters', () => {
  test('counts logons, reconnects, gaps, resends, resets, duplicates, probes, losses and unreadable messages', () => {
    const c = new ListenerCounters({ target: 'KalshiNR', host: 'fix.example', port: 8230 });
    c.onSessionEvent({ kind: 'connecting', host: 'fix.example', port: 8230, attempt: 1 }, T);
    c.onSessionEvent({ kind: 'logon-accepted', resetSeqNum: true }, T + 1);
    c.onSessionEvent({ kind: 'seq-gap', expected: 5, received: 9, recoverable: false }, T + 2);
    c.onSessionEvent({ kind: 'possible-missed-messages', sinceMs: T, untilMs: T + 2, why: 'NR skipped' }, T + 2);
    c.onSessionEvent({ kind: 'duplicate-ignored', msgSeqNum: 3 }, T + 3);
    c.onSessionEvent({ kind: 'malformed-message', msgType: '8', msgSeqNum: 10, rejectReason: 4, text: 'empty' }, T + 3);
    c.onSessionEvent({ kind: 'test-request-sent', testReqId: 'x' }, T + 4);
    c.onSessionEvent({ kind: 'disconnected', reason: { kind: 'heartbeat-timeout' } }, T + 5);
    c.onSessionEvent({ kind: 'reconnect-scheduled', delayMs: 1_000, attempt: 1, slowDown: false }, T + 5);
    c.onSessionEvent({ kind: 'exchange-sequence-restarted', expected: 40, received: 1 }, T + 6);
    c.onSessionEvent({ kind: 'connected' }, T + 6);
    const s = c.snapshot({ state: 'reconnect-wait', nextInbound: 11, nextOutbound: 4, roundTrip: { ms: 12, at: T + 1 } });
    assert.deepEqual(
      { state: s.state, nextInbound: s.nextInbound, nextOutbound: s.nextOutbound, roundTrip: s.roundTrip, connects: s.connects, logons: s.logons, reconnects: s.reconnects, gaps: s.gaps,
        possibleLosses: s.possibleLosses, duplicatesIgnored: s.duplicatesIgnored, malformed: s.malformed, testRequests: s.testRequests, sequenceResets: s.sequenceResets, lastLogonAt: s.lastLogonAt },
      { state: 'reconnect-wait', nextInbound: 11, nextOutbound: 4, roundTrip: { ms: 12, at: T + 1 }, connects: 1, logons: 1, reconnects: 1, gaps: 1,
        possibleLosses: 1, duplicatesIgnored: 1, malformed: 1, testRequests: 1, sequenceResets: 1, lastLogonAt: T + 1 },
    );
    assert.deepEqual(s.lastDisconnect, { at: T + 5, text: 'the exchange stopped answering heartbeats and TestRequests' });
    assert.equal(s.backfills, null);
    assert.equal(s.role, 'listener');
  });
});

describe('DropCopyCounters', () => {
  test('a covered backfill, then one that ended incomplete with an alert', () => {
    const c = new DropCopyCounters({ target: 'KalshiDC', host: 'fix.example', port: 8231 });
    assert.equal(c.snapshot().state, 'idle');
    c.onBackfillEvent({ kind: 'backfill-started', window, ranges: [range], attempt: 1 }, T);
    c.onBackfillEvent({ kind: 'drop-copy', event: { kind: 'connecting', host: 'fix.example', port: 8231 } }, T);
    assert.equal(c.snapshot().state, 'connecting');
    c.onBackfillEvent({ kind: 'drop-copy', event: { kind: 'logon-accepted' } }, T + 1);
    c.onBackfillEvent({ kind: 'drop-copy', event: { kind: 'request-sent', range, msgSeqNum: 2 } }, T + 1);
    assert.equal(c.snapshot().state, 'active');
    c.onBackfillEvent({ kind: 'backfill-complete', window, replayed: 7, recovered: 2, covered: true }, T + 2);
    c.onBackfillEvent({ kind: 'drop-copy', event: { kind: 'ended', failure: undefined } }, T + 2);
    c.onBackfillEvent({ kind: 'backfill-started', window, ranges: [range], attempt: 1 }, T + 10);
    c.onBackfillEvent({ kind: 'drop-copy', event: { kind: 'ended', failure: { kind: 'connect-failed', text: 'ECONNREFUSED' } } }, T + 11);
    c.onBackfillEvent({ kind: 'backfill-complete', window, replayed: 0, recovered: 0, covered: false }, T + 11);
    c.onBackfillEvent({ kind: 'missed-fills-alert', window, cause: { kind: 'failed', failure: { kind: 'connect-failed', text: 'ECONNREFUSED' } } }, T + 11);
    const s = c.snapshot();
    assert.equal(s.state, 'idle');
    assert.deepEqual({ ...s.backfills, last: undefined }, { started: 2, covered: 1, incomplete: 1, requests: 1, replayed: 7, recovered: 2, last: undefined });
    assert.equal(s.backfills?.last?.covered, false);
    assert.match(s.backfills?.last?.text ?? '', /ended incomplete/);
    assert.equal(s.possibleLosses, 1);
    assert.equal(s.connects, 1);
    assert.equal(s.logons, 1);
    assert.match(s.lastDisconnect?.text ?? '', /could not connect to drop copy: ECONNREFUSED/);
    assert.equal(s.nextInbound, null);
  });
});
