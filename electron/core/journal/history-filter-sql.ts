// history-filter-sql.ts — a HistoryFilter as SQL: one term per filter field (ANDed), kept apart by
// what it constrains so the planner can tell which index can serve it, plus the exact JS test and the
// key ranges of the market/event filter (to list the markets present). Checks the filter's shape and
// values (it may come from IPC); every value is a bound parameter. Pure: runs no SQL.
import { Buffer } from 'node:buffer';
import type { HistoryFilter, MarketFilter } from '../../../shared/history/history-filter.ts';
import { HistoryQueryError } from '../../../shared/history/history-error.ts';
import { eventTickerOf } from '../../../shared/positions/event-ticker.ts';
import { decimalRangeKeys } from './history-decimal-key.ts';

export type SqlValue = string | number;

export interface SqlTerm {
  readonly sql: string;
  readonly params: readonly SqlValue[];
}

/** A key range of symbols [low, high), high undefined = unbounded; a point when low === high. */
export interface SymbolRange {
  readonly low: string;
  readonly high: string | undefined;
  readonly point: boolean;
}

export interface KindFilter {
  readonly execTypes: ReadonlySet<string> | undefined;
  readonly ordStatuses: ReadonlySet<string> | undefined;
  readonly sides: ReadonlySet<string> | undefined;
}

export interface CompiledFilter {
  /** Some list was empty, or no session has the account: no row can match. */
  readonly matchesNothing: boolean;
  readonly market: { readonly term: SqlTerm; readonly ranges: readonly SymbolRange[]; readonly matches: (symbol: string) => boolean } | undefined;
  readonly kind: { readonly term: SqlTerm; readonly values: KindFilter } | undefined;
  readonly sessions: { readonly term: SqlTerm; readonly ids: readonly number[] } | undefined;
  readonly time: SqlTerm | undefined;
  readonly lastQty: SqlTerm | undefined;
  readonly lastPx: SqlTerm | undefined;
  readonly text: SqlTerm | undefined;
  /** raw_id <= position, for reads as of a snapshot. */
  readonly asOf: SqlTerm | undefined;
}

/** Every term of a compiled filter, for a WHERE clause. */
export function allTerms(f: CompiledFilter): SqlTerm[] {
  return [f.market?.term, f.kind?.term, f.sessions?.term, f.time, f.lastQty, f.lastPx, f.text, f.asOf].filter((t): t is SqlTerm => t !== undefined);
}

export function whereSql(terms: readonly SqlTerm[]): { sql: string; params: SqlValue[] } {
  return { sql: terms.length === 0 ? '1' : terms.map((t) => `(${t.sql})`).join(' AND '), params: terms.flatMap((t) => t.params) };
}

const bad = (detail: string): HistoryQueryError => new HistoryQueryError('bad-filter', detail);

function stringList(value: unknown, field: string): readonly string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw bad(`${field} must be a list of strings`);
  return value as string[];
}

const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

/**
 * Compiles the filter. `sessionsOf` names the session ids of the given accounts (SenderCompIDs);
 * `asOf` (a row id) limits the rows to those committed up to it.
 */
export function compileFilter(filter: HistoryFilter, sessionsOf: (accounts: readonly string[]) => number[], asOf?: number): CompiledFilter {
  if (typeof filter !== 'object' || filter === null) throw bad('not an object');
  let empty = false;
  const market = compileMarket(filter.market, stringList(filter.events, 'events'));
  if (market === 'nothing') empty = true;

  const kindLists = {
    execTypes: stringList(filter.execTypes, 'execTypes'),
    ordStatuses: stringList(filter.ordStatuses, 'ordStatuses'),
    sides: stringList(filter.sides, 'sides'),
  };
  const kindTerms: SqlTerm[] = [];
  for (const [list, column] of [[kindLists.execTypes, 'exec_type'], [kindLists.ordStatuses, 'ord_status'], [kindLists.sides, 'side']] as const) {
    if (list === undefined) continue;
    if (list.length === 0) empty = true;
    else kindTerms.push({ sql: `${column} IN (${placeholders(list.length)})`, params: list });
  }
  const kind = kindTerms.length === 0 ? undefined : {
    term: joinTerms(kindTerms),
    values: {
      execTypes: kindLists.execTypes === undefined ? undefined : new Set(kindLists.execTypes),
      ordStatuses: kindLists.ordStatuses === undefined ? undefined : new Set(kindLists.ordStatuses),
      sides: kindLists.sides === undefined ? undefined : new Set(kindLists.sides),
    },
  };

  let sessions: CompiledFilter['sessions'];
  const accounts = stringList(filter.accounts, 'accounts');
  if (accounts !== undefined) {
    const ids = accounts.length === 0 ? [] : sessionsOf(accounts);
    if (ids.length === 0) empty = true;
    else sessions = { term: { sql: `session_id IN (${placeholders(ids.length)})`, params: ids }, ids };
  }

  return {
    matchesNothing: empty,
    market: market === 'nothing' ? undefined : market,
    kind,
    sessions,
    time: compileTime(filter.time),
    lastQty: compileDecimalRange(filter.lastQty, 'last_qty_key', 'lastQty'),
    lastPx: compileDecimalRange(filter.lastPx, 'last_px_key', 'lastPx'),
    text: compileText(filter.text),
    asOf: asOf === undefined ? undefined : { sql: 'raw_id <= ?', params: [asOf] },
  };
}

function joinTerms(terms: readonly SqlTerm[]): SqlTerm {
  return { sql: terms.map((t) => `(${t.sql})`).join(' AND '), params: terms.flatMap((t) => t.params) };
}

function compileTime(time: unknown): SqlTerm | undefined {
  if (time === undefined) return undefined;
  if (typeof time !== 'object' || time === null) throw bad('time must be an object');
  const { from, to } = time as { from?: unknown; to?: unknown };
  const terms: SqlTerm[] = [];
  for (const [value, op, field] of [[from, '>=', 'time.from'], [to, '<', 'time.to']] as const) {
    if (value === undefined) continue;
    if (!Number.isSafeInteger(value)) throw bad(`${field} must be epoch milliseconds`);
    terms.push({ sql: `event_at ${op} ?`, params: [value as number] });
  }
  return terms.length === 0 ? undefined : joinTerms(terms);
}

function compileDecimalRange(range: unknown, keyColumn: string, field: string): SqlTerm | undefined {
  if (range === undefined) return undefined;
  if (typeof range !== 'object' || range === null) throw bad(`${field} must be an object`);
  const { min, max } = range as { min?: unknown; max?: unknown };
  if ((min !== undefined && typeof min !== 'string') || (max !== undefined && typeof max !== 'string')) throw bad(`${field} bounds must be decimal text`);
  const { low, high } = decimalRangeKeys({ ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) }, field);
  return { sql: `${keyColumn} BETWEEN ? AND ?`, params: [low, high] };
}

function compileText(text: unknown): SqlTerm | undefined {
  if (text === undefined) return undefined;
  if (typeof text !== 'string') throw bad('text must be a string');
  if (text === '') return undefined;
  // LIKE ignores the case of ASCII letters; '\' escapes its wildcards in the user's text.
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const like = (expression: string): string => `${expression} LIKE ? ESCAPE '\\'`;
  // The ExecID through exec_key, which equals it except for pending reports ('-1;-1|OrderID|…'): the
  // generated exec_id column costs a LIKE of its own per row (a third of a 1M-row text scan).
  const execId = `(${like('exec_key')} AND (substr(exec_key, 1, 6) <> '-1;-1|' OR ${like("'-1;-1'")}))`;
  return { sql: [execId, like('order_id'), like('cl_ord_id'), like('text')].join(' OR '), params: [pattern, pattern, pattern, pattern, pattern] };
}

/**
 * The market and event filters together: the SQL term, the symbol ranges to look in, and the exact
 * test in JS (the same meaning as the SQL; the tests check they agree).
 */
function compileMarket(market: MarketFilter | undefined, events: readonly string[] | undefined): CompiledFilter['market'] | 'nothing' | undefined {
  const terms: SqlTerm[] = [];
  const tests: ((symbol: string) => boolean)[] = [];
  let ranges: SymbolRange[] | undefined;
  if (market !== undefined) {
    if (typeof market !== 'object' || market === null) throw bad('market must be an object');
    if (market.kind === 'exact') {
      const tickers = stringList(market.tickers, 'market.tickers') ?? [];
      if (tickers.length === 0) return 'nothing';
      const set = new Set(tickers);
      terms.push({ sql: `symbol IN (${placeholders(tickers.length)})`, params: tickers });
      tests.push((s) => set.has(s));
      ranges = [...set].sort(compareUtf8).map((t) => ({ low: t, high: t, point: true }));
    } else if (market.kind === 'prefix') {
      if (typeof market.prefix !== 'string') throw bad('market.prefix must be a string');
      const prefix = market.prefix;
      if (prefix !== '') {
        const high = prefixEnd(prefix);
        terms.push(high === undefined
          ? { sql: 'symbol >= ? AND substr(symbol, 1, ?) = ?', params: [prefix, [...prefix].length, prefix] }
          : { sql: 'symbol >= ? AND symbol < ?', params: [prefix, high] });
        tests.push((s) => s.startsWith(prefix));
        ranges = [{ low: prefix, high, point: false }];
      }
    } else {
      throw bad('market.kind must be "exact" or "prefix"');
    }
  }
  if (events !== undefined) {
    if (events.length === 0) return 'nothing';
    const set = new Set(events);
    const alternatives: SqlTerm[] = [];
    const eventRanges: SymbolRange[] = [];
    for (const event of [...set].sort(compareUtf8)) {
      // The ticker is the event itself when it has no '-' past its first character (eventTickerOf).
      if (event.lastIndexOf('-') <= 0) {
        alternatives.push({ sql: 'symbol = ?', params: [event] });
        eventRanges.push({ low: event, high: event, point: true });
      }
      // Or event + '-' + a last part without '-'; '.' follows '-' in byte order.
      if (event !== '') {
        alternatives.push({ sql: "symbol >= ? AND symbol < ? AND instr(substr(symbol, ?), '-') = 0", params: [`${event}-`, `${event}.`, [...event].length + 2] });
        eventRanges.push({ low: `${event}-`, high: `${event}.`, point: false });
      }
    }
    if (alternatives.length === 0) return 'nothing';
    terms.push({ sql: alternatives.map((a) => `(${a.sql})`).join(' OR '), params: alternatives.flatMap((a) => a.params) });
    tests.push((s) => set.has(eventTickerOf(s)));
    ranges ??= eventRanges;
  }
  if (terms.length === 0) return undefined;
  return { term: joinTerms(terms), ranges: ranges ?? [], matches: (s) => tests.every((t) => t(s)) };
}

/**
 * The smallest string above every string that starts with `prefix` (its last code point plus one), or
 * undefined when there is none below U+10FFFF. UTF-8 keeps code point order, which is SQLite's.
 */
export function prefixEnd(prefix: string): string | undefined {
  const points = [...prefix];
  const last = points.pop()!.codePointAt(0)!;
  if (last >= 0x10ffff) return undefined;
  // No code point is encoded in the surrogate range: the one after U+D7FF is U+E000.
  const next = last === 0xd7ff ? 0xe000 : last + 1;
  return points.join('') + String.fromCodePoint(next);
}

/** Compares as SQLite's BINARY collation does: by UTF-8 bytes (JS's < compares UTF-16 units). */
export function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
