// event-batcher.ts — turns the engine's stream of events into at most one message per animation frame
// (~16 ms) per window: executions in commit order, the latest status of each account that changed,
// log lines, alerts and the accounts whose positions moved. A burst of 10,000 executions becomes a
// handful of batches, never 10,000 messages: at most 1,000 executions each, one per frame, so a
// catch-up never hands a window more than it can decode and draw within a frame (a 10,000-row batch was
// one 100+ ms task in the page). Each batch has a sequence number (`seq`) so a reader can tell which
// batches a snapshot already covers, and notice one it missed. Plain Node, timer injected.
import { Emitter, type Event } from '../../../shared/events/emitter.ts';
import type { AccountStatusWire, Alert, LiveBatch, LiveExecutionWire, LogLine } from '../../../shared/ipc/contract.ts';
import type { SurveillanceAlertWire } from '../../../shared/ipc/alerts-contract.ts';

/** One animation frame at 60 Hz. */
export const FRAME_MS = 16;
/** Executions per batch at most; the rest leave in the next frames, in commit order. */
export const MAX_EXECUTIONS_PER_BATCH = 1_000;

export interface BatchTimer {
  now(): number;
  /** Calls `fn` once after `ms`; the result cancels it. */
  after(ms: number, fn: () => void): () => void;
}

const realTimer: BatchTimer = {
  now: () => performance.now(),
  after: (ms, fn) => {
    const handle = setTimeout(fn, ms);
    return () => clearTimeout(handle);
  },
};

export class EventBatcher {
  readonly #timer: BatchTimer;
  readonly #intervalMs: number;
  readonly #maxExecutions: number;
  readonly #onBatch = new Emitter<LiveBatch>();
  #executions: LiveExecutionWire[] = [];
  #statuses = new Map<string, AccountStatusWire>();
  #logs: LogLine[] = [];
  #alerts: Alert[] = [];
  #positionsChanged = new Set<string>();
  /** By id: an alert raised and reviewed within one frame is sent once, as it is now. */
  #surveillance = new Map<string, SurveillanceAlertWire>();
  #seq = 0;
  #lastFlushAt = Number.NEGATIVE_INFINITY;
  #cancelPending: (() => void) | undefined;

  constructor(options: { timer?: BatchTimer; intervalMs?: number; maxExecutionsPerBatch?: number } = {}) {
    this.#timer = options.timer ?? realTimer;
    this.#intervalMs = options.intervalMs ?? FRAME_MS;
    this.#maxExecutions = options.maxExecutionsPerBatch ?? MAX_EXECUTIONS_PER_BATCH;
  }

  /** Every batch, as it is sent. */
  get onBatch(): Event<LiveBatch> {
    return this.#onBatch.event;
  }

  /** The seq of the last batch sent (0 before the first). */
  get seq(): number {
    return this.#seq;
  }

  addExecutions(executions: readonly LiveExecutionWire[]): void {
    if (executions.length === 0) return;
    for (const e of executions) this.#executions.push(e);
    this.#schedule();
  }

  setStatus(status: AccountStatusWire): void {
    this.#statuses.set(status.accountId, status);
    this.#schedule();
  }

  addLog(line: LogLine): void {
    this.#logs.push(line);
    this.#schedule();
  }

  addAlert(alert: Alert): void {
    this.#alerts.push(alert);
    this.#schedule();
  }

  /** Surveillance alerts new to the journal, or changed by a review. */
  addSurveillance(alerts: readonly SurveillanceAlertWire[]): void {
    if (alerts.length === 0) return;
    for (const alert of alerts) {
      this.#surveillance.delete(alert.id);
      this.#surveillance.set(alert.id, alert);
    }
    this.#schedule();
  }

  positionsChanged(accountId: string): void {
    this.#positionsChanged.add(accountId);
    this.#schedule();
  }

  /** Sends a batch of what is pending now (executions beyond the cap follow a frame later). */
  flush(): void {
    this.#cancelPending?.();
    this.#cancelPending = undefined;
    if (this.#executions.length === 0 && this.#statuses.size === 0 && this.#logs.length === 0 && this.#alerts.length === 0 && this.#positionsChanged.size === 0 && this.#surveillance.size === 0) return;
    const executions = this.#executions.length > this.#maxExecutions ? this.#executions.splice(0, this.#maxExecutions) : this.#executions;
    const batch: LiveBatch = {
      seq: ++this.#seq,
      executions,
      statuses: [...this.#statuses.values()],
      logs: this.#logs,
      alerts: this.#alerts,
      positionsChanged: [...this.#positionsChanged],
      surveillance: [...this.#surveillance.values()],
    };
    if (executions === this.#executions) this.#executions = [];
    this.#statuses = new Map();
    this.#logs = [];
    this.#alerts = [];
    this.#positionsChanged = new Set();
    this.#surveillance = new Map();
    this.#lastFlushAt = this.#timer.now();
    this.#onBatch.fire(batch);
    if (this.#executions.length > 0) this.#schedule();
  }

  dispose(): void {
    this.#cancelPending?.();
    this.#cancelPending = undefined;
    this.#onBatch.dispose();
  }

  #schedule(): void {
    if (this.#cancelPending !== undefined) return;
    // Always through the timer, even when a frame has passed: events of the same tick share a batch.
    const wait = Math.max(0, this.#lastFlushAt + this.#intervalMs - this.#timer.now());
    this.#cancelPending = this.#timer.after(wait, () => {
      this.#cancelPending = undefined;
      this.flush();
    });
  }
}
