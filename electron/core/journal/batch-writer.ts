// batch-writer.ts — commits one batch of accepted messages in ONE transaction: the raw messages as
// hash-chained segments (one per run of messages of one connection and epoch, see segment.ts), the
// executions (one per ExecID; a resent or replayed one is ignored), settlements, undecodable markers,
// the per-index ExecID heads, the chain head and the session's sequence numbers. Either all of it is stored or none of it, so the expected inbound number can never
// run ahead of (or behind) the messages it covers. Prepared statements are made once and reused.
// Never decodes FIX and never decides when to commit (journal.ts does).
import type Database from 'better-sqlite3';
import type { ExecutionRecord } from '../../../shared/records/execution-record.ts';
import { compareExecIdParts, type ExecIdParts } from './exec-id.ts';
import { HASH_BYTES } from './hash-chain.ts';
import type { PendingEntry, PendingExecution } from './pending-entry.ts';
import { buildSegment } from './segment.ts';
import type { PriceUnit } from '../../../shared/money.ts';
import type { UndecodableNotice } from '../../../shared/records/undecodable-notice.ts';

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

interface ChainHeadRow {
  last_raw_id: number;
  last_hash: Buffer;
}

interface Head {
  readonly parts: ExecIdParts;
  readonly execId: string;
}

const EXECUTION_COLUMNS = [
  'raw_id', 'exec_key', 'order_id', 'cl_ord_id', 'orig_cl_ord_id', 'symbol', 'side', 'exec_type', 'ord_status', 'last_qty',
  'last_px', 'cum_qty', 'leaves_qty', 'avg_px', 'fee', 'balance_change', 'transact_time', 'event_at', 'text', 'msg_seq_num',
  'poss_dup', 'session_id', 'account_id', 'price_unit',
] as const;

/** An execution new to the journal; `rawId` is its message id, the journal position live readers resume from. */
export interface CommittedExecution {
  readonly rawId: number;
  readonly record: ExecutionRecord;
  /** TransactTime in epoch ms, or the receive time (as stored: what replay orders by). */
  readonly eventAt: number;
  readonly balanceChange: string | null;
  readonly priceUnit: PriceUnit;
}

/** A settlement report new to the journal (its frame, for readers that need the whole report). */
export interface CommittedSettlement {
  readonly rawId: number;
  readonly receivedAt: number;
  readonly raw: Buffer;
}

/** What a commit stored that someone should hear about. */
export interface CommittedBatch {
  /** Executions new to the journal, in accept order (resent or replayed ones excluded). */
  readonly executions: CommittedExecution[];
  readonly settlements: CommittedSettlement[];
  /** Messages kept raw because they could not be read. */
  readonly undecodable: UndecodableNotice[];
}

export class BatchWriter {
  readonly #selectHead: Database.Statement<[], ChainHeadRow>;
  readonly #updateHead: Database.Statement<[number, Buffer]>;
  readonly #insertSegment: Database.Statement<unknown[]>;
  readonly #insertExecution: Database.Statement<unknown[]>;
  readonly #insertSettlement: Database.Statement<unknown[]>;
  readonly #insertUndecodable: Database.Statement<unknown[]>;
  readonly #upsertExecIdHead: Database.Statement<[number, number, bigint, bigint, string]>;
  readonly #updateSession: Database.Statement<[number, number, number, number, number]>;
  readonly #commit: (batch: Batch) => CommittedBatch;

  constructor(db: Database.Database) {
    this.#selectHead = db.prepare('SELECT last_raw_id, last_hash FROM chain_head WHERE id = 1');
    this.#updateHead = db.prepare('UPDATE chain_head SET last_raw_id = ?, last_hash = ? WHERE id = 1');
    this.#insertSegment = db.prepare(
      `INSERT INTO segments (id, session_id, connection_id, epoch, count, first_seq, last_seq, first_received_at, last_received_at, hash, idx, frames)
       VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
    );
    this.#insertExecution = db.prepare(
      `INSERT INTO executions (${EXECUTION_COLUMNS.join(', ')}) VALUES (${EXECUTION_COLUMNS.map(() => '?').join(',')})
       ON CONFLICT (account_id, exec_key) DO NOTHING`,
    );
    this.#insertSettlement = db.prepare(
      `INSERT INTO settlements (report_id, symbol, clearing_business_date, market_result, settlement_price, total_reports, last_fragment, received_at, raw_id)
       VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT (report_id) DO NOTHING`,
    );
    this.#insertUndecodable = db.prepare('INSERT INTO undecodable (raw_id, msg_type, error_kind, tag, message) VALUES (?,?,?,?,?)');
    this.#upsertExecIdHead = db.prepare(
      `INSERT INTO exec_id_heads (account_id, exchange_index, exec_clock, exec_event, exec_id) VALUES (?,?,?,?,?)
       ON CONFLICT (account_id, exchange_index) DO UPDATE SET exec_clock = excluded.exec_clock, exec_event = excluded.exec_event, exec_id = excluded.exec_id
       WHERE (excluded.exec_clock, excluded.exec_event) > (exec_id_heads.exec_clock, exec_id_heads.exec_event)`,
    );
    this.#updateSession = db.prepare('UPDATE sessions SET next_inbound = ?, next_outbound = ?, epoch = ?, updated_at = ? WHERE id = ?');
    // IMMEDIATE takes the write lock before reading the chain head, so a second writer on the same file
    // (another session's Journal) can never chain onto a stale head.
    const run = db.transaction((batch: Batch) => this.#write(batch));
    this.#commit = (batch) => run.immediate(batch);
  }

  /** Commits the batch; returns what it stored that is news (see CommittedBatch). */
  commit(batch: Batch): CommittedBatch {
    return this.#commit(batch);
  }

  #write(batch: Batch): CommittedBatch {
    const head = this.#selectHead.get();
    if (head === undefined || head.last_hash.length !== HASH_BYTES) throw new Error('The journal has no valid chain head row.');
    let lastId = head.last_raw_id;
    let prev: Buffer = head.last_hash;
    const entries = batch.entries;
    // One segment per run of entries that share a connection and an epoch (a batch rarely spans two).
    for (let from = 0; from < entries.length; ) {
      const first = entries[from]!;
      let to = from + 1;
      while (to < entries.length && entries[to]!.epoch === first.epoch && entries[to]!.connectionId === first.connectionId) to++;
      const segment = buildSegment(prev, { id: lastId + 1, sessionId: batch.sessionId, connectionId: first.connectionId, epoch: first.epoch }, entries, from, to);
      const h = segment.header;
      this.#insertSegment.run(h.id, h.sessionId, h.connectionId, h.epoch, h.count, h.firstSeq, h.lastSeq, h.firstReceivedAt, h.lastReceivedAt, segment.hash, segment.index, segment.frames);
      prev = segment.hash;
      lastId += h.count;
      from = to;
    }
    const committed = this.#writeDecoded(entries, head.last_raw_id + 1, batch);
    if (entries.length > 0) this.#updateHead.run(lastId, prev);
    const n = batch.numbers;
    if (n !== undefined) this.#updateSession.run(n.nextInbound, n.nextOutbound, n.epoch, batch.updatedAt, batch.sessionId);
    return committed;
  }

  /** Executions, settlements and undecodable markers of entries whose first message id is `firstId`. */
  #writeDecoded(entries: readonly PendingEntry[], firstId: number, batch: Batch): CommittedBatch {
    const { accountId, priceUnit } = batch;
    const fresh: CommittedExecution[] = [];
    const settlements: CommittedSettlement[] = [];
    const undecodable: UndecodableNotice[] = [];
    const heads = new Map<number, Head>();
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i]!;
      const id = firstId + i;
      const execution = entry.execution;
      if (execution !== undefined) {
        if (this.#insertExecutionRow(execution, id, batch)) {
          fresh.push({ rawId: id, record: execution.record, eventAt: execution.eventAt, balanceChange: execution.balanceChange, priceUnit });
          const parts = execution.execIdParts;
          if (parts !== undefined) {
            const known = heads.get(parts.exchangeIndex);
            if (known === undefined || compareExecIdParts(parts, known.parts) > 0) heads.set(parts.exchangeIndex, { parts, execId: execution.record.execId });
          }
        }
      } else if (entry.settlement !== undefined) {
        const s = entry.settlement;
        const inserted = this.#insertSettlement.run(s.reportId, s.symbol, s.clearingBusinessDate, s.marketResult, s.settlementPrice, s.totalReports, s.lastFragment, entry.receivedAt, id);
        if (inserted.changes !== 0) settlements.push({ rawId: id, receivedAt: entry.receivedAt, raw: entry.raw });
      }
      if (entry.undecodable !== undefined) {
        const u = entry.undecodable;
        this.#insertUndecodable.run(id, entry.msgType, u.errorKind, u.tag, u.message);
        undecodable.push({ rawId: id, msgType: entry.msgType, msgSeqNum: entry.msgSeqNum, possDup: entry.possDup, receivedAt: entry.receivedAt, reason: u.message });
      }
    }
    for (const [index, head] of heads) this.#upsertExecIdHead.run(accountId, index, BigInt(head.parts.clock), BigInt(head.parts.event), head.execId);
    return { executions: fresh, settlements, undecodable };
  }

  /** Inserts the execution unless its key is already stored; true when inserted. */
  #insertExecutionRow(execution: PendingExecution, rawId: number, batch: Batch): boolean {
    const r = execution.record;
    const result = this.#insertExecution.run(
      rawId, execution.key, r.orderId, r.clOrdId, r.origClOrdId, r.symbol, r.side, r.execType, r.ordStatus, r.lastQty,
      r.lastPx, r.cumQty, r.leavesQty, r.avgPx, r.fee, execution.balanceChange, r.transactTime, execution.eventAt, r.text, r.msgSeqNum,
      r.possDup ? 1 : 0, batch.sessionId, batch.accountId, batch.priceUnit === 'cents' ? 1 : 0,
    );
    return result.changes !== 0;
  }
}
