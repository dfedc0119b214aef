// history-plan.ts — how one History page is read: one or more statements, run in turn until the page
// (plus one row, to know whether more follow) is full, each returning rows already in the requested
// order, from the cheapest access the indexes of migration 0003 offer:
//  - walk an index already in the sort's order ('time', 'market'), filtering as it goes;
//  - arms: one run of rows per market / kind / session, each in (event_at, row id) order on its index.
//    Sorted by time, the arms of the narrowest filter are merged (SQLite merges UNION ALL arms lazily
//    under ORDER BY … LIMIT), so a market filter reads only that market's rows. Sorted by the arm's
//    own column (market, ExecType, Side, account), arms with equal keys form a group: groups are read
//    one after the other in key order, each a merge of its arms by time. The ExecID sort merges one
//    run per account off UNIQUE (account_id, exec_key) (ExecIDs are unique per account only);
//  - when a filter selects few rows (limits.smallSet): fetch exactly those by index and sort them;
//  - a text match sorted by time walks the next limits.textWindow rows first, and only then scans the
//    rest in table order and sorts (a rare match costs one scan, a common one a short walk); once a rare
//    match's rows are known (textCandidates), a longer text that contains it reads only those.
// Correctness never depends on the choice: every statement applies the whole filter and the keyset,
// and arms cover every value present (listed in the same read transaction).
import type { HistorySort } from '../../../shared/history/history-sort.ts';
import { ARM_INDEXES, HISTORY_SELECT, type ArmDimension, type SortColumnSpec } from './history-columns.ts';
import type { CursorPlace } from './history-cursor.ts';
import { allTerms, compareUtf8, whereSql, type CompiledFilter, type SqlTerm, type SqlValue } from './history-filter-sql.ts';
import type { HistoryProbe } from './history-probe.ts';

export interface PlannerLimits {
  /** A filter that matches fewer rows than this is fetched whole and sorted (a few ms at most). */
  readonly smallSet: number;
  /** At most this many arms are merged (each is a co-routine in one statement). */
  readonly maxArms: number;
  /** Rows a text match walks in time order before scanning the rest. */
  readonly textWindow: number;
}

export const DEFAULT_PLANNER_LIMITS: PlannerLimits = { smallSet: 2000, maxArms: 64, textWindow: 20_000 };

export interface PageQuery {
  readonly filter: CompiledFilter;
  readonly sort: HistorySort;
  readonly spec: SortColumnSpec;
  /** The place to continue from (exclusive), in the read direction. */
  readonly cursor: CursorPlace | undefined;
  /** True for the page before the cursor: read in the opposite direction (the caller reverses). */
  readonly backwards: boolean;
  /** The account name of a session id, for sorting by account. */
  readonly accountName: (sessionId: number) => string;
  readonly limits: PlannerLimits;
  /**
   * Every row a text filter can match, when known (history-text-cache.ts): the rows an earlier text
   * that this one contains matched, up to a row id, plus every row after it. Filters and sorts still
   * apply in full: this only narrows where to look.
   */
  readonly textCandidates?: { readonly rowIds: SqlTerm; readonly count: number; readonly exact?: boolean };
}

/** One statement of a plan; its SQL ends in `LIMIT ?`, bound by the runner to the rows still needed. */
export interface PlanStep {
  readonly sql: string;
  readonly params: readonly SqlValue[];
  /** The sort key of every row of this step, when it is a constant the statement does not select. */
  readonly key?: string | number;
  /** This step scans the table for a text match (the store may first collect the match's rows instead). */
  readonly textScan?: true;
}

export interface PagePlan {
  readonly steps: readonly PlanStep[];
  /** How it reads, e.g. 'arms(market×3)' or 'lookup(kind)+sort' (for tests, logs and the bench). */
  readonly shape: string;
}

/** One run of rows on an arm index: the equality that selects it and its sort key if constant. */
interface Arm {
  readonly values: readonly SqlValue[];
  /** The sort key's value in this arm, when the sort column is one of the arm's (or its account). */
  readonly key: string | number | undefined;
}

type DriverName = ArmDimension | 'time' | 'text';

interface Driver {
  readonly name: DriverName;
  readonly count: number;
  /** SELECT raw_id … of the rows this driver selects (index entries only). */
  readonly rowIds: SqlTerm;
}

/** The plan for the page, or 'empty' when the filter can match no row. */
export function planPage(q: PageQuery, probe: HistoryProbe): PagePlan | 'empty' {
  const f = q.filter;
  if (f.matchesNothing) return 'empty';
  const armsByDimension = new Map<ArmDimension, Arm[] | undefined>();
  const armsOf = (dimension: ArmDimension): Arm[] | undefined => {
    if (!armsByDimension.has(dimension)) armsByDimension.set(dimension, listArms(dimension, q, probe));
    return armsByDimension.get(dimension);
  };
  // A filtered dimension with no value present: nothing can match.
  for (const d of filteredDimensions(f)) if (armsOf(d)?.length === 0) return 'empty';

  const drivers = listDrivers(q, armsOf, probe);
  // A text match's known rows (at most history-text-cache.ts's cap) are always worth fetching and sorting
  // rather than scanning the table again.
  const small = drivers.reduce<Driver | undefined>((best, d) => ((d.count < q.limits.smallSet || d.name === 'text') && (best === undefined || d.count < best.count) ? d : best), undefined);
  const access = q.spec.access;

  if (q.sort.column === 'time') {
    // Arms of a filtered dimension read only its rows (and seek on the time range too), so never
    // more than the time index would: take the narrowest.
    const best = drivers.filter((d): d is Driver & { name: ArmDimension } => d.name !== 'time' && d.name !== 'text')
      .reduce<(Driver & { name: ArmDimension }) | undefined>((b, d) => (b === undefined || d.count < b.count ? d : b), undefined);
    if (small !== undefined && small.name !== best?.name && small.name !== 'time') return lookup(q, small);
    if (best !== undefined) return arms(q, best.name, armsOf(best.name)!);
    return f.text === undefined ? walk(q, 'executions_by_time') : windowedWalk(q, probe);
  }
  if (access.kind === 'index') {
    if (q.sort.column === 'market' && f.market !== undefined) {
      const marketArms = armsOf('market');
      if (marketArms !== undefined) return small !== undefined && small.name !== 'market' ? lookup(q, small) : arms(q, 'market', marketArms);
    }
    if (small !== undefined) return lookup(q, small);
    return walk(q, access.index);
  }
  if (access.kind === 'per-account') {
    if (small !== undefined) return lookup(q, small);
    return perAccount(q, probe.accountsOf(f.sessions?.ids));
  }
  if (access.kind === 'arms') {
    if (small !== undefined && small.name !== access.dimension) return lookup(q, small);
    const dimensionArms = armsOf(access.dimension);
    if (dimensionArms !== undefined) return arms(q, access.dimension, dimensionArms);
  }
  return small !== undefined ? lookup(q, small) : sortAll(q);
}

function filteredDimensions(f: CompiledFilter): ArmDimension[] {
  const dims: ArmDimension[] = [];
  if (f.market !== undefined) dims.push('market');
  if (f.kind !== undefined) dims.push('kind');
  if (f.sessions !== undefined) dims.push('account');
  return dims;
}

/** The arms of a dimension the filter admits (every value present when unfiltered); undefined if too many. */
function listArms(dimension: ArmDimension, q: PageQuery, probe: HistoryProbe): Arm[] | undefined {
  const f = q.filter;
  const access = q.spec.access;
  const keyColumn = access.kind === 'arms' && access.dimension === dimension ? access.armColumn : dimension === 'market' && q.sort.column === 'market' ? 'symbol' : undefined;
  switch (dimension) {
    case 'market': {
      if (f.market === undefined) return undefined; // every market: walk executions_by_market instead
      const symbols = probe.presentSymbols(f.market.ranges, f.market.matches, q.limits.maxArms);
      return symbols?.map((s) => ({ values: [s], key: keyColumn === undefined ? undefined : s }));
    }
    case 'kind': {
      const kinds = probe.presentKinds(f.kind?.values, q.limits.maxArms);
      const column = ARM_INDEXES.kind.columns.indexOf(keyColumn ?? '');
      return kinds?.map((k) => ({ values: k, key: column < 0 ? undefined : k[column] }));
    }
    case 'account': {
      const sessions = probe.presentSessions(f.sessions?.ids, q.limits.maxArms);
      return sessions?.map((id) => ({ values: [id], key: keyColumn === undefined ? undefined : q.accountName(id) }));
    }
  }
}

/** Each filter an index can serve, with a count of its rows capped at limits.smallSet. */
function listDrivers(q: PageQuery, armsOf: (d: ArmDimension) => Arm[] | undefined, probe: HistoryProbe): Driver[] {
  const f = q.filter;
  const bounds = present([f.time, f.asOf]);
  const drivers: Driver[] = [];
  for (const dimension of filteredDimensions(f)) {
    const dimensionArms = armsOf(dimension);
    if (dimensionArms === undefined) continue;
    const values = dimensionArms.map((a) => a.values);
    drivers.push({ name: dimension, count: probe.cappedArmsCount(dimension, values, bounds, q.limits.smallSet), rowIds: armRowIds(dimension, values, bounds) });
  }
  if (q.textCandidates !== undefined) drivers.push({ name: 'text', count: q.textCandidates.count, rowIds: q.textCandidates.rowIds });
  if (f.time !== undefined) {
    const where = whereSql(bounds);
    const index = 'executions_by_time';
    drivers.push({ name: 'time', count: probe.cappedCount(index, bounds, q.limits.smallSet), rowIds: { sql: `SELECT raw_id FROM executions INDEXED BY ${index} WHERE ${where.sql}`, params: where.params } });
  }
  return drivers;
}

function armRowIds(dimension: ArmDimension, values: readonly (readonly SqlValue[])[], bounds: readonly SqlTerm[]): SqlTerm {
  const { index, columns } = ARM_INDEXES[dimension];
  const where = whereSql(bounds);
  const eq = columns.map((c) => `${c} = ?`).join(' AND ');
  return {
    sql: values.map(() => `SELECT raw_id FROM executions INDEXED BY ${index} WHERE ${eq} AND ${where.sql}`).join(' UNION ALL '),
    params: values.flatMap((v) => [...v, ...where.params]),
  };
}

const direction = (q: PageQuery): 'ASC' | 'DESC' => ((q.sort.direction === 'asc') !== q.backwards ? 'ASC' : 'DESC');
const afterOp = (q: PageQuery): '>' | '<' => (direction(q) === 'ASC' ? '>' : '<');

function present<T>(values: readonly (T | undefined)[]): T[] {
  return values.filter((v): v is T => v !== undefined);
}

/** The keyset condition of a one-statement plan: strictly after the cursor in the read direction. */
function keyset(q: PageQuery): SqlTerm | undefined {
  const c = q.cursor;
  if (c === undefined) return undefined;
  if (q.spec.key === undefined) return { sql: `(event_at, raw_id) ${afterOp(q)} (?, ?)`, params: [c.eventAt, c.rowId] };
  const rowValue: SqlTerm = { sql: `(${q.spec.key.sql}, event_at, raw_id) ${afterOp(q)} (?, ?, ?)`, params: [c.key!, c.eventAt, c.rowId] };
  if (q.spec.key.seek !== true) return rowValue;
  // An expression index is sought from `expr <= key` (or >=) only; the row value then skips the rows of
  // the cursor's own key that come before it (index entries only, no row read).
  return { sql: `${q.spec.key.sql} ${afterOp(q)}= ? AND ${rowValue.sql}`, params: [c.key!, ...rowValue.params] };
}

/** One SELECT of the page's columns (and the sort key as k0), in the sort's full order. */
function step(q: PageQuery, from: string, terms: readonly SqlTerm[]): PlanStep {
  const where = whereSql(terms);
  const dir = direction(q);
  const k0 = q.spec.key === undefined ? '' : `, ${q.spec.key.sql} AS k0`;
  const order = `${q.spec.key === undefined ? '' : `k0 ${dir}, `}event_at ${dir}, raw_id ${dir}`;
  return { sql: `SELECT ${HISTORY_SELECT}${k0} FROM executions ${from} WHERE ${where.sql} ORDER BY ${order} LIMIT ?`, params: where.params };
}

/** Walk an index in the sort's order. */
function walk(q: PageQuery, index: string): PagePlan {
  return { steps: [step(q, `INDEXED BY ${index}`, present([...allTerms(q.filter), keyset(q)]))], shape: `walk(${index})` };
}

/**
 * One run per account, each read in (key, event_at, row id) order off the UNIQUE (account_id, key)
 * index, merged: the key varies within a run, so the merge is on k0 itself.
 */
function perAccount(q: PageQuery, accounts: readonly number[]): PagePlan {
  if (accounts.length === 0) return { steps: [], shape: 'per-account×0' };
  const dir = direction(q);
  const selects = accounts.map((account) => {
    const where = whereSql(present([{ sql: 'account_id = ?', params: [account] }, ...allTerms(q.filter), keyset(q)]));
    return { sql: `SELECT ${HISTORY_SELECT}, ${q.spec.key!.sql} AS k0 FROM executions WHERE ${where.sql}`, params: where.params };
  });
  return {
    steps: [{ sql: `${selects.map((s) => s.sql).join(' UNION ALL ')} ORDER BY k0 ${dir}, event_at ${dir}, raw_id ${dir} LIMIT ?`, params: selects.flatMap((s) => s.params) }],
    shape: `per-account×${accounts.length}`,
  };
}

/** Fetch the rows one small driver selects, then let SQLite sort them. */
function lookup(q: PageQuery, driver: Driver): PagePlan {
  const ids: SqlTerm = { sql: `raw_id IN (${driver.rowIds.sql})`, params: driver.rowIds.params };
  return { steps: [step(q, '', present([ids, ...allTerms(q.filter), keyset(q)]))], shape: `lookup(${driver.name})+sort` };
}

/** No index holds this order: SQLite sorts every matching row (slow at a million; see bench/README.md). */
function sortAll(q: PageQuery): PagePlan {
  return { steps: [step(q, '', present([...allTerms(q.filter), keyset(q)]))], shape: 'scan+sort' };
}

/**
 * A text match sorted by time: walk the next textWindow rows by time (a common match fills the page
 * there), then scan the rest of the table in row order and sort what matches (a rare one costs one
 * scan instead of a walk that fetches every row out of table order, measured 2x slower).
 */
function windowedWalk(q: PageQuery, probe: HistoryProbe): PagePlan {
  const dir = direction(q);
  const f = q.filter;
  const end = probe.nthInTimeOrder(present([f.time, f.asOf, keyset(q)]), dir, q.limits.textWindow);
  if (end === undefined) return walk(q, 'executions_by_time');
  const op = afterOp(q);
  const inside: SqlTerm = { sql: `(event_at, raw_id) ${op === '>' ? '<=' : '>='} (?, ?)`, params: [end.eventAt, end.rowId] };
  const beyond: SqlTerm = { sql: `(event_at, raw_id) ${op} (?, ?)`, params: [end.eventAt, end.rowId] };
  const terms = present([...allTerms(f), keyset(q)]);
  return {
    steps: [step(q, 'INDEXED BY executions_by_time', [...terms, inside]), { ...step(q, 'NOT INDEXED', [...terms, beyond]), textScan: true }],
    shape: 'walk(executions_by_time, window)+scan',
  };
}

/**
 * Reads the arms of a dimension. Arms whose sort key is the same form a group, merged by time; groups
 * run one after the other in key order (a constant key in ORDER BY would make SQLite sort each arm).
 */
function arms(q: PageQuery, dimension: ArmDimension, list: readonly Arm[]): PagePlan {
  const { index, columns } = ARM_INDEXES[dimension];
  const dir = direction(q);
  const op = afterOp(q);
  const c = q.cursor;
  const groups = new Map<string | number | undefined, Arm[]>();
  for (const arm of list) groups.set(arm.key, [...(groups.get(arm.key) ?? []), arm]);
  const keys = [...groups.keys()].sort((a, b) => (a === undefined || b === undefined ? 0 : compareKeys(a, b) * (dir === 'ASC' ? 1 : -1)));
  const steps: PlanStep[] = [];
  let armCount = 0;
  for (const key of keys) {
    // Keys are constant within a group: compare with the cursor's here, so each arm seeks on (event_at, row id).
    const order = c === undefined || key === undefined ? 0 : compareKeys(key, c.key!) * (dir === 'ASC' ? 1 : -1);
    if (order < 0) continue;
    const tail = c !== undefined && order === 0 ? { sql: `(event_at, raw_id) ${op} (?, ?)`, params: [c.eventAt, c.rowId] } : undefined;
    const selects = groups.get(key)!.map((arm) => {
      const eq: SqlTerm = { sql: columns.map((col) => `${col} = ?`).join(' AND '), params: arm.values };
      const where = whereSql(present([eq, ...allTerms(q.filter), tail]));
      return { sql: `SELECT ${HISTORY_SELECT} FROM executions INDEXED BY ${index} WHERE ${where.sql}`, params: where.params };
    });
    armCount += selects.length;
    steps.push({
      sql: `${selects.map((s) => s.sql).join(' UNION ALL ')} ORDER BY event_at ${dir}, raw_id ${dir} LIMIT ?`,
      params: selects.flatMap((s) => s.params),
      ...(key === undefined ? {} : { key }),
    });
  }
  return { steps, shape: `arms(${dimension}×${armCount})` };
}

function compareKeys(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return compareUtf8(String(a), String(b));
}
