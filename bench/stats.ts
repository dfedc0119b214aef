// stats.ts — how the benchmarks time things and summarise the samples: a monotonic clock
// (process.hrtime.bigint), warm-up runs that are thrown away, then N measured runs summarised by their
// median and spread. Never decides what a figure means (the items do) and never prints (report.ts does).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Nanoseconds on the monotonic clock. */
export function nowNs(): bigint {
  return process.hrtime.bigint();
}

export function elapsedNs(since: bigint): number {
  return Number(process.hrtime.bigint() - since);
}

/** Median, extremes and the spread of a set of samples (all in one unit). */
export interface Summary {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** (max − min) / median, in percent: how far apart the best and the worst run were. */
  readonly spreadPct: number;
  readonly runs: number;
  readonly samples: readonly number[];
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new RangeError('summarize needs at least one sample.');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  return { median, min, max, spreadPct: median === 0 ? 0 : ((max - min) / median) * 100, runs: samples.length, samples: [...samples] };
}

/** Percentiles of a set of latencies (nearest rank), and how many there were. */
export interface Percentiles {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/** NaN everywhere when there are no samples (a run that measured nothing still reports). */
export function percentiles(values: readonly number[]): Percentiles {
  if (values.length === 0) return { count: 0, p50: Number.NaN, p95: Number.NaN, p99: Number.NaN, max: Number.NaN };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1]! };
}

/** Applies `f` to every number of a summary (unit conversions, per-op → per-second, …). */
export function mapSummary(s: Summary, f: (value: number) => number): Summary {
  const samples = s.samples.map(f);
  const a = f(s.min);
  const b = f(s.max);
  const median = f(s.median);
  const min = Math.min(a, b);
  const max = Math.max(a, b);
  return { median, min, max, spreadPct: median === 0 ? 0 : ((max - min) / Math.abs(median)) * 100, runs: s.runs, samples };
}

export interface RunPlan {
  /** Runs thrown away first, so the JIT has compiled the hot paths and caches are warm. */
  readonly warmup: number;
  /** Measured runs; the figure is their median. */
  readonly runs: number;
}

/**
 * Times `run` (which performs some operations and returns how many) `plan.warmup + plan.runs` times
 * and returns the measured runs as nanoseconds per operation. Garbage is collected before each run
 * (when possible) so one run's garbage is not billed to the next.
 */
export function timePerOp(plan: RunPlan, run: () => number): Summary {
  const samples: number[] = [];
  for (let i = 0; i < plan.warmup + plan.runs; i++) {
    collectGarbage();
    const start = nowNs();
    const ops = run();
    const ns = elapsedNs(start);
    if (!(ops > 0)) throw new Error(`A benchmark run performed ${ops} operations; it must perform at least one.`);
    if (i >= plan.warmup) samples.push(ns / ops);
  }
  return summarize(samples);
}

/** The asynchronous twin of timePerOp, for runs that involve sockets or other processes. */
export async function timePerOpAsync(plan: RunPlan, run: () => Promise<number>): Promise<Summary> {
  const samples: number[] = [];
  for (let i = 0; i < plan.warmup + plan.runs; i++) {
    collectGarbage();
    const start = nowNs();
    const ops = await run();
    const ns = elapsedNs(start);
    if (!(ops > 0)) throw new Error(`A benchmark run performed ${ops} operations; it must perform at least one.`);
    if (i >= plan.warmup) samples.push(ns / ops);
  }
  return summarize(samples);
}

let gc: (() => void) | undefined;
let gcLooked = false;

/**
 * A full GC between runs. `npm run bench` starts Node without --expose-gc, so the flag is turned on
 * at run time and the gc function fetched from a fresh context (V8 installs it on new contexts only).
 */
export function collectGarbage(): void {
  if (!gcLooked) {
    gcLooked = true;
    const existing = (globalThis as { gc?: () => void }).gc;
    if (typeof existing === 'function') {
      gc = existing;
    } else {
      setFlagsFromString('--expose-gc');
      const fresh: unknown = runInNewContext('typeof gc === "function" ? gc : undefined');
      gc = typeof fresh === 'function' ? (fresh as () => void) : undefined;
    }
  }
  gc?.();
}

/** Samples the resident set size every `everyMs` until stopped; returns the peak in bytes. */
export function watchPeakRss(everyMs = 20): { readonly startBytes: number; stop(): number } {
  const startBytes = process.memoryUsage.rss();
  let peak = startBytes;
  const timer = setInterval(() => {
    const rss = process.memoryUsage.rss();
    if (rss > peak) peak = rss;
  }, everyMs);
  return {
    startBytes,
    stop(): number {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage.rss());
    },
  };
}
