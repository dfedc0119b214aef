// queries.ts — typed read queries over a journal (export, P&L, backfill, the UI). Runs on its own
// connection, so a long iteration never blocks or breaks the writer (WAL: readers see the last commit).
// Never writes. Queries slower than a threshold are reported by name (onSlowQuery).
import type Database from 'better-sqlite3';
import type { ExecutionRecord } from '../recorder/execution-record.ts';
import { journalCall, toJournalError } from './errors.ts';

export interface StoredExecution extends ExecutionRecord {
  /** Row id: the order executions were first stored in. */
  readonly rowId: number;
  readonly orderQty: string | null;
  readonly price: string | null;
  readonly trdMatchId: string | null;
  readonly aggressor: boolean | null;
  readonly longQty: string | null;
  readonly shortQty: string | null;
  readonly clearingBusinessDate: string | null;
  /** TransactTime in epoch ms, or the receive time when the report had none. */
  readonly eventAt: number;
  readonly receivedAt: number;
  /** The raw_messages row holding the report's bytes. */
  readonly rawId: number;
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

export interface OrderState {
  readonly orderId: string;
  readonly symbol: string;
  readonly side: string;
  readonly clOrdId: string;
  readonly ordStatus: string;
  readonly lastExecType: string;
  readonly orderQty: string | null;
  readonly price: string | null;
  readonly cumQty: string;
  readonly leavesQty: string;
  readonly avgPx: string;
  readonly lastEventAt: number;
}

export interface StoredSettlement {
  readonly reportId: string | null;
  readonly symbol: string | null;
  readonly clearingBusinessDate: string | null;
  readonly marketResult: string | null;
  readonly settlementPrice: string | null;
  readonly totalReports: string | null;
  readonly lastFragment: string | null;
  readonly receivedAt: number;
  readonly rawId: number;
}

export interface UndecodableMessage {
  readonly rawId: number;
  readonly msgType: string;
  readonly errorKind: string;
  readonly tag: number | null;
  readonly message: string;
  readonly raw: Buffer;
}

export interface StoredSessionState {
  readonly senderCompId: string;
  readonly targetCompId: string;
  readonly nextInbound: number | null;
  readonly nextOutbound: number | null;
  readonly epoch: number;
  readonly lastLogonAt: number | null;
}

export interface StoredConnection {
  readonly id: number;
  readonly senderCompId: string;
  readonly targetCompId: string;
  readonly host: string;
  readonly port: number;
  readonly apiKeyId: string | null;
  readonly startedAt: number;
  readonly loggedOnAt: number | null;
  readonly endedAt: number | null;
  readonly endReason: string | null;
}

export interface ReaderOptions {
  readonly slowQueryMs?: number;
  readonly onSlowQuery?: (name: string, ms: number) => void;
}

interface ExecutionRow {
  id: number; exec_id: string; order_id: string; cl_ord_id: string; orig_cl_ord_id: string | null; symbol: string;
  side: string; exec_type: string; ord_status: string; order_qty: string | null; price: string | null;
  last_qty: string | null; last_px: string | null; cum_qty: string; leaves_qty: string; avg_px: string; fee: string | null;
  trd_match_id: string | null; aggressor: number | null; long_qty: string | null; short_qty: string | null;
  clearing_business_date: string | null; transact_time: string | null; event_at: number; text: string | null;
  msg_seq_num: number; poss_dup: number; received_at: number; raw_id: number;
}

function toStoredExecution(row: ExecutionRow): StoredExecution {
  return {
    rowId: row.id,
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
    seqNum: row.msg_seq_num,
    possDup: row.poss_dup === 1,
    fee: row.fee,
    text: row.text,
    orderQty: row.order_qty,
    price: row.price,
    trdMatchId: row.trd_match_id,
    aggressor: row.aggressor === null ? null : row.aggressor === 1,
    longQty: row.long_qty,
    shortQty: row.short_qty,
    clearingBusinessDate: row.clearing_business_date,
    eventAt: row.event_at,
    receivedAt: row.received_at,
    rawId: row.raw_id,
  };
}

/** WHERE clause and its parameters for a filter; the clause text is also the statement cache key. */
function filterSql(filter: ExecutionFilter): { where: string; params: (string | number)[] } {
  const terms: string[] = [];
  const params: (string | number)[] = [];
  if (filter.market !== undefined) { terms.push('symbol = ?'); params.push(filter.market); }
  if (filter.from !== undefined) { terms.push('event_at >= ?'); params.push(filter.from); }
  if (filter.to !== undefined) { terms.push('event_at < ?'); params.push(filter.to); }
  if (filter.side !== undefined) { terms.push('side = ?'); params.push(filter.side); }
  return { where: terms.length === 0 ? '' : `WHERE ${terms.join(' AND ')}`, params };
}

export class JournalReader {
  readonly #db: Database.Database;
  readonly #slowQueryMs: number;
  readonly #onSlowQuery: ((name: string, ms: number) => void) | undefined;
  readonly #statements = new Map<string, Database.Statement<unknown[]>>();

  constructor(db: Database.Database, options: ReaderOptions = {}) {
    this.#db = db;
    this.#slowQueryMs = options.slowQueryMs ?? 40;
    this.#onSlowQuery = options.onSlowQuery;
  }

  /** Executions in event order (TransactTime, then storage order), filtered and paged. */
  *executions(filter: ExecutionFilter = {}): IterableIterator<StoredExecution> {
    const { where, params } = filterSql(filter);
    const sql = `SELECT * FROM executions ${where} ORDER BY event_at, id LIMIT ? OFFSET ?`;
    // A fresh statement per call: two iterations may be open at once (e.g. two exports), and an open
    // iteration keeps its statement busy.
    const rows = this.#run('executions', () => this.#db.prepare(sql).iterate(...params, filter.limit ?? -1, filter.offset ?? 0));
    try {
      for (const row of rows) yield toStoredExecution(row as ExecutionRow);
    } catch (error) {
      throw toJournalError(error, 'reading executions');
    }
  }

  /** How many executions match the filter (limit and offset ignored), for "showing X of Y". */
  executionCount(filter: ExecutionFilter = {}): number {
    const { where, params } = filterSql(filter);
    return this.#run('executionCount', () => (this.#statement(`SELECT count(*) AS n FROM executions ${where}`).get(...params) as { n: number }).n);
  }

  /** Every sequenced ExecID stored (pending '-1;-1' reports excluded). */
  knownExecIds(): Set<string> {
    return this.#run('knownExecIds', () => {
      const ids = new Set<string>();
      const stmt = this.#db.prepare("SELECT exec_id FROM executions WHERE exec_id <> '-1;-1'").pluck();
      for (const id of stmt.iterate()) ids.add(id as string);
      return ids;
    });
  }

  /** The highest ExecID stored per exchange index (0 = 'clock;event'), for a drop-copy backfill. */
  lastExecIdByIndex(): Map<number, string> {
    return this.#run('lastExecIdByIndex', () => {
      const rows = this.#statement('SELECT exchange_index, exec_id FROM exec_id_heads ORDER BY exchange_index').all() as { exchange_index: number; exec_id: string }[];
      return new Map(rows.map((r) => [r.exchange_index, r.exec_id]));
    });
  }

  /** Every execution of one order, in the order they were stored. */
  orderLifecycle(orderId: string): StoredExecution[] {
    return this.#run('orderLifecycle', () =>
      (this.#statement('SELECT * FROM executions WHERE order_id = ? ORDER BY id').all(orderId) as ExecutionRow[]).map(toStoredExecution),
    );
  }

  order(orderId: string): OrderState | undefined {
    const row = this.#run('order', () => this.#statement('SELECT * FROM orders WHERE order_id = ?').get(orderId)) as
      | { order_id: string; symbol: string; side: string; cl_ord_id: string; ord_status: string; last_exec_type: string; order_qty: string | null; price: string | null; cum_qty: string; leaves_qty: string; avg_px: string; last_event_at: number }
      | undefined;
    if (row === undefined) return undefined;
    return {
      orderId: row.order_id, symbol: row.symbol, side: row.side, clOrdId: row.cl_ord_id, ordStatus: row.ord_status,
      lastExecType: row.last_exec_type, orderQty: row.order_qty, price: row.price, cumQty: row.cum_qty,
      leavesQty: row.leaves_qty, avgPx: row.avg_px, lastEventAt: row.last_event_at,
    };
  }

  settlements(): StoredSettlement[] {
    const rows = this.#run('settlements', () => this.#statement('SELECT * FROM settlements ORDER BY id').all()) as {
      report_id: string | null; symbol: string | null; clearing_business_date: string | null; market_result: string | null;
      settlement_price: string | null; total_reports: string | null; last_fragment: string | null; received_at: number; raw_id: number;
    }[];
    return rows.map((r) => ({
      reportId: r.report_id, symbol: r.symbol, clearingBusinessDate: r.clearing_business_date, marketResult: r.market_result,
      settlementPrice: r.settlement_price, totalReports: r.total_reports, lastFragment: r.last_fragment,
      receivedAt: r.received_at, rawId: r.raw_id,
    }));
  }

  undecodable(): UndecodableMessage[] {
    const rows = this.#run('undecodable', () =>
      this.#statement('SELECT u.raw_id, u.msg_type, u.error_kind, u.tag, u.message, r.raw FROM undecodable u JOIN raw_messages r ON r.id = u.raw_id ORDER BY u.raw_id').all(),
    ) as { raw_id: number; msg_type: string; error_kind: string; tag: number | null; message: string; raw: Buffer }[];
    return rows.map((r) => ({ rawId: r.raw_id, msgType: r.msg_type, errorKind: r.error_kind, tag: r.tag, message: r.message, raw: r.raw }));
  }

  sessionState(senderCompId: string, targetCompId: string): StoredSessionState | undefined {
    const row = this.#run('sessionState', () =>
      this.#statement('SELECT * FROM sessions WHERE sender_comp_id = ? AND target_comp_id = ?').get(senderCompId, targetCompId),
    ) as { next_inbound: number | null; next_outbound: number | null; epoch: number; last_logon_at: number | null } | undefined;
    if (row === undefined) return undefined;
    return { senderCompId, targetCompId, nextInbound: row.next_inbound, nextOutbound: row.next_outbound, epoch: row.epoch, lastLogonAt: row.last_logon_at };
  }

  connections(): StoredConnection[] {
    const rows = this.#run('connections', () =>
      this.#statement('SELECT c.*, s.sender_comp_id, s.target_comp_id FROM connections c JOIN sessions s ON s.id = c.session_id ORDER BY c.id').all(),
    ) as { id: number; sender_comp_id: string; target_comp_id: string; host: string; port: number; api_key_id: string | null; started_at: number; logged_on_at: number | null; ended_at: number | null; end_reason: string | null }[];
    return rows.map((r) => ({
      id: r.id, senderCompId: r.sender_comp_id, targetCompId: r.target_comp_id, host: r.host, port: r.port, apiKeyId: r.api_key_id,
      startedAt: r.started_at, loggedOnAt: r.logged_on_at, endedAt: r.ended_at, endReason: r.end_reason,
    }));
  }

  rawMessageCount(): number {
    return this.#run('rawMessageCount', () => (this.#statement('SELECT count(*) AS n FROM raw_messages').get() as { n: number }).n);
  }

  close(): void {
    this.#db.close();
  }

  #statement(sql: string): Database.Statement<unknown[]> {
    let stmt = this.#statements.get(sql);
    if (stmt === undefined) {
      stmt = this.#db.prepare(sql);
      this.#statements.set(sql, stmt);
    }
    return stmt;
  }

  #run<T>(name: string, work: () => T): T {
    const started = performance.now();
    const result = journalCall(`reading ${name}`, work);
    const ms = performance.now() - started;
    if (ms >= this.#slowQueryMs) this.#onSlowQuery?.(name, ms);
    return result;
  }
}
