import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SessionMachine, type SessionEffect } from '../../../electron/core/session/session-machine.ts';
import { makeSessionConfig, type KalshiTarget } from '../../../electron/core/session/session-config.ts';
import type { SequenceSnapshot } from '../../../electron/core/session/sequence.ts';
import { API_KEY_ID, executionReport, inbound } from '../../support/fix-builders.ts';
import { FixMessage } from '../../../electron/core/fix/decode.ts';
import { withDefect, type MalformedDefect } from '../../../electron/simulator/malformed-defects.ts';

const T0 = Date.UTC(2026, 10, 24, 14, 0, 0);

function machine(target: KalshiTarget = 'KalshiRT', persisted?: SequenceSnapshot) {
  const config = makeSessionConfig({ senderCompId: API_KEY_ID, targetCompId: target, heartBtIntSec: 30 });
  return new SessionMachine({ config, persisted });
}

const sends = (effects: SessionEffect[]) => effects.flatMap((e) => (e.kind === 'send' ? [e] : []));
const events = (effects: SessionEffect[]) => effects.flatMap((e) => (e.kind === 'event' ? [e.event] : []));
const accepted = (effects: SessionEffect[]) => effects.flatMap((e) => (e.kind === 'accept' && e.application ? [e.message.msgSeqNum] : []));
const disconnects = (effects: SessionEffect[]) => effects.flatMap((e) => (e.kind === 'disconnect' ? [e.reason] : []));

/** Connects and completes the Logon handshake with the exchange's Logon at `logonSeq`. */
function loggedOn(target: KalshiTarget = 'KalshiRT', logonSeq = 1) {
  const m = machine(target);
  m.handle({ kind: 'connected' }, T0);
  m.handle({ kind: 'message', message: inbound('A', logonSeq, [[98, 0], [108, 30], [141, 'Y']], { sender: target }) }, T0);
  assert.equal(m.phase.kind, 'active');
  return m;
}

describe('logon', () => {
  test('a fresh session sends a listener Logon with 141=Y at MsgSeqNum 1', () => {
    const m = machine();
    const effects = m.handle({ kind: 'connected' }, T0);
    const [logon] = sends(effects);
    assert.deepEqual(logon?.message, { type: 'Logon', resetSeqNum: true });
    assert.equal(logon?.msgSeqNum, 1);
    assert.equal(m.phase.kind, 'logon-sent');
  });

  test('a resumed RT session logs on without 141 and keeps its numbers', () => {
    const m = machine('KalshiRT', { nextInbound: 40, nextOutbound: 12 });
    const [logon] = sends(m.handle({ kind: 'connected' }, T0));
    assert.deepEqual(logon?.message, { type: 'Logon', resetSeqNum: false });
    assert.equal(logon?.msgSeqNum, 12);
  });

  test('NR always resets, even with persisted numbers', () => {
    const m = machine('KalshiNR', { nextInbound: 40, nextOutbound: 12 });
    const [logon] = sends(m.handle({ kind: 'connected' }, T0));
    assert.deepEqual(logon?.message, { type: 'Logon', resetSeqNum: true });
    assert.equal(logon?.msgSeqNum, 1);
  });

  test('a Logout in answer to the Logon is a rejection carrying the exchange text', () => {
    const m = machine();
    m.handle({ kind: 'connected' }, T0);
    const effects = m.handle({ kind: 'message', message: inbound('5', 1, [[58, 'Invalid signature']]) }, T0);
    assert.deepEqual(disconnects(effects), [{ kind: 'logon-rejected', text: 'Invalid signature', retryable: false }]);
    assert.equal(m.phase.kind, 'disconnected');
  });

  test('a sequence complaint on a resumed logon is retryable and the next Logon resets', () => {
    const m = machine('KalshiRT', { nextInbound: 40, nextOutbound: 12 });
    m.handle({ kind: 'connected' }, T0);
    const effects = m.handle({ kind: 'message', message: inbound('5', 1, [[58, 'MsgSeqNum too high, expecting 1']]) }, T0);
    assert.equal(disconnects(effects)[0]?.kind, 'logon-rejected');
    assert.equal((disconnects(effects)[0] as { retryable: boolean }).retryable, true);
    const [logon] = sends(m.handle({ kind: 'connected' }, T0 + 5000));
    assert.deepEqual(logon?.message, { type: 'Logon', resetSeqNum: true });
  });

  test('a session Reject in answer to the Logon is a rejection with its reason spelled out', () => {
    const m = machine();
    m.handle({ kind: 'connected' }, T0);
    const effects = m.handle({ kind: 'message', message: inbound('3', 1, [[45, 1], [373, 10], [58, 'SendingTime out of range']]) }, T0);
    assert.deepEqual(disconnects(effects), [{
      kind: 'logon-rejected', retryable: false,
      text: "SendingTime out of range; SessionRejectReason 10 (SendingTime accuracy problem: check this computer's clock)",
    }]);
  });

  test('no Logon reply within the timeout disconnects', () => {
    const m = machine();
    m.handle({ kind: 'connected' }, T0);
    assert.deepEqual(disconnects(m.handle({ kind: 'tick' }, T0 + 9_999)), []);
    assert.deepEqual(disconnects(m.handle({ kind: 'tick' }, T0 + 10_000)), [{ kind: 'logon-timeout' }]);
  });

  test('the exchange restarting at 1 after maintenance is accepted and reported as possible loss', () => {
    const m = machine('KalshiRT', { nextInbound: 500, nextOutbound: 20 });
    m.handle({ kind: 'connected' }, T0);
    const effects = m.handle({ kind: 'message', message: inbound('A', 1, [[98, 0], [108, 30]]) }, T0);
    const kinds = events(effects).map((e) => e.kind);
    assert.ok(kinds.includes('exchange-sequence-restarted'));
    assert.ok(kinds.includes('possible-missed-messages'));
    assert.equal(m.phase.kind, 'active');
    assert.equal(m.seq.nextInbound, 2);
  });

  test('a first message other than Logon is a protocol error', () => {
    const m = machine();
    m.handle({ kind: 'connected' }, T0);
    assert.equal(disconnects(m.handle({ kind: 'message', message: executionReport(1) }, T0))[0]?.kind, 'protocol-error');
  });
});

describe('sequence numbers', () => {
  test('in-order application messages are accepted with the next expected number', () => {
    const m = loggedOn();
    const effects = m.handle({ kind: 'message', message: executionReport(2) }, T0);
    const accept = effects.find((e) => e.kind === 'accept');
    assert.ok(accept?.kind === 'accept' && accept.application && accept.nextInbound === 3);
  });

  test('RT gap: ResendRequest from the expected number to infinity, held messages drained in order', () => {
    const m = loggedOn();
    const gap = m.handle({ kind: 'message', message: executionReport(5) }, T0);
    assert.deepEqual(sends(gap).map((s) => s.message), [{ type: 'ResendRequest', beginSeqNo: 2, endSeqNo: 0 }]);
    assert.deepEqual(accepted(gap), []);
    assert.deepEqual(accepted(m.handle({ kind: 'message', message: executionReport(6) }, T0)), []);
    assert.deepEqual(accepted(m.handle({ kind: 'message', message: executionReport(2, { possDup: true }) }, T0)), [2]);
    assert.deepEqual(accepted(m.handle({ kind: 'message', message: executionReport(3, { possDup: true }) }, T0)), [3]);
    const last = m.handle({ kind: 'message', message: executionReport(4, { possDup: true }) }, T0);
    assert.deepEqual(accepted(last), [4, 5, 6]);
    assert.ok(events(last).some((e) => e.kind === 'resend-complete'));
    // The exchange's resend of 5 and 6 (PossDup) are duplicates now.
    assert.deepEqual(accepted(m.handle({ kind: 'message', message: executionReport(5, { possDup: true }) }, T0)), []);
    assert.equal(m.seq.nextInbound, 7);
  });

  test('NR gap: reported as unrecoverable, then processing continues', () => {
    const m = loggedOn('KalshiNR');
    const effects = m.handle({ kind: 'message', message: executionReport(9, { sender: 'KalshiNR' }) }, T0);
    assert.deepEqual(sends(effects), []);
    assert.deepEqual(accepted(effects), [9]);
    const gap = events(effects).find((e) => e.kind === 'seq-gap');
    assert.deepEqual(gap, { kind: 'seq-gap', expected: 2, received: 9, recoverable: false });
    assert.ok(events(effects).some((e) => e.kind === 'possible-missed-messages'));
  });

  test('too low without PossDup: Logout with the reason, then disconnect', () => {
    const m = loggedOn();
    m.handle({ kind: 'message', message: executionReport(2) }, T0);
    const effects = m.handle({ kind: 'message', message: executionReport(2) }, T0);
    assert.deepEqual(sends(effects).map((s) => s.message), [{ type: 'Logout', text: 'MsgSeqNum too low, expecting 3 but received 2' }]);
    assert.deepEqual(disconnects(effects), [{ kind: 'seq-too-low', expected: 3, received: 2 }]);
  });

  test('too low with PossDup is ignored', () => {
    const m = loggedOn();
    m.handle({ kind: 'message', message: executionReport(2) }, T0);
    const effects = m.handle({ kind: 'message', message: executionReport(2, { possDup: true }) }, T0);
    assert.deepEqual(accepted(effects), []);
    assert.deepEqual(disconnects(effects), []);
  });

  test('SequenceReset-GapFill in order jumps to NewSeqNo', () => {
    const m = loggedOn();
    m.handle({ kind: 'message', message: inbound('4', 2, [[123, 'Y'], [36, 10]], { possDup: true }) }, T0);
    assert.equal(m.seq.nextInbound, 10);
  });

  test('SequenceReset-Reset moves forward, ignoring its own MsgSeqNum, and reports possible loss', () => {
    const m = loggedOn();
    const effects = m.handle({ kind: 'message', message: inbound('4', 999, [[36, 50]]) }, T0);
    assert.equal(m.seq.nextInbound, 50);
    assert.ok(events(effects).some((e) => e.kind === 'possible-missed-messages'));
  });

  test('SequenceReset-Reset backwards is rejected and changes nothing', () => {
    const m = loggedOn();
    m.handle({ kind: 'message', message: executionReport(2) }, T0);
    const effects = m.handle({ kind: 'message', message: inbound('4', 3, [[36, 2]]) }, T0);
    assert.equal(sends(effects)[0]?.message.type, 'Reject');
    assert.equal(m.seq.nextInbound, 3);
  });

  test('a ResendRequest from the exchange is answered with one GapFill (we never send application messages)', () => {
    const m = loggedOn();
    const before = m.seq.nextOutbound;
    const effects = m.handle({ kind: 'message', message: inbound('2', 2, [[7, 1], [16, 0]]) }, T0);
    const [fill] = sends(effects);
    assert.deepEqual(fill?.message, { type: 'SequenceReset', gapFill: true, newSeqNo: before, msgSeqNum: 1 });
    assert.equal(fill?.possDup, true);
    assert.equal(fill?.msgSeqNum, 1);
  });

  test('a message addressed to another key is refused', () => {
    const m = loggedOn();
    const effects = m.handle({ kind: 'message', message: executionReport(2, { target: 'someone-else' }) }, T0);
    assert.equal(disconnects(effects)[0]?.kind, 'protocol-error');
    assert.deepEqual(accepted(effects), []);
  });

  test('inbound SenderCompID "Kalshi" is tolerated (kalshi-fix.md §8.21)', () => {
    const m = loggedOn();
    assert.deepEqual(accepted(m.handle({ kind: 'message', message: executionReport(2, { sender: 'Kalshi' }) }, T0)), [2]);
  });
});

describe('heartbeats and timeouts', () => {
  test('TestRequest is answered with a Heartbeat echoing TestReqID', () => {
    const m = loggedOn();
    const [hb] = sends(m.handle({ kind: 'message', message: inbound('1', 2, [[112, 'ping-7']]) }, T0));
    assert.deepEqual(hb?.message, { type: 'Heartbeat', testReqId: 'ping-7' });
  });

  test('we heartbeat after HeartBtInt of our own silence', () => {
    const m = loggedOn();
    m.handle({ kind: 'message', message: inbound('0', 2) }, T0 + 29_000);
    assert.deepEqual(sends(m.handle({ kind: 'tick' }, T0 + 29_999)), []);
    assert.deepEqual(sends(m.handle({ kind: 'tick' }, T0 + 30_000)).map((s) => s.message.type), ['Heartbeat']);
  });

  test('a silent exchange gets a TestRequest, then a disconnect', () => {
    const m = loggedOn();
    const probe = m.handle({ kind: 'tick' }, T0 + 32_000);
    assert.ok(sends(probe).some((s) => s.message.type === 'TestRequest'));
    assert.deepEqual(disconnects(m.handle({ kind: 'tick' }, T0 + 61_999)), []);
    assert.deepEqual(disconnects(m.handle({ kind: 'tick' }, T0 + 62_000)), [{ kind: 'heartbeat-timeout' }]);
  });

  test('any traffic answers the probe', () => {
    const m = loggedOn();
    m.handle({ kind: 'tick' }, T0 + 32_000);
    m.handle({ kind: 'message', message: inbound('0', 2) }, T0 + 33_000);
    assert.deepEqual(disconnects(m.handle({ kind: 'tick' }, T0 + 62_000)), []);
  });

  test('a stalled resend is requested again, then given up', () => {
    const m = loggedOn();
    m.handle({ kind: 'message', message: executionReport(5) }, T0);
    let t = T0;
    const requests: number[] = [];
    for (let i = 0; i < 4; i++) {
      t += 30_000;
      m.handle({ kind: 'message', message: inbound('0', 6 + i) }, t); // keep-alive traffic, still gapped
      const effects = m.handle({ kind: 'tick' }, t);
      requests.push(...sends(effects).filter((s) => s.message.type === 'ResendRequest').map((s) => s.msgSeqNum));
      if (disconnects(effects).length > 0) {
        assert.deepEqual(disconnects(effects), [{ kind: 'resend-stalled', begin: 2 }]);
        assert.equal(requests.length, 2);
        return;
      }
    }
    assert.fail('the stalled resend was never given up');
  });
});

describe('logout', () => {
  test('an exchange Logout is answered, and its reason surfaced', () => {
    const m = loggedOn();
    const effects = m.handle({ kind: 'message', message: inbound('5', 2, [[58, 'Scheduled maintenance']]) }, T0);
    assert.deepEqual(sends(effects).map((s) => s.message.type), ['Logout']);
    assert.deepEqual(disconnects(effects), [{ kind: 'exchange-logout', text: 'Scheduled maintenance' }]);
  });

  test('our Logout waits for the exchange reply, or times out', () => {
    const m = loggedOn();
    assert.deepEqual(sends(m.handle({ kind: 'logout-requested', text: 'bye' }, T0)).map((s) => s.message), [{ type: 'Logout', text: 'bye' }]);
    assert.equal(m.phase.kind, 'logout-sent');
    assert.deepEqual(disconnects(m.handle({ kind: 'message', message: inbound('5', 2) }, T0 + 10)), [{ kind: 'logout-complete' }]);
    const other = loggedOn();
    other.handle({ kind: 'logout-requested', text: 'bye' }, T0);
    assert.deepEqual(disconnects(other.handle({ kind: 'tick' }, T0 + 2_000)), [{ kind: 'logout-complete' }]);
  });
});

describe('property: whatever the network drops, RT delivers every application message once, in order', () => {
  test('random drops, resends served by a model exchange', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }), (total, dropMask) => {
        const m = loggedOn();
        const delivered: number[] = [];
        const queue: Array<{ seq: number; possDup: boolean }> = [];
        let live = 2;
        const step = (effects: SessionEffect[]) => {
          delivered.push(...accepted(effects));
          for (const s of sends(effects)) {
            if (s.message.type === 'ResendRequest') {
              for (let q = s.message.beginSeqNo; q < live; q++) queue.push({ seq: q, possDup: true });
            }
          }
        };
        for (let i = 0; i < 200 && (live <= total + 1 || queue.length > 0); i++) {
          const next = queue.shift();
          if (next !== undefined) {
            step(m.handle({ kind: 'message', message: executionReport(next.seq, { possDup: next.possDup, execId: `1;${next.seq}` }) }, T0));
            continue;
          }
          const seq = live++;
          if (seq > total + 1) break;
          if (dropMask[seq % dropMask.length] && seq !== total + 1) continue; // lost on the wire
          step(m.handle({ kind: 'message', message: executionReport(seq, { execId: `1;${seq}` }) }, T0));
        }
        const expected = Array.from({ length: total }, (_, i) => i + 2);
        assert.deepEqual(delivered, expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe('malformed messages (framed correctly, a field breaks a rule)', () => {
  const malformedEr = (seq: number, defect: MalformedDefect, possDup = false) =>
    FixMessage.parseReceived(withDefect(executionReport(seq, { possDup }).raw, defect));
  const acceptedAll = (effects: SessionEffect[]) => effects.flatMap((e) => (e.kind === 'accept' ? [e] : []));

  test('in order: received (advance), stored with its problem, answered with a session Reject, reported', () => {
    const m = loggedOn();
    const effects = m.handle({ kind: 'message', message: malformedEr(2, 'empty-value') }, T0);
    const [accept] = acceptedAll(effects);
    assert.equal(accept?.nextInbound, 3);
    assert.equal(accept?.message.problem?.rejectReason, 4);
    assert.deepEqual(sends(effects).map((s) => s.message), [{ type: 'Reject', refSeqNum: 2, reason: 4, refTagId: 58, text: 'Tag 58 has an empty value.' }]);
    const [event] = events(effects).filter((e) => e.kind === 'malformed-message');
    assert.deepEqual(event, { kind: 'malformed-message', msgType: '8', msgSeqNum: 2, rejectReason: 4, text: 'Tag 58 has an empty value.' });
    assert.equal(m.seq.nextInbound, 3);
    // The next message is in order: no gap, no ResendRequest, delivered.
    const next = m.handle({ kind: 'message', message: executionReport(3) }, T0);
    assert.deepEqual(accepted(next), [3]);
    assert.deepEqual(sends(next), []);
  });

  test('held behind a gap: drained in order like any other message, the resend completes', () => {
    const m = loggedOn();
    m.handle({ kind: 'message', message: malformedEr(3, 'not-a-tag') }, T0);
    m.handle({ kind: 'message', message: executionReport(4) }, T0);
    const fill = m.handle({ kind: 'message', message: executionReport(2, { possDup: true }) }, T0);
    assert.deepEqual(acceptedAll(fill).map((a) => [a.message.msgSeqNum, a.message.problem?.rejectReason]), [[2, undefined], [3, 0], [4, undefined]]);
    assert.ok(events(fill).some((e) => e.kind === 'resend-complete'));
    assert.deepEqual(sends(fill).map((s) => s.message.type), ['Reject']);
  });

  test('a resent copy of a message already received this way is a duplicate like any other', () => {
    const m = loggedOn();
    m.handle({ kind: 'message', message: malformedEr(2, 'long-tag') }, T0);
    const again = m.handle({ kind: 'message', message: malformedEr(2, 'long-tag', true) }, T0);
    assert.deepEqual(acceptedAll(again), []);
    assert.deepEqual(sends(again), []);
    assert.deepEqual(events(again), [{ kind: 'duplicate-ignored', msgSeqNum: 2 }]);
  });

  test('a malformed Logout or TestRequest is not acted on: the session stays up', () => {
    const m = loggedOn();
    const logout = FixMessage.parseReceived(withDefect(inbound('5', 2, [[58, 'bye']]).raw, 'empty-value'));
    const effects = m.handle({ kind: 'message', message: logout }, T0);
    assert.deepEqual(disconnects(effects), []);
    assert.equal(m.phase.kind, 'active');
    assert.deepEqual(sends(effects).map((s) => s.message.type), ['Reject']);
  });

  test('a malformed Logon reply ends that connection (the next Logon gets a fresh reply)', () => {
    const m = machine();
    m.handle({ kind: 'connected' }, T0);
    const reply = FixMessage.parseReceived(withDefect(inbound('A', 1, [[98, 0], [108, 30]]).raw, 'no-equals'));
    const [reason] = disconnects(m.handle({ kind: 'message', message: reply }, T0));
    assert.equal(reason?.kind, 'protocol-error');
  });
});

describe('a Logon refused for a reason that passes', () => {
  for (const [how, reply] of [
    ['Logout', () => inbound('5', 1, [[58, 'Logon rate limit exceeded, try again later']])],
    ['Reject', () => inbound('3', 1, [[45, 1], [58, 'Too many logons'], [373, 99]])],
  ] as const) {
    test(`a rate limit (${how}) is retried later, not fatal`, () => {
      const m = machine();
      m.handle({ kind: 'connected' }, T0);
      const [reason] = disconnects(m.handle({ kind: 'message', message: reply() }, T0));
      assert.ok(reason?.kind === 'logon-rejected' && reason.retryable, JSON.stringify(reason));
    });
  }
});

describe('heartbeat round trip (roundTripProbe)', () => {
  function probing() {
    const config = makeSessionConfig({ senderCompId: API_KEY_ID, targetCompId: 'KalshiRT', heartBtIntSec: 30, roundTripProbe: true });
    const m = new SessionMachine({ config, persisted: undefined });
    m.handle({ kind: 'connected' }, T0);
    const effects = m.handle({ kind: 'message', message: inbound('A', 1, [[98, 0], [108, 30], [141, 'Y']]) }, T0);
    return { m, probe: sends(effects).find((s) => s.message.type === 'TestRequest') };
  }

  test('a TestRequest right after Logon; its Heartbeat gives the round trip', () => {
    const { m, probe } = probing();
    assert.ok(probe !== undefined && probe.message.type === 'TestRequest');
    assert.equal(m.roundTrip, undefined);
    m.handle({ kind: 'message', message: inbound('0', 2, [[112, 'someone-else']]) }, T0 + 10);
    assert.equal(m.roundTrip, undefined, 'a Heartbeat for another TestReqID measures nothing');
    m.handle({ kind: 'message', message: inbound('0', 3, [[112, probe.message.testReqId]]) }, T0 + 42);
    assert.deepEqual(m.roundTrip, { ms: 42, at: T0 + 42 });
  });

  test('when our Heartbeat is due, a TestRequest goes instead (one outstanding at a time)', () => {
    const { m, probe } = probing();
    m.handle({ kind: 'message', message: inbound('0', 2, [[112, probe!.message.type === 'TestRequest' ? probe!.message.testReqId : '']]) }, T0 + 5);
    m.handle({ kind: 'message', message: inbound('0', 3) }, T0 + 29_000);
    const next = sends(m.handle({ kind: 'tick' }, T0 + 30_000));
    assert.deepEqual(next.map((s) => s.message.type), ['TestRequest']);
    m.handle({ kind: 'message', message: inbound('0', 4) }, T0 + 59_000);
    m.handle({ kind: 'tick' }, T0 + 59_500);
    assert.deepEqual(m.roundTrip?.ms, 5, 'unanswered: the last measure stays');
  });

  test('off by default: the machine only heartbeats', () => {
    const m = loggedOn();
    m.handle({ kind: 'message', message: inbound('0', 2) }, T0 + 29_000);
    assert.deepEqual(sends(m.handle({ kind: 'tick' }, T0 + 30_000)).map((s) => s.message.type), ['Heartbeat']);
    assert.equal(m.roundTrip, undefined);
  });
});
