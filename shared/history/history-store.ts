// history-store.ts — the one interface the History view reads through: keyset pages in any sort
// order, counts, single rows, an order's lifecycle, raw messages, and a snapshot-then-live resync.
// Asynchronous, so the renderer (over IPC), the local journal and a future PostgreSQL store all
// implement it alike. Never writes.
import type { HistoryFilter } from './history-filter.ts';
import type {
  HistoryChanges, HistoryCount, HistoryPage, HistoryPageRequest, HistoryRow, HistorySnapshot, JournalPosition, RawFixMessage,
} from './history-page.ts';

export interface HistoryCountOptions {
  /** Count every row however long it takes, instead of stopping at the time budget. */
  readonly exact?: boolean;
  /** Count only rows committed up to this position. */
  readonly asOf?: JournalPosition;
}

export interface ChangesOptions {
  /** Only rows this filter matches (the live view's own filter). */
  readonly filter?: HistoryFilter;
  /** At most this many rows per call (default 1000); `more` says when there are others. */
  readonly limit?: number;
}

export interface HistoryStore {
  /** One page in the requested order. Rejects with HistoryQueryError for a bad filter or cursor. */
  page(request: HistoryPageRequest): Promise<HistoryPage>;
  /**
   * A page plus the position it was read at (request.asOf is ignored). Ask the following pages with
   * `asOf: position` and the live rows with changesSince(position): each row then arrives exactly once.
   */
  snapshot(request: HistoryPageRequest): Promise<HistorySnapshot>;
  count(filter: HistoryFilter, options?: HistoryCountOptions): Promise<HistoryCount>;
  /**
   * The position that holds every row up to `rowId` (row ids follow commit order) and none after it: where a
   * reader that saw that row resumes with changesSince (the Live feed after the engine restarted).
   */
  positionAfterRow(rowId: number): Promise<JournalPosition>;
  /** Rows committed after `position`, in commit order. */
  changesSince(position: JournalPosition, options?: ChangesOptions): Promise<HistoryChanges>;
  /**
   * The rows of a sequenced ExecID, oldest first: one, or one per account when two watched accounts
   * traded with each other (both sides carry the exchange's ExecID). Pending reports all share ExecID
   * '-1;-1' and are not found here: use byRowId.
   */
  byExecId(execId: string): Promise<readonly HistoryRow[]>;
  byRowId(rowId: number): Promise<HistoryRow | undefined>;
  /** Every execution of one order, in event order (TransactTime, then arrival). */
  orderLifecycle(orderId: string): Promise<readonly HistoryRow[]>;
  /** The stored message that carried the row. */
  rawMessage(rowId: number): Promise<RawFixMessage | undefined>;
  close(): Promise<void>;
}
