// run.ts — `npm run bench [-- --quick] [--only=decode,framing] [--store=journal|memory-jsonl] [--writer=inline|thread]`: runs the benchmark items one after
// another in this process, prints one table (stdout; progress goes to stderr) and writes the results
// (bench/results.json; quick mode writes to the temp folder so CI never overwrites the published
// figures). Exits non-zero only when an item crashed: figures are reported, never asserted here.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchContext } from './items/context.ts';
import { runDecode } from './items/decode.ts';
import { runEncode } from './items/encode.ts';
import { runFraming } from './items/framing.ts';
import { runGrowth } from './items/growth.ts';
import { runHistory } from './items/history.ts';
import { runHistoryView } from './items/history-view.ts';
import { runIngest } from './items/ingest.ts';
import { runLiveView } from './items/live-view.ts';
import { runMainThread } from './items/main-thread.ts';
import { runRecovery } from './items/recovery.ts';
import { runSurveillance } from './items/surveillance.ts';
import { DEFAULT_STORE, DEFAULT_WRITER, type StoreKind, type WriterKind } from './pipeline.ts';
import { formatTable, writeResults, type ItemFailure, type ItemResult, type Machine, type RunDocument } from './report.ts';

interface BenchItem {
  readonly id: string;
  readonly title: string;
  readonly run: (ctx: BenchContext) => ItemResult | Promise<ItemResult>;
}

const ITEMS: readonly BenchItem[] = [
  { id: 'decode', title: '1. Decode', run: runDecode },
  { id: 'framing', title: '2. Framing', run: runFraming },
  { id: 'encode', title: '3. Encode', run: runEncode },
  { id: 'ingest', title: '4. Durable ingest', run: runIngest },
  { id: 'recovery', title: '5. Recovery', run: runRecovery },
  { id: 'growth', title: '6. Growth', run: runGrowth },
  { id: 'main-thread', title: '7. Main thread stays free', run: runMainThread },
  { id: 'history', title: '8. History queries', run: runHistory },
  { id: 'live-view', title: '9. Live view latency', run: runLiveView },
  { id: 'history-view', title: '10. History view in Chromium', run: runHistoryView },
  { id: 'surveillance', title: '11. Surveillance rules', run: runSurveillance },
];

const STORES: readonly StoreKind[] = ['journal', 'memory-jsonl'];
const WRITERS: readonly WriterKind[] = ['inline', 'thread'];

function machine(): Machine {
  const cpu = cpus();
  return {
    cpuModel: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryBytes: totalmem(),
    platform: `${platform()} ${release()}`,
    node: process.versions.node,
    v8: process.versions.v8,
  };
}

/** Short commit id, with "+dirty" when the work tree has changes; "unknown" outside a git checkout. */
function commitId(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() !== '';
    return dirty ? `${head}+dirty` : head;
  } catch {
    return 'unknown';
  }
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      out: { type: 'string' },
      store: { type: 'string', default: DEFAULT_STORE },
      writer: { type: 'string', default: DEFAULT_WRITER },
    },
  });
  const store = STORES.find((s) => s === values.store);
  if (store === undefined) {
    process.stderr.write(`Unknown store "${values.store}". Stores: ${STORES.join(', ')}.\n`);
    return 2;
  }
  const writer = WRITERS.find((w) => w === values.writer);
  if (writer === undefined) {
    process.stderr.write(`Unknown writer "${values.writer}". Writers: ${WRITERS.join(', ')}.\n`);
    return 2;
  }
  const quick = values.quick === true;
  const only = values.only?.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const unknown = only?.filter((id) => !ITEMS.some((item) => item.id === id)) ?? [];
  if (unknown.length > 0) {
    process.stderr.write(`Unknown item(s): ${unknown.join(', ')}. Items: ${ITEMS.map((i) => i.id).join(', ')}.\n`);
    return 2;
  }
  const out = values.out ?? (quick ? join(tmpdir(), 'fillwatch-bench-quick.json') : join(import.meta.dirname, 'results.json'));
  const workDir = mkdtempSync(join(tmpdir(), 'fillwatch-bench-'));
  const log = (line: string): void => {
    process.stderr.write(`[bench] ${line}\n`);
  };
  const ctx: BenchContext = { quick, store, writer, log, workDir };

  const started = performance.now();
  const loadAtStart = loadavg()[0] ?? 0;
  const items: ItemResult[] = [];
  const failures: ItemFailure[] = [];
  try {
    for (const item of ITEMS) {
      if (only !== undefined && !only.includes(item.id)) continue;
      const t0 = performance.now();
      log(`${item.title} …`);
      try {
        items.push(await item.run(ctx));
        log(`${item.title} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      } catch (error) {
        const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
        log(`${item.title} FAILED: ${text}`);
        failures.push({ id: item.id, title: item.title, error: error instanceof Error ? error.message : String(error) });
      }
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }

  const doc: RunDocument = {
    date: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    commit: commitId(),
    machine: machine(),
    durationMs: Math.round(performance.now() - started),
    // Other processes on the machine skew every figure; the 1-minute load average says how busy it was.
    loadAverage: { start: round1(loadAtStart), end: round1(loadavg()[0] ?? 0) },
    items,
    failures,
  };
  process.stdout.write(`${formatTable(doc)}\n\nTotal ${(doc.durationMs / 1000).toFixed(1)} s. Results written to ${out}\n`);
  writeResults(out, doc);
  return failures.length > 0 ? 1 : 0;
}

process.exitCode = await main();
