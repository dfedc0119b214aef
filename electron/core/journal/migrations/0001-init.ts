// 0001-init.ts — the journal's first schema: raw inbound messages (hash-chained), executions (one row
// per ExecID), orders (current state; the lifecycle is the order's executions), session sequence state,
// settlements, connections metadata (never secrets), and messages that could not be decoded.
// STRICT tables so a wrong type is an error, not a silent coercion. Runs inside the runner's transaction.
import type Database from 'better-sqlite3';

/** PRAGMA application_id of a Fillwatch journal ('FWJ1'), so we never write into someone else's SQLite file. */
export const FILLWATCH_APPLICATION_ID = 0x46574a31;

export function migrate0001(db: Database.Database): void {
  db.pragma(`application_id = ${FILLWATCH_APPLICATION_ID}`);
  db.exec(`
    -- One row per FIX session as seen from our side (SenderCompID = our API key id).
    -- next_inbound/next_outbound stay NULL until the session first has sequence numbers.
    -- epoch grows when the inbound numbering restarts lower (a reset), so (epoch, msg_seq_num) is unique
    -- per session for in-sequence messages.
    CREATE TABLE sessions (
      id             INTEGER PRIMARY KEY,
      sender_comp_id TEXT    NOT NULL,
      target_comp_id TEXT    NOT NULL,
      next_inbound   INTEGER,
      next_outbound  INTEGER,
      epoch          INTEGER NOT NULL DEFAULT 0,
      last_logon_at  INTEGER,
      updated_at     INTEGER,
      UNIQUE (sender_comp_id, target_comp_id)
    ) STRICT;

    -- Metadata only: where we connected and how it ended. Keys, passphrases and signatures never go here.
    CREATE TABLE connections (
      id            INTEGER PRIMARY KEY,
      session_id    INTEGER NOT NULL REFERENCES sessions(id),
      host          TEXT    NOT NULL,
      port          INTEGER NOT NULL,
      api_key_id    TEXT,
      started_at    INTEGER NOT NULL,
      logged_on_at  INTEGER,
      ended_at      INTEGER,
      end_reason    TEXT
    ) STRICT;

    -- Every in-sequence inbound message, byte for byte. ids are assigned by the writer (last + 1) and
    -- are covered by the hash chain: hash = sha256(previous row's hash ‖ this row's fields ‖ raw).
    CREATE TABLE raw_messages (
      id            INTEGER PRIMARY KEY,
      session_id    INTEGER NOT NULL REFERENCES sessions(id),
      connection_id INTEGER REFERENCES connections(id),
      epoch         INTEGER NOT NULL,
      msg_seq_num   INTEGER NOT NULL,
      msg_type      TEXT    NOT NULL,
      poss_dup      INTEGER NOT NULL CHECK (poss_dup IN (0, 1)),
      received_at   INTEGER NOT NULL,
      raw           BLOB    NOT NULL,
      hash          BLOB    NOT NULL
    ) STRICT;

    -- The newest link of the chain, written in the same transaction as the rows, so removing rows from
    -- the end of raw_messages is detected too.
    CREATE TABLE chain_head (
      id          INTEGER PRIMARY KEY CHECK (id = 1),
      last_raw_id INTEGER NOT NULL,
      last_hash   BLOB    NOT NULL
    ) STRICT;
    INSERT INTO chain_head (id, last_raw_id, last_hash) VALUES (1, 0, zeroblob(32));

    -- One row per execution. exec_key is the ExecID, widened for pending reports whose ExecID is
    -- always '-1;-1' (recorder/execution-record.ts dedupeKey). Prices and quantities are decimal text.
    -- event_at: TransactTime(60) in epoch ms, or the receive time when the report has none.
    CREATE TABLE executions (
      id                     INTEGER PRIMARY KEY,
      exec_key               TEXT    NOT NULL UNIQUE,
      exec_id                TEXT    NOT NULL,
      order_id               TEXT    NOT NULL,
      cl_ord_id              TEXT    NOT NULL,
      orig_cl_ord_id         TEXT,
      symbol                 TEXT    NOT NULL,
      side                   TEXT    NOT NULL,
      exec_type              TEXT    NOT NULL,
      ord_status             TEXT    NOT NULL,
      order_qty              TEXT,
      price                  TEXT,
      last_qty               TEXT,
      last_px                TEXT,
      cum_qty                TEXT    NOT NULL,
      leaves_qty             TEXT    NOT NULL,
      avg_px                 TEXT    NOT NULL,
      fee                    TEXT,
      trd_match_id           TEXT,
      aggressor              INTEGER CHECK (aggressor IN (0, 1)),
      long_qty               TEXT,
      short_qty              TEXT,
      clearing_business_date TEXT,
      transact_time          TEXT,
      event_at               INTEGER NOT NULL,
      text                   TEXT,
      msg_seq_num            INTEGER NOT NULL,
      poss_dup               INTEGER NOT NULL CHECK (poss_dup IN (0, 1)),
      received_at            INTEGER NOT NULL,
      raw_id                 INTEGER NOT NULL REFERENCES raw_messages(id)
    ) STRICT;
    CREATE INDEX executions_by_time   ON executions (event_at, id);
    CREATE INDEX executions_by_order  ON executions (order_id);
    CREATE INDEX executions_by_market ON executions (symbol, event_at);

    -- The highest ExecID seen per exchange index, compared as integers (clock, event) as the drop-copy
    -- backfill needs (kalshi-fix.md §5). Pending ExecIDs ('-1;-1') never enter.
    CREATE TABLE exec_id_heads (
      exchange_index INTEGER PRIMARY KEY,
      exec_clock     INTEGER NOT NULL,
      exec_event     INTEGER NOT NULL,
      exec_id        TEXT    NOT NULL
    ) STRICT;

    -- Current state of each order, from its newest execution (by event_at, later arrival wins a tie).
    -- The lifecycle is the order's rows in executions, in id order.
    CREATE TABLE orders (
      order_id            TEXT    PRIMARY KEY,
      symbol              TEXT    NOT NULL,
      side                TEXT    NOT NULL,
      cl_ord_id           TEXT    NOT NULL,
      ord_status          TEXT    NOT NULL,
      last_exec_type      TEXT    NOT NULL,
      order_qty           TEXT,
      price               TEXT,
      cum_qty             TEXT    NOT NULL,
      leaves_qty          TEXT    NOT NULL,
      avg_px              TEXT    NOT NULL,
      first_execution_id  INTEGER NOT NULL REFERENCES executions(id),
      last_execution_id   INTEGER NOT NULL REFERENCES executions(id),
      last_event_at       INTEGER NOT NULL
    ) STRICT, WITHOUT ROWID;

    -- MarketSettlementReport (35=UMS) key fields, as text exactly as received; the raw row has the rest.
    CREATE TABLE settlements (
      id                     INTEGER PRIMARY KEY,
      report_id              TEXT UNIQUE,
      symbol                 TEXT,
      clearing_business_date TEXT,
      market_result          TEXT,
      settlement_price       TEXT,
      total_reports          TEXT,
      last_fragment          TEXT,
      received_at            INTEGER NOT NULL,
      raw_id                 INTEGER NOT NULL REFERENCES raw_messages(id)
    ) STRICT;

    -- Application messages whose typed reading failed; their bytes are in raw_messages, nothing is lost.
    CREATE TABLE undecodable (
      raw_id     INTEGER PRIMARY KEY REFERENCES raw_messages(id),
      msg_type   TEXT    NOT NULL,
      error_kind TEXT    NOT NULL,
      tag        INTEGER,
      message    TEXT    NOT NULL
    ) STRICT;
  `);
}
