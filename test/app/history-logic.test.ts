// The History view's pure logic: the filter boxes → the query (invalid boxes left out and explained),
// the saved layout (read back part by part, damaged parts at their defaults), the window of pages
// (bounded, cursors at its ends, no row twice) and live rows joining where the service's sort puts them.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { HistoryRowWire, HistorySortWire } from '../../shared/ipc/contract.ts';
import { HISTORY_COLUMN_IDS } from '../../shared/history/export-columns.ts';
import { activeFilterCount, EMPTY_FORM, filterFromForm } from '../../renderer/state/history/filter-form.ts';
import { DEFAULT_LAYOUT, loadLayout, parseLayout, saveLayout, serializeLayout } from '../../renderer/state/history/layout.ts';
import { compareRows } from '../../renderer/state/history/row-order.ts';
import { appendPage, bottomCursor, EMPTY_WINDOW, insertLive, MAX_BASE, prependPage, topCursor, windowOf } from '../../renderer/state/history/row-window.ts';
import { visibleColumns } from '../../renderer/state/history/export-actions.ts';
import { sampleRecord } from './support/samples.ts';

const row = (rowId: number, patch: Partial<HistoryRowWire> = {}): HistoryRowWire => ({ ...sampleRecord, rowId, account: 'k', eventAt: 1_000 + rowId, balanceChange: null, ...patch });
const ids = (rows: readonly HistoryRowWire[]) => rows.map((r) => r.rowId);

describe('filter boxes → query', () => {
  test('an empty form is no filter; each box maps to its HistoryFilter field', () => {
    assert.deepEqual(filterFromForm(EMPTY_FORM), { filter: {}, problems: {} });
    const { filter, problems } = filterFromForm({
      ...EMPTY_FORM, text: ' abc ', accounts: ['k1'], market: 'kxhighny-26', sides: ['2'], execTypes: ['F', '4'], ordStatuses: ['2'],
      from: '2026-11-24T14:00', to: '2026-11-24T15:30:05', qtyMin: '1', qtyMax: '10.5', pxMin: '0.42', pxMax: '',
    });
    assert.deepEqual(problems, {});
    assert.deepEqual(filter, {
      text: 'abc', accounts: ['k1'], market: { kind: 'prefix', prefix: 'KXHIGHNY-26' }, sides: ['2'], execTypes: ['F', '4'], ordStatuses: ['2'],
      time: { from: Date.UTC(2026, 10, 24, 14, 0), to: Date.UTC(2026, 10, 24, 15, 30, 5) }, lastQty: { min: '1', max: '10.5' }, lastPx: { min: '0.42' },
    });
  });

  test('a box that is not a valid value is left out and says what to type; the rest still applies', () => {
    const { filter, problems } = filterFromForm({ ...EMPTY_FORM, sides: ['1'], pxMin: '0.4.2', qtyMin: '5', qtyMax: '2', from: 'yesterday', pxMax: '0.1234567' });
    assert.deepEqual(filter, { sides: ['1'] });
    assert.deepEqual(Object.keys(problems).sort(), ['from', 'pxMax', 'pxMin', 'qtyMax']);
    assert.equal(filterFromForm({ ...EMPTY_FORM, from: '2026-11-24T15:00', to: '2026-11-24T14:00' }).problems.to, 'Must be after the start.');
    assert.equal(activeFilterCount({ ...EMPTY_FORM, text: 'x', sides: ['1'], pxMin: '1' }), 2, 'the quick filter is not counted');
  });
});

describe('layout persistence', () => {
  test('a saved layout reads back equal', () => {
    const layout = { ...DEFAULT_LAYOUT, columnOrder: ['market', ...DEFAULT_LAYOUT.columnOrder.filter((c) => c !== 'market')], columnSizing: { market: 300 }, sort: { column: 'lastPx', direction: 'asc' } as const, form: { ...EMPTY_FORM, text: 'x' } };
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    saveLayout(storage, layout);
    assert.deepEqual(loadLayout(storage), layout);
    assert.deepEqual(visibleColumns(layout).slice(0, 2), ['market', 'time']);
  });

  test('damaged or missing parts fall back to their defaults, unknown columns are dropped, new ones appended', () => {
    assert.deepEqual(parseLayout(null), DEFAULT_LAYOUT);
    assert.deepEqual(parseLayout('{not json'), DEFAULT_LAYOUT);
    const read = parseLayout(JSON.stringify({ columnOrder: ['fee', 'gone', 'fee'], columnVisibility: { fee: false, gone: true, time: 'no' }, columnSizing: { fee: 5, time: 9999, x: 3 }, sort: { column: 'text', direction: 'asc' }, form: { text: 7, sides: ['1', 2] } }));
    assert.deepEqual(read.columnOrder, ['fee', ...HISTORY_COLUMN_IDS.filter((c) => c !== 'fee')]);
    assert.deepEqual(read.columnVisibility, { fee: false });
    assert.deepEqual(read.columnSizing, { fee: 40, time: 800 });
    assert.deepEqual(read.sort, DEFAULT_LAYOUT.sort);
    assert.deepEqual(read.form, { ...EMPTY_FORM, sides: ['1'] });
    assert.equal(parseLayout(serializeLayout(read)).columnOrder.length, HISTORY_COLUMN_IDS.length);
  });
});

describe('the window of pages', () => {
  const page = (from: number, to: number, previous: string | null, next: string | null) => ({ rows: Array.from({ length: to - from + 1 }, (_, i) => row(from + i)), previous, next });

  test('appending beyond the limit drops pages from the top; prepending drops from the bottom; the ends keep their cursors', () => {
    let w = windowOf([page(1, 3, null, 'c3')]);
    for (const [from, cursor] of [[4, 'c6'], [7, 'c9']] as const) w = appendPage(w, page(from, from + 2, `p${from}`, cursor), 2).window;
    assert.deepEqual(ids(w.rows), [4, 5, 6, 7, 8, 9]);
    assert.equal(topCursor(w), 'p4');
    assert.equal(bottomCursor(w), 'c9');
    const up = prependPage(w, page(1, 3, null, 'c3'), 2);
    assert.equal(up.added, 3);
    assert.deepEqual(ids(up.window.rows), [1, 2, 3, 4, 5, 6]);
    assert.equal(topCursor(up.window), null);
    const twice = appendPage(windowOf([page(1, 3, null, 'c3')]), page(3, 5, 'p3', null), 4);
    assert.deepEqual(ids(twice.window.rows), [1, 2, 3, 4, 5], 'a row already held is not shown twice');
  });

  test('rows keep their places as pages come and go, so the rows on screen never move; only rows arriving or gone above move them', () => {
    // Scrolling down: each page dropped from the top leaves its places blank (base), nothing moves.
    let w = windowOf([page(1, 3, null, 'c3')]);
    const placeOf = (win: typeof w, id: number) => win.base + win.rows.findIndex((r) => r.rowId === id);
    for (const [from, cursor] of [[4, 'c6'], [7, 'c9'], [10, 'c12']] as const) {
      const before = placeOf(w, from - 1);
      const down = appendPage(w, page(from, from + 2, `p${from}`, cursor), 2);
      assert.equal(down.moved, 0);
      w = down.window;
      assert.equal(placeOf(w, from - 1), before, `row ${from - 1} stays at its place`);
    }
    assert.equal(w.base, 6, 'rows 1–6 left the top: rows 7–12 are at places 6–11');
    assert.deepEqual([placeOf(w, 7), placeOf(w, 12)], [6, 11]);
    // Scrolling back up reads the pages again into the same places.
    const up = prependPage(w, page(4, 6, 'p4', 'c6'), 2);
    assert.deepEqual([up.window.base, up.moved, placeOf(up.window, 7)], [3, 0, 6]);
    const top = prependPage(up.window, page(1, 3, null, 'c3'), 2);
    assert.deepEqual([top.window.base, top.moved, placeOf(top.window, 4)], [0, 0, 3]);
    // Two rows committed above since the top page was read: the rows shown move down by two.
    const grown = prependPage(up.window, { rows: [row(20), row(21), ...page(1, 3, null, 'c3').rows], previous: null, next: 'c3' }, 2);
    assert.deepEqual([grown.window.base, grown.moved, placeOf(grown.window, 4)], [0, 2, 5]);
    // A window that began mid-result at place 0 (a notification's row): the page above moves it down.
    const located = prependPage(windowOf([page(7, 9, 'p7', 'c9')]), page(4, 6, 'p4', 'c6'), 4);
    assert.deepEqual([located.window.base, located.moved, placeOf(located.window, 7)], [0, 3, 3]);
    // Places start again from 0 before the scroll height outgrows what a browser lays out.
    const far = appendPage(windowOf([page(1, 3, 'p1', 'c3')], MAX_BASE - 1), page(4, 6, 'p4', 'c6'), 1);
    assert.deepEqual([far.window.base, far.moved], [0, -(MAX_BASE + 2)]);
  });

  test('live rows join where the sort puts them, only inside the loaded range; `above` counts those before the first row on screen', () => {
    const sort: HistorySortWire = { column: 'lastPx', direction: 'desc' };
    const px = (rowId: number, lastPx: string) => row(rowId, { lastPx });
    const w = windowOf([{ rows: [px(1, '0.90'), px(2, '0.70')], previous: null, next: 'n' }, { rows: [px(3, '0.50'), px(4, '0.30')], previous: 'p', next: 'n2' }]);
    const { window, inserted, above } = insertLive(w, [px(10, '0.95'), px(11, '0.60'), px(12, '0.10'), px(2, '0.70')], sort, 2);
    assert.deepEqual(ids(window.rows), [10, 1, 2, 11, 3, 4], '0.10 lies beyond the loaded end (a later page brings it); row 2 is already shown');
    assert.equal(inserted, 2);
    assert.equal(above, 2, 'both new rows sort before row 3, the first on screen');
    assert.deepEqual(ids(insertLive(EMPTY_WINDOW, [px(5, '0.1'), px(6, '0.9')], sort, 0).window.rows), [6, 5]);
  });

  test('the order is the service\'s: exact decimal value (missing first ascending), then event time, then row id', () => {
    const asc: HistorySortWire = { column: 'lastPx', direction: 'asc' };
    const rows = [row(1, { lastPx: '0.4200' }), row(2, { lastPx: '0.42' }), row(3, { lastPx: null }), row(4, { lastPx: '0.5' }), row(5, { lastPx: '0.042' })];
    assert.deepEqual(ids([...rows].sort((a, b) => compareRows(a, b, asc))), [3, 5, 1, 2, 4]);
    assert.deepEqual(ids([...rows].sort((a, b) => compareRows(a, b, { column: 'time', direction: 'desc' }))), [5, 4, 3, 2, 1]);
  });
});
