// live-sync.ts — how a window joins the live stream without a gap or a double (Reactive Trader's
// state-of-the-world pattern): subscribe to batches first, ask for a snapshot, apply it, then apply
// only the batches numbered after it (those that arrived meanwhile were held). A batch number that
// skips one means something was lost on the way: ask for a fresh snapshot and start over. Rows are
// deduplicated by journal position (live-rows.ts), so overlap between snapshot and batches is harmless.
import type { AppSnapshot, IpcError, IpcResult, LiveBatch } from '../../shared/ipc/contract.ts';

export interface LiveSource {
  snapshot(): Promise<IpcResult<AppSnapshot>>;
  onBatch(listener: (batch: LiveBatch) => void): () => void;
}

export interface LiveSink {
  snapshot(snapshot: AppSnapshot): void;
  batch(batch: LiveBatch): void;
  /** The snapshot could not be read; `retryInMs` later it is asked again. */
  failed(error: IpcError, retryInMs: number): void;
}

export type SyncPhase = 'idle' | 'syncing' | 'live' | 'stopped';

const RETRY_MS = 1_000;

export class LiveSync {
  readonly #source: LiveSource;
  readonly #sink: LiveSink;
  #phase: SyncPhase = 'idle';
  #held: LiveBatch[] = [];
  #seq = 0;
  #unsubscribe: (() => void) | undefined;
  #retry: ReturnType<typeof setTimeout> | undefined;
  /** Counts snapshot requests: only the answer to the latest one is applied. */
  #generation = 0;
  /** How many times the window had to resync (a lost batch, a failed snapshot). */
  resyncs = 0;

  constructor(source: LiveSource, sink: LiveSink) {
    this.#source = source;
    this.#sink = sink;
  }

  get phase(): SyncPhase {
    return this.#phase;
  }

  start(): void {
    if (this.#phase !== 'idle') return;
    this.#unsubscribe = this.#source.onBatch((batch) => this.#onBatch(batch));
    void this.#resync();
  }

  /** Main says what it serves changed as a whole (demo mode ended): start over from a fresh snapshot. */
  restart(): void {
    if (this.#phase === 'idle' || this.#phase === 'stopped') return;
    this.resyncs++;
    clearTimeout(this.#retry);
    void this.#resync();
  }

  stop(): void {
    this.#phase = 'stopped';
    this.#unsubscribe?.();
    clearTimeout(this.#retry);
  }

  #onBatch(batch: LiveBatch): void {
    if (this.#phase === 'syncing') {
      this.#held.push(batch);
    } else if (this.#phase === 'live') {
      if (batch.seq <= this.#seq) return;
      if (batch.seq !== this.#seq + 1) {
        this.resyncs++;
        void this.#resync(batch);
        return;
      }
      this.#seq = batch.seq;
      this.#sink.batch(batch);
    }
  }

  async #resync(first?: LiveBatch): Promise<void> {
    this.#phase = 'syncing';
    this.#held = first === undefined ? [] : [first];
    const generation = ++this.#generation;
    const answer = await this.#source.snapshot();
    // Stopped meanwhile, or a newer resync asked again (an older answer may describe what main no longer serves).
    if (this.#phase !== 'syncing' || generation !== this.#generation) return;
    if (!answer.ok) {
      this.#sink.failed(answer.error, RETRY_MS);
      this.#retry = setTimeout(() => void this.#resync(), RETRY_MS);
      return;
    }
    const snapshot = answer.value;
    this.#sink.snapshot(snapshot);
    this.#seq = snapshot.seq;
    this.#phase = 'live';
    const held = this.#held.sort((a, b) => a.seq - b.seq);
    this.#held = [];
    for (const batch of held) this.#onBatch(batch);
  }
}
