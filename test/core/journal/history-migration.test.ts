// history-migration.test.ts — migration 0003 upgrades a journal written by schema 2 in place: each
// execution gets the session whose segment (or schema-1 raw row) carried it, LastQty/LastPx keys and
// the history indexes; the hash chain still verifies, History reads the old rows, and new rows are
// written with their session.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { JournalError } from '../../../electron/core/journal/errors.ts';
import { GENESIS_HASH, rowHash } from '../../../electron/core/journal/hash-chain.ts';
import { openHistoryStore } from '../../../electron/core/journal/history-queries.ts';
import { HISTORY_INDEXES } from '../../../electron/core/journal/migrations/0003-history.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, runMigrations } from '../../../electron/core/journal/migrations/index.ts';
import { buildSegment } from '../../../electron/core/journal/segment.ts';
import { verifyJournal } from '../../../electron/core/journal/verify.ts';
import { ACCOUNTS, executionReport, T0, type ExecSpec } from './history-fixtures.ts';
import { openJournal, tempDir } from './journal-fixtures.ts';

const spec = (account: 0 | 1, n: number, lastPx: string | undefined): ExecSpec => ({
  account, execId: `4;${n}`, orderId: `ord-${n}`, clOrdId: `cl-${n}`, symbol: 'EVA-X-1', side: '1', execType: lastPx === undefined ? '0' : 'F',
  ordStatus: lastPx === undefined ? '0' : '1', time: T0 + n * 1000, lastQty: lastPx === undefined ? undefined : '2', lastPx, cumQty: '0', avgPx: '0',
  fee: undefined, text: undefined,
});

/**
 * Messages 1-2 as schema-1 raw rows (account beta), then segments as schema 2 wrote them: 3-5 alpha,
 * 6-7 beta, 8 and 9-10 alpha again (two segments of one session in a row).
 */
const LEGACY = [spec(1, 1, '0.50'), spec(1, 2, undefined)];
const SEGMENTS: { session: 1 | 2; specs: ExecSpec[] }[] = [
  { session: 1, specs: [spec(0, 3, '0.42'), spec(0, 4, undefined), spec(0, 5, '0.4200')] },
  { session: 2, specs: [spec(1, 6, '0.9'), spec(1, 7, '0.10')] },
  { session: 1, specs: [spec(0, 8, '1')] },
  { session: 1, specs: [spec(0, 9, undefined), spec(0, 10, '0.05')] },
];

/** What a schema-2 Fillwatch left on disk for the messages above (its writer, reduced to SQL). */
function writeSchema2Journal(path: string): void {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  runMigrations(db, MIGRATIONS.filter((m) => m.version <= 2));
  const insertSession = db.prepare('INSERT INTO sessions (id, sender_comp_id, target_comp_id, next_inbound, next_outbound) VALUES (?, ?, ?, ?, 1)');
  insertSession.run(1, ACCOUNTS[0], 'KalshiRT', 7);
  insertSession.run(2, ACCOUNTS[1], 'KalshiRT', 5);
  const insertExecution = db.prepare(
    `INSERT INTO executions (raw_id, exec_key, order_id, cl_ord_id, symbol, side, exec_type, ord_status, last_qty, last_px, cum_qty, leaves_qty, avg_px,
       transact_time, event_at, msg_seq_num, poss_dup) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '5', ?, NULL, ?, ?, 0)`,
  );
  const seqs = [0, 0];
  const store = (id: number, s: ExecSpec, seq: number): void => {
    insertExecution.run(id, s.execId, s.orderId, s.clOrdId, s.symbol, s.side, s.execType, s.ordStatus, s.lastQty ?? null, s.lastPx ?? null, s.cumQty, s.avgPx, s.time, seq);
  };
  let prev: Buffer = GENESIS_HASH;
  let id = 0;
  for (const s of LEGACY) {
    const seq = ++seqs[s.account]!;
    const raw = executionReport(seq, s).raw;
    prev = rowHash(prev, { id: ++id, sessionId: 2, connectionId: null, epoch: 0, msgSeqNum: seq, receivedAt: T0 + id, possDup: false, msgType: '8', raw });
    db.prepare('INSERT INTO raw_messages VALUES (?, 2, NULL, 0, ?, ?, 0, ?, ?, ?)').run(id, seq, '8', T0 + id, raw, prev);
    store(id, s, seq);
  }
  for (const segment of SEGMENTS) {
    const first = id + 1;
    const messages = segment.specs.map((s) => ({ spec: s, seq: ++seqs[s.account]! })).map(({ spec: s, seq }, i) => ({ raw: executionReport(seq, s).raw, msgSeqNum: seq, receivedAt: T0 + first + i, spec: s }));
    const built = buildSegment(prev, { id: first, sessionId: segment.session, connectionId: null, epoch: 0 }, messages);
    const h = built.header;
    db.prepare('INSERT INTO segments VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(h.id, h.sessionId, h.epoch, h.count, h.firstSeq, h.lastSeq, h.firstReceivedAt, h.lastReceivedAt, built.hash, built.index, built.frames);
    messages.forEach((m, i) => store(first + i, m.spec, m.msgSeqNum));
    prev = built.hash;
    id += messages.length;
  }
  db.prepare('UPDATE chain_head SET last_raw_id = ?, last_hash = ?').run(id, prev);
  db.close();
}

test('0003 upgrades a schema-2 journal in place: sessions from segments and schema-1 rows, keys, indexes; the chain still verifies', async () => {
  const dir = tempDir();
  try {
    const path = dir.file('old.db');
    writeSchema2Journal(path);
    assert.throws(() => verifyJournal(path), (e) => e instanceof JournalError && e.kind === 'read-only', 'a read-only open cannot upgrade it');
    openJournal(path, { session: { senderCompId: ACCOUNTS[0], targetCompId: 'KalshiRT' } }).close(); // upgrades
    const db = new Database(path, { readonly: true });
    assert.equal(db.pragma('user_version', { simple: true }), LATEST_SCHEMA_VERSION);
    const sessions = db.prepare('SELECT exec_key, session_id FROM executions ORDER BY raw_id').raw().all();
    const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'executions'").pluck().all() as string[];
    const keys = db.prepare('SELECT last_px, last_px_key FROM executions WHERE last_px IS NOT NULL ORDER BY raw_id').raw().all();
    db.close();
    assert.deepEqual(sessions, [
      ['4;1', 2], ['4;2', 2], ['4;3', 1], ['4;4', 1], ['4;5', 1], ['4;6', 2], ['4;7', 2], ['4;8', 1], ['4;9', 1], ['4;10', 1],
    ]);
    for (const index of HISTORY_INDEXES) assert.ok(indexes.includes(index), index);
    assert.deepEqual(keys, [['0.50', 500_000], ['0.42', 420_000], ['0.4200', 420_000], ['0.9', 900_000], ['0.10', 100_000], ['1', 1_000_000], ['0.05', 50_000]]);
    assert.deepEqual(verifyJournal(path), { ok: true, rows: 10 });

    const store = openHistoryStore(path);
    try {
      const page = await store.page({ filter: { accounts: [ACCOUNTS[1]] }, sort: { column: 'lastPx', direction: 'desc' }, limit: 10 });
      assert.deepEqual(page.rows.map((r) => [r.execId, r.account, r.lastPx]), [['4;6', ACCOUNTS[1], '0.9'], ['4;1', ACCOUNTS[1], '0.50'], ['4;7', ACCOUNTS[1], '0.10'], ['4;2', ACCOUNTS[1], null]]);
      assert.equal(store.explain({ filter: {}, sort: { column: 'market', direction: 'asc' }, limit: 10 }), 'walk(executions_by_market)', "0003's indexes are there");
      assert.deepEqual(Buffer.from((await store.rawMessage(1))!.bytes), executionReport(1, LEGACY[0]!).raw, 'a schema-1 row reads back');
    } finally {
      await store.close();
    }

    // New rows are written with their session.
    const journal = openJournal(path, { session: { senderCompId: ACCOUNTS[1], targetCompId: 'KalshiRT' }, commitDelayMs: 0 });
    journal.accept(executionReport(5, spec(1, 11, '0.33')), 6, T0 + 11);
    journal.close();
    const after = openHistoryStore(path);
    try {
      assert.deepEqual((await after.page({ filter: { accounts: [ACCOUNTS[1]] }, sort: { column: 'time', direction: 'desc' }, limit: 1 })).rows.map((r) => r.execId), ['4;11']);
    } finally {
      await after.close();
    }
  } finally {
    dir.remove();
  }
});
