// migrations/index.ts — the ordered list of schema migrations and the runner. The schema version is
// SQLite's PRAGMA user_version; each migration runs in its own transaction together with the bump of
// user_version, so a crash mid-migration leaves the previous version intact. Never downgrades: a file
// from a newer Fillwatch is refused.
import type Database from 'better-sqlite3';
import { JournalError } from '../errors.ts';
import { FILLWATCH_APPLICATION_ID, migrate0001 } from './0001-init.ts';
import { migrate0002 } from './0002-segments.ts';
import { migrate0003 } from './0003-history.ts';
import { migrate0004 } from './0004-account-scope.ts';
import { migrate0005 } from './0005-alerts.ts';
import { migrate0006 } from './0006-surveillance-inputs.ts';
import { migrate0007 } from './0007-surveillance-runs.ts';
import { migrate0008 } from './0008-price-qty-sorts.ts';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: (db: Database.Database) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'init', up: migrate0001 },
  { version: 2, name: 'segments', up: migrate0002 },
  { version: 3, name: 'history', up: migrate0003 },
  { version: 4, name: 'account-scope', up: migrate0004 },
  { version: 5, name: 'alerts', up: migrate0005 },
  { version: 6, name: 'surveillance-inputs', up: migrate0006 },
  { version: 7, name: 'surveillance-runs', up: migrate0007 },
  { version: 8, name: 'price-qty-sorts', up: migrate0008 },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Refuses files that are SQLite but not a Fillwatch journal (another application's id, or tables
 * without any schema version), so we never add our tables to someone else's database.
 */
export function checkIsJournal(db: Database.Database): void {
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  if (applicationId !== 0 && applicationId !== FILLWATCH_APPLICATION_ID) {
    throw new JournalError('corrupt', `application_id is ${applicationId}, not Fillwatch's`);
  }
  if (applicationId === 0 && schemaVersion(db) === 0) {
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number };
    if (tables.n > 0) throw new JournalError('corrupt', 'the file is an SQLite database of another application');
  }
}

/** Applies every migration above the file's version, in order. Returns the versions before and after. */
export function runMigrations(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): { from: number; to: number } {
  const from = schemaVersion(db);
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  if (from > latest) throw new JournalError('newer-schema', `file version ${from}, this build knows ${latest}`);
  for (const migration of migrations) {
    if (migration.version <= schemaVersion(db)) continue;
    // IMMEDIATE: take the write lock first, so two processes opening a new file cannot both migrate.
    db.transaction(() => {
      if (migration.version <= schemaVersion(db)) return;
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
  return { from, to: schemaVersion(db) };
}
