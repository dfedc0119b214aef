// 0003-history.ts — what History's queries need at a million executions (issue 10 §3): the session
// (account) of each execution, exact integer keys for LastQty and LastPx, and the indexes the
// measurements asked for (bench/items/history.ts; figures and their ingest cost in bench/README.md).
//  - executions_by_market (symbol, event_at): a market or event filter, newest first; sort by market.
//  - executions_by_kind (exec_type, ord_status, side, event_at): ExecType / OrdStatus / Side filters,
//    rare ones (a trade bust among a million fills) included; sort by any of the three.
//  - executions_by_account (session_id, event_at): one account among several in one file.
// Every index ends in event_at (and SQLite appends the row id), so each value's rows are already in
// time order: a page reads its rows off the index, merging a few such runs (history-plan.ts), instead
// of sorting. Each leads with a column of few values, so a burst of inserts lands on a few leaf pages
// per commit; one led by a column of many values dirties another 16 KiB page for most rows of a burst:
// LastPx and LastQty indexes measured +0.75 and +0.9 KB written per ER in a 300k catch-up, together
// twice what the three above cost; OrderID/ClOrdID are random (see 0002); a trigram FTS5 table on the
// ids costs 40 µs per row. None is built (bench/README.md says what their queries cost instead).
// Runs inside the runner's transaction.
import type Database from 'better-sqlite3';
import { decimalKeySql } from '../history-decimal-key.ts';

/** The indexes this migration adds (the bench drops them to measure what they cost at ingest). */
export const HISTORY_INDEXES = ['executions_by_market', 'executions_by_kind', 'executions_by_account'] as const;

export function migrate0003(db: Database.Database): void {
  db.exec(`
    -- The session (sessions.id) whose connection stored the execution; 0 = not known. Written at
    -- ingest from now on; filled in below for the rows already there.
    ALTER TABLE executions ADD COLUMN session_id INTEGER NOT NULL DEFAULT 0;
    -- LastQty / LastPx as exact micro-units (history-decimal-key.ts) for range filters and sorts,
    -- computed on read: VIRTUAL columns take no room in the row.
    ALTER TABLE executions ADD COLUMN last_qty_key INTEGER GENERATED ALWAYS AS ${decimalKeySql('last_qty')} VIRTUAL;
    ALTER TABLE executions ADD COLUMN last_px_key INTEGER GENERATED ALWAYS AS ${decimalKeySql('last_px')} VIRTUAL;
  `);
  backfillSessions(db);
  db.exec(`
    CREATE INDEX executions_by_market   ON executions (symbol, event_at);
    CREATE INDEX executions_by_kind     ON executions (exec_type, ord_status, side, event_at);
    CREATE INDEX executions_by_account  ON executions (session_id, event_at);
  `);
}

/**
 * An execution's raw_id is the id of the message that carried it, and each segment (or schema-1
 * raw_messages row) names its session: one UPDATE per run of consecutive segments of one session
 * (a single one when the file holds one account).
 */
function backfillSessions(db: Database.Database): void {
  // better-sqlite3 cannot write while an iteration is open on the connection: collect the runs first.
  const runs: { session: number; first: number; end: number }[] = [];
  for (const value of db.prepare('SELECT id, count, session_id FROM segments ORDER BY id').iterate()) {
    const segment = value as { id: number; count: number; session_id: number };
    const last = runs[runs.length - 1];
    if (last !== undefined && last.session === segment.session_id && last.end === segment.id) last.end = segment.id + segment.count;
    else runs.push({ session: segment.session_id, first: segment.id, end: segment.id + segment.count });
  }
  const update = db.prepare('UPDATE executions SET session_id = ? WHERE raw_id >= ? AND raw_id < ?');
  for (const run of runs) update.run(run.session, run.first, run.end);
  db.exec(`UPDATE executions SET session_id = (SELECT r.session_id FROM raw_messages r WHERE r.id = executions.raw_id)
           WHERE raw_id IN (SELECT id FROM raw_messages)`);
}
