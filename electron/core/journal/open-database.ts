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

/** Pages in the WAL after which a commit copies them into the database file (see openJournalDatabase). */
export const WAL_AUTOCHECKPOINT_PAGES = 256;
/** The same while a catch-up commits batches of BURST_BATCH_MESSAGES or more (batch-writer.ts). */
export const BURST_AUTOCHECKPOINT_PAGES = 2_000;

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
    // Durability and speed settings of the writer (measured with test/core/journal/bench-ingest.ts):
    //  - page_size 16 KiB (new files only; an existing file keeps its own): a segment's frames are one
    //    large BLOB, and 4x fewer overflow pages means 4x fewer WAL frames and write calls for them.
    //    Set before WAL mode, which fixes the page size once the file exists.
    //  - WAL: readers never block the writer and a commit is one append to the -wal file.
    //  - synchronous NORMAL (default): no fsync per commit. A commit survives a crash or kill -9 of the
    //    process; a power loss or OS crash can roll back the last commits, the sequence numbers with
    //    their messages, so a resume stays consistent and KalshiRT resends what was lost. 'FULL'
    //    fsyncs the WAL on every commit and survives those too, at the cost of one fsync per commit.
    //  - wal_autocheckpoint 256 pages (4 MiB), 2,000 (32 MiB) for a catch-up's big batches (BatchWriter
    //    switches): a checkpoint (copy + fsync) runs inside the commit that crosses it, so in a steady
    //    flow its length is the tail latency: at 1,000 ER/s, 2,000 pages (once a second) held commits up
    //    60-75 ms at p99, 256 pages ~40 ms, 16,000 pages 400+ ms (bench item 9). In a catch-up every
    //    2,000-row commit would cross 256 pages: 1M ERs took 48.7 s instead of ~32 (item 6).
    //  - journal_size_limit 64 MiB: after a checkpoint, a WAL the burst grew is shrunk again.
    //  - cache_size 64 MiB: the b-tree pages a batch touches stay in memory until its commit.
    db.pragma('page_size = 16384');
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    // ':memory:' (tests of other layers) cannot use WAL and has nothing to be durable about.
    if (mode !== 'wal' && !(path === ':memory:' && mode === 'memory')) throw new JournalError('read-only', `the file stays in journal_mode ${String(mode)}`);
    db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
    db.pragma('foreign_keys = ON');
    db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
    db.pragma('journal_size_limit = 67108864');
    db.pragma('cache_size = -65536');
    checkIsJournal(db);
    const { from } = runMigrations(db);
    // A new file went through every migration at once; the tables later ones replaced left free pages.
    if (from === 0 && path !== ':memory:') db.exec('VACUUM');
    return db;
  } catch (error) {
    db?.close();
    throw toJournalError(error, `opening ${path}`);
  }
}
