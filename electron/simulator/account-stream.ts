// account-stream.ts — paces one account's ExecutionReport stream into whichever sink currently
// stands for the account (a logged-on connection, or the offline session record), at a fixed rate
// or as fast as the socket drains. Owns the generator's position, so reconnects and 141=Y resets
// continue the stream instead of regenerating it. Never encodes FIX or assigns sequence numbers.
import type { ExecutionReportGenerator, GeneratedReport } from './er-generator.ts';

export interface ReportSink {
  /** Sends, queues or drops one report (the sink decides, per its session type and faults). */
  deliver(report: GeneratedReport): void;
  /** False while the sink's socket is congested or closing. */
  readonly ready: boolean;
  /** Calls `callback` once when the sink may be ready again (socket drain). */
  onceReady(callback: () => void): void;
}

export interface AccountStreamOptions {
  readonly apiKeyId: string;
  readonly generator: ExecutionReportGenerator;
  /** Reports per second; 0 = as fast as the sink accepts them. */
  readonly ratePerSecond: number;
  /** Every report the generator produced, before it reaches the sink. */
  readonly onGenerated: (report: GeneratedReport) => void;
  readonly onComplete: () => void;
}

/** Reports per turn when unpaced, so one account cannot starve the event loop. */
const UNPACED_BATCH = 256;
/** Longest timer period when paced; shorter periods only for rates above 50/s. */
const MAX_PERIOD_MS = 20;

export class AccountStream {
  readonly apiKeyId: string;
  readonly #generator: ExecutionReportGenerator;
  readonly #rate: number;
  readonly #onGenerated: (report: GeneratedReport) => void;
  readonly #onComplete: () => void;
  #sink: ReportSink | undefined;
  #timer: NodeJS.Timeout | NodeJS.Immediate | undefined;
  #waitingForDrain = false;
  #tokens = 1;
  #lastRefill = 0;
  #completed = false;

  constructor(options: AccountStreamOptions) {
    if (!Number.isFinite(options.ratePerSecond) || options.ratePerSecond < 0) {
      throw new RangeError(`ratePerSecond must be 0 (unpaced) or positive, got ${String(options.ratePerSecond)}.`);
    }
    this.apiKeyId = options.apiKeyId;
    this.#generator = options.generator;
    this.#rate = options.ratePerSecond;
    this.#onGenerated = options.onGenerated;
    this.#onComplete = options.onComplete;
  }

  get generatedCount(): number {
    return this.#generator.count;
  }

  get done(): boolean {
    return this.#generator.done;
  }

  /** Routes the stream to `sink` (undefined = pause). */
  attach(sink: ReportSink | undefined): void {
    this.#sink = sink;
    this.#cancelTimer();
    this.#waitingForDrain = false;
    this.#tokens = 1;
    this.#lastRefill = performance.now();
    this.#schedule();
  }

  detach(sink: ReportSink): void {
    if (this.#sink === sink) this.attach(undefined);
  }

  stop(): void {
    this.#sink = undefined;
    this.#cancelTimer();
  }

  #cancelTimer(): void {
    if (this.#timer === undefined) return;
    if (this.#rate === 0) clearImmediate(this.#timer as NodeJS.Immediate);
    else clearTimeout(this.#timer as NodeJS.Timeout);
    this.#timer = undefined;
  }

  #schedule(): void {
    if (this.#timer !== undefined || this.#sink === undefined || this.#waitingForDrain) return;
    if (this.#generator.done) {
      this.#complete();
      return;
    }
    this.#timer =
      this.#rate === 0
        ? setImmediate(() => this.#pump())
        : setTimeout(() => this.#pump(), Math.max(1, Math.min(MAX_PERIOD_MS, 1000 / this.#rate)));
  }

  #pump(): void {
    this.#timer = undefined;
    const sink = this.#sink;
    if (sink === undefined) return;
    if (!sink.ready) {
      this.#waitForDrain(sink);
      return;
    }
    let budget = UNPACED_BATCH;
    if (this.#rate > 0) {
      const now = performance.now();
      // Pacing is wall-clock only; a stalled timer may catch up by at most 100 ms worth.
      this.#tokens = Math.min(this.#tokens + ((now - this.#lastRefill) * this.#rate) / 1000, Math.max(2, this.#rate / 10));
      this.#lastRefill = now;
      budget = Math.floor(this.#tokens);
    }
    let sent = 0;
    while (sent < budget && this.#sink === sink && sink.ready) {
      const report = this.#generator.next();
      if (report === undefined) break;
      this.#onGenerated(report);
      sink.deliver(report);
      sent += 1;
    }
    if (this.#rate > 0) this.#tokens -= sent;
    if (this.#sink !== sink) return; // delivery switched the sink (connection closed); attach() rescheduled
    if (!sink.ready && !this.#generator.done) this.#waitForDrain(sink);
    else this.#schedule();
  }

  #waitForDrain(sink: ReportSink): void {
    this.#waitingForDrain = true;
    sink.onceReady(() => {
      if (this.#sink !== sink) return;
      this.#waitingForDrain = false;
      this.#schedule();
    });
  }

  #complete(): void {
    if (this.#completed) return;
    this.#completed = true;
    this.#onComplete();
  }
}
