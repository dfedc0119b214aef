// live-view-clocks.ts — the clocks of bench item 9 (live-view.ts): every process stamps
// performance.timeOrigin + performance.now() (ms); the simulator's and the page's are related to the
// bench's by the fastest of several round trips (offset ± half that round trip).
import type { Page } from 'playwright-core';
import type { SimulatorHandle } from '../sim/simulator-client.ts';
import { pageClock } from './live-view-page.ts';

/** The bench's own clock (ms). */
export const clock = (): number => performance.timeOrigin + performance.now();

export interface Offset {
  /** other clock − bench clock, ms. */
  readonly ms: number;
  /** Half the fastest round trip: the offset is right within ± this. */
  readonly uncertaintyMs: number;
}

/** Another clock's offset from ours, from the fastest of `rounds` round trips to read it. */
export async function calibrate(read: () => Promise<number>, rounds = 15): Promise<Offset> {
  let best: Offset = { ms: 0, uncertaintyMs: Number.POSITIVE_INFINITY };
  for (let i = 0; i < rounds; i++) {
    const t0 = clock();
    const other = await read();
    const t1 = clock();
    if ((t1 - t0) / 2 < best.uncertaintyMs) best = { ms: other - (t0 + t1) / 2, uncertaintyMs: (t1 - t0) / 2 };
  }
  return best;
}

/** Both clocks' offsets, before and after a run: their mean is used; the drift is reported. */
export async function offsets(sim: SimulatorHandle, page: Page): Promise<{ sim: Offset; page: Offset }> {
  return {
    sim: await calibrate(async () => (await sim.ask('clock')).nowMs),
    page: await calibrate(() => page.evaluate(pageClock)),
  };
}

/** Offsets from before and after a run: their mean, uncertain by the larger round trip plus half the drift. */
export function mean(a: Offset, b: Offset): Offset {
  return { ms: (a.ms + b.ms) / 2, uncertaintyMs: Math.max(a.uncertaintyMs, b.uncertaintyMs) + Math.abs(a.ms - b.ms) / 2 };
}
