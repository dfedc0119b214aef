// live-view-cpu.ts — bench item 9's CPU meter (live-view.ts): what this process (harness main + the
// recorder worker), Chromium's renderers and the rest of Chromium used over a span.
import type { CDPSession } from 'playwright-core';
import { clock } from './live-view-clocks.ts';

/** CPU seconds used so far by Chromium's processes, by kind (browser, GPU, renderer…; DevTools' SystemInfo). */
async function chromiumCpu(cdp: CDPSession): Promise<Map<string, number>> {
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  const byType = new Map<string, number>();
  for (const p of processInfo) byType.set(p.type, (byType.get(p.type) ?? 0) + p.cpuTime);
  return byType;
}

/** CPU use over a span in ms per second: this process (harness main + recorder worker), Chromium's renderers, the rest of Chromium. */
export interface CpuUse {
  readonly harness: number;
  readonly renderer: number;
  readonly otherChromium: number;
}

/** Starts measuring; the function returned reads the use since then. */
export async function cpuMeter(cdp: CDPSession): Promise<() => Promise<CpuUse>> {
  const chromium0 = await chromiumCpu(cdp);
  const own0 = process.cpuUsage();
  const t0 = clock();
  return async () => {
    const chromium1 = await chromiumCpu(cdp);
    const own = process.cpuUsage(own0);
    const seconds = (clock() - t0) / 1000;
    let renderer = 0;
    let other = 0;
    for (const [type, cpu] of chromium1) {
      const used = cpu - (chromium0.get(type) ?? 0);
      if (type === 'renderer') renderer += used;
      else other += used;
    }
    return { harness: (own.user + own.system) / 1000 / seconds, renderer: (renderer * 1000) / seconds, otherChromium: (other * 1000) / seconds };
  };
}
