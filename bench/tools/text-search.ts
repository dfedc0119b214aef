// text-search.ts — the quick filter's byte search against Buffer.indexOf on the same bytes, in one
// process: a corpus shaped like History's (a million rows of ExecID, two UUIDs and an empty Text, NUL
// after each field), searched for texts as a user types them. Prints ms per search (best of 5) and the
// ratio. A tool for whoever tunes text-find/; the bench's item 10 measures the view end to end.
//   node bench/tools/text-search.ts [--rows=1000000]
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { SearchableBytes } from '../../electron/core/journal/text-find/searchable-bytes.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' } } });
const rows = Number(values.rows);
const lines: string[] = [];
for (let i = 0; i < rows; i++) lines.push(`${10_000 + (i % 90_000)};${i % 100}\0${randomUUID()}\0${randomUUID()}\0\0`);
const corpus = Buffer.from(lines.join(''), 'utf8');
const store = new SearchableBytes();
const offset = store.append(corpus);

const best = (run: () => number): { ms: number; hits: number } => {
  let ms = Number.POSITIVE_INFINITY;
  let hits = 0;
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    hits = run();
    ms = Math.min(ms, performance.now() - t);
  }
  return { ms, hits };
};

process.stdout.write(`${(corpus.length / 1e6).toFixed(1)} MB, ${rows.toLocaleString('en-US')} rows\n`);
for (const text of ['3212', '32122;2', '4d68', 'a1b2c3', 'zzzz']) {
  const needle = Buffer.from(text);
  const indexOf = best(() => { let n = 0; for (let at = corpus.indexOf(needle); at !== -1; at = corpus.indexOf(needle, at + 1)) n++; return n; });
  const simd = best(() => { let n = 0; store.forEachMatch(offset, corpus.length, needle, 0, () => { n++; return true; }); return n; });
  if (simd.hits !== indexOf.hits) throw new Error(`${text}: ${simd.hits} hits against indexOf's ${indexOf.hits}`);
  process.stdout.write(`${text.padEnd(8)} ${simd.hits.toString().padStart(6)} hits  text-find ${simd.ms.toFixed(1).padStart(5)} ms  Buffer.indexOf ${indexOf.ms.toFixed(1).padStart(5)} ms  ${(indexOf.ms / simd.ms).toFixed(1)}×\n`);
}
