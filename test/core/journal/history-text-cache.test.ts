// history-text-cache.test.ts — a rare quick-filter text is scanned once; a longer text that contains
// it (the next keystroke) reads only its rows, plus every row committed after the scan, against a real
// journal file: the plan says so, pages and exact counts equal the model's, rows appended afterwards are
// found, and a text that does not contain the kept one scans again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openHistoryStore } from '../../../electron/core/journal/history-queries.ts';
import type { HistorySort } from '../../../shared/history/history-sort.ts';
import { ingest, modelPage, modelRows, rowIdsOf, T0, type ExecSpec } from './history-fixtures.ts';
import { tempDir } from './journal-fixtures.ts';

const spec = (n: number, over: Partial<ExecSpec> = {}): ExecSpec => ({
  account: (n % 2) as 0 | 1, execId: `${5000 + (n % 40)};${n}`, orderId: `ord-${n}`, clOrdId: `cl-${n}`, symbol: n % 3 === 0 ? 'EVA-X-1' : 'EVB-Z-9',
  side: n % 2 === 0 ? '1' : '2', execType: 'F', ordStatus: '1', time: T0 + n * 1000, lastQty: '1', lastPx: '0.42', cumQty: '1', avgPx: '0.42',
  fee: undefined, text: n % 50 === 7 ? 'Self cross at 5017' : undefined, ...over,
});

test('a longer text after a rare one reads only the rows it matched (and rows committed since); pages and counts stay exact', async () => {
  const dir = tempDir();
  try {
    const path = dir.file('t.db');
    const first = Array.from({ length: 300 }, (_, i) => spec(i));
    const rows = modelRows(first, ingest(path, first));
    // textWindow 1: a time-sorted text match walks one row, then takes the scan step (where the cache fills).
    const store = openHistoryStore(path, { limits: { textWindow: 1 } });
    try {
      const newest: HistorySort = { column: 'time', direction: 'desc' };
      const page = async (text: string, limit = 50) => rowIdsOf((await store.snapshot({ filter: { text }, sort: newest, limit })).page.rows);
      assert.equal(store.explain({ filter: { text: '5017' }, sort: newest, limit: 5 }), 'walk(executions_by_time, window)+scan', 'nothing kept yet');
      assert.deepEqual(await page('5017'), modelPage(rows, { text: '5017' }, newest).slice(0, 50));
      // '5017;' refines '5017' (case folded for letters): read from the kept rows.
      assert.equal(store.explain({ filter: { text: '5017;' }, sort: newest, limit: 5 }), 'lookup(text)+sort');
      for (const text of ['5017;', '5017;17', '5017;217', 'SELF CROSS AT 5017']) {
        assert.deepEqual(await page(text), modelPage(rows, { text }, newest).slice(0, 50), text);
        assert.deepEqual(await store.count({ text }), { value: modelPage(rows, { text }, newest).length, exact: true }, `count ${text}`);
      }
      // With other filters and another sort, forward through every page.
      const bySide = { text: '5017;', sides: ['2'] };
      const byPx: HistorySort = { column: 'lastPx', direction: 'asc' };
      let all: number[] = [];
      for (let p = await store.page({ filter: bySide, sort: byPx, limit: 2 }); ; p = await store.page({ filter: bySide, sort: byPx, limit: 2, after: p.next! })) {
        all = [...all, ...rowIdsOf(p.rows)];
        if (p.next === null) break;
      }
      assert.deepEqual(all, modelPage(rows, bySide, byPx));

      // Rows committed after the scan are found too.
      const more = Array.from({ length: 60 }, (_, i) => spec(300 + i));
      const later = modelRows([...first, ...more], ingest(path, more));
      assert.deepEqual(await page('5017;3', 100), modelPage(later, { text: '5017;3' }, newest));
      assert.deepEqual(await store.count({ text: '5017;3' }), { value: modelPage(later, { text: '5017;3' }, newest).length, exact: true });
      // A text that does not contain a kept one scans again.
      assert.equal(store.explain({ filter: { text: '5018' }, sort: newest, limit: 5 }), 'walk(executions_by_time, window)+scan');
      assert.deepEqual(await page('5018', 100), modelPage(later, { text: '5018' }, newest));
    } finally {
      await store.close();
    }
  } finally {
    dir.remove();
  }
});
