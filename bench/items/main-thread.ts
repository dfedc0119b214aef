// main-thread.ts (bench item 7) — does recording keep the thread that serves windows and IPC free?
// The simulator (child process) builds a backlog on KalshiRT while the account is stopped; then the
// account starts, resumes and catches up through a ResendRequest. Meanwhile this thread's event-loop
// delay is sampled (perf_hooks.monitorEventLoopDelay, 1 ms resolution) from the start until every
// backlog ER was reported committed. Baseline: the same catch-up with the recorder service running
// on this thread (what the CLI does); measured: the service in a worker thread (RecorderHost), as
// Electron's main runs it. Goal: p99 ≤ 10 ms with the worker.
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { AccountConfig } from '../../shared/accounts/account-config.ts';
import type { RecorderApi } from '../../shared/service/recorder-api.ts';
import type { ServiceEvent } from '../../shared/service/service-events.ts';
import { RecorderHost } from '../../electron/core/service/recorder-host.ts';
import { RecorderService } from '../../electron/core/service/recorder-service.ts';
import { inProcessApi } from '../../electron/core/service/in-process-api.ts';
import { signLogon } from '../../electron/core/signing/index.ts';
import type { Figure, ItemResult } from '../report.ts';
import { forkSimulator } from '../sim/simulator-client.ts';
import { summarize } from '../stats.ts';
import { BENCH_API_KEY_ID, benchKeys } from '../workloads.ts';
import type { BenchContext } from './context.ts';

const GOAL_P99_MS = 10;

type Mode = 'in-process' | 'worker';

interface Delay {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly seconds: number;
}

/** The service as the app uses it: in a worker (host) or on this thread (inProcess). */
function openRecorder(mode: Mode, journalPath: string): { api: RecorderApi; close: () => Promise<void> } {
  const key = benchKeys().key;
  const signerFor = () => (fields: Parameters<typeof signLogon>[1]) => signLogon(key, fields);
  if (mode === 'worker') {
    const host = new RecorderHost({ journalPath, signerFor, backoff: { initialMs: 10, maxMs: 50, minMs: 0 } });
    return { api: host.api, close: () => host.close() };
  }
  const service = new RecorderService({ journalPath, signerFor, backoff: { initialMs: 10, maxMs: 50, minMs: 0 } });
  const api = inProcessApi(service);
  return { api, close: () => service.close() };
}

function toDelay(histogram: ReturnType<typeof monitorEventLoopDelay>, started: number): Delay {
  const ms = (ns: number) => ns / 1e6;
  return { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max), seconds: (performance.now() - started) / 1000 };
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Heavy History queries back to back for `forMs` (exact counts over a text match, deep sorted pages). */
async function queryDelay(api: RecorderApi, forMs: number): Promise<Delay & { queries: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  const started = performance.now();
  let queries = 0;
  while (performance.now() - started < forMs) {
    // Between queries the loop turns (as it would to serve a window), so the sampler sees each block.
    await api.history('count', { text: '1' }, { exact: true });
    await turn();
    await api.history('page', { filter: { text: 'a' }, sort: { column: 'lastPx', direction: 'desc' }, limit: 200 });
    await turn();
    await api.history('count', { execTypes: ['F'], sides: ['2'] }, { exact: true });
    await turn();
    queries += 3;
  }
  histogram.disable();
  return { ...toDelay(histogram, started), queries };
}

async function catchUpDelay(ctx: BenchContext, mode: Mode, backlog: number, run: number): Promise<{ catchUp: Delay; queries: Delay & { queries: number } }> {
  const keys = benchKeys();
  const sim = await forkSimulator({ apiKeyId: BENCH_API_KEY_ID, publicKeyPem: keys.publicKeyPem, liveBeforeDrop: 100, backlog, seed: run + 1, coalesceWrites: true });
  const { api, close } = openRecorder(mode, join(ctx.workDir, `main-thread-${mode}-${run}.db`));
  let committed = 0;
  let target = Number.POSITIVE_INFINITY;
  let reached: () => void = () => {};
  const done = new Promise<void>((resolve) => { reached = resolve; });
  api.onEvent((event: ServiceEvent) => {
    if (event.type !== 'executions') return;
    committed += event.executions.length;
    if (committed >= target) reached();
  });
  const account: AccountConfig = {
    id: 'bench', label: 'bench', apiKeyId: BENCH_API_KEY_ID, environment: 'custom',
    listener: { host: '127.0.0.1', port: sim.port, target: 'KalshiRT' }, tls: { caPem: sim.caPem },
  };
  try {
    await api.addAccount(account);
    await sim.next('dropped');
    await api.stopAccount('bench'); // the network stays "down" while the backlog builds
    const ready = await sim.next('backlog-ready');
    target = ready.live + ready.queued;
    const histogram = monitorEventLoopDelay({ resolution: 1 });
    histogram.enable();
    const started = performance.now();
    await api.startAccount('bench');
    if (committed >= target) reached();
    await done;
    histogram.disable();
    const catchUp = toDelay(histogram, started);
    const queries = await queryDelay(api, ctx.quick ? 1_000 : 4_000);
    return { catchUp, queries };
  } finally {
    await close();
    await sim.stop();
  }
}

export async function runMainThread(ctx: BenchContext): Promise<ItemResult> {
  const backlog = ctx.quick ? 5_000 : 100_000;
  const runs = ctx.quick ? 1 : 3;
  const results: Record<Mode, Array<{ catchUp: Delay; queries: Delay & { queries: number } }>> = { 'in-process': [], worker: [] };
  for (let run = 0; run < runs; run++) {
    for (const mode of ['in-process', 'worker'] as const) {
      ctx.log(`main-thread: ${mode} catch-up of ${backlog} ERs, run ${run + 1}/${runs}`);
      results[mode].push(await catchUpDelay(ctx, mode, backlog, run));
    }
  }
  const pick = (mode: Mode, phase: 'catchUp' | 'queries', f: (d: Delay) => number) => summarize(results[mode].map((r) => f(r[phase])));
  const worker = pick('worker', 'catchUp', (d) => d.p99);
  const workerQueries = pick('worker', 'queries', (d) => d.p99);
  const figures: Figure[] = [
    {
      id: 'main-thread.worker-p99', label: 'Event-loop delay p99 on the host thread during a catch-up, recorder in a worker', unit: 'ms', better: 'lower',
      summary: worker, baselineOf: 'main-thread.in-process-p99',
      goal: { text: `≤ ${GOAL_P99_MS} ms`, met: worker.median <= GOAL_P99_MS },
    },
    { id: 'main-thread.in-process-p99', label: 'baseline: recorder on the same thread (the CLI)', unit: 'ms', better: 'lower', summary: pick('in-process', 'catchUp', (d) => d.p99) },
    { id: 'main-thread.worker-max', label: '  worst single delay, worker', unit: 'ms', better: 'lower', summary: pick('worker', 'catchUp', (d) => d.max) },
    { id: 'main-thread.in-process-max', label: '  worst single delay, same thread', unit: 'ms', better: 'lower', summary: pick('in-process', 'catchUp', (d) => d.max) },
    { id: 'main-thread.worker-catch-up', label: '  catch-up time, worker', unit: 's', better: 'lower', summary: pick('worker', 'catchUp', (d) => d.seconds), baselineOf: 'main-thread.in-process-catch-up' },
    { id: 'main-thread.in-process-catch-up', label: '  catch-up time, same thread', unit: 's', better: 'lower', summary: pick('in-process', 'catchUp', (d) => d.seconds) },
    {
      id: 'main-thread.worker-queries-p99', label: 'Event-loop delay p99 during heavy History queries, worker', unit: 'ms', better: 'lower',
      summary: workerQueries, baselineOf: 'main-thread.in-process-queries-p99',
      goal: { text: `≤ ${GOAL_P99_MS} ms`, met: workerQueries.median <= GOAL_P99_MS },
    },
    { id: 'main-thread.in-process-queries-p99', label: 'baseline: the same queries on the same thread', unit: 'ms', better: 'lower', summary: pick('in-process', 'queries', (d) => d.p99) },
  ];
  return {
    id: 'main-thread',
    title: '7. Main thread stays free',
    figures,
    notes: [
      `A ${backlog.toLocaleString('en-US')}-ER catch-up on KalshiRT through the recorder service into a journal; delay sampled from start until every ER was reported committed.`,
      'Then History queries back to back on that journal: exact counts over a text match and over ExecType+Side, and 200-row pages sorted by LastPx with a text match.',
      'The worker posts one message per committed batch; the host re-fires it as a ServiceEvent (what Electron main forwards to windows).',
    ],
    settings: { backlog, runs, resolutionMs: 1 },
  };
}
