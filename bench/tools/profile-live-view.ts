// profile-live-view.ts — where Chromium's renderer spends its time while the Live view follows a steady
// flow (bench item 9's setup: the app harness in headless Chromium, the simulator in a child process over
// TLS at --rate ER/s). After a warm-up it records, for --seconds, a DevTools trace of the page and a V8
// CPU profile of its scripts, then prints the renderer main thread's time by trace event (self time:
// script, style recalc, layout, pre-paint, paint, layerize, GC…) and writes both files for a closer look
// (the trace opens in chrome://tracing or DevTools; the profile in cpuprofile-top.ts). For example:
//   node bench/tools/profile-live-view.ts --rate=1000 --seconds=5 --out=/tmp/live-prof
//   node bench/tools/cpuprofile-top.ts /tmp/live-prof/page.cpuprofile --top=30
// A tool for whoever tunes the Live view; never run by the bench itself.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type CDPSession } from 'playwright-core';
import { startHarness } from '../../electron/harness/harness.ts';
import type { Keychain } from '../../electron/main/accounts/keychain.ts';
import { SigningKeys } from '../../electron/main/keys/signing-keys.ts';
import { forkSimulator } from '../sim/simulator-client.ts';
import { BENCH_API_KEY_ID, benchKeys } from '../workloads.ts';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '1000' },
    seconds: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '2' },
    out: { type: 'string', default: '/tmp/live-view-profile' },
    /** Extra trace categories, comma-separated (e.g. disabled-by-default-devtools.timeline.invalidationTracking). */
    categories: { type: 'string', default: '' },
    /** Leave out the V8 CPU profile (it costs the page some time of its own). */
    'no-js-profile': { type: 'boolean', default: false },
  },
});
const rate = Number(values.rate);
const seconds = Number(values.seconds);
const warmup = Number(values.warmup);
const out = values.out;
mkdirSync(out, { recursive: true });
const CHROMIUM = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p));
if (CHROMIUM === undefined) throw new Error('No Chromium.');

const NO_KEYCHAIN: Keychain = { get: () => Promise.resolve(null), set: () => Promise.resolve(), delete: () => Promise.resolve(false), names: () => Promise.resolve([]) };
const keys = new SigningKeys();
keys.add(BENCH_API_KEY_ID, benchKeys().key);
const sim = await forkSimulator({
  apiKeyId: BENCH_API_KEY_ID, publicKeyPem: benchKeys().publicKeyPem, liveBeforeDrop: Math.round((warmup + seconds + 5) * rate), backlog: 0, seed: 7,
  coalesceWrites: false, ratePerSecond: rate,
});
const harness = await startHarness({ port: 0, keys, keychain: NO_KEYCHAIN, log: () => {} });
const browser = await chromium.launch({ executablePath: CHROMIUM });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
  await page.goto(harness.url);
  await page.waitForSelector('section.live');
  await harness.services.recorder.addAccount({
    id: 'bench', label: 'Bench desk', apiKeyId: BENCH_API_KEY_ID, environment: 'custom',
    listener: { host: '127.0.0.1', port: sim.port, target: 'KalshiRT' }, tls: { caPem: sim.caPem },
  });
  await new Promise((resolve) => setTimeout(resolve, warmup * 1000));
  const cdp = await page.context().newCDPSession(page);
  const jsProfile = values['no-js-profile'] !== true;
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink', 'cc', 'gpu', 'toplevel', 'v8.execute', 'blink.user_timing', ...values.categories.split(',').filter(Boolean)],
  });
  const browserCdp = await browser.newBrowserCDPSession();
  const cpu0 = await rendererCpu(browserCdp);
  const t0 = performance.now();
  if (jsProfile) await cdp.send('Profiler.start');
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const profile = jsProfile ? (await cdp.send('Profiler.stop')).profile : undefined;
  const cpuMs = ((await rendererCpu(browserCdp)) - cpu0) * 1000 / ((performance.now() - t0) / 1000);
  const trace = await browser.stopTracing();
  if (profile !== undefined) writeFileSync(join(out, 'page.cpuprofile'), JSON.stringify(profile));
  writeFileSync(join(out, 'trace.json'), trace);
  process.stdout.write(`Chromium's renderer process: ${cpuMs.toFixed(0)} ms of CPU per second (all its threads; tracing included)\n`);
  summarize(JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] });
  process.stdout.write(`\nWrote ${join(out, 'trace.json')}${profile === undefined ? '' : ` and ${join(out, 'page.cpuprofile')}`}.\n`);
} finally {
  await browser.close();
  await harness.close();
  await sim.stop();
}

/** CPU seconds used so far by Chromium's renderer processes (DevTools' SystemInfo, as bench item 9 reads it). */
async function rendererCpu(cdp: CDPSession): Promise<number> {
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  return processInfo.filter((p) => p.type === 'renderer').reduce((sum, p) => sum + p.cpuTime, 0);
}

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: { readonly name?: string };
}

/**
 * The renderer's main thread: wall and CPU time inside its tasks, frames drawn, and CPU self time per
 * trace event name (complete events nested by time; thread time, so waiting for a core is left out);
 * then the CPU of the renderer's other threads (compositor, raster workers…).
 */
function summarize({ traceEvents }: { traceEvents: TraceEvent[] }): void {
  const main = traceEvents.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (main === undefined) throw new Error('No CrRendererMain thread in the trace.');
  const complete = traceEvents.filter((e) => e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const onMain = complete.filter((e) => e.pid === main.pid && e.tid === main.tid);
  const cpuOf = (e: TraceEvent) => e.tdur ?? e.dur!;
  const self = new Map<string, number>();
  const count = new Map<string, number>();
  const stack: { e: TraceEvent; end: number; child: number }[] = [];
  const close = (until: number) => {
    while (stack.length > 0 && stack[stack.length - 1]!.end <= until) {
      const top = stack.pop()!;
      self.set(top.e.name, (self.get(top.e.name) ?? 0) + Math.max(0, cpuOf(top.e) - top.child));
      if (stack.length > 0) stack[stack.length - 1]!.child += cpuOf(top.e);
    }
  };
  let wall = 0;
  let cpu = 0;
  for (const e of onMain) {
    close(e.ts);
    if (stack.length === 0) {
      wall += e.dur!;
      cpu += cpuOf(e);
    }
    count.set(e.name, (count.get(e.name) ?? 0) + 1);
    stack.push({ e, end: e.ts + e.dur!, child: 0 });
  }
  close(Number.POSITIVE_INFINITY);
  const span = (onMain[onMain.length - 1]!.ts - onMain[0]!.ts) / 1e6;
  const frames = count.get('ProxyMain::BeginMainFrame::commit') ?? 0;
  process.stdout.write(`Renderer main thread over ${span.toFixed(1)} s: inside tasks ${(wall / 1000 / span).toFixed(0)} ms/s of wall time, ${(cpu / 1000 / span).toFixed(0)} ms/s of CPU; ${(frames / span).toFixed(1)} frames/s\n`);
  process.stdout.write('CPU self time by trace event, ms per second:\n');
  for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    process.stdout.write(`${(us / 1000 / span).toFixed(1).padStart(8)}  ${name} (${count.get(name)}×)\n`);
  }
  const names = new Map(traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === main.pid).map((e) => [e.tid, e.args?.name ?? '?']));
  const byThread = new Map<number, number>();
  const ends = new Map<number, number>();
  for (const e of complete) {
    if (e.pid !== main.pid || e.tid === main.tid || e.ts < (ends.get(e.tid) ?? -1)) continue;
    ends.set(e.tid, e.ts + e.dur!);
    byThread.set(e.tid, (byThread.get(e.tid) ?? 0) + cpuOf(e));
  }
  process.stdout.write(`Other renderer threads, CPU ms/s: ${[...byThread].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([tid, us]) => `${names.get(tid)} ${(us / 1000 / span).toFixed(0)}`).join(', ')}\n`);
}
