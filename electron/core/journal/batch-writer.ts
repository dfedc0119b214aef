// batch-writer.ts — commits one batch of accepted messages in ONE transaction: the raw rows with their
// hash chain, the executions (one per ExecID; a resent or replayed one is ignored), order states,
// settlements, undecodable markers, the per-index ExecID heads, the chain head and the session's
// sequence numbers. Either all of it is stored or none of it, so the expected inbound number can never
// run ahead of (or behind) the messages it covers. Prepared statements are made once and reused.
// Never decodes FIX and never decides when to commit (journal.ts does).
import type Database from 'better-sqlite3';
import type { ExecutionRecord } from '../recorder/execution-record.ts';
import { compareExecIdParts, type ExecIdParts } from './exec-id.ts';
import { HASH_BYTES, rowHash } from './hash-chain.ts';
import type { PendingEntry, PendingExecution } from './pending-entry.ts';

export interface SessionNumbers {
  readonly nextInbound: number;
  readonly nextOutbound: number;
  readonly epoch: number;
}

export interface Batch {
  readonly sessionId: number;
  readonly entries: readonly PendingEntry[];
  /** Written after the entries; undefined leaves the session row as it is. */
  readonly numbers: SessionNumbers | undefined;
  readonly updatedAt: number;
}

interface ChainHeadRow {
  last_raw_id: number;
  last_hash: Buffer;
}

/** One order's newest execution within a batch: orders are written once per batch, not once per report. */
interface OrderUpdate {
  readonly firstExecutionId: number;
  latest: PendingExecution;
  latestExecutionId: number;
}

function noteOrder(orders: Map<string, OrderUpdate>, execution: PendingExecution, executionId: number): void {
  const known = orders.get(execution.record.orderId);
  if (known === undefined) {
    orders.set(execution.record.orderId, { firstExecutionId: executionId, latest: execution, latestExecutionId: executionId });
  } else if (execution.eventAt >= known.latest.eventAt) {
    // Same rule as the SQL guard: the newest event wins, and on a tie the later arrival.
    known.latest = execution;
    known.latestExecutionId = executionId;
  }
}

interface Head {
  readonly parts: ExecIdParts;
  readonly execId: string;
}

const EXECUTION_COLUMNS = [
  'exec_key', 'exec_id', 'order_id', 'cl_ord_id', 'orig_cl_ord_id', 'symbol', 'side', 'exec_type', 'ord_status',
  'order_qty', 'price', 'last_qty', 'last_px', 'cum_qty', 'leaves_qty', 'avg_px', 'fee', 'trd_match_id', 'aggressor',
  'long_qty', 'short_qty', 'clearing_business_date', 'transact_time', 'event_at', 'text', 'msg_seq_num', 'poss_dup',
  'received_at', 'raw_id',
] as const;

const ORDER_STATE_COLUMNS = [
  'symbol', 'side', 'cl_ord_id', 'ord_status', 'last_exec_type', 'order_qty', 'price', 'cum_qty', 'leaves_qty', 'avg_px',
  'last_execution_id', 'last_event_at',
] as const;

export class BatchWriter {
  readonly #selectHead: Database.Statement<[], ChainHeadRow>;
  readonly #updateHead: Database.Statement<[number, Buffer]>;
  readonly #insertRaw: Database.Statement<unknown[]>;
  readonly #insertExecution: Database.Statement<unknown[]>;
  readonly #upsertOrder: Database.Statement<unknown[]>;
  readonly #insertSettlement: Database.Statement<unknown[]>;
  readonly #insertUndecodable: Database.Statement<unknown[]>;
  readonly #upsertExecIdHead: Database.Statement<[number, bigint, bigint, string]>;
  readonly #updateSession: Database.Statement<[number, number, number, number, number]>;
  readonly #commit: (batch: Batch) => ExecutionRecord[];

  constructor(db: Database.Database) {
    this.#selectHead = db.prepare('SELECT last_raw_id, last_hash FROM chain_head WHERE id = 1');
    this.#updateHead = db.prepare('UPDATE chain_head SET last_raw_id = ?, last_hash = ? WHERE id = 1');
    this.#insertRaw = db.prepare(
      'INSERT INTO raw_messages (id, session_id, connection_id, epoch, msg_seq_num, msg_type, poss_dup, received_at, raw, hash) VALUES (?,?,?,?,?,?,?,?,?,?)',
    );
    this.#insertExecution = db.prepare(
      `INSERT INTO executions (${EXECUTION_COLUMNS.join(', ')}) VALUES (${EXECUTION_COLUMNS.map(() => '?').join(',')})
       ON CONFLICT (exec_key) DO NOTHING`,
    );
    // An older report (replayed after a newer one) must not roll the order's state back.
    this.#upsertOrder = db.prepare(
      `INSERT INTO orders (order_id, first_execution_id, ${ORDER_STATE_COLUMNS.join(', ')})
       VALUES (?, ?, ${ORDER_STATE_COLUMNS.map(() => '?').join(',')})
       ON CONFLICT (order_id) DO UPDATE SET ${ORDER_STATE_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}
       WHERE excluded.last_event_at >= orders.last_event_at`,
    );
    this.#insertSettlement = db.prepare(
      `INSERT INTO settlements (report_id, symbol, clearing_business_date, market_result, settlement_price, total_reports, last_fragment, received_at, raw_id)
       VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT (report_id) DO NOTHING`,
    );
    this.#insertUndecodable = db.prepare('INSERT INTO undecodable (raw_id, msg_type, error_kind, tag, message) VALUES (?,?,?,?,?)');
    this.#upsertExecIdHead = db.prepare(
      `INSERT INTO exec_id_heads (exchange_index, exec_clock, exec_event, exec_id) VALUES (?,?,?,?)
       ON CONFLICT (exchange_index) DO UPDATE SET exec_clock = excluded.exec_clock, exec_event = excluded.exec_event, exec_id = excluded.exec_id
       WHERE (excluded.exec_clock, excluded.exec_event) > (exec_id_heads.exec_clock, exec_id_heads.exec_event)`,
    );
    this.#updateSession = db.prepare('UPDATE sessions SET next_inbound = ?, next_outbound = ?, epoch = ?, updated_at = ? WHERE id = ?');
    // IMMEDIATE takes the write lock before reading the chain head, so a second writer on the same file
    // (another session's Journal) can never chain onto a stale head.
    const run = db.transaction((batch: Batch) => this.#write(batch));
    this.#commit = (batch) => run.immediate(batch);
  }

  /** Commits the batch; returns the executions that were new to the journal, in accept order. */
  commit(batch: Batch): ExecutionRecord[] {
    return this.#commit(batch);
  }

  #write(batch: Batch): ExecutionRecord[] {
    const head = this.#selectHead.get();
    if (head === undefined || head.last_hash.length !== HASH_BYTES) throw new Error('The journal has no valid chain head row.');
    let id = head.last_raw_id;
    let prev: Buffer = head.last_hash;
    const fresh: ExecutionRecord[] = [];
    const heads = new Map<number, Head>();
    const orders = new Map<string, OrderUpdate>();
    for (const entry of batch.entries) {
      id++;
      prev = rowHash(prev, {
        id,
        sessionId: batch.sessionId,
        connectionId: entry.connectionId,
        epoch: entry.epoch,
        msgSeqNum: entry.msgSeqNum,
        receivedAt: entry.receivedAt,
        possDup: entry.possDup,
        msgType: entry.msgType,
        raw: entry.raw,
      });
      this.#insertRaw.run(id, batch.sessionId, entry.connectionId, entry.epoch, entry.msgSeqNum, entry.msgType, entry.possDup ? 1 : 0, entry.receivedAt, entry.raw, prev);
      const execution = entry.execution;
      if (execution !== undefined) {
        const executionId = this.#insertExecutionRow(execution, entry, id);
        if (executionId !== undefined) {
          fresh.push(execution.record);
          noteOrder(orders, execution, executionId);
          const parts = execution.execIdParts;
          if (parts !== undefined) {
            const known = heads.get(parts.exchangeIndex);
            if (known === undefined || compareExecIdParts(parts, known.parts) > 0) heads.set(parts.exchangeIndex, { parts, execId: execution.record.execId });
          }
        }
      } else if (entry.settlement !== undefined) {
        const s = entry.settlement;
        this.#insertSettlement.run(s.reportId, s.symbol, s.clearingBusinessDate, s.marketResult, s.settlementPrice, s.totalReports, s.lastFragment, entry.receivedAt, id);
      }
      if (entry.undecodable !== undefined) {
        const u = entry.undecodable;
        this.#insertUndecodable.run(id, entry.msgType, u.errorKind, u.tag, u.message);
      }
    }
    for (const update of orders.values()) this.#upsertOrderState(update);
    for (const [index, head] of heads) this.#upsertExecIdHead.run(index, BigInt(head.parts.clock), BigInt(head.parts.event), head.execId);
    if (batch.entries.length > 0) this.#updateHead.run(id, prev);
    const n = batch.numbers;
    if (n !== undefined) this.#updateSession.run(n.nextInbound, n.nextOutbound, n.epoch, batch.updatedAt, batch.sessionId);
    return fresh;
  }

  /** Inserts the execution unless its key is already stored; returns its row id when inserted. */
  #insertExecutionRow(execution: PendingExecution, entry: PendingEntry, rawId: number): number | undefined {
    const r = execution.record;
    const result = this.#insertExecution.run(
      execution.key, r.execId, r.orderId, r.clOrdId, r.origClOrdId, r.symbol, r.side, r.execType, r.ordStatus,
      execution.orderQty, execution.price, r.lastQty, r.lastPx, r.cumQty, r.leavesQty, r.avgPx, r.fee, execution.trdMatchId,
      execution.aggressor === null ? null : execution.aggressor ? 1 : 0,
      execution.longQty, execution.shortQty, execution.clearingBusinessDate, r.transactTime, execution.eventAt, r.text,
      r.seqNum, r.possDup ? 1 : 0, entry.receivedAt, rawId,
    );
    return result.changes === 0 ? undefined : Number(result.lastInsertRowid);
  }

  #upsertOrderState(update: OrderUpdate): void {
    const e = update.latest;
    const r = e.record;
    this.#upsertOrder.run(
      r.orderId, update.firstExecutionId,
      r.symbol, r.side, r.clOrdId, r.ordStatus, r.execType, e.orderQty, e.price, r.cumQty, r.leavesQty, r.avgPx,
      update.latestExecutionId, e.eventAt,
    );
  }
}
