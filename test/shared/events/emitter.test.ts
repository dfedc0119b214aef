import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DisposableStore, Emitter, type ListenerDrop } from '../../../shared/events/emitter.ts';

test('every listener gets every event until it disposes its subscription', () => {
  const emitter = new Emitter<number>();
  const a: number[] = [];
  const b: number[] = [];
  const subA = emitter.event((n) => a.push(n));
  emitter.event((n) => b.push(n));
  emitter.fire(1);
  subA.dispose();
  subA.dispose();
  emitter.fire(2);
  assert.deepEqual(a, [1]);
  assert.deepEqual(b, [1, 2]);
});

test('a listener that throws is reported once and dropped; the others still run', () => {
  const drops: ListenerDrop[] = [];
  const emitter = new Emitter<number>({ onListenerDropped: (d) => drops.push(d) });
  const seen: number[] = [];
  emitter.event(() => { throw new Error('renderer gone'); });
  emitter.event((n) => seen.push(n));
  emitter.fire(1);
  emitter.fire(2);
  assert.deepEqual(seen, [1, 2]);
  assert.equal(drops.length, 1);
  assert.ok(drops[0]!.kind === 'threw' && (drops[0]!.error as Error).message === 'renderer gone');
  assert.equal(emitter.listenerCount, 1);
});

test('a listener slow three calls in a row is dropped; one slow call is forgiven', () => {
  let clock = 0;
  const drops: ListenerDrop[] = [];
  const emitter = new Emitter<number>({ slowMs: 100, now: () => clock, onListenerDropped: (d) => drops.push(d) });
  const delays = [500, 0, 500, 500, 500, 500];
  let calls = 0;
  emitter.event(() => { clock += delays[calls++] ?? 0; });
  for (let i = 0; i < 6; i++) emitter.fire(i);
  assert.equal(calls, 5, 'dropped after the third slow call in a row');
  assert.deepEqual(drops, [{ kind: 'slow', ms: 500 }]);
});

test('a reporter that throws does not break the emitter', () => {
  const emitter = new Emitter<number>({ onListenerDropped: () => { throw new Error('x'); } });
  emitter.event(() => { throw new Error('y'); });
  assert.doesNotThrow(() => emitter.fire(1));
});

test('subscribing during fire does not see the current event; DisposableStore ends a group', () => {
  const emitter = new Emitter<number>();
  const store = new DisposableStore();
  const late: number[] = [];
  store.add(emitter.event(() => { if (late.length === 0) store.add(emitter.event((n) => late.push(n))); }));
  emitter.fire(1);
  emitter.fire(2);
  assert.deepEqual(late, [2]);
  store.dispose();
  emitter.fire(3);
  assert.deepEqual(late, [2]);
  assert.equal(emitter.listenerCount, 0);
});
