// history-count.ts — how many rows a filter matches, for "X of Y", within a time budget:
//  - exact and index-only when one index can answer every part of the filter (a market or event, a
//    kind or an account, each with or without a time range);
//  - exact through the rows of the narrowest such part when it selects few rows (limits.exactLookupCap);
//  - otherwise the table is counted in row-id chunks, newest first, until the budget runs out: the
//    result is then a lower bound ("at least"), and `exact: true` finishes the count.
// Runs inside the caller's read transaction, so the figure belongs to one snapshot.
import type { HistoryCount } from '../../../shared/history/history-page.ts';
import { whereSql, type CompiledFilter, type SqlTerm } from './history-filter-sql.ts';
import type { HistoryProbe, StatementOf } from './history-probe.ts';

export interface CountLimits {
  /** Counting by lookups costs ~1 µs a row: below this many rows it stays within tens of ms. */
  readonly exactLookupCap: number;
  /** Row ids per chunk of the chunked count: one statement of ~10 ms, so a count overshoots its budget by little. */
  readonly chunkIds: number;
}

export const DEFAULT_COUNT_LIMITS: CountLimits = { exactLookupCap: 20_000, chunkIds: 16_384 };

export interface CountOptions {
  /** Count every row, whatever it takes. */
  readonly exact: boolean;
  /** When not exact: stop after the chunk that passes this many ms. */
  readonly budgetMs: number;
  readonly now: () => number;
  readonly limits: CountLimits;
}

/** The parts of a filter, and the indexes that can evaluate each part from their own entries. */
type Part = 'market' | 'kind' | 'sessions' | 'time' | 'lastQty' | 'lastPx' | 'text' | 'asOf';

const INDEX_PARTS: ReadonlyArray<readonly [index: string, own: Part | undefined]> = [
  ['executions_by_time', undefined],
  ['executions_by_market', 'market'],
  ['executions_by_kind', 'kind'],
  ['executions_by_account', 'sessions'],
];

function partsOf(f: CompiledFilter): Map<Part, SqlTerm> {
  const parts = new Map<Part, SqlTerm>();
  const add = (part: Part, term: SqlTerm | undefined): void => { if (term !== undefined) parts.set(part, term); };
  add('market', f.market?.term);
  add('kind', f.kind?.term);
  add('sessions', f.sessions?.term);
  add('time', f.time);
  add('lastQty', f.lastQty);
  add('lastPx', f.lastPx);
  add('text', f.text);
  add('asOf', f.asOf);
  return parts;
}

/** Markets listed one by one beyond this many make the count use the filter's own ranges. */
const MAX_LISTED_MARKETS = 64;

export function countRows(f: CompiledFilter, statement: StatementOf, probe: HistoryProbe, options: CountOptions): HistoryCount {
  if (f.matchesNothing) return { value: 0, exact: true };
  const parts = partsOf(f);
  if (f.market !== undefined) {
    // The markets present, as a list: an event's test (no '-' past the event) then costs nothing per row.
    const symbols = probe.presentSymbols(f.market.ranges, f.market.matches, MAX_LISTED_MARKETS);
    if (symbols?.length === 0) return { value: 0, exact: true };
    if (symbols !== undefined) parts.set('market', { sql: `symbol IN (${symbols.map(() => '?').join(', ')})`, params: symbols });
  }
  const terms = [...parts.values()];
  const count = (sql: string, params: readonly unknown[]): number => statement(sql, 'pluck').get(...params) as number;
  if (parts.size === 0) return { value: count('SELECT count(*) FROM executions', []), exact: true };

  // Every index ends in event_at and holds the row id, so time and asOf come free with any of them.
  const free = (p: Part): boolean => p === 'time' || p === 'asOf';
  for (const [index, own] of INDEX_PARTS) {
    if ([...parts.keys()].every((p) => free(p) || p === own)) {
      const where = whereSql(terms);
      return { value: count(`SELECT count(*) FROM executions INDEXED BY ${index} WHERE ${where.sql}`, where.params), exact: true };
    }
  }

  // The narrowest part an index can select, if small: count through its rows.
  let narrowest: { index: string; terms: SqlTerm[]; rows: number } | undefined;
  for (const [index, own] of INDEX_PARTS) {
    if (own === undefined || !parts.has(own)) continue;
    const ownTerms = [...parts].filter(([p]) => p === own || free(p)).map(([, t]) => t);
    const rows = probe.cappedCount(index, ownTerms, options.limits.exactLookupCap);
    if (rows < options.limits.exactLookupCap && (narrowest === undefined || rows < narrowest.rows)) narrowest = { index, terms: ownTerms, rows };
  }
  if (narrowest !== undefined) {
    const inner = whereSql(narrowest.terms);
    const outer = whereSql(terms);
    return {
      value: count(`SELECT count(*) FROM executions WHERE raw_id IN (SELECT raw_id FROM executions INDEXED BY ${narrowest.index} WHERE ${inner.sql}) AND ${outer.sql}`, [...inner.params, ...outer.params]),
      exact: true,
    };
  }
  const asOf = f.asOf?.params[0] as number | undefined;
  return chunkedCount(terms, asOf, count, options);
}

/** Counts the table in row-id chunks from the newest, until done or (unless exact) out of budget. */
function chunkedCount(terms: readonly SqlTerm[], asOf: number | undefined, count: (sql: string, params: readonly unknown[]) => number, options: CountOptions): HistoryCount {
  const where = whereSql(terms);
  // NOT INDEXED: walk the table itself by row id; an index would visit rows out of row-id order.
  const sql = `SELECT count(*) FROM executions NOT INDEXED WHERE raw_id > ? AND raw_id <= ? AND ${where.sql}`;
  const started = options.now();
  let high = count('SELECT ifnull(max(raw_id), 0) FROM executions', []);
  if (asOf !== undefined) high = Math.min(high, asOf);
  let value = 0;
  while (high > 0) {
    const low = Math.max(0, high - options.limits.chunkIds);
    value += count(sql, [low, high, ...where.params]);
    high = low;
    if (!options.exact && high > 0 && options.now() - started >= options.budgetMs) return { value, exact: false };
  }
  return { value, exact: true };
}
