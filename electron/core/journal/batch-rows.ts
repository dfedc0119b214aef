// batch-rows.ts — the first step of a commit (batch-writer.ts): a batch of accepted messages turned
// into plain data that can be posted to the writer thread (journal-writer.ts) by structured clone —
// the frames back to back in one buffer, five numbers per entry, one array per row to insert — and
// the plain answer (WriteResult) that comes back. Defines the row layout the writer's SQL reads.
import type { PriceUnit } from '../../../shared/money.ts';
import type { PendingEntry } from './pending-entry.ts';

export interface SessionNumbers {
  readonly nextInbound: number;
  readonly nextOutbound: number;
  readonly epoch: number;
}

export interface Batch {
  readonly sessionId: number;
  /** The API key's account (accounts.id): ExecIDs are unique within it, not across the file. */
  readonly accountId: number;
  /** How the session's Logon asked for prices (21005), stored with each execution. */
  readonly priceUnit: PriceUnit;
  readonly entries: readonly PendingEntry[];
  /** Written after the entries; undefined leaves the session row as it is. */
  readonly numbers: SessionNumbers | undefined;
  readonly updatedAt: number;
}

/** Fields per entry in BatchRows.meta: frame end, MsgSeqNum, receive time, epoch, connection id (-1 = none). */
export const META = 5;

export const EXECUTION_COLUMNS = [
  'raw_id', 'exec_key', 'order_id', 'cl_ord_id', 'orig_cl_ord_id', 'symbol', 'side', 'exec_type', 'ord_status', 'last_qty',
  'last_px', 'cum_qty', 'leaves_qty', 'avg_px', 'fee', 'balance_change', 'transact_time', 'event_at', 'text', 'msg_seq_num',
  'poss_dup', 'trd_match_id', 'long_qty', 'short_qty', 'price', 'session_id', 'account_id', 'price_unit',
] as const;

/** Columns of an execution row after raw_id (exec_key … price), as toBatchRows lays them out. */
export const ROW_COLUMNS = 24;

/**
 * One batch as plain data, ready for BatchWriter.write on this thread or another (structured clone):
 * the frames back to back in one buffer, five numbers per entry, and one array per row to insert.
 */
export interface BatchRows {
  readonly sessionId: number;
  readonly accountId: number;
  readonly priceUnit: PriceUnit;
  readonly numbers: SessionNumbers | undefined;
  readonly updatedAt: number;
  readonly frames: Uint8Array;
  /** Per entry: end of its frame in `frames`, MsgSeqNum, receivedAt, epoch, connection id (-1 = none). */
  readonly meta: Float64Array;
  /**
   * Per execution: entry index, then the executions columns from exec_key to price in
   * EXECUTION_COLUMNS order, then the ExecID's parts (exchange index, clock, event) or nulls.
   */
  readonly executions: unknown[][];
  /** Per settlement: entry index, report_id … last_fragment. */
  readonly settlements: unknown[][];
  /** Per undecodable message: entry index, msg_type, error_kind, tag, message. */
  readonly undecodable: unknown[][];
}

/** What write() stored: the first message id, and which execution / settlement rows were new (1) or known (0). */
export interface WriteResult {
  readonly firstId: number;
  readonly freshExecutions: Uint8Array;
  readonly freshSettlements: Uint8Array;
  /** Per known execution that differs from the stored one: its index in rows.executions, the stored row's raw_id, the fields. */
  readonly conflicts: Array<[number, number, string]>;
}

/** The rows and frames of `batch`, in accept order. */
export function toBatchRows(batch: Batch): BatchRows {
  const entries = batch.entries;
  const meta = new Float64Array(entries.length * META);
  const raws: Buffer[] = new Array<Buffer>(entries.length);
  const executions: unknown[][] = [];
  const settlements: unknown[][] = [];
  const undecodable: unknown[][] = [];
  let end = 0;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    raws[i] = entry.raw;
    end += entry.raw.length;
    const m = i * META;
    meta[m] = end;
    meta[m + 1] = entry.msgSeqNum;
    meta[m + 2] = entry.receivedAt;
    meta[m + 3] = entry.epoch;
    meta[m + 4] = entry.connectionId ?? -1;
    const e = entry.execution;
    if (e !== undefined) {
      const r = e.record;
      const p = e.execIdParts;
      executions.push([
        i, e.key, r.orderId, r.clOrdId, r.origClOrdId, r.symbol, r.side, r.execType, r.ordStatus, r.lastQty,
        r.lastPx, r.cumQty, r.leavesQty, r.avgPx, r.fee, e.balanceChange, r.transactTime, e.eventAt, r.text, r.msgSeqNum,
        r.possDup ? 1 : 0, e.trdMatchId, e.longQty, e.shortQty, e.price, p?.exchangeIndex ?? null, p?.clock ?? null, p?.event ?? null,
      ]);
    } else if (entry.settlement !== undefined) {
      const t = entry.settlement;
      settlements.push([i, t.reportId, t.symbol, t.clearingBusinessDate, t.marketResult, t.settlementPrice, t.totalReports, t.lastFragment]);
    }
    const u = entry.undecodable;
    if (u !== undefined) undecodable.push([i, entry.msgType, u.errorKind, u.tag, u.message]);
  }
  return {
    sessionId: batch.sessionId,
    accountId: batch.accountId,
    priceUnit: batch.priceUnit,
    numbers: batch.numbers,
    updatedAt: batch.updatedAt,
    frames: Buffer.concat(raws, end),
    meta,
    executions,
    settlements,
    undecodable,
  };
}
