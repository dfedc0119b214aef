// migration-0008.test.ts — migration 0008 indexes History's Price and Qty sorts on a journal that already
// holds rows (a schema-7 file: the journal as written, its two indexes dropped and its version set back,
// which is exactly what a schema-7 Fillwatch left on disk), against a real SQLite file: the indexes exist
// afterwards, the Price sort compares an account recording in cents with one recording in dollars by
// value (42¢ between $0.41 and $0.43), rows without a LastPx come last highest-first, pages walk the
// index in order with no sort step and the page after a cursor seeks the index (EXPLAIN QUERY PLAN),
// and every page of both sorts equals the model's order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { openHistoryStore } from '../../../electron/core/journal/history-queries.ts';
import { LAST_PX_SORT_SQL, PRICE_QTY_INDEXES } from '../../../electron/core/journal/migrations/0008-price-qty-sorts.ts';
import { LATEST_SCHEMA_VERSION, runMigrations } from '../../../electron/core/journal/migrations/index.ts';
import type { HistoryRow } from '../../../shared/history/history-page.ts';
import type { HistorySort } from '../../../shared/history/history-sort.ts';
import { ACCOUNTS, executionReport, T0, type ExecSpec } from './history-fixtures.ts';
import { openJournal, tempDir } from './journal-fixtures.ts';

const spec = (account: 0 | 1, n: number, lastPx: string | undefined, lastQty: string | undefined): ExecSpec => ({
  account, execId: `8;${n}`, orderId: `ord-${n}`, clOrdId: `cl-${n}`, symbol: 'EVA-X-1', side: '1', execType: lastPx === undefined ? '0' : 'F',
  ordStatus: lastPx === undefined ? '0' : '1', time: T0 + (n % 4) * 1000, lastQty, lastPx, cumQty: '0', avgPx: '0', fee: undefined, text: undefined,
});

// alpha records in dollars, beta in cents (21005): the same prices written two ways.
const ALPHA = [spec(0, 1, '0.41', '3'), spec(0, 2, '0.4300', '10'), spec(0, 3, undefined, undefined), spec(0, 4, '0.05', '2.5'), spec(0, 5, '0.9900', '100')];
const BETA = [spec(1, 6, '42', '9.99'), spec(1, 7, '4.5', '1'), spec(1, 8, undefined, undefined), spec(1, 9, '99', '10'), spec(1, 10, '100', '7')];

function writeJournal(path: string): void {
  for (const [account, specs, priceUnit] of [[0, ALPHA, 'dollars'], [1, BETA, 'cents']] as const) {
    const journal = openJournal(path, { session: { senderCompId: ACCOUNTS[account], targetCompId: 'KalshiRT' }, priceUnit, commitDelayMs: 0 });
    journal.resetSequences({ nextInbound: 1, nextOutbound: 1 });
    specs.forEach((s, i) => journal.accept(executionReport(i + 1, s), i + 2, T0 + 60_000 + s.time + i));
    journal.close();
  }
}

/** Back to what schema 7 left: no 0008 indexes, version 7. */
function downgradeToSchema7(path: string): void {
  const db = new Database(path);
  for (const index of PRICE_QTY_INDEXES) db.exec(`DROP INDEX ${index}`);
  db.pragma('user_version = 7');
  db.close();
}

const execIds = (rows: readonly HistoryRow[]): string[] => rows.map((r) => r.execId);

test('0008 indexes an existing journal; Price sorts cents and dollars by value, Qty by quantity; pages walk the indexes and seek them after a cursor', async () => {
  const dir = tempDir();
  try {
    const path = dir.file('j.db');
    writeJournal(path);
    downgradeToSchema7(path);

    const db = new Database(path);
    assert.deepEqual(runMigrations(db), { from: 7, to: LATEST_SCHEMA_VERSION });
    const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'executions'").pluck().all() as string[];
    for (const index of PRICE_QTY_INDEXES) assert.ok(indexes.includes(index), index);
    // 10^-8 dollars: $0.41 → 41,000,000; 42¢ → 42,000,000; an ack keeps the absent key.
    const keys = db.prepare(`SELECT exec_key, ${LAST_PX_SORT_SQL} FROM executions ORDER BY raw_id`).raw().all() as [string, number][];
    assert.deepEqual(keys.slice(0, 2), [['8;1', 41_000_000], ['8;2', 43_000_000]]);
    assert.deepEqual(keys.find((k) => k[0] === '8;6'), ['8;6', 42_000_000]);
    assert.deepEqual(keys.find((k) => k[0] === '8;7'), ['8;7', 4_500_000]);
    const plan = (sql: string, ...params: unknown[]): string => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
    const pxPlan = plan(`SELECT raw_id FROM executions ORDER BY ${LAST_PX_SORT_SQL} DESC, event_at DESC, raw_id DESC LIMIT 5`);
    assert.match(pxPlan, /executions_by_last_px/);
    assert.doesNotMatch(pxPlan, /TEMP B-TREE/, 'no sort step');
    db.close();

    const store = openHistoryStore(path);
    try {
      const all = async (sort: HistorySort, limit: number): Promise<HistoryRow[]> => {
        const rows: HistoryRow[] = [];
        for (let page = await store.page({ filter: {}, sort, limit }); ; page = await store.page({ filter: {}, sort, limit, after: page.next! })) {
          rows.push(...page.rows);
          if (page.next === null) return rows;
        }
      };
      const byPx: HistorySort = { column: 'lastPx', direction: 'desc' };
      assert.equal(store.explain({ filter: {}, sort: byPx, limit: 3 }), 'walk(executions_by_last_px)');
      assert.equal(store.explain({ filter: {}, sort: { column: 'lastQty', direction: 'asc' }, limit: 3 }), 'walk(executions_by_last_qty)');
      // $1.00 (100¢) > $0.99 = 99¢ (same time: the later row first) > $0.43 > 42¢ > $0.41 > $0.05 > 4.5¢; acks last, newest first.
      const pxOrder = ['8;10', '8;9', '8;5', '8;2', '8;6', '8;1', '8;4', '8;7', '8;3', '8;8'];
      for (const limit of [1, 3, 100]) assert.deepEqual(execIds(await all(byPx, limit)), pxOrder, `pages of ${limit}`);
      assert.deepEqual(execIds(await all({ column: 'lastPx', direction: 'asc' }, 2)), [...pxOrder].reverse());
      // Quantities: 100 > 10 (alpha, earlier) = 10 (beta) > 9.99 > 7 > 3 > 2.5 > 1; acks last.
      assert.deepEqual(execIds(await all({ column: 'lastQty', direction: 'desc' }, 2)), ['8;5', '8;2', '8;9', '8;6', '8;10', '8;1', '8;4', '8;7', '8;3', '8;8']);
      // A row placed by the journal's own key (History's 'around': a notification's fill with its neighbours).
      const rowOf = (execId: string): number => rowsById.get(execId)!;
      const rowsById = new Map((await all(byPx, 100)).map((r) => [r.execId, r.rowId]));
      assert.deepEqual(execIds((await store.page({ filter: {}, sort: byPx, limit: 2, afterRow: rowOf('8;6') })).rows), ['8;1', '8;4']);
      assert.deepEqual(execIds((await store.page({ filter: {}, sort: byPx, limit: 2, beforeRow: rowOf('8;6') })).rows), ['8;5', '8;2']);
      // A filter still applies on the walk.
      const sells = await store.page({ filter: { accounts: [ACCOUNTS[1]] }, sort: byPx, limit: 10 });
      assert.deepEqual(execIds(sells.rows), ['8;10', '8;9', '8;6', '8;7', '8;8']);
    } finally {
      await store.close();
    }
  } finally {
    dir.remove();
  }
});

test('0008: the page after a cursor seeks executions_by_last_px instead of walking it from its start', () => {
  const dir = tempDir();
  try {
    const path = dir.file('j.db');
    writeJournal(path);
    const db = new Database(path, { readonly: true });
    try {
      const detail = (db.prepare(`EXPLAIN QUERY PLAN SELECT raw_id FROM executions INDEXED BY executions_by_last_px
        WHERE ${LAST_PX_SORT_SQL} <= ? AND (${LAST_PX_SORT_SQL}, event_at, raw_id) < (?, ?, ?)
        ORDER BY ${LAST_PX_SORT_SQL} DESC, event_at DESC, raw_id DESC LIMIT 5`).all(1, 1, 1, 1) as { detail: string }[]).map((r) => r.detail).join(' | ');
      assert.match(detail, /^SEARCH executions USING (COVERING )?INDEX executions_by_last_px \(<expr><\?\)/);
    } finally {
      db.close();
    }
  } finally {
    dir.remove();
  }
});
