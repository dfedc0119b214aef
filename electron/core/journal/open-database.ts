// open-database.ts — opens a journal file with the pragmas the durability model relies on and brings its
// schema up to date. Owns the connection settings; never reads or writes journal rows.
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { JournalError, toJournalError } from './errors.ts';
import { checkIsJournal, LATEST_SCHEMA_VERSION, runMigrations, schemaVersion } from './migrations/index.ts';

export interface OpenDatabaseOptions {
  /** Open for reading only (export, verify, a second process): no migration, no write. */
  readonly readOnly?: boolean;
  /** How long a write waits for another connection's lock before failing with 'locked'. Default 5000. */
  readonly busyTimeoutMs?: number;
  /**
   * 'NORMAL' (default): a commit survives a crash or kill -9 of the process, but the last commits may
   * roll back on power loss or an OS crash. 'FULL' syncs the WAL on every commit (slower) and survives
   * those too. Either way the expected sequence number rolls back together with its messages, so a
   * resume stays consistent and KalshiRT resends what was lost.
   */
  readonly synchronous?: 'NORMAL' | 'FULL';
}

export function openJournalDatabase(path: string, options: OpenDatabaseOptions = {}): Database.Database {
  const readOnly = options.readOnly ?? false;
  if (path !== ':memory:' && !existsSync(dirname(path))) {
    throw new JournalError('cannot-open', `the folder ${dirname(path)} does not exist`);
  }
  if (readOnly && !existsSync(path)) throw new JournalError('cannot-open', `${path} does not exist`);
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: readOnly, fileMustExist: readOnly, timeout: options.busyTimeoutMs ?? 5000 });
    if (readOnly) {
      checkIsJournal(db);
      const version = schemaVersion(db);
      if (version > LATEST_SCHEMA_VERSION) throw new JournalError('newer-schema', `file version ${version}, this build knows ${LATEST_SCHEMA_VERSION}`);
      if (version < LATEST_SCHEMA_VERSION) throw new JournalError('read-only', `schema version ${version} needs an upgrade, which a read-only open cannot do`);
      return db;
    }
    // WAL: readers never block the writer and a commit is one append to the -wal file.
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    // ':memory:' (tests of other layers) cannot use WAL and has nothing to be durable about.
    if (mode !== 'wal' && !(path === ':memory:' && mode === 'memory')) throw new JournalError('read-only', `the file stays in journal_mode ${String(mode)}`);
    db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
    db.pragma('foreign_keys = ON');
    // Index pages of a large batch stay in memory until commit instead of spilling to the WAL.
    db.pragma('cache_size = -32768');
    // After a checkpoint, shrink a WAL that a big catch-up burst grew, instead of keeping it on disk.
    db.pragma('journal_size_limit = 67108864');
    checkIsJournal(db);
    runMigrations(db);
    return db;
  } catch (error) {
    db?.close();
    throw toJournalError(error, `opening ${path}`);
  }
}
