// live-view-harness.ts — bench item 9's wiring (live-view.ts): the app harness with the bench's key,
// the simulator's account, the main-thread stamps of each execution, and the page with its probe
// (live-view-page.ts) and what to read back from it.
import type { Browser, Page } from 'playwright-core';
import type { AccountConfig } from '../../shared/accounts/account-config.ts';
import type { Harness, HarnessOptions } from '../../electron/harness/harness.ts';
import type { Keychain } from '../../electron/main/accounts/keychain.ts';
import type { SigningKeys } from '../../electron/main/keys/signing-keys.ts';
import type { SimulatorHandle } from '../sim/simulator-client.ts';
import { BENCH_API_KEY_ID } from '../workloads.ts';
import type { BenchContext } from './context.ts';
import { clock } from './live-view-clocks.ts';
import { installLiveViewProbe } from './live-view-page.ts';

/** The bench never reads the OS keychain: its one key is handed to the harness (SigningKeys). */
const NO_KEYCHAIN: Keychain = { get: () => Promise.resolve(null), set: () => Promise.resolve(), delete: () => Promise.resolve(false), names: () => Promise.resolve([]) };

export function harnessOptions(ctx: BenchContext, keys: SigningKeys): HarnessOptions {
  return { port: 0, keys, keychain: NO_KEYCHAIN, log: (line) => ctx.log(`live-view: harness: ${line}`) };
}

export function benchAccount(sim: SimulatorHandle): AccountConfig {
  return {
    id: 'bench', label: 'Bench desk', apiKeyId: BENCH_API_KEY_ID, environment: 'custom',
    listener: { host: '127.0.0.1', port: sim.port, target: 'KalshiRT' }, tls: { caPem: sim.caPem },
  };
}

/** What the harness's main thread sees of each execution: committed (from the worker), batch sent. */
export function stampMain(harness: Harness): { committed: Map<string, number>; batched: Map<string, number>; batchSizes: number[]; dispose(): void } {
  const committed = new Map<string, number>();
  const batched = new Map<string, number>();
  const batchSizes: number[] = [];
  const events = harness.services.recorder.onEvent((event) => {
    if (event.type !== 'executions') return;
    const at = clock();
    for (const e of event.executions) committed.set(e.record.execId, at);
  });
  const batches = harness.services.feed.onBatch((batch) => {
    const at = clock();
    if (batch.executions.length > 0) batchSizes.push(batch.executions.length);
    for (const e of batch.executions) batched.set(e.record.execId, at);
  });
  return { committed, batched, batchSizes, dispose: () => { events.dispose(); batches.dispose(); } };
}

export async function openPage(browser: Browser, harness: Harness, problems: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  await page.addInitScript(installLiveViewProbe);
  await page.goto(harness.url);
  await page.waitForSelector('section.live');
  return page;
}

export const readRows = (page: Page) => page.evaluate(() => {
  const probe = window.__liveViewProbe!;
  return { rows: [...probe.rows], frames: [...probe.frames] };
});
export const readLong = (page: Page) => page.evaluate(() => {
  const probe = window.__liveViewProbe!;
  return { longTasks: [...probe.longTasks], longFrames: [...probe.longFrames] };
});

export async function waitForRow(page: Page, execId: string, timeoutMs: number): Promise<void> {
  await page.waitForFunction((id) => window.__liveViewProbe?.rows.has(id) === true, execId, { polling: 100, timeout: timeoutMs });
}
