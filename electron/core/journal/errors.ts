// errors.ts — the closed set of reasons the journal cannot do its job, each with one user-facing
// sentence, and the mapping from SQLite's result codes to them. Owns no SQL; never retries or decides
// what the session does next (the session stops consuming and disconnects on any JournalError, so
// nothing is acknowledged that was not stored, and KalshiRT resends it on the next logon).
import { assertNever } from '../../../shared/assert-never.ts';

export type JournalErrorKind =
  | 'disk-full'
  | 'read-only'
  | 'corrupt'
  | 'locked'
  | 'io-error'
  | 'cannot-open'
  | 'newer-schema';

export function describeJournalErrorKind(kind: JournalErrorKind): string {
  switch (kind) {
    case 'disk-full':
      return 'The journal cannot grow because the disk (or its size limit) is full; recording stopped and resumes once space is freed.';
    case 'read-only':
      return 'The journal file or its folder is read-only, so new messages cannot be recorded.';
    case 'corrupt':
      return 'The journal file is damaged or is not a Fillwatch journal.';
    case 'locked':
      return 'Another program is writing to the journal file, so this one cannot record.';
    case 'io-error':
      return 'The operating system reported an input/output error while writing the journal.';
    case 'cannot-open':
      return 'The journal file cannot be opened (missing folder or no permission).';
    case 'newer-schema':
      return 'The journal was written by a newer version of Fillwatch; update Fillwatch to open it.';
    default:
      return assertNever(kind, 'journal error kind');
  }
}

export class JournalError extends Error {
  override readonly name = 'JournalError';
  readonly kind: JournalErrorKind;
  /** SQLite's extended result code (e.g. 'SQLITE_FULL'), when the error came from SQLite. */
  readonly sqliteCode: string | undefined;

  constructor(kind: JournalErrorKind, detail?: string, sqliteCode?: string, options?: ErrorOptions) {
    super(detail === undefined ? describeJournalErrorKind(kind) : `${describeJournalErrorKind(kind)} (${detail})`, options);
    this.kind = kind;
    this.sqliteCode = sqliteCode;
  }
}

/** The kind for an SQLite result code (primary or extended, e.g. 'SQLITE_IOERR_WRITE'), or undefined. */
export function journalErrorKindOf(sqliteCode: string): JournalErrorKind | undefined {
  // Extended codes are the primary code plus a suffix: SQLITE_READONLY_DBMOVED, SQLITE_BUSY_SNAPSHOT…
  const primary = /^SQLITE_[A-Z]+/.exec(sqliteCode)?.[0];
  switch (primary) {
    case 'SQLITE_FULL':
      return 'disk-full';
    case 'SQLITE_READONLY':
    case 'SQLITE_PERM':
      return 'read-only';
    case 'SQLITE_CORRUPT':
    case 'SQLITE_NOTADB':
      return 'corrupt';
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return 'locked';
    case 'SQLITE_IOERR':
      // SQLite's unix layer reports ENOSPC as SQLITE_FULL, so an I/O error here is a real device fault.
      return 'io-error';
    case 'SQLITE_CANTOPEN':
      return 'cannot-open';
    default:
      return undefined;
  }
}

function sqliteCodeOf(error: unknown): string | undefined {
  if (!(error instanceof Error) || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

/**
 * Wraps an SQLite failure in a JournalError (keeping the original as `cause`); anything else is a
 * programming error and is returned unchanged so it is not mistaken for a storage problem.
 */
export function toJournalError(error: unknown, action: string): unknown {
  if (error instanceof JournalError) return error;
  const code = sqliteCodeOf(error);
  if (code === undefined) return error;
  const kind = journalErrorKindOf(code);
  if (kind === undefined) return error;
  return new JournalError(kind, `${action}: ${code}`, code, { cause: error });
}

/** Runs `work`, turning SQLite failures into JournalErrors. */
export function journalCall<T>(action: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw toJournalError(error, action);
  }
}
