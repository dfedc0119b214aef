// history-sort.ts — the columns History can sort by, and the direction. Every sort is total: rows
// equal in the column are ordered by event time, then by row id (unique), in the same direction, so
// a cursor names one place in the order and paging never skips or repeats a row.

export const HISTORY_SORT_COLUMNS = [
  'time', 'account', 'market', 'side', 'execType', 'ordStatus', 'lastQty', 'lastPx', 'cumQty', 'leavesQty', 'avgPx', 'fee',
  'execId', 'orderId', 'clOrdId',
] as const;

/**
 * 'time' is TransactTime (or the receive time when absent); decimal columns sort by exact value, with
 * rows that have none first in ascending order; text columns sort by their bytes (UTF-8).
 */
export type HistorySortColumn = (typeof HISTORY_SORT_COLUMNS)[number];

export type SortDirection = 'asc' | 'desc';

export interface HistorySort {
  readonly column: HistorySortColumn;
  readonly direction: SortDirection;
}
