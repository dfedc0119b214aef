// batch-writer.ts — commits one batch of accepted messages in ONE transaction: the raw messages as
// hash-chained segments (one per run of messages of one connection and epoch, see segment.ts), the
// executions (one per ExecID; a resent or replayed one is ignored), settlements, undecodable markers,
// the per-index ExecID heads, the chain head and the session's sequence numbers. Either all of it is stored or none of it, so the expected inbound number can never
// run ahead of (or behind) the messages it covers. Prepared statements are made once and reused.
// Never decodes FIX and never decides when to commit (journal.ts does).
//
// A commit is three steps so the SQL can run on another thread (journal-writer.ts): toBatchRows()
// (batch-rows.ts) turns the decoded entries into plain rows and one buffer of frames (cheap to post
// to a worker), BatchWriter.write() (here) runs the transaction wherever its connection lives and says
// which rows were new, and assemble() (committed-batch.ts) turns that back into the CommittedBatch
// the journal reports. This file re-exports the other two steps, so a commit has one import path.
import type Database from 'better-sqlite3';
import { compareExecIdParts, type ExecIdParts } from './exec-id.ts';
import { HASH_BYTES } from './hash-chain.ts';
import { BURST_AUTOCHECKPOINT_PAGES, WAL_AUTOCHECKPOINT_PAGES } from './open-database.ts';
import { buildPackedSegment } from './segment.ts';
import { EXECUTION_COLUMNS, META, ROW_COLUMNS, toBatchRows, type Batch, type BatchRows, type WriteResult } from './batch-rows.ts';
import { assemble, type CommittedBatch } from './committed-batch.ts';

export { toBatchRows, type Batch, type BatchRows, type SessionNumbers, type WriteResult } from './batch-rows.ts';
export {
  assemble, type CommittedBatch, type CommittedConflict, type CommittedExecution, type CommittedSequenceBreak, type CommittedSettlement,
} from './committed-batch.ts';

/** Batches of at least this many messages are a catch-up's (a steady flow commits a few per 5 ms). */
export const BURST_BATCH_MESSAGES = 500;

interface ChainHeadRow {
  last_raw_id: number;
  last_hash: Buffer;
}

interface Head {
  readonly parts: ExecIdParts;
  readonly execId: string;
}

/** Record fields compared when a stored ExecID arrives again: [field, row index, column, decimal]. */
const COMPARED: ReadonlyArray<readonly [string, number, string, boolean]> = [
  ['orderId', 2, 'order_id', false], ['clOrdId', 3, 'cl_ord_id', false], ['origClOrdId', 4, 'orig_cl_ord_id', false],
  ['symbol', 5, 'symbol', false], ['side', 6, 'side', false], ['execType', 7, 'exec_type', false], ['ordStatus', 8, 'ord_status', false],
  ['lastQty', 9, 'last_qty', true], ['lastPx', 10, 'last_px', true], ['cumQty', 11, 'cum_qty', true], ['leavesQty', 12, 'leaves_qty', true],
  ['avgPx', 13, 'avg_px', true], ['fee', 14, 'fee', true], ['transactTime', 16, 'transact_time', false],
];

export class BatchWriter {
  readonly #selectHead: Database.Statement<[], ChainHeadRow>;
  readonly #updateHead: Database.Statement<[number, Buffer]>;
  readonly #insertSegment: Database.Statement<unknown[]>;
  readonly #insertExecution: Database.Statement<unknown[]>;
  readonly #insertSettlement: Database.Statement<unknown[]>;
  readonly #insertUndecodable: Database.Statement<unknown[]>;
  readonly #upsertExecIdHead: Database.Statement<[number, number, bigint, bigint, string]>;
  readonly #updateSession: Database.Statement<[number, number, number, number, number]>;
  readonly #storedExecution: Database.Statement<[number, string]>;
  readonly #insertConflict: Database.Statement<unknown[]>;
  readonly #write: (rows: BatchRows) => WriteResult;
  readonly #db: Database.Database;
  #autocheckpoint = WAL_AUTOCHECKPOINT_PAGES;

  constructor(db: Database.Database) {
    this.#db = db;
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
    this.#storedExecution = db.prepare(`SELECT raw_id, ${COMPARED.map((c) => c[2]).join(', ')} FROM executions WHERE account_id = ? AND exec_key = ?`);
    this.#insertConflict = db.prepare('INSERT OR IGNORE INTO exec_conflicts (raw_id, account_id, exec_key, first_raw_id, fields, received_at) VALUES (?,?,?,?,?,?)');
    // IMMEDIATE takes the write lock before reading the chain head, so a second writer on the same file
    // (another session's Journal) can never chain onto a stale head.
    const run = db.transaction((rows: BatchRows) => this.#writeRows(rows));
    this.#write = (rows) => run.immediate(rows);
  }

  /** Commits the batch on this thread; returns what it stored that is news (see CommittedBatch). */
  commit(batch: Batch): CommittedBatch {
    const rows = toBatchRows(batch);
    return assemble(batch.entries, rows, this.write(rows));
  }

  /** Stores `rows` in one transaction; says which were new. Throws what SQLite throws (nothing stored then). */
  write(rows: BatchRows): WriteResult {
    this.#checkpointFor(rows.meta.length / META);
    return this.#write(rows);
  }

  /**
   * A catch-up's big batches let the WAL grow to BURST_AUTOCHECKPOINT_PAGES (a checkpoint every few
   * commits, pages rewritten meanwhile copied once); a steady flow's small ones keep it at
   * WAL_AUTOCHECKPOINT_PAGES, so no commit waits long for a checkpoint (open-database.ts).
   */
  #checkpointFor(messages: number): void {
    const pages = messages >= BURST_BATCH_MESSAGES ? BURST_AUTOCHECKPOINT_PAGES : WAL_AUTOCHECKPOINT_PAGES;
    if (pages === this.#autocheckpoint) return;
    this.#db.pragma(`wal_autocheckpoint = ${pages}`);
    this.#autocheckpoint = pages;
  }

  #writeRows(rows: BatchRows): WriteResult {
    const head = this.#selectHead.get();
    if (head === undefined || head.last_hash.length !== HASH_BYTES) throw new Error('The journal has no valid chain head row.');
    const firstId = head.last_raw_id + 1;
    let lastId = head.last_raw_id;
    let prev: Buffer = head.last_hash;
    const meta = rows.meta;
    const count = meta.length / META;
    if (count > 0) {
      const frames = Buffer.from(rows.frames.buffer, rows.frames.byteOffset, rows.frames.byteLength);
      const ends = new Float64Array(count);
      const seqs = new Float64Array(count);
      const receivedAt = new Float64Array(count);
      for (let i = 0; i < count; i++) {
        ends[i] = meta[i * META]!;
        seqs[i] = meta[i * META + 1]!;
        receivedAt[i] = meta[i * META + 2]!;
      }
      const packed = { frames, ends, seqs, receivedAt };
      // One segment per run of entries that share a connection and an epoch (a batch rarely spans two).
      for (let from = 0; from < count; ) {
        const epoch = meta[from * META + 3]!;
        const connection = meta[from * META + 4]!;
        let to = from + 1;
        while (to < count && meta[to * META + 3] === epoch && meta[to * META + 4] === connection) to++;
        const segment = buildPackedSegment(prev, { id: lastId + 1, sessionId: rows.sessionId, connectionId: connection < 0 ? null : connection, epoch }, packed, from, to);
        const h = segment.header;
        this.#insertSegment.run(h.id, h.sessionId, h.connectionId, h.epoch, h.count, h.firstSeq, h.lastSeq, h.firstReceivedAt, h.lastReceivedAt, segment.hash, segment.index, segment.frames);
        prev = segment.hash;
        lastId += h.count;
        from = to;
      }
    }
    const result = this.#writeDecoded(rows, firstId);
    if (count > 0) this.#updateHead.run(lastId, prev);
    const n = rows.numbers;
    if (n !== undefined) this.#updateSession.run(n.nextInbound, n.nextOutbound, n.epoch, rows.updatedAt, rows.sessionId);
    return result;
  }

  /** Executions, settlements and undecodable markers; entry i is message firstId + i. */
  #writeDecoded(rows: BatchRows, firstId: number): WriteResult {
    const { sessionId, accountId } = rows;
    const priceUnit = rows.priceUnit === 'cents' ? 1 : 0;
    const freshExecutions = new Uint8Array(rows.executions.length);
    const freshSettlements = new Uint8Array(rows.settlements.length);
    const conflicts: Array<[number, number, string]> = [];
    const heads = new Map<number, Head>();
    const insert = this.#insertExecution;
    for (let k = 0; k < rows.executions.length; k++) {
      const r = rows.executions[k]!;
      const id = firstId + (r[0] as number);
      const inserted = insert.run(
        id, r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12], r[13], r[14], r[15], r[16], r[17], r[18], r[19], r[20],
        r[21], r[22], r[23], r[24], sessionId, accountId, priceUnit,
      ).changes !== 0;
      if (!inserted) {
        // Known already (a drop-copy replay, mostly): the same content is routine, other content is news.
        const conflict = this.#differs(accountId, r);
        if (conflict !== undefined) {
          this.#insertConflict.run(id, accountId, r[1], conflict[0], conflict[1], rows.meta[(r[0] as number) * META + 2]!);
          conflicts.push([k, conflict[0], conflict[1]]);
        }
        continue;
      }
      freshExecutions[k] = 1;
      const index = r[ROW_COLUMNS + 1] as number | null;
      if (index !== null) {
        const parts: ExecIdParts = { exchangeIndex: index, clock: r[ROW_COLUMNS + 2] as string, event: r[ROW_COLUMNS + 3] as string };
        const known = heads.get(index);
        if (known === undefined || compareExecIdParts(parts, known.parts) > 0) heads.set(index, { parts, execId: r[1] as string });
      }
    }
    for (let k = 0; k < rows.settlements.length; k++) {
      const t = rows.settlements[k]!;
      const i = t[0] as number;
      const receivedAt = rows.meta[i * META + 2]!;
      if (this.#insertSettlement.run(t[1], t[2], t[3], t[4], t[5], t[6], t[7], receivedAt, firstId + i).changes !== 0) freshSettlements[k] = 1;
    }
    for (const u of rows.undecodable) this.#insertUndecodable.run(firstId + (u[0] as number), u[1], u[2], u[3], u[4]);
    for (const [index, head] of heads) this.#upsertExecIdHead.run(accountId, index, BigInt(head.parts.clock), BigInt(head.parts.event), head.execId);
    return { firstId, freshExecutions, freshSettlements, conflicts };
  }

  /** The stored execution's raw_id and the fields that differ from row `r`, or undefined when none does. */
  #differs(accountId: number, r: unknown[]): [number, string] | undefined {
    const stored = this.#storedExecution.get(accountId, r[1] as string) as Record<string, unknown> | undefined;
    if (stored === undefined) return undefined;
    const fields = COMPARED.filter(([, i, column, decimal]) => !same(stored[column], r[i], decimal)).map(([field]) => field);
    return fields.length === 0 ? undefined : [stored.raw_id as number, fields.join(',')];
  }
}

/** Equal as stored: decimals by value ('10.00' = '10'), the rest as text. */
function same(a: unknown, b: unknown, decimal: boolean): boolean {
  if (a === b) return true;
  if (!decimal || typeof a !== 'string' || typeof b !== 'string') return false;
  return canonical(a) === canonical(b);
}

function canonical(text: string): string {
  if (!/^-?\d+(\.\d+)?$/.test(text)) return text;
  const negative = text.startsWith('-');
  let body = negative ? text.slice(1) : text;
  if (body.includes('.')) body = body.replace(/0+$/, '').replace(/\.$/, '');
  body = body.replace(/^0+(?=\d)/, '');
  return (negative && body !== '0' ? '-' : '') + body;
}
