// export-columns.ts — History's columns as data leaves the app: one record per column with its header
// and the cell an export writes (CSV text and JSON value). The History view's columns use the same
// ids, so "export the visible columns, in order" is a list of these ids. Values are the journal's own:
// decimals exactly as received (never re-rendered through a float), times as ISO 8601 UTC, coded
// fields by their FIX names (shared/fix/dictionary.ts) in CSV and as codes in JSON.
import { enumLabel } from '../fix/dictionary.ts';
import { Tag } from '../fix/tags.ts';
import type { HistoryRow } from './history-page.ts';
import type { HistorySortColumn } from './history-sort.ts';

export const HISTORY_COLUMN_IDS = [
  'time', 'account', 'market', 'execType', 'side', 'lastQty', 'lastPx', 'cumQty', 'leavesQty', 'avgPx', 'fee', 'ordStatus',
  'execId', 'orderId', 'clOrdId', 'origClOrdId', 'text', 'transactTime', 'msgSeqNum', 'possDup', 'balanceChange', 'rowId',
] as const;

export type HistoryColumnId = (typeof HISTORY_COLUMN_IDS)[number];

export interface ExportColumn {
  readonly id: HistoryColumnId;
  readonly header: string;
  /** Decimal or integer values: a leading '-' is a sign here, not a formula. */
  readonly numeric: boolean;
  /** The History sort this column maps to, or null when History cannot sort by it. */
  readonly sort: HistorySortColumn | null;
  /** The CSV cell's text; null is an empty cell. */
  csv(row: HistoryRow): string | null;
  /** The JSON value (codes rather than names). */
  json(row: HistoryRow): string | number | boolean | null;
}

const named = (tag: number, code: string): string => enumLabel(tag, code) ?? code;
const iso = (ms: number): string => new Date(ms).toISOString();

function text(id: HistoryColumnId, header: string, sort: HistorySortColumn | null, of: (r: HistoryRow) => string | null): ExportColumn {
  return { id, header, numeric: false, sort, csv: of, json: of };
}

function decimal(id: HistoryColumnId, header: string, sort: HistorySortColumn | null, of: (r: HistoryRow) => string | null): ExportColumn {
  return { id, header, numeric: true, sort, csv: of, json: of };
}

function coded(id: HistoryColumnId, header: string, sort: HistorySortColumn, tag: number, of: (r: HistoryRow) => string): ExportColumn {
  return { id, header, numeric: false, sort, csv: (r) => named(tag, of(r)), json: of };
}

export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { id: 'time', header: 'Time (UTC)', numeric: false, sort: 'time', csv: (r) => iso(r.eventAt), json: (r) => iso(r.eventAt) },
  text('account', 'Account (SenderCompID)', 'account', (r) => r.account),
  text('market', 'Market', 'market', (r) => r.symbol),
  coded('execType', 'ExecType', 'execType', Tag.ExecType, (r) => r.execType),
  coded('side', 'Side', 'side', Tag.Side, (r) => r.side),
  decimal('lastQty', 'LastQty', 'lastQty', (r) => r.lastQty),
  decimal('lastPx', 'LastPx', 'lastPx', (r) => r.lastPx),
  decimal('cumQty', 'CumQty', 'cumQty', (r) => r.cumQty),
  decimal('leavesQty', 'LeavesQty', 'leavesQty', (r) => r.leavesQty),
  decimal('avgPx', 'AvgPx', 'avgPx', (r) => r.avgPx),
  decimal('fee', 'Fee', 'fee', (r) => r.fee),
  coded('ordStatus', 'OrdStatus', 'ordStatus', Tag.OrdStatus, (r) => r.ordStatus),
  text('execId', 'ExecID', 'execId', (r) => r.execId),
  text('orderId', 'OrderID', 'orderId', (r) => r.orderId),
  text('clOrdId', 'ClOrdID', 'clOrdId', (r) => r.clOrdId),
  text('origClOrdId', 'OrigClOrdID', null, (r) => r.origClOrdId),
  text('text', 'Text', null, (r) => r.text),
  text('transactTime', 'TransactTime (as sent)', null, (r) => r.transactTime),
  { id: 'msgSeqNum', header: 'MsgSeqNum', numeric: true, sort: null, csv: (r) => String(r.msgSeqNum), json: (r) => r.msgSeqNum },
  { id: 'possDup', header: 'PossDup', numeric: false, sort: null, csv: (r) => (r.possDup ? 'Y' : 'N'), json: (r) => r.possDup },
  decimal('balanceChange', 'Balance change', null, (r) => r.balanceChange),
  { id: 'rowId', header: 'Journal row', numeric: true, sort: null, csv: (r) => String(r.rowId), json: (r) => r.rowId },
];

const BY_ID: ReadonlyMap<string, ExportColumn> = new Map(EXPORT_COLUMNS.map((c) => [c.id, c]));

/** The columns for these ids, in this order; undefined if one is unknown. */
export function exportColumnsOf(ids: readonly string[]): readonly ExportColumn[] | undefined {
  const columns = ids.map((id) => BY_ID.get(id));
  return columns.every((c) => c !== undefined) ? (columns as ExportColumn[]) : undefined;
}
