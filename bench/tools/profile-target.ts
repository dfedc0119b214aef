// profile-target.ts — runs one hot path alone, long enough for a CPU profile, with nothing else in the
// process (no peer engine, no table): `decode` (frame → typed ER), `framing` (16 KiB chunks through
// FixFramer) or `ingest` (one catch-up burst over TLS into the chosen store). For example:
//   node --cpu-prof --cpu-prof-dir=/tmp/fw-prof bench/tools/profile-target.ts decode
//   node bench/tools/cpuprofile-top.ts /tmp/fw-prof/<file>.cpuprofile --under=electron/
// (for ingest, the simulator child writes its own profile too: pick the larger main-process file).
// For ingest, `--burst-profile=<file>` profiles only the burst (gate open → last ER committed) of the
// last of `--runs` catch-ups (default 2: the first warms the JIT up), and `ingest-stages.ts` splits it:
//   node bench/tools/profile-target.ts ingest --burst-profile=/tmp/burst.cpuprofile
//   node bench/tools/ingest-stages.ts /tmp/burst.cpuprofile --ers=100100
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { FixMessage } from '../../electron/core/fix/decode.ts';
import { readExecutionReport } from '../../electron/core/fix/execution-report.ts';
import { FixFramer } from '../../electron/core/fix/framer.ts';
import { DEFAULT_STORE, type StoreKind } from '../pipeline.ts';
import { runCatchUp } from '../scenarios/catch-up.ts';
import { chunksOf, executionReportFrames, repeatToSize } from '../workloads.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    seconds: { type: 'string', default: '5' },
    backlog: { type: 'string', default: '100000' },
    store: { type: 'string', default: DEFAULT_STORE },
    runs: { type: 'string', default: '2' },
    writer: { type: 'string', default: 'inline' },
    'burst-profile': { type: 'string' },
  },
});
const target = positionals[0];
const until = performance.now() + Number(values.seconds) * 1000;

if (target === 'decode') {
  const { frames } = executionReportFrames(10_000);
  let n = 0;
  while (performance.now() < until) {
    for (const frame of frames) n += readExecutionReport(FixMessage.parse(frame)).cumQty.length;
  }
  process.stdout.write(`decoded (checksum ${n})\n`);
} else if (target === 'framing') {
  const { frames } = executionReportFrames(2_000);
  const chunks = chunksOf(repeatToSize(frames, 64 * 1024 * 1024).stream, 16 * 1024);
  let n = 0;
  const sink = { onFrame: () => { n++; }, onFrameError: () => { throw new Error('unexpected frame error'); } };
  while (performance.now() < until) {
    const framer = new FixFramer();
    for (const chunk of chunks) framer.push(chunk, sink);
  }
  process.stdout.write(`framed ${n} frames\n`);
} else if (target === 'ingest') {
  const runs = Math.max(1, Number(values.runs));
  const profileTo = values['burst-profile'];
  const inspector = profileTo === undefined ? undefined : new Session();
  inspector?.connect();
  // Same-thread inspector sessions answer synchronously, so the profile starts as the gate opens.
  const post = (method: string, params: object = {}, then?: (result: unknown) => void): void => {
    (inspector as unknown as { post(m: string, p: object, cb: (e: Error | null, r: unknown) => void): void } | undefined)?.post(method, params, (error, result) => {
      if (error !== null) throw error;
      then?.(result);
    });
  };
  post('Profiler.enable');
  post('Profiler.setSamplingInterval', { interval: 250 }); // µs: ~12k samples over a 3 s burst
  for (let i = 0; i < runs; i++) {
    const last = i === runs - 1;
    const dir = mkdtempSync(join(tmpdir(), 'fillwatch-profile-'));
    try {
      const result = await runCatchUp({
        backlog: Number(values.backlog),
        live: 100,
        store: values.store as StoreKind,
        writer: values.writer === 'thread' ? 'thread' : 'inline',
        dir,
        coalesceWrites: true,
        ...(last && inspector !== undefined ? {
          onGateOpen: () => post('Profiler.start'),
          onCaughtUp: () => post('Profiler.stop', {}, (result) => writeFileSync(profileTo!, JSON.stringify((result as { profile: unknown }).profile))),
        } : {}),
      });
      process.stdout.write(`${last ? '' : '(warm-up) '}caught up ${result.caughtUp} ERs in ${((result.doneNs - result.firstErNs) / 1e6).toFixed(0)} ms (${(result.burstCpuUs / result.caughtUp).toFixed(1)} µs CPU/ER, ${result.commits} commits)\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  inspector?.disconnect();
  if (profileTo !== undefined) process.stdout.write(`burst profile written to ${profileTo}\n`);
} else {
  process.stderr.write('Usage: node [--cpu-prof] bench/tools/profile-target.ts decode|framing|ingest [--seconds=5] [--backlog=100000] [--store=journal|memory-jsonl] [--runs=2] [--writer=inline|thread] [--burst-profile=<file>]\n');
  process.exitCode = 2;
}
