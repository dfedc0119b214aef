// ingest.ts (bench item 4) — durable ingest of a catch-up burst: the simulator (its own process) drops
// the recorder, piles up a backlog on KalshiRT, and the recorder reconnects and stores the resend over
// real TLS: frame, decode, session checks, store commit, positions. ER/s from the first resent ER to
// the last one committed, and the CPU this process spent per ER. Baseline: the raw TLS byte throughput
// of the same burst from the same simulator, with no parsing at all.
import type { Figure, ItemResult } from '../report.ts';
import { summarize } from '../stats.ts';
import { catchUpSeries, LIVE_BEFORE_DROP, rawSeries, type SeriesShape } from '../scenarios/series.ts';
import type { BenchContext } from './context.ts';

const GOAL_ER_PER_SECOND = 200_000;

export function ingestShape(ctx: BenchContext): SeriesShape {
  return ctx.quick ? { backlog: 2_000, warmup: 0, runs: 3 } : { backlog: 100_000, warmup: 1, runs: 5 };
}

export async function runIngest(ctx: BenchContext): Promise<ItemResult> {
  const shape = ingestShape(ctx);
  const ours = await catchUpSeries(ctx, shape, ctx.store);
  const raw = await rawSeries(ctx, shape);

  const rate = summarize(ours.map((r) => r.caughtUp / ((r.doneNs - r.firstErNs) / 1e9)));
  const cpu = summarize(ours.map((r) => r.burstCpuUs / r.caughtUp));
  const rawRate = summarize(raw.map((r) => r.ers / (r.burstNs / 1e9)));
  const rawCpu = summarize(raw.map((r) => r.burstCpuUs / r.ers));
  const bytesPerEr = summarize(ours.map((r) => r.diskBytes / r.total));
  const positionErrors = ours.reduce((n, r) => n + r.positionErrors, 0);
  const perCommit = summarize(ours.map((r) => r.caughtUp / Math.max(1, r.commits)));
  const wireMb = summarize(raw.map((r) => r.bytes / (r.burstNs / 1e3)));

  const figures: Figure[] = [
    {
      id: 'ingest.fillwatch',
      label: `Fillwatch: TLS → decode → ${ctx.store} → positions`,
      unit: 'ER/s',
      better: 'higher',
      summary: rate,
      baselineOf: 'ingest.raw-tls',
      goal: { text: `≥ ${GOAL_ER_PER_SECOND.toLocaleString('en-US')} ER/s`, met: rate.median >= GOAL_ER_PER_SECOND },
    },
    {
      id: 'ingest.fillwatch-cpu',
      label: 'Fillwatch: CPU of this process per ER',
      unit: 'µs/ER',
      better: 'lower',
      summary: cpu,
      rate: { value: 1e6 / cpu.median, unit: 'ER/s per core' },
      baselineOf: 'ingest.raw-tls-cpu',
    },
    {
      id: 'ingest.raw-tls',
      label: 'baseline: raw TLS read of the same burst',
      unit: 'ER/s',
      better: 'higher',
      summary: rawRate,
      rate: { value: wireMb.median, unit: 'MB/s' },
    },
    {
      id: 'ingest.raw-tls-cpu',
      label: 'baseline: raw TLS read, CPU per ER',
      unit: 'µs/ER',
      better: 'lower',
      summary: rawCpu,
    },
  ];
  return {
    id: 'ingest',
    title: `4. Durable ingest: a ${shape.backlog.toLocaleString('en-US')}-ER catch-up burst from the simulator over real TLS`,
    figures,
    notes: [
      `Store: ${ours[0]?.durability ?? ctx.store}. ${Math.round(bytesPerEr.median)} bytes on disk per ER; ${Math.round(perCommit.median)} ERs per commit (median); positions book fed from every committed fill (${positionErrors} refused).`,
      `Each run: a fresh simulator process and store; the recorder takes ${LIVE_BEFORE_DROP} ERs live, is dropped (fault drop-after), and reconnects once ${shape.backlog.toLocaleString('en-US')} ERs wait on KalshiRT; it then logs on, sends a ResendRequest and stores the PossDup resend.`,
      'ER/s counts from the first resent ER reaching the recorder to the last one committed (durable) and applied to positions; CPU is this process only (the simulator runs in another process, on the other core).',
      'Baseline: the same simulator, drop and backlog, read by a client that logs on, asks for the resend and only counts bytes (no framing, no parsing): what the wire and the simulator can deliver; ratio = how close the recorder gets to it.',
      'The simulator streams the resend in 64 KiB chunks, each written once its socket has drained (an exchange engine batches a resend too), so the recorder and the raw client both read while the simulator is still encoding: the baseline is what TLS and the simulator deliver together.',
    ],
    settings: { store: ctx.store, backlog: shape.backlog, liveBeforeDrop: LIVE_BEFORE_DROP, warmupRuns: shape.warmup, runs: shape.runs, bytesOnDiskPerEr: Math.round(bytesPerEr.median), ersPerCommit: Math.round(perCommit.median) },
  };
}
