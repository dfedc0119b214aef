// series.ts — repeated catch-up runs (ours and the raw-TLS baseline), each in a fresh simulator process
// and a fresh store, with warm-up runs thrown away. Memoised per run shape, so items that look at the
// same runs from different angles (ingest rate in item 4, time to caught up in item 5, the 100k point
// of item 6) share them instead of repeating a minute of work; the notes say so. Never summarises.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { StoreKind } from '../pipeline.ts';
import { collectGarbage } from '../stats.ts';
import type { BenchContext } from '../items/context.ts';
import { runCatchUp, type CatchUpResult } from './catch-up.ts';
import { runRawCatchUp, type RawCatchUpResult } from './raw-catch-up.ts';

export interface SeriesShape {
  readonly backlog: number;
  readonly warmup: number;
  readonly runs: number;
}

/** ERs the first connection takes live before the drop: enough to prove the session is flowing. */
export const LIVE_BEFORE_DROP = 100;

/** Every bench simulator batches its writes like an exchange's engine (see simulator-process.ts). */
const COALESCE_WRITES = true;

const ours = new Map<string, Promise<CatchUpResult[]>>();
const raw = new Map<string, Promise<RawCatchUpResult[]>>();

export function catchUpSeries(ctx: BenchContext, shape: SeriesShape, store: StoreKind): Promise<CatchUpResult[]> {
  const key = `${store}:${ctx.writer}:${shape.backlog}:${shape.warmup}:${shape.runs}`;
  let series = ours.get(key);
  if (series === undefined) {
    series = repeat(ctx, shape, `catch-up ${shape.backlog.toLocaleString('en-US')} ERs (${store})`, async (i) => {
      const dir = join(ctx.workDir, `catch-up-${store}-${shape.backlog}-${i}`);
      try {
        return await runCatchUp({ backlog: shape.backlog, live: LIVE_BEFORE_DROP, store, writer: ctx.writer, dir, coalesceWrites: COALESCE_WRITES });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
    ours.set(key, series);
  }
  return series;
}

export function rawSeries(ctx: BenchContext, shape: SeriesShape): Promise<RawCatchUpResult[]> {
  const key = `${shape.backlog}:${shape.warmup}:${shape.runs}`;
  let series = raw.get(key);
  if (series === undefined) {
    series = repeat(ctx, shape, `raw TLS ${shape.backlog.toLocaleString('en-US')} ERs`, () =>
      runRawCatchUp({ backlog: shape.backlog, live: LIVE_BEFORE_DROP, coalesceWrites: COALESCE_WRITES }),
    );
    raw.set(key, series);
  }
  return series;
}

async function repeat<T>(ctx: BenchContext, shape: SeriesShape, what: string, run: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < shape.warmup + shape.runs; i++) {
    collectGarbage();
    ctx.log(`  ${what}: run ${i + 1}/${shape.warmup + shape.runs}${i < shape.warmup ? ' (warm-up)' : ''}`);
    const result = await run(i);
    if (i >= shape.warmup) results.push(result);
  }
  return results;
}
