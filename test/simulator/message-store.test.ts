// The session record owns sequence numbers and, on KalshiRT only, the messages a ResendRequest may
// ask for; admin messages come back as GapFills.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { SessionRecord, SessionRecords, bodyFromText } from '../../electron/simulator/message-store.ts';

const T = '20261124-14:05:09.123';

/** Seq 1 admin (Logon), 2–3 app, 4 admin (Heartbeat), 5 app. */
function rtWithTraffic(capacity?: number): SessionRecord {
  const r = new SessionRecord('key', 'KalshiRT', capacity);
  r.allocateAdmin();
  r.allocateApp('8', [[17, '1;1'], [55, 'A']], T);
  r.allocateApp('8', [[17, '1;2']], T);
  r.allocateAdmin();
  r.allocateApp('8', [[17, '1;3']], T);
  return r;
}

describe('SessionRecord', () => {
  test('resend plan: app messages verbatim, admin runs as one GapFill each', () => {
    const plan = rtWithTraffic().planResend(1, 0);
    assert.ok(plan.ok);
    assert.deepEqual(
      plan.steps.map((s) => (s.kind === 'resend' ? `R${s.message.msgSeqNum}` : `G${s.msgSeqNum}->${s.newSeqNo}`)),
      ['G1->2', 'R2', 'R3', 'G4->5', 'R5'],
    );
    const first = plan.steps[1];
    assert.ok(first?.kind === 'resend');
    assert.deepEqual(bodyFromText(first.message.bodyText), [[17, '1;1'], [55, 'A']]);
    assert.equal(first.message.sendingTime, T);
  });

  test('an explicit end is inclusive and clamps to the last sent; trailing admin is gap-filled past the end', () => {
    const r = rtWithTraffic();
    r.allocateAdmin(); // 6
    const plan = r.planResend(3, 99);
    assert.ok(plan.ok);
    assert.deepEqual(plan.steps.map((s) => (s.kind === 'resend' ? s.message.msgSeqNum : -s.newSeqNo)), [3, -5, 5, -7]);
  });

  test('refuses what it cannot serve, in a sentence', () => {
    const r = rtWithTraffic();
    for (const [b, e, re] of [[6, 0, /beyond the last/], [0, 0, /BeginSeqNo/], [4, 2, /EndSeqNo/]] as const) {
      const plan = r.planResend(b, e);
      assert.ok(!plan.ok);
      assert.match(plan.text, re);
    }
    const nr = new SessionRecord('key', 'KalshiNR');
    nr.allocateApp('8', [[17, '1;1']], T);
    const plan = nr.planResend(1, 0);
    assert.ok(!plan.ok && /not supported on KalshiNR/.test(plan.text));
    assert.equal(nr.retainedCount, 0);
  });

  test('retention is bounded; older requests get a retention-window refusal', () => {
    const r = rtWithTraffic(2); // keeps only seqs 3 and 5
    assert.equal(r.retainedCount, 2);
    const old = r.planResend(2, 0);
    assert.ok(!old.ok && /retention window/.test(old.text));
    const recent = r.planResend(3, 0);
    assert.ok(recent.ok && recent.steps.length === 3);
  });

  test('reset restarts both directions at 1 and forgets the store', () => {
    const r = rtWithTraffic();
    r.nextInSeq = 9;
    r.reset();
    assert.deepEqual([r.nextOutSeq, r.nextInSeq, r.retainedCount], [1, 1, 0]);
    assert.throws(() => (r.nextInSeq = 0), RangeError);
  });

  test('records are per API key and target, created once', () => {
    const all = new SessionRecords();
    assert.equal(all.find('k', 'KalshiRT'), undefined);
    const rt = all.get('k', 'KalshiRT');
    assert.equal(all.get('k', 'KalshiRT'), rt);
    assert.notEqual(all.get('k', 'KalshiNR'), rt);
    assert.notEqual(all.get('j', 'KalshiRT'), rt);
  });
});
