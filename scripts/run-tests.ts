// Runs every test file with Node's built-in runner and ends with the plain summary line
// CI reads: "N passed, N failed". Arguments narrow the run to paths containing them.
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { globSync } from 'node:fs';
import { cpus } from 'node:os';

const filters = process.argv.slice(2);
const files = globSync('test/**/*.test.ts')
  .filter((f) => filters.length === 0 || filters.some((needle) => f.includes(needle)))
  .sort();

// Browser suites (each starts the harness, a demo simulator and Chromium) run after the rest, one at a
// time: side by side with each other or with the socket tests they only measure the 2-core machine.
const isBrowserSuite = (f: string) => f.includes('chromium');
const phases = [files.filter((f) => !isBrowserSuite(f)), files.filter(isBrowserSuite)].filter((p) => p.length > 0);

let passed = 0;
let failed = 0;
let skipped = 0;
for (const [i, phase] of phases.entries()) {
  await runPhase(phase, i === 0 ? Math.max(2, cpus().length) : 1);
}
const summary = `${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : '');
process.stdout.write(`\n${summary}\n`);
process.exitCode = failed > 0 || files.length === 0 ? 1 : 0;

function runPhase(phase: string[], concurrency: number): Promise<void> {
  return new Promise((resolve) => {
    const stream = run({ files: phase, concurrency, timeout: 180_000 });
    stream.on('test:pass', (t) => {
      if (t.details.type === 'suite') return;
      if (t.skip || t.todo) skipped++;
      else passed++;
    });
    stream.on('test:fail', (t) => {
      if (t.details.type === 'suite') return;
      failed++;
    });
    const out = stream.compose(spec);
    out.on('end', resolve);
    out.pipe(process.stdout, { end: false });
  });
}
