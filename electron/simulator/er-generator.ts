// er-generator.ts — a deterministic stream of ExecutionReports for one simulated account: same seed,
// same reports, in the same order, every time. Attaches ExecIDs (`clock;event`, strictly increasing as
// integer pairs, exchange index 0) and TransactTimes from a virtual clock to what order-lifecycle.ts
// decides. Never reads Math.random or the wall clock, and never touches sockets or sequence numbers:
// the session layer turns each report into a FIX body (er-render.ts) and adds the header.
import { createMarkets } from './markets.ts';
import type { Market } from './markets.ts';
import { OrderLifecycle } from './order-lifecycle.ts';
import type { AbstractReport, OrderMix } from './order-lifecycle.ts';
import { SeededRandom } from './prng.ts';

export interface ErGeneratorOptions {
  seed: number;
  /** Distinct market tickers to trade in (default 12). */
  markets?: number;
  /** Virtual clock start for TransactTime(60); default 2026-11-24T14:00:00Z so output is fixed by the seed alone. */
  startTimeMs?: number;
  /** Stop after this many reports (default: never). */
  total?: number;
  /** What the account does (order-lifecycle.ts); default 'default'. */
  mix?: OrderMix;
}

export interface GeneratedReport extends AbstractReport {
  /** 0-based position in the stream. */
  readonly index: number;
  readonly execId: string;
  readonly transactTimeMs: number;
}

export const DEFAULT_START_TIME_MS = Date.UTC(2026, 10, 24, 14, 0, 0);
export const DEFAULT_MARKETS = 12;

export class ExecutionReportGenerator {
  readonly #rng: SeededRandom;
  readonly #markets: readonly Market[];
  readonly #book: OrderLifecycle;
  readonly #total: number;
  #count = 0;
  #clock: number;
  #event: number;
  #timeMs: number;

  constructor(options: ErGeneratorOptions) {
    const total = options.total ?? Number.POSITIVE_INFINITY;
    if (total !== Number.POSITIVE_INFINITY && (!Number.isSafeInteger(total) || total < 0)) {
      throw new RangeError(`total must be a non-negative integer, got ${String(total)}.`);
    }
    this.#total = total;
    this.#rng = new SeededRandom(options.seed);
    this.#timeMs = options.startTimeMs ?? DEFAULT_START_TIME_MS;
    this.#markets = createMarkets(this.#rng, options.markets ?? DEFAULT_MARKETS, this.#timeMs);
    // The default mix has the weights there always were, so every seed still gives its old stream.
    this.#book = new OrderLifecycle(this.#rng, this.#markets, options.mix);
    this.#clock = this.#rng.int(1000, 5000);
    this.#event = 0;
  }

  get tickers(): string[] {
    return this.#markets.map((m) => m.ticker);
  }

  /** Reports produced so far. */
  get count(): number {
    return this.#count;
  }

  get done(): boolean {
    return this.#count >= this.#total;
  }

  /** The next report, or undefined once `total` is reached. */
  next(): GeneratedReport | undefined {
    if (this.done) return undefined;
    const rng = this.#rng;
    const report = this.#book.next();
    // Kalshi's clock ticks now and then; the event counter restarts low after a tick (§4.1 ExecID).
    if (this.#event > 0 && rng.chance(10)) {
      this.#clock += 1;
      this.#event = rng.int(1, 5);
    } else {
      this.#event += rng.int(1, 4);
    }
    this.#timeMs += rng.int(5, 900);
    const generated: GeneratedReport = { ...report, index: this.#count, execId: `${this.#clock};${this.#event}`, transactTimeMs: this.#timeMs };
    this.#count += 1;
    return generated;
  }

  /** Up to `n` further reports. */
  take(n: number): GeneratedReport[] {
    const out: GeneratedReport[] = [];
    for (let i = 0; i < n; i++) {
      const r = this.next();
      if (r === undefined) break;
      out.push(r);
    }
    return out;
  }
}

/**
 * The ExecIDs a stream with these options will send, in order: the first `count` (or `total`) of
 * them. Runs a private generator, so it never disturbs a live one.
 */
export function plannedExecIds(options: ErGeneratorOptions, count = options.total): string[] {
  if (count === undefined) throw new RangeError('plannedExecIds needs a count when the stream has no total.');
  return new ExecutionReportGenerator(options).take(count).map((r) => r.execId);
}

/** Compares ExecIDs as integer tuples, the way Kalshi orders them (§5: never as strings). */
export function compareExecIds(a: string, b: string): number {
  const pa = a.split(';').map(Number);
  const pb = b.split(';').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
