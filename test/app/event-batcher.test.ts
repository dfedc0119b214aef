// EventBatcher: many events within a frame leave as one batch; batches are at most one per 16 ms,
// numbered without gaps, and carry only the latest status of each account.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { EventBatcher, FRAME_MS } from '../../electron/main/ipc/event-batcher.ts';
import type { AccountStatusWire, LiveBatch } from '../../shared/ipc/contract.ts';
import { ManualTimer } from './support/manual-timer.ts';
import { recordNo } from './support/samples.ts';

const status = (phase: AccountStatusWire['phase'], lastMessageAt: number): AccountStatusWire => ({
  accountId: 'a', phase, since: 0, lastMessageAt, nextInbound: null, nextOutbound: null, reason: null,
});

function setUp() {
  const timer = new ManualTimer();
  const batcher = new EventBatcher({ timer });
  const batches: LiveBatch[] = [];
  batcher.onBatch((b) => batches.push(b));
  return { timer, batcher, batches };
}

describe('EventBatcher', () => {
  test('a burst of 10,000 executions in one frame leaves as 10 batches of 1,000, one per frame, in commit order', () => {
    const { timer, batcher, batches } = setUp();
    for (let i = 1; i <= 10_000; i++) batcher.addExecutions([{ accountId: 'a', position: i, record: recordNo(i) }]);
    batcher.setStatus(status('active', 5));
    assert.equal(batches.length, 0, 'nothing is sent synchronously');
    timer.advance(0);
    assert.equal(batches.length, 1);
    assert.equal(batches[0]!.executions.length, 1_000);
    assert.equal(batches[0]!.statuses.length, 1, 'the rest of the news goes with the first');
    timer.advance(FRAME_MS - 1);
    assert.equal(batches.length, 1, 'the next at the next frame, not before');
    timer.advance(1);
    assert.equal(batches.length, 2);
    for (let frame = 0; frame < 20; frame++) timer.advance(FRAME_MS);
    assert.deepEqual(batches.map((b) => b.executions.length), Array(10).fill(1_000));
    assert.deepEqual(batches.map((b) => b.seq), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.deepEqual(batches.flatMap((b) => b.executions.map((e) => e.position)), Array.from({ length: 10_000 }, (_, i) => i + 1));
    assert.ok(batches.slice(1).every((b) => b.statuses.length === 0));
  });

  test('at most one batch per frame, numbered 1, 2, 3 …', () => {
    const { timer, batcher, batches } = setUp();
    const sentAt: number[] = [];
    batcher.onBatch(() => sentAt.push(timer.now()));
    for (let t = 0; t < 200; t += 2) {
      batcher.addExecutions([{ accountId: 'a', position: t + 1, record: recordNo(t + 1) }]);
      timer.advance(2);
    }
    timer.advance(FRAME_MS);
    for (let i = 1; i < sentAt.length; i++) assert.ok(sentAt[i]! - sentAt[i - 1]! >= FRAME_MS, `batches ${i - 1} and ${i} are ${sentAt[i]! - sentAt[i - 1]!} ms apart`);
    assert.deepEqual(batches.map((b) => b.seq), batches.map((_, i) => i + 1));
    assert.equal(batches.flatMap((b) => b.executions).length, 100);
    assert.equal(batcher.seq, batches.length);
  });

  test('statuses coalesce to the latest per account; logs, alerts and positions ride along', () => {
    const { timer, batcher, batches } = setUp();
    batcher.setStatus(status('connecting', 1));
    batcher.setStatus(status('active', 2));
    batcher.addLog({ accountId: 'a', source: 'listener', at: 5, severity: 'info', text: 'Logon accepted' });
    batcher.addAlert({ kind: 'missed-fills', accountId: 'a', at: 6, text: 'Possible missed fills' });
    batcher.positionsChanged('a');
    batcher.positionsChanged('a');
    timer.advance(FRAME_MS);
    assert.equal(batches.length, 1);
    const [batch] = batches;
    assert.deepEqual(batch!.statuses, [status('active', 2)]);
    assert.equal(batch!.logs.length, 1);
    assert.equal(batch!.alerts.length, 1);
    assert.deepEqual(batch!.positionsChanged, ['a']);
  });

  test('nothing pending, nothing sent; dispose cancels the pending batch', () => {
    const { timer, batcher, batches } = setUp();
    batcher.flush();
    batcher.addExecutions([]);
    timer.advance(100);
    assert.equal(batches.length, 0);
    batcher.addExecutions([{ accountId: 'a', position: 1, record: recordNo(1) }]);
    batcher.dispose();
    timer.advance(100);
    assert.equal(batches.length, 0);
  });
});
