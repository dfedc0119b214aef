// journal.ts — Fillwatch's durable journal: the SequenceStore the listener session writes through.
// Every in-sequence inbound message is kept byte for byte (hash-chained segments), executions once per
// ExecID, settlements and the session's sequence numbers. Messages are committed in batches (group
// commit), and the expected inbound number is written IN THE SAME TRANSACTION as the messages it
// covers: after a crash at any instant, a restart resumes exactly after the last stored message, so
// nothing is lost (KalshiRT resends the rest) and nothing is stored twice.
//
// When a commit happens (the commit policy). "Committed" is the only acknowledgement there is: the
// persisted next inbound number never runs ahead of the stored messages, onCommitted reports an
// execution only once it is stored, and nothing else tells anyone a message arrived.
//  - accept() only queues, and commits by itself once batchMaxMessages are pending;
//  - flush() (the session calls it after each socket chunk) commits at once when commitDelayMs is 0,
//    when the oldest queued message has waited commitDelayMs, or after a deferred commit failed;
//    otherwise it leaves a timer that commits within commitDelayMs of the oldest message. A burst of
//    small chunks then costs one transaction per few milliseconds instead of one per chunk;
//  - burstReads socket reads in a row (default 3) that each carried burstReadMessages or more (the
//    session is draining a backlog, e.g. a catch-up resend) stretch the batch's limit from
//    commitDelayMs to burstDelayMs (default 50), so it commits once batchMaxMessages are pending or
//    its oldest message waited burstDelayMs: a 100k-message catch-up is ~50 transactions of 2,000
//    instead of ~200 of a few hundred, each of which writes every index page it touched. One big read is not enough: in a steady flow it is what
//    a short stall leaves behind, messages already late that a stretch would delay by 50 ms more;
//  - commit(), close(), setNextOutbound() and resetSequences() commit at once.
// A deferred commit that fails reports onCommitError, keeps the batch queued and makes the next
// flush() commit synchronously, so the error reaches the session there and it stops consuming.
//
// Where the transactions run (writer option). 'inline' (default): on the caller's thread, so a commit
// due in flush() is stored when flush() returns. 'thread': on a worker thread with its own connection
// (journal-writer.ts). Then flush(), accept() at batchMaxMessages and the commit timer hand the batch
// to the writer and return: the session decodes the next socket reads while it commits, and what
// piles up meanwhile goes in the next transaction as soon as the writer is free. One transaction is
// in flight at a time; accept() waits for it once batchMaxMessages more are pending, which stops the
// session reading (TCP pushes back on the exchange), so memory stays bounded. Everything above holds
// unchanged: the numbers are in the transaction of their messages, executions are reported once
// COMMIT returned, a failed background commit keeps its batch (ahead of newer messages), reports
// onCommitError and makes the next flush() commit synchronously. commit(), close(), load(),
// setNextOutbound() and resetSequences() wait for the transaction in flight, then commit at once.
// One Journal writes one session's sequence state; several Journals (RT and DC) may share one file.
// Owns when to commit; never decides protocol (the session machine does) and never computes P&L.
import type Database from 'better-sqlite3';
import type { FixMessage } from '../fix/decode.ts';
import type { ExecutionRecord } from '../../../shared/records/execution-record.ts';
import type { SequenceSnapshot } from '../session/sequence.ts';
import type { SequenceStore } from '../session/session-store.ts';
import { assemble, toBatchRows, type BatchRows, type CommittedBatch, type WriteResult } from './batch-writer.ts';
import type { PriceUnit } from '../../../shared/money.ts';
import type { UndecodableNotice } from '../../../shared/records/undecodable-notice.ts';
import { CommitTimer } from './commit-timer.ts';
import { insertConnection, markEnded, markLoggedOn, type ConnectionMeta } from './connection-log.ts';
import { journalCall } from './errors.ts';
import { InlineWriter, ThreadWriter, type JournalWriter } from './journal-writer.ts';
import { openJournalDatabase, type OpenDatabaseOptions } from './open-database.ts';
import { toPendingEntry, type PendingEntry } from './pending-entry.ts';
import { JournalReader, type ExecutionFilter, type StoredExecution } from './queries.ts';
import { ensureSessionRow, findAccountId, findSessionId, readCommittedNumbers } from './session-row.ts';
import { lastStoredPoint, SequenceBreakTracker, stepOf } from './sequence-breaks.ts';

export type { ConnectionMeta };

export interface JournalSession {
  /** Our SenderCompID (the API key id). */
  readonly senderCompId: string;
  /** The exchange's CompID: KalshiRT, KalshiNR, KalshiDC… */
  readonly targetCompId: string;
}

export interface JournalOptions extends OpenDatabaseOptions {
  readonly session: JournalSession;
  /** How this session's Logon asks for prices (21005=Y dollars, else cents); stored per execution. Default dollars. */
  readonly priceUnit?: PriceUnit;
  /** accept() commits by itself once this many messages are pending. Default 2000. */
  readonly batchMaxMessages?: number;
  /**
   * How long flush() may keep accepted messages queued so they commit with the next chunks' (see the
   * commit policy above). 0 makes every flush() commit. Default 5.
   */
  readonly commitDelayMs?: number;
  /** The limit of a batch that a large socket read joined (see the commit policy above). Default 50. */
  readonly burstDelayMs?: number;
  /** A socket read of this many messages or more is a big read. Default 32 (a 16 KiB TLS record holds ~40 ERs). */
  readonly burstReadMessages?: number;
  /** This many big reads in a row mark a burst (a backlog being drained, not a stall's leftovers). Default 3. */
  readonly burstReads?: number;
  /** After each commit: the executions that were new to the journal (resends and replays excluded). */
  readonly onCommitted?: (executions: readonly ExecutionRecord[]) => void;
  /** After each commit that stored something new: executions with their journal positions, settlements. */
  readonly onCommittedBatch?: (batch: CommittedBatch) => void;
  /**
   * After each commit that stored messages it could not read (a field broke a rule, or an
   * ExecutionReport failed validation): they are kept raw and marked, and someone must be told.
   */
  readonly onUndecodable?: (notices: readonly UndecodableNotice[]) => void;
  /** A commit run by the commit timer failed (usually a JournalError); the batch stays queued. */
  readonly onCommitError?: (error: unknown) => void;
  /** Reports commits and reads slower than slowQueryMs (default 40) by name. */
  readonly onSlowQuery?: (name: string, ms: number) => void;
  readonly slowQueryMs?: number;
  readonly now?: () => number;
  /** Where transactions run (see the header): 'inline' (default) or 'thread' (not for ':memory:'). */
  readonly writer?: 'inline' | 'thread';
}

/** A batch handed to the thread writer: its entries (to report, or to queue again if it fails) and rows. */
interface InFlight {
  readonly entries: PendingEntry[];
  readonly rows: BatchRows;
  readonly started: number;
}

export class Journal implements SequenceStore {
  readonly path: string;
  readonly session: JournalSession;
  readonly #db: Database.Database;
  readonly #writer: JournalWriter;
  /** The batch handed to a thread writer and not answered yet. */
  #inFlight: InFlight | undefined;
  /** Inside a synchronous wait for the writer: an answer must not start the next background commit. */
  #settling = false;
  readonly #batchMax: number;
  readonly #commitTimer: CommitTimer;
  readonly #burstRead: number;
  readonly #burstReads: number;
  /** Socket reads in a row that carried burstRead messages or more. */
  #bigReadsInARow = 0;
  /** Messages accepted since the previous flush(): what one socket read brought. */
  #acceptedSinceFlush = 0;
  readonly #onCommitted: ((executions: readonly ExecutionRecord[]) => void) | undefined;
  readonly #onCommitError: ((error: unknown) => void) | undefined;
  readonly #onUndecodable: ((notices: readonly UndecodableNotice[]) => void) | undefined;
  readonly #onCommittedBatch: ((batch: CommittedBatch) => void) | undefined;
  readonly #onSlowQuery: ((name: string, ms: number) => void) | undefined;
  readonly #slowQueryMs: number;
  readonly #now: () => number;
  #sessionId: number | undefined;
  #accountId = 0;
  readonly #priceUnit: PriceUnit;
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
  /** Holes in what this listener session stored (sequence-breaks.ts); undefined for drop copy. */
  #breaks: SequenceBreakTracker | undefined;

  private constructor(path: string, db: Database.Database, options: JournalOptions) {
    this.path = path;
    this.session = { senderCompId: options.session.senderCompId, targetCompId: options.session.targetCompId };
    this.#db = db;
    this.#batchMax = Math.max(1, options.batchMaxMessages ?? 2000);
    this.#commitTimer = new CommitTimer(options.commitDelayMs ?? 5, () => this.#commitFromTimer(), options.burstDelayMs ?? 50);
    this.#burstRead = Math.max(1, options.burstReadMessages ?? 32);
    this.#burstReads = Math.max(1, options.burstReads ?? 3);
    this.#onCommitError = options.onCommitError;
    this.#onCommitted = options.onCommitted;
    this.#onUndecodable = options.onUndecodable;
    this.#onCommittedBatch = options.onCommittedBatch;
    this.#priceUnit = options.priceUnit ?? 'dollars';
    this.#onSlowQuery = options.onSlowQuery;
    this.#slowQueryMs = options.slowQueryMs ?? 40;
    this.#now = options.now ?? Date.now;
    this.#writer = options.writer === 'thread' && path !== ':memory:' && options.readOnly !== true
      ? new ThreadWriter(path, { ...(options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs }), ...(options.synchronous === undefined ? {} : { synchronous: options.synchronous }) })
      : new InlineWriter(db);
    if (options.readOnly !== true) this.#ensureSessionRow();
    else this.#sessionId = findSessionId(db, this.session);
    this.#loadNumbers();
    this.#loadBreakTracker();
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
    this.#settle();
    this.#commitTimer.settled();
    this.#pending = [];
    this.#acceptedSinceFlush = 0;
    this.#loadNumbers();
    this.#loadBreakTracker();
    return this.#hasNumbers ? { nextInbound: this.#nextInbound, nextOutbound: this.#nextOutbound } : undefined;
  }

  accept(message: FixMessage, nextInbound: number, receivedAt: number): void {
    this.#assertOpen();
    if (this.#pending.length === 0) this.#commitTimer.started();
    const at = Math.trunc(receivedAt);
    this.#pending.push(toPendingEntry(message, at, this.#epoch, this.#connectionId, this.#breaks?.observe(this.#epoch, stepOf(message), at)));
    this.#acceptedSinceFlush++;
    this.#hasNumbers = true;
    this.#nextInbound = nextInbound;
    this.#numbersDirty = true;
    if (this.#pending.length >= this.#batchMax) {
      if (this.#writer.busy) this.#settle(); // back-pressure: one full batch waits for the one in flight
      // After a failed background commit this one runs here, so its error reaches the session.
      if (this.#commitTimer.hasFailed || !this.#handOff()) this.commit();
    }
  }

  /**
   * The end of a socket chunk: commits now, or leaves it to the commit timer (see the commit policy in
   * the header). Throws what commit() throws when it commits now.
   */
  flush(): void {
    this.#assertOpen();
    const read = this.#acceptedSinceFlush;
    this.#acceptedSinceFlush = 0;
    this.#bigReadsInARow = read >= this.#burstRead ? this.#bigReadsInARow + 1 : 0;
    if (this.#pending.length === 0 && !this.#numbersDirty) return;
    if (this.#bigReadsInARow >= this.#burstReads) this.#commitTimer.burst();
    if (!this.#commitTimer.commitNow(this.#pending.length)) return;
    if (this.#commitTimer.hasFailed || !this.#handOff()) this.commit();
  }

  /**
   * Commits everything accepted so far in one transaction, then reports the new executions. On a
   * JournalError nothing of the batch is stored and it stays queued: a later flush() or commit() retries it.
   */
  commit(): void {
    this.#assertOpen();
    this.#commitTimer.cancel();
    this.#report(this.#store());
  }

  /** Written through at once (with anything pending): a restart must never reuse an outbound number. */
  setNextOutbound(nextOutbound: number): void {
    this.#assertOpen();
    if (!this.#hasNumbers) this.#nextInbound = 1;
    this.#hasNumbers = true;
    this.#nextOutbound = nextOutbound;
    this.#numbersDirty = true;
    this.commit();
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
    this.commit();
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

  /** This account's stored ExecIDs (another account's equal ExecID is another execution). */
  knownExecIds(): Set<string> {
    return this.reader.knownExecIds(this.session.senderCompId);
  }

  /** This account's last ExecID per exchange index: where a drop-copy backfill starts. */
  lastExecIdByIndex(): Map<number, string> {
    return this.reader.lastExecIdByIndex(this.session.senderCompId);
  }
  //#endregion

  /** Messages accepted but not yet committed. */
  get pendingCount(): number {
    return this.#pending.length + (this.#inFlight?.entries.length ?? 0);
  }

  /**
   * Caps the file at `pages` pages (SQLite max_page_count, this connection only); writes beyond fail
   * with 'disk-full'. For keeping a reserve on a shared disk, and for tests of a full disk. Returns the
   * cap in effect (never below the current size).
   */
  setMaxPageCount(pages: number): number {
    this.#assertOpen();
    if (!Number.isSafeInteger(pages) || pages < 1) throw new RangeError(`max_page_count must be a positive integer, got ${pages}.`);
    return journalCall('setting max_page_count', () => {
      const own = this.#db.pragma(`max_page_count = ${pages}`, { simple: true }) as number;
      return this.#writer instanceof InlineWriter ? own : this.#writer.pragma(`max_page_count = ${pages}`);
    });
  }

  /** Commits what is pending, then closes. The connections are closed even when the commit fails. */
  close(): void {
    if (this.#closed) return;
    try {
      this.commit();
    } finally {
      this.#commitTimer.cancel();
      this.#closed = true;
      try {
        this.#writer.close();
      } finally {
        if (this.path !== ':memory:') this.#reader?.close();
        this.#db.close();
      }
    }
  }

  /** The transaction itself, on this thread's time: stores what is queued; returns what is news. */
  #store(): CommittedBatch | undefined {
    this.#settle();
    if (this.#pending.length === 0 && !this.#numbersDirty) return undefined;
    const entries = this.#pending;
    const started = performance.now();
    const rows = this.#rowsOf(entries);
    const result = this.#writer.writeSync(rows);
    this.#pending = [];
    this.#numbersDirty = false;
    this.#commitTimer.settled();
    this.#slow(started);
    return assemble(entries, rows, result);
  }

  /**
   * Hands what is queued to a thread writer and returns at once (the answer comes through #answered).
   * False when this journal's writer runs transactions inline: the caller commits synchronously.
   */
  #handOff(): boolean {
    if (this.#writer instanceof InlineWriter) return false;
    // The writer is busy: what is queued goes as soon as it answers.
    if (this.#writer.busy) return true;
    if (this.#pending.length === 0 && !this.#numbersDirty) return true;
    const entries = this.#pending;
    const rows = this.#rowsOf(entries);
    const inFlight = { entries, rows, started: performance.now() };
    this.#inFlight = inFlight;
    this.#pending = [];
    this.#numbersDirty = false;
    this.#commitTimer.cancel();
    this.#writer.writeAsync(rows, (result, error) => this.#answered(inFlight, result, error));
    return true;
  }

  /** The thread writer answered the batch handed off by #handOff. */
  #answered(inFlight: InFlight, result: WriteResult | undefined, error: unknown): void {
    this.#inFlight = undefined;
    if (result === undefined) {
      // Nothing of it is stored: it goes back ahead of what arrived since, and the numbers with it.
      this.#pending = inFlight.entries.concat(this.#pending);
      this.#numbersDirty = true;
      this.#commitTimer.failed();
      this.#onCommitError?.(error);
      return;
    }
    this.#commitTimer.succeeded();
    this.#slow(inFlight.started);
    this.#report(assemble(inFlight.entries, inFlight.rows, result));
    // Group commit: whatever arrived during that transaction goes in the next one at once.
    if (!this.#settling && !this.#closed && this.#pending.length > 0) this.#handOff();
  }

  /** Waits for the batch in flight, if any (reporting it, or its failure, as its answer would). */
  #settle(): void {
    if (!this.#writer.busy) return;
    this.#settling = true;
    try {
      this.#writer.settle();
    } finally {
      this.#settling = false;
    }
  }

  #rowsOf(entries: PendingEntry[]): BatchRows {
    const sessionId = this.#sessionId ?? journalCall('writing the session row', () => this.#ensureSessionRow());
    return toBatchRows({
      sessionId,
      accountId: this.#accountId,
      priceUnit: this.#priceUnit,
      entries,
      numbers: this.#hasNumbers ? { nextInbound: this.#nextInbound, nextOutbound: this.#nextOutbound, epoch: this.#epoch } : undefined,
      updatedAt: this.#now(),
    });
  }

  #slow(started: number): void {
    const ms = performance.now() - started;
    if (ms >= this.#slowQueryMs) this.#onSlowQuery?.('commit', ms);
  }

  /**
   * A deferred commit. Its failure goes to onCommitError and makes the next flush() commit (and throw)
   * synchronously; an exception from onCommitted is not a commit failure and is not caught here.
   */
  #commitFromTimer(): void {
    if (this.#closed) return;
    if (!this.#commitTimer.hasFailed && this.#handOff()) return;
    let committed: CommittedBatch | undefined;
    try {
      committed = this.#store();
    } catch (error) {
      this.#commitTimer.failed();
      this.#onCommitError?.(error);
      return;
    }
    this.#report(committed);
  }

  /** Tells the listeners what a commit stored (never before it is stored). */
  #report(committed: CommittedBatch | undefined): void {
    if (committed === undefined) return;
    if (committed.undecodable.length > 0) this.#onUndecodable?.(committed.undecodable);
    if (committed.executions.length > 0 || committed.settlements.length > 0 || committed.undecodable.length > 0
      || committed.sequenceBreaks.length > 0 || committed.conflicts.length > 0) this.#onCommittedBatch?.(committed);
    if (committed.executions.length > 0) this.#onCommitted?.(committed.executions.map((e) => e.record));
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error('The journal is closed.');
  }

  #ensureSessionRow(): number {
    this.#sessionId = ensureSessionRow(this.#db, this.session);
    this.#accountId = findAccountId(this.#db, this.session.senderCompId) ?? 0;
    return this.#sessionId;
  }

  /** From the last message this session stored (uncommitted ones were dropped: they come again). */
  #loadBreakTracker(): void {
    if (this.session.targetCompId === 'KalshiDC') return;
    const sessionId = this.#sessionId;
    this.#breaks = new SequenceBreakTracker(sessionId === undefined ? undefined : journalCall('reading the last stored message', () => lastStoredPoint(this.#db, sessionId)));
  }

  #loadNumbers(): void {
    const row = this.#sessionId === undefined ? undefined : readCommittedNumbers(this.#db, this.#sessionId);
    this.#hasNumbers = row !== undefined && row.nextInbound !== null;
    this.#nextInbound = row?.nextInbound ?? 1;
    this.#nextOutbound = row?.nextOutbound ?? 1;
    this.#epoch = row?.epoch ?? 0;
    this.#numbersDirty = false;
  }
}
