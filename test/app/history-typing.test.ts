// Typing in History's quick filter: every keystroke is applied at once (no debounce timer), and the
// controller keeps fast typing cheap by itself — one snapshot in flight at a time; keys typed while it
// is out only mark the query wanted, and when it answers the NEWEST form is read, once. Run under Node
// against the real IPC door and a journal written through the real ingest path; the door's answers are
// held back so the keys land while a query is in flight.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createFillwatchApi } from '../../shared/ipc/fillwatch-api.ts';
import { requestChannel } from '../../shared/ipc/contract.ts';
import { HistoryController } from '../../renderer/state/history/history-controller.ts';
import { useHistoryStore } from '../../renderer/state/history/history-store.ts';
import { EMPTY_FORM } from '../../renderer/state/history/filter-form.ts';
import { modelPage } from '../core/journal/history-fixtures.ts';
import { historyJournal, type HistoryJournal } from './support/history-journal.ts';

describe('History quick filter typing', () => {
  let journal: HistoryJournal;

  before(() => {
    journal = historyJournal('fillwatch-history-typing-', 300, 11);
  });

  after(() => journal.close());

  test('keys typed while a query is out start one more query, for the newest text; the rows shown are that text\'s', async () => {
    // Snapshots wait for release(); everything else is answered at once.
    const snapshots: string[] = [];
    const held: Array<() => void> = [];
    const api = createFillwatchApi({
      invoke: async (channel, payload) => {
        if (channel === requestChannel('history.snapshot')) {
          snapshots.push(((payload as { filter: { text?: string } }).filter.text) ?? '');
          await new Promise<void>((resolve) => held.push(resolve));
        }
        return journal.invoke(channel, payload);
      },
      subscribe: () => () => {},
    });
    const controller = new HistoryController(api, undefined);
    const settled = () => new Promise((resolve) => setTimeout(resolve, 20));

    // The text the journal's rows share most (the fixtures draw Text from a few values), typed key by key.
    const rows = journal.rows;
    const word = rows.map((r) => r.text).find((t): t is string => t !== undefined && t.length >= 3)!;
    controller.setForm({ ...EMPTY_FORM, text: word.slice(0, 1) });
    for (let n = 2; n <= word.length; n++) controller.setForm({ ...EMPTY_FORM, text: word.slice(0, n) });
    await settled();
    assert.deepEqual(snapshots, [word.slice(0, 1)], 'one query in flight; the keys after it wait for its answer');
    assert.equal(useHistoryStore.getState().load, 'loading');

    held.shift()!();
    await settled();
    assert.deepEqual(snapshots, [word.slice(0, 1), word], 'the stale answer is not shown; the newest text is read, once');
    held.shift()!();
    await settled();
    assert.equal(held.length, 0);

    const state = useHistoryStore.getState();
    assert.equal(state.load, 'ready');
    const expected = modelPage(rows, { text: word }, { column: 'time', direction: 'desc' }).slice(0, 100);
    assert.ok(expected.length > 0, 'the word matches rows');
    assert.deepEqual(state.window.rows.map((r) => r.rowId), expected);
  });
});
