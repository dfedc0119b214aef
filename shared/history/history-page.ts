// history-page.ts — what a History query returns: rows, opaque cursors for the next and previous
// pages, counts, and the journal position a live view resumes from. Plain data (no SQLite types), the
// same for the local journal and a future PostgreSQL store.
import type { ExecutionRecord } from '../records/execution-record.ts';
import type { HistoryFilter } from './history-filter.ts';
import type { HistorySort } from './history-sort.ts';

/** One stored execution as History shows it. */
export interface HistoryRow extends ExecutionRecord {
  /** Unique and stable: the journal id of the message that first carried this execution. */
  readonly rowId: number;
  /** SenderCompID of the session that stored it, or null when unknown. */
  readonly account: string | null;
  /** TransactTime in epoch ms, or the receive time when the report had none. */
  readonly eventAt: number;
  /** The BALANCE CollateralAmountChange(1704) as received, or null. */
  readonly balanceChange: string | null;
}

declare const cursorBrand: unique symbol;
/** A place in one sort order (the sort key of a row plus its row id). Opaque: pass it back as given. */
export type HistoryCursor = string & { readonly [cursorBrand]: true };

declare const positionBrand: unique symbol;
/**
 * A point in the journal's commit order: everything committed up to it, nothing after. Opaque; a
 * snapshot returns one and changesSince() continues from it.
 */
export type JournalPosition = string & { readonly [positionBrand]: true };

export interface HistoryPageRequest {
  readonly filter: HistoryFilter;
  readonly sort: HistorySort;
  /** Rows per page, 1…1000. */
  readonly limit: number;
  /** The page that starts right after this cursor (from `next`). */
  readonly after?: HistoryCursor;
  /** The page that ends right before this cursor (from `previous`); not together with `after`. */
  readonly before?: HistoryCursor;
  /** Only rows committed up to this position (from a snapshot), so live rows come once, by changesSince. */
  readonly asOf?: JournalPosition;
  /**
   * The page right after (or before) the row with this row id, in this sort, as the journal keys it (a
   * row placed in its page with its neighbours: a notification's fill). Instead of after/before.
   */
  readonly afterRow?: number;
  readonly beforeRow?: number;
}

export interface HistoryPage {
  /** In the requested order. */
  readonly rows: readonly HistoryRow[];
  /** Pass as `after` for the following page; null when nothing follows (as of this query). */
  readonly next: HistoryCursor | null;
  /** Pass as `before` for the page above; null when this page starts at the top. */
  readonly previous: HistoryCursor | null;
}

/** How many rows match. When not exact, at least `value` do (counting stopped at its time budget). */
export interface HistoryCount {
  readonly value: number;
  readonly exact: boolean;
}

/** A first page and the position it was read at, from one consistent read. */
export interface HistorySnapshot {
  readonly page: HistoryPage;
  readonly position: JournalPosition;
}

/** Executions committed after a position, in commit order, and the position to continue from. */
export interface HistoryChanges {
  readonly rows: readonly HistoryRow[];
  readonly position: JournalPosition;
  /** True when the limit cut the list: call again from `position` for the rest. */
  readonly more: boolean;
}

/** The message that carried a row, byte for byte as received. */
export interface RawFixMessage {
  readonly rowId: number;
  /** Receive time, epoch ms. */
  readonly receivedAt: number;
  /** MsgSeqNum(34) as read from the bytes, or null when they hold no readable one. */
  readonly msgSeqNum: number | null;
  readonly bytes: Uint8Array;
}
