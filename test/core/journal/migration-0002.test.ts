// migration-0002.test.ts — the segments schema, and the upgrade of a journal written by schema 1: its
// executions, settlements and undecodable rows are copied (balance_change read from the stored frames),
// orders become a view deriving the same states, its raw_messages rows stay and still verify, new
// messages go to segments chained on from them, and tampering with an old row is still named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import type { FixMessage } from '../../../electron/core/fix/decode.ts';
import { JournalError } from '../../../electron/core/journal/errors.ts';
import { migrate0001 } from '../../../electron/core/journal/migrations/0001-init.ts';
import { MIGRATIONS, runMigrations } from '../../../electron/core/journal/migrations/index.ts';
import { GENESIS_HASH, rowHash } from '../../../electron/core/journal/hash-chain.ts';
import { verifyJournal } from '../../../electron/core/journal/verify.ts';
import { acceptAll, er, heartbeat, openJournal, SESSION, settlementReport, storedMessages, tempDir } from './journal-fixtures.ts';

const T = 1_790_000_000_000;
const withBalance = [[1703, 1], [1704, '-0.4300'], [1705, 'BALANCE']] as const;

/** Seq 1..5 as schema 1 stored them: hash-chained rows, executions, one order, a settlement, an undecodable ER. */
const OLD_MESSAGES: FixMessage[] = [
  er(1, { execId: '9;1', orderId: 'ord-A', execType: '0', ordStatus: '0', transactTime: '20261124-14:00:00.000' }),
  er(2, { execId: '9;2', orderId: 'ord-A', transactTime: '20261124-14:00:01.000', extra: withBalance }),
  heartbeat(3),
  settlementReport(4, 'rep-1'),
  er(5, { execId: '9;3', execType: '0', ordStatus: '0', extra: [[1057, 'maybe']] }),
];

/** What a schema-1 Fillwatch wrote for OLD_MESSAGES (the writer of that version, reduced to SQL). */
function writeSchema1Journal(path: string): void {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.transaction(() => {
    migrate0001(db);
    db.pragma('user_version = 1');
  })();
  db.prepare('INSERT INTO sessions (id, sender_comp_id, target_comp_id, next_inbound, next_outbound) VALUES (1, ?, ?, 6, 1)').run(SESSION.senderCompId, SESSION.targetCompId);
  let prev: Buffer = GENESIS_HASH;
  const insertRaw = db.prepare('INSERT INTO raw_messages VALUES (?, 1, NULL, 0, ?, ?, 0, ?, ?, ?)');
  for (const m of OLD_MESSAGES) {
    const id = m.msgSeqNum;
    prev = rowHash(prev, { id, sessionId: 1, connectionId: null, epoch: 0, msgSeqNum: id, receivedAt: T + id, possDup: false, msgType: m.msgType, raw: m.raw });
    insertRaw.run(id, id, m.msgType, T + id, m.raw, prev);
  }
  db.prepare('UPDATE chain_head SET last_raw_id = 5, last_hash = ?').run(prev);
  const insertExecution = db.prepare(
    `INSERT INTO executions (id, exec_key, exec_id, order_id, cl_ord_id, symbol, side, exec_type, ord_status, order_qty, price, last_qty, last_px,
       cum_qty, leaves_qty, avg_px, fee, transact_time, event_at, msg_seq_num, poss_dup, received_at, raw_id)
     VALUES (?, ?, ?, 'ord-A', ?, 'KXHIGHNY-26NOV24-B52.5', '1', ?, ?, '10.00', '0.4200', ?, ?, '1.00', '9.00', '0.4200', ?, ?, ?, ?, 0, ?, ?)`,
  );
  insertExecution.run(1, '9;1', '9;1', 'cl-1', '0', '0', null, null, null, '20261124-14:00:00.000', Date.UTC(2026, 10, 24, 14, 0, 0), 1, T + 1, 1);
  insertExecution.run(2, '9;2', '9;2', 'cl-2', 'F', '1', '1.00', '0.4200', '0.0100', '20261124-14:00:01.000', Date.UTC(2026, 10, 24, 14, 0, 1), 2, T + 2, 2);
  db.prepare(
    `INSERT INTO orders (order_id, symbol, side, cl_ord_id, ord_status, last_exec_type, cum_qty, leaves_qty, avg_px, first_execution_id, last_execution_id, last_event_at)
     VALUES ('ord-A', 'KXHIGHNY-26NOV24-B52.5', '1', 'cl-2', '1', 'F', '1.00', '9.00', '0.4200', 1, 2, ?)`,
  ).run(Date.UTC(2026, 10, 24, 14, 0, 1));
  db.prepare("INSERT INTO settlements (report_id, symbol, received_at, raw_id) VALUES ('rep-1', 'KXHIGHNY-26NOV24-B52.5', ?, 4)").run(T + 4);
  db.prepare("INSERT INTO undecodable VALUES (5, '8', 'bad-value', 1057, 'AggressorIndicator must be Y or N')").run();
  db.close();
}

test('0002 upgrades a schema-1 journal: rows copied, balance backfilled, orders derived, old chain verified', () => {
  const dir = tempDir();
  try {
    const path = dir.file('old.db');
    writeSchema1Journal(path);
    assert.throws(() => verifyJournal(path), (e) => e instanceof JournalError && e.kind === 'read-only', 'a read-only open cannot upgrade it');

    const journal = openJournal(path); // runs 0002
    assert.deepEqual(journal.load(), { nextInbound: 6, nextOutbound: 1 });
    const reader = journal.reader;
    const executions = [...reader.executions()];
    assert.deepEqual(executions.map((e) => [e.execId, e.rawId, e.balanceChange]), [['9;1', 1, null], ['9;2', 2, '-0.4300']]);
    assert.equal(reader.order('ord-A')?.ordStatus, '1');
    assert.equal(reader.order('ord-A')?.orderQty, '10.00');
    assert.deepEqual(reader.orderLifecycle('ord-A').map((e) => e.execId), ['9;1', '9;2']);
    assert.deepEqual(reader.settlements().map((s) => [s.reportId, s.rawId]), [['rep-1', 4]]);
    assert.deepEqual(reader.undecodable().map((u) => [u.rawId, u.tag, u.raw.equals(OLD_MESSAGES[4]!.raw)]), [[5, 1057, true]]);
    assert.deepEqual(reader.executionReport(2)?.report.execId, '9;2', 'old frames are read from raw_messages');

    // New messages continue the ids and the chain in segments.
    acceptAll(journal, [er(6, { execId: '9;4' }), heartbeat(7)], T);
    journal.close();
    assert.deepEqual(storedMessages(path).map((m) => [m.id, m.msgSeqNum, m.segmentId]), [[1, 1, null], [2, 2, null], [3, 3, null], [4, 4, null], [5, 5, null], [6, 6, 6], [7, 7, 6]]);
    assert.deepEqual(verifyJournal(path), { ok: true, rows: 7 });
  } finally {
    dir.remove();
  }
});

test('0002 drops the tables ingest no longer writes and keeps one time index; orders is a view', () => {
  const dir = tempDir();
  try {
    // What schema 2 itself holds; later migrations add to it (0003: history indexes).
    const db = new Database(dir.file('new.db'));
    runMigrations(db, MIGRATIONS.filter((m) => m.version <= 2));
    const objects = db.prepare("SELECT type, name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all();
    db.close();
    assert.deepEqual(objects, [
      { type: 'index', name: 'executions_by_time' },
      ...['chain_head', 'connections', 'exec_id_heads', 'executions', 'raw_messages', 'segments', 'sessions', 'settlements', 'undecodable'].map((name) => ({ type: 'table', name })),
      { type: 'view', name: 'orders' },
    ]);
  } finally {
    dir.remove();
  }
});

test('after the upgrade, a changed schema-1 row is still named, and the segments after it still chain on', () => {
  const dir = tempDir();
  try {
    const path = dir.file('old.db');
    writeSchema1Journal(path);
    const journal = openJournal(path);
    acceptAll(journal, [heartbeat(6)], T);
    journal.close();
    const db = new Database(path);
    db.prepare("UPDATE raw_messages SET received_at = received_at + 1 WHERE id = 3").run();
    db.close();
    const result = verifyJournal(path);
    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.equal(result.reason, 'hash-mismatch');
      assert.deepEqual(result.firstBrokenRow, { id: 3, segment: null, msgSeqNum: 3, receivedAt: T + 4 });
    }
  } finally {
    dir.remove();
  }
});
