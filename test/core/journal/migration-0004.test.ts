// migration-0004.test.ts — ExecIDs are unique per account, not per file: a schema-3 journal (one
// account) is upgraded in place (rows, indexes, the orders view and the drop-copy heads kept, all
// assigned to its account), and afterwards a second account's execution with the same ExecID is
// stored instead of being dropped as a duplicate, while a resend within one account still is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { Journal } from '../../../electron/core/journal/index.ts';
import { PRICE_QTY_INDEXES } from '../../../electron/core/journal/migrations/0008-price-qty-sorts.ts';
import { MIGRATIONS, runMigrations } from '../../../electron/core/journal/migrations/index.ts';
import { acceptAll, er, openJournal, SESSION, tempDir } from './journal-fixtures.ts';

const OTHER = { senderCompId: '7d1e2f3a-0b4c-4d5e-8f60-718293a4b5c6', targetCompId: 'KalshiRT' } as const;

function schema(db: Database.Database): { indexes: string[]; views: string[] } {
  const names = (type: string) => (db.prepare("SELECT name FROM sqlite_schema WHERE type = ? AND sql IS NOT NULL AND (tbl_name = 'executions' OR type = 'view') ORDER BY name").all(type) as { name: string }[]).map((r) => r.name);
  return { indexes: names('index'), views: names('view') };
}

test('a new file gets the latest schema with the indexes and view of schema 3, and its rows name their account', () => {
  const dir = tempDir();
  try {
    const path = dir.file('journal.db');
    // Schema 3 first, then Journal.open upgrades it.
    {
      const db = new Database(path);
      runMigrations(db, MIGRATIONS.filter((m) => m.version <= 3));
      db.close();
    }
    const before = new Database(path);
    const beforeSchema = schema(before);
    before.close();
    const journal = openJournal(path);
    acceptAll(journal, [er(1, { execId: '4;7' }), er(2, { execId: '4;8', orderId: 'ord-B' })]);
    journal.close();

    const db = new Database(path, { readonly: true });
    assert.equal(db.pragma('user_version', { simple: true }), MIGRATIONS[MIGRATIONS.length - 1]!.version);
    const after = schema(db);
    // 0004 keeps schema 3's indexes (0008's Price/Qty indexes come on top, tested in migration-0008.test.ts).
    const own = (n: string): boolean => !n.startsWith('sqlite_') && !(PRICE_QTY_INDEXES as readonly string[]).includes(n);
    assert.deepEqual(after.indexes.filter(own), beforeSchema.indexes.filter(own));
    assert.deepEqual(after.views, beforeSchema.views);
    const rows = db.prepare('SELECT e.exec_id, a.api_key_id FROM executions e JOIN accounts a ON a.id = e.account_id ORDER BY e.raw_id').all();
    assert.deepEqual(rows, [{ exec_id: '4;7', api_key_id: SESSION.senderCompId }, { exec_id: '4;8', api_key_id: SESSION.senderCompId }]);
    assert.equal((db.prepare('SELECT count(*) AS n FROM orders').get() as { n: number }).n, 2, 'the orders view still reads executions');
    db.close();
  } finally {
    dir.remove();
  }
});

test('schema-3 rows written before the upgrade keep their data and belong to the single account', () => {
  const dir = tempDir();
  try {
    const path = dir.file('journal.db');
    const db = new Database(path);
    runMigrations(db, MIGRATIONS.filter((m) => m.version <= 3));
    db.prepare('INSERT INTO sessions (id, sender_comp_id, target_comp_id) VALUES (1, ?, ?)').run(SESSION.senderCompId, SESSION.targetCompId);
    db.prepare(`INSERT INTO executions (raw_id, exec_key, order_id, cl_ord_id, symbol, side, exec_type, ord_status, last_qty, last_px, cum_qty, leaves_qty, avg_px, event_at, msg_seq_num, poss_dup, session_id)
                VALUES (5, '4;7', 'o', 'c', 'KX-1', '1', 'F', '2', '10.00', '0.4200', '10.00', '0.00', '0.4200', 1, 5, 0, 1)`).run();
    db.prepare("INSERT INTO exec_id_heads VALUES (0, 4, 7, '4;7')").run();
    const upgraded = runMigrations(db);
    assert.deepEqual(upgraded, { from: 3, to: MIGRATIONS[MIGRATIONS.length - 1]!.version });
    const row = db.prepare('SELECT exec_id, last_px_key, account_id, session_id FROM executions').get() as Record<string, unknown>;
    assert.deepEqual(row, { exec_id: '4;7', last_px_key: 420000, account_id: 1, session_id: 1 });
    assert.deepEqual(db.prepare('SELECT account_id, exchange_index, exec_id FROM exec_id_heads').all(), [{ account_id: 1, exchange_index: 0, exec_id: '4;7' }]);
    db.close();
  } finally {
    dir.remove();
  }
});

test('after the upgrade: the same ExecID in two accounts is two executions; a resend within one is still one', () => {
  const dir = tempDir();
  try {
    const path = dir.file('journal.db');
    const reported: string[] = [];
    const a = openJournal(path, { onCommitted: (r) => reported.push(...r.map((x) => `A ${x.execId}`)) });
    const b = Journal.open(path, { session: OTHER, onCommitted: (r) => reported.push(...r.map((x) => `B ${x.execId}`)) });
    acceptAll(a, [er(1, { execId: '4;7' })]);
    a.commit();
    acceptAll(b, [er(1, { execId: '4;7' })]);
    b.commit();
    acceptAll(a, [er(2, { execId: '4;7', possDup: true })]);
    a.commit();
    assert.deepEqual(reported, ['A 4;7', 'B 4;7']);
    assert.deepEqual([...a.knownExecIds()], ['4;7']);
    assert.deepEqual([...b.lastExecIdByIndex()], [[0, '4;7']]);
    a.close();
    b.close();
  } finally {
    dir.remove();
  }
});
