// ingest-stages.ts — splits a CPU profile of an ingest burst (profile-target.ts ingest
// --burst-profile=…) into the pipeline's stages: each busy sample goes to the innermost frame on its
// stack that belongs to a stage (so a helper such as FixMessage.valueAt counts for whoever called it;
// better-sqlite3's native calls count for the JavaScript function that made them). Prints each
// stage's share of the busy samples and, with --ers, its main-thread µs per ER. A thread writer's
// waits (Atomics.wait while the writer thread commits) count as busy time of the hand-off stage.
// Usage: node bench/tools/ingest-stages.ts <file.cpuprofile> [--ers=100100] [--unmatched=15]
// A tool for whoever tunes ingest, never run by the bench itself.
import { parseArgs } from 'node:util';
import { readCpuProfile, selfSamples, type CallFrame } from './cpuprofile.ts';

/** A stage, matched by file (url suffix) and optionally function names. Order is display order. */
interface StageRule {
  readonly stage: string;
  readonly file: string;
  readonly functions?: readonly string[];
}

const RULES: readonly StageRule[] = [
  { stage: 'framing', file: '/core/fix/framer.ts' },
  { stage: 'decode (frame → FixMessage)', file: '/core/fix/decode.ts', functions: ['parse', 'parseReceived', 'FixMessage'] },
  { stage: 'decode (frame → FixMessage)', file: '/core/fix/field-scan.ts' },
  { stage: 'session machine + driver', file: '/core/session/session-machine.ts' },
  { stage: 'session machine + driver', file: '/core/session/sequence.ts' },
  { stage: 'session machine + driver', file: '/core/session/link-monitor.ts' },
  { stage: 'session machine + driver', file: '/core/session/session.ts' },
  { stage: 'pending entry (ER decode for the row)', file: '/core/journal/pending-entry.ts' },
  { stage: 'pending entry (ER decode for the row)', file: '/core/journal/execution-fields.ts' },
  { stage: 'journal accept/flush/report', file: '/core/journal/journal.ts' },
  { stage: 'journal accept/flush/report', file: '/core/journal/commit-timer.ts' },
  { stage: 'segment build + hash', file: '/core/journal/segment.ts' },
  { stage: 'batch rows (toBatchRows, assemble)', file: '/core/journal/batch-rows.ts' },
  { stage: 'batch rows (toBatchRows, assemble)', file: '/core/journal/committed-batch.ts' },
  { stage: 'SQLite: execution rows', file: '/core/journal/batch-writer.ts', functions: ['#writeDecoded', '#insertExecutionRow'] },
  { stage: 'SQLite: segment row + heads', file: '/core/journal/batch-writer.ts' },
  { stage: 'writer thread: hand-off and waits', file: '/core/journal/journal-writer.ts' },
  { stage: 'SQLite: BEGIN/COMMIT', file: '/better-sqlite3/lib/methods/transaction.js' },
  { stage: 'delivery: recorder + positions book', file: '/core/recorder/' },
  { stage: 'delivery: recorder + positions book', file: '/bench/pipeline.ts' },
  { stage: 'delivery: recorder + positions book', file: '/shared/positions/' },
  { stage: 'delivery: recorder + positions book', file: '/core/positions/' },
];


const { values, positionals } = parseArgs({ allowPositionals: true, options: { ers: { type: 'string' }, unmatched: { type: 'string', default: '15' } } });
const file = positionals[0];
if (file === undefined) {
  process.stderr.write('Usage: node bench/tools/ingest-stages.ts <file.cpuprofile> [--ers=N] [--unmatched=15]\n');
  process.exit(2);
}
const profile = readCpuProfile(file);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const inFile = (frame: CallFrame, rule: StageRule): boolean => (rule.file.endsWith('/') ? frame.url.includes(rule.file) : frame.url.endsWith(rule.file));
const ruleOf = (frame: CallFrame): StageRule | undefined =>
  RULES.find((r) => inFile(frame, r) && (r.functions === undefined || r.functions.includes(frame.functionName)));

/** Stage of a node's own samples: its innermost ancestor-or-self that matches a rule. */
const stageCache = new Map<number, string>();
function stageOf(id: number): string {
  const cached = stageCache.get(id);
  if (cached !== undefined) return cached;
  const node = byId.get(id)!;
  const name = node.callFrame.functionName;
  let stage: string;
  if (name === '(idle)') stage = '(idle)';
  else if (name === '(garbage collector)') stage = 'garbage collector';
  else {
    const rule = ruleOf(node.callFrame);
    if (rule !== undefined) stage = rule.stage;
    else {
      const up = parent.get(id);
      stage = up === undefined ? 'other: TLS, streams, timers, unmatched' : stageOf(up);
      if (stage === '(root)') stage = 'other: TLS, streams, timers, unmatched';
    }
    if (name === '(root)') stage = 'other: TLS, streams, timers, unmatched';
  }
  stageCache.set(id, stage);
  return stage;
}

const self = selfSamples(profile);
const stages = new Map<string, number>();
const unmatched = new Map<string, number>();
let busy = 0;
const add = (stage: string, n: number): void => { stages.set(stage, (stages.get(stage) ?? 0) + n); };
for (const [id, n] of self) {
  const node = byId.get(id)!;
  const stage = stageOf(id);
  if (stage === '(idle)') continue;
  busy += n;
  add(stage, n);
  if (stage.startsWith('other')) {
    const key = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.replace(/^.*\/(node_modules|electron|bench|shared)\//, '$1/')}:${node.callFrame.lineNumber + 1}`;
    unmatched.set(key, (unmatched.get(key) ?? 0) + n);
  }
}

const wallMs = (profile.endTime - profile.startTime) / 1000;
const total = profile.samples.length;
const sampleUs = (profile.endTime - profile.startTime) / Math.max(1, total);
const ers = values.ers === undefined ? undefined : Number(values.ers);
process.stdout.write(`${total} samples over ${wallMs.toFixed(0)} ms (${sampleUs.toFixed(0)} µs each); busy ${((busy / total) * 100).toFixed(1)}% (the rest is the main thread waiting).\n`);
process.stdout.write(`${'stage'.padEnd(44)} ${'share'.padStart(6)}${ers === undefined ? '' : '  µs/ER (main thread)'}\n`);
const order = [...new Set([...RULES.map((r) => r.stage), 'garbage collector', 'other: TLS, streams, timers, unmatched'])];
for (const stage of order) {
  const n = stages.get(stage) ?? 0;
  const perEr = ers === undefined ? '' : `  ${((n * sampleUs) / ers).toFixed(2).padStart(6)}`;
  process.stdout.write(`${stage.padEnd(44)} ${((n / Math.max(1, busy)) * 100).toFixed(1).padStart(5)}%${perEr}\n`);
}
if (ers !== undefined) process.stdout.write(`${'busy total'.padEnd(44)} ${'100.0'.padStart(5)}%  ${((busy * sampleUs) / ers).toFixed(2).padStart(6)}\n`);
const top = Number(values.unmatched);
if (top > 0 && unmatched.size > 0) {
  process.stdout.write('\nLargest self time in "other":\n');
  for (const [key, n] of [...unmatched].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    process.stdout.write(`${((n / Math.max(1, busy)) * 100).toFixed(1).padStart(5)}%  ${key}\n`);
  }
}
