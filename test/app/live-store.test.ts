// The Live store applying batches held for one frame (a catch-up's capped batches, frame-gate.ts): the
// executions of all of them are added at once, keeping the newest LIVE_ROWS_KEPT, and the result is
// exactly what applying them one by one gives — rows, their order, log lines.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LiveBatch, LogLine } from '../../shared/ipc/contract.ts';
import { LIVE_ROWS_KEPT } from '../../renderer/state/live-rows.ts';
import { useLiveStore } from '../../renderer/state/live-store.ts';
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
});
