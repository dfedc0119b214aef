// row-order.ts — the order History's service sorts by (shared/history/history-sort.ts), computed in the
// window for rows that arrive live, so each joins the loaded rows exactly where a fresh query would put
// it: the column's value (decimals by exact value, missing ones first when ascending; text by code
// unit, which equals UTF-8 byte order for the ASCII tickers and ids Kalshi sends), then event time,
// then row id, all in the chosen direction. Pure.
import { parse } from '../../../shared/decimal.ts';
import type { HistoryRowWire, HistorySortWire } from '../../../shared/ipc/contract.ts';

type Key = string | bigint | number;
const ABSENT = -(2n ** 80n);

function keyOf(row: HistoryRowWire, column: HistorySortWire['column']): Key {
  switch (column) {
    case 'time': return 0;
    case 'account': return row.account ?? '';
    case 'market': return row.symbol;
    case 'side': return row.side;
    case 'execType': return row.execType;
    case 'ordStatus': return row.ordStatus;
    case 'lastQty': return decimal(row.lastQty);
    case 'lastPx': return decimal(row.lastPx);
    case 'cumQty': return decimal(row.cumQty);
    case 'leavesQty': return decimal(row.leavesQty);
    case 'avgPx': return decimal(row.avgPx);
    case 'fee': return decimal(row.fee);
    case 'execId': return row.execId;
    case 'orderId': return row.orderId;
    case 'clOrdId': return row.clOrdId;
  }
}

function decimal(text: string | null): bigint {
  if (text === null) return ABSENT;
  try {
    return parse(text);
  } catch {
    return ABSENT;
  }
}

const cmp = (a: Key, b: Key): number => (a < b ? -1 : a > b ? 1 : 0);

/** Negative when `a` comes before `b` in the sort. */
export function compareRows(a: HistoryRowWire, b: HistoryRowWire, sort: HistorySortWire): number {
  const sign = sort.direction === 'asc' ? 1 : -1;
  return sign * (cmp(keyOf(a, sort.column), keyOf(b, sort.column)) || a.eventAt - b.eventAt || a.rowId - b.rowId);
}
