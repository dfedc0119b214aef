// verifyAll recomputes the audit chain of alerts, reviews and exports beside the message chain, and
// names the first entry that was changed behind the journal's back: a review's comment edited with raw
// SQL (its trigger dropped first), an alert's severity, a removed review, an edited or removed audit
// row, a review inserted without an audit entry, or an anchor that no longer matches the messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { AlertStore } from '../../../electron/core/alerts/alert-store.ts';
import { auditLinkHash, GENESIS_HASH } from '../../../electron/core/journal/audit-chain.ts';
import { verifyAll, type FullVerifyResult } from '../../../electron/core/journal/verify.ts';
import { runCli } from '../../../electron/cli/main.ts';
import { tempDir } from '../journal/journal-fixtures.ts';
import { alertOf, journalWithExecutions, T0 } from './alert-fixtures.ts';

const NOW = T0 + 60_000;

/** Entries: 1 alert a, 2 alert b, 3 review of a, 4 review of a, 5 export. */
function journalWithTrail(path: string): void {
  journalWithExecutions(path);
  const store = AlertStore.open(path, { now: () => NOW });
  store.record([alertOf({ id: 'large-fill:a' }), alertOf({ id: 'large-fill:b' })]);
  store.review('large-fill:a', 'acknowledged', 'Ann Officer', 'Looking into it.', NOW);
  store.review('large-fill:a', 'closed', 'Ann Officer', 'Hedge, confirmed with the desk.', NOW + 1);
  store.recordExport({ command: 'alerts', alertId: null, user: 'ann', format: 'csv', filter: {}, files: [], at: NOW });
  store.close();
}

function tampered(edit: (db: Database.Database) => void): FullVerifyResult {
  const dir = tempDir('fillwatch-alerts-');
  try {
    const path = dir.file('journal.db');
    journalWithTrail(path);
    assert.deepEqual(verifyAll(path), { messages: { ok: true, rows: 5 }, audit: { ok: true, entries: 5 } });
    const db = new Database(path);
    try {
      edit(db);
    } finally {
      db.close();
    }
    return verifyAll(path);
  } finally {
    dir.remove();
  }
}

function assertAuditBreak(result: FullVerifyResult, reason: string, entry: { id: number; kind: string | null; subject: string | null }, description: RegExp): void {
  assert.deepEqual(result.messages, { ok: true, rows: 5 }, 'the messages are intact');
  assert.equal(result.audit.ok, false);
  if (result.audit.ok) return;
  assert.equal(result.audit.reason, reason);
  assert.deepEqual({ id: result.audit.firstBrokenEntry.id, kind: result.audit.firstBrokenEntry.kind, subject: result.audit.firstBrokenEntry.subject }, entry);
  assert.match(result.audit.description, description);
}

test("a review's comment edited with raw SQL (trigger dropped) is named", () => {
  const result = tampered((db) => {
    db.exec('DROP TRIGGER alert_reviews_no_update');
    db.prepare("UPDATE alert_reviews SET comment = 'Nothing to see.' WHERE id = 2").run();
  });
  assertAuditBreak(result, 'record-changed', { id: 4, kind: 'review', subject: 'large-fill:a' }, /^This review was changed after it was recorded/);
});

test("an alert's severity edited is named", () => {
  const result = tampered((db) => {
    db.exec('DROP TRIGGER alerts_no_update');
    db.prepare("UPDATE alerts SET severity = 'low' WHERE id = 'large-fill:b'").run();
  });
  assertAuditBreak(result, 'record-changed', { id: 2, kind: 'alert', subject: 'large-fill:b' }, /^This alert was changed/);
});

test('a removed review is named', () => {
  const result = tampered((db) => {
    db.exec('DROP TRIGGER alert_reviews_no_delete');
    db.prepare('DELETE FROM alert_reviews WHERE id = 1').run();
  });
  assertAuditBreak(result, 'record-missing', { id: 3, kind: 'review', subject: 'large-fill:a' }, /^This review was removed/);
});

test('an edited audit row, a removed newest one and one inserted without an entry are named', () => {
  assertAuditBreak(tampered((db) => {
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare('UPDATE audit_log SET recorded_at = recorded_at + 1 WHERE id = 3').run();
  }), 'entry-changed', { id: 3, kind: 'review', subject: 'large-fill:a' }, /^This audit entry was changed/);
  assertAuditBreak(tampered((db) => {
    db.exec('DROP TRIGGER audit_log_no_delete; DROP TRIGGER alert_exports_no_delete');
    db.prepare('DELETE FROM alert_exports').run();
    db.prepare('DELETE FROM audit_log WHERE id = 5').run();
  }), 'tail-missing', { id: 5, kind: null, subject: null }, /most recent audit entries were removed/);
  assertAuditBreak(tampered((db) => {
    db.prepare("INSERT INTO alert_reviews (alert_id, from_state, to_state, reviewer, comment, at, audit_id) VALUES ('large-fill:b', 'open', 'closed', 'X', 'y', 1, 99)").run();
  }), 'record-added', { id: 99, kind: 'review', subject: 'large-fill:b' }, /added to the journal outside Fillwatch/);
});

test('an audit chain rewritten end to end with a forged anchor is caught by the message chain', () => {
  const result = tampered((db) => {
    db.exec('DROP TRIGGER audit_log_no_update');
    const rows = db.prepare('SELECT * FROM audit_log ORDER BY id').all() as { id: number; kind: string; subject: string; recorded_at: number; msg_head_id: number; msg_head_hash: Buffer; content_hash: Buffer }[];
    let prev: Buffer = GENESIS_HASH;
    for (const row of rows) {
      const headHash = row.id === 1 ? Buffer.alloc(32, 7) : row.msg_head_hash;
      prev = auditLinkHash(prev, { id: row.id, kind: row.kind, subject: row.subject, recordedAt: row.recorded_at, msgHeadId: row.msg_head_id, msgHeadHash: headHash, contentHash: row.content_hash });
      db.prepare('UPDATE audit_log SET msg_head_hash = ?, hash = ? WHERE id = ?').run(headHash, prev, row.id);
    }
    db.prepare('UPDATE audit_head SET last_hash = ?').run(prev);
  });
  assertAuditBreak(result, 'anchor-mismatch', { id: 1, kind: 'alert', subject: 'large-fill:a' }, /message chain head the journal's messages no longer have/);
});

test('fillwatch verify reports an edited review in one line, exit 5', async () => {
  const dir = tempDir('fillwatch-alerts-');
  try {
    const path = dir.file('journal.db');
    journalWithTrail(path);
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l), onSignal: () => () => {} };
    assert.equal(await runCli(['verify', '--db', path], io), 0);
    assert.deepEqual(out, ['journal intact: 5 message row(s) and 5 audit entries (alerts, reviews, exports) verified']);
    const db = new Database(path);
    db.exec("DROP TRIGGER alert_reviews_no_update; UPDATE alert_reviews SET reviewer = 'Someone Else' WHERE id = 1");
    db.close();
    assert.equal(await runCli(['verify', '--db', path], io), 5);
    assert.deepEqual(err, [
      `fillwatch: journal BROKEN at audit entry 3 (review of alert "large-fill:a", recorded ${new Date(NOW).toISOString()}): This review was changed after it was recorded (it no longer matches the audit chain).`,
    ]);
  } finally {
    dir.remove();
  }
});
