// recovery.ts (bench item 5) — a drop with a backlog outstanding on KalshiRT → caught up: seconds from
// the moment the network is back (the recorder's held reconnect is released) until the last missed ER
// is committed, with where the time went (TLS + signed Logon, the simulator building its resend, the
// burst). Baseline: the raw client doing the same reconnect, Logon and ResendRequest, counting bytes.
import type { Figure, ItemResult } from '../report.ts';
import { summarize } from '../stats.ts';
import { catchUpSeries, rawSeries } from '../scenarios/series.ts';
import type { BenchContext } from './context.ts';
import { ingestShape } from './ingest.ts';

const GOAL_SECONDS = 2;

export async function runRecovery(ctx: BenchContext): Promise<ItemResult> {
  // The same runs as item 4: one catch-up yields both its rate and its time to caught up.
  const shape = ingestShape(ctx);
  const ours = await catchUpSeries(ctx, shape, ctx.store);
  const raw = await rawSeries(ctx, shape);

  const seconds = (ns: number): number => ns / 1e9;
  const total = summarize(ours.map((r) => seconds(r.doneNs)));
  const figures: Figure[] = [
    {
      id: 'recovery.fillwatch',
      label: 'Fillwatch: network back → caught up (committed)',
      unit: 's',
      better: 'lower',
      summary: total,
      baselineOf: 'recovery.raw-tls',
      goal: { text: `< ${GOAL_SECONDS} s`, met: total.median < GOAL_SECONDS },
    },
    {
      id: 'recovery.raw-tls',
      label: 'baseline: raw client, same reconnect → last byte',
      unit: 's',
      better: 'lower',
      summary: summarize(raw.map((r) => seconds(r.totalNs))),
    },
    {
      id: 'recovery.logon',
      label: '  TLS + signed Logon accepted (at)',
      unit: 's',
      better: 'lower',
      summary: summarize(ours.map((r) => seconds(r.loggedOnNs))),
    },
    {
      id: 'recovery.simulator',
      label: '  simulator wrote the last resent chunk (at)',
      unit: 's',
      better: 'lower',
      summary: summarize(ours.map((r) => r.simulatorResentMs / 1000)),
    },
    {
      id: 'recovery.first-er',
      label: '  first resent ER reaches the recorder (at)',
      unit: 's',
      better: 'lower',
      summary: summarize(ours.map((r) => seconds(r.firstErNs))),
    },
    {
      id: 'recovery.burst',
      label: '  first resent ER → last one committed',
      unit: 's',
      better: 'lower',
      summary: summarize(ours.map((r) => seconds(r.doneNs - r.firstErNs))),
    },
  ];
  return {
    id: 'recovery',
    title: `5. Recovery: drop with ${shape.backlog.toLocaleString('en-US')} messages outstanding on KalshiRT → caught up`,
    figures,
    notes: [
      'Same runs as item 4. Clock starts when the held reconnect is released (the backlog is complete by then) and stops when every missed ER is committed to the store and applied to positions.',
      'The "(at)" rows are instants after the clock started, not durations. The simulator (another process, stamped with the wall clock, ms) streams the resend in 64 KiB chunks as its socket drains, as an exchange would, so "resend written" is when its last chunk left and the recorder starts storing as soon as the first chunk arrives.',
      'Baseline: the raw client reconnects, logs on with the same signed Logon, sends the ResendRequest and counts bytes until the last ER: the floor set by TLS, the signature and the simulator.',
    ],
    settings: { store: ctx.store, backlog: shape.backlog, runs: shape.runs, warmupRuns: shape.warmup },
  };
}
