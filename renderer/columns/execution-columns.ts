// execution-columns.ts — the Live grid's columns, one record each (Reactive Trader's colConfig): the
// header, its width, alignment, what a cell shows and the title it explains itself with. The grid's
// header (through TanStack Table) and every row's cells are both built from this one table.
import type { LiveExecutionWire } from '../../shared/ipc/contract.ts';
import {
  executionKind, formatFee, isZero, formatPrice, formatQty, formatTime, formatTimestamp, kindLabel, ordStatusLabel, sideLabel, type PriceUnit,
} from '../format/execution-format.ts';

export interface CellContext {
  readonly execution: LiveExecutionWire;
  readonly accountLabel: string;
  readonly priceUnit: PriceUnit;
  /** Times are shown in this zone (Settings → Display); default UTC. */
  readonly timeZone?: string;
}

export interface ExecutionColumn {
  readonly id: string;
  readonly header: string;
  /** The header names the display time zone: 'Time (EST)'. */
  readonly zoned?: true;
  /** What the header means, for its tooltip and screen readers. */
  readonly description: string;
  /** Column width, e.g. '9ch'; null takes the rest of the row. */
  readonly width: string | null;
  readonly align: 'start' | 'end';
  /** Numbers get tabular figures and align right. */
  readonly numeric: boolean;
  text(c: CellContext): string;
  /** Extra class on the cell (buy/sell colours, execution kinds). */
  tone?(c: CellContext): string | undefined;
  title?(c: CellContext): string | undefined;
}

const r = (c: CellContext) => c.execution.record;

export const EXECUTION_COLUMNS: readonly ExecutionColumn[] = [
  {
    id: 'time', header: 'Time', zoned: true, description: 'TransactTime (60), in the display time zone', width: '14ch', align: 'start', numeric: true,
    text: (c) => formatTime(r(c).transactTime, c.timeZone), title: (c) => formatTimestamp(r(c).transactTime, c.timeZone),
  },
  { id: 'account', header: 'Account', description: 'The Fillwatch account that received it', width: '14ch', align: 'start', numeric: false, text: (c) => c.accountLabel },
  { id: 'symbol', header: 'Market', description: 'Symbol (55), the market ticker', width: '27ch', align: 'start', numeric: false, text: (c) => r(c).symbol, title: (c) => r(c).symbol },
  {
    id: 'kind', header: 'Event', description: 'ExecType (150): new, partial fill, fill, cancel, replace, reject', width: '9ch', align: 'start', numeric: false,
    text: (c) => kindLabel(executionKind(r(c)), r(c).execType), tone: (c) => `kind-${executionKind(r(c))}`,
  },
  {
    id: 'side', header: 'Side', description: 'Side (54) of the Yes contract; Sell Yes is Buy No', width: '9.5ch', align: 'start', numeric: false,
    text: (c) => sideLabel(r(c).side), tone: (c) => (r(c).side === '1' ? 'side-buy' : r(c).side === '2' ? 'side-sell' : undefined),
  },
  { id: 'lastQty', header: 'Qty', description: 'LastQty (32): contracts in this fill', width: '8ch', align: 'end', numeric: true, text: (c) => formatQty(r(c).lastQty) },
  { id: 'lastPx', header: 'Price', description: 'LastPx (31): the Yes price of this fill', width: '9ch', align: 'end', numeric: true, text: (c) => formatPrice(r(c).lastPx, c.priceUnit) },
  { id: 'cumQty', header: 'Filled', description: 'CumQty (14): filled so far on the order', width: '8ch', align: 'end', numeric: true, text: (c) => formatQty(r(c).cumQty) },
  { id: 'leavesQty', header: 'Open', description: 'LeavesQty (151): still open on the order', width: '8ch', align: 'end', numeric: true, text: (c) => formatQty(r(c).leavesQty) },
  { id: 'avgPx', header: 'Avg price', description: 'AvgPx (6): average fill price of the order', width: '10ch', align: 'end', numeric: true, text: (c) => (isZero(r(c).cumQty) ? '' : formatPrice(r(c).avgPx, c.priceUnit)) },
  { id: 'fee', header: 'Fee', description: 'MiscFeeAmt (137) in dollars, as the exchange reported it', width: '9.5ch', align: 'end', numeric: true, text: (c) => formatFee(r(c).fee) },
  { id: 'ordStatus', header: 'Order status', description: 'OrdStatus (39) after this report', width: '14ch', align: 'start', numeric: false, text: (c) => ordStatusLabel(r(c).ordStatus) },
  {
    id: 'execId', header: 'ExecID', description: 'ExecID (17), unique per execution', width: '12ch', align: 'start', numeric: true,
    text: (c) => r(c).execId, title: (c) => `ExecID ${r(c).execId} · OrderID ${r(c).orderId} · ClOrdID ${r(c).clOrdId}${r(c).possDup ? ' · resent (PossDup)' : ''}`,
  },
  { id: 'text', header: 'Text', description: 'Text (58): the exchange\'s reason, for cancels and rejects', width: null, align: 'start', numeric: false, text: (c) => r(c).text ?? '', title: (c) => r(c).text ?? undefined },
];

/** The compact window's columns: when, which market, what happened, how many at what price. The market
 * takes the room left (its full ticker is in the cell's title), so the grid fits a small window. */
const COMPACT_IDS: ReadonlySet<string> = new Set(['time', 'symbol', 'kind', 'side', 'lastQty', 'lastPx']);
export const COMPACT_COLUMNS: readonly ExecutionColumn[] = EXECUTION_COLUMNS
  .filter((c) => COMPACT_IDS.has(c.id))
  .map((c) => (c.id === 'symbol' ? { ...c, width: null } : c));
