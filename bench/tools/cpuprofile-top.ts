// cpuprofile-top.ts — reads a V8 .cpuprofile (from `node --cpu-prof`) and prints where the time went:
// self time per function (file:line of its definition) and per source line (V8's positionTicks),
// each as a share of the busy (non-idle) samples, or of those under --under=<path part> (e.g. electron/).
// Usage: node bench/tools/cpuprofile-top.ts <file.cpuprofile> [--under=electron/] [--top=25]
// Reads only its argument; a tool for the lead, never run by the bench itself.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readCpuProfile, selfSamples as countSelfSamples, type ProfileNode } from './cpuprofile.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { under: { type: 'string' }, top: { type: 'string', default: '25' } } });
const file = positionals[0];
if (file === undefined) {
  process.stderr.write('Usage: node bench/tools/cpuprofile-top.ts <file.cpuprofile> [--under=electron/] [--top=25]\n');
  process.exit(2);
}
const profile = readCpuProfile(file);
const top = Number(values.top);

const where = (url: string): string => {
  if (url === '') return '(native)';
  try {
    return relative(process.cwd(), url.startsWith('file:') ? fileURLToPath(url) : url);
  } catch {
    return url;
  }
};

// V8 reports the lines of inlined callees against the caller's script; a line past the end of that
// file is certainly such a line, so it is flagged rather than shown as if it were the caller's.
const lineCounts = new Map<string, number>();
const linesIn = (path: string): number => {
  let n = lineCounts.get(path);
  if (n === undefined) {
    try {
      n = readFileSync(path, 'utf8').split('\n').length;
    } catch {
      n = Number.POSITIVE_INFINITY;
    }
    lineCounts.set(path, n);
  }
  return n;
};

const selfSamples = countSelfSamples(profile);
const total = profile.samples.length;
// Waiting is not work: idle samples (event loop blocked in epoll) never count towards a share.
const IDLE = new Set(['(idle)']);
const inScope = (node: ProfileNode): boolean =>
  !IDLE.has(node.callFrame.functionName) && (values.under === undefined || where(node.callFrame.url).includes(values.under));
let scopeTotal = 0;
const byFunction = new Map<string, number>();
const byLine = new Map<string, number>();
for (const node of profile.nodes) {
  const samples = selfSamples.get(node.id) ?? 0;
  if (samples === 0 || !inScope(node)) continue;
  scopeTotal += samples;
  const frame = node.callFrame;
  const fn = `${frame.functionName || '(anonymous)'}  ${where(frame.url)}:${frame.lineNumber + 1}`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + samples);
  for (const tick of node.positionTicks ?? []) {
    const file = where(frame.url);
    const inlined = tick.line > linesIn(file) ? ' [inlined callee: line is in another file]' : '';
    const line = `${file}:${tick.line}  (${frame.functionName || 'anonymous'})${inlined}`;
    byLine.set(line, (byLine.get(line) ?? 0) + tick.ticks);
  }
}

process.stdout.on('error', () => {}); // e.g. piped into head
const ms = (profile.endTime - profile.startTime) / 1000;
const scopeText = values.under === undefined
  ? `busy samples (${((scopeTotal / total) * 100).toFixed(1)}% of all; idle excluded)`
  : `busy samples in files under "${values.under}" (${((scopeTotal / total) * 100).toFixed(1)}% of all)`;
process.stdout.write(`${total} samples over ${ms.toFixed(0)} ms; shares are of ${scopeText}.\n`);
process.stdout.write('Line shares come from V8 positionTicks; lines of inlined callees may be attributed to the caller.\n');
const print = (title: string, map: Map<string, number>): void => {
  process.stdout.write(`\n${title}\n`);
  for (const [key, n] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    process.stdout.write(`${((n / Math.max(1, scopeTotal)) * 100).toFixed(1).padStart(5)}%  ${key}\n`);
  }
};
print('Self time by function (definition line):', byFunction);
print('Self time by source line:', byLine);
