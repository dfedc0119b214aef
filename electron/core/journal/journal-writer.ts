// journal-writer.ts — where a Journal's transactions run. InlineWriter runs them on the caller's
// thread through its own connection (the default, and the only choice for ':memory:'). ThreadWriter
// runs them on a worker thread with its own connection to the same file (journal-writer-worker.ts):
// the caller posts a batch's rows and goes on decoding the next socket reads while the worker
// commits, or blocks until an answer when it must (commit(), close(), back-pressure). Either way a
// batch is one transaction, and onDone / the return value come only after COMMIT returned.
// Owns the worker's lifetime and the wire between the threads; never decides when to commit.
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { BatchWriter, type BatchRows, type WriteResult } from './batch-writer.ts';
import { JournalError, journalCall } from './errors.ts';
import type { OpenDatabaseOptions } from './open-database.ts';
import type { WriterAnswer, WriterData, WriterFailure, WriterRequest } from './journal-writer-worker.ts';

export interface JournalWriter {
  /** Runs the transaction and returns once it is committed. Throws JournalError (nothing stored). */
  writeSync(rows: BatchRows): WriteResult;
  /**
   * Starts the transaction; `done` runs on this thread once it is committed or failed. False when this
   * writer cannot run one in the background (the caller then uses writeSync).
   */
  writeAsync(rows: BatchRows, done: (result: WriteResult | undefined, error: unknown) => void): boolean;
  /** Waits for the transaction started by writeAsync, if any, and runs its `done` now. */
  settle(): void;
  readonly busy: boolean;
  /** PRAGMA on the writing connection (e.g. max_page_count); returns its value. */
  pragma(sql: string): number;
  close(): void;
}

/** Transactions on the caller's thread, through the journal's own connection. */
export class InlineWriter implements JournalWriter {
  readonly #db: Database.Database;
  readonly #writer: BatchWriter;

  constructor(db: Database.Database) {
    this.#db = db;
    this.#writer = journalCall('preparing statements', () => new BatchWriter(db));
  }

  get busy(): boolean {
    return false;
  }

  writeSync(rows: BatchRows): WriteResult {
    return journalCall(`committing ${rows.meta.length / 5} messages`, () => this.#writer.write(rows));
  }

  writeAsync(): boolean {
    return false;
  }

  settle(): void {}

  pragma(sql: string): number {
    return this.#db.pragma(sql, { simple: true }) as number;
  }

  close(): void {}
}

/** A wait longer than this means the worker is gone: the journal reports it as an I/O error. */
const ANSWER_TIMEOUT_MS = 120_000;

/** Transactions on a worker thread (see the header). One transaction at a time. */
export class ThreadWriter implements JournalWriter {
  readonly #worker: Worker;
  readonly #port: MessagePort;
  readonly #signal: Int32Array;
  #nextId = 1;
  /** The request started by writeAsync and not answered yet. */
  #inFlight: { readonly id: number; readonly done: (result: WriteResult | undefined, error: unknown) => void } | undefined;
  #closed = false;

  constructor(path: string, options: OpenDatabaseOptions) {
    const channel = new MessageChannel();
    const signal = new SharedArrayBuffer(4);
    this.#signal = new Int32Array(signal);
    this.#port = channel.port1;
    const data: WriterData = { path, options, port: channel.port2, signal };
    this.#worker = new Worker(new URL('./journal-writer-worker.ts', import.meta.url), { workerData: data, transferList: [channel.port2] });
    // An idle writer never keeps the process alive; one with a commit in flight does (see #send).
    this.#worker.unref();
    this.#port.unref();
    this.#port.on('message', (answer: WriterAnswer) => this.#answered(answer));
    // A worker that dies unanswered is found by the timeout of the next wait; an 'error' here must not
    // crash the process, the journal reports it.
    this.#worker.on('error', () => {});
  }

  get busy(): boolean {
    return this.#inFlight !== undefined;
  }

  writeSync(rows: BatchRows): WriteResult {
    this.settle();
    return this.#call({ id: this.#nextId++, kind: 'write', rows }) as WriteResult;
  }

  writeAsync(rows: BatchRows, done: (result: WriteResult | undefined, error: unknown) => void): boolean {
    if (this.#inFlight !== undefined) throw new Error('A journal transaction is already in flight.');
    const id = this.#nextId++;
    this.#inFlight = { id, done };
    this.#port.ref();
    this.#post({ id, kind: 'write', rows });
    return true;
  }

  settle(): void {
    const inFlight = this.#inFlight;
    if (inFlight !== undefined) this.#answered(this.#waitFor(inFlight.id));
  }

  pragma(sql: string): number {
    this.settle();
    return this.#call({ id: this.#nextId++, kind: 'pragma', sql }) as number;
  }

  close(): void {
    if (this.#closed) return;
    try {
      this.settle();
      this.#call({ id: this.#nextId++, kind: 'close' });
    } finally {
      this.#closed = true;
      this.#port.close();
      void this.#worker.terminate();
    }
  }

  /** Posts a request and blocks until its answer; throws its failure. */
  #call(request: WriterRequest): WriteResult | number | undefined {
    this.#post(request);
    const answer = this.#waitFor(request.id);
    if (!answer.ok) throw rebuild(answer.failure);
    return answer.result;
  }

  #post(request: WriterRequest): void {
    if (this.#closed) throw new JournalError('io-error', 'the journal writer thread is closed');
    // The frames travel as a copy (structured clone): the caller's buffers stay usable and the worker
    // owns what it got.
    this.#port.postMessage(request);
  }

  /** Blocks this thread until the answer to `id` is on the port (the worker bumps the counter after each). */
  #waitFor(id: number): WriterAnswer {
    const deadline = performance.now() + ANSWER_TIMEOUT_MS;
    for (;;) {
      const seen = Atomics.load(this.#signal, 0);
      const received = receiveMessageOnPort(this.#port) as { message: WriterAnswer } | undefined;
      if (received !== undefined) {
        if (received.message.id === id) return received.message;
        this.#answered(received.message);
        continue;
      }
      const left = deadline - performance.now();
      if (left <= 0) throw new JournalError('io-error', 'the journal writer thread did not answer');
      Atomics.wait(this.#signal, 0, seen, Math.min(left, 1_000));
    }
  }

  /** An answer to the request in flight (from the port's event or from a wait). */
  #answered(answer: WriterAnswer): void {
    const inFlight = this.#inFlight;
    if (inFlight === undefined || inFlight.id !== answer.id) return;
    this.#inFlight = undefined;
    this.#port.unref();
    if (answer.ok) inFlight.done(answer.result as WriteResult, undefined);
    else inFlight.done(undefined, rebuild(answer.failure));
  }
}

function rebuild(failure: WriterFailure): Error {
  if (failure.journalKind === undefined) return new Error(failure.message);
  const error = new JournalError(failure.journalKind, undefined, failure.sqliteCode);
  // The worker's text already says what happened (kind sentence + detail): keep it as is.
  Object.defineProperty(error, 'message', { value: failure.message });
  return error;
}
