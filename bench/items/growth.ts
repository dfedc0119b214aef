// growth.ts (bench item 6) — how the costs grow with the size of a catch-up: durable ingest at three
// sizes a decade apart (ER/s, bytes on disk per ER, peak RSS), then P&L and CSV export replayed over
// each recorded store. The baseline of every row is the same figure at the smallest size, measured in
// this process, so a ratio near 1× means the cost per ER did not grow: linear, not worse.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Figure, ItemResult } from '../report.ts';
import { mapSummary, summarize, timePerOp, type RunPlan, type Summary } from '../stats.ts';
import { runCatchUp, type CatchUpResult } from '../scenarios/catch-up.ts';
import { replayExport, replayPnl, replayRead } from '../scenarios/replay.ts';
import { LIVE_BEFORE_DROP } from '../scenarios/series.ts';
import type { BenchContext } from './context.ts';

const GOAL_INGEST_SECONDS = 10;
const GOAL_PNL_SECONDS = 2;

interface SizePlan {
  readonly size: number;
  readonly warmup: number;
  readonly runs: number;
}

interface SizeResult {
  readonly size: number;
  readonly runs: readonly CatchUpResult[];
  /** Executions in the replayed store (live + backlog). */
  readonly stored: number;
  /** Replays, ns per stored execution. */
  readonly read: Summary;
  readonly pnl: Summary;
  readonly export: Summary;
}

function plans(quick: boolean): SizePlan[] {
  return quick
    ? [{ size: 200, warmup: 0, runs: 1 }, { size: 2_000, warmup: 0, runs: 1 }, { size: 20_000, warmup: 0, runs: 1 }]
    : [{ size: 10_000, warmup: 1, runs: 3 }, { size: 100_000, warmup: 0, runs: 1 }, { size: 1_000_000, warmup: 0, runs: 1 }];
}

export async function runGrowth(ctx: BenchContext): Promise<ItemResult> {
  const replayPlan: RunPlan = ctx.quick ? { warmup: 0, runs: 1 } : { warmup: 1, runs: 3 };
  const results: SizeResult[] = [];
  for (const plan of plans(ctx.quick)) results.push(await measureSize(ctx, plan, replayPlan));

  const figures: Figure[] = [];
  const first = results[0]!;
  const last = results[results.length - 1]!;
  const label = (n: number): string => (n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n));
  const row = (
    key: string,
    what: string,
    unit: string,
    better: 'lower' | 'higher',
    of: (r: SizeResult) => Summary,
    goal?: (r: SizeResult) => Figure['goal'],
  ): void => {
    // Totals (seconds, MB) grow with size by design: only per-ER rows are compared with the smallest size.
    const perEr = unit.endsWith('/ER') || unit === 'ER/s';
    for (const r of results) {
      const g = r === last ? goal?.(r) : undefined;
      figures.push({
        id: `growth.${key}.${r.size}`,
        label: `${what} @ ${label(r.size)}`,
        unit,
        better,
        summary: of(r),
        ...(r === first || !perEr ? {} : { baselineOf: `growth.${key}.${first.size}` }),
        ...(g === undefined ? {} : { goal: g }),
      });
    }
  };
  const burstSeconds = (r: CatchUpResult): number => (r.doneNs - r.firstErNs) / 1e9;
  row('rate', 'ingest', 'ER/s', 'higher', (r) => summarize(r.runs.map((c) => c.caughtUp / burstSeconds(c))));
  row('seconds', 'ingest time', 's', 'lower', (r) => summarize(r.runs.map(burstSeconds)), (r) => {
    const s = summarize(r.runs.map(burstSeconds)).median;
    return { text: `${label(r.size)} in < ${GOAL_INGEST_SECONDS} s`, met: s < GOAL_INGEST_SECONDS };
  });
  row('bytes', 'store bytes per ER', 'B/ER', 'lower', (r) => summarize(r.runs.map((c) => c.diskBytes / c.total)));
  row('rss', 'peak RSS while ingesting', 'MB', 'lower', (r) => summarize(r.runs.map((c) => c.peakRssBytes / 1e6)));
  row('rss-per-er', 'RSS added per ER (peak − start)', 'B/ER', 'lower', (r) => summarize(r.runs.map((c) => Math.max(0, c.peakRssBytes - c.startRssBytes) / c.caughtUp)));
  row('read-per-er', 'read back only per ER', 'µs/ER', 'lower', (r) => mapSummary(r.read, (ns) => ns / 1000));
  row('pnl-per-er', 'P&L replay per ER', 'µs/ER', 'lower', (r) => mapSummary(r.pnl, (ns) => ns / 1000));
  row('pnl', 'P&L replay', 's', 'lower', (r) => mapSummary(r.pnl, (ns) => (ns * r.stored) / 1e9), (r) => ({
    text: `< ${GOAL_PNL_SECONDS} s over ${label(r.size)}`,
    met: (r.pnl.median * r.stored) / 1e9 < GOAL_PNL_SECONDS,
  }));
  row('export-per-er', 'CSV export per ER', 'µs/ER', 'lower', (r) => mapSummary(r.export, (ns) => ns / 1000));

  return {
    id: 'growth',
    title: `6. Growth: durable ingest at ${results.map((r) => label(r.size)).join(', ')} ERs, then P&L and export over each store`,
    figures,
    notes: [
      `Baseline of each row: the same figure at ${label(first.size)} in this run; the ratio is (cost per ER at ${label(first.size)}) ÷ (cost per ER at that size), so ≈1× means linear growth and below 1× means worse than linear. Rows in s and MB are totals and grow with size by design, so they carry no ratio.`,
      `Ingest as in item 4 (store: ${ctx.store}); ingest time = first resent ER → last committed. Runs per size: ${plans(ctx.quick).map((p) => `${label(p.size)}×${p.runs}`).join(', ')} (one run has no spread). RSS is the whole bench process (the simulator runs in its own).`,
      'P&L and export: the same library path as `fillwatch pnl` / `export`, run in this process: read every execution back from the store, then rebuild the positions book with its totals (P&L) or write one CSV row per execution. "read back only" is the reading alone, so P&L minus it is the positions book.',
      `${LIVE_BEFORE_DROP} live ERs precede each backlog; the store holds live + backlog ERs.`,
    ],
    settings: { store: ctx.store, sizes: results.map((r) => r.size).join(','), replayRuns: replayPlan.runs, replayWarmupRuns: replayPlan.warmup },
  };
}

async function measureSize(ctx: BenchContext, plan: SizePlan, replayPlan: RunPlan): Promise<SizeResult> {
  const runs: CatchUpResult[] = [];
  let kept: { dir: string; result: CatchUpResult } | undefined;
  try {
    for (let i = 0; i < plan.warmup + plan.runs; i++) {
      ctx.log(`  growth ${plan.size.toLocaleString('en-US')} ERs: run ${i + 1}/${plan.warmup + plan.runs}${i < plan.warmup ? ' (warm-up)' : ''}`);
      const dir = join(ctx.workDir, `growth-${plan.size}-${i}`);
      const result = await runCatchUp({
        backlog: plan.size,
        live: LIVE_BEFORE_DROP,
        store: ctx.store,
        writer: ctx.writer,
        dir,
        coalesceWrites: true,
        timeoutMs: Math.max(120_000, plan.size * 0.5),
      });
      if (i >= plan.warmup) runs.push(result);
      // Keep the last store for the replays; drop the others at once (1M ERs is ~0.5 GB).
      if (kept !== undefined) rmSync(kept.dir, { recursive: true, force: true });
      kept = { dir, result };
    }
    const { dir, result } = kept!;
    ctx.log(`  growth ${plan.size.toLocaleString('en-US')} ERs: P&L and export replays`);
    let executions = 0;
    const read = timePerOp(replayPlan, () => {
      const n = replayRead(result.storeKind, result.storePath);
      if (n !== result.total) throw new Error(`The read-back found ${n} of ${result.total} executions.`);
      return n;
    });
    const pnl = timePerOp(replayPlan, () => {
      const replay = replayPnl(result.storeKind, result.storePath);
      if (replay.executions !== result.total || replay.refused !== 0) throw new Error(`The P&L replay read ${replay.executions} of ${result.total} executions, refused ${replay.refused}.`);
      executions = replay.executions;
      return replay.executions;
    });
    const exported = timePerOp(replayPlan, () => {
      const out = replayExport(result.storeKind, result.storePath, join(dir, 'export.csv'));
      if (out.rows !== result.total) throw new Error(`The export wrote ${out.rows} of ${result.total} rows.`);
      return out.rows;
    });
    return { size: plan.size, runs, stored: executions, read, pnl, export: exported };
  } finally {
    if (kept !== undefined) rmSync(kept.dir, { recursive: true, force: true });
  }
}
