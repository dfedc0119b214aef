// journal-stages.ts — the journal's share of ingest without TLS, sockets or the simulator: the bench's
// own ER frames (workloads.ts) go through FixMessage.parse and Journal.accept, flushed every `--chunk`
// messages as session.ts does after each socket read, under the default commit policy (5 ms or 2,000
// messages, on the real clock). Also times each stage alone on the same frames: parse, pending entry,
// segment build, so a change can be A/B'd in seconds. Prints CPU µs per ER (median of --runs after one
// warm-up run) and, in brackets, the commits of the journal run.
// Usage: node bench/tools/journal-stages.ts [--ers=100000] [--chunk=40] [--runs=3] [--only=parse,journal]
//        [--batch=2000] [--delay=5] [--writer=inline|thread]   (the journal's options)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { FixMessage } from '../../electron/core/fix/decode.ts';
import { Journal } from '../../electron/core/journal/journal.ts';
import { toPendingEntry } from '../../electron/core/journal/pending-entry.ts';
import { buildSegment } from '../../electron/core/journal/segment.ts';
import { GENESIS_HASH } from '../../electron/core/journal/hash-chain.ts';
import { collectGarbage } from '../stats.ts';
import { BENCH_API_KEY_ID, executionReportFrames } from '../workloads.ts';

const { values } = parseArgs({
  options: {
    ers: { type: 'string', default: '100000' },
    chunk: { type: 'string', default: '40' },
    runs: { type: 'string', default: '3' },
    only: { type: 'string' },
    batch: { type: 'string' },
    delay: { type: 'string' },
    writer: { type: 'string', default: 'inline' },
  },
});
const N = Number(values.ers);
const CHUNK = Number(values.chunk);
const RUNS = Number(values.runs);
const only = values.only?.split(',');
const { frames } = executionReportFrames(N);
const T0 = Date.UTC(2026, 10, 24, 14, 0, 0);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

function time(name: string, run: () => number): void {
  if (only !== undefined && !only.includes(name)) return;
  const samples: number[] = [];
  let extra = '';
  for (let i = 0; i <= RUNS; i++) {
    collectGarbage();
    // CPU time, not wall time: on a shared machine the wall clock mostly measures the neighbours.
    const t0 = process.cpuUsage();
    const n = run();
    const cpu = process.cpuUsage(t0);
    const us = (cpu.user + cpu.system) / N;
    if (i > 0) samples.push(us);
    extra = n > 1 ? ` (${n})` : '';
  }
  process.stdout.write(`${name.padEnd(10)} ${median(samples).toFixed(2).padStart(6)} µs/ER  [${samples.map((s) => s.toFixed(2)).join(' ')}]${extra}\n`);
}

time('parse', () => {
  let n = 0;
  for (const f of frames) n += FixMessage.parse(f).msgSeqNum;
  return 0 * n;
});

const messages = frames.map((f) => FixMessage.parse(f));
time('pending', () => {
  let n = 0;
  for (let i = 0; i < N; i++) n += toPendingEntry(messages[i]!, T0 + i, 0, 1).msgSeqNum;
  return 0 * n;
});

const entries = messages.map((m, i) => toPendingEntry(m, T0 + i, 0, 1));
time('segment', () => {
  for (let from = 0; from < N; from += 2000) buildSegment(GENESIS_HASH, { id: from + 1, sessionId: 1, connectionId: 1, epoch: 0 }, entries, from, Math.min(N, from + 2000));
  return 0;
});

time('journal', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fillwatch-journal-stages-'));
  try {
    let commits = 0;
    let fresh = 0;
    const journal = Journal.open(join(dir, 'j.db'), {
      session: { senderCompId: BENCH_API_KEY_ID, targetCompId: 'KalshiRT' },
      ...(values.batch === undefined ? {} : { batchMaxMessages: Number(values.batch) }),
      ...(values.delay === undefined ? {} : { commitDelayMs: Number(values.delay) }),
      writer: values.writer === 'thread' ? 'thread' : 'inline',
      onCommitted: (records) => { fresh += records.length; commits++; },
    });
    journal.resetSequences({ nextInbound: 1, nextOutbound: 1 });
    for (let i = 0; i < N; i++) {
      const message = FixMessage.parse(frames[i]!);
      journal.accept(message, message.msgSeqNum + 1, T0 + i);
      if ((i + 1) % CHUNK === 0) journal.flush();
    }
    journal.commit();
    journal.close();
    if (fresh !== N) throw new Error(`committed ${fresh} of ${N}`);
    return commits;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
