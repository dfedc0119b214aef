// The sentences the UI and the CLI show for a backfill: the missed-fills alert keeps the listener's T1
// and T2 and names its cause in one sentence per kind; progress says what came back.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeBackfillEvent, describeAlertCause, rejectReasonOf, type AlertCause, type ExecIdRange } from '../../../electron/core/dropcopy/index.ts';

const T1 = Date.UTC(2026, 10, 24, 14, 0, 0, 250);
const T2 = Date.UTC(2026, 10, 24, 14, 3, 10, 0);
const range: ExecIdRange = { exchangeIndex: 0, beginExecId: '1042;95', endExecId: undefined };

describe('missed-fills alert', () => {
  const causes: Array<[AlertCause, RegExp]> = [
    [{ kind: 'no-drop-copy' }, /no drop-copy \(KalshiDC\) connection is configured/],
    [{ kind: 'rejected', range, reason: rejectReasonOf('3') }, /older than the 3-hour replay window.*index 0 from 1042;95 to the latest/],
    [{ kind: 'rejected', range, reason: rejectReasonOf('5') }, /not enabled for this account.*allowlist/],
    [{ kind: 'refused', range, text: 'bad range' }, /refused the request for exchange index 0 from 1042;95 to the latest: bad range/],
    [{ kind: 'failed', failure: { kind: 'logon-rejected', text: 'Invalid signature' } }, /backfill failed: drop copy rejected the Logon: Invalid signature/],
    [{ kind: 'failed', failure: { kind: 'stopped' } }, /stopped before it finished/],
    [{ kind: 'journal-unreadable', text: 'database is locked' }, /journal could not be read.*locked/],
  ];
  for (const [cause, sentence] of causes) {
    test(`${cause.kind}${cause.kind === 'rejected' ? ` ${cause.reason.code}` : ''}: T1, T2 and the cause in one line`, () => {
      const { severity, text } = describeBackfillEvent({ kind: 'missed-fills-alert', window: { sinceMs: T1, untilMs: T2 }, cause });
      assert.equal(severity, 'error');
      assert.ok(text.startsWith('Possible missed fills between 2026-11-24T14:00:00.250Z and 2026-11-24T14:03:10.000Z: '), text);
      assert.match(text, sentence);
      assert.ok(text.endsWith(describeAlertCause(cause)));
      assert.equal(text.includes('\n'), false);
    });
  }

  test('an unknown T1 reads "before T2"', () => {
    const { text } = describeBackfillEvent({ kind: 'missed-fills-alert', window: { sinceMs: undefined, untilMs: T2 }, cause: { kind: 'no-drop-copy' } });
    assert.ok(text.startsWith('Possible missed fills before 2026-11-24T14:03:10.000Z: '), text);
  });
});

describe('progress and completion', () => {
  test('a complete request says how many came back and how many were new', () => {
    const { severity, text } = describeBackfillEvent({ kind: 'backfill-progress', range, outcome: { kind: 'complete', count: 12, received: 12 }, recovered: 3 });
    assert.equal(severity, 'info');
    assert.equal(text, 'Drop copy replayed 12 ExecutionReport(s) for exchange index 0 from 1042;95 to the latest; 3 were new to the journal');
  });

  test('a count that does not match what arrived is a warning naming both', () => {
    const { severity, text } = describeBackfillEvent({ kind: 'drop-copy', event: { kind: 'request-done', range, outcome: { kind: 'complete', count: 12, received: 11 } } });
    assert.equal(severity, 'warning');
    assert.match(text, /replayed 11 .* but announced 12/);
  });

  test('completion: covered or not', () => {
    const window = { sinceMs: T1, untilMs: T2 };
    assert.match(describeBackfillEvent({ kind: 'backfill-complete', window, replayed: 40, recovered: 3, covered: true }).text, /complete: 40 replayed, 3 recovered/);
    const incomplete = describeBackfillEvent({ kind: 'backfill-complete', window, replayed: 0, recovered: 0, covered: false });
    assert.equal(incomplete.severity, 'warning');
    assert.match(incomplete.text, /ended incomplete/);
  });
});
