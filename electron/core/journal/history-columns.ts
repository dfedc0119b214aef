// history-columns.ts — the executions table as History reads it: the SELECT list and the row →
// HistoryRow mapping, and for each sort column its key (SQL and type) and the way its rows can come
// off an index already in order (history-plan.ts chooses among them). Pure: runs no SQL.
import { EXECUTION_COLUMNS, toStoredExecution, type ExecutionRow } from './execution-rows.ts';
import type { HistoryRow } from '../../../shared/history/history-page.ts';
import type { HistorySortColumn } from '../../../shared/history/history-sort.ts';
import { decimalKeySql } from './history-decimal-key.ts';
import { LAST_PX_SORT_SQL } from './migrations/0008-price-qty-sorts.ts';

export const HISTORY_SELECT = `${EXECUTION_COLUMNS}, session_id`;

export interface HistoryDbRow extends ExecutionRow {
  session_id: number;
  /** The sort key's value, selected by page queries (absent for the time sort). */
  k0?: string | number;
}

/** The stored execution (execution-rows.ts maps the columns) as History shows it, with its account. */
export function toHistoryRow(row: HistoryDbRow, account: string | null): HistoryRow {
  const { rawId, ...execution } = toStoredExecution(row);
  return { rowId: rawId, account, ...execution };
}

/**
 * Values a run of rows shares on an index whose remaining columns are event_at (then the row id):
 * one "arm" per value, each already in time order (see history-plan.ts).
 */
export type ArmDimension = 'market' | 'kind' | 'account';

export interface ArmIndex {
  readonly index: string;
  /** The equality columns that name one arm. */
  readonly columns: readonly string[];
}

export const ARM_INDEXES: Readonly<Record<ArmDimension, ArmIndex>> = {
  market: { index: 'executions_by_market', columns: ['symbol'] },
  kind: { index: 'executions_by_kind', columns: ['exec_type', 'ord_status', 'side'] },
  account: { index: 'executions_by_account', columns: ['session_id'] },
};

/** How a sort's rows come off in order without a sort step. */
export type OrderedAccess =
  /** Walk one index in key order. */
  | { readonly kind: 'index'; readonly index: string }
  /**
   * One run per account on UNIQUE (account_id, exec_key) (schema 4), each in key order, merged: an
   * ExecID is unique within an account only. The index is SQLite's own, so it is left to its planner.
   */
  | { readonly kind: 'per-account' }
  /** Merge the arms of a dimension; the key is one of the arm's columns (or its account name). */
  | { readonly kind: 'arms'; readonly dimension: ArmDimension; readonly armColumn: string }
  /** No index has this order: SQLite sorts the matching rows. */
  | { readonly kind: 'sort' };

export type KeyType = 'text' | 'integer';

export interface SortColumnSpec {
  /** The leading sort key; undefined for 'time', whose key is event_at itself. */
  /**
   * `seek`: the key is an indexed expression, which SQLite seeks only from a plain comparison on it (a
   * row value (expr, event_at, raw_id) < (…) would walk the index from its start).
   */
  readonly key: { readonly sql: string; readonly type: KeyType; readonly seek?: boolean } | undefined;
  readonly access: OrderedAccess;
}

/** An execution's account name (SenderCompID) in SQL, '' when its session is unknown. */
const ACCOUNT_NAME_SQL = "ifnull((SELECT s.sender_comp_id FROM sessions s WHERE s.id = executions.session_id), '')";

const text = (sql: string): SortColumnSpec['key'] => ({ sql, type: 'text' });
const decimal = (column: string): SortColumnSpec['key'] => ({ sql: decimalKeySql(column), type: 'integer' });
const SORTED_BY_SQLITE: OrderedAccess = { kind: 'sort' };

export const SORT_COLUMNS: Readonly<Record<HistorySortColumn, SortColumnSpec>> = {
  time: { key: undefined, access: { kind: 'index', index: 'executions_by_time' } },
  account: { key: text(ACCOUNT_NAME_SQL), access: { kind: 'arms', dimension: 'account', armColumn: 'session_id' } },
  market: { key: text('symbol'), access: { kind: 'index', index: 'executions_by_market' } },
  side: { key: text('side'), access: { kind: 'arms', dimension: 'kind', armColumn: 'side' } },
  execType: { key: text('exec_type'), access: { kind: 'arms', dimension: 'kind', armColumn: 'exec_type' } },
  ordStatus: { key: text('ord_status'), access: { kind: 'arms', dimension: 'kind', armColumn: 'ord_status' } },
  // Migration 0008's indexes on VIRTUAL key columns: LastQty's exact micro-units (0003), and LastPx in
  // 10^-8 dollars whatever the account's price unit (cents rows and dollars rows sort together).
  lastQty: { key: { sql: 'last_qty_key', type: 'integer' }, access: { kind: 'index', index: 'executions_by_last_qty' } },
  lastPx: { key: { sql: LAST_PX_SORT_SQL, type: 'integer', seek: true }, access: { kind: 'index', index: 'executions_by_last_px' } },
  cumQty: { key: decimal('cum_qty'), access: SORTED_BY_SQLITE },
  leavesQty: { key: decimal('leaves_qty'), access: SORTED_BY_SQLITE },
  avgPx: { key: decimal('avg_px'), access: SORTED_BY_SQLITE },
  fee: { key: decimal('fee'), access: SORTED_BY_SQLITE },
  // The stored key: the ExecID, widened for pending '-1;-1' reports (they sort by their whole key).
  execId: { key: text('exec_key'), access: { kind: 'per-account' } },
  orderId: { key: text('order_id'), access: SORTED_BY_SQLITE },
  clOrdId: { key: text('cl_ord_id'), access: SORTED_BY_SQLITE },
};
