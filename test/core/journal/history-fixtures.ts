// history-fixtures.ts — journals for the History tests, built through the real ingest path: random
// executions (few markets, kinds, times and prices, so sort keys tie often) written by the Journal of
// their account (two accounts share one file), plus a plain model of what History must return for a
// filter and a sort, written independently of the store's SQL.
import Database from 'better-sqlite3';
import fc from 'fast-check';
import type { FixMessage } from '../../../electron/core/fix/decode.ts';
import { formatUtcTimestamp } from '../../../electron/core/fix/time.ts';
import type { Journal } from '../../../electron/core/journal/journal.ts';
import { parse } from '../../../shared/decimal.ts';
import type { HistoryFilter } from '../../../shared/history/history-filter.ts';
import type { HistoryRow } from '../../../shared/history/history-page.ts';
import type { HistorySort, HistorySortColumn } from '../../../shared/history/history-sort.ts';
import { eventTickerOf } from '../../../shared/positions/event-ticker.ts';
import { inbound } from '../../support/fix-builders.ts';
import { openJournal } from './journal-fixtures.ts';

export const ACCOUNTS = ['acct-alpha', 'acct-beta'] as const;
export const T0 = Date.UTC(2026, 10, 24, 14, 0, 0);
export const SYMBOLS = ['EVA-X-1', 'EVA-X-2', 'EVA-Y-1', 'EVB-Z-9', 'EVA-X', 'SOLO', '-LEAD', 'A-B-C-D'] as const;
const KINDS = [['0', '0'], ['F', '1'], ['F', '2'], ['4', '4'], ['5', '5'], ['8', '8'], ['C', 'C']] as const;
const DECIMALS = ['0', '1', '1.00', '2.5', '10', '9.99', '0.42', '0.4200', '0.0001', '12.345678', '100'] as const;
const TEXTS = ['EXCHANGE_PAUSED', 'self cross 50%', 'Under_score', 'ünïcode ÿ'] as const;

/** One execution to ingest: what the ER carries, and through which account's session. */
export interface ExecSpec {
  readonly account: 0 | 1;
  readonly execId: string;
  readonly orderId: string;
  readonly clOrdId: string;
  readonly symbol: string;
  readonly side: '1' | '2';
  readonly execType: string;
  readonly ordStatus: string;
  /** Epoch ms of TransactTime. */
  readonly time: number;
  readonly lastQty: string | undefined;
  readonly lastPx: string | undefined;
  readonly cumQty: string;
  readonly avgPx: string;
  readonly fee: string | undefined;
  readonly text: string | undefined;
}

export function executionReport(seq: number, spec: ExecSpec): FixMessage {
  const body: (readonly [number, string | number])[] = [
    [37, spec.orderId], [11, spec.clOrdId], [17, spec.execId], [150, spec.execType], [39, spec.ordStatus], [54, spec.side],
    [55, spec.symbol], [38, '100'],
  ];
  if (spec.lastQty !== undefined) body.push([32, spec.lastQty]);
  if (spec.lastPx !== undefined) body.push([31, spec.lastPx]);
  body.push([14, spec.cumQty], [151, '5'], [6, spec.avgPx], [60, formatUtcTimestamp(spec.time)]);
  if (spec.fee !== undefined) body.push([137, spec.fee]);
  if (spec.text !== undefined) body.push([58, spec.text]);
  return inbound('8', seq, body);
}

/** Random executions: `n` of them, ExecIDs unique, everything else drawn from small sets. */
export function execSpecs(minLength = 1, maxLength = 120): fc.Arbitrary<ExecSpec[]> {
  const spec = fc.record({
    account: fc.constantFrom(0 as const, 1 as const),
    order: fc.integer({ min: 0, max: 25 }),
    symbol: fc.constantFrom(...SYMBOLS),
    side: fc.constantFrom('1' as const, '2' as const),
    kind: fc.constantFrom(...KINDS),
    time: fc.integer({ min: 0, max: 12 }).map((s) => T0 + s * 1000),
    qty: fc.constantFrom(...DECIMALS),
    px: fc.constantFrom(...DECIMALS),
    cum: fc.constantFrom(...DECIMALS),
    fee: fc.option(fc.constantFrom(...DECIMALS), { nil: undefined }),
    text: fc.option(fc.constantFrom(...TEXTS), { nil: undefined }),
  });
  const execIdOf = (i: number): string => (i % 17 === 5 ? `7;${i}` : `${1000 + (i % 7)};${i}`);
  return fc.array(spec, { minLength, maxLength }).map((raw) => raw.map((r, i): ExecSpec => ({
    account: r.account,
    // Now and then the other account's previous ExecID: two watched accounts on both sides of a trade.
    execId: i % 13 === 7 && raw[i - 1]!.account !== r.account ? execIdOf(i - 1) : execIdOf(i),
    orderId: `ord-${String(r.order).padStart(2, '0')}-${r.order % 3 === 0 ? 'AbC' : 'xyz'}`,
    clOrdId: `cl-${i}`,
    symbol: r.symbol,
    side: r.side,
    execType: r.kind[0],
    ordStatus: r.kind[1],
    time: r.time,
    lastQty: r.kind[0] === 'F' ? r.qty : undefined,
    lastPx: r.kind[0] === 'F' ? r.px : undefined,
    cumQty: r.cum,
    avgPx: r.px,
    fee: r.fee,
    text: r.text,
  })));
}

/** The key of an execution in ingest's map: ExecIDs are unique within an account only. */
export const rowKey = (spec: Pick<ExecSpec, 'account' | 'execId'>): string => `${spec.account}|${spec.execId}`;

/**
 * Writes the executions into a journal file at `path` through one Journal per account (both on the
 * same file), committing every `commitEvery` messages; returns each execution's row id (by rowKey),
 * read with plain SQL.
 */
export function ingest(path: string, specs: readonly ExecSpec[], commitEvery = 7): Map<string, number> {
  const journals: Journal[] = ACCOUNTS.map((senderCompId) => openJournal(path, { session: { senderCompId, targetCompId: 'KalshiRT' }, commitDelayMs: 0 }));
  const seqs = journals.map((j) => {
    const resume = j.load();
    if (resume === undefined) j.resetSequences({ nextInbound: 1, nextOutbound: 1 });
    return resume?.nextInbound ?? 1;
  });
  specs.forEach((spec, i) => {
    const seq = seqs[spec.account]!++;
    journals[spec.account]!.accept(executionReport(seq, spec), seq + 1, T0 + 60_000 + i);
    if ((i + 1) % commitEvery === 0) for (const j of journals) j.commit();
  });
  for (const j of journals) j.close();
  const db = new Database(path, { readonly: true });
  try {
    const rows = db.prepare('SELECT e.raw_id, e.exec_key, s.sender_comp_id FROM executions e JOIN sessions s ON s.id = e.session_id').raw().all() as [number, string, string][];
    return new Map(rows.map(([rawId, execKey, account]) => [rowKey({ account: ACCOUNTS.indexOf(account as (typeof ACCOUNTS)[number]) as 0 | 1, execId: execKey }), rawId]));
  } finally {
    db.close();
  }
}

/** A stored execution as the model sees it. */
export interface ModelRow extends ExecSpec {
  readonly rowId: number;
}

export function modelRows(specs: readonly ExecSpec[], rowIds: ReadonlyMap<string, number>): ModelRow[] {
  return specs.map((s) => ({ ...s, rowId: rowIds.get(rowKey(s))! }));
}

/** Does the row pass the filter? Written from HistoryFilter's documentation, not from the SQL. */
export function modelMatches(row: ModelRow, f: HistoryFilter): boolean {
  const inList = (list: readonly string[] | undefined, value: string): boolean => list === undefined || list.includes(value);
  const inRange = (range: { min?: string; max?: string } | undefined, value: string | undefined): boolean => {
    if (range === undefined) return true;
    if (value === undefined) return false;
    const v = parse(value);
    return (range.min === undefined || v >= parse(range.min)) && (range.max === undefined || v <= parse(range.max));
  };
  const needle = f.text;
  const hay = [row.execId, row.orderId, row.clOrdId, row.text ?? ''];
  return inList(f.accounts, ACCOUNTS[row.account])
    && (f.market === undefined || (f.market.kind === 'exact' ? f.market.tickers.includes(row.symbol) : row.symbol.startsWith(f.market.prefix)))
    && inList(f.events, eventTickerOf(row.symbol))
    && inList(f.sides, row.side)
    && inList(f.execTypes, row.execType)
    && inList(f.ordStatuses, row.ordStatus)
    && (f.time?.from === undefined || row.time >= f.time.from)
    && (f.time?.to === undefined || row.time < f.time.to)
    && inRange(f.lastQty, row.lastQty)
    && inRange(f.lastPx, row.lastPx)
    && (needle === undefined || hay.some((h) => asciiLower(h).includes(asciiLower(needle))));
}

/** LIKE folds the case of ASCII letters only. */
function asciiLower(s: string): string {
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

const bytes = (s: string): Buffer => Buffer.from(s, 'utf8');
const micros = (s: string | undefined): bigint => (s === undefined ? -(2n ** 62n) : parse(s));

/** The sort column's value of a model row, compared as History documents it. */
function compareColumn(column: HistorySortColumn, a: ModelRow, b: ModelRow): number {
  const text = (x: string, y: string): number => Buffer.compare(bytes(x), bytes(y));
  const num = (x: bigint, y: bigint): number => (x < y ? -1 : x > y ? 1 : 0);
  switch (column) {
    case 'time': return 0;
    case 'account': return text(ACCOUNTS[a.account], ACCOUNTS[b.account]);
    case 'market': return text(a.symbol, b.symbol);
    case 'side': return text(a.side, b.side);
    case 'execType': return text(a.execType, b.execType);
    case 'ordStatus': return text(a.ordStatus, b.ordStatus);
    case 'lastQty': return num(micros(a.lastQty), micros(b.lastQty));
    case 'lastPx': return num(micros(a.lastPx), micros(b.lastPx));
    case 'cumQty': return num(micros(a.cumQty), micros(b.cumQty));
    case 'leavesQty': return 0; // always 5 in these reports
    case 'avgPx': return num(micros(a.avgPx), micros(b.avgPx));
    case 'fee': return num(micros(a.fee), micros(b.fee));
    case 'execId': return text(a.execId, b.execId);
    case 'orderId': return text(a.orderId, b.orderId);
    case 'clOrdId': return text(a.clOrdId, b.clOrdId);
  }
}

/** Row ids of the rows that pass the filter, in the sort's order (ties: event time, then row id). */
export function modelPage(rows: readonly ModelRow[], filter: HistoryFilter, sort: HistorySort): number[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  return rows
    .filter((r) => modelMatches(r, filter))
    .sort((a, b) => sign * (compareColumn(sort.column, a, b) || a.time - b.time || a.rowId - b.rowId))
    .map((r) => r.rowId);
}

/** Every row id of a paged listing, for comparing with the model. */
export function rowIdsOf(rows: readonly HistoryRow[]): number[] {
  return rows.map((r) => r.rowId);
}
