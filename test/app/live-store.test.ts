// The Live store applying batches held for one frame (a catch-up's capped batches, frame-gate.ts): the
// executions of all of them are added at once, keeping the newest LIVE_ROWS_KEPT, and the result is
// exactly what applying them one by one gives — rows, their order, log lines. A burst starts a catch-up
// (catch-up.ts): the grid's rows stay as they were until no burst came for CATCH_UP_QUIET_MS.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LiveBatch, LogLine } from '../../shared/ipc/contract.ts';
import { LIVE_ROWS_KEPT } from '../../renderer/state/live-rows.ts';
import { afterUpdate, CATCH_UP_QUIET_MS, CATCH_UP_REFRESH_MS, CATCH_UP_ROWS } from '../../renderer/state/catch-up.ts';
import { rowsShown, useLiveStore } from '../../renderer/state/live-store.ts';
import { recordNo } from './support/samples.ts';

function batch(seq: number, from: number, count: number): LiveBatch {
  const log: LogLine = { accountId: 'a', source: 'listener', at: seq, severity: 'info', text: `batch ${seq}` };
  return {
    seq, executions: Array.from({ length: count }, (_, i) => ({ accountId: 'a', position: from + i, record: recordNo(from + i) })),
    statuses: [], logs: [log], alerts: [], positionsChanged: [], surveillance: [],
  };
}

const shown = () => {
  const { rows, logs } = useLiveStore.getState();
  return { order: rows.order, positions: [...rows.byPosition.keys()].sort((a, b) => a - b), logs: logs.map((l) => l.text) };
};

describe('Live store', () => {
  test('batches held for one frame leave the rows and logs that applying them one by one leaves', () => {
    const batches = [batch(1, 1, 1_000), batch(2, 1_001, 1_000), batch(3, 2_001, 300), batch(4, 1_990, 20)]; // the last repeats some
    useLiveStore.setState(useLiveStore.getInitialState());
    for (const b of batches) useLiveStore.getState().applyBatch(b);
    const oneByOne = shown();
    useLiveStore.setState(useLiveStore.getInitialState());
    useLiveStore.getState().applyBatches(batches);
    const together = shown();
    assert.deepEqual(together, oneByOne);
    assert.equal(together.order.length, LIVE_ROWS_KEPT);
    assert.deepEqual(together.order.slice(0, 2), [2_300, 2_299], 'newest first');
    assert.deepEqual(together.logs, ['batch 4', 'batch 3', 'batch 2', 'batch 1']);
  });

  test('a burst holds the rows shown until it has been quiet for a while; the store keeps every row meanwhile', () => {
    useLiveStore.setState(useLiveStore.getInitialState());
    const store = () => useLiveStore.getState();
    store().applyBatch(batch(1, 1, 30));
    assert.equal(store().catchUp, null, 'the steady flow draws as it comes');
    const before = store().rows;
    assert.equal(rowsShown(store()), before);

    store().applyBatches([batch(2, 31, CATCH_UP_ROWS), batch(3, 31 + CATCH_UP_ROWS, 10)]);
    const catchUp = store().catchUp;
    assert.notEqual(catchUp, null, 'a burst starts a catch-up');
    assert.equal(rowsShown(store()), before, 'the grid keeps the rows it showed');
    assert.equal(store().rows.order[0], 30 + CATCH_UP_ROWS + 10, 'the store has the burst');
    store().applyBatch(batch(4, 241, 5));
    assert.equal(store().catchUp?.received, CATCH_UP_ROWS + 15, 'small batches during it are counted, not drawn');
    assert.equal(rowsShown(store()), before);

    const burstAt = catchUp!.lastBurstAt;
    const left = store().endCatchUpIfQuiet(burstAt + CATCH_UP_QUIET_MS / 2);
    assert.ok(Math.abs(left - CATCH_UP_QUIET_MS / 2) < 1e-6, `too soon: the time left (${left})`); // times are performance.now()'s fractions
    assert.equal(rowsShown(store()), before);
    assert.equal(store().endCatchUpIfQuiet(burstAt + CATCH_UP_QUIET_MS), 0);
    assert.equal(store().catchUp, null);
    assert.equal(rowsShown(store()).order[0], 245, 'then the newest rows are shown');
  });

  test('a snapshot ends a catch-up (it replaces the rows)', () => {
    useLiveStore.setState(useLiveStore.getInitialState());
    useLiveStore.getState().applyBatch(batch(1, 1, CATCH_UP_ROWS + 1));
    assert.notEqual(useLiveStore.getState().catchUp, null);
    const executions = batch(2, 1, 50).executions.toReversed();
    useLiveStore.getState().applySnapshot({ seq: 2, position: 50, accounts: [], executions, logs: [], alerts: [], demo: { active: false, accountIds: [], reportsPerSecond: null } });
    assert.equal(useLiveStore.getState().catchUp, null);
    assert.equal(rowsShown(useLiveStore.getState()).order[0], 50);
  });

  test('a catch-up that lasts shows its newest rows every CATCH_UP_REFRESH_MS, and only then', () => {
    const rows = (n: number) => ({ order: [n], byPosition: new Map() });
    let catchUp = afterUpdate(null, CATCH_UP_ROWS, rows(1), rows(2), 1_000);
    assert.equal(catchUp?.shown.order[0], 1, 'it begins with the rows shown before the burst');
    catchUp = afterUpdate(catchUp, CATCH_UP_ROWS, rows(2), rows(3), 1_000 + CATCH_UP_REFRESH_MS - 1);
    assert.equal(catchUp?.shown.order[0], 1, 'not yet');
    catchUp = afterUpdate(catchUp, 0, rows(3), rows(3), 1_000 + CATCH_UP_REFRESH_MS + 5);
    assert.equal(catchUp?.shown.order[0], 1, 'an update without executions changes nothing');
    catchUp = afterUpdate(catchUp, 5, rows(3), rows(4), 1_000 + CATCH_UP_REFRESH_MS);
    assert.equal(catchUp?.shown.order[0], 4, 'then the newest rows, once');
    assert.equal(catchUp?.received, 2 * CATCH_UP_ROWS + 5);
    catchUp = afterUpdate(catchUp, CATCH_UP_ROWS, rows(4), rows(5), 1_000 + CATCH_UP_REFRESH_MS + 10);
    assert.equal(catchUp?.shown.order[0], 4, 'and again only after another CATCH_UP_REFRESH_MS');
  });
});
