// A clicked notification whose fill Live no longer holds lands on it in History: the renderer's History
// controller (run here under Node against the real IPC door and a journal written through the real
// ingest path) opens the page around the row, makes it the active row and highlights it — keeping the
// user's filter and sort when they include the row, clearing the filter when it hid it. By ExecID when
// the notification has no journal position.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createFillwatchApi } from '../../shared/ipc/fillwatch-api.ts';
import { historyController } from '../../renderer/state/history/history-controller.ts';
import { useHistoryStore } from '../../renderer/state/history/history-store.ts';
import { EMPTY_FORM } from '../../renderer/state/history/filter-form.ts';
import { landInHistory, shownInLive } from '../../renderer/state/history/notification-landing.ts';
import { modelPage, type ModelRow } from '../core/journal/history-fixtures.ts';
import { historyJournal, type HistoryJournal } from './support/history-journal.ts';

describe('a notification lands on its fill in History', () => {
  let journal: HistoryJournal;
  let rows: ModelRow[];
  let api: ReturnType<typeof createFillwatchApi>;

  before(() => {
    journal = historyJournal('fillwatch-history-landing-', 300, 5);
    rows = journal.rows;
    api = createFillwatchApi({ invoke: journal.invoke, subscribe: () => () => {} });
  });

  after(() => journal.close());

  test('in its page, active and highlighted; the filter stays when it includes the row and is cleared when it hid it', async () => {
    const controller = historyController(api);
    const fill = rows.filter((r) => r.execType === 'F')[40]!;
    assert.equal(shownInLive({ accountId: 'a', position: fill.rowId, execId: fill.execId }), false, 'Live holds nothing here');

    controller.setLayout({ form: { ...EMPTY_FORM, execTypes: ['F'] }, sort: { column: 'lastPx', direction: 'asc' } });
    assert.equal(await landInHistory(api, { accountId: 'a', position: fill.rowId, execId: fill.execId }), true);
    let state = useHistoryStore.getState();
    const order = modelPage(rows, { execTypes: ['F'] }, { column: 'lastPx', direction: 'asc' });
    const at = order.indexOf(fill.rowId);
    assert.deepEqual(state.window.rows.map((r) => r.rowId), order.slice(Math.max(0, at - 50), at + 51));
    assert.equal(state.activeRowId, fill.rowId);
    assert.equal(state.highlight?.rowId, fill.rowId);
    assert.deepEqual(state.layout.form.execTypes, ['F'], 'the user\'s filter included the row and stays');

    const ack = rows.find((r) => r.execType === '0')!;
    assert.equal(await landInHistory(api, { accountId: 'a', position: ack.rowId, execId: null }), true);
    state = useHistoryStore.getState();
    assert.equal(state.activeRowId, ack.rowId);
    assert.deepEqual(state.layout.form, EMPTY_FORM, 'the filter that hid it was cleared');
    assert.ok(state.window.rows.some((r) => r.rowId === ack.rowId));

    const byExecId = rows.find((r) => r.execType === '4' && !rows.some((o) => o !== r && o.execId === r.execId))!;
    assert.equal(await landInHistory(api, { accountId: 'a', position: null, execId: byExecId.execId }), true);
    assert.equal(useHistoryStore.getState().activeRowId, byExecId.rowId, 'found by its ExecID');
  });
});
