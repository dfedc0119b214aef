// pipeline.ts — what a benchmarked recorder writes into: the SequenceStore the session commits through,
// the ExecutionSink the Recorder hands decoded records to, and the positions book fed with every fill
// once it is durable. Two stores: 'journal' (the SQLite journal, the app's store) and 'memory-jsonl'
// (sequence numbers in memory + the JSON-lines sink, the store before the journal existed). Counts what
// is durable so an item can tell when a burst is fully caught up. Never measures time.
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Journal } from '../electron/core/journal/index.ts';
import { PositionBook } from '../shared/positions/position-book.ts';
import { PositionError, type Fill } from '../shared/positions/fill.ts';
import type { ExecutionRecord } from '../shared/records/execution-record.ts';
import { JsonlSink } from '../electron/core/recorder/jsonl-sink.ts';
import type { ExecutionSink } from '../electron/core/recorder/recorder.ts';
import { MemorySequenceStore } from '../electron/core/session/session-store.ts';
import type { SequenceStore } from '../electron/core/session/session-store.ts';
import type { FixMessage } from '../electron/core/fix/decode.ts';
import type { SequenceSnapshot } from '../electron/core/session/sequence.ts';
import { fillFromExecution } from '../electron/core/positions/fill-from-execution.ts';
import { BENCH_API_KEY_ID } from './workloads.ts';
import { LiveSurveillance } from '../electron/core/surveillance/index.ts';
import type { RulesDocument } from '../shared/surveillance/rules-document.ts';

export type StoreKind = 'journal' | 'memory-jsonl';

/** Where the journal runs its transactions (JournalOptions.writer): on the session's thread, or its own. */
export type WriterKind = 'inline' | 'thread';

/** What items 4–6 measure unless told otherwise: the Journal's default. */
export const DEFAULT_WRITER: WriterKind = 'inline';

/** The store items 4–6 measure unless told otherwise: the app's durable journal. */
export const DEFAULT_STORE: StoreKind = 'journal';

export interface IngestPipeline {
  readonly kind: StoreKind;
  /** The journal file or the JSONL file; it stays on disk after close(). */
  readonly path: string;
  /** How durable a committed execution is, in words, for the table's notes. */
  readonly durability: string;
  readonly store: SequenceStore;
  readonly sink: ExecutionSink;
  readonly positions: PositionBook;
  /** Executions committed (durable) so far, resends excluded. */
  readonly committed: number;
  /** Commits that carried new executions (each one transaction / one write). */
  readonly commits: number;
  /** Fills the positions book refused (PositionError); expected 0 for the simulator's streams. */
  readonly positionErrors: number;
  /** Resolves once `count` executions are committed. */
  whenCommitted(count: number): Promise<void>;
  /** Bytes the store occupies on disk now (journal + its WAL, or the JSONL file). */
  diskBytes(): number;
  /** With `surveil`: CPU time this thread spent in the rules engine on the commits (ms), and the alerts it raised. */
  readonly surveillance: { readonly ms: number; readonly alerts: number } | undefined;
  close(): void;
}

export interface PipelineOptions {
  /** Run the surveillance rules on every commit, as the recorder service does (journal store only). */
  readonly surveil?: RulesDocument;
}

export function openPipeline(kind: StoreKind, dir: string, writer: WriterKind = DEFAULT_WRITER, options: PipelineOptions = {}): IngestPipeline {
  mkdirSync(dir, { recursive: true });
  return kind === 'journal' ? openJournalPipeline(dir, writer, options) : openMemoryJsonlPipeline(dir);
}

/** Counts durable executions, feeds them to the positions book, wakes whoever waits for a count. */
class Committed {
  readonly positions = new PositionBook();
  count = 0;
  batches = 0;
  positionErrors = 0;
  #waiters: Array<{ count: number; resolve: () => void }> = [];

  add(records: readonly ExecutionRecord[]): void {
    for (const record of records) {
      const fill = fillFromExecution(record, 'dollars');
      if (fill !== undefined) this.#apply(fill);
    }
    this.count += records.length;
    if (records.length > 0) this.batches++;
    if (this.#waiters.length === 0) return;
    this.#waiters = this.#waiters.filter((w) => {
      if (this.count < w.count) return true;
      w.resolve();
      return false;
    });
  }

  when(count: number): Promise<void> {
    if (this.count >= count) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push({ count, resolve }));
  }

  #apply(fill: Fill): void {
    try {
      this.positions.apply(fill);
    } catch (error) {
      if (!(error instanceof PositionError)) throw error;
      this.positionErrors++;
    }
  }
}

/** What a store gives its pipeline; the counts of what is durable come from its Committed. */
type StoreParts = Omit<IngestPipeline, 'positions' | 'committed' | 'commits' | 'positionErrors' | 'whenCommitted'>;

/** The pipeline of `parts`, with the counts read live from `committed` (getters: they change as commits land). */
function withCounts(committed: Committed, parts: StoreParts): IngestPipeline {
  return {
    ...parts,
    get positions() {
      return committed.positions;
    },
    get committed() {
      return committed.count;
    },
    get commits() {
      return committed.batches;
    },
    get positionErrors() {
      return committed.positionErrors;
    },
    whenCommitted: (count) => committed.when(count),
  };
}

function fileBytes(...paths: string[]): number {
  let total = 0;
  for (const path of paths) {
    try {
      total += statSync(path).size;
    } catch {
      // -wal / -shm exist only while the database is open
    }
  }
  return total;
}

/** Passed explicitly so the durability stated in the table is the one in force (the app's default). */
const JOURNAL_SYNCHRONOUS = 'NORMAL';

function openJournalPipeline(dir: string, writer: WriterKind, options: PipelineOptions): IngestPipeline {
  const path = join(dir, 'journal.db');
  const committed = new Committed();
  const surveillance = { ms: 0, alerts: 0 };
  // As the service wires it: each commit's batch to the engine (warmed up on the empty file first).
  const rules = options.surveil === undefined ? undefined : new LiveSurveillance({ rules: options.surveil, journalPath: ':memory:', onAlerts: (a) => { surveillance.alerts += a.length; } });
  const journal = Journal.open(path, {
    session: { senderCompId: BENCH_API_KEY_ID, targetCompId: 'KalshiRT' },
    synchronous: JOURNAL_SYNCHRONOUS,
    onCommitted: (executions) => committed.add(executions),
    ...(rules === undefined ? {} : {
      onCommittedBatch: (batch) => {
        // CPU of this thread, not wall time: another process taking the core must not count as ours.
        const started = process.threadCpuUsage();
        rules.committed(BENCH_API_KEY_ID, batch);
        const spent = process.threadCpuUsage(started);
        surveillance.ms += (spent.user + spent.system) / 1000;
      },
    }),
    writer,
  });
  return withCounts(committed, {
    kind: 'journal',
    path,
    durability: `SQLite journal, WAL, synchronous=${JOURNAL_SYNCHRONOUS} (a commit survives a process crash or kill -9; power loss may roll back the last commits, sequence numbers with them): group commit after each socket read, coalesced within 5 ms or 2,000 messages (50 ms while a read brings 32+ messages: a catch-up commits in batches of 2,000)${writer === 'thread' ? ', transactions on the journal\'s writer thread while the session decodes on' : ''}; every message stored raw, batches SHA-256-chained with a CRC-32 per message`,
    store: journal,
    // The journal decodes, deduplicates and reports executions itself (onCommitted): the Recorder's
    // sink only has to accept.
    sink: { write: () => true },
    diskBytes: () => fileBytes(path, `${path}-wal`),
    surveillance: rules === undefined ? undefined : surveillance,
    close: () => journal.close(),
  });
}

function openMemoryJsonlPipeline(dir: string): IngestPipeline {
  const path = join(dir, 'executions.jsonl');
  const committed = new Committed();
  const jsonl = new JsonlSink(path);
  const memory = new MemorySequenceStore();
  let pending: ExecutionRecord[] = [];
  // Same commit point as the journal: the session calls flush() after each socket read.
  const store: SequenceStore = {
    load: (): SequenceSnapshot | undefined => memory.load(),
    accept: (message: FixMessage, nextInbound: number) => memory.accept(message, nextInbound),
    setNextOutbound: (next: number) => memory.setNextOutbound(next),
    resetSequences: (next: SequenceSnapshot) => memory.resetSequences(next),
    flush: () => {
      jsonl.flush();
      const batch = pending;
      pending = [];
      committed.add(batch);
    },
  };
  return withCounts(committed, {
    kind: 'memory-jsonl',
    path,
    durability: 'JSON lines appended with write(2) after each socket read, no fsync (survives a process crash, not power loss); sequence numbers in memory only',
    store,
    sink: {
      write: (record) => {
        if (!jsonl.write(record)) return false;
        pending.push(record);
        return true;
      },
    },
    diskBytes: () => fileBytes(path),
    surveillance: undefined,
    close: () => jsonl.close(),
  });
}
