// history-probe.ts — the cheap questions the planner asks before choosing how to read a page: which
// markets, kinds (ExecType, OrdStatus, Side) and sessions are present (one index seek per value), and
// whether a set of rows is small (a count that stops at a cap). Reads index entries only, never rows.
import type Database from 'better-sqlite3';
import { ARM_INDEXES, type ArmDimension } from './history-columns.ts';
import { whereSql, type KindFilter, type SqlTerm, type SqlValue, type SymbolRange } from './history-filter-sql.ts';

/**
 * A prepared statement by SQL text, returning row objects, the first column only ('pluck') or arrays
 * ('raw'). The store caches them by mode and text, so a mode set here never leaks to another caller.
 */
export type StatementOf = (sql: string, mode?: 'rows' | 'pluck' | 'raw') => Database.Statement<unknown[]>;

export type KindTriple = readonly [execType: string, ordStatus: string, side: string];

const MARKET = ARM_INDEXES.market.index;
const KIND = ARM_INDEXES.kind.index;
const KIND_COLUMNS = ARM_INDEXES.kind.columns;

export class HistoryProbe {
  readonly #statement: StatementOf;

  constructor(statement: StatementOf) {
    this.#statement = statement;
  }

  /**
   * The symbols present in the ranges that pass `matches`; undefined when there are
   * more than `max` (or the ranges hold more than 4 × max other symbols to skip).
   */
  presentSymbols(ranges: readonly SymbolRange[], matches: (symbol: string) => boolean, max: number): string[] | undefined {
    const found = new Set<string>(); // ranges may overlap (events 'A' and 'A-B' both reach 'A-B-C')
    let seeks = 0;
    for (const range of ranges) {
      if (range.point) {
        if (++seeks > 4 * max) return undefined;
        if (matches(range.low) && this.#statement(`SELECT 1 FROM executions INDEXED BY ${MARKET} WHERE symbol = ? LIMIT 1`).get(range.low) !== undefined) found.add(range.low);
      } else {
        const bounded = range.high === undefined ? '' : ' AND symbol < ?';
        const tail: SqlValue[] = range.high === undefined ? [] : [range.high];
        let symbol = this.#statement(`SELECT symbol FROM executions INDEXED BY ${MARKET} WHERE symbol >= ?${bounded} ORDER BY symbol LIMIT 1`, 'pluck').get(range.low, ...tail) as string | undefined;
        const next = this.#statement(`SELECT symbol FROM executions INDEXED BY ${MARKET} WHERE symbol > ?${bounded} ORDER BY symbol LIMIT 1`, 'pluck');
        while (symbol !== undefined) {
          if (++seeks > 4 * max) return undefined;
          if (matches(symbol)) found.add(symbol);
          symbol = next.get(symbol, ...tail) as string | undefined;
        }
      }
      if (found.size > max) return undefined;
    }
    return [...found];
  }

  /** The (ExecType, OrdStatus, Side) triples present that the filter admits; undefined past `max`. */
  presentKinds(filter: KindFilter | undefined, max: number): KindTriple[] | undefined {
    const found: KindTriple[] = [];
    const allowed = [filter?.execTypes, filter?.ordStatuses, filter?.sides];
    let seeks = 0;
    // A skip-scan, one column at a time: a row-value seek past (a, b, c) measured 20 ms at 1M rows
    // (SQLite steps over the entries equal to it), a single-column seek a few µs.
    const visit = (prefix: string[]): boolean => {
      const depth = prefix.length;
      if (depth === KIND_COLUMNS.length) {
        found.push(prefix as unknown as KindTriple);
        return found.length <= max;
      }
      for (let value = this.#nextKindValue(prefix, undefined); value !== undefined; value = this.#nextKindValue(prefix, value)) {
        if (++seeks > 4 * max) return false;
        if (allowed[depth]?.has(value) === false) continue;
        if (!visit([...prefix, value])) return false;
      }
      return true;
    };
    return visit([]) ? found : undefined;
  }

  /** The smallest value of the next kind column after `after`, given the columns before it. */
  #nextKindValue(prefix: readonly string[], after: string | undefined): string | undefined {
    const column = KIND_COLUMNS[prefix.length]!;
    const terms = prefix.map((_, i) => `${KIND_COLUMNS[i]!} = ?`);
    if (after !== undefined) terms.push(`${column} > ?`);
    const where = terms.length === 0 ? '' : `WHERE ${terms.join(' AND ')}`;
    const sql = `SELECT ${column} FROM executions INDEXED BY ${KIND} ${where} ORDER BY ${column} LIMIT 1`;
    return this.#statement(sql, 'pluck').get(...prefix, ...(after === undefined ? [] : [after])) as string | undefined;
  }

  /** Session ids with executions (0 = unknown session), limited to `among` when given. */
  presentSessions(among: readonly number[] | undefined, max: number): number[] | undefined {
    const candidates = among ?? (this.#statement('SELECT id FROM sessions UNION SELECT 0', 'pluck').all() as number[]);
    if (candidates.length > max) return undefined;
    const has = this.#statement(`SELECT 1 FROM executions INDEXED BY ${ARM_INDEXES.account.index} WHERE session_id = ? LIMIT 1`);
    return candidates.filter((id) => has.get(id) !== undefined);
  }

  /** The accounts (accounts.id) of the given sessions, or every account. */
  accountsOf(sessions: readonly number[] | undefined): number[] {
    if (sessions === undefined) return this.#statement('SELECT id FROM accounts ORDER BY id', 'pluck').all() as number[];
    const list = sessions.map(() => '?').join(', ');
    return this.#statement(`SELECT DISTINCT account_id FROM sessions WHERE id IN (${list}) AND account_id IS NOT NULL ORDER BY 1`, 'pluck').all(...sessions) as number[];
  }

  /** min(rows of `index` that satisfy `terms`, cap); the terms must be answerable from the index. */
  cappedCount(index: string, terms: readonly SqlTerm[], cap: number): number {
    const where = whereSql(terms);
    return this.#statement(`SELECT count(*) FROM (SELECT 1 FROM executions INDEXED BY ${index} WHERE ${where.sql} LIMIT ?)`, 'pluck').get(...where.params, cap) as number;
  }

  /** min(rows of the given arms of a dimension that satisfy `terms`, cap). */
  cappedArmsCount(dimension: ArmDimension, arms: readonly (readonly SqlValue[])[], terms: readonly SqlTerm[], cap: number): number {
    const { index, columns } = ARM_INDEXES[dimension];
    let total = 0;
    for (const values of arms) {
      const eq: SqlTerm = { sql: columns.map((c) => `${c} = ?`).join(' AND '), params: values };
      total += this.cappedCount(index, [eq, ...terms], cap - total);
      if (total >= cap) break;
    }
    return total;
  }

  /**
   * The (event_at, row id) of the n-th row in time order among those `terms` admit (index-only terms:
   * time range, keyset, asOf), or undefined when fewer remain: the end of a bounded window.
   */
  nthInTimeOrder(terms: readonly SqlTerm[], direction: 'ASC' | 'DESC', n: number): { eventAt: number; rowId: number } | undefined {
    const where = whereSql(terms);
    const row = this.#statement(
      `SELECT event_at, raw_id FROM executions INDEXED BY executions_by_time WHERE ${where.sql}
       ORDER BY event_at ${direction}, raw_id ${direction} LIMIT 1 OFFSET ?`,
      'raw',
    ).get(...where.params, n - 1) as [number, number] | undefined;
    return row === undefined ? undefined : { eventAt: row[0], rowId: row[1] };
  }
}
