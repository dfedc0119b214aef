// journal.ts — Fillwatch's durable journal: the SequenceStore the listener session writes through.
// Every in-sequence inbound message is kept byte for byte (hash-chained), executions once per ExecID,
// order states, settlements and the session's sequence numbers. Messages are committed in batches
// (group commit), and the expected inbound number is written IN THE SAME TRANSACTION as the messages it
// covers: after a crash at any instant, a restart resumes exactly after the last stored message, so
// nothing is lost (KalshiRT resends the rest) and nothing is stored twice.
// One Journal writes one session's sequence state; several Journals (RT and DC) may share one file.
// Owns when to commit; never decides protocol (the session machine does) and never computes P&L.
import type Database from 'better-sqlite3';
import type { FixMessage } from '../fix/decode.ts';
import type { ExecutionRecord } from '../recorder/execution-record.ts';
import type { SequenceSnapshot } from '../session/sequence.ts';
import type { SequenceStore } from '../session/session-store.ts';
import { BatchWriter } from './batch-writer.ts';
import { insertConnection, markEnded, markLoggedOn, type ConnectionMeta } from './connection-log.ts';
import { journalCall, JournalError } from './errors.ts';
import { openJournalDatabase, type OpenDatabaseOptions } from './open-database.ts';
import { toPendingEntry, type PendingEntry } from './pending-entry.ts';
import { JournalReader, type ExecutionFilter, type StoredExecution } from './queries.ts';

export type { ConnectionMeta };

export interface JournalSession {
  /** Our SenderCompID (the API key id). */
  readonly senderCompId: string;
  /** The exchange's CompID: KalshiRT, KalshiNR, KalshiDC… */
  readonly targetCompId: string;
}

export interface JournalOptions extends OpenDatabaseOptions {
  readonly session: JournalSession;
  /** accept() commits by itself once this many messages are pending. Default 5000. */
  readonly batchMaxMessages?: number;
  /** After each commit: the executions that were new to the journal (resends and replays excluded). */
  readonly onCommitted?: (executions: readonly ExecutionRecord[]) => void;
  /** Reports commits and reads slower than slowQueryMs (default 40) by name. */
  readonly onSlowQuery?: (name: string, ms: number) => void;
  readonly slowQueryMs?: number;
  readonly now?: () => number;
}

export class Journal implements SequenceStore {
  readonly path: string;
  readonly session: JournalSession;
  readonly #db: Database.Database;
  readonly #writer: BatchWriter;
  readonly #batchMax: number;
  readonly #onCommitted: ((executions: readonly ExecutionRecord[]) => void) | undefined;
  readonly #onSlowQuery: ((name: string, ms: number) => void) | undefined;
  readonly #slowQueryMs: number;
  readonly #now: () => number;
  #sessionId: number | undefined;
  #pending: PendingEntry[] = [];
  /** The numbers as of the last accepted message / reset; committed with the next flush. */
  #hasNumbers = false;
  #nextInbound = 1;
  #nextOutbound = 1;
  #epoch = 0;
  #numbersDirty = false;
  #connectionId: number | null = null;
  #reader: JournalReader | undefined;
  #closed = false;

  private constructor(path: string, db: Database.Database, options: JournalOptions) {
    this.path = path;
    this.session = { senderCompId: options.session.senderCompId, targetCompId: options.session.targetCompId };
    this.#db = db;
    this.#batchMax = Math.max(1, options.batchMaxMessages ?? 5000);
    this.#onCommitted = options.onCommitted;
    this.#onSlowQuery = options.onSlowQuery;
    this.#slowQueryMs = options.slowQueryMs ?? 40;
    this.#now = options.now ?? Date.now;
    this.#writer = journalCall('preparing statements', () => new BatchWriter(db));
    if (options.readOnly !== true) this.#ensureSessionRow();
    else this.#sessionId = this.#findSessionId();
    this.#loadNumbers();
  }

  /** Opens (creating and migrating if needed) the journal at `path`. Throws JournalError. */
  static open(path: string, options: JournalOptions): Journal {
    const db = openJournalDatabase(path, options);
    try {
      return new Journal(path, db, options);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  //#region SequenceStore
  /**
   * The committed numbers to resume from, or undefined when this session has none yet. Starts a run:
   * messages accepted but never committed (a failed flush) are dropped, since a session resuming from
   * the committed number receives them again.
   */
  load(): SequenceSnapshot | undefined {
    this.#assertOpen();
    this.#pending = [];
    this.#loadNumbers();
    return this.#hasNumbers ? { nextInbound: this.#nextInbound, nextOutbound: this.#nextOutbound } : undefined;
  }

  accept(message: FixMessage, nextInbound: number, receivedAt: number): void {
    this.#assertOpen();
    this.#pending.push(toPendingEntry(message, Math.trunc(receivedAt), this.#epoch, this.#connectionId));
    this.#hasNumbers = true;
    this.#nextInbound = nextInbound;
    this.#numbersDirty = true;
    if (this.#pending.length >= this.#batchMax) this.flush();
  }

  /**
   * Commits everything accepted so far in one transaction, then reports the new executions. On a
   * JournalError nothing of the batch is stored and it stays pending: a later flush() retries it.
   */
  flush(): void {
    this.#assertOpen();
    if (this.#pending.length === 0 && !this.#numbersDirty) return;
    const entries = this.#pending;
    const started = performance.now();
    const fresh = journalCall(`committing ${entries.length} messages`, () => {
      const sessionId = this.#sessionId ?? this.#ensureSessionRow();
      return this.#writer.commit({
        sessionId,
        entries,
        numbers: this.#hasNumbers ? { nextInbound: this.#nextInbound, nextOutbound: this.#nextOutbound, epoch: this.#epoch } : undefined,
        updatedAt: this.#now(),
      });
    });
    this.#pending = [];
    this.#numbersDirty = false;
    const ms = performance.now() - started;
    if (ms >= this.#slowQueryMs) this.#onSlowQuery?.('flush', ms);
    if (fresh.length > 0) this.#onCommitted?.(fresh);
  }

  /** Written through at once (with anything pending): a restart must never reuse an outbound number. */
  setNextOutbound(nextOutbound: number): void {
    this.#assertOpen();
    if (!this.#hasNumbers) this.#nextInbound = 1;
    this.#hasNumbers = true;
    this.#nextOutbound = nextOutbound;
    this.#numbersDirty = true;
    this.flush();
  }

  /**
   * Commits what is pending under the old numbers, then the new numbers, in one transaction (never
   * reordered). When inbound numbering moves backwards a new epoch starts, so the old and new
   * MsgSeqNums stay distinguishable.
   */
  resetSequences(next: SequenceSnapshot): void {
    this.#assertOpen();
    if (this.#hasNumbers && next.nextInbound < this.#nextInbound) this.#epoch++;
    this.#hasNumbers = true;
    this.#nextInbound = next.nextInbound;
    this.#nextOutbound = next.nextOutbound;
    this.#numbersDirty = true;
    this.flush();
  }
  //#endregion

  //#region connections metadata
  /** Records a new connection; messages accepted from now on refer to it. Returns its id. */
  recordConnection(meta: ConnectionMeta): number {
    this.#assertOpen();
    this.#connectionId = insertConnection(this.#db, this.#sessionId ?? this.#ensureSessionRow(), meta);
    return this.#connectionId;
  }

  recordLogon(at: number): void {
    this.#assertOpen();
    markLoggedOn(this.#db, this.#sessionId ?? this.#ensureSessionRow(), this.#connectionId, at);
  }

  /** Marks the current connection ended, with the reason in words (never secrets). */
  recordDisconnect(at: number, reason: string): void {
    this.#assertOpen();
    if (this.#connectionId === null) return;
    markEnded(this.#db, this.#connectionId, at, reason);
    this.#connectionId = null;
  }
  //#endregion

  //#region reads (own connection: see queries.ts)
  get reader(): JournalReader {
    this.#assertOpen();
    // An in-memory journal has no file for a second connection; it reads through the writer's.
    this.#reader ??= new JournalReader(this.path === ':memory:' ? this.#db : openJournalDatabase(this.path, { readOnly: true }), {
      slowQueryMs: this.#slowQueryMs,
      ...(this.#onSlowQuery === undefined ? {} : { onSlowQuery: this.#onSlowQuery }),
    });
    return this.#reader;
  }

  executions(filter: ExecutionFilter = {}): IterableIterator<StoredExecution> {
    return this.reader.executions(filter);
  }

  executionCount(filter: ExecutionFilter = {}): number {
    return this.reader.executionCount(filter);
  }

  knownExecIds(): Set<string> {
    return this.reader.knownExecIds();
  }

  lastExecIdByIndex(): Map<number, string> {
    return this.reader.lastExecIdByIndex();
  }
  //#endregion

  /** Messages accepted but not yet committed. */
  get pendingCount(): number {
    return this.#pending.length;
  }

  /**
   * Caps the file at `pages` pages (SQLite max_page_count, this connection only); writes beyond fail
   * with 'disk-full'. For keeping a reserve on a shared disk, and for tests of a full disk. Returns the
   * cap in effect (never below the current size).
   */
  setMaxPageCount(pages: number): number {
    this.#assertOpen();
    if (!Number.isSafeInteger(pages) || pages < 1) throw new RangeError(`max_page_count must be a positive integer, got ${pages}.`);
    return journalCall('setting max_page_count', () => this.#db.pragma(`max_page_count = ${pages}`, { simple: true }) as number);
  }

  /** Commits what is pending, then closes. The connections are closed even when the commit fails. */
  close(): void {
    if (this.#closed) return;
    try {
      this.flush();
    } finally {
      this.#closed = true;
      if (this.path !== ':memory:') this.#reader?.close();
      this.#db.close();
    }
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error('The journal is closed.');
  }

  #findSessionId(): number | undefined {
    const row = journalCall('reading the session', () =>
      this.#db.prepare('SELECT id FROM sessions WHERE sender_comp_id = ? AND target_comp_id = ?').get(this.session.senderCompId, this.session.targetCompId),
    ) as { id: number } | undefined;
    return row?.id;
  }

  #ensureSessionRow(): number {
    journalCall('creating the session', () =>
      this.#db
        .prepare('INSERT INTO sessions (sender_comp_id, target_comp_id) VALUES (?, ?) ON CONFLICT (sender_comp_id, target_comp_id) DO NOTHING')
        .run(this.session.senderCompId, this.session.targetCompId),
    );
    const id = this.#findSessionId();
    if (id === undefined) throw new JournalError('corrupt', 'the session row vanished after it was written');
    this.#sessionId = id;
    return id;
  }

  #loadNumbers(): void {
    const row = this.#sessionId === undefined ? undefined : (journalCall('reading the sequence numbers', () =>
      this.#db.prepare('SELECT next_inbound, next_outbound, epoch FROM sessions WHERE id = ?').get(this.#sessionId),
    ) as { next_inbound: number | null; next_outbound: number | null; epoch: number } | undefined);
    this.#hasNumbers = row !== undefined && row.next_inbound !== null;
    this.#nextInbound = row?.next_inbound ?? 1;
    this.#nextOutbound = row?.next_outbound ?? 1;
    this.#epoch = row?.epoch ?? 0;
    this.#numbersDirty = false;
  }
}
