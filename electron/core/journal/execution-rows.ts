// execution-rows.ts — the executions table as the readers see it: the StoredExecution shape, the one
// SELECT every listing uses, the row mapping and the filter → WHERE translation. Pure (no statement is
// run here); queries.ts runs them.
import type { ExecutionReport } from '../fix/execution-report.ts';
import type { ExecType, ExecutionRecord, OrdStatus, Side } from '../../../shared/records/execution-record.ts';
import type { StoredMessage } from './message-reader.ts';

/** One stored execution: the columns every listing needs. The rest of the report: executionReport(rawId). */
export interface StoredExecution extends ExecutionRecord {
  /**
   * Id of the message that first carried this execution (see message-reader.ts); also the order in
   * which executions were first stored.
   */
  readonly rawId: number;
  /** TransactTime in epoch ms, or the receive time when the report had none. */
  readonly eventAt: number;
  /** The BALANCE CollateralAmountChange(1704) as received, or null. */
  readonly balanceChange: string | null;
}

/** A stored ExecutionReport read back in full from its frame. */
export interface StoredReport {
  readonly message: StoredMessage;
  readonly report: ExecutionReport;
}

export interface ExecutionFilter {
  /** Inclusive lower bound on eventAt (epoch ms). */
  readonly from?: number;
  /** Exclusive upper bound on eventAt (epoch ms). */
  readonly to?: number;
  /** Exact market ticker (Symbol 55). */
  readonly market?: string;
  /** Side(54): '1' buy Yes, '2' sell Yes. */
  readonly side?: string;
  readonly limit?: number;
  readonly offset?: number;
}

export interface ExecutionRow {
  raw_id: number; exec_id: string; order_id: string; cl_ord_id: string; orig_cl_ord_id: string | null; symbol: string;
  side: Side; exec_type: ExecType; ord_status: OrdStatus; last_qty: string | null; last_px: string | null; cum_qty: string;
  leaves_qty: string; avg_px: string; fee: string | null; balance_change: string | null; transact_time: string | null;
  event_at: number; text: string | null; msg_seq_num: number; poss_dup: number;
}

/** The columns of an ExecutionRow, for every reader that maps rows with toStoredExecution. */
export const EXECUTION_COLUMNS = `raw_id, exec_id, order_id, cl_ord_id, orig_cl_ord_id, symbol, side, exec_type, ord_status, last_qty,
  last_px, cum_qty, leaves_qty, avg_px, fee, balance_change, transact_time, event_at, text, msg_seq_num, poss_dup`;

export const EXECUTION_SELECT = `SELECT ${EXECUTION_COLUMNS} FROM executions`;

export function toStoredExecution(row: ExecutionRow): StoredExecution {
  return {
    execId: row.exec_id,
    orderId: row.order_id,
    clOrdId: row.cl_ord_id,
    origClOrdId: row.orig_cl_ord_id,
    symbol: row.symbol,
    side: row.side,
    execType: row.exec_type,
    ordStatus: row.ord_status,
    lastQty: row.last_qty,
    lastPx: row.last_px,
    cumQty: row.cum_qty,
    leavesQty: row.leaves_qty,
    avgPx: row.avg_px,
    transactTime: row.transact_time,
    msgSeqNum: row.msg_seq_num,
    possDup: row.poss_dup === 1,
    fee: row.fee,
    text: row.text,
    rawId: row.raw_id,
    eventAt: row.event_at,
    balanceChange: row.balance_change,
  };
}

/** WHERE clause and its parameters for a filter; the clause text is also the statement cache key. */
export function filterSql(filter: ExecutionFilter): { where: string; params: (string | number)[] } {
  const terms: string[] = [];
  const params: (string | number)[] = [];
  if (filter.market !== undefined) { terms.push('symbol = ?'); params.push(filter.market); }
  if (filter.from !== undefined) { terms.push('event_at >= ?'); params.push(filter.from); }
  if (filter.to !== undefined) { terms.push('event_at < ?'); params.push(filter.to); }
  if (filter.side !== undefined) { terms.push('side = ?'); params.push(filter.side); }
  return { where: terms.length === 0 ? '' : `WHERE ${terms.join(' AND ')}`, params };
}
