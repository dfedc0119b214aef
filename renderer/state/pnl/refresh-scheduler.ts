// refresh-scheduler.ts — turns "positions changed" (up to one per live batch, ~60 a second under load)
// into at most one positions.get at a time and at most one start per `minGapMs`: a request while a
// read runs or waits is folded into the next read, so the view never falls behind and never floods
// main. Pure timing logic with an injectable clock, tested without a browser.
export interface SchedulerClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const REAL_CLOCK: SchedulerClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class RefreshScheduler {
  readonly #load: () => Promise<void>;
  readonly #minGapMs: number;
  readonly #clock: SchedulerClock;
  #pending = false;
  #running = false;
  #timer: unknown;
  #lastStart = Number.NEGATIVE_INFINITY;
  #disposed = false;

  constructor(load: () => Promise<void>, minGapMs = 250, clock: SchedulerClock = REAL_CLOCK) {
    this.#load = load;
    this.#minGapMs = minGapMs;
    this.#clock = clock;
  }

  /** Asks for a fresh read (as soon as the previous one ended and the gap passed). */
  request(): void {
    this.#pending = true;
    this.#pump();
  }

  dispose(): void {
    this.#disposed = true;
    if (this.#timer !== undefined) this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #pump(): void {
    if (this.#disposed || this.#running || this.#timer !== undefined || !this.#pending) return;
    const wait = this.#lastStart + this.#minGapMs - this.#clock.now();
    if (wait > 0) {
      this.#timer = this.#clock.setTimeout(() => { this.#timer = undefined; this.#pump(); }, wait);
      return;
    }
    this.#pending = false;
    this.#running = true;
    this.#lastStart = this.#clock.now();
    void this.#load().catch(() => {}).finally(() => {
      this.#running = false;
      this.#pump();
    });
  }
}
