// 0004-account-scope.ts — one journal file records several accounts (the recorder service), and an
// ExecID is only unique within one account: Kalshi's ExecID is the exchange's `clock;event` (kalshi-fix
// §4.1), so both sides of a trade between two watched accounts carry the same one. Until now the first
// side stored made the second a "duplicate". From here:
//  - accounts: one row per API key (SenderCompID); sessions.account_id names it (RT, NR and DC of one
//    key share it, so drop copy still dedupes against the listener);
//  - executions.account_id, and exec_key is unique per account, not per file;
//  - exec_id_heads (the last ExecID per exchange index, where a drop-copy backfill starts) per account.
// Files written before held one account, so every existing row belongs to it. The executions table is
// rebuilt (SQLite cannot drop a column's UNIQUE), keeping whatever columns and indexes earlier
// migrations gave it. The rebuild also stores each execution's price unit (21005 dollars or cents), so
// no reader has to guess it. Runs inside the runner's transaction.
import type Database from 'better-sqlite3';

export function migrate0004(db: Database.Database): void {
  db.exec(`
    CREATE TABLE accounts (
      id         INTEGER PRIMARY KEY,
      api_key_id TEXT    NOT NULL UNIQUE
    ) STRICT;
    INSERT INTO accounts (api_key_id) SELECT sender_comp_id FROM sessions GROUP BY sender_comp_id ORDER BY min(id);
    ALTER TABLE sessions ADD COLUMN account_id INTEGER REFERENCES accounts(id);
    UPDATE sessions SET account_id = (SELECT a.id FROM accounts a WHERE a.api_key_id = sessions.sender_comp_id);
  `);
  rebuildExecutions(db);
  db.exec(`
    CREATE TABLE exec_id_heads_v4 (
      account_id     INTEGER NOT NULL,
      exchange_index INTEGER NOT NULL,
      exec_clock     INTEGER NOT NULL,
      exec_event     INTEGER NOT NULL,
      exec_id        TEXT    NOT NULL,
      PRIMARY KEY (account_id, exchange_index)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO exec_id_heads_v4 SELECT a.id, h.exchange_index, h.exec_clock, h.exec_event, h.exec_id FROM exec_id_heads h CROSS JOIN accounts a;
    DROP TABLE exec_id_heads;
    ALTER TABLE exec_id_heads_v4 RENAME TO exec_id_heads;
  `);
}

/** executions again, with account_id and UNIQUE (account_id, exec_key); same columns, indexes and views otherwise. */
function rebuildExecutions(db: Database.Database): void {
  const table = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'executions'").get() as { sql: string };
  const dependents = db.prepare("SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND ((type = 'index' AND tbl_name = 'executions') OR type = 'view')").all() as { type: string; name: string; sql: string }[];
  // Stored columns only: generated (VIRTUAL) ones are recomputed by the new table itself.
  const stored = (db.prepare("SELECT name FROM pragma_table_xinfo('executions') WHERE hidden = 0").all() as { name: string }[]).map((c) => c.name);

  const unique = /(\bexec_key\s+TEXT\s+NOT NULL)\s+UNIQUE\b/;
  if (!unique.test(table.sql)) throw new Error('migration 0004: executions.exec_key is not declared UNIQUE as expected');
  const close = table.sql.lastIndexOf(')');
  const createV4 = `${table.sql.slice(0, close).replace(/^CREATE TABLE\s+"?executions"?/, 'CREATE TABLE executions_v4').replace(unique, '$1')},
      -- The API key (accounts.id) whose session stored it; exec_key is unique within an account only.
      account_id INTEGER NOT NULL,
      -- How the session asked for prices at Logon (21005): 0 dollars (21005=Y), 1 cents. Rows written
      -- before schema 4 were recorded with the default, dollars.
      price_unit INTEGER NOT NULL DEFAULT 0 CHECK (price_unit IN (0, 1)),
      UNIQUE (account_id, exec_key)
    ${table.sql.slice(close)}`;

  for (const d of dependents.filter((x) => x.type === 'view')) db.exec(`DROP VIEW ${d.name}`);
  db.exec(createV4);
  const columns = stored.join(', ');
  // The account of the session that stored the row when known (0003's session_id), else the file's
  // single account: files written before held one.
  const bySession = stored.includes('session_id') ? '(SELECT s.account_id FROM sessions s WHERE s.id = executions.session_id), ' : '';
  db.exec(`
    INSERT INTO executions_v4 (${columns}, account_id)
      SELECT ${columns}, coalesce(${bySession}(SELECT min(id) FROM accounts), 0) FROM executions;
    DROP TABLE executions;
    ALTER TABLE executions_v4 RENAME TO executions;
  `);
  for (const d of dependents) db.exec(d.sql);
}
