// 0007-surveillance-runs.ts — which rules document the live surveillance engine ran, from which point
// of the journal. One row each time the engine starts or gets new rules: its document (JSON, so an
// auditor can read the exact rules behind an alert's rules_version) and from_raw_id, the newest stored
// message when it began. At the next start, the inputs after the newest run's from_raw_id are replayed
// with that run's document: any alert they raise that is not in the journal was lost between a commit
// and its alerts' store (a crash), and is stored then (live-surveillance.ts). Append-only like the
// alert tables. Runs inside the runner's transaction.
import type Database from 'better-sqlite3';

export function migrate0007(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS surveillance_runs (
      id            INTEGER PRIMARY KEY,
      rules_version INTEGER NOT NULL,
      rules         TEXT    NOT NULL,
      from_raw_id   INTEGER NOT NULL,
      started_at    INTEGER NOT NULL
    ) STRICT;
    CREATE TRIGGER IF NOT EXISTS surveillance_runs_no_update BEFORE UPDATE ON surveillance_runs
    BEGIN SELECT RAISE(ABORT, 'surveillance_runs is append-only: its rows cannot be changed or deleted'); END;
    CREATE TRIGGER IF NOT EXISTS surveillance_runs_no_delete BEFORE DELETE ON surveillance_runs
    BEGIN SELECT RAISE(ABORT, 'surveillance_runs is append-only: its rows cannot be changed or deleted'); END;
  `);
}
