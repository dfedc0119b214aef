import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ReconnectPolicy } from '../../../electron/core/transport/reconnect-policy.ts';

test('backoff doubles up to the cap, with jitter in the upper half', () => {
  const fixed = (r: number) => new ReconnectPolicy({ initialMs: 1000, maxMs: 8000, factor: 2, random: () => r });
  const low = fixed(0);
  assert.deepEqual([1, 2, 3, 4, 5].map(() => low.nextDelayMs()), [500, 1000, 2000, 4000, 4000]);
  const high = fixed(0.999999);
  assert.deepEqual([1, 2, 3, 4, 5].map(() => high.nextDelayMs()), [1000, 2000, 4000, 8000, 8000]);
});

test('reset after a good session starts from the shortest delay', () => {
  const policy = new ReconnectPolicy({ initialMs: 1000, maxMs: 60_000, random: () => 0.5 });
  policy.nextDelayMs();
  policy.nextDelayMs();
  assert.equal(policy.attempts, 2);
  policy.reset();
  assert.equal(policy.nextDelayMs(), 750);
});

test('jittered delays spread out', () => {
  const policy = () => new ReconnectPolicy({ initialMs: 1000, random: Math.random });
  const delays = new Set(Array.from({ length: 50 }, () => policy().nextDelayMs()));
  assert.ok(delays.size > 10, `only ${delays.size} distinct delays`);
  for (const d of delays) assert.ok(d >= 500 && d <= 1000);
});
