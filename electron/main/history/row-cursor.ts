// row-cursor.ts — the History cursor that sits exactly at one row in one sort, so a page can be read
// on either side of it (a notification's fill shown in place, with its neighbours). It rebuilds the
// sort key the journal compares (history-columns.ts): text as stored, decimals as the exact integer
// of micro-units (history-decimal-key.ts), the account by its SenderCompID. Main may import core;
// the cursor stays opaque to the window.
import { parse } from '../../../shared/decimal.ts';
import type { HistoryCursor, HistoryRow } from '../../../shared/history/history-page.ts';
import type { HistorySortColumn } from '../../../shared/history/history-sort.ts';
import { encodeCursor } from '../../core/journal/history-cursor.ts';
import { ABSENT_DECIMAL_KEY } from '../../core/journal/history-decimal-key.ts';

/** Pending reports all carry this ExecID; the journal keys them by more than the ExecID. */
const PENDING_EXEC_ID = '-1;-1';
/** 9 integer digits and 6 decimals: the largest key the journal holds exactly. */
const MAX_KEY = 999_999_999_999_999n;

/** The cursor at `row` in a sort by `column`, or undefined when its key cannot be rebuilt here. */
export function cursorAtRow(row: HistoryRow, column: HistorySortColumn): HistoryCursor | undefined {
  const key = sortKey(row, column);
  if (key === null) return undefined;
  return encodeCursor(column, { key, eventAt: row.eventAt, rowId: row.rowId });
}

function sortKey(row: HistoryRow, column: HistorySortColumn): string | number | undefined | null {
  switch (column) {
    case 'time': return undefined;
    case 'account': return row.account ?? '';
    case 'market': return row.symbol;
    case 'side': return row.side;
    case 'execType': return row.execType;
    case 'ordStatus': return row.ordStatus;
    case 'lastQty': return decimalKey(row.lastQty);
    case 'lastPx': return decimalKey(row.lastPx);
    case 'cumQty': return decimalKey(row.cumQty);
    case 'leavesQty': return decimalKey(row.leavesQty);
    case 'avgPx': return decimalKey(row.avgPx);
    case 'fee': return decimalKey(row.fee);
    case 'execId': return row.execId === PENDING_EXEC_ID ? null : row.execId;
    case 'orderId': return row.orderId;
    case 'clOrdId': return row.clOrdId;
    default: return null;
  }
}

function decimalKey(text: string | null): number {
  if (text === null) return ABSENT_DECIMAL_KEY;
  try {
    const micros: bigint = parse(text);
    return micros > MAX_KEY || micros < -MAX_KEY ? ABSENT_DECIMAL_KEY : Number(micros);
  } catch {
    return ABSENT_DECIMAL_KEY;
  }
}
