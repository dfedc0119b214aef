// history-queries.test.ts — the History store over a real journal file written through the real
// ingest path (two accounts in one file): every filter, every sort both ways with ties, keyset pages
// forward and back covering each row exactly once, counts equal to the rows paged — checked against a
// plain model over random data, under planner limits that force every kind of plan — plus lookups,
// an order's lifecycle, raw messages and the errors a caller can cause.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { openHistoryStore, type HistoryStoreOptions, type SqliteHistoryStore } from '../../../electron/core/journal/history-queries.ts';
import { HistoryQueryError } from '../../../shared/history/history-error.ts';
import type { HistoryFilter } from '../../../shared/history/history-filter.ts';
import type { HistoryCursor, HistoryPage, HistoryPageRequest } from '../../../shared/history/history-page.ts';
import { HISTORY_SORT_COLUMNS, type HistorySort } from '../../../shared/history/history-sort.ts';
import {
  ACCOUNTS, execSpecs, executionReport, ingest, modelPage, modelRows, rowIdsOf, SYMBOLS, T0, type ExecSpec, type ModelRow,
} from './history-fixtures.ts';
import { tempDir } from './journal-fixtures.ts';

/**
 * Planner and counter limits that steer every request through a different kind of plan; the corpus
 * tunings open History first (a snapshot) so rare texts are found in the in-memory corpus, filled in
 * slices of a few rows — all of it, or only its first rows (the rest then by SQL).
 */
const TUNINGS: Readonly<Record<string, Pick<HistoryStoreOptions, 'limits' | 'textScan'>>> = {
  default: {},
  'arms and walks': { limits: { smallSet: 0, textWindow: 3, chunkIds: 5, exactLookupCap: 0 } },
  'no arms': { limits: { smallSet: 0, maxArms: 1, textWindow: 1 } },
  'always lookup': { limits: { smallSet: 1_000_000, exactLookupCap: 1_000_000 } },
  'text corpus': { limits: { textWindow: 1 }, textScan: { sliceRows: 7 } },
  'part of a text corpus': { limits: { textWindow: 2 }, textScan: { sliceRows: 5, maxCorpusBytes: 150 } },
};

/** Opens History as the view does (a snapshot) and waits until the text corpus stops filling. */
async function openHistoryView(store: SqliteHistoryStore): Promise<void> {
  await store.snapshot({ filter: {}, sort: { column: 'time', direction: 'desc' }, limit: 1 });
  while (store.textCorpus.filling) await new Promise((resolve) => setTimeout(resolve, 1));
}

const decimal = fc.constantFrom('0', '0.42', '0.4200', '1', '2.5', '9.99', '10', '12.345678', '100', '0.0001');
const time = fc.integer({ min: -1, max: 13 }).map((s) => T0 + s * 1000);

/** Every field of a filter at once (no row would match); a query keeps up to three of them. */
const fullFilter = fc.record({
  accounts: fc.subarray([...ACCOUNTS, 'nobody'], { minLength: 1 }),
  market: fc.oneof(
    fc.record({ kind: fc.constant('exact' as const), tickers: fc.subarray([...SYMBOLS, 'NONE'], { minLength: 1 }) }),
    fc.record({ kind: fc.constant('prefix' as const), prefix: fc.constantFrom('', 'EVA', 'EVA-X', 'EVA-X-', '-', 'A-B', 'Z', 'S') }),
  ),
  events: fc.subarray(['EVA-X', 'EVA-Y', 'EVB-Z', 'EVA', 'SOLO', '-LEAD', 'A-B-C', 'A', ''], { minLength: 1 }),
  sides: fc.subarray(['1', '2'], { minLength: 1 }),
  execTypes: fc.subarray(['0', 'F', '4', '5', '8', 'C'], { minLength: 1 }),
  ordStatuses: fc.subarray(['0', '1', '2', '4', '5', '8', 'C'], { minLength: 1 }),
  time: fc.record({ from: time, to: time }, { requiredKeys: [] }),
  lastQty: fc.record({ min: decimal, max: decimal }, { requiredKeys: [] }),
  lastPx: fc.record({ min: decimal, max: decimal }, { requiredKeys: [] }),
  text: fc.constantFrom('paused', 'abc', 'aBc', '50%', 'under_', 'ÿ', '1003;', 'ZZZ', '%', '_', 'ÜNÏ', 'ord-0'),
});
const FILTER_FIELDS = ['accounts', 'market', 'events', 'sides', 'execTypes', 'ordStatuses', 'time', 'lastQty', 'lastPx', 'text'] as const;
const filters: fc.Arbitrary<HistoryFilter> = fc.tuple(fullFilter, fc.subarray([...FILTER_FIELDS], { maxLength: 3 }))
  .map(([full, keep]) => Object.fromEntries(keep.map((k) => [k, full[k]])) as HistoryFilter);

const sorts: fc.Arbitrary<HistorySort> = fc.record({ column: fc.constantFrom(...HISTORY_SORT_COLUMNS), direction: fc.constantFrom('asc' as const, 'desc' as const) });

/** The pages from the top, following `next`. */
async function pageForward(store: SqliteHistoryStore, request: Omit<HistoryPageRequest, 'after' | 'before'>): Promise<HistoryPage[]> {
  const pages: HistoryPage[] = [];
  let after: HistoryCursor | undefined;
  for (;;) {
    const page = await store.page({ ...request, ...(after === undefined ? {} : { after }) });
    assert.ok(page.rows.length <= request.limit);
    if (after === undefined) assert.equal(page.previous, null, 'the first page has nothing above it');
    else assert.notEqual(page.previous, null, 'a page after a cursor has rows above it');
    pages.push(page);
    if (page.next === null) return pages;
    assert.equal(page.rows.length, request.limit, 'only the last page is short');
    assert.ok(pages.length < 10_000, 'paging ends');
    after = page.next;
  }
}

/** Every row id above a cursor, following `previous` up to the top. */
async function pageBackward(store: SqliteHistoryStore, request: Omit<HistoryPageRequest, 'after' | 'before'>, from: HistoryCursor): Promise<number[]> {
  const pages: number[][] = [];
  let before: HistoryCursor | null = from;
  while (before !== null) {
    const page = await store.page({ ...request, before });
    assert.ok(page.rows.length <= request.limit);
    assert.notEqual(page.next, null, 'a page before a cursor has rows below it');
    pages.unshift(rowIdsOf(page.rows));
    before = page.previous;
  }
  return pages.flat();
}

test('pages cover every matching row exactly once, in order, forward and back, under every plan; counts agree', async () => {
  await fc.assert(
    fc.asyncProperty(execSpecs(10, 80), fc.array(fc.tuple(filters, sorts, fc.integer({ min: 1, max: 9 })), { minLength: 4, maxLength: 6 }), async (specs, queries) => {
      const dir = tempDir();
      try {
        const path = dir.file('h.db');
        const rows = modelRows(specs, ingest(path, specs));
        for (const [tuning, options] of Object.entries(TUNINGS)) {
          const store = openHistoryStore(path, { ...options, countBudgetMs: 0 });
          try {
            if (options.textScan !== undefined) {
              await openHistoryView(store);
              const head = Math.max(...rows.map((r) => r.rowId));
              if (tuning === 'text corpus') assert.equal(store.textCorpus.upTo, head, 'the corpus holds every row');
              else assert.ok(store.textCorpus.upTo < head, 'the capped corpus holds only its first slice');
            }
            for (const [filter, sort, limit] of queries) {
              const expected = modelPage(rows, filter, sort);
              const what = `${tuning}: ${JSON.stringify({ filter, sort, limit })} (${store.explain({ filter, sort, limit })})`;
              const forward = await pageForward(store, { filter, sort, limit });
              assert.deepEqual(forward.flatMap((p) => rowIdsOf(p.rows)), expected, `forward, ${what}`);
              // Back up from the last page's first row, with other page sizes: every row above it, once.
              const lastPage = forward[forward.length - 1]!;
              if (forward.length > 1) {
                const above = await pageBackward(store, { filter, sort, limit: limit + 1 }, lastPage.previous!);
                assert.deepEqual(above, expected.slice(0, expected.length - lastPage.rows.length), `backward, ${what}`);
              }
              const exact = await store.count(filter, { exact: true });
              assert.deepEqual(exact, { value: expected.length, exact: true }, `count, ${what}`);
              const quick = await store.count(filter);
              assert.ok(quick.exact ? quick.value === expected.length : quick.value <= expected.length, `budgeted count, ${what}`);
            }
          } finally {
            await store.close();
          }
        }
      } finally {
        dir.remove();
      }
    }),
    { numRuns: 25 },
  );
});

test('a text alone sorted by time (the quick filter as typed) finds the same rows from the text corpus, whole or part, as by SQL', async () => {
  // Mixed case first: a text that folds to a kept one is answered from the kept rows (history-text-cache.ts).
  const texts = ['aBc', 'ABC', 'abc', 'ord-0', '1003;', 'PAUSED', 'ÜNÏ', 'ünï', '50%', '_', 'zzz'];
  await fc.assert(
    fc.asyncProperty(execSpecs(20, 80), async (specs) => {
      const dir = tempDir();
      try {
        const path = dir.file('h.db');
        const rows = modelRows(specs, ingest(path, specs));
        for (const tuning of ['no arms', 'text corpus', 'part of a text corpus']) {
          const options = TUNINGS[tuning]!;
          const store = openHistoryStore(path, { ...options, countBudgetMs: 0 });
          try {
            if (options.textScan !== undefined) await openHistoryView(store);
            for (const text of texts) {
              // Newest first before oldest first: the first page of a new text, newest first, is read from
              // the corpus only as far as it needs (TextCorpus.newestMatches), not from a kept match.
              for (const direction of ['desc', 'asc'] as const) {
                const sort: HistorySort = { column: 'time', direction };
                const expected = modelPage(rows, { text }, sort);
                const forward = await pageForward(store, { filter: { text }, sort, limit: 4 });
                assert.deepEqual(forward.flatMap((p) => rowIdsOf(p.rows)), expected, `${tuning}: ${text} ${direction}`);
              }
              assert.deepEqual(await store.count({ text }, { exact: true }), { value: modelPage(rows, { text }, { column: 'time', direction: 'asc' }).length, exact: true });
              // An idle moment, as between keystrokes: a text read only in part is gathered whole then.
              await new Promise((resolve) => setImmediate(resolve));
            }
          } finally {
            await store.close();
          }
        }
      } finally {
        dir.remove();
      }
    }),
    { numRuns: 15 },
  );
});

/** A journal holding `specs` and a store over it (default limits). */
async function withStore(specs: readonly ExecSpec[], run: (store: SqliteHistoryStore, rows: ModelRow[], path: string) => Promise<void>): Promise<void> {
  const dir = tempDir();
  try {
    const path = dir.file('h.db');
    const rows = modelRows(specs, ingest(path, specs));
    const store = openHistoryStore(path);
    try {
      await run(store, rows, path);
    } finally {
      await store.close();
    }
  } finally {
    dir.remove();
  }
}

const spec = (over: Partial<ExecSpec> & Pick<ExecSpec, 'execId'>): ExecSpec => ({
  account: 0, orderId: 'ord-1', clOrdId: `cl-${over.execId}`, symbol: 'EVA-X-1', side: '1', execType: 'F', ordStatus: '1', time: T0,
  lastQty: '1', lastPx: '0.42', cumQty: '1', avgPx: '0.42', fee: undefined, text: undefined, ...over,
});

test('rows by ExecID and by row id carry every column, the account and the event time', async () => {
  await withStore([
    spec({ execId: '9;1', account: 1, symbol: 'EVB-Z-9', side: '2', lastQty: '12.50', lastPx: '0.0700', fee: '0.0100', text: 'hello', time: T0 + 5 }),
    spec({ execId: '9;2' }),
    // The other side of the same trade, in the other watched account: the same ExecID.
    spec({ execId: '9;1', account: 0, side: '1', time: T0 + 5 }),
  ], async (store, rows) => {
    const both = await store.byExecId('9;1');
    assert.deepEqual(both.map((r) => r.rowId), [rows[0]!.rowId, rows[2]!.rowId].sort((a, b) => a - b), 'one row per account, oldest first');
    const row = both.find((r) => r.account === ACCOUNTS[1]);
    const otherSide = both.find((r) => r.account === ACCOUNTS[0]);
    assert.ok(row !== undefined && otherSide !== undefined);
    assert.equal(otherSide.side, '1');
    assert.equal(row.rowId, rows[0]!.rowId);
    assert.deepEqual(
      [row.account, row.symbol, row.side, row.execType, row.ordStatus, row.lastQty, row.lastPx, row.cumQty, row.avgPx, row.fee, row.text, row.eventAt],
      [ACCOUNTS[1], 'EVB-Z-9', '2', 'F', '1', '12.50', '0.0700', '1', '0.42', '0.0100', 'hello', T0 + 5],
      'decimals exactly as received',
    );
    assert.deepEqual(await store.byRowId(row.rowId), row);
    assert.deepEqual(await store.byExecId('9;404'), []);
    assert.equal(await store.byRowId(10_000), undefined);
  });
});

test("an order's lifecycle is its executions in event order (TransactTime, then arrival), whatever order they arrived in", async () => {
  await withStore([
    spec({ execId: '1;1', orderId: 'ord-A', execType: '0', ordStatus: '0', time: T0 + 1000 }),
    spec({ execId: '1;2', orderId: 'ord-B', time: T0 + 1500 }),
    spec({ execId: '1;3', orderId: 'ord-A', execType: 'F', ordStatus: '2', time: T0 + 3000 }),
    // A late backfilled fill of the same order: earlier TransactTime, stored last.
    spec({ execId: '1;4', orderId: 'ord-A', execType: 'F', ordStatus: '1', time: T0 + 2000 }),
    spec({ execId: '1;5', orderId: 'ord-A', execType: 'F', ordStatus: '1', time: T0 + 2000 }),
  ], async (store) => {
    assert.deepEqual((await store.orderLifecycle('ord-A')).map((r) => r.execId), ['1;1', '1;4', '1;5', '1;3']);
    assert.deepEqual(await store.orderLifecycle('ord-none'), []);
  });
});

test("an order's lifecycle from the text corpus is the table's: the id in another field is not the order, and rows past the corpus are read too", async () => {
  const first = [
    spec({ execId: '2;1', orderId: 'ord-C', execType: '0', ordStatus: '0', time: T0 + 1000 }),
    // OrderID ord-C written in another order's ClOrdID and Text: the corpus matches them, the order does not.
    spec({ execId: '2;2', orderId: 'ord-D', clOrdId: 'ord-C', text: 'after ORD-C', time: T0 + 1100 }),
    spec({ execId: '2;3', orderId: 'ord-C', execType: 'F', ordStatus: '1', account: 1, time: T0 + 2000 }),
    ...Array.from({ length: 30 }, (_, i) => spec({ execId: `2;${10 + i}`, orderId: `ord-x${i}`, time: T0 + 1200 + i })),
  ];
  const later = [
    spec({ execId: '2;4', orderId: 'ord-C', execType: 'F', ordStatus: '2', time: T0 + 1500 }),
    spec({ execId: '2;5', orderId: 'ord-D', text: 'ord-C', time: T0 + 3000 }),
  ];
  const dir = tempDir();
  try {
    // Whole, and capped after its first rows (the rest of the table then scanned).
    for (const [n, textScan] of [{ sliceRows: 4 }, { sliceRows: 4, maxCorpusBytes: 60 }].entries()) {
      const path = dir.file(`h${n}.db`);
      ingest(path, first);
      const corpus = openHistoryStore(path, { textScan });
      const table = openHistoryStore(path);
      try {
        await openHistoryView(corpus);
        assert.ok(corpus.textCorpus.upTo > 0, 'the corpus holds rows');
        const lifecycle = async (store: SqliteHistoryStore, orderId: string) => (await store.orderLifecycle(orderId)).map((r) => r.execId);
        assert.deepEqual(await lifecycle(corpus, 'ord-C'), ['2;1', '2;3']);
        assert.deepEqual(await lifecycle(corpus, 'ord-D'), ['2;2']);
        assert.deepEqual(await lifecycle(corpus, 'ORD-c'), [], 'an OrderID is matched exactly, not as the quick filter folds case');
        ingest(path, later); // committed after the corpus was filled
        assert.deepEqual(await lifecycle(corpus, 'ord-C'), ['2;1', '2;4', '2;3']);
        for (const orderId of ['ord-C', 'ord-D', 'ord-x7', 'ord-none']) {
          assert.deepEqual(await corpus.orderLifecycle(orderId), await table.orderLifecycle(orderId), orderId);
        }
      } finally {
        await corpus.close();
        await table.close();
      }
    }
  } finally {
    dir.remove();
  }
});

test('the raw message of a row is the frame as received, byte for byte', async () => {
  const specs = [spec({ execId: '3;1', text: 'raw' }), spec({ execId: '3;2', account: 1 }), spec({ execId: '3;3' })];
  await withStore(specs, async (store, rows) => {
    for (const [index, row] of rows.entries()) {
      const raw = await store.rawMessage(row.rowId);
      assert.ok(raw !== undefined);
      // Each account numbers its own messages from 1, in the order its executions were written.
      const seq = specs.filter((s, i) => s.account === row.account && i <= index).length;
      assert.deepEqual(Buffer.from(raw.bytes), executionReport(seq, specs[index]!).raw);
      assert.equal(raw.msgSeqNum, seq);
      assert.equal(raw.rowId, row.rowId);
      assert.ok(raw.receivedAt > T0);
    }
    assert.equal(await store.rawMessage(10_000), undefined);
  });
});

test('filters compare decimals exactly, match events as eventTickerOf does and text without wildcards or ASCII case', async () => {
  await withStore([
    spec({ execId: '5;1', lastPx: '0.42', lastQty: '10', symbol: 'KXA-26NOV24-B1', text: '50% off' }),
    spec({ execId: '5;2', lastPx: '0.4200', lastQty: '9.99', symbol: 'KXA-26NOV24-B1-X' }),
    spec({ execId: '5;3', lastPx: '0.4201', lastQty: '100', symbol: 'KXA-26NOV24', text: 'Half_Way' }),
    spec({ execId: '5;4', execType: '0', ordStatus: '0', lastPx: undefined, lastQty: undefined, symbol: 'KXA' }),
  ], async (store) => {
    const ids = async (filter: HistoryFilter): Promise<string[]> =>
      (await store.page({ filter, sort: { column: 'time', direction: 'asc' }, limit: 10 })).rows.map((r) => r.execId);
    assert.deepEqual(await ids({ lastPx: { min: '0.42', max: '0.42' } }), ['5;1', '5;2'], '0.42 = 0.4200, and 0.4201 is more');
    assert.deepEqual(await ids({ lastQty: { min: '9.99', max: '10' } }), ['5;1', '5;2'], '10 > 9.99 (as text it would be less)');
    assert.deepEqual(await ids({ lastQty: { max: '1000000' } }), ['5;1', '5;2', '5;3'], 'an ack has no LastQty');
    assert.deepEqual(await ids({ events: ['KXA-26NOV24'] }), ['5;1'], 'KXA-26NOV24-B1-X belongs to event KXA-26NOV24-B1');
    assert.deepEqual(await ids({ events: ['KXA'] }), ['5;3', '5;4']);
    assert.deepEqual(await ids({ market: { kind: 'prefix', prefix: 'KXA-26' } }), ['5;1', '5;2', '5;3']);
    assert.deepEqual(await ids({ text: '%' }), ['5;1'], '% is a character, not a wildcard');
    assert.deepEqual(await ids({ text: 'f_w' }), ['5;3'], '_ likewise; and case is ignored');
    assert.deepEqual(await ids({ text: 'half' }), ['5;3']);
    assert.deepEqual(await ids({ sides: [] }), [], 'an empty list matches nothing');
  });
});

test('requests a caller gets wrong are refused with a HistoryQueryError kind', async () => {
  await withStore([spec({ execId: '6;1' }), spec({ execId: '6;2' })], async (store) => {
    const sort: HistorySort = { column: 'time', direction: 'asc' };
    const kind = (k: string) => (e: unknown) => e instanceof HistoryQueryError && e.kind === k;
    const first = await store.page({ filter: {}, sort, limit: 1 });
    assert.ok(first.next !== null);
    await assert.rejects(store.page({ filter: {}, sort: { column: 'market', direction: 'asc' }, limit: 1, after: first.next }), kind('bad-cursor'), 'a cursor of another sort');
    await assert.rejects(store.page({ filter: {}, sort, limit: 1, after: 'nonsense' as HistoryCursor }), kind('bad-cursor'));
    await assert.rejects(store.page({ filter: {}, sort, limit: 1, after: first.next, before: first.next }), kind('bad-cursor'));
    await assert.rejects(store.page({ filter: {}, sort, limit: 0 }), kind('bad-limit'));
    await assert.rejects(store.page({ filter: {}, sort, limit: 1001 }), kind('bad-limit'));
    await assert.rejects(store.page({ filter: {}, sort: { column: 'nope' as 'time', direction: 'asc' }, limit: 1 }), kind('bad-sort'));
    await assert.rejects(store.page({ filter: { lastPx: { min: '0.1e3' } }, sort, limit: 1 }), kind('bad-filter'));
    await assert.rejects(store.page({ filter: { lastPx: { min: '0.0000001' } }, sort, limit: 1 }), kind('bad-filter'), 'more than 6 places');
    await assert.rejects(store.page({ filter: { sides: 'buy' as unknown as string[] }, sort, limit: 1 }), kind('bad-filter'));
    await assert.rejects(store.page({ filter: { time: { from: 1.5 } }, sort, limit: 1 }), kind('bad-filter'));
    await assert.rejects(store.changesSince('12' as never), kind('bad-position'));
    await assert.rejects(store.count({ market: { kind: 'fuzzy' } as never }), kind('bad-filter'));
  });
});
