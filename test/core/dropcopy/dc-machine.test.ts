// The drop-copy connection rules without a socket: Logon with 141=Y, one U1 at a time, each ended by
// U2/U3/Reject, heartbeats, timeouts, and every request accounted for however the run ends.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FixMessage } from '../../../electron/core/fix/decode.ts';
import { makeSessionConfig } from '../../../electron/core/session/session-config.ts';
import { DropCopyMachine, type DcEffect, type ExecIdRange, type RangeOutcome } from '../../../electron/core/dropcopy/index.ts';
import { API_KEY_ID, executionReport, inbound } from '../../support/fix-builders.ts';

const T0 = Date.UTC(2026, 10, 24, 14, 0, 0);
const config = makeSessionConfig({ senderCompId: API_KEY_ID, targetCompId: 'KalshiDC', heartBtIntSec: 30, testRequestGraceMs: 2_000 });
const R0: ExecIdRange = { exchangeIndex: 0, beginExecId: '4;7', endExecId: undefined };
const R1: ExecIdRange = { exchangeIndex: 1, beginExecId: '2;2;1', endExecId: '9;9;1' };
const dc = { sender: 'KalshiDC' };

const sends = (effects: DcEffect[]) => effects.flatMap((e) => (e.kind === 'send' ? [e] : []));
const done = (effects: DcEffect[]) => effects.flatMap((e) => (e.kind === 'request-done' ? [[e.range, e.outcome] as const] : []));
const accepted = (effects: DcEffect[]) => effects.flatMap((e) => (e.kind === 'accept' ? [e.nextInbound] : []));
const closes = (effects: DcEffect[]) => effects.filter((e) => e.kind === 'close').length;

function msg(m: DropCopyMachine, message: FixMessage, now = T0) {
  return m.handle({ kind: 'message', message }, now);
}

/** Connected and logged on; returns the machine and the effects of the Logon reply (the first U1). */
function loggedOn(ranges: readonly ExecIdRange[] = [R0, R1], replyTimeoutMs = 10_000) {
  const m = new DropCopyMachine(config, ranges, { replyTimeoutMs });
  const connect = m.handle({ kind: 'connected' }, T0);
  assert.deepEqual(connect[0], { kind: 'sequences-reset' });
  assert.deepEqual(sends(connect).map((s) => [s.message, s.msgSeqNum]), [[{ type: 'Logon', resetSeqNum: true }, 1]]);
  const reply = msg(m, inbound('A', 1, [[98, 0], [108, 30], [141, 'Y']], dc));
  assert.equal(m.phase, 'active');
  return { m, reply };
}

describe('drop-copy machine', () => {
  test('after the Logon reply, the first range goes out as U1 with MsgSeqNum 2', () => {
    const { reply } = loggedOn();
    assert.deepEqual(accepted(reply), [2]);
    assert.deepEqual(sends(reply).map((s) => [s.message, s.msgSeqNum]), [[{ type: 'EventResendRequest', range: R0 }, 2]]);
  });

  test('ERs then U2 complete the request with the count; the next range follows; then Logout', () => {
    const { m } = loggedOn();
    const stored = [2, 3, 4].flatMap((seq) => accepted(msg(m, executionReport(seq, { sender: 'KalshiDC', execId: `4;${seq + 5}` }))));
    assert.deepEqual(stored, [3, 4, 5], 'every replayed ER is stored in sequence');
    const u2 = msg(m, inbound('U2', 5, [[45, 2], [21003, 3]], dc));
    assert.deepEqual(done(u2), [[R0, { kind: 'complete', count: 3, received: 3 }]]);
    assert.deepEqual(sends(u2).map((s) => [s.message, s.msgSeqNum]), [[{ type: 'EventResendRequest', range: R1 }, 3]]);
    const u3 = msg(m, inbound('U3', 6, [[45, 3], [21004, 3]], dc));
    assert.deepEqual(done(u3), [[R1, { kind: 'rejected', reason: { kind: 'begin-too-old', code: '3' } }]]);
    assert.deepEqual(sends(u3).map((s) => s.message), [{ type: 'Logout', text: 'Fillwatch backfill complete' }]);
    assert.equal(m.phase, 'logout-sent');
    const bye = msg(m, inbound('5', 7, [], dc));
    assert.equal(closes(bye), 1);
    assert.equal(m.phase, 'ended');
    assert.equal(m.failure, undefined);
  });

  test('a U2 whose count differs from what arrived keeps both numbers', () => {
    const { m } = loggedOn([R0]);
    msg(m, executionReport(2, { sender: 'KalshiDC', execId: '4;8' }));
    assert.deepEqual(done(msg(m, inbound('U2', 3, [[45, 2], [21003, 2]], dc))), [[R0, { kind: 'complete', count: 2, received: 1 }]]);
  });

  test('a reply that names another request is ignored, a Reject of the U1 refuses it', () => {
    const { m } = loggedOn([R0]);
    assert.deepEqual(done(msg(m, inbound('U2', 2, [[45, 99], [21003, 0]], dc))), []);
    const refused = msg(m, inbound('3', 3, [[45, 2], [58, 'bad range'], [372, 'U1'], [373, 5]], dc));
    assert.deepEqual(done(refused), [[R0, { kind: 'refused', text: 'bad range; reason 5' }]]);
  });

  test('a TestRequest is answered with its id; silence brings our own TestRequest, then a timeout', () => {
    const { m } = loggedOn([R0], 1_000_000);
    assert.deepEqual(sends(msg(m, inbound('1', 2, [[112, 'probe-1']], dc))).map((s) => s.message), [{ type: 'Heartbeat', testReqId: 'probe-1' }]);
    const probe = m.handle({ kind: 'tick' }, T0 + 32_000);
    assert.equal(sends(probe)[0]?.message.type, 'TestRequest');
    const timeout = m.handle({ kind: 'tick' }, T0 + 62_000);
    assert.deepEqual(m.failure, { kind: 'heartbeat-timeout' });
    assert.deepEqual(done(timeout), [[R0, { kind: 'not-served', failure: { kind: 'heartbeat-timeout' } }]]);
    assert.equal(closes(timeout), 1);
  });

  test('no ER or reply within the reply timeout ends the run; pending ranges are not served', () => {
    const { m } = loggedOn([R0, R1], 5_000);
    m.handle({ kind: 'tick' }, T0 + 4_000);
    msg(m, executionReport(2, { sender: 'KalshiDC', execId: '4;8' }), T0 + 4_500); // progress restarts the wait
    assert.equal(m.phase, 'active');
    const effects = m.handle({ kind: 'tick' }, T0 + 9_600);
    const failure: RangeOutcome = { kind: 'not-served', failure: { kind: 'reply-timeout', range: R0, waitedMs: 5_100 } };
    assert.deepEqual(done(effects), [[R0, failure], [R1, failure]]);
    assert.equal(sends(effects)[0]?.message.type, 'Logout');
  });

  test('the exchange logging out mid-request: answered with Logout, request not served', () => {
    const { m } = loggedOn([R0]);
    const effects = msg(m, inbound('5', 2, [[58, 'Maintenance']], dc));
    assert.deepEqual(m.failure, { kind: 'exchange-logout', text: 'Maintenance' });
    assert.deepEqual(sends(effects).map((s) => s.message), [{ type: 'Logout' }]);
    assert.deepEqual(done(effects), [[R0, { kind: 'not-served', failure: { kind: 'exchange-logout', text: 'Maintenance' } }]]);
  });

  test('a socket closing under a request loses it; a close after our Logout is clean', () => {
    const lost = loggedOn([R0]).m;
    assert.deepEqual(done(lost.handle({ kind: 'closed', detail: 'reset' }, T0)), [[R0, { kind: 'not-served', failure: { kind: 'connection-lost', detail: 'reset' } }]]);
    const { m } = loggedOn([R0]);
    msg(m, inbound('U2', 2, [[45, 2], [21003, 0]], dc));
    m.handle({ kind: 'closed', detail: 'peer closed' }, T0);
    assert.equal(m.failure, undefined);
  });

  test('sequence: a gap is reported and skipped (DC cannot resend); too low ends the run', () => {
    const { m } = loggedOn([R0]);
    const gap = msg(m, executionReport(5, { sender: 'KalshiDC', execId: '4;9' }));
    assert.ok(gap.some((e) => e.kind === 'event' && e.event.kind === 'seq-gap' && e.event.expected === 2 && e.event.received === 5));
    assert.deepEqual(accepted(gap), [6]);
    msg(m, inbound('0', 3, [], dc));
    assert.equal(m.failure?.kind, 'protocol-error');
    assert.match(m.failure?.kind === 'protocol-error' ? m.failure.text : '', /too low, expecting 6 but received 3/);
  });

  test('a Logout answering the Logon is a rejection with the exchange text; nothing is requested', () => {
    const m = new DropCopyMachine(config, [R0]);
    m.handle({ kind: 'connected' }, T0);
    const effects = msg(m, inbound('5', 1, [[58, 'Invalid signature']], dc));
    assert.deepEqual(m.failure, { kind: 'logon-rejected', text: 'Invalid signature' });
    assert.equal(sends(effects).length, 0);
    assert.deepEqual(done(effects), [[R0, { kind: 'not-served', failure: { kind: 'logon-rejected', text: 'Invalid signature' } }]]);
  });

  test('a message for another key is a protocol error', () => {
    const { m } = loggedOn([R0]);
    msg(m, inbound('0', 2, [], { sender: 'KalshiDC', target: 'someone-else' }));
    assert.equal(m.failure?.kind, 'protocol-error');
  });

  test('stop: Logout now, the outstanding request reported as stopped', () => {
    const { m } = loggedOn([R0, R1]);
    const effects = m.handle({ kind: 'stop' }, T0);
    assert.deepEqual(sends(effects).map((s) => s.message.type), ['Logout']);
    const end = msg(m, inbound('5', 2, [], dc));
    assert.deepEqual(done(end).map(([r, o]) => [r, o.kind === 'not-served' ? o.failure.kind : o.kind]), [[R0, 'stopped'], [R1, 'stopped']]);
  });

  test('the Logon reply timing out', () => {
    const m = new DropCopyMachine(config, [R0]);
    m.handle({ kind: 'connected' }, T0);
    m.handle({ kind: 'tick' }, T0 + config.logonTimeoutMs);
    assert.deepEqual(m.failure, { kind: 'logon-timeout' });
    assert.equal(m.phase, 'ended');
  });
});
