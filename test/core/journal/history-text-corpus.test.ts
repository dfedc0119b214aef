// The quick filter's in-memory corpus matches exactly as the SQL's LIKE does (a literal substring of one
// field, ASCII letters without case, other characters as they are), checked against a plain model over
// random rows spread across slices; row limits, the 'over' cap and the size cap; the store's background
// filling, which waits while queries keep coming.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { corpusLine, TextCorpus, type CorpusRow } from '../../../electron/core/journal/history-text-corpus.ts';
import { openHistoryStore } from '../../../electron/core/journal/history-queries.ts';
import { SearchableBytes } from '../../../electron/core/journal/text-find/searchable-bytes.ts';
import { execSpecs, ingest } from './history-fixtures.ts';
import { tempDir } from './journal-fixtures.ts';

const fold = (text: string): string => text.replace(/[A-Z]/g, (c) => c.toLowerCase());
type Fields = readonly [string, string, string | null, string | null];
const modelMatch = (rows: ReadonlyArray<readonly [number, Fields]>, text: string, upTo: number): number[] =>
  rows.filter(([id, fields]) => id <= upTo && fields.some((f) => f !== null && fold(f).includes(fold(text)))).map(([id]) => id);
const row = (id: number, ...fields: Fields): CorpusRow => [id, corpusLine(...fields), id];

// Few characters, so texts often match; case pairs (ASCII and not), LIKE's wildcards, multi-byte ones.
const char = fc.constantFrom('a', 'A', 'b', 'B', '1', ';', '-', '%', '_', 'ü', 'Ü', 'ÿ', '€', '😀', ' ');
const field = fc.array(char, { maxLength: 8 }).map((cs) => cs.join(''));
const rowsArb = fc.array(fc.tuple(field, field, fc.option(field, { nil: null }), fc.option(field, { nil: null })), { maxLength: 60 });
const textArb = fc.array(char, { minLength: 1, maxLength: 4 }).map((cs) => cs.join(''));

test('matches as LIKE does, across slices, up to a row id', () => {
  fc.assert(fc.property(rowsArb, fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1 }), fc.array(textArb, { minLength: 1, maxLength: 6 }), fc.nat(80), (fields, sliceSizes, texts, upTo) => {
    // Row ids grow with gaps (other messages than executions take ids too).
    const rows = fields.map((f, i) => [i * 2 + 1, f] as const);
    const corpus = new TextCorpus();
    for (let at = 0, k = 0; at < rows.length; k++) {
      const size = sliceSizes[k % sliceSizes.length]!;
      assert.equal(corpus.append(rows.slice(at, at + size).map(([id, f]) => row(id, ...f))), true);
      at += size;
    }
    assert.equal(corpus.upTo, rows.length === 0 ? 0 : rows[rows.length - 1]![0]);
    for (const text of texts) {
      assert.deepEqual(corpus.match(text, upTo, 1000), modelMatch(rows, text, upTo), JSON.stringify(text));
    }
  }), { numRuns: 300 });
});

test('newest first: the want latest matches by (event time, id) are among those found, wherever times go', () => {
  // Event times mostly follow the ids, with jumps back and forth (a resend, a backfill, a second account).
  const timesArb = fc.array(fc.integer({ min: -20, max: 20 }), { maxLength: 60 });
  fc.assert(fc.property(rowsArb, timesArb, fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1 }), textArb, fc.integer({ min: 1, max: 8 }), fc.nat(130), (fields, jitter, sliceSizes, text, want, upTo) => {
    const rows = fields.map((f, i) => [i * 2 + 1, f, i * 5 + (jitter[i] ?? 0)] as const);
    const corpus = new TextCorpus();
    for (let at = 0, k = 0; at < rows.length; k++) {
      const size = sliceSizes[k % sliceSizes.length]!;
      assert.equal(corpus.append(rows.slice(at, at + size).map(([id, f, t]) => [id, corpusLine(...f), t] as const)), true);
      at += size;
    }
    const all = new Set(modelMatch(rows.map(([id, f]) => [id, f] as const), text, upTo));
    const byTime = rows.filter(([id]) => all.has(id)).sort((a, b) => b[2] - a[2] || b[0] - a[0]);
    const found = corpus.newestMatches(text, upTo, want, 1000);
    assert.notEqual(found, 'over');
    if (found === 'over') return;
    const got = new Set(found.ids);
    for (const [id] of byTime.slice(0, want)) assert.ok(got.has(id), `row ${id} (one of the ${want} latest) found`);
    for (const id of found.ids) assert.ok(all.has(id), `row ${id} matches`);
    assert.equal(new Set(found.ids).size, found.ids.length, 'each row once');
    assert.deepEqual(found.eventAts, found.ids.map((id) => rows.find(([r]) => r === id)![2]), 'with its event time');
    if (found.complete) assert.deepEqual([...got].sort((a, b) => a - b), [...all], 'complete: every match');
    else assert.ok(found.ids.length >= want, 'stopped early only with enough');
  }), { numRuns: 400 });
});

test('newest first stops in the newest slice for a common text, reads all for a rare one', () => {
  const corpus = new TextCorpus();
  for (let s = 0; s < 10; s++) corpus.append(Array.from({ length: 100 }, (_, i) => row(s * 100 + i + 1, `common-${s * 100 + i}`, 'o', null, s === 0 && i === 5 ? 'rare' : null)));
  const common = corpus.newestMatches('common', 10_000, 10, 10_000);
  assert.ok(common !== 'over' && !common.complete && common.ids.length === 100 && common.ids[0] === 901, 'the newest slice only');
  const rare = corpus.newestMatches('rare', 10_000, 10, 10_000);
  assert.ok(rare !== 'over' && rare.complete);
  assert.deepEqual(rare.ids, [6]);
  assert.equal(corpus.newestMatches('common', 10_000, 1_000, 50), 'over');
});

test('one id per row, \'over\' past the cap, a NUL refused, and nothing taken once full', () => {
  const corpus = new TextCorpus(200);
  assert.equal(corpus.append([row(1, 'abc;abc', 'ORD-abc', 'cl-1', 'ABC'), row(3, 'x', 'y', null, null), row(4, 'abcd', 'z', null, 'tAbC')]), true);
  assert.deepEqual(corpus.match('ABC', 10, 10), [1, 4], 'a row matching in several fields is one id');
  assert.deepEqual(corpus.match('abc', 3, 10), [1]);
  assert.equal(corpus.match('abc', 10, 1), 'over');
  assert.deepEqual(corpus.match('zz', 10, 0), []);
  assert.equal(TextCorpus.searchable('a\0b'), false);
  assert.throws(() => corpus.match('a\0b', 10, 10));
  assert.throws(() => corpus.append([row(2, 'late', 'x', null, null)]), /must follow row 4/);
  // Fill past the cap: the slice that crosses it is kept, later ones are refused.
  assert.equal(corpus.append(Array.from({ length: 20 }, (_, i) => row(10 + i, `id-${i}`, 'order', null, null))), true);
  assert.equal(corpus.full, true);
  assert.equal(corpus.append([row(100, 'more', 'x', null, null)]), false);
  assert.equal(corpus.upTo, 29);
});

test('an append that cannot get memory throws and leaves the corpus as it was: it never claims rows it lacks', () => {
  const corpus = new TextCorpus();
  assert.equal(corpus.append([row(1, 'abc;1', 'o-1', null, null)]), true);
  const append = SearchableBytes.prototype.append;
  SearchableBytes.prototype.append = () => { throw new RangeError('WebAssembly.Memory.grow(): Maximum memory size exceeded'); };
  try {
    assert.throws(() => corpus.append([row(2, 'abd;2', 'o-2', null, null)]), RangeError);
  } finally {
    SearchableBytes.prototype.append = append;
  }
  assert.equal(corpus.upTo, 1);
  assert.deepEqual(corpus.match('ab', 10, 10), [1]);
  assert.equal(corpus.append([row(2, 'abd;2', 'o-2', null, null)]), true, 'the same rows go in once memory is there');
  assert.deepEqual(corpus.match('ab', 10, 10), [1, 2]);
});

/** A journal of `size` random executions (drawn with `seed`), its path and its highest row id; removed after `run`. */
async function withJournal(size: number, seed: number, run: (path: string, head: number) => Promise<void>): Promise<void> {
  const dir = tempDir();
  try {
    const path = dir.file('h.db');
    const specs = fc.sample(execSpecs(size, size), { seed, numRuns: 1 })[0]!;
    await run(path, Math.max(...ingest(path, specs).values()));
  } finally {
    dir.remove();
  }
}

test('the store fills its corpus in the background once warmed, never within 50 ms of a query', async () => {
  await withJournal(60, 2, async (path, head) => {
    const store = openHistoryStore(path, { textScan: { sliceRows: 5 } });
    try {
      const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
      assert.equal(store.textCorpus.upTo, 0, 'nothing before warm()');
      // Someone typing: a query every 10 ms holds the filling back.
      await store.count({});
      store.warm();
      for (let i = 0; i < 15; i++) {
        await store.count({ text: 'x' });
        await sleep(10);
      }
      assert.equal(store.textCorpus.upTo, 0, 'no slice while queries keep coming');
      await sleep(60);
      while (store.textCorpus.filling) await sleep(5);
      assert.equal(store.textCorpus.upTo, head, 'filled once the queries paused');
    } finally {
      await store.close();
    }
  });
});

test('in a thread that only waits for messages (the recorder worker), the corpus fills on its own', async () => {
  await withJournal(200, 4, async (path, head) => {
    const worker = new Worker(new URL('./history-warm-worker.ts', import.meta.url), { workerData: { path } });
    try {
      const next = () => new Promise<unknown>((resolve) => worker.once('message', resolve));
      assert.equal(await next(), 'ready');
      await new Promise((resolve) => setTimeout(resolve, 500)); // this thread's timer, not the worker's
      worker.postMessage('how far');
      assert.equal(await next(), head, 'every row, in slices of 5, with nothing else waking the worker');
      worker.postMessage('close');
      await new Promise((resolve) => worker.once('exit', resolve));
    } finally {
      await worker.terminate();
    }
  });
});

test('out of memory, the store answers every text by SQL, exactly as with its corpus', async () => {
  await withJournal(120, 8, async (path) => {
    const texts = ['1', ';', '0;', 'a', 'ORD', '-', '7'];
    const rowsOf = async (store: ReturnType<typeof openHistoryStore>, text: string) =>
      (await store.page({ filter: { text }, sort: { column: 'time', direction: 'desc' }, limit: 1000 })).rows.map((r) => r.rowId);
    const filled = openHistoryStore(path, { textScan: { sliceRows: 16 }, limits: { textWindow: 5 } });
    const append = SearchableBytes.prototype.append;
    const search = SearchableBytes.prototype.forEachMatch;
    try {
      filled.warm();
      await new Promise((resolve) => setTimeout(resolve, 20));
      while (filled.textCorpus.filling) await new Promise((resolve) => setTimeout(resolve, 5));
      assert.ok(filled.textCorpus.upTo > 0);
      const expected = new Map<string, number[]>();
      for (const text of texts) expected.set(text, await rowsOf(filled, text));
      // A corpus that can never take a row, and one whose search cannot get its scratch memory.
      SearchableBytes.prototype.append = () => { throw new RangeError('out of memory'); };
      const starved = openHistoryStore(path, { textScan: { sliceRows: 16 }, limits: { textWindow: 5 } });
      try {
        starved.warm();
        await new Promise((resolve) => setTimeout(resolve, 50));
        assert.equal(starved.textCorpus.upTo, 0);
        assert.equal(starved.textCorpus.filling, false, 'filling stopped, no retry loop');
        for (const text of texts) assert.deepEqual(await rowsOf(starved, text), expected.get(text), text);
      } finally {
        await starved.close();
      }
      SearchableBytes.prototype.append = append;
      const again = openHistoryStore(path, { textScan: { sliceRows: 16 }, limits: { textWindow: 5 } });
      try {
        again.warm();
        await new Promise((resolve) => setTimeout(resolve, 20));
        while (again.textCorpus.filling) await new Promise((resolve) => setTimeout(resolve, 5));
        assert.equal(again.textCorpus.upTo, filled.textCorpus.upTo);
        SearchableBytes.prototype.forEachMatch = () => { throw new RangeError('out of memory'); };
        for (const text of texts) assert.deepEqual(await rowsOf(again, text), expected.get(text), text);
      } finally {
        await again.close();
      }
    } finally {
      SearchableBytes.prototype.append = append;
      SearchableBytes.prototype.forEachMatch = search;
      await filled.close();
    }
  });
});
