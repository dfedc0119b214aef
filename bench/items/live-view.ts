// live-view.ts — bench item 9: how soon an execution reaches the Live view, and whether a big catch-up
// keeps the window responsive. The real app harness (electron/harness: app-services with the recorder
// worker, LiveFeed and event batcher, the IpcDoor, the built renderer on 127.0.0.1, window.fillwatch
// over a WebSocket) in headless Chromium, fed over TLS by the project's simulator in a child process.
//  (a) Steady flow: the simulator sends 1,000 ER/s; each ER's latency runs from the moment the
//      simulator handed its frame to the socket (an upper bound of "read off the socket": it adds the
//      loopback TLS hop) to the moment its row entered the page's DOM (a MutationObserver on the
//      document, live-view-page.ts). Stages in between are stamped on the harness's main thread:
//      executions committed (the worker's event reaches main) and batch sent (the event batcher's
//      flush, after the WebSocket send was queued). Goal: p99 ≤ 50 ms. Full runs add one run at 500
//      ER/s, a reference for how much of the latency is the rate's.
//  (b) Catch-up: the simulator holds a backlog on KalshiRT while the account is stopped; then it
//      starts, resends and the window follows. The page's long tasks (> 50 ms) from start until the
//      grid shows the last execution; goal: none. (The grid draws a burst's newest rows every 2 s and
//      when it is over, not as it streams: renderer/state/catch-up.ts.)
// Clocks: every process stamps performance.timeOrigin + performance.now() (ms, sub-ms steps; Chromium's
// 0.1 ms); the simulator's and the page's are related to the bench's by the fastest of several
// round trips before and after each run (offset ± half that round trip): live-view-clocks.ts.
// Its other parts: live-view-harness.ts (harness, account, main-thread stamps, the page and its probe),
// live-view-cpu.ts (the CPU meter), live-view-page.ts (what runs in the page).
import { existsSync } from 'node:fs';
import { chromium, type Browser, type CDPSession } from 'playwright-core';
import { startHarness, type Harness } from '../../electron/harness/harness.ts';
import { SigningKeys } from '../../electron/main/keys/signing-keys.ts';
import type { Figure, ItemResult } from '../report.ts';
import { forkSimulator } from '../sim/simulator-client.ts';
import { percentiles, summarize, type Percentiles } from '../stats.ts';
import { BENCH_API_KEY_ID, benchKeys } from '../workloads.ts';
import type { BenchContext } from './context.ts';
import { calibrate, clock, mean, offsets, type Offset } from './live-view-clocks.ts';
import { cpuMeter, type CpuUse } from './live-view-cpu.ts';
import { benchAccount, harnessOptions, openPage, readLong, readRows, stampMain, waitForRow } from './live-view-harness.ts';
import { pageClock, type LongFrameStamp, type LongTaskStamp } from './live-view-page.ts';

const GOAL_P99_MS = 50;
const LONG_TASK_MS = 50;
const RATE = 1_000;
/**
 * A reference run at half the rate (full runs only): how much of the latency is the rate's. On the 2-vCPU
 * VM the renderer uses 0.75–0.9 of a core at either rate (each frame that moves the rows down costs its
 * main thread ~6–8 ms, whatever the number of new rows), so the two p99s come out close.
 */
const REFERENCE_RATE = 500;
const CHROMIUM = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p));


interface SteadyRun {
  readonly total: Percentiles;
  /** Every ER, a row never drawn counted until the grid first drew a newer one (it was passed over then). */
  readonly passed: Percentiles;
  readonly frame: Percentiles;
  readonly toCommitted: Percentiles;
  readonly inBatcher: Percentiles;
  readonly toDom: Percentiles;
  readonly missing: number;
  readonly longTasks: readonly LongTaskStamp[];
  readonly longFrames: readonly LongFrameStamp[];
  readonly batchesPerSecond: number;
  readonly meanBatch: number;
  readonly offsets: { readonly sim: Offset; readonly page: Offset };
  readonly sentPerSecond: number;
  readonly cpu: CpuUse;
}

async function steadyRun(ctx: BenchContext, browser: Browser, cdp: CDPSession, keys: SigningKeys, warmupS: number, measureS: number, run: number, problems: string[], rate = RATE): Promise<SteadyRun> {
  const total = Math.round((warmupS + measureS) * rate);
  const sim = await forkSimulator({
    apiKeyId: BENCH_API_KEY_ID, publicKeyPem: benchKeys().publicKeyPem, liveBeforeDrop: total, backlog: 0, seed: 100 + run,
    coalesceWrites: false, ratePerSecond: rate, stampSends: true,
  });
  let harness: Harness | undefined;
  try {
    harness = await startHarness(harnessOptions(ctx, keys));
    const page = await openPage(browser, harness, problems);
    const main = stampMain(harness);
    const before = await offsets(sim, page);
    await harness.services.recorder.addAccount(benchAccount(sim));
    await new Promise((resolve) => setTimeout(resolve, warmupS * 1000));
    const cpu = await cpuMeter(cdp);
    const done = await sim.next('backlog-ready', (warmupS + measureS) * 1000 + 60_000);
    const cpuUse = await cpu();
    await waitForRow(page, done.lastExecId, 30_000);
    const after = await offsets(sim, page);
    main.dispose();
    const sent = (await sim.ask('stamps')).stamps;
    const { rows, frames } = await readRows(page);
    const { longTasks, longFrames } = await readLong(page);
    await page.close();
    const off = { sim: mean(before.sim, after.sim), page: mean(before.page, after.page) };
    const shownAt = new Map(rows);
    const frameAt = new Map(frames);
    // Measured: ERs sent after the warm-up (the window is open, the JIT warm, the journal's first commits made).
    const startMs = sent[0]![1] + warmupS * 1000;
    const measured = sent.filter(([, t]) => t >= startMs);
    const totals: number[] = [];
    const frameLat: number[] = [];
    const toCommitted: number[] = [];
    const inBatcher: number[] = [];
    const toDom: number[] = [];
    let missing = 0;
    // A row never drawn (the grid applied several batches in one frame, or one batch brought more than
    // the view holds) has no time of its own; it was passed over when the grid first drew a row sent
    // after it. Counting that time keeps such rows in the figures instead of leaving them out.
    const passedOver: number[] = [];
    let newerShown = Number.POSITIVE_INFINITY;
    for (let i = measured.length - 1; i >= 0; i--) {
      const [execId, simAt] = measured[i]!;
      const shown = shownAt.get(execId);
      const at = shown ?? newerShown;
      if (Number.isFinite(at)) passedOver.push(at - off.page.ms - (simAt - off.sim.ms));
      if (shown !== undefined) newerShown = Math.min(newerShown, shown);
    }
    for (const [execId, simAt] of measured) {
      const sentAt = simAt - off.sim.ms;
      const shown = shownAt.get(execId);
      if (shown === undefined) {
        missing++;
        continue;
      }
      const shownBench = shown - off.page.ms;
      totals.push(shownBench - sentAt);
      const frame = frameAt.get(execId);
      if (frame !== undefined) frameLat.push(frame - off.page.ms - sentAt);
      const committed = main.committed.get(execId);
      const batched = main.batched.get(execId);
      if (committed !== undefined && batched !== undefined) {
        toCommitted.push(committed - sentAt);
        inBatcher.push(batched - committed);
        toDom.push(shownBench - batched);
      }
    }
    const windowStart = startMs - off.sim.ms;
    const windowEnd = measured[measured.length - 1]![1] - off.sim.ms;
    const seconds = (windowEnd - windowStart) / 1000;
    const inWindow = <T extends { at: number }>(list: readonly T[]) => list.filter((t) => t.at - off.page.ms >= windowStart && t.at - off.page.ms <= windowEnd + 100);
    const batchesInWindow = main.batchSizes.length; // whole run; rate below uses the whole run's span
    return {
      total: percentiles(totals),
      passed: percentiles(passedOver),
      frame: percentiles(frameLat),
      toCommitted: percentiles(toCommitted),
      inBatcher: percentiles(inBatcher),
      toDom: percentiles(toDom),
      missing,
      longTasks: inWindow(longTasks),
      longFrames: inWindow(longFrames),
      batchesPerSecond: batchesInWindow / ((sent[sent.length - 1]![1] - sent[0]![1]) / 1000),
      meanBatch: main.batchSizes.reduce((a, b) => a + b, 0) / Math.max(1, main.batchSizes.length),
      offsets: off,
      sentPerSecond: measured.length / seconds,
      cpu: cpuUse,
    };
  } finally {
    await harness?.close();
    await sim.stop();
  }
}

interface CatchUpRun {
  readonly backlog: number;
  /** From startAccount to the last execution's row in the DOM, s. */
  readonly shownS: number;
  /** From startAccount to the last execution committed (main's event), s. */
  readonly committedS: number;
  readonly longTasks: readonly LongTaskStamp[];
  readonly longFrames: readonly LongFrameStamp[];
  readonly batches: number;
  readonly biggestBatch: number;
  readonly cpu: CpuUse;
}

async function catchUpRun(ctx: BenchContext, browser: Browser, cdp: CDPSession, keys: SigningKeys, backlog: number, run: number, problems: string[]): Promise<CatchUpRun> {
  // Uncorked writes, so the live ERs leave before the drop (corked, they die with the socket and come
  // back in the resend); the resend streams in 64 KiB chunks either way.
  const sim = await forkSimulator({ apiKeyId: BENCH_API_KEY_ID, publicKeyPem: benchKeys().publicKeyPem, liveBeforeDrop: 100, backlog, seed: 200 + run, coalesceWrites: false });
  let harness: Harness | undefined;
  try {
    harness = await startHarness(harnessOptions(ctx, keys));
    const page = await openPage(browser, harness, problems);
    const account = benchAccount(sim);
    let newestLive: string | undefined;
    const live = harness.services.recorder.onEvent((event) => { if (event.type === 'executions') newestLive = event.executions.at(-1)?.record.execId ?? newestLive; });
    await harness.services.recorder.addAccount(account);
    await sim.next('dropped');
    await harness.services.recorder.stopAccount(account.id); // the network stays "down" while the backlog builds
    const ready = await sim.next('backlog-ready');
    live.dispose();
    // What was committed before the drop is on screen, and the page has settled after rendering it.
    if (newestLive !== undefined) await waitForRow(page, newestLive, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const pageOffset = await calibrate(() => page.evaluate(pageClock));
    const main = stampMain(harness);
    const cpu = await cpuMeter(cdp);
    const startedAt = clock();
    await harness.services.recorder.startAccount(account.id);
    await waitForRow(page, ready.lastExecId, 180_000);
    const cpuUse = await cpu();
    main.dispose();
    const { rows } = await readRows(page);
    const { longTasks, longFrames } = await readLong(page);
    await page.close();
    const shownAt = new Map(rows).get(ready.lastExecId)! - pageOffset.ms;
    const committedAt = main.committed.get(ready.lastExecId) ?? Number.NaN;
    const during = <T extends { at: number }>(list: readonly T[]) => list.filter((t) => t.at - pageOffset.ms >= startedAt - 1 && t.at - pageOffset.ms <= shownAt);
    return {
      backlog: ready.queued,
      shownS: (shownAt - startedAt) / 1000,
      committedS: (committedAt - startedAt) / 1000,
      longTasks: during(longTasks),
      longFrames: during(longFrames),
      batches: main.batchSizes.length,
      biggestBatch: Math.max(0, ...main.batchSizes),
      cpu: cpuUse,
    };
  } finally {
    await harness?.close();
    await sim.stop();
  }
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

function describeFrame(f: LongFrameStamp): string {
  const scripts = f.scripts.map((s) => `${s.invoker} → ${s.source} ${round(s.ms)} ms${s.forcedLayoutMs > 1 ? ` (forced layout ${round(s.forcedLayoutMs)})` : ''}`).join('; ');
  return `${round(f.ms)} ms frame, style+layout ${round(f.styleAndLayoutMs)} ms${scripts === '' ? '' : `, scripts: ${scripts}`}`;
}

export async function runLiveView(ctx: BenchContext): Promise<ItemResult> {
  const base = { id: 'live-view', title: '9. Live view latency' };
  if (CHROMIUM === undefined) {
    if (process.env['FILLWATCH_CHROMIUM_REQUIRED'] === '1') throw new Error('No Chromium at /usr/lib/chromium/chromium or /usr/bin/chromium.');
    return { ...base, figures: [], notes: ['Skipped: no Chromium (apt-get install chromium).'], settings: {} };
  }
  const runs = ctx.quick ? 1 : 3;
  const warmupS = ctx.quick ? 1 : 2;
  const measureS = ctx.quick ? 3 : 15;
  const backlog = ctx.quick ? 10_000 : 100_000;
  const keys = new SigningKeys();
  keys.add(BENCH_API_KEY_ID, benchKeys().key);
  const problems: string[] = [];
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  const version = browser.version();
  const cdp = await browser.newBrowserCDPSession();
  const steady: SteadyRun[] = [];
  const catchUps: CatchUpRun[] = [];
  let reference: SteadyRun | undefined;
  const describeSteady = (s: SteadyRun) => `socket → DOM p50 ${round(s.total.p50)} p95 ${round(s.total.p95)} p99 ${round(s.total.p99)} max ${round(s.total.max)} ms over ${s.total.count} ERs drawn`
    + ` (every ER, ${s.missing} never drawn counted until a newer row was: p50 ${round(s.passed.p50)} p99 ${round(s.passed.p99)})`
    + ` (to committed p50 ${round(s.toCommitted.p50)}, batcher ${round(s.inBatcher.p50)}, to DOM ${round(s.toDom.p50)}); ${s.longTasks.length} long tasks;`
    + ` CPU ms/s: harness ${Math.round(s.cpu.harness)}, Chromium renderer ${Math.round(s.cpu.renderer)}, other Chromium ${Math.round(s.cpu.otherChromium)}; clock offsets sim ${round(s.offsets.sim.ms, 2)}±${round(s.offsets.sim.uncertaintyMs, 2)} page ${round(s.offsets.page.ms, 2)}±${round(s.offsets.page.uncertaintyMs, 2)} ms`;
  try {
    for (let run = 0; run < runs; run++) {
      ctx.log(`live-view: ${RATE} ER/s for ${warmupS} + ${measureS} s, run ${run + 1}/${runs}`);
      const s = await steadyRun(ctx, browser, cdp, keys, warmupS, measureS, run, problems);
      ctx.log(`live-view:   ${describeSteady(s)}`);
      steady.push(s);
      ctx.log(`live-view: catch-up of ${backlog} ERs, run ${run + 1}/${runs}`);
      const c = await catchUpRun(ctx, browser, cdp, keys, backlog, run, problems);
      ctx.log(`live-view:   last row shown after ${round(c.shownS, 2)} s (committed ${round(c.committedS, 2)} s); ${c.longTasks.length} long tasks, longest ${round(Math.max(0, ...c.longTasks.map((t) => t.ms)))} ms; ${c.batches} batches, biggest ${c.biggestBatch}; CPU ms/s: harness ${Math.round(c.cpu.harness)}, Chromium renderer ${Math.round(c.cpu.renderer)}, other Chromium ${Math.round(c.cpu.otherChromium)}`);
      for (const f of [...c.longFrames].sort((a, b) => b.ms - a.ms).slice(0, 3)) ctx.log(`live-view:     ${describeFrame(f)}`);
      catchUps.push(c);
    }
    if (!ctx.quick) {
      ctx.log(`live-view: reference: ${REFERENCE_RATE} ER/s for ${warmupS} + ${measureS} s`);
      reference = await steadyRun(ctx, browser, cdp, keys, warmupS, measureS, runs, problems, REFERENCE_RATE);
      ctx.log(`live-view:   ${describeSteady(reference)}`);
    }
  } finally {
    await browser.close();
  }

  const over = (s: SteadyRun, pick: (p: SteadyRun) => Percentiles, q: keyof Omit<Percentiles, 'count'>) => pick(s)[q];
  const steadyFig = (id: string, label: string, pick: (p: SteadyRun) => Percentiles, q: keyof Omit<Percentiles, 'count'>, goal = false): Figure => {
    const summary = summarize(steady.map((s) => over(s, pick, q)));
    return {
      id: `live-view.${id}`, label, unit: 'ms', better: 'lower', summary,
      ...(goal ? { goal: { text: `≤ ${GOAL_P99_MS} ms`, met: summary.median <= GOAL_P99_MS } } : {}),
    };
  };
  const longest = (list: readonly LongTaskStamp[]) => Math.max(0, ...list.map((t) => t.ms));
  const catchLong = summarize(catchUps.map((c) => c.longTasks.length));
  const figures: Figure[] = [
    steadyFig('p50', `Socket → row in the DOM at ${RATE.toLocaleString('en-US')} ER/s, p50`, (s) => s.total, 'p50'),
    steadyFig('p95', '  p95', (s) => s.total, 'p95'),
    steadyFig('p99', '  p99', (s) => s.total, 'p99', true),
    steadyFig('max', '  max', (s) => s.total, 'max'),
    steadyFig('passed-p50', '  every ER, one never drawn counted until a newer row was drawn, p50', (s) => s.passed, 'p50'),
    steadyFig('passed-p99', '  every ER, one never drawn counted until a newer row was drawn, p99', (s) => s.passed, 'p99'),
    steadyFig('frame-p99', '  to the start of the frame that paints it, p99', (s) => s.frame, 'p99'),
    steadyFig('to-committed-p50', '  stage: socket → committed, on main (p50)', (s) => s.toCommitted, 'p50'),
    steadyFig('to-committed-p99', '  stage: socket → committed, on main (p99)', (s) => s.toCommitted, 'p99'),
    steadyFig('batcher-p50', '  stage: waiting in the event batcher (p50)', (s) => s.inBatcher, 'p50'),
    steadyFig('batcher-p99', '  stage: waiting in the event batcher (p99)', (s) => s.inBatcher, 'p99'),
    steadyFig('to-dom-p50', '  stage: batch sent → row in the DOM (p50)', (s) => s.toDom, 'p50'),
    steadyFig('to-dom-p99', '  stage: batch sent → row in the DOM (p99)', (s) => s.toDom, 'p99'),
    { id: 'live-view.renderer-cpu', label: '  CPU of Chromium\'s renderer during the steady flow', unit: 'ms/s', better: 'lower', summary: summarize(steady.map((s) => s.cpu.renderer)) },
    { id: 'live-view.other-chromium-cpu', label: '  CPU of the rest of Chromium (browser, GPU, network)', unit: 'ms/s', better: 'lower', summary: summarize(steady.map((s) => s.cpu.otherChromium)) },
    { id: 'live-view.harness-cpu', label: '  CPU of the harness process (main + recorder worker)', unit: 'ms/s', better: 'lower', summary: summarize(steady.map((s) => s.cpu.harness)) },
    { id: 'live-view.steady-long-tasks', label: '  long tasks (> 50 ms) in the page during the steady flow', unit: 'tasks', better: 'lower', summary: summarize(steady.map((s) => s.longTasks.length)) },
    ...(reference === undefined ? [] : [
      { id: 'live-view.reference-p50', label: `  reference: the same at ${REFERENCE_RATE} ER/s (one run), p50`, unit: 'ms', better: 'lower', summary: summarize([reference.total.p50]) } satisfies Figure,
      { id: 'live-view.reference-p99', label: '  reference: p99', unit: 'ms', better: 'lower', summary: summarize([reference.total.p99]) } satisfies Figure,
      { id: 'live-view.reference-renderer-cpu', label: '  reference: CPU of Chromium\'s renderer', unit: 'ms/s', better: 'lower', summary: summarize([reference.cpu.renderer]) } satisfies Figure,
    ]),
    {
      id: 'live-view.catch-up-long-tasks', label: `Long tasks (> ${LONG_TASK_MS} ms) in the page during a ${backlog.toLocaleString('en-US')}-ER catch-up`, unit: 'tasks', better: 'lower',
      summary: catchLong, goal: { text: 'none', met: catchLong.median === 0 },
    },
    { id: 'live-view.catch-up-longest-task', label: '  longest task', unit: 'ms', better: 'lower', summary: summarize(catchUps.map((c) => longest(c.longTasks))) },
    {
      id: 'live-view.catch-up-shown', label: '  start → the last execution shown in the grid', unit: 's', better: 'lower',
      summary: summarize(catchUps.map((c) => c.shownS)), baselineOf: 'live-view.catch-up-committed',
    },
    { id: 'live-view.catch-up-committed', label: '  start → the last execution committed (main)', unit: 's', better: 'lower', summary: summarize(catchUps.map((c) => c.committedS)) },
    { id: 'live-view.catch-up-renderer-cpu', label: '  CPU of Chromium\'s renderer during the catch-up', unit: 'ms/s', better: 'lower', summary: summarize(catchUps.map((c) => c.cpu.renderer)) },
    { id: 'live-view.catch-up-harness-cpu', label: '  CPU of the harness process (main + recorder worker)', unit: 'ms/s', better: 'lower', summary: summarize(catchUps.map((c) => c.cpu.harness)) },
  ];
  const slowFrames = catchUps.flatMap((c) => c.longFrames).sort((a, b) => b.ms - a.ms).slice(0, 3);
  const offsetsText = steady.map((s) => `sim ${round(s.offsets.sim.ms, 2)} ± ${round(s.offsets.sim.uncertaintyMs, 2)}, page ${round(s.offsets.page.ms, 2)} ± ${round(s.offsets.page.uncertaintyMs, 2)}`).join('; ');
  return {
    ...base,
    figures,
    notes: [
      `The app harness (app-services, recorder worker, LiveFeed, event batcher, IpcDoor, WebSocket bridge, the built renderer) in headless Chromium ${version}; the simulator in a child process over TLS.`,
      `Latency: from the simulator handing the ER's frame to its socket (an upper bound of "read off the socket": it includes the loopback TLS hop) to its row entering the DOM (MutationObserver); "frame" = the start of the next animation frame (requestAnimationFrame), which paints it. ${warmupS} s warm-up, then ${measureS} s measured per run; figures are the median over runs of each run's percentile. Stages are stamped on the harness's main thread: the worker's executions event, the event batcher's flush.`,
      `Clocks: performance.timeOrigin + performance.now() in each process (Chromium's steps 0.1 ms), offsets to the bench's clock by the fastest of 15 round trips before and after (ms, other − bench): ${offsetsText}.`,
      `Per run: ${steady.map((s) => `${s.total.count} ERs measured at ${Math.round(s.sentPerSecond)}/s, ${s.missing} never drawn (more arrived before a frame than the view holds), ${round(s.batchesPerSecond)} batches/s of ${round(s.meanBatch)} executions`).join('; ')}.`,
      `Catch-up per run: ${catchUps.map((c) => `${c.backlog} ERs resent, ${c.batches} batches (biggest ${c.biggestBatch} executions), ${c.longTasks.length} long tasks (longest ${[...c.longTasks].sort((x, y) => y.ms - x.ms).slice(0, 5).map((t) => round(t.ms, 0)).join(', ')} ms)`).join('; ')}.`,
      ...(slowFrames.length === 0 ? [] : [`Longest animation frames in the catch-ups: ${slowFrames.map(describeFrame).join(' | ')}.`]),
      ...(problems.length === 0 ? [] : [`Page problems: ${[...new Set(problems)].slice(0, 5).join(' | ')}`]),
    ],
    settings: { rate: RATE, ...(ctx.quick ? {} : { referenceRate: REFERENCE_RATE }), warmupS, measureS, backlog, runs, viewport: '1440x860', clock: 'performance.timeOrigin + performance.now()', chromium: `${CHROMIUM} ${version}` },
  };
}
