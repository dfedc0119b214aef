// The journal's alert store: alerts round-trip with their evidence, one per id (a later raise adds
// only evidence the alert did not have), suppressed ones are kept and marked, reviews follow the
// transition table with a reviewer, a comment and a time, every history row is append-only (SQLite
// triggers), and the trail survives reopening the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { AlertStore } from '../../../electron/core/alerts/alert-store.ts';
import { AlertStoreError } from '../../../electron/core/alerts/alert-input.ts';
import { tempDir } from '../journal/journal-fixtures.ts';
import { alertOf, API_KEY_ID, journalWithExecutions, T0 } from './alert-fixtures.ts';

const NOW = T0 + 60_000;

function withStore(work: (store: AlertStore, path: string) => void): void {
  const dir = tempDir('fillwatch-alerts-');
  try {
    const path = dir.file('journal.db');
    journalWithExecutions(path);
    const store = AlertStore.open(path, { now: () => NOW });
    try {
      work(store, path);
    } finally {
      store.close();
    }
  } finally {
    dir.remove();
  }
}

const refused = (kind: string, message: RegExp) => (error: unknown) => error instanceof AlertStoreError && error.kind === kind && message.test(error.message);

test('an alert round-trips with its evidence; state open until reviewed', () => {
  withStore((store) => {
    const alert = alertOf({ id: 'large-fill:77;2', evidence: { executions: [{ accountId: API_KEY_ID, execId: '77;2' }], orderIds: ['ord-A'], note: 'first' } });
    assert.deepEqual(store.record([alert]), { recorded: ['large-fill:77;2'], evidenceAdded: [], unchanged: [] });
    const detail = store.get('large-fill:77;2')!;
    const { history, ...stored } = detail;
    assert.deepEqual(stored, { ...alert, state: 'open', recordedAt: NOW, reviewCount: 0, lastReviewAt: null });
    assert.deepEqual(history, [{ kind: 'raised', auditId: 1, at: NOW }]);
    assert.equal(store.get('nope'), undefined);
  });
});

test('one alert per id: a second raise stores nothing, or only the evidence it adds', () => {
  withStore((store) => {
    const first = alertOf({ id: 'position-limit:A|KX' });
    store.record([first]);
    assert.deepEqual(store.record([{ ...first, severity: 'critical', title: 'changed' }]), { recorded: [], evidenceAdded: [], unchanged: ['position-limit:A|KX'] });
    const later = { ...first, raisedAt: T0 + 5_000, evidence: { executions: [...first.evidence.executions, { accountId: API_KEY_ID, execId: '77;5' }], orderIds: ['ord-A', 'ord-B'] } };
    assert.deepEqual(store.record([later]), { recorded: [], evidenceAdded: ['position-limit:A|KX'], unchanged: [] });
    assert.deepEqual(store.record([later]).unchanged, ['position-limit:A|KX'], 'the same evidence twice adds nothing');
    const detail = store.get('position-limit:A|KX')!;
    assert.equal(detail.severity, 'high', 'the first raise stands');
    assert.deepEqual(detail.evidence, { executions: [{ accountId: API_KEY_ID, execId: '77;2' }, { accountId: API_KEY_ID, execId: '77;5' }], orderIds: ['ord-A', 'ord-B'] });
    assert.deepEqual(detail.history.map((h) => h.kind), ['raised', 'evidence-added']);
    assert.deepEqual(detail.history[1], { kind: 'evidence-added', auditId: 2, at: NOW, raisedAt: T0 + 5_000, evidence: { executions: [{ accountId: API_KEY_ID, execId: '77;5' }], orderIds: ['ord-B'] } });
    // Two raises of one id in one batch are one alert.
    assert.deepEqual(store.record([alertOf({ id: 'x:1', ruleId: 'off-hours' }), alertOf({ id: 'x:1', ruleId: 'off-hours' })]), { recorded: ['x:1'], evidenceAdded: [], unchanged: ['x:1'] });
  });
});

test('suppressed alerts are kept, marked, and listed after every other alert', () => {
  withStore((store) => {
    store.record([
      alertOf({ id: 'large-fill:s', suppressedBy: 'allow-7: market maker hedge (J. Doe, until 2026-12-31)', raisedAt: T0 + 9 }),
      alertOf({ id: 'large-fill:a', raisedAt: T0 + 1 }),
      alertOf({ id: 'restricted-list:b', ruleId: 'restricted-list', severity: 'critical', raisedAt: T0 + 2 }),
      alertOf({ id: 'off-hours:c', ruleId: 'off-hours', severity: 'low', raisedAt: T0 + 3, accountIds: ['other-key'], market: 'KXFED' }),
    ]);
    store.review('off-hours:c', 'acknowledged', 'Ann Officer', 'Known night desk.', NOW);
    store.review('restricted-list:b', 'escalated', 'Ann Officer', 'To the CCO.', NOW);
    assert.deepEqual(store.list().map((a) => [a.id, a.state]), [
      ['large-fill:a', 'open'], ['restricted-list:b', 'escalated'], ['off-hours:c', 'acknowledged'], ['large-fill:s', 'open'],
    ]);
    assert.equal(store.get('large-fill:s')!.suppressedBy, 'allow-7: market maker hedge (J. Doe, until 2026-12-31)');
    assert.deepEqual(store.list({ suppressed: true }).map((a) => a.id), ['large-fill:s']);
    assert.deepEqual(store.list({ suppressed: false, state: 'open' }).map((a) => a.id), ['large-fill:a']);
    assert.deepEqual(store.list({ ruleId: 'restricted-list' }).map((a) => a.id), ['restricted-list:b']);
    assert.deepEqual(store.list({ accountId: 'other-key' }).map((a) => a.id), ['off-hours:c']);
    assert.deepEqual(store.list({ market: 'KXFED' }).map((a) => a.id), ['off-hours:c']);
    assert.deepEqual(store.list({ severity: 'critical' }).map((a) => a.id), ['restricted-list:b']);
    assert.deepEqual(store.list({ from: T0 + 2, to: T0 + 9 }).map((a) => a.id), ['restricted-list:b', 'off-hours:c']);
    assert.deepEqual(store.list({ limit: 1 }).map((a) => a.id), ['large-fill:a']);
  });
});

test('reviews: allowed moves only, each with reviewer, comment and time; refusals are one sentence and store nothing', () => {
  withStore((store) => {
    store.record([alertOf({ id: 'large-fill:r' })]);
    const id = 'large-fill:r';
    assert.throws(() => store.review('large-fill:none', 'closed', 'Ann', 'x', NOW), refused('unknown-alert', /^No alert with id "large-fill:none" is in the journal\.$/));
    assert.throws(() => store.review(id, 'open', 'Ann', 'x', NOW), refused('refused-review', /^Review of "large-fill:r" refused: The alert is already open\.$/));
    assert.throws(() => store.review(id, 'acknowledged', '  ', 'x', NOW), refused('refused-review', /needs the reviewer's name\.$/));
    assert.throws(() => store.review(id, 'acknowledged', 'Ann', ' \n ', NOW), refused('refused-review', /needs a comment saying why\.$/));
    assert.throws(() => store.review(id, 'acknowledged', 'Ann', 'ok', Number.NaN), refused('refused-review', /needs its time/));
    assert.throws(() => store.review(id, 'pending' as never, 'Ann', 'ok', NOW), refused('refused-review', /^"pending" is not a state/));
    assert.equal(store.get(id)!.history.length, 1, 'nothing stored by a refusal');

    assert.deepEqual(store.review(id, 'acknowledged', ' Ann Officer ', ' Looking into it. ', NOW), { alertId: id, from: 'open', to: 'acknowledged', reviewer: 'Ann Officer', comment: 'Looking into it.', at: NOW });
    assert.throws(() => store.review(id, 'open', 'Ann', 'back', NOW + 1), refused('refused-review', /acknowledged cannot be moved to open; it can be moved to escalated or closed\./));
    assert.throws(() => store.review(id, 'escalated', 'Ann', 'up', NOW - 1), refused('refused-review', /cannot be dated before the alert's previous review/));
    store.review(id, 'escalated', 'Ann Officer', 'Desk head must answer.', NOW + 1);
    store.review(id, 'closed', 'Bob CCO', 'Hedge confirmed by the desk head.', NOW + 2);
    assert.throws(() => store.review(id, 'acknowledged', 'Bob', 'x', NOW + 3), refused('refused-review', /closed cannot be moved to acknowledged; it can be moved to open\./));
    store.review(id, 'open', 'Bob CCO', 'Reopened: the hedge was never booked.', NOW + 3);
    const detail = store.get(id)!;
    assert.equal(detail.state, 'open');
    assert.equal(detail.reviewCount, 4);
    assert.equal(detail.lastReviewAt, NOW + 3);
    assert.deepEqual(detail.history.filter((h) => h.kind === 'review').map((h) => h.kind === 'review' && `${h.from}>${h.to} ${h.reviewer}`), [
      'open>acknowledged Ann Officer', 'acknowledged>escalated Ann Officer', 'escalated>closed Bob CCO', 'closed>open Bob CCO',
    ]);
  });
});

test('a malformed alert is refused naming the field, and nothing of its batch is stored', () => {
  withStore((store) => {
    assert.throws(() => store.record([alertOf({ id: 'ok:1' }), alertOf({ id: 'bad:1', severity: 'urgent' as never })]),
      refused('invalid-alert', /^Alert "bad:1" was not recorded: severity must be one of low, medium, high, critical\.$/));
    assert.throws(() => store.record([alertOf({ id: 'bad:2', evidence: { executions: [{ accountId: 'k' }], orderIds: [] } as never })]),
      refused('invalid-alert', /evidence\.executions must be a list of \{ accountId, execId \}/));
    assert.deepEqual(store.list(), []);
  });
});

test('append-only: UPDATE and DELETE of alerts, reviews, evidence, exports and the audit log are refused by SQLite', () => {
  withStore((store, path) => {
    store.record([alertOf({ id: 'large-fill:t' })]);
    store.review('large-fill:t', 'closed', 'Ann', 'Fine.', NOW);
    store.recordExport({ command: 'alerts', alertId: null, user: 'ann', format: 'csv', filter: {}, files: [], at: NOW });
    const db = new Database(path);
    try {
      for (const sql of [
        "UPDATE alert_reviews SET comment = 'edited'", 'DELETE FROM alert_reviews', "UPDATE alerts SET severity = 'low'", 'DELETE FROM alerts',
        "UPDATE alert_exports SET record = '{}'", 'DELETE FROM alert_exports', 'UPDATE audit_log SET recorded_at = 0', 'DELETE FROM audit_log', 'DELETE FROM audit_head',
      ]) {
        assert.throws(() => db.prepare(sql).run(), /append-only|cannot be deleted/, sql);
      }
    } finally {
      db.close();
    }
    assert.equal(store.get('large-fill:t')!.history.length, 2);
  });
});

test('the review trail survives closing and reopening the file', () => {
  const dir = tempDir('fillwatch-alerts-');
  try {
    const path = dir.file('journal.db');
    journalWithExecutions(path);
    let store = AlertStore.open(path, { now: () => NOW });
    store.record([alertOf({ id: 'large-fill:p' })]);
    store.review('large-fill:p', 'escalated', 'Ann', 'Needs the CCO.', NOW);
    const before = store.get('large-fill:p');
    store.close();
    store = AlertStore.open(path, { now: () => NOW + 1 });
    try {
      assert.deepEqual(store.get('large-fill:p'), before);
      assert.equal(store.get('large-fill:p')!.state, 'escalated');
      store.review('large-fill:p', 'closed', 'Bob', 'Done.', NOW + 1);
      assert.deepEqual(store.get('large-fill:p')!.history.map((h) => h.auditId), [1, 2, 3]);
    } finally {
      store.close();
    }
  } finally {
    dir.remove();
  }
});
