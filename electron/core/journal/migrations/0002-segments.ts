// 0002-segments.ts — the ingest-speed schema (issue 6). Raw messages are stored one row per committed
// batch ("segment", see segment.ts) instead of one row per message; executions keep one row per ExecID
// but only the columns export, P&L and the UI read (the rest is decoded from the frame on demand); the
// secondary indexes ingest paid for and no read needed are gone, and orders became a view over
// executions. A schema-1 journal keeps its raw_messages rows as they are (verify still checks their
// chain, and the first segment chains on from the last row); its executions, settlements and
// undecodable rows are copied into the new tables, and its orders table is dropped (the view derives
// the same states). Runs inside the runner's transaction.
import type Database from 'better-sqlite3';
import { FixMessage } from '../../fix/decode.ts';
import { DecodeError } from '../../fix/errors.ts';
import { readExecutionReport } from '../../fix/execution-report.ts';
import { balanceChangeOf } from '../pending-entry.ts';

export function migrate0002(db: Database.Database): void {
  db.exec(`
    -- One row per committed run of in-sequence inbound messages of one session, connection and epoch.
    -- id is the id of its first message; message i has id + i, continuing raw_messages' ids. The
    -- layout of idx and frames and what hash covers are in segment.ts. Blobs last, frames at the very
    -- end, so reading the header or the index never pulls the frames' overflow pages.
    CREATE TABLE segments (
      id                INTEGER PRIMARY KEY,
      session_id        INTEGER NOT NULL REFERENCES sessions(id),
      connection_id     INTEGER REFERENCES connections(id),
      epoch             INTEGER NOT NULL,
      count             INTEGER NOT NULL CHECK (count > 0),
      first_seq         INTEGER NOT NULL,
      last_seq          INTEGER NOT NULL,
      first_received_at INTEGER NOT NULL,
      last_received_at  INTEGER NOT NULL,
      hash              BLOB    NOT NULL,
      idx               BLOB    NOT NULL,
      frames            BLOB    NOT NULL
    ) STRICT;

    -- One row per execution, keyed by the id of the message that first carried it (arrival order, and
    -- an append-only b-tree). exec_key is the ExecID, widened for pending reports whose ExecID is always
    -- '-1;-1' to '-1;-1|OrderID|ExecType|TransactTime' (recorder/execution-record.ts dedupeKey);
    -- exec_id is computed from it on read (VIRTUAL: nothing to bind or store). balance_change: the BALANCE CollateralAmountChange(1704).
    -- event_at: TransactTime(60) in epoch ms, or the receive time when the report has none. Prices,
    -- quantities and amounts are decimal text exactly as received. No foreign keys: raw_id may name a
    -- message inside a segment, which is not a row.
    CREATE TABLE executions_v2 (
      raw_id         INTEGER PRIMARY KEY,
      exec_key       TEXT    NOT NULL UNIQUE,
      exec_id        TEXT    GENERATED ALWAYS AS (CASE WHEN exec_key LIKE '-1;-1|%' THEN '-1;-1' ELSE exec_key END) VIRTUAL,
      order_id       TEXT    NOT NULL,
      cl_ord_id      TEXT    NOT NULL,
      orig_cl_ord_id TEXT,
      symbol         TEXT    NOT NULL,
      side           TEXT    NOT NULL,
      exec_type      TEXT    NOT NULL,
      ord_status     TEXT    NOT NULL,
      last_qty       TEXT,
      last_px        TEXT,
      cum_qty        TEXT    NOT NULL,
      leaves_qty     TEXT    NOT NULL,
      avg_px         TEXT    NOT NULL,
      fee            TEXT,
      balance_change TEXT,
      transact_time  TEXT,
      event_at       INTEGER NOT NULL,
      text           TEXT,
      msg_seq_num    INTEGER NOT NULL,
      poss_dup       INTEGER NOT NULL CHECK (poss_dup IN (0, 1))
    ) STRICT;
    INSERT INTO executions_v2 (raw_id, exec_key, order_id, cl_ord_id, orig_cl_ord_id, symbol, side, exec_type, ord_status, last_qty,
                               last_px, cum_qty, leaves_qty, avg_px, fee, balance_change, transact_time, event_at, text, msg_seq_num, poss_dup)
      SELECT raw_id, exec_key, order_id, cl_ord_id, orig_cl_ord_id, symbol, side, exec_type, ord_status, last_qty, last_px,
             cum_qty, leaves_qty, avg_px, fee, NULL, transact_time, event_at, text, msg_seq_num, poss_dup
      FROM executions;

    -- As in 0001, minus the foreign key to raw_messages (raw_id may be a message of a segment).
    CREATE TABLE settlements_v2 (
      id                     INTEGER PRIMARY KEY,
      report_id              TEXT UNIQUE,
      symbol                 TEXT,
      clearing_business_date TEXT,
      market_result          TEXT,
      settlement_price       TEXT,
      total_reports          TEXT,
      last_fragment          TEXT,
      received_at            INTEGER NOT NULL,
      raw_id                 INTEGER NOT NULL
    ) STRICT;
    INSERT INTO settlements_v2 SELECT * FROM settlements;

    CREATE TABLE undecodable_v2 (
      raw_id     INTEGER PRIMARY KEY,
      msg_type   TEXT    NOT NULL,
      error_kind TEXT    NOT NULL,
      tag        INTEGER,
      message    TEXT    NOT NULL
    ) STRICT;
    INSERT INTO undecodable_v2 SELECT * FROM undecodable;

    -- Children first: with foreign_keys on, dropping a parent that still has rows pointing at it fails.
    DROP TABLE orders;
    DROP TABLE executions;
    DROP TABLE settlements;
    DROP TABLE undecodable;
    ALTER TABLE executions_v2 RENAME TO executions;
    ALTER TABLE settlements_v2 RENAME TO settlements;
    ALTER TABLE undecodable_v2 RENAME TO undecodable;

    -- The one secondary index on executions: export and P&L read in event order, and a 1M-row sort
    -- costs more than keeping this (mostly appended) index. Filters by market or side scan.
    CREATE INDEX executions_by_time ON executions (event_at);

    -- Each order's current state: its newest execution (by event_at, later arrival on a tie), with the
    -- id of its first one. A view, not a table kept at ingest: keyed by random UUIDs, a table (or an
    -- index on order_id) dirties one random page per order per commit, which measured as much as all
    -- other writes of an execution together. Reads of one order scan executions (see queries.ts).
    CREATE VIEW orders AS
      SELECT order_id, symbol, side, cl_ord_id, ord_status, exec_type AS last_exec_type, cum_qty, leaves_qty, avg_px,
             first_raw_id, raw_id AS last_raw_id, event_at AS last_event_at
      FROM (
        SELECT e.*, min(raw_id) OVER (PARTITION BY order_id) AS first_raw_id,
               row_number() OVER (PARTITION BY order_id ORDER BY event_at DESC, raw_id DESC) AS newest
        FROM executions e
      )
      WHERE newest = 1;
  `);
  backfillBalanceChange(db);
}

/**
 * balance_change did not exist in schema 1: read it from each execution's stored frame, a page at a
 * time (better-sqlite3 cannot update while an iteration is open on the same connection).
 */
function backfillBalanceChange(db: Database.Database): void {
  const page = db.prepare('SELECT e.raw_id AS id, r.raw AS raw FROM executions e JOIN raw_messages r ON r.id = e.raw_id WHERE e.raw_id > ? ORDER BY e.raw_id LIMIT 5000');
  const update = db.prepare('UPDATE executions SET balance_change = ? WHERE raw_id = ?');
  for (let after = 0; ;) {
    const rows = page.all(after) as { id: number; raw: Buffer }[];
    if (rows.length === 0) return;
    for (const row of rows) {
      const balance = readBalanceChange(row.raw);
      if (balance !== null) update.run(balance, row.id);
    }
    after = rows[rows.length - 1]!.id;
  }
}

function readBalanceChange(raw: Buffer): string | null {
  try {
    return balanceChangeOf(readExecutionReport(FixMessage.parse(raw)));
  } catch (error) {
    // It was decoded when it was stored, so this is not expected; an unknown balance beats a failed upgrade.
    if (error instanceof DecodeError) return null;
    throw error;
  }
}
