// History's requests through the IpcDoor (contract checks on both sides) over a real journal written
// through the real ingest path: snapshot and pages equal the model of history-fixtures.ts; a row is
// located in its page for every sort (history.around) and only when the filter matches it; the raw
// message comes decoded with tag and enum names; a bad cursor is the typed 'bad-query' error; an
// export is written through the save dialog page by page with progress, and cancelling one leaves no file.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { openHistoryStore, type SqliteHistoryStore } from '../../electron/core/journal/history-queries.ts';
import { encodeAll } from '../../electron/main/history/export-format.ts';
import { runExport } from '../../electron/main/history/export-job.ts';
import { historyRequestHandlers } from '../../electron/main/history/history-handlers.ts';
import { HistoryExports } from '../../electron/main/history/history-exports.ts';
import { IpcDoor, trustOrigins, type RequestHandlers } from '../../electron/main/ipc/ipc-door.ts';
import { exportColumnsOf } from '../../shared/history/export-columns.ts';
import type { HistoryFilter } from '../../shared/history/history-filter.ts';
import { HISTORY_SORT_COLUMNS, type HistorySort } from '../../shared/history/history-sort.ts';
import type { ExportProgressWire, IpcResult } from '../../shared/ipc/contract.ts';
import type { RecorderApi } from '../../shared/service/recorder-api.ts';
import { execSpecs, ingest, modelPage, modelRows, type ModelRow } from '../core/journal/history-fixtures.ts';
import { tempDir } from '../core/journal/journal-fixtures.ts';

const ours = { url: 'app://fillwatch/index.html', isMainFrame: true };

describe('History requests over a journal', () => {
  let temp: ReturnType<typeof tempDir>;
  let dir: string;
  let store: SqliteHistoryStore;
  let rows: ModelRow[];
  let door: IpcDoor;
  let exports: HistoryExports;
  const progress: ExportProgressWire[] = [];
  let saveTo: string | null = null;

  before(() => {
    temp = tempDir('fillwatch-history-ipc-');
    dir = temp.path;
    const path = join(dir, 'journal.db');
    const specs = fc.sample(execSpecs(150, 150), { seed: 12, numRuns: 1 })[0]!;
    rows = modelRows(specs, ingest(path, specs));
    store = openHistoryStore(path);
    const recorder = { history: (method: string, ...args: unknown[]) => (store as unknown as Record<string, (...a: unknown[]) => unknown>)[method]!(...args) } as unknown as Pick<RecorderApi, 'history'>;
    exports = new HistoryExports(() => recorder);
    exports.onProgress((p) => progress.push(p));
    const handlers = historyRequestHandlers({ recorder: () => recorder, exports, saveFile: async () => saveTo, now: () => new Date(Date.UTC(2026, 10, 24)) });
    door = new IpcDoor(handlers as unknown as RequestHandlers, trustOrigins(['app://fillwatch']));
  });

  after(async () => {
    await exports.close();
    await store.close();
    temp.remove();
  });

  async function call<T>(name: string, payload: unknown): Promise<IpcResult<T>> {
    return await door.handle(`fillwatch:${name}`, ours, payload) as IpcResult<T>;
  }
  async function ok<T>(name: string, payload: unknown): Promise<T> {
    const answer = await call<T>(name, payload);
    assert.ok(answer.ok, `${name}: ${JSON.stringify(answer)}`);
    return answer.value;
  }

  type Page = { rows: { rowId: number }[]; next: string | null; previous: string | null };
  const filters: HistoryFilter[] = [{}, { execTypes: ['F'] }, { market: { kind: 'prefix', prefix: 'EVA' }, sides: ['2'] }, { lastPx: { min: '0.42', max: '10' } }, { text: 'abc' }];

  test('a snapshot and the pages after it, as of its position, are exactly the model\'s rows', async () => {
    for (const filter of filters) {
      for (const sort of [{ column: 'time', direction: 'desc' }, { column: 'lastPx', direction: 'asc' }, { column: 'market', direction: 'desc' }] as HistorySort[]) {
        const first = await ok<{ page: Page; position: string }>('history.snapshot', { filter, sort, limit: 40 });
        const seen = first.page.rows.map((r) => r.rowId);
        let next = first.page.next;
        while (next !== null) {
          const page = await ok<Page>('history.page', { filter, sort, limit: 40, after: next, asOf: first.position });
          seen.push(...page.rows.map((r) => r.rowId));
          next = page.next;
        }
        assert.deepEqual(seen, modelPage(rows, filter, sort), `${JSON.stringify(filter)} by ${sort.column} ${sort.direction}`);
        const count = await ok<{ value: number; exact: boolean }>('history.count', { filter });
        if (count.exact) assert.equal(count.value, seen.length);
      }
    }
  });

  test('history.around puts a row in the middle of its page, in every sort, and only when the filter matches it', async () => {
    for (const column of HISTORY_SORT_COLUMNS) {
      for (const direction of ['asc', 'desc'] as const) {
        for (const filter of [{}, { execTypes: ['F'] }] as HistoryFilter[]) {
          const order = modelPage(rows, filter, { column, direction });
          for (const target of [rows[3]!, rows[77]!, rows[149]!]) {
            const answer = await ok<{ page: Page; index: number } | null>('history.around', { filter, sort: { column, direction }, limit: 10, rowId: target.rowId });
            const at = order.indexOf(target.rowId);
            if (at < 0) {
              assert.equal(answer, null, `${column} ${direction}: a row the filter excludes is not placed`);
              continue;
            }
            assert.ok(answer !== null, `${column} ${direction}: row ${target.rowId} is placed`);
            assert.deepEqual(answer.page.rows.map((r) => r.rowId), order.slice(Math.max(0, at - 5), at + 6), `${column} ${direction} around ${target.rowId}`);
            assert.equal(answer.page.rows[answer.index]!.rowId, target.rowId);
            assert.equal(answer.page.previous === null, at - 5 <= 0);
            assert.equal(answer.page.next === null, at + 6 >= order.length);
          }
        }
      }
    }
  });

  test('the row, its order\'s lifecycle and its raw message decoded with tag and enum names', async () => {
    const fill = rows.find((r) => r.execType === 'F')!;
    const row = await ok<{ execId: string; orderId: string }>('history.row', { rowId: fill.rowId });
    assert.equal(row.execId, fill.execId);
    const lifecycle = await ok<{ orderId: string }[]>('history.lifecycle', { orderId: fill.orderId });
    assert.deepEqual(lifecycle.map((r) => r.orderId), rows.filter((r) => r.orderId === fill.orderId).map((r) => r.orderId));
    const raw = await ok<{ fields: { tag: number; name: string | null; value: string; meaning: string | null }[] }>('history.rawMessage', { rowId: fill.rowId });
    assert.deepEqual(raw.fields.find((f) => f.tag === 150), { tag: 150, name: 'ExecType', value: 'F', meaning: 'Trade' });
    assert.deepEqual(raw.fields.find((f) => f.tag === 17), { tag: 17, name: 'ExecID', value: fill.execId, meaning: null });
    assert.equal(raw.fields[0]!.tag, 8, 'fields in wire order');
    assert.equal(await ok('history.row', { rowId: 999_999 }), null);
    assert.equal(await ok('history.rawMessage', { rowId: 999_999 }), null);
  });

  test('a refused query is the typed bad-query error; a bad payload never reaches the store', async () => {
    const answer = await call('history.page', { filter: {}, sort: { column: 'time', direction: 'asc' }, limit: 10, after: 'not-a-cursor' });
    assert.equal(answer.ok, false);
    assert.equal(!answer.ok && answer.error.kind, 'bad-query');
    assert.match(!answer.ok ? answer.error.message : '', /cursor is not valid/);
    const bad = await call('history.page', { filter: { lastPx: { min: 0.42 } }, sort: { column: 'time', direction: 'asc' }, limit: 10 });
    assert.equal(!bad.ok && bad.error.kind, 'invalid-payload');
    const badSort = await call('history.page', { filter: {}, sort: { column: 'text', direction: 'asc' }, limit: 10 });
    assert.equal(!badSort.ok && badSort.error.kind, 'invalid-payload');
  });

  test('an export goes through the save dialog and writes exactly the view\'s rows, with progress; a cancelled dialog starts nothing', async () => {
    const filter: HistoryFilter = { execTypes: ['F'] };
    const sort: HistorySort = { column: 'lastPx', direction: 'desc' };
    const columns = ['time', 'market', 'side', 'lastQty', 'lastPx', 'execId', 'text'];
    saveTo = null;
    assert.deepEqual(await ok('history.export', { format: 'csv', filter, sort, columns }), { started: false });
    saveTo = join(dir, 'out.csv');
    const started = await ok<{ started: true; exportId: string; path: string }>('history.export', { format: 'csv', filter, sort, columns });
    assert.equal(started.path, saveTo);
    await waitFor(() => progress.some((p) => p.exportId === started.exportId && p.state !== 'running'));
    const last = progress.filter((p) => p.exportId === started.exportId).at(-1)!;
    const order = modelPage(rows, filter, sort);
    assert.equal(last.state, 'done');
    assert.equal(last.rows, order.length);
    const expected = encodeAll('csv', exportColumnsOf(columns)!, await Promise.all(order.map(async (id) => (await store.byRowId(id))!)));
    assert.equal(readFileSync(saveTo, 'utf8'), expected);
    assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.part')), [], 'no part file is left');
    const unknown = await call('history.export', { format: 'csv', filter, sort, columns: ['nope'] });
    assert.equal(!unknown.ok && unknown.error.kind, 'invalid-payload');
  });

  test('a cancelled export stops between pages and leaves no file', async () => {
    const abort = new AbortController();
    const path = join(dir, 'cancelled.json');
    const outcome = await runExport({
      recorder: { history: ((method: string, ...args: unknown[]) => (store as unknown as Record<string, (...a: unknown[]) => unknown>)[method]!(...args)) as RecorderApi['history'] },
      path, format: 'json', columns: exportColumnsOf(['execId'])!, filter: {}, sort: { column: 'time', direction: 'asc' }, signal: abort.signal, pageRows: 10,
      onProgress: (written) => { if (written >= 20) abort.abort(); },
    });
    assert.deepEqual(outcome, { state: 'cancelled', rows: 20 });
    assert.equal(existsSync(path), false);
    assert.equal(existsSync(`${path}.part`), false);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}
