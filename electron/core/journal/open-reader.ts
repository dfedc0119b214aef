// open-reader.ts — a read-only view of a journal file for the CLI (export, pnl) and the app's history
// views, safe to use while a recorder writes the same file. Never writes.
import { openJournalDatabase } from './open-database.ts';
import { JournalReader, type ReaderOptions } from './queries.ts';

export function openJournalReader(path: string, options: ReaderOptions & { busyTimeoutMs?: number } = {}): JournalReader {
  const db = openJournalDatabase(path, { readOnly: true, ...(options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs }) });
  return new JournalReader(db, options);
}
