// 0005-alerts.ts — surveillance alerts and their review trail (issue 13), and the audit chain that
// makes them tamper-evident. Every row of alerts, alert_evidence, alert_reviews and alert_exports is
// written once, together with one audit_log row whose hash chains it to the previous audit row and
// anchors it to the message chain's head at that moment (audit-chain.ts); `fillwatch verify` recomputes
// both chains. Triggers refuse UPDATE and DELETE of every one of these rows (audit_head is the only
// row that changes: the newest link), so the history is append-only even for a careless tool; a
// deliberate edit (a dropped trigger, a rewritten file) is what the chain is for. Runs inside the
// runner's transaction.
import type Database from 'better-sqlite3';

/** The tables no one may UPDATE or DELETE (each has its two triggers). */
export const APPEND_ONLY_TABLES = ['audit_log', 'alerts', 'alert_evidence', 'alert_reviews', 'alert_exports'] as const;

export function migrate0005(db: Database.Database): void {
  db.exec(`
    -- One row per thing recorded besides messages, in order: an alert raised ('alert'), evidence the
    -- rules added to it later ('evidence'), a review ('review'), an export ('export'). content_hash is
    -- sha256 over the recorded row (audit-chain.ts contentHash); msg_head_* is chain_head when written.
    CREATE TABLE audit_log (
      id            INTEGER PRIMARY KEY,
      kind          TEXT    NOT NULL CHECK (kind IN ('alert', 'evidence', 'review', 'export')),
      subject       TEXT    NOT NULL,
      recorded_at   INTEGER NOT NULL,
      msg_head_id   INTEGER NOT NULL,
      msg_head_hash BLOB    NOT NULL,
      content_hash  BLOB    NOT NULL,
      hash          BLOB    NOT NULL
    ) STRICT;

    -- The newest audit link, updated in the transaction of each audit row: removing the newest rows shows.
    CREATE TABLE audit_head (
      id        INTEGER PRIMARY KEY CHECK (id = 1),
      last_id   INTEGER NOT NULL,
      last_hash BLOB    NOT NULL
    ) STRICT;
    INSERT INTO audit_head (id, last_id, last_hash) VALUES (1, 0, zeroblob(32));

    -- An alert as first raised (shared/surveillance/alert.ts); account_ids and evidence are JSON. Its
    -- state is not here: it is its newest review's to_state ('open' before any), so nothing updates it.
    CREATE TABLE alerts (
      id            TEXT    PRIMARY KEY,
      rule_id       TEXT    NOT NULL,
      rules_version INTEGER NOT NULL,
      severity      TEXT    NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
      account_ids   TEXT    NOT NULL,
      market        TEXT,
      raised_at     INTEGER NOT NULL,
      episode_key   TEXT    NOT NULL,
      title         TEXT    NOT NULL,
      text          TEXT    NOT NULL,
      evidence      TEXT    NOT NULL,
      suppressed_by TEXT,
      recorded_at   INTEGER NOT NULL,
      audit_id      INTEGER NOT NULL UNIQUE
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX alerts_by_time ON alerts (raised_at);

    -- Executions or orders a later raise of the same alert cited that it did not have yet (only those).
    CREATE TABLE alert_evidence (
      id          INTEGER PRIMARY KEY,
      alert_id    TEXT    NOT NULL REFERENCES alerts(id),
      raised_at   INTEGER NOT NULL,
      evidence    TEXT    NOT NULL,
      recorded_at INTEGER NOT NULL,
      audit_id    INTEGER NOT NULL UNIQUE
    ) STRICT;
    CREATE INDEX alert_evidence_by_alert ON alert_evidence (alert_id, id);

    CREATE TABLE alert_reviews (
      id         INTEGER PRIMARY KEY,
      alert_id   TEXT    NOT NULL REFERENCES alerts(id),
      from_state TEXT    NOT NULL CHECK (from_state IN ('open', 'acknowledged', 'escalated', 'closed')),
      to_state   TEXT    NOT NULL CHECK (to_state IN ('open', 'acknowledged', 'escalated', 'closed')),
      reviewer   TEXT    NOT NULL CHECK (trim(reviewer) <> ''),
      comment    TEXT    NOT NULL CHECK (trim(comment) <> ''),
      at         INTEGER NOT NULL,
      audit_id   INTEGER NOT NULL UNIQUE
    ) STRICT;
    CREATE INDEX alert_reviews_by_alert ON alert_reviews (alert_id, id);

    -- Each export of alerts (a list, or one alert's evidence pack); record is AlertExportRecord as JSON.
    CREATE TABLE alert_exports (
      id          INTEGER PRIMARY KEY,
      alert_id    TEXT,
      record      TEXT    NOT NULL,
      recorded_at INTEGER NOT NULL,
      audit_id    INTEGER NOT NULL UNIQUE
    ) STRICT;
    CREATE INDEX alert_exports_by_alert ON alert_exports (alert_id, id);

    CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
    BEGIN SELECT RAISE(ABORT, 'audit_head is the audit chain''s newest link and cannot be deleted'); END;
  `);
  for (const table of APPEND_ONLY_TABLES) {
    for (const action of ['UPDATE', 'DELETE']) {
      db.exec(`CREATE TRIGGER ${table}_no_${action.toLowerCase()} BEFORE ${action} ON ${table}
               BEGIN SELECT RAISE(ABORT, '${table} is append-only: its rows cannot be changed or deleted'); END;`);
    }
  }
}
