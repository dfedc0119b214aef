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

let passed = 0;
let failed = 0;
let skipped = 0;
const stream = run({ files, concurrency: Math.max(2, cpus().length), timeout: 180_000 });
stream.on('test:pass', (t) => {
  if (t.details.type === 'suite') return;
  if (t.skip || t.todo) skipped++;
  else passed++;
});
stream.on('test:fail', (t) => {
  if (t.details.type === 'suite') return;
  failed++;
});
stream.compose(spec).pipe(process.stdout);
stream.on('end', () => {
  const summary = `${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : '');
  process.stdout.write(`\n${summary}\n`);
  process.exitCode = failed > 0 || files.length === 0 ? 1 : 0;
});
