import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatUtcTimestamp, parseUtcTimestamp } from '../../../electron/core/fix/time.ts';

test('formats UTC with milliseconds', () => {
  assert.equal(formatUtcTimestamp(Date.UTC(2026, 10, 24, 14, 5, 9, 123)), '20261124-14:05:09.123');
  assert.equal(formatUtcTimestamp(Date.UTC(2026, 0, 2, 3, 4, 5, 6)), '20260102-03:04:05.006');
  assert.equal(formatUtcTimestamp(0), '19700101-00:00:00.000');
});

test('parses with, without and with micro/nano fractions', () => {
  const ms = Date.UTC(2026, 10, 24, 14, 5, 9, 123);
  assert.equal(parseUtcTimestamp('20261124-14:05:09.123'), ms);
  assert.equal(parseUtcTimestamp('20261124-14:05:09'), ms - 123);
  assert.equal(parseUtcTimestamp('20261124-14:05:09.123456'), ms);
  assert.equal(parseUtcTimestamp('20261124-14:05:09.123999999'), ms);
});

test('rejects malformed and impossible timestamps', () => {
  for (const bad of [
    '',
    '20261124-14:05:09.12',
    '20261124 14:05:09.123',
    '20261124-14-05-09.123',
    '2026112a-14:05:09.123',
    '20261324-14:05:09.123',
    '20260231-14:05:09.123',
    '20261124-24:00:00.000',
    '20261124-14:60:00.000',
    '20261124-14:05:09,123',
    '20261124-14:05:09.1234',
    '20261124-14:05:09.12a',
    '20261124-14:05:09.123abc',
  ]) {
    assert.equal(parseUtcTimestamp(bad), undefined, bad);
  }
});

test('accepts a leap second and a leap day', () => {
  assert.equal(parseUtcTimestamp('20161231-23:59:60.000'), Date.UTC(2017, 0, 1));
  assert.equal(parseUtcTimestamp('20240229-00:00:00.000'), Date.UTC(2024, 1, 29));
});

test('format → parse round-trips every ms instant in years 1970–9999', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) }), (ms) => {
      assert.equal(parseUtcTimestamp(formatUtcTimestamp(ms)), ms);
    }),
    { numRuns: 300 },
  );
});
