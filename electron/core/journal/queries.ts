// queries.ts — typed read queries over a journal (export, P&L, backfill, the UI). Runs on its own
// connection, so a long iteration never blocks or breaks the writer (WAL: readers see the last commit).
// Never writes. Queries slower than a threshold are reported by name (onSlowQuery).
import type Database from 'better-sqlite3';
import type { PriceUnit } from '../../../shared/money.ts';
import { FixMessage } from '../fix/decode.ts';
import { readExecutionReport } from '../fix/execution-report.ts';
import { journalCall, toJournalError } from './errors.ts';
import {
  EXECUTION_SELECT, filterSql, toStoredExecution, type ExecutionFilter, type ExecutionRow, type StoredExecution, type StoredReport,
} from './execution-rows.ts';
import { MessageReader, type StoredMessage } from './message-reader.ts';
import type { PendingSettlement } from './pending-entry.ts';
import { undecodableOf } from './undecodable-query.ts';
import { lastStoredPoint } from './sequence-breaks.ts';
import { findSessionId } from './session-row.ts';
import { readJournalFacts, type JournalFacts } from './surveillance-rows.ts';
import type { UndecodableNotice } from '../../../shared/records/undecodable-notice.ts';

export type { ExecutionFilter, StoredExecution, StoredReport };

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

/** A settlement report as stored: the fields written at ingest, plus where and when it arrived. */
export interface StoredSettlement extends PendingSettlement {
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

export class JournalReader {
  readonly #db: Database.Database;
  readonly #slowQueryMs: number;
  readonly #onSlowQuery: ((name: string, ms: number) => void) | undefined;
  readonly #statements = new Map<string, Database.Statement<unknown[]>>();
  #messages: MessageReader | undefined;

  constructor(db: Database.Database, options: ReaderOptions = {}) {
    this.#db = db;
    this.#slowQueryMs = options.slowQueryMs ?? 40;
    this.#onSlowQuery = options.onSlowQuery;
  }

  /** Executions in event order (TransactTime, then storage order), filtered and paged. */
  *executions(filter: ExecutionFilter = {}): IterableIterator<StoredExecution> {
    const { where, params } = filterSql(filter);
    const sql = `${EXECUTION_SELECT} ${where} ORDER BY event_at, raw_id LIMIT ? OFFSET ?`;
    // A fresh statement per call: two iterations may be open at once (e.g. two exports), and an open
    // iteration keeps its statement busy.
    const rows = this.#run('executions', () => this.#db.prepare(sql).iterate(...params, filter.limit ?? -1, filter.offset ?? 0));
    try {
      for (const row of rows) yield toStoredExecution(row as ExecutionRow);
    } catch (error) {
      throw toJournalError(error, 'reading executions');
    }
  }

  /**
   * Trades only (ExecType F with a quantity and price), in event order, with just what positions need:
   * P&L over a million executions reads ~40% of the rows and a third of the columns.
   */
  *trades(): IterableIterator<StoredTrade> {
    const rows = this.#run('trades', () => this.#db.prepare(TRADE_SELECT).raw(true).iterate());
    try {
      for (const row of rows as IterableIterator<TradeRow>) {
        yield { execId: row[0], symbol: row[1], side: row[2], lastQty: row[3], lastPx: row[4], fee: row[5], balanceChange: row[6], eventAt: row[7], rawId: row[8], priceUnit: row[9] === 1 ? 'cents' : 'dollars' };
      }
    } catch (error) {
      throw toJournalError(error, 'reading trades');
    }
  }

  /** How many executions match the filter (limit and offset ignored), for "showing X of Y". */
  executionCount(filter: ExecutionFilter = {}): number {
    const { where, params } = filterSql(filter);
    return this.#run('executionCount', () => (this.#statement(`SELECT count(*) AS n FROM executions ${where}`).get(...params) as { n: number }).n);
  }

  /**
   * The message ids stored by any session of one API key (RT, NR and DC alike), as sorted
   * [first, endExclusive) ranges: one journal file can hold several accounts, and messages are stored
   * in segments that each belong to one session.
   */
  accountMessageRanges(senderCompId: string): Array<readonly [number, number]> {
    return this.#run('accountMessageRanges', () => (this.#statement(
      `SELECT g.id AS first, g.id + g.count AS end FROM segments g JOIN sessions s ON s.id = g.session_id
       WHERE s.sender_comp_id = ? ORDER BY g.id`,
    ).all(senderCompId) as { first: number; end: number }[]).map((r) => [r.first, r.end] as const));
  }

  /** The whole ExecutionReport stored at message `rawId` (StoredExecution.rawId), decoded from its frame. */
  executionReport(rawId: number): StoredReport | undefined {
    const message = this.#run('executionReport', () => this.#messageReader().message(rawId));
    if (message === undefined) return undefined;
    return { message, report: readExecutionReport(FixMessage.parse(message.raw)) };
  }

  /** Every sequenced ExecID stored (pending '-1;-1' reports excluded). */
  /** Stored ExecIDs (pending '-1;-1' excluded), of one API key's account or of the whole file. */
  knownExecIds(senderCompId?: string): Set<string> {
    return this.#run('knownExecIds', () => {
      const ids = new Set<string>();
      const stmt = senderCompId === undefined
        ? this.#db.prepare("SELECT exec_id FROM executions WHERE exec_id <> '-1;-1'").pluck()
        : this.#db.prepare("SELECT exec_id FROM executions WHERE exec_id <> '-1;-1' AND account_id = (SELECT id FROM accounts WHERE api_key_id = ?)").pluck().bind(senderCompId);
      for (const id of stmt.iterate()) ids.add(id as string);
      return ids;
    });
  }

  /** One API key's highest stored ExecID per exchange index (0 = 'clock;event'), for a drop-copy backfill. */
  lastExecIdByIndex(senderCompId: string): Map<number, string> {
    return this.#run('lastExecIdByIndex', () => {
      const rows = this.#statement(
        'SELECT exchange_index, exec_id FROM exec_id_heads WHERE account_id = (SELECT id FROM accounts WHERE api_key_id = ?) ORDER BY exchange_index',
      ).all(senderCompId) as { exchange_index: number; exec_id: string }[];
      return new Map(rows.map((r) => [r.exchange_index, r.exec_id]));
    });
  }

  /**
   * Every execution of one order, in the order they were stored. Scans executions: ingest keeps no
   * index on order_id (see migrations/0002-segments.ts), and one scan of 1M rows is a fraction of a second.
   */
  orderLifecycle(orderId: string): StoredExecution[] {
    return this.#run('orderLifecycle', () =>
      (this.#statement(`${EXECUTION_SELECT} WHERE order_id = ? ORDER BY raw_id`).all(orderId) as ExecutionRow[]).map(toStoredExecution),
    );
  }

  /** The order's current state: its newest execution (by event time, the later arrival on a tie). */
  order(orderId: string): OrderState | undefined {
    const row = this.#run('order', () => this.#statement(`${EXECUTION_SELECT} WHERE order_id = ? ORDER BY event_at DESC, raw_id DESC LIMIT 1`).get(orderId)) as ExecutionRow | undefined;
    if (row === undefined) return undefined;
    // OrderQty and Price are not columns: read them from the newest report's frame.
    const report = this.executionReport(row.raw_id)?.report;
    return {
      orderId: row.order_id, symbol: row.symbol, side: row.side, clOrdId: row.cl_ord_id, ordStatus: row.ord_status,
      lastExecType: row.exec_type, orderQty: report?.orderQty ?? null, price: report?.price ?? null, cumQty: row.cum_qty,
      leavesQty: row.leaves_qty, avgPx: row.avg_px, lastEventAt: row.event_at,
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
    return this.#run('undecodable', () => {
      const rows = this.#statement('SELECT raw_id, msg_type, error_kind, tag, message FROM undecodable ORDER BY raw_id').all() as
        { raw_id: number; msg_type: string; error_kind: string; tag: number | null; message: string }[];
      const messages = this.#messageReader();
      return rows.map((r) => ({
        rawId: r.raw_id, msgType: r.msg_type, errorKind: r.error_kind, tag: r.tag, message: r.message,
        raw: messages.message(r.raw_id)?.raw ?? Buffer.alloc(0),
      }));
    });
  }

  /** How many messages one API key's sessions kept unreadable, and the newest `newest` of them. */
  undecodableOf(senderCompId: string, newest: number): { count: number; newest: UndecodableNotice[] } {
    return this.#run('undecodableOf', () => undecodableOf(this.#db, this.#messageReader(), senderCompId, newest));
  }

  /**
   * What the surveillance rules read, in message order, each with its account (surveillance-rows.ts):
   * the same facts the commits reported live. Executions stream; iterate them before closing.
   */
  surveillanceFacts(): JournalFacts {
    return this.#run('surveillanceFacts', () => readJournalFacts(this.#db, this.#messageReader()));
  }

  /** The stored raw message with this id (ids run over the whole journal), or undefined. */
  rawMessage(id: number): StoredMessage | undefined {
    return this.#run('rawMessage', () => this.#messageReader().message(id));
  }

  sessionState(senderCompId: string, targetCompId: string): StoredSessionState | undefined {
    const row = this.#run('sessionState', () =>
      this.#statement('SELECT * FROM sessions WHERE sender_comp_id = ? AND target_comp_id = ?').get(senderCompId, targetCompId),
    ) as { next_inbound: number | null; next_outbound: number | null; epoch: number; last_logon_at: number | null } | undefined;
    if (row === undefined) return undefined;
    return { senderCompId, targetCompId, nextInbound: row.next_inbound, nextOutbound: row.next_outbound, epoch: row.epoch, lastLogonAt: row.last_logon_at };
  }

  /** When the session's newest stored message arrived (epoch ms), or undefined when it stored none. */
  lastReceivedAt(senderCompId: string, targetCompId: string): number | undefined {
    return this.#run('lastReceivedAt', () => {
      const sessionId = findSessionId(this.#db, { senderCompId, targetCompId });
      return sessionId === undefined ? undefined : lastStoredPoint(this.#db, sessionId)?.receivedAt;
    });
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
    return this.#run('rawMessageCount', () => this.#messageReader().count());
  }

  close(): void {
    this.#db.close();
  }

  #messageReader(): MessageReader {
    this.#messages ??= new MessageReader(this.#db);
    return this.#messages;
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

/** A Trade execution reduced to what the positions ledger needs (see JournalReader.trades). */
export interface StoredTrade {
  readonly execId: string;
  readonly symbol: string;
  readonly side: string;
  readonly lastQty: string;
  readonly lastPx: string;
  readonly fee: string | null;
  readonly balanceChange: string | null;
  /** TransactTime in epoch ms, or the receive time when the report had none. */
  readonly eventAt: number;
  /** The message id: which account's session stored it (see accountMessageRanges). */
  readonly rawId: number;
  /** LastPx as the session asked for it at Logon (21005), stored with the row. */
  readonly priceUnit: PriceUnit;
}

type TradeRow = [string, string, string, string, string, string | null, string | null, number, number, 0 | 1];

const TRADE_SELECT = `SELECT exec_id, symbol, side, last_qty, last_px, fee, balance_change, event_at, raw_id, price_unit FROM executions
  WHERE exec_type = 'F' AND last_qty IS NOT NULL AND last_px IS NOT NULL ORDER BY event_at, raw_id`;
