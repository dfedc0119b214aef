// history-columns.ts — History's grid columns, one record each (the Live view's column table, for the
// journal's rows): header, tooltip, default width in px, alignment, the cell's text and tone. Ids are
// shared/history/export-columns.ts's, so an export writes exactly the columns shown; whether a column
// sorts is that table's too. Cells format exact decimal text only here (execution-format.ts).
import { EXPORT_COLUMNS, type HistoryColumnId } from '../../../shared/history/export-columns.ts';
import type { HistoryRowWire } from '../../../shared/ipc/contract.ts';
import {
  executionKind, formatFee, formatPrice, formatQty, isZero, kindLabel, ordStatusLabel, sideLabel, type PriceUnit,
} from '../../format/execution-format.ts';

export interface HistoryCellContext {
  readonly row: HistoryRowWire;
  readonly accountLabel: string;
  readonly priceUnit: PriceUnit;
}

export interface HistoryColumn {
  readonly id: HistoryColumnId;
  readonly header: string;
  readonly description: string;
  readonly width: number;
  readonly align: 'start' | 'end';
  readonly numeric: boolean;
  text(c: HistoryCellContext): string;
  tone?(c: HistoryCellContext): string | undefined;
}

/** 2026-11-24 14:00:01.250 (UTC): History spans days, so the date shows too. */
export function formatEventTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

const col = (id: HistoryColumnId, header: string, description: string, width: number, text: HistoryColumn['text'], extra: Partial<HistoryColumn> = {}): HistoryColumn =>
  ({ id, header, description, width, align: 'start', numeric: false, text, ...extra });
const num = { align: 'end', numeric: true } as const;

export const HISTORY_COLUMNS: readonly HistoryColumn[] = [
  col('time', 'Time (UTC)', 'TransactTime (60), or when it was received if the report had none', 200, (c) => formatEventTime(c.row.eventAt), { numeric: true }),
  col('account', 'Account', 'The account whose session received it (its label; the API key id in the tooltip)', 110, (c) => c.accountLabel),
  col('market', 'Market', 'Symbol (55), the market ticker', 200, (c) => c.row.symbol),
  col('execType', 'Event', 'ExecType (150): new, partial fill, fill, cancel, replace, reject', 80, (c) => kindLabel(executionKind(c.row), c.row.execType), { tone: (c) => `kind-${executionKind(c.row)}` }),
  col('side', 'Side', 'Side (54) of the Yes contract; Sell Yes is Buy No', 80, (c) => sideLabel(c.row.side), { tone: (c) => (c.row.side === '1' ? 'side-buy' : 'side-sell') }),
  col('lastQty', 'Qty', 'LastQty (32): contracts in this fill', 70, (c) => formatQty(c.row.lastQty), num),
  col('lastPx', 'Price', 'LastPx (31): the Yes price of this fill', 80, (c) => formatPrice(c.row.lastPx, c.priceUnit), num),
  col('cumQty', 'Filled', 'CumQty (14): filled so far on the order', 70, (c) => formatQty(c.row.cumQty), num),
  col('leavesQty', 'Open', 'LeavesQty (151): still open on the order', 70, (c) => formatQty(c.row.leavesQty), num),
  col('avgPx', 'Avg price', 'AvgPx (6): average fill price of the order', 92, (c) => (isZero(c.row.cumQty) ? '' : formatPrice(c.row.avgPx, c.priceUnit)), num),
  col('fee', 'Fee', 'MiscFeeAmt (137) in dollars, as the exchange reported it', 80, (c) => formatFee(c.row.fee), num),
  col('ordStatus', 'Order status', 'OrdStatus (39) after this report', 116, (c) => ordStatusLabel(c.row.ordStatus)),
  col('execId', 'ExecID', 'ExecID (17), unique per execution', 110, (c) => c.row.execId, { numeric: true }),
  col('orderId', 'OrderID', 'OrderID (37), the exchange\'s order', 150, (c) => c.row.orderId),
  col('clOrdId', 'ClOrdID', 'ClOrdID (11), the client\'s order id', 150, (c) => c.row.clOrdId),
  col('origClOrdId', 'OrigClOrdID', 'OrigClOrdID (41): the order a replace or cancel refers to', 150, (c) => c.row.origClOrdId ?? ''),
  col('text', 'Text', 'Text (58): the exchange\'s reason, for cancels and rejects', 220, (c) => c.row.text ?? ''),
  col('transactTime', 'TransactTime', 'TransactTime (60) exactly as sent', 190, (c) => c.row.transactTime ?? '', { numeric: true }),
  col('msgSeqNum', 'MsgSeqNum', 'MsgSeqNum (34) of the message that carried it', 90, (c) => String(c.row.msgSeqNum), num),
  col('possDup', 'PossDup', 'PossDupFlag (43): a resent copy', 70, (c) => (c.row.possDup ? 'Yes' : '')),
  col('balanceChange', 'Balance change', 'CollateralAmountChange (1704) as received', 110, (c) => formatFee(c.row.balanceChange), num),
  col('rowId', 'Journal row', 'The journal\'s id of the message that first carried it', 90, (c) => String(c.row.rowId), num),
];

export const HISTORY_COLUMN_BY_ID: ReadonlyMap<string, HistoryColumn> = new Map(HISTORY_COLUMNS.map((c) => [c.id, c]));

const SORT_OF: ReadonlyMap<string, string | null> = new Map(EXPORT_COLUMNS.map((c) => [c.id, c.sort]));

/** The History sort a column maps to, or null when the journal cannot sort by it. */
export function sortColumnOf(id: string): string | null {
  return SORT_OF.get(id) ?? null;
}
