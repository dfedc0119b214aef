// journal-writer-worker.ts — the thread that runs a Journal's commits when it is opened with
// writer: 'thread' (journal-writer.ts is the other side). Owns one write connection to the journal
// file and a BatchWriter; for each request it runs the transaction, answers on the port, then bumps
// the shared counter so a caller blocked in Atomics.wait wakes up. Knows nothing of the commit policy
// or of FIX: rows arrive decoded.
import { parentPort, workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { BatchWriter, type BatchRows, type WriteResult } from './batch-writer.ts';
import { JournalError, toJournalError } from './errors.ts';
import { openJournalDatabase, type OpenDatabaseOptions } from './open-database.ts';

export interface WriterData {
  readonly path: string;
  readonly options: OpenDatabaseOptions;
  readonly port: MessagePort;
  /** Int32 counter: +1 after every answer. */
  readonly signal: SharedArrayBuffer;
}

export type WriterRequest =
  | { readonly id: number; readonly kind: 'write'; readonly rows: BatchRows }
  | { readonly id: number; readonly kind: 'pragma'; readonly sql: string }
  | { readonly id: number; readonly kind: 'close' };

/** A JournalError travels as its kind and text; anything else as a plain error. */
export interface WriterFailure {
  readonly journalKind: JournalError['kind'] | undefined;
  readonly message: string;
  readonly sqliteCode: string | undefined;
}

export type WriterAnswer =
  | { readonly id: number; readonly ok: true; readonly result: WriteResult | number | undefined }
  | { readonly id: number; readonly ok: false; readonly failure: WriterFailure };

function failure(error: unknown, action: string): WriterFailure {
  const e = toJournalError(error, action);
  if (e instanceof JournalError) return { journalKind: e.kind, message: e.message, sqliteCode: e.sqliteCode };
  return { journalKind: undefined, message: e instanceof Error ? e.message : String(e), sqliteCode: undefined };
}

const data = workerData as WriterData;
const signal = new Int32Array(data.signal);
const port = data.port;
let db: Database.Database | undefined;
let writer: BatchWriter | undefined;

function answer(message: WriterAnswer): void {
  port.postMessage(message);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
}

function handle(request: WriterRequest): WriterAnswer {
  try {
    db ??= openJournalDatabase(data.path, data.options);
    switch (request.kind) {
      case 'write':
        writer ??= new BatchWriter(db);
        return { id: request.id, ok: true, result: writer.write(request.rows) };
      case 'pragma':
        return { id: request.id, ok: true, result: db.pragma(request.sql, { simple: true }) as number };
      case 'close':
        db.close();
        db = undefined;
        return { id: request.id, ok: true, result: undefined };
    }
  } catch (error) {
    return { id: request.id, ok: false, failure: failure(error, request.kind === 'write' ? `committing ${request.rows.meta.length / 5} messages` : request.kind) };
  }
}

port.on('message', (request: WriterRequest) => {
  const reply = handle(request);
  answer(reply);
  if (request.kind === 'close' && reply.ok) {
    port.close();
    parentPort?.close();
  }
});
