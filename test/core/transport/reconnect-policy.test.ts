import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ReconnectPolicy } from '../../../electron/core/transport/reconnect-policy.ts';
import { asksToSlowDown } from '../../../electron/core/session/slow-down.ts';

test('base delay doubles up to the cap; jitter adds up to +50% on top, never below the base', () => {
  const fixed = (r: number) => new ReconnectPolicy({ initialMs: 1000, maxMs: 8000, factor: 2, random: () => r });
  const low = fixed(0);
  assert.deepEqual([1, 2, 3, 4, 5].map(() => low.nextDelayMs()), [1000, 2000, 4000, 8000, 8000]);
  const high = fixed(0.999999);
  assert.deepEqual([1, 2, 3, 4, 5].map(() => high.nextDelayMs()), [1500, 3000, 6000, 12000, 12000]);
});

test('reset() after a session that logged on starts again from the shortest delay', () => {
  const policy = new ReconnectPolicy({ initialMs: 1000, maxMs: 60_000, random: () => 0.5 });
  policy.nextDelayMs();
  policy.nextDelayMs();
  policy.reset();
  assert.equal(policy.attempts, 0);
  assert.equal(policy.nextDelayMs(), 1250);
});

test('property: with the defaults, no reconnect ever comes within a second, whatever the random draw', () => {
  fc.assert(fc.property(fc.array(fc.double({ min: 0, max: 0.9999999, noNaN: true }), { minLength: 1, maxLength: 30 }), fc.boolean(), (draws, resetBetween) => {
    let i = 0;
    const policy = new ReconnectPolicy({ random: () => draws[i++ % draws.length]! });
    for (const _ of draws) {
      assert.ok(policy.nextDelayMs() >= 1000);
      if (resetBetween) policy.reset();
    }
  }));
});

test('a configured initial delay below 1 s is raised to the 1 s floor', () => {
  const policy = new ReconnectPolicy({ initialMs: 100, random: () => 0 });
  assert.equal(policy.nextDelayMs(), 1000);
});

test('the exchange asking to slow down waits 30 s (plus jitter), then the normal schedule resumes', () => {
  const policy = new ReconnectPolicy({ random: () => 0 });
  assert.equal(policy.nextDelayMs(true), 30_000);
  policy.reset();
  assert.equal(policy.nextDelayMs(false), 1000);
  // A long normal backoff is never shortened by a slow-down request.
  const late = new ReconnectPolicy({ initialMs: 1000, maxMs: 60_000, random: () => 0 });
  for (let n = 0; n < 6; n++) late.nextDelayMs();
  assert.equal(late.nextDelayMs(true), 60_000);
});

test('jittered delays spread out above the base', () => {
  const delays = new Set(Array.from({ length: 50 }, () => new ReconnectPolicy({ initialMs: 1000, random: Math.random }).nextDelayMs()));
  assert.ok(delays.size > 10, `only ${delays.size} distinct delays`);
  for (const d of delays) assert.ok(d >= 1000 && d <= 1500);
});

test('which words ask to slow down', () => {
  for (const text of ['Rate limit exceeded', 'rate-limited: too many logons', 'Scheduled maintenance', 'Too many requests', 'throttled', 'Please try again later']) {
    assert.ok(asksToSlowDown(text), text);
  }
  for (const text of ['Invalid signature', 'MsgSeqNum too low', '', undefined]) assert.ok(!asksToSlowDown(text), String(text));
});
